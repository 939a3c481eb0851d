import type { ServiceContext } from './context.js';
import { listArticleRows } from '../store/articles.js';
import { listSegments } from '../store/segments.js';
import { listCurrentCorrections } from '../store/corrections.js';
import { listConcepts } from '../store/glossary.js';
import { listDistinctPeople, recordDistinctPeople } from '../store/decisions.js';
import { buildCorpusNameIndex, type CorpusNameIndex } from '../core/names/build-corpus-name-index.js';
import { toCheckGlossary } from '../core/glossary/check-glossary.js';
import type { ArticleCorrection } from '../core/checks/types.js';
import { toArticleView } from './flag-reader.js';
import { ServiceError } from './errors.js';

/** Longest spelling accepted in a "different people" decision. */
export const MAX_SPELLING_CHARS = 200;

/** Returns every person named in the corpus with their spellings, and the pairs decided to be different people. */
export async function corpusNames(ctx: ServiceContext): Promise<{ index: CorpusNameIndex; distinctPeople: [string, string][] }> {
  const articles = await listArticleRows(ctx.store);
  const views = [];
  const corrections = new Map<string, ArticleCorrection[]>();
  for (const a of articles) {
    views.push(toArticleView(a.id, a.title, await listSegments(ctx.store, a.id)));
    corrections.set(String(a.id), (await listCurrentCorrections(ctx.store, a.id)).map((c) => ({
      segment: c.position, mtText: c.mtText, editText: c.editText, mtStart: c.mtStart, mtEnd: c.mtEnd, editStart: c.editStart, editEnd: c.editEnd,
    })));
  }
  const [distinctPeople, concepts] = await Promise.all([listDistinctPeople(ctx.store), listConcepts(ctx.store)]);
  const index = buildCorpusNameIndex(views, { corrections, distinctPeople, glossary: toCheckGlossary(concepts) });
  return { index, distinctPeople };
}

/** Records that two spellings name different people, in every article; throws invalid for one spelling twice or an empty one. */
export async function decideDistinctPeople(ctx: ServiceContext, a: string, b: string, author: string): Promise<boolean> {
  const [first, second] = [a.trim(), b.trim()];
  if (!first || !second || first.length > MAX_SPELLING_CHARS || second.length > MAX_SPELLING_CHARS) throw new ServiceError('invalid', 'Give the two spellings that name different people.');
  if (first === second) throw new ServiceError('invalid', `“${first}” is one spelling; choose two different spellings.`);
  return recordDistinctPeople(ctx.store, first, second, { author, now: ctx.now() });
}
