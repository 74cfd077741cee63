#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds each, one after the other
# (seeding the corpora first), and fails when any target found a crash,
# leak, out-of-memory or timeout.
#
#   fuzz/run.sh SECONDS [TARGET...]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`); on a stable toolchain
# RUSTC_BOOTSTRAP=1 lets it use the sanitizer flags. Findings land in
# fuzz/artifacts/<target>/, logs in fuzz/logs/<target>.log.
set -uo pipefail
cd "$(dirname "$0")/.."

secs=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
all=(decode decode_strict roundtrip_canonical multipart content_type push sms smil serde differential render encode)
targets=("$@")
[ $# -eq 0 ] && targets=("${all[@]}")

# Longest input per target: whole PDUs need room for a few parts; the value
# rules and the push framing are exercised by short inputs.
max_len() {
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
cargo fuzz build || { echo "run.sh: build failed" >&2; exit 1; }

mkdir -p fuzz/logs
failed=()
summary=()
for t in "${targets[@]}"; do
    art=fuzz/artifacts/$t
    mkdir -p "$art"
    marker=$(mktemp)
    log=fuzz/logs/$t.log
    echo "== $t: ${secs}s, max_len $(max_len "$t")"
    cargo fuzz run "$t" "fuzz/corpus/$t" -- \
        -dict=fuzz/mms.dict \
        -max_len="$(max_len "$t")" \
        -rss_limit_mb=2048 \
        -malloc_limit_mb=256 \
        -timeout=10 \
        -max_total_time="$secs" \
        -print_final_stats=1 \
        >"$log" 2>&1
    status=$?
    found=$(find "$art" -type f -newer "$marker" \
        \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | sort)
    rm -f "$marker"
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    summary+=("$(printf '%-20s %12s execs %8s exec/s  exit %s' "$t" "${execs:-?}" "${rate:-?}" "$status")")
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
