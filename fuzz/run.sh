#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds each, one after the other
# (seeding the corpora first), and fails when any target found a crash,
# leak, out-of-memory or timeout.
#
#   fuzz/run.sh SECONDS [TARGET...]
#   fuzz/run.sh --large SECONDS [TARGET...]
#
# --large looks for slowness instead: inputs up to 4 MiB from the start
# (-max_len, -len_control=0), big seeds built from tests/corpus by
# fuzz/seed_large.py in fuzz/corpus-large/<target>/ (the ordinary corpus
# read as well), a tight per-input timeout (LARGE_TIMEOUT, 3 s by
# default: a timeout is a failure) and every input slower than
# SLOW_SECONDS (1 s by default) reported and kept as
# fuzz/artifacts/<target>/slow-unit-*. Super-linear work needs big inputs
# to show, which the 8 KiB of the ordinary mode never are.
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`); on a stable toolchain
# RUSTC_BOOTSTRAP=1 lets it use the sanitizer flags. Findings land in
# fuzz/artifacts/<target>/, logs in fuzz/logs/<target>.log.
set -uo pipefail
cd "$(dirname "$0")/.."

large=0
if [ "${1:-}" = --large ]; then
    large=1
    shift
fi
secs=${1:?usage: fuzz/run.sh [--large] SECONDS [TARGET...]}
shift
all=(decode decode_strict roundtrip_canonical multipart content_type push sms smil serde differential render encode)
targets=("$@")
[ $# -eq 0 ] && targets=("${all[@]}")

# Longest input per target: whole PDUs need room for a few parts; the value
# rules and the push framing are exercised by short inputs.
max_len() {
    [ "$large" = 1 ] && { echo 4194304; return; }
    case $1 in
        content_type) echo 1024 ;;
        push) echo 2048 ;;
        sms) echo 4096 ;;
        smil) echo 4096 ;;
        *) echo 8192 ;;
    esac
}

export RUSTC_BOOTSTRAP=1
fuzz/seed.sh || exit 1
if [ "$large" = 1 ]; then
    python3 fuzz/seed_large.py || exit 1
fi
cargo fuzz build || { echo "run.sh: build failed" >&2; exit 1; }

mkdir -p fuzz/logs
failed=()
summary=()
for t in "${targets[@]}"; do
    art=fuzz/artifacts/$t
    mkdir -p "$art"
    marker=$(mktemp)
    log=fuzz/logs/$t.log
    if [ "$large" = 1 ]; then
        log=fuzz/logs/$t-large.log
        corpora=("fuzz/corpus-large/$t" "fuzz/corpus/$t")
        mkdir -p "${corpora[0]}"
        extra=(-len_control=0 -timeout="${LARGE_TIMEOUT:-3}"
            -report_slow_units="${SLOW_SECONDS:-1}" -rss_limit_mb=4096)
    else
        corpora=("fuzz/corpus/$t")
        extra=(-timeout=10 -rss_limit_mb=2048)
    fi
    echo "== $t: ${secs}s, max_len $(max_len "$t")"
    cargo fuzz run "$t" "${corpora[@]}" -- \
        -dict=fuzz/mms.dict \
        -max_len="$(max_len "$t")" \
        -malloc_limit_mb=256 \
        "${extra[@]}" \
        -max_total_time="$secs" \
        -print_final_stats=1 \
        >"$log" 2>&1
    status=$?
    found=$(find "$art" -type f -newer "$marker" \
        \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | sort)
    slow=$(find "$art" -type f -newer "$marker" -name 'slow-unit-*' | wc -l)
    rm -f "$marker"
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    slowest=$(sed -n 's/^stat::slowest_unit_time_sec: *//p' "$log" | tail -1)
    summary+=("$(printf '%-20s %12s execs %8s exec/s  slowest %4ss  %3s slow units  exit %s' \
        "$t" "${execs:-?}" "${rate:-?}" "${slowest:-?}" "$slow" "$status")")
    if [ "$status" -ne 0 ] || [ -n "$found" ]; then
        failed+=("$t")
        echo "run.sh: $t FAILED (exit $status); see $log" >&2
        tail -n 40 "$log" >&2
        [ -n "$found" ] && printf '  artifact: %s\n' $found >&2
    fi
done

echo
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -ne 0 ]; then
    echo "run.sh: failures in: ${failed[*]}" >&2
    exit 1
fi
echo "run.sh: no crash, leak, OOM or timeout"
