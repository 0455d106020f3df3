#!/usr/bin/python3
"""Kill test: runs investledger-cli and SIGKILLs it at random moments, then checks the database.

After every kill the database must open, pass PRAGMA integrity_check and foreign_key_check, and
hold exactly the transactions committed before the kill: the edits the driver saw succeed, plus at
most the one in flight, never a part of one. Backups and report files must never be half-written
under their final names.

Scenarios (each runs only when the CLI has the commands it needs):
  edits      a batch of edits (`lock` months; `progress` when the ledger commands exist)
  migration  a large schema-v1 database being upgraded (backup copy + migration)
  demo       a large `demo` run (one transaction: all or nothing)
  report     `report` writing a workbook (the target file exists whole or not at all)
  import     `import` of a large workbook (the demo city's detail report) into a fresh ledger

Usage: kill_test.py --cli PATH --source-dir DIR [--runs N] [--seed S] [--time-limit SECONDS]
"""
import argparse
import glob
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile

FAILURES = []
OUTCOMES = {}


def outcome(scenario, what):
    OUTCOMES.setdefault(scenario, {}).setdefault(what, 0)
    OUTCOMES[scenario][what] += 1


def fail(scenario, run, message):
    FAILURES.append(f"[{scenario} #{run}] {message}")
    print(f"FAIL [{scenario} #{run}] {message}", flush=True)


class Cli:
    def __init__(self, path):
        self.path = path
        self.env = dict(os.environ, USER="killtest", LANG="C.UTF-8")

    def has(self, command):
        """Whether the CLI lists `command` among its subcommands."""
        if not hasattr(self, "_commands"):
            r = subprocess.run([self.path, "--help"], capture_output=True, env=self.env, timeout=30)
            text = r.stdout.decode(errors="replace")
            self._commands = set()
            in_list = False
            for line in text.splitlines():
                if line.strip().upper().startswith("SUBCOMMANDS"):
                    in_list = True
                    continue
                if in_list and line.startswith("  ") and line.strip():
                    self._commands.add(line.split()[0])
        return command in self._commands

    def run(self, db, *args, timeout=120):
        return subprocess.run([self.path, "--db", db, *args], capture_output=True, env=self.env, timeout=timeout)

    def start(self, db, *args):
        return subprocess.Popen([self.path, "--db", db, *args], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=self.env)


def kill_after(proc, delay):
    """Lets proc run for `delay` seconds, then SIGKILLs it. Returns True if it was killed while
    running, False if it had already finished (its exit code is then in proc.returncode)."""
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        time.sleep(min(0.002, max(0.0, deadline - time.monotonic())))
    if proc.poll() is not None:
        return False
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return True


def check_db(db, scenario, run):
    """The database opens and is consistent. Returns an open connection (or None)."""
    try:
        con = sqlite3.connect(db)
        ic = con.execute("PRAGMA integrity_check").fetchall()
        if ic != [("ok",)]:
            fail(scenario, run, f"integrity_check: {ic[:5]}")
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            fail(scenario, run, f"foreign_key_check: {fk[:5]}")
        return con
    except sqlite3.Error as e:
        fail(scenario, run, f"database does not open: {e}")
        return None


def check_cli_opens(cli, db, scenario, run, write=False):
    r = cli.run(db, "backup") if write else cli.run(db, "locks")
    if r.returncode != 0:
        fail(scenario, run, f"CLI cannot open the database after the kill: {r.stderr.decode(errors='replace')}")


def check_backups(db, scenario, run, expect_tables=("projects",)):
    """Every backup under its final name is whole (opens, integrity ok)."""
    stem = os.path.splitext(os.path.basename(db))[0]
    folder = os.path.join(os.path.dirname(db), stem + "-backups")
    for f in glob.glob(os.path.join(folder, "*.db")):
        try:
            con = sqlite3.connect(f"file:{f}?immutable=1", uri=True)
            if con.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
                fail(scenario, run, f"backup not intact: {f}")
            for t in expect_tables:
                con.execute(f"SELECT count(*) FROM {t}").fetchone()
            con.close()
        except sqlite3.Error as e:
            fail(scenario, run, f"backup {f} unreadable: {e}")


def schema_sql(source_dir):
    files = sorted(glob.glob(os.path.join(source_dir, "core", "db", "migrations", "*.sql")))
    return [(int(os.path.basename(f).split("_")[0]), open(f, encoding="utf-8").read()) for f in files]


def make_db(cli, source_dir, path, version=None):
    """A fresh ledger database: `init` when the CLI has it, else the schema files applied."""
    steps = schema_sql(source_dir)
    if version is None and cli.has("init"):
        r = cli.run(path, "init")
        if r.returncode == 0:
            return
    con = sqlite3.connect(path)
    for number, sql in steps:
        if version is not None and number > version:
            break
        con.executescript(sql)
        con.execute(f"PRAGMA user_version = {number}")
    con.execute("PRAGMA journal_mode = WAL")
    con.commit()
    con.close()


# --- scenarios ------------------------------------------------------------------------------

def edit_args(i):
    """The i-th edit of a batch (1-based): a monthly progress entry, a field change, a period lock."""
    if i % 3 == 1:
        return ["progress", str(i), "2018-01", "--completed", str(i)]
    if i % 3 == 2:
        return ["set", str(i), f"notes=kill-edit-{i}"]
    return ["lock", f"2016-{i:02d}", "--reason", f"kill-edit-{i}"]


def edit_state(con, i, orig_versions):
    """Whether edit i is in the database: True, False, or a string describing half an edit."""
    if i % 3 == 1:
        row = con.execute("SELECT completed_month FROM progress WHERE project_id = ? AND year = 2018 AND month = 1",
                          (i,)).fetchone()
        audit = con.execute("SELECT count(*) FROM audit_log WHERE table_name = 'progress' AND record_id = ?"
                            " AND (field LIKE '2018-01.%' OR (field IS NULL AND new_value LIKE '%\"2018-01.%'))",
                            (i,)).fetchone()[0]
        if row is None:
            return False if audit == 0 else f"audit rows without progress row (edit {i})"
        if row[0] != i * 1000000:
            return f"progress of edit {i} is {row[0]}, not {i * 1000000}"
        return True if audit > 0 else f"progress row without its audit rows (edit {i})"
    if i % 3 == 2:
        notes, version = con.execute("SELECT notes, version FROM projects WHERE id = ?", (i,)).fetchone()
        audit = con.execute("SELECT count(*) FROM audit_log WHERE table_name = 'projects' AND record_id = ?"
                            " AND new_value = ?", (i, f"kill-edit-{i}")).fetchone()[0]
        done = notes == f"kill-edit-{i}"
        if done != (version == orig_versions[i] + 1) or done != (audit > 0):
            return f"edit {i}: notes {done}, version {version} (was {orig_versions[i]}), audit {audit}"
        return done
    locked = con.execute("SELECT count(*) FROM period_locks WHERE year = 2016 AND month = ?", (i,)).fetchone()[0]
    audit = con.execute("SELECT count(*) FROM audit_log WHERE table_name = 'period_locks'"
                        " AND (new_value = ?1 OR (field IS NULL AND json_extract(new_value, '$.reason') = ?1))",
                        (f"kill-edit-{i}",)).fetchone()[0]
    if locked != (audit > 0):
        return f"lock of edit {i} and its audit rows disagree ({locked}, {audit})"
    return bool(locked)


def scenario_edits(cli, source_dir, work, runs, rng):
    """A batch of edits, one CLI run each; the k-th is killed. Edits 1..k-1 must all be there,
    edit k may or may not be, and no edit is ever there in part (value, version, audit rows)."""
    base = os.path.join(work, "demo-full.db")
    if not os.path.exists(base) or not all(cli.has(c) for c in ("progress", "set", "lock")):
        return scenario_lock_edits(cli, source_dir, work, runs, rng)
    con = sqlite3.connect(base)
    orig_versions = dict(con.execute("SELECT id, version FROM projects"))
    con.close()
    max_k = 9
    probe = os.path.join(work, "edits-probe", "ledger.db")
    os.makedirs(os.path.dirname(probe))
    shutil.copy(base, probe)
    t0 = time.monotonic()
    for i in range(1, max_k + 1):
        r = cli.run(probe, *edit_args(i))
        if r.returncode != 0:
            fail("edits", 0, f"edit {i} {edit_args(i)} failed: {r.stderr.decode(errors='replace')}")
            return 0
    one = max(time.monotonic() - t0, 0.01) / max_k
    for run in range(1, runs + 1):
        d = os.path.join(work, f"edits-{run}")
        os.makedirs(d)
        db = os.path.join(d, "ledger.db")
        shutil.copy(base, db)
        k = rng.randint(1, max_k)
        killed = True
        for i in range(1, k):
            r = cli.run(db, *edit_args(i))
            if r.returncode != 0:
                fail("edits", run, f"edit {i} failed: {r.stderr.decode(errors='replace')}")
        p = cli.start(db, *edit_args(k))
        killed = kill_after(p, rng.uniform(0, one * 1.3))
        con = check_db(db, "edits", run)
        if con:
            for i in range(1, max_k + 1):
                st = edit_state(con, i, orig_versions)
                if isinstance(st, str):
                    fail("edits", run, "half an edit: " + st)
                elif i < k and not st:
                    fail("edits", run, f"committed edit {i} is missing")
                elif i > k and st:
                    fail("edits", run, f"edit {i} was never run but is there")
                elif i == k:
                    if not killed and p.returncode == 0 and not st:
                        fail("edits", run, f"edit {i} exited 0 but is missing")
                    outcome("edits", "in-flight edit committed" if st else "in-flight edit absent")
            con.close()
        check_cli_opens(cli, db, "edits", run)
        check_backups(db, "edits", run)
        shutil.rmtree(d, ignore_errors=True)
    return runs


def scenario_lock_edits(cli, source_dir, work, runs, rng):
    base = os.path.join(work, "edits-base.db")
    if not os.path.exists(base):
        make_db(cli, source_dir, base)
    # calibrate: how long one edit takes
    probe = os.path.join(work, "lock-edits-probe.db")
    shutil.copy(base, probe)
    t0 = time.monotonic()
    r = cli.run(probe, "lock", "2001-01", "--reason", "probe")
    if r.returncode != 0:
        fail("edits", 0, f"lock failed: {r.stderr.decode(errors='replace')}")
        return 0
    cli.run(probe, "lock", "2001-02", "--reason", "probe")
    one = max(time.monotonic() - t0, 0.01) / 2
    for run in range(1, runs + 1):
        d = os.path.join(work, f"lock-edits-{run}")
        os.makedirs(d)
        db = os.path.join(d, "ledger.db")
        shutil.copy(base, db)
        k = rng.randint(1, 6)            # the k-th edit is the one killed
        committed = 0
        uncertain = 0
        for i in range(1, k + 1):
            args = ["lock", f"2020-{i:02d}", "--reason", f"第{i}次"]
            if i < k:
                r = cli.run(db, *args)
                if r.returncode != 0:
                    fail("edits", run, f"edit {i} failed: {r.stderr.decode(errors='replace')}")
                    return run
                committed += 1
            else:
                p = cli.start(db, *args)
                killed = kill_after(p, rng.uniform(0, one * 1.3))
                if not killed and p.returncode == 0:
                    committed += 1
                elif killed:
                    uncertain = 1
        con = check_db(db, "edits", run)
        if con:
            n = con.execute("SELECT count(*) FROM period_locks").fetchone()[0]
            outcome("edits", "in-flight edit committed" if n > committed else "in-flight edit absent")
            if not (committed <= n <= committed + uncertain):
                fail("edits", run, f"{n} locks in the database, {committed} committed (+{uncertain} in flight)")
            months = [m for (m,) in con.execute("SELECT month FROM period_locks ORDER BY month")]
            if months != list(range(1, n + 1)):
                fail("edits", run, f"locked months {months} are not the committed prefix")
            audit = con.execute("SELECT count(*) FROM audit_log WHERE table_name = 'period_locks'").fetchone()[0]
            if audit != n:  # every lock writes its audit line (a snapshot) in its transaction: never one without the other
                fail("edits", run, f"{audit} audit rows for {n} locks (half a transaction?)")
            con.close()
        check_cli_opens(cli, db, "edits", run)
        check_backups(db, "edits", run)
        shutil.rmtree(d, ignore_errors=True)
    return runs


def scenario_migration(cli, source_dir, work, runs, rng):
    steps = schema_sql(source_dir)
    latest = steps[-1][0]
    if latest < 2:
        print("migration: only schema v1 exists; skipped")
        return 0
    # An old (v1) database with a lot of history, so that the backup copy and the upgrade take a while.
    base = os.path.join(work, "v1-base.db")
    make_db(cli, source_dir, base, version=1)
    con = sqlite3.connect(base)
    con.execute("INSERT INTO regions(uid, name) VALUES('r1', '固安县')")
    con.executemany(
        "INSERT INTO projects(uid, name, region_id, created_at, updated_at, total_investment) VALUES(?,?,1,'x','x',?)",
        [(f"p{i}", f"项目{i}", i * 100) for i in range(3000)])
    con.executemany(
        "INSERT INTO audit_log(at, who, action, table_name, record_id, field, old_value, new_value)"
        " VALUES('2026-01-01', 'x', 'update', 'projects', ?, 'notes', ?, ?)",
        [(i % 3000 + 1, "旧" * 40, "新" * 40) for i in range(25000)])
    con.commit()
    expect_projects = con.execute("SELECT count(*) FROM projects").fetchone()[0]
    expect_audit = con.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    con.close()
    probe = os.path.join(work, "mig-probe", "ledger.db")
    os.makedirs(os.path.dirname(probe))
    shutil.copy(base, probe)
    t0 = time.monotonic()
    r = cli.run(probe, "backup")
    span = max(time.monotonic() - t0, 0.02)
    if r.returncode != 0:
        fail("migration", 0, f"upgrade failed: {r.stderr.decode(errors='replace')}")
        return 0
    for run in range(1, runs + 1):
        d = os.path.join(work, f"mig-{run}")
        os.makedirs(d)
        db = os.path.join(d, "ledger.db")
        shutil.copy(base, db)
        p = cli.start(db, "backup")
        kill_after(p, rng.uniform(0, span * 1.1))
        con = check_db(db, "migration", run)
        if con:
            v = con.execute("PRAGMA user_version").fetchone()[0]
            tables = {t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            outcome("migration", f"found v{v}")
            if v not in (1, latest):
                fail("migration", run, f"user_version {v} is neither 1 nor {latest}")
            if v == 1 and "report_archive" in tables:
                fail("migration", run, "version 1 but the v2 table exists (half a migration)")
            if v >= 2 and "report_archive" not in tables:
                fail("migration", run, f"version {v} without the v2 table")
            if con.execute("SELECT count(*) FROM projects").fetchone()[0] != expect_projects:
                fail("migration", run, "projects lost")
            if con.execute("SELECT count(*) FROM audit_log").fetchone()[0] < expect_audit:
                fail("migration", run, "audit log lost")
            con.close()
        check_backups(db, "migration", run)
        check_cli_opens(cli, db, "migration", run, write=True)  # also finishes the upgrade where it was cut
        con = check_db(db, "migration", run)
        if con:
            if con.execute("PRAGMA user_version").fetchone()[0] != latest:
                fail("migration", run, "not upgraded when opened again")
            if con.execute("SELECT count(*) FROM projects").fetchone()[0] != expect_projects:
                fail("migration", run, "projects lost after the upgrade")
            con.close()
        shutil.rmtree(d, ignore_errors=True)
    return runs


def table_counts(con, tables):
    present = {t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {t: (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] if t in present else 0) for t in tables}


def scenario_demo(cli, source_dir, work, runs, rng):
    """`demo` into a database that does not exist yet: the kill lands while the file is created,
    the schema written, the dictionaries seeded or the demo data inserted (one transaction)."""
    if not cli.has("demo"):
        print("demo: no `demo` command yet; skipped")
        return 0
    tables = ("projects", "progress", "renovations", "deals", "deal_funds", "problems")
    probe_dir = os.path.join(work, "demo-probe")
    os.makedirs(probe_dir)
    probe = os.path.join(probe_dir, "ledger.db")
    args = ["demo", "--projects", "600", "--renovations", "200", "--deals", "200", "--seed", "7", "--quiet"]
    t0 = time.monotonic()
    r = cli.run(probe, *args)
    span = max(time.monotonic() - t0, 0.02)
    if r.returncode != 0:
        fail("demo", 0, f"demo failed: {r.stderr.decode(errors='replace')}")
        return 0
    con = sqlite3.connect(probe)
    full = table_counts(con, tables)
    con.close()
    empty = {t: 0 for t in tables}
    shutil.copy(probe, os.path.join(work, "demo-full.db"))
    for run in range(1, runs + 1):
        d = os.path.join(work, f"demo-{run}")
        os.makedirs(d)
        db = os.path.join(d, "ledger.db")
        p = cli.start(db, *args)
        killed = kill_after(p, rng.uniform(0, span * 1.1))
        if not os.path.exists(db):
            outcome("demo", "no file yet")
            shutil.rmtree(d, ignore_errors=True)
            continue
        con = check_db(db, "demo", run)
        if con:
            got = table_counts(con, tables)
            outcome("demo", "all" if got == full else "none" if got == empty else "HALF")
            if got != full and got != empty:
                fail("demo", run, f"half a demo run: {got} (all: {full})")
            if not killed and p.returncode == 0 and got != full:
                fail("demo", run, "demo exited 0 but its data is not all there")
            con.close()
        check_cli_opens(cli, db, "demo", run, write=True)
        check_backups(db, "demo", run)
        shutil.rmtree(d, ignore_errors=True)
    return runs


def valid_xlsx(path):
    try:
        with zipfile.ZipFile(path) as z:
            if z.testzip() is not None:
                return False
            return "[Content_Types].xml" in z.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def scenario_report(cli, source_dir, work, runs, rng):
    full = os.path.join(work, "demo-full.db")
    if not cli.has("report") or not os.path.exists(full):
        print("report: needs `report` and the demo data; skipped")
        return 0
    con = sqlite3.connect(full)
    row = con.execute("SELECT max(year * 100 + month) FROM progress").fetchone()
    con.close()
    period = f"{row[0] // 100}-{row[0] % 100:02d}" if row and row[0] else "2026-10"
    probe_dir = os.path.join(work, "report-probe")
    os.makedirs(probe_dir)
    probe = os.path.join(probe_dir, "ledger.db")
    shutil.copy(full, probe)
    out = os.path.join(probe_dir, "out.xlsx")
    t0 = time.monotonic()
    r = cli.run(probe, "report", "--all", "--period", period, "--out", out)
    span = max(time.monotonic() - t0, 0.02)
    if r.returncode != 0 or not valid_xlsx(out):
        fail("report", 0, f"report failed: {r.stderr.decode(errors='replace')}")
        return 0
    for run in range(1, runs + 1):
        d = os.path.join(work, f"report-{run}")
        os.makedirs(d)
        db = os.path.join(d, "ledger.db")
        shutil.copy(full, db)
        target = os.path.join(d, "月报.xlsx")
        if run % 2 == 0:  # an older report already there: must be left whole or replaced whole
            shutil.copy(out, target)
        p = cli.start(db, "report", "--all", "--period", period, "--out", target)
        kill_after(p, rng.uniform(0, span * 1.1))
        outcome("report", "file present" if os.path.exists(target) else "no file")
        if os.path.exists(target) and not valid_xlsx(target):
            fail("report", run, "half-written report under the target name")
        con = check_db(db, "report", run)
        if con:
            try:
                for (path, sha) in con.execute("SELECT file_path, sha256 FROM report_runs"):
                    if not os.path.exists(path):
                        fail("report", run, f"report_runs names a file that does not exist: {path}")
            except sqlite3.Error:
                pass
            con.close()
        check_cli_opens(cli, db, "report", run)
        shutil.rmtree(d, ignore_errors=True)
    return runs


def scenario_import(cli, source_dir, work, runs, rng):
    """`import` of a large workbook (the tool's own detail report of the demo city) into a fresh
    ledger: the import is one transaction, preceded by a backup: all rows or none."""
    full = os.path.join(work, "demo-full.db")
    if not cli.has("import") or not cli.has("report") or not cli.has("init") or not os.path.exists(full):
        print("import: needs `import`, `report`, `init` and the demo data; skipped")
        return 0
    prep = os.path.join(work, "import-prep")
    os.makedirs(prep)
    source = os.path.join(prep, "source.db")
    shutil.copy(full, source)
    workbook = os.path.join(prep, "detail.xlsx")
    r = cli.run(source, "report", "01-projects", "--period", "2017-06", "--date", "2017-07-05", "--out", workbook)
    if r.returncode != 0:
        fail("import", 0, f"could not make the import input: {r.stderr.decode(errors='replace')}")
        return 0
    base = os.path.join(prep, "empty.db")
    r = cli.run(base, "init")
    if r.returncode != 0:
        fail("import", 0, f"init failed: {r.stderr.decode(errors='replace')}")
        return 0
    probe_dir = os.path.join(work, "import-probe")
    os.makedirs(probe_dir)
    probe = os.path.join(probe_dir, "ledger.db")
    shutil.copy(base, probe)
    t0 = time.monotonic()
    r = cli.run(probe, "import", workbook, "--keep-good")
    span = max(time.monotonic() - t0, 0.02)
    if r.returncode != 0:
        fail("import", 0, f"import failed: {r.stderr.decode(errors='replace')[:2000]}")
        return 0
    tables = ("projects", "progress", "project_plans")
    con = sqlite3.connect(probe)
    all_rows = table_counts(con, tables)
    con.close()
    con = sqlite3.connect(base)
    none_rows = table_counts(con, tables)
    con.close()
    if all_rows == none_rows:
        fail("import", 0, "the import added nothing: no test")
        return 0
    for run in range(1, runs + 1):
        d = os.path.join(work, f"import-{run}")
        os.makedirs(d)
        db = os.path.join(d, "ledger.db")
        shutil.copy(base, db)
        p = cli.start(db, "import", workbook, "--keep-good")
        killed = kill_after(p, rng.uniform(0, span * 1.1))
        con = check_db(db, "import", run)
        if con:
            got = table_counts(con, tables)
            outcome("import", "all" if got == all_rows else "none" if got == none_rows else "HALF")
            if got != all_rows and got != none_rows:
                fail("import", run, f"half an import: {got} (all: {all_rows}, none: {none_rows})")
            if not killed and p.returncode == 0 and got != all_rows:
                fail("import", run, "import exited 0 but its rows are not all there")
            con.close()
        check_cli_opens(cli, db, "import", run)
        check_backups(db, "import", run)
        shutil.rmtree(d, ignore_errors=True)
    return runs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--source-dir", required=True)
    ap.add_argument("--runs", type=int, default=120, help="kills in total (spread over the scenarios)")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("--only", default="", help="comma-separated scenarios to run (demo always runs when others need it)")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    print(f"kill test: seed {seed} (rerun with --seed {seed})", flush=True)
    cli = Cli(args.cli)
    work = tempfile.mkdtemp(prefix="il-kill-")
    started = time.monotonic()
    total = 0
    try:
        have_demo = cli.has("demo")
        have_report = cli.has("report")
        have_import = cli.has("import") and cli.has("init")
        shares = {"migration": 0.25, "demo": 0.2 if have_demo else 0,
                  "report": 0.15 if have_demo and have_report else 0,
                  "import": 0.15 if have_demo and have_report and have_import else 0}
        shares["edits"] = 1.0 - sum(shares.values())
        plan = {k: max(1, round(args.runs * v)) for k, v in shares.items() if v > 0}
        for name, fn in (("demo", scenario_demo), ("edits", scenario_edits), ("migration", scenario_migration),
                         ("report", scenario_report), ("import", scenario_import)):
            if name not in plan:
                continue
            if args.only and name not in args.only.split(",") and name != "demo":
                continue
            if args.only and name == "demo" and "demo" not in args.only.split(","):
                plan[name] = 1
            t0 = time.monotonic()
            n = fn(cli, args.source_dir, work, plan[name], rng)
            total += n
            print(f"{name}: {n} kills in {time.monotonic() - t0:.1f}s", flush=True)
        if total < args.runs and not args.only:  # scenarios that were skipped: make up the count with edits
            extra = args.runs - total
            os.makedirs(os.path.join(work, "extra"))
            n = scenario_lock_edits(cli, args.source_dir, os.path.join(work, "extra"), extra, rng)
            total += n
            print(f"edits (extra): {n} kills", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    for name, counts in OUTCOMES.items():
        print(f"  {name}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"kill test: {total} kills, {len(FAILURES)} failures, {time.monotonic() - started:.1f}s (seed {seed})")
    if FAILURES:
        for f in FAILURES[:50]:
            print("  " + f)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
