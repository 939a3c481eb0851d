import type Database from 'better-sqlite3';
import {
  CompiledQuery, SelectQueryNode, SqliteAdapter, SqliteDialect,
  type DatabaseConnection, type DialectAdapter, type Driver, type QueryResult,
} from 'kysely';

/**
 * Kysely's SQLite dialect over better-sqlite3, with its driver replaced for Copydesk:
 * - transactions start with BEGIN IMMEDIATE, so a writer takes the write lock at once and a second
 *   process (the CLI importing while the app runs) waits out busy_timeout instead of failing with
 *   SQLITE_BUSY halfway through a transaction it cannot upgrade;
 * - the one connection is handed from query to query through a FIFO queue: Kysely's own mutex
 *   wakes every waiter on each release, so under 50 concurrent requests each query cost 50
 *   wake-ups (bench/RESULTS.md, "Store (issue 9)");
 * - prepared statements are kept per SQL text (Kysely's driver prepares on every query, and
 *   preparing costs more than running most of these queries);
 * - migrations run in one transaction: SQLite has transactional DDL, Kysely's adapter just does not
 *   claim it, so a crash mid-migration would otherwise leave half a schema.
 */
export class CopydeskSqliteDialect extends SqliteDialect {
  readonly #database: Database.Database;

  constructor(database: Database.Database) {
    super({ database: database as never });
    this.#database = database;
  }

  override createDriver(): Driver {
    return new QueuedSqliteDriver(this.#database);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** Most distinct SQL texts kept prepared; the app has a few hundred, so this only guards against a leak. */
const MAX_PREPARED = 2000;

class QueuedSqliteDriver implements Driver {
  readonly #database: Database.Database;
  readonly #connection: SqliteConnection;
  #isHeld = false;
  readonly #waiting: (() => void)[] = [];

  constructor(database: Database.Database) {
    this.#database = database;
    this.#connection = new SqliteConnection(database);
  }

  async init(): Promise<void> {}

  acquireConnection(): Promise<DatabaseConnection> {
    if (!this.#isHeld) {
      this.#isHeld = true;
      return Promise.resolve(this.#connection);
    }
    return new Promise((resolve) => this.#waiting.push(() => resolve(this.#connection)));
  }

  async releaseConnection(): Promise<void> {
    // Hand the connection straight to the next in line; free it only when nobody waits.
    const next = this.#waiting.shift();
    if (next) next();
    else this.#isHeld = false;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    this.#database.close();
  }
}

class SqliteConnection implements DatabaseConnection {
  readonly #database: Database.Database;
  readonly #prepared = new Map<string, Database.Statement>();

  constructor(database: Database.Database) {
    this.#database = database;
  }

  #statement(sql: string): Database.Statement {
    let statement = this.#prepared.get(sql);
    if (!statement) {
      statement = this.#database.prepare(sql);
      if (this.#prepared.size >= MAX_PREPARED) this.#prepared.clear();
      this.#prepared.set(sql, statement);
    }
    return statement;
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.#statement(compiledQuery.sql);
    const parameters = compiledQuery.parameters as unknown[];
    if (statement.reader) return Promise.resolve({ rows: statement.all(parameters) as R[] });
    const { changes, lastInsertRowid } = statement.run(parameters);
    return Promise.resolve({ numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] });
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiledQuery.query)) throw new Error('Only SELECT queries can be streamed from SQLite.');
    for (const row of this.#statement(compiledQuery.sql).iterate(compiledQuery.parameters as unknown[])) yield { rows: [row as R] };
  }
}
