//! What `mmsdump` prints never drives the terminal: in every view (the
//! tree, `--hex`, `--summary`, `--json`, with colour off), whatever the
//! input, the output holds no C0 control but the newline, no DEL, no C1
//! control, no bidi control, no line or paragraph separator and no byte
//! order mark. Checked on a hostile PDU built for it (escape sequences
//! that retitle the window and clear the screen, in a part's media type, a
//! `name=` parameter, a SMIL `src`, header names and values, an element
//! name a SMIL error quotes), on arbitrary octets and on mutated corpus
//! PDUs.

// The program brings the shared module it is built with, as the test
// brings its own.
#![allow(clippy::duplicate_mod)]

#[allow(dead_code)]
#[path = "../examples/mmsdump/main.rs"]
mod mmsdump;

use std::path::Path;
use std::sync::OnceLock;

use mms_pdu::smil::Presentation;
use mms_pdu::wsp::push::Push;
use mms_pdu::wsp::{
    Charset, ContentType, EncodedString, Media, Multipart, ParamValue, Parameter, Part, Text,
    WspHeader,
};
use mms_pdu::{Body, FieldCode, Header, MessageType, Pdu, Value, Version};
use proptest::prelude::*;

/// Retitles the window (OSC 0, ended by BEL), then clears the screen (CSI 2 J).
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J";

/// The views, each with colour off, and the push views of the same input.
const VIEWS: &[&[&str]] = &[
    &[],
    &["--with-data"],
    &["--strict"],
    &["--hex"],
    &["--summary"],
    &["--summary", "--strict"],
    &["--json"],
    &["--json", "--pretty", "--with-data"],
    &["--push"],
    &["--push", "--hex"],
    &["--search", "--summary"],
    &["--search", "--with-data"],
    &["--connection-mode", "--json"],
];

#[path = "support/terminal.rs"]
mod terminal;
use terminal::forbidden;

/// `bytes` in every view, under a file name that is hostile too.
fn render_all(bytes: &[u8]) -> Vec<(String, String)> {
    VIEWS
        .iter()
        .map(|view| {
            let mut options = vec!["--color=never"];
            options.extend_from_slice(view);
            let mut out = Vec::new();
            let status = mmsdump::render(&options, "in\u{1b}[2J.mms", bytes.to_vec(), &mut out);
            assert!(status == 0 || status == 1, "{view:?}: status {status}");
            let out = String::from_utf8(out).expect("the output is UTF-8");
            (view.join(" "), out)
        })
        .collect()
}

/// Every view of `bytes` is safe to print; returns the views.
fn assert_safe(bytes: &[u8]) -> Vec<(String, String)> {
    let views = render_all(bytes);
    for (view, out) in &views {
        if let Some(c) = out.chars().find(|&c| forbidden(c)) {
            panic!("mmsdump {view}: {c:?} reaches the terminal in\n{out}");
        }
    }
    views
}

fn text(s: &str) -> Text<'static> {
    Text::from_string(s.to_string()).unwrap()
}

/// An m-retrieve-conf whose every text slot mmsdump shows carries
/// [`HOSTILE`]: subject, an application header's name and value, the
/// media type and `name=` of a part, a part's Content-Location and an
/// application header, the SMIL `src` and region, a text part in UCS-2,
/// and nested in a multipart part, a part of an extension media type.
fn hostile_pdu(smil: &str) -> Vec<u8> {
    let mut pdu = Pdu::new(MessageType::RETRIEVE_CONF, Version::V1_3);
    pdu.push(
        FieldCode::SUBJECT,
        Value::EncodedString(EncodedString::with_charset(
            Charset::UTF_8,
            format!("{HOSTILE}\u{9b}31m\u{202e}subject").into_bytes(),
        )),
    );
    pdu.headers.push(Header::Application {
        name: text(&format!("X-{HOSTILE}")),
        value: text(HOSTILE),
    });
    let mut m = Multipart::new();
    let mut s = Part::new(
        ContentType::new(Media::from_name("application/smil"))
            .with(Parameter::charset(Charset::UTF_8)),
        smil.as_bytes().to_vec(),
    );
    s.headers.push(WspHeader::ContentLocation(text("smil.xml")));
    m.parts.push(s);
    let mut image = Part::new(
        ContentType::new(Media::Text(text(&format!("image/{HOSTILE}"))))
            .with(Parameter::typed(0x05, ParamValue::Text(text(HOSTILE)))),
        b"\x1b]0;data\x07".to_vec(),
    );
    image
        .headers
        .push(WspHeader::ContentLocation(text(HOSTILE)));
    image.headers.push(WspHeader::Application {
        name: text(&format!("X-{HOSTILE}")),
        value: text(HOSTILE),
    });
    m.parts.push(image);
    let ucs2: Vec<u8> = format!("{HOSTILE}\u{85}\u{2066}hi")
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    m.parts.push(Part::new(
        ContentType::new(Media::from_name("text/plain")).with(Parameter::charset(Charset::UCS_2)),
        ucs2,
    ));
    let mut inner = Multipart::new();
    inner.parts.push(Part::new(
        ContentType::new(Media::Text(text(&format!("x-{HOSTILE}")))),
        HOSTILE.as_bytes().to_vec(),
    ));
    let mut nested = Part::new(
        ContentType::new(Media::from_name("application/vnd.wap.multipart.mixed")),
        Vec::new(),
    );
    nested.nested = Some(inner);
    m.parts.push(nested);
    pdu.set_body(
        ContentType::new(Media::from_name("application/vnd.wap.multipart.related"))
            .with(Parameter::typed(
                0x09,
                ParamValue::Media(Media::from_name("application/smil")),
            ))
            .with(Parameter::typed(0x05, ParamValue::Text(text(HOSTILE)))),
        Body::Multipart(m),
    );
    pdu.encode().unwrap()
}

/// A SMIL whose media element names the hostile part, with a hostile
/// `src` for one that names none and a hostile region and id.
fn hostile_smil() -> String {
    format!(
        "<smil><head><layout><region id=\"{HOSTILE}\" width=\"100%\"/></layout></head>\
         <body><par><img src=\"{HOSTILE}\" region=\"{HOSTILE}\"/>\
         <img src=\"cid:{HOSTILE}\"/></par></body></smil>"
    )
}

/// The output of one view of `bytes`.
fn view(bytes: &[u8], options: &[&str]) -> String {
    let mut out = Vec::new();
    mmsdump::render(options, "in.mms", bytes.to_vec(), &mut out);
    String::from_utf8(out).unwrap()
}

#[test]
fn a_hostile_pdu_drives_no_terminal_in_any_view() {
    let bytes = hostile_pdu(&hostile_smil());
    let views = assert_safe(&bytes);
    // The hostile text is shown, escaped, in each place it came from.
    let tree = &views[0].1;
    let shown = "\\u{1b}]0;pwned\\u{7}\\u{1b}[2J";
    for place in [
        format!("Subject: {shown}\\u{{9b}}31m\\u{{202e}}subject"),
        format!("X-{shown}: {shown}  (application header)"),
        format!("image/{shown}; name=\"{shown}\""),
        format!("Content-Location: {shown}"),
        format!("Text: \"{shown}\\u{{85}}\\u{{2066}}hi\""),
        format!("Region {shown}:"),
        format!("img {shown} in {shown} -> part 2"),
        format!("Part 4.1: x-{shown}, "),
    ] {
        assert!(tree.contains(&place), "{place} not in\n{tree}");
    }
    let hex = &views[3].1;
    assert!(
        hex.contains(&format!("image/{shown}; name=\"{shown}\"")),
        "{hex}"
    );
    let summary = &views[4].1;
    assert!(
        summary.starts_with("in\\u{1b}[2J.mms  m-retrieve-conf"),
        "{summary}"
    );
    assert!(
        summary.contains(&format!(
            " subject=\"{shown}\\u{{9b}}31m\\u{{202e}}subject\" "
        )),
        "{summary}"
    );
    // JSON reads back to the same text: the escapes are JSON's.
    let json: serde_json::Value = serde_json::from_str(&views[6].1).unwrap();
    assert_eq!(
        json["headers"][2]["value"],
        format!("{HOSTILE}\u{9b}31m\u{202e}subject")
    );
    assert!(
        views[6].1.contains("\\u009b31m\\u202esubject"),
        "{}",
        views[6].1
    );
}

#[test]
fn a_hostile_push_drives_no_terminal() {
    let mut push = Push::mms(7, hostile_pdu(&hostile_smil()));
    push.content_type = push
        .content_type
        .with(Parameter::typed(0x05, ParamValue::Text(text(HOSTILE))));
    push.headers.push(WspHeader::Application {
        name: text(&format!("X-{HOSTILE}")),
        value: text(HOSTILE),
    });
    let bytes = push.to_vec().unwrap();
    let views = assert_safe(&bytes);
    assert!(views[0].1.contains("WSP Push"), "{}", views[0].1);
    // A push of something else than MMS, its media type hostile.
    let mut other = Push::mms(7, HOSTILE.as_bytes().to_vec());
    other.content_type = ContentType::new(Media::Text(text(&format!("x-{HOSTILE}"))));
    let views = assert_safe(&other.to_vec().unwrap());
    assert!(views[8].1.contains("not an MMS PDU"), "{}", views[8].1);
}

#[test]
fn smil_errors_escape_the_names_they_quote() {
    // The root element's name, an unclosed element's, and quick-xml's own
    // message about a mismatched end tag.
    for smil in [
        format!("<{HOSTILE}/>"),
        format!("<smil><body><{HOSTILE}>"),
        format!("<smil><body></{HOSTILE}></body></smil>"),
    ] {
        let e = Presentation::parse(&smil).unwrap_err();
        let message = e.to_string();
        assert!(!message.chars().any(forbidden), "{message:?}");
        assert!(message.contains("\\u{1b}"), "{message:?}");
        let views = assert_safe(&hostile_pdu(&smil));
        assert!(
            views[0].1.contains("SMIL does not parse: SMIL at offset"),
            "{}",
            views[0].1
        );
    }
}

#[test]
fn a_short_hand_written_reproducer_drives_no_terminal() {
    // m-retrieve-conf, MMS 1.3, Content-Type an extension media type
    // (a text-string, WAP-230 §8.4.2.24) that retitles the window and
    // clears the screen, then two octets of body.
    let mut bytes = vec![0x8C, 0x84, 0x8D, 0x93, 0x84, b'x'];
    bytes.extend_from_slice(HOSTILE.as_bytes());
    bytes.extend_from_slice(b"\0hi");
    let views = assert_safe(&bytes);
    assert!(
        views[0]
            .1
            .contains("Body: x\\u{1b}]0;pwned\\u{7}\\u{1b}[2J, 2 bytes"),
        "{}",
        views[0].1
    );
}

#[test]
fn a_text_part_is_previewed_in_its_charset() {
    let ucs2 = Part::new(
        ContentType::new(Media::from_name("text/plain")).with(Parameter::charset(Charset::UCS_2)),
        b"\x00H\x00\xe9\x00!".to_vec(),
    );
    let mut m = Multipart::new();
    m.parts.push(ucs2);
    let mut pdu = Pdu::new(MessageType::RETRIEVE_CONF, Version::V1_3);
    pdu.set_body(
        ContentType::new(Media::from_name("application/vnd.wap.multipart.mixed")),
        Body::Multipart(m),
    );
    let tree = view(&pdu.encode().unwrap(), &["--color=never"]);
    assert!(tree.contains("    Text: \"Hé!\"\n"), "{tree}");
}

/// Every file of the corpus.
fn corpus() -> &'static [Vec<u8>] {
    static FILES: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    FILES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        let mut files = Vec::new();
        for dir in std::fs::read_dir(root).unwrap() {
            let dir = dir.unwrap().path();
            if !dir.is_dir() {
                continue;
            }
            for f in std::fs::read_dir(dir).unwrap() {
                let f = f.unwrap().path();
                if f.is_file() {
                    files.push(std::fs::read(f).unwrap());
                }
            }
        }
        files.sort();
        assert!(files.len() > 50, "the corpus is missing");
        files
    })
}

#[test]
fn every_corpus_pdu_is_safe_to_print() {
    for bytes in corpus() {
        assert_safe(bytes);
    }
}

/// Octets a hostile sender would put in a text: ESC, BEL, CSI in UTF-8,
/// DEL, RLO in UTF-8, a lone C1 octet, NUL.
const SPLICES: &[&[u8]] = &[
    b"\x1b]0;t\x07",
    b"\x1b[2J",
    "\u{9b}".as_bytes(),
    b"\x7f",
    "\u{202e}".as_bytes(),
    b"\x9b",
    b"\0",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_octets_are_safe_to_print(
        mms in any::<bool>(),
        bytes in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        // Half of them open as an MMS PDU does, to reach past the first octet.
        let mut input = if mms { vec![0x8C, 0x84, 0x8D, 0x93] } else { Vec::new() };
        input.extend_from_slice(&bytes);
        assert_safe(&input);
    }

    #[test]
    fn mutated_corpus_pdus_are_safe_to_print(
        file in any::<prop::sample::Index>(),
        edits in prop::collection::vec(
            (any::<prop::sample::Index>(), 0..SPLICES.len() + 1, any::<u8>()),
            1..6,
        ),
    ) {
        let mut bytes = file.get(corpus()).clone();
        for (at, what, octet) in edits {
            if bytes.is_empty() {
                break;
            }
            let at = at.index(bytes.len());
            match SPLICES.get(what) {
                // Overwrite the text from `at` with the splice.
                Some(s) => {
                    let end = (at + s.len()).min(bytes.len());
                    bytes.splice(at..end, s.iter().copied());
                }
                None => bytes[at] = octet,
            }
        }
        assert_safe(&bytes);
    }
}
