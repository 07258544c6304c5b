#!/usr/bin/env bash
# Installs the Debian packages InfraDoc's tests need (real servers for the test hosts),
# idempotently and quietly, without starting any of them: the tests start what they need
# by hand inside network namespaces (see src/test/stack/up.sh).
set -euo pipefail

PACKAGES=(
  openssh-server openssh-client   # sshd on each test host; ssh for manual checks
  nginx-light                     # web server / reverse proxy
  redis-server                    # cache and queue
  postgresql                      # database (PostgreSQL 15 on Debian 12)
  gunicorn python3-flask python3-psycopg2 python3-redis   # the test application
  cron                            # a small system daemon
  iproute2 procps util-linux      # ip netns, ps, unshare/runuser
)

log=$(mktemp /tmp/install-test-deps.XXXXXX.log)
policy=/usr/sbin/policy-rc.d
own_policy=0
cleanup() {
  # Remove the policy only if this script put it there.
  if [ "$own_policy" = 1 ]; then rm -f "$policy"; fi
  rm -f "$log"
}
trap cleanup EXIT

fail() {
  echo "install-test-deps: $*" >&2
  exit 1
}

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" = 0 ] || fail "needs root to install: ${missing[*]} (run as root or with sudo)"
  command -v apt-get >/dev/null || fail "apt-get not found; install by hand: ${missing[*]}"
  echo "install-test-deps: installing ${missing[*]}"
  # Debian postinst scripts start services through invoke-rc.d; policy-rc.d exit 101
  # ("action forbidden") keeps every one of them stopped.
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    own_policy=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt_install() {
    apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" >>"$log" 2>&1
  }
  if ! apt_install; then
    # Package lists may be absent or stale on a fresh machine: refresh once, then retry.
    apt-get update -qq -o DPkg::Lock::Timeout=300 >>"$log" 2>&1 || { tail -n 20 "$log" >&2; fail "apt-get update failed"; }
    apt_install || { tail -n 20 "$log" >&2; fail "apt-get install failed for: ${missing[*]}"; }
  fi
fi

# Check what the tests actually call, not just package states.
for cmd in /usr/sbin/sshd ssh ssh-keygen nginx redis-server redis-cli psql /usr/bin/gunicorn cron ip unshare runuser ps ss; do
  command -v "$cmd" >/dev/null || fail "missing command after install: $cmd"
done
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || fail "missing PostgreSQL server binaries under /usr/lib/postgresql"
/usr/bin/python3 -c 'import flask, psycopg2, redis' 2>/dev/null || fail "system python3 lacks flask/psycopg2/redis"
exit 0
