import { describe, expect, it } from 'vitest';
import { editSideParts, mtSideParts, newSide, oldSide, toCompact, type DiffPart } from '../../../src/core/diff/index.js';

// The headline diff of the Cho Tae-yul story: the surname read as "King" and a word changed.
const PARTS: DiffPart[] = [
  { op: 'del', text: 'King' },
  { op: 'ins', text: 'Cho' },
  { op: 'eq', text: ' Raises ' },
  { op: 'del', text: 'Issues' },
  { op: 'ins', text: 'Concerns' },
];

describe('compact', () => {
  const rows: { label: string; actual: () => unknown; expected: unknown }[] = [
    { label: 'toCompact of no parts', actual: () => toCompact([]), expected: '' },
    { label: 'toCompact', actual: () => toCompact(PARTS), expected: '<del>King</del><ins>Cho</ins> Raises <del>Issues</del><ins>Concerns</ins>' },
    { label: 'toCompact prints text raw, not escaped', actual: () => toCompact([{ op: 'ins', text: '<b>&' }]), expected: '<ins><b>&</ins>' },
    { label: 'oldSide', actual: () => oldSide(PARTS), expected: 'King Raises Issues' },
    { label: 'newSide', actual: () => newSide(PARTS), expected: 'Cho Raises Concerns' },
    { label: 'mtSideParts (the MT column)', actual: () => toCompact(mtSideParts(PARTS)), expected: '<del>King</del> Raises <del>Issues</del>' },
    { label: 'editSideParts (the edit column)', actual: () => toCompact(editSideParts(PARTS)), expected: '<ins>Cho</ins> Raises <ins>Concerns</ins>' },
  ];
  it.each(rows)('$label', ({ actual, expected }) => {
    expect(actual()).toEqual(expected);
  });
});
