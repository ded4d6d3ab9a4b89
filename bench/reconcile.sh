#!/usr/bin/env bash
# Reconciliation benchmark: N paid trades of one shop over 30 days (default 1,000,000) with their
# built-in-ERP sales orders, refunds and settlement lines, seeded straight into the tables (about
# 2 % of them given a fault of each difference category), then reconciled three ways in one run, on
# H2 (a fresh file database under target/bench) and on PostgreSQL (database bench_reconcile at
# 127.0.0.1:5432, user postgres, dropped and created per run); next to each, the floor: a plain
# SELECT count(*) joining the same three sides. Not a test: it prints figures. Exit 1 when a run
# found other differences than the seeded faults. Last line:
#   orders=<n> h2_seconds=<a> h2_floor_seconds=<b> pg_seconds=<c> pg_floor_seconds=<d>
# Usage: bench/reconcile.sh [N] [other options of `./bridge bench reconcile`, e.g. --db postgres (h2, postgres or both; a
# skipped database prints - for its figures) or --pg-database mine]
set -euo pipefail
cd "$(dirname "$0")/.."
N=1000000
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --*=*) EXTRA+=("$1"); shift ;;
    --*) EXTRA+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
    *) N="$1"; shift ;;
  esac
done
exec ./bridge --data target/bench bench reconcile --orders "$N" "${EXTRA[@]}"
