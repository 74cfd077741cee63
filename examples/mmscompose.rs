//! `mmscompose`: writes the binary MMS PDU that a JSON document describes,
//! the document in the shape `mmsdump --json` prints (DUMP_FORMAT.md).
//!
//! ```text
//! cargo run --example mmsdump -- --json --with-data in.mms | cargo run --example mmscompose -- -o out.mms
//! ```
//!
//! Run with `--help` for the details. The JSON is read by `common/compose.rs`.

#[path = "common/compose.rs"]
mod compose;
// The composer checks recorded wire octets with the dump's own rendering.
#[allow(dead_code)]
#[path = "common/dump.rs"]
mod dump;

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

const USAGE: &str = "\
mmscompose: build a binary MMS PDU from its JSON description

Usage: mmscompose [-o OUT] [FILE]

Reads one JSON document in the shape `mmsdump --json` prints (DUMP_FORMAT.md)
from FILE, or standard input when FILE is absent or `-`, and writes the PDU to
OUT, or standard output.

What it reads:
  headers     in order; {\"name\", \"value\"} typed by the field (tokens by
              name, loosely: \"yes\", \"m-send-req\", \"Error-transient-failure\"),
              or {\"name\", \"raw\": \"hex\"} written as is; a name that is no
              MMS field makes an application header
  body        the Content-Type header's media type with body.parameters;
              body.parts for a multipart body
  a part      content_type, parameters, headers (Content-ID, Content-Location,
              Content-Disposition \"attachment; filename=x\", others as
              application headers, or \"raw\" hex), and its octets from
              \"data\" (base64), \"text\" (a UTF-8 string) or \"file\" (a path,
              relative to FILE's directory); a multipart part from \"data\"
              when given, else from its \"parts\"
Other keys (message_type, size, warnings, ...) are ignored.

Options:
  -o, --output OUT   write the PDU to OUT instead of standard output
  -h, --help         this help

Examples:
  mmsdump --json --with-data in.mms | mmscompose -o out.mms
  mmscompose message.json > message.mms
  echo '{\"headers\":[{\"name\":\"X-Mms-Message-Type\",\"value\":\"m-notifyresp-ind\"},
         {\"name\":\"X-Mms-Transaction-Id\",\"value\":\"T1\"},
         {\"name\":\"X-Mms-MMS-Version\",\"value\":\"1.2\"},
         {\"name\":\"X-Mms-Status\",\"value\":\"Retrieved\"}],\"body\":null}' | mmscompose | xxd

Exit status:
  0  the PDU was written
  1  the document does not describe a PDU that can be written
  2  usage error, or the input could not be read or the output written
";

struct Args {
    input: Option<String>,
    output: Option<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut input = None;
    let mut output = None;
    let mut options_done = false;
    while let Some(a) = args.next() {
        if options_done || a == "-" || !a.starts_with('-') {
            if input.replace(a).is_some() {
                return Err("give at most one FILE".into());
            }
            continue;
        }
        match a.as_str() {
            "--" => options_done = true,
            "-h" | "--help" => return Ok(None),
            "-o" | "--output" => {
                let o = args.next().ok_or("-o needs a file name")?;
                output = Some(o);
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(Some(Args { input, output }))
}

fn main() {
    std::process::exit(run());
}

fn run() -> i32 {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            print!("{USAGE}");
            return 0;
        }
        Err(e) => {
            eprintln!("mmscompose: {e}\n\n{USAGE}");
            return 2;
        }
    };
    let (text, base_dir) = match read_input(args.input.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("mmscompose: {e}");
            return 2;
        }
    };
    let doc = match one_document(&text) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("mmscompose: {e}");
            return 1;
        }
    };
    let bytes = match compose::compose(&doc, base_dir.as_deref()) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("mmscompose: {e}");
            return 1;
        }
    };
    match &args.output {
        Some(path) if path != "-" => {
            if let Err(e) = std::fs::write(path, &bytes) {
                eprintln!("mmscompose: cannot write {path}: {e}");
                return 2;
            }
        }
        _ => {
            let stdout = io::stdout();
            if stdout.is_terminal() {
                eprintln!(
                    "mmscompose: not writing a binary PDU to a terminal: use -o OUT or a redirection"
                );
                return 2;
            }
            let mut out = stdout.lock();
            if let Err(e) = out.write_all(&bytes).and_then(|_| out.flush()) {
                // A reader that stopped early (`| cmp`, `| head`) needs no message.
                if e.kind() != io::ErrorKind::BrokenPipe {
                    eprintln!("mmscompose: cannot write: {e}");
                }
                return 2;
            }
        }
    }
    0
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
