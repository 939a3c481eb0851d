-- A CSV glossary upload waits here while the editor maps its columns (issue 4): the file is kept
-- as uploaded, so the mapping step needs no second upload; it is deleted once imported.

CREATE TABLE pending_imports (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  content     TEXT NOT NULL,
  author      TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
