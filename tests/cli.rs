//! The `mmsdump` / `mmscompose` examples, through the modules they share
//! and their `run` functions (no process is spawned): the JSON shape of
//! docs/json.md, the dump → compose → dump round trip over the corpus,
//! WAP pushes and their SMS transport.

// Each program brings the shared modules it is built with, as the test
// brings its own: the same files load more than once, on purpose.
#![allow(clippy::duplicate_mod)]

#[allow(dead_code)]
#[path = "../examples/shared/json_shape/dump.rs"]
mod dump;

#[allow(dead_code)]
#[path = "../examples/shared/json_shape/compose.rs"]
mod compose;

#[allow(dead_code)]
#[path = "../examples/mmsdump/main.rs"]
mod mmsdump;

#[allow(dead_code)]
#[path = "../examples/mmscompose/main.rs"]
mod mmscompose;

use std::path::PathBuf;

use mms_pdu::wsp::{
    Charset, ContentType, Disposition, EncodedString, Media, Multipart, ParamName, ParamValue,
    Parameter, Part, Text, TextValue, WspHeader,
};
use mms_pdu::{Body, ElementItem, FieldCode, FromValue, MessageType, Pdu, Time, Value, Version};
use serde_json::{json, Value as Json};

const NO_DATA: dump::Options = dump::Options { with_data: false };
const WITH_DATA: dump::Options = dump::Options { with_data: true };

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// `mmsdump --json` of `bytes`, as printed.
fn dump_line(bytes: &[u8]) -> String {
    let doc = match Pdu::decode(bytes) {
        Ok(pdu) => dump::pdu_to_json(&pdu, NO_DATA),
        Err(e) => dump::error_to_json(&e),
    };
    serde_json::to_string(&doc).unwrap()
}

/// `mmsdump --json --with-data | mmscompose`: the printed line parsed back
/// and composed.
fn dump_and_compose(pdu: &Pdu<'_>) -> Result<Vec<u8>, String> {
    let line = serde_json::to_string(&dump::pdu_to_json(pdu, WITH_DATA)).unwrap();
    let doc: Json = serde_json::from_str(&line).unwrap();
    compose::compose(&doc, None)
}

struct Row {
    file: String,
    kind: String,
    note: String,
}

fn manifest() -> Vec<Row> {
    let text = std::fs::read_to_string(corpus().join("MANIFEST.tsv")).expect("MANIFEST.tsv");
    let mut lines = text.lines();
    let head: Vec<&str> = lines.next().expect("a header line").split('\t').collect();
    let col = |name: &str| {
        head.iter()
            .position(|&c| c == name)
            .unwrap_or_else(|| panic!("no column {name} in MANIFEST.tsv"))
    };
    let (file, kind, note) = (col("file"), col("kind"), col("note"));
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let get = |k: usize| cols.get(k).copied().unwrap_or("").to_string();
            Row {
                file: get(file),
                kind: get(kind),
                note: get(note),
            }
        })
        .collect()
}

#[test]
fn corpus_dump_compose_dump_is_identical() {
    let mut checked = 0;
    let mut exact = 0;
    let mut malformed = 0;
    for row in manifest() {
        if row.kind == "wap-push" {
            continue; // a WSP push, not an MMS PDU at top level
        }
        assert!(
            matches!(row.kind.as_str(), "mms-pdu" | "hex-extracted"),
            "{}: unknown kind {}",
            row.file,
            row.kind
        );
        let path = corpus().join(&row.file);
        let bytes = std::fs::read(&path)
            .unwrap_or_else(|e| panic!("{} is listed but cannot be read: {e}", path.display()));
        let pdu = match Pdu::decode(&bytes) {
            Ok(p) => p,
            Err(e) => {
                assert!(
                    row.note.starts_with("malformed"),
                    "{} does not decode: {e}",
                    row.file
                );
                assert!(e.offset() <= bytes.len());
                malformed += 1;
                continue;
            }
        };
        let first = dump_line(&bytes);
        let composed = dump_and_compose(&pdu)
            .unwrap_or_else(|e| panic!("{}: mmscompose fails: {e}", row.file));
        let second = dump_line(&composed);
        assert_eq!(first, second, "{}: dump → compose → dump differs", row.file);
        // The JSON is lossless: the same octets, for every PDU the crate
        // re-encodes byte for byte.
        if pdu.encode().as_deref() == Ok(&bytes[..]) {
            assert!(
                composed == bytes,
                "{}: dump → compose gives other octets",
                row.file
            );
            exact += 1;
        }
        checked += 1;
    }
    assert!(checked >= 80, "only {checked} corpus files checked");
    assert_eq!(
        exact, checked,
        "every decodable corpus PDU re-encodes exactly"
    );
    assert!(malformed >= 1);
}

#[test]
fn known_retrieve_conf_dumps_as_expected() {
    // mmsd's rc-mms-1-3-con-212, read octet by octet:
    //   8C 84            X-Mms-Message-Type m-retrieve-conf
    //   98 "00000000212" X-Mms-Transaction-Id
    //   8D 93            X-Mms-MMS-Version 1.3
    //   85 04 4DE8AD31   Date 1307094321
    //   96 11 83 "MMS-1.3-con-212"   Subject, charset us-ascii
    //   89 18 80 "+33622222222/TYPE=PLMN"   From, address present
    //   97 "+33666565565/TYPE=PLMN"         To
    //   84 A3            Content-Type application/vnd.wap.multipart.mixed
    //   01               one entry: HeadersLen 0x2A, DataLen 0x3B,
    //     03 83 81 83    text/plain; charset=us-ascii
    //     C0 22 "<Text_us-ascii.txt>"      Content-ID (quoted-string)
    //     8E "/tmp/phpnjgFBV"              Content-Location
    //     59 octets of text
    let bytes = std::fs::read(corpus().join("mmsd/rc-mms-1-3-con-212.mms")).unwrap();
    assert_eq!(bytes.len(), 198);
    let pdu = Pdu::decode(&bytes).unwrap();
    let doc = dump::pdu_to_json(&pdu, NO_DATA);
    assert_eq!(doc["message_type"], "m-retrieve-conf");
    assert_eq!(doc["mms_version"], "1.3");
    assert_eq!(
        doc["headers"],
        json!([
            {"name": "X-Mms-Message-Type", "value": "m-retrieve-conf"},
            {"name": "X-Mms-Transaction-Id", "value": "00000000212"},
            {"name": "X-Mms-MMS-Version", "value": "1.3"},
            {"name": "Date", "value": 1_307_094_321u64},
            {"name": "Subject", "value": "MMS-1.3-con-212", "charset": "us-ascii"},
            {"name": "From", "value": "+33622222222/TYPE=PLMN"},
            {"name": "To", "value": "+33666565565/TYPE=PLMN"},
            {"name": "Content-Type", "value": "application/vnd.wap.multipart.mixed"}
        ])
    );
    assert_eq!(
        doc["body"],
        json!({
            "content_type": "application/vnd.wap.multipart.mixed",
            "parameters": {},
            "parts": [{
                "content_type": "text/plain",
                "parameters": {"charset": "us-ascii"},
                "headers": [
                    {"name": "Content-ID", "value": "<Text_us-ascii.txt>"},
                    {"name": "Content-Location", "value": "/tmp/phpnjgFBV"}
                ],
                "size": 59
            }]
        })
    );
    // Nothing beyond the documented keys for a clean PDU.
    let keys: Vec<&str> = doc
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["message_type", "mms_version", "headers", "body"]);
    // One line, keys in this order.
    assert!(dump_line(&bytes).starts_with(
        r#"{"message_type":"m-retrieve-conf","mms_version":"1.3","headers":[{"name":"X-Mms-Message-Type","#
    ));

    // --with-data adds the part's octets, base64.
    let with = dump::pdu_to_json(&pdu, WITH_DATA);
    let data = with["body"]["parts"][0]["data"].as_str().unwrap();
    use base64::Engine as _;
    let data = base64::engine::general_purpose::STANDARD
        .decode(data)
        .unwrap();
    assert_eq!(
        data,
        b"The quick brown fox jumped over the lazy dog 1234567890/!()"
    );
}

#[test]
fn malformed_input_gives_an_error_object_with_an_offset_inside_it() {
    // Cut inside From: its value-length (24 at offset 43) claims more than is left.
    let whole = std::fs::read(corpus().join("mmsd/rc-mms-1-3-con-212.mms")).unwrap();
    let cut = &whole[..0x30];
    let line = dump_line(cut);
    let doc: Json = serde_json::from_str(&line).unwrap();
    let keys: Vec<&String> = doc.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["error"]);
    let offset = doc["error"]["offset"].as_u64().unwrap() as usize;
    assert!(offset < cut.len(), "offset {offset}");
    assert_eq!(offset, 43);
    let message = doc["error"]["message"].as_str().unwrap();
    assert_eq!(message, Pdu::decode(cut).unwrap_err().to_string());
    assert!(message.contains("From"), "{message}");

    // Not an MMS PDU at all.
    let doc: Json = serde_json::from_str(&dump_line(b"This is not a PDU")).unwrap();
    assert_eq!(doc["error"]["offset"], 0);
    assert!(doc["error"]["message"]
        .as_str()
        .unwrap()
        .contains("X-Mms-Message-Type"));

    // Empty input, and a composer handed the error document.
    let doc: Json = serde_json::from_str(&dump_line(b"")).unwrap();
    assert_eq!(doc["error"]["offset"], 0);
    let e = compose::compose(&doc, None).unwrap_err();
    assert!(e.contains("decode error"), "{e}");
}

fn enc(s: &str) -> EncodedString<'_> {
    EncodedString::new(s).unwrap()
}

#[test]
fn composite_values_have_their_documented_json_forms() {
    let mut pdu = Pdu::new(MessageType::FORWARD_REQ, Version::V1_3);
    pdu.headers.insert(
        1,
        mms_pdu::Header::field(
            FieldCode::TRANSACTION_ID,
            Value::Text(Text::new("T9").unwrap()),
        ),
    );
    pdu.push(FieldCode::FROM, Value::From(FromValue::InsertAddress))
        .push(FieldCode::TO, Value::EncodedString(enc("user@example.com")))
        .push(
            FieldCode::PREVIOUSLY_SENT_BY,
            Value::PreviouslySentBy {
                count: 1,
                address: enc("+41791234567/TYPE=PLMN"),
            },
        )
        .push(
            FieldCode::PREVIOUSLY_SENT_DATE,
            Value::PreviouslySentDate {
                count: 1,
                date: 1_163_578_981,
            },
        )
        .push(
            FieldCode::MM_FLAGS,
            Value::MmFlags {
                op: 0x81,
                flag: enc("$Seen"),
            },
        )
        .push(
            FieldCode::MBOX_TOTALS,
            Value::MboxCount {
                kind: 0x80,
                value: 12,
            },
        )
        .push(
            FieldCode::MBOX_QUOTAS,
            Value::MboxCount {
                kind: 0x81,
                value: 40_960,
            },
        )
        .push(FieldCode::EXPIRY, Value::Time(Time::Relative(604_800)))
        .push(
            FieldCode::DELIVERY_TIME,
            Value::Time(Time::Absolute(1_163_578_981)),
        )
        .push(FieldCode::ATTRIBUTES, Value::Attribute(FieldCode::SUBJECT))
        .push(
            FieldCode::ELEMENT_DESCRIPTOR,
            Value::ElementDescriptor {
                reference: Text::new("cid:1").unwrap(),
                params: vec![(ElementItem::Short(2), ElementItem::Short(0x1E))],
            },
        )
        .push(FieldCode::MESSAGE_SIZE, Value::Long(1234))
        .push(FieldCode::READ_STATUS, Value::Token(0x81))
        .push(FieldCode::SUBJECT, Value::EncodedString(enc("Gruyère")));

    let expected = json!([
        {"name": "X-Mms-Message-Type", "value": "m-forward-req"},
        {"name": "X-Mms-Transaction-Id", "value": "T9"},
        {"name": "X-Mms-MMS-Version", "value": "1.3"},
        {"name": "From", "value": "<insert-address>"},
        {"name": "To", "value": "user@example.com"},
        {"name": "X-Mms-Previously-Sent-By", "value": {"count": 1, "address": "+41791234567/TYPE=PLMN"}},
        {"name": "X-Mms-Previously-Sent-Date", "value": {"count": 1, "date": 1_163_578_981u64}},
        {"name": "X-Mms-MM-Flags", "value": {"remove": "$Seen"}},
        {"name": "X-Mms-Mbox-Totals", "value": {"messages": 12}},
        {"name": "X-Mms-Mbox-Quotas", "value": {"bytes": 40960}},
        {"name": "X-Mms-Expiry", "value": {"relative": 604_800}},
        {"name": "X-Mms-Delivery-Time", "value": {"absolute": 1_163_578_981u64}},
        {"name": "X-Mms-Attributes", "value": "Subject"},
        {"name": "X-Mms-Element-Descriptor", "value": {"reference": "cid:1", "parameters": {"type": "image/jpeg"}}},
        {"name": "X-Mms-Message-Size", "value": 1234},
        {"name": "X-Mms-Read-Status", "value": "Deleted without being read"},
        {"name": "Subject", "value": "Gruyère"}
    ]);
    let doc = dump::pdu_to_json(&pdu, NO_DATA);
    assert_eq!(doc["headers"], expected);
    assert_eq!(doc["message_type"], "m-forward-req");
    assert_eq!(doc["body"], Json::Null);

    // The same after a trip through the wire, and the composer writes the
    // very octets the library does.
    let bytes = pdu.encode().unwrap();
    let back = Pdu::decode(&bytes).unwrap();
    assert_eq!(dump::pdu_to_json(&back, NO_DATA), doc);
    assert_eq!(dump_and_compose(&back).unwrap(), bytes);
}

#[test]
fn counted_forms_of_the_delete_confirmation() {
    let mut pdu = Pdu::new(MessageType::DELETE_CONF, Version::V1_2);
    pdu.push(
        FieldCode::CONTENT_LOCATION,
        Value::Counted {
            count: 2,
            value: Box::new(Value::Text(Text::new("http://mmsc/2").unwrap())),
        },
    )
    .push(
        FieldCode::RESPONSE_STATUS,
        Value::Counted {
            count: 2,
            value: Box::new(Value::Token(0x80)),
        },
    )
    .push(
        FieldCode::RESPONSE_TEXT,
        Value::Counted {
            count: 2,
            value: Box::new(Value::EncodedString(enc("done"))),
        },
    );
    let bytes = pdu.encode().unwrap();
    let back = Pdu::decode(&bytes).unwrap();
    let doc = dump::pdu_to_json(&back, NO_DATA);
    assert_eq!(
        doc["headers"].as_array().unwrap()[2..],
        [
            json!({"name": "X-Mms-Content-Location", "value": {"count": 2, "value": "http://mmsc/2"}}),
            json!({"name": "X-Mms-Response-Status", "value": {"count": 2, "value": "Ok"}}),
            json!({"name": "X-Mms-Response-Text", "value": {"count": 2, "value": "done"}}),
        ]
    );
    assert_eq!(dump_and_compose(&back).unwrap(), bytes);
}

#[test]
fn nested_multiparts_dispositions_and_raw_values_round_trip() {
    let text = |s: &'static str| Text::new(s).unwrap();
    let mut inner = Multipart::new();
    let mut smil = Part::new(
        ContentType::new(Media::from_name("application/smil"))
            .with(Parameter::charset(Charset::UTF_8)),
        &b"<smil/>"[..],
    );
    smil.headers.push(WspHeader::ContentId {
        id: text("<smil>"),
        quoted: true,
    });
    inner.parts.push(smil);
    let mut photo = Part::new(
        ContentType::new(Media::from_name("image/webp"))
            .with(Parameter::typed(0x05, ParamValue::Text(text("a b.webp")))),
        &[0xFFu8, 0x00, 0x7F][..],
    );
    photo.headers.push(WspHeader::ContentDisposition {
        code: 0x2E,
        disposition: Disposition::Attachment,
        params: vec![Parameter::typed(
            0x06,
            ParamValue::Text(text("say \"cheese\"; please.webp")),
        )],
    });
    photo.headers.push(WspHeader::WellKnown {
        code: 0x0D, // Content-Length, kept raw
        value: (&[0x83u8][..]).into(),
    });
    photo.headers.push(WspHeader::Application {
        name: text("X-Note"),
        value: text("kept"),
    });
    inner.parts.push(photo);
    let mut outer_part = Part::new(
        ContentType::new(Media::from_name("application/vnd.wap.multipart.related"))
            .with(Parameter::typed(
                0x09,
                ParamValue::Media(Media::from_name("application/smil")),
            ))
            .with(Parameter {
                name: ParamName::Text(text("x-extra")),
                value: ParamValue::TextValue(TextValue::Quoted(text("two words"))),
            }),
        Vec::new(),
    );
    outer_part.nested = Some(inner);
    let mut body = Multipart::new();
    body.parts.push(outer_part);
    body.parts.push(Part::new(
        ContentType::new(Media::from_name("text/plain")),
        &b"hi"[..],
    ));

    let mut pdu = Pdu::new(MessageType::SEND_REQ, Version::V1_2);
    pdu.push(FieldCode(0x5A), Value::Raw((&[0x81u8][..]).into()));
    pdu.headers.push(mms_pdu::Header::Application {
        name: text("X-Operator"),
        value: text("value"),
    });
    pdu.set_body(
        ContentType::new(Media::from_name("application/vnd.wap.multipart.mixed")),
        Body::Multipart(body),
    );
    let bytes = pdu.encode().unwrap();
    let back = Pdu::decode(&bytes).unwrap();
    let doc = dump::pdu_to_json(&back, NO_DATA);

    assert_eq!(doc["headers"][2], json!({"name": "0x5a", "raw": "81"}));
    assert_eq!(
        doc["headers"][3],
        json!({"name": "X-Operator", "value": "value"})
    );
    let outer = &doc["body"]["parts"][0];
    assert_eq!(
        outer["content_type"],
        "application/vnd.wap.multipart.related"
    );
    assert_eq!(
        outer["parameters"],
        json!({"type": "application/smil", "x-extra": "two words"})
    );
    assert!(outer["size"].as_u64().unwrap() > 10);
    let photo = &outer["parts"][1];
    assert_eq!(photo["content_type"], "image/webp");
    assert_eq!(photo["parameters"], json!({"name": "a b.webp"}));
    assert_eq!(photo["size"], 3);
    assert_eq!(
        photo["headers"],
        json!([
            {"name": "Content-Disposition", "value": r#"attachment; filename="say \"cheese\"; please.webp""#},
            {"name": "Content-Length", "raw": "83"},
            {"name": "X-Note", "value": "kept"}
        ])
    );
    assert_eq!(outer["parts"][0]["parameters"], json!({"charset": "utf-8"}));
    assert_eq!(doc["body"]["parts"][1]["size"], 2);

    // With the octets of the nested multipart dropped, the composer builds
    // it from its parts; the dump is the same either way.
    let line = serde_json::to_string(&dump::pdu_to_json(&back, WITH_DATA)).unwrap();
    let mut with: Json = serde_json::from_str(&line).unwrap();
    let again = compose::compose(&with, None).unwrap();
    assert_eq!(again, bytes);
    with["body"]["parts"][0]
        .as_object_mut()
        .unwrap()
        .remove("data");
    let rebuilt = compose::compose(&with, None).unwrap();
    assert_eq!(dump_line(&rebuilt), dump_line(&bytes));
}

#[test]
fn composes_a_hand_written_document() {
    let dir = std::env::temp_dir().join(format!("mms-pdu-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("pic.bin"), [1u8, 2, 3, 4]).unwrap();
    let doc = json!({
        "headers": [
            {"name": "X-Mms-Message-Type", "value": "M_SEND_REQ"},
            {"name": "X-Mms-Transaction-Id", "value": "T1"},
            {"name": "x-mms-mms-version", "value": "1.2"},
            {"name": "From", "value": "<insert-address>"},
            {"name": "To", "value": "+33612345678/TYPE=PLMN"},
            {"name": "Subject", "value": "Café"},
            {"name": "X-Mms-Delivery-Report", "value": "yes"},
            {"name": "X-Mms-Priority", "value": "0x82"},
            {"name": "Content-Type", "value": "application/vnd.wap.multipart.related"}
        ],
        "body": {
            "parameters": {"type": "application/smil", "start": "<smil>"},
            "parts": [
                {"content_type": "application/smil", "parameters": {"charset": "utf-8"},
                 "headers": [{"name": "Content-ID", "value": "<smil>"}],
                 "text": "<smil/>"},
                {"content_type": "image/png", "parameters": {"name": "pic.png"},
                 "headers": [{"name": "Content-Location", "value": "pic.png"}],
                 "file": "pic.bin"}
            ]
        }
    });
    let bytes = compose::compose(&doc, Some(&dir)).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let pdu = Pdu::decode(&bytes).unwrap();
    assert!(pdu.warnings.is_empty());
    let out = dump::pdu_to_json(&pdu, NO_DATA);
    assert_eq!(out["message_type"], "m-send-req");
    assert_eq!(
        out["headers"][5],
        json!({"name": "Subject", "value": "Café"})
    );
    assert_eq!(out["headers"][6]["value"], "Yes");
    assert_eq!(out["headers"][7]["value"], "High");
    assert_eq!(
        out["body"]["parameters"],
        json!({"type": "application/smil", "start": "<smil>"})
    );
    assert_eq!(out["body"]["parts"][0]["size"], 7);
    assert_eq!(out["body"]["parts"][1]["size"], 4);
    // Subject is not ASCII: tagged utf-8.
    match pdu.get(FieldCode::SUBJECT) {
        Some(Value::EncodedString(s)) => assert_eq!(s.charset(), Some(Charset::UTF_8)),
        other => panic!("{other:?}"),
    }

    // Errors say where.
    let bad = json!({"headers": [
        {"name": "X-Mms-Message-Type", "value": "m-send-req"},
        {"name": "X-Mms-Priority", "value": "Urgent"}
    ], "body": null});
    let e = compose::compose(&bad, None).unwrap_err();
    assert!(e.contains("headers[1]") && e.contains("Urgent"), "{e}");
    let bad = json!({"headers": [
        {"name": "X-Mms-Message-Type", "value": "m-send-req"},
        {"name": "Content-Type", "value": "text/plain"}
    ], "body": {"content_type": "text/plain", "parameters": {}, "size": 3}});
    let e = compose::compose(&bad, None).unwrap_err();
    assert!(e.contains("--with-data"), "{e}");
}

// ------------------------------------------------------------ WAP pushes

/// `mmsdump ARGS…` into a pipe: exit status, standard output, standard error.
fn run_mmsdump<S: AsRef<str>>(args: &[S]) -> (i32, String, String) {
    run_mmsdump_colour(args, false)
}

/// `mmsdump ARGS…`, `auto_colour` saying what `--color=auto` means (a
/// terminal that wants colours, or not).
fn run_mmsdump_colour<S: AsRef<str>>(args: &[S], auto_colour: bool) -> (i32, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = mmsdump::run(
        args.iter().map(|a| a.as_ref().to_string()),
        &mut out,
        &mut err,
        auto_colour,
    );
    (
        status,
        String::from_utf8(out).expect("UTF-8 output"),
        String::from_utf8(err).expect("UTF-8 messages"),
    )
}

/// `mmscompose ARGS… JSON-FILE` with `doc` in a temporary file: exit
/// status, standard output (octets), standard error.
fn run_mmscompose(args: &[&str], doc: &Json) -> (i32, Vec<u8>, String) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static SEQ: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "mms-pdu-cli-{}-{}.json",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, serde_json::to_string(doc).unwrap()).unwrap();
    let mut argv: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    argv.push(path.to_string_lossy().into_owned());
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = mmscompose::run(argv.into_iter(), &mut out, &mut err, false);
    std::fs::remove_file(&path).ok();
    (status, out, String::from_utf8(err).unwrap())
}

/// `mmsdump --json --with-data` of `bytes` with push `options`, parsed.
fn push_doc(bytes: &[u8], options: &[&str]) -> (i32, Json) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static SEQ: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "mms-pdu-cli-{}-{}.bin",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, bytes).unwrap();
    let mut args = vec!["--json", "--with-data"];
    args.extend_from_slice(options);
    let p = path.to_string_lossy().into_owned();
    args.push(&p);
    let (status, out, _) = run_mmsdump(&args);
    std::fs::remove_file(&path).ok();
    let doc = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    (status, doc)
}

fn corpus_pushes() -> Vec<Row> {
    let rows: Vec<Row> = manifest()
        .into_iter()
        .filter(|r| r.kind == "wap-push")
        .collect();
    assert!(rows.len() >= 30, "{} wap-push rows", rows.len());
    rows
}

#[test]
fn every_corpus_push_dumps_without_panic_in_every_view() {
    let mut decoded_mms = 0;
    for row in corpus_pushes() {
        let path = corpus().join(&row.file);
        let file = path.to_string_lossy().into_owned();
        for options in [
            &[][..],
            &["--push"][..],
            &["--search"][..],
            &["--connection-mode"][..],
        ] {
            for view in [&["--json"][..], &[][..], &["--hex"][..]] {
                let mut args: Vec<&str> = view.to_vec();
                args.push("--with-data");
                args.extend_from_slice(options);
                args.push(&file);
                let (status, out, err) = run_mmsdump(&args);
                assert!(
                    status == 0 || status == 1,
                    "{} {args:?}: status {status}: {err}",
                    row.file
                );
                assert!(!out.is_empty(), "{} {args:?}", row.file);
                if view == ["--json"] {
                    let doc: Json = serde_json::from_str(&out)
                        .unwrap_or_else(|e| panic!("{} {args:?}: {e}", row.file));
                    let failed = doc.get("error").is_some();
                    assert_eq!(failed, status == 1, "{} {args:?}: {out}", row.file);
                    if let Some(e) = doc.get("error") {
                        let at = e["offset"].as_u64().unwrap() as usize;
                        assert!(at <= std::fs::metadata(&path).unwrap().len() as usize);
                    }
                }
            }
        }
        // The default view: an MMS push shows the push and its PDU.
        let (status, doc) = push_doc(&std::fs::read(&path).unwrap(), &[]);
        if status == 0 && doc.get("message_type").is_some() {
            assert!(doc["push"].is_object(), "{}", row.file);
            assert_eq!(
                doc["push"]["content_type"], "application/vnd.wap.mms-message",
                "{}",
                row.file
            );
            assert!(!row.note.starts_with("malformed"), "{}", row.file);
            decoded_mms += 1;
        }
    }
    assert!(decoded_mms >= 19, "{decoded_mms} MMS pushes dumped");
}

#[test]
fn corpus_pushes_round_trip_dump_compose_dump() {
    let (mut checked, mut exact, mut repaired, mut quoted) = (0, 0, 0, 0);
    for row in corpus_pushes() {
        let bytes = std::fs::read(corpus().join(&row.file)).unwrap();
        let (status, first) = push_doc(&bytes, &[]);
        if status != 0 || first.get("push").is_none() {
            continue; // not a push, or its MMS PDU does not decode
        }
        let (cstatus, composed, err) = run_mmscompose(&["--lenient"], &first);
        assert_eq!(cstatus, 0, "{}: {err}", row.file);
        let (status, second) = push_doc(&composed, &[]);
        assert_eq!(status, 0, "{}", row.file);
        let mut expected = first.clone();
        if first["push"].get("warnings").is_some() {
            // A framing deviation (HeadersLen 0) is written the way the
            // standard says, so the warning goes away and nothing else.
            expected["push"].as_object_mut().unwrap().remove("warnings");
            repaired += 1;
        }
        // Text that opened without its Quote (WAP-230 §8.4.2.1) is written
        // with it: that warning goes away too, and nothing else.
        if let Some(w) = expected.get_mut("warnings").and_then(Json::as_array_mut) {
            let before = w.len();
            w.retain(|w| {
                !w["message"]
                    .as_str()
                    .unwrap_or("")
                    .contains("a Quote (0x7F) before")
            });
            if w.len() != before {
                quoted += 1;
            }
        }
        assert_eq!(
            second, expected,
            "{}: dump → compose → dump differs",
            row.file
        );
        if composed == bytes {
            exact += 1;
        }
        checked += 1;
    }
    assert!(checked >= 23, "{checked} pushes round-tripped");
    assert!(exact >= 20, "only {exact} of {checked} byte for byte");
    assert_eq!(repaired, 1);
    assert_eq!(quoted, 1);
}

#[test]
fn push1_json_carries_the_push_as_read_by_hand() {
    // mmsd's test-wsputil push1, read octet by octet (xxd):
    //   01                TID 1
    //   06                PDU type Push
    //   24                HeadersLen 36
    //   "application/vnd.wap.mms-message" 00   content type as text (32 octets)
    //   AF 84             X-Wap-Application-Id (0x2F): code 4, x-wap-application:mms.ua
    //   B4 86             Push-Flag (0x34): 6 (trusted, last push message)
    //   8C 82 …           from offset 39: an m-notification-ind of 68 octets
    let path = corpus().join("mmsd/test-wsputil-push1.bin");
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(bytes.len(), 107);
    assert_eq!(&bytes[..3], [0x01, 0x06, 0x24]);
    assert_eq!(&bytes[3..35], b"application/vnd.wap.mms-message\0");
    assert_eq!(&bytes[35..41], [0xAF, 0x84, 0xB4, 0x86, 0x8C, 0x82]);

    let (status, out, _) = run_mmsdump(&["--json", &path.to_string_lossy()]);
    assert_eq!(status, 0);
    let doc: Json = serde_json::from_str(&out).unwrap();
    assert_eq!(
        doc["push"],
        json!({
            "tid": 1,
            "pdu_type": "Push",
            "content_type": "application/vnd.wap.mms-message",
            // Written as text, not as the well-known code 0xBE.
            "content_type_wire": dump::hex(b"application/vnd.wap.mms-message\0"),
            "headers": [
                {"name": "X-Wap-Application-Id", "value": "x-wap-application:mms.ua"},
                {"name": "Push-Flag", "value": 6}
            ]
        })
    );
    let keys: Vec<&str> = doc
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["push", "message_type", "mms_version", "headers", "body"]
    );
    // Beside the push, the MMS document as for the PDU alone.
    let alone = dump::pdu_to_json(&Pdu::decode(&bytes[39..]).unwrap(), NO_DATA);
    for key in ["message_type", "mms_version", "headers", "body"] {
        assert_eq!(doc[key], alone[key], "{key}");
    }
    assert_eq!(doc["message_type"], "m-notification-ind");
    assert_eq!(
        doc["headers"][1],
        json!({"name": "X-Mms-Transaction-Id", "value": "OgQKKB"})
    );

    // The tree shows the push first.
    let (status, tree, _) = run_mmsdump(&[&path.to_string_lossy()]);
    assert_eq!(status, 0);
    let push_at = tree.find("WSP Push").unwrap();
    let mms_at = tree.find("m-notification-ind").unwrap();
    assert!(push_at < mms_at, "{tree}");
    assert!(tree.contains("TID: 1"), "{tree}");
    assert!(tree.contains("Push-Flag: 6"), "{tree}");
    assert!(tree.contains("[MMS PDU at offset 39]"), "{tree}");
}

#[test]
fn push_integer_app_id_text_and_unknown_headers_have_their_json_forms() {
    use mms_pdu::wsp::push::{integer_header, Push, CONTENT_LENGTH, PUSH_FLAG};
    let notification = {
        let mut p = Pdu::new(MessageType::NOTIFICATION_IND, Version::V1_2);
        p.headers.insert(
            1,
            mms_pdu::Header::field(
                FieldCode::TRANSACTION_ID,
                Value::Text(Text::new("T1").unwrap()),
            ),
        );
        p.push(
            FieldCode::MESSAGE_CLASS,
            Value::MessageClass(mms_pdu::MessageClass::Token(0x80)),
        )
        .push(FieldCode::MESSAGE_SIZE, Value::Long(300))
        .push(FieldCode::EXPIRY, Value::Time(Time::Relative(3600)))
        .push(
            FieldCode::CONTENT_LOCATION,
            Value::Text(Text::new("http://mmsc/1").unwrap()),
        );
        p.encode().unwrap()
    };
    let mut push = Push::mms(9, notification.clone());
    push.headers.push(integer_header(CONTENT_LENGTH, 300)); // long form
    push.headers.push(integer_header(PUSH_FLAG, 0));
    push.headers.push(WspHeader::WellKnown {
        code: 0x12, // Date
        value: vec![0x04, 0x45, 0x5B, 0x24, 0x65].into(),
    });
    push.headers.push(WspHeader::WellKnown {
        code: 0x31, // X-Wap-Initiator-URI
        value: b"http://mmsc/\0".to_vec().into(),
    });
    push.headers.push(WspHeader::WellKnown {
        code: 0x2F, // a second application id, as a URI
        value: b"x-wap-application:mms.ua\0".to_vec().into(),
    });
    push.headers.push(WspHeader::WellKnown {
        code: 0x0D, // Content-Length with a needless long form
        value: vec![0x01, 0x05].into(),
    });
    push.headers.push(WspHeader::WellKnown {
        code: 0x4F, // no such header: kept as octets
        value: vec![0x81].into(),
    });
    push.headers.push(WspHeader::Application {
        name: Text::new("X-Operator").unwrap(),
        value: Text::new("yes").unwrap(),
    });
    let bytes = push.to_vec().unwrap();
    let (status, doc) = push_doc(&bytes, &[]);
    assert_eq!(status, 0, "{doc}");
    assert_eq!(
        doc["push"],
        json!({
            "tid": 9,
            "pdu_type": "Push",
            "content_type": "application/vnd.wap.mms-message",
            "headers": [
                {"name": "X-Wap-Application-Id", "value": "x-wap-application:mms.ua"},
                {"name": "Content-Length", "value": 300},
                {"name": "Push-Flag", "value": 0},
                {"name": "Date", "value": 1_163_600_997u64},
                {"name": "X-Wap-Initiator-URI", "value": "http://mmsc/"},
                {"name": "X-Wap-Application-Id", "value": "x-wap-application:mms.ua",
                 "wire": dump::hex(b"x-wap-application:mms.ua\0")},
                {"name": "Content-Length", "value": 5, "wire": "0105"},
                {"name": "0x4f", "raw": "81"},
                {"name": "X-Operator", "value": "yes"}
            ]
        })
    );
    assert_eq!(doc["message_type"], "m-notification-ind");
    // Composed back octet for octet, and without the wires, canonically.
    let (status, again, err) = run_mmscompose(&[], &doc);
    assert_eq!(status, 0, "{err}");
    assert_eq!(again, bytes);
    let mut edited = doc.clone();
    for h in edited["push"]["headers"].as_array_mut().unwrap() {
        h.as_object_mut().unwrap().remove("wire");
    }
    let (status, canonical, err) = run_mmscompose(&[], &edited);
    assert_eq!(status, 0, "{err}");
    let back = mms_pdu::wsp::push::Push::decode(&canonical).unwrap();
    assert_eq!(
        back.headers[5],
        WspHeader::WellKnown {
            code: 0x2F,
            value: vec![0x84].into()
        }
    );
    assert_eq!(
        back.headers[6],
        WspHeader::WellKnown {
            code: 0x0D,
            value: vec![0x85].into()
        }
    );
    assert_eq!(back.body.as_ref(), &notification[..]);
}

#[test]
fn a_push_of_something_else_shows_its_body_and_a_broken_mms_push_its_error() {
    // push3: a DRM rights object for drm.ua.
    let bytes = std::fs::read(corpus().join("mmsd/test-wsputil-push3.bin")).unwrap();
    let (status, out, _) = run_mmsdump(&[
        "--json",
        &corpus()
            .join("mmsd/test-wsputil-push3.bin")
            .to_string_lossy(),
    ]);
    assert_eq!(status, 0);
    let doc: Json = serde_json::from_str(&out).unwrap();
    assert_eq!(
        doc,
        json!({
            "push": {
                "tid": 0x4C,
                "pdu_type": "Push",
                "content_type": "application/vnd.oma.drm.rights+wbxml",
                "headers": [{"name": "X-Wap-Application-Id", "value": "x-wap-application:drm.ua"}]
            },
            "body": {"content_type": "application/vnd.oma.drm.rights+wbxml", "size": bytes.len() - 6}
        })
    );
    // With its octets it composes back.
    let (_, doc) = push_doc(&bytes, &[]);
    let (status, again, err) = run_mmscompose(&[], &doc);
    assert_eq!(status, 0, "{err}");
    assert_eq!(again, bytes);

    // T-Mobile Poland, cut inside From: the error's offset is in the push.
    let file = corpus().join("muditaos/unittest_Pdu-IncompleteTMobile.bin");
    let bytes = std::fs::read(&file).unwrap();
    let push = mms_pdu::wsp::push::Push::decode(&bytes).unwrap();
    let inner = push.mms_pdu().unwrap().unwrap_err();
    let (status, out, _) = run_mmsdump(&["--json", &file.to_string_lossy()]);
    assert_eq!(status, 1);
    let doc: Json = serde_json::from_str(&out).unwrap();
    let keys: Vec<&String> = doc.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["push", "error"]);
    assert_eq!(push.body_offset, 6);
    assert_eq!(
        doc["error"]["offset"].as_u64().unwrap() as usize,
        push.body_offset + inner.offset()
    );
    assert!(doc["error"]["message"].as_str().unwrap().contains("From"));
    // The composer refuses it.
    let (status, _, err) = run_mmscompose(&[], &doc);
    assert_eq!(status, 1);
    assert!(err.contains("did not decode"), "{err}");
}

#[test]
fn push_options_connection_mode_search_and_forced_push() {
    use mms_pdu::wsp::push::{Push, PushType};
    let mms = std::fs::read(corpus().join("mmsd/ni-mms-1-3-con-271.mms")).unwrap();
    let mut push = Push::mms(0, mms.clone());
    push.tid = None;
    push.pdu_type = PushType::ConfirmedPush;
    let bytes = push.to_vec().unwrap();
    let (status, doc) = push_doc(&bytes, &["--connection-mode"]);
    assert_eq!(status, 0, "{doc}");
    assert_eq!(doc["push"]["tid"], Json::Null);
    assert_eq!(doc["push"]["pdu_type"], "ConfirmedPush");
    assert_eq!(doc["message_type"], "m-notification-ind");
    let (status, again, _) = run_mmscompose(&[], &doc);
    assert_eq!(status, 0);
    // The same framing (no TID, ConfirmedPush, HeadersLen 3, content type
    // and app id codes); the MMS PDU the same document (its us-ascii tagged
    // Subject is written untagged).
    assert_eq!(again[..5], bytes[..5]);
    assert_eq!(again[..2], [0x07, 0x03]);
    assert_eq!(push_doc(&again, &["--connection-mode"]).1, doc);

    // Junk before a push: found with --search, its offsets count the junk.
    let mut junk = vec![0xFF, 0x00, 0xFF];
    junk.extend(Push::mms(3, mms.clone()).to_vec().unwrap());
    let (status, doc) = push_doc(&junk, &[]);
    assert_eq!(status, 1);
    assert!(doc.get("error").is_some());
    let (status, doc) = push_doc(&junk, &["--search"]);
    assert_eq!(status, 0, "{doc}");
    assert_eq!(doc["push"]["tid"], 3);
    assert_eq!(doc["push"]["warnings"][0]["offset"], 0);
    assert_eq!(
        doc["headers"],
        dump::pdu_to_json(&Pdu::decode(&mms).unwrap(), NO_DATA)["headers"]
    );

    // A plain MMS PDU is no push.
    let (status, doc) = push_doc(&mms, &["--push"]);
    assert_eq!(status, 1);
    assert!(
        doc["error"]["message"].as_str().unwrap().contains("push"),
        "{doc}"
    );
    let (status, doc) = push_doc(&mms, &[]);
    assert_eq!(status, 0);
    assert!(doc.get("push").is_none());
}

#[test]
fn sms_split_reassemble_dump_round_trip() {
    // A push of 170 octets: two short messages.
    let file = corpus().join("nuntium/push_decode_test-TestDecodeATTUSA.bin");
    let bytes = std::fs::read(&file).unwrap();
    let (_, doc) = push_doc(&bytes, &[]);
    let (status, lines, err) = run_mmscompose(&["--sms", "--reference", "42"], &doc);
    assert_eq!(status, 0, "{err}");
    let lines = String::from_utf8(lines).unwrap();
    let segments: Vec<&str> = lines.lines().collect();
    assert_eq!(segments.len(), 2);
    for (k, s) in segments.iter().enumerate() {
        // UDHL 11: ports 2948 ← 9200, concatenation ref 42, 2 segments, this one k+1.
        let head = format!("0b05040b8423f000032a020{}", k + 1);
        assert!(s.starts_with(&head), "{s}");
        assert!(s.len() <= 2 * 140);
    }
    // In any order, back to the same document, with how it travelled.
    let mut args = vec!["--json", "--with-data", "--sms"];
    args.extend(segments.iter().rev());
    let (status, out, err) = run_mmsdump(&args);
    assert_eq!(status, 0, "{err}");
    let mut back: Json = serde_json::from_str(&out).unwrap();
    assert_eq!(
        back["sms"],
        json!({"segments": 2, "destination_port": 2948, "source_port": 9200})
    );
    back.as_object_mut().unwrap().remove("sms");
    let (_, recomposed) = push_doc(&compose::compose(&doc, None).unwrap(), &[]);
    assert_eq!(back, recomposed);
    assert_eq!(back["push"], doc["push"]);

    // A retrieve-conf in a push, over many messages with a 16-bit reference.
    let rc = std::fs::read(corpus().join("mmsd/rc-mms-1-3-con-210.mms")).unwrap();
    let push = mms_pdu::wsp::push::Push::mms(7, rc.clone())
        .to_vec()
        .unwrap();
    let (_, doc) = push_doc(&push, &[]);
    let (status, lines, _) = run_mmscompose(&["--sms", "--reference", "4660"], &doc);
    assert_eq!(status, 0);
    let lines = String::from_utf8(lines).unwrap();
    let segments: Vec<&str> = lines.lines().collect();
    assert_eq!(segments.len(), push.len().div_ceil(140 - 13));
    assert!(
        segments[0].starts_with("0c05040b8423f008041234"),
        "{}",
        segments[0]
    );
    let mut args = vec!["--json", "--with-data", "--sms"];
    args.extend(segments.iter().step_by(2));
    args.extend(segments.iter().skip(1).step_by(2));
    let (status, out, err) = run_mmsdump(&args);
    assert_eq!(status, 0, "{err}");
    let back: Json = serde_json::from_str(&out).unwrap();
    assert_eq!(back["sms"]["segments"], segments.len());
    assert_eq!(back["headers"], doc["headers"]);
    assert_eq!(back["body"], doc["body"]);

    // A document without a push is wrapped in one for --sms.
    let (_, plain) = push_doc(&rc, &[]);
    assert!(plain.get("push").is_none());
    let (status, lines2, _) = run_mmscompose(&["--sms", "--reference", "4660"], &plain);
    assert_eq!(status, 0);
    let wrapped: Vec<String> = String::from_utf8(lines2)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let (status, out, _) = run_mmsdump(
        &[
            &["--json", "--sms"][..],
            &wrapped.iter().map(String::as_str).collect::<Vec<_>>(),
        ]
        .concat(),
    );
    assert_eq!(status, 0);
    let back: Json = serde_json::from_str(&out).unwrap();
    assert_eq!(back["push"]["tid"], 0);
    assert_eq!(back["headers"], plain["headers"]);
}

#[test]
fn sms_errors_are_said_in_words() {
    let segs = mms_pdu::sms::split(
        &[0x42; 300],
        &mms_pdu::sms::SplitOptions {
            reference: 5,
            ..Default::default()
        },
    )
    .unwrap();
    let hex: Vec<String> = segs.iter().map(|s| dump::hex(s)).collect();
    let cases: [(Vec<&str>, &str); 5] = [
        (vec!["0605zz"], "not hex"),
        (vec!["06050"], "odd number of hex digits"),
        (vec!["0905040b8423f0"], "user data header"),
        (vec![&hex[0], &hex[2]], "missing 2"),
        (vec!["05000305040542"], "segment 5 of 4"),
    ];
    for (args, want) in cases {
        let mut argv = vec!["--json", "--sms"];
        argv.extend(args.iter().copied());
        let (status, out, err) = run_mmsdump(&argv);
        assert_eq!(status, 1, "{args:?}");
        assert!(out.is_empty(), "{out}");
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(err.starts_with("mmsdump: --sms: "), "{err}");
    }
    // Usage errors.
    let (status, _, err) = run_mmsdump(&["--sms"]);
    assert_eq!(status, 2);
    assert!(err.contains("--sms needs"), "{err}");
    let (status, _, err) = run_mmscompose(&["--reference", "3"], &json!({}));
    assert_eq!(status, 2);
    assert!(err.contains("--reference goes with --sms"), "{err}");
}

#[test]
fn help_texts_tell_of_pushes_and_sms() {
    let (status, out, _) = run_mmsdump(&["--help"]);
    assert_eq!(status, 0);
    for word in [
        "--push",
        "--connection-mode",
        "--search",
        "--sms",
        "\"push\"",
    ] {
        assert!(out.contains(word), "mmsdump --help lacks {word}");
    }
    let (mut o, mut e) = (Vec::new(), Vec::new());
    assert_eq!(
        mmscompose::run(["--help".to_string()].into_iter(), &mut o, &mut e, true),
        0
    );
    let out = String::from_utf8(o).unwrap();
    for word in ["--sms", "--reference", "push", "tid", "Push-Flag"] {
        assert!(out.contains(word), "mmscompose --help lacks {word}");
    }
}

#[test]
fn strict_mode_prints_header_table_violations_and_fails() {
    // Sailfish's m-delivery-ind carries an X-Mms-Transaction-Id, which the
    // header table of m-delivery-ind (MMS_ENC 1.3 §6.5) does not list.
    let file = corpus().join("sailfish/test_mms_codec-m-delivery_2.ind");
    let file = file.to_str().unwrap();
    let (status, out, _) = run_mmsdump(&["--strict", file]);
    assert_eq!(status, 1);
    assert!(
        out.contains("m-delivery-ind: header X-Mms-Transaction-Id is not allowed in this PDU type"),
        "{out}"
    );
    // Without --strict: the same line as a warning, exit 0; in JSON under "warnings".
    let (status, out, _) = run_mmsdump(&[file]);
    assert_eq!(status, 0);
    assert!(out.contains("not allowed in this PDU type"));
    let (status, out, _) = run_mmsdump(&["--json", file]);
    assert_eq!(status, 0);
    let doc: Json = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(
        doc["warnings"],
        serde_json::json!([{"message": "m-delivery-ind: header X-Mms-Transaction-Id is not allowed in this PDU type"}])
    );
    // A clean PDU passes --strict.
    let clean = corpus().join("mmsd/rc-mms-1-3-con-212.mms");
    let (status, _, _) = run_mmsdump(&["--strict", clean.to_str().unwrap()]);
    assert_eq!(status, 0);
    // A value off its grammar is an error in strict mode: the truncated Content-Location.
    let bad = corpus().join("capcom6/MMSParserTest-simpleTest.mms");
    let (status, out, _) = run_mmsdump(&["--strict", "--json", bad.to_str().unwrap()]);
    assert_eq!(status, 1);
    assert!(out.contains("\"error\""), "{out}");
}

#[test]
fn the_smil_presentation_is_dumped_with_part_indices() {
    let file = corpus().join("sailfish/test_mms_codec-m-retrieve_1.conf");
    let (status, out, _) = run_mmsdump(&["--json", file.to_str().unwrap()]);
    assert_eq!(status, 0);
    let doc: Json = serde_json::from_str(out.trim()).unwrap();
    let p = &doc["presentation"];
    assert_eq!(
        p["layout"]["root"],
        serde_json::json!({"width": "100%", "height": "100%"})
    );
    assert_eq!(
        p["layout"]["regions"][1],
        serde_json::json!({"id": "Text", "top": "0%", "left": "0%", "width": "100%", "height": "33%"})
    );
    assert_eq!(p["slides"][0]["dur_ms"], 5000);
    assert_eq!(
        p["slides"][0]["media"],
        serde_json::json!([
            {"kind": "img", "src": "pic_49c2735abe536994f5a7b85c08af6199.jpg", "region": "Image", "part": 2},
            {"kind": "text", "src": "text_001.txt", "region": "Text", "part": 1}
        ])
    );
    // The part indices point at the parts the sources name.
    let parts = &doc["body"]["parts"];
    assert_eq!(parts[2]["content_type"], "image/jpeg");
    assert_eq!(parts[1]["content_type"], "text/plain");
    // The tree view lists the same.
    let (_, tree, _) = run_mmsdump(&[file.to_str().unwrap()]);
    assert!(
        tree.contains("img pic_49c2735abe536994f5a7b85c08af6199.jpg in Image -> part 3"),
        "{tree}"
    );
}

// ------------------------------------------------- --summary and --color

/// A file of the corpus, as an argument.
fn corpus_arg(file: &str) -> String {
    corpus().join(file).to_string_lossy().into_owned()
}

/// `bytes` in a temporary file named after `name`; removed by the caller.
fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("mms-pdu-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// What `--summary` should say of a PDU the library decoded: its status.
fn expected_status(pdu: &Pdu<'_>, strict: bool) -> String {
    let violations = mms_pdu::mms::rules::check(pdu).len();
    let warnings = pdu.warnings.len() + if strict { 0 } else { violations };
    let plural = |n: usize, what: &str| {
        if n == 1 {
            format!("1 {what}")
        } else {
            format!("{n} {what}s")
        }
    };
    match (strict && violations > 0, warnings > 0) {
        (false, false) => "OK".into(),
        (true, false) => plural(violations, "violation"),
        (false, true) => plural(warnings, "warning"),
        (true, true) => format!(
            "{}, {}",
            plural(violations, "violation"),
            plural(warnings, "warning")
        ),
    }
}

/// Checks the summary `line` of `file` against what the library decodes of
/// `bytes` (the MMS PDU, or the one its push carries): the columns, the
/// key facts and the status.
fn check_summary_line(line: &str, file: &str, bytes: &[u8], push: bool) {
    let pdu = if push {
        let v = dump::decode_push(bytes, &Default::default()).unwrap();
        match v.mms {
            Some(Ok(pdu)) => pdu,
            other => panic!("{file}: {other:?}"),
        }
    } else {
        Pdu::decode(bytes).unwrap()
    };
    let columns: Vec<&str> = line.split_whitespace().collect();
    let mt = match pdu.get(FieldCode::MESSAGE_TYPE) {
        Some(Value::Token(b)) => dump::token_name(FieldCode::MESSAGE_TYPE, *b),
        other => panic!("{file}: message type {other:?}"),
    };
    let kind = if push { format!("push({mt})") } else { mt };
    assert_eq!(columns[0], file, "{line}");
    assert_eq!(columns[1], kind, "{line}");
    assert_eq!(columns[2], pdu.version().unwrap().to_string(), "{line}");
    assert_eq!(columns[3], bytes.len().to_string(), "{line}");
    let text = |code: FieldCode| match pdu.get(code).and_then(|v| dump::value_to_json(code, v)) {
        Some(Json::String(s)) => Some(s),
        _ => None,
    };
    match text(FieldCode::SUBJECT) {
        Some(s) if s.chars().count() <= 40 => {
            assert!(line.contains(&format!(" subject={s:?} ")), "{line}")
        }
        Some(s) => {
            let cut: String = s.chars().take(40).collect();
            assert!(
                line.contains(&format!(" subject={:?} ", format!("{cut}…"))),
                "{line}"
            )
        }
        None => assert!(!line.contains(" subject="), "{line}"),
    }
    match &pdu.body {
        Some(Body::Multipart(m)) => {
            assert!(
                line.contains(&format!(" parts={} ", m.parts.len())),
                "{line}"
            )
        }
        _ => assert!(!line.contains(" parts="), "{line}"),
    }
    // Quoted when it holds a space or what Rust's escapes escape.
    let fact = |key: &str, v: &str| {
        let quoted = format!("{v:?}");
        if v.contains(char::is_whitespace) || quoted.len() != v.len() + 2 {
            format!(" {key}={quoted}")
        } else {
            format!(" {key}={v}")
        }
    };
    if let Some(t) = text(FieldCode::TRANSACTION_ID) {
        assert!(line.contains(&format!("{} ", fact("tid", &t))), "{line}");
    }
    if let Some(l) = text(FieldCode::CONTENT_LOCATION) {
        assert!(
            line.contains(&format!("{} ", fact("location", &l))),
            "{line}"
        );
    }
    if let Some(Json::String(to)) = pdu
        .get(FieldCode::TO)
        .and_then(|v| dump::value_to_json(FieldCode::TO, v))
    {
        assert!(line.contains(&format!(" to={to}")), "{line}");
    }
    assert!(
        line.ends_with(&format!(" {}", expected_status(&pdu, false))),
        "{line}"
    );
}

#[test]
fn summary_is_one_line_per_file_with_what_the_library_decodes() {
    let files = [
        ("mmsd/rc-mms-1-3-con-210.mms", false),
        ("mmsd/rc-mms-1-3-con-211.mms", false),
        ("mmsd/sr-mms-related-multi-to.mms", false),
        ("mmsd/ni-mms-1-3-con-271.mms", false),
        ("mmsd/test-mmsutil-mms_m_retrieve_conf_2.mms", false),
        ("mmsd/test-wsputil-push1.bin", true),
        ("sailfish/test_mms_codec-m-retrieve_2.conf", false),
        ("sailfish/test_mms_codec-m-retrieve_1.conf", false),
        (
            "capcom6/MMSParserTest-parseMNotificationIndTest-1.mms",
            false,
        ),
        ("sailfish/test_mms_codec-m-send_1.req", false),
    ];
    let args: Vec<String> = std::iter::once("--summary".to_string())
        .chain(files.iter().map(|(f, _)| corpus_arg(f)))
        .collect();
    let (status, out, err) = run_mmsdump(&args);
    assert_eq!(status, 0, "{err}");
    assert_eq!(err, "");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), files.len(), "{out}");
    for ((file, push), line) in files.iter().zip(&lines) {
        let path = corpus_arg(file);
        let bytes = std::fs::read(&path).unwrap();
        check_summary_line(line, &path, &bytes, *push);
    }
    // The columns line up: every TYPE starts at the same place.
    let at: Vec<usize> = files
        .iter()
        .zip(&lines)
        .map(|((f, _), l)| {
            let file = corpus_arg(f);
            assert!(l.starts_with(&file), "{l}");
            file.len() + l[file.len()..].find(|c: char| c != ' ').unwrap()
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] == w[1]), "{out}");
    // Those facts as read by hand, besides.
    assert!(
        lines[2].contains(" to=+33612345678/TYPE=PLMN(+1) "),
        "{}",
        lines[2]
    );
    assert!(lines[2].contains(" from=<insert-address> "), "{}", lines[2]);
    assert!(
        lines[3].contains(" location=\" http://eps3.de/O/Z9IZO\" "),
        "{}",
        lines[3]
    );
    assert!(
        lines[5].contains(" location=http://eps3.de/O/Z9IZO OK"),
        "{}",
        lines[5]
    );
    assert!(lines[4].ends_with(" 1 warning"), "{}", lines[4]);

    // Over the whole corpus: one line per file, and the status of --json.
    let mut all: Vec<String> = manifest().iter().map(|r| corpus_arg(&r.file)).collect();
    all.insert(0, "--summary".into());
    let (status, out, _) = run_mmsdump(&all);
    assert_eq!(status, 1, "the corpus holds inputs that do not decode");
    assert_eq!(out.lines().count(), all.len() - 1);
    all[0] = "--json".into();
    let (json_status, json, _) = run_mmsdump(&all);
    assert_eq!(json_status, status);
    for (line, doc) in out.lines().zip(json.lines()) {
        let doc: Json = serde_json::from_str(doc).unwrap();
        assert_eq!(
            line.contains(" error at offset "),
            doc.get("error").is_some(),
            "{line}"
        );
    }
}

#[test]
fn summary_of_a_truncated_file_gives_its_error_and_offset() {
    let whole = std::fs::read(corpus().join("mmsd/rc-mms-1-3-con-210.mms")).unwrap();
    let cut = &whole[..120];
    let e = Pdu::decode(cut).unwrap_err();
    let path = temp_file("truncated.mms", cut);
    let good = corpus_arg("mmsd/rc-mms-1-3-con-212.mms");
    let (status, out, _) = run_mmsdump(&["--summary", path.to_str().unwrap(), &good]);
    std::fs::remove_file(&path).ok();
    assert_eq!(status, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    let columns: Vec<&str> = lines[0].split_whitespace().collect();
    // The type its first octets name; no version; the octet count.
    assert_eq!(
        columns[..4],
        [path.to_str().unwrap(), "m-retrieve-conf", "-", "120"]
    );
    assert!(
        lines[0].ends_with(&format!(" error {e}")),
        "{}: expected the error {e}",
        lines[0]
    );
    assert!(lines[0].contains(&format!(" error at offset {}: ", e.offset())));
    assert!(lines[1].ends_with(" OK"), "{}", lines[1]);
}

#[test]
fn summary_counts_violations_with_strict_and_takes_push_and_sms() {
    let file = corpus_arg("sailfish/test_mms_codec-m-delivery_2.ind");
    let (status, out, _) = run_mmsdump(&["--summary", "--strict", &file]);
    assert_eq!(status, 1);
    assert!(out.trim_end().ends_with(" 1 violation"), "{out}");
    let (status, out, _) = run_mmsdump(&["--summary", &file]);
    assert_eq!(status, 0);
    assert!(out.trim_end().ends_with(" 1 warning"), "{out}");

    // A forced push, and a push of something else than MMS.
    let push = corpus_arg("nuntium/push_decode_test-TestDecodeATTUSA.bin");
    let bytes = std::fs::read(&push).unwrap();
    let (status, out, _) = run_mmsdump(&["--summary", "--push", &push]);
    assert_eq!(status, 0);
    check_summary_line(out.trim_end(), &push, &bytes, true);
    let other = corpus_arg("mmsd/test-wsputil-push4.bin");
    let (status, out, _) = run_mmsdump(&["--summary", &other]);
    assert_eq!(status, 0);
    assert!(
        out.contains(" push(application/vnd.syncml.notification) "),
        "{out}"
    );

    // Over SMS: the reassembled message, labelled as in the tree.
    let (_, doc) = push_doc(&bytes, &[]);
    let (_, lines, _) = run_mmscompose(&["--sms"], &doc);
    let lines = String::from_utf8(lines).unwrap();
    let mut args = vec!["--summary", "--sms"];
    args.extend(lines.lines());
    let (status, out, err) = run_mmsdump(&args);
    assert_eq!(status, 0, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with("SMS message 1  push(m-notification-ind) "),
        "{out}"
    );
    assert!(out.contains(" segments=2 "), "{out}");
}

#[test]
fn summary_escapes_and_cuts_a_hostile_subject() {
    // TEXT cannot open with a control octet: the escape comes second.
    let subject = format!("!\u{1b}[31mred\u{1b}[0m \"quoted\"\n{}", "x".repeat(60));
    let doc = json!({
        "headers": [
            {"name": "X-Mms-Message-Type", "value": "m-send-req"},
            {"name": "X-Mms-Transaction-Id", "value": "T 1"},
            {"name": "X-Mms-MMS-Version", "value": "1.3"},
            {"name": "From", "value": "<insert-address>"},
            {"name": "To", "value": "+33612345678/TYPE=PLMN"},
            {"name": "To", "value": "a@example.com"},
            {"name": "To", "value": "b@example.com"},
            {"name": "Subject", "value": subject},
            {"name": "Content-Type", "value": "text/plain"}
        ],
        "body": {"content_type": "text/plain", "parameters": {}, "text": "hi"}
    });
    let bytes = compose::compose(&doc, None).unwrap();
    let path = temp_file("hostile.mms", &bytes);
    let (status, out, _) = run_mmsdump(&["--summary", path.to_str().unwrap()]);
    std::fs::remove_file(&path).ok();
    assert_eq!(status, 0);
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert_eq!(out.lines().count(), 1, "{out:?}");
    let cut: String = subject.chars().take(40).collect();
    assert!(
        out.contains(&format!(" subject={:?} ", format!("{cut}…"))),
        "{out}"
    );
    assert!(
        out.contains(" subject=\"!\\u{1b}[31mred\\u{1b}[0m \\\"quoted\\\"\\n"),
        "{out}"
    );
    assert!(out.contains(" tid=\"T 1\" "), "{out}");
    assert!(out.contains(" to=+33612345678/TYPE=PLMN(+2) "), "{out}");
    assert!(!out.contains(" parts="), "{out}");
}

/// `s` without its ANSI SGR escapes (`ESC [ … m`).
fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            assert_eq!(
                chars.next(),
                Some('['),
                "an escape that is not SGR in {s:?}"
            );
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
                assert!(c.is_ascii_digit() || c == ';', "{c:?} in an SGR escape");
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn colours_are_escapes_around_the_same_text() {
    let files = [
        corpus_arg("mmsd/rc-mms-1-3-con-211.mms"),
        corpus_arg("mmsd/test-wsputil-push1.bin"),
        corpus_arg("mmsd/test-wsputil-push3.bin"),
        corpus_arg("sailfish/test_mms_codec-m-retrieve_1.conf"),
        corpus_arg("sailfish/test_mms_codec-m-delivery_2.ind"),
        corpus_arg("muditaos/unittest_Pdu-IncompleteTMobile.bin"),
        corpus_arg("sailfish/test_retrieve-GarbagePush-garbage"),
        corpus_arg(
            "aosp/WapPushOverSmsTest-testDispatchWapPduFromBlockedNumber_noIntentsDispatched.bin",
        ),
    ];
    for mode in [
        &[][..],
        &["--with-data"],
        &["--hex"],
        &["--summary"],
        &["--strict"],
        &["--push", "--search"],
    ] {
        let args = |colour: &[&str]| -> Vec<String> {
            colour
                .iter()
                .chain(mode)
                .map(|a| a.to_string())
                .chain(files.iter().cloned())
                .collect()
        };
        let (status, plain, _) = run_mmsdump(&args(&[]));
        assert!(!plain.contains('\u{1b}'), "{mode:?}: escapes in a pipe");
        let (coloured_status, coloured, _) = run_mmsdump(&args(&["--color=always"]));
        assert_eq!(coloured_status, status);
        assert!(coloured.contains("\u{1b}["), "{mode:?}: no colour");
        assert_eq!(strip_ansi(&coloured), plain, "{mode:?}");
        // Auto: colours on a terminal that wants them, not in a pipe.
        assert_eq!(run_mmsdump_colour(&args(&[]), true).1, coloured, "{mode:?}");
        assert_eq!(run_mmsdump_colour(&args(&["--color=auto"]), false).1, plain);
        assert_eq!(
            run_mmsdump_colour(&args(&["--color", "never"]), true).1,
            plain
        );
        assert_eq!(
            run_mmsdump_colour(&args(&["--color", "always"]), false).1,
            coloured
        );
    }
    // Errors red, warnings yellow, offsets dim.
    let (_, tree, _) = run_mmsdump(&["--color=always", &files[5]]);
    assert!(tree.contains("\u{1b}[31merror at offset 121:"), "{tree}");
    let (_, tree, _) = run_mmsdump(&["--color=always", &files[4]]);
    assert!(tree.contains("\u{1b}[33mWarnings (1):\u{1b}[0m"), "{tree}");
    let (_, hex, _) = run_mmsdump(&["--color=always", "--hex", &files[0]]);
    assert!(hex.contains("\n\u{1b}[2m000000\u{1b}[0m  8c 84"), "{hex}");
    // Never in JSON.
    let (_, json, _) = run_mmsdump_colour(&["--color=always", "--json", &files[0]], true);
    assert!(!json.contains('\u{1b}'));
    serde_json::from_str::<Json>(&json).unwrap();
}

#[test]
fn no_color_and_a_dumb_terminal_turn_auto_colour_off() {
    use std::ffi::OsStr;
    let os = |s: &'static str| Some(OsStr::new(s));
    assert!(mmsdump::auto_colour(true, None, os("xterm-256color")));
    assert!(mmsdump::auto_colour(true, None, None));
    assert!(
        mmsdump::auto_colour(true, os(""), None),
        "an empty NO_COLOR does not count"
    );
    assert!(!mmsdump::auto_colour(true, os("1"), os("xterm")));
    assert!(!mmsdump::auto_colour(true, None, os("dumb")));
    assert!(!mmsdump::auto_colour(false, None, os("xterm")));
}

#[test]
fn summary_and_color_usage_errors() {
    let file = corpus_arg("mmsd/rc-mms-1-3-con-212.mms");
    for (args, says) in [
        (
            &["--summary", "--json"][..],
            "--summary does not go with --json",
        ),
        (
            &["--summary", "--hex"],
            "--summary does not go with --json or --hex",
        ),
        (&["--json", "--pretty", "--summary"], "--summary"),
        (
            &["--summary", "--with-data"],
            "--with-data does not go with --summary",
        ),
        (
            &["--color=sometimes"],
            "--color takes auto, always or never",
        ),
        (&["--color", "yes"], "--color takes auto, always or never"),
    ] {
        let mut argv: Vec<&str> = args.to_vec();
        argv.push(&file);
        let (status, out, err) = run_mmsdump(&argv);
        assert_eq!(status, 2, "{args:?}");
        assert_eq!(out, "", "{args:?}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let (status, _, err) = run_mmsdump(&[file.as_str(), "--color"]);
    assert_eq!(status, 2);
    assert!(err.contains("--color takes"), "{err}");

    let (status, help, _) = run_mmsdump(&["--help"]);
    assert_eq!(status, 0);
    for word in [
        "--summary",
        "--color=WHEN",
        "NO_COLOR",
        "TERM",
        "mmsdump --summary tests/corpus/*/*",
        "Exit status",
    ] {
        assert!(help.contains(word), "mmsdump --help lacks {word}");
    }
}

#[test]
fn the_tree_says_what_push_flag_bits_mean_and_skips_an_empty_root_layout() {
    let notification = json!([
        {"name": "X-Mms-Message-Type", "value": "m-notification-ind"},
        {"name": "X-Mms-Transaction-Id", "value": "T1"},
        {"name": "X-Mms-MMS-Version", "value": "1.2"},
        {"name": "X-Mms-Message-Class", "value": "Personal"},
        {"name": "X-Mms-Message-Size", "value": 100},
        {"name": "X-Mms-Expiry", "value": {"relative": 3600}},
        {"name": "X-Mms-Content-Location", "value": "http://mmsc/1"}
    ]);
    for (flags, says) in [
        (6, "Push-Flag: 6 (content trusted, last push message)"),
        (1, "Push-Flag: 1 (initiator URI authenticated)"),
        (0, "Push-Flag: 0 (no flags set)"),
        (
            9,
            "Push-Flag: 9 (initiator URI authenticated, reserved bits 0x8)",
        ),
    ] {
        let doc = json!({
            "push": {"tid": 1, "pdu_type": "Push",
                     "content_type": "application/vnd.wap.mms-message",
                     "headers": [
                         {"name": "X-Wap-Application-Id", "value": "x-wap-application:mms.ua"},
                         {"name": "Push-Flag", "value": flags}
                     ]},
            "headers": notification
        });
        let bytes = compose::compose(&doc, None).unwrap();
        let path = temp_file(&format!("push-flag-{flags}.bin"), &bytes);
        let (status, out, err) = run_mmsdump(&[path.to_str().unwrap()]);
        std::fs::remove_file(&path).ok();
        assert_eq!(status, 0, "{err}");
        assert!(out.contains(says), "{out}");
    }

    let message = |smil: &str| {
        json!({
            "headers": [
                {"name": "X-Mms-Message-Type", "value": "m-retrieve-conf"},
                {"name": "X-Mms-MMS-Version", "value": "1.2"},
                {"name": "Date", "value": 1_163_578_981u64},
                {"name": "Content-Type", "value": "application/vnd.wap.multipart.related"}
            ],
            "body": {
                "content_type": "application/vnd.wap.multipart.related",
                "parameters": {"type": "application/smil", "start": "<smil>"},
                "parts": [
                    {"content_type": "application/smil", "parameters": {},
                     "headers": [{"name": "Content-ID", "value": "<smil>"}], "text": smil},
                    {"content_type": "text/plain", "parameters": {},
                     "headers": [{"name": "Content-Location", "value": "t.txt"}], "text": "Hi"}
                ]
            }
        })
    };
    let tree = |smil: &str| {
        let bytes = compose::compose(&message(smil), None).unwrap();
        let path = temp_file("root-layout.mms", &bytes);
        let (status, out, _) = run_mmsdump(&[path.to_str().unwrap()]);
        std::fs::remove_file(&path).ok();
        assert_eq!(status, 0);
        out
    };
    let bare = tree(
        r#"<smil><head><layout><root-layout/></layout></head><body><par><text src="t.txt"/></par></body></smil>"#,
    );
    assert!(
        bare.contains("Presentation (SMIL part 1, 1 slide)"),
        "{bare}"
    );
    assert!(!bare.contains("Root layout"), "{bare}");
    let sized = tree(
        r#"<smil><head><layout><root-layout width="176"/></layout></head><body><par><text src="t.txt"/></par></body></smil>"#,
    );
    assert!(sized.contains("Root layout: 176 x -"), "{sized}");
}

#[test]
fn both_tools_point_to_the_json_document_of_the_project() {
    let (status, help, _) = run_mmsdump(&["--help"]);
    assert_eq!(status, 0);
    assert!(help.contains("docs/json.md"), "{help}");
    let (status, help, _) = run_mmscompose(&["--help"], &json!({}));
    assert_eq!(status, 0);
    let help = String::from_utf8(help).unwrap();
    assert!(help.contains("docs/json.md"), "{help}");
    assert!(!help.contains("DUMP_FORMAT"), "{help}");
    let doc = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/json.md");
    let doc = std::fs::read_to_string(doc).expect("docs/json.md is in the project");
    for key in [
        "message_type",
        "mms_version",
        "headers",
        "body",
        "presentation",
        "push",
        "warnings",
    ] {
        assert!(
            doc.contains(&format!("`{key}`")),
            "docs/json.md does not describe {key}"
        );
    }
}

// ------------------------------------------------- mmscompose refusals

/// A document with one part read from `file`.
fn doc_with_file(file: &str) -> Json {
    json!({
        "headers": [
            {"name": "X-Mms-Message-Type", "value": "m-retrieve-conf"},
            {"name": "X-Mms-MMS-Version", "value": "1.2"},
            {"name": "Date", "value": 1},
            {"name": "Content-Type", "value": "application/vnd.wap.multipart.mixed"}
        ],
        "body": {"parts": [{"content_type": "text/plain", "file": file}]}
    })
}

#[test]
fn mmscompose_reads_no_file_outside_the_documents_directory() {
    let dir = std::env::temp_dir().join(format!("mms-pdu-cli-files-{}", std::process::id()));
    let inside = dir.join("in");
    std::fs::create_dir_all(inside.join("sub")).unwrap();
    std::fs::write(inside.join("sub/ok.txt"), b"fine").unwrap();
    std::fs::write(dir.join("secret.txt"), b"secret").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("secret.txt"), inside.join("link.txt")).unwrap();
    let json_path = inside.join("doc.json");
    let run = |file: &str| {
        std::fs::write(
            &json_path,
            serde_json::to_string(&doc_with_file(file)).unwrap(),
        )
        .unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let argv = vec![json_path.to_string_lossy().into_owned()];
        let status = mmscompose::run(argv.into_iter(), &mut out, &mut err, false);
        (status, out, String::from_utf8(err).unwrap())
    };
    let (status, out, err) = run("sub/ok.txt");
    assert_eq!(status, 0, "{err}");
    assert!(out.windows(4).any(|w| w == b"fine"));
    let mut refused = vec!["/etc/passwd", "../secret.txt", "sub/../../secret.txt", ""];
    if cfg!(unix) {
        refused.push("link.txt");
    }
    for file in refused {
        let (status, out, err) = run(file);
        assert_eq!(status, 1, "{file:?}: {err}");
        assert!(out.is_empty());
        assert!(
            err.contains("must lie inside the JSON document's directory"),
            "{file:?}: {err}"
        );
        assert!(!err.contains("secret") || file.contains("secret"), "{err}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn mmscompose_refuses_header_table_violations_unless_lenient() {
    // X-Mms-Status is not a header of m-send-req; trailing octets after the
    // last header.
    let doc = json!({
        "headers": [
            {"name": "X-Mms-Message-Type", "value": "m-notifyresp-ind"},
            {"name": "X-Mms-Transaction-Id", "value": "T1"},
            {"name": "X-Mms-MMS-Version", "value": "1.2"},
            {"name": "X-Mms-Status", "value": "Retrieved"},
            {"name": "Subject", "value": "not here"}
        ],
        "body": null
    });
    let (status, out, err) = run_mmscompose(&[], &doc);
    assert_eq!(status, 1, "{err}");
    assert!(out.is_empty());
    assert!(
        err.contains("--lenient") && err.contains("Subject"),
        "{err}"
    );
    let (status, out, err) = run_mmscompose(&["--lenient"], &doc);
    assert_eq!(status, 0, "{err}");
    assert!(!out.is_empty());
    assert!(err.contains("warning") && err.contains("Subject"), "{err}");

    let mut trailing = doc.clone();
    trailing["headers"].as_array_mut().unwrap().pop();
    trailing["trailing"] = json!("0000");
    let bytes = compose::compose(&trailing, None).unwrap();
    assert!(bytes.ends_with(&[0x95, 0x81, 0, 0]));
    let (status, _, err) = run_mmscompose(&[], &trailing);
    assert_eq!(status, 1, "{err}");
    assert!(err.contains("trailing"), "{err}");
    let (status, _, err) = run_mmscompose(&["--lenient"], &trailing);
    assert_eq!(status, 0, "{err}");
    assert!(err.contains("warning: 2 trailing octets"), "{err}");
    // A valid PDU goes through without a word.
    let mut valid = doc;
    valid["headers"].as_array_mut().unwrap().pop();
    let (status, _, err) = run_mmscompose(&[], &valid);
    assert_eq!(status, 0, "{err}");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn mmscompose_refuses_what_the_decoder_would_not_read_back() {
    let mut headers = vec![
        json!({"name": "X-Mms-Message-Type", "value": "m-send-req"}),
        json!({"name": "X-Mms-Transaction-Id", "value": "T1"}),
        json!({"name": "X-Mms-MMS-Version", "value": "1.2"}),
    ];
    for _ in 0..1100 {
        headers.push(json!({"name": "To", "value": "+1/TYPE=PLMN"}));
    }
    let doc = json!({"headers": headers, "body": null});
    let (status, out, err) = run_mmscompose(&["--lenient"], &doc);
    assert_eq!(status, 1, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("max_headers"), "{err}");
    // A charset that cannot be written.
    let doc = json!({"headers": [
        {"name": "X-Mms-Message-Type", "value": "m-send-req"},
        {"name": "X-Mms-Transaction-Id", "value": "T1"},
        {"name": "X-Mms-MMS-Version", "value": "1.2"},
        {"name": "To", "value": "+1/TYPE=PLMN"},
        {"name": "Subject", "value": "hello", "charset": "iso-2022-kr"}
    ], "body": null});
    let (status, _, err) = run_mmscompose(&[], &doc);
    assert_eq!(status, 1, "{err}");
    assert!(err.contains("charset"), "{err}");
}
