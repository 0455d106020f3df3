#!/bin/bash
# `investledger-cli migrate-to` against the throw-away server of with_cluster.sh: the demo ledger
# to the server and back into a new file loses nothing (every table's rows equal, the quarterly
# report set equal cell for cell); a second move onto a server that has a ledger, or onto an
# existing file, is refused and changes nothing.
#   bash tests/pg/with_cluster.sh bash tests/pg/migrate_roundtrip.sh build/cli/investledger-cli
set -euo pipefail
CLI=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
: "${IL_TEST_PG_URL:?run through tests/pg/with_cluster.sh}"
W=$(mktemp -d /tmp/il-pg-roundtrip.XXXXXX)
trap 'rm -rf "$W"' EXIT
fail() { echo "!! $*"; exit 1; }

"$CLI" --db "$W/县台账.db" demo --seed 20170630 --quiet
"$CLI" --db "$W/县台账.db" migrate-to "$IL_TEST_PG_URL" | tee "$W/to.log"
grep -q "已迁移" "$W/to.log" || fail "migrate-to the server printed no summary"
"$CLI" migrate-to "$W/迁回.db" --from "$IL_TEST_PG_URL" | tee "$W/back.log"

# every table, row for row (order-free: the server need not return rows in insertion order)
/usr/bin/python3 - "$W/县台账.db" "$W/迁回.db" <<'PY'
import sqlite3, sys
a, b = (sqlite3.connect(p) for p in sys.argv[1:3])
tables = [r[0] for r in a.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]
total = 0
for t in tables:
    ra = sorted(a.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
    rb = sorted(b.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
    if ra != rb:
        diff = next((x, y) for x, y in zip(ra + [None] * len(rb), rb + [None] * len(ra)) if x != y)
        sys.exit(f"table {t}: {len(ra)} rows vs {len(rb)}; first difference {diff}")
    total += len(ra)
if total < 10000:
    sys.exit(f"only {total} rows compared: the demo ledger is not what this test expects")
print(f"   ok: {len(tables)} tables, {total} rows equal after the round trip")
PY

for db in 县台账 迁回; do
  "$CLI" --db "$W/$db.db" report --all --period 2017-06 --date 2017-07-05 --out "$W/$db.xlsx" > /dev/null
done
/usr/bin/python3 "$ROOT/tests/support/compare_reports.py" "$W/县台账.xlsx" "$W/迁回.xlsx"

# refused: the server already has a ledger (without --replace), the target file exists
"$CLI" --db "$W/迁回.db" add project --name 只在迁回文件里的项目 --region 广阳区 total_investment=12000 > /dev/null
if "$CLI" --db "$W/迁回.db" migrate-to "$IL_TEST_PG_URL" > "$W/again.log" 2>&1; then fail "a second migrate-to overwrote the server's ledger"; fi
grep -q -- "--replace" "$W/again.log" || { cat "$W/again.log"; fail "the refusal does not say how to replace"; }
if "$CLI" migrate-to "$W/县台账.db" --from "$IL_TEST_PG_URL" > "$W/exists.log" 2>&1; then fail "migrate-to overwrote an existing file"; fi
grep -q "已存在" "$W/exists.log" || { cat "$W/exists.log"; fail "the refusal does not say the file exists"; }
"$CLI" migrate-to "$W/再迁回.db" --from "$IL_TEST_PG_URL" > /dev/null
/usr/bin/python3 - "$W/县台账.db" "$W/再迁回.db" <<'PY'
import sqlite3, sys
a, b = (sqlite3.connect(p) for p in sys.argv[1:3])
q = "SELECT count(*), coalesce(sum(total_investment), 0) FROM projects"
if a.execute(q).fetchone() != b.execute(q).fetchone():
    sys.exit("the refused migrate-to changed the server's ledger")
print("   ok: refused moves changed nothing")
PY
# --replace: the server takes the other ledger, in one transaction
"$CLI" --db "$W/迁回.db" migrate-to "$IL_TEST_PG_URL" --replace > /dev/null
# server init / grant through the CLI (the policies themselves: tests/pg/pg_roles_test.cpp)
"$CLI" --db "$IL_TEST_PG_URL" server init | grep -q "已初始化" || fail "server init printed no summary"
"$CLI" --db "$IL_TEST_PG_URL" server init > /dev/null  # twice: idempotent
if "$CLI" --db "$IL_TEST_PG_URL" server grant no_such_login --region 广阳区 > "$W/grant.log" 2>&1; then fail "granted a role to a login that does not exist"; fi
grep -q "createuser" "$W/grant.log" || { cat "$W/grant.log"; fail "the refusal does not say how to create the login"; }
if "$CLI" --db "$W/迁回.db" server init > "$W/init.log" 2>&1; then fail "server init accepted a file"; fi
echo "== migrate-to round trip passed"
