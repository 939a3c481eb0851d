import type { CopydeskMigration } from './define.js';

/**
 * The QA list (`/issues`, issue 13) reads every open flag of the corpus from article_flags, a page
 * at a time in keyset order, filtered and grouped. Each index below serves one order of the list
 * (store/issues.ts) with its equality filter in front, so a page is an index range of 50 entries
 * and a count or a group's count is a range of the matching entries, never a read of the table:
 * - (is_dismissed, article_id, position, …): the list in article order, one article's flags;
 * - (is_dismissed, check_id, article_id, position, …): grouped or filtered by check;
 * - (is_dismissed, severity, article_id, position, …): filtered by severity;
 * - (is_dismissed, group_key, article_id, position, …): grouped or filtered by person (the flag's group).
 * `is_dismissed` leads each so the dismissed rows sit in a range of their own that the list skips.
 * Each ends with the other flag-level filter columns (check, severity, group), so a second filter
 * is tested in the index and a count never reads the table's rows. The article's status and
 * engine are read through articles' own indexes (migration 008).
 */
export const migration: CopydeskMigration = {
  name: '014-issue-list',
  async up(db) {
    const index = (name: string, columns: string[]) => db.schema.createIndex(name).on('article_flags').columns(columns).execute();
    await index('article_flags_open_by_article', ['is_dismissed', 'article_id', 'position', 'check_id', 'severity', 'group_key']);
    await index('article_flags_open_by_check', ['is_dismissed', 'check_id', 'article_id', 'position', 'severity', 'group_key']);
    await index('article_flags_open_by_severity', ['is_dismissed', 'severity', 'article_id', 'position', 'check_id', 'group_key']);
    await index('article_flags_open_by_person', ['is_dismissed', 'group_key', 'article_id', 'position', 'check_id', 'severity']);
  },
};
