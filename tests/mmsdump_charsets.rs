//! Text in the charsets people use, read right by `mmsdump` as built by
//! default: Subjects and text parts in Shift_JIS, Big5, GB2312, EUC-KR,
//! ISO-2022-JP, windows-1251 and UTF-16 show as the text they are, in the
//! tree and in JSON, without a warning; text that cannot be read in its
//! charset is a warning, never silent U+FFFD, and `--strict` exits 1.

// The program brings the shared modules it is built with, as the test
// brings its own.
#![allow(clippy::duplicate_mod)]

#[allow(dead_code)]
#[path = "../examples/mmsdump/main.rs"]
mod mmsdump;

use mms_pdu::wsp::{Charset, ContentType, EncodedString, Media, Multipart, Parameter, Part, Text};
use mms_pdu::{Body, FieldCode, MessageType, Pdu, Value, Version};

/// (IANA name as the table spells it, a text people write in it.)
const TEXTS: &[(&str, &str)] = &[
    ("shift_jis", "こんにちは、世界"),
    ("big5", "你好，世界"),
    ("gb2312", "你好，世界"),
    ("euc-kr", "안녕하세요 세계"),
    ("iso-2022-jp", "こんにちは"),
    ("windows-1251", "Привет, мир"),
    ("utf-16", "Grüße 👋"),
];

/// An m-retrieve-conf whose Subject and one text part are `text` in `cs`.
fn pdu_in(cs: Charset, text: &str) -> Vec<u8> {
    let bytes = mms_pdu::charset::encode(text, cs).unwrap().into_owned();
    let mut pdu = Pdu::new(MessageType::RETRIEVE_CONF, Version::V1_2);
    pdu.push(FieldCode::DATE, Value::Long(1_700_000_000));
    pdu.push(
        FieldCode::SUBJECT,
        Value::EncodedString(EncodedString::with_charset(cs, bytes.clone())),
    );
    let mut ct = ContentType::new(Media::from_name("text/plain"));
    ct.params_mut().push(Parameter::charset(cs));
    let body = Multipart {
        parts: vec![Part::new(ct, bytes)],
        ..Multipart::default()
    };
    pdu.set_body(
        ContentType::new(Media::from_name("application/vnd.wap.multipart.mixed")),
        Body::Multipart(body),
    );
    pdu.encode().unwrap()
}

fn render(options: &[&str], bytes: &[u8]) -> (i32, String) {
    let mut out = Vec::new();
    let status = mmsdump::render(options, "x.mms", bytes.to_vec(), &mut out);
    (status, String::from_utf8(out).unwrap())
}

#[test]
fn subjects_and_text_parts_in_every_common_charset_read_right() {
    for &(name, text) in TEXTS {
        let cs = Charset::from_name(name).unwrap_or_else(|| panic!("{name} in the table"));
        let bytes = pdu_in(cs, text);
        let pdu = Pdu::decode(&bytes).unwrap();
        assert_eq!(pdu.warnings, [], "{name}");

        let (status, tree) = render(&[], &bytes);
        assert_eq!(status, 0, "{name}");
        // The Subject and the part's preview, each read in its charset.
        assert!(
            tree.matches(text).count() >= 2,
            "{name}: {text} not shown twice in\n{tree}"
        );
        assert!(!tree.contains('\u{FFFD}'), "{name}:\n{tree}");

        let (status, json) = render(&["--json"], &bytes);
        assert_eq!(status, 0, "{name}");
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        let subject = doc["headers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["name"] == "Subject")
            .unwrap();
        assert_eq!(subject["value"], text, "{name}");
        assert!(doc.get("warnings").is_none(), "{name}: {json}");

        assert_eq!(render(&["--strict"], &bytes).0, 0, "{name}");
    }
}

#[test]
fn text_that_cannot_be_read_in_its_charset_is_a_warning_in_every_view() {
    // Shift_JIS cut inside a two-octet character, and a lone surrogate in UTF-16.
    let sjis = Charset::from_name("shift_jis").unwrap();
    let mut cut = mms_pdu::charset::encode("日本", sjis).unwrap().into_owned();
    cut.pop();
    for (cs, bytes) in [
        (sjis, cut),
        (Charset::from_name("utf-16be").unwrap(), vec![0xD8, 0x00]),
    ] {
        let mut pdu = Pdu::new(MessageType::SEND_CONF, Version::V1_2);
        pdu.headers.insert(
            1,
            mms_pdu::Header::field(
                FieldCode::TRANSACTION_ID,
                Value::Text(Text::new("T1").unwrap()),
            ),
        );
        pdu.push(FieldCode::RESPONSE_STATUS, Value::Token(0x80));
        pdu.push(
            FieldCode::RESPONSE_TEXT,
            Value::EncodedString(EncodedString::with_charset(cs, bytes)),
        );
        let bytes = pdu.encode().unwrap();
        let decoded = Pdu::decode(&bytes).unwrap();
        assert_eq!(decoded.warnings.len(), 1, "{cs}");
        assert!(decoded.warnings[0].to_string().contains("is not valid"));

        let (status, tree) = render(&[], &bytes);
        assert_eq!(status, 0);
        assert!(tree.contains("is not valid"), "{tree}");
        let (_, json) = render(&["--json"], &bytes);
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(doc["warnings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("is not valid"));
        let (_, summary) = render(&["--summary"], &bytes);
        assert!(summary.contains("1 warning"), "{summary}");
        assert_eq!(render(&["--strict"], &bytes).0, 1);
    }
}

#[test]
fn a_cut_download_is_a_warning_and_a_strict_failure() {
    let whole = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/sailfish/test_mms_codec-m-retrieve_1.conf"
    ))
    .unwrap();
    let cut = &whole[..whole.len() * 2 / 3];
    let (status, tree) = render(&[], cut);
    assert_eq!(status, 0);
    assert!(tree.contains("Warnings"), "{tree}");
    assert!(!tree.contains("Warnings: none"), "{tree}");
    assert_eq!(render(&["--strict"], cut).0, 1);
    let (_, summary) = render(&["--summary"], cut);
    assert!(summary.contains("warning"), "{summary}");
}
