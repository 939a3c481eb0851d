import { hasRole, ROLE_DESCRIPTIONS, ROLES } from '../service/accounts.js';
import { ROUTE_ACCESS, UNLISTED_ACCESS, type RouteAccess } from './access.js';

/** The mark of a route a role or a signed-out request may use, and of one it may not. */
const YES = '✓';
const NO = '—';

/** Returns the "no session" cell: allowed, sent to the sign-in page (GET pages), or refused with 401. */
function signedOutCell(row: RouteAccess): string {
  if (row.access === 'public') return YES;
  return row.method === 'GET' && !row.path.startsWith('/api/') ? `${NO} (→ /login)` : `${NO} (401)`;
}

/** Returns a role's cell: ✓ when the route is open to it. */
function roleCell(row: RouteAccess, role: (typeof ROLES)[number]): string {
  return row.access === 'public' || row.access === 'signed-in' || hasRole(role, row.access) ? YES : NO;
}

/** Returns text safe inside a Markdown table cell: pipes escaped, line breaks as spaces. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/**
 * Returns docs/roles.md: who may request each route, generated from ROUTE_ACCESS (access.ts) by
 * `npm run docs:roles`, so the docs cannot drift from what the app enforces; test/web/roles.test.ts
 * walks every route with every role against this table.
 */
export function rolesMarkdown(): string {
  const roles = ROLES.map((role) => `- **${role}**: ${ROLE_DESCRIPTIONS[role]}.`);
  const rows = ROUTE_ACCESS.map((row) => `| ${row.method} | \`${cell(row.path)}\` | ${cell(row.what)} | ${ROLES.map((role) => roleCell(row, role)).join(' | ')} | ${signedOutCell(row)} |`);
  return [
    '# Roles',
    '',
    '<!-- Generated from src/web/access.ts by `npm run docs:roles`; do not edit by hand. -->',
    '',
    'Every user has one of four roles, each allowed what the one before it is, and more:',
    '',
    ...roles,
    '',
    'Without a session, a request for a page (GET, outside `/api/`) is sent to `/login` (303) and comes',
    'back after signing in; any other request gets 401. A signed-in user whose role is too low gets 403.',
    'A user still holding a one-time password is sent to `/account/password` first (other requests get',
    `403) until they choose their own. A route missing from this table is refused to everyone but an ${UNLISTED_ACCESS}.`,
    'An API token (`Authorization: Bearer …`, made with `copydesk token create`) carries its user\'s role:',
    'a script with a viewer\'s token may read but not save.',
    '',
    `${YES}: allowed. ${NO}: refused (the no-session column says how).`,
    '',
    `| Method | Route | What | ${ROLES.join(' | ')} | no session |`,
    `| --- | --- | --- | ${ROLES.map(() => ':---:').join(' | ')} | --- |`,
    ...rows,
    '',
  ].join('\n');
}
