import { describe, it, expect } from 'vitest';
import { getSegment } from '../../src/store/segments.js';
import { listRevisions } from '../../src/store/revisions.js';
import { readArticleVersions } from '../../src/store/counters.js';
import { saveEdit, saveEdits } from '../../src/service/save-segment.js';
import { ServiceError } from '../../src/service/errors.js';
import { importCorpusArticle } from '../helpers.js';
import { BACKEND, openTestContext } from '../support/backend.js';

/** How many editors save the same segment at once. */
const WRITERS = 50;

describe(`concurrent saves (${BACKEND})`, () => {
  it(`gives exactly one success among ${WRITERS} saves on one base revision, and a conflict to the rest`, async () => {
    const ctx = await openTestContext();
    const id = await importCorpusArticle(ctx);
    const segment = (await getSegment(ctx.store, id, 5))!;
    const outcomes = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => saveEdit(ctx, segment, { text: `Editor ${i} Raises Issues`, baseNumber: 0, author: `editor-${i}` })),
    );
    expect(outcomes.filter((o) => o.status === 'saved')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'conflict')).toHaveLength(WRITERS - 1);
    const revisions = await listRevisions(ctx.store, segment.id);
    expect(revisions.map((r) => r.number)).toEqual([1]);
    // Every refused editor is shown the winner's text, so nothing typed is lost.
    const winner = revisions[0]!;
    for (const o of outcomes) if (o.status === 'conflict') expect(o.current.text).toBe(winner.text);
    expect(await readArticleVersions(ctx.store, id)).toMatchObject({ version: 1, textVersion: 1, revisions: 1 });
  });

  it('chains saves that each build on the last: every one of them lands, in order', async () => {
    const ctx = await openTestContext();
    const id = await importCorpusArticle(ctx);
    for (let base = 0; base < 10; base += 1) {
      const segment = (await getSegment(ctx.store, id, 6))!;
      expect(await saveEdit(ctx, segment, { text: `Version ${base + 1}.`, baseNumber: base, author: 'a' })).toEqual({ status: 'saved', number: base + 1 });
    }
    expect((await listRevisions(ctx.store, (await getSegment(ctx.store, id, 6))!.id)).map((r) => r.text)[0]).toBe('Version 10.');
  });

  it('applies a fix everywhere all or nothing: one stale segment among several rolls every change back', async () => {
    const ctx = await openTestContext();
    const id = await importCorpusArticle(ctx);
    const [a, b] = [(await getSegment(ctx.store, id, 6))!, (await getSegment(ctx.store, id, 7))!];
    // Someone saves b after the preview was planned.
    await saveEdit(ctx, b, { text: 'Their text.', baseNumber: 0, author: 'other' });
    await expect(saveEdits(ctx, [{ segment: a, text: 'Mine.' }, { segment: b, text: 'Mine too.' }], 'me', 'stale')).rejects.toThrow(ServiceError);
    expect(await listRevisions(ctx.store, a.id)).toEqual([]);
    expect((await listRevisions(ctx.store, b.id)).map((r) => r.author)).toEqual(['other']);
  });

  it('keeps saves of different segments apart: an editor on each of the 19 segments, all at once, all succeed', async () => {
    const ctx = await openTestContext();
    const id = await importCorpusArticle(ctx);
    const segments = await Promise.all(Array.from({ length: 19 }, (_, i) => getSegment(ctx.store, id, i)));
    const outcomes = await Promise.all(segments.map((s, i) => saveEdit(ctx, s!, { text: `Segment ${i} edited.`, baseNumber: 0, author: `e${i}` })));
    expect(outcomes.every((o) => o.status === 'saved')).toBe(true);
    expect(await readArticleVersions(ctx.store, id)).toMatchObject({ textVersion: 19, revisions: 19 });
  });
});
