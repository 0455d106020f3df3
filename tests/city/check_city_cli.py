#!/usr/bin/python3
"""The city level through investledger-cli: submit, intake, status, return, reject, and the city's
reports equal to the unsplit demo's, cell for cell. Exits non-zero with the failed checks listed."""
import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys

import openpyxl

ap = argparse.ArgumentParser()
ap.add_argument("--cli", required=True)
ap.add_argument("--work", required=True)
args = ap.parse_args()
shutil.rmtree(args.work, ignore_errors=True)
os.makedirs(args.work)
W = args.work
failures = []


def run(*a, ok=True):
    p = subprocess.run([args.cli, *a], capture_output=True, text=True, timeout=300)
    if ok and p.returncode != 0:
        print(p.stdout, p.stderr)
        raise SystemExit(f"command failed ({p.returncode}): {' '.join(a)}")
    return p


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def scalar(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def dump(db):
    con = sqlite3.connect(db)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


def cells(xlsx):
    wb = openpyxl.load_workbook(xlsx)
    return [(ws.title, [tuple(r) for r in ws.iter_rows(values_only=True)]) for ws in wb.worksheets]


demo = os.path.join(W, "demo.db")
city = os.path.join(W, "city.db")
run("--db", demo, "demo", "--projects", "200", "--renovations", "60", "--deals", "50", "--quiet")
run("--db", city, "init")
offices = json.loads(run("--db", city, "offices", "--json").stdout)
check(len(offices) == 11, "the city has one office per 县市区 / 开发区单列 (11)")

packages = []
for o in offices:
    name = o["office"]
    pkg = os.path.join(W, f"{name}-2017-06.ilpkg")
    out = run("--db", demo, "submit", "--period", "2017-06", "--office", name, "--out", pkg, "--report-date", "2017-07-05")
    check(os.path.exists(pkg) and "已生成上报包" in out.stdout, f"submit {name}")
    packages.append(pkg)
check(scalar(demo, "SELECT count(*) FROM period_locks WHERE year = 2017 AND month = 6") == 1, "submit locked 2017-06")

# Preview: text and JSON, nothing written.
before = dump(city)
p = run("--db", city, "intake", packages[0])
check("仅预览" in p.stdout and "新增" in p.stdout, "intake without --accept previews")
j = json.loads(run("--db", city, "intake", packages[0], "--json").stdout)
check(j[0]["counts"]["added"] > 0 and j[0]["office"] == offices[0]["office"], "intake --json gives the diff")
check(dump(city) == before, "previewing writes nothing")

# A truncated package is refused with the reason, nothing written.
bad = os.path.join(W, "truncated.ilpkg")
data = open(packages[0], "rb").read()
open(bad, "wb").write(data[: len(data) // 2])
p = run("--db", city, "intake", bad, "--accept", ok=False)
check(p.returncode == 1 and "不能接收" in p.stderr and "未写入任何数据" in p.stderr, "a truncated package is refused")
check(dump(city) == before, "the refused package wrote nothing")

p = run("--db", city, "intake", *packages, "--accept")
check(p.stdout.count("已接收") == 11, "all 11 packages accepted")
check(scalar(city, "SELECT count(*) FROM projects") == scalar(demo, "SELECT count(*) FROM projects"), "every project arrived")
check(scalar(city, "SELECT count(*) FROM audit_log WHERE action = 'accept'") == 11, "11 accept lines in the audit log")

# The city's reports equal the unsplit demo's, cell for cell.
run("--db", demo, "unlock", "2017-06", "--reason", "对照报表")
run("--db", demo, "report", "--all", "--period", "2017-06", "--out", os.path.join(W, "demo.xlsx"), "--date", "2017-07-05")
run("--db", city, "report", "--all", "--period", "2017-06", "--out", os.path.join(W, "city.xlsx"), "--date", "2017-07-05")
a, b = cells(os.path.join(W, "demo.xlsx")), cells(os.path.join(W, "city.xlsx"))
n = sum(len(r) for _, rows in a for r in rows)
check(a == b, f"city report == unsplit demo report ({len(a)} sheets, {n} cells)")

# Status board, 退回, 拒收.
st = json.loads(run("--db", city, "status", "--period", "2017-06", "--json").stdout)
check(all(o["status"] == "已上报" for o in st["offices"]), "status: all 已上报")
name = offices[0]["office"]
run("--db", city, "return", "--office", name, "--period", "2017-06", "--reason", "形象进度不完整")
st = json.loads(run("--db", city, "status", "--period", "2017-06", "--json").stdout)
row = [o for o in st["offices"] if o["office"] == name][0]
check(row["status"] == "已退回" and row["reason"] == "形象进度不完整", "status shows the return and its reason")
xlsx = os.path.join(W, "status.xlsx")
run("--db", city, "status", "--period", "2017-06", "--xlsx", xlsx)
texts = [c for _, rows in cells(xlsx) for r in rows for c in r if isinstance(c, str)]
check("已退回" in texts and "形象进度不完整" in texts, "status board exported as xlsx")
p = run("--db", city, "intake", packages[1], "--reject", ok=False)
check(p.returncode != 0, "--reject needs --reason")
run("--db", city, "intake", packages[1], "--reject", "--reason", "重复上报")
check(scalar(city, "SELECT count(*) FROM audit_log WHERE action = 'reject'") == 1, "reject in the audit log")
check(scalar(city, "SELECT count(*) FROM audit_log WHERE action = 'return'") == 1, "return in the audit log")
check(json.loads(run("--db", city, "conflicts", "--json").stdout) == [], "no conflicts in the demo split")

if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("city CLI suite: all checks passed")
