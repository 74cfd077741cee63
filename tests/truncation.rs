//! Truncation sweeps (the rustls / smoltcp kind).
//!
//! Outer: every prefix of every vector PDU and of every canonical corpus
//! file below 20 KB decodes to `Ok` or to an `Err` whose offset lies inside
//! the prefix, never a panic; strictly, a prefix that ends inside a header
//! value is always an error.
//!
//! Inner: every length field (value-length, multipart HeadersLen / DataLen,
//! general-form content types) of a few vectors is rewritten to every
//! smaller value: no panic, offsets inside the input, and what decodes
//! re-encodes.

use mms_pdu::wsp::{
    Charset, ContentType, Disposition, EncodedString, Media, Multipart, ParamName, ParamValue,
    Parameter, Part, Text, TextValue, WspHeader,
};
use mms_pdu::{
    Body, DecodeOptions, ElementItem, ErrorKind, FieldCode, FromValue, Header, Limits,
    MessageClass, MessageType, Pdu, Time, Value, Version,
};

const STRICT: DecodeOptions = DecodeOptions {
    limits: Limits::DEFAULT,
    strict: true,
};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/");

/// Canonical corpus files below 20 KB (the clean ones of `tests/corpus.rs`).
const CORPUS_FILES: &[&str] = &[
    "mmsd/ni-mms-1-3-con-271.mms",
    "mmsd/ni-mms-1-3-con-272.mms",
    "mmsd/rc-mms-1-3-con-210.mms",
    "mmsd/rc-mms-1-3-con-212.mms",
    "mmsd/rc-mms-1-3-con-213.mms",
    "mmsd/rc-mms-1-3-con-214.mms",
    "mmsd/rc-mms-1-3-con-216.mms",
    "mmsd/rc-mms-1-3-con-220.mms",
    "mmsd/rc-mms-1-3-con-224.mms",
    "mmsd/rc-mms-1-3-con-228.mms",
    "mmsd/rc-mms-1-3-con-271.mms",
    "mmsd/rc-mms-1-3-con-281.mms",
    "mmsd/rc-mms-1-3-con-282.mms",
    "mmsd/sr-mms-mixed.mms",
    "mmsd/sr-mms-related-multi-to.mms",
    "mmsd/test-mmsutil-mms_m_notify_ind_1.mms",
    "mmsd/test-mmsutil-mms_m_notify_ind_2.mms",
    "mmsd/test-mmsutil-mms_m_notifyresp_ind_test_1.mms",
    "mmsd/test-mmsutil-mms_m_retrieve_conf_1.mms",
    "mmsd/test-mmsutil-mms_m_retrieve_conf_2.mms",
    "mmsd/test-mmsutil-mms_m_retrieve_conf_3.mms",
    "mmsd/test-mmsutil-mms_m_send_conf_1.mms",
    "mmsd/test-mmsutil-mms_m_send_conf_2.mms",
    "sailfish/test_delivery_ind-DeliveryOK-m-delivery.ind",
    "sailfish/test_delivery_ind-DeliveryRejected-m-delivery.ind",
    "sailfish/test_mms_codec-m-acknowledge.ind",
    "sailfish/test_mms_codec-m-delivery_2.ind",
    "sailfish/test_mms_codec-m-notification_1.ind",
    "sailfish/test_mms_codec-m-notification_2.ind",
    "sailfish/test_mms_codec-m-notification_3.ind",
    "sailfish/test_mms_codec-m-notification_4.ind",
    "sailfish/test_mms_codec-m-notifyresp.ind",
    "sailfish/test_mms_codec-m-read-orig.ind",
    "sailfish/test_mms_codec-m-read-rec.ind",
    "sailfish/test_mms_codec-m-retrieve_1.conf",
    "sailfish/test_mms_codec-m-retrieve_10.conf",
    "sailfish/test_mms_codec-m-retrieve_4.conf",
    "sailfish/test_mms_codec-m-retrieve_5.conf",
    "sailfish/test_mms_codec-m-retrieve_7.conf",
    "sailfish/test_mms_codec-m-retrieve_8.conf",
    "sailfish/test_mms_codec-m-send_1.conf",
    "sailfish/test_mms_codec-m-send_2.conf",
    "sailfish/test_mms_codec-m-send_3.conf",
    "sailfish/test_read_ind-ReadDeleted-m-read-orig.ind",
    "sailfish/test_retrieve-Base64-m-acknowledge.ind",
    "sailfish/test_retrieve-Base64-m-notification.ind",
    "sailfish/test_retrieve-Expired1-m-notification.ind",
    "sailfish/test_retrieve-InvalidSubject-m-notification.ind",
    "sailfish/test_retrieve-NotFound-m-notification.ind",
    "sailfish/test_retrieve-SoonExpired-m-notification.ind",
    "sailfish/test_retrieve-Success1-m-acknowledge.ind",
    "sailfish/test_retrieve-Success2-m-acknowledge.ind",
    "sailfish/test_retrieve-Success3-m-acknowledge.ind",
    "sailfish/test_retrieve-Success3-m-notification.ind",
    "sailfish/test_send-Accept-m-send.conf",
    "sailfish/test_send-EmptyMessageID-m-send.conf",
    "sailfish/test_send-Failure-m-send.conf",
    "sailfish/test_send-ServiceDenied-m-send.conf",
    "nuntium/m-retrieve.conf_success",
    "nuntium/m-send.conf_success",
    "capcom6/MMSParserTest-parseMNotificationIndTest-1.mms",
    "capcom6/MMSParserTest-parseMNotificationIndTest-2.mms",
    "capcom6/MMSParserTest-parseMNotificationIndTest-3.mms",
    "capcom6/MMSParserTest-parseMNotificationIndTest-4.mms",
    "capcom6/MMSParserTest-parseMNotificationIndTest-5.mms",
    "nuntium/encoder_test-TestEncodeMNotifyRespIndDeffered.mms",
    "nuntium/encoder_test-TestEncodeMNotifyRespIndRetrievedWithReports.mms",
    "nuntium/encoder_test-TestEncodeMNotifyRespIndRetrievedWithoutReports.mms",
    "ocarlsen/PduParserAndroidTest-PDU_DATA.mms",
];

fn t(s: &'static str) -> Text<'static> {
    Text::new(s).unwrap()
}

fn es(s: &'static str) -> EncodedString<'static> {
    EncodedString::text(t(s))
}

fn f(code: FieldCode, value: Value<'static>) -> Header<'static> {
    Header::field(code, value)
}

fn pdu(mt: MessageType, headers: Vec<Header<'static>>) -> Pdu<'static> {
    let mut p = Pdu::new(mt, Version::V1_3);
    p.headers
        .insert(1, f(FieldCode::TRANSACTION_ID, Value::Text(t("tid-1"))));
    p.headers.extend(headers);
    p
}

/// A multipart.related body with every part header form and a nested
/// multipart.mixed, as in the spec vectors.
fn rich_body() -> (ContentType<'static>, Body<'static>) {
    let ct = ContentType::new(Media::WellKnown(0x33))
        .with(Parameter::typed(
            0x09,
            ParamValue::Media(Media::Text(t("application/smil"))),
        ))
        .with(Parameter::typed(0x0A, ParamValue::Text(t("<smil>"))));
    let mut smil = Part::new(
        ContentType::new(Media::Text(t("application/smil"))),
        &b"<smil><body/></smil>"[..],
    );
    smil.headers.push(WspHeader::ContentId {
        id: t("<smil>"),
        quoted: true,
    });
    let mut text = Part::new(
        ContentType::new(Media::WellKnown(3))
            .with(Parameter::charset(Charset::UTF_8))
            .with(Parameter::typed(
                0x17,
                ParamValue::TextValue(TextValue::Quoted(t("a b"))),
            )),
        "h\u{e9}llo".as_bytes(),
    );
    text.headers.extend([
        WspHeader::ContentId {
            id: t("<t>"),
            quoted: false,
        },
        WspHeader::ContentLocation(t("text.txt")),
        WspHeader::ContentDisposition {
            code: mms_pdu::wsp::CONTENT_DISPOSITION,
            disposition: Disposition::Attachment,
            params: vec![Parameter::typed(0x06, ParamValue::Text(t("text.txt")))],
        },
        WspHeader::ContentDisposition {
            code: mms_pdu::wsp::CONTENT_DISPOSITION_14,
            disposition: Disposition::Token(t("x-form")),
            params: vec![Parameter {
                name: ParamName::Text(t("x-a")),
                value: ParamValue::Integer(300),
            }],
        },
        WspHeader::WellKnown {
            code: 0x0D,
            value: vec![0x86].into(),
        },
        WspHeader::Application {
            name: t("X-Foo"),
            value: t("bar"),
        },
    ]);
    let image = Part::new(ContentType::new(Media::WellKnown(0x1E)), vec![0xD8; 200]);
    let mut nested = Part::new(ContentType::new(Media::WellKnown(0x23)), Vec::new());
    nested.nested = Some(Multipart {
        parts: vec![
            Part::new(ContentType::new(Media::WellKnown(3)), &b"inner"[..]),
            Part::new(ContentType::new(Media::Text(t("image/webp"))), &b"RIFF"[..]),
        ],
        ..Multipart::default()
    });
    let body = Multipart {
        parts: vec![smil, text, image, nested],
        ..Multipart::default()
    };
    (ct, Body::Multipart(body))
}

/// The spec-vector PDUs: one per message type and two that hold a value of
/// every field grammar.
fn vector_pdus() -> Vec<Pdu<'static>> {
    use FieldCode as F;
    let mut all = Vec::new();
    for mt in MessageType::all() {
        let mut p = pdu(mt, vec![]);
        if mt == MessageType::RETRIEVE_CONF || mt == MessageType::SEND_REQ {
            let (ct, body) = rich_body();
            p.set_body(ct, body);
        }
        all.push(p);
    }
    let everything = vec![
        f(F::BCC, Value::EncodedString(es("a@b.c"))),
        f(
            F::CC,
            Value::EncodedString(EncodedString::with_charset(
                Charset::UTF_8,
                &b"Zo\xC3\xAB"[..],
            )),
        ),
        f(F::TO, Value::EncodedString(es("+33612345678/TYPE=PLMN"))),
        f(F::CONTENT_LOCATION, Value::Text(t("http://x/1"))),
        f(F::DATE, Value::Long(0x455A_CE65)),
        f(F::DELIVERY_REPORT, Value::Token(0x80)),
        f(F::DELIVERY_TIME, Value::Time(Time::Absolute(0x455A_CE65))),
        f(F::EXPIRY, Value::Time(Time::Relative(259_200))),
        f(
            F::FROM,
            Value::From(FromValue::Address(EncodedString::with_charset(
                Charset::US_ASCII,
                &b"a@b"[..],
            ))),
        ),
        f(F::FROM, Value::From(FromValue::InsertAddress)),
        f(
            F::MESSAGE_CLASS,
            Value::MessageClass(MessageClass::Text(t("x-custom"))),
        ),
        f(F::MESSAGE_ID, Value::Text(t("id@x"))),
        f(F::MESSAGE_SIZE, Value::Long(0x4000)),
        f(F::PRIORITY, Value::Token(0x82)),
        f(F::READ_REPORT, Value::Token(0x81)),
        f(F::REPORT_ALLOWED, Value::Token(0x80)),
        f(F::RESPONSE_STATUS, Value::Token(0xE2)),
        f(F::RESPONSE_TEXT, Value::EncodedString(es("ok"))),
        f(F::SENDER_VISIBILITY, Value::Token(0x80)),
        f(F::STATUS, Value::Token(0x81)),
        f(
            F::SUBJECT,
            Value::EncodedString(EncodedString::with_charset(
                Charset::UCS_2,
                &b"\x00H\x00i"[..],
            )),
        ),
        f(F::RETRIEVE_STATUS, Value::Token(0xE3)),
        f(F::RETRIEVE_TEXT, Value::EncodedString(es("gone"))),
        f(F::READ_STATUS, Value::Token(0x80)),
        f(F::REPLY_CHARGING, Value::Token(0x83)),
        f(
            F::REPLY_CHARGING_DEADLINE,
            Value::Time(Time::Relative(86_400)),
        ),
        f(F::REPLY_CHARGING_ID, Value::Text(t("rc1"))),
        f(F::REPLY_CHARGING_SIZE, Value::Long(2048)),
        f(
            F::PREVIOUSLY_SENT_BY,
            Value::PreviouslySentBy {
                count: 1,
                address: es("a@b"),
            },
        ),
        f(
            F::PREVIOUSLY_SENT_DATE,
            Value::PreviouslySentDate {
                count: 2,
                date: 0x455A_CE65,
            },
        ),
        f(F::STORE, Value::Token(0x80)),
        f(F::MM_STATE, Value::Token(0x82)),
        f(
            F::MM_FLAGS,
            Value::MmFlags {
                op: 0x80,
                flag: es("$Seen"),
            },
        ),
        f(F::STORE_STATUS, Value::Token(0xE4)),
        f(F::STORE_STATUS_TEXT, Value::EncodedString(es("full"))),
        f(F::STORED, Value::Token(0x81)),
        f(F::ATTRIBUTES, Value::Attribute(F::SUBJECT)),
        f(F::TOTALS, Value::Token(0x80)),
        f(
            F::MBOX_TOTALS,
            Value::MboxCount {
                kind: 0x80,
                value: 5,
            },
        ),
        f(F::QUOTAS, Value::Token(0x81)),
        f(
            F::MBOX_QUOTAS,
            Value::MboxCount {
                kind: 0x81,
                value: 300_000,
            },
        ),
        f(F::MESSAGE_COUNT, Value::Integer(12)),
        f(F::CONTENT, Value::Raw(vec![0x80].into())),
        f(F::START, Value::Integer(200)),
        f(F::ADDITIONAL_HEADERS, Value::Raw(b"x\0".to_vec().into())),
        f(F::DISTRIBUTION_INDICATOR, Value::Token(0x81)),
        f(
            F::ELEMENT_DESCRIPTOR,
            Value::ElementDescriptor {
                reference: t("<img>"),
                params: vec![
                    (ElementItem::Short(0x02), ElementItem::Short(0x1E)),
                    (ElementItem::Text(t("x-size")), ElementItem::Text(t("big"))),
                ],
            },
        ),
        f(F::LIMIT, Value::Integer(128)),
        f(F::RECOMMENDED_RETRIEVAL_MODE, Value::Token(0x80)),
        f(
            F::RECOMMENDED_RETRIEVAL_MODE_TEXT,
            Value::EncodedString(es("wifi")),
        ),
        f(F::STATUS_TEXT, Value::EncodedString(es("ok"))),
        f(F::APPLIC_ID, Value::Text(t("app"))),
        f(F::REPLY_APPLIC_ID, Value::Text(t("rapp"))),
        f(F::AUX_APPLIC_INFO, Value::Text(t("aux"))),
        f(F::CONTENT_CLASS, Value::Token(0x81)),
        f(F::DRM_CONTENT, Value::Token(0x80)),
        f(F::ADAPTATION_ALLOWED, Value::Token(0x81)),
        f(F::REPLACE_ID, Value::Text(t("old-id"))),
        f(F::CANCEL_ID, Value::Text(t("c-id"))),
        f(F::CANCEL_STATUS, Value::Token(0x80)),
        Header::Application {
            name: t("X-Custom"),
            value: t("v"),
        },
    ];
    let mut p = pdu(MessageType::SEND_REQ, everything);
    let (ct, body) = rich_body();
    p.set_body(ct, body);
    all.push(p);
    let counted = |count, value| Value::Counted {
        count,
        value: Box::new(value),
    };
    all.push(pdu(
        MessageType::DELETE_CONF,
        vec![
            f(
                F::CONTENT_LOCATION,
                counted(3, Value::Text(t("http://x/1"))),
            ),
            f(F::RESPONSE_STATUS, counted(1, Value::Token(0x80))),
            f(
                F::RESPONSE_TEXT,
                counted(
                    1,
                    Value::EncodedString(EncodedString::with_charset(
                        Charset::UTF_8,
                        &b"\xC3\xA9"[..],
                    )),
                ),
            ),
        ],
    ));
    all
}

/// Decodes `input` both ways: no panic, error offsets inside the input,
/// warnings inside the input, strict and lenient agree where both succeed,
/// and what decodes re-encodes. With `exact`, the re-encoding must be the
/// input itself; otherwise it must decode to the same headers and body (see
/// [`header_block_is_exact`] for the two known sources of difference).
fn decode_cleanly(input: &[u8], exact: bool) -> Option<Pdu<'_>> {
    let strict = Pdu::decode_with(input, &STRICT);
    if let Err(e) = &strict {
        assert!(e.offset() <= input.len(), "{e} for {} octets", input.len());
    }
    match Pdu::decode(input) {
        Ok(p) => {
            for w in &p.warnings {
                assert!(w.offset() <= input.len(), "{w} for {} octets", input.len());
            }
            let again = p.encode().expect("a decoded PDU re-encodes");
            if exact {
                assert!(again == input, "re-encoding differs: {input:02X?}");
            } else {
                let back = Pdu::decode(&again).expect("a re-encoded PDU decodes");
                assert_eq!(back.headers.len(), p.headers.len());
                for (a, b) in back.headers.iter().zip(&p.headers) {
                    assert_eq!((a.code(), a.value()), (b.code(), b.value()));
                }
                assert_eq!(back.body.as_ref().map(values), p.body.as_ref().map(values));
                assert_eq!(back.trailing, p.trailing);
                if header_block_is_exact(&p) {
                    let n: usize = p.headers.iter().map(Header::encoded_len).sum();
                    assert!(
                        again[..n] == input[..n],
                        "header block differs: {input:02X?}"
                    );
                }
            }
            if let Ok(s) = &strict {
                assert_eq!(s, &p);
                assert!(p.warnings.is_empty());
            }
            Some(p)
        }
        Err(e) => {
            assert!(e.offset() <= input.len(), "{e} for {} octets", input.len());
            assert!(strict.is_err(), "strict accepts what lenient rejects");
            None
        }
    }
}

/// Binary fields keep their wire octets, so the header block re-encodes
/// byte for byte, except an application header whose Text-string value
/// starts with an octet >= 0x80 without the Quote: `Header::Application`
/// keeps no wire octets and writes the Quote WAP-230 §8.4.2.1 requires.
/// (Multipart bodies are likewise re-encoded from their parts, with minimal
/// uintvars and content types, which is why bodies compare by value.)
fn header_block_is_exact(p: &Pdu<'_>) -> bool {
    !p.headers.iter().any(|h| {
        matches!(h, Header::Application { value, .. } if value.as_bytes().first() >= Some(&0x80))
    })
}

/// A body by value: the octets of parts that hold a decoded nested
/// multipart are left out (the nested parts stand for them).
fn values(b: &Body<'_>) -> Body<'static> {
    fn strip(m: &Multipart<'_>) -> Multipart<'static> {
        let mut m = m.clone().into_owned();
        for p in &mut m.parts {
            if let Some(n) = &p.nested {
                p.nested = Some(strip(n));
                p.data = Vec::new().into();
            }
        }
        m
    }
    match b {
        Body::Multipart(m) => Body::Multipart(strip(m)),
        Body::Data(d) => Body::Data(d.to_vec().into()),
    }
}

/// The span `[start, end)` of each header of an encoded PDU.
fn header_spans(p: &Pdu<'_>) -> Vec<(usize, usize)> {
    let mut at = 0;
    p.headers
        .iter()
        .map(|h| {
            let span = (at, at + h.encoded_len());
            at = span.1;
            span
        })
        .collect()
}

fn outer_sweep(bytes: &[u8]) {
    let full = Pdu::decode_with(bytes, &STRICT).expect("the whole PDU decodes strictly");
    for cut in 0..bytes.len() {
        decode_cleanly(&bytes[..cut], true);
    }
    // A strict prefix that ends inside a header (its value incomplete) is an error.
    for (start, end) in header_spans(&full) {
        for cut in start + 1..end {
            assert!(
                Pdu::decode_with(&bytes[..cut], &STRICT).is_err(),
                "prefix of {cut} octets ends inside the header at {start}..{end}"
            );
        }
    }
}

#[test]
fn detects_truncation_of_every_vector_pdu() {
    let vectors = vector_pdus();
    assert_eq!(vectors.len(), 26);
    for p in &vectors {
        let bytes = p.encode().unwrap();
        outer_sweep(&bytes);
        assert!(decode_cleanly(&bytes, true).is_some());
    }
}

#[test]
fn detects_truncation_of_every_small_canonical_corpus_file() {
    for file in CORPUS_FILES {
        let bytes =
            std::fs::read(format!("{CORPUS}{file}")).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(bytes.len() < 20 * 1024, "{file}");
        outer_sweep(&bytes);
    }
}

#[test]
fn detects_truncation_of_a_multipart_inside_its_parts() {
    // A strict prefix that ends inside a part (its headers or data) is an
    // error: the entry's HeadersLen / DataLen overrun what is left.
    let mut p = pdu(MessageType::RETRIEVE_CONF, vec![]);
    let (ct, body) = rich_body();
    p.set_body(ct, body);
    let bytes = p.encode().unwrap();
    let body_start = bytes.len() - p.body.as_ref().unwrap().encoded_len();
    let mut boundaries = vec![body_start + 1];
    let top = match &p.body {
        Some(Body::Multipart(m)) => m,
        _ => unreachable!(),
    };
    let mut at = body_start + 1;
    for part in &top.parts {
        let len = Multipart {
            parts: vec![part.clone()],
            ..Multipart::default()
        }
        .encoded_len()
            - 1;
        at += len;
        boundaries.push(at);
    }
    assert_eq!(*boundaries.last().unwrap(), bytes.len());
    for cut in body_start + 1..bytes.len() {
        // Strict: an error, inside a part (HeadersLen / DataLen overrun) and
        // between parts alike (fewer entries than nEntries declares).
        let e = Pdu::decode_with(&bytes[..cut], &STRICT).unwrap_err();
        match e.kind() {
            ErrorKind::CountMismatch {
                declared, found, ..
            } => {
                assert!(boundaries.contains(&cut), "cut at {cut}: {e}");
                assert!(found < declared as usize, "cut at {cut}: {e}");
            }
            _ => assert!(!boundaries.contains(&cut), "cut at {cut}: {e}"),
        }
        // Lenient: what was read, an incomplete body, and a warning.
        let lenient = Pdu::decode(&bytes[..cut]).unwrap();
        assert!(!lenient.is_complete(), "cut at {cut}");
        assert!(!lenient.warnings.is_empty(), "cut at {cut}");
    }
    assert!(Pdu::decode_with(&bytes, &STRICT).unwrap().is_complete());
}

/// A length field found in an encoded PDU.
#[derive(Debug, Clone, Copy)]
struct LengthField {
    what: &'static str,
    /// Offset of the length octets.
    at: usize,
    /// `None`: a Short-length octet (0–30); `Some(n)`: a uintvar of `n` octets.
    uintvar: Option<usize>,
}

/// The length fields of an encoded PDU: the value-lengths of its header
/// fields (Short-length or the uintvar after a Length-quote), and in its
/// multipart body, nested ones included, the HeadersLen and DataLen of
/// every entry and the value-length of general-form part content types.
fn length_fields(bytes: &[u8]) -> Vec<LengthField> {
    let p = Pdu::decode_with(bytes, &STRICT).unwrap();
    let mut out = vec![];
    for ((start, _), h) in header_spans(&p).into_iter().zip(&p.headers) {
        if let Header::Field(f) = h {
            match f.raw().unwrap()[0] {
                1..=30 => out.push(LengthField {
                    what: "value-length",
                    at: start + 1,
                    uintvar: None,
                }),
                31 => out.push(LengthField {
                    what: "value-length",
                    at: start + 2,
                    uintvar: Some(uintvar_width(&bytes[start + 2..])),
                }),
                _ => {}
            }
        }
    }
    if let Some(body @ Body::Multipart(_)) = &p.body {
        multipart_fields(
            bytes,
            bytes.len() - body.encoded_len(),
            bytes.len(),
            &mut out,
        );
    }
    out
}

fn uintvar_width(at: &[u8]) -> usize {
    let (_, rest) = mms_pdu::wsp::parse_uintvar(at).unwrap();
    at.len() - rest.len()
}

fn multipart_fields(bytes: &[u8], start: usize, end: usize, out: &mut Vec<LengthField>) {
    let uintvar = |at: usize| {
        let (v, _) = mms_pdu::wsp::parse_uintvar(&bytes[at..end]).unwrap();
        (v as usize, uintvar_width(&bytes[at..end]))
    };
    let mut at = start + uintvar(start).1; // past nEntries
    while at < end {
        let (hlen, hw) = uintvar(at);
        out.push(LengthField {
            what: "HeadersLen",
            at,
            uintvar: Some(hw),
        });
        let (dlen, dw) = uintvar(at + hw);
        out.push(LengthField {
            what: "DataLen",
            at: at + hw,
            uintvar: Some(dw),
        });
        let headers = at + hw + dw;
        if (1..=30).contains(&bytes[headers]) {
            out.push(LengthField {
                what: "part content type",
                at: headers,
                uintvar: None,
            });
        }
        let data = headers + hlen;
        let ct_end = headers + ct_len(&bytes[headers..data]);
        let ct = ContentType::decode(&bytes[headers..ct_end]).unwrap();
        if ct.media().is_multipart() {
            multipart_fields(bytes, data, data + dlen, out);
        }
        at = data + dlen;
    }
}

/// Octets of the content type at the start of a part's header region.
fn ct_len(region: &[u8]) -> usize {
    match region[0] {
        0..=30 => 1 + usize::from(region[0]),
        0x80..=0xFF => 1,
        _ => region.iter().position(|&b| b == 0).unwrap() + 1,
    }
}

/// Writes `v` as a uintvar filling `out` exactly (leading 0x80 octets pad it).
fn put_uintvar_width(v: usize, out: &mut [u8]) {
    let width = out.len();
    for (k, o) in out.iter_mut().enumerate() {
        let seven = ((v >> (7 * (width - 1 - k))) & 0x7F) as u8;
        *o = if k + 1 == width { seven } else { seven | 0x80 };
    }
}

/// Rewrites every length field of `bytes` to every smaller value and
/// decodes the result; returns the number of rewrites.
fn inner_sweep(bytes: &[u8]) -> usize {
    let mut rewrites = 0;
    for f in length_fields(bytes) {
        let orig = match f.uintvar {
            None => usize::from(bytes[f.at]),
            Some(_) => mms_pdu::wsp::parse_uintvar(&bytes[f.at..]).unwrap().0 as usize,
        };
        for smaller in 0..orig {
            let mut b = bytes.to_vec();
            match f.uintvar {
                None => b[f.at] = smaller as u8,
                Some(width) => put_uintvar_width(smaller, &mut b[f.at..f.at + width]),
            }
            decode_cleanly(&b, false);
            rewrites += 1;
        }
    }
    rewrites
}

#[test]
fn detects_truncation_of_every_length_field_rewritten_smaller() {
    let vectors = vector_pdus();
    let mut total = 0;
    // The kitchen-sink send-req, the delete-conf and the retrieve-conf.
    for p in [&vectors[24], &vectors[25], &vectors[4]] {
        let bytes = p.encode().unwrap();
        let fields = length_fields(&bytes);
        assert!(fields.iter().any(|f| f.what == "value-length"));
        total += inner_sweep(&bytes);
    }
    assert!(total > 800, "{total} rewrites");
    // Two corpus files with parts: a send-req with a SMIL part and a
    // retrieve-conf with an image.
    for file in [
        "mmsd/sr-mms-related-multi-to.mms",
        "mmsd/rc-mms-1-3-con-210.mms",
    ] {
        let bytes = std::fs::read(format!("{CORPUS}{file}")).unwrap();
        let fields = length_fields(&bytes);
        assert!(fields.iter().any(|f| f.what == "HeadersLen"), "{file}");
        assert!(fields.iter().any(|f| f.what == "DataLen"), "{file}");
        assert!(inner_sweep(&bytes) > 300, "{file}");
    }
}
