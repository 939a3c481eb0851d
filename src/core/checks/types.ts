import type { SegmentKind } from '../article/types.js';
import type { NameIndex } from '../names/types.js';
import type { ArticleSource } from '../source/types.js';

/** How much a flag matters: an `error` fails `copydesk check`, a `warning` asks for a look, `info` confirms. */
export type Severity = 'error' | 'warning' | 'info';

/** One segment as the checks see it: the MT and the current edit (the MT itself when unedited). */
export interface CheckSegment {
  /** 0-based position of the segment in the article. */
  readonly index: number;
  readonly kind: SegmentKind;
  readonly mt: string;
  readonly edit: string;
}

/** The article the checks run on. */
export interface ArticleView {
  /** A stable key for the article (database id or file path); used in fingerprints of corpus-wide flags. */
  readonly key: string;
  readonly title: string;
  readonly segments: readonly CheckSegment[];
  /** The Korean original, segmented and aligned with the MT, when the editor has it (issue 12); the source checks need it. */
  readonly source?: ArticleSource;
}

/** A correction made in this article (an MT phrase -> edited phrase, from the diff of a segment). */
export interface ArticleCorrection {
  readonly segment: number;
  readonly mtText: string;
  readonly editText: string;
  /** Offsets of mtText in the segment's MT. */
  readonly mtStart: number;
  readonly mtEnd: number;
  /** Offsets of editText in the segment's edit. */
  readonly editStart: number;
  readonly editEnd: number;
}

/** A correction editors made in other articles of the corpus, with where. */
export interface CorpusCorrection {
  readonly mtText: string;
  readonly editText: string;
  /** How many times it was made. */
  readonly count: number;
  /** The articles that made it; a sample of them when `otherArticleCount` is given. */
  readonly articles: readonly { readonly key: string; readonly title: string }[];
  /**
   * How many articles other than the one checked made it, when `articles` is only a sample (a
   * store of 100,000 articles lists a few titles and counts the rest).
   */
  readonly otherArticleCount?: number;
}

/** A glossary concept as the checks need it (issue 4 fills this; until then it is empty). */
export interface GlossaryConcept {
  readonly id: string;
  readonly type: 'person' | 'organisation' | 'place' | 'title' | 'term';
  readonly preferred: string;
  readonly admitted: readonly string[];
  readonly deprecated: readonly string[];
  /** The concept's Korean forms (조태열), when the glossary has them: the source checks read a Hangul name through them. */
  readonly korean?: readonly string[];
}

/** Everything a check may use besides the article: decisions already taken and the corpus's memory. */
export interface CheckContext {
  /** This article's current corrections (empty for a file checked without --edited). */
  readonly corrections: readonly ArticleCorrection[];
  /** Corrections made in other articles. */
  readonly corpusCorrections: readonly CorpusCorrection[];
  readonly glossary: readonly GlossaryConcept[];
  /** Pairs of spellings an editor recorded as two different people; clustering must keep them apart. */
  readonly distinctPeople: readonly (readonly [string, string])[];
  /** The people named in the article, found once per run and shared by the name checks. */
  readonly names: NameIndex;
}

/** One place a flag is about: offsets into a segment's edit text, text === edit.slice(start, end). */
export interface FlagSpan {
  /** 0-based segment index. */
  readonly segment: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * What a check reports: the offending text, what to do, and a fingerprint that survives re-runs.
 * One flag per problem (issue 12: one per person and per kind), however many places it covers:
 * segment/start/end/text are its first place, `spans` all of them.
 */
export interface Flag {
  readonly check: string;
  readonly severity: Severity;
  /** 0-based segment index. */
  readonly segment: number;
  /** Offsets into that segment's edit text; text === edit.slice(start, end). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** One sentence for the editor, naming the text and what to do. */
  readonly message: string;
  /** Replacements for `text`, best first (may be empty). */
  readonly suggestions: readonly string[];
  /** Stable across re-runs: check id + entity or span content (never offsets alone), so dismissals stick. */
  readonly fingerprint: string;
  /** Flags about one entity share a group (name-variant: the person's slug). */
  readonly group?: string;
  /** name-variant: all of the person's spellings, preferred first. */
  readonly variants?: readonly string[];
  /**
   * Every place the flag covers, in reading order, the first being segment/start/end/text; absent
   * when that is the only one (spansOf reads either).
   */
  readonly spans?: readonly FlagSpan[];
}

/** A check: a small unit with a stable id, a name, a one-sentence description and one pure method (Weblate's checks). */
export interface Check {
  /** kebab-case, names the problem; stored in the database: never rename or reuse. */
  readonly id: string;
  /** Short label for the UI. */
  readonly name: string;
  /** One sentence for an editor; the docs are generated from it. */
  readonly description: string;
  readonly severity: Severity;
  /** Pure; [] means nothing to report. */
  run(article: ArticleView, ctx: CheckContext): Flag[];
}
