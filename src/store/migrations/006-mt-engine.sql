-- Which machine-translation engine produced an article (issue 5: reports per MT engine). Empty when
-- unknown; set at import (form field, `copydesk import --engine`) or later on the article page.

ALTER TABLE articles ADD COLUMN mt_engine TEXT NOT NULL DEFAULT '';
