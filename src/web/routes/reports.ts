import { Router } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../app.js';
import { HttpError } from '../errors.js';
import { listArticles } from '../../store/articles.js';
import type { ArticleQuality } from '../../store/article-quality.js';
import { qualityOf } from '../quality.js';
import { listEditorActivity } from '../../store/revisions.js';
import { mqmPassScore, setMqmPassScore } from '../../store/settings.js';
import {
  buildReportRows, buildReportsView, EDITOR_SORTS, FREQUENT_SORTS, REPORT_SORTS, type EditorSort, type FrequentSort, type ReportSort,
} from '../view-models/reports-view.js';
import { writeReportCsv, writeReportJson } from '../../formats/report/report-files.js';
import { downloadName, sendDownload } from '../download.js';
import type { ArticleRow } from '../../store/articles.js';

const PassScoreForm = z.object({ passScore: z.coerce.number().min(0).max(100) });

/** Returns every article with its quality figures. */
function corpusQuality(deps: RouteDeps, isCaseSensitive: boolean): { article: ArticleRow; quality: ArticleQuality }[] {
  return listArticles(deps.db).flatMap((article) => {
    const { quality } = qualityOf(deps, article.id, { caseSensitive: isCaseSensitive });
    return quality ? [{ article, quality }] : [];
  });
}

/** Returns the corpus reports page, its CSV and JSON exports, and the pass-score setting. */
export function reportRoutes(deps: RouteDeps): Router {
  const router = Router();

  router.get('/reports', (req, res) => {
    const sort = REPORT_SORTS.find((s): s is ReportSort => s === req.query.sort) ?? 'hter';
    const isDescending = req.query.dir !== 'asc';
    const isCaseSensitive = req.query.case !== 'insensitive';
    const frequentSort = FREQUENT_SORTS.find((s): s is FrequentSort => s === req.query.fsort);
    const editorSort = EDITOR_SORTS.find((s): s is EditorSort => s === req.query.esort);
    res.render('reports/index', buildReportsView(corpusQuality(deps, isCaseSensitive), listEditorActivity(deps.db), {
      sort, isDescending, passScore: mqmPassScore(deps.db), isCaseSensitive, frequentSort, editorSort,
    }));
  });

  router.get('/reports/export', (req, res) => {
    const format = req.query.format;
    if (format !== 'csv' && format !== 'json') throw new HttpError(422, 'Choose an export format: csv or json.');
    const isCaseSensitive = req.query.case !== 'insensitive';
    const items = corpusQuality(deps, isCaseSensitive);
    const rows = buildReportRows(items);
    if (format === 'csv') {
      sendDownload(res, { body: writeReportCsv(rows), contentType: 'text/csv; charset=utf-8; header=present' }, downloadName('copydesk report', '', 'csv'));
      return;
    }
    const view = buildReportsView(items, listEditorActivity(deps.db), { sort: 'hter', isDescending: true, passScore: mqmPassScore(deps.db), isCaseSensitive });
    const body = writeReportJson({
      generatedAt: deps.now(),
      passScore: view.passScore,
      caseSensitive: isCaseSensitive,
      corpus: view.corpus,
      engines: view.engines,
      articles: rows,
      hterBins: view.hterBins,
      dimensions: view.dimensions.map((d) => ({ dimension: d.label, total: d.total, confirmed: d.confirmed, bySeverity: Object.fromEntries(view.severities.map((s, i) => [s.toLowerCase(), d.bySeverity[i]])) })),
      kinds: view.kinds.map((k) => ({ kind: k.kind, segments: k.segments, edits: k.edits, words: k.words, hter: k.hter })),
      frequentCorrections: view.frequent,
      editors: view.editors,
    });
    sendDownload(res, { body, contentType: 'application/json; charset=utf-8' }, downloadName('copydesk report', '', 'json'));
  });

  router.post('/reports/pass-score', (req, res) => {
    const form = PassScoreForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, 'The pass score is a number from 0 to 100.');
    setMqmPassScore(deps.db, form.data.passScore);
    res.redirect(303, '/reports');
  });

  return router;
}
