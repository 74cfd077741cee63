//! Conformance against the corpus of real PDUs in `tests/corpus/`.
//!
//! `MANIFEST.tsv` lists every file with its kind and message type. Every
//! MMS PDU must decode, report the manifest's message type and re-encode
//! byte for byte; its canonical re-encoding must equal the input too, but
//! for the few files listed in [`EXCEPTIONS`], each of which has a test of
//! its own that pins down the exact difference and why it exists. Files
//! noted `malformed` must fail cleanly. WAP pushes are not MMS PDUs at the
//! top level; their MMS body is cut out by a small local framing helper.

use std::collections::BTreeSet;
use std::path::Path;

use mms_pdu::wsp::{Charset, Media, ParamValue, WspHeader};
use mms_pdu::{
    Body, DecodeError, DecodeOptions, ErrorKind, FieldCode, FromValue, MessageClass, MessageType,
    Pdu, Time, Value, Version,
};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/");

/// Files whose decoding is not clean: the canonical re-encoding differs
/// from the input, or lenient decoding records warnings. Each has its own
/// test below.
const EXCEPTIONS: &[&str] = &[
    "mmsd/rc-mms-1-3-con-211.mms",
    "sailfish/test_mms_codec-m-retrieve_9.conf",
    "sailfish/test_retrieve-InvalidSubject-m-retrieve.conf",
    "capcom6/MMSParserTest-simpleTest.mms",
    "sailfish/test_retrieve-Success2-m-notification.ind",
    "sailfish/test_retrieve-Success3-m-retrieve.conf",
];

const STRICT: DecodeOptions = DecodeOptions {
    limits: mms_pdu::Limits::DEFAULT,
    strict: true,
};

#[derive(Debug)]
struct Row {
    file: String,
    kind: String,
    message_type: Option<u8>,
    size: usize,
    note: String,
}

fn manifest() -> Vec<Row> {
    let text = std::fs::read_to_string(format!("{ROOT}MANIFEST.tsv")).expect("MANIFEST.tsv");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("file\tsource_repo\toriginal_path\tcommit\tlicense\tkind\tmessage_type\tsize\tnote")
    );
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 9, "manifest row {l:?}");
            Row {
                file: c[0].to_string(),
                kind: c[5].to_string(),
                message_type: (!c[6].is_empty()).then(|| {
                    let hex = c[6].strip_prefix("0x").expect("message type as 0xNN");
                    u8::from_str_radix(hex, 16).expect("message type hex")
                }),
                size: c[7].parse().expect("size"),
                note: c[8].to_string(),
            }
        })
        .collect()
}

/// Reads a corpus file; a listed file that is missing is a failure.
fn read(file: &str) -> Vec<u8> {
    std::fs::read(format!("{ROOT}{file}")).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn is_malformed(row: &Row) -> bool {
    row.note.contains("malformed")
}

fn canonical(pdu: &Pdu<'_>) -> Vec<u8> {
    let mut c = pdu.clone();
    c.canonicalize();
    c.encode().expect("canonical encoding")
}

/// `orig` with `remove` octets at `at` replaced by `insert`.
fn splice(orig: &[u8], at: usize, remove: usize, insert: &[u8]) -> Vec<u8> {
    let mut v = orig[..at].to_vec();
    v.extend_from_slice(insert);
    v.extend_from_slice(&orig[at + remove..]);
    v
}

/// The MMS body of a connectionless WSP Push (WAP-230 §8.2.4.1):
/// `TID (1 octet) | PDU type 0x06 | HeadersLen (uintvar) | HeadersLen octets
/// of content type and headers | body`. `None` when the framing is broken.
fn push_body(pdu: &[u8]) -> Option<&[u8]> {
    let (_tid, rest) = pdu.split_first()?;
    let (&pdu_type, rest) = rest.split_first()?;
    if pdu_type != 0x06 {
        return None;
    }
    let (headers_len, rest) = mms_pdu::wsp::parse_uintvar(rest).ok()?;
    rest.get(usize::try_from(headers_len).ok()?..)
}

fn text(v: Option<&Value<'_>>) -> Vec<u8> {
    match v {
        Some(Value::Text(t)) => t.as_bytes().to_vec(),
        other => panic!("expected a Text value, got {other:?}"),
    }
}

fn encoded(v: &Value<'_>) -> (Option<Charset>, Vec<u8>) {
    match v {
        Value::EncodedString(s) => (s.charset(), s.as_bytes().to_vec()),
        other => panic!("expected an EncodedString value, got {other:?}"),
    }
}

fn multipart<'p, 'a>(pdu: &'p Pdu<'a>) -> &'p mms_pdu::wsp::Multipart<'a> {
    match &pdu.body {
        Some(Body::Multipart(m)) => m,
        other => panic!("expected a multipart body, got {other:?}"),
    }
}

#[test]
fn manifest_lists_every_corpus_file_with_its_size() {
    let rows = manifest();
    let mut listed = BTreeSet::new();
    for row in &rows {
        let data = read(&row.file);
        assert_eq!(data.len(), row.size, "{}: size column", row.file);
        assert!(
            matches!(row.kind.as_str(), "mms-pdu" | "hex-extracted" | "wap-push"),
            "{}: unknown kind {}",
            row.file,
            row.kind
        );
        assert!(listed.insert(row.file.clone()), "{} listed twice", row.file);
    }
    // And nothing in the corpus directories escapes the manifest.
    let mut on_disk = BTreeSet::new();
    for dir in std::fs::read_dir(ROOT).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&dir).unwrap() {
            let f = f.unwrap().path();
            let rel = f.strip_prefix(Path::new(ROOT)).unwrap();
            on_disk.insert(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    assert_eq!(on_disk, listed);
    for e in EXCEPTIONS {
        assert!(listed.contains(*e), "exception {e} not in the manifest");
    }
}

#[test]
fn round_trips_every_mms_pdu_of_the_corpus() {
    let mut checked = 0;
    for row in manifest().iter().filter(|r| r.kind != "wap-push") {
        let data = read(&row.file);
        if is_malformed(row) {
            let e = Pdu::decode(&data).expect_err(&row.file);
            assert!(e.offset() <= data.len(), "{}: {e}", row.file);
            let e = Pdu::decode_with(&data, &STRICT).expect_err(&row.file);
            assert!(e.offset() <= data.len(), "{}: {e}", row.file);
            continue;
        }
        let pdu = Pdu::decode(&data).unwrap_or_else(|e| panic!("{}: {e}", row.file));
        let expected = row.message_type.expect("message type column");
        assert_eq!(
            pdu.message_type(),
            Some(MessageType(expected)),
            "{}",
            row.file
        );
        assert_eq!(pdu.encoded_len(), data.len(), "{}", row.file);
        assert!(pdu.encode().unwrap() == data, "{}: re-encoding", row.file);
        if EXCEPTIONS.contains(&row.file.as_str()) {
            continue;
        }
        assert!(
            canonical(&pdu) == data,
            "{}: canonical re-encoding",
            row.file
        );
        assert_eq!(pdu.warnings, [], "{}", row.file);
        assert!(pdu.trailing.is_empty(), "{}", row.file);
        let strict =
            Pdu::decode_with(&data, &STRICT).unwrap_or_else(|e| panic!("{}: {e}", row.file));
        assert_eq!(strict, pdu, "{}", row.file);
        checked += 1;
    }
    // 85 MMS PDUs that are not garbage, less the exceptions.
    assert_eq!(checked, 85 - EXCEPTIONS.len());
}

#[test]
fn rejects_the_garbage_files_at_offset_zero() {
    for row in manifest()
        .iter()
        .filter(|r| r.kind != "wap-push" && is_malformed(r))
    {
        let data = read(&row.file);
        let e = Pdu::decode(&data).unwrap_err();
        assert_eq!(e.offset(), 0, "{}", row.file);
        assert_eq!(e.context(), "X-Mms-Message-Type", "{}", row.file);
        assert_eq!(
            e.kind(),
            ErrorKind::Unexpected {
                expected: "X-Mms-Message-Type (0x8C) as the first header",
                found: data[0],
            }
        );
    }
}

/// mmsd con-211: the Subject is `Value-length utf-8 Text-string` and the
/// text starts with the UTF-8 BOM (0xEF) without the Quote that WAP-230
/// §8.4.2.1 requires before a first octet >= 128. The original also writes
/// the value-length 30 in the Length-quote form (`1F 1E`). The canonical
/// encoding inserts the Quote, so the length becomes 31 (`1F 1F`).
#[test]
fn canonicalizing_con_211_adds_the_missing_quote_to_the_subject() {
    let data = read("mmsd/rc-mms-1-3-con-211.mms");
    assert_eq!(data[23..28], [0x96, 0x1F, 0x1E, 0xEA, 0xEF]);
    let pdu = Pdu::decode(&data).unwrap();
    let (cs, subject) = encoded(pdu.get(FieldCode::SUBJECT).unwrap());
    assert_eq!(cs, Some(Charset::UTF_8));
    assert!(subject.starts_with(&[0xEF, 0xBB, 0xBF]));
    assert_eq!(subject.len() + 2, 30); // charset, text, NUL: no Quote
    assert_eq!(pdu.warnings, []);
    let expected = splice(&splice(&data, 25, 1, &[0x1F]), 27, 0, &[0x7F]);
    assert!(canonical(&pdu) == expected);
    assert_eq!(
        Pdu::decode(&expected).unwrap().get(FieldCode::SUBJECT),
        pdu.get(FieldCode::SUBJECT)
    );
}

/// sailfish m-retrieve_9: the same missing Quote, in a Korean UTF-8
/// subject starting with 0xEC (value-length 31 becomes 32).
#[test]
fn canonicalizing_retrieve_9_adds_the_missing_quote_to_the_subject() {
    let data = read("sailfish/test_mms_codec-m-retrieve_9.conf");
    assert_eq!(data[46..51], [0x96, 0x1F, 0x1F, 0xEA, 0xEC]);
    let pdu = Pdu::decode(&data).unwrap();
    let (cs, subject) = encoded(pdu.get(FieldCode::SUBJECT).unwrap());
    assert_eq!(cs, Some(Charset::UTF_8));
    assert_eq!(subject[0], 0xEC);
    assert!(std::str::from_utf8(&subject).is_ok());
    let expected = splice(&splice(&data, 48, 1, &[0x20]), 50, 0, &[0x7F]);
    assert!(canonical(&pdu) == expected);
    assert_eq!(pdu.warnings, []);
}

/// sailfish InvalidSubject: the Subject `0F EA 7F "=?utf-8?B??=" 00` has a
/// Quote before an ASCII character, which WAP-230 §8.4.2.1 says must be
/// omitted. The decoded text has no Quote; the canonical encoding drops it
/// and the value-length shrinks from 15 to 14.
#[test]
fn canonicalizing_invalid_subject_drops_the_quote_before_ascii() {
    let data = read("sailfish/test_retrieve-InvalidSubject-m-retrieve.conf");
    assert_eq!(data[100..105], [0x96, 0x0F, 0xEA, 0x7F, b'=']);
    let pdu = Pdu::decode(&data).unwrap();
    let (cs, subject) = encoded(pdu.get(FieldCode::SUBJECT).unwrap());
    assert_eq!(
        (cs, subject.as_slice()),
        (Some(Charset::UTF_8), &b"=?utf-8?B??="[..])
    );
    let expected = splice(&splice(&data, 101, 1, &[0x0E]), 103, 1, &[]);
    assert!(canonical(&pdu) == expected);
    // The body (a JPEG among others) is untouched by the subject's quirk.
    assert!(multipart(&pdu).parts.len() >= 2);
}

/// capcom6 simpleTest (MTS Russia): X-Mms-Message-Size is a long-integer
/// with a leading zero octet (`04 00 01 8B D8`, minimal: `03 01 8B D8`),
/// and the PDU ends inside the X-Mms-Content-Location text, without its NUL.
/// Lenient decoding takes the rest as the URI and warns; strict rejects.
#[test]
fn accepts_the_unterminated_content_location_of_simple_test_leniently_only() {
    let data = read("capcom6/MMSParserTest-simpleTest.mms");
    assert_eq!(data[91..97], [0x8E, 0x04, 0x00, 0x01, 0x8B, 0xD8]);
    assert_eq!(data[104], 0x83);
    assert!(!data[105..].contains(&0));
    let pdu = Pdu::decode(&data).unwrap();
    assert_eq!(
        pdu.get(FieldCode::MESSAGE_SIZE),
        Some(&Value::Long(0x0001_8BD8))
    );
    assert_eq!(
        text(pdu.get(FieldCode::CONTENT_LOCATION)),
        b"http://10.47.133.35/?message-id=1563948840&id=1"
    );
    let warning = DecodeError::new(
        105,
        "X-Mms-Content-Location",
        ErrorKind::Unterminated {
            what: "text-string",
        },
    );
    assert_eq!(pdu.warnings, [warning]);
    assert_eq!(Pdu::decode_with(&data, &STRICT).unwrap_err(), warning);
    let mut expected = splice(&data, 92, 5, &[0x03, 0x01, 0x8B, 0xD8]);
    expected.push(0);
    assert!(canonical(&pdu) == expected);
    let fixed = Pdu::decode_with(&expected, &STRICT).unwrap();
    assert_eq!(fixed.warnings, []);
}

/// sailfish Success2 (Sonera): after X-Mms-Content-Location come `81 00 00`:
/// a Bcc (0x81) whose value is the empty Text-string (a lone NUL), then a
/// stray NUL that starts no header. Lenient decoding keeps that NUL in
/// `trailing` with a warning and writes it back; strict decoding rejects it.
#[test]
fn keeps_the_stray_nul_after_the_last_header_of_success2() {
    let data = read("sailfish/test_retrieve-Success2-m-notification.ind");
    assert_eq!(data[114..], [0x81, 0x00, 0x00]);
    let pdu = Pdu::decode(&data).unwrap();
    let last = pdu.headers.last().unwrap();
    assert_eq!(last.code(), Some(FieldCode::BCC));
    assert_eq!(encoded(last.value().unwrap()), (None, vec![]));
    assert_eq!(pdu.trailing.as_ref(), [0x00]);
    let warning = DecodeError::new(
        116,
        "header",
        ErrorKind::Unexpected {
            expected: "a field code (0x80-0xFF) or an application header name",
            found: 0,
        },
    );
    assert_eq!(pdu.warnings, [warning]);
    assert_eq!(Pdu::decode_with(&data, &STRICT).unwrap_err(), warning);
    assert!(canonical(&pdu) == data);
    let mut clean = pdu.clone();
    clean.trailing = Default::default();
    assert!(clean.encode().unwrap() == data[..116]);
}

#[test]
fn decodes_the_values_of_mmsd_notify_ind_1() {
    let data = read("mmsd/test-mmsutil-mms_m_notify_ind_1.mms");
    let pdu = Pdu::decode(&data).unwrap();
    assert_eq!(text(pdu.get(FieldCode::TRANSACTION_ID)), b"OgQKKB");
    assert_eq!(pdu.version(), Some(Version::V1_0));
    // 89 08 80 "Erotik" 00: value-length 8, Address-present-token.
    match pdu.get(FieldCode::FROM) {
        Some(Value::From(FromValue::Address(a))) => {
            assert_eq!((a.charset(), a.as_bytes()), (None, &b"Erotik"[..]))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        encoded(pdu.get(FieldCode::SUBJECT).unwrap()),
        (None, b"Pin-Ups".to_vec())
    );
    assert_eq!(
        pdu.get(FieldCode::MESSAGE_CLASS),
        Some(&Value::MessageClass(MessageClass::Token(0x80)))
    );
    assert_eq!(pdu.get(FieldCode::MESSAGE_SIZE), Some(&Value::Long(0x4000)));
    assert_eq!(
        pdu.get(FieldCode::EXPIRY),
        Some(&Value::Time(Time::Relative(0x03_F480)))
    );
    assert_eq!(
        text(pdu.get(FieldCode::CONTENT_LOCATION)),
        b"http://eps3.de/O/Z9IZO"
    );
    assert_eq!(pdu.headers.len(), 9);
    assert!(pdu.body.is_none());
}

#[test]
fn decodes_the_charset_tagged_from_of_the_t_mobile_notification() {
    let data = read("ocarlsen/PduParserAndroidTest-PDU_DATA.mms");
    let pdu = Pdu::decode(&data).unwrap();
    assert_eq!(pdu.version(), Some(Version::V1_2));
    // 89 12 80 10 83 "o@ocarlsen.com" 00: an Encoded-string-value in the
    // charset form (us-ascii) inside the From value.
    match pdu.get(FieldCode::FROM) {
        Some(Value::From(FromValue::Address(a))) => {
            assert_eq!(a.charset(), Some(Charset::US_ASCII));
            assert_eq!(a.as_bytes(), b"o@ocarlsen.com");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        encoded(pdu.get(FieldCode::SUBJECT).unwrap()),
        (None, b"Re: Mms Subject".to_vec())
    );
    assert_eq!(pdu.get(FieldCode::MESSAGE_SIZE), Some(&Value::Long(0x0111)));
    assert!(text(pdu.get(FieldCode::CONTENT_LOCATION)).starts_with(b"http://atl2mosget."));
}

#[test]
fn decodes_the_send_req_with_two_recipients_and_a_smil_part() {
    let data = read("mmsd/sr-mms-related-multi-to.mms");
    let pdu = Pdu::decode(&data).unwrap();
    assert_eq!(pdu.message_type(), Some(MessageType::SEND_REQ));
    assert_eq!(pdu.version(), Some(Version::V1_0));
    // 89 01 81: From with the Insert-address-token.
    assert_eq!(
        pdu.get(FieldCode::FROM),
        Some(&Value::From(FromValue::InsertAddress))
    );
    let to: Vec<_> = pdu.get_all(FieldCode::TO).map(encoded).collect();
    assert_eq!(
        to,
        [
            (None, b"+33612345678/TYPE=PLMN".to_vec()),
            (None, b"+33612345679/TYPE=PLMN".to_vec())
        ]
    );
    // 84 1B B3 89 "application/smil" 00 8A "<SMIL>" 00
    let ct = pdu.content_type().unwrap();
    assert_eq!(ct.media(), &Media::WellKnown(0x33));
    assert_eq!(ct.param("type").unwrap().to_text(), "application/smil");
    assert_eq!(ct.param("start").unwrap().to_text(), "<SMIL>");
    let body = multipart(&pdu);
    assert_eq!(body.parts.len(), 2);
    assert_eq!(body.declared_entries, None);
    // Part 1: HeadersLen 0x1B, DataLen 0x131; content type in the general
    // form without parameters (`11 "application/smil" 00`), quoted Content-ID.
    let smil = &body.parts[0];
    assert_eq!(smil.content_type.media().name(), "application/smil");
    assert!(smil.content_type.general_form());
    assert_eq!(smil.content_id().unwrap().as_bytes(), b"<SMIL>");
    assert!(matches!(
        smil.headers[0],
        WspHeader::ContentId { quoted: true, .. }
    ));
    assert_eq!(smil.data.len(), 0x131);
    assert!(smil.data.starts_with(b"<smil>"));
    // Part 2: text/plain; charset=utf-8, data "\u{feff}Hello World\n".
    let txt = &body.parts[1];
    assert_eq!(txt.content_type.media(), &Media::WellKnown(0x03));
    assert_eq!(txt.content_type.charset(), Some(Charset::UTF_8));
    assert_eq!(txt.content_id().unwrap().as_bytes(), b"<Generic_Text.txt>");
    assert_eq!(txt.data.as_ref(), "\u{feff}Hello World\n".as_bytes());
}

#[test]
fn decodes_the_retrieve_conf_con_210_with_its_smil_and_gif_parts() {
    let data = read("mmsd/rc-mms-1-3-con-210.mms");
    let pdu = Pdu::decode(&data).unwrap();
    assert_eq!(text(pdu.get(FieldCode::TRANSACTION_ID)), b"00000000210");
    assert_eq!(pdu.version(), Some(Version::V1_3));
    assert_eq!(pdu.get(FieldCode::DATE), Some(&Value::Long(0x4DE4_A9F6)));
    // 96 11 83 "MMS-1.3-con-210" 00: us-ascii tagged.
    assert_eq!(
        encoded(pdu.get(FieldCode::SUBJECT).unwrap()),
        (Some(Charset::US_ASCII), b"MMS-1.3-con-210".to_vec())
    );
    assert_eq!(
        pdu.get(FieldCode::FROM),
        Some(&Value::From(FromValue::Address(
            mms_pdu::wsp::EncodedString::new("+33611111111/TYPE=PLMN").unwrap()
        )))
    );
    assert_eq!(pdu.get_all(FieldCode::TO).count(), 1);
    let ct = pdu.content_type().unwrap();
    assert_eq!(ct.media().name(), "application/vnd.wap.multipart.related");
    assert_eq!(
        ct.param("type"),
        Some(&ParamValue::Media(Media::Text(
            mms_pdu::wsp::Text::new("application/smil").unwrap()
        )))
    );
    let body = multipart(&pdu);
    assert_eq!(body.parts.len(), 2);
    let smil = &body.parts[0];
    assert_eq!(smil.content_type.media().name(), "application/smil");
    assert!(!smil.content_type.general_form());
    assert_eq!(smil.content_id().unwrap().as_bytes(), b"<SMIL>");
    assert_eq!(smil.data.len(), 0x131);
    let gif = &body.parts[1];
    assert_eq!(gif.content_type.media(), &Media::WellKnown(0x1D)); // image/gif
    let loc = gif.content_location().unwrap().as_bytes();
    assert!(loc.starts_with(b"Long_file_name_for_gif") && loc.ends_with(b".gif"));
    assert_eq!(gif.data.len(), 2213); // DataLen 91 25
    assert!(gif.data.starts_with(b"GIF87a"));
    // The SMIL refers to the GIF by its Content-Location.
    let smil_text = std::str::from_utf8(&smil.data).unwrap();
    assert!(smil_text.contains(std::str::from_utf8(loc).unwrap()));
}

#[test]
fn decodes_the_retrieve_conf_with_three_recipients_and_tokens() {
    let data = read("mmsd/test-mmsutil-mms_m_retrieve_conf_2.mms");
    let pdu = Pdu::decode(&data).unwrap();
    assert_eq!(pdu.get_all(FieldCode::TO).count(), 3);
    assert_eq!(pdu.get(FieldCode::PRIORITY), Some(&Value::Token(0x81)));
    assert_eq!(
        pdu.get(FieldCode::SENDER_VISIBILITY),
        Some(&Value::Token(0x80))
    );
    assert_eq!(
        pdu.get(FieldCode::DELIVERY_REPORT),
        Some(&Value::Token(0x81))
    );
    assert_eq!(pdu.get(FieldCode::READ_REPORT), Some(&Value::Token(0x81)));
    // Content-Type 0xA3: multipart.mixed, constrained.
    let ct = pdu.content_type().unwrap();
    assert_eq!(ct.media(), &Media::WellKnown(0x23));
    assert!(ct.params().is_empty() && !ct.general_form());
    let body = multipart(&pdu);
    assert_eq!(body.parts.len(), 1);
    let p = &body.parts[0];
    assert_eq!(p.content_type.media().name(), "text/plain");
    assert_eq!(p.content_location().unwrap().as_bytes(), b"/tmp/php8vlfyB");
    assert_eq!(p.data.as_ref(), "\u{feff}Hello World".as_bytes());
}

#[test]
fn rejects_every_wap_push_as_a_top_level_mms_pdu() {
    for row in manifest().iter().filter(|r| r.kind == "wap-push") {
        let data = read(&row.file);
        assert_ne!(data[0], 0x8C, "{}", row.file);
        let e = Pdu::decode(&data).unwrap_err();
        assert_eq!(
            (e.offset(), e.context()),
            (0, "X-Mms-Message-Type"),
            "{}",
            row.file
        );
        assert!(Pdu::decode_with(&data, &STRICT).is_err());
    }
}

#[test]
fn decodes_the_mms_body_of_every_valid_wap_push() {
    let mut decoded = 0;
    for row in manifest().iter().filter(|r| r.kind == "wap-push") {
        let data = read(&row.file);
        let expect_mms =
            row.message_type.is_some() && !is_malformed(row) && !row.note.contains("NOT MMS");
        let body = push_body(&data);
        if !expect_mms {
            // Broken framing, an empty body or a body that is not an MMS PDU.
            if let Some(body) = body {
                let e = Pdu::decode(body).expect_err(&row.file);
                assert!(e.offset() <= body.len());
            }
            continue;
        }
        let body = body.unwrap_or_else(|| panic!("{}: push framing", row.file));
        let pdu = Pdu::decode(body).unwrap_or_else(|e| panic!("{}: {e}", row.file));
        assert_eq!(
            pdu.message_type(),
            Some(MessageType(row.message_type.unwrap())),
            "{}",
            row.file
        );
        assert_eq!(pdu.warnings, [], "{}", row.file);
        assert!(pdu.encode().unwrap() == body, "{}", row.file);
        assert!(canonical(&pdu) == body, "{}", row.file);
        assert!(Pdu::decode_with(body, &STRICT).is_ok(), "{}", row.file);
        decoded += 1;
    }
    assert_eq!(decoded, 19);
}

#[test]
fn rejects_the_broken_push_framings() {
    for file in [
        "aosp/WapPushOverSmsTest-testDispatchWapPdu.bin",
        "aosp/WapPushOverSmsTest-testDispatchWapPdu_headerLengthExceedsPdu_failsGracefully.bin",
        "aosp/WapPushOverSmsTest-testDispatchWapPdu_malformedHeaderLength_failsGracefully.bin",
        "muditaos/unittest_Pdu-MissingPduContent.bin",
        "muditaos/unittest_Pdu-PduTypeNotPush.bin",
        "nuntium/push_decode_test-TestDecodeNonPushPDU.bin",
    ] {
        assert_eq!(push_body(&read(file)), None, "{file}");
    }
    // Headers only: the framing holds but there is no MMS PDU after it.
    let data = read("muditaos/unittest_Pdu-InvalidHeaderLength.bin");
    assert_eq!(push_body(&data), Some(&[][..]));
    assert_eq!(
        Pdu::decode(&[]).unwrap_err(),
        DecodeError::new(
            0,
            "X-Mms-Message-Type",
            ErrorKind::Truncated {
                expected: "an MMS header"
            }
        )
    );
}

/// muditaos IncompleteTMobile: the push is cut inside the From value, whose
/// value-length (0x18) claims 24 octets where 6 are left.
#[test]
fn detects_truncation_of_the_from_value_in_the_incomplete_t_mobile_push() {
    let data = read("muditaos/unittest_Pdu-IncompleteTMobile.bin");
    let body = push_body(&data).unwrap();
    assert_eq!(body[..2], [0x8C, 0x82]);
    let err = DecodeError::new(
        115,
        "From",
        ErrorKind::LengthOverrun {
            what: "value-length",
            len: 24,
            remaining: 6,
        },
    );
    assert_eq!(body[114..116], [0x89, 0x18]);
    assert_eq!(Pdu::decode(body).unwrap_err(), err);
    assert_eq!(Pdu::decode_with(body, &STRICT).unwrap_err(), err);
}

/// AOSP's blocked-number push has WSP Headers-Length 0 and then, outside
/// the headers, the content type as text. Past that string comes an MMS
/// body with deliberate faults: X-Mms-MMS-Version is 0x12 without the high
/// bit, so the generic WAP-230 rule reads it as a value-length of 18 and
/// swallows From and Expiry. Lenient decoding gets through with a warning;
/// strict decoding stops at the version.
#[test]
fn decodes_the_aosp_push_whose_content_type_follows_a_zero_headers_length() {
    let data =
        read("aosp/WapPushOverSmsTest-testDispatchWapPduFromBlockedNumber_noIntentsDispatched.bin");
    let after_headers = push_body(&data).unwrap();
    let (ct, body) = mms_pdu::wsp::parse_text_string(after_headers).unwrap();
    assert_eq!(ct.as_bytes(), b"application/vnd.wap.mms-message");
    assert_eq!(body.len(), data.len() - 35);
    let pdu = Pdu::decode(body).unwrap();
    assert_eq!(pdu.message_type(), Some(MessageType::NOTIFICATION_IND));
    assert_eq!(
        text(pdu.get(FieldCode::TRANSACTION_ID)),
        b"MmsTransactionID"
    );
    assert_eq!(body[20..22], [0x8D, 0x12]);
    let warning = DecodeError::new(
        21,
        "X-Mms-MMS-Version",
        ErrorKind::Unexpected {
            expected: "a token octet (0x80-0xFF)",
            found: 0x12,
        },
    );
    // The application header read past the version opens its text with
    // 0x8A and no Quote (WAP-230 §8.4.2.1): read to its NUL, and said.
    let unquoted = DecodeError::new(
        47,
        "application header",
        ErrorKind::Unexpected {
            expected: "a Quote (0x7F) before text opening with 0x80-0xFF",
            found: 0x8A,
        },
    );
    assert_eq!(pdu.warnings, [warning, unquoted]);
    assert!(matches!(pdu.get(FieldCode::MMS_VERSION), Some(Value::Raw(r)) if r.len() == 19));
    assert_eq!(
        text(pdu.get(FieldCode::CONTENT_LOCATION)),
        b"http://www.google.com/sadfdd"
    );
    // What follows the swallowed octets reads as an application header
    // `E=PLMN` whose Text-string value starts with 0x8A without a Quote.
    // Application headers are re-encoded from their value, which writes the
    // Quote WAP-230 §8.4.2.1 requires: the one octet that differs.
    assert_eq!(body[40..48], *b"E=PLMN\0\x8A");
    match &pdu.headers[3] {
        mms_pdu::Header::Application { name, value } => {
            assert_eq!(name.as_bytes(), b"E=PLMN");
            assert_eq!(value.as_bytes()[0], 0x8A);
        }
        other => panic!("{other:?}"),
    }
    let reencoded = pdu.encode().unwrap();
    assert!(reencoded == splice(body, 47, 0, &[0x7F]));
    assert_eq!(Pdu::decode(&reencoded).unwrap().headers, pdu.headers);
    assert_eq!(Pdu::decode_with(body, &STRICT).unwrap_err(), warning);
}

/// Sailfish's Success3 m-retrieve-conf declares its Subject utf-8, but the
/// text stops inside a two-octet sequence (`D0` without its second
/// octet): the decoder reads it, with U+FFFD for the cut character, and
/// says so; strict decoding refuses it. Everything else is clean.
#[test]
fn a_subject_cut_inside_a_utf8_sequence_is_reported() {
    let data = std::fs::read(format!(
        "{ROOT}sailfish/test_retrieve-Success3-m-retrieve.conf"
    ))
    .unwrap();
    let pdu = Pdu::decode(&data).unwrap();
    let want = DecodeError::new(
        79,
        "Subject",
        ErrorKind::UnreadableText {
            charset: 106,
            name: "utf-8",
            unsupported: false,
        },
    );
    assert_eq!(pdu.warnings, [want]);
    assert_eq!(
        pdu.warnings[0].to_string(),
        "at offset 79: Subject: text is not valid utf-8: read with U+FFFD in place of what is not"
    );
    let Some(Value::EncodedString(s)) = pdu.get(FieldCode::SUBJECT) else {
        panic!()
    };
    assert_eq!(s.charset(), Some(Charset::UTF_8));
    assert!(s.as_bytes().ends_with(&[0xD1, 0x87, 0xD0]));
    assert!(pdu.is_complete());
    assert!(pdu.encode().unwrap() == data);
    assert_eq!(Pdu::decode_with(&data, &STRICT).unwrap_err(), want);
}
