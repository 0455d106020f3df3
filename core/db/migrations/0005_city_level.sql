-- The city level (core/city): counties submit packages, the city ledger merges them.
-- Records merged from a package keep their origin: the sending office, the package (its uid,
-- submissions.uid) and the period it was submitted for. NULL: entered in this ledger itself.
ALTER TABLE projects ADD COLUMN origin_office TEXT;
ALTER TABLE projects ADD COLUMN origin_package TEXT;
ALTER TABLE projects ADD COLUMN origin_period TEXT;
ALTER TABLE renovations ADD COLUMN origin_office TEXT;
ALTER TABLE renovations ADD COLUMN origin_package TEXT;
ALTER TABLE renovations ADD COLUMN origin_period TEXT;
ALTER TABLE deals ADD COLUMN origin_office TEXT;
ALTER TABLE deals ADD COLUMN origin_package TEXT;
ALTER TABLE deals ADD COLUMN origin_period TEXT;
ALTER TABLE targets ADD COLUMN origin_office TEXT;
ALTER TABLE targets ADD COLUMN origin_package TEXT;
ALTER TABLE targets ADD COLUMN origin_period TEXT;
CREATE INDEX projects_origin ON projects(origin_office);
CREATE INDEX renovations_origin ON renovations(origin_office);
CREATE INDEX deals_origin ON deals(origin_office);
CREATE INDEX targets_origin ON targets(origin_office);

-- The offices that submit to this (city) ledger and the regions each one reports for. A region
-- belongs to one office. Filled from the regions dictionary on first use (one office per
-- 县市区 / 开发区单列 region, named like it) and editable.
CREATE TABLE offices (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL UNIQUE,
  active      INTEGER NOT NULL DEFAULT 1,
  sort_order  INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE office_regions (
  region_id  INTEGER PRIMARY KEY REFERENCES regions(id),
  office_id  INTEGER NOT NULL REFERENCES offices(id) ON DELETE CASCADE
);

-- Every package received, as received (content kept byte for byte, so that a conflict can be
-- resolved from it later), and what became of it. status: accepted (merged), rejected (拒收, not
-- merged), returned (退回 to the office after review: it has to submit again), superseded (a
-- later accepted package of the same office and period replaced it).
CREATE TABLE submissions (
  id              INTEGER PRIMARY KEY,
  uid             TEXT NOT NULL,          -- the package's own uid (manifest)
  office          TEXT NOT NULL,
  period          TEXT NOT NULL,          -- 'YYYY-MM'
  status          TEXT NOT NULL CHECK (status IN ('accepted','rejected','returned','superseded')),
  created_at      TEXT NOT NULL,          -- when the office made it (manifest)
  received_at     TEXT NOT NULL,
  who             TEXT NOT NULL,          -- who accepted or rejected it
  tool_version    TEXT NOT NULL,
  schema_version  INTEGER NOT NULL,
  file_name       TEXT NOT NULL,
  sha256          TEXT NOT NULL,          -- of the whole package file
  content         BLOB NOT NULL,
  summary         TEXT NOT NULL DEFAULT '',  -- JSON: counts of new / changed / removed / conflicts
  reason          TEXT NOT NULL DEFAULT '',  -- 拒收 or 退回 reason
  returned_at     TEXT,
  returned_by     TEXT
);
CREATE INDEX submissions_office_period ON submissions(office, period);

-- The same project (same 项目代码, or same name and region) submitted by two offices: held here,
-- not merged, until the city decides which office keeps it.
CREATE TABLE city_conflicts (
  id               INTEGER PRIMARY KEY,
  uid              TEXT NOT NULL UNIQUE,
  kind             TEXT NOT NULL CHECK (kind IN ('project','renovation')),
  submission_id    INTEGER NOT NULL REFERENCES submissions(id),
  incoming_uid     TEXT NOT NULL,          -- the record's uid in the package
  incoming_office  TEXT NOT NULL,
  existing_uid     TEXT NOT NULL,          -- the record already in this ledger
  existing_office  TEXT NOT NULL DEFAULT '',
  name             TEXT NOT NULL,
  matched_by       TEXT NOT NULL,          -- 项目代码 / 名称+县市区 / uid
  detail           TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','kept','taken')),
  created_at       TEXT NOT NULL,
  resolved_at      TEXT,
  resolved_by      TEXT
);

-- Audit actions of the city level: a package submitted, accepted, rejected, returned, a conflict
-- resolved. SQLite cannot alter a CHECK, so the table is rebuilt with its rows.
CREATE TABLE audit_log_new (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  who         TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('insert','update','delete','unlock','import','restore',
                                              'submit','accept','reject','return','resolve')),
  table_name  TEXT NOT NULL,
  record_id   INTEGER,
  record_uid  TEXT,
  field       TEXT,
  old_value   TEXT,
  new_value   TEXT,
  reason      TEXT NOT NULL DEFAULT ''
);
INSERT INTO audit_log_new(id, at, who, action, table_name, record_id, record_uid, field, old_value, new_value, reason)
  SELECT id, at, who, action, table_name, record_id, record_uid, field, old_value, new_value, reason FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
CREATE INDEX audit_record ON audit_log(table_name, record_id);
