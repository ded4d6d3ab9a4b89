#!/usr/bin/env bash
# Stock benchmark: N SKUs (default 50,000; 20 per item) whose ERP stock all changes at once. Measures
# the time from the ERP change until the sandbox (Tmall) shows every new figure through the bridge,
# next to the time the same number of bare taobao.skus.quantity.update calls (20 SKUs each, no
# bridge logic) takes in the same run. Both respect the client's per-shop rate limit. Not a test:
# it prints figures and asserts nothing about speed. Last line:
#   stock_seconds=<s> calls=<c> bare_calls_seconds=<b>
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-50000}"
exec ./bridge --data target/bench bench stock --skus "$N"
