"""Starts the fixture of a hostile test host (run by host-init.sh as the host's root).

$S/hostile/hostname    the host's name (any bytes the kernel takes)
$S/hostile/procs/NAME/ one process each: argv (NUL-separated, exactly as given to execve), env
                       (NUL-separated NAME=VALUE), cwd (relative to $S/hostile), user, exe (the
                       program to run; default /usr/bin/tail, which -F -- FILES... keeps alive)
In argv and env, the bytes @S@ stand for the stack dir. Nothing here is ever run through a shell.
"""
import os
import pwd
import socket
import sys

S = sys.argv[1].encode()
FX = os.path.join(S, b"hostile")


def read(d, name, default=b""):
    path = os.path.join(d, name)
    if not os.path.exists(path):
        return default
    with open(path, "rb") as f:
        return f.read().replace(b"@S@", S)


def fields(data):
    return [x for x in data.split(b"\0") if x != b""] if data else []


hostname = read(FX, b"hostname").strip()
if hostname:
    socket.sethostname(hostname)

procs = os.path.join(FX, b"procs")
for name in sorted(os.listdir(procs)) if os.path.isdir(procs) else []:
    d = os.path.join(procs, name)
    argv = fields(read(d, b"argv"))
    env = dict(e.split(b"=", 1) for e in fields(read(d, b"env")))
    cwd = os.path.join(FX, read(d, b"cwd", b".").strip(b"\n"))
    user = read(d, b"user", b"www-data").decode().strip()
    exe = read(d, b"exe", b"/usr/bin/tail").strip()
    pid = os.fork()
    if pid == 0:
        try:
            os.setsid()
            hold = os.open(os.path.join(S, b"hold.fifo"), os.O_RDWR)
            null = os.open(b"/dev/null", os.O_RDWR)
            os.dup2(hold, 0)
            os.dup2(null, 1)
            os.dup2(null, 2)
            pw = pwd.getpwnam(user)
            os.chdir(cwd)
            os.initgroups(user, pw.pw_gid)
            os.setgid(pw.pw_gid)
            os.setuid(pw.pw_uid)
            os.execve(exe, argv, env)
        finally:
            os._exit(127)
    print("started", pid, name.decode(errors="replace"))
