-- Decisions editors take about flags (issue 3): a dismissal hides a flag, found again by its
-- fingerprint on every re-run; a distinct-people pair keeps two spellings apart in every article.

CREATE TABLE dismissals (
  id           INTEGER PRIMARY KEY,
  article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  check_id     TEXT    NOT NULL,
  fingerprint  TEXT    NOT NULL,
  text         TEXT    NOT NULL,               -- the flagged text when dismissed, for the record
  reason       TEXT    NOT NULL,
  author       TEXT    NOT NULL,
  created_at   TEXT    NOT NULL,
  revoked_by   TEXT,                           -- set when an editor restores the flag
  revoked_at   TEXT
);

CREATE INDEX dismissals_by_article ON dismissals (article_id, fingerprint);

CREATE TABLE distinct_people (
  id          INTEGER PRIMARY KEY,
  spelling_a  TEXT NOT NULL,                   -- the two spellings, a < b, as the editor saw them
  spelling_b  TEXT NOT NULL,
  author      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  UNIQUE (spelling_a, spelling_b),
  CHECK (spelling_a < spelling_b)
);
