#!/usr/bin/env python3
"""bench-typing.py: keystroke to screen while a search is typed.

    bench-typing.py [--word WORD] [--runs N] [CORPUS]

Starts werkbezoek ($WERKBEZOEK, default tui/werkbezoek) on CORPUS (default
/tmp/werkbezoek-synth100) in a pseudo-terminal of 80x24, opens the search
prompt and types WORD (default gemeente) one key at a time, in two ways:

- paced: each key once the screen of the last one is complete.  For each
  key, the time to the first byte of the screen update ("first") and to
  its last byte ("complete"): the end of the output before it has been
  quiet for QUIET seconds (the search goes on in slices after a key and
  draws its counts as they grow; when it is done, nothing more is sent).
- fast: the keys 40 ms apart, a typist's pace, each arriving while the
  search of the one before runs; the time from the last key to the
  complete screen, and the longest any key waited: the time from a key
  to the first output after it that moves the cursor to where the prompt
  puts it after that key (the echo of the key, as curses draws it).

The complete screen of the last key is compared with the bare PCRE2-JIT
loop for the whole word (bench_search --bare, the fastest of seven
rounds; $BENCH_SEARCH, default tests/bench/bench_search): the target is at
most 2 times, and no key waiting more than 100 ms.  Medians over --runs
runs (default 5), with the load average, since the machine may be shared.
Exit status 1 when a target is missed.  Python's standard library only.
"""
import os
import pty
import re
import select
import statistics
import subprocess
import sys
import time
import fcntl
import struct
import termios

QUIET = 0.30          # seconds of silence that end a screen update
LOAD_QUIET = 1.0      # ... and the first screen, after loading
FAST_GAP = 0.040      # seconds between keys typed fast
COLS, ROWS = 80, 24


def start(prog, corpus, home):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="",
                   TZ="UTC", HOME=home, XDG_CONFIG_HOME=home, XDG_STATE_HOME=home)
        os.execve(prog, [prog, "--no-session", corpus], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    return pid, fd


def read_until_quiet(fd, quiet, limit=120.0, expect=None):
    """Reads until quiet seconds pass without output (after expect, bytes,
    has come when it is given).  Returns (first, last, data): the times of
    the first and last byte, and the bytes."""
    first = last = None
    data = b""
    end = time.monotonic() + limit
    while True:
        now = time.monotonic()
        wait = quiet if last is None else last + quiet - now
        if first is None:
            wait = max(wait, 0.0) if data else min(end - now, 30.0)
        waiting = expect is not None and expect not in data
        if waiting:
            wait = min(end - now, 1.0)
        if (wait <= 0 and not waiting) or now > end:
            break
        r, _, _ = select.select([fd], [], [], max(wait, 0.0))
        if not r:
            if data and not waiting:
                break
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        t = time.monotonic()
        if not chunk:
            break
        if first is None:
            first = t
        last = t
        data += chunk
    return first, last, data


def paced(fd, word):
    rows = []
    for i, ch in enumerate(word):
        t0 = time.monotonic()
        os.write(fd, ch.encode())
        first, last, _ = read_until_quiet(fd, QUIET)
        rows.append((word[:i + 1], (first or t0) - t0, (last or t0) - t0))
    return rows


def fast(fd, word):
    """Types word FAST_GAP apart; returns (longest wait of a key, time from
    the last key to the complete screen)."""
    sent = []
    data = b""
    stamps = []       # (time, len(data) after the chunk)
    t_next = time.monotonic()
    i = 0
    last = None
    while True:
        now = time.monotonic()
        if i < len(word) and now >= t_next:
            os.write(fd, word[i].encode())
            sent.append(now)
            i += 1
            t_next = now + FAST_GAP
        if i < len(word):
            timeout = max(t_next - now, 0)
        else:
            timeout = QUIET if last is None else last + QUIET - now
            if timeout <= 0:
                break
        r, _, _ = select.select([fd], [], [], timeout)
        if r:
            chunk = os.read(fd, 65536)
            t = time.monotonic()
            data += chunk
            stamps.append((t, len(data)))
            last = t
    waits = []
    for k, ts in enumerate(sent):
        # A screen update ends with the cursor where the prompt has it:
        # after key k, "/" and k+1 characters, so column k+3.  curses gets
        # there by an explicit move (CUP or CHA), by writing the prompt
        # again from a carriage return, or, when the key's echo is all it
        # draws, by writing the character.  The first output after
        # the key that ends so is the key's echo.
        end = re.compile(rb"(\x1b\[%d;%dH|\x1b\[%dG)$" % (ROWS, k + 3, k + 3))
        done = None
        for t, hi in stamps:
            if t < ts:
                continue
            tail = data[max(0, hi - 16 - k):hi]
            if (end.search(tail) or tail.endswith(b"\r/" + word[:k + 1].encode())
                    or data[hi - 1:hi] == word[k].encode()):
                done = t
                break
        waits.append((done - ts) if done else float("inf"))
    complete = (last - sent[-1]) if last else float("inf")
    return max(waits), complete


def bare_seconds(bench, word, corpus):
    out = subprocess.run([bench, "--bare", word, corpus], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[1]), int(out[2])


def quit_program(pid, fd):
    os.write(fd, b"\x1b")
    time.sleep(0.05)
    os.write(fd, b"q")
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    os.close(fd)


def main():
    args = sys.argv[1:]
    word, runs = "gemeente", 5
    while args and args[0].startswith("--"):
        if args[0] == "--word":
            word = args[1]
            args = args[2:]
        elif args[0] == "--runs":
            runs = int(args[1])
            args = args[2:]
        else:
            sys.exit("usage: bench-typing.py [--word WORD] [--runs N] [CORPUS]")
    corpus = args[0] if args else "/tmp/werkbezoek-synth100"
    prog = os.environ.get("WERKBEZOEK", "tui/werkbezoek")
    bench = os.environ.get("BENCH_SEARCH", "tests/bench/bench_search")
    home = "/tmp/bench-typing.%d" % os.getpid()
    os.makedirs(home, exist_ok=True)

    bare, nbare = bare_seconds(bench, word, corpus)
    per_key = {}
    fast_wait, fast_complete = [], []
    for _ in range(runs):
        pid, fd = start(prog, corpus, home)
        read_until_quiet(fd, LOAD_QUIET, limit=300.0, expect=b"Documents (")
        os.write(fd, b"/")
        read_until_quiet(fd, QUIET)
        for prefix, first, complete in paced(fd, word):
            per_key.setdefault(prefix, ([], []))
            per_key[prefix][0].append(first)
            per_key[prefix][1].append(complete)
        # Esc leaves the prompt; then the word again, fast
        os.write(fd, b"\x1b")
        read_until_quiet(fd, QUIET)
        os.write(fd, b"/")
        read_until_quiet(fd, QUIET)
        w, c = fast(fd, word)
        fast_wait.append(w)
        fast_complete.append(c)
        quit_program(pid, fd)
    subprocess.run(["rm", "-rf", home], check=False)

    load = os.getloadavg()
    print("typing /%s into werkbezoek on %s, 80x24, %d runs (medians; ms)" % (word, corpus, runs))
    print("load average %.2f %.2f %.2f on %d CPUs" % (load + (os.cpu_count(),)))
    print("%-12s %8s %9s %9s" % ("pattern", "first", "complete", "worst"))
    worst_first = 0.0
    for prefix, (firsts, completes) in per_key.items():
        worst_first = max(worst_first, max(firsts))
        print("%-12s %8.1f %9.1f %9.1f" % ("/" + prefix, 1000 * statistics.median(firsts),
                                          1000 * statistics.median(completes),
                                          1000 * max(completes)))
    last = 1000 * statistics.median(per_key[word][1])
    print("bare PCRE2-JIT loop for %s: %.1f ms (%d matches)" % (word, 1000 * bare, nbare))
    ratio = last / (1000 * bare)
    print("last key to complete screen: %.1f ms, %.2f times the bare loop (target: 2)"
          % (last, ratio))
    print("typed %d ms apart: the longest a key waited %.1f ms (target: 100), "
          "last key to complete screen %.1f ms"
          % (1000 * FAST_GAP, 1000 * statistics.median(fast_wait),
             1000 * statistics.median(fast_complete)))
    print("paced: the longest a key waited for its first output %.1f ms" % (1000 * worst_first))
    fail = ratio > 2.0 or statistics.median(fast_wait) > 0.100 or worst_first > 0.100
    return 1 if fail else 0


if __name__ == "__main__":
    sys.exit(main())
