/**
 * Common Korean surnames: their standard and popular romanizations, and the ordinary English words
 * machine translation produces from the bare Hangul syllable (the "King" for 왕 Wang problem).
 *
 * Source: docs/reference/korean-names.md, section (c) (Wikipedia "List of Korean surnames"
 * with the 2015 Statistics Korea census; Infogalactic's "Popular spellings" column; NIKL's draft
 * standard; passport correction guidance). The `meanings` column is the table's "Common-noun
 * meanings MT might produce", as the single English words an MT engine writes; rows marked ★ in the
 * reference (seen in real MT) are marked here with a comment. Data only.
 */

/** One Korean surname and what it becomes in English text. */
export interface SurnameRow {
  readonly hangul: string;
  /** Revised Romanization, lower-case: the surname's key (`Person.surnameKey`). */
  readonly rr: string;
  /** McCune-Reischauer without diacritics, lower-case. */
  readonly mr: string;
  /** Popular and other spellings, lower-case. */
  readonly spellings: readonly string[];
  /** English words MT may write for the bare syllable, lower-case. */
  readonly meanings: readonly string[];
}

/** The surname table of section (c), row for row (two-syllable surnames last, as there). */
export const SURNAMES: readonly SurnameRow[] = [
  { hangul: '김', rr: 'gim', mr: 'kim', spellings: ['kim', 'kym', 'ghim', 'khim', 'gym', 'geem'], meanings: ['laver', 'seaweed', 'steam', 'gold'] },
  // ★ "this", "these": 이 대표 read as the demonstrative.
  { hangul: '이', rr: 'i', mr: 'yi', spellings: ['lee', 'yi', 'rhee', 'ree', 'rhie', 'rey', 'li', 'yee', 'ri'], meanings: ['this', 'these', 'tooth', 'two', 'louse', 'profit'] },
  { hangul: '박', rr: 'bak', mr: 'pak', spellings: ['park', 'pak', 'bark', 'pack', 'bak', 'bahk'], meanings: ['gourd', 'beat'] },
  { hangul: '최', rr: 'choe', mr: 'choe', spellings: ['choi', 'che', 'choy', 'chey', 'chwe', 'tsoi'], meanings: ['most'] },
  { hangul: '정', rr: 'jeong', mr: 'chong', spellings: ['chung', 'jung', 'joung', 'chong', 'cheong', 'choung'], meanings: ['affection', 'chisel'] },
  { hangul: '강', rr: 'gang', mr: 'kang', spellings: ['kang', 'kahng', 'khang', 'kwang'], meanings: ['river', 'lecture', 'steel'] },
  // ★ trillion (兆): 조 대표 -> "Trillion Representative".
  { hangul: '조', rr: 'jo', mr: 'cho', spellings: ['cho', 'joe', 'joh', 'jou'], meanings: ['trillion', 'clause', 'team', 'morning', 'millet', 'fatherland'] },
  { hangul: '윤', rr: 'yun', mr: 'yun', spellings: ['yoon', 'youn', 'yune', 'yeun'], meanings: ['gloss', 'shine', 'leap'] },
  { hangul: '장', rr: 'jang', mr: 'chang', spellings: ['chang', 'jahng', 'jhang', 'jeung', 'zang'], meanings: ['sheet', 'market', 'intestines', 'chapter'] },
  { hangul: '임', rr: 'im', mr: 'im', spellings: ['lim', 'yim', 'rim', 'leem', 'rhim', 'lym'], meanings: ['forest', 'beloved'] },
  // ★ "one"/"a": 한 총리 -> "One Prime Minister".
  { hangul: '한', rr: 'han', mr: 'han', spellings: ['hahn', 'hann'], meanings: ['one', 'korea', 'resentment', 'limit'] },
  { hangul: '오', rr: 'o', mr: 'o', spellings: ['oh', 'oe', 'au'], meanings: ['five', 'oh', 'mistake', 'noon'] },
  { hangul: '서', rr: 'seo', mr: 'so', spellings: ['suh', 'su', 'sur', 'so', 'seu'], meanings: ['west', 'book', 'document'] },
  { hangul: '신', rr: 'sin', mr: 'sin', spellings: ['shin', 'shinn', 'sheen', 'chin', 'seen'], meanings: ['god', 'shoes', 'faith', 'body'] },
  { hangul: '권', rr: 'gwon', mr: 'kwon', spellings: ['kwon', 'kweon', 'kwun', 'gweon'], meanings: ['authority', 'volume', 'ticket'] },
  { hangul: '황', rr: 'hwang', mr: 'hwang', spellings: ['whang', 'hoang'], meanings: ['yellow', 'emperor', 'sulfur'] },
  { hangul: '안', rr: 'an', mr: 'an', spellings: ['ahn', 'ann', 'aan'], meanings: ['inside', 'plan', 'bill', 'peace'] },
  { hangul: '송', rr: 'song', mr: 'song', spellings: ['soung', 'sung'], meanings: ['pine', 'song'] },
  { hangul: '전', rr: 'jeon', mr: 'chon', spellings: ['jun', 'chun', 'chon', 'jeun', 'cheon'], meanings: ['whole', 'war', 'pancake', 'electricity'] },
  { hangul: '홍', rr: 'hong', mr: 'hong', spellings: ['houng'], meanings: ['red', 'flood'] },
  { hangul: '유', rr: 'yu', mr: 'yu', spellings: ['yoo', 'you', 'ryu', 'lyu', 'rhyu'], meanings: ['oil', 'existence', 'milk', 'willow'] },
  { hangul: '고', rr: 'go', mr: 'ko', spellings: ['koh', 'goh', 'kho', 'gho', 'koo'], meanings: ['suffering'] },
  // ★ door (門); English "moon" is also the popular spelling of the name itself.
  { hangul: '문', rr: 'mun', mr: 'mun', spellings: ['moon', 'moun'], meanings: ['door', 'gate', 'literature', 'question', 'moon'] },
  { hangul: '양', rr: 'yang', mr: 'yang', spellings: ['ryang'], meanings: ['sheep', 'amount', 'both'] },
  { hangul: '손', rr: 'son', mr: 'son', spellings: ['sohn', 'shon'], meanings: ['hand', 'guest', 'loss', 'grandchild', 'son'] },
  { hangul: '배', rr: 'bae', mr: 'pae', spellings: ['bai', 'pai', 'bea', 'pei'], meanings: ['pear', 'ship', 'boat', 'belly'] },
  { hangul: '백', rr: 'baek', mr: 'paek', spellings: ['paik', 'baik', 'back', 'pack', 'bak'], meanings: ['hundred', 'white'] },
  { hangul: '허', rr: 'heo', mr: 'ho', spellings: ['huh', 'hur', 'her', 'hu', 'hoh'], meanings: ['emptiness', 'permission'] },
  { hangul: '남', rr: 'nam', mr: 'nam', spellings: ['nahm'], meanings: ['south', 'male', 'others'] },
  { hangul: '심', rr: 'sim', mr: 'sim', spellings: ['shim', 'sheem'], meanings: ['heart', 'mind', 'deep'] },
  { hangul: '노', rr: 'no', mr: 'no', spellings: ['noh', 'roh', 'rho', 'ro'], meanings: ['labour', 'labor', 'old', 'oar', 'road', 'no'] },
  { hangul: '하', rr: 'ha', mr: 'ha', spellings: ['hah'], meanings: ['below', 'summer', 'river'] },
  { hangul: '곽', rr: 'gwak', mr: 'kwak', spellings: ['kwag', 'kwack', 'gwag', 'koak'], meanings: ['box', 'carton'] },
  { hangul: '성', rr: 'seong', mr: 'song', spellings: ['sung', 'song'], meanings: ['castle', 'gender', 'saint', 'province', 'success'] },
  { hangul: '차', rr: 'cha', mr: 'cha', spellings: ['char'], meanings: ['car', 'tea', 'difference'] },
  { hangul: '주', rr: 'ju', mr: 'chu', spellings: ['joo', 'choo', 'chu', 'jou'], meanings: ['week', 'state', 'stock', 'liquor'] },
  { hangul: '우', rr: 'u', mr: 'u', spellings: ['woo', 'wu', 'ou'], meanings: ['cow', 'rain'] },
  { hangul: '구', rr: 'gu', mr: 'ku', spellings: ['koo', 'goo', 'kuh', 'kou', 'khu'], meanings: ['nine', 'district', 'ball'] },
  { hangul: '민', rr: 'min', mr: 'min', spellings: [], meanings: ['people', 'civil'] },
  { hangul: '나', rr: 'na', mr: 'na', spellings: ['nah', 'ra', 'la'], meanings: [] },
  { hangul: '진', rr: 'jin', mr: 'chin', spellings: ['chin', 'jean'], meanings: ['camp'] },
  { hangul: '지', rr: 'ji', mr: 'chi', spellings: ['chi', 'jee', 'gi'], meanings: ['land', 'paper', 'knowledge', 'support'] },
  { hangul: '엄', rr: 'eom', mr: 'om', spellings: ['um', 'uhm', 'oum'], meanings: ['strict'] },
  { hangul: '채', rr: 'chae', mr: 'chae', spellings: ['chai', 'che'], meanings: ['vegetable', 'debt'] },
  { hangul: '원', rr: 'won', mr: 'won', spellings: ['weon'], meanings: ['circle', 'hospital'] },
  { hangul: '천', rr: 'cheon', mr: 'chon', spellings: ['chun', 'chon'], meanings: ['thousand', 'heaven', 'cloth'] },
  { hangul: '방', rr: 'bang', mr: 'pang', spellings: ['pang'], meanings: ['room', 'direction'] },
  { hangul: '공', rr: 'gong', mr: 'kong', spellings: ['kong', 'kohng', 'ghong'], meanings: ['ball', 'zero', 'merit'] },
  { hangul: '현', rr: 'hyeon', mr: 'hyon', spellings: ['hyun', 'hyoun'], meanings: ['county', 'string'] },
  { hangul: '변', rr: 'byeon', mr: 'pyon', spellings: ['byun', 'pyun', 'byon'], meanings: ['lawyer', 'change'] },
  { hangul: '염', rr: 'yeom', mr: 'yom', spellings: ['yum', 'youm'], meanings: ['salt', 'inflammation'] },
  // ★ 여 (與, the ruling party) -> "female" (女), seen: "Female ... workshop".
  { hangul: '여', rr: 'yeo', mr: 'yo', spellings: ['yuh', 'yoh'], meanings: ['female'] },
  { hangul: '추', rr: 'chu', mr: 'chu', spellings: ['choo'], meanings: ['autumn', 'pursuit'] },
  { hangul: '도', rr: 'do', mr: 'to', spellings: ['doh', 'toh'], meanings: ['province', 'island', 'degree'] },
  { hangul: '석', rr: 'seok', mr: 'sok', spellings: ['suk'], meanings: ['stone', 'seat'] },
  { hangul: '설', rr: 'seol', mr: 'sol', spellings: ['sul'], meanings: ['theory', 'snow'] },
  { hangul: '길', rr: 'gil', mr: 'kil', spellings: [], meanings: ['road'] },
  { hangul: '연', rr: 'yeon', mr: 'yon', spellings: ['yun', 'youn'], meanings: ['kite', 'smoke'] },
  { hangul: '표', rr: 'pyo', mr: 'pyo', spellings: ['pio'], meanings: ['vote', 'ticket', 'chart'] },
  { hangul: '명', rr: 'myeong', mr: 'myong', spellings: ['myung', 'myoung'], meanings: ['bright'] },
  { hangul: '반', rr: 'ban', mr: 'pan', spellings: [], meanings: ['half', 'class'] },
  // ★ king (王): 왕이 read as "king" + subject particle ("King to Meet Chinese Foreign Minister").
  { hangul: '왕', rr: 'wang', mr: 'wang', spellings: [], meanings: ['king'] },
  { hangul: '금', rr: 'geum', mr: 'kum', spellings: ['keum', 'kum', 'gum'], meanings: ['gold', 'friday'] },
  { hangul: '옥', rr: 'ok', mr: 'ok', spellings: ['ock', 'oak'], meanings: ['jade', 'prison'] },
  { hangul: '육', rr: 'yuk', mr: 'yuk', spellings: ['yook'], meanings: ['six', 'meat'] },
  { hangul: '남궁', rr: 'namgung', mr: 'namgung', spellings: ['namkoong', 'namgoong'], meanings: [] },
  { hangul: '황보', rr: 'hwangbo', mr: 'hwangbo', spellings: ['whangbo'], meanings: [] },
  { hangul: '제갈', rr: 'jegal', mr: 'chegal', spellings: [], meanings: [] },
  { hangul: '선우', rr: 'seonu', mr: 'sonu', spellings: ['sunwoo', 'sunoo'], meanings: [] },
  { hangul: '독고', rr: 'dokgo', mr: 'tokko', spellings: ['dokko'], meanings: ['lonely'] },
];

/**
 * Surname spellings that are also everyday English words (song, moon, park, son …). Such a token
 * is a name only with stronger evidence: a hyphenated or known given name after it, or a title
 * before it (reference section (c): English "song", "son", "no", "moon" are listed as risks).
 */
export const ENGLISH_WORD_SURNAMES: readonly string[] = [
  'song', 'moon', 'park', 'pack', 'back', 'bark', 'ban', 'bang', 'pang', 'pan', 'ha', 'hah', 'son', 'sun', 'ok',
  'oh', 'so', 'do', 'to', 'go', 'no', 'nah', 'la', 'her', 'sin', 'seen', 'sheen', 'chin', 'jean', 'char', 'oak',
  'won', 'ann', 'you', 'gum', 'yo', 'gang', 'yum', 'um', 'goo', 'cook', 'joe', 'ko', 'hu', 'sung', 'kong',
];
