import { Router } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../app.js';
import { actorOf } from '../auth.js';
import { HttpError } from '../errors.js';
import { changePassScore, corpusReport, reportArticles, REPORT_PAGE_SIZE } from '../../service/reports.js';
import { buildReportsView, toReportRow, EDITOR_SORTS, FREQUENT_SORTS, REPORT_SORTS, type EditorSort, type FrequentSort, type ReportSort } from '../view-models/reports-view.js';
import { reportJsonParts, writeReportCsvRows } from '../../formats/report/report-files.js';
import { downloadName } from '../download.js';

const PassScoreForm = z.object({ passScore: z.coerce.number().min(0).max(100) });
const Page = z.coerce.number().int().min(1).max(100_000).catch(1);

/** Returns the corpus reports page, its CSV and JSON exports, and the pass-score setting. */
export function reportRoutes(deps: RouteDeps): Router {
  const router = Router();

  router.get('/reports', (req, res, next) => deps.listings.send(req, res, next, async () => {
    const sort = REPORT_SORTS.find((s): s is ReportSort => s === req.query.sort) ?? 'hter';
    const isDescending = req.query.dir !== 'asc';
    const isCaseSensitive = req.query.case !== 'insensitive';
    const frequentSort = FREQUENT_SORTS.find((s): s is FrequentSort => s === req.query.fsort);
    const editorSort = EDITOR_SORTS.find((s): s is EditorSort => s === req.query.esort);
    const page = Page.parse(req.query.page ?? 1);
    const report = await corpusReport(deps.service, { sort, isDescending, page });
    return { template: 'reports/index', locals: { ...buildReportsView(report, { sort, isDescending, isCaseSensitive, page, pageSize: REPORT_PAGE_SIZE, frequentSort, editorSort }) } };
  }));

  router.get('/reports/export', async (req, res) => {
    const format = req.query.format;
    if (format !== 'csv' && format !== 'json') throw new HttpError(422, 'Choose an export format: csv or json.');
    const isCaseSensitive = req.query.case !== 'insensitive';
    const report = await corpusReport(deps.service, { sort: 'hter', isDescending: true, page: 1 });
    const opts = { passScore: report.passScore, isCaseSensitive };
    // Every article is streamed a batch at a time: an export of 100,000 articles never sits in memory.
    res.type(format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/json; charset=utf-8');
    res.attachment(downloadName('copydesk report', '', format));
    if (format === 'csv') {
      let isFirst = true;
      for await (const batch of reportArticles(deps.service)) {
        res.write(writeReportCsvRows(batch.map((a) => toReportRow(a, opts)), { hasHeader: isFirst }));
        isFirst = false;
      }
      if (isFirst) res.write(writeReportCsvRows([], { hasHeader: true }));
      res.end();
      return;
    }
    const view = buildReportsView(report, { sort: 'hter', isDescending: true, isCaseSensitive, page: 1, pageSize: REPORT_PAGE_SIZE });
    res.write(reportJsonParts.open({
      generatedAt: deps.service.now(),
      passScore: view.passScore,
      caseSensitive: isCaseSensitive,
      corpus: view.corpus,
      engines: view.engines,
      hterBins: view.hterBins,
      dimensions: view.dimensions.map((d) => ({ dimension: d.label, total: d.total, confirmed: d.confirmed, bySeverity: Object.fromEntries(view.severities.map((s, i) => [s.toLowerCase(), d.bySeverity[i]])) })),
      kinds: view.kinds.map((k) => ({ kind: k.kind, segments: k.segments, edits: k.edits, words: k.words, hter: k.hter })),
      frequentCorrections: view.frequent,
      editors: view.editors,
    }));
    let isFirst = true;
    for await (const batch of reportArticles(deps.service)) {
      res.write(reportJsonParts.rows(batch.map((a) => toReportRow(a, opts)), isFirst));
      isFirst = false;
    }
    res.end(reportJsonParts.close());
  });

  router.post('/reports/pass-score', async (req, res) => {
    const form = PassScoreForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, 'The pass score is a number from 0 to 100.');
    await changePassScore(deps.service, form.data.passScore, actorOf(res));
    res.redirect(303, '/reports');
  });

  return router;
}
