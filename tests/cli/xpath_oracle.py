#!/usr/bin/env python3
"""An independent oracle for --xpath and --source (tests/cli/xpath.sh).

Usage: xpath_oracle.py mentions REF FILE...
  every TEI element with @ref="#REF" as FILE:LINE:NAME, LINE the line of its
  start tag as expat reports it (the XPath //tei:*[@ref='#REF']).
Usage: xpath_oracle.py starts FILE
  the line of every element's start tag in FILE, one a line, with its name
  (what the numbered lines of --source must agree with).
"""
import sys
import xml.parsers.expat

TEI = "http://www.tei-c.org/ns/1.0"


def walk(path, on_start):
    p = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    p.StartElementHandler = lambda name, attrs: on_start(p.CurrentLineNumber, name, attrs)
    with open(path, "rb") as f:
        p.ParseFile(f)


def mentions(ref, files):
    for path in files:
        def start(line, name, attrs, path=path):
            ns, _, local = name.rpartition(" ")
            if ns == TEI and attrs.get("ref") == "#" + ref:
                print("%s:%d:%s" % (path, line, local))
        walk(path, start)


def starts(path):
    walk(path, lambda line, name, attrs: print("%d %s" % (line, name.rpartition(" ")[2])))


if __name__ == "__main__":
    if sys.argv[1] == "mentions":
        mentions(sys.argv[2], sys.argv[3:])
    else:
        starts(sys.argv[2])
