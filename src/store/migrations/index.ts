import type { CopydeskMigration } from './define.js';
import { migration as m001 } from './001-articles-segments-revisions.js';
import { migration as m002 } from './002-dismissals-distinct-people.js';
import { migration as m003 } from './003-glossary.js';
import { migration as m004 } from './004-pending-imports.js';
import { migration as m005 } from './005-correction-categories.js';
import { migration as m006 } from './006-mt-engine.js';
import { migration as m007 } from './007-versions.js';
import { migration as m008 } from './008-derived.js';
import { migration as m009 } from './009-derived-counter.js';
import { migration as m010 } from './010-accounts.js';
import { migration as m011 } from './011-flag-spans.js';
import { migration as m012 } from './012-article-sources.js';
import { migration as m013 } from './013-open-errors-index.js';
import { migration as m014 } from './014-issue-list.js';
import { migration as m015 } from './015-presence.js';
import { migration as m016 } from './016-person-spellings.js';
import { migration as m017 } from './017-stale-index.js';
import { migration as m018 } from './018-corpus-filter-sorts.js';
import { migration as m019 } from './019-drop-refreshed-decisions-index.js';

/** Every migration, in order; one set for SQLite and PostgreSQL. Never edit one that has shipped: add the next. */
export const MIGRATIONS: readonly CopydeskMigration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013, m014, m015, m016, m017, m018, m019];
