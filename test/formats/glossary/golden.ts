/** Golden files for the glossary exports: compared byte for byte, rewritten only with UPDATE_GOLDEN=1. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/** The folder of the glossary exports' golden files. */
export const GOLDEN_DIR = new URL('../../golden/glossary/', import.meta.url);

/** Asserts that `actual` is the golden file `name`'s bytes; with UPDATE_GOLDEN=1 writes it first (on purpose only). */
export function expectGolden(name: string, actual: string): void {
  const file = new URL(name, GOLDEN_DIR);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `test/golden/glossary/${name} is missing: run UPDATE_GOLDEN=1 npx vitest run test/formats/glossary`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Returns the text of a golden file. */
export function readGolden(name: string): string {
  return readFileSync(new URL(name, GOLDEN_DIR), 'utf8');
}
