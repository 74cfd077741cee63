//! The typed messages' direct encoder writes exactly what the generic
//! path (`to_pdu().encode()`) writes, over every PDU of the corpus, the
//! builder's messages and hand-edited typed messages; typed decoding moves
//! the values without changing what it reads.

use mms_pdu::mms::message::{Message, NotificationInd, RetrieveConf, SendReq};
use mms_pdu::wsp::{EncodedString, Text};
use mms_pdu::{FieldCode, Header, Pdu, Value};

#[path = "support/corpus.rs"]
mod corpus;
use corpus::mms_pdus;

/// The direct encoder against the generic one: same octets, or the same
/// error; `encoded_len` and `validate` agree with them.
fn same_as_generic(m: &Message<'_>) {
    let direct = m.encode();
    let generic = m.to_pdu().encode();
    assert_eq!(direct, generic, "{m:?}");
    if let (Ok(bytes), Message::SendReq(r)) = (&direct, m) {
        assert_eq!(r.encoded_len(), bytes.len());
        assert!(r.validate().is_ok());
    }
}

#[test]
fn direct_encoding_matches_the_generic_one_over_the_corpus() {
    let mut typed = 0;
    for (_, bytes) in mms_pdus() {
        let Ok(m) = Message::decode(&bytes) else {
            continue;
        };
        typed += 1;
        same_as_generic(&m);
        // Canonical fields (values rebuilt from the typed ones).
        let owned = m.clone();
        same_as_generic(&owned);
    }
    assert!(
        typed > 40,
        "only {typed} corpus PDUs decoded as typed messages"
    );
}

#[test]
fn direct_encoding_matches_for_edited_and_built_messages() {
    let bytes = std::fs::read("tests/corpus/mmsd/ni-mms-1-3-con-271.mms").unwrap();
    let mut n = NotificationInd::decode(&bytes).unwrap();
    n.subject = Some(EncodedString::new("Grüße").unwrap());
    n.transaction_id = Text::new("T-edited").unwrap();
    n.others.push((
        1,
        Header::Application {
            name: Text::new("X-App").unwrap(),
            value: Text::new("v").unwrap(),
        },
    ));
    n.others.push((
        3,
        Header::field(FieldCode(0x7E), Value::Raw(vec![0x87].into())),
    ));
    same_as_generic(&Message::NotificationInd(n.clone()));
    assert_eq!(n.encoded_len(), n.encode().unwrap().len());
    // A kept header before X-Mms-Message-Type: both encoders refuse it
    // (MMS_ENC 1.3 §7.1: the type opens the PDU).
    let mut first = n.clone();
    first.others.push((
        0,
        Header::field(FieldCode(0x7D), Value::Raw(vec![0x87].into())),
    ));
    same_as_generic(&Message::NotificationInd(first.clone()));
    assert!(first.encode().is_err());

    let req = SendReq::builder()
        .transaction_id("T1")
        .to("+33612345678")
        .cc("a@example.com")
        .subject("Holidays")
        .text("t.txt", "hello")
        .attachment("image/jpeg", "a.jpg", vec![0xFF; 2048])
        .build()
        .unwrap();
    same_as_generic(&Message::SendReq(req.clone()));
    // A value the grammar refuses: both encoders refuse it alike.
    let mut bad = req;
    bad.priority = Some(mms_pdu::mms::typed::Priority::new(0x05));
    same_as_generic(&Message::SendReq(bad.clone()));
    assert!(bad.encode().is_err());
    assert!(bad.validate().is_err());
}

#[test]
fn typed_decoding_reads_what_the_generic_pdu_holds() {
    for (path, bytes) in mms_pdus() {
        let (Ok(pdu), Ok(m)) = (Pdu::decode(&bytes), Message::decode(&bytes)) else {
            continue;
        };
        // The typed message stands for the same header list (as values).
        let back = m.to_pdu();
        let values = |p: &Pdu<'_>| -> Vec<(Option<FieldCode>, Option<Value<'static>>)> {
            p.headers
                .iter()
                .map(|h| (h.code(), h.value().cloned().map(Value::into_owned)))
                .collect()
        };
        assert_eq!(values(&back), values(&pdu), "{path}");
        assert_eq!(back.body, pdu.body);
    }
    let bytes = std::fs::read("tests/corpus/sailfish/test_mms_codec-m-retrieve_1.conf").unwrap();
    let conf = RetrieveConf::decode(&bytes).unwrap();
    assert!(conf.body.is_some());
}

/// The vectored encoding is the contiguous one, cut where shared parts of
/// `Pdu::SHARED_CHUNK_MIN` octets or more are handed on: over the corpus,
/// decoded borrowing (nothing shared: one chunk) and decoded from a shared
/// buffer (each large part a chunk pointing into that buffer).
#[test]
fn vectored_encoding_is_the_contiguous_one_over_the_corpus() {
    let mut shared_chunks = 0;
    for (path, bytes) in mms_pdus() {
        let Ok(pdu) = Pdu::decode(&bytes) else {
            continue;
        };
        let Ok(contiguous) = pdu.encode() else {
            continue;
        };
        let chunks = pdu.encode_vectored().unwrap();
        assert_eq!(chunks.len(), 1, "{path}");
        assert_eq!(chunks.concat(), contiguous, "{path}");
        let buf = bytes::Bytes::from(bytes.clone());
        let pdu = Pdu::decode_shared(&buf).unwrap();
        let chunks = pdu.encode_vectored().unwrap();
        assert_eq!(chunks.concat(), contiguous, "{path}");
        let range = buf.as_ptr() as usize..buf.as_ptr() as usize + buf.len();
        for c in &chunks {
            if range.contains(&(c.as_ptr() as usize)) {
                assert!(c.len() >= Pdu::SHARED_CHUNK_MIN);
                shared_chunks += 1;
            }
        }
    }
    assert!(shared_chunks > 10, "{shared_chunks} shared chunks");
}
