/**
 * Table-driven homograph fixtures (issue 12): every surname-homograph row of the reference table
 * (docs/reference/korean-names.md, section (c)), in every position where Korean news puts a bare
 * surname (headline subject, `Surname "quotation"`, `Surname, …`, surname + title, sentence
 * subject), has a case that must be flagged and one where the same word is ordinary English and
 * must not be. The rows are read from the reference itself, so adding a surname there adds its
 * cases (and fails until src/core/names/surnames.ts has the row).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/core/checks/run-checks.js';
import { headlineSubject } from '../../../src/core/checks/headline-subject.js';
import { surnameHomograph } from '../../../src/core/checks/surname-homograph.js';
import { COLLECTIVE_NOUNS } from '../../../src/core/names/english-words.js';
import { surnamesMeaning } from '../../../src/core/names/surname-lookup.js';
import { SURNAMES, type SurnameRow } from '../../../src/core/names/surnames.js';
import { articleFrom, rawArticle } from '../names/article-from.js';

const REFERENCE = new URL('../../../docs/reference/korean-names.md', import.meta.url);

/** One row of section (c) as the reference writes it. */
interface ReferenceRow {
  readonly hangul: string;
  readonly rr: string;
  readonly meanings: string;
}

/** Returns the surname rows of section (c): the table between its heading and the next section. */
function referenceRows(): ReferenceRow[] {
  const text = readFileSync(REFERENCE, 'utf8');
  const from = text.indexOf('## (c)');
  const to = text.indexOf('\n## ', from + 1);
  const section = text.slice(from, to === -1 ? undefined : to);
  return section
    .split('\n')
    .filter((line) => /^\|\s*\p{Script=Hangul}/u.test(line))
    .map((line) => {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      return { hangul: (cells[0] ?? '').split(/\s/u)[0] ?? '', rr: (cells[2] ?? '').split(/\s/u)[0]?.toLowerCase() ?? '', meanings: cells[5] ?? '' };
    });
}

const REFERENCE_ROWS = referenceRows();
const ROW_BY_HANGUL = new Map(SURNAMES.map((row) => [row.hangul, row]));
const COLLECTIVE = new Set(COLLECTIVE_NOUNS);

/** The words the checks read as this surname (the table's meanings that are not spellings of the surname itself). */
function homographWords(row: SurnameRow): string[] {
  return row.meanings.filter((m) => /^\p{L}+$/u.test(m) && surnamesMeaning(m).includes(row.rr));
}

const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
/** The person of the fixture: the surname's popular spelling (else its RR) and a given name. */
const surnameOf = (row: SurnameRow): string => cap(row.spellings[0] ?? row.rr);
const ledeOf = (row: SurnameRow): string => `${surnameOf(row)} Ji-hoon, a lawmaker, spoke to reporters at the National Assembly on the 3rd.`;

type Position = 'headline subject' | 'Surname "quotation"' | 'Surname,' | 'surname + title' | 'sentence subject';

/** The flagged case and the ordinary-English case of a word in a position: raw article, and the check that must flag the positive. */
function casesOf(row: SurnameRow, word: string, position: Position): { positive: string; negative: string; check: string; segment: number } {
  const W = cap(word);
  const lede = ledeOf(row);
  switch (position) {
    case 'headline subject':
      return { positive: rawArticle(`${W} Vows to Press Ahead With Reform`, lede), negative: rawArticle(`The ${W} Question Returns`, lede), check: headlineSubject.id, segment: 0 };
    case 'Surname "quotation"':
      return { positive: rawArticle(`${W} "We Will Not Retreat"`, lede), negative: rawArticle(`The ${W} "Will Not Change," Officials Say`, lede), check: headlineSubject.id, segment: 0 };
    case 'Surname,':
      return { positive: rawArticle(`${W}, Declares Bid for Party Leadership`, lede), negative: rawArticle(`After the ${W}, Lawmakers Return to Work`, lede), check: headlineSubject.id, segment: 0 };
    case 'surname + title':
      return {
        positive: rawArticle('Party Meeting Ends', lede, `${W} lawmaker also said the party would meet again.`),
        negative: rawArticle('Party Meeting Ends', lede, `Reporters asked about the ${word} lawmaker debate.`),
        check: surnameHomograph.id,
        segment: 2,
      };
    case 'sentence subject':
      return {
        positive: rawArticle('Party Meeting Ends', lede, `${W} vows to keep talking to the opposition, aides said.`),
        negative: rawArticle('Party Meeting Ends', lede, `Officials said the ${word} was not discussed.`),
        check: surnameHomograph.id,
        segment: 2,
      };
  }
}

const POSITIONS: readonly Position[] = ['headline subject', 'Surname "quotation"', 'Surname,', 'surname + title', 'sentence subject'];

/**
 * Places, countries and bodies of people (COLLECTIVE_NOUNS: "Korea", "South", "Hospital") vow and
 * urge in English, so with a bare verb after them they are not read as a surname; their
 * quotation, comma and title forms are still flagged.
 */
const isVerbPosition = (p: Position): boolean => p === 'headline subject' || p === 'sentence subject';

const cases = REFERENCE_ROWS.flatMap((ref) => {
  const row = ROW_BY_HANGUL.get(ref.hangul);
  if (row === undefined) return [];
  return homographWords(row).flatMap((word) =>
    POSITIONS.filter((p) => !(COLLECTIVE.has(word) && isVerbPosition(p))).map((position) => ({ label: `${row.hangul} ${row.rr}: "${cap(word)}", ${position}`, row, word, position })),
  );
});

const flagsOnWord = (raw: string, word: string) =>
  runChecks(articleFrom(raw)).filter((f) => (f.check === headlineSubject.id || f.check === surnameHomograph.id) && f.text.toLowerCase() === word);

describe('homographs of the reference table, section (c), in every position', () => {
  it('reads the reference table: every row is in the surname table, every meaning the checks read is one the reference lists', () => {
    expect(REFERENCE_ROWS.length).toBeGreaterThan(60);
    const missing = REFERENCE_ROWS.filter((r) => !ROW_BY_HANGUL.has(r.hangul)).map((r) => r.hangul);
    expect(missing).toEqual([]);
    const unlisted = REFERENCE_ROWS.flatMap((r) => {
      const row = ROW_BY_HANGUL.get(r.hangul);
      const listed = r.meanings.toLowerCase().replace(/labour/gu, 'labour labor');
      return (row?.meanings ?? []).filter((m) => !new RegExp(`\\b${m}\\b`, 'u').test(listed)).map((m) => `${r.hangul}: ${m}`);
    });
    expect(unlisted).toEqual([]);
  });

  it('generates cases for every homograph row (at least the ★ rows: 이 This, 조 Trillion, 한 One, 문 Door, 왕 King)', () => {
    const words = new Set(cases.map((c) => c.word));
    for (const w of ['this', 'trillion', 'one', 'door', 'king']) expect(words.has(w), w).toBe(true);
    expect(cases.length).toBeGreaterThan(400);
  });

  it.each(cases)('$label: flagged, and not flagged as ordinary English', ({ row, word, position }) => {
    const { positive, negative, check, segment } = casesOf(row, word, position);
    const hits = flagsOnWord(positive, word);
    expect(hits.map((f) => `${f.check}@${f.segment}`), positive).toEqual([`${check}@${segment}`]);
    if (check === headlineSubject.id) expect(hits[0]?.suggestions[0]).toBe(surnameOf(row));
    expect(flagsOnWord(negative, word).map((f) => `${f.check}@${f.segment}: ${f.text}`), negative).toEqual([]);
  });
});
