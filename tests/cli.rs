//! The `mmsdump` / `mmscompose` examples, through the modules they share
//! (no process is spawned): the JSON shape of DUMP_FORMAT.md and the
//! dump → compose → dump round trip over the corpus.

#[allow(dead_code)]
#[path = "../examples/common/dump.rs"]
mod dump;

#[allow(dead_code)]
#[path = "../examples/common/compose.rs"]
mod compose;

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
        checked += 1;
    }
    assert!(checked >= 80, "only {checked} corpus files checked");
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
            {"name": "Subject", "value": "MMS-1.3-con-212"},
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
    EncodedString::from_str(s).unwrap()
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
