#!/bin/bash
# investledger-cli working on a ledger held by the throw-away server of with_cluster.sh, as an
# office does once it has outgrown one machine: `--db postgresql://…` for every command. The
# report set made from the server equals the file's cell for cell; edits, monthly figures and an
# import go to the server; a period locked by one user is locked for the others; an office login
# reads and writes only its own regions, the city login reads all and writes nothing.
#   bash tests/pg/with_cluster.sh bash tests/pg/server_ledger_cli.sh build/cli/investledger-cli
set -euo pipefail
CLI=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
: "${IL_TEST_PG_URL:?run through tests/pg/with_cluster.sh}"
S=$IL_TEST_PG_URL
W=$(mktemp -d /tmp/il-pg-server-cli.XXXXXX)
trap 'rm -rf "$W"' EXIT
fail() { echo "!! $*"; exit 1; }
PY=/usr/bin/python3

"$CLI" --db "$W/县台账.db" demo --seed 20170630 --quiet
"$CLI" --db "$W/县台账.db" migrate-to "$S" > /dev/null
"$CLI" --db "$S" server init > /dev/null
"$CLI" --db "$S" server upgrade | grep -q "无需升级" || fail "server upgrade on a current server did not say there is nothing to do"

# 1. the quarterly report set from the server is the file's, cell for cell
"$CLI" --db "$S" report --all --period 2017-06 --date 2017-07-05 --out "$W/server.xlsx" > "$W/report.log"
grep -q "SHA-256" "$W/report.log" || { cat "$W/report.log"; fail "no report from the server ledger"; }
"$CLI" --db "$W/县台账.db" report --all --period 2017-06 --date 2017-07-05 --out "$W/file.xlsx" > /dev/null
$PY "$ROOT/tests/support/compare_reports.py" "$W/file.xlsx" "$W/server.xlsx"
"$CLI" --db "$S" report 01-projects --period 2017-06 --scope 固安县 --date 2017-07-05 --out "$W/server-guan.xlsx" > /dev/null
"$CLI" --db "$W/县台账.db" report 01-projects --period 2017-06 --scope 固安县 --date 2017-07-05 --out "$W/file-guan.xlsx" > /dev/null
$PY "$ROOT/tests/support/compare_reports.py" "$W/file-guan.xlsx" "$W/server-guan.xlsx"

# 2. an edit by one user is what the next one sees; the audit log names who made it
id=$("$CLI" --db "$S" --user 甲 add project --name 服务器上新增的项目 --region 广阳区 total_investment=12000 --json |
     $PY -c 'import json,sys; print(json.load(sys.stdin)["id"])')
"$CLI" --db "$S" --user 乙 set "$id" contact_person=乙的联系人 > /dev/null
"$CLI" --db "$S" show "$id" > "$W/show.txt"
grep -q "服务器上新增的项目" "$W/show.txt" && grep -q "乙的联系人" "$W/show.txt" || { cat "$W/show.txt"; fail "the edits are not on the server"; }
"$CLI" --db "$S" --user 乙 progress "$id" 2017-06 --completed 300 > /dev/null
psql_admin() { psql "$S" -X -q -t -A -v ON_ERROR_STOP=1 -c "$1"; }
[ "$(psql_admin "SELECT completed_month FROM progress WHERE project_id = $id AND year = 2017 AND month = 6")" = 300000000 ] ||
  fail "the monthly figure is not on the server (in fen: 300万元 = 300000000): $(psql_admin "SELECT completed_month FROM progress WHERE project_id = $id AND year = 2017 AND month = 6" 2>&1)"
[ "$(psql_admin "SELECT count(*) FROM audit_log WHERE record_id = $id AND table_name = 'projects' AND who IN ('甲', '乙')")" -ge 2 ] ||
  fail "the audit log does not name both users"

# 3. locked by one user, locked for everyone
"$CLI" --db "$S" --user 甲 lock 2017-06 --reason 已上报 > /dev/null
if "$CLI" --db "$S" --user 乙 progress "$id" 2017-06 --completed 400 > "$W/locked.log" 2>&1; then fail "a figure of a locked month was changed"; fi
grep -q "封账" "$W/locked.log" || { cat "$W/locked.log"; fail "the refusal does not say the month is locked"; }
[ "$(psql_admin "SELECT completed_month FROM progress WHERE project_id = $id AND year = 2017 AND month = 6")" = 300000000 ] || fail "the locked figure changed"
"$CLI" --db "$S" --user 甲 unlock 2017-06 --reason 更正数据 > /dev/null
"$CLI" --db "$S" --user 乙 progress "$id" 2017-06 --completed 400 > /dev/null

# 4. an office's Excel ledger imported into the server ledger, as into a file
cd "$ROOT/tests/import_ledgers"
$PY -c "import make_county_ledgers as m; from pathlib import Path; m.make(Path('$W'), 'county', 1, 40)"
cd - > /dev/null
"$CLI" --db "$W/县台账.db" import "$W/county.xlsx" --keep-good --add-missing category --json > "$W/file-import.json" || true
"$CLI" --db "$S" import "$W/county.xlsx" --keep-good --add-missing category --json > "$W/server-import.json" || true
$PY - "$W/file-import.json" "$W/server-import.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
def counts(r):
    return {k: v for k, v in r.items() if isinstance(v, int)}
if counts(a) != counts(b):
    sys.exit(f"import counts differ: file {counts(a)} server {counts(b)}")
if not any(v for v in counts(b).values()):
    sys.exit(f"the import counted nothing: {b}")
print(f"   ok: the import gave the same counts on the server as on the file ({counts(b)})")
PY
# the server has the file's projects, the import's and the one added in step 2
[ "$("$CLI" --db "$S" list projects | wc -l)" = "$(( $("$CLI" --db "$W/县台账.db" list projects | wc -l) + 1 ))" ] ||
  fail "after the same import the server and the file list different numbers of projects"

# 5. roles: an office login sees and writes only its regions; the city login reads all, writes nothing
psql_admin "CREATE ROLE office_gy LOGIN PASSWORD 'gy-pw'; CREATE ROLE city_user LOGIN PASSWORD 'city-pw'"
hostport=${S#postgresql://*@}; hostport=${hostport%%/*}
echo "${hostport%%:*}:${hostport##*:}:*:office_gy:gy-pw" >> "$PGPASSFILE"
echo "${hostport%%:*}:${hostport##*:}:*:city_user:city-pw" >> "$PGPASSFILE"
OFFICE=postgresql://office_gy@$hostport/${S##*/}
CITY=postgresql://city_user@$hostport/${S##*/}
"$CLI" --db "$S" server grant office_gy --region 广阳区 > /dev/null
"$CLI" --db "$S" server grant city_user --role city > /dev/null
"$CLI" --db "$OFFICE" list projects --json > "$W/office.json"
"$CLI" --db "$CITY" list projects --json > "$W/city.json"
$PY - "$W/office.json" "$W/city.json" <<'PY'
import json, sys
office, city = (json.load(open(p)) for p in sys.argv[1:3])
rows = lambda d: d if isinstance(d, list) else d.get("projects", d.get("rows", []))
o, c = rows(office), rows(city)
regions = {r.get("region") for r in o}
if not o or regions != {"广阳区"}:
    sys.exit(f"the office login sees regions {sorted(map(str, regions))} ({len(o)} rows), not only 广阳区")
if len({r.get("region") for r in c}) < 5 or len(c) <= len(o):
    sys.exit(f"the city login sees {len(c)} rows: not the whole city")
print(f"   ok: office login sees {len(o)} projects of 广阳区, city login {len(c)} of the whole city")
PY
"$CLI" --db "$OFFICE" --user 广阳区办公室 add project --name 本区新项目 --region 广阳区 total_investment=15000 > /dev/null
if "$CLI" --db "$OFFICE" add project --name 别区的项目 --region 固安县 total_investment=15000 > "$W/other.log" 2>&1; then
  fail "the office login added a project in another region"
fi
grep -q "县级用户只能修改本单位县市区的记录" "$W/other.log" || { cat "$W/other.log"; fail "the refusal does not say why"; }
if "$CLI" --db "$CITY" add project --name 市里的项目 --region 广阳区 total_investment=15000 > "$W/city-add.log" 2>&1; then
  fail "the city login wrote a project"
fi
[ "$(psql_admin "SELECT count(*) FROM projects WHERE name IN ('别区的项目', '市里的项目')")" = 0 ] || fail "a refused write is on the server"
[ "$(psql_admin "SELECT count(*) FROM projects WHERE name = '本区新项目'")" = 1 ] || fail "the office's own write is not on the server"
# 6. what is about files says so on a server ledger
for cmd in backup backups "restore 1 --yes"; do
  if "$CLI" --db "$S" $cmd > "$W/file-only.log" 2>&1; then fail "$cmd on a server ledger did something"; fi
  grep -q "pg_dump" "$W/file-only.log" || { cat "$W/file-only.log"; fail "$cmd does not say the server keeps its own backups"; }
done
echo "   refused for the office login: $(head -c 300 "$W/other.log")"
echo "== the CLI on a server ledger passed"
