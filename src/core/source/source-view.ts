/**
 * What the source checks ask of an article's Korean original: the source segments aligned with an
 * MT segment, and the glossary's people by their Hangul.
 */
import type { ArticleView, GlossaryConcept } from '../checks/types.js';
import type { SourceSegment } from './types.js';

/** Returns the source segments aligned with MT segment `position`, in order; [] without a source. */
export function sourceSegmentsOf(article: ArticleView, position: number): SourceSegment[] {
  return (article.source?.segments ?? []).filter((s) => s.aligned.includes(position));
}

/** Returns the glossary's concepts by each of their Korean forms (trimmed). */
export function glossaryByKorean(glossary: readonly GlossaryConcept[]): Map<string, GlossaryConcept> {
  const map = new Map<string, GlossaryConcept>();
  for (const concept of glossary) {
    for (const form of concept.korean ?? []) {
      const key = form.trim().replace(/\s+/gu, '');
      if (key !== '' && !map.has(key)) map.set(key, concept);
    }
  }
  return map;
}

/** Returns the first `max` characters of a text for a message, with "…" when cut (never inside a surrogate pair). */
export function previewText(text: string, max = 40): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = /[\uD800-\uDBFF]$/u.test(flat.slice(0, max)) ? max - 1 : max;
  return `${flat.slice(0, cut)}…`;
}
