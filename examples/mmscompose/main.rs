//! `mmscompose`: writes the binary MMS PDU that a JSON document describes,
//! the document in the shape `mmsdump --json` prints (docs/json.md); with
//! a `"push"` key, the WAP push around it; with `--sms`, that push as SMS
//! user data in hex.
//!
//! ```text
//! cargo run --example mmsdump -- --json --with-data in.mms | cargo run --example mmscompose -- -o out.mms
//! cargo run --example mmsdump -- --json push.bin | cargo run --example mmscompose -- --sms
//! cargo run --features mail --example mmscompose -- --eml msg.eml --type m-retrieve-conf > msg.mms
//! ```
//!
//! Run with `--help` for the details. The JSON is read by
//! `shared/json_shape/compose.rs`; an Internet message (`--eml`, feature
//! `mail`) by [`eml`].

mod args;
mod eml;

#[path = "../shared/json_shape/compose.rs"]
mod compose;
// The composer checks recorded wire octets with the dump's own rendering.
#[allow(dead_code)]
#[path = "../shared/json_shape/dump.rs"]
mod dump;
#[allow(dead_code)]
#[path = "../shared/json_shape/sms.rs"]
mod sms;

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use mms_pdu::wsp::push::Push;

use args::{parse_args, USAGE};

fn main() {
    let stdout = io::stdout();
    let to_terminal = stdout.is_terminal();
    let status = run(
        std::env::args().skip(1),
        &mut stdout.lock(),
        &mut io::stderr(),
        to_terminal,
    );
    std::process::exit(status);
}

/// The whole program: `args` without the program name; what is written
/// without `-o` goes to `out` (`out_is_terminal`: refuse binary there),
/// messages to `err`; returns the exit status.
pub(crate) fn run(
    args: impl Iterator<Item = String>,
    out: &mut impl Write,
    err: &mut impl Write,
    out_is_terminal: bool,
) -> i32 {
    let args = match parse_args(args) {
        Ok(Some(a)) => a,
        Ok(None) => {
            let _ = write!(out, "{USAGE}");
            return 0;
        }
        Err(e) => {
            let _ = writeln!(err, "mmscompose: {e}\n\n{USAGE}");
            return 2;
        }
    };
    let composed = match args.eml {
        Some(kind) => eml::compose(args.input.as_deref(), kind, err),
        None => compose_json(&args, err),
    };
    let written = composed.and_then(|bytes| match &args.output {
        Some(path) if path != "-" => {
            std::fs::write(path, &bytes).map_err(|e| (2, format!("cannot write {path}: {e}")))
        }
        _ if out_is_terminal && args.sms.is_none() => Err((
            2,
            "not writing a binary PDU to a terminal: use -o OUT or a redirection".into(),
        )),
        _ => match out.write_all(&bytes).and_then(|_| out.flush()) {
            // A reader that stopped early (`| cmp`, `| head`) needs no message.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err((2, String::new())),
            Err(e) => Err((2, format!("cannot write: {e}"))),
            Ok(()) => Ok(()),
        },
    });
    match written {
        Ok(()) => 0,
        Err((status, e)) => {
            if !e.is_empty() {
                let _ = writeln!(err, "mmscompose: {e}");
            }
            status
        }
    }
}

/// The PDU (or with `--sms` its user data) of the JSON document of the
/// input; the error with its exit status.
fn compose_json(args: &args::Args, err: &mut impl Write) -> Result<Vec<u8>, (i32, String)> {
    let (text, base_dir) = read_input(args.input.as_deref()).map_err(|e| (2, e))?;
    one_document(&text)
        .and_then(|doc| {
            let mut problems = Vec::new();
            let bytes = compose::compose_with(&doc, base_dir.as_deref(), &mut problems)?;
            if !problems.is_empty() {
                let list = problems.join("\n  ");
                if !args.lenient {
                    return Err(format!(
                        "the PDU breaks its header table (give --lenient to write it anyway):\n  {list}"
                    ));
                }
                for p in &problems {
                    let _ = writeln!(err, "mmscompose: warning: {p}");
                }
            }
            match args.sms {
                Some(reference) => sms_lines(&doc, bytes, reference).map(String::into_bytes),
                None => Ok(bytes),
            }
        })
        .map_err(|e| (1, e))
}

/// The push (`bytes`, or a push around the MMS PDU `bytes` when the
/// document has no `"push"`) as SMS user data: one line of hex each.
fn sms_lines(doc: &serde_json::Value, bytes: Vec<u8>, reference: u16) -> Result<String, String> {
    let push = if doc.get("push").is_some() {
        bytes
    } else {
        Push::mms(0, bytes)
            .to_vec()
            .map_err(|e| format!("cannot encode the push: {e}"))?
    };
    let segments = sms::split_hex(&push, reference)?;
    Ok(segments.iter().map(|s| format!("{s}\n")).collect())
}

/// The input text and the directory relative `"file"` paths start from.
fn read_input(input: Option<&str>) -> Result<(String, Option<PathBuf>), String> {
    match input {
        None | Some("-") => {
            let mut s = String::new();
            io::stdin()
                .lock()
                .read_to_string(&mut s)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok((s, None))
        }
        Some(path) => {
            let s =
                std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            let dir = Path::new(path).parent().map(Path::to_path_buf);
            Ok((s, dir))
        }
    }
}

/// Exactly one JSON document.
fn one_document(text: &str) -> Result<serde_json::Value, String> {
    let mut docs = serde_json::Deserializer::from_str(text).into_iter::<serde_json::Value>();
    let doc = match docs.next() {
        Some(Ok(d)) => d,
        Some(Err(e)) => return Err(format!("not JSON: {e}")),
        None => return Err("no JSON document in the input".into()),
    };
    match docs.next() {
        None => Ok(doc),
        Some(Ok(_)) => {
            Err("more than one JSON document in the input (give one PDU at a time)".into())
        }
        Some(Err(e)) => Err(format!("not JSON after the first document: {e}")),
    }
}
