//! Subjects and text parts in each charset MMS peers use, read back to the
//! right text through the whole decoder; carrier quirks of labelling.

use mms_pdu::wsp::charset::{decode, Reading};
use mms_pdu::wsp::encoded_string;
use mms_pdu::wsp::{Charset, ContentType, EncodedString, Media, Multipart, Parameter, Part};
use mms_pdu::{Body, FieldCode, Header, MessageType, Pdu, Value, Version};

/// An m-retrieve-conf whose Subject is `subject`, through encode and decode.
fn subject_through_the_wire(subject: EncodedString<'_>) -> (Vec<u8>, String, Reading) {
    let mut pdu = Pdu::new(MessageType::RETRIEVE_CONF, Version::V1_2);
    pdu.push(FieldCode::DATE, Value::Long(1_163_578_981));
    pdu.push(FieldCode::SUBJECT, Value::EncodedString(subject));
    let bytes = pdu.encode().unwrap();
    let back = Pdu::decode(&bytes).unwrap();
    let Some(Value::EncodedString(s)) = back.get(FieldCode::SUBJECT) else {
        panic!()
    };
    let d = s.decode_text().unwrap();
    (bytes.clone(), d.text.into_owned(), d.reading)
}

#[test]
fn subjects_in_the_table_free_charsets() {
    let cases: &[(Charset, &[u8], &str)] = &[
        (Charset::UTF_8, "Gruyère ☺".as_bytes(), "Gruyère ☺"),
        (Charset::US_ASCII, b"Hello", "Hello"),
        (Charset::ISO_8859_1, b"Gruy\xE8re", "Gruyère"),
        // UCS-2 and UTF-16 hold NUL octets: delimited by the value-length.
        (Charset::UCS_2, b"\x00G\x00r\x00\xFC\x00\xDF\x00e", "Grüße"),
        (Charset::UTF_16, b"\xFE\xFF\x00H\x00i", "Hi"),
        (Charset::UTF_16, b"\xFF\xFEH\x00i\x00", "Hi"),
    ];
    for &(cs, bytes, text) in cases {
        let (wire, got, reading) = subject_through_the_wire(EncodedString::with_charset(cs, bytes));
        assert_eq!(got, text, "{cs}");
        assert_eq!(reading, Reading::Declared, "{cs}");
        assert!(
            wire.windows(bytes.len()).any(|w| w == bytes),
            "{cs}: octets kept as given"
        );
    }
}

#[test]
fn carrier_labelling_quirks() {
    // iso-8859-1 declared, UTF-8 sent: read as UTF-8, and said so.
    let (_, text, reading) = subject_through_the_wire(EncodedString::with_charset(
        Charset::ISO_8859_1,
        "Grüße".as_bytes(),
    ));
    assert_eq!(
        (text.as_str(), reading),
        ("Grüße", Reading::Utf8InsteadOfDeclared)
    );
    // Any-charset holding UTF-8.
    let (_, text, reading) = subject_through_the_wire(EncodedString::with_charset(
        Charset::ANY,
        "Grüße".as_bytes(),
    ));
    assert_eq!((text.as_str(), reading), ("Grüße", Reading::Utf8Assumed));
    // No charset at all, UTF-8 octets (as a text-string).
    let t = mms_pdu::wsp::Text::from_bytes("Grüße".as_bytes()).unwrap();
    let (_, text, reading) = subject_through_the_wire(EncodedString::text(t));
    assert_eq!((text.as_str(), reading), ("Grüße", Reading::Utf8Assumed));
    // No charset, Latin-1 octets.
    let t = mms_pdu::wsp::Text::from_bytes(b"Gr\xFC\xDFe").unwrap();
    let (_, text, reading) = subject_through_the_wire(EncodedString::text(t));
    assert_eq!((text.as_str(), reading), ("Grüße", Reading::Latin1Assumed));
}

#[test]
fn text_parts_are_read_in_their_declared_charset() {
    let ct =
        ContentType::new(Media::from_name("text/plain")).with(Parameter::charset(Charset::UCS_2));
    let body = Multipart {
        parts: vec![Part::new(ct, &b"\x00O\x00K"[..])],
        ..Multipart::default()
    };
    let mut pdu = Pdu::new(MessageType::RETRIEVE_CONF, Version::V1_2);
    pdu.push(FieldCode::DATE, Value::Long(0));
    pdu.set_body(
        ContentType::new(Media::from_name("application/vnd.wap.multipart.mixed")),
        Body::Multipart(body),
    );
    let bytes = pdu.encode().unwrap();
    let back = Pdu::decode(&bytes).unwrap();
    let Some(Body::Multipart(m)) = &back.body else {
        panic!()
    };
    assert_eq!(m.parts[0].text().unwrap().text, "OK");
}

#[test]
fn the_builder_picks_ascii_utf8_or_the_named_charset() {
    assert_eq!(encoded_string("plain", None).unwrap().charset(), None);
    assert_eq!(
        encoded_string("é", None).unwrap().charset(),
        Some(Charset::UTF_8)
    );
    let s = encoded_string("Grüße", Some(Charset::UTF_16)).unwrap();
    assert_eq!(decode(s.charset(), s.as_bytes()).unwrap().text, "Grüße");
}

#[test]
fn application_headers_inside_a_notification_are_kept() {
    // Vodafone sends a human text as an application header in notifications.
    let mut pdu = Pdu::new(MessageType::NOTIFICATION_IND, Version::V1_2);
    pdu.headers.push(Header::Application {
        name: mms_pdu::wsp::Text::new("X-Mms-Vodafone-Notif-Text").unwrap(),
        value: mms_pdu::wsp::Text::new("You have a new picture message").unwrap(),
    });
    let bytes = pdu.encode().unwrap();
    let back = Pdu::decode(&bytes).unwrap();
    assert_eq!(back.headers[2], pdu.headers[2]);
    assert_eq!(back.encode().unwrap(), bytes);
}

#[cfg(feature = "charset")]
#[test]
fn subjects_in_asian_and_legacy_charsets() {
    let cases: &[(u32, &[u8], &str)] = &[
        (
            17,
            b"\x82\xb1\x82\xf1\x82\xc9\x82\xbf\x82\xcd",
            "こんにちは",
        ), // shift_jis
        (2026, b"\xa7\x41\xa6\x6e", "你好"),           // big5
        (2025, b"\xc4\xe3\xba\xc3", "你好"),           // gb2312
        (38, b"\xbe\xc8\xb3\xe7", "안녕"),             // euc-kr
        (36, b"\xbe\xc8\xb3\xe7", "안녕"),             // ks_c_5601-1987 as CP949
        (39, b"\x1b$B$3$s$K$A$O\x1b(B", "こんにちは"), // iso-2022-jp
        (5, b"Zielona G\xF3ra \xB3\xF3d\xBC", "Zielona Góra łódź"), // iso-8859-2
        (8, b"\xBF\xE0\xD8\xD2\xD5\xE2", "Привет"),    // iso-8859-5
        (2251, b"\xCF\xF0\xE8\xE2\xE5\xF2", "Привет"), // windows-1251
    ];
    for &(mib, bytes, text) in cases {
        let (_, got, reading) =
            subject_through_the_wire(EncodedString::with_charset(Charset(mib), bytes));
        assert_eq!(
            (got.as_str(), reading),
            (text, Reading::Declared),
            "MIBenum {mib}"
        );
    }
}

#[cfg(not(feature = "charset"))]
#[test]
fn without_the_feature_other_charsets_come_back_as_bytes_with_their_charset() {
    let s = EncodedString::with_charset(Charset::SHIFT_JIS, &b"\x82\xb1"[..]);
    assert!(s.decode_text().is_err());
    assert_eq!(
        (s.charset(), s.as_bytes()),
        (Some(Charset::SHIFT_JIS), &b"\x82\xb1"[..])
    );
}
