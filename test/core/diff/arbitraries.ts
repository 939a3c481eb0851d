// fast-check arbitraries shared by the diff tests: texts that look like news copy, and pairs of
// an MT text and a plausible edit of it.
import fc from 'fast-check';

// Words, names and marks that trip tokenisers: hyphenated and apostrophised names (jsdiff splits
// both), Hangul (one jsdiff token per syllable), emoji ZWJ sequences and flags (jsdiff cuts them
// per code point), a decomposed accent, numbers with separators.
const WORDS = [
  'Cho', 'Tae-yeol', 'Tae-yul', 'King', 'Raises', 'Issues', 'held', 'talks', 'in', 'Beijing',
  "don't", 'Ban’s', 'café', 'cafe\u0301', '조태열', '외교부', '장관', '677.4', '1,000', 'won',
  '👨‍👩‍👧', '👍🏽', '🇰🇷', 'U.S.', 'شكرا', 'x',
];
const PUNCTUATION = ['.', ',', ':', ';', '"', '“', '”', "'", '-', '--', '—', '(', ')', '?', '!'];
const SPACES = [' ', ' ', ' ', '  ', '\n', '\r\n', '\r', '\t', '\u00a0'];

/** Returns an arbitrary token of news-like text: a word, punctuation or whitespace. */
export const token = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
    { weight: 4, arbitrary: fc.constantFrom(...SPACES) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
  );

/** Returns an arbitrary news-like text built from tokens. */
export const newsText = (maxTokens = 30): fc.Arbitrary<string> =>
  fc.array(token(), { maxLength: maxTokens }).map((tokens) => tokens.join(''));

/** Returns an arbitrary base text and an edit of it: tokens replaced, deleted and inserted. */
export const editedPair = (): fc.Arbitrary<[string, string]> =>
  fc
    .tuple(
      fc.array(token(), { maxLength: 30 }),
      fc.array(
        fc.record({ at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.array(token(), { maxLength: 3 }) }),
        { maxLength: 4 },
      ),
    )
    .map(([base, edits]) => {
      const edited = [...base];
      for (const { at, remove, insert } of edits) {
        edited.splice(at % (edited.length + 1), remove, ...insert);
      }
      return [base.join(''), edited.join('')];
    });

/** Returns arbitrary pairs of texts: unrelated graphemes, any code points, news-like, and edits. */
export const textPair = (): fc.Arbitrary<[string, string]> =>
  fc.oneof(
    fc.tuple(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' })),
    fc.tuple(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 })),
    fc.tuple(newsText(), newsText()),
    editedPair(),
  );
