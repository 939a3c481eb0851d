/**
 * The words the number tokeniser reads. Kept as data so that a reader can see what is and is not
 * understood: no fractions ("half"), no "dozen", no Korean units (MT renders 만/억/조 as
 * "ten thousand", "hundred million", "trillion", so the English scale words cover them).
 */

/** Spelled-out numbers zero to ninety; "twenty-five" is read as twenty + five. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
};

/** Scale words and their powers of ten ("677.4 trillion" = 677.4 x 10^12); bn/tn/mn as in financial copy. */
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  hundred: 2, thousand: 3, million: 6, mn: 6, billion: 9, bn: 9, trillion: 12, tn: 12,
};

/** Month names and the abbreviations AP style uses, with their numbers. Capitalised only: "august" is an adjective. */
export const MONTHS: Readonly<Record<string, number>> = {
  January: 1, February: 2, March: 3, April: 4, May: 5, June: 6, July: 7, August: 8,
  September: 9, October: 10, November: 11, December: 12,
  'Jan.': 1, 'Feb.': 2, 'Aug.': 8, 'Sept.': 9, 'Sep.': 9, 'Oct.': 10, 'Nov.': 11, 'Dec.': 12,
};

/** Words after a number that make it an amount of money, plus the percent forms. */
export const UNIT_WORDS: readonly string[] = ['won', 'dollar', 'dollars', 'yen', 'yuan', 'euro', 'euros', 'pound', 'pounds', 'percent', 'per cent'];

/** Currency signs before a number that make it an amount. */
export const CURRENCY_SIGNS = '$€£¥₩';
