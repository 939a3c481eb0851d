import { spanFingerprint } from './span-fingerprint.js';
import type { ArticleView, Check, CheckContext, Flag, GlossaryConcept, Severity } from './types.js';
import { findHangulNames, romanizeName } from '../source/hangul-names.js';
import { glossaryByKorean, sourceSegmentsOf } from '../source/source-view.js';
import type { SegmentKind } from '../article/types.js';

const ID = 'untranslated';

/**
 * Hangul: Jamo U+1100-11FF, Compatibility Jamo U+3130-318F, Jamo Extended-A U+A960-A97F, Syllables
 * U+AC00-D7A3, Jamo Extended-B U+D7B0-D7FF, halfwidth jamo U+FFA0-FFDC (Unicode 15 code charts).
 */
const HANGUL = '\\u1100-\\u11FF\\u3130-\\u318F\\uA960-\\uA97F\\uAC00-\\uD7A3\\uD7B0-\\uD7FF\\uFFA0-\\uFFDC';
/**
 * Hanja: CJK Unified Ideographs U+4E00-9FFF, Extension A U+3400-4DBF, Compatibility Ideographs
 * U+F900-FAFF (where Korean duplicates live) and the supplementary planes' Extensions B-F U+20000-2FA1F.
 */
const HANJA = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\u{20000}-\\u{2FA1F}';
/** A run: Hangul/Hanja characters, with single spaces between words of one phrase ("조태열 외교부 장관" is one run). */
const RUN = new RegExp(`[${HANGUL}${HANJA}]+(?:[ \\u00A0][${HANGUL}${HANJA}]+)*`, 'gu');
const HAS_HANGUL = new RegExp(`[${HANGUL}]`, 'u');
const HAS_HANJA = new RegExp(`[${HANJA}]`, 'u');

/** Kinds an untranslated run makes an error in: the lines readers see first, in listings and on social cards. */
const ERROR_KINDS: ReadonlySet<SegmentKind> = new Set(['headline', 'standfirst']);

/**
 * `untranslated`: Hangul or Hanja left in a segment's edit text (issue 3). Page chrome is skipped:
 * a Korean site's navigation ("본문 바로가기") is kept as boilerplate and is not article text.
 */
export const untranslated = {
  id: ID,
  name: 'Untranslated Korean',
  description: 'Hangul or Hanja left in the text; an error in the headline or standfirst, a warning elsewhere.',
  severity: 'error',
  run(article: ArticleView, ctx: CheckContext) {
    const glossary = glossaryByKorean(ctx.glossary);
    return article.segments.flatMap((segment) => {
      // Guard: page chrome is not article text, and Korean navigation there is expected.
      if (segment.kind === 'boilerplate') return [];
      const severity: Severity = ERROR_KINDS.has(segment.kind) ? 'error' : 'warning';
      const flags: Flag[] = [];
      for (const match of segment.edit.matchAll(RUN)) {
        const start = match.index;
        const end = start + match[0].length;
        flags.push({
          check: ID,
          severity,
          segment: segment.index,
          start,
          end,
          text: match[0],
          message: `“${match[0]}” is ${scriptOf(match[0])} left untranslated: translate it or remove it`,
          suggestions: translationsOf(match[0], article, segment.index, glossary),
          fingerprint: spanFingerprint(ID, [match[0]], segment.edit, start, end),
        });
      }
      return flags;
    });
  },
} satisfies Check;

/**
 * Returns what the run may be written as (issue 12): the glossary's preferred form of a Korean term
 * it holds, and, when the Korean original is there, the romanization of a name the aligned source
 * gives (이재용 -> "Lee Jae-yong"). Empty when nothing is known.
 */
function translationsOf(run: string, article: ArticleView, segment: number, glossary: ReadonlyMap<string, GlossaryConcept>): string[] {
  const key = run.replace(/\s+/gu, '');
  const fromGlossary = glossary.get(key)?.preferred;
  const names = sourceSegmentsOf(article, segment)
    .flatMap((s) => findHangulNames(s.text, new Set(glossary.keys())))
    .filter((n) => `${n.surname}${n.given}` === key && n.given !== '')
    .map(romanizeName);
  return [...new Set([...(fromGlossary === undefined ? [] : [fromGlossary]), ...names])];
}

/** Returns how to name the script of a run for an editor. */
function scriptOf(run: string): string {
  const hasHangul = HAS_HANGUL.test(run);
  const hasHanja = HAS_HANJA.test(run);
  if (hasHangul && hasHanja) return 'Korean (Hangul and Hanja)';
  return hasHanja ? 'Hanja (Chinese characters)' : 'Korean (Hangul)';
}
