//! The `serde` feature: every decodable corpus file survives a JSON round
//! trip (equal value, same octets), typed messages, pushes and a SMIL
//! presentation too; values that break an invariant do not deserialize;
//! the lazy view serializes decoded.
#![cfg(feature = "serde")]

use mms_pdu::mms::message::{Message, NotificationInd};
use mms_pdu::mms::typed::{ResponseStatus, Status};
use mms_pdu::mms::view::PduView;
use mms_pdu::wsp::push::Push;
use mms_pdu::wsp::{Charset, ContentType, EncodedString, Media, Text};
use mms_pdu::{
    Body, Field, FieldCode, Header, MessageClass, MessageType, Pdu, Time, Value, Version,
};
use serde_json::{json, Value as Json};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/");

/// (file, kind) of every row of the manifest.
fn manifest() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(format!("{ROOT}MANIFEST.tsv")).expect("MANIFEST.tsv");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c[0].to_string(), c[5].to_string())
        })
        .collect()
}

fn read(file: &str) -> Vec<u8> {
    std::fs::read(format!("{ROOT}{file}")).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// `pdu` made owned, as its serialized form reads back: warnings describe
/// a decoding of bytes, not the value, and are not read back.
fn as_read_back(pdu: &Pdu<'_>) -> Pdu<'static> {
    let mut owned = pdu.clone().into_owned();
    owned.warnings.clear();
    owned
}

fn pdu_files() -> Vec<(String, Vec<u8>)> {
    manifest()
        .into_iter()
        .filter(|(_, kind)| kind != "wap-push")
        .map(|(f, _)| {
            let b = read(&f);
            (f, b)
        })
        .collect()
}

#[test]
fn every_decodable_corpus_pdu_round_trips_through_json() {
    let mut checked = 0;
    let mut with_warnings = 0;
    for (file, bytes) in pdu_files() {
        let Ok(pdu) = Pdu::decode(&bytes) else {
            continue; // malformed on purpose (tests/corpus.rs checks which)
        };
        let json = serde_json::to_string(&pdu).unwrap_or_else(|e| panic!("{file}: {e}"));
        let back: Pdu<'static> =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{file}: {e}\n{json}"));
        assert_eq!(back, as_read_back(&pdu), "{file}");
        assert!(back.encode().unwrap() == bytes, "{file}: re-encoding");
        // The warnings come back by decoding the re-encoded octets.
        let octets = back.encode().unwrap();
        let again = Pdu::decode(&octets).unwrap();
        assert_eq!(again.warnings, pdu.warnings, "{file}: warnings");
        // A shared buffer's data serializes the same.
        let shared = Pdu::decode_shared(&bytes::Bytes::from(bytes.clone())).unwrap();
        assert_eq!(serde_json::to_string(&shared).unwrap(), json, "{file}");
        with_warnings += usize::from(!pdu.warnings.is_empty());
        checked += 1;
    }
    assert!(checked >= 80, "{checked} PDUs");
    assert!(with_warnings >= 1, "no PDU with warnings in the corpus");
}

#[test]
fn every_typed_message_of_the_corpus_round_trips_through_json() {
    let mut checked = 0;
    for (file, bytes) in pdu_files() {
        let Ok(msg) = Message::decode(&bytes) else {
            continue;
        };
        let json = serde_json::to_string(&msg).unwrap_or_else(|e| panic!("{file}: {e}"));
        let back: Message<'static> =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{file}: {e}\n{json}"));
        // Warnings describe a decoding, not the value: not read back.
        assert!(back.warnings().is_empty());
        let without_warnings = |m: &Message<'_>| {
            let mut v = serde_json::to_value(m).unwrap();
            for (_, inner) in v.as_object_mut().unwrap() {
                inner.as_object_mut().unwrap().remove("warnings");
            }
            v
        };
        assert_eq!(without_warnings(&back), without_warnings(&msg), "{file}");
        assert_eq!(back.encode().unwrap(), msg.encode().unwrap(), "{file}");
        checked += 1;
    }
    assert!(checked >= 80, "{checked} messages");
}

#[test]
fn every_corpus_push_round_trips_through_json() {
    let (mut checked, mut exact) = (0, 0);
    for (file, kind) in manifest() {
        if kind != "wap-push" {
            continue;
        }
        let bytes = read(&file);
        let Ok(push) = Push::decode(&bytes) else {
            continue;
        };
        let json = serde_json::to_string(&push).unwrap();
        let back: Push<'static> =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{file}: {e}\n{json}"));
        let mut owned = push.clone().into_owned();
        owned.warnings.clear();
        assert_eq!(back, owned, "{file}");
        // Octets a push does not re-encode as it came (a HeadersLen of 0
        // read leniently) are its own matter: the round trip changes nothing.
        let again = push.to_vec().unwrap();
        assert_eq!(back.to_vec().unwrap(), again, "{file}");
        exact += usize::from(again == bytes);
        checked += 1;
    }
    assert!(
        checked >= 20 && exact >= 20,
        "{checked} pushes, {exact} exact"
    );
}

#[cfg(feature = "smil")]
#[test]
fn a_smil_presentation_round_trips_through_json() {
    use mms_pdu::smil::Presentation;
    let xml = r##"<smil><head><layout>
        <root-layout width="176" height="144" background-color="#FFFFFF"/>
        <region id="Image" top="0" left="0" width="100%" height="80%" fit="meet"/>
        <region id="Text" top="80%" left="0" width="100%" height="20%" fit="stretch"/>
      </layout></head><body>
        <par dur="5s"><img src="cid:cat.jpg" region="Image" begin="0" end="indefinite"/>
          <text src="t.txt" region="Text" alt="a &amp; b"/></par>
        <par><audio src="a.amr" dur="media"/></par>
      </body></smil>"##;
    let p = Presentation::parse(xml).unwrap();
    let json = serde_json::to_string(&p).unwrap();
    let back: Presentation<'static> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, p.clone().into_owned());
    assert_eq!(back.to_xml(), p.to_xml());
}

/// m-notification-ind: Message-Type, Transaction-Id "T1", Version 1.2,
/// Message-Class Personal, Message-Size 30000, Expiry relative 604800,
/// Content-Location "http://mmsc/m1".
fn notification() -> Vec<u8> {
    NotificationInd {
        transaction_id: Text::new("T1").unwrap(),
        message_class: MessageClass::Token(0x80),
        message_size: 30_000,
        expiry: Time::Relative(604_800),
        content_location: Text::new("http://mmsc/m1").unwrap(),
        ..Default::default()
    }
    .encode()
    .unwrap()
}

#[test]
fn a_notification_serializes_readably() {
    let bytes = notification();
    let pdu = Pdu::decode(&bytes).unwrap();
    let v = serde_json::to_value(&pdu).unwrap();
    assert_eq!(
        v,
        json!({"headers": [
            {"Field": {"code": "X-Mms-Message-Type", "value": {"Token": "m-notification-ind"}, "raw": "82"}},
            {"Field": {"code": "X-Mms-Transaction-Id", "value": {"Text": "T1"}, "raw": "543100"}},
            {"Field": {"code": "X-Mms-MMS-Version", "value": {"Version": "1.2"}, "raw": "92"}},
            {"Field": {"code": "X-Mms-Message-Class", "value": {"MessageClass": {"Token": "Personal"}}, "raw": "80"}},
            {"Field": {"code": "X-Mms-Message-Size", "value": {"Long": 30000}, "raw": "027530"}},
            {"Field": {"code": "X-Mms-Expiry", "value": {"Time": {"Relative": 604800}}, "raw": "058103093a80"}},
            {"Field": {"code": "X-Mms-Content-Location", "value": {"Text": "http://mmsc/m1"}, "raw": "687474703a2f2f6d6d73632f6d3100"}}
        ]})
    );
    // Without `raw`, a field is encoded from its value; names and numbers both read.
    let built: Pdu<'static> = serde_json::from_value(json!({"headers": [
        {"Field": {"code": "x-mms-message-type", "value": {"Token": "M-Notification-Ind"}}},
        {"Field": {"code": 24, "value": {"Text": "T1"}}},
        {"Field": {"code": "X-Mms-MMS-Version", "value": {"Version": "1.2"}}},
        {"Field": {"code": "X-Mms-Message-Class", "value": {"MessageClass": {"Token": 128}}}},
        {"Field": {"code": "X-Mms-Message-Size", "value": {"Long": 30000}}},
        {"Field": {"code": "X-Mms-Expiry", "value": {"Time": {"Relative": 604800}}}},
        {"Field": {"code": "X-Mms-Content-Location", "value": {"Text": "http://mmsc/m1"}}}
    ]}))
    .unwrap();
    assert_eq!(built.encode().unwrap(), bytes);
}

#[test]
fn typed_messages_name_their_tokens() {
    let bytes = notification();
    let msg = Message::decode(&bytes).unwrap();
    let v = serde_json::to_value(&msg).unwrap();
    let ind = &v["NotificationInd"];
    assert_eq!(ind["version"], "1.2");
    assert_eq!(ind["message_class"], json!({"Token": "Personal"}));
    assert_eq!(ind["content_location"], "http://mmsc/m1");
    assert_eq!(
        serde_json::to_value(Status::RETRIEVED).unwrap(),
        "Retrieved"
    );
    assert_eq!(
        serde_json::to_value(ResponseStatus::new(0xFF)).unwrap(),
        255
    );
    let s: ResponseStatus = serde_json::from_value(json!("error-permanent-failure")).unwrap();
    assert_eq!(s, ResponseStatus::PERMANENT_FAILURE);
}

#[test]
fn codes_round_trip_by_name_and_by_number() {
    fn rt<T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(x: T) {
        let j = serde_json::to_string(&x).unwrap();
        assert_eq!(serde_json::from_str::<T>(&j).unwrap(), x, "{j}");
    }
    for c in 0..0x80u8 {
        rt(FieldCode(c));
        for t in 0x80..=0xFFu8 {
            let f = Field::new(FieldCode(c), Value::Token(t));
            rt(Header::Field(f));
        }
    }
    for t in 0..=0xFFu8 {
        rt(MessageType(t));
    }
    for c in (0..3000u32).chain([u32::MAX]) {
        rt(Charset(c));
        rt(Media::WellKnown(c));
    }
    rt(Version {
        major: 1,
        minor: 15,
    });
    assert_eq!(serde_json::to_value(FieldCode(0x5A)).unwrap(), 0x5A);
    assert_eq!(serde_json::to_value(Charset::UTF_8).unwrap(), "utf-8");
    assert_eq!(serde_json::to_value(MessageType(0x7F)).unwrap(), 0x7F);
    assert!(serde_json::from_value::<FieldCode>(json!(0x80)).is_err());
    assert!(serde_json::from_value::<FieldCode>(json!("X-No-Such")).is_err());
    assert!(serde_json::from_value::<Version>(json!("8.0")).is_err());
}

#[test]
fn text_that_is_not_utf8_is_hex() {
    let t = Text::from_bytes(b"caf\xE9").unwrap();
    let v = serde_json::to_value(&t).unwrap();
    assert_eq!(v, json!({"hex": "636166e9"}));
    assert_eq!(serde_json::from_value::<Text>(v).unwrap(), t);
    let s = EncodedString::with_charset(Charset::UCS_2, &b"\x00A"[..]);
    let v = serde_json::to_value(&s).unwrap();
    assert_eq!(
        v,
        json!({"charset": "iso-10646-ucs-2", "text": {"hex": "0041"}})
    );
    assert_eq!(serde_json::from_value::<EncodedString>(v).unwrap(), s);
    let plain = EncodedString::new("+33612345678/TYPE=PLMN").unwrap();
    assert_eq!(
        serde_json::to_value(&plain).unwrap(),
        "+33612345678/TYPE=PLMN"
    );
}

#[test]
fn values_that_break_an_invariant_do_not_deserialize() {
    // A text with a NUL could not be written as a text-string.
    assert!(serde_json::from_value::<Text>(json!("a\u{0}b")).is_err());
    assert!(serde_json::from_value::<Text>(json!({"hex": "6100"})).is_err());
    assert!(serde_json::from_value::<EncodedString>(json!("a\u{0}")).is_err());
    let pdu = |header: Json| json!({"headers": [header]});
    let bad = [
        // NUL in a field's text.
        (
            pdu(json!({"Field": {"code": "X-Mms-Transaction-Id", "value": {"Text": "T\u{0}1"}}})),
            "NUL",
        ),
        // Raw octets that do not encode the value.
        (
            pdu(
                json!({"Field": {"code": "X-Mms-Transaction-Id", "value": {"Text": "T1"}, "raw": "543200"}}),
            ),
            "do not encode",
        ),
        (
            pdu(
                json!({"Field": {"code": "X-Mms-Transaction-Id", "value": {"Text": "T1"}, "raw": "54310000"}}),
            ),
            "do not encode",
        ),
        (
            pdu(
                json!({"Field": {"code": "X-Mms-Message-Type", "value": {"Token": "m-send-req"}, "raw": "81"}}),
            ),
            "do not encode",
        ),
        // A token name of another field's table.
        (
            pdu(json!({"Field": {"code": "X-Mms-Message-Type", "value": {"Token": "Retrieved"}}})),
            "not a token of X-Mms-Message-Type",
        ),
        // An application header name that is not a token-text.
        (
            pdu(json!({"Application": {"name": "", "value": "v"}})),
            "token-text",
        ),
        (
            pdu(json!({"Application": {"name": {"hex": "e9"}, "value": "v"}})),
            "token-text",
        ),
        // An extension-media type opening with a control octet.
        (
            pdu(
                json!({"Field": {"code": "Content-Type", "value": {"ContentType": {"media": {"Text": "\u{1}x"}}}}}),
            ),
            "extension-media",
        ),
        // Hex that is not hex.
        (json!({"headers": [], "trailing": "0g"}), "hex"),
    ];
    for (j, why) in bad {
        let e = serde_json::from_value::<Pdu<'static>>(j.clone()).expect_err(&j.to_string());
        assert!(e.to_string().contains(why), "{j}: {e}");
    }
    // A well-known WSP header whose octets are not one value.
    assert!(serde_json::from_value::<mms_pdu::wsp::WspHeader>(
        json!({"WellKnown": {"code": 13, "value": "8081"}})
    )
    .is_err());
    // Warnings are written but not read back: whatever a peer claims there
    // (here a context that is none of the crate's) is left out.
    let p: Pdu<'static> = serde_json::from_value(
        json!({"headers": [], "warnings": [{"offset": 0, "context": "no such rule", "kind": "UintvarTooLong"}]}),
    )
    .unwrap();
    assert!(p.warnings.is_empty());
}

#[test]
fn the_view_serializes_decoded() {
    let bytes = notification();
    let view = PduView::parse(&bytes).unwrap();
    let v = serde_json::to_value(view).unwrap();
    let headers = v["headers"].as_array().unwrap();
    assert_eq!(headers.len(), 7);
    assert_eq!(
        headers[0]["Field"]["value"],
        json!({"Token": "m-notification-ind"})
    );
    assert_eq!(headers[1]["Field"]["value"], json!({"Text": "T1"}));
    assert_eq!(headers[1]["Field"]["offset"], 3);
    assert_eq!(headers[6]["Field"]["raw"], "687474703a2f2f6d6d73632f6d3100");
    assert!(v.get("body").is_none());
    // Its headers are those of the eager PDU, offsets aside.
    let eager = serde_json::to_value(Pdu::decode(&bytes).unwrap()).unwrap();
    let mut stripped = v.clone();
    for h in stripped["headers"].as_array_mut().unwrap() {
        h["Field"].as_object_mut().unwrap().remove("offset");
    }
    assert_eq!(stripped, eager);
}

#[test]
fn a_multipart_view_walks_its_parts() {
    let mut checked = 0;
    for (file, bytes) in pdu_files() {
        let Ok(pdu) = Pdu::decode(&bytes) else {
            continue;
        };
        let Some(Body::Multipart(body)) = &pdu.body else {
            continue;
        };
        let view = PduView::parse(&bytes).unwrap();
        let v = serde_json::to_value(view).unwrap();
        let parts = v["body"]["Multipart"]["parts"].as_array().unwrap();
        assert_eq!(parts.len(), body.parts.len(), "{file}");
        for (p, part) in parts.iter().zip(&body.parts) {
            let ct: ContentType = serde_json::from_value(p["content_type"].clone()).unwrap();
            assert_eq!(ct, part.content_type.clone().into_owned(), "{file}");
            assert_eq!(
                p["data"],
                serde_json::to_value(&part.data).unwrap(),
                "{file}"
            );
        }
        // The walk alone is the sequence of the parts.
        let walk = serde_json::to_value(view.parts().unwrap().unwrap()).unwrap();
        assert_eq!(&walk, &v["body"]["Multipart"]["parts"], "{file}");
        checked += 1;
    }
    assert!(checked >= 30, "{checked} multipart PDUs");
}

/// Found by the `serde` fuzz target: a text value whose first octet is
/// 0x80 or above without the Quote (lenient decoding reads it as text, the
/// generic WAP-230 extent rule would take one octet) keeps its raw octets
/// through JSON.
#[test]
fn a_text_opening_with_a_high_octet_round_trips() {
    // m-send-conf; Response-Text "\x9f4\xea\x7f…" (no Quote), Message-ID.
    let bytes = b"\x8c\x81\x98268\0\x8d\x91\x92\x80\x93\x9f4\xea\x7f\xd0\xa1\0\x8bid@x\0";
    let pdu = Pdu::decode(bytes).unwrap();
    let text = serde_json::to_string(&pdu).unwrap();
    let back: Pdu<'static> = serde_json::from_str(&text).unwrap();
    assert_eq!(back, as_read_back(&pdu));
    assert_eq!(back.encode().unwrap(), bytes);
}

#[test]
fn typed_messages_write_every_field_generic_values_leave_empty_ones_out() {
    // What the crate docs say of the two shapes.
    let bytes = b"\x8C\x81\x98T1\0\x8D\x92\x92\x80"; // m-send-conf, no Message-ID
    let Message::SendConf(conf) = Message::decode(bytes).unwrap() else {
        panic!("not an m-send-conf")
    };
    let typed = serde_json::to_value(&conf).unwrap();
    assert_eq!(typed["message_id"], Json::Null);
    assert!(typed.as_object().unwrap().contains_key("message_id"));
    assert_eq!(typed["others"], json!([]));

    let part =
        mms_pdu::wsp::Part::new(ContentType::new(Media::from_name("text/plain")), &b"Hi"[..]);
    let generic = serde_json::to_value(&part).unwrap();
    let keys: Vec<&str> = generic
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert!(
        !keys.contains(&"headers") && !keys.contains(&"nested"),
        "{keys:?}"
    );
}
