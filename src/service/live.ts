import { randomUUID } from 'node:crypto';
import type { ServiceContext } from './context.js';
import { readArticleCounters, readArticleSnapshot, type SegmentRevision } from '../store/live.js';
import { deleteExpiredPresence, deleteInstancePresence, deletePresence, listPresence, touchPresence, type PresenceRow } from '../store/presence.js';

/**
 * Live updates of the review page (issue 13): what one app instance tells the editors who have an
 * article open when someone saves a segment of it, on this instance or any other on the database.
 *
 * Each instance polls, once a second and only while it has listeners, the counters of the
 * articles they watch: one primary-key read for all of them, however many listeners each has. An
 * article whose `text_version` moved is read again (its segments' newest revisions, one indexed
 * statement) and compared with what the hub last told its listeners; each segment with a newer
 * revision is one `segment` event. The counters are bumped in the writing transaction (migration
 * 007), so a write through any instance is seen within a poll, on SQLite and PostgreSQL alike,
 * with no second mechanism to keep in step (ARCHITECTURE.md, "Live updates").
 *
 * Who has an article open is kept in the `presence` table (migration 015), one row per stream,
 * refreshed by its instance every HEARTBEAT_MS and counted for PRESENCE_TTL_MS after that, so
 * every instance sees the editors on the others and a crashed instance's rows expire.
 */

/** How often the counters of watched articles are read (ms): how late, at most, a save on another instance shows. */
export const POLL_MS = 1000;
/** How often an instance vouches for its streams and each stream gets a keep-alive comment (ms); 15-25 s keeps proxies from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;
/** How long a view counts after its instance last vouched for it (ms): three heartbeats, so one late heartbeat loses no one. */
export const PRESENCE_TTL_MS = 45_000;

/** A segment's newest revision, as an event carries it: 0-based position, revision number, who saved it. */
export type SegmentChange = SegmentRevision;

/** What a listener is told. */
export type LiveEvent =
  /** On subscribing: the newest revision of every saved segment, so a page older than the stream can catch up. */
  | { readonly type: 'state'; readonly segments: readonly SegmentChange[] }
  /** Someone saved a segment. */
  | { readonly type: 'segment'; readonly position: number; readonly revision: number; readonly author: string }
  /** Something else the page shows changed (a status, a dismissal, flags after a decision elsewhere). */
  | { readonly type: 'article'; readonly version: number }
  /** The other users who have the article open, by name (never the listener's own user). */
  | { readonly type: 'presence'; readonly others: readonly string[] }
  /** Nothing happened (HEARTBEAT_MS): keeps the connection from looking idle. */
  | { readonly type: 'ping' };

/** One open stream: whose it is, and how to reach it. */
export interface LiveListener {
  readonly userId: number;
  send(event: LiveEvent): void;
  /** Ends the stream (the hub is closing, or isOpen said no). */
  end(): void;
  /** False once the stream cannot be served any more (its server stopped listening): the hub then ends it and forgets it. */
  isOpen(): boolean;
}

/** Tunables, for tests. */
export interface LiveHubOptions {
  readonly pollMs?: number;
  readonly heartbeatMs?: number;
  readonly presenceTtlMs?: number;
  /** Where a failed poll is reported (the database was unreachable); the hub carries on. */
  readonly log?: (err: unknown) => void;
}

/** The live updates of one app instance. */
export interface LiveHub {
  /** This instance's id in the presence table. */
  readonly instanceId: string;
  /** Starts telling `listener` what changes in article `articleId`, and records the view; returns what stops it (idempotent). */
  subscribe(articleId: number, listener: LiveListener): Promise<() => Promise<void>>;
  /** Streams open on this instance. */
  streamCount(): number;
  /** Polls now, as the timer does (tests). */
  poll(): Promise<void>;
  /** Vouches for this instance's streams now, as the heartbeat does (tests). */
  heartbeat(): Promise<void>;
  /** Ends every stream, stops polling and forgets this instance's views: for shutdown. */
  close(): Promise<void>;
}

/** What the hub keeps per listener. */
interface Subscriber {
  readonly connectionId: string;
  /** The presence list last sent, as a key; undefined until the first. */
  lastPresence?: string;
}

/** One watched article: its listeners and what they were last told. */
interface Watch {
  readonly articleId: number;
  readonly listeners: Map<LiveListener, Subscriber>;
  version: number;
  textVersion: number;
  /** The newest revision of each saved segment, by position. */
  segments: Map<number, SegmentChange>;
}

/** Returns the names of the users in `present` other than `userId`, each once, in code-unit order. */
function othersOf(present: readonly { userId: number; username: string }[], userId: number): string[] {
  const names = [...new Set(present.filter((p) => p.userId !== userId).map((p) => p.username))];
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Returns the live hub of one app instance on `ctx`'s database; it polls only while a stream is open. */
export function createLiveHub(ctx: ServiceContext, opts: LiveHubOptions = {}): LiveHub {
  const pollMs = opts.pollMs ?? POLL_MS;
  const heartbeatMs = opts.heartbeatMs ?? HEARTBEAT_MS;
  const ttlMs = opts.presenceTtlMs ?? PRESENCE_TTL_MS;
  const log = opts.log ?? ((err: unknown) => console.warn('live updates:', err));
  const instanceId = randomUUID();
  const watches = new Map<number, Watch>();
  const loading = new Map<number, Promise<Watch>>();
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  let lastHeartbeat = Date.now();
  let isClosed = false;

  const since = () => new Date(Date.parse(ctx.now()) - ttlMs).toISOString();
  const send = (listener: LiveListener, event: LiveEvent) => {
    try {
      listener.send(event);
    } catch (err) {
      log(err);
    }
  };

  /** Reads an article's snapshot and starts watching it (once, however many subscribe at the same time). */
  const watchOf = (articleId: number): Promise<Watch> => {
    const known = watches.get(articleId);
    if (known) return Promise.resolve(known);
    let pending = loading.get(articleId);
    if (!pending) {
      pending = readArticleSnapshot(ctx.store, articleId).then((snapshot) => {
        const watch: Watch = {
          articleId,
          listeners: new Map(),
          version: snapshot?.version ?? 0,
          textVersion: snapshot?.textVersion ?? 0,
          segments: new Map((snapshot?.segments ?? []).map((s) => [s.position, s])),
        };
        watches.set(articleId, watch);
        return watch;
      }).finally(() => loading.delete(articleId));
      loading.set(articleId, pending);
    }
    return pending;
  };

  /** Sends each listener of `list` the other users present, when that changed since it was last told. */
  const refreshPresence = async (list: readonly Watch[]): Promise<void> => {
    if (list.length === 0) return;
    const present = await listPresence(ctx.store, list.map((w) => w.articleId), since());
    for (const watch of list) {
      const here = present.filter((p) => p.articleId === watch.articleId);
      for (const [listener, sub] of watch.listeners) {
        const others = othersOf(here, listener.userId);
        const key = JSON.stringify(others);
        if (key === sub.lastPresence) continue;
        sub.lastPresence = key;
        send(listener, { type: 'presence', others });
      }
    }
  };

  /** Tells the listeners of `watch` what changed since they were last told. */
  const catchUp = async (watch: Watch, version: number, textVersion: number): Promise<void> => {
    if (textVersion !== watch.textVersion) {
      const snapshot = await readArticleSnapshot(ctx.store, watch.articleId);
      if (!snapshot) return;
      const changed = snapshot.segments.filter((s) => (watch.segments.get(s.position)?.revision ?? 0) < s.revision);
      watch.segments = new Map(snapshot.segments.map((s) => [s.position, s]));
      const isOther = snapshot.version !== watch.version && changed.length === 0;
      watch.version = snapshot.version;
      watch.textVersion = snapshot.textVersion;
      for (const listener of watch.listeners.keys()) {
        for (const s of changed) send(listener, { type: 'segment', position: s.position, revision: s.revision, author: s.author });
        if (isOther) send(listener, { type: 'article', version: snapshot.version });
      }
    } else if (version !== watch.version) {
      watch.version = version;
      for (const listener of watch.listeners.keys()) send(listener, { type: 'article', version });
    }
  };

  /** Ends the streams whose server stopped listening (a `server.close()` must not wait on them); their closing then unsubscribes them. */
  const dropClosed = () => {
    for (const watch of watches.values()) {
      for (const listener of watch.listeners.keys()) {
        if (!listener.isOpen()) listener.end();
      }
    }
  };

  const pollOnce = async (): Promise<void> => {
    dropClosed();
    const list = [...watches.values()];
    if (list.length === 0) return;
    const counters = await readArticleCounters(ctx.store, list.map((w) => w.articleId));
    for (const c of counters) {
      const watch = watches.get(c.id);
      if (watch) await catchUp(watch, c.version, c.textVersion);
    }
    await refreshPresence([...watches.values()]);
    if (Date.now() - lastHeartbeat >= heartbeatMs) await heartbeat();
  };

  const heartbeat = async (): Promise<void> => {
    lastHeartbeat = Date.now();
    const now = ctx.now();
    const rows: PresenceRow[] = [];
    for (const watch of watches.values()) {
      for (const [listener, sub] of watch.listeners) {
        rows.push({ connectionId: sub.connectionId, instanceId, articleId: watch.articleId, userId: listener.userId });
        send(listener, { type: 'ping' });
      }
    }
    // Upserts, not updates: a view another instance expired while this one stalled comes back.
    await touchPresence(ctx.store, rows, now);
    await deleteExpiredPresence(ctx.store, since());
  };

  const poll = (): Promise<void> => {
    // One poll at a time: a slow database delays the next rather than stacking them.
    polling ??= pollOnce().catch(log).finally(() => { polling = undefined; });
    return polling;
  };

  const schedule = () => {
    if (isClosed || timer || watches.size === 0) return;
    timer = setTimeout(() => {
      timer = undefined;
      void poll().finally(schedule);
    }, pollMs);
    timer.unref();
  };

  const unsubscribe = async (watch: Watch, listener: LiveListener, connectionId: string): Promise<void> => {
    watch.listeners.delete(listener);
    if (watch.listeners.size === 0 && watches.get(watch.articleId) === watch) watches.delete(watch.articleId);
    await deletePresence(ctx.store, connectionId);
    // The others on this instance are told at once; those on other instances at their next poll.
    if (watch.listeners.size > 0) await refreshPresence([watch]);
  };

  return {
    instanceId,

    async subscribe(articleId, listener) {
      if (isClosed) {
        listener.end();
        return async () => {};
      }
      const connectionId = randomUUID();
      await touchPresence(ctx.store, [{ connectionId, instanceId, articleId, userId: listener.userId }], ctx.now());
      const loaded = await watchOf(articleId);
      if (isClosed) {
        await deletePresence(ctx.store, connectionId);
        listener.end();
        return async () => {};
      }
      // The watch loaded may have been dropped meanwhile (its last listener left) and another made.
      const watch = watches.get(articleId) ?? loaded;
      watches.set(articleId, watch);
      watch.listeners.set(listener, { connectionId });
      send(listener, { type: 'state', segments: [...watch.segments.values()] });
      schedule();
      // The newcomer learns who else is there, and the others on this instance that it came, at once.
      await refreshPresence([watch]).catch(log);
      let isStopped = false;
      return async () => {
        if (isStopped) return;
        isStopped = true;
        await unsubscribe(watch, listener, connectionId).catch(log);
      };
    },

    streamCount() {
      let n = 0;
      for (const watch of watches.values()) n += watch.listeners.size;
      return n;
    },

    poll,

    heartbeat: () => heartbeat(),

    async close() {
      isClosed = true;
      clearTimeout(timer);
      timer = undefined;
      const listeners = [...watches.values()].flatMap((w) => [...w.listeners.keys()]);
      watches.clear();
      for (const listener of listeners) listener.end();
      await polling;
      await deleteInstancePresence(ctx.store, instanceId).catch(log);
    },
  };
}
