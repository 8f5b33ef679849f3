#!/usr/bin/env python3
"""collocates_oracle.py: what --search=PATTERN --collocates should print,
worked out from --show --width=0 and the default --search output alone.

Usage: collocates_oracle.py PATTERN SHOW-DIR < HITS

SHOW-DIR holds DOCID.txt, `werkbezoek --show=DOCID --width=0`, for every
document; HITS is `werkbezoek --search=PATTERN` (docid:line:column:text),
each match found again with Python's re at its column (smart case).  The
rules, restated from docs/query.md ("Collocates"):

- a word is a run of letters, digits and marks (as sort_oracle.py), and
  counts folded: the fold of docs/search.md, then lower case;
- the window of a hit: the 5 words before it and the 5 after it on its
  line; a word overlapping the hit is in neither; a word in several
  windows counts once;
- for a word with a in the windows (W words), f in the corpus (N words):
  G2 = 2 sum O ln(O/E) over the table a, W-a / f-a, N-W-(f-a), E the
  product of the margins over N, 0 ln 0 = 0;
- a collocate has a >= 2 and a > W f / N; they come by G2 (highest
  first), then a (highest first), then the word as UTF-8 bytes;
- printed as G2 (3 decimals) TAB a TAB f TAB word.
"""
import math
import os
import re
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from search_oracle import fold  # noqa: E402
from sort_oracle import is_word  # noqa: E402

SPAN = 5


def tokens(text):
    """(start, end, folded word) of each word of text, in characters."""
    out = []
    i, n = 0, len(text)
    while i < n:
        if is_word(text[i]):
            j = i
            while j < n and is_word(text[j]):
                j += 1
            out.append((i, j, fold(text[i:j])[0].lower()))
            i = j
        else:
            i += 1
    return out


def g2(a, w, f, n):
    cells = [(a, w * f / n), (w - a, w * (n - f) / n),
             (f - a, (n - w) * f / n), (n - w - (f - a), (n - w) * (n - f) / n)]
    return 2 * sum(o * math.log(o / e) for o, e in cells if o > 0)


def main():
    pattern, show = sys.argv[1], sys.argv[2]
    caseless = not any(c.isupper() for c in re.sub(r'\\.', '', pattern))
    rx = re.compile(pattern, re.IGNORECASE if caseless else 0)
    lines, texts, total, n = {}, {}, {}, 0
    with open(os.path.join(show, 'order'), encoding='utf-8') as f:
        order = f.read().split()
    for doc in order:
        with open(os.path.join(show, doc + '.txt'), encoding='utf-8') as f:
            for i, text in enumerate(f.read().split('\n')[:-1]):
                toks = tokens(text)
                lines[(doc, i + 1)] = toks
                texts[(doc, i + 1)] = text
                for t in toks:
                    total[t[2]] = total.get(t[2], 0) + 1
                n += len(toks)
    marked = {}
    for line in sys.stdin.read().splitlines():
        # only the place is taken from --search: the line itself comes
        # from --show (--search prints a bounded part of it)
        doc, lno, col, _ = line.split(':', 3)
        text = texts[(doc, int(lno))]
        start = int(col) - 1
        m = rx.match(text, start)
        if not m:
            sys.exit('no match again at %s:%s:%s' % (doc, lno, col))
        toks = lines[(doc, int(lno))]
        before = [k for k, t in enumerate(toks) if t[1] <= start]
        after = [k for k, t in enumerate(toks) if t[0] >= m.end()]
        for k in before[-SPAN:] + after[:SPAN]:
            marked[(doc, int(lno), k)] = toks[k][2]
    near = {}
    for word in marked.values():
        near[word] = near.get(word, 0) + 1
    w = len(marked)
    rows = [(g2(a, w, total[word], n), a, total[word], word)
            for word, a in near.items() if a >= 2 and a * n > w * total[word]]
    rows.sort(key=lambda r: (-r[0], -r[1], r[3].encode('utf-8')))
    for r in rows:
        print('%.3f\t%d\t%d\t%s' % r)


if __name__ == '__main__':
    main()
