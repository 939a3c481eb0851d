import type { SourceOutcome, UploadOutcome } from '../../service/import-articles.js';

/** What became of one file, as the import results list it. */
export interface ImportResultRowVm {
  /** The file's name as sent (untrusted: the template prints it escaped). */
  readonly file: string;
  readonly outcome: 'added' | 'existing' | 'refused';
  /** "Added", "Already in the corpus" or "Refused": the outcome in words, so colour is never the only cue. */
  readonly label: string;
  /** The article's review page; null when the file was refused. */
  readonly url: string | null;
  /** The article's title ('' when refused). */
  readonly title: string;
  /** "(19 segments)", "is the same article as “a.txt” above", or why the file was refused. */
  readonly detail: string;
}

/** The results of an import of several files. */
export interface ImportResultsVm {
  /** "3 files: 1 added, 1 already in the corpus, 1 refused." */
  readonly summary: string;
  readonly rows: readonly ImportResultRowVm[];
  readonly added: number;
  readonly existing: number;
  readonly refused: number;
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

/** Returns the results page's view of an upload's outcomes, one row per file in the order sent. */
export function buildImportResultsView(outcomes: readonly UploadOutcome[]): ImportResultsVm {
  const firstFileOf = new Map<number, string>();
  const rows = outcomes.map((o): ImportResultRowVm => {
    if (!o.ok) return { file: o.sourceName, outcome: 'refused', label: 'Refused', url: null, title: '', detail: o.message };
    const url = `/articles/${o.id}`;
    const earlier = firstFileOf.get(o.id);
    if (earlier === undefined) firstFileOf.set(o.id, o.sourceName);
    const original = SOURCE_DETAILS[o.source];
    if (o.isNew) return { file: o.sourceName, outcome: 'added', label: 'Added', url, title: o.title, detail: `(${plural(o.segmentCount, 'segment')})${original}` };
    // Two identical files in one upload: the second finds the first, not an older article.
    const detail = o.source === 'added'
      ? `was already in the corpus${original}`
      : earlier === undefined ? `was already in the corpus; nothing changed${original}` : `is the same article as “${earlier}” above${original}`;
    return { file: o.sourceName, outcome: 'existing', label: 'Already in the corpus', url, title: o.title, detail };
  });
  const count = (outcome: ImportResultRowVm['outcome']) => rows.filter((r) => r.outcome === outcome).length;
  const added = count('added');
  const existing = count('existing');
  const refused = count('refused');
  const summary = `${plural(rows.length, 'file')}: ${added} added, ${existing} already in the corpus, ${refused} refused.`;
  return { summary, rows, added, existing, refused, hasPendingFigures: added > 0 };
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
