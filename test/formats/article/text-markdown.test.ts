import { describe, expect, it } from 'vitest';
import { writeCorrectedMarkdown, writeCorrectedText } from '../../../src/formats/article/index.js';
import { escapeMarkdownLine } from '../../../src/formats/article/escape-markdown.js';
import type { ExportArticle, ExportSegment } from '../../../src/formats/article/index.js';
import { chromeOnlyArticle, corpusArticle, headlineOnlyArticle, hostileArticle, segment } from './fixtures.js';

function articleOf(segments: ExportSegment[]): ExportArticle {
  return { id: 1, title: 't', sourceName: 'a.txt', status: 'in-review', importedAt: '2026-11-29T09:00:00.000Z', segments };
}

const SAVE = { author: 'Min-ji', savedAt: '2026-11-29T09:30:00.000Z' };

describe('writeCorrectedText', () => {
  it('gives the corpus article as the editor left it: corrected headline first, no page chrome', () => {
    const text = writeCorrectedText(corpusArticle());
    expect(text.startsWith('Cho Tae-yul Criticizes Forced Repatriation of Defectors: "Please Send Them Where They Want"\n\nCho Raises Issues at Meeting with Chinese Foreign Minister\n\n')).toBe(true);
    expect(text).not.toMatch(/Tae-yeol|King Raises|Text Size|본문 바로가기|All rights reserved|Join us on social/);
    expect(text.split('\n\n')).toHaveLength(11);
    expect(text.endsWith('Peninsula and the denuclearization of North Korea.\n')).toBe(true);
  });

  const rows = [
    { label: 'an article with only a headline', article: headlineOnlyArticle(), text: 'Cho Tae-yul Meets Wang Yi\n' },
    { label: 'an article of page chrome only', article: chromeOnlyArticle(), text: '' },
    { label: 'an article with no segments', article: articleOf([]), text: '' },
    {
      label: 'a segment the editor emptied (or left blank) is left out',
      article: articleOf([segment(0, 'headline', 'Head'), segment(1, 'body', 'Gone', { edit: '', ...SAVE }), segment(2, 'body', 'Blank', { edit: ' \n ', ...SAVE }), segment(3, 'body', 'Kept')]),
      text: 'Head\n\nKept\n',
    },
    {
      label: 'a caption keeps its line break before the credit; CR LF becomes LF',
      article: articleOf([segment(0, 'caption', 'Cho and Wang\r\n[Photo by Ministry of Foreign Affairs]')]),
      text: 'Cho and Wang\n[Photo by Ministry of Foreign Affairs]\n',
    },
    {
      label: 'markup is plain text here, and XML-illegal characters become U+FFFD',
      article: articleOf([segment(0, 'headline', '<b>A & B</b>\u0000 # 1')]),
      text: '<b>A & B</b>\ufffd # 1\n',
    },
  ];
  it.each(rows)('$label', ({ article, text }) => {
    expect(writeCorrectedText(article)).toBe(text);
  });
});

describe('escapeMarkdownLine: article text never becomes markup', () => {
  const rows = [
    { label: 'plain news text (hyphens, parentheses, quotes, a number mid-line) is left alone', line: 'Cho Tae-yul\'s 4-hour talks (local time) ended at 3. "Fine."', md: 'Cho Tae-yul\'s 4-hour talks (local time) ended at 3. "Fine."' },
    { label: 'an ATX heading', line: '# not a heading', md: '\\# not a heading' },
    { label: 'a heading closer inside a line', line: 'C #', md: 'C \\#' },
    { label: 'a bullet *', line: '* item', md: '\\* item' },
    { label: 'a bullet -', line: '- item', md: '\\- item' },
    { label: 'a bullet +', line: '+ item', md: '\\+ item' },
    { label: 'a thematic break', line: '---', md: '\\---' },
    { label: 'a setext underline', line: '===', md: '\\===' },
    { label: 'an ordered list item 1.', line: '1. item', md: '1\\. item' },
    { label: 'an ordered list item 12)', line: '12) item', md: '12\\) item' },
    { label: 'a block quote', line: '> quoted', md: '\\> quoted' },
    { label: 'indented code (leading spaces dropped)', line: '    code', md: 'code' },
    { label: 'raw HTML', line: '<script>alert(1)</script>', md: '\\<script\\>alert(1)\\</script\\>' },
    { label: 'an autolink', line: '<http://example.com>', md: '\\<http://example.com\\>' },
    { label: 'a link', line: '[click](http://example.com)', md: '\\[click\\](http://example.com)' },
    { label: 'an image', line: '![x](y.png)', md: '!\\[x\\](y.png)' },
    { label: 'a code span and a fence', line: '```js `x`', md: '\\`\\`\\`js \\`x\\`' },
    { label: 'emphasis * and _', line: '*a* _b_ __c__', md: '\\*a\\* \\_b\\_ \\_\\_c\\_\\_' },
    { label: 'an entity reference', line: '&amp; &#60;', md: '\\&amp; \\&\\#60;' },
    { label: 'a backslash', line: 'a\\b', md: 'a\\\\b' },
    { label: 'GFM table pipe and strikethrough', line: 'a | b ~~c~~', md: 'a \\| b \\~\\~c\\~\\~' },
    { label: 'Hangul and emoji', line: '조태열 👍🏽', md: '조태열 👍🏽' },
  ];
  it.each(rows)('$label', ({ line, md }) => {
    expect(escapeMarkdownLine(line)).toBe(md);
  });
});

describe('writeCorrectedMarkdown', () => {
  it('renders the corpus article: # headline, italic standfirst, paragraphs, the caption as an italic quote', () => {
    const md = writeCorrectedMarkdown(corpusArticle());
    const blocks = md.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(11);
    expect(blocks[0]).toBe('# Cho Tae-yul Criticizes Forced Repatriation of Defectors: "Please Send Them Where They Want"');
    expect(blocks[1]).toBe('*Cho Raises Issues at Meeting with Chinese Foreign Minister*');
    expect(blocks[2]?.startsWith('Cho Tae-yul, Minister of Foreign Affairs, who visited China')).toBe(true);
    expect(blocks[4]).toMatch(/^> \*Cho Tae-yul Criticizes .* Diaoyutai State Guesthouse in Beijing, China\.\*\\\n> \*\\\[Photo by Ministry of Foreign Affairs\\\]\*$/);
    expect(md).not.toMatch(/Text Size|All rights reserved/);
    expect(md.endsWith('.\n')).toBe(true);
  });

  const rows = [
    { label: 'an article with only a headline', article: headlineOnlyArticle(), md: '# Cho Tae-yul Meets Wang Yi\n' },
    { label: 'an article of page chrome only', article: chromeOnlyArticle(), md: '' },
    {
      label: 'a headline on two lines is one heading line',
      article: articleOf([segment(0, 'headline', 'Cho Tae-yul\nMeets Wang Yi')]),
      md: '# Cho Tae-yul Meets Wang Yi\n',
    },
    {
      label: 'line breaks inside a segment are hard breaks; blank lines inside it are dropped',
      article: articleOf([segment(0, 'standfirst', 'One\n\nTwo'), segment(1, 'body', 'Three\nFour')]),
      md: '*One*\\\n*Two*\n\nThree\\\nFour\n',
    },
    {
      label: 'an emptied segment is left out',
      article: articleOf([segment(0, 'headline', 'Head'), segment(1, 'body', 'Gone', { edit: '', ...SAVE })]),
      md: '# Head\n',
    },
  ];
  it.each(rows)('$label', ({ article, md }) => {
    expect(writeCorrectedMarkdown(article)).toBe(md);
  });

  it('escapes the hostile article: no line starts a block, no markup survives unescaped', () => {
    const md = writeCorrectedMarkdown(hostileArticle());
    expect(md).toContain('# \\<script\\>alert("y")\\</script\\> \\& \'quotes\' \\]\\]\\> end\n');
    expect(md).toContain('\\# not a heading\\\n\\* not a list\\\n1\\. not a list either\\\n\\+ nor this\\\n\\---\\\nnot code\\\n');
    expect(md).toContain('> *A photo \\*of\\* something*\\\n> *\\[Photo by \\<Agency\\> \\& Co\\]*\n');
    // Every markup character in the output is either ours or escaped.
    const ours = /^(# |> \*|\*)|\*\\$|\*$|\\$/gm;
    expect(md.replace(ours, '').replace(/\\[\\`*_[\]<>&#|~+\-=.)]/g, '')).not.toMatch(/[`*_[\]<>&#|~]/);
  });
});
