#!/usr/bin/env bash
# Benchmark: wall time of a whole `./infradoc scan ssh://...` (JVM start included, jar already
# built) against the large test host (src/test/stack/up.sh --large: ~20 services), measured with
# hyperfine over RUNS runs, plus one --verbose run for the CLI's phase timings and an OpenSSH
# `true` over the same link as a floor. Prints a Markdown block for BENCHMARKS.md.
#
# usage: bench/scan-host.sh [RUNS]     (root; default 10 runs)
set -euo pipefail

RUNS=${1:-10}
PHASE_RUNS=5
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
NAME=bench INDEX=42   # see src/test/stack/README.md for indexes in use

[ "$(id -u)" = 0 ] || { echo "scan-host.sh: must run as root (network namespaces)" >&2; exit 1; }
scripts/install-test-deps.sh
if ! command -v hyperfine >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq hyperfine >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq hyperfine >/dev/null; } \
    || { echo "scan-host.sh: could not install hyperfine" >&2; exit 1; }
fi
[ -x ./infradoc ] || { echo "scan-host.sh: ./infradoc launcher not found" >&2; exit 1; }
if ! ls target/infradoc.jar >/dev/null 2>&1; then
  echo "scan-host.sh: building the jar (mvn package -DskipTests)" >&2
  mvn -B -q -ntp package -DskipTests
fi

work=$(mktemp -d /tmp/infradoc-bench.XXXXXX)
cleanup() {
  src/test/stack/down.sh "$NAME" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

start=$(date +%s%N)
eval "$(src/test/stack/up.sh "$NAME" "$INDEX" --large)"
up_ms=$(( ($(date +%s%N) - start) / 1000000 ))

target="ssh://$STACK_SSH_USER@$STACK_HOST"
scan=(./infradoc scan "$target" -i "$STACK_SSH_KEY" --known-hosts "$STACK_KNOWN_HOSTS" --no-store --out "$work/out")
printf -v scan_cmd '%q ' "${scan[@]}"

echo "== $PHASE_RUNS --verbose runs (phase timings as the CLI reports them; medians below)"
: >"$work/phases.err"
for i in $(seq 1 "$PHASE_RUNS"); do
  rm -rf "$work/out"
  set +e
  "${scan[@]}" --verbose >"$work/verbose.out" 2>"$work/verbose.err"
  verbose_rc=$?
  set -e
  [ "$i" = 1 ] && cat "$work/verbose.out" "$work/verbose.err"
  [ "$verbose_rc" = 0 ] || { echo "scan-host.sh: scan exited $verbose_rc" >&2; cat "$work/verbose.err" >&2; exit 1; }
  cat "$work/verbose.err" >>"$work/phases.err"
done
[ -f "$work/out/model.json" ] || { echo "scan-host.sh: the scan wrote no model.json" >&2; exit 1; }
phases=$(python3 - "$work/phases.err" <<'PY'
import re, statistics, sys
seen = {}
for line in open(sys.argv[1]):
    m = re.search(r": (\w+) (\d+) ms$", line.strip())
    if m:
        seen.setdefault(m.group(1), []).append(int(m.group(2)))
print(", ".join("%s %d ms" % (k, statistics.median(v)) for k, v in seen.items()))
PY
)
echo "median phases: $phases"
components=$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(len(m["components"]), len(m["dependencies"]))' "$work/out/model.json")
processes=$(ssh -i "$STACK_SSH_KEY" -o UserKnownHostsFile="$STACK_KNOWN_HOSTS" -o BatchMode=yes \
  "$STACK_SSH_USER@$STACK_HOST" 'ps -e --no-headers | wc -l')

echo "== hyperfine, $RUNS runs"
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$work/hyperfine.json" \
  -n "infradoc scan (large host)" "$scan_cmd" \
  -n "ssh true (OpenSSH floor)" \
  "ssh -i $STACK_SSH_KEY -o UserKnownHostsFile=$STACK_KNOWN_HOSTS -o BatchMode=yes $STACK_SSH_USER@$STACK_HOST true"

echo
echo "== for BENCHMARKS.md"
python3 - "$work/hyperfine.json" <<EOF
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print("| command | mean | stddev | min | max | runs |")
print("| --- | --- | --- | --- | --- | --- |")
for x in r:
    print("| %s | %.3f s | %.3f s | %.3f s | %.3f s | %d |" % (x["command"], x["mean"], x["stddev"], x["min"], x["max"], len(x["times"])))
EOF
echo
echo "- date: $(date -u +%Y-%m-%d)"
echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "- CLI phases (--verbose, median of $PHASE_RUNS runs): $phases"
echo "- host under scan: $processes processes; model: $components (components, dependencies); up.sh --large took ${up_ms} ms"
echo "- machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1), $(free -g | awk '/^Mem:/{print $2}') GiB RAM"
echo "- JDK: $(java -version 2>&1 | head -n 1)"
echo "- load at the end: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared)"
