#!/usr/bin/env bash
# ERP export benchmark against a real Tryton 6.0 (Debian's tryton-server, SQLite): N paid trades
# (default 2,000) through sandbox -> bridge (sync) -> Tryton connector, checked by reading Tryton
# directly, next to the same N sales as bare sale.sale create + quote + confirm JSON-RPC calls on a
# fresh server of the same kind. Not a test: it prints figures and asserts nothing about speed.
# Exit 1 when a sale is missing, duplicated or has the wrong total; exit 2 when Tryton is not installed.
# Last line:
#   erp=tryton orders=<n> bridge_seconds=<a> bare_seconds=<b>
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2000}"
exec ./bridge --data target/bench bench erp --trades "$N"
