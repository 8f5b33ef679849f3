#!/usr/bin/env python3
"""search_oracle.py: what --search should find, found independently.

Usage: search_oracle.py [--fold] [-i] PATTERN SHOW-DIR

SHOW-DIR holds one file per document, DOCID.txt, the output of
`werkbezoek --show=DOCID --width=0`.  Prints docid:line:column for every
non-empty match of PATTERN in each line, with Python's re (Unicode), smart
case unless -i; with --fold, accents are stripped from text and pattern
first (each character maps to one, so columns do not move).  Documents in
the order of the file SHOW-DIR/order.
"""
import os
import re
import sys
import unicodedata


def fold(s):
    out = []
    for ch in s:
        base = unicodedata.normalize('NFD', ch)
        kept = ''.join(c for c in base if not unicodedata.combining(c))
        out.append(kept[:1] if len(kept) >= 1 else ch)
    return ''.join(out)


def main():
    args = sys.argv[1:]
    folding = caseless = False
    while args and args[0].startswith('-') and len(args) > 2:
        if args[0] == '--fold':
            folding = True
        elif args[0] == '-i':
            caseless = True
        args = args[1:]
    pattern, show = args
    # smart case: caseless unless there is an upper-case letter
    if not caseless:
        caseless = not any(c.isupper() for c in re.sub(r'\\.', '', pattern))
    if folding:
        pattern = fold(pattern)
    rx = re.compile(pattern, re.IGNORECASE if caseless else 0)
    with open(os.path.join(show, 'order'), encoding='utf-8') as f:
        order = f.read().split()
    for doc in order:
        with open(os.path.join(show, doc + '.txt'), encoding='utf-8') as f:
            lines = f.read().split('\n')
        for n, line in enumerate(lines, 1):
            text = fold(line) if folding else line
            for m in rx.finditer(text):
                if m.end() > m.start():
                    print('%s:%d:%d' % (doc, n, m.start() + 1))


if __name__ == '__main__':
    main()
