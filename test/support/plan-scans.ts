/**
 * Reads a statement's plan and returns the parts that read a table whole: the rule of
 * test/store/query-plans.test.ts (see its header), for any list of tables; that test and
 * test/store/issue-plans.test.ts both read plans through it. SQLite: any SCAN of one
 * (through an index or not), an AUTOMATIC index, a BLOOM FILTER or a skip-scan on one.
 * PostgreSQL, with enable_seqscan off: a Seq Scan of one, or an index scan of one whose Index Cond
 * does not constrain the index's first column.
 */
import { CompiledQuery, sql } from 'kysely';
import type { Store } from '../../src/store/store.js';

/** Returns the parts of the plan of `statement` that read a table of `tables` whole ([] when it searches them by index). */
export async function fullScans(store: Store, statement: string, parameters: readonly unknown[], tables: readonly string[]): Promise<string[]> {
  return store.backend === 'sqlite' ? sqliteFullScans(store, statement, parameters, tables) : postgresFullScans(store, statement, parameters, tables);
}

/** Returns SQLite's EXPLAIN QUERY PLAN of a statement, one detail line per step ("SEARCH a USING INDEX …", "USE TEMP B-TREE FOR ORDER BY"). */
export async function sqlitePlan(store: Store, statement: string, parameters: readonly unknown[]): Promise<string[]> {
  const { rows } = await store.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${statement}`, [...parameters]));
  return rows.map((r) => r.detail);
}

/**
 * Returns PostgreSQL's plan of a statement (EXPLAIN (FORMAT JSON), not run), every node depth first;
 * with `seqscanOff`, planned with enable_seqscan off (whether an index path exists at all), else with
 * the planner's own settings and statistics (which path it takes).
 */
export async function postgresPlan(store: Store, statement: string, parameters: readonly unknown[], opts: { seqscanOff?: boolean } = {}): Promise<PlanNode[]> {
  const plan = await store.transaction(async (tx) => {
    if (opts.seqscanOff) await sql`SET LOCAL enable_seqscan = off`.execute(tx.db);
    const { rows } = await tx.db.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${statement}`, [...parameters]));
    return (rows[0] as { 'QUERY PLAN': [{ Plan: PlanNode }] })['QUERY PLAN'][0].Plan;
  });
  const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];
  return nodes(plan);
}

async function sqliteFullScans(store: Store, statement: string, parameters: readonly unknown[], tables: readonly string[]): Promise<string[]> {
  const details = await sqlitePlan(store, statement, parameters);
  // The plan names a table by its alias ("SCAN f"): aliases are read off the SQL ("FROM t a",
  // "JOIN t AS a", "t a" after a comma).
  const tableOf = new Map<string, Set<string>>();
  for (const m of statement.matchAll(/(?:\b(?:from|join|update|into)|,)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
    const table = (m[1] as string).toLowerCase();
    for (const name of [table, m[2]?.toLowerCase()]) if (name) tableOf.set(name, (tableOf.get(name) ?? new Set()).add(table));
  }
  const isListed = (name: string) => [...(tableOf.get(name.toLowerCase()) ?? [name.toLowerCase()])].some((t) => tables.includes(t));
  return details.filter((detail) => {
    const whole = /^SCAN (\w+)/.exec(detail) ?? /^SEARCH (\w+) USING AUTOMATIC/.exec(detail) ?? /^BLOOM FILTER ON (\w+)/.exec(detail) ?? /^SEARCH (\w+) .*\(ANY\(/.exec(detail);
    return whole !== null && isListed(whole[1] as string);
  });
}

/** One node of PostgreSQL's EXPLAIN (FORMAT JSON). */
export interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly Alias?: string;
  readonly 'Index Name'?: string;
  readonly 'Index Cond'?: string;
  readonly Filter?: string;
  readonly Plans?: readonly PlanNode[];
}

/** The table and first column of each index a plan used, read from the catalog once per index. */
const indexes = new Map<string, { table: string; column: string | null }>();

async function indexOf(store: Store, name: string): Promise<{ table: string; column: string | null }> {
  let found = indexes.get(name);
  if (!found) {
    const { rows } = await sql<{ table: string; column: string | null }>`
      SELECT t.relname AS "table", a.attname AS "column"
      FROM pg_class i JOIN pg_index x ON x.indexrelid = i.oid JOIN pg_class t ON t.oid = x.indrelid
      LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]
      WHERE i.relname = ${name}`.execute(store.db);
    found = rows[0] ?? { table: '', column: null };
    indexes.set(name, found);
  }
  return found;
}

async function postgresFullScans(store: Store, statement: string, parameters: readonly unknown[], tables: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const node of await postgresPlan(store, statement, parameters, { seqscanOff: true })) {
    const type = node['Node Type'];
    const describe = (table: string) => [
      `${type} on ${table}`, node.Alias && node.Alias !== table ? node.Alias : '', node['Index Name'] ? `using ${node['Index Name']}` : '',
      node['Index Cond'] ? `(index cond: ${node['Index Cond']})` : '', node.Filter ? `(filter: ${node.Filter})` : '',
    ].filter(Boolean).join(' ');
    const table = node['Relation Name'];
    if (type === 'Seq Scan' && table !== undefined && tables.includes(table)) out.push(describe(table));
    const indexName = node['Index Name'];
    if (indexName !== undefined) {
      const index = await indexOf(store, indexName);
      const isBounded = index.column === null || new RegExp(`(^|[(\\s])"?${index.column}"?\\s*(=|<|>|<=|>=)\\s`).test(node['Index Cond'] ?? '');
      if (tables.includes(index.table) && !isBounded) out.push(describe(index.table));
    }
  }
  return out;
}
