#!/usr/bin/env python3
"""sort_oracle.py: what --search --sort=ORDER and --count should print,
worked out from the default --search output alone.

Usage: sort_oracle.py PATTERN ORDER|count < HITS

HITS is `werkbezoek --search=PATTERN` (docid:line:column:text, corpus
order, text the match with up to CONTEXT characters of its line either
side, a "…" where the line goes on).  Each hit's match is found again with
Python's re at its column (smart case, as the program).  The rules,
restated from docs/query.md ("Sorting the hits"):

- a word is a run of letters, digits and marks: ASCII letters and
  digits, and code points from U+00C0 on except × ÷, general punctuation
  (U+2000-U+206F), CJK punctuation (U+3000-U+303F) and the invisible
  characters no terminal is sent;
- words compare folded (the fold of docs/search.md, then lower case), as
  UTF-8 bytes;
- leftN / rightN: the Nth word before / after the match (a missing one
  first), then the words on that side nearest first (up to 8), then the
  folded match; match: the folded match; ties keep corpus order;
- count: each matched form (exact) once with its count, the most
  frequent first, ties by the folded form, then the form.
"""
import os
import re
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from search_oracle import fold  # noqa: E402  (the fold, restated)

KEY_WORDS = 8
CONTEXT = 100  # --context's default
ELLIPSIS = '\u2026'


def unsafe(cp):
    # C0, C1, bidi controls and Unicode's Default_Ignorable_Code_Point
    return (cp < 0x20 or 0x7F <= cp < 0xA0 or cp in (0xAD, 0x34F, 0x61C)
            or 0x115F <= cp <= 0x1160 or 0x17B4 <= cp <= 0x17B5
            or 0x180B <= cp <= 0x180F
            or 0x200B <= cp <= 0x200F or 0x2028 <= cp <= 0x202E
            or 0x2060 <= cp <= 0x206F or cp in (0x3164, 0xFEFF, 0xFFA0)
            or 0xFE00 <= cp <= 0xFE0F or 0xFFF0 <= cp <= 0xFFFB
            or 0x1BCA0 <= cp <= 0x1BCA3 or 0x1D173 <= cp <= 0x1D17A
            or 0xE0000 <= cp <= 0xE0FFF)


def is_word(ch):
    cp = ord(ch)
    if cp < 0x80:
        return ch.isascii() and ch.isalnum()
    if cp < 0xC0 or cp in (0xD7, 0xF7):
        return False
    if 0x2000 <= cp <= 0x206F or 0x3000 <= cp <= 0x303F:
        return False
    return not unsafe(cp)


def sort_form(s):
    return fold(s)[0].lower().encode('utf-8')


def words(text, leftwards):
    """The sort forms of the words of text, nearest the match first: from
    the end of text leftwards, or from its start."""
    runs, cur = [], ''
    for ch in text:
        if is_word(ch):
            cur += ch
        elif cur:
            runs.append(cur)
            cur = ''
    if cur:
        runs.append(cur)
    if leftwards:
        runs.reverse()
    return [sort_form(w) + b'\1' for w in runs[:KEY_WORDS]]


def main():
    pattern, order = sys.argv[1], sys.argv[2]
    caseless = not any(c.isupper() for c in re.sub(r'\\.', '', pattern))
    rx = re.compile(pattern, re.IGNORECASE if caseless else 0)
    hits = []
    for line in sys.stdin.read().splitlines():
        doc, lno, col, text = line.split(':', 3)
        start = min(int(col) - 1, CONTEXT)
        if int(col) - 1 > CONTEXT:
            if not text.startswith(ELLIPSIS):
                sys.exit('no ellipsis at %s:%s:%s' % (doc, lno, col))
            start += 1
        m = rx.match(text, start)
        if not m:
            sys.exit('no match again at %s:%s:%s' % (doc, lno, col))
        left, right = text[:start], text[m.end():]
        hits.append((line, left.lstrip(ELLIPSIS), m.group(0),
                     right.rstrip(ELLIPSIS)))
    if order == 'count':
        counts = {}
        for h in hits:
            counts[h[2]] = counts.get(h[2], 0) + 1
        for form in sorted(counts, key=lambda f: (-counts[f], sort_form(f),
                                                   f.encode('utf-8'))):
            print('%d\t%s' % (counts[form], form))
        return

    def key(h):
        _, left, match, right = h
        mkey = sort_form(match)
        if order == 'match':
            return (b'', b'', mkey)
        side = order.rstrip('123')
        n = int(order[len(side):])
        ws = words(left, True) if side == 'left' else words(right, False)
        prim = ws[n - 1] if len(ws) >= n else b''
        return (prim, b''.join(ws), mkey)

    for h in (hits if order == 'doc' else sorted(hits, key=key)):
        print(h[0])


if __name__ == '__main__':
    main()
