#!/usr/bin/env bash
# Usage: fuzz/triage.sh TARGET [DIR | FILE...]
# Runs the built fuzz target once on every file given, or in DIR (default fuzz/artifacts/TARGET,
# e.g. fuzz/regressions/TARGET), and groups
# the findings by where they happened (the panic location, or the sanitizer/libFuzzer error kind).
# Build first (fuzz/run.sh does; or RUSTC_BOOTSTRAP=1 cargo fuzz build). Works from any cwd.
set -uo pipefail

if [ $# -lt 1 ]; then
    echo "usage: $0 TARGET [DIR | FILE...]" >&2
    exit 2
fi
FUZZ_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$1"
shift
if [ $# -eq 0 ]; then
    set -- "$FUZZ_DIR/artifacts/$target"
fi
bin="$FUZZ_DIR/target/x86_64-unknown-linux-gnu/release/$target"
if [ ! -x "$bin" ]; then
    echo "triage.sh: $bin not built" >&2
    exit 2
fi

tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
total=0
while IFS= read -r -d '' file; do
    total=$((total + 1))
    out="$(RUST_BACKTRACE=0 "$bin" -timeout=10 -rss_limit_mb=2048 "$file" 2>&1)"
    rc=$?
    where="$(grep -m 1 -oE 'panicked at [^ ]+' <<<"$out" | sed -E 's#^panicked at (/[^ ]*/(registry/src/[^/]+|src/github[^/]*)/)?##; s#^/work/main/##; s#:$##')"
    if [ -n "$where" ]; then
        what="panic at $where: $(grep -m 1 -A 1 'panicked at' <<<"$out" | tail -n 1)"
        key="panic at $where"
    elif grep -q 'ERROR: AddressSanitizer' <<<"$out"; then
        key="$(grep -m 1 -oE 'ERROR: AddressSanitizer: [a-z-]+' <<<"$out")"; what="$key"
    elif grep -q 'ERROR: libFuzzer' <<<"$out"; then
        key="$(grep -m 1 -oE 'ERROR: libFuzzer: [a-z -]+' <<<"$out")"; what="$key"
    elif grep -q 'ALARM: working on the last Unit' <<<"$out"; then
        key="timeout (>10s)"; what="$key"
    elif [ $rc -eq 0 ]; then
        key="no longer reproduces"; what="$key"
    else
        key="exit status $rc"; what="$key"
    fi
    printf '%s\t%s\t%s\n' "$key" "$(basename "$file")" "$what" >>"$tmp"
done < <(find "$@" -type f -print0 | sort -z)

echo "triage.sh: $total file(s), $target"
cut -f 1 "$tmp" | sort | uniq -c | sort -rn | while read -r count key; do
    example="$(awk -F '\t' -v k="$key" '$1 == k { print $2 "\t" $3; exit }' "$tmp")"
    echo "  $count × $key"
    echo "      e.g. ${example%%$'\t'*}: ${example#*$'\t'}"
done
