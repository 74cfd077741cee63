//! Generic PDU decode: never panics; whatever decodes re-encodes, and the
//! re-encoding decodes to the same PDU (semantic round trip: WSP allows
//! several encodings of one value, so bodies are compared by value).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mms_pdu::Pdu;

fuzz_target!(|data: &[u8]| {
    if let Ok(pdu) = Pdu::decode(data) {
        let bytes = pdu.encode().expect("a decoded PDU encodes");
        let again = Pdu::decode(&bytes).expect("a re-encoded PDU decodes");
        assert_eq!(again.headers, pdu.headers);
        assert_eq!(again.body, pdu.body);
        assert_eq!(again.trailing, pdu.trailing);
    }
});
