/** One place where a person's name (or a surname standing for them) is written in the article. */
export interface NameMention {
  /** 0-based segment index. */
  readonly segment: number;
  /** Offsets into the segment's edit text; text === edit.slice(start, end). */
  readonly start: number;
  readonly end: number;
  /** The name as written, without titles or possessive ("Cho Tae-yeol", "Cheol-soo Ahn", "Cho"). */
  readonly text: string;
  /** True for a surname standing alone ("Minister Cho"). */
  readonly isSurnameOnly: boolean;
}

/** One person found in an article, with every spelling used for them. */
export interface Person {
  /** Stable slug of the preferred spelling ("cho-tae-yul"); used as the flag group. */
  readonly id: string;
  /** The spelling to suggest: glossary's, else the one editors corrected to, else the most frequent. */
  readonly preferred: string;
  /** Distinct full spellings (surname-only mentions excluded), preferred first, with their counts. */
  readonly spellings: readonly { readonly text: string; readonly count: number }[];
  /** Every mention, full names and the surname-only mentions that were joined to this person. */
  readonly mentions: readonly NameMention[];
  /** The normalised surname key shared by all spellings (e.g. "jo" for Cho/Jo/Joe). */
  readonly surnameKey: string;
  /** Every surname key all the spellings share ("Choo" is 추 or 주: ["ju", "chu"]); surnameKey is the first. */
  readonly surnameKeys?: readonly string[];
  /** Why `preferred` was chosen: the glossary's form, the spelling an editor corrected to, or the most frequent. */
  readonly preferredBecause?: PreferredBecause;
}

/**
 * Where a person's preferred spelling comes from, in the order they are tried (issues 3 and 12):
 * `table` when the reference table's listed forms overruled the majority.
 */
export type PreferredBecause = 'glossary' | 'correction' | 'table' | 'frequency';

/** The people of one article: built once per check run and shared by the name checks. */
export interface NameIndex {
  readonly people: readonly Person[];
}
