//! One reading of every input: the eager decoder (`Pdu::decode`), the lazy
//! view (`PduView`) and the typed messages cut headers and find the body
//! with one function, so they must agree on every input: the view parses
//! exactly when lenient `Pdu::decode` succeeds, both give the same fields
//! (codes, application-header names, value extents and values) and the same
//! body start, the typed message carries the decoder's warnings and body,
//! and decode → encode → decode gives the same PDU. The checks are the ones
//! `tests/one_reading.rs` runs (`tests/support/one_reading.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/one_reading.rs"]
mod support;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = support::agree(data) {
        panic!("{e}");
    }
});
