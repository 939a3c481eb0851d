/**
 * The QA list (issue 13) at newsroom scale: every statement that GET /issues and its exports run,
 * under every filter, grouping and paging direction, must read article_flags through an index
 * range (migration 014) and never read it, segments, revisions or corrections whole. The statements
 * are recorded while the pages are requested (openStore's `onQuery`) and each plan is read with
 * the parameters it ran with, as test/store/query-plans.test.ts does for every page; here
 * article_flags counts as a large table too (several rows per article).
 */
import { afterAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { openStore, type QueryObserver } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createServiceContext } from '../../src/service/context.js';
import { createApp } from '../../src/web/app.js';
import { importArticle } from '../../src/service/import-articles.js';
import { dismissOpenFlags } from '../../src/service/flags.js';
import { changeStatus } from '../../src/service/articles.js';
import { countIssues, listIssues } from '../../src/store/issues.js';
import { BACKEND, createTestDatabase } from '../support/backend.js';
import { fullScans } from '../support/plan-scans.js';
import { importCorpusArticle, signedInApp, TEST_NOW } from '../helpers.js';

/** Tables with several rows per article: no statement of the QA list may read one whole. */
const LARGE_TABLES: readonly string[] = ['article_flags', 'segments', 'revisions', 'corrections'];

const SECOND = 'Cho Tae-yul Visits Tokyo for Talks\n\nForeign Minister Cho Tae-yeol met his Japanese counterpart in Tokyo on Monday.\n\nCho Tae-yul said the talks had gone well.';

const opened: Store[] = [];
afterAll(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

/** A placeholder of the backend's SQL: `?` on SQLite, `$n` on PostgreSQL. */
const param = (n: number) => (BACKEND === 'sqlite' ? '?' : `$${n}`);

describe('the statements of the QA list', () => {
  it('read article_flags by index range under every filter, grouping and page, and never read it whole', async () => {
    const recorded = new Map<string, { sql: string; parameters: readonly unknown[]; urls: Set<string> }>();
    let url: string | undefined;
    const onQuery: QueryObserver = (text, parameters) => {
      if (url === undefined || !/^\s*(select|with)\b/i.test(text)) return;
      const key = `${text}\u0000${JSON.stringify(parameters)}`;
      const entry = recorded.get(key) ?? { sql: text, parameters: [...parameters], urls: new Set<string>() };
      entry.urls.add(url);
      recorded.set(key, entry);
    };
    const store = await openStore(await createTestDatabase({ inMemory: true }), { onQuery });
    opened.push(store);
    const ctx = createServiceContext(store, { now: () => TEST_NOW });
    const app = await signedInApp(ctx, await createApp({ service: ctx, log: () => {} }));
    const corpus = await importCorpusArticle(ctx);
    const second = await importArticle(ctx, { text: SECOND, sourceName: 'second.txt' }, { importedBy: 'test', mtEngine: 'DeepL' });
    if (!second.ok) throw new Error(second.message);
    const open = (await ctx.flags.flagsFor(corpus)).open;
    await dismissOpenFlags(ctx, corpus, new Set([open[open.length - 1]!.fingerprint]), 'Correct as written', 'test');
    await changeStatus(ctx, second.id, 'in-review');

    const filters = [
      '', 'check=name-variant', 'severity=warning', 'person=cho-tae-yul', `article=${corpus}`, 'status=in-review', 'engine=DeepL', 'engine=(unknown)',
      'check=name-variant&severity=warning', `person=cho-tae-yul&article=${second.id}`, 'status=done&severity=error', 'check=headline-subject&engine=DeepL&status=in-review',
    ];
    const cursors: Record<string, string[]> = {
      none: ['', `after=${corpus}.0`, `before=${second.id}.0`],
      check: ['', `after=name-variant.${corpus}.0`, `before=name-variant.${second.id}.0`],
      person: ['', `after=cho-tae-yul.${corpus}.0`, `before=cho-tae-yul.${second.id}.0`],
    };
    const urls = filters.flatMap((f) => Object.entries(cursors).flatMap(([group, list]) => list.map((c) => {
      const query = [f, group === 'none' ? '' : `group=${group}`, c].filter(Boolean).join('&');
      return query ? `/issues?${query}` : '/issues';
    })));
    urls.push('/issues/export?format=csv', '/issues/export?format=json&group=person', '/issues/export?format=csv&status=in-review&group=check', `/issues/export?format=json&article=${corpus}`);
    for (const u of urls) {
      url = u;
      try {
        const res = await request(app).get(u);
        expect(res.status, `${u}: ${String(res.text).slice(0, 300)}`).toBe(200);
      } finally {
        url = undefined;
      }
    }
    const onFlags = [...recorded.values()].filter((s) => /\barticle_flags\b/.test(s.sql));
    // A recorder that saw nothing would pass anything: the list, its counts, its windows and group counts.
    expect(new Set(onFlags.map((s) => s.sql)).size).toBeGreaterThan(20);

    const offending: string[] = [];
    for (const statement of recorded.values()) {
      const scans = await fullScans(store, statement.sql, statement.parameters, LARGE_TABLES);
      if (scans.length > 0) offending.push(`${[...statement.urls].slice(0, 3).join(', ')}:\n  ${statement.sql.replace(/\s+/g, ' ').trim()}\n  ${scans.join('\n  ')}`);
    }
    expect(offending).toEqual([]);
  }, 120_000);

  it('the check catches a statement that reads article_flags whole, and passes the list’s own', async () => {
    const store = await openStore(await createTestDatabase({ inMemory: true }));
    opened.push(store);
    const scans = (statement: string, parameters: unknown[] = []) => fullScans(store, statement, parameters, LARGE_TABLES);
    expect(await scans(`SELECT COUNT(*) FROM article_flags f WHERE f.severity = ${param(1)}`, ['error'])).not.toEqual([]);
    expect(await scans(`SELECT f.id FROM article_flags f WHERE f.message LIKE ${param(1)} ORDER BY f.id LIMIT 50`, ['%x%'])).not.toEqual([]);
    expect(await scans(`SELECT f.id FROM article_flags f WHERE f.is_dismissed = 0 AND f.severity = ${param(1)} ORDER BY f.article_id, f.position LIMIT 50`, ['error'])).toEqual([]);
    // The store's own statements, run for real: they must work on an empty database too.
    expect((await listIssues(store, { grouping: 'person', limit: 51 })).rows).toEqual([]);
    expect(await countIssues(store, { status: 'done' }, 'check')).toEqual({ count: 0, isMore: false });
  });
});
