//! Canonical round trip: decode, forget the wire octets (`canonicalize`),
//! encode every value canonically, decode again: the same values (for a
//! PDU that decoded without warnings; see below). The
//! canonical encoding is a fixed point (encoding the re-decoded PDU
//! canonically gives the same octets); an owned copy encodes as the PDU
//! does, and canonically as the canonical PDU.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mms_pdu::Pdu;
use mms_pdu_fuzz::{same_body, same_header_values};

fuzz_target!(|data: &[u8]| {
    let Ok(pdu) = Pdu::decode(data) else {
        return;
    };
    let mut canon = pdu.clone();
    canon.canonicalize();
    let bytes = canon.encode().expect("a canonicalized PDU encodes");
    assert_eq!(bytes.len(), canon.encoded_len());
    if !pdu.warnings.is_empty() {
        // What lenient decoding kept as raw octets, or as text without its
        // NUL, has no canonical form: writing it canonically may change how
        // the octets around it read (a NUL added at the end ends an earlier
        // unterminated text). Only require that it decodes without panic.
        let _ = Pdu::decode(&bytes);
        return;
    }
    let again = Pdu::decode(&bytes).expect("a canonical PDU decodes");
    assert!(
        same_header_values(&again.headers, &pdu.headers),
        "headers changed:\n{:#?}\n{:#?}",
        pdu.headers,
        again.headers
    );
    assert!(
        same_body(again.body.as_ref(), pdu.body.as_ref()),
        "body changed:\n{:#?}\n{:#?}",
        pdu.body,
        again.body
    );
    assert_eq!(again.trailing, pdu.trailing);

    let mut again = again;
    again.canonicalize();
    assert_eq!(again.encode().expect("encodes"), bytes, "not a fixed point");

    // An owned copy keeps the wire octets, and drops them on canonicalize.
    let wire = pdu.encode().expect("a decoded PDU encodes");
    let mut owned = pdu.into_owned();
    assert_eq!(owned.encode().expect("an owned copy encodes"), wire);
    owned.canonicalize();
    assert_eq!(owned.encode().expect("encodes"), bytes);
});
