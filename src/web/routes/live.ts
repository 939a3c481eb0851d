import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { RouteDeps } from '../app.js';
import type { LiveEvent, LiveListener } from '../../service/live.js';
import { findArticle } from '../../service/articles.js';
import { SESSION_COOKIE, userOf } from '../auth.js';
import { parseId } from '../load.js';
import { HttpError } from '../errors.js';

/**
 * Most event streams one session (or API token) may hold open on one instance. A browser opens at
 * most six HTTP/1.1 connections to a host, and each open review tab holds one for its stream: past
 * four, a fifth tab is told no, so pages and saves always have a connection left.
 */
export const MAX_STREAMS_PER_SESSION = 4;

/** How long a browser waits before reconnecting a stream that dropped (ms), sent as SSE's `retry`. */
const RETRY_MS = 3000;

/** Returns an event as the text/event-stream format frames it: a comment for a ping, else its name and its JSON on one data line. */
export function frameEvent(event: LiveEvent): string {
  if (event.type === 'ping') return ': ping\n\n';
  const { type, ...data } = event;
  // JSON.stringify escapes line breaks, so the data is one line whatever a user name holds.
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Returns a key for the request's session (or API token): a hash, so the secret is not kept. */
function sessionKeyOf(req: Request, res: Response): string {
  const cookie = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  const secret = typeof cookie === 'string' ? cookie : (req.get('authorization') ?? `user:${String(userOf(res)?.id)}`);
  return createHash('sha256').update(secret).digest('base64url');
}

/** True when the request asks for an event stream, as EventSource always does. */
function wantsEventStream(req: Request): boolean {
  return /(^|[\s,])text\/event-stream\b/iu.test(req.get('accept') ?? '');
}

/** Returns the live route: `GET /articles/:id/events`, the review page's event stream (service/live.ts). */
export function liveRoutes(deps: RouteDeps): Router {
  const router = Router();
  const streamsBySession = new Map<string, number>();

  router.get('/:id/events', async (req, res) => {
    const id = parseId(req.params.id);
    const article = id === undefined ? undefined : await findArticle(deps.service, id);
    if (!article) throw new HttpError(404, `There is no article ${String(req.params.id)}. It may have been removed; go back to the corpus.`);
    if (!wantsEventStream(req)) {
      throw new HttpError(406, 'This address is the review page’s live event stream: open it with EventSource (Accept: text/event-stream).');
    }
    const user = userOf(res);
    if (!user) throw new HttpError(401, 'Sign in first.');
    const key = sessionKeyOf(req, res);
    const open = streamsBySession.get(key) ?? 0;
    if (open >= MAX_STREAMS_PER_SESSION) {
      throw new HttpError(429, `This browser already follows ${MAX_STREAMS_PER_SESSION} articles live, the most it may: close one of their tabs and reload this one to follow this article too.`);
    }
    streamsBySession.set(key, open + 1);

    // No compression, no caching, no proxy buffering: each event must leave at once (the app
    // compresses only the pages it sends whole, page-splice.ts; `no-transform` asks proxies not to).
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    req.socket.setNoDelay(true);
    res.write(`retry: ${RETRY_MS}\n\n`);

    // The server this stream came through: once it stops listening (server.close()), the hub ends
    // the stream at its next poll, so a shutdown never waits on an open page.
    const server = (req.socket as { server?: { listening?: boolean } }).server;
    let isClosed = false;
    let stop: (() => Promise<void>) | undefined;
    const listener: LiveListener = {
      userId: user.id,
      send: (event) => {
        if (!res.writableEnded) res.write(frameEvent(event));
      },
      // The hub ends a stream only when the server is going away: the connection is closed too,
      // not kept alive, so the server's close() has nothing left to wait for.
      end: () => {
        if (!res.writableEnded) res.end(() => req.socket.end());
      },
      isOpen: () => !isClosed && server?.listening !== false,
    };
    res.on('close', () => {
      if (isClosed) return;
      isClosed = true;
      const left = (streamsBySession.get(key) ?? 1) - 1;
      if (left > 0) streamsBySession.set(key, left);
      else streamsBySession.delete(key);
      void stop?.();
    });
    try {
      stop = await deps.live.subscribe(article.id, listener);
    } catch (err) {
      // The database failed before the stream began: end it; the browser tries again after RETRY_MS.
      res.end();
      throw err;
    }
    if (isClosed) await stop();
  });

  return router;
}
