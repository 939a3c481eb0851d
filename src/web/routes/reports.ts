import { Router } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../app.js';
import { HttpError } from '../errors.js';
import { changePassScore, corpusQuality, editorActivity, passScore } from '../../service/reports.js';
import {
  buildReportRows, buildReportsView, EDITOR_SORTS, FREQUENT_SORTS, REPORT_SORTS, type EditorSort, type FrequentSort, type ReportSort,
} from '../view-models/reports-view.js';
import { writeReportCsv, writeReportJson } from '../../formats/report/report-files.js';
import { downloadName, sendDownload } from '../download.js';

const PassScoreForm = z.object({ passScore: z.coerce.number().min(0).max(100) });

/** Returns the corpus reports page, its CSV and JSON exports, and the pass-score setting. */
export function reportRoutes(deps: RouteDeps): Router {
  const router = Router();

  router.get('/reports', async (req, res) => {
    const sort = REPORT_SORTS.find((s): s is ReportSort => s === req.query.sort) ?? 'hter';
    const isDescending = req.query.dir !== 'asc';
    const isCaseSensitive = req.query.case !== 'insensitive';
    const frequentSort = FREQUENT_SORTS.find((s): s is FrequentSort => s === req.query.fsort);
    const editorSort = EDITOR_SORTS.find((s): s is EditorSort => s === req.query.esort);
    const [items, editors, score] = await Promise.all([corpusQuality(deps.service, { caseSensitive: isCaseSensitive }), editorActivity(deps.service), passScore(deps.service)]);
    res.render('reports/index', buildReportsView(items, editors, { sort, isDescending, passScore: score, isCaseSensitive, frequentSort, editorSort }));
  });

  router.get('/reports/export', async (req, res) => {
    const format = req.query.format;
    if (format !== 'csv' && format !== 'json') throw new HttpError(422, 'Choose an export format: csv or json.');
    const isCaseSensitive = req.query.case !== 'insensitive';
    const items = await corpusQuality(deps.service, { caseSensitive: isCaseSensitive });
    const rows = buildReportRows(items);
    if (format === 'csv') {
      sendDownload(res, { body: writeReportCsv(rows), contentType: 'text/csv; charset=utf-8; header=present' }, downloadName('copydesk report', '', 'csv'));
      return;
    }
    const view = buildReportsView(items, await editorActivity(deps.service), { sort: 'hter', isDescending: true, passScore: await passScore(deps.service), isCaseSensitive });
    const body = writeReportJson({
      generatedAt: deps.service.now(),
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

  router.post('/reports/pass-score', async (req, res) => {
    const form = PassScoreForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, 'The pass score is a number from 0 to 100.');
    await changePassScore(deps.service, form.data.passScore);
    res.redirect(303, '/reports');
  });

  return router;
}
