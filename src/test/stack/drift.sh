#!/usr/bin/env bash
# Changes a running test host NAME (brought up by up.sh, default profile) the way a real host drifts:
# stops the queue worker (worker.py) and grows gunicorn from 2 to 3 workers (SIGTTIN to its
# master, which forks one more worker; it opens its own PostgreSQL and Redis connections).
# Only processes up.sh recorded in $STACK_DIR/pids, still in the host's PID namespace, are signalled.
# Returns once worker.py is gone and the third worker holds its PostgreSQL connection.
#
# usage: drift.sh NAME
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: drift.sh NAME" >&2; exit 2; }
NAME=$1
[[ "$NAME" =~ ^[a-z][a-z0-9-]{0,30}$ ]] || { echo "drift.sh: bad NAME" >&2; exit 2; }
S=$(cat "/tmp/testhost-$NAME.current")
pidns=$(cat "$S/pidns")
init=$(cat "$S/init.pid")
in_ns() { [ "$(readlink "/proc/$1/ns/pid" 2>/dev/null)" = "$pidns" ]; }
ppid_of() { awk '{print $4}' "/proc/$1/stat"; }
# A stopped process stays a zombie until the host's init reaps it: that is not running.
alive() { [ -r "/proc/$1/stat" ] && [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]; }

worker="" master=""
while read -r pid args; do
  in_ns "$pid" || continue
  case "$args" in
    *" worker.py"*) worker=$pid ;;
    *gunicorn*"127.0.0.1:8000"*) [ "$(ppid_of "$pid")" = "$init" ] && master=$pid ;;
  esac
done <"$S/pids"
[ -n "$worker" ] || { echo "drift.sh: worker.py not found in $S/pids" >&2; exit 1; }
[ -n "$master" ] || { echo "drift.sh: gunicorn master not found in $S/pids" >&2; exit 1; }

kill -TERM "$worker"
kill -TTIN "$master"

children() { grep -l "^PPid:[[:space:]]*$master\$" /proc/[0-9]*/status 2>/dev/null | wc -l; }
pg() { ip netns exec "$NAME" ss -Htn state established "( dport = :5432 )" | wc -l; }
for _ in $(seq 1 200); do   # up to 10 s
  if ! alive "$worker" && [ "$(children)" -ge 3 ] && [ "$(pg)" -ge 3 ]; then
    exit 0
  fi
  sleep 0.05
done
echo "drift.sh: host did not settle (worker.py alive: $(alive "$worker" && echo yes || echo no), gunicorn workers: $(children), postgres connections: $(pg))" >&2
exit 1
