import { describe, expect, it } from 'vitest';
import {
  cleanText,
  exportedSegments,
  writeXliff12,
  writeXliff2,
  xliff12State,
  xliff2State,
  type EditStatus,
} from '../../../src/formats/article/index.js';
import { writeTmx } from '../../../src/formats/article/index.js';
import { validateTmx, validateXliff12, validateXliff2 } from '../schema-validators.js';
import { corpusArticle, hostileArticle, koreanArticle, META } from './fixtures.js';
import { xpathText, xpathTexts } from './xml-query.js';

describe('segment states', () => {
  const rows: { label: string; article: string; status: EditStatus; xliff2: string; xliff12: string }[] = [
    { label: 'an edited segment of an article in review', article: 'in-review', status: 'edited', xliff2: 'reviewed', xliff12: 'signed-off' },
    { label: 'a segment saved unchanged (confirmed)', article: 'in-review', status: 'confirmed', xliff2: 'reviewed', xliff12: 'signed-off' },
    { label: 'MT nobody has reviewed', article: 'in-review', status: 'unchanged', xliff2: 'translated', xliff12: 'translated' },
    { label: 'MT of an article not started', article: 'not-started', status: 'unchanged', xliff2: 'translated', xliff12: 'translated' },
    { label: 'any segment of an article marked done', article: 'done', status: 'unchanged', xliff2: 'final', xliff12: 'final' },
    { label: 'an edited segment of an article marked done', article: 'done', status: 'edited', xliff2: 'final', xliff12: 'final' },
  ];
  it.each(rows)('$label: XLIFF 2 $xliff2, XLIFF 1.2 $xliff12', ({ article, status, xliff2, xliff12 }) => {
    expect({ xliff2: xliff2State(article, status), xliff12: xliff12State(article, status) }).toEqual({ xliff2, xliff12 });
  });

  const open: typeof rows = [
    { label: 'an edited segment with an error flag still open', article: 'in-review', status: 'edited', xliff2: 'translated', xliff12: 'needs-review-translation' },
    { label: 'a confirmed segment with an error flag still open', article: 'in-review', status: 'confirmed', xliff2: 'translated', xliff12: 'needs-review-translation' },
    { label: 'MT nobody has reviewed, with an error flag open', article: 'in-review', status: 'unchanged', xliff2: 'translated', xliff12: 'translated' },
    { label: 'a segment with an open error in an article the editor marked done', article: 'done', status: 'edited', xliff2: 'final', xliff12: 'final' },
  ];
  it.each(open)('$label: XLIFF 2 $xliff2, XLIFF 1.2 $xliff12', ({ article, status, xliff2, xliff12 }) => {
    expect({ xliff2: xliff2State(article, status, true), xliff12: xliff12State(article, status, true) }).toEqual({ xliff2, xliff12 });
  });
});

describe('a segment where an error flag is still open (issue 13, bug 9)', () => {
  // The corpus article with paragraph 6 saved unchanged (confirmed) and paragraph 4 edited, each with an open error flag.
  const base = corpusArticle();
  const article = { ...base, segments: base.segments.map((s) => (s.position === 6 || s.position === 4 ? { ...s, openErrors: 1 } : s)) };

  it('is never exported as reviewed, approved or signed off, and the files stay valid', () => {
    const x2 = writeXliff2(article, META);
    expect(xpathText(x2, '//x:segment[@id="s6"]/@state')).toBe('translated');
    expect(xpathText(x2, '//x:segment[@id="s6"]/@subState')).toBe('copydesk:open-errors');
    expect(xpathText(x2, '//x:segment[@id="s4"]/@state')).toBe('translated');
    expect(xpathText(x2, '//x:segment[@id="s5"]/@state')).toBe('reviewed'); // no open error: as before
    expect(validateXliff2(x2)).toEqual([]);
    const x12 = writeXliff12(article, META);
    expect(xpathText(x12, '//x12:trans-unit[@id="s6"]/x12:target/@state')).toBe('needs-review-translation');
    expect(xpathTexts(x12, '//x12:trans-unit[@id="s6"]/@approved')).toEqual([]);
    expect(xpathText(x12, '//x12:trans-unit[@id="s5"]/@approved')).toBe('yes');
    expect(validateXliff12(x12)).toEqual([]);
    // A translation memory takes only reviewed pairs: not these two.
    const tmx = writeTmx(article, META);
    const plain = writeTmx(base, META);
    expect((tmx.match(/<tu[ >]/g) ?? []).length).toBe((plain.match(/<tu[ >]/g) ?? []).length - 2);
    expect(validateTmx(tmx)).toEqual([]);
  });
});

describe('writeXliff2 with the Korean source (ko -> en, MT as mtc:match)', () => {
  const article = koreanArticle();
  const xml = writeXliff2(article, { ...META, mtEngine: 'Papago' });
  const content = exportedSegments(article);

  it('is a ko -> en XLIFF 2.1 file with one unit per content segment, page chrome left out', () => {
    expect(xpathTexts(xml, '/x:xliff/@version | /x:xliff/@srcLang | /x:xliff/@trgLang')).toEqual(['2.1', 'ko', 'en']);
    expect(xpathTexts(xml, '//x:unit/@id')).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
    expect(xpathTexts(xml, '//x:unit/@type')).toEqual(['copydesk:headline', 'copydesk:body', 'copydesk:body', 'copydesk:caption', 'copydesk:body']);
    expect(xml).not.toMatch(/본문 바로가기|All rights reserved/);
  });

  it('has the Korean as source, the post-edit as target, and a state per segment', () => {
    expect(xpathTexts(xml, '//x:segment/x:source')).toEqual(content.map((s) => s.source));
    expect(xpathTexts(xml, '//x:segment/x:target')).toEqual(content.map((s) => s.edit));
    expect(xpathTexts(xml, '//x:segment/@state')).toEqual(['final', 'final', 'final', 'final', 'final']);
    expect(xpathTexts(xml, '//x:segment/@subState')).toEqual(['copydesk:edited', 'copydesk:edited', 'copydesk:confirmed', 'copydesk:edited', 'copydesk:unchanged']);
  });

  it('carries the MT as an mtc:match of type mt pointing at its own segment', () => {
    for (const s of content) {
      const unit = `//x:unit[@id="u${s.position}"]`;
      expect(xpathText(xml, `${unit}/mtc:matches/mtc:match/@ref`)).toBe(`#${xpathText(xml, `${unit}/x:segment/@id`)}`);
      expect(xpathText(xml, `${unit}/mtc:matches/mtc:match/@type`)).toBe('mt');
      expect(xpathText(xml, `${unit}/mtc:matches/mtc:match/@origin`)).toBe('Papago');
      expect(xpathText(xml, `${unit}/mtc:matches/mtc:match/x:source`)).toBe(s.source);
      expect(xpathText(xml, `${unit}/mtc:matches/mtc:match/x:target`)).toBe(s.mt);
    }
  });

  it('notes each correction, and no monolingual note', () => {
    expect(xpathTexts(xml, '//x:unit[@id="u1"]/x:notes/x:note[@category="correction"]')).toEqual(['"Tae-yeol" -> "Tae-yul"']);
    expect(xpathTexts(xml, '//x:unit[@id="u3"]/x:notes')).toEqual([]);
    expect(xpathTexts(xml, '/x:xliff/x:file/x:notes')).toEqual([]);
  });

  it('leaves out the origin when the MT engine is unknown', () => {
    expect(xpathTexts(writeXliff2(article, META), '//mtc:match/@origin')).toEqual([]);
  });
});

describe('writeXliff2 without the Korean source (monolingual)', () => {
  const article = corpusArticle();
  const xml = writeXliff2(article, META);
  const content = exportedSegments(article);

  it('is en -> en with source = MT and target = post-edit, and says so in a note', () => {
    expect(xpathTexts(xml, '/x:xliff/@srcLang | /x:xliff/@trgLang')).toEqual(['en', 'en']);
    expect(xpathText(xml, '/x:xliff/x:file/x:notes/x:note')).toMatch(/^Monolingual post-edit file: .*source is the machine translation .*target is the editor's post-edited English\.$/);
    expect(xpathTexts(xml, '//x:segment/x:source')).toEqual(content.map((s) => s.mt));
    expect(xpathTexts(xml, '//x:segment/x:target')).toEqual(content.map((s) => s.edit));
    expect(xpathTexts(xml, '//mtc:match')).toEqual([]);
    expect(xml).not.toContain('xmlns:mtc');
  });

  it('has the 11 content segments with unique ids, the editors\' corrections, and the review states', () => {
    const ids = xpathTexts(xml, '//x:unit/@id');
    expect(ids).toEqual(['u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'u10', 'u11', 'u12', 'u13', 'u14']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(xpathTexts(xml, '//x:unit[@id="u4"]//x:note')).toEqual(['"Tae-yeol" -> "Tae-yul"']);
    expect(xpathTexts(xml, '//x:unit[@id="u5"]//x:note')).toEqual(['"King" -> "Cho"']);
    expect(xpathTexts(xml, '//x:unit[@id="u8"]//x:note')).toEqual(['"Tae-yeol" -> "Tae-yul"', '"Tae-yeol" -> "Tae-yul"']);
    expect(xpathTexts(xml, '//x:segment/@state')).toEqual(['reviewed', 'reviewed', 'reviewed', 'translated', 'reviewed', ...Array(6).fill('translated')]);
  });

  it('keeps a known Korean source in a note when not every segment has one', () => {
    const hostile = writeXliff2(hostileArticle(), META);
    expect(xpathText(hostile, '/x:xliff/x:file/x:notes/x:note')).toMatch(/Where the Korean source is known, it is in a note of category "source"\.$/);
    expect(xpathTexts(hostile, '//x:note[@category="source"]')).toEqual(['줄\u2028바꿈']);
  });
});

describe('writeXliff2 and writeXliff12 with hostile text', () => {
  const article = hostileArticle();
  const cases = [
    { label: 'XLIFF 2', xml: writeXliff2(article, META), targets: '//x:segment/x:target', sources: '//x:segment/x:source' },
    { label: 'XLIFF 1.2', xml: writeXliff12(article, META), targets: '//x12:trans-unit/x12:target', sources: '//x12:trans-unit/x12:source' },
  ];
  it.each(cases)('$label reads back as the cleaned text: markup, ]]>, controls, surrogates, emoji', ({ xml, targets, sources }) => {
    const content = exportedSegments(article);
    expect(xpathTexts(xml, targets)).toEqual(content.map((s) => cleanText(s.edit)));
    expect(xpathTexts(xml, sources)).toEqual(content.map((s) => cleanText(s.mt)));
    expect(xpathTexts(xml, targets)[0]).toBe('<script>alert("y")</script> & \'quotes\' ]]> end');
    expect(xpathTexts(xml, targets)[1]).toBe('Control\ufffdchars\ufffdand a lone\ufffdhalf, 👍🏽 🇰🇷 조태열');
    expect(xpathTexts(xml, targets)[3]).toBe('');
  });
});

describe('writeXliff12', () => {
  it('with the Korean source: ko -> en, the post-edit signed off, the MT an alt-trans proposal', () => {
    const article = koreanArticle();
    const xml = writeXliff12(article, { ...META, mtEngine: 'Papago' });
    const content = exportedSegments(article);
    const file = '/x12:xliff/x12:file';
    expect(xpathTexts(xml, `${file}/@source-language | ${file}/@target-language | ${file}/@datatype | ${file}/@tool-id | ${file}/@date`))
      .toEqual(['ko', 'en', 'plaintext', 'copydesk', '2026-11-29T10:00:00Z']);
    expect(xpathTexts(xml, `${file}/x12:header/x12:tool/@tool-version`)).toEqual(['0.1.0']);
    expect(xpathTexts(xml, '//x12:trans-unit/@id')).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(xpathTexts(xml, '//x12:trans-unit/@approved')).toEqual(['yes', 'yes', 'yes', 'yes', 'yes']);
    expect(xpathTexts(xml, '//x12:trans-unit/x12:source')).toEqual(content.map((s) => s.source));
    expect(xpathTexts(xml, '//x12:alt-trans/@origin')).toEqual(Array(5).fill('Papago'));
    expect(xpathTexts(xml, '//x12:alt-trans/@alttranstype')).toEqual(Array(5).fill('proposal'));
    expect(xpathTexts(xml, '//x12:alt-trans/x12:target')).toEqual(content.map((s) => s.mt));
    expect(xpathTexts(xml, '//x12:alt-trans/x12:target/@state-qualifier')).toEqual(Array(5).fill('mt-suggestion'));
    expect(xpathTexts(xml, '//x12:trans-unit[@id="s1"]/x12:note')).toEqual(['Correction: "Tae-yeol" -> "Tae-yul"']);
    expect(xpathTexts(writeXliff12(article, META), '//x12:alt-trans/@origin')).toEqual(Array(5).fill('MT'));
  });

  it('without it: en -> en, source = MT, no alt-trans, a header note; unreviewed MT marked leveraged-mt', () => {
    const xml = writeXliff12(corpusArticle(), META);
    expect(xpathTexts(xml, '/x12:xliff/x12:file/@source-language | /x12:xliff/x12:file/@target-language')).toEqual(['en', 'en']);
    expect(xpathText(xml, '//x12:header/x12:note')).toMatch(/^Monolingual post-edit file: /);
    expect(xpathTexts(xml, '//x12:alt-trans')).toEqual([]);
    expect(xpathTexts(xml, '//x12:trans-unit[@id="s5"]/x12:source')).toEqual(['King Raises Issues at Meeting with Chinese Foreign Minister']);
    expect(xpathTexts(xml, '//x12:trans-unit[@id="s5"]/x12:target')).toEqual(['Cho Raises Issues at Meeting with Chinese Foreign Minister']);
    expect(xpathTexts(xml, '//x12:trans-unit[@id="s5"]/x12:target/@state')).toEqual(['signed-off']);
    expect(xpathTexts(xml, '//x12:trans-unit[@id="s7"]/x12:target/@state | //x12:trans-unit[@id="s7"]/x12:target/@state-qualifier')).toEqual(['translated', 'leveraged-mt']);
    expect(xpathTexts(xml, '//x12:trans-unit[@id="s7"]/@approved')).toEqual([]);
    expect(xpathTexts(xml, '//x12:trans-unit/@restype')).toEqual(['x-headline', 'x-standfirst', 'x-body', 'x-body', 'x-caption', ...Array(6).fill('x-body')]);
  });

  it('keeps a known Korean source in a note with xml:lang ko when not every segment has one', () => {
    const xml = writeXliff12(hostileArticle(), META);
    expect(xpathTexts(xml, '//x12:note[@xml:lang="ko"]')).toEqual(['줄\u2028바꿈']);
    expect(xpathText(xml, '//x12:header/x12:note')).toMatch(/in a note with xml:lang "ko"\.$/);
  });
});

describe('an ampersand in any form survives every XML export (xmlbuilder2 leaves "&name;" unescaped: see xml.ts)', () => {
  const texts = [
    { label: 'a plain ampersand', text: 'AT&T and P&G' },
    { label: 'text that is an entity reference', text: 'Tom &amp; Jerry &lt;b&gt;' },
    { label: 'an undefined entity', text: 'a &nbsp; b &foo;' },
    { label: 'character references, one to a character XML forbids', text: '&#60; &#x41; &#0;' },
    { label: 'an ampersand and a semicolon later', text: 'Hello & world today; or tomorrow' },
  ];
  const writers = [
    { format: 'XLIFF 2', write: writeXliff2, target: '//x:segment/x:target', note: '//x:note' },
    { format: 'XLIFF 1.2', write: writeXliff12, target: '//x12:trans-unit/x12:target', note: '//x12:trans-unit/x12:note' },
  ];
  const rows = texts.flatMap((t) => writers.map((w) => ({ ...t, ...w, label: `${w.format}: ${t.label}` })));
  it.each(rows)('$label', ({ text, write, target, note }) => {
    const article = { ...koreanArticle(), sourceName: text };
    const seg = { ...exportedSegments(article)[0]!, edit: text, corrections: [{ mtText: 'x', editText: text }] };
    const xml = write({ ...article, segments: [seg] }, { ...META, mtEngine: text });
    expect(xpathTexts(xml, target)).toEqual([text]);
    expect(xpathTexts(xml, note).at(-1)).toContain(`"${text}"`);
    expect(xpathTexts(xml, '//@original')).toEqual([text]);
    expect(xpathTexts(xml, '//@origin')).toEqual([text]);
  });
});
