//! mmsdump's views: any octets render in every view (the tree, `--hex`,
//! `--summary`, `--json`, as an MMS PDU and as a push, colour off) without
//! a panic, and the output holds no control character but the newline (no
//! C0, DEL or C1), no bidi control, no line or paragraph separator and no
//! byte order mark: what the input says never drives the terminal.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../examples/mmsdump/main.rs"]
mod mmsdump;

const VIEWS: &[&[&str]] = &[
    &["--with-data"],
    &["--strict"],
    &["--hex"],
    &["--summary", "--strict"],
    &["--json", "--pretty", "--with-data"],
    &["--push", "--with-data"],
    &["--push", "--hex"],
    &["--search", "--summary"],
    &["--connection-mode", "--json"],
];

#[path = "../../tests/support/terminal.rs"]
mod terminal;
use terminal::forbidden;

fuzz_target!(|data: &[u8]| {
    for view in VIEWS {
        let mut options = vec!["--color=never"];
        options.extend_from_slice(view);
        let mut out = Vec::new();
        let status = mmsdump::render(&options, "input", data.to_vec(), &mut out);
        assert!(status == 0 || status == 1, "{view:?}: status {status}");
        let text = std::str::from_utf8(&out).expect("mmsdump writes UTF-8");
        if let Some(c) = text.chars().find(|&c| forbidden(c)) {
            panic!("{view:?}: {c:?} reaches the terminal in {text:?}");
        }
    }
});
