// The generated corpus of the checks benchmark (issue 3, "Speed"): news articles built from the
// sentences of corpus/*.txt and the labelled dev set, with the people's names taken out and other
// Korean, Chinese and Japanese names put in, spelled in their romanization variants, numbers varied,
// and now and then a surname turned into an English word by MT. Everything is seeded, so every run
// checks the same articles.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../dist/core/article/parse-article.js';
import { seededRandom } from './article.js';

/**
 * People the generated articles name: the preferred spelling first, then the romanization variants
 * MT and wire copy produce (reference korean-names.md), and the English word MT makes of the
 * surname where there is one (its section (c)). Several share a surname and are different people
 * (Kim Jong-un and Kim Jong-nam, Park Geun-hye and Park Chung-hee): the checks must keep them apart.
 */
export const PEOPLE = [
  { spellings: ['Cho Tae-yul', 'Cho Tae-yeol', 'Jo Tae-yeol'], homograph: 'Trillion' },
  { spellings: ['Cho Kuk', 'Jo Guk', 'Cho Kook'], homograph: 'Trillion' },
  { spellings: ['Han Duck-soo', 'Han Deok-soo', 'Han Deok-su'], homograph: 'One' },
  { spellings: ['Han Dong-hoon', 'Han Dong-hun'], homograph: 'One' },
  { spellings: ['Ahn Cheol-soo', 'Ahn Chul-soo', 'Cheol-soo Ahn', 'Ahn Cheolsoo'] },
  { spellings: ['Ahn Jung-geun', 'An Jung-geun'] },
  { spellings: ['Kim Jong-un', 'Kim Jong Un'] },
  { spellings: ['Kim Jong-nam', 'Kim Jong Nam'] },
  { spellings: ['Kim Keon-hee', 'Kim Kun-hee', 'Gim Geon-hui'] },
  { spellings: ['Park Geun-hye', 'Pak Kun-hye', 'Bak Geun-hye'] },
  { spellings: ['Park Chung-hee', 'Pak Chong-hui'] },
  { spellings: ['Lee Jae-myung', 'Yi Jae-myeong', 'Rhee Jae-myung'], homograph: 'This' },
  { spellings: ['Lee Jun-seok', 'Lee Joon-suk'], homograph: 'This' },
  { spellings: ['Yoon Suk-yeol', 'Yun Seok-yeol', 'Yoon Seok-youl'] },
  { spellings: ['Moon Jae-in', 'Mun Jae-in'], homograph: 'Door' },
  { spellings: ['Chung Jin-suk', 'Jeong Jin-seok', 'Jung Jin-suk'] },
  { spellings: ['Bae Hyun-jin', 'Bae Hyeon-jin', 'Pae Hyun-jin'], homograph: 'Pear' },
  { spellings: ['Baek Jong-won', 'Paik Jong-won'], homograph: 'Hundred' },
  { spellings: ['Choo Kyung-ho', 'Chu Kyeong-ho'], homograph: 'Autumn' },
  { spellings: ['Song Young-gil', 'Song Yeong-gil'] },
  { spellings: ['Choi Sang-mok', 'Choe Sang-mok'] },
  { spellings: ['Woo Won-shik', 'U Won-sik'] },
  { spellings: ['Hwang Un-ha', 'Hwang Woon-ha'] },
  { spellings: ['Kwon Seong-dong', 'Kwon Sung-dong', 'Gwon Seong-dong'] },
  { spellings: ['Shin Won-sik', 'Sin Won-sik'] },
];

/** Other people: named once or twice, one spelling each (they give the name index names that need no flag). */
export const OTHERS = ['Wang Yi', 'Xi Jinping', 'Li Qiang', 'Kishida Fumio', 'Kamikawa Yoko', 'Hwang Un-ha', 'Jeong Seong-ho', 'Moon Chung-in', 'Lee Jun-seok', 'Song Mi-ryung'];

/** Chance that a mention of the main person uses a variant rather than the preferred spelling (range 0-1). */
export const VARIANT_RATE = 0.3;
/** Chance that an article carries an MT homograph of its main person's surname, when the surname has one (range 0-1). */
const HOMOGRAPH_RATE = 0.5;
/** Chance that an article also names a different person with the main person's surname (range 0-1). */
const NAMESAKE_RATE = 0.25;
/** Chance that a body sentence is one that names the main person (range 0-1). */
const NAMED_SENTENCE_RATE = 0.35;
/** Body paragraphs, least and most, and sentences per paragraph (2 or 3). */
const MIN_PARAGRAPHS = 4;
const MAX_PARAGRAPHS = 14;

const SENTENCE_BREAK = /(?<=[.?!]["'”’]?)\s+(?=[A-Z"“‘])/u;
const OPENING = ['본문 바로가기', 'bar_progress', 'Text Size', 'Close'];
const CLOSING = ['© The Asia Business Daily(www.asiae.co.kr). All rights reserved.', 'Special Coverage', 'Top'];

/** Headlines and sentences of our own, for the shapes the source articles lack. {P} main person, {S} surname alone, {Q} someone else, {H} the homograph. */
const OWN_HEADLINES = ['{P} Meets {Q} in Seoul', '{P} Calls for Talks on Trade and Security', '{P} "We Will Respond Firmly"', 'Government Announces Measures on Prices'];
const OWN_STANDFIRSTS = ['Talks Held at the Presidential Office', 'Ruling Party Holds Supreme Council Meeting', 'Opposition Criticizes Budget Cuts'];
const OWN_SENTENCES = [
  '{P} met {Q} on the 12th and discussed cooperation on supply chains.',
  'Minister {S} said the government would announce further measures next week.',
  'According to officials, {P} will visit Washington at the end of the month.',
  'The meeting lasted about 90 minutes, and {Q} did not comment afterwards.',
];
const HOMOGRAPH_HEADLINES = ['{H} Raises Issues at Meeting with {Q}', '{H} Representative "Special Bill Must Be Passed"'];
const HOMOGRAPH_SENTENCES = ['{H} minister also asked for cooperation on the matter.', '{H} representative also said he would meet the party leaders next week.'];
const NAMESAKE_SENTENCES = ['{R} was not present at the meeting, officials said.', 'A spokesperson for {R} declined to comment.'];
const CAPTIONS = ['{P} speaks at a press conference on the {D}.\n[Photo by Yonhap News]', '{P} (right) shakes hands with {Q} on the {D}.\n[Photo by Ministry of Foreign Affairs]'];

/** Returns `list` shuffled with `random`. */
function shuffle(list, random) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const pick = (list, random) => list[Math.floor(random() * list.length)];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * Returns the source articles' content as templates: each text with its labelled people replaced by
 * {P} (the first person named), {Q} (anyone else) and {S} (the first person's surname alone), and
 * the sentences that use a labelled homograph as a name left out (the generator adds its own).
 */
function readTemplates(sources) {
  const headlines = [];
  const standfirsts = [];
  const sentences = [];
  const seen = new Set();
  for (const { text, gold } of sources) {
    const content = parseArticle(text).segments.filter((s) => s.kind !== 'boilerplate' && s.kind !== 'caption');
    const joined = content.map((s) => s.text).join('\n');
    const people = [...gold.clusters, ...gold.singletons.map((s) => [s])]
      .map((spellings) => ({ spellings, first: Math.min(...spellings.map((s) => (joined.indexOf(s) < 0 ? Infinity : joined.indexOf(s)))) }))
      .sort((a, b) => a.first - b.first);
    const main = people[0];
    const surnames = main ? [...new Set(main.spellings.map((s) => (/^[A-Z][a-z]+-[a-z]+ [A-Z]/u.test(s) ? s.split(' ').at(-1) : s.split(' ')[0])))] : [];
    const replacements = people
      .flatMap((p, i) => p.spellings.map((s) => [s, i === 0 ? '{P}' : '{Q}']))
      .sort((a, b) => b[0].length - a[0].length);
    const template = (t) => {
      let out = t;
      for (const [spelling, slot] of replacements) out = out.replace(new RegExp(`(?<![\\p{L}-])${escape(spelling)}(?![\\p{L}-])`, 'gu'), slot);
      for (const surname of surnames) out = out.replace(new RegExp(`(?<![\\p{L}{}-])${escape(surname)}(?![\\p{L}}-])`, 'gu'), '{S}');
      return out;
    };
    const isHomographUse = (t) =>
      gold.homographs.some((h) => new RegExp(`\\b${escape(h.text)}\\b`, 'u').test(gold.homograph_distractors.reduce((rest, d) => rest.split(d).join(''), t)));
    for (const segment of content) {
      const parts = segment.kind === 'body' ? segment.text.split(SENTENCE_BREAK) : [segment.text];
      for (const part of parts) {
        if (isHomographUse(part) || seen.has(part)) continue;
        seen.add(part);
        const out = template(part);
        if (segment.kind === 'headline') headlines.push(out);
        else if (segment.kind === 'standfirst') standfirsts.push(out);
        else if (out.split(/\s+/u).length >= 4) sentences.push(out);
      }
    }
  }
  return {
    headlines: [...headlines, ...OWN_HEADLINES],
    standfirsts: [...standfirsts, ...OWN_STANDFIRSTS],
    named: [...sentences.filter((s) => s.includes('{P}') || s.includes('{S}')), ...OWN_SENTENCES.slice(0, 3)],
    plain: [...sentences.filter((s) => !s.includes('{P}') && !s.includes('{S}')), OWN_SENTENCES[3]],
  };
}

/** Returns the corpus articles and the dev set's, each with its labels (the corpus article is the dev set's d00, labelled there). */
export function readSources(corpusDir, devSetDir) {
  const gold = JSON.parse(readFileSync(join(devSetDir, 'gold.json'), 'utf8'));
  const dev = Object.keys(gold).sort().map((file) => ({ file, text: readFileSync(join(devSetDir, file), 'utf8'), gold: gold[file] }));
  const corpus = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(corpusDir, file), 'utf8') }))
    .filter((c) => !dev.some((d) => d.text === c.text))
    .map((c) => ({ ...c, gold: { clusters: [], singletons: [], homographs: [], homograph_distractors: [] } }));
  return [...corpus, ...dev];
}

const ORDINAL = (n) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** Returns `text` with its numbers varied: days of the month stay days, other numbers keep their number of digits. */
function varyNumbers(text, random) {
  return text
    .replace(/\b\d{1,2}(?:st|nd|rd|th)\b/gu, () => ORDINAL(1 + Math.floor(random() * 28)))
    .replace(/\d+/gu, (digits, at, whole) => {
      if (/[a-z]/u.test(whole[at + digits.length] ?? '')) return digits;
      return [...digits].map((_, i) => (i === 0 && digits.length > 1 ? 1 + Math.floor(random() * 9) : Math.floor(random() * 10))).join('');
    });
}

/**
 * Returns a generator of article texts: `next()` gives the next article (its text, the main person's
 * spellings, preferred first, and whether it carries a homograph and a namesake). Same seed, same articles.
 */
export function createArticleGenerator(sources, seed = 20240601) {
  const templates = readTemplates(sources);
  const random = seededRandom(seed);
  return {
    templates,
    next() {
      const main = pick(PEOPLE, random);
      const surname = main.spellings[0].split(' ')[0];
      const namesakes = PEOPLE.filter((p) => p !== main && p.spellings[0].split(' ')[0] === surname);
      const namesake = namesakes.length > 0 && random() < NAMESAKE_RATE ? pick(namesakes, random) : undefined;
      let other = pick(OTHERS, random);
      while (main.spellings.includes(other)) other = pick(OTHERS, random);
      const hasHomograph = main.homograph !== undefined && random() < HOMOGRAPH_RATE;
      const fill = (t) =>
        t
          .replace(/\{P\}/gu, () => (random() < VARIANT_RATE ? pick(main.spellings.slice(1), random) : main.spellings[0]))
          .replace(/\{S\}/gu, surname)
          .replace(/\{Q\}/gu, other)
          .replace(/\{R\}/gu, namesake?.spellings[0] ?? other)
          .replace(/\{H\}/gu, main.homograph ?? surname)
          .replace(/\{D\}/gu, () => ORDINAL(1 + Math.floor(random() * 28)));

      const headline = hasHomograph && random() < 0.5 ? pick(HOMOGRAPH_HEADLINES, random) : pick(templates.headlines, random);
      const standfirst = pick(templates.standfirsts, random);
      const paragraphCount = MIN_PARAGRAPHS + Math.floor(random() * (MAX_PARAGRAPHS - MIN_PARAGRAPHS + 1));
      let named = shuffle(templates.named, random);
      let plain = shuffle(templates.plain, random);
      const paragraphs = [];
      for (let i = 0; i < paragraphCount; i += 1) {
        const size = random() < 0.4 ? 3 : 2;
        const sentences = [];
        for (let j = 0; j < size; j += 1) {
          if (named.length === 0) named = shuffle(templates.named, random);
          if (plain.length === 0) plain = shuffle(templates.plain, random);
          sentences.push(random() < NAMED_SENTENCE_RATE ? named.pop() : plain.pop());
        }
        paragraphs.push(sentences);
      }
      // The first paragraph names the main person in full, as news copy does.
      paragraphs[0].unshift('{P} said on the {D} that the government would respond.');
      if (hasHomograph) pick(paragraphs, random).push(pick(HOMOGRAPH_SENTENCES, random));
      if (namesake) pick(paragraphs.slice(1), random).push(pick(NAMESAKE_SENTENCES, random));
      const body = paragraphs.map((p) => varyNumbers(fill(p.join(' ')), random));
      const caption = varyNumbers(fill(pick(CAPTIONS, random)), random);
      const blocks = [...OPENING, fill(headline), fill(standfirst), ...body.slice(0, 2), caption, ...body.slice(2), ...CLOSING];
      const text = `${blocks.join('\n\n')}\n`;
      return { text, spellings: main.spellings, hasHomograph, hasNamesake: namesake !== undefined };
    },
  };
}

/** Returns an article text parsed into the view the checks take (unedited: the edit is the MT, as `copydesk check` reads a file). */
export function toCheckView(key, text) {
  const parsed = parseArticle(text);
  return { key, title: parsed.title, segments: parsed.segments.map((s, index) => ({ index, kind: s.kind, mt: s.text, edit: s.text })) };
}
