import type Database from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type DialectAdapter, type SqliteDatabase, type SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite dialect over better-sqlite3, with three changes for Copydesk:
 * - transactions start with BEGIN IMMEDIATE, so a writer takes the write lock at once and a second
 *   process (the CLI importing while the app runs) waits out busy_timeout instead of failing with
 *   SQLITE_BUSY halfway through a transaction it cannot upgrade;
 * - prepared statements are kept per SQL text (Kysely prepares on every query; preparing costs
 *   more than running most of these queries);
 * - migrations run in one transaction: SQLite has transactional DDL, Kysely's adapter just does not
 *   claim it, so a crash mid-migration would otherwise leave half a schema.
 */
export class CopydeskSqliteDialect extends SqliteDialect {
  readonly #database: SqliteDatabase;

  constructor(database: Database.Database) {
    const cached = cachingDatabase(database);
    super({ database: cached });
    this.#database = cached;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#database });
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** Most distinct SQL texts kept prepared; the app has a few hundred, so this only guards against a leak. */
const MAX_PREPARED = 2000;

function cachingDatabase(database: Database.Database): SqliteDatabase {
  const prepared = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare: (sql: string) => {
      let statement = prepared.get(sql);
      if (!statement) {
        statement = database.prepare(sql) as unknown as SqliteStatement;
        if (prepared.size >= MAX_PREPARED) prepared.clear();
        prepared.set(sql, statement);
      }
      return statement;
    },
  };
}
