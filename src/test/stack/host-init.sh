#!/usr/bin/env bash
# PID 1 of one test host: runs inside the host's network, PID, mount, UTS and IPC namespaces
# (started by up.sh), starts the host's services by hand, reports readiness, then stays as the
# namespace's init, reaping orphans. Killing it kills every process of the host.
set -euo pipefail

S=$1
# shellcheck source=/dev/null
. "$S/stack.env"   # STACK_NAME STACK_HOST STACK_PROFILE STACK_PG_PASSWORD
HERE=$(cd "$(dirname "$0")" && pwd)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PY=/usr/bin/python3   # the system python, which has flask/psycopg2/redis from Debian

# Run a command as USER, exec'ing it (runuser would stay as a parent process in the listing).
as_user() {
  local user=$1 home
  shift
  home=$(getent passwd "$user" | cut -d: -f6)
  setpriv --reuid="$user" --regid="$user" --init-groups -- env HOME="$home" "$@"
}

# Start a long-running command as USER in the background, appending its output to LOG. A simple
# command with & is exec'd in the forked child, so no copy of this script stays as its parent.
spawn_as() {
  local user=$1 log=$2 home
  shift 2
  home=$(getent passwd "$user" | cut -d: -f6)
  setpriv --reuid="$user" --regid="$user" --init-groups -- env HOME="$home" "$@" >>"$log" 2>&1 &
}

fail() {
  echo "$*" >"$S/failed"
  exit 1
}
trap 'fail "host-init: command failed at line $LINENO"' ERR

cd /   # daemons start from /, as under an init system; only the app runs in its directory
hostname "$STACK_NAME"
# A private /run, as a separate machine has: pid files, sockets, sshd's privilege separation dir.
mount -t tmpfs -o mode=755 tmpfs /run
# A private, empty home for root, as a separate machine has: logins then do not run the test
# machine's ~/.bashrc (pyenv rehash there takes a lock that a killed session can leave behind,
# stalling every later login on every test host).
mount -t tmpfs -o mode=700 tmpfs /root
mkdir -p /run/sshd /run/postgresql /run/redis /run/gunicorn
chown postgres:postgres /run/postgresql
chown redis:redis /run/redis
chown www-data:www-data /run/gunicorn
chmod 2775 /run/postgresql

# Which parts this profile runs (default and large: all; fleet profiles: a share).
has_pg=1 has_app=1 has_redis=1
case "$STACK_PROFILE" in
  db) has_app=0 has_redis=0 ;;
  web) has_pg=0 ;;
  light) has_pg=0 has_app=0 ;;
  hostile) has_pg=0 has_app=0 has_redis=0 ;;   # sshd and its fixture only
esac

# --- PostgreSQL: a fresh cluster in the stack dir (initdb runs while other services start) ---
if [ "$has_pg" = 1 ]; then
mkdir -p "$S/pg"
chown postgres:postgres "$S/pg"
as_user postgres "$PGBIN/initdb" -D "$S/pg/data" -U postgres -A trust \
  --auth-host=scram-sha-256 --no-sync --no-locale -E UTF8 >"$S/log/initdb.log" 2>&1 &
initdb_pid=$!
fi

# --- Redis ---
start_redis() { # port, name
  local dir="$S/redis-$1"
  mkdir -p "$dir"
  cat >"$dir/redis.conf" <<EOF
bind 127.0.0.1
port $1
daemonize yes
pidfile /run/redis/redis-$1.pid
dir $dir
logfile $dir/redis.log
save ""
appendonly no
EOF
  chown -R redis:redis "$dir"
  as_user redis redis-server "$dir/redis.conf"
}
[ "$has_redis" = 1 ] && start_redis 6379
if [ "$STACK_PROFILE" = large ]; then
  start_redis 6380
  start_redis 6381
fi

# --- sshd: own host key, root login by key only ---
sshd_dir="$S/sshd"
mkdir -p "$sshd_dir"
cat >"$sshd_dir/sshd_config" <<EOF
ListenAddress $STACK_HOST:22
HostKey $sshd_dir/ssh_host_ed25519_key
PidFile /run/sshd.pid
AuthorizedKeysFile $sshd_dir/authorized_keys
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PrintMotd no
Subsystem sftp internal-sftp
EOF
/usr/sbin/sshd -f "$sshd_dir/sshd_config" -E "$S/log/sshd.log"

# --- hostile profile: sshd and the fixture's processes and files only (hostile/README.md) ---
if [ "$STACK_PROFILE" = hostile ]; then
  fx="$S/hostile"
  # A private copy of /etc (4 MB): tests elsewhere on the machine add and remove users, and a
  # file bind-mounted over /etc/passwd would vanish when they replace it.
  cp -a /etc "$S/etc"
  # A non-root login for read-only checks: a passwd entry seen only inside this host.
  if [ -s "$fx/scan-user" ]; then
    u=$(cat "$fx/scan-user")
    mkdir -p "$S/home/$u"
    chown 2000:2000 "$S/home/$u"
    echo "$u:x:2000:2000::$S/home/$u:/bin/sh" >>"$S/etc/passwd"
    echo "$u:x:2000:" >>"$S/etc/group"
  fi
  mount --bind "$S/etc" /etc
  # The fixture's /etc trees replace the copy's, in this host's private mount namespace only.
  for d in etc/nginx etc/cron.d etc/systemd/system; do
    [ -d "$fx/$d" ] && [ -d "/$d" ] && mount --bind "$fx/$d" "/$d"
  done
  mkfifo "$S/hold.fifo"
  chmod 666 "$S/hold.fifo"
  "$PY" "$HERE/hostile/launch.py" "$S" >"$S/log/launch.log" 2>&1
  trap - ERR
  touch "$S/ready"
  mkfifo "$S/init.fifo"
  exec 3<>"$S/init.fifo"
  while :; do read -r -u 3 _ || true; done
fi

# --- cron: a plain system daemon ---
cron

if [ "$has_pg" = 1 ]; then
pg_listen=127.0.0.1
[ "$STACK_PROFILE" = db ] && pg_listen="127.0.0.1,$STACK_HOST"
wait "$initdb_pid" || fail "initdb failed: $(tail -n 5 "$S/log/initdb.log")"
cat >>"$S/pg/data/postgresql.conf" <<EOF
listen_addresses = '$pg_listen'
port = 5432
unix_socket_directories = '/run/postgresql'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 16MB
EOF
as_user postgres "$PGBIN/pg_ctl" -D "$S/pg/data" -l "$S/log/postgresql.log" -w -t 30 start >/dev/null
# The password is hex (generated by up.sh), so it is safe inside the SQL literal.
as_user postgres "$PGBIN/psql" -h /run/postgresql -U postgres -q -v ON_ERROR_STOP=1 >/dev/null <<EOF
CREATE ROLE shop LOGIN PASSWORD '$STACK_PG_PASSWORD';
CREATE DATABASE shop OWNER shop;
\c shop
CREATE TABLE orders (id text PRIMARY KEY, created timestamptz NOT NULL DEFAULT now());
ALTER TABLE orders OWNER TO shop;
EOF
if [ "$STACK_PROFILE" = db ]; then
  # fleet web hosts connect from their own addresses
  echo "host shop shop 10.231.0.0/16 scram-sha-256" >>"$S/pg/data/pg_hba.conf"
  as_user postgres "$PGBIN/pg_ctl" -D "$S/pg/data" reload >/dev/null
fi
fi

# --- the shop app: gunicorn with 2 workers, and a queue worker, both as www-data ---
app="$S/shop"
database_url="postgresql://shop:$STACK_PG_PASSWORD@${STACK_DB_HOST:-127.0.0.1}:5432/shop"
app_env=(
  DATABASE_URL="$database_url"
  REDIS_URL=redis://127.0.0.1:6379/0
  SQS_QUEUE_URL=https://sqs.eu-west-1.amazonaws.com/123456789012/orders
)
cd "$app"
if [ "$has_app" = 1 ]; then
as_user www-data env "${app_env[@]}" /usr/bin/gunicorn --workers 2 --bind 127.0.0.1:8000 \
  --chdir "$app" --daemon --pid /run/gunicorn/shop.pid --error-logfile "$S/log/gunicorn-shop.log" app:app
spawn_as www-data "$S/log/worker.log" "${app_env[@]}" "$PY" worker.py
fi

if [ "$STACK_PROFILE" = large ]; then
  as_user www-data env DATABASE_URL="$database_url" SESSION_REDIS_URL=redis://127.0.0.1:6380/0 \
    /usr/bin/gunicorn --workers 2 --bind 127.0.0.1:8001 --chdir "$app" --daemon \
    --pid /run/gunicorn/admin.pid --error-logfile "$S/log/gunicorn-admin.log" admin:app
  for queue in billing emails thumbnails; do
    spawn_as www-data "$S/log/consumer-$queue.log" REDIS_URL=redis://127.0.0.1:6379/1 "$PY" consumer.py "$queue"
  done
  spawn_as www-data "$S/log/reports.log" DATABASE_URL="$database_url" \
    RATELIMIT_REDIS_URL=redis://127.0.0.1:6381/0 "$PY" reports.py
  mkdir -p "$S/static"
  echo "static" >"$S/static/index.html"
  spawn_as www-data "$S/log/static.log" "$PY" -m http.server 9000 --bind 127.0.0.1 --directory "$S/static"
fi

cd /

# --- nginx: reverse proxy on the host address (light: static files; db: none) ---
if [ "$STACK_PROFILE" != db ]; then
ngx="$S/nginx"
mkdir -p "$ngx/tmp"
chown www-data "$ngx/tmp"
cat >"$ngx/nginx.conf" <<EOF
user www-data;
worker_processes 2;
pid /run/nginx.pid;
error_log $S/log/nginx-error.log;

events {
    worker_connections 128;
}

http {
    access_log $S/log/nginx-access.log;
    client_body_temp_path $ngx/tmp/body;
    proxy_temp_path $ngx/tmp/proxy;

    upstream shop {
        server 127.0.0.1:8000;
    }

    server {
        listen $STACK_HOST:80;
        server_name shop.test;
        location / {
EOF
if [ "$has_app" = 1 ]; then
  cat >>"$ngx/nginx.conf" <<EOF
            proxy_pass http://shop;
            proxy_set_header Host \$host;
EOF
else
  mkdir -p "$S/static" && echo static >"$S/static/index.html"
  echo "            root $S/static;" >>"$ngx/nginx.conf"
fi
cat >>"$ngx/nginx.conf" <<EOF
        }
    }
EOF
if [ "$STACK_PROFILE" = large ]; then
  cat >>"$ngx/nginx.conf" <<EOF

    server {
        listen $STACK_HOST:8080;
        server_name admin.shop.test;
        location /static/ {
            proxy_pass http://127.0.0.1:9000/;
        }
        location / {
            proxy_pass http://127.0.0.1:8001;
        }
    }
EOF
fi
echo "}" >>"$ngx/nginx.conf"
nginx -c "$ngx/nginx.conf" -e "$S/log/nginx-error.log"
fi

# --- ready when every app process holds its connections (what the tests look at) ---
want_pg=2 want_redis=3 want_port=80
if [ "$STACK_PROFILE" = large ]; then want_pg=5 want_redis=9; fi
if [ "$has_app" = 0 ]; then want_pg=0 want_redis=0; fi
if [ "$STACK_PROFILE" = db ]; then want_port=5432; fi
established() { ss -Htn state established "( dport = :$1 )" | wc -l; }
for _ in $(seq 1 200); do
  pg=$(established 5432)
  rd=$(( $(established 6379) + $(established 6380) + $(established 6381) ))
  if [ "$pg" -ge "$want_pg" ] && [ "$rd" -ge "$want_redis" ] \
     && ss -Htln "( sport = :22 )" | grep -q . && ss -Htln "( sport = :$want_port )" | grep -q .; then
    trap - ERR
    touch "$S/ready"
    # Stay as init: bash reaps adopted orphans on SIGCHLD; the fifo read never returns,
    # so no helper process shows in the host's process list.
    mkfifo "$S/init.fifo"
    exec 3<>"$S/init.fifo"
    while :; do read -r -u 3 _ || true; done
  fi
  sleep 0.05
done
fail "host-init: services not ready after 10 s (postgres connections: $pg/$want_pg, redis: $rd/$want_redis); see $S/log"
