#!/usr/bin/env bash
# Benchmark: the command a user types, `./infradoc scan TREE --out DIR`, on a generated Terraform
# tree (bench/terraform/generate.py: 5,000 resource blocks in 500 files across 20 local modules),
# end to end: JVM start, parse, model, analyze, render, write. The jar is built (and its
# class-data archive recorded) by one untimed run first. Wall time, user/system CPU and peak memory
# (max RSS) of each run come from GNU time (/usr/bin/time -v). Prints a Markdown block for
# BENCHMARKS.md. Targets (issue 3): under 3 s and under 1 GB. Runs pass --no-store (a benchmark keeps
# no history); STORE=1 keeps each run's model in a temporary store instead, to see what that costs.
#
# usage: bench/terraform/run.sh [RUNS]     (default 10)
#        RESOURCES=5000 FILES=500 MODULES=20 bench/terraform/run.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
RUNS=${1:-10}
[[ "$RUNS" =~ ^[0-9]+$ ]] && [ "$RUNS" -ge 1 ] || { echo "run.sh: RUNS must be a positive number" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "run.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "run.sh: needs python3 for the generator" >&2; exit 1; }

work=$(mktemp -d /tmp/infradoc-tf-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
tree="$work/tree"
python3 bench/terraform/generate.py "$tree" --resources "${RESOURCES:-5000}" --files "${FILES:-500}" \
  --modules "${MODULES:-20}" >"$work/generated.txt"
echo "== $(cat "$work/generated.txt")" >&2

# Untimed: builds the jar if sources changed and records the class-data-sharing archive.
store=(--no-store); history="not kept (--no-store)"
[ -z "${STORE:-}" ] || { store=(--store "$work/store"); history="kept in a temporary store"; }
./infradoc scan "$tree" --out "$work/out" "${store[@]}" >"$work/warm.txt" 2>&1 || { cat "$work/warm.txt" >&2; exit 1; }
summary=$(tail -1 "$work/warm.txt")

walls=(); rss=(); users=(); syss=()
for i in $(seq 1 "$RUNS"); do
  /usr/bin/time -v -o "$work/time.txt" ./infradoc scan "$tree" --out "$work/out" "${store[@]}" >/dev/null 2>"$work/err.txt" \
    || { cat "$work/err.txt" >&2; exit 1; }
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  walls+=("$wall")
  rss+=("$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")")
  users+=("$(sed -n 's/.*User time (seconds): //p' "$work/time.txt")")
  syss+=("$(sed -n 's/.*System time (seconds): //p' "$work/time.txt")")
  echo "run $i: ${wall} s, $(( ${rss[-1]} / 1024 )) MiB" >&2
done

stats() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1; s += $1 } END {
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
  printf "%.2f|%.2f|%.2f|%.2f", m, s / NR, v[1], v[NR] }'; }
IFS='|' read -r wmed wmean wmin wmax <<<"$(stats "${walls[@]}")"
IFS='|' read -r umed _ _ _ <<<"$(stats "${users[@]}")"
IFS='|' read -r smed _ _ _ <<<"$(stats "${syss[@]}")"
IFS='|' read -r _ _ _ rmax <<<"$(stats "${rss[@]}")"

cpu=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
cat <<EOF

### $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' (with uncommitted changes)')

Machine: $(nproc) cores ($cpu), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM,
$(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end.
Tree: $(cat "$work/generated.txt" | sed 's/^[^:]*: //'); history: $history; result: $(echo "$summary" | sed -n "s/.*(\(.*\))$/\1/p")

| runs | median | mean | min | max | CPU user (median) | CPU sys (median) | peak RSS (max) |
|---|---|---|---|---|---|---|---|
| $RUNS | ${wmed} s | ${wmean} s | ${wmin} s | ${wmax} s | ${umed} s | ${smed} s | $(( ${rmax%.*} / 1024 )) MiB |
EOF
