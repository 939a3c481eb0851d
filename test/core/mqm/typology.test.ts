import { describe, expect, it } from 'vitest';
import {
  MQM_DIMENSIONS,
  MQM_ERROR_TYPES,
  MQM_SEVERITIES,
  isMqmCategoryId,
  isMqmSeverity,
  mqmCategoryLabel,
  mqmDimensionOf,
  severityWeight,
  type MqmCategoryId,
} from '../../../src/core/mqm/index.js';

const KEBAB_ID = /^[a-z]+(?:-[a-z]+)*(?:\/[a-z]+(?:-[a-z]+)*)?$/;

describe('MQM-Core typology', () => {
  it('has the seven MQM dimensions, in MQM order', () => {
    expect(MQM_DIMENSIONS.map((d) => d.label)).toEqual([
      'Terminology',
      'Accuracy',
      'Linguistic conventions',
      'Style',
      'Locale conventions',
      'Audience appropriateness',
      'Design and markup',
    ]);
  });

  it('has the 38 MQM-Core error types, with as many under each dimension as MQM-Core', () => {
    const perDimension = Object.fromEntries(MQM_DIMENSIONS.map((d) => [d.id, MQM_ERROR_TYPES.filter((t) => t.dimension === d.id).length]));
    expect(perDimension).toEqual({
      terminology: 3,
      accuracy: 7,
      'linguistic-conventions': 6,
      style: 7,
      'locale-conventions': 8,
      'audience-appropriateness': 2,
      'design-and-markup': 5,
    });
  });

  it('gives every dimension and error type a unique kebab-case id', () => {
    const ids = [...MQM_DIMENSIONS, ...MQM_ERROR_TYPES].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !KEBAB_ID.test(id))).toEqual([]);
  });

  it('files every error type under a known dimension, its id prefixed by the dimension id', () => {
    const dimensions = new Set(MQM_DIMENSIONS.map((d) => d.id));
    expect(MQM_ERROR_TYPES.filter((t) => !dimensions.has(t.dimension) || !t.id.startsWith(`${t.dimension}/`))).toEqual([]);
  });

  it('gives every entry a label and a one-sentence description', () => {
    const entries = [...MQM_DIMENSIONS, ...MQM_ERROR_TYPES, ...MQM_SEVERITIES];
    expect(entries.filter((x) => x.label.length === 0 || x.description.length === 0 || x.description.includes('\n'))).toEqual([]);
  });

  it.each<{ label: string; id: MqmCategoryId; dimension: string; shown: string }>([
    { label: 'the subtype issue 5 names for name variants', id: 'terminology/inconsistent-use', dimension: 'terminology', shown: 'Terminology / Inconsistent use of terminology' },
    { label: 'the glossary subtype', id: 'terminology/inconsistent-with-resource', dimension: 'terminology', shown: 'Terminology / Inconsistent with terminology resource' },
    { label: 'mistranslation', id: 'accuracy/mistranslation', dimension: 'accuracy', shown: 'Accuracy / Mistranslation' },
    { label: 'untranslated', id: 'accuracy/untranslated', dimension: 'accuracy', shown: 'Accuracy / Untranslated' },
    { label: 'omission', id: 'accuracy/omission', dimension: 'accuracy', shown: 'Accuracy / Omission' },
    { label: 'awkward style', id: 'style/awkward', dimension: 'style', shown: 'Style / Awkward style' },
    { label: 'a dimension alone is a category', id: 'design-and-markup', dimension: 'design-and-markup', shown: 'Design and markup' },
  ])('$label: $id', ({ id, dimension, shown }) => {
    expect(isMqmCategoryId(id)).toBe(true);
    expect(mqmDimensionOf(id)).toBe(dimension);
    expect(mqmCategoryLabel(id)).toBe(shown);
  });

  it.each([
    { label: 'an unknown subtype', value: 'accuracy/hallucination' },
    { label: 'a label rather than an id', value: 'Accuracy' },
    { label: 'the empty string', value: '' },
    { label: 'a MQM name not in MQM-Core (locale name format)', value: 'locale-conventions/name-format' },
  ])('refuses $label as a category id', ({ value }) => {
    expect(isMqmCategoryId(value)).toBe(false);
  });
});

describe('MQM severities', () => {
  it('weigh neutral 0, minor 1, major 5, critical 25 (the MQM scoring model multipliers)', () => {
    expect(MQM_SEVERITIES.map((s) => [s.id, s.weight])).toEqual([
      ['neutral', 0],
      ['minor', 1],
      ['major', 5],
      ['critical', 25],
    ]);
    expect(['neutral', 'minor', 'major', 'critical'].map((s) => (isMqmSeverity(s) ? severityWeight(s) : NaN))).toEqual([0, 1, 5, 25]);
  });

  it('refuses an unknown severity id', () => {
    expect(isMqmSeverity('blocker')).toBe(false);
    expect(() => severityWeight('blocker' as never)).toThrow(/not an MQM severity/);
  });
});
