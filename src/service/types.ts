/**
 * The records the service hands to web and the CLI: the store's row types, re-exported so that
 * neither imports the store (test/architecture.test.ts).
 */
export type { ArticleRow, ArticleStatus, ArticleSummary } from '../store/articles.js';
export { ARTICLE_STATUSES, MAX_ENGINE_CHARS } from '../store/articles.js';
export type { SegmentView } from '../store/segments.js';
export type { RevisionRow, EditorActivity } from '../store/revisions.js';
export type { CorrectionRow } from '../store/corrections.js';
export type { DismissalRow } from '../store/decisions.js';
export type { ConceptHistoryRow, ConceptInput, PendingImport } from '../store/glossary.js';
export type { ConfirmedCategory } from '../store/categories.js';
export type { Store, Backend } from '../store/store.js';
export type { StoreConfig } from '../store/open-store.js';
export type { ArticleQuality, CategorisedCorrection } from './quality.js';
export type { ArticleFlags } from './flag-reader.js';
export type { CorrectionSuggestion } from './glossary.js';
export type { CorpusQuery, CorpusSort, CorpusRow } from '../store/corpus.js';
export { CORPUS_SORTS } from '../store/corpus.js';
export type { ReportArticle, ReportArticleSort } from '../store/reports.js';
