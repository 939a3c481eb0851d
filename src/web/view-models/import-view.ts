import type { SourceOutcome, UploadOutcome } from '../../service/import-articles.js';

/** What became of one file, as the import results list it. */
export interface ImportResultRowVm {
  /** The file's name as sent, an entry's path in its .zip, or "Pasted 2" (untrusted: the template prints it escaped). */
  readonly file: string;
  /** The .zip the entry came in; null for a file sent by itself or pasted text. */
  readonly archive: string | null;
  readonly outcome: 'added' | 'existing' | 'refused' | 'skipped';
  /** "Added", "Already in the corpus", "Refused" or "Skipped": the outcome in words, so colour is never the only cue. */
  readonly label: string;
  /** The article's review page; null when the file was refused. */
  readonly url: string | null;
  /** The article's title ('' when refused). */
  readonly title: string;
  /** "(19 segments)", "is the same article as “a.txt” above", or why the file was refused or skipped. */
  readonly detail: string;
}

/** The results of an import of several files. */
export interface ImportResultsVm {
  /** "3 files: 1 added, 1 already in the corpus, 1 refused." (", 2 skipped" when some were). */
  readonly summary: string;
  readonly rows: readonly ImportResultRowVm[];
  readonly added: number;
  readonly existing: number;
  readonly refused: number;
  /** Archive entries and pasted items that were no article (a .png in a .zip, an empty item): not refused, left out. */
  readonly skipped: number;
  /** True when new articles wait for the background refresher to work out their figures and flags. */
  readonly hasPendingFigures: boolean;
}

/** What the results say of an article's Korean original (issue 12), after its other detail. */
const SOURCE_DETAILS: Readonly<Record<SourceOutcome, string>> = {
  none: '',
  stored: ', with its Korean original',
  added: '; its Korean original was added',
  kept: '; it already has a Korean original, which was kept',
};

/**
 * Returns the results page's view of an upload's outcomes, one row per file, archive entry or
 * pasted item in the order given; the summary counts them as `unit`s ('item' when pasted articles
 * are among them). An outcome refused for the reason 'skipped' was no article and is listed as skipped.
 */
export function buildImportResultsView(outcomes: readonly UploadOutcome[], unit: 'file' | 'item' = 'file'): ImportResultsVm {
  const firstFileOf = new Map<number, string>();
  const rows = outcomes.map((o): ImportResultRowVm => {
    const file = o.sourceName;
    const archive = o.archive ?? null;
    if (!o.ok && o.reason === 'skipped') return { file, archive, outcome: 'skipped', label: 'Skipped', url: null, title: '', detail: o.message };
    if (!o.ok) return { file, archive, outcome: 'refused', label: 'Refused', url: null, title: '', detail: o.message };
    const url = `/articles/${o.id}`;
    const earlier = firstFileOf.get(o.id);
    if (earlier === undefined) firstFileOf.set(o.id, o.sourceName);
    const original = SOURCE_DETAILS[o.source];
    if (o.isNew) return { file, archive, outcome: 'added', label: 'Added', url, title: o.title, detail: `(${plural(o.segmentCount, 'segment')})${original}` };
    // Two identical files in one upload: the second finds the first, not an older article.
    const detail = o.source === 'added'
      ? `was already in the corpus${original}`
      : earlier === undefined ? `was already in the corpus; nothing changed${original}` : `is the same article as “${earlier}” above${original}`;
    return { file, archive, outcome: 'existing', label: 'Already in the corpus', url, title: o.title, detail };
  });
  const count = (outcome: ImportResultRowVm['outcome']) => rows.filter((r) => r.outcome === outcome).length;
  const added = count('added');
  const existing = count('existing');
  const refused = count('refused');
  const skipped = count('skipped');
  const summary = `${plural(rows.length, unit)}: ${added} added, ${existing} already in the corpus, ${refused} refused${skipped > 0 ? `, ${skipped} skipped` : ''}.`;
  return { summary, rows, added, existing, refused, skipped, hasPendingFigures: added > 0 };
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
