import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/service/accounts.js';
import { ROUTE_ACCESS } from '../../src/web/access.js';
import { rolesMarkdown } from '../../src/web/roles-doc.js';

describe('docs/roles.md', () => {
  it('is what `npm run docs:roles` generates from ROUTE_ACCESS (run it when this fails)', () => {
    const docs = readFileSync(new URL('../../docs/roles.md', import.meta.url), 'utf8');
    expect(docs, 'docs/roles.md is out of date with src/web/access.ts: run `npm run docs:roles`').toBe(rolesMarkdown());
  });

  it('has one table row per route, with a mark for every role and for no session', () => {
    const rows = rolesMarkdown().split('\n').filter((l) => /^\| (GET|POST|PUT|DELETE) \|/.test(l));
    expect(rows).toHaveLength(ROUTE_ACCESS.length);
    expect(rows[0]).toBe('| GET | `/login` | the sign-in form | ✓ | ✓ | ✓ | ✓ | ✓ |');
    expect(rows.find((r) => r.includes('`/admin/users`') && r.startsWith('| GET'))).toBe('| GET | `/admin/users` | the users and their roles | — | — | — | ✓ | — (→ /login) |');
    expect(rows.find((r) => r.includes('`/api/articles/:id/segments/:n`'))).toBe('| PUT | `/api/articles/:id/segments/:n` | API: save a segment | — | ✓ | ✓ | ✓ | — (401) |');
    for (const role of ROLES) expect(rolesMarkdown()).toContain(`- **${role}**: `);
  });
});
