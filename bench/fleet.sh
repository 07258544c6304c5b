#!/usr/bin/env bash
# Benchmark: a fleet of light test hosts (src/test/stack/up.sh --light: sshd, cron, Redis, nginx,
# each a network namespace with its own key) scanned into one model and its documents by the
# command a user types, `./infradoc scan --inventory FILE --out DIR`, for 1, 10 and 50 hosts.
# Wall time and peak memory (max RSS) come from /usr/bin/time -v; the jar is built beforehand.
# Prints a Markdown block for BENCHMARKS.md.
#
# usage: bench/fleet.sh [SIZES...]      (root; default: 1 10 50; at most 50 hosts, indexes 100-149)
#        JOBS="8 16" bench/fleet.sh     (also measure with these --jobs values; default: the CLI's default)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1 10 50)
FIRST_INDEX=100   # see src/test/stack/README.md for indexes in use
MAX=0
for n in "${SIZES[@]}"; do
  [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le 50 ] || { echo "fleet.sh: sizes are 1..50" >&2; exit 2; }
  [ "$n" -gt "$MAX" ] && MAX=$n
done
[ "$(id -u)" = 0 ] || { echo "fleet.sh: must run as root (network namespaces)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "fleet.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
if [ ! -f target/infradoc.jar ]; then
  echo "fleet.sh: building the jar" >&2
  mvn -B -q -o -DskipTests package
fi
./infradoc --version >/dev/null   # rebuilds if sources changed, outside the measurement

work=$(mktemp -d /tmp/infradoc-fleet-bench.XXXXXX)
names=()
cleanup() {
  for n in "${names[@]}"; do src/test/stack/down.sh "$n" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "== bringing up $MAX light hosts (4 at a time)" >&2
start=$(date +%s%N)
for i in $(seq 1 "$MAX"); do names+=("$(printf 'fb%03d' "$i")"); done
printf '%s\n' $(seq 1 "$MAX") | xargs -P 4 -I{} bash -c '
  i={}; name=$(printf "fb%03d" "$i"); index=$(( '"$FIRST_INDEX"' + i - 1 ))
  src/test/stack/up.sh "$name" "$index" --light >"'"$work"'/$name.env" 2>"'"$work"'/$name.err" \
    || { echo "up.sh $name failed:"; cat "'"$work"'/$name.err"; exit 255; }' >&2
up_ms=$(( ($(date +%s%N) - start) / 1000000 ))

value() { sed -n "s/^$2=//p" "$work/$1.env"; }
results=()
read -r -a jobs_list <<<"${JOBS:-default}"
for n in "${SIZES[@]}"; do
for jobs in "${jobs_list[@]}"; do
  jobs_opt=()
  [ "$jobs" = default ] || jobs_opt=(--jobs "$jobs")
  inv="$work/hosts-$n.ini"
  kh="$work/known_hosts-$n"
  : >"$kh"
  {
    echo "[light]"
    for i in $(seq 1 "$n"); do
      name=$(printf 'fb%03d' "$i")
      echo "$name ansible_host=$(value "$name" STACK_HOST) ansible_user=root ansible_ssh_private_key_file=$(value "$name" STACK_SSH_KEY)"
      cat "$(value "$name" STACK_KNOWN_HOSTS)" >>"$kh"
    done
  } >"$inv"
  echo "== scanning $n host(s), --jobs $jobs" >&2
  rm -rf "$work/out-$n"
  set +e
  /usr/bin/time -v -o "$work/time-$n" ./infradoc scan --inventory "$inv" --known-hosts "$kh" --no-store "${jobs_opt[@]}" \
    --out "$work/out-$n" >"$work/scan-$n.out" 2>"$work/scan-$n.err"
  rc=$?
  set -e
  tail -n 3 "$work/scan-$n.err" >&2
  [ "$rc" = 0 ] || { echo "fleet.sh: scan of $n hosts exited $rc" >&2; cat "$work/scan-$n.err" >&2; exit 1; }
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time-$n")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time-$n")
  user=$(sed -n 's/.*User time (seconds): //p' "$work/time-$n")
  sys=$(sed -n 's/.*System time (seconds): //p' "$work/time-$n")
  counts=$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(len(m["hosts"]), len(m["components"]), len(m["dependencies"]))' "$work/out-$n/model.json")
  pages=0; [ -d "$work/out-$n/hosts" ] && pages=$(find "$work/out-$n/hosts" -name "*.md" | wc -l)
  results+=("| $n | $jobs | $wall | $((rss / 1024)) MiB | ${user} s + ${sys} s | $counts | $pages |")
done
done

echo
echo "== for BENCHMARKS.md"
echo "| hosts | --jobs | wall (m:ss) | peak RSS | CPU user + sys | model (hosts components dependencies) | host pages |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${results[@]}"
echo
echo "- date: $(date -u +%Y-%m-%d), commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "- $MAX hosts brought up in ${up_ms} ms (not part of the measurement); default --jobs is min(16, 4 x $(nproc) cores)"
echo "- machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1), $(free -g | awk '/^Mem:/{print $2}') GiB RAM"
echo "- JDK: $(java -version 2>&1 | head -n 1)"
echo "- load at the end: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared)"
