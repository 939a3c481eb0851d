import express, { type Express } from 'express';
import helmet from 'helmet';
import ejs from 'ejs';
import cookieParser from 'cookie-parser';
import { fileURLToPath } from 'node:url';
import { LRUCache } from 'lru-cache';
import { cookieSecret, type ServiceContext } from '../service/context.js';
import { createCsrf } from './csrf.js';
import { turnBudget } from './turn-budget.js';
import { createPageSender, type PageSender, type SharedPage } from './page-splice.js';
import { createListingCache, type ListingCache } from './listing-cache.js';
import { authenticate, permissionsOf, requireAccess, isTokenRequest, userOf } from './auth.js';
import { hostGuard, originGuard, LOOPBACK_HOSTS } from './host-guard.js';
import { inputGuard } from './input-guard.js';
import { errorHandler, notFound } from './errors.js';
import { corpusRoutes } from './routes/corpus.js';
import { articleRoutes } from './routes/articles.js';
import { segmentRoutes } from './routes/segments.js';
import { accountRoutes } from './routes/account.js';
import { userRoutes } from './routes/users.js';
import { apiRoutes } from './routes/api.js';
import { flagRoutes } from './routes/flags.js';
import { nameRoutes } from './routes/names.js';
import { glossaryRoutes } from './routes/glossary.js';
import { reportRoutes } from './routes/reports.js';
import { jobRoutes } from './routes/jobs.js';
import { issueRoutes } from './routes/issues.js';
import { liveRoutes } from './routes/live.js';
import { createLiveHub, type LiveHub } from '../service/live.js';

/** What the app needs from outside: the use cases on a database (with its clock), where to log server errors. */
export interface AppDeps {
  readonly service: ServiceContext;
  readonly log?: (err: unknown) => void;
  /** Served over HTTPS (COPYDESK_SECURE_COOKIES=1): every cookie Secure, HSTS and upgrade-insecure-requests sent. */
  readonly isSecure?: boolean;
  /** Express's `trust proxy` (e.g. 'loopback' or 1): then a request that came over TLS through that proxy counts as HTTPS. */
  readonly trustProxy?: string | number | boolean;
  /** The Host names the app answers to (DNS rebinding); others get 421. Loopback names by default. */
  readonly allowedHosts?: readonly string[];
  /** The clock the page caches age their copies by (ms); Date.now unless a test moves time. */
  readonly clock?: () => number;
  /** The live updates of the review page (service/live.ts); one is made when not given. Close it before the server (server.ts). */
  readonly live?: LiveHub;
}

/** Everything a route handler needs, resolved from AppDeps. */
export interface RouteDeps {
  readonly service: ServiceContext;
  /** Rendered review pages, one per article state for every viewer (page-splice.ts, routes/articles.ts). */
  readonly pages: LRUCache<string, SharedPage>;
  /** Rendered listing pages (corpus, names, reports, suggestions), one per URL and state for every viewer (listing-cache.ts). */
  readonly listings: ListingCache;
  /** Sends a shared page (review or listing) to one viewer, compressed when the browser accepts it. */
  readonly sendPage: PageSender;
  /** The review page's live updates: who else has an article open, segments saved elsewhere (routes/live.ts). */
  readonly live: LiveHub;
}

/** Most review pages kept rendered, and their total size; a page is about 100 kB. */
const PAGE_CACHE_ENTRIES = 200;
const PAGE_CACHE_BYTES = 32 * 1024 * 1024;

const VIEWS_DIR = fileURLToPath(new URL('../../views/', import.meta.url));
const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

/** Largest urlencoded form accepted: a pasted article (2 MB) plus the form's other fields. */
const FORM_BODY_LIMIT = '2200kb';

/**
 * Most fields a urlencoded form may have: the QA list posts a tick per flag of its page (50) with
 * its reason, and a fix-everywhere preview across articles a change and its base revision per
 * segment (issue 13); the body limit above still bounds the whole.
 */
const FORM_FIELD_LIMIT = 1000;

/** The helmet settings; the HTTPS-only headers (HSTS, upgrade-insecure-requests) only over HTTPS. */
function helmetFor(isHttps: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'script-src': ["'self'"], 'style-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'form-action': ["'self'"],
        'upgrade-insecure-requests': isHttps ? [] : null,
      },
    },
    strictTransportSecurity: isHttps,
  });
}

/** Returns the Copydesk Express app, wired to `deps.service`; it does not listen. */
export async function createApp(deps: AppDeps): Promise<Express> {
  const app = express();
  const sendPage = createPageSender();
  const routeDeps: RouteDeps = {
    service: deps.service,
    pages: new LRUCache<string, SharedPage>({ max: PAGE_CACHE_ENTRIES, maxSize: PAGE_CACHE_BYTES, sizeCalculation: (page) => page.bytes }),
    listings: createListingCache(deps.service, { now: deps.clock, sendPage }),
    sendPage,
    live: deps.live ?? createLiveHub(deps.service, { log: deps.log }),
  };
  const isHttps = (req: express.Request) => deps.isSecure === true || req.secure;
  const secret = await cookieSecret(deps.service);
  const csrf = createCsrf(isHttps, secret);

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
  if (deps.trustProxy !== undefined) app.set('trust proxy', deps.trustProxy);

  // First of all: a turn of the event loop serves at most TURN_BUDGET_MS of requests; the rest wait a turn (issue 10).
  app.use(turnBudget());
  // Before anything else: a Host the app does not serve (DNS rebinding), or a change sent from another site.
  app.use(hostGuard(deps.allowedHosts ?? LOOPBACK_HOSTS));
  app.use(originGuard());
  const helmets = { https: helmetFor(true), http: helmetFor(false) };
  app.use((req, res, next) => (isHttps(req) ? helmets.https : helmets.http)(req, res, next));
  app.use('/public', express.static(PUBLIC_DIR, { maxAge: '1h', index: false }));
  app.use(cookieParser(secret));
  // Who is asking, and whether they may, before any body is read: an upload from someone who may
  // not import is refused without buffering a byte of it.
  app.use(authenticate(deps.service));
  app.use((req, res, next) => {
    const user = userOf(res);
    res.locals.csrfToken = csrf.generateToken(req);
    res.locals.author = user?.username ?? '';
    res.locals.role = user?.role ?? '';
    res.locals.can = permissionsOf(user);
    res.locals.currentPath = req.originalUrl;
    next();
  });
  app.use(requireAccess());
  // The CSRF check comes before the body too: a multipart form carries its token in the URL (the
  // form's action), so an upload without a valid token is refused before it is read. A script with
  // an API token sends no cookies, so it has no CSRF to check.
  const isMultipart = (req: express.Request) => Boolean(req.is('multipart/form-data'));
  app.use((req, res, next) => (isMultipart(req) && !isTokenRequest(req) ? csrf.csrfSynchronisedProtection(req, res, next) : next()));
  // A GET or HEAD has no body to read: the parsers are skipped for the requests that are most pages.
  const urlencoded = express.urlencoded({ extended: false, limit: FORM_BODY_LIMIT, parameterLimit: FORM_FIELD_LIMIT });
  const json = express.json({ limit: FORM_BODY_LIMIT });
  app.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    urlencoded(req, res, (err?: unknown) => (err ? next(err) : json(req, res, next)));
  });
  // Input no route can use (a NUL character, a path segment longer than any name) is refused once, here.
  app.use(inputGuard());
  app.use((req, res, next) => (isMultipart(req) || isTokenRequest(req) ? next() : csrf.csrfSynchronisedProtection(req, res, next)));

  // The review page and its segments first: most requests, and no other router has an /articles path.
  app.use('/articles', articleRoutes(routeDeps));
  app.use('/articles', segmentRoutes(routeDeps));
  app.use('/articles', flagRoutes(routeDeps));
  app.use('/articles', liveRoutes(routeDeps));
  app.use(corpusRoutes(routeDeps));
  app.use(accountRoutes(routeDeps, { isSecure: isHttps }));
  app.use(userRoutes(routeDeps));
  app.use('/api', apiRoutes(routeDeps));
  app.use(nameRoutes(routeDeps));
  app.use(glossaryRoutes(routeDeps));
  app.use(reportRoutes(routeDeps));
  app.use(jobRoutes(routeDeps));
  app.use(issueRoutes(routeDeps));

  app.use(notFound);
  app.use(errorHandler(deps.log ?? ((err) => console.error(err))));
  return app;
}
