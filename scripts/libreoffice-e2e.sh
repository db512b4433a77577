#!/usr/bin/env bash
# PowerPoint decks with the real LibreOffice: the end-to-end tests (tests/libreoffice.rs) with
# their timings, then `pecha check` on the same 21-slide .pptx (20 shown, a 1920 x 1080 photo
# on each), timed three ways: the first conversion on a new cache (LibreOffice also makes its
# profile), the conversion of a changed file (profile kept), and the cached one.
# Needs LibreOffice (apt-get install --no-install-recommends libreoffice-impress); about a minute.
# Keeps what it made in the folder it prints (the .pptx and page 1 as the projector shows it).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v soffice >/dev/null && [ -z "${PECHA_SOFFICE:-}" ]; then
  echo "LibreOffice is not installed: apt-get install --no-install-recommends libreoffice-impress" >&2
  exit 2
fi
out=$(mktemp -d)
echo "== end-to-end tests (kept in $out) =="
PECHA_KEEP_FIXTURES="$out" cargo test --locked --test libreoffice -- --nocapture 2>&1 |
  grep -E "converted in|skipped|test result|panicked"
cargo build --locked --quiet
pptx="$out/real-looking.pptx"
cache="$out/cache"
timed() {
  local what=$1
  shift
  local start end
  start=$(date +%s.%N)
  XDG_CACHE_HOME="$cache" ./target/debug/pecha check "$@" >"$out/check.txt" 2>&1 || true
  end=$(date +%s.%N)
  printf '%-55s %6.2f s  (%s)\n' "$what" "$(echo "$end - $start" | bc)" "$(head -n 1 "$out/check.txt")"
}
echo "== pecha check $pptx =="
timed "first conversion, new cache and LibreOffice profile" "$pptx"
timed "cached" "$pptx"
# One byte more at the end of the zip's comment-free tail: another content, the same slides.
cp "$pptx" "$out/changed.pptx"
printf '\0' >>"$out/changed.pptx"
timed "changed file, profile kept" "$out/changed.pptx"
timed "changed file again, cached" "$out/changed.pptx"
cat "$out/check.txt"
