import { CURRENCY_SIGNS, MONTHS, NUMBER_WORDS, SCALE_WORDS, UNIT_WORDS } from './number-words.js';

/** One number, amount or month written in a text. */
export interface NumberToken {
  /** Offsets into the text; text === source.slice(start, end). Covers the numeral, its ordinal suffix, % and scale word. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: 'number' | 'month';
  /**
   * The value, written canonically so equal values compare equal: significant digits "e" power of
   * ten ("6774e11" for 677.4 trillion; "1e3" for 1,000 and "1 thousand"; "47e-1" for 4.7 and 4.70),
   * or "month:10" for October.
   */
  readonly key: string;
  /** The significant digits without trailing zeros ("47" for 470 and 4.70), the figure's identity across magnitudes. */
  readonly digits: string;
  /** True when a scale word, currency or percent makes it an amount ("470 trillion won", "$5", "4.7%"). */
  readonly isAmount: boolean;
  /** True for a percentage. */
  readonly isPercent: boolean;
  /** True when spelled out ("four"): such tokens confirm a numeral on the other side but are never flagged themselves. */
  readonly isWord: boolean;
}

const SCALE = Object.keys(SCALE_WORDS).join('|');
const CURRENCY = `[${CURRENCY_SIGNS}]`;
/**
 * A numeral: optional currency sign, digits with optional thousands commas, an optional decimal
 * part, then an ordinal suffix, a percent sign or a scale word. Not preceded by a letter, digit or
 * decimal mark ("G7", "COVID-19" stay whole words or stand alone; "1.2.3" is not a decimal).
 */
const NUMERAL = new RegExp(
  `(?<![\\p{L}\\p{N}_.,])(${CURRENCY}\\s?)?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?` +
    `(?:(?:st|nd|rd|th)(?![\\p{L}\\p{N}])|\\s?(%)|[\\s-](${SCALE})(?![\\p{L}\\p{N}]))?(?![\\p{L}\\p{N}])`,
  'giu',
);
const WORD_NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N}])(${Object.keys(NUMBER_WORDS).join('|')})(?:-(${Object.keys(NUMBER_WORDS).slice(1, 10).join('|')}))?` +
    `(?:[\\s-](${SCALE}))?(?![\\p{L}\\p{N}])`,
  'giu',
);
const MONTH = new RegExp(`(?<![\\p{L}\\p{N}])(${Object.keys(MONTHS).map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
const UNIT_AFTER = new RegExp(`^\\s?(?:${UNIT_WORDS.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
/** "May" is a month only beside a day number ("May 5", "5 May"); otherwise it is the verb. */
const MAY_BESIDE_DAY = /^\s\d|\d\s$/u;

/** Returns the numbers, amounts and months written in `text`, in order of position. Never throws. */
export function findNumbers(text: string): NumberToken[] {
  const tokens = [...numerals(text), ...wordNumbers(text), ...months(text)];
  return tokens.sort((a, b) => a.start - b.start);
}

/**
 * Returns only the numerals written in `text` (no spelled-out numbers, no months), in order of
 * position: what findNumbers returns with isWord and month tokens left out, for a caller that
 * would skip those anyway (the magnitude rule), at half the cost.
 */
export function findNumerals(text: string): NumberToken[] {
  return numerals(text);
}

function numerals(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const m of text.matchAll(NUMERAL)) {
    const [whole, currency, int = '', frac = '', percent, scale] = m;
    const start = m.index + (currency?.length ?? 0);
    const end = m.index + whole.length;
    const power = scale ? (SCALE_WORDS[scale.toLowerCase()] ?? 0) : 0;
    const value = canonical(int.replace(/,/g, '') + frac, power - frac.length);
    const hasUnit = UNIT_AFTER.test(text.slice(end, end + 12));
    tokens.push({
      start,
      end,
      text: text.slice(start, end),
      kind: 'number',
      ...value,
      isAmount: Boolean(currency || percent || scale || hasUnit),
      isPercent: Boolean(percent) || /^\s?per\s?cent/iu.test(text.slice(end, end + 10)),
      isWord: false,
    });
  }
  return tokens;
}

function wordNumbers(text: string): NumberToken[] {
  return [...text.matchAll(WORD_NUMBER)].map((m) => {
    const [whole, tens = '', unit, scale] = m;
    const n = (NUMBER_WORDS[tens.toLowerCase()] ?? 0) + (unit ? (NUMBER_WORDS[unit.toLowerCase()] ?? 0) : 0);
    const power = scale ? (SCALE_WORDS[scale.toLowerCase()] ?? 0) : 0;
    return {
      start: m.index,
      end: m.index + whole.length,
      text: whole,
      kind: 'number' as const,
      ...canonical(String(n), power),
      isAmount: Boolean(scale),
      isPercent: false,
      isWord: true,
    };
  });
}

function months(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const m of text.matchAll(MONTH)) {
    const name = m[0];
    const end = m.index + name.length;
    if (name === 'May' && !MAY_BESIDE_DAY.test(text.slice(end, end + 2)) && !MAY_BESIDE_DAY.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    const month = MONTHS[name] ?? 0;
    tokens.push({ start: m.index, end, text: name, kind: 'month', key: `month:${month}`, digits: String(month), isAmount: false, isPercent: false, isWord: false });
  }
  return tokens;
}

/** Returns the canonical key and significant digits of digits x 10^power ("470", 0 -> "47e1", "47"). */
function canonical(rawDigits: string, power: number): { key: string; digits: string } {
  let digits = rawDigits.replace(/^0+/, '');
  let exponent = power;
  // Guard: zero has no significant digits; every way of writing it is one value.
  if (digits === '') return { key: '0', digits: '0' };
  while (digits.length > 1 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    exponent += 1;
  }
  return { key: `${digits}e${exponent}`, digits };
}

function escape(word: string): string {
  return word.replace(/\./g, '\\.');
}
