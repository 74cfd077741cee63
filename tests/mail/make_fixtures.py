"""Writes the mail fixtures of tests/mail.rs with Python's standard email
package (run from this folder: python3 make_fixtures.py). Dates, ids and
content are fixed; the modern API picks random boundaries, so a re-run
changes those lines only."""
import email.policy
import struct
import zlib
from email.header import Header
from email.message import EmailMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.mime.image import MIMEImage

def png(width, height):
    """A small valid PNG: a grey gradient."""
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes((x * 16 + y) & 0xFF for x in range(width)) for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))

JPEG = bytes([0xFF, 0xD8, 0xFF, 0xE0]) + bytes(range(256)) + bytes([0xFF, 0xD9])

def write(name, msg, policy):
    with open(name, "wb") as f:
        f.write(msg.as_bytes(policy=policy))

# 1. UTF-8 subject, quoted-printable UTF-8 text, one image: the modern API.
m = EmailMessage(policy=email.policy.default)
m["From"] = "Alice <alice@example.com>"
m["To"] = "+33612345678/TYPE=PLMN@mms.invalid, bob@example.org"
m["Subject"] = "Grüße aus Köln ☀"
m["Date"] = "Sat, 05 Dec 2026 10:00:00 +0000"
m["Message-ID"] = "<fixture-1@example.com>"
m.set_content("Hallo Bob,\nschöne Grüße aus Köln!\n", charset="utf-8", cte="quoted-printable")
m.add_attachment(png(8, 4), maintype="image", subtype="png", filename="gradient.png")
write("utf8_subject_qp_text_png.eml", m, email.policy.default.clone(linesep="\r\n"))

# 2. ISO-8859-1 subject and text (quoted-printable), a base64 JPEG with a Content-ID.
m = MIMEMultipart("mixed", boundary="==fixture-2==")
m["From"] = "carol@example.net"
m["To"] = "+4915112345678/TYPE=PLMN@mms.invalid"
m["Cc"] = "dave@example.net"
m["Subject"] = Header("Café crème à la française", "iso-8859-1")
m["Date"] = "Sat, 05 Dec 2026 11:30:00 +0100"
m["Message-ID"] = "<fixture-2@example.net>"
text = MIMEText("Voilà le café.\n", "plain", "iso-8859-1")
m.attach(text)
img = MIMEImage(JPEG, "jpeg")
img.add_header("Content-ID", "<photo1@example.net>")
img.add_header("Content-Disposition", "attachment", filename="photo.jpg")
m.attach(img)
write("latin1_subject_qp_text_jpeg.eml", m, email.policy.compat32.clone(linesep="\r\n"))

# 3. Nested: multipart/mixed of multipart/alternative (plain, html) and an image.
m = EmailMessage(policy=email.policy.default)
m["From"] = "erin@example.org"
m["To"] = "+15551234567/TYPE=PLMN@mms.invalid"
m["Subject"] = "Nested alternative parts"
m["Date"] = "Sat, 05 Dec 2026 12:00:00 +0000"
m["Message-ID"] = "<fixture-3@example.org>"
m.set_content("Plain text version.\n")
m.add_alternative("<html><body><p>HTML <b>version</b>.</p></body></html>\n", subtype="html")
m.add_attachment(png(4, 4), maintype="image", subtype="png", filename="square.png")
write("nested_alternative_png.eml", m, email.policy.default.clone(linesep="\r\n"))

# 4. A plain text mail, no MIME structure at all (7bit us-ascii).
m = EmailMessage(policy=email.policy.default)
m["From"] = "frank@example.com"
m["To"] = "+447700900123/TYPE=PLMN@mms.invalid"
m["Subject"] = "Just text"
m["Date"] = "Sat, 05 Dec 2026 13:00:00 +0000"
m["Message-ID"] = "<fixture-4@example.com>"
m.set_content("Nothing but text.\n")
write("plain_text_only.eml", m, email.policy.default.clone(linesep="\r\n"))

# 5. What mail clients send for a picture in the text: multipart/related
#    with an HTML root (inside an alternative) that names the image by cid.
m = EmailMessage(policy=email.policy.default)
m["From"] = "grace@example.com"
m["To"] = "+819012345678/TYPE=PLMN@mms.invalid"
m["Subject"] = "Inline picture"
m["Date"] = "Sat, 05 Dec 2026 14:00:00 +0000"
m["Message-ID"] = "<fixture-5@example.com>"
m.set_content("See the picture.\n")
m.add_alternative('<html><body><p>See the picture.</p><img src="cid:pic5@example.com"></body></html>\n',
                  subtype="html")
m.get_payload()[1].add_related(png(6, 6), maintype="image", subtype="png", cid="<pic5@example.com>")
write("related_html_inline_png.eml", m, email.policy.default.clone(linesep="\r\n"))
