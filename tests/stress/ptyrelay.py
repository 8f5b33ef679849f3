#!/usr/bin/env python3
"""ptyrelay.py: run a program on a pty of its own and relay it to this
terminal, its output throttled: a slow link (tests/stress/faults.sh).

    ptyrelay.py --rate BYTES_PER_SECOND --pidfile FILE -- COMMAND [ARG...]

This terminal is put in raw mode (restored at the end), so every key goes
through as it is; its size is copied to the inner pty, now and on SIGWINCH.
Keys go to the program at once; the program's output comes back at most
RATE bytes a second, in small pieces, so a program that writes more than
that fills the pty and blocks in write(), as over a slow SSH link.  The
program's pid is written to FILE.  When the program has ended, what it
wrote is still delivered at the same rate, and the relay exits with the
program's status (128+N for a signal N).
"""
import argparse
import errno
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
import tty


def copy_size(src, dst):
    try:
        size = fcntl.ioctl(src, termios.TIOCGWINSZ, b"\0" * 8)
        fcntl.ioctl(dst, termios.TIOCSWINSZ, size)
    except OSError:
        pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rate", type=int, default=2000)
    ap.add_argument("--pidfile")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.command[1:] if a.command and a.command[0] == "--" else a.command

    pid, master = pty.fork()
    if pid == 0:
        os.execvp(cmd[0], cmd)
    if a.pidfile:
        with open(a.pidfile + ".tmp", "w") as f:
            f.write("%d\n" % pid)
        os.rename(a.pidfile + ".tmp", a.pidfile)

    outer = sys.stdin.fileno()
    saved = termios.tcgetattr(outer)
    tty.setraw(outer)
    copy_size(outer, master)

    def on_winch(sig, frame):
        copy_size(outer, master)
        try:
            os.kill(pid, signal.SIGWINCH)
        except OSError:
            pass

    signal.signal(signal.SIGWINCH, on_winch)

    chunk = max(1, a.rate // 20)      # 20 pieces a second
    status = None
    backlog = b""
    sent = 0
    start = time.monotonic()
    master_open = True
    try:
        while True:
            if status is None:
                r, st = os.waitpid(pid, os.WNOHANG)
                if r == pid:
                    status = st
            # what the rate allows now
            allowed = int((time.monotonic() - start) * a.rate) - sent
            want = [outer]
            if master_open and len(backlog) < chunk and allowed > 0:
                want.append(master)
            timeout = 0.05
            try:
                ready, _, _ = select.select(want, [], [], timeout)
            except InterruptedError:
                continue
            if outer in ready:
                try:
                    data = os.read(outer, 4096)
                except OSError:
                    data = b""
                if data and master_open:
                    try:
                        os.write(master, data)
                    except OSError:
                        pass
            if master in ready:
                try:
                    data = os.read(master, chunk - len(backlog))
                except OSError as e:
                    if e.errno != errno.EIO:
                        raise
                    data = b""
                if data:
                    backlog += data
                else:
                    master_open = False
            if backlog and allowed > 0:
                n = min(len(backlog), allowed)
                os.write(sys.stdout.fileno(), backlog[:n])
                backlog = backlog[n:]
                sent += n
            if status is not None and not master_open and not backlog:
                break
            if status is not None and master_open and not backlog:
                # the program is gone: drain what it left, then stop
                r, _, _ = select.select([master], [], [], 0)
                if not r:
                    break
    finally:
        termios.tcsetattr(outer, termios.TCSAFLUSH, saved)
    if status is None:
        _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


if __name__ == "__main__":
    sys.exit(main())
