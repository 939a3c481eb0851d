import { describe, expect, it } from 'vitest';
import { writeCorpusList, type CorpusListRow } from '../../src/formats/corpus-list.js';
import { FORMULA_PAYLOADS } from '../fixtures/formula-payloads.js';

const row = (title: string): CorpusListRow => ({ id: 7, status: 'new', title, segmentCount: 19, editedSegmentCount: 3, mtWords: 100, wordsChanged: 5 });

describe('writeCorpusList', () => {
  it('writes one tab-separated line per article', () => {
    expect(writeCorpusList([row('King Meets Japanese Counterpart'), row('')])).toBe('7\tnew\t3 of 19\t5.0%\tKing Meets Japanese Counterpart\n7\tnew\t3 of 19\t5.0%\t(untitled)\n');
  });

  it.each(FORMULA_PAYLOADS)('puts a quote before a title of %j, which a spreadsheet would run (issue 11)', (payload) => {
    const line = writeCorpusList([row(payload)]);
    expect(line.slice(0, -1).split('\t').slice(0, 4)).toEqual(['7', 'new', '3 of 19', '5.0%']);
    expect(line.slice(line.indexOf('5.0%\t') + 5)).toBe(`'${payload}\n`);
  });
});
