/**
 * Precision and recall of the name checks on the labelled set (issue 3, "Precision, measured"),
 * written as JSON for bench/checks.js to put into RESULTS.md. Run by bench/checks.js through
 * bench/vitest.checks.config.ts with COPYDESK_PRECISION_OUT set to the file to write; it asserts
 * nothing about the figures (test/core/checks/labelled-set.test.ts does that).
 */
import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { runChecks } from '../src/core/checks/run-checks.js';
import type { ArticleView } from '../src/core/checks/types.js';
import { formatMetrics, loadLabelledSet, measureLabelledSet } from '../test/core/checks/labelled-metrics.js';

/** The labelled dev set in the repository, as the labelled-set test finds it. */
const DEV_SET = new URL('../test/fixtures/dev-set/', import.meta.url);
/** Our own labelled articles. */
const FIXTURES = new URL('../test/fixtures/labelled/', import.meta.url);

/** All checks, as `copydesk check` runs them; the figures concern the two name checks' flags. */
const flagsOf = (article: ArticleView) => runChecks(article);

it('measures the name checks on the labelled set and writes the figures', () => {
  const out = process.env.COPYDESK_PRECISION_OUT;
  if (out === undefined || out === '') throw new Error('Set COPYDESK_PRECISION_OUT to the JSON file to write (bench/checks.js does).');
  const devSet = loadLabelledSet(DEV_SET);
  const fixtures = loadLabelledSet(FIXTURES);
  const sets = [
    { id: 'dev', label: 'Dev set (test/fixtures/dev-set)', files: devSet.map((a) => a.file), metrics: measureLabelledSet(devSet, flagsOf) },
    { id: 'fixtures', label: 'Our fixtures (test/fixtures/labelled)', files: fixtures.map((a) => a.file), metrics: measureLabelledSet(fixtures, flagsOf) },
    { id: 'whole', label: 'Dev set + fixtures', files: [...devSet, ...fixtures].map((a) => a.file), metrics: measureLabelledSet([...devSet, ...fixtures], flagsOf) },
  ];
  for (const s of sets) console.log(formatMetrics(s.label, s.metrics));
  writeFileSync(out, JSON.stringify({ sets }, null, 2));
});
