//! One reading of every PDU: the eager decoder (`Pdu::decode`), the lazy
//! view (`PduView`) and the typed messages cut headers and find the body
//! with the same function, so for every input they agree on whether it is
//! a PDU, on its fields (codes, application-header names, value extents)
//! and on where the body starts. Checked on the reproducers that once made
//! them disagree, on every corpus PDU, and on generated and mutated input.

use mms_pdu::mms::message::Message;
use mms_pdu::mms::view::PduView;
use mms_pdu::wsp::{EncodedString, Text};
use mms_pdu::{DecodeOptions, ErrorKind, FieldCode, Limits, Pdu, Value};

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/one_reading.rs"]
mod support;
use corpus::mms_pdus;
use proptest::prelude::*;
use support::agree;

const STRICT: DecodeOptions = DecodeOptions {
    limits: Limits::DEFAULT,
    strict: true,
};

fn subject(pdu: &Pdu<'_>) -> Vec<u8> {
    match pdu.get(FieldCode::SUBJECT) {
        Some(Value::EncodedString(s)) => s.as_bytes().to_vec(),
        other => panic!("{other:?}"),
    }
}

/// The smuggling reproducer: an unquoted Subject opening with 0xC1. By the
/// generic extent rule 0xC1 is a one-octet short-integer, after which
/// `84 83` would read as a Content-Type text/plain and `41 00` as a body.
/// Every reader takes the Subject as text to its NUL, and says so.
#[test]
fn an_unquoted_high_subject_is_text_to_its_nul_for_every_reader() {
    let bytes = b"\x8C\x80\x98T\0\x8D\x92\x96\xC1\x84\x83A\0";
    assert!(agree(bytes).unwrap());
    let pdu = Pdu::decode(bytes).unwrap();
    assert_eq!(pdu.headers.len(), 4);
    assert!(pdu.body.is_none());
    assert_eq!(subject(&pdu), b"\xC1\x84\x83A");
    assert_eq!(pdu.warnings.len(), 1);
    assert_eq!(pdu.warnings[0].offset(), 8);
    assert_eq!(pdu.warnings[0].context(), "Subject");
    assert!(matches!(
        pdu.warnings[0].kind(),
        ErrorKind::Unexpected { found: 0xC1, .. }
    ));
    let view = PduView::parse(bytes).unwrap();
    assert!(view.body().is_none());
    let f = view.fields().nth(3).unwrap();
    assert_eq!(
        (f.code, f.value, f.offset),
        (Some(FieldCode::SUBJECT), &b"\xC1\x84\x83A\0"[..], 8)
    );
    assert_eq!(f.deviation, Some(pdu.warnings[0]));
    let err = Pdu::decode_with(bytes, &STRICT).unwrap_err();
    assert_eq!((err.offset(), err.context()), (8, "Subject"));
    // The typed message keeps the warning.
    let m = Message::decode(bytes).unwrap();
    assert!(m.warnings().iter().any(|w| w.offset() == Some(8)));
    assert!(Message::decode_strict(bytes).is_err());
}

/// The same subject with its Quote is clean.
#[test]
fn a_quoted_high_subject_is_clean() {
    let bytes = b"\x8C\x80\x98T\0\x8D\x92\x96\x7F\xC1\x84\x83A\0";
    assert!(agree(bytes).unwrap());
    let pdu = Pdu::decode_with(bytes, &STRICT).unwrap();
    assert!(pdu.warnings.is_empty());
    assert_eq!(subject(&pdu), b"\xC1\x84\x83A");
    assert_eq!(pdu.encode().unwrap(), bytes);
}

/// A Transaction-Id opening with 0x1F (a uintvar length by the generic
/// rule) and one opening with 0x01 (a short length): text to the NUL.
#[test]
fn a_text_field_opening_with_a_control_octet_is_text_to_its_nul() {
    for (bytes, tid) in [
        (&b"\x8C\x80\x98\x1FAB\0\x8D\x92"[..], &b"\x1FAB"[..]),
        (&b"\x8C\x80\x98\x01\x02\0\x8D\x92"[..], &b"\x01\x02"[..]),
    ] {
        assert!(agree(bytes).unwrap());
        let pdu = Pdu::decode(bytes).unwrap();
        assert_eq!(pdu.headers.len(), 3, "{bytes:02X?}");
        assert_eq!(
            pdu.get(FieldCode::TRANSACTION_ID),
            Some(&Value::Text(Text::from_bytes(tid).unwrap()))
        );
        assert_eq!(pdu.warnings.len(), 1);
        assert_eq!(pdu.warnings[0].offset(), 3);
        assert!(Pdu::decode_with(bytes, &STRICT).is_err());
    }
}

/// A Quote before an octet below 0x80 must not be there.
#[test]
fn a_quote_before_a_low_octet_is_a_deviation() {
    let bytes = b"\x8C\x80\x98\x7FT1\0\x8D\x92";
    assert!(agree(bytes).unwrap());
    let pdu = Pdu::decode(bytes).unwrap();
    assert_eq!(
        pdu.get(FieldCode::TRANSACTION_ID),
        Some(&Value::Text(Text::new("T1").unwrap()))
    );
    assert_eq!(pdu.warnings.len(), 1);
    let err = Pdu::decode_with(bytes, &STRICT).unwrap_err();
    assert_eq!((err.offset(), err.context()), (3, "X-Mms-Transaction-Id"));
    // Re-encoded as decoded: byte for byte.
    assert_eq!(pdu.encode().unwrap(), bytes);
}

/// An encoded-string-value's Value-length form is not text: 0x01–0x1F
/// opens it, as WAP-230 §8.4.2.8 says.
#[test]
fn an_encoded_string_in_its_charset_form_is_cut_by_its_length() {
    let s = EncodedString::with_charset(mms_pdu::wsp::Charset::UTF_8, "é".as_bytes());
    let mut pdu = Pdu::new(mms_pdu::MessageType::SEND_REQ, mms_pdu::Version::V1_2);
    pdu.push(FieldCode::SUBJECT, Value::EncodedString(s));
    let bytes = pdu.encode().unwrap();
    assert!(agree(&bytes).unwrap());
    assert!(Pdu::decode_with(&bytes, &STRICT)
        .unwrap()
        .warnings
        .is_empty());
}

/// A text value without its NUL at the very end is read to the end by every
/// reader, with a warning.
#[test]
fn a_text_running_to_the_end_is_read_to_the_end_by_every_reader() {
    let bytes = b"\x8C\x80\x98T1\0\x96Hello";
    assert!(agree(bytes).unwrap());
    let pdu = Pdu::decode(bytes).unwrap();
    assert_eq!(subject(&pdu), b"Hello");
    assert_eq!(pdu.warnings.len(), 1);
    assert!(matches!(
        pdu.warnings[0].kind(),
        ErrorKind::Unterminated { .. }
    ));
    assert!(Pdu::decode_with(bytes, &STRICT).is_err());
}

/// Application headers, in the PDU: an unquoted high value is read to its
/// NUL and reported.
#[test]
fn an_application_header_with_an_unquoted_high_value_is_reported() {
    let bytes = b"\x8C\x80\x98T1\0X-Foo\0\xE9t\xE9\0\x8D\x92";
    assert!(agree(bytes).unwrap());
    let pdu = Pdu::decode(bytes).unwrap();
    assert_eq!(pdu.headers.len(), 4);
    assert_eq!(pdu.warnings.len(), 1);
    assert_eq!(pdu.warnings[0].offset(), 12);
    assert!(Pdu::decode_with(bytes, &STRICT).is_err());
}

/// The typed decode checks the header table while it cuts, so it meets
/// X-Mms-MMS-Version only where the PDU puts it. A header newer than the
/// version, placed before it, is judged by the version all the same: too new
/// for 1.1, not for 1.3; a version below 1.0 makes even the 1.0
/// Transaction-Id too new; a version that does not read counts as 1.0.
#[test]
fn a_version_met_late_judges_the_headers_before_it() {
    use mms_pdu::mms::message::Warning;
    use mms_pdu::mms::rules::ViolationKind;
    let too_new = |version: &[u8]| -> Vec<FieldCode> {
        // m-send-req: Transaction-Id, X-Mms-Replace-ID (MMS 1.3), then the
        // version, a To.
        let mut bytes = b"\x8C\x80\x98T\0\xBDid\0\x8D".to_vec();
        bytes.extend_from_slice(version);
        bytes.extend_from_slice(b"\x97+1/TYPE=PLMN\0");
        assert!(agree(&bytes).unwrap());
        let m = Message::decode(&bytes).unwrap();
        m.warnings()
            .iter()
            .filter_map(|w| match w {
                Warning::Header(v) if matches!(v.kind, ViolationKind::TooNew { .. }) => {
                    Some(v.field)
                }
                _ => None,
            })
            .collect()
    };
    let replace_id = FieldCode(0x3D);
    assert_eq!(too_new(b"\x91"), [replace_id]);
    assert_eq!(too_new(b"\x93"), []);
    assert_eq!(too_new(b"\x01\x00"), [replace_id]);
    let zero = too_new(b"\x85");
    assert!(zero.contains(&FieldCode::TRANSACTION_ID) && zero.contains(&replace_id));
    assert!(zero.contains(&FieldCode::MESSAGE_TYPE));
}

#[test]
fn every_corpus_pdu_reads_one_way() {
    let mut decoded = 0;
    for (file, bytes) in mms_pdus() {
        if agree(&bytes).unwrap_or_else(|e| panic!("{file}: {e}")) {
            decoded += 1;
        }
    }
    assert!(decoded >= 80, "{decoded}");
}

/// Every corpus PDU with each of its first 128 octets replaced by values
/// that change how a field is cut (controls, Quote, high octets, NUL).
#[test]
fn mutated_corpus_headers_read_one_way() {
    let mut checked = 0;
    for (file, bytes) in mms_pdus() {
        for at in 0..bytes.len().min(128) {
            for octet in [0x00, 0x01, 0x1E, 0x1F, 0x20, 0x7F, 0x80, 0x84, 0xC1, 0xFF] {
                let mut b = bytes.clone();
                b[at] = octet;
                agree(&b).unwrap_or_else(|e| panic!("{file} [{at}] = {octet:#04x}: {e}"));
                checked += 1;
            }
        }
    }
    assert!(checked > 60_000, "{checked}");
}

/// A byte generator biased towards the octets that decide how a field is cut.
fn octet() -> impl Strategy<Value = u8> {
    prop_oneof![
        3 => 0x80u8..=0xFF,
        2 => 0x20u8..=0x7E,
        1 => 0x00u8..=0x1F,
        1 => Just(0x7F),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    #[test]
    fn generated_pdus_read_one_way(x in proptest::collection::vec(octet(), 0..80)) {
        let mut bytes = vec![0x8C];
        bytes.extend(x);
        agree(&bytes).map_err(TestCaseError::fail)?;
    }
}
