import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Most time (ms) the requests that arrive in one turn of the event loop may take before the rest
 * wait for a later turn (issue 10: nothing holds the event loop for more than 50 ms).
 *
 * Why: SQLite's reads are synchronous, so a request served from the caches runs start to finish in
 * one go (0.3–1 ms). Under load many requests arrive together: 50 connections' requests readable
 * in one poll of the sockets are all served in that one turn, and the loop's timers (the event-loop
 * delay the bench watches, heartbeats, the session cache's clock) wait for all of them: 50–150 ms
 * at 50 connections, though no single request took more than a few ms.
 */
export const TURN_BUDGET_MS = 20;

/** What the budget needs to know of the loop; tests give a clock and a scheduler of their own. */
export interface TurnClock {
  now(): number;
  /** Runs `fn` after the current turn's I/O callbacks (Node: setImmediate). */
  afterIo(fn: () => void): void;
}

const NODE_CLOCK: TurnClock = { now: () => performance.now(), afterIo: (fn) => setImmediate(fn) };

/**
 * Returns the middleware that keeps one turn's requests within `budgetMs`: a request that arrives
 * when this turn has already spent its budget on earlier requests (or while others wait) waits in
 * a first-come queue, and the queue is served one request per later turn, so the loop's timers and
 * new connections get their turn in between. Mounted first. Nothing is refused or reordered: under
 * light load no request ever waits (every request is the first of its turn).
 */
export function turnBudget(budgetMs = TURN_BUDGET_MS, clock: TurnClock = NODE_CLOCK): RequestHandler {
  let turnStartedAt: number | undefined;
  let isDrainScheduled = false;
  const waiting: { readonly req: Request; readonly next: NextFunction }[] = [];

  // A turn is the run of work between two checks of the loop: it starts with the first request
  // served and ends in the check phase after this turn's I/O callbacks.
  const markTurn = () => {
    if (turnStartedAt !== undefined) return;
    turnStartedAt = clock.now();
    clock.afterIo(() => {
      turnStartedAt = undefined;
    });
  };
  const spent = () => (turnStartedAt === undefined ? 0 : clock.now() - turnStartedAt);
  // One waiting request per turn: each runs alone in its check-phase callback (its promise
  // continuations with it), and the next is scheduled from inside the check phase, which Node runs
  // on the following turn, after the timers and the poll for I/O.
  const drain = () => {
    isDrainScheduled = false;
    // A request whose client has gone (closed the tab, timed out, the server closing its
    // connections to stop) is not served: nothing would read the answer.
    while (waiting[0]?.req.socket.destroyed) waiting.shift();
    const first = waiting.shift();
    if (first === undefined) return;
    markTurn();
    first.next();
    scheduleDrain();
  };
  const scheduleDrain = () => {
    if (isDrainScheduled || waiting.length === 0) return;
    isDrainScheduled = true;
    clock.afterIo(drain);
  };

  return (req: Request, _res: Response, next: NextFunction) => {
    if (waiting.length === 0 && spent() < budgetMs) {
      markTurn();
      next();
      return;
    }
    waiting.push({ req, next });
    scheduleDrain();
  };
}
