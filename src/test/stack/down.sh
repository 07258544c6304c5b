#!/usr/bin/env bash
# Takes down the test host NAME brought up by up.sh: stops the processes up.sh recorded (checked
# to still be in the host's PID namespace), kills the namespace's init (which ends anything left
# in it), deletes the network namespace and veth pair, and removes the stack dir
# (kept when KEEP_STACK_DIR=1). Safe to run when nothing or only a leftover exists.
#
# usage: down.sh NAME
set -uo pipefail

[ $# -eq 1 ] || { echo "usage: down.sh NAME" >&2; exit 2; }
NAME=$1
[[ "$NAME" =~ ^[a-z][a-z0-9-]{0,30}$ ]] || { echo "down.sh: bad NAME" >&2; exit 2; }
pointer=/tmp/testhost-$NAME.current
S=${STACK_DIR:-$(cat "$pointer" 2>/dev/null || true)}

in_ns() { [ -n "$2" ] && [ "$(readlink "/proc/$1/ns/pid" 2>/dev/null)" = "$2" ]; }

if [ -n "$S" ] && [ -d "$S" ]; then
  pidns=$(cat "$S/pidns" 2>/dev/null || true)
  if [ -s "$S/pids" ]; then
    while read -r pid _; do
      in_ns "$pid" "$pidns" && kill -TERM "$pid" 2>/dev/null
    done <"$S/pids"
    for _ in $(seq 1 20); do   # up to 1 s for a clean exit
      alive=0
      while read -r pid _; do in_ns "$pid" "$pidns" && [ "$pid" != "$(cat "$S/init.pid")" ] && alive=1; done <"$S/pids"
      [ "$alive" = 0 ] && break
      sleep 0.05
    done
  fi
  init=$(cat "$S/init.pid" 2>/dev/null || true)
  # SIGKILL to a PID namespace's init kills every process in that namespace.
  [ -n "$init" ] && in_ns "$init" "$pidns" && kill -KILL "$init" 2>/dev/null
  launcher=$(cat "$S/launcher.pid" 2>/dev/null || true)
  if [ -n "$launcher" ]; then
    for _ in $(seq 1 40); do kill -0 "$launcher" 2>/dev/null || break; sleep 0.05; done
  fi
fi

if ip netns list | grep -qx "$NAME\( (id: [0-9]*)\)\?"; then
  # Whatever still runs in the host's network namespace belongs to the stack (a crashed run's
  # processes, or an init whose stack dir is gone).
  for pid in $(ip netns pids "$NAME" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null; done
  for _ in $(seq 1 40); do [ -z "$(ip netns pids "$NAME" 2>/dev/null)" ] && break; sleep 0.05; done
  ip netns del "$NAME" || { echo "down.sh: could not delete netns $NAME" >&2; exit 1; }
fi
# Deleting the namespace destroys the inside end, and with it the pair; this covers a pair
# whose namespace was already gone.
if [ -n "$S" ] && [ -f "$S/stack.env" ]; then
  veth=$(sed -n 's/^STACK_VETH=//p' "$S/stack.env")
  [ -n "$veth" ] && ip link del "$veth" >/dev/null 2>&1
fi

if [ -n "$S" ] && [ -d "$S" ] && [ "${KEEP_STACK_DIR:-0}" != 1 ]; then
  case "$S" in /tmp/testhost-*) rm -rf "$S" ;; esac
fi
[ "${KEEP_STACK_DIR:-0}" = 1 ] || rm -f "$pointer"
exit 0
