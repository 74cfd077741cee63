#!/usr/bin/env python3
"""Big seeds for the large-input fuzz mode (`fuzz/run.sh --large`).

Writes fuzz/corpus-large/<target>/ (git-ignored): inputs of 0.1-4 MB built
to be expensive for one pass each, most of them from the files of
tests/corpus, so that libFuzzer starts its mutations from the shapes where
super-linear work would show:

- every corpus PDU as a part of one m-retrieve-conf (several MB);
- thousands of tiny parts; parts of a thousand two-octet headers, under
  and over the part-header bound; a thousand To headers;
- the SMIL resolution bomb (thousands of <img> and of parts with names);
- wide and deep nesting;
- long SMIL documents (the corpus SMIL parts, their slides repeated);
- a push around the big PDU, push-looking junk; thousands of SMS segments.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SRC = os.path.join(ROOT, "tests", "corpus")
DST = os.path.join(ROOT, "fuzz", "corpus-large")

PDU_TARGETS = ["decode", "decode_strict", "roundtrip_canonical", "multipart"]


def uintvar(v):
    out = [v & 0x7F]
    v >>= 7
    while v:
        out.append(0x80 | (v & 0x7F))
        v >>= 7
    return bytes(reversed(out))


def entry(ct_and_headers, data):
    return uintvar(len(ct_and_headers)) + uintvar(len(data)) + ct_and_headers + data


# m-retrieve-conf: type, transaction id, version 1.3, date, From insert-address,
# then Content-Type: application/vnd.wap.multipart.related (0x33).
RETRIEVE_CONF = b"\x8C\x84\x98T1\x00\x8D\x93\x85\x04\x45\x5A\xCE\x65\x89\x01\x81\x84"
RELATED = b"\xB3"


def retrieve_conf(parts):
    return RETRIEVE_CONF + RELATED + uintvar(len(parts)) + b"".join(parts)


def corpus_files():
    files = []
    with open(os.path.join(SRC, "MANIFEST.tsv"), encoding="utf-8") as m:
        for line in m.read().splitlines()[1:]:
            cols = line.split("\t")
            with open(os.path.join(SRC, cols[0]), "rb") as f:
                files.append((cols[0], cols[5], f.read()))
    return files


def smil_texts(files):
    """The SMIL documents found inside the corpus files."""
    out = []
    for _, _, data in files:
        for m in re.finditer(rb"<smil.*?</smil>", data, re.S):
            out.append(m.group(0))
    return out


def write(target, name, data):
    d = os.path.join(DST, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "big-" + name), "wb") as f:
        f.write(data)


def main():
    files = corpus_files()
    pdus = [d for _, kind, d in files if kind in ("mms-pdu", "hex-extracted")]
    pushes = [d for _, kind, d in files if kind == "wap-push"]

    seeds = {}
    # Every corpus PDU as a part (application/vnd.wap.mms-message, 0x3E),
    # named by Content-Location, the corpus repeated up to ~3 MB.
    parts = []
    k = 0
    while sum(len(p) for p in parts) < 3_000_000 and pdus:
        d = pdus[k % len(pdus)]
        parts.append(entry(b"\xBE\x8E" + b"f%d\x00" % k, d))
        k += 1
    seeds["corpus-parts"] = retrieve_conf(parts)
    # 4,000 tiny parts: text/plain; charset=utf-8, a Content-ID, a Content-Location.
    seeds["many-parts"] = retrieve_conf(
        [entry(b"\x03\x83\x81\xEA\xC0\"<p>\x00\x8Ep.txt\x00", b"data")] * 4000
    )
    dense = b"\x83" + b"\x81\x83" * 1000
    seeds["dense-under"] = retrieve_conf([entry(dense, b"hi")] * 32)
    seeds["dense-over"] = retrieve_conf([entry(dense, b"hi")] * 400)
    seeds["many-to"] = b"\x8C\x80\x98T1\x00\x8D\x92" + b"\x97+33612345678/TYPE=PLMN\x00" * 1000
    # The SMIL resolution bomb: 2,000 <img>, 2,000 parts of 30 headers
    # and a name; half the media name no part.
    smil = b"<smil><body><par>" + b"".join(
        (b'<img src="p%d.jpg"/>' % i) if i % 2 == 0 else b'<img src="x"/>' for i in range(2000)
    ) + b"</par></body></smil>"
    bomb = [entry(b"application/smil\x00", smil)]
    for i in range(2000):
        bomb.append(entry(b"\x9E" + b"\x81\x83" * 30 + b"\x8E" + b"p%d.jpg\x00" % i, b"\xFF\xD8"))
    seeds["smil-bomb"] = retrieve_conf(bomb)
    # Nesting: 6 levels, each of 20 text parts and the next level.
    body = uintvar(1) + entry(b"\x83", b"x")
    for _ in range(6):
        inner = [entry(b"\x83", b"text")] * 20 + [entry(RELATED, body)]
        body = uintvar(len(inner)) + b"".join(inner)
    seeds["nested"] = RETRIEVE_CONF + RELATED + body

    for name, data in seeds.items():
        for t in PDU_TARGETS:
            write(t, name, data)
        # serde: an even first octet selects the binary side.
        write("serde", name, b"\x00" + data)

    # Push: the big PDU in a push; push-looking junk.
    big = seeds["corpus-parts"]
    headers = b"\xBE\xAF\x84"  # application/vnd.wap.mms-message, X-Wap-Application-Id
    write("push", "push-corpus", b"\x01\x06" + uintvar(len(headers)) + headers + big)
    unit = b"A\x06" + uintvar(2**20 - 1)
    write("push", "push-junk", (unit * (2**21 // len(unit)))[: 2**21])
    if pushes:
        write("push", "pushes", b"".join(pushes * (1_000_000 // max(1, sum(map(len, pushes))) + 1)))

    # SMS: length-prefixed chunks (the sms target's format), thousands of
    # first segments of messages that never complete, and every corpus push
    # cut in segments.
    chunks = []
    for ref in range(6000):
        ud = b"\x06\x08\x04" + bytes([ref >> 8, ref & 0xFF, 3, 1]) + bytes([ref & 0xFF]) * 120
        chunks.append(bytes([len(ud)]) + ud)
    for p in pushes:
        for i in range(0, len(p), 120):
            seg = p[i : i + 120]
            ud = b"\x05\x00\x03\x2A" + bytes([min(255, len(p) // 120 + 1), i // 120 + 1]) + seg
            chunks.append(bytes([len(ud)]) + ud)
    write("sms", "segments", b"".join(chunks))

    # SMIL: the corpus SMIL documents, their bodies repeated to ~1 MB; many
    # undeclared regions; the bomb's document.
    for n, doc in enumerate(smil_texts(files)[:8]):
        m = re.search(rb"<body>(.*)</body>", doc, re.S)
        if not m:
            continue
        # Within the slide limit (1,024), up to ~1 MB.
        slides = max(1, m.group(1).count(b"<par"))
        reps = max(1, min(1000 // slides, 1_000_000 // max(1, len(m.group(1)))))
        write("smil", "corpus-%d" % n, doc[: m.start(1)] + m.group(1) * reps + doc[m.end(1) :])
    regions = b"".join(b'<region id="R%d" top="0" left="0"/>' % i for i in range(250))
    media = b"".join(
        b"<par>"
        + b"".join(b'<img src="i%d" region="U%d-%s"/>' % (4 * i + j, 4 * i + j, b"x" * 200) for j in range(4))
        + b"</par>"
        for i in range(1000)
    )
    write("smil", "regions", b"<smil><head><layout>" + regions + b"</layout></head><body>" + media + b"</body></smil>")
    write("smil", "bomb", smil)
    print("seed_large.py: wrote the big seeds into %s/" % os.path.relpath(DST, ROOT))


if __name__ == "__main__":
    sys.exit(main())
