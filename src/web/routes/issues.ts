import { Router, type Response } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../app.js';
import { actorOf } from '../auth.js';
import { HttpError } from '../errors.js';
import { downloadName } from '../download.js';
import { ARTICLE_STATUSES, MAX_ENGINE_CHARS, type ArticleStatus } from '../../service/types.js';
import {
  applyIssueFixes, countMatchingIssues, dismissIssues, exportIssues, issuesPage, planIssueFixes, tickedIssues,
  ISSUE_GROUPINGS, MAX_ISSUE_PICKS, type IssuePick, type IssuesQuery,
} from '../../service/issues.js';
import { MAX_REASON_CHARS } from '../../service/flags.js';
import { issueJsonParts, writeIssueCsvRows } from '../../formats/issue-files.js';
import { slugOf } from '../../core/names/normalise.js';
import {
  SEVERITIES, buildDismissReasonView, buildIssueFixPreview, buildIssuesView, exportFilters, parseCursor, toIssueFileRow,
} from '../view-models/issues-view.js';

const ListParams = z.object({
  check: z.string().min(1).max(100).optional().catch(undefined),
  severity: z.enum(SEVERITIES as [string, ...string[]]).optional().catch(undefined),
  person: z.string().max(200).optional().catch(undefined),
  article: z.coerce.number().int().min(1).max(999_999_999).optional().catch(undefined),
  status: z.enum(ARTICLE_STATUSES as [ArticleStatus, ...ArticleStatus[]]).optional().catch(undefined),
  engine: z.string().max(MAX_ENGINE_CHARS).optional().catch(undefined),
  group: z.enum(ISSUE_GROUPINGS).optional().catch(undefined),
  after: z.string().optional().catch(undefined),
  before: z.string().optional().catch(undefined),
});

/**
 * Returns the QA list query a URL asks for; anything malformed falls back to its default (a stale
 * bookmark still shows the list). A person is matched by the key the flags carry: a name typed
 * into the filter ("Cho Tae-yul") is turned into that key ("cho-tae-yul") as the checks make it.
 */
export function readIssuesQuery(params: unknown): IssuesQuery {
  const p = ListParams.parse(params ?? {});
  const grouping = p.group ?? 'none';
  const person = p.person?.trim();
  return {
    check: p.check,
    severity: p.severity as IssuesQuery['severity'],
    person: person ? slugOf(person) : undefined,
    articleId: p.article,
    status: p.status,
    engine: p.engine === undefined || p.engine === '' ? undefined : p.engine === '(unknown)' ? '' : p.engine,
    grouping,
    after: parseCursor(p.after, grouping),
    before: parseCursor(p.before, grouping),
  };
}

/** Returns the ticked flags a form posted (`flag` = "articleId:fingerprint", once per tick), refusing a value the page never writes. */
function readPicks(body: Record<string, unknown>): { picks: IssuePick[]; values: string[] } {
  const values = [body.flag ?? []].flat().filter((v): v is string => typeof v === 'string');
  if (values.length > MAX_ISSUE_PICKS) throw new HttpError(422, `Tick at most ${MAX_ISSUE_PICKS} flags at a time.`);
  const picks = values.map((value) => {
    const match = /^(\d{1,9}):(.{1,2000})$/su.exec(value);
    if (!match) throw new HttpError(422, 'The form named a flag the QA list never shows. Reload the list and tick the flags again.');
    return { articleId: Number(match[1]), fingerprint: match[2] as string };
  });
  return { picks, values: [...new Set(values)] };
}

/** Returns the QA list page to go back to: the posted `back` when it is one, else the list. */
function backOf(body: Record<string, unknown>): string {
  const back = typeof body.back === 'string' ? body.back : '';
  return /^\/issues(\?[^#\s\\]*)?$/u.test(back) && back.length <= 2000 ? back : '/issues';
}

/** Returns `url` with one more query parameter. */
const withParam = (url: string, name: string, value: number) => `${url}${url.includes('?') ? '&' : '?'}${name}=${value}`;

const Count = z.coerce.number().int().min(0).max(1_000_000);

/** Writes one part of a streamed export, waiting while the client's buffer is full. */
async function write(res: Response, text: string): Promise<void> {
  if (text === '' || res.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = () => { res.off('drain', done); res.off('close', done); resolve(); };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Returns the QA list (`GET /issues`, issue 13: every open flag of the corpus, filtered, grouped,
 * paged by keyset), its CSV and JSON exports (`GET /issues/export`), and the actions on ticked
 * rows across articles: dismiss with a reason (`POST /issues/dismiss`), and fix everywhere after a
 * preview (`POST /issues/fixes/preview`, then `POST /issues/fixes`).
 */
export function issueRoutes(deps: RouteDeps): Router {
  const router = Router();

  router.get('/issues', (req, res, next) => deps.listings.send(req, res, next, async () => {
    const query = readIssuesQuery(req.query);
    const dismissed = Count.safeParse(req.query.dismissed);
    const applied = Count.safeParse(req.query.applied);
    const notices = { dismissed: dismissed.success ? dismissed.data : undefined, applied: applied.success ? applied.data : undefined };
    return { template: 'issues/index', locals: { ...buildIssuesView(await issuesPage(deps.service, query), query, notices) } };
  }));

  router.get('/issues/export', async (req, res) => {
    const format = req.query.format;
    if (format !== 'csv' && format !== 'json') throw new HttpError(422, 'Choose an export format: csv or json.');
    const query = readIssuesQuery(req.query);
    const filters = { ...query, after: undefined, before: undefined };
    // The flags are streamed a batch at a time (keyset pages), each written as the client takes it:
    // an export of 100,000 flags never sits in memory.
    res.attachment(downloadName('copydesk qa list', '', format));
    res.type(format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/json; charset=utf-8');
    let isFirst = true;
    if (format === 'json') {
      const total = await countMatchingIssues(deps.service, filters);
      await write(res, issueJsonParts.open({ generatedAt: deps.service.now(), filters: exportFilters(filters), total: total.isMore ? null : total.count }));
    }
    for await (const batch of exportIssues(deps.service, filters)) {
      if (res.destroyed) return;
      const rows = batch.map(toIssueFileRow);
      await write(res, format === 'csv' ? writeIssueCsvRows(rows, { hasHeader: isFirst }) : issueJsonParts.rows(rows, isFirst));
      isFirst = false;
    }
    if (format === 'csv') res.end(isFirst ? writeIssueCsvRows([], { hasHeader: true }) : '');
    else res.end(issueJsonParts.close());
  });

  router.post('/issues/dismiss', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { picks, values } = readPicks(body);
    const reason = typeof body.reason === 'string' ? body.reason.slice(0, MAX_REASON_CHARS * 4) : '';
    const back = backOf(body);
    if (picks.length > 0 && reason.trim() === '') {
      // No reason (a browser without form validation, or a script): ask for it on a page that keeps
      // every tick and posts them again, as the review page's dismissal does.
      res.status(422).render('issues/dismiss-reason', buildDismissReasonView(await tickedIssues(deps.service, picks), values, back));
      return;
    }
    const added = await dismissIssues(deps.service, picks, reason, actorOf(res));
    res.redirect(303, withParam(back, 'dismissed', added));
  });

  router.post('/issues/fixes/preview', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { picks, values } = readPicks(body);
    const plan = await planIssueFixes(deps.service, picks);
    res.render('issues/fix-preview', buildIssueFixPreview(plan, values, backOf(body)));
  });

  router.post('/issues/fixes', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { picks } = readPicks(body);
    const changes = new Set([body.change ?? []].flat().map(String).filter((key) => /^\d{1,9}:\d{1,6}$/u.test(key)));
    const bases = new Map([...changes].map((key) => [key, String(body[`base_${key.replace(':', '_')}`])]));
    const applied = await applyIssueFixes(deps.service, picks, { changes, bases }, actorOf(res));
    res.redirect(303, withParam(backOf(body), 'applied', applied));
  });

  return router;
}

