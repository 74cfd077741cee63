//! Mutation sweep over the whole corpus (`tests/corpus/MANIFEST.tsv`).
//!
//! Every MMS PDU of the corpus (kinds `mms-pdu` and `hex-extracted`) is
//! truncated at every length, and has each of its octets flipped (xor 0xFF)
//! and incremented (+1, wrapping), one at a time; every such input decodes,
//! leniently and strictly, to `Ok` or to a `DecodeError` whose offset lies
//! inside the input (and so do the warnings of an `Ok`), never to a panic.
//! Every WAP push (kind `wap-push`) goes the same way through
//! `Push::decode`, and the MMS PDU of a decoded push through `Pdu::decode`.
//!
//! Files over 20 KB are swept over their first 2 KB (the headers and the
//! first part headers) and then at every 97th octet, which keeps the test
//! within seconds in a debug build. A file the manifest lists but that is
//! missing, or whose size differs from the manifest's, fails the test.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use mms_pdu::wsp::push::{Push, PushOptions};
use mms_pdu::{DecodeError, DecodeOptions, Limits, Pdu};

const STRICT: DecodeOptions = DecodeOptions {
    limits: Limits::DEFAULT,
    strict: true,
};

/// Files above this size are sampled rather than swept octet by octet.
const FULL_SWEEP_MAX: usize = 20 * 1024;
/// The head of a sampled file that is still swept octet by octet.
const SAMPLED_HEAD: usize = 2 * 1024;
/// The sampling step over the rest of a sampled file.
const SAMPLE_STEP: usize = 97;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Pdu,
    Push,
}

struct Entry {
    path: String,
    kind: Kind,
    bytes: Vec<u8>,
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Every file of the manifest, read; a missing or resized file panics.
fn manifest() -> Vec<Entry> {
    let dir = corpus_dir();
    let text = std::fs::read_to_string(dir.join("MANIFEST.tsv")).expect("MANIFEST.tsv");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("a header line").split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|c| *c == name)
            .unwrap_or_else(|| panic!("MANIFEST.tsv has no `{name}` column"))
    };
    let (file, kind, size) = (col("file"), col("kind"), col("size"));
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let path = cols[file].to_string();
        let kind = match cols[kind] {
            "mms-pdu" | "hex-extracted" => Kind::Pdu,
            "wap-push" => Kind::Push,
            other => panic!("{path}: unknown kind {other:?}"),
        };
        match std::fs::read(dir.join(&path)) {
            Ok(bytes) => {
                if cols[size].parse::<usize>().ok() != Some(bytes.len()) {
                    problems.push(format!(
                        "{path}: {} octets, the manifest says {}",
                        bytes.len(),
                        cols[size]
                    ));
                }
                out.push(Entry { path, kind, bytes });
            }
            Err(e) => problems.push(format!("{path}: listed in MANIFEST.tsv but {e}")),
        }
    }
    assert!(
        problems.is_empty(),
        "corpus problems:\n{}",
        problems.join("\n")
    );
    assert!(!out.is_empty());
    out
}

/// The octet positions swept: all of them, or the sampled head and rest.
fn positions(len: usize) -> impl Iterator<Item = usize> {
    let head = if len > FULL_SWEEP_MAX {
        SAMPLED_HEAD
    } else {
        len
    };
    (0..head).chain((head..len).step_by(SAMPLE_STEP))
}

fn check_error(e: &DecodeError, input: &[u8], what: &str) -> Result<(), String> {
    if e.offset() <= input.len() {
        Ok(())
    } else {
        Err(format!(
            "{what}: error offset {} past the {} octets: {e}",
            e.offset(),
            input.len()
        ))
    }
}

fn check_pdu(input: &[u8], opts: &DecodeOptions) -> Result<(), String> {
    match Pdu::decode_with(input, opts) {
        Ok(p) => p
            .warnings
            .iter()
            .try_for_each(|w| check_error(w, input, "warning")),
        Err(e) => check_error(&e, input, "error"),
    }
}

fn check_push(input: &[u8]) -> Result<(), String> {
    for opts in [
        PushOptions::default(),
        PushOptions {
            decode: STRICT,
            ..PushOptions::default()
        },
    ] {
        match Push::decode_with(input, &opts) {
            Ok(p) => {
                for w in &p.warnings {
                    check_error(w, input, "push warning")?;
                }
                if p.body_offset + p.body.len() > input.len() {
                    return Err(format!(
                        "body at {}..{} past the {} octets",
                        p.body_offset,
                        p.body_offset + p.body.len(),
                        input.len()
                    ));
                }
                match p.mms_pdu() {
                    Some(Ok(pdu)) => {
                        for w in &pdu.warnings {
                            check_error(w, &p.body, "body warning")?;
                        }
                    }
                    Some(Err(e)) => check_error(&e, &p.body, "body error")?,
                    None => {}
                }
            }
            Err(e) => check_error(&e, input, "push error")?,
        }
    }
    Ok(())
}

/// Decodes `input` as `kind` in every mode; a panic or a bad offset is
/// recorded in `failures` under `label`.
fn check(kind: Kind, input: &[u8], label: &dyn Fn() -> String, failures: &mut Vec<String>) {
    let run = || match kind {
        Kind::Pdu => {
            check_pdu(input, &DecodeOptions::default()).and_then(|()| check_pdu(input, &STRICT))
        }
        Kind::Push => check_push(input),
    };
    match catch_unwind(AssertUnwindSafe(run)) {
        Ok(Ok(())) => {}
        Ok(Err(msg)) => failures.push(format!("{}: {msg}", label())),
        Err(_) => failures.push(format!("{}: PANIC", label())),
    }
}

/// Sweeps one file; returns the number of inputs decoded.
fn sweep(e: &Entry, failures: &mut Vec<String>) -> usize {
    let len = e.bytes.len();
    let mut n = 0;
    check(e.kind, &e.bytes, &|| format!("{} as is", e.path), failures);
    for cut in positions(len) {
        check(
            e.kind,
            &e.bytes[..cut],
            &|| format!("{} truncated to {cut}", e.path),
            failures,
        );
        n += 1;
    }
    let mut buf = e.bytes.clone();
    for at in positions(len) {
        let orig = buf[at];
        for (op, new) in [("^0xFF", orig ^ 0xFF), ("+1", orig.wrapping_add(1))] {
            buf[at] = new;
            check(
                e.kind,
                &buf,
                &|| format!("{} octet {at} 0x{orig:02X}{op}", e.path),
                failures,
            );
            n += 1;
        }
        buf[at] = orig;
    }
    n
}

fn sweep_all(filter: impl Fn(&Entry) -> bool) {
    let start = std::time::Instant::now();
    let mut failures = Vec::new();
    let (mut files, mut inputs) = (0, 0);
    for e in manifest().iter().filter(|e| filter(e)) {
        files += 1;
        inputs += sweep(e, &mut failures);
    }
    println!(
        "{files} files, {inputs} mutated inputs, {:.1?}",
        start.elapsed()
    );
    assert!(files > 0);
    assert!(
        failures.is_empty(),
        "{} failures, the first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
}

#[test]
fn manifest_lists_existing_files_of_the_stated_sizes() {
    let m = manifest();
    assert!(m.iter().any(|e| e.kind == Kind::Pdu));
    assert!(m.iter().any(|e| e.kind == Kind::Push));
}

#[test]
fn every_mutation_of_every_small_corpus_pdu_decodes_or_fails_cleanly() {
    sweep_all(|e| e.kind == Kind::Pdu && e.bytes.len() <= FULL_SWEEP_MAX);
}

#[test]
fn sampled_mutations_of_every_large_corpus_pdu_decode_or_fail_cleanly() {
    sweep_all(|e| e.kind == Kind::Pdu && e.bytes.len() > FULL_SWEEP_MAX);
}

#[test]
fn every_mutation_of_every_corpus_push_decodes_or_fails_cleanly() {
    sweep_all(|e| e.kind == Kind::Push);
}
