-- The MQM category an editor confirmed for a correction (issue 5). Keyed by the segment and the
-- correction's text, not by a revision, so a confirmation holds while the same correction stands
-- in later revisions; the latest confirmation wins, earlier ones stay as history.

CREATE TABLE correction_categories (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  segment_id  INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  mt_text     TEXT    NOT NULL,
  edit_text   TEXT    NOT NULL,
  category    TEXT    NOT NULL,
  severity    TEXT    NOT NULL CHECK (severity IN ('neutral', 'minor', 'major', 'critical')),
  author      TEXT    NOT NULL,
  created_at  TEXT    NOT NULL
);

CREATE INDEX correction_categories_by_article ON correction_categories (article_id, segment_id);
