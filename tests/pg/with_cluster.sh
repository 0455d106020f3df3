#!/bin/bash
# Runs COMMAND... against a throw-away PostgreSQL 15 cluster: initdb in a temporary folder, the
# server on a free loopback port (no system service, nothing outside the folder), a database
# il_test owned by the role il_admin with a password that only a private ~/.pgpass-style file
# (PGPASSFILE) holds. COMMAND gets IL_TEST_PG_URL=postgresql://il_admin@127.0.0.1:PORT/il_test and
# IL_TEST_PG_PASSFILE; the cluster is stopped and removed afterwards, whatever COMMAND did.
#   bash tests/pg/with_cluster.sh build/tests/pg_tests
# As root (CI) the server runs as the `postgres` user of Debian's postgresql package, because
# PostgreSQL refuses to run as root. PGBIN: where initdb/pg_ctl are (Debian: /usr/lib/postgresql/15/bin).
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
for tool in initdb pg_ctl psql; do
  command -v "$PGBIN/$tool" > /dev/null || [ -x "$PGBIN/$tool" ] || [ "$tool" = psql ] ||
    { echo "with_cluster.sh: $PGBIN/$tool not found (Debian package postgresql-15: scripts/install-deps.sh --test)" >&2; exit 2; }
done
PSQL=$(command -v psql || echo "$PGBIN/psql")
dir=$(mktemp -d /tmp/il-pg.XXXXXX)
as_server=()
if [ "$(id -u)" = 0 ]; then
  id postgres > /dev/null 2>&1 || { echo "with_cluster.sh: running as root needs the postgres user (package postgresql-15)" >&2; exit 2; }
  chown postgres "$dir"
  as_server=(runuser -u postgres --)
fi
stop() {
  "${as_server[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop > /dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
password="il-$RANDOM$RANDOM-$$"
echo "$password" > "$dir/pwfile"
chmod 644 "$dir/pwfile"
"${as_server[@]}" "$PGBIN/initdb" -D "$dir/data" -U il_admin --pwfile="$dir/pwfile" -E UTF8 --locale=C.UTF-8 \
  --auth-local=trust --auth-host=scram-sha-256 > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
rm -f "$dir/pwfile"
started=0
for attempt in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 30000))
  if "${as_server[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
       -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start > /dev/null 2>&1; then
    started=1; break
  fi
done
[ $started = 1 ] || { echo "with_cluster.sh: the server did not start:" >&2; cat "$dir/server.log" >&2; exit 1; }
"${as_server[@]}" "$PSQL" -h "$dir" -p "$port" -U il_admin -d postgres -q -c "CREATE DATABASE il_test" > /dev/null
passfile=$dir/pgpass
echo "127.0.0.1:$port:*:il_admin:$password" > "$passfile"
chmod 600 "$passfile"
export IL_TEST_PG_URL="postgresql://il_admin@127.0.0.1:$port/il_test" IL_TEST_PG_PASSFILE=$passfile
export PGPASSFILE=$passfile
echo "== PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"
set +e
"$@"
rc=$?
set -e
exit $rc
