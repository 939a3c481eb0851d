import { Router, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { RouteDeps } from '../app.js';
import { HttpError } from '../errors.js';
import { cleanAuthor, readAuthor, rememberAuthor } from '../author.js';
import {
  createConcept, decideSuggestion, deleteConcept, getConcept, listConceptHistory, listConcepts, listCorrectionSuggestions, updateConcept,
  importConcepts, savePendingImport, getPendingImport, completePendingImport, type ConceptInput, type PendingImport,
} from '../../store/glossary.js';
import { listArticles, type ArticleRow } from '../../store/articles.js';
import { listSegments, type SegmentView } from '../../store/segments.js';
import { saveEdit } from '../../store/save-edit.js';
import { toArticleView } from '../../store/check-article.js';
import { planFixes, type SegmentFix } from '../../core/checks/plan-fixes.js';
import { readName } from '../../core/names/spot-names.js';
import { diffSegment } from '../../core/diff/diff-segment.js';
import type { Concept, Term } from '../../core/glossary/types.js';
import { conceptFormValues, parseConceptForm, readConceptForm } from '../forms/concept-form.js';
import {
  buildConceptFormView, buildConceptView, buildGlossaryApplyView, buildGlossaryListView, buildSuggestionsView, type CorpusChangeVm,
} from '../view-models/glossary-view.js';
import { KIND_LABELS } from '../view-models/format.js';
import { buildMappingView } from '../view-models/mapping-view.js';
import { downloadName, sendDownload } from '../download.js';
import { exportGlossary } from '../../formats/glossary/export-glossary.js';
import { importGlossary, sniffGlossaryFormat } from '../../formats/glossary/import-glossary.js';
import { decodeGlossaryBytes } from '../../formats/glossary/decode.js';
import { previewCsv, importCsv } from '../../formats/glossary/csv-read.js';
import { CSV_COLUMN_ROLES, type CsvColumnRole, type CsvMapping } from '../../formats/glossary/csv-mapping.js';
import { MAX_GLOSSARY_BYTES } from '../../formats/glossary/limits.js';
import { GLOSSARY_EXPORT_FORMATS, type GlossaryExportFormat } from '../../formats/glossary/export-glossary.js';

const EMPTY_FORM = { type: 'person', preferred: '', admitted: '', deprecated: '', korean: '', note: '' };
const ListQuery = z.object({ q: z.string().max(200).optional().default(''), type: z.string().max(20).optional().default(''), status: z.string().max(20).optional().default('') });
const FromNamesForm = z.object({
  preferred: z.string().trim().min(1).max(200),
  deprecated: z.union([z.string(), z.array(z.string())]).optional(),
  source: z.string().max(300).optional(),
  back: z.string().optional(),
  author: z.string().optional(),
});
const SuggestionForm = z.object({ mtText: z.string().min(1).max(200), editText: z.string().min(1).max(200), author: z.string().optional() });

/** Returns the editor's name from the cookie or the form, or throws 422 asking for it. */
function requireAuthor(req: Request, res: Response): string {
  const fromForm = typeof req.body?.author === 'string' ? (req.body.author as string) : undefined;
  const author = readAuthor(req) || cleanAuthor(fromForm);
  if (!author) throw new HttpError(422, 'Enter your name first (in the header): every glossary change is kept with who made it.');
  if (author !== readAuthor(req)) rememberAuthor(res, author);
  return author;
}

/** Keeps an uploaded glossary in memory: one file, refused by multer past the glossary size limit. */
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_GLOSSARY_BYTES + 1, files: 1, fields: 10 } });

/** Returns the pending CSV upload named in the URL, or throws 404. */
function loadPending(deps: RouteDeps, value: string | undefined): PendingImport {
  const id = value && /^[1-9]\d{0,12}$/.test(value) ? Number(value) : undefined;
  const pending = id === undefined ? undefined : getPendingImport(deps.db, id);
  if (!pending) throw new HttpError(404, 'That upload is no longer waiting: it was imported already, or the link is wrong. Upload the file again.');
  return pending;
}

/** Returns the mapping the form chose (column roles, delimiter, header row), falling back to the suggestion for anything missing or unknown. */
function readMapping(body: unknown, columnCount: number, suggested: CsvMapping): CsvMapping {
  const form = (body ?? {}) as Record<string, unknown>;
  const delimiter = form.delimiter === ';' || form.delimiter === ',' ? form.delimiter : form.delimiter === 'tab' ? '\t' : suggested.delimiter;
  const columns = Array.from({ length: columnCount }, (_, i) => {
    const role = form[`role_${i}`];
    return typeof role === 'string' && (CSV_COLUMN_ROLES as readonly string[]).includes(role) ? (role as CsvColumnRole) : (suggested.columns[i] ?? 'ignore');
  });
  return { delimiter, hasHeader: form.hasHeader === 'yes', columns };
}

/** Returns the concept named in the URL (in force), or throws 404. */
function loadConcept(deps: RouteDeps, key: string | undefined): Concept & { isDeleted: boolean } {
  const concept = key ? getConcept(deps.db, key) : undefined;
  if (!concept) throw new HttpError(404, `There is no glossary concept ${String(key)}.`);
  return concept;
}

/** Returns the confirmation for a redirect's query (?saved=1, ?applied=3 …), or null. */
function noticeFrom(query: Record<string, unknown>): string | null {
  if (query.created === '1') return 'Added to the glossary. The checks now enforce it in every article.';
  if (query.saved === '1') return 'Saved. The previous version is kept in the history below.';
  if (query.deleted === '1') return 'The concept was deleted from the glossary; its history is kept.';
  if (typeof query.applied === 'string' && /^\d{1,6}$/.test(query.applied)) return `Applied ${query.applied} change${query.applied === '1' ? '' : 's'} across the corpus; each is a new revision.`;
  if (typeof query.imported === 'string' && /^\d{1,6}$/.test(query.imported)) return `Imported ${query.imported} concept${query.imported === '1' ? '' : 's'}.`;
  if (query.rejected === '1') return 'The suggestion will not be offered again.';
  return null;
}

/** Returns every change that enforcing a concept's preferred form would make in the corpus, article by article. */
function planCorpusChanges(deps: RouteDeps, concept: Concept): { article: ArticleRow; segments: SegmentView[]; fixes: SegmentFix[] }[] {
  const preferred = concept.terms.find((t) => t.lang !== 'ko' && t.status === 'preferred')?.text ?? '';
  return listArticles(deps.db).flatMap((article) => {
    const segments = listSegments(deps.db, article.id);
    const flags = deps.flags.flagsFor(article.id, segments).open.filter((f) => f.check === 'glossary-term' && f.group === concept.id && f.suggestions.includes(preferred));
    if (flags.length === 0) return [];
    const fixes = planFixes(toArticleView(article.id, article.title, segments), flags, preferred);
    return fixes.length ? [{ article, segments, fixes }] : [];
  });
}

/** Returns the glossary pages: list, new, concept, edit, delete, the ways in, and the corpus-wide apply. */
export function glossaryRoutes(deps: RouteDeps, csrfProtection: RequestHandler): Router {
  const router = Router();

  router.get('/glossary/export', (req, res) => {
    const format = GLOSSARY_EXPORT_FORMATS.find((f): f is GlossaryExportFormat => f === req.query.format);
    if (!format) throw new HttpError(422, `Choose an export format: ${GLOSSARY_EXPORT_FORMATS.join(', ')}.`);
    const file = exportGlossary(listConcepts(deps.db), format, { now: deps.now(), title: 'Copydesk glossary' });
    sendDownload(res, file, downloadName('copydesk glossary', format === 'deepl' || format === 'google' ? format : '', file.extension));
  });

  router.get('/glossary/import', (_req, res) => {
    res.render('glossary/import', { title: 'Import a glossary', message: null });
  });

  router.post('/glossary/import', upload.single('file'), csrfProtection, (req, res) => {
    const file = req.file;
    const refuse = (status: number, message: string) => res.status(status).render('glossary/import', { title: 'Import a glossary', message });
    if (!file || file.size === 0) return refuse(422, 'Choose a glossary file (TBX, CSV or JSON): the form had none, or the file is empty.');
    const author = requireAuthor(req, res);
    const bytes = new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength);
    const decoded = decodeGlossaryBytes(bytes);
    if (!decoded.ok) return refuse(bytes.length > MAX_GLOSSARY_BYTES ? 413 : 422, decoded.message);
    const format = sniffGlossaryFormat(decoded.text);
    if (format === 'csv') {
      const preview = previewCsv(decoded.text);
      if (!preview.ok) return refuse(422, preview.message);
      const id = savePendingImport(deps.db, file.originalname || 'glossary.csv', decoded.text, { author, now: deps.now() });
      return res.redirect(303, `/glossary/import/${id}`);
    }
    const read = importGlossary(decoded.text, { importedBy: author, now: deps.now(), sourceName: file.originalname });
    if (!read.ok) return refuse(422, read.message);
    const ids = importConcepts(deps.db, read.concepts);
    res.render('glossary/imported', { title: 'Glossary imported', count: ids.length, warnings: read.warnings });
  });

  router.get('/glossary/import/:pid', (req, res) => {
    const pending = loadPending(deps, req.params.pid);
    const preview = previewCsv(pending.content);
    if (!preview.ok) throw new HttpError(422, preview.message);
    res.render('glossary/mapping', buildMappingView(pending, preview, preview.suggested, null));
  });

  router.post('/glossary/import/:pid', (req, res) => {
    const pending = loadPending(deps, req.params.pid);
    const preview = previewCsv(pending.content);
    if (!preview.ok) throw new HttpError(422, preview.message);
    const mapping = readMapping(req.body, preview.columnCount, preview.suggested);
    const author = requireAuthor(req, res);
    const read = importCsv(pending.content, mapping, { importedBy: author, now: deps.now(), sourceName: pending.name });
    if (!read.ok) return res.status(422).render('glossary/mapping', buildMappingView(pending, preview, mapping, read.message));
    const ids = completePendingImport(deps.db, pending.id, read.concepts);
    res.render('glossary/imported', { title: 'Glossary imported', count: ids.length, warnings: read.warnings });
  });

  router.get('/glossary', (req, res) => {
    const filter = ListQuery.safeParse(req.query);
    const view = buildGlossaryListView(listConcepts(deps.db), filter.success ? filter.data : { q: '', type: '', status: '' }, listCorrectionSuggestions(deps.db).length, noticeFrom(req.query));
    res.render('glossary/index', view);
  });

  router.get('/glossary/new', (req, res) => {
    const prefill = { ...EMPTY_FORM, ...readConceptForm(req.query), type: typeof req.query.type === 'string' ? req.query.type : 'person' };
    res.render('glossary/new', buildConceptFormView(prefill, { action: '/glossary', title: 'New glossary concept', message: null }));
  });

  router.post('/glossary', (req, res) => {
    const values = readConceptForm(req.body);
    const parsed = parseConceptForm(values);
    if (!parsed.ok) return res.status(422).render('glossary/new', buildConceptFormView(values, { action: '/glossary', title: 'New glossary concept', message: parsed.message }));
    const author = requireAuthor(req, res);
    const id = createConcept(deps.db, parsed.input, { origin: 'manual', author, now: deps.now() });
    res.redirect(303, `/glossary/${id}?created=1`);
  });

  router.post('/glossary/from-names', (req, res) => {
    const form = FromNamesForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, 'Say which spelling is preferred.');
    const deprecated = [...new Set([form.data.deprecated ?? []].flat().map((d) => d.trim()).filter((d) => d && d !== form.data.preferred))];
    const author = requireAuthor(req, res);
    const input: ConceptInput = {
      type: 'person',
      terms: [{ text: form.data.preferred, lang: 'en', status: 'preferred' }, ...deprecated.map((text): Term => ({ text, lang: 'en', status: 'deprecated' }))],
    };
    const id = createConcept(deps.db, input, { origin: 'flag', source: form.data.source, author, now: deps.now() });
    res.redirect(303, `/glossary/${id}?created=1`);
  });

  router.get('/glossary/suggestions', (_req, res) => {
    res.render('glossary/suggestions', buildSuggestionsView(listCorrectionSuggestions(deps.db)));
  });

  router.post('/glossary/suggestions/accept', (req, res) => {
    const form = SuggestionForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, 'The suggestion form was incomplete. Reload the suggestions page.');
    const { mtText, editText } = form.data;
    const author = requireAuthor(req, res);
    // Both sides read as names: a person; otherwise a term (a title, an organisation: the editor can change the type).
    const type = readName(mtText) !== undefined && readName(editText) !== undefined ? 'person' : 'term';
    const input: ConceptInput = { type, terms: [{ text: editText, lang: 'en', status: 'preferred' }, { text: mtText, lang: 'en', status: 'deprecated' }] };
    const now = deps.now();
    const id = deps.db.transaction(() => {
      const key = createConcept(deps.db, input, { origin: 'correction-memory', source: `“${mtText}” → “${editText}”`, author, now });
      decideSuggestion(deps.db, mtText, editText, 'accepted', { conceptKey: key, author, now });
      return key;
    }).immediate();
    res.redirect(303, `/glossary/${id}?created=1`);
  });

  router.post('/glossary/suggestions/reject', (req, res) => {
    const form = SuggestionForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, 'The suggestion form was incomplete. Reload the suggestions page.');
    const author = requireAuthor(req, res);
    decideSuggestion(deps.db, form.data.mtText, form.data.editText, 'rejected', { author, now: deps.now() });
    res.redirect(303, '/glossary?rejected=1');
  });

  router.get('/glossary/:cid', (req, res) => {
    const concept = loadConcept(deps, req.params.cid);
    res.render('glossary/concept', buildConceptView(concept, listConceptHistory(deps.db, concept.id), conceptFormValues(concept), null, noticeFrom(req.query)));
  });

  router.post('/glossary/:cid', (req, res) => {
    const concept = loadConcept(deps, req.params.cid);
    if (concept.isDeleted) throw new HttpError(409, 'This concept was deleted; it can no longer be edited.');
    const values = readConceptForm(req.body);
    const parsed = parseConceptForm(values);
    if (!parsed.ok) {
      return res.status(422).render('glossary/concept', buildConceptView(concept, listConceptHistory(deps.db, concept.id), values, parsed.message, null));
    }
    const author = requireAuthor(req, res);
    updateConcept(deps.db, concept.id, parsed.input, { author, now: deps.now() });
    res.redirect(303, `/glossary/${concept.id}?saved=1`);
  });

  router.post('/glossary/:cid/delete', (req, res) => {
    const concept = loadConcept(deps, req.params.cid);
    const author = requireAuthor(req, res);
    if (!deleteConcept(deps.db, concept.id, { author, now: deps.now() })) throw new HttpError(409, 'This concept was already deleted.');
    res.redirect(303, `/glossary/${concept.id}?deleted=1`);
  });

  router.get('/glossary/:cid/apply', (req, res) => {
    const concept = loadConcept(deps, req.params.cid);
    const preferred = concept.terms.find((t) => t.lang !== 'ko' && t.status === 'preferred')?.text ?? '';
    const changes: CorpusChangeVm[] = planCorpusChanges(deps, concept).flatMap(({ article, segments, fixes }) =>
      fixes.map((fix) => {
        const segment = segments.find((s) => s.position === fix.segment);
        return {
          key: `${article.id}:${fix.segment}`,
          article: article.title || '(untitled)',
          articleUrl: `/articles/${article.id}`,
          where: `${segment ? KIND_LABELS[segment.kind] : 'Segment'} ${fix.segment}`,
          baseField: `base_${article.id}_${fix.segment}`,
          base: segment?.revision ?? 0,
          count: fix.count,
          parts: diffSegment(fix.before, fix.after).parts,
        };
      }),
    );
    res.render('glossary/apply', buildGlossaryApplyView(concept, preferred, changes));
  });

  router.post('/glossary/:cid/apply', (req, res) => {
    const concept = loadConcept(deps, req.params.cid);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const chosen = new Set([body.change ?? []].flat().map(String));
    const plan = planCorpusChanges(deps, concept).flatMap(({ article, segments, fixes }) =>
      fixes.filter((f) => chosen.has(`${article.id}:${f.segment}`)).map((fix) => ({ article, fix, segment: segments.find((s) => s.position === fix.segment) as SegmentView })),
    );
    if (plan.length === 0) throw new HttpError(422, 'No change was selected (or none is left to make), so nothing was applied.');
    if (plan.some((p) => String(p.segment.revision) !== String(body[`base_${p.article.id}_${p.fix.segment}`]))) {
      throw new HttpError(409, 'Some of these segments changed since you saw the preview, so nothing was applied. Open the preview again.');
    }
    const author = requireAuthor(req, res);
    const now = deps.now();
    const applied = deps.db.transaction(() => {
      let count = 0;
      for (const { fix, segment } of plan) {
        const outcome = saveEdit(deps.db, segment, { text: fix.after, baseNumber: segment.revision, author, now });
        if (outcome.status === 'conflict') throw new HttpError(409, 'Someone saved one of these segments a moment ago, so nothing was applied. Open the preview again.');
        count += fix.count;
      }
      return count;
    }).immediate();
    res.redirect(303, `/glossary/${concept.id}?applied=${applied}`);
  });

  return router;
}
