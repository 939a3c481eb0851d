/**
 * Everyday English words the name checks must tell apart from names. Data only; every entry is
 * lower-case and matched as a whole word.
 */

/**
 * Words that spell like a Korean given name after a surname ("Kim Also", "Lee Under", "Han Met")
 * but are English; a capitalised one after a surname in a headline is not a given name.
 */
export const NOT_GIVEN_NAMES: readonly string[] = [
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of',
  'on', 'onto', 'to', 'up', 'upon', 'with', 'amid', 'among', 'under', 'over', 'after', 'before', 'again', 'also',
  'too', 'not', 'no', 'yes', 'is', 'am', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'had', 'have', 'do',
  'did', 'done', 'can', 'may', 'might', 'must', 'will', 'shall', 'would', 'could', 'should', 'said', 'met', 'won',
  'lost', 'led', 'set', 'hit', 'cut', 'let', 'put', 'ran', 'run', 'sing', 'go', 'goes', 'gone',
  'got', 'get', 'new', 'old', 'big', 'top', 'key', 'man', 'men', 'one', 'two', 'ten', 'all', 'any', 'each',
  'his', 'her', 'him', 'he', 'she', 'it', 'its', 'we', 'us', 'our', 'you', 'your', 'they', 'them', 'their', 'this',
  'that', 'then', 'than', 'there', 'here', 'when', 'who', 'whom', 'how', 'why', 'what', 'now', 'soon', 'today',
  'tonight', 'only', 'even', 'just', 'still', 'ahead', 'back', 'down', 'off', 'out', 'near', 'open', 'hold',
  'held', 'holds', 'ban', 'bans', 'bid', 'pick', 'picks', 'tap', 'taps', 'hail', 'hails', 'rap', 'slam', 'jab',
  'probe', 'poll', 'polls', 'win', 'wins', 'dim', 'tie', 'ties', 'ok', 'okay', 'era', 'camp', 'side', 'line',
  'party', 'bloc', 'chief', 'aide', 'aides', 'team', 'home', 'house', 'king', 'queen', 'prince', 'none', 'mine',
  'time', 'guns',
];

/** Words that make the next capitalised word a proper noun's part or an ordinary noun: "the King", "a Trillion". */
export const DETERMINERS: readonly string[] = [
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'your', 'my', 'every',
  'each', 'any', 'some', 'no', 'of', 'per', 'former', 'late', 'new', 'old',
];

/**
 * Verb-like words (and the particle-like continuations "also", "too") that make the capitalised
 * word before them a subject: "King Raises Issues", "King to Meet", "One also asked". Headline verbs
 * of news English and the reporting verbs of the corpus articles.
 */
export const SUBJECT_CONTINUATIONS: readonly string[] = [
  'says', 'said', 'say', 'raises', 'raised', 'meets', 'met', 'to', 'will', 'would', 'calls', 'called', 'urges',
  'urged', 'visits', 'visited', 'holds', 'held', 'criticizes', 'criticized', 'criticises', 'criticised', 'slams',
  'slammed', 'vows', 'vowed', 'pledges', 'pledged', 'asks', 'asked', 'warns', 'warned', 'orders', 'ordered',
  'stresses', 'stressed', 'denies', 'denied', 'rejects', 'rejected', 'announces', 'announced', 'attends',
  'attended', 'expresses', 'expressed', 'plans', 'planned', 'also', 'too', 'added', 'adds', 'noted', 'notes',
  'emphasized', 'emphasizes', 'emphasised', 'emphasises', 'pointed', 'points', 'stated', 'states', 'proposes',
  'proposed', 'demands', 'demanded', 'requests', 'requested', 'presided', 'presides', 'conveyed', 'conveys',
  'responded', 'responds', 'insists', 'insisted', 'claims', 'claimed', 'argues', 'argued', 'agrees', 'agreed',
  'declares', 'declared', 'speaks', 'spoke', 'told', 'tells', 'leaves', 'left', 'arrives', 'arrived', 'returns',
  'returned', 'resigns', 'resigned', 'apologizes', 'apologized', 'apologises', 'apologised', 'appoints',
  'appointed', 'signs', 'signed', 'condemns', 'condemned', 'welcomes', 'welcomed', 'submits', 'submitted',
  'sends', 'sent', 'receives', 'received', 'hosts', 'hosted', 'joins', 'joined', 'discusses', 'discussed',
  'reaffirms', 'reaffirmed', 'confirms', 'confirmed', 'promises', 'promised', 'blasts', 'blasted', 'dismisses',
  'dismissed', 'has', 'had', 'is', 'was', 'should', 'must', 'can', 'could', 'may', 'might', 'does', 'did',
  'himself', 'herself', 'explained', 'explains', 'mentioned', 'mentions', 'answered', 'answers', 'replied',
  'replies', 'revealed', 'reveals', 'instructed', 'instructs', 'directed', 'directs', 'highlighted',
  'highlights', 'remarked', 'remarks', 'commented', 'comments', 'predicted', 'predicts', 'reported', 'reports',
  'unveils', 'unveiled', 'defends', 'defended', 'accuses', 'accused', 'targets', 'targeted', 'opposes', 'opposed',
];

/**
 * Surname meanings that are everyday English nouns and adjectives: they qualify titles ("State
 * Secretary", "Labor Minister", "Female lawmaker", "District Judge", "Team Leader") and head
 * headlines ("Gold Rises", "Oil Hits High"), so neither position proves that a person is meant.
 * The homograph check leaves them alone.
 */
export const ORDINARY_TITLE_QUALIFIERS: readonly string[] = [
  'state', 'district', 'labor', 'labour', 'land', 'team', 'class', 'chapter', 'province', 'county', 'faith',
  'hospital', 'ship', 'korea', 'people', 'civil', 'peace', 'old', 'deep', 'lawyer',
  'road', 'market', 'stock', 'island', 'body', 'authority', 'inside', 'bill', 'war', 'whole', 'others', 'river',
  'snow', 'support', 'male', 'female', 'south', 'west', 'camp', 'ticket', 'vote', 'car', 'room', 'gold', 'book',
  'steel', 'oil', 'literature', 'string', 'direction', 'knowledge', 'paper', 'debt', 'heaven', 'zero', 'sheet',
  'friday', 'success', 'gender', 'summer', 'morning', 'week', 'theory', 'bright', 'strict', 'lonely', 'change',
  'plan', 'question', 'document', 'volume', 'permission', 'merit', 'ball', 'hand', 'guest', 'gate', 'these', 'two',
];

/**
 * Korean words that English news keeps in romanization and that parse like given names: cities
 * and provinces (Statistics Korea's administrative divisions; North Korean cities as BGN/PCGN
 * spells them), holidays and loanwords. "During Chuseok Han visited", "in Gwangju Lee said" must
 * not make "Chuseok Han" or "Gwangju Lee" a person; nor "Hong Kong" a Hong.
 */
export const KOREAN_WORDS_NOT_NAMES: readonly string[] = [
  'seoul', 'busan', 'daegu', 'incheon', 'gwangju', 'daejeon', 'ulsan', 'sejong', 'suwon', 'seongnam', 'goyang',
  'yongin', 'changwon', 'cheongju', 'jeonju', 'cheonan', 'gimhae', 'pohang', 'hwaseong', 'ansan', 'anyang',
  'jinju', 'gyeongju', 'gumi', 'wonju', 'chuncheon', 'gangneung', 'andong', 'mokpo', 'yeosu', 'suncheon', 'iksan',
  'gunsan', 'sokcho', 'hanam', 'gimpo', 'paju', 'namyangju', 'uijeongbu', 'pyeongtaek', 'jeju', 'gyeonggi',
  'gangwon', 'chungcheong', 'jeolla', 'gyeongsang', 'yeouido', 'gangnam', 'itaewon', 'myeongdong', 'namsan',
  'gwanghwamun', 'yongsan', 'panmunjom', 'pyongyang', 'kaesong', 'wonsan', 'hamhung', 'sinuiju', 'nampo',
  'chongjin', 'yongbyon', 'dokdo', 'ulleungdo', 'hong', 'kong', 'macau', 'chuseok', 'seollal', 'kimchi', 'taekwondo',
  'hanbok', 'hangul', 'hangeul', 'chaebol', 'soju', 'makgeolli', 'bulgogi', 'bibimbap', 'gimbap', 'kimbap',
  'hallyu', 'juche', 'songun', 'manse', 'won', 'hanok', 'ssireum', 'pansori', 'gayageum', 'kpop', 'oppa',
];

/**
 * English numerals, determiners and quantifiers among the surname meanings (한 "one", 이 "this",
 * 최 "most", 오 "five", 육 "six", 구 "nine", 백 "hundred", 천 "thousand", 조 "trillion"). Ordinary
 * English starts headlines with them and a verb ("Five Killed in Fire", "Most Say…", "This Is
 * Why…"), so at the head of a headline only a Korean-headline form (a quotation or a title right
 * after) shows that a person is meant.
 */
export const QUANTIFIER_WORDS: readonly string[] = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'hundred', 'thousand', 'million',
  'billion', 'trillion', 'this', 'these', 'that', 'those', 'most', 'all', 'some', 'many', 'no', 'both', 'half',
];

/**
 * Verbs in the singular present that only a person (or a body of people) does: after a numeral or
 * a determiner they cannot agree with a plural or a thing ("Five Vows to…" is not five people, "This
 * Urges…" is not English), so they show that the word before them is a surname read as a word.
 */
export const ANIMATE_SINGULAR_VERBS: readonly string[] = [
  'vows', 'pledges', 'urges', 'criticizes', 'criticises', 'slams', 'apologizes', 'apologises', 'resigns', 'insists',
  'meets', 'visits', 'stresses', 'demands', 'promises', 'condemns', 'welcomes', 'declares', 'blasts', 'denies',
  'rejects', 'accuses', 'defends', 'appoints', 'attends', 'announces',
];

/**
 * Everyday nouns among the surname meanings that name places, countries and bodies of people, which
 * English lets vow, urge and welcome ("Korea Vows…", "South Urges…", "Hospital Apologizes", "Team
 * Welcomes…"): with a verb after them they are what they say, whoever the lede is about.
 */
export const COLLECTIVE_NOUNS: readonly string[] = [
  'korea', 'south', 'west', 'state', 'province', 'county', 'district', 'people', 'civil', 'team', 'class', 'camp',
  'market', 'hospital', 'authority', 'party', 'island', 'land', 'ship', 'steel', 'stock', 'oil', 'gold', 'war',
];
