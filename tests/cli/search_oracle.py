#!/usr/bin/env python3
"""search_oracle.py: what --search should find, found independently.

Usage: search_oracle.py [--fold] [-i] PATTERN SHOW-DIR

SHOW-DIR holds one file per document, DOCID.txt, the output of
`werkbezoek --show=DOCID --width=0`.  Prints docid:line:column for every
non-empty match of PATTERN in each line, with Python's re (Unicode), smart
case unless -i; with --fold, text and pattern are folded first (the rule
below) and a hit's column is that of the character its first folded
character came from.  Documents in the order of the file SHOW-DIR/order.

The fold, restated from docs/search.md rather than taken from the
program: in the Latin, Greek and Cyrillic blocks, canonical decomposition
(NFD) without combining marks (Mn); then letters that do not decompose
lose their stroke, bar or hook (by their Unicode name), and the special
letters below become their base letters.  Case is left to re.
"""
import os
import re
import sys
import unicodedata


RANGES = [(0x00C0, 0x024F), (0x0300, 0x036F), (0x0370, 0x03FF),
          (0x0400, 0x04FF), (0x1E00, 0x1EFF), (0x1F00, 0x1FFF)]
SPECIAL = {'Æ': 'AE', 'æ': 'ae', 'Œ': 'OE', 'œ': 'oe', 'ß': 'ss', 'ẞ': 'SS',
           'Ø': 'O', 'ø': 'o', 'Ł': 'L', 'ł': 'l', 'Đ': 'D', 'đ': 'd',
           'ı': 'i', 'Ð': 'D', 'ð': 'd', 'Þ': 'TH', 'þ': 'th', 'Ħ': 'H',
           'ħ': 'h', 'Ŧ': 'T', 'ŧ': 't', 'Ŋ': 'N', 'ŋ': 'n', 'ſ': 's'}
WITH = re.compile(r'LATIN (CAPITAL|SMALL) LETTER ([A-Z]) WITH ((?!.*LETTER).*)')


def fold_char(ch):
    if not any(a <= ord(ch) <= b for a, b in RANGES):
        return ch
    out = []
    for c in unicodedata.normalize('NFD', ch):
        if unicodedata.category(c) == 'Mn':
            continue
        m = WITH.fullmatch(unicodedata.name(c, ''))
        if c in SPECIAL:
            c = SPECIAL[c]
        elif m:
            c = m.group(2) if m.group(1) == 'CAPITAL' else m.group(2).lower()
        out.append(c)
    return ''.join(out)


def fold(s):
    """The folded text and, for each of its characters, the index of the
    character of s it came from."""
    out, origin = [], []
    for i, ch in enumerate(s):
        f = fold_char(ch)
        out.append(f)
        origin.extend([i] * len(f))
    return ''.join(out), origin


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
        pattern = fold(pattern)[0]
    rx = re.compile(pattern, re.IGNORECASE if caseless else 0)
    with open(os.path.join(show, 'order'), encoding='utf-8') as f:
        order = f.read().split()
    for doc in order:
        with open(os.path.join(show, doc + '.txt'), encoding='utf-8') as f:
            lines = f.read().split('\n')
        for n, line in enumerate(lines, 1):
            text, origin = fold(line) if folding else (line, range(len(line)))
            for m in rx.finditer(text):
                if m.end() > m.start():
                    print('%s:%d:%d' % (doc, n, origin[m.start()] + 1))


if __name__ == '__main__':
    main()
