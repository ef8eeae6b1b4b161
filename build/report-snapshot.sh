#!/usr/bin/env bash
# The JSON report of every fixture and corpus file, as one CLI binary writes it: run it with the
# binary before and after a change that must not change behaviour, then `diff -r` the two folders.
#   build/report-snapshot.sh target/release/duibiao /tmp/reports-before
set -euo pipefail
bin=$(realpath "$1")
out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
snapshot() { # name, then the arguments of `duibiao`
  local name=$1; shift
  local rc=0
  "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err" || rc=$?
  echo "$rc" >"$out/$name.rc"
}
corpus=$root/tests/corpus/calamine
while IFS= read -r -d '' file; do
  name=$(basename "$file")
  snapshot "file-$name" check "$file" --format json
  snapshot "file-$name-2022" check "$file" --format json --year 2022
done < <(find "$root/tests/fixtures" "$corpus" -type f \
  \( -name '*.xls*' -o -name '*.ods' -o -name '*.csv' -o -name '*.txt' \) -print0 | sort -z)
city=$root/tests/fixtures/plans/test-city-2026-2030.json
for file in "$root"/tests/fixtures/*.xlsx "$root"/tests/fixtures/*.csv; do
  snapshot "city-$(basename "$file")" check "$file" --format json --plan "$city"
done
snapshot plan-json plan --format json
snapshot plan-table plan --format table
snapshot table-long check "$root/tests/fixtures/long-kecheng-2023.xlsx"
snapshot table-wide check "$root/tests/fixtures/wide-regions-2023.xlsx"
snapshot csv-out check "$root/tests/fixtures/wide-regions-2023.xlsx" --out "$out/report.csv"
