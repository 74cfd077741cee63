#!/usr/bin/env bash
# Side by side: mms-pdu and other MMS decoders on the same PDUs, in one run.
#
#   bash benches/peers/run.sh            # prints tables: time per operation, ratio
#
# Raced: the generic and the typed decode, the builder's encode (with the
# SMIL it writes) and one personalised copy through the campaign API.
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
N=${OURS_ITERATIONS:-20000}
PN=${PEER_ITERATIONS:-200}
bench=./target/release/examples/mmsbench
py="$VENV/bin/python benches/peers/python_messaging.py"
# Decoding the same files; python-messaging decodes into its message
# object, the peer of our typed decode. Encoding: python-messaging cannot
# re-encode what it decodes, so both build and encode the same new
# m-send-req (one slide: a JPEG of 30 / 300 KB, a text), and both write
# personalised copies of it (Transaction-Id, To, Subject) around a 100 KB
# JPEG: ours through compose::Campaign, theirs by re-encoding the message.
ours=$($bench --iterations "$N" "${FILES[@]}"; $bench --iterations "$N" --compose 30 300; $bench --iterations "$N" --campaign 100)
theirs=$($py -n "$PN" "${FILES[@]}"; $py -n "$PN" --compose 30 300; $py -n "$PN" --campaign 100)

python3 - "$ours" "$theirs" <<'PY'
import sys
def table(text):
    rows = {}
    for l in text.splitlines():
        f = l.split()
        if len(f) == 5:
            rows[(f[0], f[1])] = (float(f[2]), float(f[3]), float(f[4]))
        elif len(f) >= 2 and f[1] == "error:":
            rows[(f[0], "error")] = None
    return rows
ours, theirs = table(sys.argv[1]), table(sys.argv[2])
print("median ns per operation over batches, after a warm-up; (min-max) the spread")
head = f"{'':50} {'mms-pdu ns':>22} {'python-messaging ns':>26} {'ratio':>7}"
def row(label, ours_key, theirs_key):
    o = ours.get(ours_key)
    if o is None:
        return
    t = theirs.get(theirs_key)
    ours_s = f"{o[0]:.0f} ({o[1]:.0f}-{o[2]:.0f})"
    if t is None:
        print(f"{label:50} {ours_s:>22} {'fails' if (theirs_key[0], 'error') in theirs else '-':>26} {'-':>7}")
        return
    theirs_s = f"{t[0]:.0f} ({t[1]:.0f}-{t[2]:.0f})"
    print(f"{label:50} {ours_s:>22} {theirs_s:>26} {t[0] / o[0]:>6.0f}x")
files = []
for name, _ in ours:
    if ":" not in name and name not in files:
        files.append(name)
for metric, what in [("decode", "generic decode (Pdu::decode)"),
                     ("decode_typed", "typed decode (Message::decode)")]:
    print(f"\n{what:50} {head[51:]}")
    for f in files:
        row(f.split("/", 2)[-1], (f, metric), (f, "decode"))
print(f"\n{'encode: m-send-req with one slide':50} {head[51:]}")
for kb in ("30", "300"):
    row(f"build + encode, JPEG of {kb} KB", (f"compose:{kb}", "build_encode"), (f"compose:{kb}", "build_encode"))
    row(f"encode the built message, JPEG of {kb} KB", (f"compose:{kb}", "encode_typed"), (f"compose:{kb}", "encode_typed"))
row("one campaign copy, JPEG of 100 KB", ("campaign:100", "copy"), ("campaign:100", "copy"))
print("\nAndroid PduParser: skipped (not on a package registry; needs the Android framework)")
print("ofono mmsd / mmsd-tng: skipped (no decoder library on a package registry; its sources are not served here)")
PY
