/**
 * Security issue 11: the limits the forms enforce hold inside the service, so the CLI, the JSON API
 * and any other caller get them too: a source name is cut to MAX_SOURCE_NAME_CHARS (the 10,004-
 * character name of the issue), a glossary upload is held to the concept form's limits.
 */
import { describe, expect, it } from 'vitest';
import { importArticle, importUploads } from '../../src/service/import-articles.js';
import { fitSourceName, MAX_SOURCE_NAME_CHARS } from '../../src/service/prepare-import.js';
import { glossaryConcepts, importGlossaryUpload } from '../../src/service/glossary.js';
import { ServiceError } from '../../src/service/errors.js';
import { listArticles } from '../../src/store/articles.js';
import { getPendingImport } from '../../src/store/glossary.js';
import { openTestContext } from '../support/backend.js';
import { TEST_NOW } from '../helpers.js';

const ARTICLE = 'A Headline\n\nA paragraph of the article.';
/** The name: 10,000 characters and ".txt". */
const LONG_NAME = `${'n'.repeat(10_000)}.txt`;

describe('fitSourceName', () => {
  const rows: { label: string; name: string; fitted: string }[] = [
    { label: 'a short name, unchanged', name: 'cho-tae-yul.txt', fitted: 'cho-tae-yul.txt' },
    { label: 'a name of exactly the limit, unchanged', name: `${'a'.repeat(MAX_SOURCE_NAME_CHARS - 4)}.txt`, fitted: `${'a'.repeat(MAX_SOURCE_NAME_CHARS - 4)}.txt` },
    { label: 'the issue\'s 10,004 characters: cut, ".txt" kept', name: LONG_NAME, fitted: `${'n'.repeat(MAX_SOURCE_NAME_CHARS - 4)}.txt` },
    { label: 'no extension: cut', name: 'x'.repeat(500), fitted: 'x'.repeat(MAX_SOURCE_NAME_CHARS) },
    { label: 'a "extension" too long to be one: cut as text', name: `a.${'b'.repeat(500)}`, fitted: `a.${'b'.repeat(MAX_SOURCE_NAME_CHARS - 2)}` },
    { label: 'an emoji across the cut: not split in half', name: `${'a'.repeat(MAX_SOURCE_NAME_CHARS - 5)}😀😀.txt`, fitted: `${'a'.repeat(MAX_SOURCE_NAME_CHARS - 5)}.txt` },
  ];
  it.each(rows)('$label', ({ name, fitted }) => {
    expect(fitSourceName(name)).toBe(fitted);
    expect(fitSourceName(name).length).toBeLessThanOrEqual(MAX_SOURCE_NAME_CHARS);
  });
});

describe('article imports cut the source name to MAX_SOURCE_NAME_CHARS, whoever calls them', () => {
  it('importUploads (web, API): stores and reports the cut name', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const [outcome] = await importUploads(ctx, [{ bytes: new TextEncoder().encode(ARTICLE), sourceName: LONG_NAME }], { importedBy: 'test' });
    expect(outcome).toMatchObject({ ok: true, sourceName: fitSourceName(LONG_NAME) });
    expect((await listArticles(ctx.store)).map((a) => a.sourceName)).toEqual([`${'n'.repeat(MAX_SOURCE_NAME_CHARS - 4)}.txt`]);
  });

  it('importArticle with pasted text: the name the caller gives is cut too', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    expect(await importArticle(ctx, { text: ARTICLE, sourceName: 'p'.repeat(10_004) }, { importedBy: 'test' })).toMatchObject({ ok: true });
    expect((await listArticles(ctx.store)).map((a) => a.sourceName)).toEqual(['p'.repeat(MAX_SOURCE_NAME_CHARS)]);
  });
});

describe('importGlossaryUpload holds files to the concept form\'s limits', () => {
  const tbx = (term: string) =>
    '<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n' +
    '<text><body>\n<conceptEntry id="c1">\n<langSec xml:lang="en"><termSec><term>Cho Tae-yul</term></termSec>' +
    `<termSec><term>${term}</term></termSec></langSec>\n</conceptEntry>\n</body></text>\n</tbx>\n`;

  it('refuses a 5 MB term (issue 11) with the line and the limit, and stores nothing', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const upload = importGlossaryUpload(ctx, new TextEncoder().encode(tbx('t'.repeat(5 * 1024 * 1024))), 'big-term.tbx', 'test');
    await expect(upload).rejects.toBeInstanceOf(ServiceError);
    await expect(upload).rejects.toMatchObject({ kind: 'invalid', message: expect.stringMatching(/^Line 4: the term “t+…” is 5,242,880 characters long; terms are limited to 200 characters/) });
    expect(await glossaryConcepts(ctx)).toEqual([]);
  });

  it('keeps a long file name cut: the concepts\' source and a waiting CSV\'s name', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const name = `${'g'.repeat(10_000)}.tbx`;
    expect(await importGlossaryUpload(ctx, new TextEncoder().encode(tbx('Cho Tae-yeol')), name, 'test')).toMatchObject({ kind: 'imported', count: 1 });
    expect((await glossaryConcepts(ctx)).map((c) => c.provenance.source)).toEqual([fitSourceName(name)]);
    const pending = await importGlossaryUpload(ctx, new TextEncoder().encode('preferred,deprecated\nCho Tae-yul,Cho Tae-yeol\n'), `${'g'.repeat(10_000)}.csv`, 'test');
    if (pending.kind !== 'pending') throw new Error('a CSV waits for its mapping');
    expect((await getPendingImport(ctx.store, pending.id))?.name).toBe(`${'g'.repeat(MAX_SOURCE_NAME_CHARS - 4)}.csv`);
  });
});
