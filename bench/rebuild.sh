#!/usr/bin/env bash
# Rebuild after one edit against a cold build, from the command line and inside `watch`.
# Usage: bench/rebuild.sh [ARTICLES]   (default 10000; needs the shared corpus maker)
# BRIEFING_JAR=FILE times another build of the generator (say, the previous commit's) with the same steps.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
# the shared folder sits beside the repo, as for bench/run.sh; BENCH_SHARED points elsewhere
MAKE=${BENCH_SHARED:-$PWD/../shared/bench}/make_corpus.py
[ -f "$MAKE" ] || { echo "rebuild: $MAKE not found; put the shared folder beside the repo or set BENCH_SHARED" >&2; exit 1; }
JAR=${BRIEFING_JAR:-$PWD/target/briefing.jar}
JAVA=(java ${BENCH_JAVA_OPTS:--Xmx3g} -jar "$JAR")
if [ -z "${BRIEFING_JAR:-}" ] && { [ ! -f "$JAR" ] || [ -n "$(find src templates pom.xml -newer "$JAR" -print -quit)" ]; }; then
  mvn -q -B package -DskipTests
fi
W=$(mktemp -d /tmp/briefing-rebuild.XXXXXX)
WATCH=
trap 'if [ -n "$WATCH" ]; then kill "$WATCH" 2>/dev/null && wait "$WATCH" 2>/dev/null || true; fi; rm -rf "$W"' EXIT # watch writes its cache as it exits
python3 "$MAKE" --articles "$N" --out "$W/seeds" --format md >/dev/null
ARGS=(--source "$W/seeds" --out "$W/site" --templates "$PWD/templates" --config "$W/site.yml")
: > "$W/site.yml" # the built-in settings

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }
edit() { # one seed, one paragraph: a visible change
  local f="$W/seeds/$(ls "$W/seeds" | sed -n "${1}p")"
  sed -i "0,/^[A-Z].*\.$/s//& Edited $(date +%s%N)./" "$f"
}
timed() { # wall and CPU (user + system) seconds of one build: "WALL CPU"
  if ! /usr/bin/time -f "%e %U %S" -o "$W/time" "${JAVA[@]}" build "${ARGS[@]}" "$@" >"$W/build.log" 2>&1; then
    echo "build $* failed:" >&2; grep -v "^warning" "$W/build.log" | tail -5 >&2
  fi
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$W/time"
}

read -r cold_w cold_c < <(timed --clean)
edit 1
read -r warm_w warm_c < <(timed --report "$W/report.json")
grep -E "articles cleaned|files read" "$W/build.log" | sed 's/^/  rebuild: /' > "$W/rebuild.txt"
read -r none_w none_c < <(timed)
# the first rebuild after a cold one stages a whole new folder (20,000 hard links); from the second
# on, a build stages into the site the last one replaced (README), as an editor's rebuilds do
edit 22
read -r next_w next_c < <(timed)
pct() { echo "scale=1; 100 * $1 / $2" | bc; }

echo "articles:                        $N"
echo "cold build (--clean):            ${cold_w} s wall, ${cold_c} s CPU"
echo "rebuild after one edit:          ${warm_w} s wall, ${warm_c} s CPU ($(pct "$warm_w" "$cold_w") % of cold wall, $(pct "$warm_c" "$cold_c") % of cold CPU)"
echo "rebuild, nothing changed:        ${none_w} s wall, ${none_c} s CPU"
echo "rebuild after another edit:      ${next_w} s wall, ${next_c} s CPU ($(pct "$next_w" "$cold_w") % of cold wall, $(pct "$next_c" "$cold_c") % of cold CPU)"
cat "$W/rebuild.txt"

"${JAVA[@]}" watch "${ARGS[@]}" >"$W/watch.log" 2>&1 &
WATCH=$!
until grep -q "^watching" "$W/watch.log" 2>/dev/null; do sleep 0.5; done
# twenty edits: the first ten or so also wait for the JIT compiler, which is still compiling the
# rebuild's code then (BENCHMARKS.md, session 9), so the two halves are reported apart
for i in $(seq 2 21); do
  n=$(grep -c "^rebuilt in" "$W/watch.log")
  t0=$(now); edit "$i"
  until [ "$(grep -c "^rebuilt in" "$W/watch.log")" -gt "$n" ]; do sleep 0.02; done
  t1=$(now)
  echo "watch, edit $((i-1)): $(grep "^rebuilt in" "$W/watch.log" | tail -1); edit to done $(secs "$t0" "$t1") s wall (incl. 100 ms debounce)"
  { grep "^time:" "$W/watch.log" || true; } | tail -1 | sed "s/^/  /" # stage times (builds before they were printed print none)
done
grep -E "articles cleaned" "$W/watch.log" | tail -1 | sed 's/^/  watch: /'
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
grep "^rebuilt in" "$W/watch.log" | tail -20 | awk '{ print $3 }' > "$W/rebuilt"
echo "watch, \"rebuilt in\" median: edits 1-10 $(head -10 "$W/rebuilt" | median) s, edits 11-20 $(tail -10 "$W/rebuilt" | median) s, all twenty $(median < "$W/rebuilt") s"
