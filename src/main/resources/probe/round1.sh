# InfraDoc host probe, round 1. Read-only: it runs only commands that read, writes no file,
# and prints each section between markers (on stdout and stderr) with the section's exit code.
# $1 is a marker nonce chosen by InfraDoc for this run; nothing else is passed in.
LC_ALL=C
export LC_ALL
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH
M="@@infradoc-$1"
sec() {
  n=$1
  shift
  printf '%s begin %s\n' "$M" "$n"
  printf '%s begin %s\n' "$M" "$n" >&2
  "$@"
  rc=$?
  printf '\n%s end %s %s\n' "$M" "$n" "$rc"
  printf '\n%s end %s\n' "$M" "$n" >&2
}
has() { command -v "$1" >/dev/null 2>&1; }
missing() { echo "missing: $*" >&2; return 127; }

meta() {
  echo "shell_pid=$$"
  echo "parent_pid=$PPID"
  echo "uid=$(id -u)"
  echo "user=$(id -un)"
  echo "ssh_connection=$SSH_CONNECTION"
  echo "epoch=$(date +%s)"
}
hostinfo() {
  echo "hostname=$(cat /proc/sys/kernel/hostname 2>/dev/null || uname -n)"
  echo "kernel=$(uname -s -r -m)"
  echo "uptime=$(cut -d' ' -f1 /proc/uptime)"
  echo "cpus=$(grep -c '^processor' /proc/cpuinfo)"
  grep -m1 '^model name' /proc/cpuinfo | sed 's/^model name[[:space:]]*:[[:space:]]*/cpu_model=/'
  grep -E '^(MemTotal|MemAvailable|SwapTotal):' /proc/meminfo
}
osrelease() { cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release; }
addresses() {
  if has ip; then ip -o addr show; elif has ifconfig; then ifconfig -a; else missing ip ifconfig; fi
}
processes() {
  ps -eo pid=,ppid=,user:32=,etimes=,args= 2>/dev/null || ps -o pid,ppid,user,time,args
}
proclinks() { ls -l /proc/[0-9]*/cwd /proc/[0-9]*/exe; }
cgroups() { grep -H '' /proc/[0-9]*/cgroup; }
sockets() {
  if has ss; then ss -tuanp
  elif has netstat; then netstat -tuanp
  else echo "fallback=proc"; grep -H '' /proc/net/tcp /proc/net/tcp6 /proc/net/udp /proc/net/udp6; fi
}
packages() {
  if has dpkg-query; then dpkg-query -W -f='${Package}\t${Version}\t${db:Status-Abbrev}\n'
  elif has rpm; then rpm -qa --qf '%{NAME}\t%{VERSION}-%{RELEASE}\tii \n'
  elif has apk; then apk info -v
  else missing dpkg-query rpm apk; fi
}
systemd() {
  [ -d /run/systemd/system ] || { echo "systemd=absent"; return 0; }
  systemctl show --no-pager -p Id -p MainPID -p ActiveState -p SubState -p FragmentPath -p User -p Description '*.service'
}
unitfiles() {
  for f in /etc/systemd/system/*.service /etc/systemd/system/*/*.service; do
    [ -f "$f" ] && grep -Hn '' "$f"
  done
  return 0
}
webconfigs() {
  for d in /etc/nginx /etc/haproxy /etc/apache2/sites-enabled /etc/apache2/conf-enabled /etc/httpd/conf.d /etc/caddy /etc/traefik; do
    [ -e "$d" ] && grep -rHn '' "$d" --exclude='*.types' --exclude='*.dpkg-*' --exclude='*~'
  done
  return 0
}
sshdconfig() { [ -f /etc/ssh/sshd_config ] && grep -Hn '' /etc/ssh/sshd_config; return 0; }
cron() {
  for f in /etc/crontab /etc/cron.d/* /var/spool/cron/crontabs/* /var/spool/cron/*; do
    [ -f "$f" ] && grep -Hn '' "$f"
  done
  [ -d /var/spool/cron/crontabs ] && [ ! -r /var/spool/cron/crontabs ] && echo "unreadable: /var/spool/cron/crontabs" >&2
  return 0
}
docker() {
  [ -S /var/run/docker.sock ] || { echo "docker=absent"; return 0; }
  command docker ps --no-trunc --format '{{.ID}}\t{{.Image}}\t{{.Names}}\t{{.Ports}}\t{{.Status}}'
}
cloud() {
  v=$(cat /sys/class/dmi/id/sys_vendor /sys/class/dmi/id/bios_vendor /sys/class/dmi/id/product_name 2>/dev/null | tr '\n' ' ')
  echo "dmi=$v"
  case "$v" in
    *Amazon*|*EC2*)
      has curl || return 0
      t=$(curl -s -m 1 -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 60' http://169.254.169.254/latest/api/token)
      for k in instance-id instance-type placement/availability-zone placement/region local-ipv4 public-ipv4 public-hostname; do
        printf 'aws.%s=%s\n' "$k" "$(curl -s -m 1 -H "X-aws-ec2-metadata-token: $t" "http://169.254.169.254/latest/meta-data/$k")"
      done ;;
    *Google*)
      has curl || return 0
      for k in id machine-type zone name; do
        printf 'gcp.%s=%s\n' "$k" "$(curl -s -m 1 -H 'Metadata-Flavor: Google' "http://169.254.169.254/computeMetadata/v1/instance/$k")"
      done ;;
  esac
  return 0
}

sec meta meta
sec host hostinfo
sec os osrelease
sec addresses addresses
sec processes processes
sec proclinks proclinks
sec cgroups cgroups
sec sockets sockets
sec packages packages
sec systemd systemd
sec unitfiles unitfiles
sec webconfigs webconfigs
sec sshd sshdconfig
sec cron cron
sec docker docker
sec cloud cloud
