import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { makeApp, importCorpusArticle } from '../helpers.js';
import { importArticle } from '../../src/service/import-articles.js';

const PAIRS = new URL('../fixtures/korean-source/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, PAIRS), 'utf8');

/** The text of each column of each segment row, as the editor reads it (tags stripped). */
function rows(html: string): { kind: string; source: string | null; mt: string }[] {
  return [...html.matchAll(/<section class="segment ([^"]*)"[^>]*>([\s\S]*?)<\/section>/g)].map(([, classes, body]) => {
    const strip = (s: string | undefined) => (s ?? '').replace(/<[^>]+>/g, '').replace(/&#34;/g, '"').replace(/\s+/g, ' ').trim();
    const source = /<div class="source" lang="ko">([\s\S]*?)<\/div>/.exec(body ?? '');
    return {
      kind: classes?.includes('source-only') ? 'source-only' : strip(/<span class="kind">([^<]*)<\/span>/.exec(body ?? '')?.[1]),
      source: source ? strip(source[1]).replace(/^Korean original\s*/, '') : null,
      mt: strip(/<div class="mt[^"]*"[^>]*>([\s\S]*?)<\/div>/.exec(body ?? '')?.[1]).replace(/^MT\s*/, ''),
    };
  });
}

describe('GET /articles/:id with a Korean original', () => {
  it('shows source | MT | edit, each source segment beside its translation, and the untranslated paragraph where it stands', async () => {
    const { ctx, app } = await makeApp();
    const outcome = await importArticle(ctx, { text: read('cho-beijing.txt'), sourceName: 'cho.txt', source: { text: read('cho-beijing.ko.txt'), sourceName: 'cho.ko.txt' } }, { importedBy: 'test' });
    if (!outcome.ok) throw new Error(outcome.message);
    const res = await request(app).get(`/articles/${outcome.id}`).expect(200);
    expect(res.text).toContain('<div class="column-heads has-source" aria-hidden="true"><span>Korean original</span><span>Machine translation</span><span>Edit</span></div>');
    const shown = rows(res.text);
    const expected = [
      ['Headline', '조태열 "탈북민 강제북송 문제', 'King "Will Raise the'],
      ['Paragraph', '조태열 외교부 장관은 12일', 'Foreign Minister Cho'],
      ['source-only', '조 장관은 이 자리에서', '(no translation)'],
      ['Paragraph', '정부는 올해 대중국 교역', 'The government expects'],
      ['Paragraph', '외교부 관계자는 "양국', 'A Foreign Ministry official'],
    ];
    expect(shown.map((r) => r.kind)).toEqual(expected.map((e) => e[0]));
    shown.forEach((r, i) => {
      expect(r.source?.startsWith(expected[i]?.[1] ?? '?')).toBe(true);
      expect(r.mt.startsWith(expected[i]?.[2] ?? '?')).toBe(true);
    });
    // The source checks' flags are in the panel.
    expect(res.text).toContain('“12 trillion” is not 1조 2천억 in the Korean source, which is 1.2 trillion: write “1.2 trillion”.');
  });

  it('keeps two columns for an article without an original', async () => {
    const { ctx, app } = await makeApp();
    const id = await importCorpusArticle(ctx);
    const res = await request(app).get(`/articles/${id}`).expect(200);
    expect(res.text).toContain('<div class="column-heads" aria-hidden="true"><span>Machine translation</span><span>Edit</span></div>');
    expect(res.text).not.toContain('lang="ko"><h3');
  });
});
