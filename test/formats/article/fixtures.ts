/** Articles to export: the real corpus article with a few edits, one with Korean sources, a hostile one, the smallest ones, and the table of them all. */
import { readFileSync } from 'node:fs';
import { parseArticle } from '../../../src/core/article/index.js';
import { deriveCorrections, diffSegment } from '../../../src/core/diff/index.js';
import type { ExportArticle, ExportMeta, ExportSegment } from '../../../src/formats/article/index.js';

/** The real corpus article, as the app imports it. */
export const CORPUS_FILE = new URL('../../../corpus/cho-tae-yul-beijing-forced-repatriation.txt', import.meta.url);

/** The export time and tool every test uses. */
export const META: ExportMeta = { now: '2026-11-29T10:00:00.000Z', tool: { name: 'Copydesk', version: '0.1.0' } };

/** A save: the new text, who saved it, when, and the revision number it became. */
interface Save {
  readonly edit: string;
  readonly author: string;
  readonly savedAt: string;
  readonly revision?: number;
}

/** Returns a segment as the store would give it: unsaved (edit = MT), or with a save and the corrections derived from it. */
export function segment(position: number, kind: ExportSegment['kind'], mt: string, save?: Save, source?: string): ExportSegment {
  const base = { position, kind, mt, ...(source === undefined ? {} : { source }) };
  if (save === undefined) return { ...base, edit: mt, revision: 0, author: null, savedAt: null, corrections: [] };
  const { parts } = diffSegment(mt, save.edit);
  const corrections = deriveCorrections(mt, save.edit, parts).map(({ mtText, editText }) => ({ mtText, editText }));
  return { ...base, edit: save.edit, revision: save.revision ?? 1, author: save.author, savedAt: save.savedAt, corrections };
}

/**
 * The corpus article (19 segments, 8 of them page chrome) in review: the headline's "Cho
 * Tae-yeol" and the standfirst's "King" corrected, the caption's two "Cho Tae-yeol" corrected by
 * a second editor, the first paragraph saved unchanged, the rest untouched MT.
 */
export function corpusArticle(): ExportArticle {
  const parsed = parseArticle(readFileSync(CORPUS_FILE, 'utf8'));
  const saves: Record<number, Omit<Save, 'edit'> & { edit: (mt: string) => string }> = {
    4: { edit: (mt) => mt.replace('Cho Tae-yeol', 'Cho Tae-yul'), author: 'Min-ji', savedAt: '2026-11-29T09:10:00.000Z' },
    5: { edit: (mt) => mt.replace('King', 'Cho'), author: 'Min-ji', savedAt: '2026-11-29T09:12:30.000Z', revision: 2 },
    6: { edit: (mt) => mt, author: 'Min-ji', savedAt: '2026-11-29T09:15:00.000Z' },
    8: { edit: (mt) => mt.replaceAll('Cho Tae-yeol', 'Cho Tae-yul'), author: 'Jae-won', savedAt: '2026-11-29T09:20:00.000Z' },
  };
  return {
    id: 1,
    title: parsed.title,
    sourceName: 'cho-tae-yul-beijing-forced-repatriation.txt',
    status: 'in-review',
    importedAt: '2026-11-29T09:00:00.000Z',
    segments: parsed.segments.map((s, position) => {
      const save = saves[position];
      return segment(position, s.kind, s.text, save && { ...save, edit: save.edit(s.text) });
    }),
  };
}

/** A short article with the Korean source of every segment, marked done; one paragraph confirmed, one untouched. */
export function koreanArticle(): ExportArticle {
  const at = (minute: number): string => `2026-11-28T08:${String(minute).padStart(2, '0')}:00.000Z`;
  return {
    id: 42,
    title: 'Foreign Minister Cho Tae-yul Raises Forced Repatriation of Defectors',
    sourceName: 'asiae-2024-05-14.txt',
    status: 'done',
    importedAt: at(0),
    segments: [
      segment(0, 'boilerplate', 'Go to main content', undefined, '본문 바로가기'),
      segment(1, 'headline', 'Foreign Minister Cho Tae-yeol Raises Forced Repatriation of Defectors',
        { edit: 'Foreign Minister Cho Tae-yul Raises Forced Repatriation of Defectors', author: 'Min-ji', savedAt: at(5) },
        '조태열 외교장관, 탈북민 강제북송 문제 제기'),
      segment(2, 'body', 'Minister of Foreign Affairs Cho Tae-yeol held talks with Wang Yi, Chinese Foreign Minister, at the Diaoyutai State Guesthouse in Beijing on the 13th.',
        { edit: 'Foreign Minister Cho Tae-yul held talks with Chinese Foreign Minister Wang Yi at the Diaoyutai State Guesthouse in Beijing on the 13th.', author: 'Min-ji', savedAt: at(9) },
        '조태열 외교부 장관은 13일 중국 베이징 댜오위타이 국빈관에서 왕이 중국 외교부장과 회담했다.'),
      segment(3, 'body', 'The talks lasted four hours.',
        { edit: 'The talks lasted four hours.', author: 'Jae-won', savedAt: at(12) },
        '회담은 4시간 동안 이어졌다.'),
      segment(4, 'caption', 'Minister Cho Tae-yeol (right) and Foreign Minister Wang Yi\n[Photo by Ministry of Foreign Affairs]',
        { edit: 'Minister Cho Tae-yul (right) and Foreign Minister Wang Yi\n[Photo by Ministry of Foreign Affairs]', author: 'Min-ji', savedAt: at(14) },
        '조태열 장관(오른쪽)과 왕이 외교부장\n[사진제공=외교부]'),
      segment(5, 'body', 'China has repatriated about 60 defectors recently.', undefined, '중국은 최근 탈북민 약 60명을 북송했다.'),
      segment(6, 'boilerplate', '© The Asia Business Daily(www.asiae.co.kr). All rights reserved.', undefined, '© 아시아경제'),
    ],
  };
}

const NUL = '\u0000';
const NONCHARACTER = '\uFFFE';
const LONE_SURROGATE = '\uD800';

/**
 * An article written to break writers: markup and `]]>` in the headline, NUL, U+FFFE, a lone
 * surrogate, CR LF, U+2028 and emoji in the text, Markdown syntax at line starts, an emptied
 * paragraph, an author and a file name full of XML specials, an id that is no NMTOKEN, and the
 * Korean source of one paragraph only (so the XLIFF is monolingual, with that source in a note).
 */
export function hostileArticle(): ExportArticle {
  const at = '2026-11-29T09:30:00.000Z';
  const author = 'Kim "K" <kim@example.com>\n& co';
  return {
    id: 'x/7 & "y"',
    title: '<script>alert("x")</script>',
    sourceName: 'pasted "text" <&>\tnew',
    status: 'in-review',
    importedAt: '2026-11-29T09:00:00.000Z',
    segments: [
      segment(0, 'headline', '<script>alert("x")</script> & \'quotes\' ]]> end',
        { edit: '<script>alert("y")</script> & \'quotes\' ]]> end', author, savedAt: at }),
      segment(1, 'standfirst', `Control${NUL}chars${NONCHARACTER}and a lone${LONE_SURROGATE}surrogate`,
        { edit: `Control${NUL}chars${NONCHARACTER}and a lone${LONE_SURROGATE}half, 👍🏽 🇰🇷 조태열`, author, savedAt: at }),
      segment(2, 'body', '# not a heading\r\n* not a list\r\n1. not a list either\r\n+ nor this\r\n---\r\n    not code',
        { edit: '# not a heading\n* not a list\n1. not a list either\n+ nor this\n---\n    not code\n[link](http://example.com) `code` <b>bold</b> _x_ a\\b &amp; | ~~s~~ =', author, savedAt: at }),
      segment(3, 'body', 'A paragraph the editor deleted.', { edit: '', author, savedAt: at }),
      segment(4, 'body', `Line\u2028separator and next\u0085line`, undefined, '줄\u2028바꿈'),
      segment(5, 'caption', 'A photo *of* something\n[Photo by <Agency> & Co]'),
      segment(6, 'boilerplate', 'Close'),
    ],
  };
}

/** An article with nothing but a headline, never edited. */
export function headlineOnlyArticle(): ExportArticle {
  return {
    id: 3,
    title: 'Cho Tae-yul Meets Wang Yi',
    sourceName: 'pasted text',
    status: 'not-started',
    importedAt: '2026-11-29T09:00:00.000Z',
    segments: [segment(0, 'headline', 'Cho Tae-yul Meets Wang Yi')],
  };
}

/** An article with nothing to export: page chrome only. */
export function chromeOnlyArticle(): ExportArticle {
  return {
    id: 4,
    title: 'Text Size',
    sourceName: '',
    status: 'not-started',
    importedAt: '2026-11-29T09:00:00.000Z',
    segments: [segment(0, 'boilerplate', 'Text Size'), segment(1, 'boilerplate', 'Close')],
  };
}

/** One fixture row: a label for the test name, the golden files' base name, the article and the meta. */
export interface FixtureRow {
  readonly label: string;
  readonly name: string;
  readonly build: () => ExportArticle;
  readonly meta: ExportMeta;
}

/** The fixtures every format is exported from. */
export const FIXTURES: readonly FixtureRow[] = [
  { label: 'the corpus article in review (no Korean source)', name: 'corpus', build: corpusArticle, meta: META },
  { label: 'an article with Korean sources, done', name: 'korean', build: koreanArticle, meta: { ...META, mtEngine: 'Papago' } },
  { label: 'a hostile article', name: 'hostile', build: hostileArticle, meta: META },
  { label: 'an article with only a headline', name: 'headline-only', build: headlineOnlyArticle, meta: META },
  { label: 'an article of page chrome only', name: 'chrome-only', build: chromeOnlyArticle, meta: META },
];
