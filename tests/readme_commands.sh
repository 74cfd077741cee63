#!/usr/bin/env bash
# Runs every command of README.md's ```sh blocks as written, from the root
# of the clone, and fails when one fails or when the README has a command
# this script does not know (so that a new command cannot go untested).
#
# Each command is run by bash exactly as the README shows it, with two
# exceptions said below: the MMSC, which runs until stopped, is started in
# the background and stopped once the client is done, and `PORT` in the
# client's URL is the port the MMSC printed. Commands that take minutes
# or are CI steps of their own are listed, with the step that covers them,
# and not run twice.
#
# What the commands write (m.eml, m.mms, copy.mms, media/, outbox/) is removed at
# the end; the tree must be as clean as it was.
set -euo pipefail
cd "$(dirname "$0")/.."

before=$(git status --porcelain 2>/dev/null || true)
scratch=$(mktemp -d)
mmsc_pid=""
cleanup() {
    if [ -n "$mmsc_pid" ]; then kill -- "-$mmsc_pid" 2>/dev/null || true; fi
    rm -rf "$scratch" m.eml m.mms copy.mms media outbox
}
trap cleanup EXIT

# The commands, one per line, continuation lines joined.
awk '
    /^```sh/ { inside = 1; next }
    /^```/   { inside = 0; next }
    inside {
        line = $0
        if (sub(/\\$/, "", line)) { pending = pending line; next }
        print pending line
        pending = ""
    }
' README.md > "$scratch/commands"

count=0
while IFS= read -r cmd; do
    [ -z "${cmd// }" ] && continue
    count=$((count + 1))
    printf '\n$ %s\n' "$cmd"
    case "$cmd" in
    "cargo test")
        echo "(the test step of CI)" ;;
    "cargo install cargo-fuzz"*|"fuzz/run.sh "*|"fuzz/smoke.sh"*)
        echo "(the fuzz smoke step of CI: fuzz/smoke.sh, which installs cargo-fuzz and runs fuzz/run.sh)" ;;
    "cargo run --example mmsc -- "*)
        # A server: started now, used by the client command below.
        setsid bash -c "$cmd" > "$scratch/mmsc.out" 2>&1 < /dev/null &
        mmsc_pid=$!
        for _ in $(seq 1 600); do
            grep -q 'listening on http://127.0.0.1:' "$scratch/mmsc.out" && break
            kill -0 "$mmsc_pid" 2>/dev/null || { cat "$scratch/mmsc.out"; exit 1; }
            sleep 0.5
        done
        grep 'listening on' "$scratch/mmsc.out" ;;
    "cargo run --features mail --example mmsc -- "*)
        # The MMSC with its MM3 outbox: started, seen listening, stopped
        # (tests/mmsc_flow.rs delivers to an e-mail recipient through it).
        setsid bash -c "$cmd" > "$scratch/mmsc-mail.out" 2>&1 < /dev/null &
        mail_pid=$!
        for _ in $(seq 1 600); do
            grep -q 'listening on http://127.0.0.1:' "$scratch/mmsc-mail.out" && break
            kill -0 "$mail_pid" 2>/dev/null || { cat "$scratch/mmsc-mail.out"; exit 1; }
            sleep 0.5
        done
        grep 'listening on' "$scratch/mmsc-mail.out"
        kill -- "-$mail_pid" 2>/dev/null || true ;;
    "cargo run --example mms_client -- "*)
        [ -n "$mmsc_pid" ] || { echo "the client needs the mmsc command before it"; exit 1; }
        port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$scratch/mmsc.out" | head -n1)
        timeout 600 bash -c "${cmd//:PORT/:$port}"
        kill -- "-$mmsc_pid" 2>/dev/null || true
        mmsc_pid="" ;;
    "cargo run "*)
        timeout 600 bash -c "$cmd" > "$scratch/out" 2> "$scratch/err" || {
            cat "$scratch/err"; exit 1; }
        head -n 5 "$scratch/out" ;;
    *)
        echo "README.md has a command this script does not know: add it here"
        exit 1 ;;
    esac
done < "$scratch/commands"

# What the commands made is what the README says they make.
test -s m.eml && grep -qi 'content-type: multipart/' m.eml
test -s m.mms && cargo run -q --example mmsdump -- m.mms > /dev/null
test -s copy.mms
cmp <(cargo run -q --example mmsdump -- --json copy.mms) \
    <(cargo run -q --example mmsdump -- --json tests/corpus/mmsd/rc-mms-1-3-con-212.mms)
ls media/*.jpg > /dev/null

cleanup
trap - EXIT
after=$(git status --porcelain 2>/dev/null || true)
if [ "$before" != "$after" ]; then
    echo "the README's commands left files behind:"
    diff <(echo "$before") <(echo "$after") || true
    exit 1
fi
echo
echo "all $count commands of README.md ran"
