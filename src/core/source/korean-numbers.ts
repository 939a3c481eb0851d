/**
 * Numbers written with Korean units: 만 (10^4), 억 (10^8), 조 (10^12), 경 (10^16), each counted in
 * thousands, hundreds and tens (천, 백, 십) written in digits or Hangul: 1조 2천억 원 = 1.2 trillion
 * won; 3억5천만 = 350 million; 2,500억 = 250 billion; 1.5조 = 1.5 trillion; 12만 명 = 120,000 people.
 * Korean groups by four digits where English groups by three, so MT misplaces these by powers of
 * ten ("12 trillion", "35 million"). Pure; never throws.
 */

/** The large units and their powers of ten. */
const BIG_UNITS: Readonly<Record<string, number>> = { 만: 4, 억: 8, 조: 12, 경: 16 };
/** The small units inside a four-digit group. */
const SMALL_UNITS: Readonly<Record<string, number>> = { 천: 3, 백: 2, 십: 1 };
/** Hangul digits, as written before a unit in some copy (이천억, 오백만). */
const HANGUL_DIGITS: Readonly<Record<string, number>> = { 일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 칠: 7, 팔: 8, 구: 9 };

/** One number of a Korean text that uses at least one large unit. */
export interface KoreanNumber {
  /** Offsets into the text; text === source.slice(start, end). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The value (exact for anything written in news: 10^16 with a few significant digits). */
  readonly value: number;
}

/**
 * A run of digits, units and single spaces that starts with a digit, not after a letter, digit or
 * decimal mark, and not after 제 (제3조 is "Article 3", not three trillion). A Hangul digit counts
 * only right before a unit (이천억), so words are never eaten.
 */
const RUN = /(?<![\p{L}\p{N}.,])(?<!제 ?)\d[\d,.]*(?: ?(?:\d[\d,.]*|[천백십만억조경]|[일이삼사오육칠팔구](?=[천백십만억조경])))*/gu;

/** Counters after a number that keep a trailing count in it (원 won, 명 people, 개 items, 건 cases, 대 vehicles, 톤, 달러). */
const COUNTERS = '원명개건대톤달';

/** Returns the numbers of `text` that use 만, 억, 조 or 경, in order; plain numerals (2024년, 30%) are left out. */
export function findKoreanNumbers(text: string): KoreanNumber[] {
  const found: KoreanNumber[] = [];
  for (const match of text.matchAll(RUN)) {
    // Drop trailing pieces after a space until the rest reads as one number ("3억 2,000 4" -> "3억 2,000").
    let raw = match[0].replace(/[\s,.]+$/u, '');
    let value = parseKoreanNumber(raw);
    while (value === undefined && raw.includes(' ')) {
      raw = raw.slice(0, raw.lastIndexOf(' ')).replace(/[\s,.]+$/u, '');
      value = parseKoreanNumber(raw);
    }
    // A bare count after a space, right before a word, is that word's (3억 2024년: the year), unless
    // a counter follows (1만 5000원, 1만 5000명).
    const next = text.charAt(match.index + raw.length);
    if (value !== undefined && / [\d,.]+$/u.test(raw) && /[\uAC00-\uD7A3]/u.test(next) && !COUNTERS.includes(next)) {
      raw = raw.slice(0, raw.lastIndexOf(' '));
      value = parseKoreanNumber(raw);
    }
    if (value === undefined || !/[만억조경]/u.test(raw)) continue;
    found.push({ start: match.index, end: match.index + raw.length, text: raw, value });
  }
  return found;
}

/**
 * Returns the value of a Korean number ("1조 2천억" -> 1.2e12, "3억5천만" -> 3.5e8, "12만" -> 1.2e5),
 * or undefined when it does not read as one (large units must fall: "3만 2억" is two numbers).
 */
export function parseKoreanNumber(text: string): number | undefined {
  // Guard: a space between two counts ("3 4억") parts two numbers.
  if (/\d\s+\d/u.test(text)) return undefined;
  const compact = text.replace(/[\s,]/gu, '');
  if (compact === '') return undefined;
  let total = 0;
  let group = 0;
  let pending: number | undefined;
  let lastBig = Infinity;
  let lastSmall = Infinity;
  let i = 0;
  while (i < compact.length) {
    const rest = compact.slice(i);
    const digits = /^\d+(?:\.\d+)?/u.exec(rest)?.[0];
    const ch = rest.charAt(0);
    if (digits !== undefined) {
      // Guard: two counts in a row ("3 4") are not one number.
      if (pending !== undefined) return undefined;
      pending = Number(digits);
      i += digits.length;
    } else if (HANGUL_DIGITS[ch] !== undefined) {
      if (pending !== undefined) return undefined;
      pending = HANGUL_DIGITS[ch];
      i += 1;
    } else if (SMALL_UNITS[ch] !== undefined) {
      const power = SMALL_UNITS[ch] ?? 0;
      if (power >= lastSmall) return undefined;
      lastSmall = power;
      group += (pending ?? 1) * 10 ** power;
      pending = undefined;
      i += 1;
    } else if (BIG_UNITS[ch] !== undefined) {
      const power = BIG_UNITS[ch] ?? 0;
      if (power >= lastBig) return undefined;
      lastBig = power;
      group += pending ?? 0;
      // Guard: a large unit needs a count before it (억 alone is not a number here).
      if (group === 0) return undefined;
      total += group * 10 ** power;
      group = 0;
      pending = undefined;
      lastSmall = Infinity;
      i += 1;
    } else {
      return undefined;
    }
  }
  total += group + (pending ?? 0);
  return roundToSignificant(total);
}

/** Removes the binary noise of decimal arithmetic (1.2 * 10^12 + …), keeping 15 significant digits. */
function roundToSignificant(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(15));
}

/** Returns the value as English news writes it: "1.2 trillion", "350 million", "120,000", "15,000". */
export function formatEnglishNumber(value: number): string {
  const scales: readonly [number, string][] = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']];
  for (const [size, word] of scales) {
    if (value >= size) return `${trimDecimals(value / size)} ${word}`;
  }
  return groupDigits(Math.round(value));
}

function trimDecimals(value: number): string {
  return String(Number(value.toFixed(3)));
}

/** 120000 -> "120,000"; written out because toLocaleString depends on the ICU build. */
function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
}
