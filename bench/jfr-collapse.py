#!/usr/bin/env python3
"""Folds the CPU samples of a JFR recording into collapsed stacks (one line per distinct stack,
"root;...;leaf count"), the input of a flame graph. Reads `jfr print --json` from stdin.
Usage: jfr print --json --events jdk.ExecutionSample --stack-depth 256 rec.jfr | bench/jfr-collapse.py > rec.folded"""
import collections
import json
import sys

counts = collections.Counter()
for event in json.load(sys.stdin)["recording"]["events"]:
    frames = event["values"]["stackTrace"]["frames"]
    names = []
    for frame in reversed(frames):
        method = frame["method"]
        names.append(method["type"]["name"].rsplit(".", 1)[-1] + "." + method["name"])
    counts[";".join(names)] += 1
for stack, count in counts.most_common():
    print(stack, count)
