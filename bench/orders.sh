#!/usr/bin/env bash
# Double 11 order benchmark: N trades (default 100,000) through sandbox -> bridge -> built-in ERP on
# H2, next to a fetch floor and an insert floor measured in the same run. Not a test: it prints
# figures and asserts nothing about speed. Last line:
#   orders_per_s=<e2e> fetch_floor_per_s=<f> insert_floor_per_s=<i> heap_mb=<peak>
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
exec ./bridge --data target/bench bench orders --trades "$N"
