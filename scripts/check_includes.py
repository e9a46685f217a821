#!/usr/bin/env python3
# Reads every project #include and fails (exit 1, one line per arrow) when an arrow runs back up:
# between the layers, core/'s folders, app/'s programs or the studio's floors (docs/ARCHITECTURE.md).
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)
# For each folder, its subfolders by floor, lowest first: a file may include files of its own
# subfolder and of lower floors; subfolders on one floor never include each other.
FLOORS = {
    (): [["core"], ["render"], ["app"]],
    ("core",): [["util"], ["dist"], ["field"], ["synth"], ["data"], ["model"], ["eval"], ["train"], ["export"]],
    ("app",): [["figures"], ["cli", "studio"]],
    ("app", "studio"): [["compute"], ["widgets"], ["panels", "scripting"], ["shell"]],
}


def floor_of(parent, name):
    for rank, floor in enumerate(FLOORS[parent]):
        if name in floor:
            return rank
    return None


def arrows():
    for layer in FLOORS[()]:
        for path in sorted((ROOT / layer[0]).rglob("*")):
            if path.suffix not in (".h", ".cpp"):
                continue
            source = path.relative_to(ROOT).parts
            for target in INCLUDE.findall(path.read_text(errors="replace")):
                target = pathlib.PurePosixPath(target).parts
                if floor_of((), target[0]) is not None:
                    yield source, target


def wrong_way(source, target):
    """Why the arrow source -> target runs back up, or None."""
    depth = 0
    while source[depth] == target[depth]:
        depth += 1
        if depth == len(source) - 1 or depth == len(target) - 1:
            return None  # a file of the same folder, or of a folder above its own
    parent = source[:depth]
    if parent not in FLOORS:
        return None
    high, low = floor_of(parent, source[depth]), floor_of(parent, target[depth])
    folder = "/".join(parent + ("",))
    if high is None or low is None:
        return f"{folder}{source[depth] if high is None else target[depth]} has no floor in scripts/check_includes.py"
    if low >= high:
        return f"{folder}{source[depth]} is not above {folder}{target[depth]}"
    return None


if __name__ == "__main__":
    problems = [f"{'/'.join(s)} -> {'/'.join(t)}: {why}" for s, t in arrows() if (why := wrong_way(s, t))]
    for line in problems:
        print(f"check_includes: {line}")
    print(f"check_includes: {len(problems)} arrows run back up" if problems else "check_includes: every arrow points down")
    sys.exit(1 if problems else 0)
