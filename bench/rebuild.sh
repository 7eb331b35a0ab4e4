#!/usr/bin/env bash
# Rebuild after one edit against a cold build, from the command line and inside `watch`.
# Usage: bench/rebuild.sh [ARTICLES]   (default 10000; needs the shared corpus maker)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
MAKE=${MAKE_CORPUS:-/work/shared/bench/make_corpus.py}
JAVA=(java ${BENCH_JAVA_OPTS:--Xmx3g} -jar "$PWD/target/briefing.jar")
[ -f target/briefing.jar ] || mvn -q -B package -DskipTests
W=$(mktemp -d /tmp/briefing-rebuild.XXXXXX)
WATCH=
trap '[ -n "$WATCH" ] && kill "$WATCH" 2>/dev/null; rm -rf "$W"' EXIT
python3 "$MAKE" --articles "$N" --out "$W/seeds" --format md >/dev/null
ARGS=(--source "$W/seeds" --out "$W/site" --templates "$PWD/templates" --config "$W/site.yml")

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }
edit() { # one seed, one paragraph: a visible change
  local f="$W/seeds/$(ls "$W/seeds" | sed -n "${1}p")"
  sed -i "0,/^[A-Z].*\.$/s//& Edited $(date +%s%N)./" "$f"
}

t0=$(now); "${JAVA[@]}" build "${ARGS[@]}" --clean >/dev/null 2>&1; t1=$(now)
cold=$(secs "$t0" "$t1")
edit 1
t0=$(now); "${JAVA[@]}" build "${ARGS[@]}" --report "$W/report.json" >"$W/rebuild.log" 2>&1; t1=$(now)
warm=$(secs "$t0" "$t1")
t0=$(now); "${JAVA[@]}" build "${ARGS[@]}" >/dev/null 2>&1; t1=$(now)
none=$(secs "$t0" "$t1")

echo "articles:                         $N"
echo "cold build (--clean), wall:       ${cold} s"
echo "rebuild after one edit, wall:     ${warm} s ($(echo "scale=1; 100 * $warm / $cold" | bc) % of cold)"
echo "rebuild, nothing changed, wall:   ${none} s"
grep -E "articles cleaned|files read" "$W/rebuild.log" | sed 's/^/  rebuild: /'

"${JAVA[@]}" watch "${ARGS[@]}" >"$W/watch.log" 2>&1 &
WATCH=$!
until grep -q "^watching" "$W/watch.log"; do sleep 0.5; done
for i in 2 3 4 5 6; do
  n=$(grep -c "^rebuilt in" "$W/watch.log")
  t0=$(now); edit "$i"
  until [ "$(grep -c "^rebuilt in" "$W/watch.log")" -gt "$n" ]; do sleep 0.02; done
  t1=$(now)
  echo "watch, edit $((i-1)): $(grep "^rebuilt in" "$W/watch.log" | tail -1) (edit to done: $(secs "$t0" "$t1") s, with ${QUIET:-100} ms debounce)"
done
grep -E "articles cleaned" "$W/watch.log" | tail -1 | sed 's/^/  watch: /'
