import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/core/article/index.js';
import type { ParsedArticle, SegmentKind } from '../../../src/core/article/index.js';

const CORPUS_ARTICLE = new URL('../../../corpus/cho-tae-yul-beijing-forced-repatriation.txt', import.meta.url);
const DEV_SET = new URL('../../fixtures/dev-set/', import.meta.url);

/** Segments as [kind, text] pairs: a failing row then shows the whole article at a glance. */
function pairs(article: ParsedArticle): [SegmentKind, string][] {
  return article.segments.map((s) => [s.kind, s.text]);
}

describe('parseArticle: the corpus article (cho-tae-yul-beijing-forced-repatriation)', () => {
  const article = parseArticle(readFileSync(CORPUS_ARTICLE, 'utf8'));
  const headline = 'Cho Tae-yeol Criticizes Forced Repatriation of Defectors: "Please Send Them Where They Want"';

  it('gives every segment its kind, in reading order', () => {
    expect(article.segments.map((s) => s.kind)).toEqual([
      'boilerplate', 'boilerplate', 'boilerplate', 'boilerplate',
      'headline', 'standfirst',
      'body', 'body',
      'caption',
      'body', 'body', 'body', 'body', 'body', 'body',
      'boilerplate', 'boilerplate', 'boilerplate', 'boilerplate',
    ]);
    expect(article.segments).toHaveLength(19);
  });

  it('keeps the page chrome as boilerplate, split line by line', () => {
    const chrome = article.segments.filter((s) => s.kind === 'boilerplate').map((s) => s.text);
    expect(chrome).toEqual([
      '본문 바로가기', 'bar_progress', 'Text Size', 'Close',
      '© The Asia Business Daily(www.asiae.co.kr). All rights reserved.',
      'Special Coverage', 'Join us on social!', 'Top',
    ]);
  });

  it('takes the headline as the title and finds the standfirst and the caption', () => {
    expect(article.title).toBe(headline);
    expect(article.segments[4]).toEqual({ kind: 'headline', text: headline });
    expect(article.segments[5]).toEqual({ kind: 'standfirst', text: 'King Raises Issues at Meeting with Chinese Foreign Minister' });
    expect(article.segments[8]).toEqual({
      kind: 'caption',
      text:
        `${headline} Foreign Minister Cho Tae-yeol held talks with Wang Yi, member of the Political Bureau of the CPC ` +
        'Central Committee and Foreign Minister of China, on the 13th (local time) at Diaoyutai State Guesthouse in Beijing, China.\n' +
        '[Photo by Ministry of Foreign Affairs]',
    });
  });

  it('keeps the body paragraphs whole and exact', () => {
    const body = article.segments.filter((s) => s.kind === 'body').map((s) => s.text);
    expect(body).toHaveLength(8);
    expect(body[0]).toBe(
      'Cho Tae-yul, Minister of Foreign Affairs, who visited China, pointed out the issue of forced repatriation of North ' +
        'Korean defectors and requested, "Please cooperate so that North Korean defectors can go to the places they hope for."',
    );
    expect(body[1]).toMatch(/^On the 13th \(local time\), Minister Cho Tae-yul held talks/);
    expect(body[7]).toMatch(/denuclearization of North Korea\.$/);
  });
});

describe('parseArticle: the dev set', () => {
  const rows: { label: string; file: string; headline: string; standfirst: string; captions: number; body: number }[] = [
    { label: 'd00 seed (same as the corpus article)', file: 'd00-seed.txt', headline: 'Cho Tae-yeol Criticizes Forced Repatriation of Defectors: "Please Send Them Where They Want"', standfirst: 'King Raises Issues at Meeting with Chinese Foreign Minister', captions: 1, body: 8 },
    { label: 'd01 prime minister (no caption, no Special Coverage)', file: 'd01-prime-minister.txt', headline: 'One Prime Minister "Will Do Everything to Stabilize Prices Before Chuseok"', standfirst: 'Government Holds Emergency Meeting on Livelihoods', captions: 0, body: 4 },
    { label: 'd02 party leader', file: 'd02-party-leader.txt', headline: 'Trillion Representative "Special Prosecutor Bill Must Be Passed"', standfirst: 'Rebuilding Korea Party Holds Supreme Council Meeting', captions: 0, body: 3 },
    { label: 'd03 lawmaker', file: 'd03-lawmaker.txt', headline: 'Ahn Cheol-soo "AI Basic Act Needed to Compete With the US and China"', standfirst: 'Lawmaker Hosts Forum at the National Assembly', captions: 0, body: 3 },
    { label: 'd04 first lady', file: 'd04-first-lady.txt', headline: 'Presidential Office "First Lady Will Not Attend Official Events for Now"', standfirst: 'Chief of Staff Holds Press Conference', captions: 0, body: 3 },
  ];

  it.each(rows)('$label', ({ file, headline, standfirst, captions, body }) => {
    const article = parseArticle(readFileSync(new URL(file, DEV_SET), 'utf8'));
    const textsOf = (kind: SegmentKind) => article.segments.filter((s) => s.kind === kind).map((s) => s.text);
    expect(article.title).toBe(headline);
    expect(textsOf('headline')).toEqual([headline]);
    expect(textsOf('standfirst')).toEqual([standfirst]);
    expect(textsOf('caption')).toHaveLength(captions);
    expect(textsOf('body')).toHaveLength(body);
    expect(textsOf('boilerplate').slice(0, 4)).toEqual(['본문 바로가기', 'bar_progress', 'Text Size', 'Close']);
    expect(textsOf('boilerplate')).toContain('© The Asia Business Daily(www.asiae.co.kr). All rights reserved.');
    expect(article.segments.at(-1)).toEqual({ kind: 'boilerplate', text: 'Top' });
  });
});

describe('parseArticle: layouts and awkward input', () => {
  const longParagraph = `${'The minister said the talks went well. '.repeat(2600)}End.`;
  const rows: { label: string; raw: string; title: string; segments: [SegmentKind, string][] }[] = [
    {
      label: 'empty input',
      raw: '',
      title: '',
      segments: [],
    },
    {
      label: 'whitespace only, all line-end styles',
      raw: '  \n\t\r\n \r\u3000\n',
      title: '',
      segments: [],
    },
    {
      label: 'only boilerplate: no headline, so no title',
      raw: '본문 바로가기\nbar_progress\n\nText Size\n\n© The Asia Business Daily(www.asiae.co.kr). All rights reserved.\n\nTop\n',
      title: '',
      segments: [
        ['boilerplate', '본문 바로가기'], ['boilerplate', 'bar_progress'], ['boilerplate', 'Text Size'],
        ['boilerplate', '© The Asia Business Daily(www.asiae.co.kr). All rights reserved.'], ['boilerplate', 'Top'],
      ],
    },
    {
      label: 'no blank lines at all: one line per block, the credit joins its caption',
      raw: '본문 바로가기\nbar_progress\nMinister Meets Envoy\nTalks Held in Seoul\nThe minister met the envoy.\nThey spoke for an hour.\nThe minister and the envoy in Seoul.\n[Photo by Yonhap News]\n© Yonhap. All rights reserved.\nTop',
      title: 'Minister Meets Envoy',
      segments: [
        ['boilerplate', '본문 바로가기'], ['boilerplate', 'bar_progress'],
        ['headline', 'Minister Meets Envoy'], ['standfirst', 'Talks Held in Seoul'],
        ['body', 'The minister met the envoy.'], ['body', 'They spoke for an hour.'],
        ['caption', 'The minister and the envoy in Seoul.\n[Photo by Yonhap News]'],
        ['boilerplate', '© Yonhap. All rights reserved.'], ['boilerplate', 'Top'],
      ],
    },
    {
      label: 'Windows line ends',
      raw: 'Text Size\r\n\r\nMinister Meets Envoy\r\n\r\nTalks Held in Seoul\r\n\r\nThe minister met the envoy.\r\n\r\n\r\nThe envoy in Seoul.\r\n[Photo=Yonhap News]\r\n\r\nTop\r\n',
      title: 'Minister Meets Envoy',
      segments: [
        ['boilerplate', 'Text Size'], ['headline', 'Minister Meets Envoy'], ['standfirst', 'Talks Held in Seoul'],
        ['body', 'The minister met the envoy.'], ['caption', 'The envoy in Seoul.\n[Photo=Yonhap News]'], ['boilerplate', 'Top'],
      ],
    },
    {
      label: 'old Mac line ends',
      raw: 'Minister Meets Envoy\r\rThe minister met the envoy.\rHe left at noon.\r\rTop',
      title: 'Minister Meets Envoy',
      segments: [['headline', 'Minister Meets Envoy'], ['body', 'The minister met the envoy.\nHe left at noon.'], ['boilerplate', 'Top']],
    },
    {
      label: 'a BOM before the chrome',
      raw: '\uFEFF본문 바로가기\n\nMinister Meets Envoy\n\nThe minister met the envoy.',
      title: 'Minister Meets Envoy',
      segments: [['boilerplate', '본문 바로가기'], ['headline', 'Minister Meets Envoy'], ['body', 'The minister met the envoy.']],
    },
    {
      label: 'Hangul-only lines after the headline are content (left for the untranslated check), known chrome is not',
      raw: '전체메뉴\n\nMinister Meets Envoy\n\nThe minister met the envoy.\n\n외교부 장관\n\nHe said:\n조태열 장관\n\n본문 바로가기',
      title: 'Minister Meets Envoy',
      segments: [
        ['boilerplate', '전체메뉴'], ['headline', 'Minister Meets Envoy'], ['body', 'The minister met the envoy.'],
        ['body', '외교부 장관'], ['body', 'He said:\n조태열 장관'], ['boilerplate', '본문 바로가기'],
      ],
    },
    {
      label: 'chrome run into the paragraphs around it is split out',
      raw: 'Close\nMinister Meets Envoy\n\nThe minister met the envoy.\n© The Asia Business Daily(www.asiae.co.kr). All rights reserved.\nSpecial Coverage\nJoin us on social!',
      title: 'Minister Meets Envoy',
      segments: [
        ['boilerplate', 'Close'], ['headline', 'Minister Meets Envoy'], ['body', 'The minister met the envoy.'],
        ['boilerplate', '© The Asia Business Daily(www.asiae.co.kr). All rights reserved.'],
        ['boilerplate', 'Special Coverage'], ['boilerplate', 'Join us on social!'],
      ],
    },
    {
      label: 'no caption, and a second block with a full stop is body, not standfirst',
      raw: 'Minister Meets Envoy\n\nThe minister met the envoy.\n\nHe left at noon.',
      title: 'Minister Meets Envoy',
      segments: [['headline', 'Minister Meets Envoy'], ['body', 'The minister met the envoy.'], ['body', 'He left at noon.']],
    },
    {
      label: 'a second block ending in a quoted question is body',
      raw: 'Minister Meets Envoy\n\nHe asked, "Why now?"',
      title: 'Minister Meets Envoy',
      segments: [['headline', 'Minister Meets Envoy'], ['body', 'He asked, "Why now?"']],
    },
    {
      label: 'a second block over 25 words is body even without a full stop',
      raw: `Minister Meets Envoy\n\n${'word '.repeat(26).trim()}`,
      title: 'Minister Meets Envoy',
      segments: [['headline', 'Minister Meets Envoy'], ['body', 'word '.repeat(26).trim()]],
    },
    {
      label: 'looks like chrome but is fine: "Top", "Copyright" and "photo" in sentences stay body',
      raw: 'Minister Meets Envoy\n\nTop officials met on Monday.\n\nCopyright law will be amended next year.\n\nPhoto by photo, the exhibition traces the war and the years after it in the words of those who lived through them.',
      title: 'Minister Meets Envoy',
      segments: [
        ['headline', 'Minister Meets Envoy'], ['body', 'Top officials met on Monday.'],
        ['body', 'Copyright law will be amended next year.'],
        ['body', 'Photo by photo, the exhibition traces the war and the years after it in the words of those who lived through them.'],
      ],
    },
    {
      label: 'looks like chrome but is fine: a "(c)" list item and a Hangul-only quote after the headline stay body',
      raw: 'Minister Meets Envoy\n\nThe deal has three parts:\n(a) tariffs,\n(b) quotas,\n(c) visas.\n\n감사합니다',
      title: 'Minister Meets Envoy',
      segments: [
        ['headline', 'Minister Meets Envoy'], ['body', 'The deal has three parts:\n(a) tariffs,\n(b) quotas,\n(c) visas.'],
        ['body', '감사합니다'],
      ],
    },
    {
      label: 'trailing whitespace is trimmed from each segment, inner text is kept exact',
      raw: '  Minister Meets Envoy   \n\nThe envoy in Seoul.  \t\n[Photo by Yonhap]  \n\n\tThe minister   met the envoy.\t ',
      title: 'Minister Meets Envoy',
      segments: [
        ['headline', 'Minister Meets Envoy'], ['caption', 'The envoy in Seoul.  \t\n[Photo by Yonhap]'],
        ['body', 'The minister   met the envoy.'],
      ],
    },
    {
      label: 'a caption before the headline is still a caption',
      raw: 'The minister in Seoul.\n[Photo by Yonhap]\n\nMinister Meets Envoy\n\nThe minister met the envoy.',
      title: 'Minister Meets Envoy',
      segments: [['caption', 'The minister in Seoul.\n[Photo by Yonhap]'], ['headline', 'Minister Meets Envoy'], ['body', 'The minister met the envoy.']],
    },
    {
      label: 'no headline-able block: the title falls back to the first non-boilerplate segment',
      raw: 'Top\n\nThe minister in Seoul.\n[Photo by Yonhap]',
      title: 'The minister in Seoul.\n[Photo by Yonhap]',
      segments: [['boilerplate', 'Top'], ['caption', 'The minister in Seoul.\n[Photo by Yonhap]']],
    },
    {
      label: 'a 100 kB paragraph',
      raw: `Minister Meets Envoy\n\n${longParagraph}\n\nTop`,
      title: 'Minister Meets Envoy',
      segments: [['headline', 'Minister Meets Envoy'], ['body', longParagraph], ['boilerplate', 'Top']],
    },
    {
      label: 'emoji and right-to-left text',
      raw: '🇰🇷 Minister Meets Envoy 🤝\n\nقال الوزير إن المحادثات كانت جيدة\n\nהשר אמר: "שלום". 👍🏽',
      title: '🇰🇷 Minister Meets Envoy 🤝',
      segments: [
        ['headline', '🇰🇷 Minister Meets Envoy 🤝'], ['standfirst', 'قال الوزير إن المحادثات كانت جيدة'],
        ['body', 'השר אמר: "שלום". 👍🏽'],
      ],
    },
    {
      label: 'control characters are kept as text',
      raw: 'Minister\u0007 Meets Envoy\n\nThe minister\u0000 met\u001b the envoy.',
      title: 'Minister\u0007 Meets Envoy',
      segments: [['headline', 'Minister\u0007 Meets Envoy'], ['body', 'The minister\u0000 met\u001b the envoy.']],
    },
  ];

  it.each(rows)('$label', ({ raw, title, segments }) => {
    const article = parseArticle(raw);
    expect(pairs(article)).toEqual(segments);
    expect(article.title).toBe(title);
  });
});

describe('parseArticle: photo credit forms', () => {
  const rows: { label: string; credit: string }[] = [
    { label: '[Photo by …] (the corpus form)', credit: '[Photo by Ministry of Foreign Affairs]' },
    { label: '[Photo=…]', credit: '[Photo=Yonhap News]' },
    { label: '(Photo=…)', credit: '(Photo=Yonhap News)' },
    { label: '[Photo: …]', credit: '[Photo: Reuters]' },
    { label: 'bare "Photo by …" line', credit: 'Photo by Kim Hyun-min' },
    { label: 'upper case', credit: '[PHOTO BY YONHAP NEWS]' },
    { label: 'untranslated [사진=…]', credit: '[사진=연합뉴스]' },
    { label: 'brackets inside the credit', credit: '[Photo by Yonhap News (Reuters)]' },
    { label: 'credit at the end of the caption line', credit: 'The minister speaks. [Photo by Yonhap News]' },
    { label: '[Image source=…] (issue 13, bug 5)', credit: '[Image source=Yonhap News]' },
    { label: '[Image=…]', credit: '[Image=Yonhap News]' },
    { label: '[Photo source: …]', credit: '[Photo source: Ministry of Foreign Affairs]' },
    { label: 'untranslated [이미지=…]', credit: '[이미지=게티이미지뱅크]' },
  ];

  it.each(rows)('$label makes the block a caption', ({ credit }) => {
    const article = parseArticle(`Minister Meets Envoy\n\nThe minister met the envoy.\n\nThe minister in Seoul.\n${credit}\n\nHe left.`);
    expect(pairs(article)).toEqual([
      ['headline', 'Minister Meets Envoy'], ['body', 'The minister met the envoy.'],
      ['caption', `The minister in Seoul.\n${credit}`], ['body', 'He left.'],
    ]);
  });
});

describe('parseArticle: a caption before the headline (issue 13, bug 5)', () => {
  it('ends the caption at its credit when no blank line follows it: the next line is the headline and the title', () => {
    const article = parseArticle('Text Size\n\nForeign Minister Cho Tae-yul speaks in Beijing on the 13th. [Photo by Yonhap News]\nCho Tae-yul Raises Repatriation of Defectors\n\nForeign Minister Cho Tae-yul said on the 13th that forced repatriation must stop.\n\nHe met Wang Yi.');
    expect(pairs(article)).toEqual([
      ['boilerplate', 'Text Size'],
      ['caption', 'Foreign Minister Cho Tae-yul speaks in Beijing on the 13th. [Photo by Yonhap News]'],
      ['headline', 'Cho Tae-yul Raises Repatriation of Defectors'],
      ['body', 'Foreign Minister Cho Tae-yul said on the 13th that forced repatriation must stop.'],
      ['body', 'He met Wang Yi.'],
    ]);
    expect(article.title).toBe('Cho Tae-yul Raises Repatriation of Defectors');
  });

  it('reads an [Image source=…] caption first as a caption, not as the headline', () => {
    const article = parseArticle('The ministers shake hands.\n[Image source=Yonhap News]\n\nCho Meets Wang in Beijing\n\nThe two ministers met on the 13th.');
    expect(article.title).toBe('Cho Meets Wang in Beijing');
    expect(pairs(article)[0]).toEqual(['caption', 'The ministers shake hands.\n[Image source=Yonhap News]']);
  });

  it('leaves the word "image" in a sentence alone', () => {
    const article = parseArticle('Brand Image Matters\n\nThe image: a company in trouble, said the report.\n\nIt ended.');
    expect(pairs(article).map(([kind]) => kind)).toEqual(['headline', 'body', 'body']);
  });
});

describe('parseArticle: properties', () => {
  /** Pieces that exercise the parser's decisions, mixed with arbitrary (even broken) UTF-16. */
  const piece = fc.oneof(
    fc.constantFrom('\n', '\r\n', '\r', '\n\n', ' ', '\uFEFF', 'Top', '본문 바로가기', '[Photo by X]', '© X. All rights reserved.', 'Headline', 'A sentence.'),
    fc.string({ unit: 'binary' }),
  );
  const rawText = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

  it('never throws, and every segment is non-empty, trimmed and found in order in the input', () => {
    fc.assert(
      fc.property(rawText, (raw) => {
        const article = parseArticle(raw);
        const normalised = (raw.startsWith('\uFEFF') ? raw.slice(1) : raw).replace(/\r\n?/g, '\n');
        let from = 0;
        for (const segment of article.segments) {
          expect(segment.text).not.toBe('');
          expect(segment.text).toBe(segment.text.trim());
          const at = normalised.indexOf(segment.text, from);
          expect(at).toBeGreaterThanOrEqual(0);
          from = at + segment.text.length;
        }
        expect(article.segments.filter((s) => s.kind === 'headline').length).toBeLessThanOrEqual(1);
        expect(article.segments.filter((s) => s.kind === 'standfirst').length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
});
