//! The MMS PDUs of `tests/corpus` (every file `MANIFEST.tsv` lists but the
//! WAP pushes), by name, for the tests that walk them all. Included with
//! `#[path]` by each test that needs it.

use std::path::PathBuf;

/// Each listed MMS PDU: its path under `tests/corpus` and its octets.
pub fn mms_pdus() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv")).unwrap();
    manifest
        .lines()
        .skip(1)
        .filter(|l| !l.split('\t').nth(5).unwrap_or("").contains("wap-push"))
        .map(|l| {
            let file = l.split('\t').next().unwrap().to_string();
            let bytes = std::fs::read(dir.join(&file)).unwrap();
            (file, bytes)
        })
        .collect()
}
