/**
 * Issue 10: the names page at newsroom scale. Each person's spellings come with their totals and the
 * few articles that use them most; these are read from corpus_person_spellings (written when the
 * person's surname bucket is clustered) and from the first entries of one index range per spelling,
 * never from every article that names the person. And a page view clusters a small name bucket
 * itself but leaves one of thousands of article persons to the background refresher's threads.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openStore, type QueryObserver } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createServiceContext, type ServiceContext } from '../../src/service/context.js';
import { corpusNames, PAGE_BUCKET_MAX_UNITS } from '../../src/service/names.js';
import { BACKEND, createTestDatabase } from '../support/backend.js';
import { importUnrefreshed, settle } from '../support/derived-state.js';
import { postgresPlan, sqlitePlan } from '../support/plan-scans.js';

const opened: Store[] = [];
afterAll(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function newContext(onQuery?: QueryObserver): Promise<ServiceContext> {
  const store = await openStore(await createTestDatabase({ inMemory: true }), { onQuery });
  opened.push(store);
  return createServiceContext(store, { now: () => new Date('2026-12-08T09:00:00.000Z') });
}

/** An article naming the foreign minister `uses` times (one of them spelled `variant` when given), and a second person once. */
function article(i: number, uses: number, variant?: string): string {
  const sentences = Array.from({ length: uses }, (_, k) => (k === 0 && variant ? `Foreign Minister ${variant} spoke in Seoul on day ${i}.` : `Foreign Minister Cho Tae-yul spoke again on day ${i} (${k}).`));
  return [`Minister Meets Counterpart ${i}`, ...sentences, `Park Jin-young, the trade envoy, attended on day ${i}.`].join('\n\n');
}

/** What the page should show for each spelling of `personId`, read the plain way: every article_names row of the person. */
async function spellingsReadWhole(ctx: ServiceContext, personId: number, perSpelling: number) {
  const rows = await ctx.store.db.selectFrom('article_names as n').innerJoin('articles as a', 'a.id', 'n.article_id')
    .select(['n.spelling', 'n.count', 'n.article_id as articleId', 'a.title']).where('n.corpus_person_id', '=', personId).execute();
  const bySpelling = new Map<string, { id: number; title: string; count: number }[]>();
  for (const r of rows) bySpelling.set(r.spelling, [...(bySpelling.get(r.spelling) ?? []), { id: r.articleId, title: r.title, count: Number(r.count) }]);
  return [...bySpelling.entries()].map(([text, list]) => ({
    text,
    count: list.reduce((sum, a) => sum + a.count, 0),
    articleCount: list.length,
    articles: [...list].sort((a, b) => b.count - a.count || a.id - b.id).slice(0, perSpelling),
  })).sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1));
}

describe(`the names page's people and spellings (${BACKEND})`, () => {
  it('shows each spelling with the totals and the top articles a read of every article gives, from the stored totals and one index range per spelling', async () => {
    const statements: { sql: string; parameters: readonly unknown[] }[] = [];
    let isRecording = false;
    const ctx = await newContext((text, parameters) => { if (isRecording) statements.push({ sql: text, parameters: [...parameters] }); });
    // 14 articles: the minister named 1 to 4 times each, spelled "Cho Tae-yeol" once in four of them.
    await importUnrefreshed(ctx.store, Array.from({ length: 14 }, (_, i) => article(i, 1 + (i * 7) % 4, i % 4 === 1 ? 'Cho Tae-yeol' : undefined)));
    await settle(ctx);

    isRecording = true;
    const page = await corpusNames(ctx, { page: 1 });
    isRecording = false;
    const minister = page.people.find((p) => p.preferred === 'Cho Tae-yul');
    expect(minister, JSON.stringify(page.people.map((p) => p.preferred))).toBeDefined();
    const expected = await spellingsReadWhole(ctx, minister!.id, 5);
    expect(expected.map((s) => s.text).sort()).toEqual(['Cho Tae-yeol', 'Cho Tae-yul']);
    expect(expected.find((s) => s.text === 'Cho Tae-yul')!.articleCount).toBeGreaterThan(5);
    expect(minister!.spellingList).toEqual(expected);

    // The top articles: one statement of index ranges, each stopping after its first entries (no sort of a spelling's rows).
    const top = statements.find((s) => /FROM article_names/.test(s.sql) && /ORDER BY count DESC/i.test(s.sql));
    expect(top, statements.map((s) => s.sql).join('\n')).toBeDefined();
    if (ctx.store.backend === 'sqlite') {
      const details = await sqlitePlan(ctx.store, top!.sql, top!.parameters);
      expect(details.filter((d) => /article_names/.test(d)).every((d) => /USING COVERING INDEX article_names_by_person_count \(corpus_person_id=\? AND spelling=\?\)/.test(d)), details.join('\n')).toBe(true);
      expect(details.some((d) => /TEMP B-TREE/.test(d)), details.join('\n')).toBe(false);
    } else {
      const nodes = await postgresPlan(ctx.store, top!.sql, top!.parameters, { seqscanOff: true });
      expect(nodes.filter((n) => n['Node Type'] === 'Sort'), JSON.stringify(nodes)).toEqual([]);
      expect(nodes.filter((n) => n['Relation Name'] === 'article_names').every((n) => n['Index Name'] === 'article_names_by_person_count'), JSON.stringify(nodes)).toBe(true);
    }
  });

  it(`clusters a name bucket of up to ${PAGE_BUCKET_MAX_UNITS} article persons on a page view, and leaves a larger one to the background refresher`, async () => {
    const ctx = await newContext();
    // The minister in PAGE_BUCKET_MAX_UNITS + 1 articles (one bucket over the limit); the envoy's bucket is the same size,
    // so a third surname, in a few articles, is the small one.
    const count = PAGE_BUCKET_MAX_UNITS + 1;
    const texts = Array.from({ length: count }, (_, i) => article(i, 1).replace(/\n\nPark Jin-young[^\n]*$/, ''));
    for (let i = 0; i < 3; i += 1) texts.push(`Envoy Visits ${i}\n\nAmbassador Yoon Seok-min arrived in Tokyo on day ${i}.`);
    await importUnrefreshed(ctx.store, texts);
    await settle(ctx);
    const sizes = (await sql<{ surnameKey: string; n: number }>`SELECT surname_key AS "surnameKey", COUNT(*) AS n FROM article_names GROUP BY surname_key`.execute(ctx.store.db)).rows
      .map((r) => ({ surnameKey: r.surnameKey, n: Number(r.n) }));
    const large = sizes.filter((s) => s.n > PAGE_BUCKET_MAX_UNITS);
    const small = sizes.filter((s) => s.n <= PAGE_BUCKET_MAX_UNITS);
    expect(large.length, JSON.stringify(sizes)).toBe(1);
    expect(small.length, JSON.stringify(sizes)).toBeGreaterThan(0);

    // A decision marks every bucket; the next page view clusters the small ones only, and says the page is updating.
    await sql`UPDATE name_buckets SET is_dirty = 1`.execute(ctx.store.db);
    const page = await corpusNames(ctx, { page: 1 });
    const dirty = (await ctx.store.db.selectFrom('name_buckets').select('surname_key').where('is_dirty', '=', 1).execute()).map((r) => r.surname_key);
    expect(dirty).toEqual(large.map((s) => s.surnameKey));
    expect(page.isUpdating).toBe(true);

    // The background refresher's pass (no size limit) clusters it; the page is then up to date.
    await settle(ctx);
    const after = await corpusNames(ctx, { page: 1 });
    expect(after.isUpdating).toBe(false);
    expect(after.people.find((p) => p.preferred === 'Cho Tae-yul')?.articles).toBe(count);
  });
});
