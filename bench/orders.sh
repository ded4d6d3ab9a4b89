#!/usr/bin/env bash
# Double 11 order benchmark: N trades (default 100,000) through sandbox -> bridge -> built-in ERP on
# H2 (default) or PostgreSQL (--db postgres: database bench_orders at 127.0.0.1:5432, user postgres,
# dropped and created per run), next to a fetch floor and an insert floor measured in the same run.
# Not a test: it prints figures, with a per-stage breakdown, and asserts nothing about speed. Last line:
#   db=<h2|postgres> orders_per_s=<e2e> first_tenth_per_s=<a> last_tenth_per_s=<b> fetch_floor_per_s=<f> insert_floor_per_s=<i> heap_mb=<peak> bytes_per_trade=<n>
# Usage: bench/orders.sh [N] [--db h2|postgres] [other options of `./bridge bench orders`, e.g. --pg-vacuum-every 15]
set -euo pipefail
cd "$(dirname "$0")/.."
N=100000
DB=h2
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB="${2:?--db needs h2 or postgres}"; shift 2 ;;
    --db=*) DB="${1#--db=}"; shift ;;
    --*=*) EXTRA+=("$1"); shift ;;
    --*) EXTRA+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
    *) N="$1"; shift ;;
  esac
done
exec ./bridge --data target/bench bench orders --trades "$N" --db "$DB" "${EXTRA[@]}"
