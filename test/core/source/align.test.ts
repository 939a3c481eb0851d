import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/core/article/parse-article.js';
import { alignSegments, sameValue } from '../../../src/core/source/align.js';
import { buildArticleSource } from '../../../src/core/source/build-source.js';

const FIXTURES = new URL('../../fixtures/korean-source/', import.meta.url);

/** The MT of a fixture pair as the aligner reads it. */
function mtOf(name: string) {
  return parseArticle(readFileSync(new URL(`${name}.txt`, FIXTURES), 'utf8')).segments.map((s, position) => ({ position, kind: s.kind, text: s.text }));
}

function sourceOf(name: string) {
  return buildArticleSource(readFileSync(new URL(`${name}.ko.txt`, FIXTURES), 'utf8'), mtOf(name));
}

describe('alignSegments', () => {
  it('pairs the headline with the headline and leaves an omitted paragraph alone (cho-beijing)', () => {
    expect(sourceOf('cho-beijing').segments.map((s) => s.aligned)).toEqual([[0], [1], [], [2], [3]]);
  });

  it('pairs one to one when nothing is missing (samsung-texas)', () => {
    expect(sourceOf('samsung-texas').segments.map((s) => s.aligned)).toEqual([[0], [1], [2], [3]]);
  });

  it('pairs a source paragraph the MT split in two with both halves (budget-clean)', () => {
    expect(sourceOf('budget-clean').segments.map((s) => s.aligned)).toEqual([[0], [1, 2], [3], [4], [5]]);
  });

  it('uses numbers and names as anchors where lengths alone cannot tell', () => {
    const source = [
      { position: 0, kind: 'headline' as const, text: '외교부, 중국과 회담' },
      { position: 1, kind: 'body' as const, text: '정부는 올해 대중국 수출이 지난해보다 3억5천만 달러 늘어날 것으로 내다봤다고 밝혔다.' },
      { position: 2, kind: 'body' as const, text: '조태열 외교부 장관은 이날 베이징에서 중국 측 인사들과 만나 회담을 가졌다고 밝혔다.' },
    ];
    const mt = [
      { position: 0, kind: 'headline' as const, text: 'Foreign Ministry Holds Talks With China' },
      { position: 1, kind: 'body' as const, text: 'Foreign Minister Cho Tae-yul said he met Chinese officials in Beijing that day and held talks with them.' },
    ];
    // The two source paragraphs are the same length; the name says which one the MT paragraph translates.
    expect(alignSegments(source, mt)).toEqual([[0], [], [1]]);
    const swapped = [source[0], source[2], source[1]].map((s, position) => ({ ...s!, position }));
    expect(alignSegments(swapped, mt)).toEqual([[0], [1], []]);
  });

  it('skips page chrome on both sides and returns positions in the article', () => {
    const source = [{ position: 0, kind: 'headline' as const, text: '제목입니다' }, { position: 1, kind: 'body' as const, text: '본문 첫 문단입니다.' }];
    const mt = [
      { position: 0, kind: 'boilerplate' as const, text: 'Skip to content' },
      { position: 1, kind: 'headline' as const, text: 'This is the title' },
      { position: 2, kind: 'body' as const, text: 'This is the first paragraph of the body.' },
    ];
    expect(alignSegments(source, mt)).toEqual([[1], [2]]);
  });

  it('finds three paragraphs the MT left out of a long article (120 source paragraphs, 147 MT segments)', () => {
    const koBody = readFileSync(new URL('budget-clean.ko.txt', FIXTURES), 'utf8').split('\n\n').slice(1);
    const mtBody = readFileSync(new URL('budget-clean.txt', FIXTURES), 'utf8').split('\n\n').slice(1);
    const dropped = new Set([5, 17, 26]);
    const ko = ['긴 기사 제목입니다, 정부 발표', ...Array.from({ length: 30 }, () => koBody).flat()].join('\n\n');
    const mt = ['A Long Headline, Government Says', ...Array.from({ length: 30 }, (_, k) => (dropped.has(k) ? mtBody.filter((p) => !p.startsWith('Deputy Prime Minister for Social')) : mtBody)).flat()].join('\n\n');
    const segments = parseArticle(mt).segments.map((s, position) => ({ position, kind: s.kind, text: s.text }));
    const source = buildArticleSource(ko, segments);
    // The fourth paragraph of repetitions 5, 17 and 26 (1 + 4k + 3).
    expect(source.segments.filter((s) => s.aligned.length === 0).map((s) => s.index)).toEqual([24, 72, 108]);
    // Every other source paragraph keeps its order.
    const firsts = source.segments.flatMap((s) => s.aligned.slice(0, 1));
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  });

  it('returns empty alignments for empty sides and never throws on awkward input', () => {
    expect(alignSegments([], [])).toEqual([]);
    expect(alignSegments([{ position: 0, kind: 'body', text: '가' }], [])).toEqual([[]]);
    const big = Array.from({ length: 600 }, (_, i) => ({ position: i, kind: 'body' as const, text: `문단 ${i}` }));
    expect(() => alignSegments(big, big)).not.toThrow();
    expect(() => buildArticleSource('🙂\u0000\u202Eمرحبا', [{ position: 0, kind: 'headline', text: 'x' }])).not.toThrow();
  });
});

describe('sameValue', () => {
  it.each([
    [1.2e12, 1.2e12, true],
    [1.2345e12, 1.23e12, true],
    [1.2345e12, 1.2e12, true],
    [1.2e12, 1.2e13, false],
    [1.2e12, 1e12, false],
    [3.5e8, 3.5e7, false],
    [3400, 3000, false],
  ])('%d written as %d: %s', (korean, english, expected) => {
    expect(sameValue(korean, english)).toBe(expected);
  });
});
