import { describe, expect, it } from 'vitest';
import type { IssueRow, IssuesPage, IssuesQuery } from '../../../src/service/issues.js';
import {
  buildIssuesView, describeCount, exportUrl, formatCursor, groupRows, issuesUrl, parseCursor, personLabel, toIssueFileRow,
} from '../../../src/web/view-models/issues-view.js';
import { headlineSubject } from '../../../src/core/checks/headline-subject.js';

function issue(changes: Partial<IssueRow> = {}): IssueRow {
  return {
    articleId: 7, position: 0, checkId: 'name-variant', severity: 'warning', segment: 4, segmentKind: 'headline', start: 0, end: 12,
    text: 'Cho Tae-yeol', message: 'Cho Tae-yeol is one person; use Cho Tae-yul.', suggestions: ['Cho Tae-yul'], fingerprint: 'name-variant:cho-tae-yul',
    groupKey: 'cho-tae-yul', variants: ['Cho Tae-yul', 'Cho Tae-yeol'], spans: null, articleTitle: 'Cho Visits', articleStatus: 'in-review', mtEngine: '',
    ...changes,
  };
}

function page(rows: IssueRow[], changes: Partial<IssuesPage> = {}): IssuesPage {
  return { rows, total: { count: rows.length, isMore: false }, groupCounts: new Map(), next: undefined, previous: undefined, isWindowShort: false, stale: 0, engines: [], ...changes };
}

describe('cursors in URLs', () => {
  it('round-trip, grouped or not, a group key with a dot included', () => {
    for (const [cursor, grouping] of [
      [{ group: null, articleId: 12, position: 3 }, 'none'],
      [{ group: 'name-variant', articleId: 12, position: 0 }, 'check'],
      [{ group: 'c.12', articleId: 1, position: 9 }, 'person'],
    ] as const) expect(parseCursor(formatCursor(cursor), grouping)).toEqual(cursor);
  });

  it('read a malformed or mismatched one as none (a stale bookmark shows the first page)', () => {
    for (const [value, grouping] of [['', 'none'], ['12', 'none'], ['x.12.3', 'none'], ['12.3', 'check'], ['a.b.c', 'person'], ['1.9999999999.1', 'none']] as const) {
      expect(parseCursor(value, grouping)).toBeUndefined();
    }
  });
});

describe('issuesUrl', () => {
  it('writes the filters, grouping and one cursor, defaults left out', () => {
    const query: IssuesQuery = { grouping: 'none' };
    expect(issuesUrl(query)).toBe('/issues');
    expect(issuesUrl({ grouping: 'check', check: 'name-variant', severity: 'error', person: 'cho-tae-yul', articleId: 3, status: 'done', engine: '' }, { after: { group: 'name-variant', articleId: 3, position: 1 } }))
      .toBe('/issues?check=name-variant&severity=error&person=cho-tae-yul&article=3&status=done&engine=%28unknown%29&group=check&after=name-variant.3.1');
    // The page's own cursor is dropped unless asked for: filter links start at the first page.
    expect(issuesUrl({ grouping: 'none', after: { group: null, articleId: 1, position: 1 } }, { check: 'x' })).toBe('/issues?check=x');
    expect(exportUrl(query, 'csv')).toBe('/issues/export?format=csv');
    expect(exportUrl({ grouping: 'person', engine: 'DeepL' }, 'json')).toBe('/issues/export?engine=DeepL&group=person&format=json');
  });
});

describe('describeCount and personLabel', () => {
  it('say how many, and past the cap that there are more', () => {
    expect(describeCount({ count: 1, isMore: false })).toBe('1 open flag');
    expect(describeCount({ count: 1234, isMore: false })).toBe('1,234 open flags');
    expect(describeCount({ count: 10_000, isMore: true })).toBe('more than 10,000 open flags');
    expect(describeCount({ count: 1000, isMore: true }, 'flag')).toBe('more than 1,000 flags');
  });

  it('names a person by their preferred spelling, a glossary entry by its form, and no one as empty', () => {
    expect(personLabel(issue())).toBe('Cho Tae-yul');
    expect(personLabel(issue({ groupKey: 'c3', variants: null, suggestions: ['Han Duck-soo'] }))).toBe('Han Duck-soo');
    expect(personLabel(issue({ groupKey: 'c3', variants: null, suggestions: [] }))).toBe('c3');
    expect(personLabel(issue({ groupKey: null }))).toBe('');
  });
});

describe('groupRows', () => {
  const rows = [
    issue({ articleId: 1 }), issue({ articleId: 2 }),
    issue({ articleId: 2, position: 1, checkId: 'headline-subject', groupKey: null, severity: 'error', text: 'King' }),
  ];

  it('puts the rows under one untitled run without grouping', () => {
    const groups = groupRows(page(rows), { grouping: 'none' });
    expect(groups.map((g) => [g.heading, g.rows.length])).toEqual([[null, 3]]);
    expect(groups[0]!.rows[0]).toMatchObject({ pick: '1:name-variant:cho-tae-yul', where: 'Headline 5', segmentUrl: '/articles/1#s4', checkName: 'Name spelled two ways', engine: 'unknown', statusLabel: 'In review' });
  });

  it('heads each check with its corpus-wide count, and says when a group runs on from the previous page', () => {
    const counts = new Map([['name-variant', { count: 40, isMore: false }], ['headline-subject', { count: 1000, isMore: true }]]);
    const groups = groupRows(page(rows, { groupCounts: counts, previous: { group: 'name-variant', articleId: 0, position: 0 } }), { grouping: 'check' });
    expect(groups.map((g) => g.heading)).toEqual([
      { label: 'Name spelled two ways', count: '40 flags', url: '/issues?check=name-variant&group=check', isContinued: true },
      { label: headlineSubject.name, count: 'more than 1,000 flags', url: '/issues?check=headline-subject&group=check', isContinued: false },
    ]);
    expect(groups.map((g) => g.rows.length)).toEqual([2, 1]);
  });

  it('heads each person by name, linking to their flags', () => {
    const groups = groupRows(page(rows.slice(0, 2), { groupCounts: new Map([['cho-tae-yul', { count: 2, isMore: false }]]) }), { grouping: 'person' });
    expect(groups.map((g) => g.heading)).toEqual([{ label: 'Cho Tae-yul', count: '2 flags', url: '/issues?person=cho-tae-yul&group=person', isContinued: false }]);
  });
});

describe('buildIssuesView', () => {
  it('says how many match, and pages by cursor', () => {
    const query: IssuesQuery = { grouping: 'none', check: 'name-variant', after: { group: null, articleId: 1, position: 0 } };
    const vm = buildIssuesView(page([issue()], { total: { count: 51, isMore: false }, next: { group: null, articleId: 7, position: 0 }, previous: { group: null, articleId: 7, position: 0 } }), query, { dismissed: 2 });
    expect(vm.summary).toBe('51 open flags match the filters');
    expect(vm.paging).toEqual({ firstUrl: '/issues?check=name-variant', previousUrl: '/issues?check=name-variant&before=7.0', nextUrl: '/issues?check=name-variant&after=7.0' });
    expect(vm.back).toBe('/issues?check=name-variant&after=1.0');
    expect(vm.notices.dismissed).toBe('2 flags dismissed.');
    expect(buildIssuesView(page([]), { grouping: 'none' }).summary).toBe('0 open flags match');
  });
});

describe('toIssueFileRow', () => {
  it('counts the segment from 1, as the page does, and links the review page at it', () => {
    expect(toIssueFileRow(issue({ spans: [{ segment: 4, start: 0, end: 12, text: 'Cho Tae-yeol' }, { segment: 8, start: 0, end: 12, text: 'Cho Tae-yeol' }] })))
      .toMatchObject({ segment: 5, where: 'Headline 5', places: 2, url: '/articles/7#s4', person: 'cho-tae-yul', checkName: 'Name spelled two ways' });
  });
});
