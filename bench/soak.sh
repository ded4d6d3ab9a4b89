#!/usr/bin/env bash
# Soak of the embedded store: the demo's concurrency (sandbox, built-in ERP's warehouse and buyers, the bridge
# syncing orders, stock, shipments and after-sale with TMC on) for MINUTES (default 30) on the H2 file database,
# the bridge process killed with kill -9 at random moments (seed printed) and started again on the same files;
# then every table read and every index walked, and the demo's checks (sandbox against ERP). Not a test. Last line:
#   store=<name> minutes=<m> kills=<k> trades=<t> checks_failed=<n> unreadable_tables=<n>
# Usage: bench/soak.sh [MINUTES] [other options of `./bridge bench soak`, e.g. --seed 7 --h2-options '...' --store NAME]
# The run uses a copy of the jar (target/bench/soak-<pid>.jar), so a rebuild meanwhile does not pull it from under the
# processes it starts again and again.
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=30
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --*=*) EXTRA+=("$1"); shift ;;
    --*) EXTRA+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
    *) MINUTES="$1"; shift ;;
  esac
done
./bridge --help >/dev/null   # builds the jar when it is missing or stale
mkdir -p target/bench
jar="target/bench/soak-$$.jar"
cp target/tmallbridge.jar "$jar"
trap 'rm -f "$jar"' EXIT
java ${BRIDGE_JAVA_OPTS:--Xmx1g} -jar "$jar" --data target/bench bench soak --minutes "$MINUTES" "${EXTRA[@]}"
