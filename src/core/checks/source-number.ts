import type { ArticleView, Check, Flag } from './types.js';
import { hashText, spanFingerprint } from './span-fingerprint.js';
import { findNumbers, type NumberToken } from '../numbers/find-numbers.js';
import { findKoreanNumbers, formatEnglishNumber, type KoreanNumber } from '../source/korean-numbers.js';
import { sameValue } from '../source/align.js';
import { sourceSegmentsOf } from '../source/source-view.js';

const ID = 'source-number';

/**
 * `source-number` (issue 12, the Korean original): a number the source writes with Korean units
 * (만 10^4, 억 10^8, 조 10^12: 1조 2천억 원 = 1.2 trillion won, 3억5천만 = 350 million) has no
 * English number of that value in the aligned MT. Korean counts in groups of four digits and
 * English in groups of three, so MT misplaces these by powers of ten ("12 trillion", "35 million").
 * When the MT writes the same figure at another magnitude, that figure is flagged with the right
 * one; when it writes none, the flag stands at the end of the segment. A figure rounded to the
 * English precision ("1.23 trillion" for 1조 2,345억) is fine.
 */
export const sourceNumber = {
  id: ID,
  name: 'Number differs from the Korean source',
  description: 'A number the Korean source writes with 만, 억 or 조 (1조 2천억 = 1.2 trillion) has no English number of that value in the translation; MT misplaces these by powers of ten.',
  severity: 'error',
  run(article: ArticleView): Flag[] {
    // Guard: without the Korean original there are no Korean numbers to read.
    if (article.source === undefined) return [];
    const flags: Flag[] = [];
    for (const segment of article.segments) {
      // Guard: page chrome is not translated text.
      if (segment.kind === 'boilerplate') continue;
      const korean = sourceSegmentsOf(article, segment.index).flatMap((s) => findKoreanNumbers(s.text).map((n) => ({ ...n, context: s.text })));
      if (korean.length === 0) continue;
      // A source segment translated by several MT segments: its figures may stand in any of them.
      const siblings = new Set(sourceSegmentsOf(article, segment.index).flatMap((s) => s.aligned));
      const english = findNumbers(segment.edit).filter((t) => t.kind === 'number');
      const elsewhere = [...siblings].filter((p) => p !== segment.index).flatMap((p) => findNumbers(article.segments.find((s) => s.index === p)?.edit ?? ''));
      const used = new Set<NumberToken>();
      for (const number of korean) {
        if ([...english, ...elsewhere].some((t) => t.kind === 'number' && sameValue(number.value, valueOf(t)))) continue;
        // Guard: the figure belongs to another MT segment of the same source paragraph; that one reports it.
        if (segment.index !== Math.min(...siblings) && !english.some((t) => isSameFigure(number, t))) continue;
        const wrong = english.find((t) => !used.has(t) && !t.isWord && isSameFigure(number, t));
        if (wrong !== undefined) used.add(wrong);
        flags.push(toFlag(segment.index, segment.edit, number, wrong));
      }
    }
    return flags;
  },
} satisfies Check;

function toFlag(segment: number, edit: string, number: KoreanNumber & { readonly context: string }, wrong: NumberToken | undefined): Flag {
  const english = formatEnglishNumber(number.value);
  if (wrong !== undefined) {
    return {
      check: ID,
      severity: 'error',
      segment,
      start: wrong.start,
      end: wrong.end,
      text: wrong.text,
      message: `“${wrong.text}” is not ${number.text} in the Korean source, which is ${english}: write “${replacementFor(wrong, english)}”.`,
      suggestions: [replacementFor(wrong, english)],
      fingerprint: spanFingerprint(ID, [number.text, wrong.text], edit, wrong.start, wrong.end),
    };
  }
  return {
    check: ID,
    severity: 'warning',
    segment,
    start: edit.length,
    end: edit.length,
    text: '',
    message: `The Korean source gives ${number.text} (${english}) here, and the translation has no figure of that value: check that it was not dropped or changed.`,
    suggestions: [],
    // No span to hash around: the figure and the segment's own source words say what it is about.
    fingerprint: `${ID}|${number.text}|missing|${hashText(number.context)}`,
  };
}

/** The English figure written the way the token was: "1.2 trillion" for "12 trillion", "350,000,000" for "35,000,000". */
function replacementFor(token: NumberToken, english: string): string {
  // A bare numeral without a scale word is replaced by a bare numeral.
  if (!/[a-z]/iu.test(token.text)) {
    const value = Number(english.replace(/,/gu, '').replace(/ (trillion|billion|million)$/u, '')) * (/trillion$/u.test(english) ? 1e12 : /billion$/u.test(english) ? 1e9 : /million$/u.test(english) ? 1e6 : 1);
    return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
  }
  return english;
}

/** True when the English token has the same significant digits as the Korean value: the figure at another magnitude. */
function isSameFigure(number: KoreanNumber, token: NumberToken): boolean {
  const digits = Number(number.value.toPrecision(15)).toExponential().split('e')[0]?.replace(/[-.]/gu, '').replace(/0+$/u, '') ?? '';
  return digits !== '' && digits === token.digits;
}

function valueOf(token: NumberToken): number {
  return Number(`${token.digits}e${token.key.slice(token.key.indexOf('e') + 1)}`);
}
