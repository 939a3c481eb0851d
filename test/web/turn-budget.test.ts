/**
 * Issue 10: the requests of one turn of the event loop take at most TURN_BUDGET_MS; the rest wait,
 * first come first served, one per later turn. A fake clock and scheduler stand in for the loop.
 */
import { describe, it, expect } from 'vitest';
import type { NextFunction, Request, Response } from 'express';
import { turnBudget, type TurnClock } from '../../src/web/turn-budget.js';

/** A loop of turns: `afterIo` callbacks queued in a turn run at its end (Node's check phase); those queued by them, at the next. */
function fakeLoop() {
  let now = 0;
  let pending: (() => void)[] = [];
  const clock: TurnClock = { now: () => now, afterIo: (fn) => pending.push(fn) };
  return {
    clock,
    spend: (ms: number) => (now += ms),
    /** Ends the turn: runs what was queued for its end. */
    endTurn: () => {
      const run = pending;
      pending = [];
      for (const fn of run) fn();
    },
    get pending() {
      return pending.length;
    },
  };
}

const request = (destroyed = false) => ({ socket: { destroyed } }) as unknown as Request;

describe('turnBudget', () => {
  it('serves every request at once while the turn is within its budget', () => {
    const loop = fakeLoop();
    const budget = turnBudget(20, loop.clock);
    const served: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      budget(request(), {} as Response, (() => {
        served.push(i);
        loop.spend(3);
      }) as NextFunction);
    }
    expect(served).toEqual([0, 1, 2, 3, 4]);
  });

  it('holds the requests past the budget and serves them one per later turn, in order', () => {
    const loop = fakeLoop();
    const budget = turnBudget(20, loop.clock);
    const served: number[] = [];
    const arrive = (i: number, cost: number, req = request()) =>
      budget(req, {} as Response, (() => {
        served.push(i);
        loop.spend(cost);
      }) as NextFunction);
    // Turn 1: two requests of 12 ms: the second takes the turn past 20 ms; the next three wait.
    arrive(1, 12);
    arrive(2, 12);
    arrive(3, 1);
    arrive(4, 1);
    expect(served).toEqual([1, 2]);
    loop.endTurn();
    // The end of turn 1 serves the first waiting one; the rest are for later turns.
    expect(served).toEqual([1, 2, 3]);
    // A request arriving while others wait queues behind them, however idle the turn.
    arrive(5, 1);
    expect(served).toEqual([1, 2, 3]);
    loop.endTurn();
    expect(served).toEqual([1, 2, 3, 4]);
    loop.endTurn();
    expect(served).toEqual([1, 2, 3, 4, 5]);
    loop.endTurn();
    // Nothing waits: a new turn serves at once again.
    arrive(6, 1);
    expect(served).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('drops a waiting request whose client has gone', () => {
    const loop = fakeLoop();
    const budget = turnBudget(20, loop.clock);
    const served: string[] = [];
    const arrive = (name: string, req = request()) =>
      budget(req, {} as Response, (() => {
        served.push(name);
        loop.spend(25);
      }) as NextFunction);
    arrive('first');
    const gone = { socket: { destroyed: false } };
    arrive('gone', gone as unknown as Request);
    arrive('kept');
    gone.socket.destroyed = true;
    loop.endTurn();
    expect(served).toEqual(['first', 'kept']);
  });
});
