/** Returns the folder holding initdb and pg_ctl, or undefined. */
export function findPostgresBin(): string | undefined;
/** Returns why no cluster can be started here, or undefined when one can. */
export function whyNoPostgres(): string | undefined;
/** A running throw-away cluster. */
export interface Cluster {
  readonly url: string;
  readonly dir: string;
  stop(): void;
}
/** Starts a PostgreSQL cluster in a new temporary folder. */
export function startCluster(opts?: { durable?: boolean }): Promise<Cluster>;
/** Returns `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string;
