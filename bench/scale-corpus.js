// The articles of the scale benchmark (issue 10): the checks benchmark's seeded generator
// (checks-corpus.js: people with romanization variants, surname homographs, namesakes, numbers
// varied) written out as N files, as a newsroom's archive would arrive for `copydesk import`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createArticleGenerator, readSources } from './checks-corpus.js';

const REPO_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Writes `count` generated articles into `dir` (a000001.txt …); returns the main person's spellings of each, in order. */
export function writeScaleCorpus(dir, count, seed = 20261207) {
  mkdirSync(dir, { recursive: true });
  const generator = createArticleGenerator(readSources(join(REPO_DIR, 'corpus'), join(REPO_DIR, 'test', 'fixtures', 'dev-set')), seed);
  const spellings = [];
  for (let i = 1; i <= count; i += 1) {
    const article = generator.next();
    writeFileSync(join(dir, `a${String(i).padStart(6, '0')}.txt`), article.text);
    spellings.push(article.spellings);
  }
  return spellings;
}

// `node bench/scale-corpus.js DIR COUNT` writes a corpus to look at.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dir, count] = process.argv.slice(2);
  if (!dir || !count) throw new Error('Usage: node bench/scale-corpus.js DIR COUNT');
  writeScaleCorpus(dir, Number(count));
}
