import { describe, it, expect } from 'vitest';
import { createFlagReader, runArticleChecks } from '../../src/service/flag-reader.js';
import { getSegment } from '../../src/store/segments.js';
import { saveEdit } from '../../src/service/save-segment.js';
import { recordDistinctPeople } from '../../src/store/decisions.js';
import { importText } from '../helpers.js';
import { BACKEND, openTestContext } from '../support/backend.js';

describe(`createFlagReader (${BACKEND})`, () => {
  it('re-checks, after a save, only the saved article and those the new correction can affect', async () => {
    const ctx = await openTestContext();
    const a = await importText(ctx, 'King Raises Issues in Beijing\n\nKing met Wang Yi on the 13th.', 'a.txt');
    const related = await importText(ctx, 'King Visits Tokyo\n\nKing arrived in Tokyo on the 20th.', 'b.txt');
    const unrelated = await importText(ctx, 'Rain Expected Over the Weekend\n\nHeavy rain is expected across the country on Saturday.', 'c.txt');
    const reader = createFlagReader(ctx.store);
    for (const id of [a, related, unrelated]) await reader.flagsFor(id);
    expect(reader.checkRuns()).toBe(3);
    for (const id of [a, related, unrelated]) await reader.flagsFor(id);
    expect(reader.checkRuns()).toBe(3);

    await saveEdit(ctx, (await getSegment(ctx.store, a, 0))!, { text: 'Cho Raises Issues in Beijing', baseNumber: 0, author: 'ed' });
    const runs = reader.checkRuns();
    await reader.flagsFor(unrelated);
    expect(reader.checkRuns()).toBe(runs);
    await reader.flagsFor(a);
    await reader.flagsFor(related);
    expect(reader.checkRuns()).toBe(runs + 2);
    // Filtering the corpus corrections changes nothing the checks report: the same flags as an unfiltered run.
    for (const id of [a, related, unrelated]) expect((await reader.flagsFor(id)).open).toEqual(await runArticleChecks(ctx.store, id));
    // The related article now carries the corpus's correction as information.
    expect((await reader.flagsFor(related)).open.some((f) => f.check === 'correction-not-carried' && f.text === 'King' && f.suggestions[0] === 'Cho')).toBe(true);
  });

  it('keeps the flags of the MT alone until a decision changes (the MT never does)', async () => {
    const ctx = await openTestContext();
    const a = await importText(ctx, 'King Raises Issues in Beijing\n\nKing met Wang Yi on the 13th.', 'a.txt');
    const reader = createFlagReader(ctx.store);
    const first = await reader.mtFlagsFor(a);
    expect(first.map((f) => `${f.check}:${f.text}`)).toContain('surname-homograph:King');
    await saveEdit(ctx, (await getSegment(ctx.store, a, 0))!, { text: 'Cho Raises Issues in Beijing', baseNumber: 0, author: 'ed' });
    expect(await reader.mtFlagsFor(a)).toBe(first);
    await recordDistinctPeople(ctx.store, 'Wang Yi', 'Wang Yee', { author: 'ed', now: ctx.now() });
    expect(await reader.mtFlagsFor(a)).not.toBe(first);
    expect(await reader.mtFlagsFor(a)).toEqual(first);
  });

  it('sees a save made through another reader on the same database (another app instance) on its next read', async () => {
    const ctx = await openTestContext();
    const a = await importText(ctx, 'King Raises Issues in Beijing\n\nKing met Wang Yi on the 13th.', 'a.txt');
    const mine = createFlagReader(ctx.store);
    expect((await mine.flagsFor(a)).open.some((f) => f.check === 'surname-homograph' && f.segment === 0)).toBe(true);
    // Another context on the same store stands for another instance: its own caches, one database.
    const other = { ...ctx, flags: createFlagReader(ctx.store) };
    await saveEdit(other, (await getSegment(ctx.store, a, 0))!, { text: 'Cho Raises Issues in Beijing', baseNumber: 0, author: 'ed' });
    expect((await mine.flagsFor(a)).open.some((f) => f.check === 'surname-homograph' && f.segment === 0)).toBe(false);
  });
});
