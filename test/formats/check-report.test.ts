import { describe, expect, it } from 'vitest';
import type { Flag } from '../../src/core/checks/types.js';
import { buildJsonReport, formatJsonReport, formatReportPart, formatTextReport, joinReportParts, summaryLine } from '../../src/formats/check-report.js';

const variant: Flag = {
  check: 'name-variant',
  severity: 'warning',
  segment: 4,
  start: 0,
  end: 12,
  text: 'Cho Tae-yeol',
  message: 'Cho Tae-yeol is spelled Cho Tae-yul in 2 other places',
  suggestions: ['Cho Tae-yul'],
  fingerprint: 'name-variant|cho-tae-yul|Cho Tae-yeol',
  variants: ['Cho Tae-yul', 'Cho Tae-yeol'],
  group: 'cho-tae-yul',
};
const hangul: Flag = {
  check: 'untranslated',
  severity: 'error',
  segment: 0,
  start: 0,
  end: 3,
  text: '조태열',
  message: '“조태열” is Korean (Hangul) left untranslated:\ntranslate it or remove it',
  suggestions: [],
  fingerprint: 'untranslated|조태열|00000000',
};

/** One person spelled two ways in three places (issue 12): one flag carrying every place. */
const cluster: Flag = {
  ...variant,
  message: 'Cho Tae-yeol (headline, caption ×2) is spelled Cho Tae-yul in 2 places (body ×2)',
  fingerprint: 'name-variant:cho-tae-yul',
  spans: [
    { segment: 4, start: 0, end: 12, text: 'Cho Tae-yeol' },
    { segment: 8, start: 0, end: 12, text: 'Cho Tae-yeol' },
    { segment: 8, start: 110, end: 122, text: 'Cho\nTae-yeol' },
  ],
};

describe('formatTextReport', () => {
  it('writes one compiler-style line per flag and a summary', () => {
    expect(formatTextReport([{ file: 'a.txt', flags: [variant] }, { file: 'b.txt', flags: [hangul] }])).toBe(
      [
        'a.txt:4: warning name-variant: Cho Tae-yeol is spelled Cho Tae-yul in 2 other places',
        'b.txt:0: error untranslated: “조태열” is Korean (Hangul) left untranslated: translate it or remove it',
        '2 files checked: 1 error, 1 warning, 0 info',
        '',
      ].join('\n'),
    );
  });

  it('lists every place of a flag with several on its one line, and counts it once', () => {
    expect(formatTextReport([{ file: 'a.txt', flags: [cluster] }])).toBe(
      [
        'a.txt:4: warning name-variant: Cho Tae-yeol (headline, caption ×2) is spelled Cho Tae-yul in 2 places (body ×2) [3 places: 4:0-12 “Cho Tae-yeol”, 8:0-12 “Cho Tae-yeol”, 8:110-122 “Cho Tae-yeol”]',
        '1 file checked: 0 errors, 1 warning, 0 info',
        '',
      ].join('\n'),
    );
  });

  const summaries: { label: string; files: { file: string; flags: Flag[] }[]; line: string }[] = [
    { label: 'nothing checked', files: [], line: '0 files checked: no flags' },
    { label: 'one clean file', files: [{ file: 'a.txt', flags: [] }], line: '1 file checked: no flags' },
    { label: 'plurals', files: [{ file: 'a.txt', flags: [hangul, hangul, variant, variant] }], line: '1 file checked: 2 errors, 2 warnings, 0 info' },
  ];
  it.each(summaries)('summarises $label', ({ files, line }) => {
    expect(summaryLine(files)).toBe(line);
  });
});

describe('the JSON report', () => {
  it('keeps the contract: keys in order, no fingerprint, group and variants only when present, spans always', () => {
    const report = buildJsonReport([{ file: 'corpus/x.txt', flags: [variant, hangul] }]);
    expect(Object.keys(report)).toEqual(['files']);
    expect(Object.keys(report.files[0] ?? {})).toEqual(['file', 'flags']);
    const [first, second] = report.files[0]?.flags ?? [];
    expect(Object.keys(first ?? {})).toEqual(['check', 'severity', 'segment', 'start', 'end', 'text', 'message', 'suggestions', 'group', 'variants', 'spans']);
    expect(Object.keys(second ?? {})).toEqual(['check', 'severity', 'segment', 'start', 'end', 'text', 'message', 'suggestions', 'spans']);
    expect(second?.spans).toEqual([{ segment: 0, start: 0, end: 3, text: '조태열' }]);
  });

  it('writes every place of a flag with several, the first being its segment/start/end/text', () => {
    const [flag] = buildJsonReport([{ file: 'a.txt', flags: [cluster] }]).files[0]?.flags ?? [];
    expect(flag?.spans.map((s) => `${s.segment}:${s.start}-${s.end}`)).toEqual(['4:0-12', '8:0-12', '8:110-122']);
    expect([flag?.segment, flag?.start, flag?.end, flag?.text]).toEqual([4, 0, 12, 'Cho Tae-yeol']);
  });

  it('is written as indented JSON that parses back to the report', () => {
    const text = formatJsonReport([{ file: 'a.txt', flags: [hangul] }]);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(buildJsonReport([{ file: 'a.txt', flags: [hangul] }]));
  });
});

describe('a report written a file at a time (copydesk check on worker threads)', () => {
  const separator: Flag = { ...variant, message: 'a line\u2028and a paragraph\u2029separator, kept raw by JSON.stringify' };
  const shapes: { label: string; files: { file: string; flags: Flag[] }[] }[] = [
    { label: 'no files', files: [] },
    { label: 'one clean file', files: [{ file: 'a.txt', flags: [] }] },
    { label: 'several files, clean and flagged', files: [{ file: 'a.txt', flags: [variant, hangul] }, { file: 'b.txt', flags: [] }, { file: 'c "quoted".txt', flags: [hangul] }] },
    { label: 'a message with U+2028 and U+2029 (line terminators to a multiline regex)', files: [{ file: 'a.txt', flags: [separator] }, { file: 'b.txt', flags: [separator] }] },
  ];
  it.each(shapes)('joins the parts of $label into exactly the whole report', ({ files }) => {
    expect(joinReportParts('json', files.map((f) => formatReportPart('json', f)))).toBe(`${JSON.stringify(buildJsonReport(files), null, 2)}\n`);
    expect(joinReportParts('text', files.map((f) => formatReportPart('text', f)))).toBe(formatTextReport(files));
    expect(formatJsonReport(files)).toBe(`${JSON.stringify(buildJsonReport(files), null, 2)}\n`);
  });
});
