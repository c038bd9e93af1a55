#!/usr/bin/env python3
"""Copy a version 3 .sgpb file without its node index (io/formats/sgpb_v3_index.hpp), as a writer
wrote it before the index existed, to time `show` on both layouts of the same graph.

    python3 bench/strip_node_index.py IN.sgpb OUT.sgpb

The frames are copied as they are but the index's (Frame fields 9 and 10); the footer's
frame index and the trailer are rewritten. Reads the footer with its own varint decoding
(no Protobuf module needed).
"""
import struct
import sys
import zlib


def varint(b, i):
    v = shift = 0
    while True:
        c = b[i]
        i += 1
        v |= (c & 0x7F) << shift
        shift += 7
        if not c & 0x80:
            return v, i


def put_varint(v):
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def fields(b):
    i, out = 0, []
    while i < len(b):
        tag, i = varint(b, i)
        if tag & 7 == 0:
            v, i = varint(b, i)
            out.append((tag >> 3, v))
        elif tag & 7 == 2:
            n, i = varint(b, i)
            out.append((tag >> 3, b[i:i + n]))
            i += n
        else:
            raise ValueError("unexpected wire type in the footer")
    return out


def main(src, dst):
    with open(src, "rb") as f:
        f.seek(-16, 2)
        trailer = f.read(16)
        if trailer[8:] != b"SGPBEND\n":
            raise SystemExit(src + ": not a version 3 .sgpb file")
        footer_at = struct.unpack("<Q", trailer[:8])[0]
        f.seek(footer_at)
        n = struct.unpack("<I", f.read(8)[:4])[0]
        frame = fields(f.read(n))
        footer = dict((k, v) for k, v in fields(frame[0][1]) if k != 5)
        lengths, kinds = [], b""
        for k, v in fields(frame[0][1]):
            if k == 5:
                j = 0
                while j < len(v):
                    x, j = varint(v, j)
                    lengths.append(x)
            if k == 6:
                kinds = v
        keep_lengths, keep_kinds = [], bytearray()
        with open(dst, "wb") as out:
            f.seek(0)
            out.write(f.read(8))
            at = 8
            for length, kind in zip(lengths, kinds):
                f.seek(at)
                if kind not in (9, 10):
                    out.write(f.read(8 + length))
                    keep_lengths.append(length)
                    keep_kinds.append(kind)
                at += 8 + length
            body = b"".join(put_varint(k << 3) + put_varint(footer.get(k, 0)) for k in (1, 2, 3))
            body += put_varint(4 << 3) + put_varint(len(keep_lengths))
            packed = b"".join(put_varint(x) for x in keep_lengths)
            body += put_varint(5 << 3 | 2) + put_varint(len(packed)) + packed
            body += put_varint(6 << 3 | 2) + put_varint(len(keep_kinds)) + bytes(keep_kinds)
            payload = put_varint(5 << 3 | 2) + put_varint(len(body)) + body
            new_footer_at = out.tell()
            out.write(struct.pack("<II", len(payload), zlib.crc32(payload)) + payload)
            out.write(struct.pack("<Q", new_footer_at) + b"SGPBEND\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
