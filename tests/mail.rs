//! MMS ↔ Internet mail (`mms_pdu::mail`): every multipart PDU of the
//! corpus to mail and back, the mail read by a parser that is not ours
//! (Python's standard `email` package), and mail written by Python read as
//! strict-valid m-send-reqs.
#![cfg(feature = "mail")]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use mms_pdu::mail::{self, AddressStyle, MailOptions};
use mms_pdu::mms::message::Message;
use mms_pdu::wsp::{Charset, ContentType, EncodedString, Multipart, Part, WspHeader};
use mms_pdu::{Body, DecodeOptions, FieldCode, FromValue, MessageType, Pdu, Value};

#[path = "support/mail_compare.rs"]
mod compare;
use compare::{assert_same_parts, cid, ct_key, data, header_keys, multipart};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every MMS PDU of the corpus whose body is a multipart.
fn corpus_multipart() -> Vec<(String, Vec<u8>)> {
    let manifest = fs::read_to_string(root().join("tests/corpus/MANIFEST.tsv")).unwrap();
    let mut out = Vec::new();
    for line in manifest.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 6 || cols[5] == "wap-push" {
            continue;
        }
        let bytes = fs::read(root().join("tests/corpus").join(cols[0])).unwrap();
        if let Ok(pdu) = Pdu::decode(&bytes) {
            if matches!(pdu.body, Some(Body::Multipart(_))) {
                out.push((cols[0].to_string(), bytes));
            }
        }
    }
    out
}

#[test]
fn round_trips_every_multipart_pdu_of_the_corpus() {
    let files = corpus_multipart();
    assert!(
        files.len() >= 20,
        "only {} multipart PDUs found",
        files.len()
    );
    let mut with_smil = 0;
    for (file, bytes) in &files {
        let pdu = Pdu::decode(bytes).unwrap();
        let msg = Message::from_pdu(pdu.clone(), &mms_pdu::DecodeOptions::LENIENT).unwrap();
        let eml = mail::to_mime(&msg, &MailOptions::default()).unwrap();
        let kind = pdu.message_type().unwrap();
        let back = mail::from_mime(&eml, kind, &MailOptions::default())
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(back.message_type(), kind, "{file}");
        let back_pdu = back.to_pdu();
        // The same header fields, in the same order.
        assert_eq!(
            header_keys(&msg.to_pdu()),
            header_keys(&back_pdu),
            "{file}: headers"
        );
        assert_eq!(
            ct_key(pdu.content_type().unwrap()),
            ct_key(back_pdu.content_type().unwrap()),
            "{file}: content type"
        );
        assert_same_parts(file, multipart(&pdu), multipart(&back_pdu));
        // The SMIL resolves to the same parts as before.
        let links = |p: &Pdu<'_>| -> Option<(Vec<Option<usize>>, usize, Vec<usize>)> {
            let found = mms_pdu::smil::from_pdu(p).ok()??;
            let parts = found
                .presentation
                .slides
                .iter()
                .flat_map(|s| s.media.iter().map(|m| m.part))
                .collect();
            Some((
                parts,
                found.resolution.unresolved.len(),
                found.resolution.unused_parts.clone(),
            ))
        };
        let before = links(&pdu);
        with_smil += usize::from(before.is_some());
        assert_eq!(before, links(&back_pdu), "{file}: SMIL links");
        // And the message encodes and decodes as the same PDU type.
        let again = back.encode().unwrap();
        assert_eq!(
            Pdu::decode(&again).unwrap().message_type(),
            Some(kind),
            "{file}"
        );
        // A second trip changes nothing.
        let eml2 = mail::to_mime(&back, &MailOptions::default()).unwrap();
        assert_eq!(eml, eml2, "{file}: a second conversion differs");
    }
    assert!(
        with_smil >= 15,
        "only {with_smil} PDUs with a SMIL presentation"
    );
}

/// What the crate put in, for the Python check: one line per mail.
fn expected_addr(a: &str) -> String {
    let a = a.trim();
    if let (Some(l), Some(r)) = (a.rfind('<'), a.rfind('>')) {
        if l < r && a.contains('@') {
            return a[l + 1..r].to_string();
        }
    }
    if a.contains('@') {
        a.to_string()
    } else {
        format!("{a}@mms.invalid")
    }
}

fn leaves<'p, 'a>(mp: &'p Multipart<'a>, out: &mut Vec<&'p Part<'a>>) {
    for p in &mp.parts {
        match &p.nested {
            Some(n) => leaves(n, out),
            None => out.push(p),
        }
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

const PY_READER: &str = r#"
import email, email.policy, sys
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        m = email.message_from_binary_file(f, policy=email.policy.default)
    def addrs(name):
        h = m[name]
        return [a.addr_spec for a in h.addresses] if h is not None else []
    fields = [path, 'subject=' + ascii(str(m['subject'] or ''))]
    for n in ('from', 'to', 'cc', 'bcc'):
        fields.append(n + '=' + ','.join(addrs(n)))
    parts = [p for p in m.walk() if not p.is_multipart()]
    fields.append('parts=%d' % len(parts))
    for p in parts:
        data = p.get_payload(decode=True) or b''
        if p.get_content_maintype() == 'text':
            # A reader may give text lines its own line ends (RFC 2045 2.10).
            data = data.replace(b'\r\n', b'\n')
        fields.append('part=%s|%s|%s|%s' % (p.get_content_type(), p['content-id'] or '',
            p.get_filename() or '', data.hex()))
    print('\t'.join(fields))
"#;

fn python(paths: &[PathBuf]) -> Vec<String> {
    let out = Command::new("python3")
        .arg("-c")
        .arg(PY_READER)
        .args(paths)
        .output()
        .expect("python3 must be installed: it is the independent reader of this test");
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

/// Python's `ascii()` of a str.
fn py_ascii(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut r = String::new();
    r.push(quote);
    for c in s.chars() {
        let u = c as u32;
        match c {
            '\\' => r.push_str("\\\\"),
            '\n' => r.push_str("\\n"),
            '\r' => r.push_str("\\r"),
            '\t' => r.push_str("\\t"),
            c if c == quote => {
                r.push('\\');
                r.push(c);
            }
            c if (0x20..0x7f).contains(&u) => r.push(c),
            _ if u < 0x100 => r.push_str(&format!("\\x{u:02x}")),
            _ if u < 0x10000 => r.push_str(&format!("\\u{u:04x}")),
            _ => r.push_str(&format!("\\U{u:08x}")),
        }
    }
    r.push(quote);
    r
}

#[test]
fn python_email_reads_what_the_crate_wrote() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("mail-python");
    fs::create_dir_all(&dir).unwrap();
    let mut paths = Vec::new();
    let mut expected = Vec::new();
    for (file, bytes) in corpus_multipart() {
        let pdu = Pdu::decode(&bytes).unwrap();
        let eml = mail::pdu_to_mime(&pdu, &MailOptions::default()).unwrap();
        let path = dir.join(format!("{}.eml", file.replace('/', "_")));
        fs::write(&path, &eml).unwrap();
        let mut fields = vec![path.display().to_string()];
        let subject = match pdu.get(FieldCode::SUBJECT) {
            // The octets as written (a BOM included), else as the crate reads them.
            Some(Value::EncodedString(s)) if s.charset() == Some(Charset::UTF_8) => {
                String::from_utf8_lossy(s.as_bytes()).into_owned()
            }
            Some(Value::EncodedString(s)) => mail::decode_subject(s),
            _ => String::new(),
        };
        fields.push(format!("subject={}", py_ascii(&subject)));
        let addrs = |code: FieldCode| -> String {
            pdu.get_all(code)
                .filter_map(|v| match v {
                    Value::EncodedString(a) | Value::From(FromValue::Address(a)) => {
                        Some(expected_addr(&a.to_string_lossy()))
                    }
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(",")
        };
        fields.push(format!("from={}", addrs(FieldCode::FROM)));
        fields.push(format!("to={}", addrs(FieldCode::TO)));
        fields.push(format!("cc={}", addrs(FieldCode::CC)));
        fields.push(format!("bcc={}", addrs(FieldCode::BCC)));
        let mut ls = Vec::new();
        leaves(multipart(&pdu), &mut ls);
        fields.push(format!("parts={}", ls.len()));
        for p in ls {
            let media = p.content_type.media().name().to_ascii_lowercase();
            let id = p
                .content_id()
                .map(|i| cid(&i.to_string_lossy()))
                .unwrap_or_default();
            let filename = p
                .headers
                .iter()
                .find_map(|h| match h {
                    WspHeader::ContentDisposition { params, .. } => params
                        .iter()
                        .find(|x| x.name.name() == "filename")
                        .map(|x| x.value.to_text()),
                    _ => None,
                })
                .or_else(|| p.content_type.param("name").map(|v| v.to_text()))
                .unwrap_or_default();
            let mut octets = data(p);
            if media.starts_with("text/") {
                let s = String::from_utf8_lossy(&octets).replace("\r\n", "\n");
                if std::str::from_utf8(&octets).is_ok() {
                    octets = s.into_bytes();
                } else {
                    let mut v = Vec::new();
                    let mut k = 0;
                    while k < octets.len() {
                        if octets[k] == b'\r' && octets.get(k + 1) == Some(&b'\n') {
                            k += 1;
                        }
                        v.push(octets[k]);
                        k += 1;
                    }
                    octets = v;
                }
            }
            fields.push(format!("part={media}|{id}|{filename}|{}", hex(&octets)));
        }
        expected.push(fields.join("\t"));
        paths.push(path);
    }
    let got = python(&paths);
    assert_eq!(got.len(), expected.len());
    for (g, e) in got.iter().zip(&expected) {
        if g != e {
            let short = |s: &str| -> String {
                s.split('\t')
                    .map(|f| if f.len() > 200 { &f[..200] } else { f })
                    .collect::<Vec<_>>()
                    .join("\n  ")
            };
            panic!(
                "Python read\n  {}\nthe crate wrote\n  {}",
                short(g),
                short(e)
            );
        }
    }
}

fn fixture(name: &str) -> Vec<u8> {
    fs::read(root().join("tests/mail").join(name)).unwrap()
}

/// Reads a fixture as an m-send-req and checks it is strict-valid.
fn strict_send_req(name: &str) -> (Vec<u8>, mms_pdu::mms::message::SendReq<'static>) {
    let msg = mail::from_mime(
        &fixture(name),
        MessageType::SEND_REQ,
        &MailOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"));
    let Message::SendReq(req) = msg else {
        panic!("{name}: not an m-send-req")
    };
    assert!(req.warnings.is_empty(), "{name}: {:?}", req.warnings);
    let bytes = req.encode().unwrap();
    let strict = DecodeOptions {
        strict: true,
        ..DecodeOptions::default()
    };
    Pdu::decode_with(&bytes, &strict).unwrap_or_else(|e| panic!("{name}: {e}"));
    match Message::decode_strict(&bytes) {
        Ok(Message::SendReq(_)) => {}
        other => panic!("{name}: {other:?}"),
    }
    let pdu = Pdu::decode(&bytes).unwrap();
    let found = mms_pdu::smil::from_pdu(&pdu).unwrap().expect("a SMIL part");
    assert!(
        found.resolution.is_complete(),
        "{name}: {:?}",
        found.resolution
    );
    (bytes, req)
}

fn parts_of<'a>(req: &'a mms_pdu::mms::message::SendReq<'_>) -> &'a [Part<'a>] {
    match &req.body {
        Some(Body::Multipart(m)) => &m.parts,
        other => panic!("{other:?}"),
    }
}

#[test]
fn reads_python_mail_with_a_utf8_subject_qp_text_and_a_png() {
    let (_, req) = strict_send_req("utf8_subject_qp_text_png.eml");
    let subject = req.subject.as_ref().unwrap();
    assert_eq!(subject.charset(), Some(Charset::UTF_8));
    assert_eq!(subject.as_str(), Some("Grüße aus Köln ☀"));
    match &req.from {
        FromValue::Address(a) => assert_eq!(a.as_str(), Some("Alice <alice@example.com>")),
        other => panic!("{other:?}"),
    }
    let to: Vec<_> = req
        .to
        .iter()
        .map(|t| t.to_string_lossy().into_owned())
        .collect();
    assert_eq!(to, ["+33612345678/TYPE=PLMN", "bob@example.org"]);
    assert_eq!(req.date, Some(1_796_464_800));
    let parts = parts_of(&req);
    assert_eq!(parts.len(), 3, "SMIL, text, image");
    assert_eq!(parts[0].content_type.media().name(), "application/smil");
    assert_eq!(
        parts[1].content_type.to_string(),
        "text/plain; charset=utf-8"
    );
    assert_eq!(
        &parts[1].data[..],
        "Hallo Bob,\r\nschöne Grüße aus Köln!\r\n".as_bytes()
    );
    assert_eq!(parts[2].content_type.media().name(), "image/png");
    assert!(parts[2].data.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert_eq!(
        parts[2].content_location().unwrap().as_str(),
        Some("gradient.png")
    );
}

#[test]
fn reads_python_mail_with_a_latin1_subject_and_a_jpeg_with_a_content_id() {
    let (_, req) = strict_send_req("latin1_subject_qp_text_jpeg.eml");
    let subject = req.subject.as_ref().unwrap();
    assert_eq!(
        subject.charset(),
        Some(Charset(4)),
        "iso-8859-1 by its MIBenum"
    );
    assert_eq!(subject.as_bytes(), b"Caf\xe9 cr\xe8me \xe0 la fran\xe7aise");
    assert_eq!(req.cc[0].as_str(), Some("dave@example.net"));
    let parts = parts_of(&req);
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[1].content_type.charset(), Some(Charset(4)));
    assert_eq!(&parts[1].data[..], b"Voil\xe0 le caf\xe9.\r\n");
    let jpeg = &parts[2];
    assert_eq!(
        jpeg.content_id().unwrap().as_str(),
        Some("<photo1@example.net>")
    );
    assert!(jpeg.data.starts_with(&[0xFF, 0xD8]) && jpeg.data.ends_with(&[0xFF, 0xD9]));
    assert_eq!(jpeg.data.len(), 262);
    assert!(jpeg.headers.iter().any(|h| matches!(h,
        WspHeader::ContentDisposition { params, .. } if params.iter().any(|p| p.value.to_text() == "photo.jpg"))));
    // The SMIL names the image by its Content-Location, the disposition's file name.
    let smil = String::from_utf8(parts[0].data.to_vec()).unwrap();
    assert!(
        smil.contains(r#"<img src="photo.jpg" region="Image"/>"#),
        "{smil}"
    );
}

#[test]
fn reads_python_mail_with_nested_alternative_parts() {
    let (_, req) = strict_send_req("nested_alternative_png.eml");
    assert_eq!(
        req.subject.as_ref().unwrap().as_str(),
        Some("Nested alternative parts")
    );
    assert_eq!(req.subject.as_ref().unwrap().charset(), None);
    let parts = parts_of(&req);
    // The plain alternative is kept, the HTML one is not shown by a handset.
    let media: Vec<_> = parts
        .iter()
        .map(|p| p.content_type.media().name().into_owned())
        .collect();
    assert_eq!(media, ["application/smil", "text/plain", "image/png"]);
    assert_eq!(&parts[1].data[..], b"Plain text version.\r\n");
}

#[test]
fn keeps_nested_alternatives_when_no_smil_is_wanted() {
    let opts = MailOptions {
        generate_smil: false,
        ..MailOptions::default()
    };
    let msg = mail::from_mime(
        &fixture("nested_alternative_png.eml"),
        MessageType::SEND_REQ,
        &opts,
    )
    .unwrap();
    let Message::SendReq(req) = msg else { panic!() };
    assert_eq!(
        req.content_type.media().name(),
        "application/vnd.wap.multipart.mixed"
    );
    let parts = parts_of(&req);
    let nested = parts[0]
        .nested
        .as_ref()
        .expect("the alternative stays a nested multipart");
    assert_eq!(
        parts[0].content_type.media().name(),
        "application/vnd.wap.multipart.alternative"
    );
    assert_eq!(nested.parts[1].content_type.media().name(), "text/html");
    // And it goes back to mail as the same tree.
    let eml = String::from_utf8(mail::to_mime(&Message::SendReq(req), &opts).unwrap()).unwrap();
    assert!(eml.contains("Content-Type: multipart/mixed;"));
    assert!(eml.contains("Content-Type: multipart/alternative;"));
}

#[test]
fn writes_phone_numbers_in_either_address_style() {
    let req = mms_pdu::mms::message::SendReq::builder()
        .transaction_id("T1")
        .to("+33612345678")
        .text("a.txt", "x")
        .build()
        .unwrap();
    let msg = Message::SendReq(req);
    let plain = MailOptions {
        address_style: AddressStyle::Plain,
        domain: "mms.example.net".into(),
        ..MailOptions::default()
    };
    let eml = mail::to_mime(&msg, &plain).unwrap();
    assert!(String::from_utf8_lossy(&eml).contains("To: +33612345678@mms.example.net\r\n"));
    let Message::SendReq(back) = mail::from_mime(&eml, MessageType::SEND_REQ, &plain).unwrap()
    else {
        panic!()
    };
    assert_eq!(back.to[0].as_str(), Some("+33612345678/TYPE=PLMN"));
    // With a sender given, an insert-address From is written as that sender.
    let with_sender = MailOptions {
        sender: Some("+33600000000/TYPE=PLMN@mms.invalid".into()),
        ..MailOptions::default()
    };
    let eml = mail::to_mime(&msg, &with_sender).unwrap();
    assert!(String::from_utf8_lossy(&eml).contains("From: +33600000000/TYPE=PLMN@mms.invalid\r\n"));
}

#[test]
fn rejects_what_is_not_mail_and_malformed_mm4_values() {
    assert!(mail::from_mime(b"", MessageType::SEND_REQ, &MailOptions::default()).is_err());
    let eml = b"X-Mms-Priority: Urgent\r\nTo: a@b.c\r\n\r\nhi\r\n";
    let err = mail::from_mime(eml, MessageType::SEND_REQ, &MailOptions::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "mail header X-Mms-Priority: expected a token name of the field"
    );
}

#[test]
fn decodes_encoded_words_inside_an_mms_subject() {
    let s = EncodedString::new("=?utf-8?B?8J+Yig==?= ok").unwrap();
    assert_eq!(mail::decode_subject(&s), "😊 ok");
    let tagged = EncodedString::with_charset(Charset::UTF_8, "=?iso-8859-1?Q?=E9t=E9?=".as_bytes());
    assert_eq!(mail::decode_subject(&tagged), "été");
}

#[test]
fn reads_every_prefix_and_flipped_octet_of_a_fixture_without_panicking() {
    for name in [
        "latin1_subject_qp_text_jpeg.eml",
        "nested_alternative_png.eml",
    ] {
        let eml = fixture(name);
        for n in 0..eml.len() {
            let _ = mail::from_mime(&eml[..n], MessageType::SEND_REQ, &MailOptions::default());
        }
        for k in (0..eml.len()).step_by(3) {
            let mut m = eml.clone();
            m[k] ^= 0xA5;
            if let Ok(msg) =
                mail::from_mime(&m, MessageType::RETRIEVE_CONF, &MailOptions::default())
            {
                // Whatever is read encodes, and goes back to mail.
                msg.encode().unwrap();
                mail::to_mime(&msg, &MailOptions::default()).unwrap();
            }
        }
    }
}

/// A mail of `n` text and image parts, and its conversion time both ways.
fn timed_round_trip(n: usize) -> std::time::Duration {
    let mut eml = String::from(
        "From: a@example.com\r\nTo: b@example.com\r\nSubject: many\r\n\
         Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n",
    );
    for k in 0..n {
        if k % 2 == 0 {
            eml.push_str(&format!(
                "--b\r\nContent-Type: text/plain\r\n\r\nline {k}\r\n"
            ));
        } else {
            eml.push_str(&format!(
                "--b\r\nContent-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n\
                 Content-Disposition: attachment; filename=\"i{k}.gif\"\r\n\r\nR0lGODlh\r\n"
            ));
        }
    }
    eml.push_str("--b--\r\n");
    let t = std::time::Instant::now();
    let msg = mail::from_mime(
        eml.as_bytes(),
        MessageType::SEND_REQ,
        &MailOptions::default(),
    )
    .unwrap();
    let out = mail::to_mime(&msg, &MailOptions::default()).unwrap();
    let elapsed = t.elapsed();
    let Message::SendReq(req) = msg else { panic!() };
    assert_eq!(parts_of(&req).len(), n + 1, "the parts and a SMIL part");
    assert!(out.len() > eml.len());
    elapsed
}

#[test]
fn converts_in_time_linear_in_the_parts() {
    timed_round_trip(100); // warm up
    let one = timed_round_trip(1000);
    let four = timed_round_trip(4000);
    // Linear work takes about 4 times as long; quadratic work 16 times.
    assert!(
        four < one * 10 + std::time::Duration::from_millis(200),
        "1000 parts: {one:?}, 4000 parts: {four:?}"
    );
}

#[test]
fn reads_an_mm4_forward_request_from_another_mmsc() {
    // As another operator's MMSC sends it over SMTP (3GPP TS 23.140 §8.4).
    let eml = "X-Mms-3GPP-MMS-Version: 6.10.0\r\n\
        X-Mms-Message-Type: MM4_forward.REQ\r\n\
        X-Mms-Transaction-ID: 0123456789\r\n\
        X-Mms-Message-ID: <msg-42@mmsc.example.de>\r\n\
        X-Mms-Ack-Request: Yes\r\n\
        X-Mms-Originator-System: system-user@mms.mnc001.mcc262.gprs\r\n\
        From: +4917012345678/TYPE=PLMN@mms.mnc001.mcc262.gprs\r\n\
        To: +33612345678/TYPE=PLMN@mms.mnc001.mcc208.gprs\r\n\
        Date: Thu, 03 Dec 2026 09:15:00 +0100\r\n\
        Subject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?=\r\n\
        X-Mms-Message-Class: Personal\r\n\
        X-Mms-Expiry: Sun, 06 Dec 2026 09:15:00 +0100\r\n\
        X-Mms-Delivery-Report: Yes\r\n\
        X-Mms-Read-Reply: No\r\n\
        X-Mms-Priority: High\r\n\
        X-Mms-Sender-Visibility: Show\r\n\
        Message-ID: <mm4-1@mmsc.example.de>\r\n\
        MIME-Version: 1.0\r\n\
        Content-Type: multipart/related; type=\"application/smil\"; start=\"<s>\"; boundary=\"x\"\r\n\
        \r\n\
        --x\r\n\
        Content-Type: application/smil\r\n\
        Content-ID: <s>\r\n\
        \r\n\
        <smil><body><par dur=\"5000ms\"><text src=\"cid:t\"/></par></body></smil>\r\n\
        --x\r\n\
        Content-Type: text/plain; charset=utf-8\r\n\
        Content-ID: <t>\r\n\
        Content-Transfer-Encoding: quoted-printable\r\n\
        \r\n\
        Gr=C3=BC=C3=9Fe aus Berlin\r\n\
        --x--\r\n";
    let msg = mail::from_mime(
        eml.as_bytes(),
        MessageType::RETRIEVE_CONF,
        &MailOptions::default(),
    )
    .unwrap();
    let Message::RetrieveConf(conf) = msg else {
        panic!()
    };
    assert_eq!(
        conf.transaction_id.as_ref().unwrap().as_str(),
        Some("0123456789")
    );
    assert_eq!(
        conf.message_id.as_ref().unwrap().as_str(),
        Some("<msg-42@mmsc.example.de>")
    );
    match &conf.from {
        Some(FromValue::Address(a)) => assert_eq!(a.as_str(), Some("+4917012345678/TYPE=PLMN")),
        other => panic!("{other:?}"),
    }
    assert_eq!(conf.to[0].as_str(), Some("+33612345678/TYPE=PLMN"));
    assert_eq!(conf.date, 1_796_285_700);
    assert_eq!(conf.subject.as_ref().unwrap().as_str(), Some("Grüße"));
    assert_eq!(conf.message_class, Some(mms_pdu::MessageClass::Token(0x80)));
    assert_eq!(conf.priority, Some(mms_pdu::mms::typed::Priority::HIGH));
    assert_eq!(conf.delivery_report, Some(true));
    assert_eq!(conf.read_report, Some(false));
    let Some(Body::Multipart(body)) = &conf.body else {
        panic!()
    };
    assert_eq!(&body.parts[1].data[..], "Grüße aus Berlin".as_bytes());
    assert_eq!(conf.content_type.param("start").unwrap().to_text(), "<s>");
    // X-Mms-Expiry and X-Mms-Sender-Visibility are no fields of an
    // m-retrieve-conf: kept, and reported against its header table.
    let kept: Vec<_> = conf.others.iter().filter_map(|(_, h)| h.code()).collect();
    assert_eq!(kept, [FieldCode::EXPIRY, FieldCode::SENDER_VISIBILITY]);
    assert_eq!(conf.warnings.len(), 2, "{:?}", conf.warnings);
    assert!(matches!(
        conf.to_pdu().get(FieldCode::EXPIRY),
        Some(Value::Time(mms_pdu::Time::Absolute(1_796_544_900)))
    ));
}

#[test]
fn no_value_from_a_pdu_ends_a_mail_header_line() {
    use mms_pdu::wsp::{Media, ParamName, ParamValue, Parameter, Text, TextValue};
    let evil = "x\r\nBcc: evil@example.com\r\n\r\nbody";
    let mut ct = ContentType::new(Media::from_name("text/plain\r\nBcc: evil@example.com"));
    ct.params_mut().push(Parameter {
        name: ParamName::Text(Text::new("n\r\nBcc: evil@example.com").unwrap()),
        value: ParamValue::TextValue(TextValue::Quoted(Text::new(evil).unwrap())),
    });
    let mut part = Part::new(ct, &b"hi"[..]);
    part.headers.push(WspHeader::ContentId {
        id: Text::new(evil).unwrap(),
        quoted: true,
    });
    part.headers
        .push(WspHeader::ContentLocation(Text::new(evil).unwrap()));
    part.headers.push(WspHeader::Application {
        name: Text::new("X-A").unwrap(),
        value: Text::new(evil).unwrap(),
    });
    let req = mms_pdu::mms::message::SendReq {
        transaction_id: Text::new(evil).unwrap(),
        to: vec![
            EncodedString::new(evil).unwrap(),
            EncodedString::new("a@b.c\r\nBcc: evil@example.com").unwrap(),
        ],
        subject: Some(EncodedString::new(evil).unwrap()),
        content_type: ContentType::new(Media::from_name("application/vnd.wap.multipart.mixed")),
        body: Some(Body::Multipart(Multipart {
            parts: vec![part],
            ..Multipart::default()
        })),
        ..Default::default()
    };
    let eml = mail::to_mime(&Message::SendReq(req), &MailOptions::default()).unwrap();
    let text = String::from_utf8_lossy(&eml);
    assert!(!text.contains("\r\nBcc:"), "{text}");
    assert!(!text.contains("\nBcc:"), "{text}");
    // And the mail reads back with no Bcc.
    let Message::SendReq(back) =
        mail::from_mime(&eml, MessageType::SEND_REQ, &MailOptions::default()).unwrap()
    else {
        panic!()
    };
    assert!(back.bcc.is_empty());
}

#[test]
fn converts_corrupted_corpus_pdus_without_panicking() {
    let mut converted = 0;
    for (_, bytes) in corpus_multipart() {
        let step = (bytes.len() / 40).max(1);
        for k in (0..bytes.len()).step_by(step) {
            let mut b = bytes.clone();
            b[k] ^= 0x5A;
            let Ok(pdu) = Pdu::decode(&b) else { continue };
            if let Ok(eml) = mail::pdu_to_mime(&pdu, &MailOptions::default()) {
                converted += 1;
                let kind = pdu.message_type().unwrap_or(MessageType::RETRIEVE_CONF);
                let _ = mail::from_mime(&eml, kind, &MailOptions::default());
            }
        }
    }
    assert!(converted > 300, "only {converted} corrupted PDUs converted");
}

#[test]
fn reads_python_mail_that_is_plain_text_only() {
    let (_, req) = strict_send_req("plain_text_only.eml");
    let parts = parts_of(&req);
    let media: Vec<_> = parts
        .iter()
        .map(|p| p.content_type.media().name().into_owned())
        .collect();
    assert_eq!(media, ["application/smil", "text/plain"]);
    assert_eq!(&parts[1].data[..], b"Nothing but text.\r\n");
    assert_eq!(req.to[0].as_str(), Some("+447700900123/TYPE=PLMN"));
}

#[test]
fn reads_python_mail_with_an_html_alternative_and_an_inline_picture() {
    let (_, req) = strict_send_req("related_html_inline_png.eml");
    let parts = parts_of(&req);
    let media: Vec<_> = parts
        .iter()
        .map(|p| p.content_type.media().name().into_owned())
        .collect();
    // The text/plain alternative, and the picture the HTML one showed.
    assert_eq!(media, ["application/smil", "text/plain", "image/png"]);
    assert_eq!(
        parts[2].content_id().unwrap().as_str(),
        Some("<pic5@example.com>")
    );
    assert!(parts[2].data.starts_with(b"\x89PNG"));
    let smil = String::from_utf8(parts[0].data.to_vec()).unwrap();
    assert!(
        smil.contains(
            r#"<text src="part1.txt" region="Text"/><img src="part2.png" region="Image"/>"#
        ),
        "{smil}"
    );
}
