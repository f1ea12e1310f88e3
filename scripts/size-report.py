#!/usr/bin/env python3
"""Print the size of every file of a release build, raw, gzip and brotli, and check the first-load budget.

First load is everything a browser must fetch before the first screen shows: the HTML page, and the scripts,
stylesheets, wasm and preloads it references (and the scripts those import), read from the built files themselves.
The icon is listed but not counted: a browser fetches it without waiting for it.

Exits 1 when the gzip total of the first load is over the budget (150,000 bytes by default, strictly: 1 KB = 1,000 B).

Usage: scripts/size-report.py [DIST_DIR] [--budget BYTES]
Uses only the Python standard library; brotli comes from the `brotli` module when it is installed and otherwise
from Node's zlib (Node is already needed for the end-to-end tests).
"""

import argparse
import gzip
import html.parser
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

try:
    import brotli as brotli_module
except ImportError:
    brotli_module = None

DEFAULT_BUDGET = 150_000

NODE_BROTLI = (
    "const zlib = require('zlib');"
    "const input = require('fs').readFileSync(0);"
    "const out = zlib.brotliCompressSync(input, {params: {"
    "[zlib.constants.BROTLI_PARAM_QUALITY]: 11,"
    "[zlib.constants.BROTLI_PARAM_SIZE_HINT]: input.length}});"
    "process.stdout.write(String(out.length));"
)


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def brotli_size(data: bytes) -> int:
    if brotli_module is not None:
        return len(brotli_module.compress(data, quality=11))
    done = subprocess.run(["node", "-e", NODE_BROTLI], input=data, capture_output=True, check=True)
    return int(done.stdout)


class References(html.parser.HTMLParser):
    """Collects the local files an HTML page makes the browser fetch before it can run."""

    def __init__(self) -> None:
        super().__init__()
        self.blocking: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script" and values.get("src"):
            self.blocking.append(values["src"])
        elif tag == "link" and values.get("href"):
            rel = values.get("rel", "").lower().split()
            if {"stylesheet", "modulepreload", "preload"} & set(rel):
                self.blocking.append(values["href"])


IMPORT_PATTERN = re.compile(r"""(?:import|from)\s*\(?\s*['"]([^'"]+\.(?:js|mjs|wasm))['"]""")


def local_file(dist: Path, base: Path, reference: str) -> Path | None:
    """The file in `dist` that `reference` (relative to `base`, or absolute from the site root) names, if any."""
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc:
        return None
    path = parts.path
    candidate = (dist / path.lstrip("/")) if path.startswith("/") else (base / path)
    candidate = candidate.resolve()
    if candidate.is_file() and dist.resolve() in candidate.parents:
        return candidate
    return None


def first_load(dist: Path) -> list[Path]:
    """The index page and every file it needs before the app starts, in the order they were found."""
    index = (dist / "index.html").resolve()
    parser = References()
    parser.feed(index.read_text(encoding="utf-8"))
    found = [index]
    pending = list(parser.blocking)
    while pending:
        reference = pending.pop(0)
        # Query strings carry the hashed names for boot.js: read them as references too.
        for value in re.findall(r"=([^&]+)", urlsplit(reference).query):
            pending.append(value)
        path = local_file(dist, dist, reference)
        if path is None or path in found:
            continue
        found.append(path)
        if path.suffix in (".js", ".mjs"):
            for imported in IMPORT_PATTERN.findall(path.read_text(encoding="utf-8", errors="replace")):
                path_import = local_file(dist, path.parent, imported)
                if path_import is not None and path_import not in found:
                    pending.append(str(path_import.relative_to(dist.resolve())))
    return found


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("dist", nargs="?", default="dist", type=Path)
    arguments.add_argument("--budget", type=int, default=DEFAULT_BUDGET, help="gzip bytes allowed for the first load")
    arguments.add_argument("--language-budget", type=int, default=25_000, help="gzip bytes allowed per language file")
    options = arguments.parse_args()
    dist: Path = options.dist
    if not (dist / "index.html").is_file():
        print(f"size-report: no {dist}/index.html; run `make dist` first", file=sys.stderr)
        return 2

    needed = set(first_load(dist))
    rows = []
    for path in sorted(p.resolve() for p in dist.rglob("*") if p.is_file()):
        data = path.read_bytes()
        rows.append((str(path.relative_to(dist.resolve())), len(data), gzip_size(data), brotli_size(data), path in needed))

    width = max(len("file"), *(len(row[0]) for row in rows))
    line = f"{'file':<{width}}  {'raw':>10}  {'gzip':>10}  {'brotli':>10}  first load"
    print(line)
    print("-" * len(line))
    for name, raw, gz, br, is_needed in rows:
        print(f"{name:<{width}}  {raw:>10,}  {gz:>10,}  {br:>10,}  {'yes' if is_needed else ''}")
    print("-" * len(line))
    total = [sum(row[i] for row in rows if row[4]) for i in (1, 2, 3)]
    print(f"{'first load':<{width}}  {total[0]:>10,}  {total[1]:>10,}  {total[2]:>10,}  ({len(needed)} files)")
    print()
    verdict = "within" if total[1] <= options.budget else "OVER"
    print(f"First load: {total[1]:,} B gzip ({total[2]:,} B brotli); budget {options.budget:,} B gzip: {verdict} budget.")
    status = 0
    if total[1] > options.budget:
        print(f"size-report: the first load is {total[1] - options.budget:,} B gzip over the budget", file=sys.stderr)
        status = 1

    # Each language travels in two files fetched when it is chosen: its questions, then its results.
    languages: dict[str, dict[str, int]] = {}
    for name, _raw, gz, _br, _needed in rows:
        match = re.fullmatch(r"texts/([a-z]{2,3})-(questions|results)-[0-9a-f]+\.bin", name)
        if match:
            languages.setdefault(match.group(1), {})[match.group(2)] = gz
    if languages:
        print()
        print(f"Language files (gzip; each at most {options.language_budget:,} B):")
        print(f"  {'language':<9}{'questions':>10}{'results':>10}{'both':>10}")
        for code, parts in languages.items():
            both = sum(parts.values())
            print(f"  {code:<9}{parts.get('questions', 0):>10,}{parts.get('results', 0):>10,}{both:>10,}")
            for part, gz in parts.items():
                if gz > options.language_budget:
                    print(f"size-report: texts/{code}-{part} is {gz:,} B gzip, over {options.language_budget:,} B", file=sys.stderr)
                    status = 1

    # Adviser mode is a page of its own (adviser/), loaded only when opened: its own load, reported apart.
    if (dist / "adviser" / "index.html").is_file():
        adviser = first_load(dist / "adviser")
        raw = sum(path.stat().st_size for path in adviser)
        gz = sum(gzip_size(path.read_bytes()) for path in adviser)
        texts = [row for row in rows if re.fullmatch(r"texts/([a-z]{2,3}|keys)-adviser-[0-9a-f]+\.bin", row[0])]
        print()
        print(f"Adviser mode (adviser/, loaded only when opened): {gz:,} B gzip ({raw:,} B raw, {len(adviser)} files),")
        print(f"  plus its texts: {max(row[2] for row in texts):,} B gzip at most per language, keys {sum(row[2] for row in texts if row[0].startswith('texts/keys')):,} B;")
        print("  none of it is in the first load above.")
    return status


if __name__ == "__main__":
    sys.exit(main())
