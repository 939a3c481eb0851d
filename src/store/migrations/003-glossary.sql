-- The glossary (issue 4): concepts with their terms, a snapshot per change so edits and deletions
-- keep their history, and the decisions taken on suggestions from the correction memory.

CREATE TABLE concepts (
  id           INTEGER PRIMARY KEY,
  type         TEXT    NOT NULL CHECK (type IN ('person', 'organisation', 'place', 'title', 'term')),
  note         TEXT    NOT NULL DEFAULT '',
  origin       TEXT    NOT NULL,                 -- names-page, flag, correction-memory, manual, import
  source       TEXT,                             -- article title, correction, file name
  created_by   TEXT    NOT NULL,
  created_at   TEXT    NOT NULL,
  modified_by  TEXT,
  modified_at  TEXT,
  deleted_by   TEXT,                             -- a deleted concept is kept, marked, with its history
  deleted_at   TEXT
);

CREATE TABLE terms (
  id          INTEGER PRIMARY KEY,
  concept_id  INTEGER NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  text        TEXT    NOT NULL CHECK (length(text) > 0),
  lang        TEXT    NOT NULL,
  status      TEXT    NOT NULL CHECK (status IN ('preferred', 'admitted', 'deprecated')),
  note        TEXT    NOT NULL DEFAULT '',
  UNIQUE (concept_id, position)
);

CREATE INDEX terms_by_text ON terms (text);

CREATE TABLE concept_history (
  id          INTEGER PRIMARY KEY,
  concept_id  INTEGER NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
  action      TEXT    NOT NULL,                 -- created, edited, deleted, restored
  snapshot    TEXT    NOT NULL,                 -- JSON of the concept after the change
  author      TEXT    NOT NULL,
  created_at  TEXT    NOT NULL
);

CREATE TABLE suggestion_decisions (
  id          INTEGER PRIMARY KEY,
  mt_text     TEXT    NOT NULL,
  edit_text   TEXT    NOT NULL,
  decision    TEXT    NOT NULL CHECK (decision IN ('accepted', 'rejected')),
  concept_id  INTEGER REFERENCES concepts (id),
  author      TEXT    NOT NULL,
  created_at  TEXT    NOT NULL,
  UNIQUE (mt_text, edit_text)
);
