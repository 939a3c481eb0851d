/**
 * Issue 10: a web import decodes, segments and aligns its articles on a worker thread, not on the
 * app's event loop (a 2 MB article with its Korean original holds a thread for a few hundred ms).
 * The thread loads the compiled dist/service/import-worker.js, so this runs the built code
 * (npm test builds first); what it stores must be what the calling thread would have prepared.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { prepareImport } from '../../src/service/prepare-import.js';
import { listSegments } from '../../src/store/segments.js';
import { getArticleSource } from '../../src/store/sources.js';
import { BACKEND, openTestContext } from '../support/backend.js';
import { requireBuild } from '../support/instances.js';
import { TEST_NOW } from '../helpers.js';

type ImportModule = typeof import('../../src/service/import-articles.js');
let built: ImportModule;

const fixture = (name: string) => new URL(`../fixtures/korean-source/${name}`, import.meta.url);

beforeAll(async () => {
  requireBuild();
  built = (await import(new URL('../../dist/service/import-articles.js', import.meta.url).href)) as ImportModule;
});

describe(`a web import's articles are prepared off the event loop (${BACKEND})`, () => {
  it('prepares on the upload thread in the built app, and on the calling thread from the sources', async () => {
    expect(built.preparesUploadsOffThread()).toBe(true);
    const fromSources = await import('../../src/service/import-articles.js');
    expect(fromSources.preparesUploadsOffThread()).toBe(false);
  });

  it('stores what the calling thread would have prepared, with each outcome in order and refusals named', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const article = readFileSync(fixture('cho-beijing.txt'));
    const original = readFileSync(fixture('cho-beijing.ko.txt'));
    const pasted = 'Talks in Seoul\n\nMinister Cho Tae-yul met Wang Yi in Seoul on Monday.';
    const outcomes = await built.importUploads(
      ctx,
      [
        { bytes: article, sourceName: 'cho-beijing.txt' },
        { bytes: new Uint8Array([0, 1, 2, 255, 254, 0, 7]), sourceName: 'photo.txt' },
        { text: pasted, sourceName: 'Pasted 1' },
        { bytes: original, sourceName: 'cho-beijing.ko.txt' },
      ],
      { importedBy: 'Min-ji' },
    );
    expect(outcomes.map((o) => [o.sourceName, o.ok])).toEqual([['cho-beijing.txt', true], ['photo.txt', false], ['Pasted 1', true]]);
    const refused = outcomes[1]!;
    const inThread = prepareImport({ bytes: new Uint8Array([0, 1, 2, 255, 254, 0, 7]), sourceName: 'photo.txt' });
    expect(refused.ok || inThread.ok).toBe(false);
    if (!refused.ok && !inThread.ok) expect(refused.message).toBe(inThread.message);

    const first = outcomes[0]!;
    if (!first.ok) throw new Error(first.message);
    const expected = prepareImport({ bytes: article, sourceName: 'cho-beijing.txt', source: { bytes: original, sourceName: 'cho-beijing.ko.txt' } });
    if (!expected.ok) throw new Error(expected.message);
    expect(first.title).toBe(expected.title);
    expect((await listSegments(ctx.store, first.id)).map((s) => [s.kind, s.mt])).toEqual(expected.article.segments.map((s) => [s.kind, s.text]));
    // The Korean original went along with its article and was aligned on the thread.
    expect(first.source).toBe('stored');
    const source = await getArticleSource(ctx.store, first.id);
    expect(source?.text).toBe(expected.article.source?.text);
  });
});
