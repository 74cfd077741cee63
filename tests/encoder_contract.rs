//! The encoder's contract: whatever a public encoder accepts (values, typed
//! messages, the builder, serde input) decodes back equal within the
//! decoder's default limits; the rest is refused with an `EncodeError` (or
//! a `BuildError`) naming the field or part and the rule. Each case was
//! found encoding without complaint and reading back refused or different.

use mms_pdu::compose::BuildError;
use mms_pdu::mms::message::SendReq;
use mms_pdu::wsp::charset::encode;
use mms_pdu::wsp::{Charset, ContentType, EncodedString, Media, Multipart, Part, Text};
use mms_pdu::{Body, DecodeOptions, FieldCode, Header, Limits, MessageType, Pdu, Value, Version};

const STRICT: DecodeOptions = DecodeOptions {
    limits: Limits::DEFAULT,
    strict: true,
};

fn builder() -> mms_pdu::compose::SendReqBuilder<'static> {
    SendReq::builder()
        .transaction_id("T1")
        .to("+15551234567/TYPE=PLMN")
}

/// An encoded PDU reads back equal, leniently, and strictly too.
fn reads_back(pdu: &Pdu<'_>) {
    let bytes = pdu.encode().unwrap();
    let back = Pdu::decode_with(&bytes, &STRICT).unwrap();
    assert_eq!(back.encode().unwrap(), bytes);
    assert_eq!(back.headers.len(), pdu.headers.len());
}

#[test]
fn charsets_encoding_rs_cannot_write_are_refused() {
    // iso-2022-kr, iso-2022-cn, iso-2022-cn-ext, hz-gb-2312: encoding_rs
    // reads them (or maps them to its replacement encoding) but would
    // write UTF-8 under their label, read back as U+FFFD.
    for mib in [37, 104, 105, 2085] {
        assert!(encode("hello", Charset(mib)).is_err(), "MIBenum {mib}");
        let err = builder()
            .subject_in("hello", Charset(mib))
            .build()
            .unwrap_err();
        assert!(matches!(err, BuildError::Encode(e) if e.context() == "charset"));
    }
}

#[test]
fn text_that_would_read_back_otherwise_is_refused_by_charset_encode() {
    // C3 A9 in iso-8859-1 is "Ã©", but reads back as UTF-8 "é".
    assert!(encode("Ã©", Charset::ISO_8859_1).is_err());
    // A leading byte order mark is taken off when read.
    assert!(encode("\u{FEFF}hi", Charset::UTF_8).is_err());
    assert!(encode("\u{FEFF}hi", Charset(1013)).is_err());
    // The ordinary cases still write.
    assert_eq!(encode("é", Charset::ISO_8859_1).unwrap().as_ref(), b"\xE9");
    assert!(encode("\u{FEFF}hi", Charset::UTF_16).is_ok());
}

#[test]
fn the_builder_refuses_empty_and_ill_formed_media_types() {
    for (media, index) in [("", 0), ("ímage/png", 0), ("image", 0), ("image/", 0)] {
        let err = builder()
            .attachment(media, "a.bin", &b"x"[..])
            .build()
            .unwrap_err();
        assert_eq!(
            err,
            BuildError::Part {
                index,
                name: media.to_string(),
                reason: "the media type is not a well-formed type/subtype"
            },
            "{media:?}"
        );
    }
    // An extension media type is still fine.
    let req = builder()
        .attachment("image/webp", "a.webp", &b"x"[..])
        .build()
        .unwrap();
    let bytes = req.encode().unwrap();
    assert!(SendReq::decode_strict(&bytes).is_ok());
}

#[test]
fn values_refuse_media_types_that_read_back_as_another() {
    for media in ["", "\u{1}x", "ímage/png"] {
        let mut pdu = Pdu::new(MessageType::RETRIEVE_CONF, Version::V1_2);
        pdu.set_body(
            ContentType::new(Media::from_name(media)),
            Body::Data(b"x"[..].into()),
        );
        let err = pdu.encode().unwrap_err();
        assert_eq!(err.context(), "media type", "{media:?}");
    }
}

#[test]
fn the_builder_refuses_part_names_that_would_not_resolve() {
    // The same name twice, or differing only by surrounding spaces or case:
    // the SMIL would show the first part twice.
    for second in ["a.txt", " a.txt ", "A.TXT"] {
        let err = builder()
            .text("a.txt", "one")
            .text(second, "two")
            .build()
            .unwrap_err();
        assert!(
            matches!(&err, BuildError::Part { index: 1, name, .. } if name == second),
            "{second:?}: {err}"
        );
        assert!(err.to_string().starts_with("part 1 "), "{err}");
    }
    // A name that reads as a Content-ID reference in SMIL.
    let err = builder()
        .attachment("image/png", "cid:x", &b"x"[..])
        .build()
        .unwrap_err();
    assert!(matches!(err, BuildError::Part { index: 0, .. }), "{err}");
    // An empty name or one opening with a control character.
    for name in ["", "\u{1b}x.txt"] {
        let err = builder().text(name, "x").build().unwrap_err();
        assert!(matches!(err, BuildError::Part { index: 0, .. }), "{err}");
    }
}

#[cfg(feature = "smil")]
#[test]
fn built_slides_resolve_every_part() {
    use mms_pdu::smil::SlideContent;
    let req = builder()
        .slide(SlideContent::new().text("a.txt", "one"))
        .slide(SlideContent::new().text("b.txt", "two"))
        .build()
        .unwrap();
    let bytes = req.encode().unwrap();
    let pdu = Pdu::decode_with(&bytes, &STRICT).unwrap();
    let found = mms_pdu::smil::from_pdu(&pdu).unwrap().unwrap();
    assert!(found.resolution.is_complete());
    let dup = builder()
        .slide(SlideContent::new().text("a.txt", "one"))
        .slide(SlideContent::new().text("a.txt", "two"))
        .build();
    assert!(matches!(dup, Err(BuildError::Part { .. })));
}

#[test]
fn more_headers_than_the_decoder_reads_are_refused() {
    let mut pdu = Pdu::new(MessageType::SEND_REQ, Version::V1_2);
    let to = Header::field(
        FieldCode::TO,
        Value::EncodedString(EncodedString::new("+1").unwrap()),
    );
    pdu.headers.resize(200_000, to);
    let err = pdu.encode().unwrap_err();
    assert_eq!(err.context(), "headers");
    // At the limit it is written and read back.
    pdu.headers.truncate(Limits::DEFAULT.max_headers);
    reads_back(&pdu);
}

fn nested(levels: usize) -> Pdu<'static> {
    let leaf = Part::new(ContentType::new(Media::from_name("text/plain")), &b"x"[..]);
    let mut m = Multipart {
        parts: vec![leaf],
        ..Multipart::default()
    };
    for _ in 1..levels {
        let mut p = Part::new(
            ContentType::new(Media::from_name("application/vnd.wap.multipart.mixed")),
            Vec::new(),
        );
        p.nested = Some(m);
        m = Multipart {
            parts: vec![p],
            ..Multipart::default()
        };
    }
    let mut pdu = Pdu::new(MessageType::RETRIEVE_CONF, Version::V1_2);
    pdu.push(FieldCode::DATE, Value::Long(1));
    pdu.set_body(
        ContentType::new(Media::from_name("application/vnd.wap.multipart.mixed")),
        Body::Multipart(m),
    );
    pdu
}

#[test]
fn nesting_deeper_than_the_decoder_follows_is_refused() {
    assert_eq!(
        nested(60).encode().unwrap_err().context(),
        "nested multipart"
    );
    reads_back(&nested(Limits::DEFAULT.max_depth));
}

#[test]
fn more_parts_than_the_decoder_reads_are_refused() {
    let part = Part::new(ContentType::new(Media::from_name("text/plain")), &b""[..]);
    let mut pdu = Pdu::new(MessageType::RETRIEVE_CONF, Version::V1_2);
    pdu.set_body(
        ContentType::new(Media::from_name("application/vnd.wap.multipart.mixed")),
        Body::Multipart(Multipart {
            parts: vec![part; Limits::DEFAULT.max_parts + 1],
            ..Multipart::default()
        }),
    );
    assert_eq!(pdu.encode().unwrap_err().context(), "multipart");
}

#[test]
fn nested_counted_values_are_refused() {
    let mut pdu = Pdu::new(MessageType::DELETE_CONF, Version::V1_3);
    pdu.headers.insert(
        1,
        Header::field(
            FieldCode::TRANSACTION_ID,
            Value::Text(Text::new("T").unwrap()),
        ),
    );
    let inner = Value::Counted {
        count: 1,
        value: Box::new(Value::Token(0x80)),
    };
    pdu.push(
        FieldCode::RESPONSE_STATUS,
        Value::Counted {
            count: 2,
            value: Box::new(inner),
        },
    );
    assert_eq!(pdu.encode().unwrap_err().context(), "X-Mms-Response-Status");
}

#[test]
fn a_declared_entry_count_reads_back_or_is_refused() {
    let part = Part::new(ContentType::new(Media::from_name("text/plain")), &b"x"[..]);
    for declared in [Some(1), Some(u32::MAX), Some(0), None] {
        let mut pdu = Pdu::new(MessageType::RETRIEVE_CONF, Version::V1_2);
        pdu.set_body(
            ContentType::new(Media::from_name("application/vnd.wap.multipart.mixed")),
            Body::Multipart(Multipart {
                parts: vec![part.clone()],
                declared_entries: declared,
                ..Multipart::default()
            }),
        );
        match pdu.encode() {
            Ok(bytes) => {
                let back = Pdu::decode(&bytes).unwrap();
                assert_eq!(back.body, pdu.body, "{declared:?}");
                // Only the count that matches is strictly valid.
                assert_eq!(
                    Pdu::decode_with(&bytes, &STRICT).is_ok(),
                    declared.is_none(),
                    "{declared:?}"
                );
            }
            Err(e) => {
                assert_eq!(declared, Some(1));
                assert_eq!(e.context(), "multipart nEntries");
            }
        }
    }
}

#[test]
fn trailing_octets_that_would_read_as_headers_are_refused() {
    let mut pdu = Pdu::new(MessageType::NOTIFYRESP_IND, Version::V1_2);
    pdu.trailing = b"\x98T2\0".to_vec().into();
    assert_eq!(pdu.encode().unwrap_err().context(), "trailing octets");
    pdu.trailing = b"\0\0".to_vec().into();
    let bytes = pdu.encode().unwrap();
    assert_eq!(Pdu::decode(&bytes).unwrap().trailing, pdu.trailing);
}

#[test]
fn the_message_type_must_open_the_pdu() {
    let mut pdu = Pdu::new(MessageType::NOTIFYRESP_IND, Version::V1_2);
    pdu.headers.swap(0, 1);
    assert_eq!(pdu.encode().unwrap_err().context(), "X-Mms-Message-Type");
}

#[test]
fn application_headers_read_back_or_are_refused() {
    let mut pdu = Pdu::new(MessageType::NOTIFYRESP_IND, Version::V1_2);
    pdu.headers.push(Header::Application {
        name: Text::new("X-Note").unwrap(),
        value: Text::new("kept").unwrap(),
    });
    reads_back(&pdu);
    // A name that is not Token-text would be read as something else.
    pdu.headers[2] = Header::Application {
        name: Text::new("é").unwrap(),
        value: Text::new("v").unwrap(),
    };
    assert!(pdu.encode().is_err());
}

#[cfg(feature = "serde")]
#[test]
fn serde_input_goes_through_the_same_validation() {
    let mut headers =
        vec![serde_json::json!({"Field": {"code": "X-Mms-Message-Type", "value": {"Token": 131}}})];
    for _ in 0..2000 {
        headers.push(
            serde_json::json!({"Field": {"code": "X-Mms-Transaction-Id", "value": {"Text": "T"}}}),
        );
    }
    let doc = serde_json::json!({ "headers": headers });
    let pdu: Pdu<'static> = serde_json::from_value(doc).unwrap();
    assert_eq!(pdu.encode().unwrap_err().context(), "headers");
}

/// Found by the `encode` fuzz target: a transaction id opening with a
/// control octet was written with a Quote, which strict decoding refuses.
#[test]
fn built_text_opening_with_a_control_octet_is_refused_or_written_strictly() {
    let err = SendReq::builder()
        .transaction_id("\u{1e}1")
        .to("+15551234567/TYPE=PLMN")
        .build()
        .unwrap_err();
    assert!(matches!(err, BuildError::Encode(e) if e.context() == "X-Mms-Transaction-Id"));
    // A subject has the charset form, delimited by its length.
    let req = builder().subject("\u{1}x").build().unwrap();
    let bytes = req.encode().unwrap();
    let back = SendReq::decode_strict(&bytes).unwrap();
    assert_eq!(back.subject.unwrap().to_string_lossy(), "\u{1}x");
}

/// Found by the `encode` fuzz target: raw octets for a text field without
/// their NUL ran into the next header.
#[test]
fn raw_values_must_keep_their_extent() {
    let mut pdu = Pdu::new(MessageType::SEND_CONF, Version::V1_2);
    pdu.push(FieldCode::RESPONSE_TEXT, Value::Raw(b"["[..].into()));
    pdu.headers.push(Header::Application {
        name: Text::new("-").unwrap(),
        value: Text::new("").unwrap(),
    });
    assert_eq!(pdu.encode().unwrap_err().context(), "X-Mms-Response-Text");
    pdu.headers[2] = Header::field(FieldCode::RESPONSE_TEXT, Value::Raw(b"[\0"[..].into()));
    let bytes = pdu.encode().unwrap();
    assert_eq!(Pdu::decode(&bytes).unwrap().headers.len(), 4);
}

/// Found by the `serde` fuzz target: a PDU whose last header is an
/// Encoded-string-value without its NUL (lenient decoding keeps it) did
/// not read back from its own JSON.
#[cfg(feature = "serde")]
#[test]
fn an_unterminated_last_address_survives_json() {
    let bytes = b"\x8C\x81\x98T\0\x8D\x91\x97+1/TYPE=PLMN";
    let pdu = Pdu::decode(bytes).unwrap();
    assert_eq!(pdu.warnings.len(), 1);
    let text = serde_json::to_string(&pdu).unwrap();
    let back: Pdu<'static> = serde_json::from_str(&text).unwrap();
    assert_eq!(back.encode().unwrap(), bytes);
}

/// Found by the `encode` fuzz target: opaque data under a multipart media
/// type is written as it is and read back as the parts it holds. `80 6D 6C`
/// is an nEntries of 109 written in two octets where one does, then a
/// stray `6C`: read back, those parts encode as `6D 6C`, and the PDU no
/// longer re-encodes as itself. Such data is refused, in a part and as a
/// whole body; data that holds no multipart, or parts written as the
/// encoder writes them, still go through.
#[test]
fn opaque_multipart_data_must_encode_as_the_parts_it_reads_as() {
    let mixed = || ContentType::new(Media::from_name("application/vnd.wap.multipart.mixed"));
    let with_part = |data: &'static [u8]| {
        let part = Part::new(
            ContentType::new(Media::from_name("multipart/related")),
            data,
        );
        let mut pdu = Pdu::new(MessageType::SEND_REQ, Version::V1_2);
        let body = Multipart {
            parts: vec![part],
            ..Multipart::default()
        };
        pdu.set_body(mixed(), Body::Multipart(body));
        pdu
    };
    let err = with_part(b"\x80\x6D\x6C").encode().unwrap_err();
    assert_eq!(err.context(), "multipart data");
    // Written as the encoder writes it: one part (text/plain "x").
    let canonical: &[u8] = b"\x01\x01\x01\x83x";
    reads_back(&with_part(canonical));
    // No multipart at all: read back as data.
    let bytes = with_part(b"\xFF\xFF\xFF\xFF\xFF\xFF").encode().unwrap();
    assert_eq!(Pdu::decode(&bytes).unwrap().encode().unwrap(), bytes);
    // The same rule for a whole body given as data.
    let mut pdu = Pdu::new(MessageType::SEND_REQ, Version::V1_2);
    pdu.set_body(
        mixed(),
        Body::Data(b"\x80\x01\x01\x01\x83x".as_slice().into()),
    );
    assert_eq!(pdu.encode().unwrap_err().context(), "multipart data");
    pdu.set_body(mixed(), Body::Data(canonical.into()));
    reads_back(&pdu);
    // And for a typed message, whose encoder gives the generic one's answer.
    let mut req = builder().text("a.txt", "hi").build().unwrap();
    req.body = Some(Body::Data(b"\x80\x01\x01\x01\x83x".as_slice().into()));
    assert_eq!(
        req.encode().unwrap_err(),
        req.to_pdu().encode().unwrap_err()
    );
}

/// A multipart body under a Content-Type that is not multipart would read
/// back as opaque data: both encoders refuse it, with the same error.
#[test]
fn a_multipart_body_needs_a_multipart_type_in_both_encoders() {
    let mut req = builder().text("a.txt", "hi").build().unwrap();
    req.content_type = ContentType::new(Media::from_name("text/plain"));
    let generic = req.to_pdu().encode().unwrap_err();
    assert_eq!(generic.context(), "body");
    assert_eq!(req.encode().unwrap_err(), generic);
    assert_eq!(req.validate().unwrap_err(), generic);
}
