#!/usr/bin/env python3
"""Checks that every C++ source of lrsched starts with its licence lines.

    check_license.py <repository root>

Every .hpp and .cpp file under include/, src/, apps/, tools/, tests/, examples/ and
benchmarks/ must begin with

    // SPDX-License-Identifier: MIT
    // Copyright (c) <year> The lrsched authors

so that a header copied out of the tree still says under which licence it came. Prints one
line per file that does not and exits 1; exits 0 otherwise.
"""
import pathlib
import re
import sys

FOLDERS = ("include", "src", "apps", "tools", "tests", "examples", "benchmarks")
FIRST = "// SPDX-License-Identifier: MIT"
SECOND = re.compile(r"// Copyright \(c\) \d{4}(-\d{4})? The lrsched authors")


def missing(root: pathlib.Path) -> list[str]:
    bad = []
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in (".hpp", ".cpp") or "build" in path.relative_to(root).parts:
                continue
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()[:2]
            if len(lines) < 2 or lines[0] != FIRST or not SECOND.fullmatch(lines[1]):
                bad.append(str(path.relative_to(root)))
    return bad


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    bad = missing(root)
    for name in bad:
        print(f"{name}: does not start with '{FIRST}' and the copyright line")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
