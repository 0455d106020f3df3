-- A short name per region and zone (廊坊经济技术开发区 -> 廊坊开发区): what charts and narrow
-- columns show when the full name does not fit. Empty: none (the full name is used).
ALTER TABLE regions ADD COLUMN short_name TEXT NOT NULL DEFAULT '';
ALTER TABLE zones ADD COLUMN short_name TEXT NOT NULL DEFAULT '';
