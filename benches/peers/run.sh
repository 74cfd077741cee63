#!/usr/bin/env bash
# Side by side: mms-pdu and other MMS decoders on the same PDUs, in one run.
#
#   bash benches/peers/run.sh            # prints a table: time per decode, ratio
#
# Peers are installed from package registries only, in a private place:
# - python-messaging (PyPI), in a venv under $PEERS_DIR (default /tmp).
# Peers that cannot be had that way are skipped, and the table says so:
# - Android's PduParser: its sources live in AOSP's git, not on a package
#   registry, and it needs the Android framework classes to run.
# - ofono mmsd / mmsd-tng: Debian ships the daemon, not its decoder as a
#   library, and the mirror this machine reaches serves the binary package
#   but not its sources (the .orig tarball answers 404).
# - Maven Central (for a JVM build of a PDU parser) is not reachable here.
set -euo pipefail
cd "$(dirname "$0")/../.."

PEERS_DIR=${PEERS_DIR:-${TMPDIR:-/tmp}/mms-pdu-peers}
VENV="$PEERS_DIR/venv"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install -q "python-messaging==0.5.13"

FILES=(
  tests/corpus/mmsd/ni-mms-1-3-con-271.mms
  tests/corpus/ocarlsen/PduParserAndroidTest-PDU_DATA.mms
  tests/corpus/mmsd/test-mmsutil-mms_m_send_conf_1.mms
  tests/corpus/sailfish/test_mms_codec-m-acknowledge.ind
  tests/corpus/sailfish/test_mms_codec-m-delivery_2.ind
  tests/corpus/mmsd/rc-mms-1-3-con-212.mms
  tests/corpus/sailfish/test_mms_codec-m-retrieve_1.conf
  tests/corpus/sailfish/test_mms_codec-m-retrieve_2.conf
  tests/corpus/sailfish/test_mms_codec-m-send_3.req
)

cargo build -q --release --example mmsbench
ours=$(./target/release/examples/mmsbench --iterations "${OURS_ITERATIONS:-20000}" "${FILES[@]}")
theirs=$("$VENV/bin/python" benches/peers/python_messaging.py -n "${PEER_ITERATIONS:-200}" "${FILES[@]}")
# Encoding: python-messaging cannot re-encode what it decodes, so both
# encode the same new m-send-req (one slide: a JPEG of 30 / 300 KB, a text).
ours_enc=$(./target/release/examples/mmsbench --iterations "${OURS_ITERATIONS:-20000}" --compose 30 300)
theirs_enc=$("$VENV/bin/python" benches/peers/python_messaging.py -n "${PEER_ITERATIONS:-200}" --compose 30 300)

python3 - "$ours" "$theirs" "$ours_enc" "$theirs_enc" <<'PY'
import sys
ours = {l.split()[0]: l.split()[1:] for l in sys.argv[1].splitlines()}
theirs = {l.split()[0]: l.split()[1:] for l in sys.argv[2].splitlines()}
for l in sys.argv[3].splitlines():
    ours[l.split()[0]] = ["-", l.split()[1]]
for l in sys.argv[4].splitlines():
    theirs[l.split()[0]] = ["-", l.split()[1]]
print(f"{'decode: PDU':58} {'mms-pdu ns':>11} {'python-messaging ns':>20} {'ratio':>8}")
for f, (dec, _enc) in ours.items():
    if f.startswith("compose:"):
        continue
    t = theirs.get(f, ["?"])
    if t[0] in ("error:", "?"):
        print(f"{f:58} {dec:>11} {'fails':>20} {'-':>8}")
        continue
    print(f"{f:58} {dec:>11} {t[0]:>20} {float(t[0]) / float(dec):>7.0f}x")
print()
print(f"{'encode: m-send-req with one slide':58} {'mms-pdu ns':>11} {'python-messaging ns':>20} {'ratio':>8}")
for f, (_dec, enc) in ours.items():
    if not f.startswith("compose:"):
        continue
    label = f"compose, JPEG of {f.split(':')[1]} KB"
    t = theirs.get(f, ["-", "?"])
    if t[1] == "?":
        print(f"{label:58} {enc:>11} {'fails':>20} {'-':>8}")
        continue
    print(f"{label:58} {enc:>11} {t[1]:>20} {float(t[1]) / float(enc):>7.0f}x")
print("Android PduParser: skipped (not on a package registry; needs the Android framework)")
print("ofono mmsd / mmsd-tng: skipped (no decoder library on a package registry; its sources are not served here)")
PY
