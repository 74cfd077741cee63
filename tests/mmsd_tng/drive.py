#!/usr/bin/python3
"""Drives mmsd-tng (org.ofono.mms on the session bus) against the MMSC
example and checks what it reports against the crate's own decoding
(mmsdump --json). Started by run.sh, which brings up the buses, the fake
modem, the MMSC and mmsd-tng; see there.

The MMSC's simulated SMS centre queues short messages for each number
(GET /smsc/NUMBER, one line each: dcs=.. udhi=.. udl=.. ud=HEX); this
script plays the SMS path: it reads mmsd-tng's queue, puts the WAP push
back together from the user data (3GPP TS 23.040 §9.2.3.24: the
concatenation and port elements of the user-data header) and hands it
to mmsd-tng with its PushNotify method, as its modem plugin does with a
received SMS. The other handsets (the sender, another recipient) are
played here too, each with its own number in X-MSISDN, as the network's
gateway would add it.
"""

import argparse
import base64
import http.client
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse

import dbus
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

MMS_TYPE = "application/vnd.wap.mms-message"
SERVICE = "/org/ofono/mms/modemmanager"

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753"
    "de0000000c49444154789c63f8dfc0000004010180c52a185d0000000049454e44ae426082"
)
SMIL = (
    '<smil><head><layout><root-layout width="320" height="240"/>'
    '<region id="Image" top="0" left="0" height="50%" width="100%"/>'
    '<region id="Text" top="50%" left="0" height="50%" width="100%"/>'
    '</layout></head><body><par dur="5000ms"><img src="cat.png" region="Image"/>'
    '<text src="text.txt" region="Text"/></par></body></smil>'
)


class Failure(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Failure(what)


class Env:
    def __init__(self, args):
        self.args = args
        self.url = args.mmsc.rstrip("/")
        self.bin = args.bin
        self.tmp = tempfile.mkdtemp(prefix="drive-", dir=args.workdir)
        self.bus = dbus.SessionBus()
        self.added = []  # (path, properties)
        self.changed = []  # (path, name, value)
        self.send_errors = []
        self.bus.add_signal_receiver(
            lambda p, props: self.added.append((str(p), props)),
            signal_name="MessageAdded",
            dbus_interface="org.ofono.mms.Service",
        )
        self.bus.add_signal_receiver(
            lambda name, value, path=None: self.changed.append(
                (str(path), str(name), value)
            ),
            signal_name="PropertyChanged",
            dbus_interface="org.ofono.mms.Message",
            path_keyword="path",
        )
        self.bus.add_signal_receiver(
            lambda e: self.send_errors.append(e),
            signal_name="MessageSendError",
            dbus_interface="org.ofono.mms.Service",
        )
        self.service = dbus.Interface(
            self.bus.get_object("org.ofono.mms", SERVICE), "org.ofono.mms.Service"
        )
        self.modem = dbus.Interface(
            self.bus.get_object("org.ofono.mms", "/org/ofono/mms"),
            "org.ofono.mms.ModemManager",
        )
        self.counter = 0
        self.received = 0

    # --- waiting: the GLib main loop runs until a condition or a deadline
    def wait(self, cond, timeout, what):
        deadline = time.monotonic() + timeout
        ctx = GLib.MainContext.default()
        while True:
            r = cond()
            if r:
                return r
            if time.monotonic() > deadline:
                raise Failure(f"timed out after {timeout} s waiting for {what}")
            # Dispatch D-Bus signals; wake at least every 50 ms to re-check
            # conditions that are not signals (a log line, a queue).
            GLib.timeout_add(50, lambda: False)
            ctx.iteration(True)

    # --- HTTP to the MMSC, as a handset with its number from the network
    def http(self, method, path, number=None, body=None, content_type=None):
        u = urllib.parse.urlsplit(self.url + path if path.startswith("/") else path)
        c = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
        headers = {}
        if number:
            headers["X-MSISDN"] = number
        if content_type:
            headers["Content-Type"] = content_type
        c.request(method, u.path, body=body, headers=headers)
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, data

    def post_pdu(self, pdu, number):
        return self.http("POST", "/mms", number, pdu, MMS_TYPE)

    # --- the crate's side: mmsdump and mmscompose
    def file(self, data, suffix=".bin"):
        self.counter += 1
        p = os.path.join(self.tmp, f"{self.counter:04d}{suffix}")
        with open(p, "wb") as f:
            f.write(data)
        return p

    def dump(self, data):
        out = subprocess.run(
            [os.path.join(self.bin, "mmsdump"), "--json", "--with-data", self.file(data)],
            check=True,
            capture_output=True,
        ).stdout
        return json.loads(out)

    def compose(self, doc):
        return subprocess.run(
            [os.path.join(self.bin, "mmscompose")],
            input=json.dumps(doc).encode(),
            check=True,
            capture_output=True,
        ).stdout

    # --- the SMS path
    def drain(self, number):
        """The WAP pushes of a number's short messages (WDP payloads)."""
        status, body = self.http("GET", "/smsc/" + urllib.parse.quote(number), number)
        check(status == 200, f"GET /smsc/{number}: HTTP {status}")
        parts = {}
        pushes = []
        for line in body.decode().splitlines():
            fields = dict(kv.split("=", 1) for kv in line.split())
            ud = bytes.fromhex(fields["ud"])
            check(int(fields["dcs"], 16) & 0x0C == 0x04, f"not 8-bit data: {line}")
            concat = None
            if fields["udhi"] in ("1", "true"):
                udhl = ud[0]
                udh, ud = ud[1 : 1 + udhl], ud[1 + udhl :]
                k = 0
                while k + 2 <= len(udh):
                    iei, l = udh[k], udh[k + 1]
                    v = udh[k + 2 : k + 2 + l]
                    if iei == 0x00:  # concatenation, 8-bit reference
                        concat = (v[0], v[1], v[2])
                    elif iei == 0x08:  # concatenation, 16-bit reference
                        concat = (v[0] << 8 | v[1], v[2], v[3])
                    k += 2 + l
            if concat is None:
                pushes.append(ud)
                continue
            ref, total, seq = concat
            parts.setdefault(ref, {})[seq] = ud
            if len(parts[ref]) == total:
                pushes.append(b"".join(parts[ref][s] for s in range(1, total + 1)))
                del parts[ref]
        check(not parts, f"incomplete concatenated SMS for {number}")
        return pushes

    def deliver_to_mmsd(self):
        """Hands mmsd-tng every push waiting for its number; returns them."""
        pushes = self.drain(self.args.number)
        for p in pushes:
            self.modem.PushNotify(dbus.ByteArray(p))
        return pushes

    def pushed_pdus(self, number, want, timeout=10):
        """The MMS PDUs (as decoded by mmsdump) pushed to a number."""
        got = []

        def poll():
            for p in self.drain(number):
                got.append(self.dump(p))
            return len(got) >= want

        self.wait(poll, timeout, f"{want} push(es) to {number}")
        return got

    def mmsc_log(self):
        with open(self.args.mmsc_log, encoding="utf-8", errors="replace") as f:
            return f.read()


def header(doc, name):
    vals = [h.get("value") for h in doc["headers"] if h["name"].lower() == name.lower()]
    return vals


def one(doc, name):
    v = header(doc, name)
    return v[0] if v else None


def number_of(address):
    return address.split("/")[0] if address else address


def part_bytes(p):
    return base64.b64decode(p.get("data", ""))


def smil_of(doc):
    for p in (doc.get("body") or {}).get("parts", []):
        if p["content_type"].lower() == "application/smil":
            return part_bytes(p)
    return None


def content_id(p):
    for h in p.get("headers", []):
        if h["name"].lower() == "content-id":
            return str(h["value"])
    return None


def content_location(p):
    for h in p.get("headers", []):
        if h["name"].lower() == "content-location":
            return str(h["value"])
    return None


def attachments_of(props):
    """mmsd-tng's Attachments: (id, content type, file, offset, length) →
    (id, type, octets)."""
    out = []
    for a in props.get("Attachments", []):
        ident, ctype, path, offset, length = (str(a[0]), str(a[1]), str(a[2]), int(a[3]), int(a[4]))
        with open(path, "rb") as f:
            f.seek(offset)
            out.append((ident, ctype, f.read(length)))
    return out


def compare_message(env, props, sent, sender, what):
    """mmsd-tng's view of a received message against the crate's decoding
    of what was sent (sent: mmsdump JSON of the m-send-req)."""
    subject = one(sent, "Subject")
    got_subject = props.get("Subject")
    check(
        (str(got_subject) if got_subject is not None else None) == subject
        or (subject is None and str(got_subject or "") == ""),
        f"{what}: Subject {got_subject!r}, sent {subject!r}",
    )
    got_sender = str(props.get("Sender", ""))
    check(
        number_of(got_sender).lstrip("+") == sender.lstrip("+"),
        f"{what}: Sender {got_sender!r}, expected {sender}",
    )
    # The parts: mmsd-tng keeps the SMIL apart and lists the others.
    parts = (sent.get("body") or {}).get("parts", [])
    smil = smil_of(sent)
    got_smil = props.get("Smil")
    if smil is not None:
        check(got_smil is not None, f"{what}: no Smil reported")
        check(
            str(got_smil).encode("utf-8").strip(b"\0").strip()
            == smil.decode("utf-8", "replace").encode().strip(b"\0").strip(),
            f"{what}: Smil differs:\n{got_smil!r}\nvs\n{smil!r}",
        )
    expected = [p for p in parts if p["content_type"].lower() != "application/smil"]
    got = attachments_of(props)
    check(
        len(got) == len(expected),
        f"{what}: {len(got)} attachments reported, {len(expected)} sent",
    )
    for k, (p, (ident, ctype, data)) in enumerate(zip(expected, got)):
        check(
            data == part_bytes(p),
            f"{what}: attachment {k} ({ident}): {len(data)} octets, sent {len(part_bytes(p))}",
        )
        want_type = p["content_type"].lower()
        check(
            ctype.split(";")[0].strip().lower() == want_type,
            f"{what}: attachment {k} type {ctype!r}, sent {want_type!r}",
        )
        ids = {x.strip("<>") for x in (content_id(p), content_location(p)) if x}
        check(
            not ids or ident.strip("<>") in ids,
            f"{what}: attachment {k} id {ident!r}, sent {sorted(ids)}",
        )
    return len(got), smil is not None


def send_req_doc(tid, to, subject, parts, delivery_report=True):
    """An m-send-req (MMS_ENC 1.3 §6.1.1) in mmscompose's JSON, From the
    Insert-address-token."""
    headers = [
        {"name": "X-Mms-Message-Type", "value": "m-send-req"},
        {"name": "X-Mms-Transaction-Id", "value": tid},
        {"name": "X-Mms-MMS-Version", "value": "1.2"},
        {"name": "From", "value": "<insert-address>"},
        {"name": "To", "value": to + "/TYPE=PLMN"},
        {"name": "Subject", "value": subject},
        {"name": "X-Mms-Delivery-Report", "value": "Yes" if delivery_report else "No"},
        {"name": "Content-Type", "value": "application/vnd.wap.multipart.related"},
    ]
    return {
        "headers": headers,
        "body": {
            "content_type": "application/vnd.wap.multipart.related",
            "parameters": {"type": "application/smil", "start": "<smil>"},
            "parts": parts,
        },
    }


def receive_one(env, what, timeout=20):
    """Hands mmsd-tng its pushes until one new message is announced."""
    before = len(env.added)
    pushes = []

    def poll():
        pushes.extend(env.deliver_to_mmsd())
        return len(env.added) > before

    env.wait(poll, timeout, f"MessageAdded for {what}")
    check(len(env.added) == before + 1, f"{what}: {len(env.added) - before} messages announced")
    env.received += 1
    return env.added[-1]


def notifyresp_count(env, tid):
    return sum(
        1
        for line in env.mmsc_log().splitlines()
        if line.startswith(("m-notifyresp-ind " + tid + ":", "m-acknowledge-ind " + tid + ":"))
    )


def check_answered_once(env, tid, what):
    env.wait(lambda: notifyresp_count(env, tid) >= 1, 20, f"{what}: mmsd-tng's m-notifyresp-ind")
    # Give a retry (mmsd-tng retries a refused answer at once) the chance
    # to show: wait until the retrieval is over on its side, then count.
    n = notifyresp_count(env, tid)
    check(n == 1, f"{what}: the MMSC took {n} answers for {tid}")


def tids_notified(env, number):
    """Transaction-Ids of the notifications the MMSC queued for a number."""
    out = []
    for line in env.mmsc_log().splitlines():
        line = line.strip()
        if line.startswith(number + ": m-notification-ind, Transaction-Id "):
            out.append(line.split("Transaction-Id ", 1)[1].split(",")[0])
    return out


def test_receive(env):
    """(1)+(2): a message to mmsd-tng's number is announced with the right
    fields, and its answer is taken once; the sender's report comes."""
    a = env.args
    parts = [
        {"content_type": "application/smil", "parameters": {"charset": "utf-8"},
         "headers": [{"name": "Content-ID", "value": "<smil>"},
                     {"name": "Content-Location", "value": "smil.xml"}],
         "text": SMIL},
        {"content_type": "image/png", "parameters": {"name": "cat.png"},
         "headers": [{"name": "Content-ID", "value": "<cat.png>"},
                     {"name": "Content-Location", "value": "cat.png"}],
         "data": base64.b64encode(PNG).decode()},
        {"content_type": "text/plain", "parameters": {"charset": "utf-8"},
         "headers": [{"name": "Content-ID", "value": "<text.txt>"},
                     {"name": "Content-Location", "value": "text.txt"}],
         "text": "Hello <b>world</b> & \"all\", ünïcödé ✓"},
    ]
    doc = send_req_doc("T-drive-1", a.number, "Gruyère & <cheese>", parts)
    pdu = env.compose(doc)
    status, body = env.post_pdu(pdu, a.sender)
    check(status == 200, f"m-send-req: HTTP {status}")
    conf = env.dump(body)
    check(one(conf, "X-Mms-Response-Status") == "Ok", f"m-send-conf: {conf}")
    sent = env.dump(pdu)
    path, props = receive_one(env, "the first message")
    n, _ = compare_message(env, props, sent, a.sender, "message 1")
    tid = tids_notified(env, a.number)[-1]
    check_answered_once(env, tid, "message 1")
    # The report mmsd-tng's answer makes the MMSC push to the sender.
    reports = env.pushed_pdus(a.sender, 1)
    d = reports[0]
    check(d["message_type"] == "m-delivery-ind", f"to the sender: {d['message_type']}")
    check(one(d, "X-Mms-Status") == "Retrieved", f"m-delivery-ind status {one(d, 'X-Mms-Status')}")
    check(number_of(one(d, "To")) == a.number, f"m-delivery-ind To {one(d, 'To')}")
    print(f"  (1) announced {path}: Subject {str(props.get('Subject'))!r}, "
          f"Sender {props.get('Sender')}, SMIL and {n} attachments equal to what was sent")
    print(f"  (2) m-notifyresp-ind {tid} taken once; the sender's m-delivery-ind: Retrieved")


def test_send(env):
    """(3): mmsd-tng's SendMessage reaches another recipient intact, and the
    recipient's answer comes back to mmsd-tng as a delivery report."""
    a = env.args
    png = env.file(PNG, ".png")
    txt_data = "Sent by mmsd-tng ✓".encode()
    txt = env.file(txt_data, ".txt")
    options = dbus.Dictionary(
        {"Subject": dbus.String("From the phone"), "DeliveryReport": dbus.Boolean(True)},
        signature="sv",
    )
    attachments = dbus.Array(
        [dbus.Struct(("cat.png", "image/png", png)), dbus.Struct(("note.txt", "text/plain", txt))],
        signature="(sss)",
    )
    before = len(env.changed)
    path = str(env.service.SendMessage(dbus.Array([a.other], signature="s"),
                                       dbus.Dictionary(options, signature="sv", variant_level=1),
                                       attachments))

    def sent():
        for p, name, value in env.changed[before:]:
            if p == path and name.lower() == "status" and str(value) == "sent":
                return True
        check(not env.send_errors, f"MessageSendError: {env.send_errors}")
        return False

    env.wait(sent, 30, f"{path} Status sent")
    # The other recipient's handset: its notification, the message.
    notes = env.pushed_pdus(a.other, 1)
    ind = notes[0]
    check(ind["message_type"] == "m-notification-ind", f"to {a.other}: {ind['message_type']}")
    check(number_of(one(ind, "From")).lstrip("+") == a.number.lstrip("+"),
          f"notification From {one(ind, 'From')}")
    location = one(ind, "X-Mms-Content-Location")
    status, rc_bytes = env.http("GET", location, a.other)
    check(status == 200, f"GET {location}: HTTP {status}")
    rc = env.dump(rc_bytes)
    check(rc["message_type"] == "m-retrieve-conf", rc["message_type"])
    check(one(rc, "Subject") == "From the phone", f"Subject {one(rc, 'Subject')}")
    check(number_of(one(rc, "From")).lstrip("+") == a.number.lstrip("+"), f"From {one(rc, 'From')}")
    check([number_of(t) for t in header(rc, "To")] == [a.other], f"To {header(rc, 'To')}")
    got = {p["content_type"].lower(): part_bytes(p) for p in rc["body"]["parts"]}
    check(got.get("image/png") == PNG, f"image/png part: {len(got.get('image/png', b''))} octets")
    check(got.get("text/plain") == txt_data, f"text/plain part: {got.get('text/plain')!r}")
    # Retrieved: the MMSC pushes mmsd-tng an m-delivery-ind.
    tid = one(ind, "X-Mms-Transaction-Id")
    answer = env.compose({"headers": [
        {"name": "X-Mms-Message-Type", "value": "m-notifyresp-ind"},
        {"name": "X-Mms-Transaction-Id", "value": tid},
        {"name": "X-Mms-MMS-Version", "value": "1.2"},
        {"name": "X-Mms-Status", "value": "Retrieved"},
    ]})
    status, _ = env.post_pdu(answer, a.other)
    check(status == 200, f"m-notifyresp-ind: HTTP {status}")
    before = len(env.changed)

    # mmsd-tng takes the m-delivery-ind (MMS_ENC 1.3 §6.5) and sets the
    # message's status: "delivery_update,NUMBER=retrieved", then
    # "delivered" once every recipient has answered.
    def reported():
        env.deliver_to_mmsd()
        statuses = [str(v) for p, n, v in env.changed[before:] if p == path and n.lower() == "status"]
        return statuses if "delivered" in statuses else None

    statuses = env.wait(reported, 20, f"{path}: the delivery report")
    want = f"delivery_update,{a.other}=retrieved"
    check(want in statuses, f"{path}: statuses {statuses}, no {want}")
    print(f"  (3) SendMessage {path}: sent; {a.other} got Subject, From {a.number}, "
          f"image/png and text/plain octet for octet; mmsd-tng's status: {', '.join(statuses)}")


def corpus_send_reqs(root):
    out = []
    with open(os.path.join(root, "MANIFEST.tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 7 and "m-send-req" in cols[-1] and not line.startswith("#"):
                out.append(os.path.join(root, cols[0]))
    return out


def test_corpus(env):
    """(4): corpus m-send-req files, readdressed to mmsd-tng, through the
    MMSC; what mmsd-tng reports against the crate's decoding."""
    a = env.args
    files = corpus_send_reqs(a.corpus)
    check(files, "no m-send-req in the corpus manifest")
    fields = 0
    for k, path in enumerate(files):
        with open(path, "rb") as f:
            original = f.read()
        doc = env.dump(original)
        check("error" not in doc, f"{path}: {doc}")
        # To mmsd-tng alone, from the network's number; a Transaction-Id
        # of our own; no expiry in the past.
        headers = []
        for h in doc["headers"]:
            n = h["name"].lower()
            if n in ("to", "cc", "bcc", "x-mms-expiry", "x-mms-delivery-time", "date"):
                continue
            if n == "from":
                h = {"name": "From", "value": "<insert-address>"}
            if n == "x-mms-transaction-id":
                h = {"name": "X-Mms-Transaction-Id", "value": f"T-corpus-{k}"}
            headers.append(h)
        at = next(i for i, h in enumerate(headers) if h["name"].lower() == "content-type")
        headers.insert(at, {"name": "To", "value": a.number + "/TYPE=PLMN"})
        doc["headers"] = headers
        pdu = env.compose(doc)
        sent = env.dump(pdu)
        # The body went through mmscompose unchanged.
        check(sent["body"] == env.dump(original)["body"], f"{path}: the body changed in the rewrite")
        status, body = env.post_pdu(pdu, a.sender)
        check(status == 200, f"{path}: HTTP {status}")
        conf = env.dump(body)
        check(one(conf, "X-Mms-Response-Status") == "Ok", f"{path}: {one(conf, 'X-Mms-Response-Status')}")
        _, props = receive_one(env, os.path.basename(path))
        n, smil = compare_message(env, props, sent, a.sender, os.path.basename(path))
        tid = tids_notified(env, a.number)[-1]
        check_answered_once(env, tid, os.path.basename(path))
        # The sender's m-delivery-ind exactly when it asked for one.
        if str(one(sent, "X-Mms-Delivery-Report")).lower() == "yes":
            d = env.pushed_pdus(a.sender, 1)[0]
            check(one(d, "X-Mms-Status") == "Retrieved", f"{path}: report {one(d, 'X-Mms-Status')}")
        else:
            check(env.drain(a.sender) == [], f"{path}: a report nobody asked for")
        fields += 2 + smil + 3 * n
        print(f"  (4) {os.path.relpath(path, a.corpus)}: {len(pdu)} octets; Subject, Sender, "
              f"{'SMIL, ' if smil else 'no SMIL, '}{n} attachment(s) (id, type, octets) agree")
    return len(files), fields


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--mmsc", required=True)
    p.add_argument("--mmsc-log", required=True)
    p.add_argument("--number", required=True, help="mmsd-tng's number")
    p.add_argument("--sender", required=True)
    p.add_argument("--other", required=True)
    p.add_argument("--bin", required=True)
    p.add_argument("--corpus", required=True)
    p.add_argument("--workdir", required=True)
    args = p.parse_args()
    DBusGMainLoop(set_as_default=True)
    env = Env(args)
    t0 = time.monotonic()
    try:
        test_receive(env)
        test_send(env)
        files, fields = test_corpus(env)
    except Failure as e:
        print(f"FAILED: {e}")
        return 1
    # Nothing mmsd-tng was told went unanswered: every notification the
    # MMSC queued for it was answered exactly once.
    tids = tids_notified(env, args.number)
    for tid in tids:
        n = notifyresp_count(env, tid)
        if n != 1:
            print(f"FAILED: {tid} answered {n} times")
            return 1
    print(
        f"mmsd-tng: {env.received} messages received and announced, 1 sent and reported "
        f"delivered, {len(tids)} notifications each answered once, {files} corpus m-send-req "
        f"({fields} fields compared), in {time.monotonic() - t0:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
