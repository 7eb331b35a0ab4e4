#!/usr/bin/env bash
# Benchmark: briefing against Hugo on the same generated bilingual corpus, alternately, in one run.
# Usage: bench/run.sh [--sizes "1000 10000 100000"] [--runs 3] [--txt 10000] [--work DIR]
# Prints a Markdown table: median wall time, pages written, pages/s, peak RSS, ratio briefing/Hugo.
set -euo pipefail
cd "$(dirname "$0")/.."
# the whole script is one block, read before it runs, so editing it during a run is safe
{
root=$(pwd)

sizes="1000 10000 100000"
runs=3
txt=10000
work="$root/target/bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --txt) txt="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    *) echo "usage: bench/run.sh [--sizes \"1000 10000 100000\"] [--runs N] [--txt N|0] [--work DIR]" >&2; exit 2 ;;
  esac
done

# the shared folder sits beside the repo; BENCH_SHARED points elsewhere (a git worktree, say)
shared=${BENCH_SHARED:-$root/../shared/bench}
[ -f "$shared/make_corpus.py" ] || { echo "bench: $shared/make_corpus.py not found; put the shared folder beside the repo or set BENCH_SHARED" >&2; exit 1; }

need=()
[ -x /usr/bin/time ] || need+=(time)
command -v hugo >/dev/null || need+=(hugo)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  echo "bench: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

jar="$root/target/briefing.jar"
if [ ! -f "$jar" ] || [ -n "$(find src templates pom.xml -newer "$jar" -print -quit)" ]; then
  mvn -q -B package -DskipTests
fi
# As a user runs it, with -Xmx1g as the issue asks at 100,000; build then starts a second JVM with
# the C1 compiler alone and the parallel collector (src/main/java/briefing/cli/Fork.java), timed here too.
java_opts=${BRIEFING_JAVA_OPTS:--Xmx1g}

mkdir -p "$work/none"
: > "$work/none.yml" # with an empty templates folder: the built-in settings and theme
results="$work/results.tsv"
: > "$results"

corpus() { # format size -> corpus folder, generated once
  local dir="$work/corpus-$1-$2"
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"
    python3 "$shared/make_corpus.py" --articles "$2" --out "$dir" --format "$1" >/dev/null
    touch "$dir/.done"
  fi
  echo "$dir"
}

# ext4 without a journal (this project's disks) passes over inodes freed in the last 60 s (5 min more
# while their inode table is unwritten) when it makes a file: right after a large delete, making files
# costs several times the system time (kernel profile: recently_deleted, find_inode_bit). So the outputs
# of an earlier run are deleted before anything is timed, written out, and waited out; no timed build
# follows a delete.
# measure TOOL SIZE OUTDIR LIMIT CMD... : one timed build into a folder that does not exist yet,
# because writing right after deleting the previous output is several times slower on these disks.
measure() {
  local tool=$1 size=$2 out=$3 limit=$4; shift 4
  local t="$work/time.txt" log="$work/logs/$tool-$size-$(date +%s).log" status=0
  mkdir -p "$work/logs"
  /usr/bin/time -f "%e %M %U %S" -o "$t" timeout "$limit" "$@" >"$log" 2>&1 || status=$?
  local wall rss user sys
  read -r wall rss user sys < <(tail -1 "$t")
  local pages=0
  [ -d "$out" ] && pages=$(find "$out" -type f ! -name .briefing-manifest | wc -l)
  if [ "$status" -eq 124 ]; then wall="timeout"; elif [ "$status" -ne 0 ]; then
    echo "bench: $tool at $size failed (exit $status), see $log:" >&2; grep -m1 -E 'Error|Exception|error:' "$log" >&2 || tail -3 "$log" >&2; wall="failed"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$size" "$wall" "$pages" "$rss" "$user" "$sys" >> "$results"
  printf 'bench: %-16s %7s articles: %s s, %s pages, %s KB, cpu %s+%s s\n' "$tool" "$size" "$wall" "$pages" "$rss" "$user" "$sys" >&2
}

hugo_site() { # size -> a copy of the shared Hugo site holding the Markdown corpus, made once
  local site="$work/hugo-$1"
  if [ ! -f "$site/.done" ]; then
    rm -rf "$site"
    cp -r "$shared/hugo-site" "$site"
    find "$(corpus md "$1")/" -name '*.md' -exec cp -t "$site/content/posts/" {} +
    touch "$site/.done"
  fi
  echo "$site"
}

for n in $sizes; do corpus md "$n" >/dev/null; hugo_site "$n" >/dev/null; done
[ "$txt" != 0 ] && corpus txt "$txt" >/dev/null
rm -rf "$work"/out-* "$work"/hugo-*/public-* "$work"/hugo-*/resources
sync
sleep 65

for n in $sizes; do
  md=$(corpus md "$n")
  site=$(hugo_site "$n")
  limit=3600
  [ "$n" -ge 100000 ] && limit=300
  r=$runs
  [ "$n" -ge 100000 ] && r=1
  for i in $(seq 1 "$r"); do
    measure briefing "$n" "$work/out-$n-$i" 3600 \
      java $java_opts -jar "$jar" build --clean --source "$md" --out "$work/out-$n-$i" --config "$work/none.yml" --templates "$work/none"
    measure hugo "$n" "$site/public-$i" "$limit" hugo --quiet -s "$site" -d "$site/public-$i"
    measure hugo-norelated "$n" "$site/public-nr-$i" "$limit" env HUGO_PARAMS_RELATED=false hugo --quiet -s "$site" -d "$site/public-nr-$i"
  done
done

if [ "$txt" != 0 ]; then
  raw=$(corpus txt "$txt")
  for i in $(seq 1 "$runs"); do
    measure briefing-txt "$txt" "$work/out-txt-$i" 3600 \
      java $java_opts -jar "$jar" build --clean --source "$raw" --out "$work/out-txt-$i" --config "$work/none.yml" --templates "$work/none"
  done
fi
rm -rf "$work"/out-* "$work"/hugo-*/public-* "$work"/hugo-*/resources

echo
echo "JVM options: $java_opts; $runs runs per tool and size (one at 100,000), alternating; $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
python3 "$root/bench/table.py" "$results"
exit
}
