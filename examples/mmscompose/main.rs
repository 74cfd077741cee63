//! `mmscompose`: writes the binary MMS PDU that a JSON document describes,
//! the document in the shape `mmsdump --json` prints (DUMP_FORMAT.md); with
//! a `"push"` key, the WAP push around it; with `--sms`, that push as SMS
//! user data in hex.
//!
//! ```text
//! cargo run --example mmsdump -- --json --with-data in.mms | cargo run --example mmscompose -- -o out.mms
//! cargo run --example mmsdump -- --json push.bin | cargo run --example mmscompose -- --sms
//! ```
//!
//! Run with `--help` for the details. The JSON is read by `common/compose.rs`.

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

const USAGE: &str = "\
mmscompose: build a binary MMS PDU from its JSON description

Usage: mmscompose [-o OUT] [--sms [--reference N]] [FILE]

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
  push        a \"push\" object, as mmsdump prints for a WAP push, wraps the
              PDU in a WSP push: \"tid\" (0-255; null for a connection-mode
              push without TID; absent: 0), \"pdu_type\" (Push or
              ConfirmedPush), \"content_type\" (with \"parameters\"), and
              \"headers\": {\"name\", \"value\"} with integers as numbers
              (Content-Length, Push-Flag, Date, ...), X-Wap-Application-Id
              by registry name (\"x-wap-application:mms.ua\"), 0xNN or URI,
              text as strings, or {\"name\", \"raw\": \"hex\"}; without
              \"headers\" the push carries X-Wap-Application-Id mms.ua. A
              push document without MMS \"headers\" carries the octets of
              its \"body\" (\"data\", \"text\" or \"file\") instead.
Other keys (message_type, size, warnings, sms, ...) are ignored.

Options:
  -o, --output OUT   write the PDU to OUT instead of standard output
  --sms              write the push as SMS user data instead: one line of hex
                     per short message, each with its user-data header (WDP
                     ports 2948/9200 and, when the push needs more than one
                     message, a concatenation element); a document without a
                     \"push\" is wrapped in a Push (TID 0) to
                     x-wap-application:mms.ua. `mmsdump --sms` reads them.
  --reference N      the concatenation reference of --sms (0-65535, default 0;
                     above 255 the 16-bit reference element is used)
  -h, --help         this help

Examples:
  mmsdump --json --with-data in.mms | mmscompose -o out.mms
  mmscompose message.json > message.mms
  mmsdump --json push.bin | mmscompose -o push-again.bin
  mmscompose --sms notification.json | xargs mmsdump --sms
  echo '{\"headers\":[{\"name\":\"X-Mms-Message-Type\",\"value\":\"m-notifyresp-ind\"},
         {\"name\":\"X-Mms-Transaction-Id\",\"value\":\"T1\"},
         {\"name\":\"X-Mms-MMS-Version\",\"value\":\"1.2\"},
         {\"name\":\"X-Mms-Status\",\"value\":\"Retrieved\"}],\"body\":null}' | mmscompose | xxd

Exit status:
  0  the PDU (or its SMS user data) was written
  1  the document does not describe a PDU that can be written
  2  usage error, or the input could not be read or the output written
";

struct Args {
    input: Option<String>,
    output: Option<String>,
    /// Write SMS user data, with this concatenation reference.
    sms: Option<u16>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut input = None;
    let mut output = None;
    let mut sms = false;
    let mut reference = None;
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
            "--sms" => sms = true,
            "--reference" => {
                let n = args.next().ok_or("--reference needs a number")?;
                let n = n
                    .parse::<u16>()
                    .map_err(|_| format!("--reference {n}: not a number from 0 to 65535"))?;
                reference = Some(n);
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    if reference.is_some() && !sms {
        return Err("--reference goes with --sms".into());
    }
    let sms = sms.then(|| reference.unwrap_or(0));
    Ok(Some(Args { input, output, sms }))
}

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
    let (text, base_dir) = match read_input(args.input.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(err, "mmscompose: {e}");
            return 2;
        }
    };
    let written = one_document(&text)
        .and_then(|doc| {
            let bytes = compose::compose(&doc, base_dir.as_deref())?;
            match args.sms {
                Some(reference) => sms_lines(&doc, bytes, reference).map(String::into_bytes),
                None => Ok(bytes),
            }
        })
        .map_err(|e| (1, e))
        .and_then(|bytes| match &args.output {
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
