import type { ArticleRow } from '../store/articles.js';
import type { SegmentView } from '../store/segments.js';
import type { CorrectionRow } from '../store/corrections.js';
import type { ConfirmedCategory } from '../store/categories.js';
import type { DismissalRow } from '../store/decisions.js';
import type { ArticleStats, DerivedArticle, KindFigures } from '../store/derived.js';
import type { CorpusCorrection, Flag, GlossaryConcept } from '../core/checks/types.js';
import { buildCheckContext, runChecks, runChecksIn } from '../core/checks/run-checks.js';
import { readName } from '../core/names/spot-names.js';
import { measureEditRate } from '../core/metrics/edit-rate.js';
import { REPORT_KINDS, type ReportKind } from '../core/metrics/hter-bins.js';
import { mqmDimensionOf } from '../core/mqm/typology.js';
import { toArticleCorrection, toArticleView } from './article-view.js';
import type { ArticleSource } from '../core/source/types.js';
import { scoreQuality, type ArticleQuality } from './quality.js';

/** Everything an article's derived rows are computed from. */
export interface DeriveInput {
  readonly article: ArticleRow;
  readonly segments: readonly SegmentView[];
  readonly corrections: readonly CorrectionRow[];
  readonly confirmed: ReadonlyMap<string, ConfirmedCategory>;
  readonly dismissals: readonly DismissalRow[];
  /** The corpus corrections that can raise a flag here (relevantCorpusCorrections). */
  readonly corpusCorrections: readonly CorpusCorrection[];
  readonly glossary: readonly GlossaryConcept[];
  readonly distinctPeople: readonly (readonly [string, string])[];
  /** What each editor did in the article. */
  readonly editors: DerivedArticle['editors'];
  /** The article's Korean original, aligned, when it has one (issue 12). */
  readonly source?: ArticleSource | undefined;
}

/** An article's flags and quality as the derivation computed them (the review page shows the same). */
export interface DerivedWithQuality {
  readonly derived: DerivedArticle;
  readonly flags: readonly Flag[];
  readonly quality: ArticleQuality;
}


/**
 * Returns an article's derived rows (store/derived.ts): its flags (the checks, with the name index
 * they build kept for the names page), its edit rate and MQM figures, its correction pairs, its
 * people and its search text. Pure: the same input gives the same rows.
 */
export function deriveArticle(input: DeriveInput): DerivedWithQuality {
  const { article, segments } = input;
  const view = toArticleView(article.id, article.title, segments, input.source);
  const corrections = input.corrections.map(toArticleCorrection);
  const ctx = buildCheckContext(view, { corrections, corpusCorrections: input.corpusCorrections, glossary: input.glossary, distinctPeople: input.distinctPeople });
  const flags = runChecksIn(view, ctx);
  const dismissed = new Set(input.dismissals.map((d) => d.fingerprint));
  const open = flags.filter((f) => !dismissed.has(f.fingerprint));
  // The MT's own flags matter only for proposing categories of corrections.
  const mtFlags = input.corrections.length === 0
    ? []
    : runChecks(toArticleView(article.id, article.title, segments.map((s) => ({ ...s, edit: s.mt })), input.source), { glossary: input.glossary, distinctPeople: input.distinctPeople });
  const quality = scoreQuality({ articleId: article.id, title: article.title, segments, corrections: input.corrections, confirmed: input.confirmed, openFlags: open, mtFlags });
  const caseInsensitive = measureEditRate(segments, { caseSensitive: false });

  const kinds = Object.fromEntries(REPORT_KINDS.map((kind) => {
    const of = quality.segments.filter((s) => s.kind === kind);
    const ci = caseInsensitive.segments.filter((s) => s.kind === kind);
    const figures: KindFigures = {
      segments: of.length,
      edits: of.reduce((sum, s) => sum + s.edits, 0),
      editsCi: ci.reduce((sum, s) => sum + s.edits, 0),
      words: of.reduce((sum, s) => sum + s.words, 0),
    };
    return [kind, figures];
  })) as Record<ReportKind, KindFigures>;
  const content = segments.filter((s) => s.kind !== 'boilerplate');
  const savedAt = segments.map((s) => s.savedAt).filter((t): t is string => t !== null).sort();
  const { mqm } = quality;
  const stats: ArticleStats = {
    segments: segments.length,
    contentSegments: content.length,
    editedSegments: segments.filter((s) => s.edit !== s.mt).length,
    untouchedSegments: quality.editRate.untouched,
    mtWords: content.reduce((sum, s) => sum + s.mtWords, 0),
    wordsChanged: content.reduce((sum, s) => sum + (s.edit === s.mt ? 0 : s.wordsChanged), 0),
    openErrors: open.filter((f) => f.severity === 'error').length,
    openWarnings: open.filter((f) => f.severity === 'warning').length,
    openInfos: open.filter((f) => f.severity === 'info').length,
    hterEdits: quality.editRate.edits,
    hterEditsCi: caseInsensitive.total.edits,
    hterWords: quality.editRate.words,
    charDistance: quality.editRate.charDistance,
    charLength: quality.editRate.charLength,
    isApproximate: quality.editRate.isApproximate,
    mqmWords: mqm.words,
    mqmPenalty: mqm.penalty,
    mqmRawScore: mqm.rawScore,
    mqmHasCritical: mqm.hasCritical,
    confirmedCorrections: mqm.count,
    proposedCorrections: mqm.unconfirmed.count,
    unconfirmedPenalty: mqm.unconfirmed.penalty,
    engine: article.mtEngine,
    lastEditedAt: savedAt[savedAt.length - 1] ?? null,
    kinds,
  };

  const errors = new Map<string, { dimension: string; severity: string; total: number; confirmed: number }>();
  for (const c of quality.corrections) {
    const dimension = mqmDimensionOf(c.category);
    const key = `${dimension}\u0000${c.severity}`;
    const entry = errors.get(key) ?? { dimension, severity: c.severity, total: 0, confirmed: 0 };
    entry.total += 1;
    if (c.status === 'confirmed') entry.confirmed += 1;
    errors.set(key, entry);
  }

  const pairs = new Map<string, { mtText: string; editText: string; count: number }>();
  for (const c of input.corrections) {
    // Pure insertions say nothing about an MT phrase (as the corpus corrections always left them out).
    if (c.mtText === '') continue;
    const key = `${c.mtText}\u0000${c.editText}`;
    const entry = pairs.get(key) ?? { mtText: c.mtText, editText: c.editText, count: 0 };
    entry.count += 1;
    pairs.set(key, entry);
  }

  const names = ctx.names.people.flatMap((person, index) =>
    person.spellings
      .filter((s) => s.count > 0 && readName(s.text) !== undefined)
      .map((s) => ({
        person: index,
        spelling: s.text,
        count: s.count,
        surnameKey: person.surnameKey,
        mentions: person.mentions.length,
        preferred: person.preferred,
        preferredBecause: person.preferredBecause ?? 'frequency',
      })),
  );

  const derived: DerivedArticle = {
    stats,
    flags: flags.map((flag) => ({ flag, isDismissed: dismissed.has(flag.fingerprint) })),
    errors: [...errors.values()],
    corrections: [...pairs.values()],
    names,
    search: { title: article.title, body: content.flatMap((s) => (s.edit === s.mt ? [s.mt] : [s.mt, s.edit])).join('\n') },
    editors: input.editors,
  };
  return { derived, flags, quality };
}
