//! Property tests: arbitrary PDUs round-trip; arbitrary octets never panic.
//!
//! The generators build values that follow their field's grammar. A few
//! values that the types can hold have no unambiguous wire form; they are
//! left out where they would be generated, each with the reason:
//!
//! - A plain X-Mms-Content-Location whose first octet is 1–31: that octet
//!   reads as the Value-length of the status-count form (MMS_ENC 1.3
//!   §7.3.10), and TEXT excludes control octets anyway (WAP-230 §8.4.2.1).
//!   (An untagged Encoded-string-value starting so is written with a Quote,
//!   which the decoder drops: that one round-trips and is generated.)
//! - Token-text (X-Mms-Message-Class text, parameter and header names,
//!   dispositions) must start with a printable ASCII octet 32–126, and a
//!   Text-value token must not start with `"` (it would read as a
//!   Quoted-string); neither may be empty (a lone NUL is No-value).
//! - Extension-media must start with an octet 32–127 and be non-empty.
//! - The Type parameter (0x09) is a Constrained-encoding: a well-known media
//!   code above 127 has no such form and is written as its name, which
//!   decodes as text.
//! - A content type keeps the "general form" flag only without parameters
//!   (with parameters the general form is implied and decodes unflagged).
//! - In m-delete-conf and m-mbox-delete-conf (MMS_ENC 1.3 §7.3.49) an
//!   X-Mms-Response-Text that opens with a Value-length is the status-count
//!   form, so the charset form appears there only inside it.
//! - (A multipart with no parts is nEntries 0 and nothing else, which
//!   decodes back to no parts: it is generated, at any depth.)
//! - A part's data is not compared where the part holds a decoded nested
//!   multipart: decoding keeps the nested octets as data, a built part
//!   writes its nested parts instead of its data.

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

use mms_pdu::wsp::{
    Charset, ContentType, Disposition, EncodedString, Media, Multipart, ParamName, ParamValue,
    Parameter, Part, Text, TextValue, WspHeader,
};
use mms_pdu::{
    Body, DecodeOptions, ElementItem, FieldCode, FromValue, Header, Limits, MessageClass, Pdu,
    Time, Value, Version,
};

const STRICT: DecodeOptions = DecodeOptions {
    limits: Limits::DEFAULT,
    strict: true,
};

/// 256 cases per property; failures are recorded in (and replayed from)
/// `proptest-regressions/proptest_pdu.txt`, relative to the package root
/// where `cargo test` runs.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/proptest_pdu.txt",
        ))),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Octets and texts.

/// A non-NUL octet, mostly printable ASCII.
fn text_octet() -> impl Strategy<Value = u8> {
    prop_oneof![4 => 32u8..=126, 1 => 1u8..=255]
}

/// `first` then up to `max` non-NUL octets.
fn octets_from(first: impl Strategy<Value = u8>, max: usize) -> impl Strategy<Value = Vec<u8>> {
    (first, vec(text_octet(), 0..max)).prop_map(|(f, mut rest)| {
        rest.insert(0, f);
        rest
    })
}

fn owned(bytes: Vec<u8>) -> Text<'static> {
    Text::from_bytes(&bytes).unwrap().into_owned()
}

/// Any Text-string content (no NUL; may be empty).
fn text_any() -> impl Strategy<Value = Text<'static>> {
    prop_oneof![
        1 => Just(Vec::new()),
        6 => octets_from(1u8..=255, 12),
    ]
    .prop_map(owned)
}

/// Text a Text-string may hold (WAP-230 §8.4.2.1): empty, or opening with
/// a TEXT octet — not a control (1–31, 127), which needs no Quote and
/// cannot have one; the encoder adds the Quote before 128–255.
fn text_valid() -> impl Strategy<Value = Text<'static>> {
    prop_oneof![
        1 => Just(Vec::new()),
        5 => octets_from(32u8..=126, 12),
        1 => octets_from(128u8..=255, 12),
    ]
    .prop_map(owned)
}

/// Token-text: first octet 32–126, never empty.
fn token(max: usize) -> impl Strategy<Value = Text<'static>> {
    octets_from(32u8..=126, max).prop_map(owned)
}

fn charset() -> impl Strategy<Value = Charset> {
    prop_oneof![
        Just(Charset::ANY),
        Just(Charset::US_ASCII),
        Just(Charset::UTF_8),
        Just(Charset::UCS_2),
        Just(Charset::BIG5),
        any::<u32>().prop_map(Charset),
    ]
}

/// An Encoded-string-value: untagged text, Any-charset octets, or text
/// written in a charset the decoder reads it back from (NULs allowed
/// inside, as in UCS-2): text that cannot be read in its charset is a
/// deviation, not a valid value.
fn encoded_string() -> impl Strategy<Value = EncodedString<'static>> {
    prop_oneof![
        text_valid().prop_map(EncodedString::text),
        vec(any::<u8>(), 0..14).prop_map(|bytes| EncodedString::with_charset(Charset::ANY, bytes)),
        (charset(), "\\PC{0,6}").prop_filter_map("text the charset can hold", |(cs, text)| {
            let bytes = mms_pdu::charset::encode(&text, cs).ok()?.into_owned();
            Some(EncodedString::with_charset(cs, bytes))
        }),
    ]
}

fn token_octet() -> impl Strategy<Value = u8> {
    0x80u8..=0xFF
}

/// The octets of a value by the generic WAP-230 §8.4.1.2 rule.
fn wap_value() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        token_octet().prop_map(|b| vec![b]),
        octets_from(32u8..=127, 10).prop_map(|mut t| {
            t.push(0);
            t
        }),
        vec(any::<u8>(), 0..=30).prop_map(|d| {
            let mut v = vec![d.len() as u8];
            v.extend(d);
            v
        }),
        vec(any::<u8>(), 31..60).prop_map(|d| {
            let mut v = vec![31, d.len() as u8];
            v.extend(d);
            v
        }),
    ]
}

// ---------------------------------------------------------------------------
// Content types and part headers.

fn media_non_multipart() -> impl Strategy<Value = Media<'static>> {
    prop_oneof![
        3 => (0u32..0x80).prop_map(Media::WellKnown),
        1 => (0x80u32..0x0400).prop_map(Media::WellKnown),
        2 => octets_from(32u8..=127, 16).prop_map(|b| Media::Text(owned(b))),
    ]
    // Media::from_name never picks a multipart code for these; the few
    // random ones that are multipart become text/plain (mapped, not
    // filtered, so that long runs do not hit proptest's reject limit).
    .prop_map(|m| {
        if m.is_multipart() {
            Media::WellKnown(3)
        } else {
            m
        }
    })
}

fn media_multipart() -> impl Strategy<Value = Media<'static>> {
    prop_oneof![
        Just(Media::WellKnown(0x23)),
        Just(Media::WellKnown(0x26)),
        Just(Media::WellKnown(0x33)),
        Just(Media::WellKnown(0x0C)),
        Just(Media::Text(
            Text::new("application/vnd.wap.multipart.mixed").unwrap()
        )),
    ]
}

/// A Text-value: No-value, Token-text (not starting with `"`), Quoted-string.
fn text_value() -> impl Strategy<Value = TextValue<'static>> {
    prop_oneof![
        Just(TextValue::NoValue),
        octets_from(
            (32u8..=126).prop_map(|b| if b == b'"' { b'\'' } else { b }),
            8
        )
        .prop_map(|b| TextValue::Token(owned(b))),
        text_any().prop_map(TextValue::Quoted),
    ]
}

/// A well-known parameter with a value following its WAP-230 Table 38 grammar.
fn typed_parameter() -> impl Strategy<Value = Parameter<'static>> {
    let short = || (0u8..0x80).prop_map(ParamValue::Short);
    let text = || text_any().prop_map(ParamValue::Text);
    let int = || any::<u64>().prop_map(ParamValue::Integer);
    prop_oneof![
        any::<u32>().prop_map(|q| Parameter::typed(0x00, ParamValue::Q(q))),
        charset().prop_map(Parameter::charset),
        prop_oneof![short(), text()].prop_map(|v| Parameter::typed(0x02, v)),
        int().prop_map(|v| Parameter::typed(0x03, v)),
        (
            prop::sample::select(vec![0x05u8, 0x06, 0x0A, 0x0B, 0x0C, 0x0D, 0x0F]),
            text()
        )
            .prop_map(|(c, v)| Parameter::typed(c, v)),
        prop_oneof![short(), text()].prop_map(|v| Parameter::typed(0x07, v)),
        (prop::sample::select(vec![0x08u8, 0x11]), short())
            .prop_map(|(c, v)| Parameter::typed(c, v)),
        prop_oneof![
            (0u32..0x80).prop_map(Media::WellKnown),
            octets_from(32u8..=127, 12).prop_map(|b| Media::Text(owned(b))),
        ]
        .prop_map(|m| Parameter::typed(0x09, ParamValue::Media(m))),
        (prop::sample::select(vec![0x0Eu8, 0x16]), int()).prop_map(|(c, v)| Parameter::typed(c, v)),
        Just(Parameter::typed(0x10, ParamValue::NoValue)),
        (
            prop::sample::select(vec![0x12u8, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D]),
            text_value()
        )
            .prop_map(|(c, v)| Parameter::typed(c, ParamValue::TextValue(v))),
        (0x13u8..=0x15, any::<u64>()).prop_map(|(c, d)| Parameter::typed(c, ParamValue::Date(d))),
    ]
}

/// An untyped parameter, or a well-known code without an assignment (its
/// value read by the untyped rule).
fn untyped_parameter() -> impl Strategy<Value = Parameter<'static>> {
    let value = prop_oneof![
        any::<u64>().prop_map(ParamValue::Integer),
        text_value().prop_map(ParamValue::TextValue),
    ];
    let name = prop_oneof![
        3 => token(8).prop_map(ParamName::Text),
        1 => prop_oneof![Just(0x04u8), 0x1Eu8..=0xFF].prop_map(ParamName::WellKnown),
    ];
    (name, value).prop_map(|(name, value)| Parameter { name, value })
}

fn parameter() -> impl Strategy<Value = Parameter<'static>> {
    prop_oneof![3 => typed_parameter(), 1 => untyped_parameter()]
}

fn content_type_of(
    media: impl Strategy<Value = Media<'static>>,
) -> impl Strategy<Value = ContentType<'static>> {
    (media, vec(parameter(), 0..3), any::<bool>()).prop_map(|(media, params, general)| {
        let constrainable = !matches!(media, Media::WellKnown(c) if c >= 0x80);
        let mut ct = ContentType::new(media);
        for p in params {
            ct = ct.with(p);
        }
        ct.set_general_form(general && ct.params().is_empty() && constrainable);
        ct
    })
}

fn wsp_header() -> impl Strategy<Value = WspHeader<'static>> {
    let disposition = prop_oneof![
        Just(Disposition::FormData),
        Just(Disposition::Attachment),
        Just(Disposition::Inline),
        token(8).prop_map(Disposition::Token),
    ];
    // Codes with a typed value of their own become Content-Length (0x0D).
    let well_known_code = (0u8..0x80).prop_map(|c| {
        let typed = [
            mms_pdu::wsp::CONTENT_ID,
            mms_pdu::wsp::CONTENT_LOCATION,
            mms_pdu::wsp::CONTENT_DISPOSITION,
            mms_pdu::wsp::CONTENT_DISPOSITION_14,
        ];
        if typed.contains(&c) {
            0x0D
        } else {
            c
        }
    });
    prop_oneof![
        text_any().prop_map(|id| WspHeader::ContentId { id, quoted: true }),
        text_valid().prop_map(|id| WspHeader::ContentId { id, quoted: false }),
        text_valid().prop_map(WspHeader::ContentLocation),
        (
            prop::sample::select(vec![
                mms_pdu::wsp::CONTENT_DISPOSITION,
                mms_pdu::wsp::CONTENT_DISPOSITION_14
            ]),
            disposition,
            vec(parameter(), 0..3),
        )
            .prop_map(
                |(code, disposition, params)| WspHeader::ContentDisposition {
                    code,
                    disposition,
                    params
                }
            ),
        (well_known_code, wap_value()).prop_map(|(code, v)| WspHeader::WellKnown {
            code,
            value: v.into()
        }),
        (token(10), text_valid()).prop_map(|(name, value)| WspHeader::Application { name, value }),
    ]
}

/// A multipart body at nesting `depth` (1 for the PDU body); parts nest up
/// to depth 2.
fn multipart(depth: u32) -> BoxedStrategy<Multipart<'static>> {
    vec(part(depth), 0..4)
        .prop_map(|parts| Multipart {
            parts,
            ..Multipart::default()
        })
        .boxed()
}

fn part(depth: u32) -> BoxedStrategy<Part<'static>> {
    let headers = || vec(wsp_header(), 0..4);
    let data = vec(any::<u8>(), 0..24);
    // A part that declares a charset holds text in it (text that cannot be
    // read in its charset is a deviation, not a valid part).
    let flat = (
        content_type_of(media_non_multipart()),
        headers(),
        data,
        "\\PC{0,8}",
    )
        .prop_filter_map("text its charset can hold", |(ct, hs, data, text)| {
            let data = match ct.charset() {
                Some(cs) => mms_pdu::charset::encode(&text, cs).ok()?.into_owned(),
                None => data,
            };
            let mut p = Part::new(ct, data);
            p.headers = hs;
            Some(p)
        });
    if depth >= 2 {
        return flat.boxed();
    }
    let nested = (
        content_type_of(media_multipart()),
        headers(),
        multipart(depth + 1),
    )
        .prop_map(|(ct, hs, m)| {
            let mut p = Part::new(ct, Vec::new());
            p.headers = hs;
            p.nested = Some(m);
            p
        });
    prop_oneof![3 => flat, 1 => nested].boxed()
}

fn body() -> impl Strategy<Value = (ContentType<'static>, Body<'static>)> {
    prop_oneof![
        (
            content_type_of(media_non_multipart()),
            vec(any::<u8>(), 0..40)
        )
            .prop_map(|(ct, d)| (ct, Body::Data(d.into()))),
        (content_type_of(media_multipart()), multipart(1))
            .prop_map(|(ct, m)| (ct, Body::Multipart(m))),
    ]
}

// ---------------------------------------------------------------------------
// MMS header values (MMS_ENC 1.3 §7.3), by field.

fn is_delete_conf(mt: u8) -> bool {
    mt == 0x92 || mt == 0x95
}

fn counted(inner: impl Strategy<Value = Value<'static>>) -> impl Strategy<Value = Value<'static>> {
    (any::<u64>(), inner).prop_map(|(count, v)| Value::Counted {
        count,
        value: Box::new(v),
    })
}

fn field_value(code: u8, mt: u8) -> BoxedStrategy<Value<'static>> {
    let es = || encoded_string().prop_map(Value::EncodedString);
    let tok = || token_octet().prop_map(Value::Token);
    let time = || {
        prop_oneof![
            any::<u64>().prop_map(Time::Absolute),
            any::<u64>().prop_map(Time::Relative),
        ]
        .prop_map(Value::Time)
    };
    match code {
        0x01 | 0x02 | 0x16 | 0x17 | 0x1A | 0x26 | 0x35 | 0x36 => es().boxed(),
        0x03 if is_delete_conf(mt) => prop_oneof![
            text_valid().prop_map(Value::Text),
            counted(text_valid().prop_map(Value::Text)),
        ]
        .boxed(),
        0x03 => text_valid().prop_map(Value::Text).boxed(),
        0x05 | 0x0E | 0x1F => any::<u64>().prop_map(Value::Long).boxed(),
        0x07 | 0x08 | 0x1D => time().boxed(),
        0x09 => prop_oneof![
            encoded_string().prop_map(|s| Value::From(FromValue::Address(s))),
            Just(Value::From(FromValue::InsertAddress)),
        ]
        .boxed(),
        0x0A => prop_oneof![
            token_octet().prop_map(|b| Value::MessageClass(MessageClass::Token(b))),
            token(10).prop_map(|t| Value::MessageClass(MessageClass::Text(t))),
        ]
        .boxed(),
        0x0B | 0x18 | 0x1E | 0x37 | 0x38 | 0x39 | 0x3D | 0x3E => {
            text_valid().prop_map(Value::Text).boxed()
        }
        0x0D => (0u8..=7, 0u8..=15)
            .prop_map(|(major, minor)| Value::Version(Version { major, minor }))
            .boxed(),
        0x12 if is_delete_conf(mt) => prop_oneof![tok(), counted(tok())].boxed(),
        0x13 if is_delete_conf(mt) => prop_oneof![
            text_valid().prop_map(|t| Value::EncodedString(EncodedString::text(t))),
            counted(es()),
        ]
        .boxed(),
        0x13 => es().boxed(),
        0x20 => (any::<u64>(), encoded_string())
            .prop_map(|(count, address)| Value::PreviouslySentBy { count, address })
            .boxed(),
        0x21 => (any::<u64>(), any::<u64>())
            .prop_map(|(count, date)| Value::PreviouslySentDate { count, date })
            .boxed(),
        0x24 => (token_octet(), encoded_string())
            .prop_map(|(op, flag)| Value::MmFlags { op, flag })
            .boxed(),
        0x28 => (0u8..0x80)
            .prop_map(|c| Value::Attribute(FieldCode(c)))
            .boxed(),
        0x2A | 0x2C => (token_octet(), any::<u64>())
            .prop_map(|(kind, value)| Value::MboxCount { kind, value })
            .boxed(),
        0x2D | 0x2F | 0x33 => any::<u64>().prop_map(Value::Integer).boxed(),
        0x32 => {
            let item = || {
                prop_oneof![
                    (0u8..0x80).prop_map(ElementItem::Short),
                    text_any().prop_map(ElementItem::Text),
                ]
            };
            (text_any(), vec((item(), item()), 0..3))
                .prop_map(|(reference, params)| Value::ElementDescriptor { reference, params })
                .boxed()
        }
        0x2E | 0x30 | 0x40..=0x7F => wap_value().prop_map(|v| Value::Raw(v.into())).boxed(),
        // Every other field of the table is a token field.
        _ => tok().boxed(),
    }
}

fn header(mt: u8) -> BoxedStrategy<Header<'static>> {
    // Every code but Content-Type (0x04), which comes with the body.
    let field = (1u8..0x7F)
        .prop_map(|c| if c >= 0x04 { c + 1 } else { c })
        .prop_flat_map(move |c| {
            field_value(c, mt).prop_map(move |v| Header::field(FieldCode(c), v))
        });
    let application =
        (token(10), text_valid()).prop_map(|(name, value)| Header::Application { name, value });
    prop_oneof![8 => field, 1 => application].boxed()
}

/// X-Mms-Message-Type first, then random headers, then optionally the
/// Content-Type and a body.
fn pdu() -> impl Strategy<Value = Pdu<'static>> {
    prop_oneof![6 => 0x80u8..=0x97, 1 => Just(0x92u8), 1 => Just(0x95u8), 1 => 0x98u8..=0xFF]
        .prop_flat_map(|mt| (Just(mt), vec(header(mt), 0..10), option::of(body())))
        .prop_map(|(mt, headers, body)| {
            let mut pdu = Pdu::default();
            pdu.headers
                .push(Header::field(FieldCode::MESSAGE_TYPE, Value::Token(mt)));
            pdu.headers.extend(headers);
            if let Some((ct, b)) = body {
                pdu.set_body(ct, b);
            }
            pdu
        })
}

// ---------------------------------------------------------------------------
// Comparison by value.

/// A body by value: octets of parts that hold a decoded nested multipart
/// are left out.
fn body_values(b: &Body<'_>) -> Body<'static> {
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

fn headers_by_value<'p>(
    p: &'p Pdu<'_>,
) -> Vec<(
    Option<FieldCode>,
    Option<&'p Value<'p>>,
    Option<&'p Header<'p>>,
)> {
    p.headers
        .iter()
        .map(|h| match h {
            Header::Field(f) => (Some(f.code()), Some(f.value()), None),
            app => (None, None, Some(app)),
        })
        .collect()
}

fn same_by_value(a: &Pdu<'_>, b: &Pdu<'_>) -> Result<(), TestCaseError> {
    prop_assert_eq!(headers_by_value(a), headers_by_value(b));
    prop_assert_eq!(
        a.body.as_ref().map(body_values),
        b.body.as_ref().map(body_values)
    );
    prop_assert_eq!(&a.trailing, &b.trailing);
    Ok(())
}

/// Decodes `x` every way; whatever decodes re-encodes into something that
/// decodes to the same values. Nothing may panic.
fn decode_everything(x: &[u8]) -> Result<(), TestCaseError> {
    let strict = Pdu::decode_with(x, &STRICT);
    if let Err(e) = &strict {
        prop_assert!(e.offset() <= x.len());
    }
    match Pdu::decode(x) {
        Ok(p) => {
            for w in &p.warnings {
                prop_assert!(w.offset() <= x.len());
            }
            let y = p
                .encode()
                .map_err(|e| TestCaseError::fail(format!("re-encoding: {e}")))?;
            let q = Pdu::decode(&y)
                .map_err(|e| TestCaseError::fail(format!("decoding the re-encoding: {e}")))?;
            same_by_value(&q, &p)
                .map_err(|e| TestCaseError::fail(format!("{e}\ninput: {x:02X?}")))?;
            let z = q.encode().unwrap();
            prop_assert_eq!(&z, &y);
            if let Ok(s) = strict {
                prop_assert_eq!(&s, &p);
            }
        }
        Err(e) => {
            prop_assert!(e.offset() <= x.len());
            prop_assert!(strict.is_err());
        }
    }
    match Multipart::decode(x) {
        Ok(m) => {
            let y = m.to_vec().unwrap();
            let back = Multipart::decode(&y).unwrap();
            prop_assert_eq!(
                body_values(&Body::Multipart(back)),
                body_values(&Body::Multipart(m))
            );
        }
        Err(e) => prop_assert!(e.offset() <= x.len()),
    }
    match ContentType::decode(x) {
        Ok(ct) => {
            let y = ct.to_vec();
            prop_assert_eq!(ContentType::decode(&y).unwrap(), ct);
        }
        Err(e) => prop_assert!(e.offset() <= x.len()),
    }
    match mms_pdu::wsp::parse_encoded_string_value(x) {
        Ok((s, rest)) => {
            let mut y = Vec::new();
            s.encode(&mut y);
            prop_assert_eq!(
                mms_pdu::wsp::parse_encoded_string_value(&y).unwrap(),
                (s, &[][..])
            );
            prop_assert!(rest.len() < x.len());
        }
        Err(e) => prop_assert!(e.offset() <= x.len()),
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    /// Property 1: a generated PDU encodes, decodes strictly without
    /// warnings to the same values, and its decoding re-encodes byte for byte.
    #[test]
    fn round_trips_generated_pdus(pdu in pdu()) {
        let bytes = pdu.encode().map_err(|e| TestCaseError::fail(format!("{e}: {pdu:?}")))?;
        prop_assert_eq!(bytes.len(), pdu.encoded_len());
        let back = Pdu::decode_with(&bytes, &STRICT)
            .map_err(|e| TestCaseError::fail(format!("{e}: {bytes:02X?}")))?;
        prop_assert_eq!(&back.warnings, &[]);
        same_by_value(&back, &pdu)?;
        prop_assert_eq!(back.encode().unwrap(), bytes.clone());
        let mut canonical = back.clone();
        canonical.canonicalize();
        prop_assert_eq!(canonical.encode().unwrap(), bytes);
    }

    /// Property 2: arbitrary octets never panic any decoder, and what
    /// decodes re-encodes to the same values.
    #[test]
    fn decodes_arbitrary_octets_without_panicking(x in vec(any::<u8>(), 0..64)) {
        decode_everything(&x)?;
    }

    /// Property 2 again, past the Message-Type check.
    #[test]
    fn decodes_arbitrary_octets_after_a_message_type_without_panicking(x in vec(any::<u8>(), 0..64)) {
        let mut y = vec![0x8C];
        y.extend(x);
        decode_everything(&y)?;
    }

    /// Property 2 on near-valid input: a generated PDU with one octet
    /// replaced, one inserted and one removed.
    #[test]
    fn decodes_mutated_pdus_without_panicking(
        pdu in pdu(),
        at in any::<prop::sample::Index>(),
        octet in any::<u8>(),
        how in 0u8..3,
    ) {
        let mut bytes = pdu.encode().unwrap();
        let k = at.index(bytes.len());
        match how {
            0 => bytes[k] = octet,
            1 => bytes.insert(k, octet),
            _ => {
                bytes.remove(k);
            }
        }
        decode_everything(&bytes)?;
    }
}
