/**
 * Titles and honorifics that stand before a person's name in English news ("Minister Cho",
 * "Prime Minister Han Duck-soo", "Chief of Staff Jeong Jin-seok", "Mrs. Kim"). A surname right
 * after one of them is a surname-only mention of a person. The reference (korean-names.md,
 * section (c)) lists the Korean titles MT renders this way: 대표 representative/leader/CEO,
 * 장관 minister, 의원 lawmaker/Rep., 회장 chairman, 대통령 president, 총리 prime minister. Data only;
 * matched case-insensitively, as whole words, against the words before the surname.
 */

/** Title phrases (lower-case); a phrase ends right before the surname. Multi-word phrases first. */
export const PERSON_TITLES: readonly string[] = [
  'chief of staff', 'prime minister', 'floor leader', 'first lady', 'vice minister', 'deputy minister',
  'chief justice', 'vice president', 'vice chairman', 'party leader',
  'minister', 'president', 'representative', 'rep.', 'rep', 'lawmaker', 'leader', 'chairman', 'chairwoman',
  'chairperson', 'chair', 'chief', 'ceo', 'governor', 'mayor', 'ambassador', 'envoy', 'secretary',
  'spokesperson', 'spokesman', 'spokeswoman', 'director', 'commissioner', 'speaker', 'judge', 'justice',
  'prosecutor', 'general', 'gen.', 'admiral', 'commander', 'senator', 'sen.', 'professor', 'prof.', 'dr.',
  'mr.', 'mrs.', 'ms.', 'mr', 'mrs', 'ms', 'madam', 'candidate', 'nominee', 'coach', 'captain', 'superintendent',
  'premier', 'chancellor', 'ex-president',
];

/**
 * Singular title words that, written right after a surname turned into an English word, show that a
 * person is meant ("Trillion Representative", "One prime minister", "King minister").
 */
export const TITLE_WORDS: readonly string[] = [
  'minister', 'president', 'representative', 'rep.', 'rep', 'lawmaker', 'leader', 'chairman', 'chairwoman',
  'chairperson', 'ceo', 'governor', 'mayor', 'ambassador', 'envoy', 'secretary', 'spokesperson', 'spokesman',
  'director', 'commissioner', 'speaker', 'judge', 'prosecutor', 'senator', 'professor', 'nominee', 'candidate',
  'premier', 'chancellor', 'chief', 'head', 'superintendent', 'commander',
];

/** Words that may stand between the homograph and its title ("King Foreign Minister", "Door former president"). */
export const TITLE_QUALIFIERS: readonly string[] = [
  'prime', 'foreign', 'defense', 'defence', 'finance', 'unification', 'justice', 'trade', 'interior', 'former',
  'acting', 'floor', 'party', 'vice', 'deputy', 'first', 'interim', 'supreme', 'executive', 'senior',
];

/** Offices held by one person at a time: "One prime minister" cannot mean "a prime minister". */
export const UNIQUE_OFFICES: readonly string[] = ['prime', 'president', 'premier', 'speaker'];
