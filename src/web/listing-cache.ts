import type { NextFunction, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { listingState } from '../service/context.js';
import type { ServiceContext } from '../service/context.js';
import { sharedLocals, toSharedPage, viewerEtag, type PageSender, type SharedPage } from './page-splice.js';

/**
 * One rendered copy of each listing page (the corpus, names, reports and suggestions pages, each
 * URL) for every viewer (issue 10), as page-splice.ts does for the review page: kept until the
 * corpus counters or the 'derived' one move (any write of what these pages show, in any instance).
 * While the background refresher is busy (an import or a re-check, which moves 'derived' many times
 * a second) a copy up to LISTING_LAG_MS old is served instead of rendering again for every
 * request; the page says that articles are being updated. Concurrent requests for a page that is
 * not rendered yet wait for one render rather than each doing it.
 */

/** Most age of a copy served while the refresher is busy (ms): what a list may lag behind a re-check in progress. */
export const LISTING_LAG_MS = 1000;

/** Listing pages kept rendered, and their total size; a corpus page of 50 rows is about 60 kB. */
const LISTING_CACHE_ENTRIES = 500;
const LISTING_CACHE_BYTES = 32 * 1024 * 1024;

interface Listing {
  readonly stateKey: string;
  readonly renderedAt: number;
  readonly page: SharedPage;
}

/** A listing page's template and locals, built from the service's data. */
export interface ListingRender {
  readonly template: string;
  readonly locals: Record<string, unknown>;
}

/** The listing pages' rendered copies. */
export interface ListingCache {
  /**
   * Sends the listing page of this request: from its rendered copy when still good, else rendered
   * once by `render` (which reads the service) and kept.
   */
  send(req: Request, res: Response, next: NextFunction, render: () => Promise<ListingRender>): Promise<void>;
}

/** Returns an empty listing cache for one app. */
export function createListingCache(service: ServiceContext, opts: { now?: () => number; sendPage: PageSender }): ListingCache {
  const now = opts.now ?? Date.now;
  const copies = new LRUCache<string, Listing>({ max: LISTING_CACHE_ENTRIES, maxSize: LISTING_CACHE_BYTES, sizeCalculation: (l) => l.page.bytes });
  const rendering = new Map<string, Promise<Listing>>();

  const renderOnce = (res: Response, key: string, stateKey: string, render: () => Promise<ListingRender>, role: string): Promise<Listing> => {
    const inFlight = rendering.get(key);
    if (inFlight) return inFlight;
    const job = (async () => {
      const { template, locals } = await render();
      const html = await new Promise<string>((resolve, reject) => {
        res.render(template, { ...locals, ...sharedLocals(role) }, (err: Error | null, out: string) => (err ? reject(err) : resolve(out)));
      });
      const listing = { stateKey, renderedAt: now(), page: toSharedPage(html) };
      copies.set(key, listing);
      return listing;
    })();
    rendering.set(key, job);
    // Whatever the outcome, the next request looks again.
    const clear = () => { if (rendering.get(key) === job) rendering.delete(key); };
    job.then(clear, clear);
    return job;
  };

  return {
    async send(req, res, next, render) {
      try {
        const state = await listingState(service);
        const viewer = { csrfToken: String(res.locals.csrfToken ?? ''), author: String(res.locals.author ?? '') };
        const role = String(res.locals.role ?? '');
        const key = [req.originalUrl, role || 'anonymous'].join('\u0000');
        const held = copies.get(key);
        const isGood = held !== undefined && (held.stateKey === state.key || (state.isBusy && now() - held.renderedAt < LISTING_LAG_MS));
        const listing = isGood ? held : await renderOnce(res, key, state.key, render, role);
        opts.sendPage(req, res, listing.page, viewer, viewerEtag(`${key}\u0000${listing.stateKey}\u0000${listing.renderedAt}`, viewer));
      } catch (err) {
        next(err);
      }
    },
  };
}
