-- Articles, their segments (the MT text is never modified) and the append-only revisions of each
-- segment's edit, with the corrections derived from each revision (issue 2).

CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  title         TEXT    NOT NULL,
  source_name   TEXT    NOT NULL,                 -- file name, or 'pasted text'
  content_hash  TEXT    NOT NULL UNIQUE,          -- sha256 of the decoded text: re-imports are no-ops
  status        TEXT    NOT NULL DEFAULT 'not-started'
                CHECK (status IN ('not-started', 'in-review', 'done')),
  imported_at   TEXT    NOT NULL,
  imported_by   TEXT    NOT NULL
);

CREATE TABLE segments (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,                   -- 0-based reading order in the article
  kind        TEXT    NOT NULL
              CHECK (kind IN ('headline', 'standfirst', 'body', 'caption', 'boilerplate')),
  mt          TEXT    NOT NULL,
  mt_words    INTEGER NOT NULL,
  UNIQUE (article_id, position)
);

CREATE TABLE revisions (
  id             INTEGER PRIMARY KEY,
  segment_id     INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  number         INTEGER NOT NULL CHECK (number >= 1),  -- revision 0 is the MT itself
  text           TEXT    NOT NULL,
  author         TEXT    NOT NULL,
  created_at     TEXT    NOT NULL,
  base_number    INTEGER NOT NULL,                -- the revision the editor started from
  reverted_to    INTEGER,                         -- set when this revision restores an older one
  diff_mt        TEXT    NOT NULL,                -- JSON DiffPart[] mt -> text, computed once
  diff_prev      TEXT    NOT NULL,                -- JSON DiffPart[] previous revision -> text
  is_coarse      INTEGER NOT NULL DEFAULT 0,      -- 1 when the word diff was capped and fell back
  words_changed  INTEGER NOT NULL,                -- MT words deleted or replaced in diff_mt
  UNIQUE (segment_id, number)
);

CREATE TABLE corrections (
  id           INTEGER PRIMARY KEY,
  revision_id  INTEGER NOT NULL REFERENCES revisions (id) ON DELETE CASCADE,
  segment_id   INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  mt_text      TEXT    NOT NULL,
  edit_text    TEXT    NOT NULL,
  mt_start     INTEGER NOT NULL,
  mt_end       INTEGER NOT NULL,
  edit_start   INTEGER NOT NULL,
  edit_end     INTEGER NOT NULL
);

CREATE INDEX corrections_by_revision ON corrections (revision_id);
CREATE INDEX corrections_by_mt_text ON corrections (mt_text);
CREATE INDEX corrections_by_article ON corrections (article_id);

CREATE TABLE settings (
  name   TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
