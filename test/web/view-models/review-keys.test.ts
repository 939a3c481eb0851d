import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REVIEW_KEYS, reviewKeysMarkdown } from '../../../src/web/view-models/review-keys.js';

/** The key public/keys.js reads (KeyboardEvent.key) for a key as REVIEW_KEYS writes it: "Shift+A" is "A". */
const eventKey = (label: string) => label.replace(/^Shift\+/, '');

describe('the review page’s keyboard shortcuts', () => {
  it('are listed in README.md’s Keyboard section exactly as the page’s ? dialog lists them', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Keyboard'), readme.indexOf('\n## ', readme.indexOf('### Keyboard')));
    expect(section, 'README.md has no Keyboard section').not.toBe('');
    expect(section, 'README.md\'s Keyboard table is out of date with src/web/view-models/review-keys.ts').toContain(reviewKeysMarkdown());
  });

  it('name each key once, and every single-character key is one public/keys.js acts on', () => {
    const labels = REVIEW_KEYS.flatMap((row) => row.keys);
    expect(labels.filter((k, i) => labels.indexOf(k) !== i)).toEqual([]);
    const script = readFileSync(new URL('../../../public/keys.js', import.meta.url), 'utf8');
    const commands = script.slice(script.indexOf('var COMMANDS = {'), script.indexOf('};', script.indexOf('var COMMANDS = {')));
    const single = REVIEW_KEYS.filter((row) => !row.isSequence).flatMap((row) => row.keys.map(eventKey)).filter((k) => k.length === 1);
    expect(single).toEqual(['j', 'k', 'a', 'A', 'd', 'e', 'n', 'p', 'N', '?']);
    for (const key of single) {
      const literal = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(commands, `keys.js has no command for "${key}"`).toMatch(new RegExp(`\\n\\s*('?)${literal}\\1:`));
    }
    expect(reviewKeysMarkdown().split('\n')).toHaveLength(REVIEW_KEYS.length + 2);
  });
});
