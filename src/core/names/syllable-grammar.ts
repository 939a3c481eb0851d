/**
 * What one romanized syllable may look like: an onset, a vowel, an optional long-vowel "h" and an
 * optional coda. One grammar for Korean (RR, MR without diacritics, and the popular spellings),
 * one for Chinese pinyin, one for Japanese (Hepburn) given names.
 *
 * Korean parts: reference korean-names.md section (b), "Official rules" (RR and MR consonant and
 * vowel tables) and the popular spellings of the variant table (oo, ee, ou, ui/eui, a long vowel
 * written with h: Ahn, Hahn, Oh, Suh, Kahng). Pinyin: the Hanyu Pinyin initials and finals
 * (ISO 7098). Every pattern is anchored and made of plain alternations: no nested quantifiers.
 */

/** The parts of one romanized Korean syllable, as written (folded to lower-case). */
export interface SyllableParts {
  readonly onset: string;
  readonly nucleus: string;
  /** "h" for a long vowel written with h ("ahn"), else ''. */
  readonly longMark: string;
  readonly coda: string;
}

/** Korean initial consonants as romanized by RR, MR and popular forms; longest first. */
const KOREAN_ONSETS = ['tch', 'kk', 'gh', 'kh', 'tt', 'rh', 'pp', 'ph', 'ss', 'sh', 'jj', 'ch', 'ts', 'g', 'k', 'n', 'd', 't', 'r', 'l', 'm', 'b', 'p', 's', 'j', 'h'];

/** Korean vowels: RR and MR letters, and popular spellings (oo, ee, ou, ea, ey, oi, ie as in "Jie-won"); longest first. */
const KOREAN_NUCLEI = [
  'yeo', 'yae', 'yeu', 'yoe', 'yoo', 'you', 'yee', 'yea', 'eui', 'weo', 'wae', 'woo', 'wou',
  'ae', 'ai', 'ay', 'ea', 'ee', 'eo', 'eu', 'ey', 'ie', 'oe', 'oi', 'oo', 'ou', 'oy', 'ue', 'ui',
  'ya', 'ye', 'yo', 'yu', 'yi', 'wa', 'we', 'wi', 'wo', 'wu',
  'a', 'e', 'i', 'o', 'u',
];

/** Korean final consonants (RR k n t l m p ng; MR and popular ck, g, kk, ll, r; a silent final e: "yune"). */
const KOREAN_CODAS = ['ng', 'ck', 'kk', 'll', 'ne', 'k', 'g', 'n', 't', 'l', 'm', 'p', 'b', 'r'];

const alternation = (parts: readonly string[]): string => parts.join('|');

const KOREAN_SYLLABLE = new RegExp(
  `^(${alternation(KOREAN_ONSETS)})?(${alternation(KOREAN_NUCLEI)})(h?)(${alternation(KOREAN_CODAS)})?$`,
  'u',
);

/** Pinyin initials (zh ch sh first) and finals, longest first. */
const PINYIN_INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w'];
const PINYIN_FINALS = [
  'iang', 'iong', 'uang', 'ueng', 'iao', 'ian', 'ing', 'uai', 'uan', 'ang', 'eng', 'ong', 'uen',
  'ai', 'ei', 'ui', 'ao', 'ou', 'iu', 'ie', 'ue', 've', 'er', 'an', 'en', 'in', 'un', 'vn', 'ia', 'ua', 'uo',
  'a', 'o', 'e', 'i', 'u', 'v',
];
const PINYIN_SYLLABLE = new RegExp(`^(?:${alternation(PINYIN_INITIALS)})?(?:${alternation(PINYIN_FINALS)})$`, 'u');

/** A Japanese given name in Hepburn: a run of morae (consonant + vowel, or syllabic n). */
const JAPANESE_GIVEN = /^(?:(?:sh|ch|ts|ky|gy|ny|hy|by|py|my|ry|[kgsztdnhbpmrwyjf])?[aiueo]|n(?![aiueoy]))+$/u;

/** Returns the parts of a Korean romanized syllable, or undefined when it is not one. */
export function parseKoreanSyllable(syllable: string): SyllableParts | undefined {
  // "wh" (Whang) is MR's h + w: read it as onset h and a w- vowel, as in "hwang".
  const text = syllable.startsWith('wh') ? `hw${syllable.slice(2)}` : syllable;
  const match = KOREAN_SYLLABLE.exec(text);
  if (match === null) return undefined;
  return { onset: match[1] ?? '', nucleus: match[2] ?? '', longMark: match[3] ?? '', coda: match[4] ?? '' };
}

/** Returns true when the (folded) text is one Korean romanized syllable. */
export function isKoreanSyllable(syllable: string): boolean {
  return parseKoreanSyllable(syllable) !== undefined;
}

/** Returns true when the (folded) text is one pinyin syllable. */
export function isPinyinSyllable(syllable: string): boolean {
  return PINYIN_SYLLABLE.test(syllable);
}

/** Returns true when the (folded, joined) text reads as a Japanese given name. */
export function isJapaneseGivenName(text: string): boolean {
  return text.length >= 2 && text.length <= 12 && JAPANESE_GIVEN.test(text);
}
