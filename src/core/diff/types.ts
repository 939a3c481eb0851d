/** One operation of a diff: text kept, deleted from the MT, or inserted by the editor. */
export type DiffOp = 'eq' | 'del' | 'ins';

/** One part of a diff; concatenating the `eq`+`del` parts gives the old text, `eq`+`ins` the new. */
export interface DiffPart {
  readonly op: DiffOp;
  readonly text: string;
}

/** A correction: one changed stretch, widened to whole words, as an MT phrase -> edited phrase pair. */
export interface CorrectionPair {
  /** The MT phrase (may be '' for a pure insertion). */
  readonly mtText: string;
  /** The edited phrase (may be '' for a pure deletion). */
  readonly editText: string;
  /** Offsets of `mtText` in the old text: old.slice(mtStart, mtEnd) === mtText. */
  readonly mtStart: number;
  readonly mtEnd: number;
  /** Offsets of `editText` in the new text: new.slice(editStart, editEnd) === editText. */
  readonly editStart: number;
  readonly editEnd: number;
}
