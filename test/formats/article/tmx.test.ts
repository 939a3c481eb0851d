import { describe, expect, it } from 'vitest';
import { writeTmx, type ExportArticle } from '../../../src/formats/article/index.js';
import { validateTmx } from '../schema-validators.js';
import { chromeOnlyArticle, corpusArticle, headlineOnlyArticle, hostileArticle, koreanArticle, META, segment } from './fixtures.js';
import { xpathText, xpathTexts } from './xml-query.js';

const SAVE = { author: 'Min-ji', savedAt: '2026-11-29T09:30:00.000Z' };

describe('writeTmx with the Korean source', () => {
  const article = koreanArticle();
  const tmx = writeTmx(article, { ...META, mtEngine: 'Papago' });

  it('has a TMX 1.4 header with every required attribute and the export time', () => {
    const header = '/tmx/header';
    expect(xpathText(tmx, '/tmx/@version')).toBe('1.4');
    expect(['creationtool', 'creationtoolversion', 'segtype', 'o-tmf', 'adminlang', 'srclang', 'datatype', 'creationdate'].map((a) => xpathText(tmx, `${header}/@${a}`)))
      .toEqual(['Copydesk', '0.1.0', 'paragraph', 'Copydesk', 'en', 'ko', 'plaintext', '20261129T100000Z']);
    expect(xpathTexts(tmx, `${header}/prop[@type="x-mt-engine"]`)).toEqual(['Papago']);
    expect(tmx).not.toContain('<!DOCTYPE');
  });

  it('has one unit per content segment of the done article: Korean source, post-edited English, the MT in x-mt', () => {
    expect(xpathTexts(tmx, '//tu/@tuid')).toEqual(['article-42:s1', 'article-42:s2', 'article-42:s3', 'article-42:s4', 'article-42:s5']);
    expect(xpathTexts(tmx, '//tu[1]/tuv/@xml:lang')).toEqual(['ko', 'en']);
    expect(xpathText(tmx, '//tu[1]/tuv[@xml:lang="ko"]/seg')).toBe('조태열 외교장관, 탈북민 강제북송 문제 제기');
    expect(xpathText(tmx, '//tu[1]/tuv[@xml:lang="en"]/seg')).toBe('Foreign Minister Cho Tae-yul Raises Forced Repatriation of Defectors');
    expect(xpathText(tmx, '//tu[1]/tuv[@xml:lang="en"]/prop[@type="x-mt"]')).toBe('Foreign Minister Cho Tae-yeol Raises Forced Repatriation of Defectors');
    expect(xpathTexts(tmx, '//tu/prop[@type="x-kind"]')).toEqual(['headline', 'body', 'body', 'caption', 'body']);
    expect(tmx).not.toMatch(/본문 바로가기|All rights reserved/);
  });

  it('dates and signs each unit with the last save, on the unit and on the English variant', () => {
    expect(xpathTexts(tmx, '//tu[1]/@changeid | //tu[1]/@changedate | //tu[1]/@creationdate')).toEqual(['20261128T080000Z', 'Min-ji', '20261128T080500Z']);
    expect(xpathTexts(tmx, '//tu[1]/tuv[@xml:lang="en"]/@changeid | //tu[1]/tuv[@xml:lang="en"]/@changedate')).toEqual(['Min-ji', '20261128T080500Z']);
    expect(xpathTexts(tmx, '//tu[3]/@changeid')).toEqual(['Jae-won']);
    // Never saved (the article was signed off as a whole): no change attributes.
    expect(xpathTexts(tmx, '//tu[5]/@changeid | //tu[5]/@changedate')).toEqual([]);
  });
});

describe('writeTmx without the Korean source', () => {
  const tmx = writeTmx(corpusArticle(), META);

  it('pairs the MT (en-x-mt) with the post-edit (en), never two variants of one language, and says so', () => {
    expect(xpathText(tmx, '/tmx/header/@srclang')).toBe('en-x-mt');
    expect(xpathTexts(tmx, '//tu[1]/tuv/@xml:lang')).toEqual(['en-x-mt', 'en']);
    expect(xpathText(tmx, '//tu[2]/tuv[@xml:lang="en-x-mt"]/seg')).toBe('King Raises Issues at Meeting with Chinese Foreign Minister');
    expect(xpathText(tmx, '//tu[2]/tuv[@xml:lang="en"]/seg')).toBe('Cho Raises Issues at Meeting with Chinese Foreign Minister');
    expect(xpathTexts(tmx, '//prop[@type="x-mt"]')).toEqual([]);
    expect(xpathTexts(tmx, '/tmx/header/note')[0]).toMatch(/^Monolingual post-edit file: .*tagged "en-x-mt", the post-edit's "en"\.$/);
  });

  it('keeps only what an editor reviewed (edited or confirmed), and says how many were left out', () => {
    expect(xpathTexts(tmx, '//tu/@tuid')).toEqual(['article-1:s4', 'article-1:s5', 'article-1:s6', 'article-1:s8']);
    expect(xpathTexts(tmx, '/tmx/header/note')[1]).toBe('7 segments were left out: not yet reviewed, or empty.');
  });
});

describe('writeTmx: which units, which languages', () => {
  const article = (segments: ExportArticle['segments'], status = 'in-review'): ExportArticle => ({
    id: 5, title: 't', sourceName: 'a.txt', status, importedAt: '2026-11-29T09:00:00.000Z', segments,
  });
  const rows = [
    {
      label: 'Korean for one segment, none for another: srclang *all*, each unit its own',
      article: article([segment(0, 'headline', 'Cho Meets Wang', { edit: 'Cho Tae-yul Meets Wang Yi', ...SAVE }, '조태열, 왕이 만나'), segment(1, 'body', 'Talks.', { edit: 'Talks held.', ...SAVE })]),
      srclang: '*all*', units: ['ko', 'en-x-mt'], tuids: ['article-5:s0', 'article-5:s1'],
    },
    {
      label: 'a segment the editor emptied is left out (an empty variant matches nothing)',
      article: article([segment(0, 'headline', 'Head', { edit: 'Headline', ...SAVE }), segment(1, 'body', 'Gone', { edit: '', ...SAVE })]),
      srclang: 'en-x-mt', units: [], tuids: ['article-5:s0'],
    },
    {
      label: 'a reviewed segment with an empty Korean source is left out',
      article: article([segment(0, 'headline', 'Head', { edit: 'Headline', ...SAVE }, ''), segment(1, 'body', 'Body', { edit: 'Body text', ...SAVE }, '본문')]),
      srclang: 'ko', units: [], tuids: ['article-5:s1'],
    },
    {
      label: 'an article marked done keeps its untouched MT (the editor signed it off)',
      article: article([segment(0, 'headline', 'Head')], 'done'),
      srclang: 'en-x-mt', units: [], tuids: ['article-5:s0'],
    },
    { label: 'an article with only an unreviewed headline has no unit', article: headlineOnlyArticle(), srclang: 'en-x-mt', units: [], tuids: [] },
    { label: 'page chrome only: no unit, no Korean', article: chromeOnlyArticle(), srclang: 'en-x-mt', units: [], tuids: [] },
  ];
  it.each(rows)('$label', ({ article: a, srclang, units, tuids }) => {
    const tmx = writeTmx(a, META);
    expect(validateTmx(tmx)).toEqual([]);
    expect(xpathText(tmx, '/tmx/header/@srclang')).toBe(srclang);
    expect(xpathTexts(tmx, '//tu/@srclang')).toEqual(units);
    expect(xpathTexts(tmx, '//tu/@tuid')).toEqual(tuids);
  });

  it('writes hostile text and authors as a TM tool will read them', () => {
    const tmx = writeTmx(hostileArticle(), META);
    expect(xpathTexts(tmx, '//tu/@tuid')).toEqual(['article-x_7____y_:s0', 'article-x_7____y_:s1', 'article-x_7____y_:s2']);
    expect(xpathText(tmx, '//tu[1]/tuv[@xml:lang="en"]/seg')).toBe('<script>alert("y")</script> & \'quotes\' ]]> end');
    expect(xpathText(tmx, '//tu[2]/tuv[@xml:lang="en"]/seg')).toBe('Control\ufffdchars\ufffdand a lone\ufffdhalf, 👍🏽 🇰🇷 조태열');
    expect(xpathText(tmx, '//tu[1]/@changeid')).toBe('Kim "K" <kim@example.com> & co');
  });
});
