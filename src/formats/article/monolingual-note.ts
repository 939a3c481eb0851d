/**
 * The explanation every monolingual XLIFF or TMX carries (formats.md §1.3: a monolingual
 * post-edit file is schema-valid, but tools assume `source` is a foreign-language original).
 */
export const MONOLINGUAL_NOTE =
  "Monolingual post-edit file: there is no Korean source here. Each segment's source is the machine translation " +
  "(English) and its target is the editor's post-edited English.";
