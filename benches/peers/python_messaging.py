"""Times python-messaging's MMS decoder on PDU files.

Prints one line per file, like examples/mmsbench.rs:
    FILE ns_per_decode ns_per_encode
ns_per_encode is "-": python-messaging cannot re-encode the messages it
decodes (its encoder lacks most header value encoders).
"""
import sys
import time

from messaging.mms.mms_pdu import MMSDecoder


def main(argv):
    n = 300
    files = []
    args = iter(argv)
    for a in args:
        if a in ("-n", "--iterations"):
            n = int(next(args))
        else:
            files.append(a)
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
