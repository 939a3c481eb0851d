import { ALL_CHECKS } from '../core/checks/index.js';
import { formatCheckListMarkdown, formatCheckListText } from '../formats/check-list.js';
import { EXIT, type CliIo } from './run-cli.js';

/** The formats of `copydesk checks`. */
export const CHECKS_FORMATS = ['text', 'markdown'] as const;

/** Prints every check (id, name, description, severity) as text or as docs/checks.md; returns the exit code. */
export function runChecksCommand(format: (typeof CHECKS_FORMATS)[number], io: CliIo): number {
  io.stdout.write(format === 'markdown' ? formatCheckListMarkdown(ALL_CHECKS) : formatCheckListText(ALL_CHECKS));
  return EXIT.ok;
}
