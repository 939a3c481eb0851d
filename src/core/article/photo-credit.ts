/**
 * Photo credits: the line that closes a caption block ("[Photo by Ministry of Foreign Affairs]").
 * MT renders the Korean "[사진=…]" several ways, so each accepted form is listed here.
 */

/**
 * What opens a credit: "Photo", "Image" or "Picture" (MT renders 사진 and 이미지 all three ways),
 * optionally "source"/"credit" ("[Image source=Yonhap News]"), then the words that make it a
 * credit rather than the noun in a sentence.
 */
const CREDIT_LEAD = String.raw`(?:photo|image|picture|사진|이미지)(?:\s+(?:source|credit)s?)?\s*(?:by\b|=|:|courtesy\b|provided\b)`;

/** "[Photo by X]", "[Photo=X]", "[Photo: X]", "[사진=X]": from the opening bracket to the line end. */
const SQUARE_CREDIT = new RegExp(String.raw`^\[\s*${CREDIT_LEAD}[^\]]*\]$`, 'iu');
/** "(Photo=X)", "(Photo by X)". */
const ROUND_CREDIT = new RegExp(String.raw`^\(\s*${CREDIT_LEAD}[^)]*\)$`, 'iu');
/** "Photo by X", "Photo: X" on a line of its own. */
const BARE_CREDIT = new RegExp(String.raw`^${CREDIT_LEAD}`, 'iu');

/** A bare "Photo by …" line longer than this many words (range 4-30) is read as a sentence. */
export const BARE_CREDIT_MAX_WORDS = 12;

/** Where the credit stands in a line: the whole line, or at the end after caption text. */
export type CreditPlacement = 'whole-line' | 'trailing';

/** Returns where a photo credit stands in the line, or undefined when it has none. */
export function findPhotoCredit(line: string): CreditPlacement | undefined {
  const text = line.trim();
  // Guard: blank lines are separators, not credits.
  if (text === '') return undefined;
  if (isBracketCredit(text)) return 'whole-line';
  if (BARE_CREDIT.test(text) && text.split(/\s+/).length <= BARE_CREDIT_MAX_WORDS) return 'whole-line';
  // Only the last bracket is tried, so a long line full of brackets costs one scan, not one per bracket.
  const tail = text.slice(Math.max(text.lastIndexOf('['), text.lastIndexOf('(')));
  if (tail.length < text.length && isBracketCredit(tail)) return 'trailing';
  // "[Photo by X (Reuters)]": the last "(" opens an inner aside, so retry from the last "[".
  const square = text.lastIndexOf('[');
  if (square > 0 && SQUARE_CREDIT.test(text.slice(square))) return 'trailing';
  return undefined;
}

/** Returns true when the line holds a photo credit, alone or after caption text. */
export function isPhotoCreditLine(line: string): boolean {
  return findPhotoCredit(line) !== undefined;
}

function isBracketCredit(text: string): boolean {
  return SQUARE_CREDIT.test(text) || ROUND_CREDIT.test(text);
}
