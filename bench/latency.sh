#!/usr/bin/env bash
# Double 11 latency benchmark: payment on Tmall (the sandbox's pay time) -> sales order in the
# built-in ERP (erp_sales_order.created_at), under a live stream of N trades (default 3,000) created
# over S seconds (default 60), most paid seconds later, with a paid peak of B more trades (default
# 5,000) created over 10 s from the 20th second, each paid 1-2 s after creation (500 payments/s on
# top of the stream). Two runs, each in a fresh bridge on H2 and a fresh sandbox:
#   1. TMC on (WebSocket push from the sandbox), polling every 30 s as the catch-up path;
#   2. polling only, every 30 s (the production default bridge.order.poll-interval).
# Not a test: it prints figures, with a per-stage breakdown of each run. Exit 1 when a paid trade
# never reached the ERP. Last line:
#   p50_ms=<a> p99_ms=<b> polling_p50_ms=<c> polling_p99_ms=<d>
# Usage: bench/latency.sh [trades] [seconds] [poll-interval-seconds] [peak-trades] [more bench options,
#        e.g. --tmc-only, --peak-seconds 10, --peak-after 20]
set -euo pipefail
cd "$(dirname "$0")/.."
POSITIONAL=()
while [ $# -gt 0 ] && [ ${#POSITIONAL[@]} -lt 4 ] && [[ "$1" != --* ]]; do
  POSITIONAL+=("$1"); shift
done
N="${POSITIONAL[0]:-3000}"
S="${POSITIONAL[1]:-60}"
P="${POSITIONAL[2]:-30}"
B="${POSITIONAL[3]:-5000}"
exec ./bridge --data target/bench bench latency --trades "$N" --seconds "$S" --poll-interval "$P" --peak-trades "$B" "$@"
