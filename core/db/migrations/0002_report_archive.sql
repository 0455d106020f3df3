-- 封账 archive: the report files as submitted for a locked period, byte for byte, so that asking
-- for the report of a locked period again hands out exactly the archived file (same checksum).
-- (added by the reliability work; see core/db/period_lock.h)
CREATE TABLE report_archive (
  id           INTEGER PRIMARY KEY,
  uid          TEXT NOT NULL UNIQUE,
  template_id  TEXT NOT NULL,
  period       TEXT NOT NULL,              -- 'YYYY-MM'
  scope        TEXT NOT NULL DEFAULT '',   -- region or zone name, '' for all
  file_name    TEXT NOT NULL,              -- the name it was generated under (no folder)
  content      BLOB NOT NULL,
  sha256       TEXT NOT NULL,
  archived_at  TEXT NOT NULL,
  who          TEXT NOT NULL,
  UNIQUE (template_id, period, scope)
);
