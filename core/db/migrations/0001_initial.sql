-- InvestLedger schema, version 1.
-- Amounts are INTEGER in 分 (0.01 元) for CNY and in cents for USD: never REAL.
-- Every record has a globally unique uid (UUID text) besides its row id, so that databases of
-- different offices can be merged. Dates are ISO text: 'YYYY-MM-DD' (a month alone: 'YYYY-MM').
-- `version` on editable records is bumped on every update: an edit made on a stale copy is detected.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Dictionaries -------------------------------------------------------------------------------
CREATE TABLE regions (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  code        TEXT,                       -- administrative division code, optional
  name        TEXT NOT NULL UNIQUE,       -- 广阳区
  kind        TEXT NOT NULL DEFAULT '县市区' CHECK (kind IN ('县市区','开发区单列','市本级')),
  sort_order  INTEGER NOT NULL DEFAULT 0,
  active      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE zones (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  region_id   INTEGER NOT NULL REFERENCES regions(id),
  name        TEXT NOT NULL UNIQUE,       -- 固安工业园区
  level       TEXT NOT NULL DEFAULT '省级' CHECK (level IN ('国家级','省级','市级','其他')),
  sort_order  INTEGER NOT NULL DEFAULT 0,
  active      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX zones_region ON zones(region_id);

-- GB/T 4754-2017 sections A-T
CREATE TABLE industries (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  code        TEXT NOT NULL UNIQUE,       -- 'C'
  name        TEXT NOT NULL,              -- 制造业
  sort_order  INTEGER NOT NULL DEFAULT 0,
  active      INTEGER NOT NULL DEFAULT 1
);

-- Industrial categories: 战略性新兴产业 branches, 现代服务业 branches, 传统产业, 现代农业
CREATE TABLE categories (
  id                  INTEGER PRIMARY KEY,
  uid                 TEXT NOT NULL UNIQUE,
  name                TEXT NOT NULL UNIQUE,   -- 新材料
  group_name          TEXT NOT NULL CHECK (group_name IN ('战略性新兴产业','现代服务业','传统产业','现代农业','其他')),
  strategic_emerging  INTEGER NOT NULL DEFAULT 0,
  is_industrial       INTEGER NOT NULL DEFAULT 1, -- counts among 亿元以上产业项目
  sort_order          INTEGER NOT NULL DEFAULT 0,
  active              INTEGER NOT NULL DEFAULT 1
);

-- 亿元以上项目 ---------------------------------------------------------------------------------
CREATE TABLE projects (
  id                  INTEGER PRIMARY KEY,
  uid                 TEXT NOT NULL UNIQUE,
  code                TEXT UNIQUE,            -- national project code, optional
  name                TEXT NOT NULL,
  owner               TEXT NOT NULL DEFAULT '',   -- 建设单位
  region_id           INTEGER NOT NULL REFERENCES regions(id),
  zone_id             INTEGER REFERENCES zones(id),
  site                TEXT NOT NULL DEFAULT '',   -- 建设地点
  industry_id         INTEGER REFERENCES industries(id),
  category_id         INTEGER REFERENCES categories(id),
  nature              TEXT NOT NULL DEFAULT '新建' CHECK (nature IN ('新建','扩建','改建','迁建')),
  level               TEXT NOT NULL DEFAULT '县重点' CHECK (level IN ('省重点','市重点','县重点')),
  stage               TEXT NOT NULL DEFAULT '前期' CHECK (stage IN ('谋划','前期','新开工','续建','竣工','投产','停缓建','取消')),
  total_investment    INTEGER NOT NULL DEFAULT 0, -- 分
  planned_start       TEXT,
  planned_completion  TEXT,
  actual_start        TEXT,
  actual_completion   TEXT,
  content             TEXT NOT NULL DEFAULT '',   -- 建设内容
  leader_name         TEXT NOT NULL DEFAULT '',   -- 包联领导
  leader_title        TEXT NOT NULL DEFAULT '',
  responsible_unit    TEXT NOT NULL DEFAULT '',   -- 责任单位
  contact_person      TEXT NOT NULL DEFAULT '',
  contact_phone       TEXT NOT NULL DEFAULT '',
  is_jingjin          INTEGER NOT NULL DEFAULT 0, -- 京津项目
  is_foreign          INTEGER NOT NULL DEFAULT 0, -- 外资
  notes               TEXT NOT NULL DEFAULT '',
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  version             INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX projects_region ON projects(region_id);
CREATE INDEX projects_zone ON projects(zone_id);
CREATE INDEX projects_name_region ON projects(name, region_id);

-- Annual planned investment per project and year (年度计划投资)
CREATE TABLE project_plans (
  project_id          INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  year                INTEGER NOT NULL,
  planned_investment  INTEGER NOT NULL DEFAULT 0, -- 分
  uid                 TEXT NOT NULL UNIQUE,
  PRIMARY KEY (project_id, year)
) WITHOUT ROWID;

-- 前期手续
CREATE TABLE approvals (
  project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('立项备案','用地','规划','环评','能评','施工许可')),
  status      TEXT NOT NULL DEFAULT '未办' CHECK (status IN ('未办','在办','已办','不需要')),
  doc_number  TEXT NOT NULL DEFAULT '',
  doc_date    TEXT,
  uid         TEXT NOT NULL UNIQUE,
  PRIMARY KEY (project_id, kind)
) WITHOUT ROWID;

-- 月度调度: completed investment per project and month. Both figures are stored; whichever the
-- user entered, the other is derived (completed_month = ytd - previous month's ytd).
CREATE TABLE progress (
  project_id       INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  year             INTEGER NOT NULL,
  month            INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  completed_month  INTEGER NOT NULL DEFAULT 0, -- 分, 本月完成
  completed_ytd    INTEGER NOT NULL DEFAULT 0, -- 分, 1-N月累计
  image_progress   TEXT NOT NULL DEFAULT '',   -- 形象进度
  problems         TEXT NOT NULL DEFAULT '',   -- 存在问题 (free text of the month)
  uid              TEXT NOT NULL UNIQUE,
  updated_at       TEXT NOT NULL,
  PRIMARY KEY (project_id, year, month)
) WITHOUT ROWID;
CREATE INDEX progress_period ON progress(year, month, project_id, completed_ytd);

-- 存在问题 with a lifecycle 交办 -> 督办 -> 销号
CREATE TABLE problems (
  id              INTEGER PRIMARY KEY,
  uid             TEXT NOT NULL UNIQUE,
  project_id      INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  description     TEXT NOT NULL,
  owner_unit      TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL DEFAULT '交办' CHECK (status IN ('交办','督办','销号')),
  assigned_date   TEXT,
  supervised_date TEXT,
  closed_date     TEXT,
  notes           TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX problems_project ON problems(project_id);

-- 技改项目 -----------------------------------------------------------------------------------
CREATE TABLE renovations (
  id                    INTEGER PRIMARY KEY,
  uid                   TEXT NOT NULL UNIQUE,
  enterprise            TEXT NOT NULL,
  name                  TEXT NOT NULL,
  filing_number         TEXT UNIQUE,            -- 备案号
  region_id             INTEGER NOT NULL REFERENCES regions(id),
  zone_id               INTEGER REFERENCES zones(id),
  industry_id           INTEGER REFERENCES industries(id),
  kind                  TEXT NOT NULL DEFAULT '其他' CHECK (kind IN ('智能化','绿色化','扩能','其他')),
  stage                 TEXT NOT NULL DEFAULT '前期' CHECK (stage IN ('前期','新开工','续建','竣工','投产','停缓建','取消')),
  total_investment      INTEGER NOT NULL DEFAULT 0, -- 分
  equipment_investment  INTEGER NOT NULL DEFAULT 0, -- 分, of total
  in_statistics         INTEGER NOT NULL DEFAULT 0, -- 是否入统
  planned_start         TEXT,
  planned_completion    TEXT,
  actual_start          TEXT,
  actual_completion     TEXT,
  expected_output       INTEGER NOT NULL DEFAULT 0, -- 分, 新增产值
  expected_tax          INTEGER NOT NULL DEFAULT 0, -- 分, 新增利税
  notes                 TEXT NOT NULL DEFAULT '',
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  version               INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX renovations_region ON renovations(region_id);

CREATE TABLE renovation_plans (
  renovation_id       INTEGER NOT NULL REFERENCES renovations(id) ON DELETE CASCADE,
  year                INTEGER NOT NULL,
  planned_investment  INTEGER NOT NULL DEFAULT 0,
  uid                 TEXT NOT NULL UNIQUE,
  PRIMARY KEY (renovation_id, year)
) WITHOUT ROWID;

CREATE TABLE renovation_progress (
  renovation_id    INTEGER NOT NULL REFERENCES renovations(id) ON DELETE CASCADE,
  year             INTEGER NOT NULL,
  month            INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  completed_month  INTEGER NOT NULL DEFAULT 0,
  completed_ytd    INTEGER NOT NULL DEFAULT 0,
  uid              TEXT NOT NULL UNIQUE,
  updated_at       TEXT NOT NULL,
  PRIMARY KEY (renovation_id, year, month)
) WITHOUT ROWID;

-- 招商引资 -----------------------------------------------------------------------------------
CREATE TABLE deals (
  id                INTEGER PRIMARY KEY,
  uid               TEXT NOT NULL UNIQUE,
  name              TEXT NOT NULL,
  investor          TEXT NOT NULL DEFAULT '',
  origin            TEXT NOT NULL CHECK (origin IN ('北京','天津','省内','省外','境外')),
  country           TEXT NOT NULL DEFAULT '',   -- for 境外
  is_foreign        INTEGER NOT NULL DEFAULT 0, -- 外资
  region_id         INTEGER NOT NULL REFERENCES regions(id),
  zone_id           INTEGER REFERENCES zones(id),
  industry_id       INTEGER REFERENCES industries(id),
  category_id       INTEGER REFERENCES categories(id),
  stage             TEXT NOT NULL DEFAULT '线索' CHECK (stage IN ('线索','洽谈','签约','注册','开工','投产','终止')),
  lead_date         TEXT,
  negotiation_date  TEXT,
  signed_date       TEXT,
  registered_date   TEXT,
  started_date      TEXT,
  operating_date    TEXT,
  terminated_date   TEXT,
  signing_event     TEXT NOT NULL DEFAULT '',   -- 5·18经洽会
  contract_type     TEXT NOT NULL DEFAULT '协议' CHECK (contract_type IN ('合同','协议','意向')),
  contract_amount   INTEGER NOT NULL DEFAULT 0, -- minor unit of contract_currency
  contract_currency TEXT NOT NULL DEFAULT 'CNY' CHECK (contract_currency IN ('CNY','USD')),
  project_id        INTEGER REFERENCES projects(id) ON DELETE SET NULL, -- the project it became
  notes             TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  version           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX deals_region ON deals(region_id);

-- 到位资金 as dated transactions. amount in its currency's minor unit; amount_cny is the CNY
-- equivalent in 分 at rate_micro (CNY per 1 USD x 1,000,000; 1000000 for CNY).
CREATE TABLE deal_funds (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  deal_id     INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
  date        TEXT NOT NULL,
  amount      INTEGER NOT NULL,
  currency    TEXT NOT NULL DEFAULT 'CNY' CHECK (currency IN ('CNY','USD')),
  rate_micro  INTEGER NOT NULL DEFAULT 1000000,
  amount_cny  INTEGER NOT NULL,
  notes       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX deal_funds_deal ON deal_funds(deal_id, date);

CREATE TABLE deal_followups (
  id       INTEGER PRIMARY KEY,
  uid      TEXT NOT NULL UNIQUE,
  deal_id  INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
  date     TEXT NOT NULL,
  author   TEXT NOT NULL DEFAULT '',
  note     TEXT NOT NULL
);

-- 年度目标 per region or per zone and year -------------------------------------------------------
CREATE TABLE targets (
  id                   INTEGER PRIMARY KEY,
  uid                  TEXT NOT NULL UNIQUE,
  year                 INTEGER NOT NULL,
  region_id            INTEGER REFERENCES regions(id),
  zone_id              INTEGER REFERENCES zones(id),
  projects_count       INTEGER NOT NULL DEFAULT 0, -- 亿元以上项目 to implement
  investment           INTEGER NOT NULL DEFAULT 0, -- 分, investment to complete
  renovation_count     INTEGER NOT NULL DEFAULT 0, -- 技改 items
  signed_amount        INTEGER NOT NULL DEFAULT 0, -- 分
  funds_in_place       INTEGER NOT NULL DEFAULT 0, -- 分
  foreign_capital_usd  INTEGER NOT NULL DEFAULT 0, -- US cents
  CHECK ((region_id IS NULL) <> (zone_id IS NULL))
);
CREATE UNIQUE INDEX targets_region_year ON targets(year, region_id) WHERE region_id IS NOT NULL;
CREATE UNIQUE INDEX targets_zone_year ON targets(year, zone_id) WHERE zone_id IS NOT NULL;

-- Audit log: every change, who, when, which record, old and new values --------------------------
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,              -- ISO timestamp, local time with offset
  who         TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('insert','update','delete','unlock','import','restore')),
  table_name  TEXT NOT NULL,
  record_id   INTEGER,
  record_uid  TEXT,
  field       TEXT,
  old_value   TEXT,
  new_value   TEXT,
  reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_record ON audit_log(table_name, record_id);

-- Reports as generated, so that the report as submitted can be found later
CREATE TABLE report_runs (
  id                INTEGER PRIMARY KEY,
  uid               TEXT NOT NULL UNIQUE,
  template_id       TEXT NOT NULL,
  template_version  TEXT NOT NULL,
  period            TEXT NOT NULL,              -- 'YYYY-MM' (1-N月)
  scope             TEXT NOT NULL DEFAULT '',   -- region or zone name, '' for all
  generated_at      TEXT NOT NULL,
  who               TEXT NOT NULL,
  file_path         TEXT NOT NULL,
  sha256            TEXT NOT NULL
);

-- Import presets: a saved column mapping for a file layout
CREATE TABLE import_presets (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('projects','renovations','deals')),
  signature   TEXT NOT NULL DEFAULT '',   -- the header layout it was made for
  mapping     TEXT NOT NULL               -- JSON
);

-- 封账: reported periods locked after submission
CREATE TABLE period_locks (
  year       INTEGER NOT NULL,
  month      INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  locked_at  TEXT NOT NULL,
  who        TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (year, month)
);
