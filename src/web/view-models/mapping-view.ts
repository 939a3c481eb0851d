import type { CsvColumnRole, CsvMapping } from '../../formats/glossary/csv-mapping.js';
import { CSV_COLUMN_ROLES } from '../../formats/glossary/csv-mapping.js';
import type { CsvPreview } from '../../formats/glossary/csv-read.js';
import type { PendingImport } from '../../service/types.js';

/** What each column role means, for the mapping form. */
const ROLE_LABELS: Readonly<Record<CsvColumnRole, string>> = {
  term: 'term (one per row)',
  lang: 'language of the term',
  status: 'status (preferred / admitted / deprecated)',
  note: 'note on the term',
  preferred: 'preferred form',
  admitted: 'admitted form(s)',
  deprecated: 'deprecated form(s)',
  korean: 'Korean form',
  concept_id: 'concept id (groups rows)',
  type: 'concept type',
  concept_note: 'note on the concept',
  origin: 'origin',
  created_from: 'created from',
  created_by: 'created by',
  created_at: 'created at',
  modified_by: 'modified by',
  modified_at: 'modified at',
  ignore: 'ignore this column',
};

/** Returns the CSV mapping page's view-model: the preview table and, per column, the role select. */
export function buildMappingView(pending: PendingImport, preview: CsvPreview, mapping: CsvMapping, message: string | null) {
  return {
    title: `Map the columns of ${pending.name}`,
    action: `/glossary/import/${pending.id}`,
    message,
    rowCount: preview.rowCount,
    hasHeader: mapping.hasHeader,
    delimiters: [
      { value: ',', label: 'comma', isCurrent: mapping.delimiter === ',' },
      { value: ';', label: 'semicolon', isCurrent: mapping.delimiter === ';' },
      { value: 'tab', label: 'tab', isCurrent: mapping.delimiter === '\t' },
    ],
    columns: Array.from({ length: preview.columnCount }, (_, i) => ({
      field: `role_${i}`,
      heading: preview.header?.[i] ?? `column ${i + 1}`,
      roles: CSV_COLUMN_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], isCurrent: mapping.columns[i] === role })),
    })),
    rows: preview.rows,
  };
}
