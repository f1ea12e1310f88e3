#!/bin/sh
# Trunk post-build hook (Trunk.toml): copies the text files that build.rs wrote for this build
# (texts/<lang>-<part>-<fingerprint>.bin) into the site being staged, next to index.html, then writes the service
# worker (scripts/service-worker.py; in a debug build, one that caches nothing, so `make run` always serves fresh files).
# Building index.html, it also builds adviser mode (adviser.html, its own wasm) into adviser/ of the same site, with
# a second trunk run, so `trunk build` and `trunk serve` give both pages and the questionnaire's first load carries
# nothing of adviser mode (docs/adr/0010-adviser-mode.md).
# Trunk sets TRUNK_STAGING_DIR, TRUNK_PROFILE (debug or release) and TRUNK_HTML_FILE.
set -eu
if [ "$(basename "${TRUNK_HTML_FILE:-index.html}")" = adviser.html ]; then
  # Adviser mode reads the questionnaire's text files (../texts/) and has no worker of its own.
  exit 0
fi
# build.rs writes the text files to a fixed folder of the target directory's profile folder (`texts_dir` in build.rs
# says why there, not in its OUT_DIR, whose name has a hash), so no stale build's files can be picked up.
texts="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/${TRUNK_PROFILE:-release}/pathway-texts"
if ! ls "$texts"/*.bin >/dev/null 2>&1; then
  echo "post-build: no text files in $texts (build.rs writes them)" >&2
  exit 1
fi
mkdir -p "$TRUNK_STAGING_DIR/texts"
cp "$texts"/*.bin "$TRUNK_STAGING_DIR/texts/"
echo "post-build: copied $(ls "$texts" | wc -l) text files from $texts"
release="--release=false"
if [ "${TRUNK_PROFILE:-release}" = release ]; then release="--release=true"; fi
trunk build $release adviser.html --dist "$TRUNK_STAGING_DIR/adviser"
# The loader for other sites' pages names this build's files (scripts/embed-loader.py).
python3 scripts/embed-loader.py "$TRUNK_STAGING_DIR"
# The service worker lists this build's file names, so it is written last.
if [ "${TRUNK_PROFILE:-release}" = release ]; then
  python3 scripts/service-worker.py "$TRUNK_STAGING_DIR"
else
  printf '%s\n' '// Debug build: no offline cache, so `make run` always serves fresh files.' \
    "self.addEventListener('install', () => self.skipWaiting());" > "$TRUNK_STAGING_DIR/sw.js"
fi
