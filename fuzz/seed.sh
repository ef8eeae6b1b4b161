#!/usr/bin/env bash
# Writes the seed corpora: fuzz/corpus/ingest/ from tests/fixtures (each file prefixed with one
# 0x00 byte, the option-selector the ingest target consumes) and fuzz/corpus/value_parser/ from
# a list of short cell texts. Idempotent; works from any cwd. Corpora are generated, not committed.
set -euo pipefail

FUZZ_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FIXTURES="$FUZZ_DIR/../tests/fixtures"
INGEST="$FUZZ_DIR/corpus/ingest"
VALUES="$FUZZ_DIR/corpus/value_parser"
# Seeds larger than this are skipped (kept below the ingest target's -max_len).
MAX_SEED_BYTES=131072

mkdir -p "$INGEST" "$VALUES"

n=0
while IFS= read -r -d '' file; do
    rel="${file#"$FIXTURES"/}"
    case "$rel" in
        # Only fast to refuse (zip-bomb limits); large and of no use as seeds.
        bad/bomb.xlsx | bad/bomb-lying.xlsx) continue ;;
    esac
    if [ "$(stat -c %s "$file")" -gt "$MAX_SEED_BYTES" ]; then
        echo "seed.sh: skipping $rel (larger than $MAX_SEED_BYTES bytes)" >&2
        continue
    fi
    name="seed-${rel//\//__}"
    { printf '\x00'; cat "$file"; } > "$INGEST/$name"
    n=$((n + 1))
done < <(find "$FIXTURES" -type f -print0 | sort -z)

values=(
    "98.5%" "98.5" "３．２‰" "<9.5" "≤9.5" ">=90" "≥90％" "1,234" "1,2" "1,234.56"
    "—" "-" "--" "/" "暂无" "无" "未统计" "N/A" "n/a" "…" "..." "x" "×"
    "8.9/10万" "5.6/万" "12‰" "3.2 ‰" "96.1 %" "１００" "0" "-0.5" "+1.5" "1e3" "1E-2"
    "#DIV/0!" "#N/A" "#VALUE!" "=SUM(A1:A3)" "达标" "是" "否" "TRUE"
    "（%）" "(‰)" "【人】" "1/10万" "万分之三" "85.0%以上" "约95%" "95%左右"
    "　98　" " 1 234 " "NaN" "inf" "1.7976931348623157e309" "0.000000001"
    "儿童死亡率（‰）" "5岁以下儿童死亡率" "7岁以下儿童健康管理率(%)" "2023年"
)
i=0
for v in "${values[@]}"; do
    printf '%s' "$v" > "$VALUES/seed-$(printf '%03d' "$i")"
    i=$((i + 1))
done

# Past findings stay in the corpus, so every run checks they are still fixed.
for target in ingest value_parser; do
    if [ -d "$FUZZ_DIR/regressions/$target" ]; then
        cp "$FUZZ_DIR/regressions/$target"/* "$FUZZ_DIR/corpus/$target/" 2>/dev/null || true
    fi
done

echo "seed.sh: $n ingest seeds in $INGEST, $i value_parser seeds in $VALUES (plus regressions/)"
