#!/usr/bin/env python3
"""Peer for the claim pipeline, written the way a Python user would with difflib:
split both articles into sentences, score every sentence pair with
SequenceMatcher on lower-cased words, pair them greedily one to one above a
threshold, and word-diff each pair. Prints the pipeline's time (best of N runs,
interpreter start-up and file reading excluded) and the number of pairs.

usage: claims_difflib.py LEFT.txt RIGHT.txt [runs]
"""
import difflib
import re
import sys
import time

SENTENCE_END = re.compile(r'(?:(?<=[.!?])|(?<=[.!?]["\u201d]))\s+(?=["\u201c]?[A-Z])')
WORD = re.compile(r"\w+(?:[-'\u2019.,]\w+)*")
THRESHOLD = 0.46


def sentences(text):
    return [s for p in text.split("\n\n") for s in SENTENCE_END.split(p.strip()) if s]


def pipeline(left, right):
    ls, rs = sentences(left), sentences(right)
    lw = [WORD.findall(s.lower()) for s in ls]
    rw = [WORD.findall(s.lower()) for s in rs]
    candidates = []
    for i, a in enumerate(lw):
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(a)
        for j, b in enumerate(rw):
            matcher.set_seq1(b)
            if matcher.real_quick_ratio() < THRESHOLD or matcher.quick_ratio() < THRESHOLD:
                continue
            score = matcher.ratio()
            if score >= THRESHOLD:
                candidates.append((-score, i + j, i, j))
    candidates.sort()
    used_l, used_r, pairs = set(), set(), []
    for _, _, i, j in candidates:
        if i not in used_l and j not in used_r:
            used_l.add(i)
            used_r.add(j)
            ops = difflib.SequenceMatcher(None, lw[i], rw[j], autojunk=False).get_opcodes()
            pairs.append((i, j, ops))
    return pairs


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    left = open(sys.argv[1], encoding="utf-8").read()
    right = open(sys.argv[2], encoding="utf-8").read()
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    best, pairs = float("inf"), []
    for _ in range(runs):
        started = time.perf_counter()
        pairs = pipeline(left, right)
        best = min(best, time.perf_counter() - started)
    print(f"{len(pairs)} pairs, best of {runs}: {best * 1000:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
