import { describe, expect, it } from 'vitest';
import { shapeOfChange, type ChangeShape } from '../../../src/core/mqm/index.js';

const rows: { label: string; mt: string; edit: string; shape: ChangeShape }[] = [
  { label: 'nothing changed', mt: '', edit: '', shape: 'typography' },
  { label: 'straight to curly apostrophe', mt: "China's", edit: 'China’s', shape: 'typography' },
  { label: 'straight to curly double quotes', mt: '"Please Send Them"', edit: '“Please Send Them”', shape: 'typography' },
  { label: 'hyphen to en dash in a range', mt: '2023-2024', edit: '2023–2024', shape: 'typography' },
  { label: 'three dots to an ellipsis', mt: 'and so on...', edit: 'and so on…', shape: 'typography' },
  { label: 'capitalisation only', mt: 'north korea', edit: 'North Korea', shape: 'case' },
  { label: 'capitalisation with a quote style change', mt: "korea's", edit: 'Korea’s', shape: 'case' },
  { label: 'a comma added', mt: 'Beijing', edit: 'Beijing,', shape: 'punctuation' },
  { label: 'a comma alone inserted', mt: '', edit: ',', shape: 'punctuation' },
  { label: 'a hyphen added to a name (Tae yul -> Tae-yul)', mt: 'Tae yul', edit: 'Tae-yul', shape: 'punctuation' },
  { label: 'a word inserted', mt: '', edit: 'Foreign', shape: 'insertion' },
  { label: 'a phrase deleted', mt: 'in fact,', edit: '', shape: 'deletion' },
  { label: 'looks suspicious but is fine: a word replaced is not a spelling shape', mt: 'King', edit: 'Cho', shape: 'other' },
  { label: 'looks suspicious but is fine: 677.4 billion -> trillion is not punctuation', mt: '677.4 billion', edit: '677.4 trillion', shape: 'other' },
  { label: 'looks suspicious but is fine: Hangul replaced by its translation', mt: '조태열', edit: 'Cho Tae-yul', shape: 'other' },
];

describe('shapeOfChange', () => {
  it.each(rows)('$label', ({ mt, edit, shape }) => {
    expect(shapeOfChange(mt, edit)).toBe(shape);
  });
});
