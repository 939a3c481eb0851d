import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { ISSUE_CSV_COLUMNS, issueJsonParts, writeIssueCsvRows, type IssueFileRow } from '../../src/formats/issue-files.js';
import { FORMULA_PAYLOADS } from '../fixtures/formula-payloads.js';

function row(changes: Partial<IssueFileRow> = {}): IssueFileRow {
  return {
    articleId: 3, articleTitle: 'Cho Tae-yeol Visits Beijing', status: 'in-review', mtEngine: 'DeepL', check: 'name-variant',
    checkName: 'Name spelled two ways', severity: 'warning', segment: 1, where: 'Headline 1', places: 3, text: 'Cho Tae-yeol',
    message: 'Cho Tae-yeol (headline) is one person; use Cho Tae-yul.', suggestions: ['Cho Tae-yul', 'Jo Tae-yul'],
    person: 'cho-tae-yul', fingerprint: 'name-variant:cho-tae-yul', url: '/articles/3#s0', ...changes,
  };
}

describe('writeIssueCsvRows', () => {
  it('writes a header and one CRLF row per flag, suggestions joined, numbers as numbers', () => {
    const csv = writeIssueCsvRows([row()], { hasHeader: true });
    expect(csv.split('\r\n')[0]).toBe(ISSUE_CSV_COLUMNS.join(','));
    expect(parse(csv, { columns: true })).toEqual([{
      articleId: '3', articleTitle: 'Cho Tae-yeol Visits Beijing', status: 'in-review', mtEngine: 'DeepL', check: 'name-variant',
      checkName: 'Name spelled two ways', severity: 'warning', segment: '1', where: 'Headline 1', places: '3', text: 'Cho Tae-yeol',
      message: 'Cho Tae-yeol (headline) is one person; use Cho Tae-yul.', suggestions: 'Cho Tae-yul | Jo Tae-yul',
      person: 'cho-tae-yul', fingerprint: 'name-variant:cho-tae-yul', url: '/articles/3#s0',
    }]);
    expect(writeIssueCsvRows([row()], { hasHeader: false })).not.toContain('articleId');
    expect(writeIssueCsvRows([], { hasHeader: false })).toBe('');
    expect(writeIssueCsvRows([], { hasHeader: true })).toBe(`${ISSUE_CSV_COLUMNS.join(',')}\r\n`);
  });

  it.each(FORMULA_PAYLOADS)('neutralises article text a spreadsheet would run: %j', (payload) => {
    const csv = writeIssueCsvRows([row({ articleTitle: payload, text: payload, message: payload, suggestions: [payload] })], { hasHeader: true });
    const [cells] = parse(csv, { columns: true }) as Record<string, string>[];
    for (const column of ['articleTitle', 'text', 'message', 'suggestions']) expect(cells![column]).toBe(`'${payload}`);
  });
});

describe('issueJsonParts', () => {
  it('joins into one JSON document however the rows are batched', () => {
    const head = { generatedAt: '2026-11-29T10:00:00.000Z', filters: { check: 'name-variant' }, total: 3 };
    const rows = [row({ articleId: 1 }), row({ articleId: 2 }), row({ articleId: 3, articleTitle: '</script><b>"x"</b>' })];
    const text = issueJsonParts.open(head) + issueJsonParts.rows(rows.slice(0, 2), true) + issueJsonParts.rows([], false) + issueJsonParts.rows(rows.slice(2), false) + issueJsonParts.close();
    expect(JSON.parse(text)).toEqual({ format: 'copydesk-issues', version: 1, ...head, issues: rows });
    const empty = issueJsonParts.open(head) + issueJsonParts.close();
    expect(JSON.parse(empty).issues).toEqual([]);
  });
});
