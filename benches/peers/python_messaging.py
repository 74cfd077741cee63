"""Times python-messaging's MMS decoder and encoder, as examples/mmsbench.rs
times mms-pdu, and prints the same lines:
    NAME METRIC MEDIAN_NS MIN_NS MAX_NS
(per operation, over B batches after a warm-up).

FILE...: `decode` of each file (python-messaging decodes into its message
object: the peer of mms-pdu's typed decode). It cannot re-encode what it
decodes (its encoder lacks most header value encoders), so no `encode`.

--compose KB...: the m-send-req of `mmsbench --compose` (To, Subject, one
slide with a JPEG of KB kilobytes and a text; the encoder writes the SMIL):
`build_encode` (the message built and encoded) and `encode_typed` (the
built message encoded).

--campaign KB...: `copy`: one personalised copy of that message (its own
Transaction-Id, To and Subject set on the one message, then encoded):
python-messaging has no template, so each copy is a full encode.
"""
import os
import sys
import tempfile
import time

from messaging.mms.message import MMSMessage, MMSMessagePage
from messaging.mms.mms_pdu import MMSDecoder


def run(name, metric, op, n, batches):
    per_batch = max(n // batches, 1)
    for _ in range(max(n // 10, per_batch)):
        op()
    ns = []
    for _ in range(batches):
        start = time.perf_counter()
        for _ in range(per_batch):
            op()
        ns.append((time.perf_counter() - start) / per_batch * 1e9)
    ns.sort()
    print(f"{name} {metric} {ns[len(ns) // 2]:.0f} {ns[0]:.0f} {ns[-1]:.0f}")


def photo(tmp, kb):
    path = os.path.join(tmp, f"photo{kb}.jpg")
    with open(path, "wb") as f:
        # ASCII octets: python-messaging reads attachments in text
        # mode (UTF-8), so a real JPEG header would not load.
        f.write(b"\x5a" * (int(kb) * 1024))
    return path


def message(path):
    msg = MMSMessage()
    msg.headers["Transaction-Id"] = "T0123456789"
    msg.headers["To"] = "+15551234567/TYPE=PLMN"
    msg.headers["Subject"] = "Holiday"
    page = MMSMessagePage()
    page.add_image(path)
    page.add_text("Greetings from the beach")
    msg.add_page(page)
    return msg


def compose(sizes, n, batches):
    tmp = tempfile.mkdtemp()
    for kb in sizes:
        path = photo(tmp, kb)
        run(f"compose:{kb}", "build_encode", lambda: message(path).encode(), n, batches)
        msg = message(path)
        run(f"compose:{kb}", "encode_typed", msg.encode, n, batches)


def campaign(sizes, n, batches):
    tmp = tempfile.mkdtemp()
    for kb in sizes:
        msg = message(photo(tmp, kb))
        count = [0]

        def copy():
            count[0] += 1
            k = count[0]
            msg.headers["Transaction-Id"] = f"T{k:010}"
            msg.headers["To"] = f"+1555{k % 10_000_000:07}/TYPE=PLMN"
            msg.headers["Subject"] = f"Holiday {k}"
            msg.encode()

        run(f"campaign:{kb}", "copy", copy, n, batches)


def main(argv):
    n = 300
    batches = 5
    names = []
    mode = "files"
    args = iter(argv)
    for a in args:
        if a in ("-n", "--iterations"):
            n = int(next(args))
        elif a in ("-b", "--batches"):
            batches = int(next(args))
        elif a == "--compose":
            mode = "compose"
        elif a == "--campaign":
            mode = "campaign"
        else:
            names.append(a)
    if mode == "compose":
        compose(names, n, batches)
        return
    if mode == "campaign":
        campaign(names, n, batches)
        return
    for f in names:
        data = open(f, "rb").read()
        try:
            MMSDecoder().decode_data(bytearray(data))
        except Exception as e:  # noqa: BLE001 - report and go on
            print(f"{f} error: {e!r}")
            continue
        run(f, "decode", lambda: MMSDecoder().decode_data(bytearray(data)), n, batches)


if __name__ == "__main__":
    main(sys.argv[1:])
