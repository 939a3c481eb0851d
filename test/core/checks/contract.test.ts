import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEGMENT_KINDS, type SegmentKind } from '../../../src/core/article/types.js';
import { deriveArticleCorrections } from '../../../src/core/checks/article-corrections.js';
import { ALL_CHECKS, buildCheckMap } from '../../../src/core/checks/index.js';
import { runChecks } from '../../../src/core/checks/run-checks.js';
import type { ArticleView, Check, CorpusCorrection, Flag } from '../../../src/core/checks/types.js';
import { articleOf, corpusArticle } from './check-helpers.js';
import { buildArticleSource } from '../../../src/core/source/build-source.js';

/** Input no check may throw on (STYLE.md, "Tests"): each is put into every position an article offers. */
const AWKWARD: readonly { label: string; text: string }[] = [
  { label: 'empty', text: '' },
  { label: 'whitespace only', text: ' \t\n \u00A0\u2003\r\n ' },
  { label: 'emoji', text: '👨‍👩‍👧 Cho 🇰🇷 Tae-yul 👍🏽 said 🙂 500 🙂' },
  { label: 'right-to-left text', text: 'وزير الخارجية Cho Tae-yul שלום \u202Eevil\u202C ١٢٣ trillion' },
  { label: 'Hangul only', text: '조태열 외교부 장관은 13일 베이징에서 왕이 외교부장과 회담했다.' },
  { label: 'a 100 kB paragraph', text: 'Minister Cho Tae-yeol said 677.4 trillion won, King said. '.repeat(1750) },
  { label: 'mixed scripts', text: 'Cho Tae-yul (조태열, 趙兌烈) met Wang Yi (王毅), Лавров and 岸田 in Beijing; 4.70 trillion won.' },
  { label: 'lone surrogates', text: 'Cho \uD800 Tae-yul \uDC00 said \uDBFF' },
  { label: 'NUL characters', text: 'Cho\u0000Tae-yul\u0000 said 500\u0000 won \u0000' },
  { label: 'combining marks and joiners', text: 'Cafe\u0301 Cho\u200DTae-yul e\u0301\u0301\u0301 Kim\u200C' },
  { label: 'numbers only', text: '1,000,000,000,000,000,000.000001 9.99e99 1.2.3.4 ٣٤٥ 0.0 00000' },
  { label: 'quotes, brackets and regex syntax', text: '"“‘\'[]() «» .*+?^${}|\\ (?<x>' },
];

/** Returns articles putting `text` everywhere: every kind unedited, as the MT of an edit, as the edit of an MT, and repeated. */
function articlesFor(text: string): ArticleView[] {
  const kinds = SEGMENT_KINDS as readonly SegmentKind[];
  const plain = corpusArticle();
  return [
    articleOf(kinds.map((kind) => ({ kind, mt: text }))),
    articleOf(kinds.map((kind) => ({ kind, mt: text, edit: 'Cho Tae-yul Raises Issues at Meeting with Chinese Foreign Minister' }))),
    articleOf(kinds.map((kind) => ({ kind, mt: 'King Raises Issues at Meeting with Chinese Foreign Minister 500', edit: text }))),
    articleOf([{ kind: 'headline', mt: text }, { kind: 'caption', mt: `${text} ${text}` }, { mt: text, edit: `${text}!` }]),
    { ...plain, segments: plain.segments.map((s) => (s.index === 4 ? { ...s, edit: text } : s.index === 8 ? { ...s, mt: `${text} ${s.mt}` } : s)) },
  ];
}

/** Returns the articles of articlesFor with `text` as their Korean original too, and awkward text in place of a real one (issue 12). */
function articlesWithSourceFor(text: string): ArticleView[] {
  const ko = '조태열 "북송 중단해야"\n\n조태열 외교부 장관은 1조 2천억 원을 말했다.\n\n한 총리도 3억5천만 달러를 언급했다.';
  return articlesFor(text).flatMap((article) => {
    const mt = article.segments.map((s) => ({ position: s.index, kind: s.kind, text: s.mt }));
    return [
      { ...article, source: buildArticleSource(text, mt) },
      { ...article, source: buildArticleSource(`${ko}\n\n${text}`, mt) },
    ];
  });
}

/** Returns corpus corrections made of awkward text too. */
function corpusFor(text: string): CorpusCorrection[] {
  const articles = [{ key: 'other', title: text }];
  return [
    { mtText: text, editText: 'Cho', count: 1, articles },
    { mtText: 'King', editText: text, count: 1, articles },
    { mtText: '', editText: text, count: 1, articles },
    { mtText: text.slice(0, 40), editText: text.slice(-40), count: 2, articles: [...articles, { key: 'x', title: '' }] },
  ];
}

/** Returns what is wrong with a flag of `article`, or [] when it keeps the Flag contract. */
function contractBreaches(article: ArticleView, flag: Flag): string[] {
  const segment = article.segments.find((s) => s.index === flag.segment);
  const breaches: string[] = [];
  if (segment === undefined) breaches.push(`segment ${flag.segment} does not exist`);
  else if (segment.edit.slice(flag.start, flag.end) !== flag.text) breaches.push(`edit.slice(${flag.start}, ${flag.end}) !== ${JSON.stringify(flag.text.slice(0, 40))}`);
  if (!(flag.start >= 0 && flag.start <= flag.end)) breaches.push(`bad span ${flag.start}-${flag.end}`);
  if (!['error', 'warning', 'info'].includes(flag.severity)) breaches.push(`bad severity ${flag.severity}`);
  if (flag.fingerprint === '') breaches.push('empty fingerprint');
  if (!ALL_CHECKS.some((c) => c.id === flag.check)) breaches.push(`unknown check ${flag.check}`);
  if (flag.message.trim() === '') breaches.push('empty message');
  return breaches.map((b) => `${flag.check}: ${b}`);
}

/** Runs every check and returns the contract breaches of their flags. */
function breachesOf(article: ArticleView, corpusCorrections: readonly CorpusCorrection[] = []): string[] {
  const flags = runChecks(article, { corrections: deriveArticleCorrections(article), corpusCorrections });
  return flags.flatMap((f) => contractBreaches(article, f));
}

describe('every check in ALL_CHECKS', () => {
  it.each(AWKWARD)('never throws and keeps the flag contract on $label', ({ text }) => {
    for (const article of articlesFor(text)) {
      expect(breachesOf(article, corpusFor(text))).toEqual([]);
    }
  });

  it.each(AWKWARD)('never throws and keeps the flag contract with $label in or as the Korean source', ({ text }) => {
    for (const article of articlesWithSourceFor(text)) {
      expect(breachesOf(article)).toEqual([]);
    }
  });

  it('never throws and keeps the flag contract on arbitrary text (property)', () => {
    const segment = fc.record({
      kind: fc.constantFrom(...(SEGMENT_KINDS as SegmentKind[])),
      mt: fc.string({ unit: 'binary', maxLength: 60 }),
      edit: fc.option(fc.string({ unit: 'binary', maxLength: 60 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), fc.string({ maxLength: 12 }), (rows, phrase) => {
        const article = articleOf(rows);
        expect(breachesOf(article, corpusFor(phrase))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('reports nothing on an empty article', () => {
    expect(runChecks(articleOf([]))).toEqual([]);
  });
});

describe('the registry', () => {
  it('has unique kebab-case ids and a name, a one-sentence description and a severity for every check', () => {
    const ids = ALL_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of ALL_CHECKS) {
      expect(check.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(check.name.trim()).not.toBe('');
      expect(check.description.trim()).toMatch(/\S.*[.)]$/);
      expect(['error', 'warning', 'info']).toContain(check.severity);
    }
  });

  it('holds the seven checks of issue 3, the glossary check of issue 4, and the headline-subject and three Korean-source checks of issue 12', () => {
    expect(ALL_CHECKS.map((c) => c.id).sort()).toEqual([
      'correction-conflict', 'correction-not-carried', 'duplicate-segment', 'glossary-term', 'headline-subject', 'name-variant', 'number-changed',
      'source-name', 'source-number', 'source-omitted', 'surname-homograph', 'untranslated',
    ]);
  });

  it('buildCheckMap maps ids to checks and throws on a repeated id', () => {
    const map = buildCheckMap(ALL_CHECKS);
    expect(map.get('untranslated')?.name).toBe('Untranslated Korean');
    const twin: Check = { ...(ALL_CHECKS[0] as Check) };
    expect(() => buildCheckMap([...ALL_CHECKS, twin])).toThrow(/share the id/);
  });
});
