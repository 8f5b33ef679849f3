#!/usr/bin/env python3
"""path_check.py: checks --path output against the program's plain text.

Usage: path_check.py A B PATH-JSON DIR

PATH-JSON is `--path=A,B --format=json`; DIR holds --show --width=0 of
every document (ID.txt) and the --entity page of every entity on the
chains (entity-ID.txt).  Every chain must run from A to B, each step
from where the last ended, with no entity twice; a relation step must
be on the page of one of its two entities under Relations, naming the
other; a paragraph step's line must be a context line of both entities'
mentions; chains come cheapest first (a relation 1, a paragraph 3).
Prints one line per problem; nothing when all is well."""
import json
import os
import sys

a, b, src, d = sys.argv[1:5]
steps = [json.loads(line) for line in open(src, encoding='utf-8')]


def page(eid):
    with open(os.path.join(d, 'entity-%s.txt' % eid), encoding='utf-8') as f:
        return f.read().split('\n')


def show(doc):
    with open(os.path.join(d, doc + '.txt'), encoding='utf-8') as f:
        return f.read().split('\n')


def relation_listed(x, y_name):
    p = page(x)
    if 'Relations' not in p:
        return False
    for row in p[p.index('Relations') + 1:]:
        if ': ' not in row:
            break
        if y_name in row.split(': ', 1)[1]:
            return True
    return False


def mentions_line(eid, text):
    p = page(eid)
    start = next(i for i, r in enumerate(p) if r.startswith('Mentions ('))
    return any(r.strip('…') and r.strip('…') in text for r in p[start + 1:])


chains = {}
for s in steps:
    chains.setdefault(s['path'], []).append(s)
costs = []
for n, chain in sorted(chains.items()):
    at, seen, cost = a, {a}, 0
    for s in sorted(chain, key=lambda s: s['step']):
        if s['from'] != at:
            print('chain %d step %d starts at %s, not %s' % (n, s['step'], s['from'], at))
        if s['to'] in seen:
            print('chain %d visits %s twice' % (n, s['to']))
        seen.add(s['to'])
        at = s['to']
        if s['link'] in ('relation', 'relation-of'):
            cost += 1
            if not (relation_listed(s['from'], s['to_name']) or
                    relation_listed(s['to'], s['from_name'])):
                print('chain %d step %d: no relation of %s and %s' % (n, s['step'], s['from'], s['to']))
        else:
            cost += 3
            text = show(s['doc'])[s['line'] - 1]
            if not (mentions_line(s['from'], text) and mentions_line(s['to'], text)):
                print('chain %d step %d: %s:%d does not mention both' % (n, s['step'], s['doc'], s['line']))
    if at != b:
        print('chain %d ends at %s, not %s' % (n, at, b))
    costs.append(cost)
if costs != sorted(costs):
    print('chains not cheapest first: %s' % costs)
if not chains:
    print('no chain')
