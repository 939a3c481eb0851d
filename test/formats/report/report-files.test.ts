import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { writeReportCsv, writeReportCsvRows, type ReportFileRow } from '../../../src/formats/report/report-files.js';
import { FORMULA_PAYLOADS } from '../../fixtures/formula-payloads.js';

function row(over: Partial<ReportFileRow>): ReportFileRow {
  return {
    id: 1, title: 'King Meets Japanese Counterpart', mtEngine: 'Engine A', status: 'in-review', hter: 0.25, hterEdits: 3, words: 12, charShare: 0.1234567,
    untouchedSegments: 0, contentSegments: 2, mqmScore: 97.5, mqmPenalty: 25, verdict: 'pass', confirmedCorrections: 1, proposedCorrections: 2, ...over,
  };
}

describe('writeReportCsv', () => {
  it('writes the header and figures as before: numbers plain, rounded to 6 decimals, an empty cell for no score', () => {
    expect(writeReportCsv([row({ mqmScore: null })])).toBe(
      'id,title,mtEngine,status,hter,hterEdits,words,charShare,untouchedSegments,contentSegments,mqmScore,mqmPenalty,verdict,confirmedCorrections,proposedCorrections\r\n' +
        '1,King Meets Japanese Counterpart,Engine A,in-review,0.25,3,12,0.123457,0,2,,25,pass,1,2\r\n',
    );
  });

  it.each(FORMULA_PAYLOADS)('neutralises a title and an engine name of %j with a leading quote (issue 11)', (payload) => {
    const csv = writeReportCsvRows([row({ title: payload, mtEngine: payload })], { hasHeader: false });
    const [cells] = parse(csv) as string[][];
    expect(cells?.[1]).toBe(`'${payload}`);
    expect(cells?.[2]).toBe(`'${payload}`);
    expect(csv.startsWith(`1,"'`)).toBe(true);
  });

  it('treats white space before a formula the same way (issue 11)', () => {
    const [cells] = parse(writeReportCsvRows([row({ mtEngine: ' =1+1' })], { hasHeader: false })) as string[][];
    expect(cells?.[2]).toBe("' =1+1");
  });

  it('leaves a negative figure a number, without a quote', () => {
    const csv = writeReportCsvRows([row({ mqmScore: -12.5, hter: 1 })], { hasHeader: false });
    expect(csv).toBe('1,King Meets Japanese Counterpart,Engine A,in-review,1,3,12,0.123457,0,2,-12.5,25,pass,1,2\r\n');
  });
});
