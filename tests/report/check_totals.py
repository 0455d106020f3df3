#!/usr/bin/python3
"""Every 合计 re-added, every month of the demo year (issue 18): the standard set is generated for
2017-01 … 2017-12 on the demo city through investledger-cli and read back with openpyxl.

On every sheet, every summed column: 合计 = Σ rows = Σ 小计, each 小计 = Σ its rows, exactly (amounts
are compared in 分 / US cents, the unit the engine sums in; a cell holds the exact amount and its
number format rounds it once). Across sheets, the 合计 of one quantity is the same number
(招商按地区 = 招商按来源地, 项目进展 = 汇总排名 = 综述图表, 技改汇总 = 技改明细), USD amounts included,
and equal to the database's own sum. A region that is itself a 开发区 counts the same projects
in 汇总排名 as its zones do in 开发区指标. Exits non-zero with a list of failures."""
import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl

ap = argparse.ArgumentParser()
ap.add_argument("--cli", required=True)
ap.add_argument("--templates", required=True)
ap.add_argument("--work", required=True)
ap.add_argument("--year", type=int, default=2017)
ap.add_argument("--months", default="1-12")
args = ap.parse_args()

work = Path(args.work)
shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)
env = dict(os.environ)
env["XDG_DATA_HOME"] = str(work / "userdata")
env["INVESTLEDGER_DATA_DIR"] = str(Path(args.templates).parent)
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)
    return cond


def cli(*a):
    p = subprocess.run([args.cli, *a], capture_output=True, text=True, env=env, timeout=300)
    check(p.returncode == 0, f"exit {p.returncode} for {' '.join(a)}\n{p.stderr}")
    return p


db = work / "demo.db"
cli("--db", str(db), "demo")
con = sqlite3.connect(db)

# The sheets of every template, by their sheet name pattern.
templates = {}
for folder in sorted(Path(args.templates).iterdir()):
    tj = folder / "template.json"
    if not tj.exists():
        continue
    t = json.loads(tj.read_text(encoding="utf-8"))
    for i, s in enumerate(t.get("sheets", [t])):
        templates[(t["id"], i)] = s

MINOR_PER_WAN = 1_000_000  # 分 per 万元, US cents per 万美元


def exact(v, ctype):
    """A summed cell as an exact integer: 分/US cents for amounts, the count for integers."""
    if v is None:
        return 0
    if ctype in ("money", "usd"):
        x = float(v) * MINOR_PER_WAN
        check(abs(x - round(x)) < 1e-3, f"amount {v} is a whole number of 分")
        return round(x)
    return int(v)


def label_regex(pattern):
    parts = re.split(r"(\{group\}|\{count\})", pattern)
    return re.compile("^" + "".join(".+" if p == "{group}" else r"\d+" if p == "{count}" else re.escape(p) for p in parts) + "$")


def summed_columns(sheet):
    out = []
    for i, c in enumerate(sheet["columns"]):
        t = c.get("type", "text")
        total = c.get("total", "sum" if t in ("money", "usd", "integer") and "derive" not in c else None)
        if total == "sum":
            out.append((i + 1, c["key"], t))
    return out


def read_sheet(ws, sheet, where):
    """{key: exact 合计} and {row label: {key: exact}} of one sheet, after re-adding its totals."""
    label = sheet.get("grand_total", {}).get("label", "合计") if isinstance(sheet.get("grand_total"), dict) else "合计"
    total_row = next((r for r in range(3, 9) if ws.cell(r, 1).value == label), None)
    if not check(total_row is not None, f"{where}: 合计 row found"):
        return {}, {}
    group = sheet.get("group_by")
    sub_re = label_regex(group.get("label", "{group}小计（{count}个）")) if group else None
    subtotals, details = [], []
    r = total_row + 1
    while r <= ws.max_row:
        a = ws.cell(r, 1).value
        if a is None or (isinstance(a, str) and a.startswith("单位负责人")):
            break
        if a == sheet.get("empty_text", "（本期无数据）"):
            r += 1
            continue
        (subtotals if sub_re and isinstance(a, str) and sub_re.match(a) else details).append(r)
        r += 1
    totals, rows = {}, {}
    first_text = sheet["columns"][1 if sheet["columns"][0].get("type") == "seq" else 0]["key"]
    text_col = next(i + 1 for i, c in enumerate(sheet["columns"]) if c["key"] == first_text)
    for col, key, ctype in summed_columns(sheet):
        total = exact(ws.cell(total_row, col).value, ctype)
        by_rows = sum(exact(ws.cell(x, col).value, ctype) for x in details)
        check(total == by_rows, f"{where} {key}: 合计 {total} == Σ rows {by_rows}")
        if subtotals:
            by_groups = sum(exact(ws.cell(x, col).value, ctype) for x in subtotals)
            check(total == by_groups, f"{where} {key}: 合计 {total} == Σ 小计 {by_groups}")
            bounds = subtotals + [r]
            for i, s in enumerate(subtotals):
                mine = sum(exact(ws.cell(x, col).value, ctype) for x in details if s < x < bounds[i + 1])
                check(exact(ws.cell(s, col).value, ctype) == mine, f"{where}!{ws.cell(s, col).coordinate}: 小计 == its rows")
        totals[key] = total
        for x in details:
            rows.setdefault(ws.cell(x, text_col).value, {})[key] = exact(ws.cell(x, col).value, ctype)
    totals["#rows"] = len(details)
    return totals, rows


# The same quantity on different sheets: (template id, sheet index, column key or '#rows').
SAME = {
    "亿元以上项目个数": [("01-projects", 0, "#rows"), ("02-region-ranking", 0, "count"), ("08-summary-charts", 0, "count")],
    "总投资": [("01-projects", 0, "total"), ("02-region-ranking", 0, "total")],
    "年度计划投资": [("01-projects", 0, "plan"), ("02-region-ranking", 0, "plan"), ("08-summary-charts", 0, "plan")],
    "1-N月完成投资": [("01-projects", 0, "ytd"), ("02-region-ranking", 0, "ytd"), ("08-summary-charts", 0, "ytd")],
    "技改项目个数": [("04-renovations", 0, "count"), ("04-renovations", 1, "#rows")],
    "技改总投资": [("04-renovations", 0, "total"), ("04-renovations", 1, "total")],
    "技改设备投资": [("04-renovations", 0, "equip"), ("04-renovations", 1, "equip")],
    "技改计划投资": [("04-renovations", 0, "plan"), ("04-renovations", 1, "plan")],
    "技改完成投资": [("04-renovations", 0, "ytd"), ("04-renovations", 1, "ytd")],
    "签约项目个数": [("05-deals", 0, "count"), ("05-deals", 1, "count")],
    "签约额": [("05-deals", 0, "amount"), ("05-deals", 1, "amount")],
    "外资签约额（万美元）": [("05-deals", 0, "usd"), ("05-deals", 1, "usd")],
    "到位资金": [("05-deals", 0, "funds"), ("05-deals", 1, "funds")],
    "上年同期到位资金": [("05-deals", 0, "fly"), ("05-deals", 1, "fly")],
    "实际利用外资（万美元）": [("05-deals", 0, "fdi"), ("05-deals", 1, "fdi")],
}

first, last = (int(x) for x in args.months.split("-"))
zone_regions = con.execute("SELECT r.name, group_concat(z.name, '|') FROM regions r JOIN zones z ON z.region_id = r.id "
                           "WHERE EXISTS (SELECT 1 FROM zones z2 WHERE z2.region_id = r.id AND z2.name = r.name) "
                           "GROUP BY r.id").fetchall()
checked_sheets = 0
for month in range(first, last + 1):
    period = f"{args.year}-{month:02d}"
    label = f"1-{month}月" if month > 1 else "1月"
    out = work / f"set-{period}.xlsx"
    cli("--db", str(db), "report", "--all", "--period", period, "--out", str(out), "--no-record")
    if not check(out.exists(), f"{period}: standard set written"):
        continue
    wb = openpyxl.load_workbook(out, data_only=True)
    totals, rows = {}, {}
    names = set(wb.sheetnames)
    for (tid, i), sheet in templates.items():
        name = sheet["sheet_name"].replace("{period}", label)
        if not check(name in names, f"{period}: sheet {name} ({tid}) in {wb.sheetnames}"):
            continue
        totals[(tid, i)], rows[(tid, i)] = read_sheet(wb[name], sheet, f"{period} {name}")
        checked_sheets += 1
    for quantity, places in SAME.items():
        values = {f"{tid}#{i}:{key}": totals.get((tid, i), {}).get(key) for tid, i, key in places}
        check(len(set(values.values())) == 1 and None not in values.values(),
              f"{period} {quantity}: the same 合计 on every sheet: {values}")
    # Against the database: funds in place (CNY equivalent of USD funds included) and foreign capital.
    funds, fdi = con.execute(
        "SELECT COALESCE(SUM(amount_cny),0), COALESCE(SUM(CASE WHEN currency='USD' THEN amount END),0) FROM deal_funds "
        "WHERE substr(date,1,7) BETWEEN ? AND ?", (f"{args.year}-01", period)).fetchone()
    check(totals.get(("05-deals", 0), {}).get("funds") == funds, f"{period} 到位资金 合计 == the database ({funds} 分)")
    check(totals.get(("05-deals", 0), {}).get("fdi") == fdi, f"{period} 实际利用外资 合计 == the database ({fdi} US cents)")
    # A region that is itself a zone: its projects are its zones' projects.
    for region, zones in zone_regions:
        ranking = rows.get(("02-region-ranking", 0), {}).get(region, {})
        zone_rows = rows.get(("06-zones", 0), {})
        in_zones = sum(zone_rows.get(z, {}).get("pc", 0) for z in zones.split("|"))
        check(ranking.get("count") == in_zones,
              f"{period} {region}: 汇总排名 {ranking.get('count')} projects == 开发区指标 Σ its zones {in_zones}")
        check(ranking.get("ytd") == sum(zone_rows.get(z, {}).get("ytd", 0) for z in zones.split("|")),
              f"{period} {region}: 1-N月完成投资 in 汇总排名 == Σ its zones in 开发区指标")

check(checked_sheets >= 10 * (last - first + 1), f"{checked_sheets} sheets checked")
print(f"{checked_sheets} sheets checked, {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
