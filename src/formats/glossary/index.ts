/** Glossary exchange formats (issue 4): TBX-Basic, CSV, DeepL, Google and JSON writers and readers. */
export { MAX_GLOSSARY_BYTES } from './limits.js';
export type { GlossaryReadResult, ImportOptions } from './read-result.js';
export { TBX_NAMESPACE, writeTbx, type TbxMeta } from './tbx.js';
export { readTbx } from './tbx-read.js';
export { GLOSSARY_CSV_COLUMNS, writeGlossaryCsv, type GlossaryCsvColumn } from './csv.js';
export { CSV_COLUMN_ROLES, suggestMapping, type CsvColumnRole, type CsvDelimiter, type CsvMapping } from './csv-mapping.js';
export { importCsv, previewCsv, readGlossaryCsv, type CsvPreview, type CsvPreviewResult } from './csv-read.js';
export { DEFAULT_DEEPL_VARIANT, deeplPairs, writeDeeplCsv, type DeeplVariant } from './deepl.js';
export { DEFAULT_GOOGLE_LAYOUT, GOOGLE_EQUIVALENT_HEADER, googleRecords, writeGoogleCsv, type GoogleLayout } from './google.js';
export { GLOSSARY_JSON_FORMAT, GLOSSARY_JSON_VERSION, readGlossaryJson, writeGlossaryJson } from './json.js';
export { decodeGlossaryBytes } from './decode.js';
export {
  GLOSSARY_EXPORT_FORMATS,
  exportGlossary,
  type GlossaryExport,
  type GlossaryExportFormat,
  type GlossaryExportMeta,
} from './export-glossary.js';
export {
  importGlossary,
  sniffGlossaryFormat,
  type GlossaryImportFormat,
  type GlossaryImportOptions,
  type GlossaryImportResult,
} from './import-glossary.js';
