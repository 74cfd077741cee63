#!/usr/bin/env python3
"""Writes tests/data/cat.jpg: a 32x32 greyscale baseline JPEG of flat 8x8
blocks (a rough cat face), made without any image library so that the
sample picture of the README has a known origin. Run from the repository
root: python3 tests/data/make_cat_jpg.py > tests/data/cat.jpg"""
import struct, sys
pattern = [  # grey levels, one per 8x8 block: a cat's face, roughly
    "1991",
    "9559",
    "9999",
    "9339",
]
W = H = 32
Q = 16
levels = [[int(c) * 25 + 20 for c in row] for row in pattern]
def seg(marker, payload):
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload
out = b"\xFF\xD8"
out += seg(0xE0, b"JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00")
out += seg(0xDB, b"\x00" + bytes([Q] * 64))
out += seg(0xC0, struct.pack(">BHHB", 8, H, W, 1) + b"\x01\x11\x00")
dc_bits = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]
dc_vals = list(range(12))
out += seg(0xC4, b"\x00" + bytes(dc_bits) + bytes(dc_vals))
ac_bits = [1] + [0] * 15  # one code: EOB, "0"
out += seg(0xC4, b"\x10" + bytes(ac_bits) + b"\x00")
out += seg(0xDA, b"\x01\x01\x00\x00\x3F\x00")
dc_codes = {0: "00", 1: "010", 2: "011", 3: "100", 4: "101", 5: "110", 6: "1110",
            7: "11110", 8: "111110", 9: "1111110", 10: "11111110", 11: "111111110"}
bits = ""
prev = 0
for brow in range(H // 8):
    for bcol in range(W // 8):
        p = levels[brow][bcol]
        dc = round(8 * (p - 128) / Q)
        diff = dc - prev
        prev = dc
        s = abs(diff).bit_length()
        bits += dc_codes[s]
        if s:
            v = diff if diff > 0 else diff + (1 << s) - 1
            bits += format(v, "0%db" % s)
        bits += "0"  # EOB
bits += "1" * (-len(bits) % 8)
data = bytearray()
for i in range(0, len(bits), 8):
    b = int(bits[i:i + 8], 2)
    data.append(b)
    if b == 0xFF:
        data.append(0)
out += bytes(data) + b"\xFF\xD9"
sys.stdout.buffer.write(out)
