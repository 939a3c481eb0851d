import { describe, expect, it } from 'vitest';
import { buildJsonlRecords, exportedSegments, writeJsonl } from '../../../src/formats/article/index.js';
import { chromeOnlyArticle, corpusArticle, hostileArticle, koreanArticle } from './fixtures.js';

const KEYS = ['article', 'segment', 'kind', 'source', 'mt', 'post_edit', 'edited', 'status', 'corrections'];

/** Every line break some reader honours (Python's str.splitlines, pre-ES2019 JavaScript): none may sit inside a record. */
const ANY_LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/;

describe('writeJsonl', () => {
  it('writes one compact record per content segment, keys in the contract order, each line ending in \\n', () => {
    const text = writeJsonl(koreanArticle());
    expect(text.endsWith('}\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      expect(Object.keys(JSON.parse(line))).toEqual(KEYS);
      expect(line).not.toMatch(/^\s|": |, "/);
    }
    expect(JSON.parse(lines[0]!)).toEqual({
      article: 42,
      segment: 1,
      kind: 'headline',
      source: '조태열 외교장관, 탈북민 강제북송 문제 제기',
      mt: 'Foreign Minister Cho Tae-yeol Raises Forced Repatriation of Defectors',
      post_edit: 'Foreign Minister Cho Tae-yul Raises Forced Repatriation of Defectors',
      edited: true,
      status: 'edited',
      corrections: [{ mt: 'Tae-yeol', post_edit: 'Tae-yul' }],
    });
  });

  it('gives the corpus article without a source (null, so every record has the same keys), chrome left out', () => {
    const records = writeJsonl(corpusArticle()).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => r.segment)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(records.every((r) => r.source === null)).toBe(true);
    expect(records.map((r) => r.status)).toEqual(['edited', 'edited', 'confirmed', 'unchanged', 'edited', ...Array(6).fill('unchanged')]);
    expect(records[1]).toMatchObject({ kind: 'standfirst', mt: 'King Raises Issues at Meeting with Chinese Foreign Minister', post_edit: 'Cho Raises Issues at Meeting with Chinese Foreign Minister', edited: true, corrections: [{ mt: 'King', post_edit: 'Cho' }] });
  });

  it('keeps one record per line for every reader: U+2028, U+2029 and U+0085 escaped, text intact when parsed', () => {
    const article = hostileArticle();
    const text = writeJsonl(article);
    const lines = text.slice(0, -1).split(ANY_LINE_BREAK);
    expect(lines).toHaveLength(exportedSegments(article).length);
    expect(text).toContain('"mt":"Line\\u2028separator and next\\u0085line"');
    expect(text).toContain('"source":"줄\\u2028바꿈"');
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records[4]).toMatchObject({ mt: 'Line\u2028separator and next\u0085line', source: '줄\u2028바꿈' });
    expect(records[0]).toMatchObject({ article: 'x/7 & "y"', post_edit: '<script>alert("y")</script> & \'quotes\' ]]> end' });
    expect(records[1]?.post_edit).toBe('Control\ufffdchars\ufffdand a lone\ufffdhalf, 👍🏽 🇰🇷 조태열');
    expect(records[2]?.mt).toBe('# not a heading\n* not a list\n1. not a list either\n+ nor this\n---\n    not code');
    expect(records[3]).toMatchObject({ post_edit: '', edited: true, corrections: [{ mt: 'A paragraph the editor deleted.', post_edit: '' }] });
  });

  it('writes nothing for an article without content segments', () => {
    expect(writeJsonl(chromeOnlyArticle())).toBe('');
    expect(buildJsonlRecords(chromeOnlyArticle())).toEqual([]);
  });
});
