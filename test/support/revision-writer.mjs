// A second process that keeps writing to an SQLite database through the built service, as a
// running app instance does: `node revision-writer.mjs FILE ARTICLE_ID` saves revisions of the
// article's segment 6 one after another, imports a new article after every fifth, and prints each
// write once it is committed ("revision N TIME", "article ID TIME", TIME in ms since the epoch).
// It stops when its stdin closes.
// Plain JavaScript over dist/, so the test can start it with node (test/service/backup.test.ts).
import { openServiceContext } from '../../dist/service/context.js';
import { importArticle } from '../../dist/service/import-articles.js';
import { saveEdit } from '../../dist/service/save-segment.js';
import { getSegment } from '../../dist/store/segments.js';

const [file, articleArg] = process.argv.slice(2);
const articleId = Number(articleArg);
const ctx = await openServiceContext({ sqlite: file });
let isStopping = false;
process.stdin.on('end', () => {
  isStopping = true;
});
process.stdin.resume();
for (let i = 1; !isStopping; i += 1) {
  const segment = await getSegment(ctx.store, articleId, 6);
  const saved = await saveEdit(ctx, segment, { text: `Version ${segment.revision + 1} of the paragraph.`, baseNumber: segment.revision, author: 'writer' });
  if (saved.status !== 'saved') throw new Error(`save ${i}: ${saved.status}`);
  process.stdout.write(`revision ${saved.number} ${Date.now()}\n`);
  if (i % 5 === 0) {
    const imported = await importArticle(ctx, { text: `Written Article ${i}\n\nParagraph of article ${i}.`, sourceName: `written-${i}.txt` }, { importedBy: 'writer' });
    if (!imported.ok) throw new Error(imported.message);
    process.stdout.write(`article ${imported.id} ${Date.now()}\n`);
  }
  // The store's calls resolve at once on SQLite: yield, so stdin's end is heard.
  await new Promise((resolve) => setImmediate(resolve));
}
await ctx.store.close();
