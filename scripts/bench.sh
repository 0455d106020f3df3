#!/usr/bin/env bash
# The speed benchmarks of issues 13/19, in one run, as a table next to the goals:
#  - ledgers of 1k / 10k / 100k projects (`investledger-cli demo --projects N`, same seed): demo
#    creation time, the standard report set (`report --all`) wall and CPU time, max RSS, cells;
#  - in the same run, the same cells written by libxlsxwriter alone (bench/raw_writer.c,
#    constant_memory) and the biggest detail sheet by pandas + XlsxWriter; the ratios;
#  - import of a generated 10k / 100k-row ledger (rows/s), the list benchmark at the biggest size.
# Builds a Release tree with IL_BUILD_TESTS=OFF (BENCH_BUILD, default build-bench) unless
# BENCH_BIN points at a build tree. Not part of ctest. Slow at 100k on a shared machine: run it
# now and then. Environment: SIZES="1000 10000 100000", RUNS=3 (report runs per size),
# IMPORT_SIZES="10000 100000", JOBS=2, WORK=/tmp/il-bench, SKIP_LIST=1, SKIP_PANDAS=1.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
SIZES=${SIZES:-"1000 10000 100000"}
RUNS=${RUNS:-3}
IMPORT_SIZES=${IMPORT_SIZES-"10000 100000"}
JOBS=${JOBS:-2}
WORK=${WORK:-/tmp/il-bench}
if [ -z "${BENCH_BIN:-}" ]; then
    BENCH_BIN=${BENCH_BUILD:-$here/build-bench}
    cmake -S "$here" -B "$BENCH_BIN" -DCMAKE_BUILD_TYPE=Release -DIL_BUILD_TESTS=OFF -DIL_BUILD_GUI=OFF -DIL_BUILD_BENCH=ON >/dev/null
    cmake --build "$BENCH_BIN" -j"$JOBS" --target investledger-cli report_bench import_bench list_bench replay_dump raw_writer >/dev/null
fi
cli=$BENCH_BIN/cli/investledger-cli
b=$BENCH_BIN/bench
mkdir -p "$WORK"
export INVESTLEDGER_DATA_DIR=${INVESTLEDGER_DATA_DIR:-$here}

# "wall user sys maxrss_kb" of a command (its output to $WORK/last.out).
timed() { /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >"$WORK/last.out" 2>&1 || { cat "$WORK/last.out" >&2; return 1; }; cat "$WORK/time"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
kv() { grep -o "$1=[^ ]*" "$2" | tail -1 | cut -d= -f2; }

echo "InvestLedger benchmarks — $(date -u '+%Y-%m-%d %H:%M UTC'), $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "goals: report set <= 1.3x raw libxlsxwriter and >= 5x faster than pandas at 100k, max RSS < 300 MB; import 10k < 1 s, 100k < 10 s"
echo
printf "%-8s %9s %10s %10s %8s %10s %9s %9s %8s %8s %10s %8s\n" projects "demo s" "report s" "rep CPU s" "RSS MB" cells "raw s" "raw CPU" "x raw" "xCPU" "pandas s" "pandas/01"
for n in $SIZES; do
    db=$WORK/ledger-$n.db
    if [ ! -f "$db" ]; then
        read -r dw du ds dm < <(timed "$cli" --db "$db" demo --projects "$n" --renovations 500 --deals 300)
    else
        dw="(kept)"
    fi
    walls="" cpus="" rss=0
    for r in $(seq "$RUNS"); do
        read -r w u s m < <(timed "$cli" --db "$db" report --all --period 2017-06 --out "$WORK/set-$n.xlsx" --no-record --date 2017-07-05)
        walls="$walls $w"; cpus="$cpus $(echo "$u + $s" | bc)"; [ "$m" -gt "$rss" ] && rss=$m
    done
    rw=$(echo "$walls" | median); rc=$(echo "$cpus" | median)
    "$b/replay_dump" "$WORK/set-$n.xlsx" "$WORK/set-$n.replay" "$WORK/rows-$n.csv" >"$WORK/dump.out"
    cells=$(kv cells "$WORK/dump.out")
    raws="" rawc=""
    for r in $(seq "$RUNS"); do
        "$b/raw_writer" "$WORK/set-$n.replay" "$WORK/raw-$n.xlsx" >"$WORK/raw.out"
        raws="$raws $(kv raw_wall "$WORK/raw.out")"; rawc="$rawc $(kv raw_cpu "$WORK/raw.out")"
    done
    raw=$(echo "$raws" | median); rawcpu=$(echo "$rawc" | median)
    pw="-" pr="-"
    if [ -z "${SKIP_PANDAS:-}" ] && /usr/bin/python3 -c 'import pandas, xlsxwriter' 2>/dev/null; then
        /usr/bin/python3 "$here/bench/pandas_sheet.py" "$WORK/rows-$n.csv" "$WORK/pandas-$n.xlsx" >"$WORK/pandas.out"
        pw=$(kv pandas_wall "$WORK/pandas.out")
        # The same sheet through the engine: the project report alone (checks, query, layout, write).
        read -r ow ou os om < <(timed "$cli" --db "$db" report 01-projects --period 2017-06 --out "$WORK/one-$n.xlsx" --no-record --date 2017-07-05)
        pr=$(echo "scale=2; $pw / $ow" | bc)
    fi
    printf "%-8s %9s %10s %10.2f %8d %10s %9s %9s %8.2f %8.2f %10s %8s\n" "$n" "$dw" "$rw" "$rc" $((rss / 1024)) "$cells" "$raw" "$rawcpu" \
        "$(echo "$rw / $raw" | bc -l)" "$(echo "$rc / $rawcpu" | bc -l)" "$pw" "$pr"
    last_n=$n last_xcpu=$(echo "$rc / $rawcpu" | bc -l) last_rss=$((rss / 1024)) last_pr=$pr
done
met() { [ "$1" = 1 ] && echo met || echo "NOT met"; }
echo "goals at $last_n projects: report set / raw (CPU) $(printf %.2f "$last_xcpu") <= 1.3: $(met "$(echo "$last_xcpu <= 1.3" | bc -l)");" \
    "max RSS $last_rss MB < 300: $(met "$([ "$last_rss" -lt 300 ] && echo 1)");" \
    "pandas / engine $last_pr >= 5: $( [ "$last_pr" = - ] && echo "not measured" || met "$(echo "$last_pr >= 5" | bc -l)")"
echo "(report s: median wall time of $RUNS runs of \`report --all\` as a process, opening the ledger included; rep CPU: user+sys;"
echo " raw: the same cells by raw_writer, writing only; pandas: to_excel of the biggest sheet's detail rows; pandas/01: pandas"
echo " time over the engine's time for that template alone, checks and query included — the goal is >= 5)"
echo
for n in $IMPORT_SIZES; do
    echo "== import_bench $n rows"
    "$b/import_bench" "$n" | grep -v -e '^  wall (read' -e '^  CPU  (read'
done
if [ -z "${SKIP_LIST:-}" ]; then
    big=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -1)
    echo
    echo "== list_bench at $big projects"
    cp "$WORK/ledger-$big.db" "$WORK/list.db"
    "$b/list_bench" --db "$WORK/list.db" --runs 3
    rm -f "$WORK/list.db" "$WORK/list.db-wal" "$WORK/list.db-shm"
fi
