import type { Check } from '../core/checks/types.js';

/** Returns the check list as aligned text: id, severity, name and description, one check a line. */
export function formatCheckListText(checks: readonly Check[]): string {
  const width = Math.max(0, ...checks.map((c) => c.id.length));
  return checks.map((c) => `${c.id.padEnd(width)}  ${c.severity.padEnd(7)}  ${c.name}: ${c.description}`).join('\n') + '\n';
}

/**
 * Returns docs/checks.md: the check list as a Markdown table, generated from the registry so the
 * docs cannot drift from the code (Weblate's `list_checks` management command does the same).
 */
export function formatCheckListMarkdown(checks: readonly Check[]): string {
  const rows = checks.map((c) => `| \`${c.id}\` | ${cell(c.name)} | ${c.severity} | ${cell(c.description)} |`);
  return [
    '# Checks',
    '',
    '<!-- Generated from src/core/checks/index.ts by `npm run docs:checks`; do not edit by hand. -->',
    '',
    'Every check Copydesk runs on an article, in the order their flags are listed. The id is stored with',
    'dismissals and never changes. The severity is the highest a flag of the check carries; the description',
    'says when a flag is milder. `copydesk check` exits with 1 when any flag is an error.',
    '',
    '| Id | Name | Severity | Description |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** Returns text safe inside a Markdown table cell: pipes escaped, line breaks as spaces. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
