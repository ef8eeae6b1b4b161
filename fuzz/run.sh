#!/usr/bin/env bash
# Usage: fuzz/run.sh SECONDS
# Installs cargo-fuzz if missing, writes the seed corpora (seed.sh), then fuzzes each target for
# SECONDS seconds, one after the other. Exits 1 if any target finds a crash, timeout or OOM
# (the reproducer is in fuzz/artifacts/<target>/), 2 on a setup or build failure.
# Works from any cwd. Stable Rust: RUSTC_BOOTSTRAP=1 lets stable rustc take cargo-fuzz's
# -Zsanitizer flag; set FUZZ_SANITIZER=none to build without AddressSanitizer.
# FUZZ_KEEP_GOING=1 (long runs): libFuzzer's fork mode, which records a finding and carries on
# instead of stopping at the first; the exit status is still 1 if anything was found.
# fuzz/triage.sh TARGET groups the reproducers by panic location afterwards.
set -uo pipefail

if [ $# -ne 1 ] || ! [[ "$1" =~ ^[0-9]+$ ]] || [ "$1" -eq 0 ]; then
    echo "usage: $0 SECONDS   (seconds of fuzzing per target)" >&2
    exit 2
fi
SECONDS_PER_TARGET="$1"
FUZZ_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$FUZZ_DIR" || exit 2

# target name, its -max_len, and its executions in a deterministic run (FUZZ_DETERMINISTIC=1)
TARGETS=("ingest:262144:3000" "value_parser:4096:300000")
# Release semantics by default (-O: no overflow checks, as the shipped wasm and CLI are built),
# so a finding is a panic a user could meet. FUZZ_DEBUG_ASSERTIONS=1 adds overflow checks in
# every crate, calamine included, which finds arithmetic slips that release builds wrap.
MODE_FLAGS=(-O)
if [ "${FUZZ_DEBUG_ASSERTIONS:-0}" = 1 ]; then
    MODE_FLAGS=(-O -a)
fi
SANITIZER="${FUZZ_SANITIZER:-address}"
export RUSTC_BOOTSTRAP=1
# Debug info for the panic backtraces libFuzzer prints with a crash.
export RUST_BACKTRACE="${RUST_BACKTRACE:-1}"

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    echo "run.sh: installing cargo-fuzz"
    cargo install cargo-fuzz --locked || cargo install cargo-fuzz || exit 2
fi
cargo fuzz --version

"$FUZZ_DIR/seed.sh" || exit 2

echo "run.sh: building all targets (sanitizer: $SANITIZER)"
if ! cargo fuzz build "${MODE_FLAGS[@]}" --sanitizer "$SANITIZER"; then
    if [ "$SANITIZER" = none ]; then
        exit 2
    fi
    echo "run.sh: the $SANITIZER build failed; retrying with --sanitizer none" >&2
    SANITIZER=none
    cargo fuzz build "${MODE_FLAGS[@]}" --sanitizer none || exit 2
fi

KEEP_GOING_FLAGS=()
if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then
    KEEP_GOING_FLAGS=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
fi

LOG_DIR="$FUZZ_DIR/target/fuzz-logs"
mkdir -p "$LOG_DIR"
failed=()
summary=()
for entry in "${TARGETS[@]}"; do
    target="${entry%%:*}"
    rest="${entry#*:}"
    max_len="${rest%%:*}"
    deterministic_runs="${rest#*:}"
    # CI: a fixed seed and a fixed number of executions, so a run is repeatable, not timed.
    LIMIT_FLAGS=(-max_total_time="$SECONDS_PER_TARGET")
    if [ "${FUZZ_DETERMINISTIC:-0}" = 1 ]; then
        LIMIT_FLAGS=(-seed=1 -runs="$deterministic_runs")
    fi
    log="$LOG_DIR/$target.log"
    echo "run.sh: fuzzing $target for ${SECONDS_PER_TARGET}s (log: $log)"
    artifact_dir="$FUZZ_DIR/artifacts/$target"
    mkdir -p "$artifact_dir"
    before=$(find "$artifact_dir" -type f | sort)
    start=$(date +%s)
    cargo fuzz run "${MODE_FLAGS[@]}" --sanitizer "$SANITIZER" "$target" -- \
        "${LIMIT_FLAGS[@]}" \
        -rss_limit_mb=2048 \
        -timeout=10 \
        -max_len="$max_len" \
        -print_final_stats=1 \
        "${KEEP_GOING_FLAGS[@]}" \
        >"$log" 2>&1
    rc=$?
    elapsed=$(($(date +%s) - start))
    new_artifacts=$(comm -13 <(echo "$before") <(find "$artifact_dir" -type f | sort) | grep -c . || true)
    if [ ${#KEEP_GOING_FLAGS[@]} -eq 0 ]; then
        # libFuzzer's closing status line ("#N DONE cov: … exec/s: …") and its final stats.
        done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1)
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
        rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    else
        # Fork mode: the parent's last status line ("#N: cov: … exec/s: R oom/timeout/crash: …").
        done_line=$(grep -E '^#[0-9]+: cov:' "$log" | tail -n 1)
        runs=$(sed -nE 's/^#([0-9]+): cov:.*/\1/p' <<<"$done_line")
        # Its exec/s is the last job's; the average over the run is executions / time.
        secs=$(sed -nE 's/.* time: ([0-9]+)s .*/\1/p' <<<"$done_line")
        if [ -n "$runs" ] && [ -n "$secs" ] && [ "$secs" -gt 0 ]; then
            rate=$((runs / secs))
        else
            rate=""
        fi
    fi
    line="$target: rc=$rc, ${elapsed}s, executions=${runs:-?}, exec/s=${rate:-?}, new reproducers=$new_artifacts"
    if [ $rc -ne 0 ] || [ "$new_artifacts" -ne 0 ]; then
        failed+=("$target")
        line="$line, FAILED"
        new_files=$(comm -13 <(echo "$before") <(find "$artifact_dir" -type f | sort))
        if [ ${#KEEP_GOING_FLAGS[@]} -eq 0 ]; then
            echo "---- $target: first panic / sanitizer report in $log ----"
            grep -m 1 -A 45 -E "panicked at|ERROR: (AddressSanitizer|libFuzzer)" "$log" || tail -n 60 "$log"
        fi
        echo "---- new reproducers in $artifact_dir, by where they fail: ----"
        if [ -n "$new_files" ]; then
            mapfile -t new_list <<<"$new_files"
            "$FUZZ_DIR/triage.sh" "$target" "${new_list[@]}"
        else
            tail -n 60 "$log"
        fi
    fi
    echo "  ${done_line:-(no DONE line)}"
    echo "  $line"
    summary+=("$line")
done

echo "run.sh: summary (sanitizer: $SANITIZER, ${SECONDS_PER_TARGET}s per target)"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -ne 0 ]; then
    echo "run.sh: findings in: ${failed[*]} (reproducers under $FUZZ_DIR/artifacts/)" >&2
    exit 1
fi
echo "run.sh: no crash, timeout or OOM found"
