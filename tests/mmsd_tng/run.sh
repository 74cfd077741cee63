#!/usr/bin/env bash
# mmsd-tng, the MMS daemon of postmarketOS and Phosh phones, against the
# `mmsc` example, with no modem and nothing of the machine's own D-Bus:
#
#   - two private dbus-daemons stand in for the system bus (where mmsd-tng
#     looks for ModemManager) and the session bus (where it serves
#     org.ofono.mms), on unix sockets in a temporary directory;
#   - fake_modemmanager.py offers one connected modem whose bearer is the
#     loopback interface, with the APN of mmsd-tng's settings;
#   - the MMSC example listens on a free loopback port; mmsd-tng (a
#     temporary HOME, settings pointing at that port) reaches it without
#     X-MSISDN, so the MMSC is told its number with --msisdn-for-loopback;
#   - drive.py sends, receives and compares (see there).
#
# Needs mmsd-tng, dbus-daemon and /usr/bin/python3 with the dbus and gi
# modules (Debian: apt-get install mmsd-tng dbus python3-dbus python3-gi).
# Exits 0 when every check passed, 1 otherwise (a missing tool included).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PYTHONDONTWRITEBYTECODE=1 # no __pycache__ in the source tree
here=tests/mmsd_tng

MMSD_NUMBER=+15551230100
SENDER=+15551230101
OTHER=+15551230102
APN=mms.loopback.test

for tool in mmsdtng dbus-daemon /usr/bin/python3; do
    if ! command -v "$tool" >/dev/null; then
        echo "mmsd-tng test: $tool is missing (apt-get install mmsd-tng dbus python3-dbus python3-gi)"
        exit 1
    fi
done
/usr/bin/python3 -c 'import dbus, gi' || {
    echo "mmsd-tng test: /usr/bin/python3 lacks the dbus or gi module (python3-dbus, python3-gi)"
    exit 1
}

cargo build -q --example mmsc --example mmsdump --example mmscompose
bin=$(cargo metadata --format-version 1 --no-deps | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/examples

work=$(mktemp -d)
pids=()
cleanup() {
    local rc=$?
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [ "$rc" != 0 ]; then
        for log in mmsc.log mmsd.log fake_mm.log; do
            echo "---- last lines of $log"
            tail -n 40 "$work/$log" 2>/dev/null || true
        done
    fi
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT INT TERM

# wait_for FILE PATTERN SECONDS WHAT: until a line of FILE matches.
wait_for() {
    local deadline=$((SECONDS + $3))
    until grep -q -- "$2" "$1" 2>/dev/null; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "mmsd-tng test: no '$2' in $1 after $3 s ($4)"
            exit 1
        fi
        sleep 0.05
    done
}

started=$SECONDS
for bus in system session; do
    cat >"$work/$bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=$work/$bus.sock</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
    dbus-daemon --config-file="$work/$bus.conf" --nofork --print-address=1 >"$work/$bus.addr" 2>&1 &
    pids+=($!)
    wait_for "$work/$bus.addr" "unix:" 10 "the private $bus bus"
done
export DBUS_SYSTEM_BUS_ADDRESS="unix:path=$work/system.sock"
export DBUS_SESSION_BUS_ADDRESS="unix:path=$work/session.sock"

/usr/bin/python3 -u "$here/fake_modemmanager.py" "$MMSD_NUMBER" "$APN" >"$work/fake_mm.log" 2>&1 &
pids+=($!)
wait_for "$work/fake_mm.log" "^ready" 10 "the fake ModemManager"

"$bin/mmsc" --listen 127.0.0.1:0 --msisdn-for-loopback "$MMSD_NUMBER" >"$work/mmsc.log" 2>&1 &
pids+=($!)
wait_for "$work/mmsc.log" "listening on http://" 10 "the MMSC"
url=$(sed -n 's/^mmsc: listening on \(http:[^ ]*\).*/\1/p' "$work/mmsc.log")

mkdir -p "$work/home/.mms/modemmanager"
cat >"$work/home/.mms/modemmanager/mms" <<SETTINGS
[Modem Manager]
CarrierMMSC=$url/mms
MMS_APN=$APN
CarrierMMSProxy=NULL
DefaultModemNumber=NULL
AutoProcessOnConnection=true
AutoProcessSMSWAP=true

[Settings]
UseDeliveryReports=true
TotalMaxAttachmentSize=1100000
MaxAttachments=25
AutoCreateSMIL=false
ForceCAres=true
SETTINGS
HOME="$work/home" G_MESSAGES_DEBUG=all mmsdtng -d >"$work/mmsd.log" 2>&1 &
pids+=($!)
wait_for "$work/mmsd.log" "bearer_notify() interface lo" 30 "mmsd-tng's bearer on lo"
echo "mmsd-tng $(mmsdtng -v 2>&1 | head -n1 | tr -d '\n') ready on $url in $((SECONDS - started)) s"

/usr/bin/python3 -u "$here/drive.py" --mmsc "$url" --mmsc-log "$work/mmsc.log" \
    --number "$MMSD_NUMBER" --sender "$SENDER" --other "$OTHER" \
    --bin "$bin" --corpus tests/corpus --workdir "$work"

if grep -q "Had Max attempts" "$work/mmsd.log"; then
    echo "mmsd-tng gave up on a request:"
    grep -B3 "Had Max attempts" "$work/mmsd.log"
    exit 1
fi
echo "mmsd-tng test passed in $((SECONDS - started)) s"
