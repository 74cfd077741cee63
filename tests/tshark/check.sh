#!/usr/bin/env bash
# Reads MMS PDUs and WAP pushes with an independent decoder, Wireshark's
# tshark, and checks that it agrees with mms-pdu.
#
# Usage: tests/tshark/check.sh [FILE...]
#
# Without FILE: every *.mms (an MMS PDU) and *.push (a WSP push PDU) of this
# directory, which tests/all_types.rs builds and keeps up to date, and what
# the mmscompose example writes for a dump of the corpus m-send-req
# mmsd/sr-mms-related-multi-to.mms and for hand-written.json and
# hand-written-push.json. A FILE named *.push, or one that does not start
# with X-Mms-Message-Type (0x8C), is taken as a push.
#
# How each file reaches the dissector:
# - an MMS PDU goes in an exported-PDU frame (link type 252) whose tag 13
#   names the heuristic dissector `mmse_wsp` (tshark 4.0 registers no
#   dissector called `mmse`). That heuristic only takes the message types
#   it knows (up to m-mbox-descr, 0x93); for the others the PDU is put in a
#   WSP push (TID 0, application/vnd.wap.mms-message, X-Wap-Application-Id
#   mms.ua), where WSP hands the body to MMSE by its content type;
# - a push goes in a user-DLT frame (link type 148) mapped to `wsp-cl`.
#
# A file FAILS when tshark's output says "Malformed", or lacks the line
# `X-Mms-Message-Type: … (0xNN)` with the type the file holds. The verdict
# also lists what tshark does not know (fields it calls "Unknown field",
# values it leaves "not decoded" or calls "Unknown") and, when the example
# mmsdump can be built, where tshark's list of headers departs from
# mms-pdu's (a sign that it lost its place in the PDU). Those are notes,
# not failures.
#
# Environment: TSHARK (default: tshark), MMSDUMP (default: the mmsdump
# example, built with cargo when needed; MMSDUMP=none skips the comparison).
#
# Exit status: 0 every file passed, 1 a file failed, 2 tshark or python3 is
# missing or a FILE cannot be read.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
tshark=${TSHARK:-tshark}

if ! command -v "$tshark" >/dev/null 2>&1; then
    echo "check.sh: $tshark not found (install Wireshark's tshark or set TSHARK)" >&2
    exit 2
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "check.sh: python3 not found" >&2
    exit 2
fi

examples="$root/target/debug/examples"
mmsdump=${MMSDUMP:-}
built=no
if [ -z "$mmsdump" ] || [ "$#" -eq 0 ]; then
    if (cd "$root" && cargo build --quiet --example mmsdump --example mmscompose) >/dev/null 2>&1; then
        built=yes
    else
        echo "check.sh: could not build the examples: no header comparison, no composed PDUs" >&2
    fi
fi
if [ -z "$mmsdump" ]; then
    if [ "$built" = yes ]; then mmsdump="$examples/mmsdump"; else mmsdump=none; fi
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ "$#" -eq 0 ]; then
    set -- "$here"/*.mms "$here"/*.push
    # What mmscompose writes: a corpus m-send-req through its dump, and the
    # hand-written documents of this directory (a PDU and a push).
    if [ "$built" = yes ]; then
        "$examples/mmsdump" --json --with-data "$root/tests/corpus/mmsd/sr-mms-related-multi-to.mms" |
            "$examples/mmscompose" -o "$tmp/composed-sr-mms-related-multi-to.mms"
        "$examples/mmscompose" -o "$tmp/composed-hand-written.mms" "$here/hand-written.json"
        "$examples/mmscompose" -o "$tmp/composed-hand-written.push" "$here/hand-written-push.json"
        set -- "$@" "$tmp"/composed-*
    fi
fi

status=0
python3 - "$tshark" "$mmsdump" "$@" <<'PYTHON' || status=$?
import json
import os
import re
import struct
import subprocess
import sys
import tempfile

tshark, mmsdump, files = sys.argv[1], sys.argv[2], sys.argv[3:]

# MMS_ENC 1.3 field names of the codes tshark 4.0 does not know (0x34-0x3F),
# to name its "Unknown field (0xNN)" lines.
MMS13 = {
    0x34: "X-Mms-Recommended-Retrieval-Mode",
    0x35: "X-Mms-Recommended-Retrieval-Mode-Text",
    0x36: "X-Mms-Status-Text",
    0x37: "X-Mms-Applic-ID",
    0x38: "X-Mms-Reply-Applic-ID",
    0x39: "X-Mms-Aux-Applic-Info",
    0x3A: "X-Mms-Content-Class",
    0x3B: "X-Mms-DRM-Content",
    0x3C: "X-Mms-Adaptation-Allowed",
    0x3D: "X-Mms-Replace-ID",
    0x3E: "X-Mms-Cancel-ID",
    0x3F: "X-Mms-Cancel-Status",
}
USER_DLT = 'uat:user_dlts:"User 1 (DLT=148)","wsp-cl","0","","0",""'


def pcap(link, frame):
    head = struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 1 << 24, link)
    return head + struct.pack("<IIII", 0, 0, len(frame), len(frame)) + frame


def exported_pdu(pdu):
    tags = struct.pack(">HH", 13, 8) + b"mmse_wsp" + struct.pack(">HH", 0, 0)
    return pcap(252, tags + pdu)


def push_of(pdu):
    headers = bytes([0xBE, 0xAF, 0x84])  # mms-message; X-Wap-Application-Id mms.ua
    return bytes([0x00, 0x06, len(headers)]) + headers + pdu


def uintvar(data, at):
    value = 0
    for k in range(5):
        b = data[at + k]
        value = value << 7 | (b & 0x7F)
        if b < 0x80:
            return value, at + k + 1
    raise ValueError("uintvar longer than 5 octets")


def push_body(data):
    """The body of a connectionless push."""
    hlen, at = uintvar(data, 2)
    return data[at + hlen:]


def dissect(frame_pcap, user_dlt):
    with tempfile.NamedTemporaryFile(suffix=".pcap") as f:
        f.write(frame_pcap)
        f.flush()
        args = [tshark]
        if user_dlt:
            args += ["-o", USER_DLT]
        args += ["-r", f.name, "-V"]
        run = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             stdin=subprocess.DEVNULL)
        return run.stdout.decode("utf-8", "replace")


def mms_headers(out):
    """tshark's top-level header lines of the first MMS section."""
    lines = out.splitlines()
    try:
        start = next(k for k, l in enumerate(lines)
                     if l.lstrip().startswith("MMS Message Encapsulation"))
    except StopIteration:
        return []
    indent = len(lines[start]) - len(lines[start].lstrip()) + 4
    found = []
    for line in lines[start + 1:]:
        depth = len(line) - len(line.lstrip())
        if line.strip() and depth < indent:
            break
        if depth != indent:
            continue
        text = line.strip()
        if text.startswith("Data ("):
            break
        if text == "Content-Type":
            continue  # the field-name subtree; its value line follows
        found.append(text)
    return found


def normalise(name):
    name = name.lower()
    return name[len("x-mms-"):] if name.startswith("x-mms-") else name


def tshark_name(line):
    m = re.match(r"Unknown field \(0x([0-9a-f]{2})\)", line)
    if m:
        code = int(m.group(1), 16) & 0x7F
        return normalise(MMS13.get(code, "0x%02x" % code))
    if "(Forwarded-count=" in line:
        return "previously-sent-date" if line.split(" (")[0].endswith("UTC") \
            else "previously-sent-by"
    return normalise(line.split(":", 1)[0])


def our_headers(path):
    if mmsdump == "none":
        return None
    run = subprocess.run([mmsdump, "--json", path], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL)
    try:
        doc = json.loads(run.stdout)
    except ValueError:
        return None
    return [h["name"] for h in doc.get("headers", [])]


failed = 0
for path in files:
    name = os.path.basename(path)
    try:
        data = open(path, "rb").read()
    except OSError as e:
        print("check.sh: %s: %s" % (path, e), file=sys.stderr)
        sys.exit(2)
    notes = []
    is_push = path.endswith(".push") or not data.startswith(b"\x8c")
    try:
        pdu = push_body(data) if is_push else data
        want = pdu[1]
    except (IndexError, ValueError):
        print("FAIL %s: not an MMS PDU nor a push of one" % name)
        failed += 1
        continue
    if is_push:
        out = dissect(pcap(148, data), True)
        route = "WSP push (wsp-cl)"
    else:
        out = dissect(exported_pdu(data), False)
        route = "exported PDU (mmse_wsp)"
        if "MMS Message Encapsulation" not in out:
            out = dissect(pcap(148, push_of(data)), True)
            route = "WSP push: the mmse_wsp heuristic does not take type 0x%02x" % want
    problems = []
    if "Malformed" in out:
        problems.append("Malformed: " + "; ".join(
            l.strip() for l in out.splitlines() if "Malformed" in l))
    m = re.search(r"^\s*X-Mms-Message-Type: (.*) \((0x[0-9a-f]{2})\)$", out, re.M)
    if not m:
        problems.append("no X-Mms-Message-Type line")
    elif int(m.group(2), 16) != want:
        problems.append("X-Mms-Message-Type %s, the PDU says 0x%02x" % (m.group(2), want))
    shown = mms_headers(out)
    unknown = [MMS13.get(int(u, 16) & 0x7F, "0x%02x" % (int(u, 16) & 0x7F))
               for u in re.findall(r"Unknown field \(0x([0-9a-f]{2})\)", "\n".join(shown))]
    undecoded = sorted({l.split(":", 1)[0] for l in shown
                        if re.search(r"\((?:n|N)ot decoded\)|<Undecoded value", l)
                        and not l.startswith("Unknown field")})
    unknown_values = [l for l in shown if re.search(r": Unknown \(0x[0-9a-f]{2}\)$", l)
                      and not l.startswith("X-Mms-Message-Type:")]
    if m and m.group(1).startswith("Unknown"):
        notes.append("tshark has no name for the message type")
    if unknown:
        notes.append("unknown fields: " + ", ".join(dict.fromkeys(unknown)))
    if undecoded:
        notes.append("values not decoded: " + ", ".join(undecoded))
    if unknown_values:
        notes.append("unknown values: " + "; ".join(unknown_values))
    ours = our_headers(path)
    if ours is not None:
        theirs = [tshark_name(l) for l in shown]
        mine = [normalise(n) for n in ours]
        if theirs != mine:
            k = next((k for k, (a, b) in enumerate(zip(theirs, mine)) if a != b),
                     min(len(theirs), len(mine)))
            notes.append("headers depart from mms-pdu's at #%d: tshark %s, mms-pdu %s"
                         % (k + 1, shown[k] if k < len(shown) else "(none)",
                            ours[k] if k < len(ours) else "(none)"))
    expert = sorted({l.strip() for l in out.splitlines()
                     if "Expert Info" in l and "Malformed" not in l})
    if expert:
        notes.append("expert info: " + "; ".join(expert))
    verdict = "FAIL" if problems else "ok  "
    failed += bool(problems)
    type_line = m.group(0).strip() if m else "(no type line)"
    print("%s %s: %s, via %s" % (verdict, name, type_line, route))
    for p in problems + notes:
        print("       " + p)

print("%d of %d files failed" % (failed, len(files)))
sys.exit(1 if failed else 0)
PYTHON
exit "$status"
