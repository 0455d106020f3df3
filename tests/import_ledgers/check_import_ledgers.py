#!/usr/bin/python3
"""Issue 15 through the CLI, on ledgers made by make_county_ledgers.py: `import --dry-run --json`
lists the unknown dictionary values with their counts; without decisions their rows are
rejected and nothing is written; `--map` / `--add-missing` import every good row (only wrong data
is rejected); missing information is stored as warnings (list, check, errors workbook) and
rejects nothing; the preset saved with the decisions replays them on the next file of the layout."""
import argparse
import collections
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).parent))
import make_county_ledgers  # noqa: E402

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(cli, db, *args, expect=None):
    p = subprocess.run([cli, "--db", str(db), *args], capture_output=True, text=True, timeout=120)
    if expect is not None and p.returncode != expect:
        print(p.stdout[-3000:], p.stderr[-3000:])
    return p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    for f in work.glob("*"):
        if f.is_file():
            f.unlink()
    ledgers = work / "ledgers"
    first = make_county_ledgers.make(ledgers, "county-a", 1, 12)
    second = make_county_ledgers.make(ledgers, "county-b", 2, 9)
    db = work / "ledger.db"

    # 1. The dry run lists the unknown values with their counts (from what the generator wrote)
    p = run(a.cli, db, "import", str(ledgers / "county-a.xlsx"), "--dry-run", "--json")
    j = json.loads(p.stdout)
    listed = {(u["field"], u["value"]): u["count"] for u in j["unknown_values"]}
    want = collections.Counter(r["category"] for r in first if r["meaning"] is None and not r["wrong"])
    check(listed == {("category", v): n for v, n in want.items()},
          f"--dry-run --json lists the unknown categories with counts: {listed} == {dict(want)}")
    check(all(u["label"] == "产业类别" for u in j["unknown_values"]), "unknown values carry the field's label")
    check(j["written"] is False, "the dry run writes nothing")

    # 2. Without decisions: all or nothing refuses, the database holds no project
    p = run(a.cli, db, "import", str(ledgers / "county-a.xlsx"), "--json")
    check(p.returncode != 0, "an import with unknown values and no decision is refused")
    con = sqlite3.connect(db)
    check(con.execute("SELECT count(*) FROM projects").fetchone()[0] == 0, "nothing was written")
    con.close()

    # 3. Map one value, add the other, keep the good rows: every good row is imported
    errors = work / "errors.xlsx"
    p = run(a.cli, db, "import", str(ledgers / "county-a.xlsx"), "--map", "category:数字经济=信息服务",
            "--add-missing", "categories", "--keep-good", "--save-preset", "某县台账", "--errors", str(errors), "--json",
            expect=0)
    j = json.loads(p.stdout)
    good = [r for r in first if not r["wrong"]]
    check(j["new"] == len(good), f"every good row is imported ({j['new']} of {len(good)})")
    check(j["rejected"] == len(first) - len(good), f"only wrong data is rejected ({j['rejected']})")
    rejected_fields = {r["field"] for r in j["rejected_rows"]}
    check(rejected_fields == {"总投资"} or rejected_fields == {"total_investment"},
          f"the rejections are the negative investments: {rejected_fields}")
    added = {(x["field"], x["name"]) for x in j["added_entries"]}
    check(added == {("category", "临空物流园配套")}, f"the unmapped unknown value is added as an entry: {added}")

    con = sqlite3.connect(db)
    stored = dict(con.execute("SELECT p.name, c.name || '/' || c.group_name FROM projects p "
                              "JOIN categories c ON c.id = p.category_id"))
    for r in good:
        means = r["meaning"] or ("信息服务/现代服务业" if r["category"] == "数字经济" else "临空物流园配套/其他")
        if stored.get(r["name"]) != means:
            check(False, f"{r['name']}: “{r['category']}” stored as {stored.get(r['name'])}, should be {means}")
            break
    else:
        check(True, "groups, sub-items, variants, aliases and decided values are stored as what they mean")

    # 4. Warnings: missing information is on the record, and rejected nothing
    warned = {n: w for n, w in con.execute("SELECT name, warnings FROM projects")}
    missing_completion = [r for r in good if r["stage"] == "竣工" and not r["completion"]]
    missing_code = [r for r in good if not r["code"]]
    check(missing_completion and all("缺实际竣工时间" in warned[r["name"]] for r in missing_completion),
          f"竣工 without 实际竣工时间 is imported with a warning ({len(missing_completion)} rows)")
    check(all(("缺项目代码" in warned[r["name"]]) == (r["code"] is None) for r in good),
          f"a project without 项目代码 carries the warning, one with a code does not ({len(missing_code)} without)")
    con.close()
    wb = load_workbook(errors)
    check("资料不全" in wb.sheetnames, f"the errors workbook has its own sheet for warnings: {wb.sheetnames}")
    sheet = wb["资料不全"]
    check(sheet.max_row - 2 == j["warned"], f"…with one line per warned record ({sheet.max_row - 2} = {j['warned']})")
    p = run(a.cli, db, "check", "--json")
    cj = json.loads(p.stdout)
    check(len(cj["missing_information"]) >= len(missing_completion) + len(missing_code),
          f"`check` lists the missing information ({len(cj['missing_information'])})")
    check(not any("竣工" in f["reason"] for f in cj["findings"]), "`check` does not judge missing information as wrong")
    p = run(a.cli, db, "list", "projects", "--json")
    check("缺项目代码" in p.stdout, "the project list shows the warnings")

    # 5. The next file of the layout: the preset replays the decisions, no flags needed
    p = run(a.cli, db, "import", str(ledgers / "county-b.xlsx"), "--keep-good", "--json", expect=0)
    j = json.loads(p.stdout)
    good2 = [r for r in second if not r["wrong"]]
    check(j["unknown_values"] == [], "the preset's decisions leave no unknown value")
    check(j["new"] == len(good2), f"every good row of the second file is imported ({j['new']} of {len(good2)})")
    check(j["mappings"][0]["preset"] == "某县台账", "picked by the header layout")
    con = sqlite3.connect(db)
    n_digital = con.execute("SELECT count(*) FROM projects p JOIN categories c ON c.id = p.category_id "
                            "WHERE c.name = '信息服务' AND p.name LIKE '%county%'").fetchone()[0]
    n_added = con.execute("SELECT count(*) FROM categories WHERE name = '临空物流园配套'").fetchone()[0]
    con.close()
    want_digital = sum(1 for r in first + second if r["category"] == "数字经济" and not r["wrong"])
    check(n_digital >= want_digital, f"数字经济 mapped again to 信息服务 ({n_digital} ≥ {want_digital})")
    check(n_added == 1, "the added entry is not added twice")

    # 6. Bad decisions are refused with a reason
    p = run(a.cli, db, "import", str(ledgers / "county-a.xlsx"), "--add-missing", "nature", "--dry-run")
    check(p.returncode != 0 and "不能新增" in (p.stdout + p.stderr), "--add-missing nature is refused (a fixed vocabulary)")
    p = run(a.cli, db, "import", str(ledgers / "county-a.xlsx"), "--map", "category=数字经济", "--dry-run")
    check(p.returncode != 0 and "--map" in (p.stdout + p.stderr), "a malformed --map is refused")

    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
