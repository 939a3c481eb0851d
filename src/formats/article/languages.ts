/** The source language of Copydesk's articles (BCP 47): Korean. */
export const SOURCE_LANG = 'ko';

/** The target language (BCP 47): English, the MT's and the editor's. */
export const TARGET_LANG = 'en';

/**
 * A BCP 47 tag for "English as the MT wrote it": `en` with the private-use subtag `x-mt`
 * (RFC 5646 §2.2.7). TMX tells a translation unit's variants apart only by `xml:lang`, so a
 * monolingual TMX pairs `en-x-mt` (the MT) with `en` (the post-edit) instead of two `en` variants,
 * which formats.md §1.2 option 3 warns TM tools collapse into one.
 */
export const MT_LANG = 'en-x-mt';
