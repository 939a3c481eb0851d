import { decodeArticleInput } from '../core/article/decode-input.js';
import { parseArticle } from '../core/article/parse-article.js';
import type { ParsedSegment } from '../core/article/types.js';
import { measureEditRate, measureSegment, type ArticleEditRate, type SegmentEditRate } from '../core/metrics/edit-rate.js';
import { readEditedArticleFile, type ArticleFile } from '../formats/article-file.js';
import { ARTICLE_FILE_LIMIT, readInputFile } from '../service/read-input-file.js';
import { EXIT, type CliIo } from './run-cli.js';

/** The output formats of `copydesk metrics`. */
export const METRICS_FORMATS = ['text', 'json'] as const;

/** Options of `copydesk metrics`. */
export interface MetricsCommandOptions {
  /** The MT file: TER's hypothesis. */
  readonly mt: string;
  /** The editor's file: TER's reference. */
  readonly edited: string;
  readonly format: (typeof METRICS_FORMATS)[number];
  /** Compare words (and characters) case-insensitively. */
  readonly ignoreCase?: boolean;
}

/** The command's one-line description. */
export const METRICS_DESCRIPTION = "Measure how much the MT needed fixing: HTER (TER of the MT against the editor's text) and the share of characters changed.";

/** The command's help after the options: how the two input forms are told apart, and the figures. */
export const METRICS_HELP = `
Two single segments or two articles:
  When both files hold exactly one segment apart from page chrome (one headline or one
  paragraph), they are compared as one segment and the JSON is
    {"ter": 0.111111, "edits": 1, "words": 9}
  Otherwise both are read as articles, their segments paired by position as \`copydesk check
  --edited\` pairs them, and the figures are given per segment (page chrome left out) with totals.
  Segments are split as articles are: at blank lines, or at every line in a file without any.

Figures:
  ter        TER edits / words of the edited text (Snover et al. 2006; sacrebleu's tercom
             algorithm: white-space words, phrase shifts), rounded to 6 decimals
  edits      word insertions, deletions, substitutions and phrase shifts
  words      words of the edited text
  charShare  character-level edit distance / the longer text's length (Unicode code points)
  untouched  segments whose edit is the MT character for character
  The article total is the sum of edits over the sum of words. Exit 2 for a missing or unreadable
  file, or edited paragraphs that cannot be paired with the MT's.
`;

/** Digits kept in printed rates (issue 5's example prints 0.111111). */
const RATE_DIGITS = 6;

/** Runs `copydesk metrics` and writes the figures to stdout; returns the exit code (2: unreadable or unpaired input). */
export function runMetricsCommand(opts: MetricsCommandOptions, io: CliIo): number {
  const caseSensitive = !opts.ignoreCase;
  const mt = readText(opts.mt);
  const edited = readText(opts.edited);
  for (const r of [mt, edited]) if (!r.ok) io.stderr.write(`copydesk: ${r.file}: ${r.message}\n`);
  if (!mt.ok || !edited.ok) return EXIT.usage;

  const mtSingle = singleSegment(mt.text);
  const editedSingle = singleSegment(edited.text);
  if (mtSingle !== undefined && editedSingle !== undefined) {
    const figures = measureSegment({ position: 0, kind: mtSingle.kind, mt: mtSingle.text, edit: editedSingle.text }, { caseSensitive });
    io.stdout.write(opts.format === 'json' ? `${toJson(singleJson(figures))}\n` : singleText(figures));
    return EXIT.ok;
  }

  const paired = readEditedArticleFile(mt.input, edited.input);
  if (!paired.ok) {
    io.stderr.write(`copydesk: ${paired.message}\n`);
    return EXIT.usage;
  }
  const segments = paired.article.segments.map((s) => ({ position: s.index, kind: s.kind, mt: s.mt, edit: s.edit }));
  const figures = measureEditRate(segments, { caseSensitive });
  io.stdout.write(opts.format === 'json' ? `${toJson(articleJson(figures))}\n` : articleText(figures));
  return EXIT.ok;
}

/** Returns the text's one segment when it holds exactly one apart from page chrome; undefined when it holds more, or none. */
function singleSegment(text: string): ParsedSegment | undefined {
  const content = parseArticle(text).segments.filter((s) => s.kind !== 'boilerplate');
  return content.length === 1 ? content[0] : undefined;
}

type TextInput =
  | { readonly ok: true; readonly input: ArticleFile; readonly text: string }
  | { readonly ok: false; readonly file: string; readonly message: string };

/** Returns the file's bytes and text, or why it cannot be read: missing, not a regular file, too large, empty, binary, not UTF-8. */
function readText(file: string): TextInput {
  const read = readInputFile(file, ARTICLE_FILE_LIMIT);
  if (!read.ok) return { ok: false, file, message: read.message };
  const decoded = decodeArticleInput(read.bytes);
  return decoded.ok ? { ok: true, input: { file, bytes: read.bytes }, text: decoded.text } : { ok: false, file, message: decoded.message };
}

function rate(value: number): number {
  const scale = 10 ** RATE_DIGITS;
  return Math.round(value * scale) / scale;
}

/** Issue 5's single-segment object, keys in its order; `approximate` only when a cap was reached. */
function singleJson(s: SegmentEditRate): Record<string, unknown> {
  return { ter: rate(s.ter), edits: s.edits, words: s.words, ...(s.isApproximate ? { approximate: true } : {}) };
}

function articleJson(r: ArticleEditRate): Record<string, unknown> {
  return {
    segments: r.segments.map((s) => ({
      segment: s.position,
      kind: s.kind,
      ter: rate(s.ter),
      edits: s.edits,
      words: s.words,
      charShare: rate(s.charShare),
      ...(s.isApproximate ? { approximate: true } : {}),
    })),
    total: {
      ter: rate(r.total.ter),
      edits: r.total.edits,
      words: r.total.words,
      untouched: r.total.untouched,
      charShare: rate(r.total.charShare),
      ...(r.total.isApproximate ? { approximate: true } : {}),
    },
  };
}

/**
 * Returns `value` as one line of JSON with a space after each colon and comma, the layout of
 * issue 5's example (`{"ter": 0.111111, "edits": 1, "words": 9}`, Python's json.dumps default).
 */
export function toJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(toJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${toJson(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function singleText(s: SegmentEditRate): string {
  const approximate = s.isApproximate ? ' (approximate: the segment is too long for the exact search)' : '';
  return `TER ${rate(s.ter).toFixed(RATE_DIGITS)}: ${plural(s.edits, 'edit')} / ${plural(s.words, 'word')}; ${percent(s.charShare)} of characters changed${approximate}\n`;
}

/** Returns the readable table: one row per segment, then the totals. */
function articleText(r: ArticleEditRate): string {
  const header = ['segment', 'kind', 'TER', 'edits', 'words', 'chars'];
  // An approximate figure (a work cap was reached) is marked with '*'.
  const rows = r.segments.map((s) => [String(s.position), s.kind, `${rate(s.ter).toFixed(RATE_DIGITS)}${s.isApproximate ? '*' : ''}`, String(s.edits), String(s.words), percent(s.charShare)]);
  const total = ['total', '', rate(r.total.ter).toFixed(RATE_DIGITS), String(r.total.edits), String(r.total.words), percent(r.total.charShare)];
  const table = [header, ...rows, total];
  const widths = header.map((_, c) => Math.max(...table.map((row) => (row[c] ?? '').length)));
  // Text columns (kind) align left, figures right.
  const line = (row: string[]) => row.map((cell, c) => (c === 1 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ').trimEnd();
  const summary = `${r.total.untouched} of ${plural(r.total.segments, 'segment')} untouched` +
    (r.total.isApproximate ? '; * an upper bound: the segment is too long for the exact search' : '');
  return [...table.map(line), summary].join('\n') + '\n';
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}
