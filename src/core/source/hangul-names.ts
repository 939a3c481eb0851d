/**
 * Korean personal names in the Hangul of the source, and the romanizations an English text may
 * write for them. The reference (docs/reference/korean-names.md, "Matcher design facts" 3) says:
 * when the Korean source is available, generate the candidate spellings from the Hangul (RR + MR +
 * the popular table) and match the English against that set; fuzzy English-to-English matching is
 * only the fallback. So a name's spellings are built syllable by syllable: the RR of each jamo with
 * the alternatives MR, passports and journalists write for it, the section (b) variant table, and
 * for the surname the section (c) row (Lee for 이, Park for 박, Choi for 최, Cho for 조).
 */
import { SURNAMES, type SurnameRow } from '../names/surnames.js';
import { SYLLABLE_VARIANTS } from '../names/syllable-variants.js';
import { decomposeSyllable, hangulSyllables, isHangulSyllable, romanizeSyllable, RR_FINALS, RR_INITIALS, RR_MEDIALS } from './hangul.js';

/**
 * Other ways of writing each initial consonant, by RR: MR's voiceless k/t/p/ch, the sh of
 * journalists before i, the r/l/n/nothing of ㄹ (이 Lee/Rhee/Yi, 류 Ryu/Yu, 림 Lim/Im).
 */
const INITIAL_ALTERNATIVES: Readonly<Record<string, readonly string[]>> = {
  g: ['g', 'k'], kk: ['kk', 'gg', 'k'], d: ['d', 't'], tt: ['tt', 'dd', 't'], r: ['r', 'l', 'n', ''], b: ['b', 'p'], pp: ['pp', 'bb', 'p'],
  s: ['s', 'sh'], ss: ['ss', 's'], j: ['j', 'ch'], jj: ['jj', 'tch', 'j'], ch: ['ch'], k: ['k', 'kh'], t: ['t', 'th'], p: ['p', 'ph'],
};

/** Other ways of writing each vowel, by RR: MR's ŏ/ŭ without diacritics, the popular oo/ee/u forms (section b). */
const MEDIAL_ALTERNATIVES: Readonly<Record<string, readonly string[]>> = {
  a: ['a', 'ah'], ae: ['ae', 'ai', 'ay'], eo: ['eo', 'u', 'o', 'ou', 'uh'], yeo: ['yeo', 'yu', 'yo', 'you', 'yoe'], o: ['o', 'oh'],
  oe: ['oe', 'oi', 'ey', 'we'], u: ['u', 'oo', 'ou'], wo: ['wo', 'weo', 'wu'], wi: ['wi', 'wee'], yu: ['yu', 'yoo', 'you'],
  eu: ['eu', 'u'], ui: ['ui', 'ee', 'i', 'eui', 'ee'], i: ['i', 'ee'], e: ['e'], ye: ['ye'],
};

/** Other ways of writing each final sound: MR's and journalists' g/c/ck for k, r for l, d for t, b for p. */
const FINAL_ALTERNATIVES: Readonly<Record<string, readonly string[]>> = {
  k: ['k', 'g', 'ck', 'c'], t: ['t', 'd'], l: ['l', 'r'], p: ['p', 'b'],
};

const SURNAME_ROWS: ReadonlyMap<string, SurnameRow> = new Map(SURNAMES.map((row) => [row.hangul, row]));
const VARIANT_ROWS = new Map(SYLLABLE_VARIANTS.map((row) => [row.hangul, row]));
/** The longest surname in the table, in syllables (남궁, 황보, 제갈, 선우, 독고). */
const MAX_SURNAME_SYLLABLES = Math.max(...SURNAMES.map((row) => row.hangul.length));

/** Returns the spellings an English text may use for one Hangul syllable of a given name, lower-case, RR first. */
export function syllableSpellings(syllable: string): readonly string[] {
  const jamo = decomposeSyllable(syllable);
  if (jamo === undefined) return [];
  const rr = romanizeSyllable(syllable);
  const initial = RR_INITIALS[jamo.initial] ?? '';
  const medial = RR_MEDIALS[jamo.medial] ?? '';
  const final = RR_FINALS[jamo.final] ?? '';
  const out = new Set<string>([rr]);
  const initials = INITIAL_ALTERNATIVES[initial] ?? [initial];
  // ㅇ + ㅜ is written with a w by the popular forms (우 Woo, 운 Woon).
  const medials = initial === '' && medial === 'u' ? [...(MEDIAL_ALTERNATIVES.u ?? []), 'woo', 'wu'] : (MEDIAL_ALTERNATIVES[medial] ?? [medial]);
  const finals = FINAL_ALTERNATIVES[final] ?? [final];
  for (const i of initials) for (const m of medials) for (const f of finals) out.add(`${i}${m}${f}`);
  const row = VARIANT_ROWS.get(syllable);
  if (row !== undefined) for (const s of [row.rr, ...row.mr, ...row.variants]) out.add(s);
  return [...out];
}

/** Returns the spellings of a Hangul surname, lower-case: the table's RR, MR and popular forms, else those built from its syllables. */
export function surnameSpellings(surname: string): readonly string[] {
  const row = SURNAME_ROWS.get(surname);
  if (row !== undefined) return [...new Set([row.rr, row.mr, ...row.spellings])];
  const syllables = hangulSyllables(surname);
  // Guard: a surname the table lacks is spelled as its syllables are (one syllable nearly always).
  if (syllables.length !== 1) return [syllables.map(romanizeSyllable).join('')];
  return syllableSpellings(syllables[0] ?? '');
}

/**
 * Surnames whose usual form in English news is not the first of the table's popular spellings:
 * where section (c)'s "Popular / other spellings" column lists only rarer variants (한 Hahn, 송 Soung,
 * 양 Ryang), the RR or MR itself is the usual form; 정 is Jung, "the most common form" per the
 * 2007 passport figures the reference quotes.
 */
const NEWS_SURNAMES: Readonly<Record<string, string>> = {
  정: 'jung', 한: 'han', 황: 'hwang', 송: 'song', 홍: 'hong', 양: 'yang', 배: 'bae', 남: 'nam', 노: 'roh', 하: 'ha', 곽: 'kwak', 차: 'cha',
  채: 'chae', 원: 'won', 방: 'bang', 표: 'pyo', 나: 'na', 지: 'ji', 진: 'jin', 옥: 'ok', 연: 'yeon', 성: 'sung', 민: 'min', 길: 'gil', 반: 'ban', 왕: 'wang',
};

/** Returns how the surname is usually written in English news ("Lee" for 이, "Cho" for 조): the table's first popular spelling, else the RR. */
export function popularSurname(surname: string): string {
  const row = SURNAME_ROWS.get(surname);
  const form = NEWS_SURNAMES[surname] ?? row?.spellings[0] ?? hangulSyllables(surname).map(romanizeSyllable).join('');
  return capitalise(form);
}

/** Returns the name as a suggestion: the popular surname and the RR given name, hyphenated ("조태열" -> "Cho Tae-yeol"). */
export function romanizeName(name: HangulName): string {
  if (name.given === '') return popularSurname(name.surname);
  const given = hangulSyllables(name.given).map(romanizeSyllable).join('-');
  return `${popularSurname(name.surname)} ${capitalise(given)}`;
}

/** Returns true when `written` (an English surname: "Cho", "CHO", "Ch'oe") is a spelling of the Hangul surname. */
export function isSurnameSpelling(surname: string, written: string): boolean {
  return surnameSpellings(surname).includes(fold(written));
}

/**
 * Returns true when the written given-name syllables ("tae", "yul") spell the Hangul given name
 * syllable by syllable; a liaison spelling (석열 -> Seo-gyeol, the reference's fact 4) counts too.
 */
export function isGivenSpelling(given: string, written: readonly string[]): boolean {
  const syllables = hangulSyllables(given);
  const joined = written.map(fold).join('');
  return spells(syllables, joined) || spells(withLiaison(syllables), joined);
}

/** True when `joined` can be cut into one listed spelling per syllable, in order. */
function spells(syllables: readonly string[], joined: string): boolean {
  if (syllables.length === 0) return joined === '';
  const [first = '', ...rest] = syllables;
  return syllableSpellings(first).some((spelling) => spelling !== '' && joined.startsWith(spelling) && spells(rest, joined.slice(spelling.length)));
}

/** Final consonant index -> the initial index of the same consonant (ㄱ ㄴ ㄷ ㄹ ㅁ ㅂ ㅅ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ); ㅇ and clusters do not move. */
const FINAL_TO_INITIAL: ReadonlyMap<number, number> = new Map([[1, 0], [4, 2], [7, 3], [8, 5], [16, 6], [17, 7], [19, 9], [22, 12], [23, 14], [24, 15], [25, 16], [26, 17], [27, 18]]);

/** Index of ㅇ among the initials: a syllable that starts with a vowel sound. */
const SILENT = 11;

/** Returns the syllables as MR and journalists hear them: a final before a silent ㅇ opens the next syllable (석열 -> 서결). */
export function withLiaison(syllables: readonly string[]): string[] {
  const out = [...syllables];
  for (let i = 0; i + 1 < out.length; i += 1) {
    const a = decomposeSyllable(out[i] ?? '');
    const b = decomposeSyllable(out[i + 1] ?? '');
    const moved = a && FINAL_TO_INITIAL.get(a.final);
    if (!a || !b || moved === undefined || b.initial !== SILENT) continue;
    out[i] = composeSyllable(a.initial, a.medial, 0);
    out[i + 1] = composeSyllable(moved, b.medial, b.final);
  }
  return out;
}

function composeSyllable(initial: number, medial: number, final: number): string {
  return String.fromCodePoint(0xac00 + (initial * 21 + medial) * 28 + final);
}

/** A Korean name found in the source text. */
export interface HangulName {
  /** Offsets into the source segment's text. */
  readonly start: number;
  readonly end: number;
  /** The surname in Hangul ("조", "남궁"). */
  readonly surname: string;
  /** The given name in Hangul; '' for a surname standing alone before a title ("조 장관"). */
  readonly given: string;
  /** What shows it is a name: a title after or before it, the 씨 of address, a quotation after it (a headline's speaker), or the glossary. */
  readonly evidence: 'title' | 'quotation' | 'glossary' | 'none';
}

/**
 * Titles and roles that follow (or precede) a name in Korean news: 조태열 외교부 장관, 한 총리, 김 씨.
 * Office words between the name and the title ("외교부", "국민의힘") are skipped, up to two of them.
 */
export const KOREAN_TITLES: readonly string[] = [
  '대통령', '전 대통령', '총리', '부총리', '장관', '차관', '의원', '대표', '원내대표', '위원장', '위원', '최고위원', '회장', '부회장', '사장', '대변인',
  '비서실장', '실장', '국장', '청장', '차장', '검찰총장', '총장', '시장', '도지사', '지사', '구청장', '교수', '기자', '특파원', '감독', '선수', '씨',
  '후보', '대사', '의장', '부의장', '원장', '판사', '검사', '변호사', '본부장', '단장', '주석', '국무위원장', '총재', '행장', '이사장', '대행', '권한대행',
  '수석', '보좌관', '장군', '사령관', '소장', '박사', '작가', '배우', '가수', '전무', '상무', '부사장', '대표이사', '회장님', '군', '양',
];
const TITLE_SET = new Set(KOREAN_TITLES.filter((t) => !t.includes(' ')));

/**
 * Everyday words that read as a surname and a given name (금 + 요일, 이 + 날, 전 + 문가): days of the
 * week, time words, and the nouns that most often stand before a title in news copy.
 */
const NOT_NAMES: ReadonlySet<string> = new Set([
  '월요일', '화요일', '수요일', '목요일', '금요일', '토요일', '일요일', '이날', '이번', '이후', '이전', '이어', '이상', '이하', '이미', '이제', '전날', '전문가',
  '전체', '전국', '전후', '정부', '정책', '정치', '한편', '한국', '조사', '강조', '안보', '안전', '고위', '최근', '최고', '최대', '신임', '주요', '지난', '현지',
  '현재', '현직', '전임', '후임', '신규', '공동', '성명', '명예', '연합', '임시', '부총리', '국무총리', '원내', '당시', '지금', '오늘', '어제', '내일', '올해', '작년',
  '방한', '방미', '방중', '방일', '노동', '여당', '야당', '여야', '남북', '북한', '미국', '중국', '일본', '국회', '신임', '하루', '우리', '모든', '구체', '민간', '진보',
]);

/** Particles a name may carry (조태열은, 한 총리가 -> the word before it); longest first. */
const PARTICLES = ['에게서', '에게', '께서', '으로', '에서', '이라고', '라고', '은', '는', '이', '가', '을', '를', '의', '에', '와', '과', '도', '로', '만', '측', '씨'];

/** A Hangul word with its offsets. */
const HANGUL_WORD = /[\uAC00-\uD7A3]+/gu;

/**
 * Returns the personal names written in a Korean text, in order. A word is a name when its first
 * syllable (or two) is a table surname, the rest a given name of one or two syllables, and the text
 * shows it is a person: a title after it (at most two office words between: 조태열 외교부 장관), a
 * title right before it (외교부 장관 조태열), or, as the speaker of a headline, a quotation after it
 * (조태열 "…"). A surname alone counts before a title (조 장관, 한 총리). `known` are names the
 * glossary holds in Hangul: those need no other evidence. `isLenient` also returns every other word
 * that reads as a full name (evidence 'none'): what may be a name, when asking whether the English
 * can be someone the source names. Never throws.
 */
export function findHangulNames(text: string, known: ReadonlySet<string> = new Set(), opts: { readonly isLenient?: boolean } = {}): HangulName[] {
  const words = [...text.matchAll(HANGUL_WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  const names: HangulName[] = [];
  words.forEach((word, i) => {
    const stem = stripParticle(word.text);
    // Guard: everyday words that start with a surname syllable (금요일, 이날, 전문가).
    if (NOT_NAMES.has(stem) || NOT_NAMES.has(word.text)) return;
    const isKnown = known.has(stem) || known.has(word.text);
    const split = splitName(isKnown && known.has(word.text) ? word.text : stem);
    if (split === undefined) return;
    const end = word.start + (isKnown && known.has(word.text) ? word.text.length : stem.length);
    if (isKnown) {
      names.push({ start: word.start, end, ...split, evidence: 'glossary' });
      return;
    }
    // A surname alone is a person only right before a title; a full name may have office words between.
    // A two-syllable word (surname + one syllable) needs the title right after it, as 김구 선생.
    const after = words.slice(i + 1, i + (split.given.length + split.surname.length <= 2 ? 2 : 4));
    const gapOk = (k: number) => /^[\s,·]*$/u.test(text.slice((k === 0 ? word : after[k - 1])?.end ?? word.end, after[k]?.start ?? 0));
    const hasTitleAfter = after.some((w, k) => isTitle(w.text) && after.slice(0, k + 1).every((_, j) => gapOk(j)) && (k === 0 || stem === word.text));
    const before = words[i - 1];
    // A title before the name is bare (외교부 장관 조태열), and the name a full one: "장관은 이날" is not a name.
    const hasTitleBefore = split.given.length + split.surname.length >= 3 && before !== undefined && TITLE_SET.has(before.text) && /^\s+$/u.test(text.slice(before.end, word.start));
    const hasQuotationAfter = split.given !== '' && /^\s*[,:]?\s*["“'‘]/u.test(text.slice(end, end + 4));
    const isAttachedTitle = word.text.endsWith('씨') && split.given !== '';
    if (hasTitleAfter || hasTitleBefore || isAttachedTitle) names.push({ start: word.start, end, ...split, evidence: 'title' });
    else if (hasQuotationAfter) names.push({ start: word.start, end, ...split, evidence: 'quotation' });
    else if (opts.isLenient === true && split.given !== '') names.push({ start: word.start, end, ...split, evidence: 'none' });
  });
  return names;
}

/** Returns a title word without its particle, or undefined (장관은 -> 장관). */
function isTitle(word: string): boolean {
  return TITLE_SET.has(word) || TITLE_SET.has(stripParticle(word));
}

/** Returns the word without one trailing particle, when what is left is at least two syllables (or one syllable before a title). */
function stripParticle(word: string): string {
  for (const particle of PARTICLES) {
    if (word.length > particle.length && word.endsWith(particle)) return word.slice(0, -particle.length);
  }
  return word;
}

/** Returns the surname and given name of a Hangul word that reads as a name, or undefined. */
function splitName(word: string): { surname: string; given: string } | undefined {
  // Guard: only Hangul syllables make a name here.
  if (![...word].every(isHangulSyllable)) return undefined;
  for (let n = Math.min(MAX_SURNAME_SYLLABLES, word.length); n >= 1; n -= 1) {
    const surname = word.slice(0, n);
    if (!SURNAME_ROWS.has(surname)) continue;
    const given = word.slice(n);
    // One or two syllables of given name (two-syllable surnames take two: 남궁민수), or none before a title.
    if (given.length <= 2 && (n === 1 || given.length !== 1)) return { surname, given };
  }
  return undefined;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/['’ʼ`]/gu, '').toLowerCase();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
