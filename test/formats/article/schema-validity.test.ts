import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, writeTmx, writeXliff12, writeXliff2, type ExportArticle } from '../../../src/formats/article/index.js';
import { schemaPath, validateTmx, validateXliff12, validateXliff2 } from '../schema-validators.js';
import { FIXTURES, segment } from './fixtures.js';
import { xpathTexts } from './xml-query.js';

/** The XML exports, each with the official validation it must pass (test/schemas/, VALIDATE.md). */
const XML_FORMATS = [
  { format: 'XLIFF 2.1', schema: 'xliff_core_2.0.xsd + matches.xsd', write: writeXliff2, validate: validateXliff2, targets: '//x:segment/x:target' },
  { format: 'XLIFF 1.2', schema: 'xliff-core-1.2-strict.xsd', write: writeXliff12, validate: validateXliff12, targets: '//x12:trans-unit/x12:target' },
  { format: 'TMX 1.4b', schema: 'tmx14.dtd', write: writeTmx, validate: validateTmx, targets: '//tuv[@xml:lang="en"]/seg' },
] as const;

describe('every XML export is valid against its official schema', () => {
  const rows = FIXTURES.flatMap((f) => XML_FORMATS.map((x) => ({ ...f, ...x, label: `${f.label} as ${x.format} (${x.schema})` })));
  it.each(rows)('$label', ({ build, meta, write, validate }) => {
    expect(validate(write(build(), meta))).toEqual([]);
  });
});

describe('the validators reject what they should (so a pass means something)', () => {
  const examples = [
    { label: 'XLIFF 2: no srcLang, state="approved", target before source', file: 'xliff2-invalid.xlf', validate: validateXliff2 },
    { label: 'XLIFF 2: mtc:match without ref (valid to the core XSD alone)', file: 'xliff2-invalid-module.xlf', validate: validateXliff2 },
    { label: 'XLIFF 1.2: file without original, trans-unit without source', file: 'xliff12-invalid.xlf', validate: validateXliff12 },
    { label: 'TMX: header without srclang/o-tmf/segtype, tuv without xml:lang', file: 'tmx-invalid.tmx', validate: validateTmx },
  ];
  it.each(examples)('rejects examples/$file ($label)', ({ file, validate }) => {
    expect(validate(readFileSync(schemaPath(`examples/${file}`), 'utf8'))).not.toEqual([]);
  });

  const valid = [
    { file: 'xliff2-valid.xlf', validate: validateXliff2 },
    { file: 'xliff12-valid.xlf', validate: validateXliff12 },
    { file: 'tmx-valid.tmx', validate: validateTmx },
  ];
  it.each(valid)('accepts examples/$file', ({ file, validate }) => {
    expect(validate(readFileSync(schemaPath(`examples/${file}`), 'utf8'))).toEqual([]);
  });

  const [, korean] = FIXTURES;
  const broken = [
    {
      label: 'our XLIFF 2 with an mtc:match that lost its ref (matches.xsd)',
      xml: () => writeXliff2(korean!.build(), korean!.meta).replace(/ ref="#s1"/, ''),
      validate: validateXliff2,
    },
    {
      label: 'our XLIFF 2 with a state the core does not know',
      xml: () => writeXliff2(korean!.build(), korean!.meta).replace('state="final"', 'state="approved"'),
      validate: validateXliff2,
    },
    {
      label: 'our XLIFF 1.2 naming a tool-id no <tool> declares (keyref)',
      xml: () => writeXliff12(korean!.build(), korean!.meta).replace('tool-id="copydesk" tool-name', 'tool-id="other" tool-name'),
      validate: validateXliff12,
    },
    {
      label: 'our XLIFF 1.2 with two trans-units of one id (key)',
      xml: () => writeXliff12(korean!.build(), korean!.meta).replace('id="s2"', 'id="s1"'),
      validate: validateXliff12,
    },
    {
      label: 'our TMX without srclang',
      xml: () => writeTmx(korean!.build(), korean!.meta).replace(' srclang="ko"', ''),
      validate: validateTmx,
    },
  ];
  it.each(broken)('rejects $label', ({ xml, validate }) => {
    expect(validate(xml())).not.toEqual([]);
  });
});

describe('any text at all gives a valid file that reads back as the cleaned text', () => {
  // Text built from what breaks XML writers, mixed with arbitrary code units (lone surrogates included).
  const awkward = fc.constantFrom('\u0000', '\u0008', '\u000B', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '<', '&', '>', ']]>', '"', "'",
    '\r\n', '\r', '\n', '\t', '👍🏽', '🇰🇷', '조태열', '\u2028', ' ', 'Cho',
    '&amp;', '&lt;', '&#0;', '&#60;', '&nbsp;', '&x', ';');
  const text = fc.string({ unit: fc.oneof(awkward, fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 40 });
  const article = fc.record({ mt: text, edit: text, source: fc.option(text, { nil: undefined }), author: text }).map(
    ({ mt, edit, source, author }): ExportArticle => ({
      id: 9,
      title: mt,
      sourceName: author,
      status: 'in-review',
      importedAt: '2026-11-29T09:00:00.000Z',
      segments: [
        segment(0, 'headline', `Head ${mt}`, { edit: `Head ${edit}`, author, savedAt: '2026-11-29T09:30:00.000Z' }, source === undefined ? undefined : `제목 ${source}`),
        segment(1, 'body', `Body ${mt}`, { edit: `Body ${edit}`, author, savedAt: '2026-11-29T09:31:00.000Z' }, source === undefined ? undefined : `본문 ${source}`),
      ],
    }),
  );

  it.each(XML_FORMATS)('$format stays valid ($schema) and keeps every target', ({ write, validate, targets }) => {
    fc.assert(
      fc.property(article, (a) => {
        const xml = write(a, { now: '2026-11-29T10:00:00.000Z', tool: { name: 'Copydesk', version: '0.1.0' }, mtEngine: a.sourceName });
        expect(validate(xml)).toEqual([]);
        expect(xpathTexts(xml, targets)).toEqual(a.segments.map((s) => cleanText(s.edit)));
      }),
      { numRuns: 60 },
    );
  });
});
