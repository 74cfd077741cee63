//! Multipart bodies: `Multipart::decode` of the input (or, when the input
//! is an MMS PDU, of its multipart body) never panics; the parts walk, and
//! the body re-encodes at the announced length to octets that decode to
//! the same parts; re-encoding that gives the same octets again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mms_pdu::wsp::Multipart;
use mms_pdu::{Body, Pdu};
use mms_pdu_fuzz::{check_error, exercise_multipart, same_multipart, LENIENT};

fn check(m: &Multipart<'_>) {
    exercise_multipart(m, &LENIENT);
    assert_eq!(&m.clone().into_owned(), m);
    let bytes = m.to_vec().expect("a decoded body encodes");
    assert_eq!(bytes.len(), m.encoded_len());
    let again = Multipart::decode(&bytes).expect("a re-encoded body decodes");
    assert!(
        same_multipart(&again, m),
        "parts changed:\n{m:#?}\n{again:#?}"
    );
    assert_eq!(again.to_vec().expect("encodes"), bytes, "not a fixed point");
}

fuzz_target!(|data: &[u8]| {
    // Seeds are whole PDUs: fuzz their bodies in place too.
    if data.first() == Some(&0x8C) {
        if let Ok(Pdu {
            body: Some(Body::Multipart(m)),
            ..
        }) = Pdu::decode(data)
        {
            check(&m);
        }
    }
    match Multipart::decode(data) {
        Err(e) => check_error(&e, data),
        Ok(m) => check(&m),
    }
});
