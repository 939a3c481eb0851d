import type { Options } from 'csv-stringify';

/**
 * Spreadsheet formula injection (security issue 11; OWASP, "CSV Injection",
 * https://owasp.org/www-community/attacks/CSV_Injection): Excel, LibreOffice and Google Sheets run
 * a cell that begins with "=", "+", "-", "@", a tab or a carriage return as a formula, so an engine
 * name or a glossary note such as `=HYPERLINK("http://evil.example","click")` would become a live
 * link or command in the editor's spreadsheet. Spreadsheets skip leading spaces before a formula,
 * so white space followed by one of those counts too; so do the fullwidth forms of = + - @, which
 * Apple Numbers folds to ASCII (csv-stringify's `escape_formulas` lists them for that reason).
 */
const FORMULA_START = '\\s*[=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20]';

/**
 * A cell the writers prefix with a quote: a formula start, or a formula start behind quotes
 * already (a term that really is "'=x" gets a second quote, so the import's one-quote strip gives
 * it back unchanged).
 */
const NEEDS_QUOTE = new RegExp(`^'*${FORMULA_START}`);

/** A cell as the writers neutralise it: one or more quotes, then a formula start. */
const NEUTRALISED = new RegExp(`^'+${FORMULA_START}`);

/**
 * Returns `text` as a spreadsheet will show it, never run it: with a single quote in front when it
 * begins (after any white space, or after quotes) with =, +, -, @, a tab or a carriage return,
 * else unchanged. The quote is OWASP's advice; spreadsheets read a cell that starts with one as text.
 */
export function neutraliseFormula(text: string): string {
  return NEEDS_QUOTE.test(text) ? `'${text}` : text;
}

/** Returns a cell read from a CSV file with the one quote neutraliseFormula added taken off again; any other cell unchanged. */
export function restoreFormula(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/**
 * csv-stringify's `cast` option for every CSV the app writes: text cells go through
 * neutraliseFormula, and a neutralised cell is always quoted (OWASP's advice, and a lone carriage
 * return needs it); numbers are cast as usual, so a negative figure stays a number.
 */
export const SAFE_CSV_CAST = {
  string: (value: string) => {
    const safe = neutraliseFormula(value);
    return safe === value ? value : { value: safe, quoted: true };
  },
} as const satisfies NonNullable<Options['cast']>;
