//! One reading of every input: the eager decoder (`Pdu::decode`), the lazy
//! view (`PduView`) and the typed messages cut headers and find the body
//! with one function, so they must agree on every input: the view parses
//! exactly when lenient `Pdu::decode` succeeds, both give the same fields
//! (codes, application-header names, value extents and values) and the same
//! body start, the typed message carries the decoder's warnings and body,
//! and decode → encode → decode gives the same PDU.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mms_pdu::mms::message::{Message, Warning};
use mms_pdu::mms::view::PduView;
use mms_pdu::{Body, Header, Pdu};
use mms_pdu_fuzz::same_body;

fuzz_target!(|data: &[u8]| {
    let (pdu, view) = match (Pdu::decode(data), PduView::parse(data)) {
        (Ok(p), Ok(v)) => (p, v),
        (Err(a), Err(b)) => {
            assert_eq!(a, b, "both fail, at different places");
            assert!(Message::decode(data).is_err());
            return;
        }
        (e, v) => panic!("eager {:?}, view {:?}", e.err(), v.err()),
    };
    assert_eq!(view.len(), pdu.headers.len());
    let base = data.as_ptr() as usize;
    let mut block_end = 0;
    for (f, h) in view.fields().zip(&pdu.headers) {
        assert_eq!(f.code, h.code());
        match h {
            Header::Field(field) => {
                let raw = field.raw().expect("a decoded field keeps its octets");
                assert_eq!(raw.as_ptr() as usize, base + f.offset, "value extents differ");
                assert_eq!(raw.len(), f.value.len(), "value extents differ");
                assert_eq!(f.decode(view.message_type()).as_ref(), Some(field.value()));
                block_end = f.offset + f.value.len();
            }
            Header::Application { name, value } => {
                assert_eq!(name.as_bytes(), f.name);
                assert_eq!(Some(value), f.text().as_ref());
                block_end = f.offset + f.value.len() + 1;
            }
        }
    }
    match (&pdu.body, view.body()) {
        (None, None) => assert_eq!(view.trailing(), pdu.trailing.as_ref()),
        (Some(body), Some(vbody)) => {
            assert_eq!(vbody.as_ptr() as usize, base + block_end, "body starts differ");
            if let Body::Data(d) = body {
                assert_eq!(&d[..], vbody);
            }
        }
        _ => panic!("one reader has a body, the other not"),
    }
    let known = pdu.message_type().is_some_and(|t| t.name().is_some());
    match Message::decode(data) {
        Ok(m) => {
            let decode: Vec<_> = m
                .warnings()
                .iter()
                .filter_map(|w| match w {
                    Warning::Decode(e) => Some(*e),
                    _ => None,
                })
                .collect();
            assert_eq!(decode, pdu.warnings, "typed warnings differ");
            assert!(same_body(m.to_pdu().body.as_ref(), pdu.body.as_ref()));
            assert_eq!(m.is_complete(), pdu.is_complete());
        }
        Err(e) => assert!(!known, "typed decode fails on a known type: {e}"),
    }
    let bytes = pdu.encode().expect("a decoded PDU re-encodes");
    let back = Pdu::decode(&bytes).expect("a re-encoded PDU decodes");
    assert!(back
        .headers
        .iter()
        .map(Header::value)
        .eq(pdu.headers.iter().map(Header::value)));
    assert!(same_body(back.body.as_ref(), pdu.body.as_ref()));
});
