import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/core/checks/types.js';
import { formatCheckListMarkdown, formatCheckListText } from '../../src/formats/check-list.js';

const checks: Check[] = [
  { id: 'untranslated', name: 'Untranslated Korean', description: 'Hangul or Hanja left in the text.', severity: 'error', run: () => [] },
  { id: 'number-changed', name: 'Number changed', description: 'A number | an amount changed.', severity: 'warning', run: () => [] },
];

describe('the check list', () => {
  it('as text: one aligned line per check with id, severity, name and description', () => {
    expect(formatCheckListText(checks)).toBe(
      'untranslated    error    Untranslated Korean: Hangul or Hanja left in the text.\n' +
        'number-changed  warning  Number changed: A number | an amount changed.\n',
    );
  });

  it('as Markdown: a generated-file note and a table row per check, pipes escaped', () => {
    const md = formatCheckListMarkdown(checks);
    expect(md).toContain('Generated from src/core/checks/index.ts by `npm run docs:checks`');
    expect(md).toContain('| `untranslated` | Untranslated Korean | error | Hangul or Hanja left in the text. |');
    expect(md).toContain('| `number-changed` | Number changed | warning | A number \\| an amount changed. |');
  });
});
