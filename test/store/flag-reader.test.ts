import { describe, it, expect } from 'vitest';
import { openDb } from '../../src/store/open-db.js';
import { importArticle } from '../../src/store/import-article.js';
import { createFlagReader, runArticleChecks } from '../../src/store/check-article.js';
import { getSegment } from '../../src/store/segments.js';
import { saveEdit } from '../../src/store/save-edit.js';
import { recordDistinctPeople } from '../../src/store/decisions.js';

const NOW = '2026-11-29T10:00:00.000Z';

function add(db: ReturnType<typeof openDb>, text: string, name: string): number {
  const outcome = importArticle(db, { text, sourceName: name }, { importedBy: 't', now: NOW });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.id;
}

describe('createFlagReader', () => {
  it('re-checks, after a save, only the saved article and those the new correction can affect', () => {
    const db = openDb(':memory:');
    const a = add(db, 'King Raises Issues in Beijing\n\nKing met Wang Yi on the 13th.', 'a.txt');
    const related = add(db, 'King Visits Tokyo\n\nKing arrived in Tokyo on the 20th.', 'b.txt');
    const unrelated = add(db, 'Rain Expected Over the Weekend\n\nHeavy rain is expected across the country on Saturday.', 'c.txt');
    const reader = createFlagReader(db);
    for (const id of [a, related, unrelated]) reader.flagsFor(id);
    expect(reader.checkRuns()).toBe(3);
    for (const id of [a, related, unrelated]) reader.flagsFor(id);
    expect(reader.checkRuns()).toBe(3);

    saveEdit(db, getSegment(db, a, 0)!, { text: 'Cho Raises Issues in Beijing', baseNumber: 0, author: 'ed', now: NOW });
    const runs = reader.checkRuns();
    reader.flagsFor(unrelated);
    expect(reader.checkRuns()).toBe(runs);
    reader.flagsFor(a);
    reader.flagsFor(related);
    expect(reader.checkRuns()).toBe(runs + 2);
    // Filtering the corpus corrections changes nothing the checks report: the same flags as an unfiltered run.
    for (const id of [a, related, unrelated]) expect(reader.flagsFor(id).open).toEqual(runArticleChecks(db, id));
    // The related article now carries the corpus's correction as information.
    expect(reader.flagsFor(related).open.some((f) => f.check === 'correction-not-carried' && f.text === 'King' && f.suggestions[0] === 'Cho')).toBe(true);
  });

  it('keeps the flags of the MT alone until a decision changes (the MT never does)', () => {
    const db = openDb(':memory:');
    const a = add(db, 'King Raises Issues in Beijing\n\nKing met Wang Yi on the 13th.', 'a.txt');
    const reader = createFlagReader(db);
    const first = reader.mtFlagsFor(a);
    expect(first.map((f) => `${f.check}:${f.text}`)).toContain('surname-homograph:King');
    saveEdit(db, getSegment(db, a, 0)!, { text: 'Cho Raises Issues in Beijing', baseNumber: 0, author: 'ed', now: NOW });
    expect(reader.mtFlagsFor(a)).toBe(first);
    recordDistinctPeople(db, 'Wang Yi', 'Wang Yee', { author: 'ed', now: NOW });
    expect(reader.mtFlagsFor(a)).not.toBe(first);
    expect(reader.mtFlagsFor(a)).toEqual(first);
  });
});

