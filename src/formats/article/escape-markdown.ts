/**
 * ASCII punctuation that starts or ends Markdown markup anywhere in a line (CommonMark 0.31 §2.4:
 * any ASCII punctuation may be backslash-escaped): emphasis `*` `_`, code spans, links and images
 * `[` `]`, raw HTML and autolinks `<` `>`, entity references `&`, heading closers `#`, and GFM's
 * tables `|` and strikethrough `~`. The backslash itself comes first.
 */
const INLINE_MARKUP = /[\\`*_[\]<>&#|~]/g;

/**
 * Returns one line of article text that Markdown will print as it is: markup characters
 * backslash-escaped, leading and trailing whitespace removed (four spaces would start a code
 * block), and what would start a block at the beginning of the line escaped too: list bullets
 * `-` `+`, setext underlines `=`, and ordered-list numbers (`1.` `1)`).
 */
export function escapeMarkdownLine(line: string): string {
  return line
    .trim()
    .replace(INLINE_MARKUP, '\\$&')
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}
