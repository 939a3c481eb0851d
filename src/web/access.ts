import type { Role } from '../service/accounts.js';

/** Who may request a route: anyone ('public'), anyone signed in ('signed-in'), or a role and those above it. */
export type Access = 'public' | 'signed-in' | Role;

/** One row of the role × route table. */
export interface RouteAccess {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The route as Express writes it, parameters as `:name`. */
  readonly path: string;
  readonly access: Access;
  /** What the route does, for docs/roles.md. */
  readonly what: string;
}

/**
 * The role × route table (issue 11), the one source of truth: the access middleware enforces it,
 * `npm run docs:roles` prints it into docs/roles.md (roles-doc.ts), and test/web/roles.test.ts walks every route with
 * every role against docs/roles.md. A route missing here is refused to everyone but an admin.
 */
export const ROUTE_ACCESS: readonly RouteAccess[] = [
  { method: 'GET', path: '/login', access: 'public', what: 'the sign-in form' },
  { method: 'POST', path: '/login', access: 'public', what: 'sign in' },
  { method: 'POST', path: '/logout', access: 'signed-in', what: 'sign out' },
  { method: 'GET', path: '/account/password', access: 'signed-in', what: 'the change-password form' },
  { method: 'POST', path: '/account/password', access: 'signed-in', what: 'change one’s own password' },

  { method: 'GET', path: '/', access: 'viewer', what: 'the corpus: articles, search, filters' },
  { method: 'GET', path: '/articles/:id', access: 'viewer', what: 'an article’s review page' },
  { method: 'GET', path: '/articles/:id/events', access: 'viewer', what: 'the review page’s live updates (an event stream: segments saved by others, who else has it open)' },
  { method: 'GET', path: '/articles/:id/export', access: 'viewer', what: 'export the corrected article, XLIFF, TMX' },
  { method: 'GET', path: '/articles/:id/report', access: 'viewer', what: 'the printable QA report' },
  { method: 'GET', path: '/articles/:id/corrections', access: 'viewer', what: 'the article’s corrections and their categories' },
  { method: 'GET', path: '/articles/:id/segments/:n/history', access: 'viewer', what: 'a segment’s history' },
  { method: 'GET', path: '/articles/:id/next-with-errors', access: 'viewer', what: 'go to the next article with open error flags' },
  { method: 'GET', path: '/glossary', access: 'viewer', what: 'the glossary' },
  { method: 'GET', path: '/glossary/export', access: 'viewer', what: 'export the glossary (TBX, CSV, JSON)' },
  { method: 'GET', path: '/glossary/suggestions', access: 'viewer', what: 'glossary suggestions from corrections' },
  { method: 'GET', path: '/glossary/:cid', access: 'viewer', what: 'one glossary entry and its history' },
  { method: 'GET', path: '/names', access: 'viewer', what: 'the people named across the corpus' },
  { method: 'GET', path: '/reports', access: 'viewer', what: 'edit rates and error categories' },
  { method: 'GET', path: '/reports/export', access: 'viewer', what: 'export the reports (CSV, JSON)' },
  { method: 'GET', path: '/jobs', access: 'viewer', what: 'corpus-wide work and its progress' },
  { method: 'GET', path: '/issues', access: 'viewer', what: 'the QA list: every open flag, filtered and grouped' },
  { method: 'GET', path: '/issues/export', access: 'viewer', what: 'export the QA list (CSV, JSON)' },
  { method: 'GET', path: '/api/articles', access: 'viewer', what: 'API: the articles, paged' },
  { method: 'GET', path: '/api/articles/:id', access: 'viewer', what: 'API: an article’s segments with their open flags' },
  { method: 'GET', path: '/api/glossary', access: 'viewer', what: 'API: the glossary (TBX, CSV, JSON)' },

  { method: 'GET', path: '/articles/:id/segments/:n', access: 'editor', what: 'the edit form of one segment' },
  { method: 'POST', path: '/articles/:id/segments/:n', access: 'editor', what: 'save a segment' },
  { method: 'POST', path: '/articles/:id/segments/:n/revert', access: 'editor', what: 'revert a segment to an earlier revision' },
  // A form only an editor can send: it shows nothing the corrections page does not.
  { method: 'GET', path: '/articles/:id/categories', access: 'editor', what: 'a correction’s category form' },
  { method: 'POST', path: '/articles/:id/categories', access: 'editor', what: 'confirm or change a correction’s category' },
  { method: 'POST', path: '/articles/:id/engine', access: 'editor', what: 'set the article’s MT engine' },
  { method: 'POST', path: '/articles/:id/status', access: 'editor', what: 'set the article’s status' },
  { method: 'POST', path: '/articles/:id/flags/apply', access: 'editor', what: 'apply a flag’s suggestion here' },
  { method: 'GET', path: '/articles/:id/fixes', access: 'editor', what: 'preview a fix everywhere' },
  { method: 'POST', path: '/articles/:id/fixes', access: 'editor', what: 'apply a fix everywhere' },
  { method: 'POST', path: '/articles/:id/dismissals', access: 'editor', what: 'dismiss flags with a reason' },
  { method: 'POST', path: '/articles/:id/dismissals/:dismissalId/restore', access: 'editor', what: 'restore a dismissed flag' },
  { method: 'POST', path: '/issues/dismiss', access: 'editor', what: 'dismiss flags ticked on the QA list, with a reason' },
  { method: 'POST', path: '/issues/fixes/preview', access: 'editor', what: 'preview fixing ticked flags everywhere, across articles' },
  { method: 'POST', path: '/issues/fixes', access: 'editor', what: 'apply a fix everywhere across articles' },
  { method: 'POST', path: '/people/distinct', access: 'editor', what: 'decide that two spellings are different people (after a confirmation page)' },
  { method: 'POST', path: '/people/distinct/undo', access: 'editor', what: 'take back a "different people" decision' },
  { method: 'PUT', path: '/api/articles/:id/segments/:n', access: 'editor', what: 'API: save a segment' },

  { method: 'GET', path: '/glossary/new', access: 'terminologist', what: 'the new-entry form' },
  { method: 'POST', path: '/glossary', access: 'terminologist', what: 'add a glossary entry' },
  { method: 'POST', path: '/glossary/from-names', access: 'terminologist', what: 'add an entry from the names page' },
  { method: 'POST', path: '/glossary/suggestions/accept', access: 'terminologist', what: 'accept a suggestion into the glossary' },
  { method: 'POST', path: '/glossary/suggestions/reject', access: 'terminologist', what: 'reject a suggestion' },
  { method: 'POST', path: '/glossary/:cid', access: 'terminologist', what: 'change a glossary entry' },
  { method: 'GET', path: '/glossary/:cid/apply', access: 'terminologist', what: 'preview applying an entry to the corpus' },
  { method: 'POST', path: '/glossary/:cid/apply', access: 'terminologist', what: 'apply an entry to the corpus' },
  { method: 'GET', path: '/glossary/import', access: 'terminologist', what: 'the glossary import form' },
  { method: 'POST', path: '/glossary/import', access: 'terminologist', what: 'upload a glossary (TBX, CSV, JSON)' },
  { method: 'GET', path: '/glossary/import/:pid', access: 'terminologist', what: 'map an uploaded glossary’s columns' },
  { method: 'POST', path: '/glossary/import/:pid', access: 'terminologist', what: 'import an uploaded glossary' },

  { method: 'GET', path: '/import', access: 'admin', what: 'the article import form' },
  { method: 'POST', path: '/import', access: 'admin', what: 'import articles' },
  // Deleting is an admin's (ROLE_DESCRIPTIONS); a terminologist changes entries but does not delete them.
  { method: 'POST', path: '/glossary/:cid/delete', access: 'admin', what: 'delete a glossary entry (its history stays)' },
  { method: 'POST', path: '/reports/pass-score', access: 'admin', what: 'set the MQM pass score' },
  { method: 'GET', path: '/admin/users', access: 'admin', what: 'the users and their roles' },
  { method: 'POST', path: '/admin/users', access: 'admin', what: 'add a user (a one-time password is shown once)' },
  { method: 'POST', path: '/admin/users/:username/role', access: 'admin', what: 'change a user’s role' },
  { method: 'POST', path: '/admin/users/:username/password', access: 'admin', what: 'reset a user’s password' },
  { method: 'POST', path: '/admin/users/:username/remove', access: 'admin', what: 'remove a user' },
];

interface CompiledAccess extends RouteAccess {
  readonly pattern: RegExp;
  /** Literal segments first: /glossary/new is matched before /glossary/:cid. */
  readonly literals: number;
}

function compile(row: RouteAccess): CompiledAccess {
  const parts = row.path.split('/').filter(Boolean);
  const source = parts.map((p) => (p.startsWith(':') ? '/[^/]+' : `/${p.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`)).join('');
  return { ...row, pattern: new RegExp(`^${source || '/'}/?$`, 'u'), literals: parts.filter((p) => !p.startsWith(':')).length };
}

const COMPILED = ROUTE_ACCESS.map(compile).sort((a, b) => b.literals - a.literals);

/** Returns the table's row for a request, or undefined when the route is not in it. HEAD is read as GET. */
export function accessOf(method: string, path: string): RouteAccess | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  return COMPILED.find((row) => row.method === m && row.pattern.test(path));
}

/** The access a route not in the table gets: only an admin, so a route added without a row is closed, not open. */
export const UNLISTED_ACCESS: Access = 'admin';

/** Returns the access a request needs. Static files are public. */
export function accessFor(method: string, path: string): Access {
  if ((method === 'GET' || method === 'HEAD') && path.startsWith('/public/')) return 'public';
  return accessOf(method, path)?.access ?? UNLISTED_ACCESS;
}
