import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveArticleCorrections } from '../../../src/core/checks/article-corrections.js';
import { nameVariant } from '../../../src/core/checks/name-variant.js';
import { buildCheckContext, type RunChecksInput } from '../../../src/core/checks/run-checks.js';
import type { ArticleView, Flag } from '../../../src/core/checks/types.js';
import { spansOf } from '../../../src/core/checks/flag-spans.js';
import { articleFrom, rawArticle } from '../names/article-from.js';

const CORPUS_FILE = new URL('../../../corpus/cho-tae-yul-beijing-forced-repatriation.txt', import.meta.url);
const DEV_SET = new URL('../../fixtures/dev-set/', import.meta.url);

function run(article: ArticleView, input: RunChecksInput = {}): Flag[] {
  return nameVariant.run(article, buildCheckContext(article, input));
}

/** Flags as `segment:"text" + segment:"text" severity -> suggestion` (every span, in order), the way the rows state them. */
function compact(flags: readonly Flag[]): string[] {
  return flags.map((f) => `${spansOf(f).map((s) => `${s.segment}:${JSON.stringify(s.text)}`).join(' + ')} ${f.severity}${f.suggestions.length > 0 ? ` -> ${f.suggestions.join(' | ')}` : ''}`);
}

describe('name-variant', () => {
  const rows: { label: string; raw: string; flags: string[] }[] = [
    { label: 'empty article', raw: '', flags: [] },
    { label: 'clean article: one spelling throughout', raw: rawArticle('Cho Tae-yul Visits Beijing', 'Minister Cho Tae-yul met Wang Yi. Minister Cho said so.'), flags: [] },
    {
      label: 'looks suspicious but is fine: two people who share a surname (Kim Jong-un, Kim Jong-nam)',
      raw: rawArticle('Kim Jong-un Mourns', 'Kim Jong-un did not mention Kim Jong-nam. Kim Jong-un left.'),
      flags: [],
    },
    { label: 'looks suspicious but is fine: Park Geun-hye and Park Chung-hee', raw: rawArticle('Headline', 'Park Geun-hye, daughter of Park Chung-hee, spoke.'), flags: [] },
    { label: 'looks suspicious but is fine: Ahn Cheol-soo and Ahn Jung-geun', raw: rawArticle('Headline', 'Ahn Cheol-soo visited the Ahn Jung-geun Memorial Hall.'), flags: [] },
    { label: 'looks suspicious but is fine: the king of Thailand, one of the officials, 677.4 trillion won', raw: rawArticle('Headline', 'The king of Thailand met one of the officials about 677.4 trillion won.'), flags: [] },
    {
      label: 'two spellings: one flag for the person, spanning every place of the other spelling (issue 12)',
      raw: rawArticle('Cho Tae-yeol Visits Beijing', 'Cho Tae-yul met officials. Minister Cho Tae-yul said so.'),
      flags: ['0:"Cho Tae-yeol" warning -> Cho Tae-yul'],
    },
    {
      label: 'given name first, joined and ALL-CAPS spellings are variants too',
      raw: rawArticle('Headline', 'Ahn Cheol-soo spoke. Cheol-soo Ahn left. AHN Cheolsoo returned. Ahn Cheol-soo waved.'),
      flags: ['1:"Cheol-soo Ahn" + 1:"AHN Cheolsoo" warning -> Ahn Cheol-soo'],
    },
    {
      label: 'a possessive is not part of the flagged text',
      raw: rawArticle('Headline', "Kim Keon-hee's lawyer spoke. Kim Keon-hee left. Kim Kun-hee stayed."),
      flags: ['1:"Kim Kun-hee" warning -> Kim Keon-hee'],
    },
    {
      label: 'Chinese names carried over by MT',
      raw: rawArticle('Headline', 'Xi Jinping spoke. Xi Jin-ping left. Xi Jinping returned.'),
      flags: ['1:"Xi Jin-ping" warning -> Xi Jinping'],
    },
  ];
  it.each(rows)('$label', ({ raw, flags }) => {
    expect(compact(run(articleFrom(raw)))).toEqual(flags);
  });

  it('regression, the corpus article (cho-tae-yul-beijing-forced-repatriation): the issue\'s JSON example', () => {
    const flags = run(articleFrom(readFileSync(CORPUS_FILE, 'utf8')));
    // Issue 12: was three warnings and two infos (five flags) for one person.
    expect(compact(flags)).toEqual(['4:"Cho Tae-yeol" + 8:"Cho Tae-yeol" + 8:"Cho Tae-yeol" warning -> Cho Tae-yul']);
    expect(flags[0]).toEqual({
      check: 'name-variant',
      severity: 'warning',
      segment: 4,
      start: 0,
      end: 12,
      text: 'Cho Tae-yeol',
      message: 'Cho Tae-yeol (headline, caption ×2) is spelled Cho Tae-yul in 2 places (body ×2); use Cho Tae-yul, the spelling the body paragraphs use most.',
      suggestions: ['Cho Tae-yul'],
      fingerprint: 'name-variant:cho-tae-yul',
      group: 'cho-tae-yul',
      variants: ['Cho Tae-yul', 'Cho Tae-yeol'],
      spans: [
        { segment: 4, start: 0, end: 12, text: 'Cho Tae-yeol' },
        { segment: 8, start: 0, end: 12, text: 'Cho Tae-yeol' },
        { segment: 8, start: 110, end: 122, text: 'Cho Tae-yeol' },
      ],
    });
  });

  it('issue 12: three spellings of one person across segments are one flag with every span, whatever the order', () => {
    const raw = rawArticle('Cho Tae-yeol Visits Beijing', 'Cho Tae-yul met Wang Yi.\n\nMinister Cho Tae-yol said so. Cho Tae-yul left.\n\nCho Tae-yeol waved.');
    const flags = run(articleFrom(raw));
    expect(compact(flags)).toEqual(['0:"Cho Tae-yeol" + 2:"Cho Tae-yol" + 3:"Cho Tae-yeol" warning -> Cho Tae-yul']);
    expect(flags[0]?.variants).toEqual(['Cho Tae-yul', 'Cho Tae-yeol', 'Cho Tae-yol']);
    expect(flags[0]?.message).toBe('Cho Tae-yeol (headline, body) and Cho Tae-yol (body) are one person, who is spelled Cho Tae-yul in 2 places (body ×2); use Cho Tae-yul, the spelling the body paragraphs use most.');
  });

  it('regression, d02 (party leader): three spellings in one group, preferred first', () => {
    const flags = run(articleFrom(readFileSync(new URL('d02-party-leader.txt', DEV_SET), 'utf8')));
    expect(flags.map((f) => f.group)).toEqual(['cho-kuk']);
    expect(flags[0]?.variants).toEqual(['Cho Kuk', 'Jo Guk', 'Cho Kook']);
    expect(flags[0]?.message).toBe(
      'Jo Guk (body) and Cho Kook (body) are one person, who is spelled Cho Kuk in 1 place (body); use Cho Kuk, the spelling the body paragraphs use most.',
    );
  });

  it("suggests the spelling the editor corrected to, and says so", () => {
    const article = articleFrom(rawArticle('Cho Tae-yeol Visits Beijing', 'Cho Tae-yeol met officials. Cho Tae-yeol said.'));
    const edited = { ...article, segments: article.segments.map((s) => (s.index === 0 ? { ...s, edit: 'Cho Tae-yul Visits Beijing' } : s)) };
    const flags = run(edited, { corrections: deriveArticleCorrections(edited) });
    expect(compact(flags)).toEqual(['1:"Cho Tae-yeol" + 1:"Cho Tae-yeol" warning -> Cho Tae-yul']);
    expect(flags[0]?.message).toBe('Cho Tae-yeol (body ×2) is spelled Cho Tae-yul in 1 place (headline); use Cho Tae-yul, the spelling already corrected to.');
  });

  it('keeps fingerprints stable when the text around a name changes', () => {
    const before = run(articleFrom(rawArticle('Cho Tae-yeol Visits', 'Cho Tae-yul met officials.')));
    const after = run(articleFrom(rawArticle('Breaking: Cho Tae-yeol Visits Beijing Today', 'On Monday, Cho Tae-yul met officials.')));
    expect(after.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint));
    expect(after.map((f) => f.start)).not.toEqual(before.map((f) => f.start));
  });

  it('keeps the fingerprint when a misspelled place is fixed and others remain (a dismissal still holds)', () => {
    const before = run(articleFrom(rawArticle('Cho Tae-yeol Visits', 'Cho Tae-yul met officials. Cho Tae-yul left. Cho Tae-yeol said.')));
    const after = run(articleFrom(rawArticle('Cho Tae-yul Visits', 'Cho Tae-yul met officials. Cho Tae-yul left. Cho Tae-yeol said.')));
    expect(before.map((f) => f.fingerprint)).toEqual(['name-variant:cho-tae-yul']);
    expect(after.map((f) => f.fingerprint)).toEqual(['name-variant:cho-tae-yul']);
  });

  it('keeps recorded different people apart: no flags', () => {
    const raw = rawArticle('Headline', 'Kim Keon-hee spoke. Kim Kun-hee left.');
    expect(run(articleFrom(raw))).toHaveLength(1);
    expect(run(articleFrom(raw), { distinctPeople: [['Kim Keon-hee', 'Kim Kun-hee']] })).toEqual([]);
  });
});
