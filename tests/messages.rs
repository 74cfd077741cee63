//! Typed messages: the corpus through the typed layer, the MMS flows end to
//! end, strict and lenient checking, and the m-send-req builder.

use mms_pdu::compose::{BuildError, ParamEncoding};
use mms_pdu::mms::message::*;
use mms_pdu::mms::rules::{Violation, ViolationKind};
use mms_pdu::mms::typed::*;
use mms_pdu::wsp::push::Push;
use mms_pdu::wsp::{Charset, EncodedString, Text};
use mms_pdu::{
    Body, FieldCode, FromValue, Header, MessageClass, MessageType, Pdu, Time, Value, Version,
};

fn corpus(file: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/corpus/{file}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap_or_else(|e| panic!("corpus file {file}: {e}"))
}

/// The MMS PDUs of the corpus: plain files and the bodies of MMS pushes.
fn corpus_pdus() -> Vec<(String, Vec<u8>, String)> {
    let m = String::from_utf8(corpus("MANIFEST.tsv")).unwrap();
    let mut out = Vec::new();
    for line in m.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        let bytes = corpus(c[0]);
        let pdu = if c[5] == "wap-push" {
            match Push::decode(&bytes) {
                Ok(p) if p.is_mms() => p.body.to_vec(),
                _ => continue,
            }
        } else {
            bytes
        };
        out.push((c[0].to_string(), pdu, c[8].to_string()));
    }
    assert!(out.len() > 100, "{} corpus PDUs", out.len());
    out
}

/// Files whose octets are not the canonical encoding of their values
/// (shown byte by byte in tests/corpus.rs), or that carry octets the typed
/// view does not keep (stray octets after the last header).
const NOT_CANONICAL: &[&str] = &[
    "mmsd/rc-mms-1-3-con-211.mms",
    "sailfish/test_mms_codec-m-retrieve_9.conf",
    "sailfish/test_retrieve-InvalidSubject-m-retrieve.conf",
    "sailfish/test_retrieve-Success2-m-notification.ind",
    "capcom6/MMSParserTest-simpleTest.mms",
    "aosp/WapPushOverSmsTest-testDispatchWapPduFromBlockedNumber_noIntentsDispatched.bin",
];

#[test]
fn round_trips_every_corpus_pdu_through_its_typed_struct() {
    let mut typed = 0;
    for (file, bytes, note) in corpus_pdus() {
        match Message::decode(&bytes) {
            Ok(m) => {
                typed += 1;
                let out = m.encode().unwrap_or_else(|e| panic!("{file}: {e}"));
                if !NOT_CANONICAL.contains(&file.as_str()) {
                    assert_eq!(out, bytes, "{file}: typed -> bytes");
                }
                // Typed values survive a canonical re-encoding whatever the input.
                let again = Message::decode(&out).unwrap();
                assert_eq!(again.to_pdu().headers, m.to_pdu().headers, "{file}");
            }
            Err(MessageError::Decode(e)) => {
                assert!(
                    note.contains("malformed")
                        || note.contains("truncated")
                        || note.contains("NOT MMS"),
                    "{file}: {e}"
                );
            }
            Err(e) => panic!("{file}: {e}"),
        }
    }
    assert!(typed >= 100, "{typed} typed");
}

#[test]
fn strict_mode_names_the_type_and_the_header_of_real_deviations() {
    // Sailfish's m-delivery-ind carries a Transaction-Id, which MMS_ENC §6.5 does not list.
    let b = corpus("sailfish/test_mms_codec-m-delivery_2.ind");
    let lenient = DeliveryInd::decode(&b).unwrap();
    let want = Violation {
        message_type: MessageType::DELIVERY_IND,
        field: FieldCode::TRANSACTION_ID,
        kind: ViolationKind::NotAllowed,
    };
    assert_eq!(lenient.warnings, [Warning::Header(want)]);
    // Kept: the Transaction-Id and two application headers (Return-Path, X-Scanned-By).
    assert_eq!(lenient.others.len(), 3);
    assert_eq!(lenient.others[0].1.code(), Some(FieldCode::TRANSACTION_ID));
    assert_eq!(lenient.encode().unwrap(), b);
    assert_eq!(
        DeliveryInd::decode_strict(&b),
        Err(MessageError::Invalid(want))
    );
    assert_eq!(
        MessageError::Invalid(want).to_string(),
        "m-delivery-ind: header X-Mms-Transaction-Id is not allowed in this PDU type"
    );
    // An MMS 1.0 retrieve-conf with the 1.1 Retrieve-Status.
    let b = corpus("sailfish/test_mms_codec-m-retrieve_1.conf");
    let e = RetrieveConf::decode_strict(&b).unwrap_err();
    assert!(matches!(
        e,
        MessageError::Invalid(Violation {
            field: FieldCode::RETRIEVE_STATUS,
            kind: ViolationKind::TooNew { .. },
            ..
        })
    ));
}

#[test]
fn wrong_and_unknown_types_are_errors() {
    let b = corpus("mmsd/ni-mms-1-3-con-271.mms");
    assert_eq!(
        SendConf::decode(&b),
        Err(MessageError::WrongType {
            expected: MessageType::SEND_CONF,
            found: MessageType::NOTIFICATION_IND
        })
    );
    assert_eq!(
        Message::decode(b"\x8C\x98\x8D\x93"),
        Err(MessageError::UnknownType(Some(MessageType(0x98))))
    );
}

#[test]
fn unknown_and_application_headers_keep_their_places() {
    let mut pdu = Pdu::new(MessageType::ACKNOWLEDGE_IND, Version::V1_2);
    pdu.headers.insert(
        1,
        Header::field(
            FieldCode::TRANSACTION_ID,
            Value::Text(Text::new("T9").unwrap()),
        ),
    );
    pdu.headers.insert(
        2,
        Header::Application {
            name: Text::new("X-Carrier").unwrap(),
            value: Text::new("v").unwrap(),
        },
    );
    pdu.push(FieldCode(0x5A), Value::Raw(b"\x81"[..].into()));
    pdu.push(FieldCode::REPORT_ALLOWED, Value::Token(0x81));
    let bytes = pdu.encode().unwrap();
    let ack = AcknowledgeInd::decode(&bytes).unwrap();
    assert_eq!(ack.report_allowed, Some(false));
    assert_eq!(ack.others.len(), 2);
    assert_eq!(ack.encode().unwrap(), bytes);
    // Changing a value re-encodes it in place.
    let mut ack = ack;
    ack.report_allowed = Some(true);
    let out = ack.encode().unwrap();
    assert_eq!(out[out.len() - 1], 0x80);
    assert_eq!(out.len(), bytes.len());
}

/// The flow of DESIGN.md: send, notify, retrieve, acknowledge, report.
#[test]
fn send_notify_retrieve_acknowledge_and_report() {
    // The sender's client submits.
    let req = SendReq::builder()
        .transaction_ids(|| "tx-1".to_string())
        .to("+33612345678")
        .cc("bob@example.org")
        .subject("Gruyère")
        .delivery_report(true)
        .smil(&b"<smil><body><par dur=\"5s\"><img src=\"cat.jpg\"/><text src=\"t.txt\"/></par></body></smil>"[..])
        .attachment("image/jpeg", "cat.jpg", &b"\xFF\xD8\xFF\xE0 jpeg"[..])
        .text("t.txt", "Un chat")
        .build()
        .unwrap();
    let wire = req.encode().unwrap();
    let at_mmsc = SendReq::decode_strict(&wire).unwrap();
    assert_eq!(at_mmsc.to[0].as_str(), Some("+33612345678/TYPE=PLMN"));
    assert_eq!(at_mmsc.cc[0].as_str(), Some("bob@example.org"));
    assert_eq!(at_mmsc.from, FromValue::InsertAddress);
    assert_eq!(
        at_mmsc.subject.as_ref().unwrap().charset(),
        Some(Charset::UTF_8)
    );
    let Some(Body::Multipart(body)) = &at_mmsc.body else {
        panic!()
    };
    assert_eq!(body.parts.len(), 3);
    assert_eq!(
        body.parts[0].content_type.media().name(),
        "application/smil"
    );

    // The MMSC answers and stores.
    let conf = SendConf {
        transaction_id: at_mmsc.transaction_id.clone(),
        response_status: ResponseStatus::OK,
        message_id: Some(Text::new("msg-1").unwrap()),
        ..Default::default()
    };
    let conf_wire = conf.encode().unwrap();
    let Message::SendConf(got) = Message::decode_strict(&conf_wire).unwrap() else {
        panic!()
    };
    assert!(got.response_status.is_ok());
    assert_eq!(got.transaction_id.as_str(), Some("tx-1"));

    // It notifies the recipient inside a WAP push.
    let ind = NotificationInd {
        transaction_id: Text::new("tx-2").unwrap(),
        from: Some(FromValue::Address(
            EncodedString::new("+33687654321/TYPE=PLMN").unwrap(),
        )),
        subject: at_mmsc.subject.clone(),
        message_class: MessageClass::Token(0x80),
        message_size: wire.len() as u64,
        expiry: Time::Relative(604_800),
        content_location: Text::new("http://mmsc.example/msg-1").unwrap(),
        ..Default::default()
    };
    let push = Push::mms(1, ind.encode().unwrap()).to_vec().unwrap();
    let got = Push::decode(&push).unwrap();
    let Message::NotificationInd(n) = Message::decode_strict(&got.body).unwrap() else {
        panic!()
    };
    assert_eq!(
        n.content_location.as_str(),
        Some("http://mmsc.example/msg-1")
    );
    assert_eq!(
        n.expiry,
        Time::Relative(604_800),
        "relative expiry stays relative"
    );

    // The recipient fetches m-retrieve-conf from the content location.
    let rc = RetrieveConf {
        transaction_id: Some(n.transaction_id.clone()),
        message_id: Some(Text::new("msg-1").unwrap()),
        date: 1_163_578_981,
        from: n.from.clone(),
        to: at_mmsc.to.clone(),
        subject: at_mmsc.subject.clone(),
        retrieve_status: Some(RetrieveStatus::OK),
        content_type: at_mmsc.content_type.clone(),
        body: at_mmsc.body.clone(),
        ..Default::default()
    };
    let rc_wire = rc.encode().unwrap();
    let got = RetrieveConf::decode_strict(&rc_wire).unwrap();
    assert_eq!(got.body, at_mmsc.body);

    // It answers m-notifyresp-ind, or after a deferred retrieval m-acknowledge-ind.
    let resp = NotifyRespInd {
        transaction_id: n.transaction_id.clone(),
        status: Status::RETRIEVED,
        ..Default::default()
    };
    assert!(NotifyRespInd::decode_strict(&resp.encode().unwrap()).is_ok());
    let ack = AcknowledgeInd {
        transaction_id: n.transaction_id.clone(),
        report_allowed: Some(true),
        ..Default::default()
    };
    assert!(AcknowledgeInd::decode_strict(&ack.encode().unwrap()).is_ok());

    // The MMSC reports delivery to the sender; the recipient's read report goes back too.
    let d = DeliveryInd {
        message_id: Text::new("msg-1").unwrap(),
        to: at_mmsc.to[0].clone(),
        date: 1_163_579_000,
        status: Status::RETRIEVED,
        ..Default::default()
    };
    assert_eq!(
        DeliveryInd::decode_strict(&d.encode().unwrap())
            .unwrap()
            .status,
        Status::RETRIEVED
    );
    let rr = ReadRecInd {
        message_id: Text::new("msg-1").unwrap(),
        to: EncodedString::new("+33687654321/TYPE=PLMN").unwrap(),
        from: FromValue::InsertAddress,
        read_status: ReadStatus::READ,
        ..Default::default()
    };
    let ro = ReadOrigInd {
        message_id: rr.message_id.clone(),
        to: rr.to.clone(),
        from: FromValue::Address(at_mmsc.to[0].clone()),
        date: 1_163_579_100,
        read_status: ReadStatus::READ,
        ..Default::default()
    };
    assert!(ReadRecInd::decode_strict(&rr.encode().unwrap()).is_ok());
    assert!(ReadOrigInd::decode_strict(&ro.encode().unwrap()).is_ok());
}

#[test]
fn forward_mmbox_and_cancel_flows() {
    // Forward without retrieving.
    let f = ForwardReq {
        transaction_id: Text::new("f1").unwrap(),
        to: vec![EncodedString::new("+41790000000/TYPE=PLMN").unwrap()],
        content_location: Text::new("http://mmsc/m1").unwrap(),
        mm_flags: vec![MmFlag {
            op: MmFlag::ADD,
            flag: EncodedString::new("$Forwarded").unwrap(),
        }],
        ..Default::default()
    };
    let bytes = f.encode().unwrap();
    assert_eq!(
        ForwardReq::decode_strict(&bytes).unwrap().mm_flags,
        f.mm_flags
    );
    let fc = ForwardConf {
        transaction_id: f.transaction_id.clone(),
        response_status: ResponseStatus::OK,
        ..Default::default()
    };
    assert!(ForwardConf::decode_strict(&fc.encode().unwrap()).is_ok());

    // Store, then view with attributes, totals and quotas.
    let store = MboxStoreReq {
        transaction_id: Text::new("s1").unwrap(),
        content_location: Text::new("http://mmsc/m1").unwrap(),
        mm_state: Some(MmState::new(0x83)),
        ..Default::default()
    };
    assert!(MboxStoreReq::decode_strict(&store.encode().unwrap()).is_ok());
    let view = MboxViewReq {
        transaction_id: Text::new("v1").unwrap(),
        attributes: vec![FieldCode::SUBJECT, FieldCode::DATE],
        totals: Some(true),
        quotas: Some(true),
        start: Some(0),
        limit: Some(20),
        ..Default::default()
    };
    let vb = view.encode().unwrap();
    // Start 0, Limit 20, Attributes Subject and Date, Totals Yes, Quotas Yes (canonical order).
    let tail = [
        0xAF, 0x80, 0xB3, 0x94, 0xA8, 0x96, 0xA8, 0x85, 0xA9, 0x80, 0xAB, 0x80,
    ];
    assert_eq!(&vb[vb.len() - 12..], tail.as_slice());
    let descr = MboxDescr {
        content_location: Text::new("http://mmsc/m1").unwrap(),
        subject: Some(EncodedString::new("hi").unwrap()),
        date: Some(1_163_578_981),
        ..Default::default()
    };
    let descr_bytes = descr.encode().unwrap();
    let vc = MboxViewConf {
        transaction_id: Text::new("v1").unwrap(),
        response_status: ResponseStatus::OK,
        content_location: vec![Counted {
            count: None,
            value: Text::new("http://mmsc/m1").unwrap(),
        }],
        mbox_totals: vec![
            MboxCount {
                kind: MboxCount::MESSAGES,
                value: 1,
            },
            MboxCount {
                kind: MboxCount::BYTES,
                value: 40_960,
            },
        ],
        mbox_quotas: vec![MboxCount {
            kind: MboxCount::BYTES,
            value: 1 << 20,
        }],
        message_count: Some(1),
        content_type: Some(mms_pdu::wsp::ContentType::new(
            mms_pdu::wsp::Media::from_name("application/vnd.wap.mms-message"),
        )),
        body: Some(Body::Data(descr_bytes.clone().into())),
        ..Default::default()
    };
    let vcb = vc.encode().unwrap();
    let got = MboxViewConf::decode_strict(&vcb).unwrap();
    assert_eq!(got.mbox_totals, vc.mbox_totals);
    let Some(Body::Data(inner)) = &got.body else {
        panic!()
    };
    assert_eq!(
        MboxDescr::decode_strict(inner).unwrap().subject,
        descr.subject
    );

    // Delete with per-message results (status-count forms).
    let dc = DeleteConf {
        version: Version::V1_3,
        transaction_id: Text::new("d1").unwrap(),
        content_location: vec![Counted {
            count: Some(2),
            value: Text::new("http://mmsc/m2").unwrap(),
        }],
        response_status: vec![
            Counted {
                count: None,
                value: ResponseStatus::OK,
            },
            Counted {
                count: Some(2),
                value: ResponseStatus::new(0xE4),
            },
        ],
        response_text: vec![Counted {
            count: Some(2),
            value: EncodedString::new("not found").unwrap(),
        }],
        ..Default::default()
    };
    let db = dc.encode().unwrap();
    let got = DeleteConf::decode_strict(&db).unwrap();
    assert_eq!(got.content_location, dc.content_location);
    assert_eq!(got.response_status, dc.response_status);
    assert_eq!(got.response_text, dc.response_text);
    let mdc = MboxDeleteConf {
        transaction_id: Text::new("d2").unwrap(),
        response_status: dc.response_status.clone(),
        response_text: dc.response_text.clone(),
        ..Default::default()
    };
    assert_eq!(
        MboxDeleteConf::decode_strict(&mdc.encode().unwrap())
            .unwrap()
            .response_text,
        mdc.response_text
    );

    // Cancel and replace.
    let cancel = CancelReq {
        version: Version::V1_3,
        transaction_id: Text::new("c1").unwrap(),
        cancel_id: Text::new("msg-1").unwrap(),
        ..Default::default()
    };
    assert_eq!(
        CancelReq::decode_strict(&cancel.encode().unwrap())
            .unwrap()
            .cancel_id
            .as_str(),
        Some("msg-1")
    );
    let cc = CancelConf {
        version: Version::V1_3,
        transaction_id: Text::new("c1").unwrap(),
        cancel_status: CancelStatus::RECEIVED,
        ..Default::default()
    };
    assert!(CancelConf::decode_strict(&cc.encode().unwrap()).is_ok());
    let replace = SendReq::builder()
        .version(Version::V1_3)
        .transaction_id("r1")
        .to("+33612345678")
        .text("t.txt", "corrected")
        .build()
        .unwrap();
    let mut replace = replace;
    replace.replace_id = Some(Text::new("msg-1").unwrap());
    assert_eq!(
        SendReq::decode_strict(&replace.encode().unwrap())
            .unwrap()
            .replace_id,
        replace.replace_id
    );
}

#[test]
fn lenient_decoding_reports_a_missing_mandatory_header_and_keeps_it_absent() {
    // m-notification-ind without X-Mms-Expiry.
    let mut pdu = Pdu::new(MessageType::NOTIFICATION_IND, Version::V1_2);
    pdu.headers.insert(
        1,
        Header::field(
            FieldCode::TRANSACTION_ID,
            Value::Text(Text::new("T").unwrap()),
        ),
    );
    pdu.push(
        FieldCode::MESSAGE_CLASS,
        Value::MessageClass(MessageClass::Token(0x80)),
    );
    pdu.push(FieldCode::MESSAGE_SIZE, Value::Long(10));
    pdu.push(
        FieldCode::CONTENT_LOCATION,
        Value::Text(Text::new("http://x").unwrap()),
    );
    let bytes = pdu.encode().unwrap();
    let n = NotificationInd::decode(&bytes).unwrap();
    assert_eq!(n.warnings.len(), 1);
    assert_eq!(
        n.warnings[0].to_string(),
        "m-notification-ind: mandatory header X-Mms-Expiry is missing"
    );
    assert_eq!(n.encode().unwrap(), bytes, "not invented on re-encoding");
    assert!(matches!(
        NotificationInd::decode_strict(&bytes),
        Err(MessageError::Invalid(_))
    ));
}

#[test]
fn builder_defaults_and_refusals() {
    let req = SendReq::builder()
        .transaction_id("T")
        .to("alice@example.com")
        .text("a.txt", "hi")
        .build()
        .unwrap();
    assert_eq!(req.version, Version::V1_2);
    assert_eq!(req.from, FromValue::InsertAddress);
    assert_eq!(
        req.content_type.media().name(),
        "application/vnd.wap.multipart.mixed"
    );
    let bytes = req.encode().unwrap();
    assert_eq!(&bytes[..6], b"\x8C\x80\x98T\0\x8D");

    assert_eq!(
        SendReq::builder().to("x@y.z").build().unwrap_err(),
        BuildError::NoTransactionId
    );
    assert_eq!(
        SendReq::builder().transaction_id("T").build().unwrap_err(),
        BuildError::NoRecipient
    );
    assert!(matches!(
        SendReq::builder()
            .transaction_id("T")
            .to("not an address")
            .build()
            .unwrap_err(),
        BuildError::Address { .. }
    ));
    assert!(matches!(
        SendReq::builder()
            .transaction_id("T")
            .to("1.2.3/TYPE=IPv4")
            .build()
            .unwrap_err(),
        BuildError::Address { .. }
    ));
    let big = vec![0u8; 400 * 1024];
    let e = SendReq::builder()
        .transaction_id("T")
        .to("+1555")
        .attachment("video/3gpp", "v.3gp", &big[..])
        .max_size(300 * 1024)
        .build()
        .unwrap_err();
    let BuildError::TooLarge { size, limit } = e.clone() else {
        panic!("{e}")
    };
    assert!(size > 400 * 1024);
    assert_eq!(limit, 300 * 1024);
    assert!(e.to_string().contains("over the limit of 307200 bytes"));
}

#[test]
fn builder_parameter_encodings() {
    let build = |enc| {
        SendReq::builder()
            .transaction_id("T")
            .to("+1555")
            .smil(&b"<smil/>"[..])
            .attachment("image/png", "a.png", &b"png"[..])
            .param_encoding(enc)
            .build()
            .unwrap()
    };
    let old = build(ParamEncoding::Wsp13).encode().unwrap();
    let new = build(ParamEncoding::Wsp14).encode().unwrap();
    // Start as 0x8A (1.1-1.3) or 0x99 (1.4), after the Type 0x89 "application/smil".
    let smil = b"\x89application/smil\0";
    let at = |b: &[u8]| b.windows(smil.len()).position(|w| w == smil).unwrap() + smil.len();
    assert_eq!(old[at(&old)], 0x8A);
    assert_eq!(new[at(&new)], 0x99);
    // Name as 0x85 or 0x97 in the image part's content type.
    assert!(old.windows(7).any(|w| w == b"\x85a.png\0"));
    assert!(new.windows(7).any(|w| w == b"\x97a.png\0"));
    assert!(SendReq::decode_strict(&old).is_ok() && SendReq::decode_strict(&new).is_ok());
}

#[test]
fn builder_subjects_in_named_charsets() {
    let req = SendReq::builder()
        .transaction_id("T")
        .to("+1")
        .subject_in("Grüße", Charset::UCS_2)
        .text("a", "b")
        .build()
        .unwrap();
    let s = req.subject.unwrap();
    assert_eq!(s.charset(), Some(Charset::UCS_2));
    assert_eq!(s.decode_text().unwrap().text, "Grüße");
    let ascii = SendReq::builder()
        .transaction_id("T")
        .to("+1")
        .subject("Hi")
        .text("a", "b")
        .build()
        .unwrap();
    assert_eq!(ascii.subject.unwrap().charset(), None);
}

#[test]
fn every_message_type_built_for_tshark_round_trips_through_its_struct() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tshark");
    let mut seen = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("mms") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let m =
            Message::decode_strict(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(m.warnings().is_empty(), "{}", path.display());
        assert_eq!(
            m.encode().unwrap(),
            bytes,
            "{}: struct -> bytes",
            path.display()
        );
        seen.insert(m.message_type());
    }
    assert_eq!(seen.len(), 24, "one PDU of each type");
}

#[test]
fn into_owned_keeps_every_typed_message_of_the_corpus_whole() {
    let mut owned = 0;
    for (file, bytes, _) in corpus_pdus() {
        let Ok(m) = Message::decode(&bytes) else {
            continue;
        };
        let copy: Message<'static> = {
            let kept = bytes.clone();
            let m = Message::decode(&kept).unwrap().into_owned();
            drop(kept); // the copy no longer borrows the octets it came from
            m
        };
        assert_eq!(copy, m, "{file}");
        assert_eq!(copy.warnings(), m.warnings(), "{file}");
        assert_eq!(copy.encode().ok(), m.encode().ok(), "{file}");
        owned += 1;
    }
    assert!(owned > 100, "{owned} messages");
}
