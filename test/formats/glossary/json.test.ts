import { describe, expect, it } from 'vitest';
import { readGlossaryJson, writeGlossaryJson } from '../../../src/formats/glossary/index.js';
import { FIXTURE_CONCEPTS } from '../../fixtures/glossary/concepts.js';

describe('writeGlossaryJson / readGlossaryJson', () => {
  it('writes the documented envelope with keys in a fixed order and no absent keys', () => {
    const json = writeGlossaryJson([{ ...FIXTURE_CONCEPTS[1]!, note: undefined }]);
    const data = JSON.parse(json) as { concepts: Record<string, unknown>[] };
    expect(Object.keys(data)).toEqual(['format', 'version', 'concepts']);
    expect(Object.keys(data.concepts[0] ?? {})).toEqual(['id', 'type', 'terms', 'provenance']);
    expect(Object.keys((data.concepts[0]?.['terms'] as object[])[1] ?? {})).toEqual(['text', 'lang', 'status', 'note']);
    expect(Object.keys(data.concepts[0]?.['provenance'] ?? {})).toEqual(['origin', 'createdBy', 'createdAt']);
    expect(json.startsWith('{\n  "format": "copydesk-glossary",\n  "version": 1,\n')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('reads back exactly what it wrote: export -> import -> export is byte-identical', () => {
    const json = writeGlossaryJson(FIXTURE_CONCEPTS);
    const read = readGlossaryJson(json);
    expect(read).toEqual({ ok: true, concepts: FIXTURE_CONCEPTS, warnings: [] });
    if (read.ok) expect(writeGlossaryJson(read.concepts)).toBe(json);
  });

  it('reads an empty glossary, with a warning', () => {
    expect(readGlossaryJson(writeGlossaryJson([]))).toEqual({ ok: true, concepts: [], warnings: ['The file holds no concepts.'] });
  });
});

/** The fixture as JSON with one change made by `edit`. */
function edited(edit: (data: { format: unknown; version: unknown; concepts: Record<string, unknown>[] }) => void): string {
  const data = JSON.parse(writeGlossaryJson(FIXTURE_CONCEPTS)) as { format: unknown; version: unknown; concepts: Record<string, unknown>[] };
  edit(data);
  return JSON.stringify(data, null, 2);
}

describe('readGlossaryJson refuses a bad file whole, saying where', () => {
  const rows: { label: string; text: string; message: RegExp; line?: number }[] = [
    { label: 'broken JSON (a trailing comma)', text: '{\n  "format": "copydesk-glossary",\n}', message: /^Line 3 is not valid JSON/, line: 3 },
    { label: 'not a Copydesk glossary', text: '{"glossary": []}', message: /^format: Invalid input: expected "copydesk-glossary"\. A Copydesk glossary starts with/ },
    { label: 'a newer version', text: edited((d) => (d.version = 2)), message: /^version: .*This Copydesk reads version 1\./ },
    {
      label: 'an unknown status, named by path and concept id',
      text: edited((d) => ((d.concepts[2]!['terms'] as Record<string, unknown>[])[1]!['status'] = 'forbidden')),
      message: /^concepts\[2\] \(c3\)\.terms\[1\]\.status: Invalid option: expected one of "preferred"\|"admitted"\|"deprecated"/,
    },
    { label: 'a misspelt key', text: edited((d) => (d.concepts[0]!['nots'] = 'x')), message: /^concepts\[0\] \(c1\): Unrecognized key: "nots"/ },
    { label: 'a concept without terms', text: edited((d) => (d.concepts[0]!['terms'] = [])), message: /^concepts\[0\] \(c1\)\.terms: must hold at least one term/ },
    { label: 'an empty term', text: edited((d) => ((d.concepts[0]!['terms'] as Record<string, unknown>[])[0]!['text'] = ' ')), message: /^concepts\[0\] \(c1\)\.terms\[0\]\.text: must not be empty/ },
    { label: 'an id TBX cannot use', text: edited((d) => (d.concepts[0]!['id'] = '1 2')), message: /^concepts\[0\] \(1 2\)\.id: must start with a letter/ },
    { label: 'a date that is not ISO 8601', text: edited((d) => ((d.concepts[0]!['provenance'] as Record<string, unknown>)['createdAt'] = 'yesterday')), message: /^concepts\[0\] \(c1\)\.provenance\.createdAt: must be an ISO 8601 date/ },
    { label: 'a repeated id', text: edited((d) => (d.concepts[1]!['id'] = 'c1')), message: /^concepts\[1\]: the id "c1" is used twice/ },
    { label: 'an empty file', text: '', message: /^The file is empty/ },
  ];
  it.each(rows)('$label', ({ text, message, line }) => {
    const read = readGlossaryJson(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toMatch(message);
    expect(read.line).toBe(line);
  });
});
