import { describe, it, expect, inject } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { backupDatabase, findPostgresTool, pgDumpInvocation } from '../../src/service/backup.js';
import { openServiceContext } from '../../src/service/context.js';
import { saveEdit } from '../../src/service/save-segment.js';
import { addConcept } from '../../src/service/glossary.js';
import { countRows } from '../../src/store/copy.js';
import { getSegment } from '../../src/store/segments.js';
import { listArticles } from '../../src/store/articles.js';
import { readCorpusVersions } from '../../src/store/counters.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { importCorpusArticle, importText, TEST_NOW } from '../helpers.js';
import { BACKEND, createTestDatabase, openTestContext, openTestStore } from '../support/backend.js';
import { withDatabase } from '../support/pg-cluster.mjs';
import { requireBuild } from '../support/instances.js';

const WRITER = fileURLToPath(new URL('../support/revision-writer.mjs', import.meta.url));

/** Saves the writer must have acknowledged before the backup starts. */
const SAVES_BEFORE_BACKUP = 15;

function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'copydesk-backup-'));
}

/** Resolves once `isDone()` holds, polling; rejects after `ms`. */
async function until(isDone: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!isDone()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Bytes of ballast added to the SQLite database, so that copying it takes long enough (tens of
 * milliseconds; ~300 ms here) for the writer's saves to land while the backup reads.
 */
const BALLAST_BYTES = 16 * 1024 * 1024;

/** Adds BALLAST_BYTES in a table the app does not know, which the backup copies like any other. */
function addBallast(file: string): void {
  const db = new Database(file);
  try {
    db.exec('CREATE TABLE test_ballast (data BLOB)');
    const insert = db.prepare('INSERT INTO test_ballast (data) VALUES (?)');
    const chunk = Buffer.alloc(1024 * 1024, 7);
    db.transaction(() => {
      for (let i = 0; i < BALLAST_BYTES / chunk.length; i += 1) insert.run(chunk);
    })();
  } finally {
    db.close();
  }
}

describe('pgDumpInvocation', () => {
  it('passes the password in PGPASSWORD, never in the arguments, and keeps the rest of the URL', () => {
    const run = pgDumpInvocation('postgres://copydesk:p%40ss%2Fw0rd@db.example:5433/news?sslmode=require', 'snap-1', '/b/x.dump');
    expect(run.env).toEqual({ PGPASSWORD: 'p@ss/w0rd' });
    expect(run.args.join(' ')).not.toMatch(/p%40ss|p@ss/);
    expect(run.args).toEqual(['--format=custom', '--no-password', '--snapshot=snap-1', '--file=/b/x.dump', '--dbname=postgres://copydesk@db.example:5433/news?sslmode=require']);
  });

  it('adds no PGPASSWORD when the URL has none (a .pgpass file or trust may supply it)', () => {
    expect(pgDumpInvocation('postgres://copydesk@localhost/copydesk', 's', 'f').env).toEqual({});
  });
});

describe.runIf(BACKEND === 'sqlite')('backupDatabase on SQLite while another process saves', () => {
  it('copies everything acknowledged before it started, consistently, with the migrations recorded, and the copy opens as a Copydesk database', async () => {
    requireBuild();
    const config = await createTestDatabase();
    if (!('sqlite' in config)) throw new Error('SQLite expected');
    const ctx = await openTestContext({ config, now: () => TEST_NOW });
    const id = await importCorpusArticle(ctx);
    addBallast(config.sqlite);

    const writer = spawn(process.execPath, [WRITER, config.sqlite, String(id)], { stdio: ['pipe', 'pipe', 'pipe'] });
    const acked = { revisions: 0, articles: [id], savedAt: [] as number[] };
    let writerErrors = '';
    writer.stderr.setEncoding('utf8').on('data', (s: string) => { writerErrors += s; });
    let pending = '';
    writer.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, n, at] = line.split(' ');
        if (kind === 'revision') {
          acked.revisions = Number(n);
          acked.savedAt.push(Number(at));
        }
        if (kind === 'article') acked.articles.push(Number(n));
      }
    });
    const exited = new Promise<number | null>((r) => writer.on('exit', (code) => r(code)));
    let result;
    let before;
    try {
      await until(() => acked.revisions >= SAVES_BEFORE_BACKUP || writer.exitCode !== null, 'the writer');
      expect(writerErrors).toBe('');
      before = { revisions: acked.revisions, articles: [...acked.articles] };
      const started = Date.now();
      result = await backupDatabase(ctx, config, join(tempFolder(), 'backup.db'));
      const ended = Date.now();
      // The writer kept committing while the backup read, and after it: they ran side by side.
      await until(() => acked.savedAt.some((t) => t > ended), 'a save after the backup');
      expect(acked.savedAt.filter((t) => t >= started && t <= ended).length).toBeGreaterThan(0);
    } finally {
      writer.stdin.end();
    }
    expect(await exited).toBe(0);
    expect(writerErrors).toBe('');

    const copy = new Database(result.file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all()).toEqual(MIGRATIONS.map((m) => m.name));
      const segmentId = copy.prepare('SELECT id FROM segments WHERE article_id = ? AND position = 6').pluck().get(id) as number;
      const numbers = copy.prepare('SELECT number FROM revisions WHERE segment_id = ? ORDER BY number').pluck().all(segmentId) as number[];
      // Every save acknowledged before the backup began, and no gap: one snapshot, not pages of several.
      expect(numbers.length).toBeGreaterThanOrEqual(before.revisions);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      // The article's counter moved in the same transaction as each revision: they agree in the copy.
      expect(copy.prepare('SELECT text_version FROM articles WHERE id = ?').pluck().get(id)).toBe(numbers.length);
      const articleIds = copy.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[];
      expect(articleIds).toEqual(expect.arrayContaining(before.articles));
      expect(result.articles).toBe(articleIds.length);
    } finally {
      copy.close();
    }

    // Restoring is opening the backup file as the database (README, "Backup and restore").
    const restored = await openServiceContext({ sqlite: result.file });
    try {
      const segment = (await getSegment(restored.store, id, 6))!;
      expect(segment.edit).toBe(`Version ${segment.revision} of the paragraph.`);
      expect(segment.revision).toBeGreaterThanOrEqual(before.revisions);
    } finally {
      await restored.store.close();
    }
  });

  it('refuses an existing file without force, replaces it with force, and leaves no temporary file either way', async () => {
    const config = await createTestDatabase();
    const ctx = await openTestContext({ config, now: () => TEST_NOW });
    await importCorpusArticle(ctx);
    const folder = tempFolder();
    const file = join(folder, 'backup.db');
    expect(await backupDatabase(ctx, config, file)).toMatchObject({ file, articles: 1 });
    const first = readFileSync(file);
    await importText(ctx, 'Second Article\n\nA paragraph.', 'second.txt');
    await expect(backupDatabase(ctx, config, file)).rejects.toThrow(/backup\.db exists: name another file, or pass --force/);
    expect(readFileSync(file).equals(first)).toBe(true);
    expect(await backupDatabase(ctx, config, file, { force: true })).toMatchObject({ file, articles: 2 });
    expect(readdirSync(folder)).toEqual(['backup.db']);
    await expect(backupDatabase(ctx, config, join(folder, 'missing', 'b.db'))).rejects.toThrow(/the folder .*missing does not exist/);
    if ('sqlite' in config) await expect(backupDatabase(ctx, config, config.sqlite, { force: true })).rejects.toThrow(/is the database itself/);
  });
});

describe.runIf(BACKEND === 'postgres')('backupDatabase on PostgreSQL (pg_dump)', () => {
  it('writes a custom-format archive that pg_restore brings back, into a fresh database and over the old one, row for row', async (test) => {
    const pgRestore = findPostgresTool('pg_restore', process.env.PATH);
    test.skip(!findPostgresTool('pg_dump', process.env.PATH) || !pgRestore, 'pg_dump or pg_restore was not found: apt-get install postgresql-client');
    const config = await createTestDatabase();
    if (!('postgres' in config)) throw new Error('PostgreSQL expected');
    const ctx = await openTestContext({ config, now: () => TEST_NOW });
    const id = await importCorpusArticle(ctx);
    await importText(ctx, 'Second Article\n\nKing met officials on the 3rd.', 'second.txt');
    await saveEdit(ctx, (await getSegment(ctx.store, id, 6))!, { text: 'An edited paragraph.', baseNumber: 0, author: 'Min-ji' });
    await addConcept(ctx, { type: 'person', terms: [{ text: 'Cho Tae-yul', lang: 'en', status: 'preferred' }] }, 'Min-ji');
    const expected = await countRows(ctx.store);
    const versions = await readCorpusVersions(ctx.store);

    const result = await backupDatabase(ctx, config, join(tempFolder(), 'copydesk.dump'), { env: process.env });
    expect(result.articles).toBe(2);
    expect(result.from).not.toContain('@');
    expect(readFileSync(result.file).subarray(0, 5).toString()).toBe('PGDMP');
    // Written after the backup: a restore over this database takes it away again.
    await importText(ctx, 'Third Article\n\nAfter the backup.', 'third.txt');

    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    const fresh = `${inject('pgTemplate')}_restore_${process.pid}`;
    try {
      await admin.query(`CREATE DATABASE ${fresh} TEMPLATE template0`);
      for (const url of [withDatabase(inject('pgAdminUrl'), fresh), config.postgres]) {
        execFileSync(pgRestore!, ['--clean', '--if-exists', '--no-owner', '-d', url, result.file], { stdio: 'pipe' });
        // The migrations are recorded, read before opening a store (which would apply missing ones).
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        const migrations = await client.query<{ name: string }>('SELECT name FROM kysely_migration ORDER BY name').finally(() => client.end());
        expect(migrations.rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
        const restored = await openTestStore({ postgres: url });
        expect(await countRows(restored)).toEqual(expected);
        expect(await readCorpusVersions(restored)).toEqual(versions);
        expect((await listArticles(restored)).map((a) => a.title).sort()).toEqual(['Cho Tae-yeol Criticizes Forced Repatriation of Defectors: "Please Send Them Where They Want"', 'Second Article']);
        expect((await getSegment(restored, id, 6))!.edit).toBe('An edited paragraph.');
      }
    } finally {
      await admin.end();
    }
  });
});
