import { Router, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { RouteDeps } from '../app.js';
import { HttpError } from '../errors.js';
import { hasNul, NUL_MESSAGE } from '../input-guard.js';
import { ServiceError } from '../../service/errors.js';
import { actorOf } from '../auth.js';
import {
  acceptSuggestion, addConcept, addPersonFromNames, applyGlossary, APPLY_ARTICLES_PER_RUN, completeCsvImport, correctionSuggestions, countCorrectionSuggestions, editConcept, exportGlossaryFile,
  findConcept, findPendingImport, glossaryConcepts, importGlossaryUpload, planGlossaryApply, preferredFormOf, rejectSuggestion, removeConcept,
} from '../../service/glossary.js';
import { diffSegment } from '../../core/diff/diff-segment.js';
import { conceptFormValues, parseConceptForm, readConceptForm } from '../forms/concept-form.js';
import {
  buildConceptFormView, buildConceptView, buildGlossaryApplyView, buildGlossaryListView, buildSuggestionsView, type CorpusChangeVm,
} from '../view-models/glossary-view.js';
import { KIND_LABELS, segmentPlace } from '../view-models/format.js';
import { buildMappingView } from '../view-models/mapping-view.js';
import { downloadName, sendDownload } from '../download.js';
import { CSV_COLUMN_ROLES, type CsvColumnRole, type CsvMapping } from '../../formats/glossary/csv-mapping.js';
import { MAX_GLOSSARY_BYTES, tooLargeMessage } from '../../formats/glossary/limits.js';
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
/** Returns who changes the glossary: the signed-in user (a name typed into a form is never taken). */
function requireAuthor(_req: Request, res: Response): string {
  return actorOf(res);
}

/** Keeps an uploaded glossary in memory: one file, refused by multer past the glossary size limit. */
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_GLOSSARY_BYTES + 1, files: 1, fields: 10 } });

/** Most bytes a glossary upload may announce (Content-Length): the file and the form's few kB around it. */
const MAX_GLOSSARY_REQUEST_BYTES = MAX_GLOSSARY_BYTES + 64 * 1024;

/** Reads the glossary form's one file; a request announcing more than the limit is refused before a byte of it is read. */
const receiveGlossary: RequestHandler = (req: Request, res: Response, next) => {
  const refuse = (status: number, message: string) => res.status(status).render('glossary/import', { title: 'Import a glossary', message });
  const length = Number(req.get('content-length'));
  if (length > MAX_GLOSSARY_REQUEST_BYTES) {
    refuse(413, tooLargeMessage(length));
    return;
  }
  upload.single('file')(req, res, (err: unknown) => {
    if (err) return next(err);
    // A file name (filename*=UTF-8''a%00b) or field can carry a NUL, which no text column stores.
    if (hasNul(req.file?.originalname) || hasNul(req.body)) return refuse(400, NUL_MESSAGE);
    next();
  });
};

/** Returns the id of the pending CSV upload named in the URL, or throws 404. */
function pendingIdOf(value: string | undefined): number {
  if (!value || !/^[1-9]\d{0,8}$/.test(value)) throw new HttpError(404, 'That upload is no longer waiting: it was imported already, or the link is wrong. Upload the file again.');
  return Number(value);
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

/** Returns the glossary pages: list, new, concept, edit, delete, the ways in, and the corpus-wide apply. */
export function glossaryRoutes(deps: RouteDeps): Router {
  const router = Router();
  const ctx = deps.service;

  router.get('/glossary/export', async (req, res) => {
    const format = GLOSSARY_EXPORT_FORMATS.find((f): f is GlossaryExportFormat => f === req.query.format);
    if (!format) throw new HttpError(422, `Choose an export format: ${GLOSSARY_EXPORT_FORMATS.join(', ')}.`);
    const file = await exportGlossaryFile(ctx, format);
    sendDownload(res, file, downloadName('copydesk glossary', format === 'deepl' || format === 'google' ? format : '', file.extension));
  });

  router.get('/glossary/import', (_req, res) => {
    res.render('glossary/import', { title: 'Import a glossary', message: null });
  });

  router.post('/glossary/import', receiveGlossary, async (req, res) => {
    const file = req.file;
    const refuse = (status: number, message: string) => res.status(status).render('glossary/import', { title: 'Import a glossary', message });
    if (!file || file.size === 0) return refuse(422, 'Choose a glossary file (TBX, CSV or JSON): the form had none, or the file is empty.');
    const author = requireAuthor(req, res);
    const bytes = new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength);
    let outcome;
    try {
      outcome = await importGlossaryUpload(ctx, bytes, file.originalname, author);
    } catch (err) {
      if (err instanceof ServiceError) return refuse(err.kind === 'too-large' ? 413 : 422, err.message);
      throw err;
    }
    if (outcome.kind === 'pending') return res.redirect(303, `/glossary/import/${outcome.id}`);
    res.render('glossary/imported', { title: 'Glossary imported', count: outcome.count, warnings: outcome.warnings });
  });

  router.get('/glossary/import/:pid', async (req, res) => {
    const { pending, preview } = await findPendingImport(ctx, pendingIdOf(req.params.pid));
    res.render('glossary/mapping', buildMappingView(pending, preview, preview.suggested, null));
  });

  router.post('/glossary/import/:pid', async (req, res) => {
    const { pending, preview } = await findPendingImport(ctx, pendingIdOf(req.params.pid));
    const mapping = readMapping(req.body, preview.columnCount, preview.suggested);
    const author = requireAuthor(req, res);
    const done = await completeCsvImport(ctx, pending, mapping, author);
    if (!done.ok) return res.status(422).render('glossary/mapping', buildMappingView(pending, preview, mapping, done.message));
    res.render('glossary/imported', { title: 'Glossary imported', count: done.count, warnings: done.warnings });
  });

  router.get('/glossary', async (req, res) => {
    const filter = ListQuery.safeParse(req.query);
    const [concepts, suggestions] = await Promise.all([glossaryConcepts(ctx), countCorrectionSuggestions(ctx)]);
    const view = buildGlossaryListView(concepts, filter.success ? filter.data : { q: '', type: '', status: '' }, suggestions, noticeFrom(req.query));
    res.render('glossary/index', view);
  });

  router.get('/glossary/new', (req, res) => {
    const prefill = { ...EMPTY_FORM, ...readConceptForm(req.query), type: typeof req.query.type === 'string' ? req.query.type : 'person' };
    res.render('glossary/new', buildConceptFormView(prefill, { action: '/glossary', title: 'New glossary concept', message: null }));
  });

  router.post('/glossary', async (req, res) => {
    const values = readConceptForm(req.body);
    const parsed = parseConceptForm(values);
    if (!parsed.ok) return res.status(422).render('glossary/new', buildConceptFormView(values, { action: '/glossary', title: 'New glossary concept', message: parsed.message }));
    const author = requireAuthor(req, res);
    const id = await addConcept(ctx, parsed.input, author);
    res.redirect(303, `/glossary/${id}?created=1`);
  });

  router.post('/glossary/from-names', async (req, res) => {
    const form = FromNamesForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, 'Say which spelling is preferred.');
    const author = requireAuthor(req, res);
    const id = await addPersonFromNames(ctx, { preferred: form.data.preferred, deprecated: [form.data.deprecated ?? []].flat(), source: form.data.source }, author);
    res.redirect(303, `/glossary/${id}?created=1`);
  });

  router.get('/glossary/suggestions', (req, res, next) => deps.listings.send(req, res, next, async () => (
    { template: 'glossary/suggestions', locals: { ...buildSuggestionsView(await correctionSuggestions(ctx)) } }
  )));

  router.post('/glossary/suggestions/accept', async (req, res) => {
    const form = SuggestionForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, 'The suggestion form was incomplete. Reload the suggestions page.');
    const author = requireAuthor(req, res);
    const id = await acceptSuggestion(ctx, form.data.mtText, form.data.editText, author);
    res.redirect(303, `/glossary/${id}?created=1`);
  });

  router.post('/glossary/suggestions/reject', async (req, res) => {
    const form = SuggestionForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, 'The suggestion form was incomplete. Reload the suggestions page.');
    const author = requireAuthor(req, res);
    await rejectSuggestion(ctx, form.data.mtText, form.data.editText, author);
    res.redirect(303, '/glossary?rejected=1');
  });

  router.get('/glossary/:cid', async (req, res) => {
    const { concept, history } = await findConcept(ctx, req.params.cid);
    res.render('glossary/concept', buildConceptView(concept, history, conceptFormValues(concept), null, noticeFrom(req.query)));
  });

  router.post('/glossary/:cid', async (req, res) => {
    const { concept, history } = await findConcept(ctx, req.params.cid);
    if (concept.isDeleted) throw new HttpError(409, 'This concept was deleted; it can no longer be edited.');
    const values = readConceptForm(req.body);
    const parsed = parseConceptForm(values);
    if (!parsed.ok) return res.status(422).render('glossary/concept', buildConceptView(concept, history, values, parsed.message, null));
    const author = requireAuthor(req, res);
    await editConcept(ctx, concept.id, parsed.input, author);
    res.redirect(303, `/glossary/${concept.id}?saved=1`);
  });

  router.post('/glossary/:cid/delete', async (req, res) => {
    const author = requireAuthor(req, res);
    await removeConcept(ctx, req.params.cid, author);
    res.redirect(303, `/glossary/${req.params.cid}?deleted=1`);
  });

  router.get('/glossary/:cid/apply', async (req, res) => {
    const { concept } = await findConcept(ctx, req.params.cid);
    const plan = await planGlossaryApply(ctx, concept);
    const changes: CorpusChangeVm[] = plan.changes.flatMap(({ article, segments, fixes }) =>
      fixes.map((fix) => {
        const segment = segments.find((s) => s.position === fix.segment);
        return {
          key: `${article.id}:${fix.segment}`,
          article: article.title || '(untitled)',
          articleUrl: `/articles/${article.id}`,
          where: segmentPlace(segment?.kind, fix.segment),
          baseField: `base_${article.id}_${fix.segment}`,
          base: segment?.revision ?? 0,
          count: fix.count,
          parts: diffSegment(fix.before, fix.after).parts,
        };
      }),
    );
    res.render('glossary/apply', { ...buildGlossaryApplyView(concept, preferredFormOf(concept), changes), isPartial: plan.isPartial, perRun: APPLY_ARTICLES_PER_RUN });
  });

  router.post('/glossary/:cid/apply', async (req, res) => {
    const { concept } = await findConcept(ctx, req.params.cid);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const changes = new Set([body.change ?? []].flat().map(String));
    const bases = new Map([...changes].map((key) => [key, String(body[`base_${key.replace(':', '_')}`])]));
    const author = requireAuthor(req, res);
    const applied = await applyGlossary(ctx, concept, { changes, bases }, author);
    res.redirect(303, `/glossary/${concept.id}?applied=${applied}`);
  });

  return router;
}
