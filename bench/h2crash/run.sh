#!/usr/bin/env bash
# Reproduces H2's rows of killed transactions (docs/database.md, "Rows of killed transactions") without the bridge:
# six writer threads insert and update in transactions of 1-20 rows (one in ten rolled back) until kill -9, then a
# fresh process compares count(*), a scan and a walk of the unique index. Not a test; prints one line a round.
# Usage: bench/h2crash/run.sh [H2_VERSION (default 2.4.240)] [ROUNDS (default 12)] [URL options]
set -euo pipefail
VERSION="${1:-2.4.240}"
ROUNDS="${2:-12}"
OPTIONS="${3:-MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=FALSE;RETENTION_TIME=600000}"
cd "$(dirname "$0")"
JAR="$HOME/.m2/repository/com/h2database/h2/$VERSION/h2-$VERSION.jar"
[ -f "$JAR" ] || mvn -B -q dependency:get -Dartifact="com.h2database:h2:$VERSION"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
javac -d "$WORK" H2Crash.java
URL="jdbc:h2:file:$WORK/db;$OPTIONS"
for i in $(seq 1 "$ROUNDS"); do
  java -cp "$JAR:$WORK" H2Crash work "$URL" & pid=$!
  sleep $(( (RANDOM % 5) + 4 ))
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true
  echo "h2=$VERSION round $i: $(java -cp "$JAR:$WORK" H2Crash check "$URL" 2>&1 | tail -1)"
done
