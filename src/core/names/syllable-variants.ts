/**
 * Name syllables that are spelled in several ways in English text: one row per Hangul syllable,
 * with its Revised Romanization, its McCune-Reischauer form with the diacritics dropped (ŏ -> o,
 * ŭ -> u, t' -> t, as the forms appear online) and the popular, passport and observed spellings.
 *
 * Source: docs/reference/korean-names.md, section (b), "Variant table: frequently varied name
 * syllables" (RR: MCT Proclamation 2000-8; MR: University of Chicago / Toronto / BGN-PCGN tables;
 * popular forms: Wikipedia "List of Korean surnames", passport correction guidance). Data only: the
 * lookup maps are built in syllable-key.ts.
 */

/** One frequently varied name syllable and every spelling of it seen in English text. */
export interface SyllableVariants {
  readonly hangul: string;
  /** Revised Romanization (RR), lower-case. */
  readonly rr: string;
  /** McCune-Reischauer, initial and medial forms, diacritics and apostrophes dropped. */
  readonly mr: readonly string[];
  /** Popular, passport and observed spellings (lower-case, without hyphens). */
  readonly variants: readonly string[];
}

/** The variant table of section (b), row for row. */
export const SYLLABLE_VARIANTS: readonly SyllableVariants[] = [
  { hangul: '열', rr: 'yeol', mr: ['yol', 'ryol', 'nyol'], variants: ['yul', 'yeol', 'youl', 'yol', 'yoel', 'ryul', 'lyul', 'ryeol'] },
  { hangul: '태', rr: 'tae', mr: ['tae'], variants: ['tae', 'tai', 'tay'] },
  { hangul: '정', rr: 'jeong', mr: ['chong', 'jong'], variants: ['jung', 'chung', 'jeong', 'joung', 'chong', 'cheong', 'choung', 'jong'] },
  { hangul: '조', rr: 'jo', mr: ['cho', 'jo'], variants: ['cho', 'jo', 'joe', 'joh', 'jou'] },
  { hangul: '이', rr: 'i', mr: ['i', 'yi', 'ri'], variants: ['lee', 'yi', 'rhee', 'ree', 'rhie', 'ri', 'li', 'yee', 'e'] },
  { hangul: '박', rr: 'bak', mr: ['pak', 'bak'], variants: ['park', 'pak', 'bak', 'bark', 'pack', 'bahk'] },
  { hangul: '최', rr: 'choe', mr: ['choe'], variants: ['choi', 'choe', 'chey', 'choy', 'chwe', 'che', 'tsoi'] },
  { hangul: '김', rr: 'gim', mr: ['kim', 'gim'], variants: ['kim', 'kym', 'ghim', 'khim'] },
  { hangul: '윤', rr: 'yun', mr: ['yun'], variants: ['yoon', 'yun', 'youn', 'yune', 'yeun'] },
  // 석열 -> Sŏgyŏl / Seo-gyeol: the liaison spelling "seog" is listed with the syllable.
  { hangul: '석', rr: 'seok', mr: ['sok'], variants: ['suk', 'seok', 'sok', 'suck', 'sug', 'seog'] },
  { hangul: '영', rr: 'yeong', mr: ['yong'], variants: ['young', 'yong', 'yeong', 'yung', 'yoeng'] },
  { hangul: '현', rr: 'hyeon', mr: ['hyon'], variants: ['hyun', 'hyeon', 'hyon', 'hyoun'] },
  { hangul: '준', rr: 'jun', mr: ['chun', 'jun'], variants: ['joon', 'jun', 'june', 'choon'] },
  { hangul: '은', rr: 'eun', mr: ['un'], variants: ['eun', 'un'] },
  { hangul: '성', rr: 'seong', mr: ['song'], variants: ['sung', 'seong', 'song', 'seung'] },
  { hangul: '경', rr: 'gyeong', mr: ['kyong', 'gyong'], variants: ['kyung', 'kyoung', 'kyeong', 'kyong', 'gyung', 'gyeong'] },
  { hangul: '동', rr: 'dong', mr: ['tong', 'dong'], variants: ['dong', 'tong'] },
  { hangul: '진', rr: 'jin', mr: ['chin', 'jin'], variants: ['jin', 'chin', 'jean'] },
  { hangul: '형', rr: 'hyeong', mr: ['hyong'], variants: ['hyung', 'hyeong', 'hyoung', 'hyong'] },
  { hangul: '덕', rr: 'deok', mr: ['tok', 'dok'], variants: ['duck', 'deok', 'dok', 'duk'] },
  { hangul: '건', rr: 'geon', mr: ['kon', 'gon'], variants: ['keon', 'kun', 'geon', 'gun', 'kon'] },
  { hangul: '철', rr: 'cheol', mr: ['chol'], variants: ['chul', 'cheol', 'chol', 'chool'] },
  { hangul: '수', rr: 'su', mr: ['su'], variants: ['soo', 'su', 'sou'] },
  { hangul: '주', rr: 'ju', mr: ['chu', 'ju'], variants: ['joo', 'ju', 'chu', 'jou'] },
  { hangul: '용', rr: 'yong', mr: ['yong', 'ryong'], variants: ['yong', 'young', 'ryong'] },
  { hangul: '명', rr: 'myeong', mr: ['myong'], variants: ['myung', 'myeong', 'myoung', 'myong'] },
  { hangul: '병', rr: 'byeong', mr: ['pyong', 'byong'], variants: ['byung', 'byeong', 'byoung', 'pyong'] },
  { hangul: '희', rr: 'hui', mr: ['hui'], variants: ['hee', 'hui', 'hi', 'heui', 'hwi'] },
  { hangul: '혜', rr: 'hye', mr: ['hye'], variants: ['hye', 'hae', 'hyae'] },
  { hangul: '재', rr: 'jae', mr: ['chae', 'jae'], variants: ['jae', 'jay', 'chae'] },
  { hangul: '종', rr: 'jong', mr: ['chong', 'jong'], variants: ['jong', 'chong', 'jung'] },
  { hangul: '상', rr: 'sang', mr: ['sang'], variants: ['sang'] },
  { hangul: '승', rr: 'seung', mr: ['sung'], variants: ['seung', 'sung', 'seong'] },
  { hangul: '선', rr: 'seon', mr: ['son'], variants: ['sun', 'seon', 'son'] },
  { hangul: '순', rr: 'sun', mr: ['sun'], variants: ['soon', 'sun'] },
  { hangul: '숙', rr: 'suk', mr: ['suk'], variants: ['sook', 'suk'] },
  { hangul: '식', rr: 'sik', mr: ['sik'], variants: ['sik', 'shik', 'sick', 'shick'] },
  { hangul: '신', rr: 'sin', mr: ['sin'], variants: ['shin', 'sin', 'sheen', 'shinn'] },
  { hangul: '서', rr: 'seo', mr: ['so'], variants: ['suh', 'seo', 'so', 'su', 'sur'] },
  { hangul: '우', rr: 'u', mr: ['u'], variants: ['woo', 'wu', 'u', 'ou'] },
  { hangul: '욱', rr: 'uk', mr: ['uk'], variants: ['wook', 'uk', 'ook'] },
  { hangul: '원', rr: 'won', mr: ['won'], variants: ['won', 'weon', 'woon', 'wun'] },
  { hangul: '훈', rr: 'hun', mr: ['hun'], variants: ['hoon', 'hun'] },
  { hangul: '혁', rr: 'hyeok', mr: ['hyok'], variants: ['hyuk', 'hyeok', 'hyok'] },
  { hangul: '환', rr: 'hwan', mr: ['hwan'], variants: ['hwan'] },
  { hangul: '호', rr: 'ho', mr: ['ho'], variants: ['ho', 'hoh'] },
  { hangul: '기', rr: 'gi', mr: ['ki', 'gi'], variants: ['ki', 'kee', 'gi', 'key'] },
  { hangul: '규', rr: 'gyu', mr: ['kyu', 'gyu'], variants: ['kyu', 'gyu', 'kyoo'] },
  { hangul: '근', rr: 'geun', mr: ['kun', 'gun'], variants: ['keun', 'geun', 'kun', 'gun', 'kuen'] },
  { hangul: '국', rr: 'guk', mr: ['kuk', 'guk'], variants: ['kook', 'kuk', 'gook', 'kug', 'cook'] },
  { hangul: '구', rr: 'gu', mr: ['ku', 'gu'], variants: ['koo', 'goo', 'ku', 'kou'] },
  { hangul: '광', rr: 'gwang', mr: ['kwang', 'gwang'], variants: ['kwang', 'gwang'] },
  { hangul: '권', rr: 'gwon', mr: ['kwon'], variants: ['kwon', 'kweon', 'kwun', 'gweon'] },
  { hangul: '찬', rr: 'chan', mr: ['chan'], variants: ['chan'] },
  { hangul: '창', rr: 'chang', mr: ['chang'], variants: ['chang'] },
  { hangul: '택', rr: 'taek', mr: ['taek'], variants: ['taek', 'tack', 'taik'] },
  { hangul: '필', rr: 'pil', mr: ['pil'], variants: ['pil', 'phil'] },
  { hangul: '한', rr: 'han', mr: ['han'], variants: ['han', 'hahn'] },
  { hangul: '하', rr: 'ha', mr: ['ha'], variants: ['ha', 'hah'] },
  { hangul: '미', rr: 'mi', mr: ['mi'], variants: ['mi', 'me', 'mee'] },
  { hangul: '애', rr: 'ae', mr: ['ae'], variants: ['ae', 'ai', 'ea'] },
  { hangul: '연', rr: 'yeon', mr: ['yon'], variants: ['yeon', 'yun', 'youn', 'yon'] },
  { hangul: '옥', rr: 'ok', mr: ['ok'], variants: ['ok', 'ohk', 'ock'] },
  { hangul: '남', rr: 'nam', mr: ['nam'], variants: ['nam', 'nahm'] },
  { hangul: '민', rr: 'min', mr: ['min'], variants: ['min'] },
  { hangul: '문', rr: 'mun', mr: ['mun'], variants: ['moon', 'mun'] },
  { hangul: '추', rr: 'chu', mr: ['chu'], variants: ['choo', 'chu'] },
];
