//! `(value, bytes)` vectors for every grammar rule, computed by hand from
//! WAP-230 (WSP) and OMA MMS_ENC 1.3, checked through the public API only:
//! the `wsp::parse_*` decoders and `put_*` encoders, content types, part
//! headers, multipart bodies, every MMS header field 0x01–0x3F, every
//! message type 0x80–0x97, and the errors (offset, context, kind) of
//! malformed input and exceeded limits.
//!
//! Sub-clause numbers of MMS_ENC 1.3 §7.3 are the ones the crate's own
//! field table cites; the field is always named next to them.

use std::collections::BTreeSet;

use mms_pdu::wsp::{
    self, Charset, ContentType, Disposition, EncodedString, Media, Multipart, ParamName,
    ParamValue, Parameter, Part, Text, TextValue, WspHeader,
};
use mms_pdu::{
    Body, DecodeError, DecodeOptions, ElementItem, ErrorKind, FieldCode, FromValue, Header, Limits,
    MessageClass, MessageType, Pdu, Time, Value, Version,
};

const STRICT: DecodeOptions = DecodeOptions {
    limits: Limits::DEFAULT,
    strict: true,
};

fn out(f: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut v = Vec::new();
    f(&mut v);
    v
}

fn t(s: &'static str) -> Text<'static> {
    Text::new(s).unwrap()
}

fn es(s: &'static str) -> EncodedString<'static> {
    EncodedString::text(t(s))
}

fn cs(charset: Charset, bytes: &'static [u8]) -> EncodedString<'static> {
    EncodedString::with_charset(charset, bytes)
}

fn strict(bytes: &[u8]) -> Pdu<'_> {
    Pdu::decode_with(bytes, &STRICT).unwrap_or_else(|e| panic!("{e}: {bytes:02X?}"))
}

// ---------------------------------------------------------------------------
// WAP-230 §8.1.2, §8.4.2.1–§8.4.2.3: integers.

#[test]
fn round_trips_uintvar_vectors() {
    // WAP-230 §8.1.2: 7 bits per octet, continuation bit on all but the last.
    let vectors: &[(u32, &[u8])] = &[
        (0, &[0x00]),
        (0x7F, &[0x7F]),
        (0x80, &[0x81, 0x00]),
        (300, &[0x82, 0x2C]),
        (0x3FFF, &[0xFF, 0x7F]),
        (0x4000, &[0x81, 0x80, 0x00]),
        (0x0FFF_FFFF, &[0xFF, 0xFF, 0xFF, 0x7F]),
        (u32::MAX, &[0x8F, 0xFF, 0xFF, 0xFF, 0x7F]),
    ];
    for &(v, bytes) in vectors {
        assert_eq!(out(|o| wsp::put_uintvar(v, o)), bytes, "{v:#x}");
        assert_eq!(wsp::uintvar_len(v), bytes.len());
        let mut input = bytes.to_vec();
        input.push(0xAA);
        assert_eq!(wsp::parse_uintvar(&input).unwrap(), (v, &[0xAA][..]));
    }
}

#[test]
fn round_trips_short_long_and_integer_value_vectors() {
    // WAP-230 §8.4.2.1 Short-integer: the value in 7 bits, high bit set.
    assert_eq!(wsp::parse_short_integer(&[0x80]).unwrap(), (0, &[][..]));
    assert_eq!(
        wsp::parse_short_integer(&[0xFF, 1]).unwrap(),
        (0x7F, &[1][..])
    );
    // WAP-230 §8.4.2.1 Long-integer: Short-length then big-endian octets.
    let long: &[(u64, &[u8])] = &[
        (0, &[0x01, 0x00]),
        (0x80, &[0x01, 0x80]),
        (0x0100, &[0x02, 0x01, 0x00]),
        (0x455A_CE65, &[0x04, 0x45, 0x5A, 0xCE, 0x65]),
        (
            u64::MAX,
            &[0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
        ),
    ];
    for &(v, bytes) in long {
        assert_eq!(out(|o| wsp::put_long_integer(v, o)), bytes, "{v:#x}");
        assert_eq!(wsp::long_integer_len(v), bytes.len());
        assert_eq!(wsp::parse_long_integer(bytes).unwrap(), (v, &[][..]));
        // WAP-230 §8.4.2.3 Date-value = Long-integer.
        assert_eq!(wsp::parse_date_value(bytes).unwrap().0, v);
    }
    // A leading zero octet is accepted while the value fits in 64 bits.
    let padded = [0x09, 0x00, 1, 2, 3, 4, 5, 6, 7, 8];
    assert_eq!(
        wsp::parse_long_integer(&padded).unwrap().0,
        0x0102_0304_0506_0708
    );
    // WAP-230 §8.4.2.3 Integer-Value = Short-integer | Long-integer.
    let int: &[(u64, &[u8])] = &[
        (0, &[0x80]),
        (0x7F, &[0xFF]),
        (0x80, &[0x01, 0x80]),
        (1000, &[0x02, 0x03, 0xE8]),
    ];
    for &(v, bytes) in int {
        assert_eq!(out(|o| wsp::put_integer_value(v, o)), bytes, "{v}");
        assert_eq!(wsp::integer_value_len(v), bytes.len());
        assert_eq!(wsp::parse_integer_value(bytes).unwrap(), (v, &[][..]));
        // WAP-230 §8.4.2.3 Delta-seconds-value = Integer-value.
        assert_eq!(wsp::parse_delta_seconds_value(bytes).unwrap().0, v);
    }
}

#[test]
fn round_trips_value_length_vectors() {
    // WAP-230 §8.4.2.2: Short-length 0–30, or Length-quote (31) uintvar.
    let vectors: &[(u32, &[u8])] = &[
        (0, &[0x00]),
        (5, &[0x05]),
        (30, &[0x1E]),
        (31, &[0x1F, 0x1F]),
        (300, &[0x1F, 0x82, 0x2C]),
    ];
    for &(len, prefix) in vectors {
        assert_eq!(out(|o| wsp::put_value_length(len, o)), prefix);
        assert_eq!(wsp::value_length_len(len), prefix.len());
        let mut input = prefix.to_vec();
        input.extend((0..len).map(|k| k as u8));
        input.push(0xEE);
        let (region, rest) = wsp::parse_value_length(&input).unwrap();
        assert_eq!(region.len(), len as usize);
        assert_eq!(region, &input[prefix.len()..prefix.len() + len as usize]);
        assert_eq!(rest, [0xEE]);
    }
}

// ---------------------------------------------------------------------------
// WAP-230 §8.4.2.1, §8.4.2.3: text rules.

#[test]
fn round_trips_text_string_vectors_with_the_quote() {
    // Text-string = [Quote] *TEXT End-of-string; the Quote (0x7F) precedes
    // a first octet >= 128 (WAP-230 §8.4.2.1).
    let vectors: &[(&[u8], &[u8])] = &[
        (b"", &[0x00]),
        (b"abc", b"abc\0"),
        ("é".as_bytes(), &[0x7F, 0xC3, 0xA9, 0x00]),
        ("aé".as_bytes(), &[b'a', 0xC3, 0xA9, 0x00]),
        // A first 0x7F is quoted too, else the decoder would take it for the Quote.
        (&[0x7F, b'x'], &[0x7F, 0x7F, b'x', 0x00]),
    ];
    for &(value, bytes) in vectors {
        let text = Text::from_bytes(value).unwrap();
        assert_eq!(out(|o| text.put_text_string(o)), bytes, "{value:02X?}");
        assert_eq!(text.text_string_len(), bytes.len());
        let (back, rest) = wsp::parse_text_string(bytes).unwrap();
        assert_eq!((back.as_bytes(), rest), (value, &[][..]));
    }
    // A superfluous Quote before ASCII is dropped on decoding.
    assert_eq!(
        wsp::parse_text_string(b"\x7Fabc\0").unwrap().0.as_bytes(),
        b"abc"
    );
}

#[test]
fn round_trips_quoted_string_token_text_and_extension_media() {
    // Quoted-string = <Octet 34> *TEXT End-of-string (WAP-230 §8.4.2.1).
    let q = t("<smil>");
    assert_eq!(out(|o| q.put_quoted_string(o)), b"\"<smil>\0");
    assert_eq!(wsp::parse_quoted_string(b"\"<smil>\0").unwrap().0, q);
    // Token-text = Token End-of-string (WAP-230 §8.4.2.1).
    assert_eq!(
        wsp::parse_token_text(b"X-Foo\0rest").unwrap(),
        (t("X-Foo"), &b"rest"[..])
    );
    // Extension-media = *TEXT End-of-string (WAP-230 §8.4.2.24).
    assert_eq!(
        wsp::parse_extension_media(b"image/webp\0").unwrap().0,
        t("image/webp")
    );
    // Text-value = No-value | Token-text | Quoted-string (WAP-230 §8.4.2.3).
    let values: &[(TextValue<'static>, &[u8])] = &[
        (TextValue::NoValue, &[0x00]),
        (TextValue::Token(t("tok")), b"tok\0"),
        (TextValue::Quoted(t("a b")), b"\"a b\0"),
    ];
    for (v, bytes) in values {
        let mut o = Vec::new();
        v.encode(&mut o);
        assert_eq!(o, *bytes);
        assert_eq!(v.encoded_len(), bytes.len());
        assert_eq!(wsp::parse_text_value(bytes).unwrap(), (v.clone(), &[][..]));
    }
}

#[test]
fn round_trips_charset_vectors() {
    // Well-known-charset = Any-charset | Integer-value (WAP-230 §8.4.2.8),
    // IANA MIBenum numbers.
    let vectors: &[(Charset, &[u8])] = &[
        (Charset::ANY, &[0x80]),
        (Charset::US_ASCII, &[0x83]),
        (Charset::ISO_8859_1, &[0x84]),
        (Charset::SHIFT_JIS, &[0x91]),
        (Charset::UTF_8, &[0xEA]),
        (Charset::UCS_2, &[0x02, 0x03, 0xE8]),
        (Charset::UTF_16, &[0x02, 0x03, 0xF7]),
        (Charset::GB2312, &[0x02, 0x07, 0xE9]),
        (Charset::BIG5, &[0x02, 0x07, 0xEA]),
    ];
    for &(c, bytes) in vectors {
        assert_eq!(out(|o| c.encode(o)), bytes, "{c:?}");
        assert_eq!(c.encoded_len(), bytes.len());
        assert_eq!(wsp::parse_charset(bytes).unwrap(), (c, &[][..]));
    }
    assert_eq!(Charset::BIG5.0, 2026);
    assert_eq!(Charset::ANY.name(), Some("*"));
}

#[test]
fn round_trips_encoded_string_value_vectors() {
    // Encoded-string-value = Text-string | Value-length Char-set Text-string
    // (MMS_ENC 1.3 §7.2.9, WAP-230 §8.4.2.8).
    let vectors: &[(EncodedString<'static>, &[u8])] = &[
        (es("Pin-Ups"), b"Pin-Ups\0"),
        (es(""), &[0x00]),
        // Untagged text that starts with a control octet takes a Quote, else
        // that octet would read as the Value-length of the charset form.
        (es("\x01x"), &[0x7F, 0x01, b'x', 0x00]),
        // utf-8 "Zoë": value-length 6, 0xEA, text, NUL.
        (
            cs(Charset::UTF_8, b"Zo\xC3\xAB"),
            &[0x06, 0xEA, b'Z', b'o', 0xC3, 0xAB, 0x00],
        ),
        // A first octet >= 128 in the charset form takes the Quote too.
        (
            cs(Charset::UTF_8, b"\xC3\xA9"),
            &[0x05, 0xEA, 0x7F, 0xC3, 0xA9, 0x00],
        ),
        // UCS-2 "Hi" holds NULs: the value-length, not a NUL, delimits it.
        (
            cs(Charset::UCS_2, b"\x00H\x00i"),
            &[0x08, 0x02, 0x03, 0xE8, 0x00, b'H', 0x00, b'i', 0x00],
        ),
        // Any-charset and big5 (2026 = 02 07 EA).
        (cs(Charset::ANY, b"x"), &[0x03, 0x80, b'x', 0x00]),
        (
            cs(Charset::BIG5, b"\xA4\xA4"),
            &[0x07, 0x02, 0x07, 0xEA, 0x7F, 0xA4, 0xA4, 0x00],
        ),
    ];
    for (s, bytes) in vectors {
        assert_eq!(out(|o| s.encode(o)), *bytes, "{s:?}");
        assert_eq!(s.encoded_len(), bytes.len());
        let (back, rest) = wsp::parse_encoded_string_value(bytes).unwrap();
        assert_eq!((&back, rest), (s, &[][..]));
    }
    // A region longer than 30 octets takes the Length-quote form.
    let long = cs(Charset::UTF_8, &[b'a'; 40]);
    let bytes = out(|o| long.encode(o));
    assert_eq!(bytes[..3], [0x1F, 42, 0xEA]);
    assert_eq!(wsp::parse_encoded_string_value(&bytes).unwrap().0, long);
}

// ---------------------------------------------------------------------------
// WAP-230 §8.4.2.24 Content-type-value and §8.4.2.4 parameters.

fn ct_vector(ct: &ContentType<'_>, bytes: &[u8]) {
    assert_eq!(ct.to_vec(), bytes, "{ct:?}");
    assert_eq!(ct.encoded_len(), bytes.len());
    assert_eq!(&ContentType::decode(bytes).unwrap(), ct);
}

#[test]
fn round_trips_constrained_content_types() {
    // Constrained-media = Short-integer | Extension-media.
    ct_vector(&ContentType::new(Media::WellKnown(0x3E)), &[0xBE]);
    ct_vector(&ContentType::new(Media::WellKnown(0x03)), &[0x83]);
    ct_vector(
        &ContentType::new(Media::Text(t("image/webp"))),
        b"image/webp\0",
    );
    assert_eq!(
        ContentType::decode(&[0xBE]).unwrap().media().name(),
        "application/vnd.wap.mms-message"
    );
}

#[test]
fn round_trips_general_form_content_types_with_typed_parameters() {
    // multipart.related; type (0x09, Constrained-encoding) "application/smil";
    // start (0x0A, Text-string) "<s>" — the WSP 1.1–1.3 encodings.
    let related = ContentType::new(Media::WellKnown(0x33))
        .with(Parameter::typed(
            0x09,
            ParamValue::Media(Media::Text(t("application/smil"))),
        ))
        .with(Parameter::typed(0x0A, ParamValue::Text(t("<s>"))));
    let mut bytes = vec![0x18, 0xB3, 0x89];
    bytes.extend_from_slice(b"application/smil\0");
    bytes.extend_from_slice(&[0x8A, b'<', b's', b'>', 0x00]);
    ct_vector(&related, &bytes);
    // text/plain; charset=utf-8 / Any-charset / big5.
    ct_vector(
        &ContentType::new(Media::WellKnown(3)).with(Parameter::charset(Charset::UTF_8)),
        &[0x03, 0x83, 0x81, 0xEA],
    );
    ct_vector(
        &ContentType::new(Media::WellKnown(3)).with(Parameter::charset(Charset::ANY)),
        &[0x03, 0x83, 0x81, 0x80],
    );
    ct_vector(
        &ContentType::new(Media::WellKnown(3)).with(Parameter::charset(Charset::BIG5)),
        &[0x05, 0x83, 0x81, 0x02, 0x07, 0xEA],
    );
    // image/jpeg; name (0x05, WSP 1.1–1.3: Text-string) "c.jpg".
    ct_vector(
        &ContentType::new(Media::WellKnown(0x1E))
            .with(Parameter::typed(0x05, ParamValue::Text(t("c.jpg")))),
        &[0x08, 0x9E, 0x85, b'c', b'.', b'j', b'p', b'g', 0x00],
    );
    // image/jpeg; name (0x17, WSP 1.4: Text-value) as a quoted-string, and
    // filename (0x18) as a token-text.
    ct_vector(
        &ContentType::new(Media::WellKnown(0x1E))
            .with(Parameter::typed(
                0x17,
                ParamValue::TextValue(TextValue::Quoted(t("a b"))),
            ))
            .with(Parameter::typed(
                0x18,
                ParamValue::TextValue(TextValue::Token(t("c"))),
            )),
        &[
            0x0A, 0x9E, 0x97, b'"', b'a', b' ', b'b', 0x00, 0x98, b'c', 0x00,
        ],
    );
    // Extension-media in the general form, with a parameter.
    let mut webp = vec![0x0D];
    webp.extend_from_slice(b"image/webp\0");
    webp.extend_from_slice(&[0x81, 0xEA]);
    ct_vector(
        &ContentType::new(Media::Text(t("image/webp"))).with(Parameter::charset(Charset::UTF_8)),
        &webp,
    );
    // A region over 30 octets: Length-quote form (36 + 2 = 38 = 0x26).
    let name = "application/x-mms-example-long-type";
    let long = ContentType::new(Media::Text(t(name))).with(Parameter::charset(Charset::UTF_8));
    let bytes = long.to_vec();
    assert_eq!(bytes[..2], [0x1F, 0x26]);
    assert_eq!(bytes.len(), 2 + name.len() + 1 + 2);
    assert_eq!(ContentType::decode(&bytes).unwrap(), long);
}

#[test]
fn round_trips_untyped_parameters_and_well_known_codes_above_127() {
    // Untyped-parameter = Token-text Untyped-value; Untyped-value =
    // Integer-value | Text-value (WAP-230 §8.4.2.4).
    let untyped = |name: &'static str, value| Parameter {
        name: ParamName::Text(t(name)),
        value,
    };
    let ct = ContentType::new(Media::WellKnown(3))
        .with(untyped("x-a", ParamValue::Integer(7)))
        .with(untyped(
            "x-b",
            ParamValue::TextValue(TextValue::Token(t("v"))),
        ))
        .with(untyped(
            "x-c",
            ParamValue::TextValue(TextValue::Quoted(t("q r"))),
        ))
        .with(untyped("x-d", ParamValue::TextValue(TextValue::NoValue)));
    let mut bytes = vec![0x1A, 0x83];
    bytes.extend_from_slice(b"x-a\0\x87x-b\0v\0x-c\0\"q r\0x-d\0\0");
    ct_vector(&ct, &bytes);
    assert_eq!(ct.param("x-a"), Some(&ParamValue::Integer(7)));
    // Well-known-media above 127 needs the general form (Long-integer).
    ct_vector(
        &ContentType::new(Media::WellKnown(0x0201)),
        &[0x03, 0x02, 0x02, 0x01],
    );
    // A bare type in the general form keeps that form.
    let general = ContentType::decode(&[0x01, 0x83]).unwrap();
    assert!(general.general_form());
    let mut expected = ContentType::new(Media::WellKnown(3));
    expected.set_general_form(true);
    ct_vector(&expected, &[0x01, 0x83]);
}

// ---------------------------------------------------------------------------
// WAP-230 §8.4.2.6 part headers and §8.5 multipart bodies.

#[test]
fn round_trips_every_part_header_form_inside_a_multipart() {
    let filename = Parameter::typed(0x06, ParamValue::Text(t("a.txt")));
    let filename14 = Parameter::typed(0x18, ParamValue::TextValue(TextValue::Quoted(t("a b"))));
    let headers: Vec<(WspHeader<'static>, &[u8])> = vec![
        // Content-ID (0x40) as a Quoted-string, and as a Text-string.
        (
            WspHeader::ContentId {
                id: t("<a>"),
                quoted: true,
            },
            b"\xC0\"<a>\0",
        ),
        (
            WspHeader::ContentId {
                id: t("<b>"),
                quoted: false,
            },
            b"\xC0<b>\0",
        ),
        // A Text-string id that starts with `"` takes a Quote, else it would
        // read as a Quoted-string.
        (
            WspHeader::ContentId {
                id: t("\"q"),
                quoted: false,
            },
            b"\xC0\x7F\"q\0",
        ),
        // Content-Location (0x0E): Uri-value.
        (WspHeader::ContentLocation(t("a.txt")), b"\x8Ea.txt\0"),
        // Content-Disposition (0x2E, WSP 1.1–1.3, §8.4.2.53): Value-length
        // Disposition *(Parameter); attachment; filename (0x06) Text-string.
        (
            WspHeader::ContentDisposition {
                code: wsp::CONTENT_DISPOSITION,
                disposition: Disposition::Attachment,
                params: vec![filename],
            },
            b"\xAE\x08\x81\x86a.txt\0",
        ),
        // Content-Disposition (0x45, WSP 1.4): inline; filename (0x18) Text-value.
        (
            WspHeader::ContentDisposition {
                code: wsp::CONTENT_DISPOSITION_14,
                disposition: Disposition::Inline,
                params: vec![filename14],
            },
            b"\xC5\x07\x82\x98\"a b\0",
        ),
        // A disposition as token-text, form-data as its octet.
        (
            WspHeader::ContentDisposition {
                code: wsp::CONTENT_DISPOSITION,
                disposition: Disposition::Token(t("x-form")),
                params: vec![],
            },
            b"\xAE\x07x-form\0",
        ),
        (
            WspHeader::ContentDisposition {
                code: wsp::CONTENT_DISPOSITION,
                disposition: Disposition::FormData,
                params: vec![],
            },
            b"\xAE\x01\x80",
        ),
        // Another well-known header, its value kept raw: Content-Length (0x0D).
        (
            WspHeader::WellKnown {
                code: 0x0D,
                value: vec![0x83].into(),
            },
            b"\x8D\x83",
        ),
        // Application-header = Token-text Application-specific-value.
        (
            WspHeader::Application {
                name: t("X-Foo"),
                value: t("bar"),
            },
            b"X-Foo\0bar\0",
        ),
    ];
    let mut header_bytes = vec![0x83]; // text/plain
    let mut part = Part::new(ContentType::new(Media::WellKnown(3)), &b"hi"[..]);
    for (h, bytes) in &headers {
        assert_eq!(out(|o| h.encode(o)), *bytes, "{h:?}");
        assert_eq!(h.encoded_len(), bytes.len());
        header_bytes.extend_from_slice(bytes);
        part.headers.push(h.clone());
    }
    assert_eq!(header_bytes.len(), 67);
    // nEntries 1, HeadersLen 67 (0x43), DataLen 2, headers, data.
    let mut bytes = vec![0x01, 0x43, 0x02];
    bytes.extend_from_slice(&header_bytes);
    bytes.extend_from_slice(b"hi");
    let body = Multipart {
        parts: vec![part],
        ..Multipart::default()
    };
    assert_eq!(body.to_vec().unwrap(), bytes);
    assert_eq!(body.encoded_len(), bytes.len());
    let back = Multipart::decode(&bytes).unwrap();
    assert_eq!(back, body);
    assert_eq!(back.parts[0].content_id().unwrap(), &t("<a>"));
    assert_eq!(back.parts[0].content_location().unwrap(), &t("a.txt"));
    assert_eq!(headers[9].0.name(), "X-Foo");
    assert_eq!(headers[0].0.name(), "Content-ID");
}

#[test]
fn round_trips_multipart_vectors() {
    // WAP-230 §8.5.2: nEntries; §8.5.3 Entry = HeadersLen DataLen ContentType Headers Data.
    let empty = Multipart::new();
    assert_eq!(empty.to_vec().unwrap(), [0x00]);
    assert_eq!(Multipart::decode(&[0x00]).unwrap(), empty);

    let one = |data: &'static [u8]| Part::new(ContentType::new(Media::WellKnown(3)), data);
    let single = Multipart {
        parts: vec![one(b"x")],
        ..Multipart::default()
    };
    assert_eq!(single.to_vec().unwrap(), [0x01, 0x01, 0x01, 0x83, b'x']);
    // nEntries 0 (as some encoders write) with one entry: iterated anyway.
    let zero = Multipart::decode(&[0x00, 0x01, 0x01, 0x83, b'x']).unwrap();
    assert_eq!(zero.parts, single.parts);
    assert_eq!(zero.declared_entries, Some(0));
    assert_eq!(zero.to_vec().unwrap(), [0x00, 0x01, 0x01, 0x83, b'x']);
    // A nested multipart.mixed (0xA3) holding the single part above.
    let mut outer_part = Part::new(ContentType::new(Media::WellKnown(0x23)), Vec::new());
    outer_part.nested = Some(single.clone());
    let outer = Multipart {
        parts: vec![outer_part],
        ..Multipart::default()
    };
    let bytes = [0x01, 0x01, 0x05, 0xA3, 0x01, 0x01, 0x01, 0x83, b'x'];
    assert_eq!(outer.to_vec().unwrap(), bytes);
    let back = Multipart::decode(&bytes).unwrap();
    assert_eq!(back.parts[0].nested.as_ref(), Some(&single));
    assert_eq!(back.parts[0].data.as_ref(), &bytes[4..]);
    assert_eq!(back.walk().count(), 2);
    // A DataLen of 300 takes a two-octet uintvar.
    let big = Multipart {
        parts: vec![Part::new(
            ContentType::new(Media::WellKnown(0x1E)),
            vec![0xAB; 300],
        )],
        ..Multipart::default()
    };
    let bytes = big.to_vec().unwrap();
    assert_eq!(bytes[..5], [0x01, 0x01, 0x82, 0x2C, 0x9E]);
    assert_eq!(Multipart::decode(&bytes).unwrap(), big);
}

// ---------------------------------------------------------------------------
// MMS_ENC 1.3 §7.3 / §7.4 Table 25: one header vector per field code.

/// Builds Message-Type, MMS-Version 1.3 and the field (all through
/// `Header::field`), checks the exact octets `8C mt 8D 93 (0x80|code) value`,
/// decodes strictly and compares the field's code, value and raw octets.
fn field_vector(mt: u8, code: FieldCode, value: Value<'static>, wire: &[u8]) {
    let mut pdu = Pdu {
        headers: vec![
            Header::field(FieldCode::MESSAGE_TYPE, Value::Token(mt)),
            Header::field(FieldCode::MMS_VERSION, Value::Version(Version::V1_3)),
            Header::field(code, value.clone()),
        ],
        ..Pdu::default()
    };
    if code == FieldCode::CONTENT_TYPE {
        pdu.body = Some(Body::Data(b"hi"[..].into()));
    }
    let bytes = pdu.encode().unwrap_or_else(|e| panic!("{code:?}: {e}"));
    let mut expected = vec![0x8C, mt, 0x8D, 0x93, 0x80 | code.0];
    expected.extend_from_slice(wire);
    if code == FieldCode::CONTENT_TYPE {
        expected.extend_from_slice(b"hi");
    }
    assert_eq!(bytes, expected, "{code:?} = {value:?}");
    assert_eq!(pdu.encoded_len(), bytes.len());
    let back = strict(&bytes);
    assert_eq!(back.headers.len(), 3);
    match &back.headers[2] {
        Header::Field(f) => {
            assert_eq!(f.code(), code);
            assert_eq!(f.value(), &value, "{code:?}");
            assert_eq!(f.raw(), Some(wire));
        }
        other => panic!("{other:?}"),
    }
    for (a, b) in back.headers.iter().zip(&pdu.headers).take(2) {
        assert_eq!((a.code(), a.value()), (b.code(), b.value()));
    }
    assert_eq!(back.body, pdu.body);
}

#[test]
fn round_trips_a_header_vector_for_every_field_code() {
    let send_req = 0x80;
    let mut covered = BTreeSet::new();
    let mut v = |code: FieldCode, value: Value<'static>, wire: &[u8]| {
        field_vector(send_req, code, value, wire);
        covered.insert(code.0);
    };
    use FieldCode as F;
    // Bcc, Cc, To: Encoded-string-value addresses (§7.3.7 and §7.3.47).
    v(F::BCC, Value::EncodedString(es("a@b.c")), b"a@b.c\0");
    v(
        F::CC,
        Value::EncodedString(cs(Charset::UTF_8, b"Zo\xC3\xAB")),
        b"\x06\xEAZo\xC3\xAB\0",
    );
    v(
        F::TO,
        Value::EncodedString(es("+33612345678/TYPE=PLMN")),
        b"+33612345678/TYPE=PLMN\0",
    );
    // X-Mms-Content-Location: Uri-value = Text-string (§7.3.10).
    v(
        F::CONTENT_LOCATION,
        Value::Text(t("http://x/1")),
        b"http://x/1\0",
    );
    v(F::CONTENT_LOCATION, Value::Text(t("")), b"\0");
    // Content-Type: Content-type-value (§7.3.11, WAP-230 §8.4.2.24), then the body.
    v(
        F::CONTENT_TYPE,
        Value::ContentType(ContentType::new(Media::WellKnown(3))),
        &[0x83],
    );
    // Date: Date-value = Long-integer (§7.3.13).
    v(
        F::DATE,
        Value::Long(0x455A_CE65),
        &[0x04, 0x45, 0x5A, 0xCE, 0x65],
    );
    // Yes/No fields (MMS_ENC 1.3 §7.3: Delivery-Report, Read-Report,
    // Report-Allowed, Store, Stored, Totals, Quotas, Distribution-Indicator,
    // DRM-Content, Adaptation-Allowed): Yes = <Octet 128>, No = <Octet 129>.
    v(F::DELIVERY_REPORT, Value::Token(0x80), &[0x80]);
    v(F::READ_REPORT, Value::Token(0x81), &[0x81]);
    v(F::REPORT_ALLOWED, Value::Token(0x80), &[0x80]);
    v(F::STORE, Value::Token(0x80), &[0x80]);
    v(F::STORED, Value::Token(0x81), &[0x81]);
    v(F::TOTALS, Value::Token(0x80), &[0x80]);
    v(F::QUOTAS, Value::Token(0x81), &[0x81]);
    v(F::DISTRIBUTION_INDICATOR, Value::Token(0x81), &[0x81]);
    v(F::DRM_CONTENT, Value::Token(0x80), &[0x80]);
    v(F::ADAPTATION_ALLOWED, Value::Token(0x81), &[0x81]);
    // X-Mms-Delivery-Time, X-Mms-Expiry, X-Mms-Reply-Charging-Deadline:
    // Value-length (Absolute-token Date-value | Relative-token Delta-seconds-value)
    // (§7.3.14, §7.3.20, §7.3.40).
    v(
        F::DELIVERY_TIME,
        Value::Time(Time::Absolute(0x455A_CE65)),
        &[0x06, 0x80, 0x04, 0x45, 0x5A, 0xCE, 0x65],
    );
    v(
        F::EXPIRY,
        Value::Time(Time::Relative(259_200)),
        &[0x05, 0x81, 0x03, 0x03, 0xF4, 0x80],
    );
    v(
        F::REPLY_CHARGING_DEADLINE,
        Value::Time(Time::Relative(86_400)),
        &[0x05, 0x81, 0x03, 0x01, 0x51, 0x80],
    );
    // From: Value-length (Address-present-token Address | Insert-address-token) (§7.3.21).
    v(
        F::FROM,
        Value::From(FromValue::InsertAddress),
        &[0x01, 0x81],
    );
    v(
        F::FROM,
        Value::From(FromValue::Address(es("a@b"))),
        b"\x05\x80a@b\0",
    );
    v(
        F::FROM,
        Value::From(FromValue::Address(cs(Charset::US_ASCII, b"a@b"))),
        b"\x07\x80\x05\x83a@b\0",
    );
    // X-Mms-Message-Class: Class-identifier | Token-text (§7.3.27).
    v(
        F::MESSAGE_CLASS,
        Value::MessageClass(MessageClass::Token(0x81)),
        &[0x81],
    );
    v(
        F::MESSAGE_CLASS,
        Value::MessageClass(MessageClass::Text(t("x-custom"))),
        b"x-custom\0",
    );
    // Text-string values (WAP-230 §8.4.2.1) of MMS_ENC 1.3 §7.3: Message-ID,
    // Transaction-Id, Reply-Charging-ID, Applic-ID, Reply-Applic-ID,
    // Aux-Applic-Info, Replace-ID, Cancel-ID.
    v(F::MESSAGE_ID, Value::Text(t("id@x")), b"id@x\0");
    v(F::TRANSACTION_ID, Value::Text(t("T1")), b"T1\0");
    v(F::REPLY_CHARGING_ID, Value::Text(t("rc1")), b"rc1\0");
    v(F::APPLIC_ID, Value::Text(t("app")), b"app\0");
    v(F::REPLY_APPLIC_ID, Value::Text(t("rapp")), b"rapp\0");
    v(F::AUX_APPLIC_INFO, Value::Text(t("aux")), b"aux\0");
    v(F::REPLACE_ID, Value::Text(t("old-id")), b"old-id\0");
    v(F::CANCEL_ID, Value::Text(t("c-id")), b"c-id\0");
    // X-Mms-Message-Type (§7.3.30) and X-Mms-MMS-Version (§7.3.33) repeated
    // after the two that open the PDU.
    v(F::MESSAGE_TYPE, Value::Token(0x84), &[0x84]);
    v(F::MMS_VERSION, Value::Version(Version::V1_0), &[0x90]);
    v(
        F::MMS_VERSION,
        Value::Version(Version {
            major: 2,
            minor: 15,
        }),
        &[0xAF],
    );
    // Long-integer sizes (WAP-230 §8.4.2.1): X-Mms-Message-Size (§7.3.29),
    // X-Mms-Reply-Charging-Size (§7.3.44).
    v(F::MESSAGE_SIZE, Value::Long(0x4000), &[0x02, 0x40, 0x00]);
    v(
        F::REPLY_CHARGING_SIZE,
        Value::Long(2048),
        &[0x02, 0x08, 0x00],
    );
    // One-octet token values of MMS_ENC 1.3 §7.3 (the field's table, §7.4).
    v(F::PRIORITY, Value::Token(0x82), &[0x82]); // High
    v(F::RESPONSE_STATUS, Value::Token(0xE2), &[0xE2]); // §7.3.48
    v(F::SENDER_VISIBILITY, Value::Token(0x80), &[0x80]); // Hide
    v(F::STATUS, Value::Token(0x81), &[0x81]); // Retrieved
    v(F::RETRIEVE_STATUS, Value::Token(0xE3), &[0xE3]); // §7.3.50
    v(F::READ_STATUS, Value::Token(0x80), &[0x80]); // Read
    v(F::REPLY_CHARGING, Value::Token(0x83), &[0x83]); // Accepted text only
    v(F::MM_STATE, Value::Token(0x82), &[0x82]); // New
    v(F::STORE_STATUS, Value::Token(0xE4), &[0xE4]); // §7.3.58, mmbox full
    v(F::RECOMMENDED_RETRIEVAL_MODE, Value::Token(0x80), &[0x80]); // Manual
    v(F::CONTENT_CLASS, Value::Token(0x81), &[0x81]); // image-basic
    v(F::CANCEL_STATUS, Value::Token(0x80), &[0x80]);
    // Encoded-string-value texts (MMS_ENC 1.3 §7.2.9, WAP-230 §8.4.2.8):
    // Response-Text (§7.3.49), Subject, Retrieve-Text, Store-Status-Text,
    // Recommended-Retrieval-Mode-Text, Status-Text.
    v(F::RESPONSE_TEXT, Value::EncodedString(es("ok")), b"ok\0");
    v(
        F::SUBJECT,
        Value::EncodedString(cs(Charset::UTF_8, b"\xC3\xA9")),
        &[0x05, 0xEA, 0x7F, 0xC3, 0xA9, 0x00],
    );
    v(
        F::SUBJECT,
        Value::EncodedString(cs(Charset::UCS_2, b"\x00H\x00i")),
        &[0x08, 0x02, 0x03, 0xE8, 0x00, b'H', 0x00, b'i', 0x00],
    );
    v(F::SUBJECT, Value::EncodedString(es("")), &[0x00]);
    v(
        F::RETRIEVE_TEXT,
        Value::EncodedString(es("gone")),
        b"gone\0",
    );
    v(
        F::STORE_STATUS_TEXT,
        Value::EncodedString(es("full")),
        b"full\0",
    );
    v(
        F::RECOMMENDED_RETRIEVAL_MODE_TEXT,
        Value::EncodedString(es("wifi")),
        b"wifi\0",
    );
    v(F::STATUS_TEXT, Value::EncodedString(es("ok")), b"ok\0");
    // X-Mms-Previously-Sent-By: Value-length Forwarded-count-value Address (§7.3.37).
    v(
        F::PREVIOUSLY_SENT_BY,
        Value::PreviouslySentBy {
            count: 1,
            address: es("a@b"),
        },
        b"\x05\x81a@b\0",
    );
    // X-Mms-Previously-Sent-Date: Value-length Forwarded-count-value Date-value (§7.3.38).
    v(
        F::PREVIOUSLY_SENT_DATE,
        Value::PreviouslySentDate {
            count: 2,
            date: 0x455A_CE65,
        },
        &[0x06, 0x82, 0x04, 0x45, 0x5A, 0xCE, 0x65],
    );
    // X-Mms-MM-Flags: Value-length (Add | Remove | Filter) Encoded-string-value (§7.3.24).
    v(
        F::MM_FLAGS,
        Value::MmFlags {
            op: 0x80,
            flag: es("$Seen"),
        },
        b"\x07\x80$Seen\0",
    );
    // X-Mms-Attributes: the field code as a Short-integer (§7.3.6).
    v(F::ATTRIBUTES, Value::Attribute(F::SUBJECT), &[0x96]);
    v(F::ATTRIBUTES, Value::Attribute(F::CONTENT), &[0xAE]);
    // X-Mms-Mbox-Totals / -Quotas: Value-length (Message | Size) Integer-value (§7.3.25, §7.3.26).
    v(
        F::MBOX_TOTALS,
        Value::MboxCount {
            kind: 0x80,
            value: 5,
        },
        &[0x02, 0x80, 0x85],
    );
    v(
        F::MBOX_QUOTAS,
        Value::MboxCount {
            kind: 0x81,
            value: 300_000,
        },
        &[0x05, 0x81, 0x03, 0x04, 0x93, 0xE0],
    );
    // Integer-value (WAP-230 §8.4.2.3): X-Mms-Message-Count, X-Mms-Start,
    // X-Mms-Limit (MMS_ENC 1.3 §7.3).
    v(F::MESSAGE_COUNT, Value::Integer(12), &[0x8C]);
    v(F::START, Value::Integer(200), &[0x01, 0xC8]);
    v(F::LIMIT, Value::Integer(128), &[0x01, 0x80]);
    // Content (0x2E) and Additional-headers (0x30) only name fields in
    // X-Mms-Attributes; as headers their value follows the generic
    // WAP-230 §8.4.1.2 extent and stays raw.
    v(F::CONTENT, Value::Raw(vec![0x80].into()), &[0x80]);
    v(
        F::ADDITIONAL_HEADERS,
        Value::Raw(b"x\0".to_vec().into()),
        b"x\0",
    );
    // X-Mms-Element-Descriptor: Value-length Content-Reference-value
    // *(Parameter-name Parameter-value) (§7.3.18); type (2) = image/jpeg (0x1E).
    v(
        F::ELEMENT_DESCRIPTOR,
        Value::ElementDescriptor {
            reference: t("<img>"),
            params: vec![(ElementItem::Short(0x02), ElementItem::Short(0x1E))],
        },
        b"\x08<img>\0\x82\x9E",
    );
    v(
        F::ELEMENT_DESCRIPTOR,
        Value::ElementDescriptor {
            reference: t("<a>"),
            params: vec![(ElementItem::Text(t("x-size")), ElementItem::Text(t("big")))],
        },
        b"\x0F<a>\0x-size\0big\0",
    );
    assert_eq!(covered, (0x01..=0x3F).collect::<BTreeSet<u8>>());
}

#[test]
fn round_trips_the_status_count_forms_of_the_delete_confirmations() {
    use FieldCode as F;
    let delete_conf = MessageType::DELETE_CONF.0;
    let counted = |count, value| Value::Counted {
        count,
        value: Box::new(value),
    };
    // Content-location-Del-value = Value-length Status-count-value Content-location-value (§7.3.10).
    field_vector(
        delete_conf,
        F::CONTENT_LOCATION,
        counted(3, Value::Text(t("http://x/1"))),
        b"\x0C\x83http://x/1\0",
    );
    // Response-status-Del-value = Value-length Status-count-value Response-status-value (§7.3.48).
    field_vector(
        delete_conf,
        F::RESPONSE_STATUS,
        counted(1, Value::Token(0x80)),
        &[0x02, 0x81, 0x80],
    );
    // Response-text-Del-value = Value-length Status-count-value Response-text-value (§7.3.49).
    field_vector(
        delete_conf,
        F::RESPONSE_TEXT,
        counted(1, Value::EncodedString(es("ok"))),
        b"\x04\x81ok\0",
    );
    // The same in m-mbox-delete-conf (0x92), the text in the charset form.
    let mbox_delete_conf = MessageType::MBOX_DELETE_CONF.0;
    field_vector(
        mbox_delete_conf,
        F::RESPONSE_TEXT,
        counted(2, Value::EncodedString(cs(Charset::UTF_8, b"\xC3\xA9"))),
        &[0x07, 0x82, 0x05, 0xEA, 0x7F, 0xC3, 0xA9, 0x00],
    );
    // The plain forms stay valid in the delete confirmations.
    field_vector(delete_conf, F::RESPONSE_STATUS, Value::Token(0xE0), &[0xE0]);
    field_vector(
        delete_conf,
        F::CONTENT_LOCATION,
        Value::Text(t("u")),
        b"u\0",
    );
    // Outside those two PDUs, a Response-Text that opens with a value-length
    // is the charset form: m-mbox-descr (0x93) and m-send-conf (0x81).
    for mt in [MessageType::MBOX_DESCR.0, MessageType::SEND_CONF.0] {
        field_vector(
            mt,
            F::RESPONSE_TEXT,
            Value::EncodedString(cs(Charset::UTF_8, b"\xC3\xA9")),
            &[0x05, 0xEA, 0x7F, 0xC3, 0xA9, 0x00],
        );
    }
}

#[test]
fn round_trips_application_headers_in_the_pdu_header_block() {
    // Application-header = Token-text Application-specific-value (MMS_ENC 1.3 §7.1).
    let mut pdu = Pdu::new(MessageType::ACKNOWLEDGE_IND, Version::V1_2);
    pdu.headers.push(Header::Application {
        name: t("X-Custom"),
        value: t("v\u{e9}"),
    });
    let bytes = pdu.encode().unwrap();
    assert_eq!(bytes, b"\x8C\x85\x8D\x92X-Custom\0v\xC3\xA9\0");
    let back = strict(&bytes);
    assert_eq!(back.headers[2], pdu.headers[2]);
    assert_eq!(back.encode().unwrap(), bytes);
}

// ---------------------------------------------------------------------------
// MMS_ENC 1.3 §6: every message type 0x80–0x97 with its mandatory headers.

fn f(code: FieldCode, value: Value<'static>) -> Header<'static> {
    Header::field(code, value)
}

fn smil_body() -> (ContentType<'static>, Body<'static>) {
    let ct = ContentType::new(Media::WellKnown(0x33))
        .with(Parameter::typed(
            0x09,
            ParamValue::Media(Media::Text(t("application/smil"))),
        ))
        .with(Parameter::typed(0x0A, ParamValue::Text(t("<smil>"))));
    let mut smil = Part::new(
        ContentType::new(Media::Text(t("application/smil"))),
        &b"<smil/>"[..],
    );
    smil.headers.push(WspHeader::ContentId {
        id: t("<smil>"),
        quoted: true,
    });
    let mut text = Part::new(
        ContentType::new(Media::WellKnown(3)).with(Parameter::charset(Charset::UTF_8)),
        &b"hi"[..],
    );
    text.headers.push(WspHeader::ContentLocation(t("text.txt")));
    let body = Multipart {
        parts: vec![smil, text],
        ..Multipart::default()
    };
    (ct, Body::Multipart(body))
}

/// The message types with their mandatory headers after Message-Type,
/// Transaction-Id (when the type has one) and MMS-Version (MMS_ENC 1.3 §6).
fn every_message_type() -> Vec<Pdu<'static>> {
    use FieldCode as F;
    let to = || f(F::TO, Value::EncodedString(es("+15551234/TYPE=PLMN")));
    let from = || {
        f(
            F::FROM,
            Value::From(FromValue::Address(es("+15550000/TYPE=PLMN"))),
        )
    };
    let mid = || f(F::MESSAGE_ID, Value::Text(t("msg-1")));
    let date = || f(F::DATE, Value::Long(1_700_000_000));
    let loc = || f(F::CONTENT_LOCATION, Value::Text(t("http://mmsc/1")));
    let ok = || f(F::RESPONSE_STATUS, Value::Token(0x80));
    let stored = || f(F::STORE_STATUS, Value::Token(0x80));
    let table: Vec<(MessageType, bool, Vec<Header<'static>>, bool)> = vec![
        (
            MessageType::SEND_REQ,
            true,
            vec![f(F::FROM, Value::From(FromValue::InsertAddress)), to()],
            true,
        ),
        (MessageType::SEND_CONF, true, vec![ok(), mid()], false),
        (
            MessageType::NOTIFICATION_IND,
            true,
            vec![
                f(
                    F::MESSAGE_CLASS,
                    Value::MessageClass(MessageClass::Token(0x80)),
                ),
                f(F::MESSAGE_SIZE, Value::Long(30_000)),
                f(F::EXPIRY, Value::Time(Time::Relative(604_800))),
                loc(),
            ],
            false,
        ),
        (
            MessageType::NOTIFYRESP_IND,
            true,
            vec![f(F::STATUS, Value::Token(0x81))],
            false,
        ),
        (MessageType::RETRIEVE_CONF, false, vec![date()], true),
        (MessageType::ACKNOWLEDGE_IND, true, vec![], false),
        (
            MessageType::DELIVERY_IND,
            false,
            vec![mid(), to(), date(), f(F::STATUS, Value::Token(0x81))],
            false,
        ),
        (
            MessageType::READ_REC_IND,
            false,
            vec![mid(), to(), from(), f(F::READ_STATUS, Value::Token(0x80))],
            false,
        ),
        (
            MessageType::READ_ORIG_IND,
            false,
            vec![
                mid(),
                to(),
                from(),
                date(),
                f(F::READ_STATUS, Value::Token(0x81)),
            ],
            false,
        ),
        (
            MessageType::FORWARD_REQ,
            true,
            vec![from(), to(), loc()],
            false,
        ),
        (MessageType::FORWARD_CONF, true, vec![ok()], false),
        (MessageType::MBOX_STORE_REQ, true, vec![loc()], false),
        (
            MessageType::MBOX_STORE_CONF,
            true,
            vec![stored(), loc()],
            false,
        ),
        (MessageType::MBOX_VIEW_REQ, true, vec![], false),
        (MessageType::MBOX_VIEW_CONF, true, vec![ok()], false),
        (MessageType::MBOX_UPLOAD_REQ, true, vec![], true),
        (MessageType::MBOX_UPLOAD_CONF, true, vec![stored()], false),
        (MessageType::MBOX_DELETE_REQ, true, vec![loc()], false),
        (MessageType::MBOX_DELETE_CONF, true, vec![ok()], false),
        (MessageType::MBOX_DESCR, false, vec![mid(), loc()], false),
        (MessageType::DELETE_REQ, true, vec![loc()], false),
        (MessageType::DELETE_CONF, true, vec![ok()], false),
        (
            MessageType::CANCEL_REQ,
            true,
            vec![f(F::CANCEL_ID, Value::Text(t("msg-1")))],
            false,
        ),
        (
            MessageType::CANCEL_CONF,
            true,
            vec![f(F::CANCEL_STATUS, Value::Token(0x80))],
            false,
        ),
    ];
    table
        .into_iter()
        .map(|(mt, has_tid, rest, has_body)| {
            let mut pdu = Pdu::new(mt, Version::V1_3);
            if has_tid {
                pdu.headers
                    .insert(1, f(F::TRANSACTION_ID, Value::Text(t("tid-1"))));
            }
            for h in rest {
                pdu.headers.push(h);
            }
            if has_body {
                let (ct, body) = smil_body();
                pdu.set_body(ct, body);
            }
            pdu
        })
        .collect()
}

#[test]
fn round_trips_every_message_type_with_its_mandatory_headers() {
    let all = every_message_type();
    assert_eq!(
        all.iter()
            .map(|p| p.message_type().unwrap())
            .collect::<Vec<_>>(),
        MessageType::all().collect::<Vec<_>>()
    );
    assert_eq!(all.len(), 24);
    for pdu in &all {
        let mt = pdu.message_type().unwrap();
        let bytes = pdu.encode().unwrap();
        assert_eq!(bytes.len(), pdu.encoded_len());
        assert_eq!(bytes[..2], [0x8C, mt.0]);
        let back = strict(&bytes);
        assert_eq!(back.message_type(), Some(mt));
        assert_eq!(back.version(), Some(Version::V1_3));
        assert_eq!(back.headers.len(), pdu.headers.len(), "{mt:?}");
        for (a, b) in back.headers.iter().zip(&pdu.headers) {
            assert_eq!((a.code(), a.value()), (b.code(), b.value()), "{mt:?}");
        }
        assert_eq!(back.body, pdu.body, "{mt:?}");
        assert_eq!(back.encode().unwrap(), bytes);
    }
    // Two exact encodings, by hand.
    let send_conf = &all[1];
    assert_eq!(
        send_conf.encode().unwrap(),
        b"\x8C\x81\x98tid-1\0\x8D\x93\x92\x80\x8Bmsg-1\0"
    );
    let cancel_req = &all[0x16];
    assert_eq!(
        cancel_req.encode().unwrap(),
        b"\x8C\x96\x98tid-1\0\x8D\x93\xBEmsg-1\0"
    );
    // The send-req ends with Content-Type (general form, value-length 27)
    // and the body, whose nEntries is 2.
    let send_req = all[0].encode().unwrap();
    let ct_at = send_req
        .windows(3)
        .position(|w| w == [0x84, 0x1B, 0xB3])
        .unwrap();
    assert_eq!(send_req[ct_at + 2 + 27], 0x02);
}

// ---------------------------------------------------------------------------
// Errors: where, in what, and what.

#[test]
fn rejects_a_value_length_beyond_the_input_with_its_offset_and_context() {
    let err = Pdu::decode(&[0x8C, 0x81, 0x88, 0x0C, 0x80, 0x01, 0x02]).unwrap_err();
    assert_eq!(
        err,
        DecodeError::new(
            3,
            "X-Mms-Expiry",
            ErrorKind::LengthOverrun {
                what: "value-length",
                len: 12,
                remaining: 3
            }
        )
    );
    assert_eq!(
        err.to_string(),
        "at offset 3: X-Mms-Expiry: value-length 12 exceeds the 3 bytes left"
    );
    assert_eq!(
        Pdu::decode_with(&[0x8C, 0x81, 0x88, 0x0C, 0x80, 0x01, 0x02], &STRICT).unwrap_err(),
        err
    );
}

#[test]
fn rejects_a_uintvar_of_six_octets_and_one_above_32_bits() {
    let six = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00];
    assert_eq!(
        wsp::parse_uintvar(&six).unwrap_err(),
        DecodeError::new(0, "uintvar", ErrorKind::UintvarTooLong)
    );
    let over = [0x90, 0x80, 0x80, 0x80, 0x00];
    assert_eq!(
        wsp::parse_uintvar(&over).unwrap_err(),
        DecodeError::new(0, "uintvar", ErrorKind::UintvarOverflow)
    );
    // In a multipart body, as nEntries.
    assert_eq!(
        Multipart::decode(&six).unwrap_err(),
        DecodeError::new(0, "multipart nEntries", ErrorKind::UintvarTooLong)
    );
    // As the length of a value-length.
    let e = wsp::parse_value_length(&[0x1F, 0x81, 0x81, 0x81, 0x81, 0x81, 0x01]).unwrap_err();
    assert_eq!((e.offset(), e.kind()), (1, ErrorKind::UintvarTooLong));
    // Truncated inside the uintvar.
    assert_eq!(
        wsp::parse_uintvar(&[0x81, 0x80]).unwrap_err(),
        DecodeError::new(
            2,
            "uintvar",
            ErrorKind::Truncated {
                expected: "uintvar"
            }
        )
    );
}

#[test]
fn rejects_a_long_integer_of_nine_significant_octets() {
    let nine = [0x09, 0x01, 0, 0, 0, 0, 0, 0, 0, 0];
    assert_eq!(
        wsp::parse_long_integer(&nine).unwrap_err(),
        DecodeError::new(0, "long-integer", ErrorKind::IntegerOverflow { octets: 9 })
    );
    // As a Date header: strict fails at the value; lenient keeps it raw and warns.
    let mut pdu = vec![0x8C, 0x80, 0x85];
    pdu.extend_from_slice(&nine);
    let err = DecodeError::new(3, "Date", ErrorKind::IntegerOverflow { octets: 9 });
    assert_eq!(Pdu::decode_with(&pdu, &STRICT).unwrap_err(), err);
    let lenient = Pdu::decode(&pdu).unwrap();
    assert_eq!(lenient.warnings, [err]);
    assert_eq!(
        lenient.get(FieldCode::DATE),
        Some(&Value::Raw(nine.to_vec().into()))
    );
    assert_eq!(lenient.encode().unwrap(), pdu);
    // A length of 0 or above 30 is not a long-integer.
    for bad in [0x00, 0x1F] {
        let e = wsp::parse_long_integer(&[bad, 1]).unwrap_err();
        assert_eq!(
            e.kind(),
            ErrorKind::Unexpected {
                expected: "long-integer length 1-30",
                found: bad
            }
        );
    }
}

#[test]
fn rejects_a_text_string_without_nul_in_strict_mode() {
    let bytes = b"\x8C\x80\x98T1";
    let err = DecodeError::new(
        3,
        "X-Mms-Transaction-Id",
        ErrorKind::Unterminated {
            what: "text-string",
        },
    );
    assert_eq!(Pdu::decode_with(bytes, &STRICT).unwrap_err(), err);
    let lenient = Pdu::decode(bytes).unwrap();
    assert_eq!(lenient.warnings, [err]);
    assert_eq!(
        lenient.get(FieldCode::TRANSACTION_ID),
        Some(&Value::Text(t("T1")))
    );
    assert_eq!(
        wsp::parse_text_string(b"abc").unwrap_err(),
        DecodeError::new(
            0,
            "text-string",
            ErrorKind::Unterminated {
                what: "text-string"
            }
        )
    );
}

#[test]
fn rejects_octets_that_the_grammar_does_not_allow() {
    assert_eq!(
        wsp::parse_short_integer(&[0x7F]).unwrap_err(),
        DecodeError::new(
            0,
            "short-integer",
            ErrorKind::Unexpected {
                expected: "short-integer (0x80-0xFF)",
                found: 0x7F
            }
        )
    );
    assert_eq!(
        wsp::parse_token_text(&[0x01, b'a', 0]).unwrap_err().kind(),
        ErrorKind::Unexpected {
            expected: "token-text",
            found: 0x01
        }
    );
    assert_eq!(
        wsp::parse_quoted_string(b"a\0").unwrap_err().context(),
        "quoted-string"
    );
    assert_eq!(
        wsp::parse_extension_media(&[0x85]).unwrap_err().context(),
        "extension-media"
    );
    // From with a token other than 0x80 / 0x81, strict: at the token.
    let err = Pdu::decode_with(&[0x8C, 0x80, 0x89, 0x01, 0x82], &STRICT).unwrap_err();
    assert_eq!(
        err,
        DecodeError::new(
            4,
            "From",
            ErrorKind::Unexpected {
                expected: "address-present-token (0x80) or insert-address-token (0x81)",
                found: 0x82
            }
        )
    );
    // Bytes left inside a value-length region, strict.
    let err = Pdu::decode_with(&[0x8C, 0x80, 0x88, 0x03, 0x81, 0x81, 0x00], &STRICT).unwrap_err();
    assert_eq!(
        err,
        DecodeError::new(
            6,
            "X-Mms-Expiry",
            ErrorKind::TrailingData {
                what: "time",
                len: 1
            }
        )
    );
    // A first octet that starts no header, strict.
    let err = Pdu::decode_with(&[0x8C, 0x80, 0x05], &STRICT).unwrap_err();
    assert_eq!(err.offset(), 2);
    assert_eq!(err.context(), "header");
    // Not an MMS PDU at all.
    assert_eq!(
        Pdu::decode(&[0x8D, 0x90]).unwrap_err(),
        DecodeError::new(
            0,
            "X-Mms-Message-Type",
            ErrorKind::Unexpected {
                expected: "X-Mms-Message-Type (0x8C) as the first header",
                found: 0x8D
            }
        )
    );
}

fn with_limits(limits: Limits, strict: bool) -> DecodeOptions {
    DecodeOptions { limits, strict }
}

/// An m-retrieve-conf around `body` with content type `ct`.
fn retrieve_conf(ct: ContentType<'static>, body: Body<'static>) -> Vec<u8> {
    let mut pdu = Pdu::new(MessageType::RETRIEVE_CONF, Version::V1_3);
    pdu.set_body(ct, body);
    pdu.encode().unwrap()
}

#[test]
fn rejects_more_headers_than_the_limit() {
    let opts = with_limits(
        Limits {
            max_headers: 2,
            ..Limits::DEFAULT
        },
        false,
    );
    // Message-Type, Transaction-Id, MMS-Version: the third is one too many.
    let bytes = [0x8C, 0x83, 0x98, b'x', 0x00, 0x8D, 0x92];
    assert_eq!(
        Pdu::decode_with(&bytes, &opts).unwrap_err(),
        DecodeError::new(
            5,
            "headers",
            ErrorKind::LimitExceeded {
                what: "headers",
                limit: 2
            }
        )
    );
    assert!(Pdu::decode_with(&bytes[..5], &opts).is_ok());
    // Part headers count against the same limit, strictly: the PDU has
    // three headers, the part four, the limit is three.
    let mut part = Part::new(ContentType::new(Media::WellKnown(3)), &b"x"[..]);
    for id in ["<a>", "<b>", "<c>", "<d>"] {
        part.headers.push(WspHeader::ContentId {
            id: t(id),
            quoted: false,
        });
    }
    let body = Multipart {
        parts: vec![part],
        ..Multipart::default()
    };
    let bytes = retrieve_conf(
        ContentType::new(Media::WellKnown(0x23)),
        Body::Multipart(body),
    );
    let strict = with_limits(
        Limits {
            max_headers: 3,
            ..Limits::DEFAULT
        },
        true,
    );
    let err = Pdu::decode_with(&bytes, &strict).unwrap_err();
    assert_eq!(
        (err.context(), err.kind()),
        (
            "part headers",
            ErrorKind::LimitExceeded {
                what: "headers",
                limit: 3
            }
        )
    );
    // The fourth Content-ID: after 8C 84 8D 93 84 A3, nEntries, HeadersLen,
    // DataLen, text/plain and three Content-IDs of 5 octets.
    assert_eq!(err.offset(), 6 + 3 + 1 + 15);
}

#[test]
fn rejects_more_parts_than_the_limit() {
    let part = || Part::new(ContentType::new(Media::WellKnown(3)), &b"x"[..]);
    let body = Multipart {
        parts: vec![part(), part(), part()],
        ..Multipart::default()
    };
    let bytes = retrieve_conf(
        ContentType::new(Media::WellKnown(0x23)),
        Body::Multipart(body),
    );
    let limits = Limits {
        max_parts: 2,
        ..Limits::DEFAULT
    };
    // Each part is 01 01 83 'x' after 8C 84 8D 93 84 A3 03.
    let err = DecodeError::new(
        7 + 8,
        "multipart",
        ErrorKind::LimitExceeded {
            what: "parts",
            limit: 2,
        },
    );
    assert_eq!(
        Pdu::decode_with(&bytes, &with_limits(limits, true)).unwrap_err(),
        err
    );
    // Lenient: the body that fails to decode is kept as data, with the warning.
    let lenient = Pdu::decode_with(&bytes, &with_limits(limits, false)).unwrap();
    assert_eq!(lenient.warnings, [err]);
    assert!(matches!(&lenient.body, Some(Body::Data(d)) if d.as_ref() == &bytes[6..]));
}

#[test]
fn rejects_nesting_deeper_than_the_limit() {
    // Three levels: multipart.mixed > multipart.mixed > multipart.mixed > text/plain.
    let mut m = Multipart {
        parts: vec![Part::new(ContentType::new(Media::WellKnown(3)), &b"x"[..])],
        ..Multipart::default()
    };
    for _ in 0..2 {
        let mut p = Part::new(ContentType::new(Media::WellKnown(0x23)), Vec::new());
        p.nested = Some(m);
        m = Multipart {
            parts: vec![p],
            ..Multipart::default()
        };
    }
    let bytes = retrieve_conf(
        ContentType::new(Media::WellKnown(0x23)),
        Body::Multipart(m.clone()),
    );
    assert!(Pdu::decode_with(&bytes, &STRICT).is_ok());
    let limits = Limits {
        max_depth: 2,
        ..Limits::DEFAULT
    };
    let err = Pdu::decode_with(&bytes, &with_limits(limits, true)).unwrap_err();
    assert_eq!(
        (err.context(), err.kind()),
        (
            "nested multipart",
            ErrorKind::LimitExceeded {
                what: "multipart nesting levels",
                limit: 2
            }
        )
    );
    // The innermost multipart's data: 6 PDU octets, then 01 01 09 A3 and 01 01 05 A3.
    assert_eq!(err.offset(), 6 + 4 + 4);
    let lenient = Pdu::decode_with(&bytes, &with_limits(limits, false)).unwrap();
    assert_eq!(lenient.warnings, [err]);
    let Some(Body::Multipart(top)) = &lenient.body else {
        panic!()
    };
    let second = top.parts[0].nested.as_ref().unwrap();
    assert_eq!(second.parts[0].nested, None);
    assert_eq!(lenient.encode().unwrap(), bytes);
}

#[test]
fn rejects_more_parameters_than_the_limit() {
    let ct = ContentType::new(Media::WellKnown(3))
        .with(Parameter::charset(Charset::UTF_8))
        .with(Parameter::typed(0x05, ParamValue::Text(t("a"))))
        .with(Parameter::typed(0x06, ParamValue::Text(t("b"))));
    let bytes = retrieve_conf(ct, Body::Data(b"hi"[..].into()));
    // 8C 84 8D 93 84 | 09 83 81 EA 85 'a' 00 86 'b' 00 | "hi"
    assert_eq!(bytes[5..9], [0x09, 0x83, 0x81, 0xEA]);
    let limits = Limits {
        max_parameters: 2,
        ..Limits::DEFAULT
    };
    let err = DecodeError::new(
        12,
        "Content-Type",
        ErrorKind::LimitExceeded {
            what: "parameters",
            limit: 2,
        },
    );
    assert_eq!(
        Pdu::decode_with(&bytes, &with_limits(limits, true)).unwrap_err(),
        err
    );
    let lenient = Pdu::decode_with(&bytes, &with_limits(limits, false)).unwrap();
    assert_eq!(lenient.warnings, [err]);
    assert!(matches!(lenient.get(FieldCode::CONTENT_TYPE), Some(Value::Raw(r)) if r.len() == 10));
    assert_eq!(lenient.encode().unwrap(), bytes);
    // The same limit bounds Content-Disposition parameters in a part.
    let mut part = Part::new(ContentType::new(Media::WellKnown(3)), &b"x"[..]);
    part.headers.push(WspHeader::ContentDisposition {
        code: wsp::CONTENT_DISPOSITION,
        disposition: Disposition::Attachment,
        params: vec![
            Parameter::typed(0x05, ParamValue::Text(t("a"))),
            Parameter::typed(0x06, ParamValue::Text(t("b"))),
            Parameter::typed(0x0C, ParamValue::Text(t("c"))),
        ],
    });
    let body = Multipart {
        parts: vec![part],
        ..Multipart::default()
    };
    let bytes = retrieve_conf(
        ContentType::new(Media::WellKnown(0x23)),
        Body::Multipart(body),
    );
    assert!(Pdu::decode_with(&bytes, &with_limits(limits, true)).is_err());
    assert!(Pdu::decode_with(&bytes, &STRICT).is_ok());
}
