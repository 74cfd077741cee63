"""Times python-messaging's MMS decoder on PDU files.

Prints one line per file, like examples/mmsbench.rs:
    FILE ns_per_decode ns_per_encode
ns_per_encode is "-": python-messaging cannot re-encode the messages it
decodes (its encoder lacks most header value encoders).

With --compose KB...: encodes the m-send-req of `mmsbench --compose` (To,
Subject, one slide with a JPEG of KB kilobytes and a text; the encoder
writes the SMIL) and prints `compose:KB ns_per_encode`.
"""
import os
import sys
import tempfile
import time

from messaging.mms.message import MMSMessage, MMSMessagePage
from messaging.mms.mms_pdu import MMSDecoder


def compose(sizes, n):
    tmp = tempfile.mkdtemp()
    for kb in sizes:
        path = os.path.join(tmp, "photo.jpg")
        with open(path, "wb") as f:
            # ASCII octets: python-messaging reads attachments in text
            # mode (UTF-8), so a real JPEG header would not load.
            f.write(b"\x5a" * (int(kb) * 1024))
        msg = MMSMessage()
        msg.headers["To"] = "+15551234567/TYPE=PLMN"
        msg.headers["Subject"] = "Holiday"
        page = MMSMessagePage()
        page.add_image(path)
        page.add_text("Greetings from the beach")
        msg.add_page(page)
        msg.encode()
        start = time.perf_counter()
        for _ in range(n):
            msg.encode()
        ns = (time.perf_counter() - start) / n * 1e9
        print(f"compose:{kb} {ns:.0f}")


def main(argv):
    n = 300
    files = []
    composing = False
    args = iter(argv)
    for a in args:
        if a in ("-n", "--iterations"):
            n = int(next(args))
        elif a == "--compose":
            composing = True
        else:
            files.append(a)
    if composing:
        compose(files, n)
        return
    for f in files:
        data = open(f, "rb").read()
        try:
            MMSDecoder().decode_data(bytearray(data))
        except Exception as e:  # noqa: BLE001 - report and go on
            print(f"{f} error: {e!r}")
            continue
        start = time.perf_counter()
        for _ in range(n):
            MMSDecoder().decode_data(bytearray(data))
        ns = (time.perf_counter() - start) / n * 1e9
        print(f"{f} {ns:.0f} -")


if __name__ == "__main__":
    main(sys.argv[1:])
