import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../src/store/open-db.js';
import { migrate, readMigrations } from '../../src/store/migrate.js';
import { appendRevision, listRevisions } from '../../src/store/revisions.js';
import { getSegment, listSegments } from '../../src/store/segments.js';
import { saveEdit } from '../../src/store/save-edit.js';
import { listCurrentCorrections } from '../../src/store/corrections.js';
import { listArticles } from '../../src/store/articles.js';
import { importCorpusArticle, TEST_NOW } from '../helpers.js';

const NOW = TEST_NOW.toISOString();

describe('openDb', () => {
  it('uses WAL and foreign keys on a file database and applies every migration once', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'copydesk-')), 'data', 'test.db');
    const db = openDb(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(readMigrations().length);
    expect(migrate(db)).toBe(0);
    db.close();
    const reopened = openDb(file);
    expect(reopened.pragma('user_version', { simple: true })).toBe(readMigrations().length);
    reopened.close();
  });

  it('refuses a migration folder with a gap in its numbers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-mig-'));
    writeFileSync(join(dir, '001-a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '003-c.sql'), 'SELECT 1;');
    expect(() => readMigrations(dir)).toThrow(/should be number 2/);
  });
});

describe('revisions', () => {
  it('are append-only: a save based on a stale revision is refused and nothing is written', () => {
    const db = openDb(':memory:');
    const id = importCorpusArticle(db);
    const segment = getSegment(db, id, 5)!;
    expect(saveEdit(db, segment, { text: 'Cho Raises Issues at Meeting with Chinese Foreign Minister', baseNumber: 0, author: 'a', now: NOW })).toEqual({ status: 'saved', number: 1 });
    const stale = saveEdit(db, segment, { text: 'Wang Raises Issues', baseNumber: 0, author: 'b', now: NOW });
    expect(stale.status).toBe('conflict');
    expect(listRevisions(db, segment.id).map((r) => r.number)).toEqual([1]);
  });

  it('store the corrections of each save; only the latest revision\'s stand for the article', () => {
    const db = openDb(':memory:');
    const id = importCorpusArticle(db);
    const headline = getSegment(db, id, 4)!;
    saveEdit(db, headline, { text: headline.mt.replace('Cho Tae-yeol', 'Cho Tae-yul'), baseNumber: 0, author: 'a', now: NOW });
    expect(listCurrentCorrections(db, id).map((c) => [c.position, c.mtText, c.editText])).toEqual([[4, 'Tae-yeol', 'Tae-yul']]);
    const again = getSegment(db, id, 4)!;
    saveEdit(db, again, { text: headline.mt, baseNumber: 1, author: 'a', now: NOW, revertedTo: 0 });
    expect(listCurrentCorrections(db, id)).toEqual([]);
    expect(listArticles(db)[0]!.editedSegmentCount).toBe(0);
  });

  it('roll back the revision when a correction cannot be written (nothing half-written)', () => {
    const db = openDb(':memory:');
    const id = importCorpusArticle(db);
    const segment = getSegment(db, id, 5)!;
    expect(() =>
      appendRevision(db, {
        segmentId: segment.id, articleId: 9999, baseNumber: 0, text: 'x', author: 'a', now: NOW,
        diffMt: [], diffPrev: [], isCoarse: false, wordsChanged: 0,
        corrections: [{ mtText: 'King', editText: 'x', mtStart: 0, mtEnd: 4, editStart: 0, editEnd: 1 }],
      }),
    ).toThrow(/FOREIGN KEY/);
    expect(listRevisions(db, segment.id)).toEqual([]);
  });

  it('keep the diff from the MT cached on the revision, so the page reads it without diffing', () => {
    const db = openDb(':memory:');
    const id = importCorpusArticle(db);
    const segment = getSegment(db, id, 5)!;
    saveEdit(db, segment, { text: 'Cho Raises Issues at Meeting with Chinese Foreign Minister', baseNumber: 0, author: 'a', now: NOW });
    const stored = listSegments(db, id)[5]!;
    expect(stored.diff).toEqual([
      { op: 'del', text: 'King' },
      { op: 'ins', text: 'Cho' },
      { op: 'eq', text: ' Raises Issues at Meeting with Chinese Foreign Minister' },
    ]);
    expect(stored.wordsChanged).toBe(1);
  });
});
