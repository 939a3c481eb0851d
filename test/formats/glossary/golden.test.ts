import { describe, expect, it } from 'vitest';
import { exportGlossary, type GlossaryExportFormat, type GlossaryExportMeta } from '../../../src/formats/glossary/index.js';
import { EXPORT_NOW, FIXTURE_CONCEPTS } from '../../fixtures/glossary/concepts.js';
import { validateTbx } from '../schema-validators.js';
import { expectGolden } from './golden.js';

/** Every export of the fixture glossary, each with its golden file and what it must leave out. */
const EXPORTS: { label: string; file: string; format: GlossaryExportFormat; meta: GlossaryExportMeta; contentType: string; warnings: string[] }[] = [
  { label: 'TBX-Basic', file: 'glossary.tbx', format: 'tbx', meta: { now: EXPORT_NOW }, contentType: 'application/xml; charset=utf-8', warnings: [] },
  { label: 'Copydesk CSV', file: 'glossary.csv', format: 'csv', meta: { now: EXPORT_NOW }, contentType: 'text/csv; charset=utf-8; header=present', warnings: [] },
  {
    label: 'DeepL, Korean -> preferred (default)',
    file: 'deepl-ko-en.csv',
    format: 'deepl',
    meta: { now: EXPORT_NOW },
    contentType: 'text/csv; charset=utf-8; header=absent',
    warnings: ['1 concept has no Korean form and was left out.'],
  },
  { label: 'DeepL, deprecated -> preferred', file: 'deepl-en-en.csv', format: 'deepl', meta: { now: EXPORT_NOW, deeplVariant: 'en-en' }, contentType: 'text/csv; charset=utf-8; header=absent', warnings: [] },
  {
    label: 'Google, equivalent term sets (default)',
    file: 'google-equivalent-terms.csv',
    format: 'google',
    meta: { now: EXPORT_NOW },
    contentType: 'text/csv; charset=utf-8; header=present',
    warnings: ['1 concept lacks a Korean form or a preferred English term and was left out.'],
  },
  {
    label: 'Google, unidirectional',
    file: 'google-unidirectional.csv',
    format: 'google',
    meta: { now: EXPORT_NOW, googleLayout: 'unidirectional' },
    contentType: 'text/csv; charset=utf-8; header=absent',
    warnings: ['1 concept has no Korean form and was left out.'],
  },
  { label: 'Copydesk JSON', file: 'glossary.json', format: 'json', meta: { now: EXPORT_NOW }, contentType: 'application/json; charset=utf-8', warnings: [] },
];

describe('glossary exports: golden files (UPDATE_GOLDEN=1 rewrites them on purpose)', () => {
  it.each(EXPORTS)('$label matches test/golden/glossary/$file', ({ file, format, meta, contentType, warnings }) => {
    const exported = exportGlossary(FIXTURE_CONCEPTS, format, meta);
    expectGolden(file, exported.body);
    expect(exported.contentType).toBe(contentType);
    expect(exported.extension).toBe(file.split('.').pop());
    expect(exported.warnings).toEqual(warnings);
  });

  it('the TBX golden file is valid against the core RNG and the TBX-Basic Schematron', () => {
    expect(validateTbx(exportGlossary(FIXTURE_CONCEPTS, 'tbx', { now: EXPORT_NOW }).body)).toEqual([]);
  });

  it('no text export starts with a BOM (Google and DeepL want UTF-8 without one)', () => {
    for (const { format, meta } of EXPORTS) expect(exportGlossary(FIXTURE_CONCEPTS, format, meta).body.charCodeAt(0)).not.toBe(0xfeff);
  });
});
