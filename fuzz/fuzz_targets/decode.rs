//! Generic PDU decode: never panics; errors point inside the input;
//! whatever decodes re-encodes, at the length `encoded_len` announces, and
//! the re-encoding decodes to the same PDU (semantic round trip: WSP allows
//! several encodings of one value, so multipart bodies are compared by
//! value). The typed layer (`Message::from_pdu`, the header-table rules)
//! reads the PDU without panicking; `decode_shared` decodes the same; the
//! lazy `PduView` cuts, decodes and walks it without panicking. The same
//! input is also decoded under tiny limits, which must be enforced.
#![no_main]

use bytes::Bytes;
use libfuzzer_sys::fuzz_target;
use mms_pdu::mms::message::Message;
use mms_pdu::mms::view::PduView;
use mms_pdu::Pdu;
use mms_pdu_fuzz::{check_error, exercise_pdu, same_body, LENIENT, TINY};

fuzz_target!(|data: &[u8]| {
    match Pdu::decode(data) {
        Err(e) => check_error(&e, data),
        Ok(pdu) => {
            exercise_pdu(&pdu, data, &LENIENT);
            // The typed layer reads the same PDU: no panic, whatever it says.
            let _ = mms_pdu::mms::rules::check(&pdu);
            if let Ok(m) = Message::from_pdu(pdu.clone(), &mms_pdu::DecodeOptions::LENIENT) {
                let _ = (m.warnings().len(), m.encode());
            }
            let bytes = pdu.encode().expect("a decoded PDU encodes");
            assert_eq!(bytes.len(), pdu.encoded_len());
            let again = Pdu::decode(&bytes).expect("a re-encoded PDU decodes");
            assert_eq!(again.headers, pdu.headers);
            assert!(
                same_body(again.body.as_ref(), pdu.body.as_ref()),
                "body changed:\n{:#?}\n{:#?}",
                pdu.body,
                again.body
            );
            assert_eq!(again.trailing, pdu.trailing);
        }
    }
    // The shared-buffer decode is the same decode.
    let shared = Pdu::decode_shared(&Bytes::copy_from_slice(data));
    assert_eq!(shared, Pdu::decode(data));
    view(data);
    match Pdu::decode_with(data, &TINY) {
        Err(e) => check_error(&e, data),
        Ok(pdu) => exercise_pdu(&pdu, data, &TINY),
    }
});

/// The lazy view: cutting the header block, decoding each field on demand
/// and walking the parts in place never panic, and everything points
/// inside the input.
fn view(data: &[u8]) {
    let v = match PduView::parse(data) {
        Ok(v) => v,
        Err(e) => return check_error(&e, data),
    };
    let mt = v.message_type();
    let mut n = 0;
    for f in v.fields() {
        n += 1;
        assert!(f.offset + f.value.len() <= data.len());
        let _ = f.decode(mt);
        if let Some(e) = f.deviation {
            check_error(&e, data);
        }
        let _ = f.text();
    }
    assert_eq!(n, v.len());
    assert!(n <= mms_pdu::Limits::DEFAULT.max_headers);
    let _ = (v.trailing(), v.get(mms_pdu::FieldCode::SUBJECT));
    let body = v.body().unwrap_or_default();
    match v.parts() {
        Some(Ok(parts)) => {
            for p in parts {
                let p = match p {
                    Ok(p) => p,
                    Err(e) => {
                        // Offsets count from the start of the PDU.
                        check_error(&e, data);
                        assert!(e.offset() >= data.len() - body.len());
                        break;
                    }
                };
                let _ = (p.media(), p.decode_content_type());
                for h in p.header_iter() {
                    if let Err(e) = h {
                        check_error(&e, p.headers);
                    }
                }
            }
        }
        Some(Err(e)) => check_error(&e, data),
        None => {}
    }
    // Under tiny limits the walk stops where the eager decoder does.
    if let Ok(v) = PduView::parse_with(data, &TINY.limits) {
        if let Some(Ok(parts)) = v.parts_with(&TINY.limits) {
            let walked = parts.take_while(Result::is_ok).count();
            assert!(walked <= TINY.limits.max_parts);
        }
    }
}
