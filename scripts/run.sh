#!/bin/bash
# Set-up command 1: install what is missing, build InvestLedger (Release, into build/), run the main job.
#   With a display ($DISPLAY or $WAYLAND_DISPLAY): the desktop application on the demo city.
#   Without one: says so and runs the command-line main job (the quarterly report set of the demo city).
# Run as root (it installs Debian packages), e.g. `sudo bash scripts/run.sh` or, as root, `bash scripts/run.sh`.
# Environment: JOBS (parallel build jobs, default: number of CPUs), BUILD_DIR (default: build),
#              PERIOD (report period, default 2017-06), SKIP_DEPS=1 (do not call apt-get).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
PERIOD=${PERIOD:-2017-06}

# Started through sudo by a normal user: build and run as that user so that build/ and the data
# folder stay theirs; only the package installation needs root.
AS_USER=()
if [ "$(id -u)" -eq 0 ] && [ -n "${SUDO_USER:-}" ] && [ "${SUDO_USER}" != root ]; then
  AS_USER=(sudo -u "$SUDO_USER" -H --preserve-env=DISPLAY,WAYLAND_DISPLAY,XAUTHORITY,XDG_RUNTIME_DIR,JOBS,CCACHE_DIR)
fi
run() { if [ ${#AS_USER[@]} -gt 0 ]; then "${AS_USER[@]}" "$@"; else "$@"; fi; }

if [ "${SKIP_DEPS:-0}" != 1 ]; then
  echo "== Installing build dependencies (Debian 12 packages)"
  sh scripts/install-deps.sh
fi

echo "== Configuring and building (Release, $JOBS jobs) in $BUILD_DIR/"
run cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DIL_BUILD_TESTS=OFF
run cmake --build "$BUILD_DIR" -j "$JOBS"

CLI="$ROOT/$BUILD_DIR/cli/investledger-cli"
GUI="$ROOT/$BUILD_DIR/gui/investledger"
# Does the CLI offer this subcommand? (Read from its help: `X --help` succeeds for any X.)
has_cmd() { "$CLI" --help 2>/dev/null | awk -v c="$1" '/^Subcommands:/{s=1;next} s && $1==c {f=1} END{exit !f}'; }

# The demo database lives in the user's data folder (the same place the programs use).
DATA_DIR=$(run sh -c 'if [ -n "${XDG_DATA_HOME:-}" ]; then echo "$XDG_DATA_HOME/investledger"; else echo "$HOME/.local/share/investledger"; fi')
DEMO_DB="$DATA_DIR/demo.db"
run mkdir -p "$DATA_DIR"
if [ ! -s "$DEMO_DB" ]; then
  if has_cmd demo; then
    echo "== Creating the demo city: $DEMO_DB"
    run "$CLI" --db "$DEMO_DB" demo
  else
    echo "== (this build has no 'demo' command yet; creating an empty ledger)"
    if has_cmd init; then run "$CLI" --db "$DEMO_DB" init; fi
  fi
fi

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  echo "== Starting the desktop application on $DEMO_DB"
  exec_cmd=("$GUI" --db "$DEMO_DB")
  if [ ${#AS_USER[@]} -gt 0 ]; then exec "${AS_USER[@]}" "${exec_cmd[@]}"; else exec "${exec_cmd[@]}"; fi
fi

echo "== No display (\$DISPLAY and \$WAYLAND_DISPLAY are empty): running the command-line main job instead"
if has_cmd report; then
  OUT_DIR="$DATA_DIR/reports"
  OUT="$OUT_DIR/季度报表-$PERIOD.xlsx"
  run mkdir -p "$OUT_DIR"
  echo "== Standard quarterly report set of the demo city, 1-${PERIOD#*-}月 ${PERIOD%-*} -> $OUT"
  run "$CLI" --db "$DEMO_DB" report --all --period "$PERIOD" --out "$OUT"
  ls -l "$OUT"
elif has_cmd list; then
  echo "== (this build has no 'report' command yet; listing the projects of the demo city)"
  run "$CLI" --db "$DEMO_DB" list projects
else
  echo "== (this build has neither 'report' nor 'list' yet; showing what the CLI offers)"
  run "$CLI" --help
fi
