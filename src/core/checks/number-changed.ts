import { compareNumbers, type NumberChange } from '../numbers/compare-numbers.js';
import { findNumerals, type NumberToken } from '../numbers/find-numbers.js';
import { describeSegment } from './place-names.js';
import { spanFingerprint } from './span-fingerprint.js';
import type { ArticleView, Check, CheckSegment, Flag } from './types.js';

const ID = 'number-changed';

/**
 * Fewest significant digits an amount needs for the magnitude rule (range 2-4). With one digit, "5
 * trillion won" and "5 billion won" are too often two real amounts; from two digits on ("470
 * trillion" vs "4.70 trillion", "677.4 trillion" vs "677.4 billion") a repeat at another magnitude
 * is far more likely a slipped decimal point or scale word than a second figure.
 */
export const MIN_MAGNITUDE_DIGITS = 2;

/**
 * `number-changed` (issue 3): a number, amount, percentage or date of the MT that the edit changed
 * or dropped, as information to confirm (the editor may be right); and, as a warning, an amount
 * written with the same digits at two magnitudes in the article. A changed number is flagged on the
 * edit's number; a dropped one on the edit text that replaced its stretch, or, when the stretch was
 * deleted outright, on an empty span where it stood.
 */
export const numberChanged = {
  id: ID,
  name: 'Number changed',
  description:
    'A number, amount, percentage or date of the MT that the edit changed or dropped (information: confirm it), or an amount written at two magnitudes in the article, such as 470 trillion and 4.70 trillion (a warning).',
  severity: 'warning',
  run(article) {
    const content = article.segments.filter((s) => s.kind !== 'boilerplate');
    // Guard: page chrome only, or an empty article, has no figures to compare.
    if (content.length === 0) return [];
    const changes = content.flatMap((segment) => compareNumbers(segment.mt, segment.edit).map((change) => changeFlag(segment, change)));
    return [...changes, ...magnitudeFlags(article, content)];
  },
} satisfies Check;

function changeFlag(segment: CheckSegment, change: NumberChange): Flag {
  const { mt, edit, start, end } = change;
  const message = edit
    ? `Confirm: the MT said “${mt.text}”, the edit says “${edit.text}”`
    : `Confirm: the MT said “${mt.text}” here; the edit drops it`;
  return {
    check: ID,
    severity: 'info',
    segment: segment.index,
    start,
    end,
    text: segment.edit.slice(start, end),
    message,
    suggestions: change.restore === undefined ? [] : [change.restore],
    fingerprint: spanFingerprint(ID, [mt.text, edit?.text ?? ''], segment.edit, start, end),
  };
}

/** An amount in the article's edit text, with its segment. */
interface Amount {
  readonly segment: CheckSegment;
  readonly token: NumberToken;
}

/** Returns a warning on every amount whose digits appear elsewhere in the article at another magnitude. */
function magnitudeFlags(article: ArticleView, content: readonly CheckSegment[]): Flag[] {
  // digits -> value key -> the amounts written with those digits at that magnitude, in article order.
  const byDigits = new Map<string, Map<string, Amount[]>>();
  for (const segment of content) {
    // Numerals only: spelled-out numbers and months never count here (the guard below).
    for (const token of findNumerals(segment.edit)) {
      // Guard: percentages ("2.5%" and "25%") and spelled-out or short figures are often two real values.
      if (!token.isAmount || token.isPercent || token.isWord || token.digits.length < MIN_MAGNITUDE_DIGITS) continue;
      const byKey = byDigits.get(token.digits) ?? byDigits.set(token.digits, new Map()).get(token.digits);
      const same = byKey?.get(token.key);
      if (same) same.push({ segment, token });
      else byKey?.set(token.key, [{ segment, token }]);
    }
  }
  const flags: Flag[] = [];
  for (const byKey of byDigits.values()) {
    // Guard: the same figure at one magnitude ("677.4 trillion won" twice) is consistent.
    if (byKey.size < 2) continue;
    for (const [key, amounts] of byKey) {
      const others = [...byKey].filter(([k]) => k !== key).flatMap(([, list]) => list);
      const first = others[0] as Amount;
      const suggestions = [...new Set(others.map((a) => a.token.text))];
      for (const { segment, token } of amounts) {
        const where = first.segment.index === segment.index ? 'in this segment' : `in ${describeSegment(article, first.segment.index)}`;
        flags.push({
          check: ID,
          severity: 'warning',
          segment: segment.index,
          start: token.start,
          end: token.end,
          text: token.text,
          message: `“${token.text}” has the digits of “${first.token.text}” ${where} at another magnitude: check which is right`,
          suggestions,
          fingerprint: spanFingerprint(ID, ['magnitude', token.key], segment.edit, token.start, token.end),
        });
      }
    }
  }
  return flags;
}
