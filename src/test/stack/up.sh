#!/usr/bin/env bash
# Brings up one test host: a network namespace NAME joined to the root namespace by a veth pair
# (10.231.INDEX.1 outside, 10.231.INDEX.2 inside) with its own PID/mount/UTS/IPC namespaces, in
# which host-init.sh starts sshd, PostgreSQL, Redis, a gunicorn app, a worker, nginx and cron.
# Prints KEY=VALUE lines (also saved in $STACK_DIR/stack.env) for tests to parse.
#
# usage: up.sh NAME INDEX [--large]     (INDEX 1..254; --large adds ~10 more services)
#        up.sh NAME INDEX --db            fleet database host: PostgreSQL on its own address
#        up.sh NAME INDEX --web DBADDR    fleet web host: nginx -> gunicorn -> PostgreSQL on DBADDR
#                                         (password from $STACK_DB_PASSWORD), Redis, worker
#        up.sh NAME INDEX --light         benchmark host: sshd, cron, Redis, nginx (static)
# The fleet profiles (--db, --web, --light) are routed: the host gets a route to 10.231.0.0/16 via
# the root side, and forwarding is enabled on this host's root-side veth only, so fleet hosts
# reach each other (and nothing else; ip_forward stays as it is).
#        up.sh NAME INDEX --hostile DIR  sshd only, plus the fixture in DIR (see README.md)
set -euo pipefail

usage() { echo "usage: up.sh NAME INDEX [--large | --db | --web DBADDR | --light]" >&2; exit 2; }
[ $# -ge 2 ] || usage
NAME=$1 INDEX=$2 PROFILE=default DB_HOST=""
case "${3:-}" in
  "") ;;
  --large) PROFILE=large ;;
  --db) PROFILE=db ;;
  --light) PROFILE=light ;;
  --hostile)
    PROFILE=hostile FIXTURE=${4:-}
    [ -d "$FIXTURE" ] || { echo "up.sh: --hostile needs a fixture directory" >&2; exit 2; }
    ;;
  --web)
    PROFILE=web DB_HOST=${4:-}
    [[ "$DB_HOST" =~ ^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "up.sh: --web needs the database host's IPv4 address" >&2; exit 2; }
    [[ "${STACK_DB_PASSWORD:-}" =~ ^[0-9a-f]+$ ]] || { echo "up.sh: --web needs STACK_DB_PASSWORD (hex, from the --db host's STACK_PG_PASSWORD)" >&2; exit 2; }
    ;;
  *) usage ;;
esac
ROUTED=0
case "$PROFILE" in db|web|light) ROUTED=1 ;; esac
[[ "$NAME" =~ ^[a-z][a-z0-9-]{0,30}$ ]] || { echo "up.sh: NAME must match [a-z][a-z0-9-]*" >&2; exit 2; }
[[ "$INDEX" =~ ^[0-9]+$ ]] && [ "$INDEX" -ge 1 ] && [ "$INDEX" -le 254 ] || { echo "up.sh: INDEX must be 1..254" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "up.sh: must run as root (network namespaces)" >&2; exit 1; }

HERE=$(cd "$(dirname "$0")" && pwd)
HOST_ADDR=10.231.$INDEX.2
ROOT_ADDR=10.231.$INDEX.1
VETH=thost$INDEX   # root side; the inside end is renamed eth0
# No path or name of the host mentions the scanner: a scan must not be told apart by such hints.

# A leftover of a crashed run (same name, or same veth/address) is removed first.
"$HERE/down.sh" "$NAME" >/dev/null 2>&1 || true
ip link del "$VETH" >/dev/null 2>&1 || true

S=$(mktemp -d "/tmp/testhost-$NAME.XXXXXX")
chmod 755 "$S"   # services running as postgres, redis, www-data read their files here
mkdir -p "$S/log" "$S/client"
chmod 1777 "$S/log"   # services write their own logs here as their own users
echo "$S" >"/tmp/testhost-$NAME.current"

failed() {
  echo "up.sh: $*" >&2
  for f in "$S/failed" "$S/log/"*.log; do
    [ -s "$f" ] && { echo "--- ${f#"$S"/} (last lines)" >&2; tail -n 15 "$f" >&2; }
  done
  KEEP_STACK_DIR=1 "$HERE/down.sh" "$NAME" >/dev/null 2>&1 || true
  echo "up.sh: stack dir kept for inspection: $S" >&2
  exit 1
}

# --- keys (host key of the test host, client key for root) ---
mkdir -p "$S/sshd"
ssh-keygen -q -t ed25519 -N "" -C "testhost-$NAME" -f "$S/sshd/ssh_host_ed25519_key" </dev/null
ssh-keygen -q -t ed25519 -N "" -C "testhost-client" -f "$S/client/id_ed25519" </dev/null
cp "$S/client/id_ed25519.pub" "$S/sshd/authorized_keys"
echo "$HOST_ADDR $(cut -d' ' -f1,2 "$S/sshd/ssh_host_ed25519_key.pub")" >"$S/client/known_hosts"

# --- the app's files ---
mkdir -p "$S/shop"
cp "$HERE/shop/app.py" "$HERE/shop/worker.py" "$HERE/shop/requirements.txt" "$S/shop/"
[ "$PROFILE" = large ] && cp "$HERE/extra/"*.py "$S/shop/"
if [ "$PROFILE" = hostile ]; then cp -a "$FIXTURE" "$S/hostile"; chmod -R a+rX "$S/hostile"; fi
chmod -R a+rX "$S/shop"

PG_PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
[ "$PROFILE" = web ] && PG_PASSWORD=$STACK_DB_PASSWORD
cat >"$S/stack.env" <<EOF
STACK_NAME=$NAME
STACK_DIR=$S
STACK_PROFILE=$PROFILE
STACK_HOST=$HOST_ADDR
STACK_ROOT_ADDR=$ROOT_ADDR
STACK_VETH=$VETH
STACK_SSH_PORT=22
STACK_SSH_USER=root
STACK_SSH_KEY=$S/client/id_ed25519
STACK_KNOWN_HOSTS=$S/client/known_hosts
STACK_PG_PASSWORD=$PG_PASSWORD
STACK_DB_HOST=$DB_HOST
EOF

# --- network: namespace, veth pair, addresses; nothing routes beyond the pair ---
ip netns add "$NAME"
ip link add "$VETH" type veth peer name "${VETH}p"
ip link set "${VETH}p" netns "$NAME"
ip netns exec "$NAME" ip link set "${VETH}p" name eth0
ip addr add "$ROOT_ADDR/24" dev "$VETH"
ip link set "$VETH" up
ip netns exec "$NAME" ip addr add "$HOST_ADDR/24" dev eth0
ip netns exec "$NAME" ip link set eth0 up
ip netns exec "$NAME" ip link set lo up
if [ "$ROUTED" = 1 ]; then
  ip netns exec "$NAME" ip route add 10.231.0.0/16 via "$ROOT_ADDR"
  # Only packets arriving on this veth may be forwarded; the global switch is left alone.
  sysctl -q -w "net.ipv4.conf.$VETH.forwarding=1"
fi

# --- the host's init, detached from this script's session ---
setsid ip netns exec "$NAME" unshare --pid --fork --mount-proc --uts --ipc \
  bash "$HERE/host-init.sh" "$S" </dev/null >"$S/log/init.log" 2>&1 &
launcher=$!
echo "$launcher" >"$S/launcher.pid"

for _ in $(seq 1 400); do   # up to 20 s
  [ -e "$S/ready" ] && break
  [ -e "$S/failed" ] && failed "host-init failed"
  kill -0 "$launcher" 2>/dev/null || failed "host-init exited early"
  sleep 0.05
done
[ -e "$S/ready" ] || failed "host not ready after 20 s"

# Record every process of the host by its PID in the root namespace, with the PID namespace
# it belongs to, so down.sh kills exactly these and nothing that reused a number.
init_pid=$(cat "/proc/$launcher/task/$launcher/children" | tr -d ' ')
pidns=$(readlink "/proc/$init_pid/ns/pid")
echo "$init_pid" >"$S/init.pid"
echo "$pidns" >"$S/pidns"
: >"$S/pids"
for d in /proc/[0-9]*; do
  if [ "$(readlink "$d/ns/pid" 2>/dev/null)" = "$pidns" ]; then
    echo "${d#/proc/} $(tr '\0' ' ' <"$d/cmdline" 2>/dev/null | cut -c1-120)" >>"$S/pids"
  fi
done

cat "$S/stack.env"
