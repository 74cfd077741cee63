//! Strict decoding: never panics; a PDU that decodes strictly decodes
//! leniently to the same value without warnings, and a lenient decode
//! without warnings is a strict success; a strict PDU re-encodes to a
//! strict PDU of the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mms_pdu::Pdu;
use mms_pdu_fuzz::{check_error, exercise_pdu, same_body, STRICT};

fuzz_target!(|data: &[u8]| {
    let strict = Pdu::decode_with(data, &STRICT);
    let lenient = Pdu::decode(data);
    if let Ok(l) = &lenient {
        if l.warnings.is_empty() {
            assert!(
                strict.is_ok(),
                "lenient without warnings, strict failed: {:?}",
                strict.as_ref().err()
            );
        }
    }
    match strict {
        Err(e) => check_error(&e, data),
        Ok(pdu) => {
            exercise_pdu(&pdu, data, &STRICT);
            assert!(pdu.warnings.is_empty());
            assert!(pdu.trailing.is_empty());
            let l = lenient.expect("a strict PDU decodes leniently");
            assert!(l.warnings.is_empty(), "{:?}", l.warnings);
            assert_eq!(l.headers, pdu.headers);
            assert!(same_body(l.body.as_ref(), pdu.body.as_ref()));
            let bytes = pdu.encode().expect("a strict PDU encodes");
            let again = Pdu::decode_with(&bytes, &STRICT).expect("and decodes strictly again");
            assert_eq!(again.headers, pdu.headers);
            assert!(
                same_body(again.body.as_ref(), pdu.body.as_ref()),
                "body changed:\n{:#?}\n{:#?}",
                pdu.body,
                again.body
            );
        }
    }
});
