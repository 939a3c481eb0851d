import express, { type Express } from 'express';
import helmet from 'helmet';
import ejs from 'ejs';
import cookieParser from 'cookie-parser';
import { fileURLToPath } from 'node:url';
import { LRUCache } from 'lru-cache';
import { cookieSecret, type ServiceContext } from '../service/context.js';
import { createCsrf } from './csrf.js';
import type { SharedPage } from './shared-page.js';
import { createListingCache, type ListingCache } from './listing-cache.js';
import { readAuthor } from './author.js';
import { errorHandler, notFound } from './errors.js';
import { corpusRoutes } from './routes/corpus.js';
import { articleRoutes } from './routes/articles.js';
import { segmentRoutes } from './routes/segments.js';
import { authorRoutes } from './routes/author.js';
import { flagRoutes } from './routes/flags.js';
import { nameRoutes } from './routes/names.js';
import { glossaryRoutes } from './routes/glossary.js';
import { reportRoutes } from './routes/reports.js';
import { jobRoutes } from './routes/jobs.js';

/** What the app needs from outside: the use cases on a database (with its clock), where to log server errors. */
export interface AppDeps {
  readonly service: ServiceContext;
  readonly log?: (err: unknown) => void;
  /** Cookies marked Secure (behind HTTPS). */
  readonly isSecure?: boolean;
  /** The clock the page caches age their copies by (ms); Date.now unless a test moves time. */
  readonly clock?: () => number;
}

/** Everything a route handler needs, resolved from AppDeps. */
export interface RouteDeps {
  readonly service: ServiceContext;
  /** Rendered review pages, one per article state for every viewer (shared-page.ts, routes/articles.ts). */
  readonly pages: LRUCache<string, SharedPage>;
  /** Rendered listing pages (corpus, names, reports, suggestions), one per URL and state for every viewer (listing-cache.ts). */
  readonly listings: ListingCache;
}

/** Most review pages kept rendered, and their total size; a page is about 100 kB. */
const PAGE_CACHE_ENTRIES = 200;
const PAGE_CACHE_BYTES = 32 * 1024 * 1024;

const VIEWS_DIR = fileURLToPath(new URL('../../views/', import.meta.url));
const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

/** Largest urlencoded form accepted: a pasted article (2 MB) plus the form's other fields. */
const FORM_BODY_LIMIT = '2200kb';

/** The routes that take a file upload: they parse their multipart body, then run the CSRF check themselves. */
const UPLOAD_PATHS: ReadonlySet<string> = new Set(['/import', '/glossary/import']);

function isUpload(req: express.Request): boolean {
  return req.method === 'POST' && UPLOAD_PATHS.has(req.path) && Boolean(req.is('multipart/form-data'));
}

/** Returns the Copydesk Express app, wired to `deps.service`; it does not listen. */
export async function createApp(deps: AppDeps): Promise<Express> {
  const app = express();
  const routeDeps: RouteDeps = {
    service: deps.service,
    pages: new LRUCache<string, SharedPage>({ max: PAGE_CACHE_ENTRIES, maxSize: PAGE_CACHE_BYTES, sizeCalculation: (page) => page.bytes }),
    listings: createListingCache(deps.service, { now: deps.clock }),
  };
  const csrf = createCsrf(deps.isSecure ?? false);

  // EJS is called directly so that its options apply (EJS 7 no longer reads Express's "view
  // options"): templates are compiled once, and the indentation of template lines is dropped, which
  // takes an eighth off a review page. Article text is printed escaped, never touched by this.
  app.engine('ejs', (file: string, data: object, callback: (err: Error | null, html?: string) => void) => {
    ejs.renderFile(file, data as ejs.Data, { cache: true, rmWhitespace: true }, callback);
  });
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  app.set('view cache', true);
  app.set('query parser', 'simple');
  app.disable('x-powered-by');

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: { 'script-src': ["'self'"], 'style-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'form-action': ["'self'"] },
      },
    }),
  );
  app.use('/public', express.static(PUBLIC_DIR, { maxAge: '1h', index: false }));
  app.use(cookieParser(await cookieSecret(deps.service)));
  app.use(express.urlencoded({ extended: false, limit: FORM_BODY_LIMIT, parameterLimit: 50 }));
  app.use(express.json({ limit: FORM_BODY_LIMIT }));
  app.use((req, res, next) => {
    res.locals.csrfToken = csrf.generateToken(req);
    res.locals.author = readAuthor(req);
    res.locals.currentPath = req.originalUrl;
    next();
  });
  // The upload route parses its multipart body itself and then runs the same protection.
  app.use((req, res, next) => (isUpload(req) ? next() : csrf.csrfSynchronisedProtection(req, res, next)));

  app.use(corpusRoutes(routeDeps, csrf.csrfSynchronisedProtection));
  app.use(authorRoutes());
  app.use('/articles', articleRoutes(routeDeps));
  app.use('/articles', segmentRoutes(routeDeps));
  app.use('/articles', flagRoutes(routeDeps));
  app.use(nameRoutes(routeDeps));
  app.use(glossaryRoutes(routeDeps, csrf.csrfSynchronisedProtection));
  app.use(reportRoutes(routeDeps));
  app.use(jobRoutes(routeDeps));

  app.use(notFound);
  app.use(errorHandler(deps.log ?? ((err) => console.error(err))));
  return app;
}
