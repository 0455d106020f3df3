-- Issue 15: ledgers as offices write them.
-- (1) Two-level 产业类别: a group (战略性新兴产业 …) is itself an entry of `categories`, the one
--     whose name equals its group_name, so that a record the office classified only by its group
--     is stored as what it says; the other entries of the group are its items.
-- (2) Aliases: other names an entry goes by in users' files (传统产业改造升级 -> 传统产业), per
--     dictionary. Small variants (brackets, a missing 产业, an added 类) are a normalisation rule in
--     the lookup (core/import/dictionary_lookup.cpp), not aliases.
-- (3) Warnings on records: information that is missing (竣工 without 实际竣工时间, no 项目代码, a
--     deal without a contact) does not reject a record; what is missing is kept on it, one reason
--     per line, refreshed on every write (core/validate/completeness.h).
INSERT INTO categories(uid, name, group_name, strategic_emerging, is_industrial, sort_order)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' ||
             substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       c.group_name, c.group_name, max(c.strategic_emerging), max(c.is_industrial), min(c.sort_order)
FROM categories c
GROUP BY c.group_name
HAVING sum(c.name = c.group_name) = 0 AND NOT EXISTS (SELECT 1 FROM categories x WHERE x.name = c.group_name);

CREATE TABLE dictionary_aliases (
  id         INTEGER PRIMARY KEY,
  uid        TEXT NOT NULL UNIQUE,
  kind       TEXT NOT NULL CHECK (kind IN ('regions','zones','industries','categories')),
  alias      TEXT NOT NULL,             -- as written in files: 传统产业改造升级
  target_id  INTEGER NOT NULL,          -- the entry of that dictionary it means
  UNIQUE (kind, alias)
);

ALTER TABLE projects ADD COLUMN warnings TEXT NOT NULL DEFAULT '';
ALTER TABLE renovations ADD COLUMN warnings TEXT NOT NULL DEFAULT '';
ALTER TABLE deals ADD COLUMN warnings TEXT NOT NULL DEFAULT '';
-- 招商 deals had no contact: the person (and phone) at the investor the office deals with
ALTER TABLE deals ADD COLUMN contact_person TEXT NOT NULL DEFAULT '';
ALTER TABLE deals ADD COLUMN contact_phone TEXT NOT NULL DEFAULT '';
