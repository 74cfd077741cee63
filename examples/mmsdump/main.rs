//! `mmsdump`: shows what is inside MMS PDUs, and the WAP pushes (over SMS)
//! that carry them.
//!
//! ```text
//! cargo run --example mmsdump -- tests/corpus/mmsd/rc-mms-1-3-con-210.mms
//! cargo run --example mmsdump -- --summary tests/corpus/*/*
//! cargo run --example mmsdump -- --json --with-data msg.mms | cargo run --example mmscompose > again.mms
//! cargo run --example mmsdump -- --json tests/corpus/mmsd/test-wsputil-push1.bin
//! cargo run --example mmscompose -- --sms notification.json | xargs cargo run --example mmsdump -- --sms
//! ```
//!
//! Run with `--help` for the options. The `--json` shape is a public
//! interface, described in DUMP_FORMAT.md and built by `common/dump.rs`
//! (pushes: its `push_to_json`; SMS: `common/sms.rs`).

#[path = "../shared/json_shape/dump.rs"]
mod dump;
// The splitting half serves mmscompose.
#[allow(dead_code)]
#[path = "../shared/json_shape/sms.rs"]
mod sms;

use std::ffi::OsStr;
use std::io::{self, IsTerminal, Read, Write};

use mms_pdu::wsp::push::{Push, PushOptions};
use mms_pdu::wsp::{Multipart, Part, WspHeader};
use mms_pdu::{
    offset_of, Body, DecodeError, FieldCode, FromValue, Header, Pdu, Time, UtcDate, Value,
};
use serde_json::{Map, Value as Json};

const USAGE: &str = "\
mmsdump: decode MMS PDUs (OMA MMS_ENC 1.3 on WAP-230 WSP) and WAP pushes, and
show them

Usage: mmsdump [--json [--pretty] | --hex | --summary] [--with-data] [--strict]
               [--color=WHEN] [PUSH OPTIONS] FILE...
       mmsdump [--json [--pretty] | --hex | --summary] [--with-data] [--strict]
               [--color=WHEN] [PUSH OPTIONS] --sms HEX...

Each FILE holds one binary MMS PDU, or a WSP push PDU carrying one (as sent
to a phone over SMS); `-` reads standard input. A FILE that does not start
with X-Mms-Message-Type (0x8C) but decodes as a connectionless WSP Push or
ConfirmedPush is shown as a push. Give as many FILEs as you like (a shell
glob): each is shown in turn.

Options:
  --json        one JSON document per file, on one line (the stable shape of
                DUMP_FORMAT.md); a file that does not decode prints
                {\"error\": {\"offset\": n, \"message\": \"...\"}}
  --pretty      indent the JSON
  --with-data   add each part's octets: \"data\" (base64) in JSON, a hex dump
                in the tree
  --hex         an annotated hex dump: each header, part header and part
                data with its offset and octets
  --summary     one line per file: FILE  TYPE  VERSION  SIZE (octets), then
                tid= (or id=, the Message-ID), from=, to= (the first, with
                (+n) for the others), subject= (quoted, cut at 40
                characters), location= (X-Mms-Content-Location), parts= (of
                a multipart body), and last OK, \"n warnings\" (with --strict
                also \"n violations\") or the error and its offset. A push
                shows as push(m-notification-ind) and the fields of the PDU
                it carries
  --strict      decode strictly (a value off its grammar is an error) and
                check each PDU against the header table of its type
                (MMS_ENC 1.3 §6): each violation (PDU type and header) is
                printed, and the exit status is 1 when there is one.
                Without --strict, the violations are listed as warnings
  --color=WHEN  colour the tree, the hex dump and the summary (never the
                JSON): auto (the default) when standard output is a
                terminal, NO_COLOR is unset or empty and TERM is not dumb;
                always (e.g. into less -R); never. Also --color WHEN
  -h, --help    this help

Push options (each one means the input is a push):
  --push             decode every input as a WSP push PDU
  --connection-mode  the push has no TID (connection-mode WSP)
  --search           skip junk before the push: the first offset where a push
                     of an MMS PDU decodes
  --sms HEX...       the arguments are SMS user data in hex, each with its
                     user-data header (ports, concatenation), as an SMS centre
                     delivers them, in any order; they are reassembled and
                     each complete message is decoded as a push

A push is shown as the WSP Push section (TID, PDU type, content type, push
headers) and then the MMS PDU it carries. In JSON, the document of that MMS
PDU gets a \"push\" key:
  {\"push\": {\"tid\": 1, \"pdu_type\": \"Push\",
            \"content_type\": \"application/vnd.wap.mms-message\",
            \"headers\": [{\"name\": \"X-Wap-Application-Id\",
                         \"value\": \"x-wap-application:mms.ua\"},
                        {\"name\": \"Push-Flag\", \"value\": 0}]},
   \"message_type\": \"m-notification-ind\", \"headers\": [...], ...}
A push of something else than MMS shows the push and
\"body\": {\"content_type\": ..., \"size\": n}; a push whose MMS PDU does not
decode shows the push and the \"error\", its offset counted in the push. With
--sms, an \"sms\" key gives the segment count and the ports.

Without --json, --hex or --summary, prints a tree: the headers with decoded
values, the body's parts with their content types, parameters, headers and
sizes, nested parts indented, and the deviations lenient decoding accepted.

Examples:
  mmsdump message.mms
  mmsdump --summary tests/corpus/*/*
  mmsdump --summary --strict *.mms
  mmsdump --json --pretty m-notification.ind
  mmsdump --hex message.mms | less
  mmsdump --color=always --hex message.mms | less -R
  mmsdump --json --with-data message.mms | mmscompose -o copy.mms
  mmsdump --json push.bin
  mmsdump --sms 0b05040b8423f000032a0201...  0b05040b8423f000032a0202...
  mmscompose --sms notification.json | xargs mmsdump --sms
  cat message.mms | mmsdump -

Exit status (the same with --summary):
  0  every input decoded
  1  an input did not decode (the others are still shown), with
     --strict an input broke its header table, or --sms
     segments that are not hex, have a bad user-data header, or do not
     make up complete messages
  2  usage error, or a file could not be read (the others are still shown)
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Tree,
    Json { pretty: bool },
    Hex,
    Summary,
}

/// `--color`: when to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Auto,
    Always,
    Never,
}

#[derive(Debug)]
struct Args {
    mode: Mode,
    with_data: bool,
    colour: When,
    /// Strict decoding, and header-table violations fail the input.
    strict: bool,
    /// Decode every input as a push (`--push`, implied by the other push options).
    push: bool,
    push_opts: PushOptions,
    /// `files` are hex SMS user data.
    sms: bool,
    files: Vec<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let (mut json, mut pretty, mut hex, mut with_data) = (false, false, false, false);
    let (mut push, mut sms, mut strict, mut summary) = (false, false, false, false);
    let mut colour = When::Auto;
    let mut push_opts = PushOptions::default();
    let mut files = Vec::new();
    let mut options_done = false;
    while let Some(a) = args.next() {
        if options_done || a == "-" || !a.starts_with('-') {
            files.push(a);
            continue;
        }
        if let Some(when) = a.strip_prefix("--color=") {
            colour = parse_when(when)?;
            continue;
        }
        match a.as_str() {
            "--" => options_done = true,
            "-h" | "--help" => return Ok(None),
            "--json" => json = true,
            "--pretty" => pretty = true,
            "--hex" => hex = true,
            "--summary" => summary = true,
            "--color" => colour = parse_when(&args.next().unwrap_or_default())?,
            "--with-data" => with_data = true,
            "--strict" => strict = true,
            "--push" => push = true,
            "--connection-mode" => {
                push = true;
                push_opts.connectionless = false;
            }
            "--search" => {
                push = true;
                push_opts.search = true;
            }
            "--sms" => {
                push = true;
                sms = true;
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    if pretty && !json {
        return Err("--pretty goes with --json".into());
    }
    if json && hex {
        return Err("--json and --hex do not go together".into());
    }
    if summary && (json || hex) {
        return Err("--summary does not go with --json or --hex".into());
    }
    if summary && with_data {
        return Err("--with-data does not go with --summary".into());
    }
    if files.is_empty() {
        return Err(if sms {
            "--sms needs at least one hex user data".into()
        } else {
            "no FILE given (use - for standard input)".into()
        });
    }
    if sms && files.iter().any(|f| f == "-") {
        return Err("--sms takes hex user data, not files".into());
    }
    let mode = if json {
        Mode::Json { pretty }
    } else if hex {
        Mode::Hex
    } else if summary {
        Mode::Summary
    } else {
        Mode::Tree
    };
    push_opts.decode.strict = strict;
    Ok(Some(Args {
        mode,
        with_data,
        colour,
        strict,
        push,
        push_opts,
        sms,
        files,
    }))
}

fn parse_when(when: &str) -> Result<When, String> {
    match when {
        "auto" => Ok(When::Auto),
        "always" => Ok(When::Always),
        "never" => Ok(When::Never),
        other => Err(format!(
            "--color takes auto, always or never, not {other:?}"
        )),
    }
}

/// One thing to decode: a file, or a message reassembled from SMS.
struct Input {
    label: String,
    bytes: Vec<u8>,
    /// How it travelled, for a message from `--sms` (`payload` left empty).
    sms: Option<sms::Message>,
}

fn main() {
    let status = {
        let stdout = io::stdout();
        let colour = auto_colour(
            stdout.is_terminal(),
            std::env::var_os("NO_COLOR").as_deref(),
            std::env::var_os("TERM").as_deref(),
        );
        let mut out = io::BufWriter::new(stdout.lock());
        let status = run(
            std::env::args().skip(1),
            &mut out,
            &mut io::stderr(),
            colour,
        );
        let _ = out.flush();
        status
    };
    std::process::exit(status);
}

/// Whether `--color=auto` colours: standard output is a terminal,
/// `NO_COLOR` is unset or empty (<https://no-color.org>) and `TERM` is not
/// `dumb`.
pub(crate) fn auto_colour(
    stdout_is_terminal: bool,
    no_color: Option<&OsStr>,
    term: Option<&OsStr>,
) -> bool {
    let set = |v: Option<&OsStr>| matches!(v, Some(v) if !v.is_empty());
    stdout_is_terminal && !set(no_color) && term != Some(OsStr::new("dumb"))
}

/// The whole program: `args` without the program name; the documents on
/// `out`, messages on `err`; returns the exit status. `auto_colour` is what
/// `--color=auto` means: whether `out` is a terminal that wants colours
/// (see [`auto_colour`]); `main` decides it, as `out` may be anything.
pub(crate) fn run(
    args: impl Iterator<Item = String>,
    out: &mut impl Write,
    err: &mut impl Write,
    auto_colour: bool,
) -> i32 {
    let args = match parse_args(args) {
        Ok(Some(a)) => a,
        Ok(None) => {
            let _ = write!(out, "{USAGE}");
            return 0;
        }
        Err(e) => {
            let _ = writeln!(err, "mmsdump: {e}\n\n{USAGE}");
            return 2;
        }
    };
    // Files are read one at a time, as they come; SMS messages are whole
    // only once every segment is in.
    let sources: Vec<Result<Input, String>> = if args.sms {
        match sms::reassemble_hex(&args.files) {
            Ok(messages) => messages
                .into_iter()
                .enumerate()
                .map(|(k, mut m)| {
                    Ok(Input {
                        label: format!("SMS message {}", k + 1),
                        bytes: std::mem::take(&mut m.payload),
                        sms: Some(m),
                    })
                })
                .collect(),
            Err(e) => {
                let _ = writeln!(err, "mmsdump: --sms: {e}");
                return 1;
            }
        }
    } else {
        args.files.iter().map(|f| Err(f.clone())).collect()
    };
    let paint = Paint {
        on: match args.colour {
            When::Always => true,
            When::Never => false,
            When::Auto => auto_colour,
        } && !matches!(args.mode, Mode::Json { .. }),
    };
    // The summary's FILE column is as wide as the longest label.
    let label_width = sources
        .iter()
        .map(|s| match s {
            Ok(input) => input.label.chars().count(),
            Err(file) if file == "-" => STDIN.len(),
            Err(file) => printable(file).chars().count(),
        })
        .max()
        .unwrap_or(0);
    let mut status = 0;
    for (k, source) in sources.into_iter().enumerate() {
        let input = match source {
            Ok(i) => i,
            Err(file) => match read_input(&file) {
                Ok(i) => i,
                Err(e) => {
                    let _ = out.flush();
                    let _ = writeln!(err, "mmsdump: {file}: {e}");
                    status = 2;
                    continue;
                }
            },
        };
        let decoded = decode(&input.bytes, &args);
        if (decoded.failed() || (args.strict && decoded.violates_its_table())) && status == 0 {
            status = 1;
        }
        if k > 0 && matches!(args.mode, Mode::Tree | Mode::Hex) {
            let _ = writeln!(out);
        }
        let written = match args.mode {
            Mode::Json { pretty } => {
                write_json(out, &decoded, input.sms.as_ref(), args.with_data, pretty)
            }
            Mode::Tree => write_tree_of(out, &input, &decoded, args.with_data, paint),
            Mode::Hex => write_hex_of(out, &input, &decoded, paint),
            Mode::Summary => write_summary(out, &input, &decoded, args.strict, label_width, paint),
        };
        if let Err(e) = written.and_then(|_| out.flush()) {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return status;
            }
            let _ = writeln!(err, "mmsdump: cannot write: {e}");
            return 2;
        }
    }
    status
}

/// The label of standard input.
const STDIN: &str = "<stdin>";

fn read_input(file: &str) -> io::Result<Input> {
    let (label, bytes) = if file == "-" {
        let mut b = Vec::new();
        io::stdin().lock().read_to_end(&mut b)?;
        (STDIN.to_string(), b)
    } else {
        (file.to_string(), std::fs::read(file)?)
    };
    Ok(Input {
        label,
        bytes,
        sms: None,
    })
}

// -------------------------------------------------------------- decoding

/// What an input decoded to.
enum Decoded<'a> {
    /// An MMS PDU (or the error of decoding one).
    Mms(Result<Pdu<'a>, DecodeError>),
    /// A WAP push (or the error of decoding one).
    Push(Result<dump::PushView<'a>, DecodeError>),
}

impl Decoded<'_> {
    /// Whether the MMS PDU breaks the header table of its type.
    fn violates_its_table(&self) -> bool {
        let pdu = match self {
            Decoded::Mms(Ok(p)) => p,
            Decoded::Push(Ok(dump::PushView {
                mms: Some(Ok(p)), ..
            })) => p,
            _ => return false,
        };
        !mms_pdu::mms::rules::check(pdu).is_empty()
    }
    fn failed(&self) -> bool {
        match self {
            Decoded::Mms(r) => r.is_err(),
            Decoded::Push(Err(_)) => true,
            Decoded::Push(Ok(v)) => v.failed(),
        }
    }
}

/// An MMS PDU when the input opens with X-Mms-Message-Type (unless a push
/// option was given), else a push when it decodes as one.
fn decode<'a>(bytes: &'a [u8], args: &Args) -> Decoded<'a> {
    if !args.push && bytes.first() == Some(&0x8C) {
        return Decoded::Mms(Pdu::decode_with(bytes, &args.push_opts.decode));
    }
    match dump::decode_push(bytes, &args.push_opts) {
        Ok(v) => Decoded::Push(Ok(v)),
        Err(e) if args.push => Decoded::Push(Err(e)),
        // Neither a push nor (as the first octet says) an MMS PDU: the MMS
        // decoder says why.
        Err(_) => Decoded::Mms(Pdu::decode_with(bytes, &args.push_opts.decode)),
    }
}

fn write_json(
    out: &mut impl Write,
    decoded: &Decoded<'_>,
    sms: Option<&sms::Message>,
    with_data: bool,
    pretty: bool,
) -> io::Result<()> {
    let opts = dump::Options { with_data };
    let doc = match decoded {
        Decoded::Mms(Ok(pdu)) => dump::pdu_to_json(pdu, opts),
        Decoded::Mms(Err(e)) | Decoded::Push(Err(e)) => dump::error_to_json(e),
        Decoded::Push(Ok(v)) => dump::push_view_to_json(v, opts),
    };
    let doc = match sms {
        Some(info) => {
            let mut m = Map::new();
            m.insert("sms".into(), info.to_json());
            if let Json::Object(rest) = doc {
                m.extend(rest);
            }
            Json::Object(m)
        }
        None => doc,
    };
    let text = if pretty {
        serde_json::to_string_pretty(&doc)
    } else {
        serde_json::to_string(&doc)
    }
    .map_err(io::Error::other)?;
    writeln!(out, "{text}")
}

// ---------------------------------------------------------------- colours

/// Plain ANSI colours (SGR escapes) for the tree, the hex dump and the
/// summary; with `on` false every method gives its text back unchanged, so
/// that the uncoloured output is the colour output with the escapes
/// removed. Text from the input reaches here through [`printable`], so an
/// ESC of the input is never printed as such.
#[derive(Debug, Clone, Copy)]
struct Paint {
    on: bool,
}

impl Paint {
    fn sgr(self, code: &str, s: impl std::fmt::Display) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    /// A file, or the MMS PDU of a push: bold.
    fn title(self, s: impl std::fmt::Display) -> String {
        self.sgr("1", s)
    }
    /// A header name: cyan.
    fn name(self, s: impl std::fmt::Display) -> String {
        self.sgr("36", s)
    }
    /// A header value: green.
    fn value(self, s: impl std::fmt::Display) -> String {
        self.sgr("32", s)
    }
    /// A content type: magenta.
    fn content_type(self, s: impl std::fmt::Display) -> String {
        self.sgr("35", s)
    }
    /// A warning: yellow.
    fn warning(self, s: impl std::fmt::Display) -> String {
        self.sgr("33", s)
    }
    /// An error: red.
    fn error(self, s: impl std::fmt::Display) -> String {
        self.sgr("31", s)
    }
    /// An offset: dim.
    fn dim(self, s: impl std::fmt::Display) -> String {
        self.sgr("2", s)
    }
}

// ---------------------------------------------------------- the push tree

fn write_tree_of(
    out: &mut impl Write,
    input: &Input,
    decoded: &Decoded<'_>,
    with_data: bool,
    paint: Paint,
) -> io::Result<()> {
    let label = &input.label;
    let bytes = &input.bytes;
    if let Some(info) = &input.sms {
        let ports = match info.ports {
            Some((d, s)) => format!(", destination port {d}, source port {s}"),
            None => String::new(),
        };
        writeln!(
            out,
            "{}: SMS, {} reassembled{ports}",
            paint.title(label),
            count(info.segments, "segment")
        )?;
    }
    match decoded {
        Decoded::Mms(r) => write_tree(out, &paint.title(label), bytes, r, with_data, paint),
        Decoded::Push(Err(e)) => {
            writeln!(
                out,
                "{}: {} bytes: {}",
                paint.title(label),
                bytes.len(),
                paint.error("does not decode as a WSP push")
            )?;
            writeln!(out, "  {}", paint.error(format!("error {e}")))
        }
        Decoded::Push(Ok(v)) => {
            write_push_tree(out, label, bytes, v, with_data, paint)?;
            match &v.mms {
                Some(mms) => write_tree(
                    out,
                    &format!(
                        "{} {}",
                        paint.title(label),
                        paint.dim(format!("[MMS PDU at offset {}]", v.push.body_offset))
                    ),
                    v.body,
                    mms,
                    with_data,
                    paint,
                ),
                None => Ok(()),
            }
        }
    }
}

/// A header line of the tree: `{pad}Name: value`.
fn header_line(
    out: &mut impl Write,
    pad: &str,
    name: &str,
    value: &str,
    paint: Paint,
) -> io::Result<()> {
    writeln!(out, "{pad}{}: {}", paint.name(name), paint.value(value))
}

/// The warnings of a section: `Warnings: none`, or their count and one
/// line each.
fn warning_lines(out: &mut impl Write, warnings: &[String], paint: Paint) -> io::Result<()> {
    if warnings.is_empty() {
        return writeln!(out, "  Warnings: none");
    }
    writeln!(
        out,
        "  {}",
        paint.warning(format!("Warnings ({}):", warnings.len()))
    )?;
    for w in warnings {
        writeln!(out, "    {}", paint.warning(w))?;
    }
    Ok(())
}

/// The "WSP Push" section: TID, PDU type, content type, push headers, body.
fn write_push_tree(
    out: &mut impl Write,
    label: &str,
    bytes: &[u8],
    v: &dump::PushView<'_>,
    with_data: bool,
    paint: Paint,
) -> io::Result<()> {
    let p = &v.push;
    writeln!(
        out,
        "{}: WSP Push, {} bytes",
        paint.title(label),
        bytes.len()
    )?;
    let start = dump::push_start(p);
    if start > 0 {
        writeln!(
            out,
            "  {}",
            paint.warning(format!("Skipped: {start} octets of junk before the push"))
        )?;
    }
    match p.tid {
        Some(t) => header_line(out, "  ", "TID", &t.to_string(), paint)?,
        None => header_line(out, "  ", "TID", "none (connection-mode)", paint)?,
    }
    header_line(
        out,
        "  ",
        "PDU type",
        &format!("{} (0x{:02x})", p.pdu_type.name(), p.pdu_type.code()),
        paint,
    )?;
    writeln!(
        out,
        "  {}: {}",
        paint.name("Content-Type"),
        paint.content_type(dump::content_type_line(&p.content_type))
    )?;
    writeln!(out, "  Headers ({}):", p.headers.len())?;
    for h in &p.headers {
        let j = dump::push_header_to_json(h);
        let name = j["name"].as_str().unwrap_or("?");
        let value = match (&j["value"], &j["raw"]) {
            (Json::String(s), _) => printable(s),
            (Json::Null, Json::String(r)) => format!("raw {r}"),
            (other, _) => other.to_string(),
        };
        let note = match h {
            WspHeader::Application { .. } => "  (application header)",
            _ => "",
        };
        writeln!(
            out,
            "    {}: {}{note}",
            paint.name(name),
            paint.value(value)
        )?;
    }
    let what = match &v.mms {
        Some(_) => "the MMS PDU below".to_string(),
        None => format!(
            "{}, not an MMS PDU",
            paint.content_type(dump::content_type_line(&p.content_type))
        ),
    };
    writeln!(
        out,
        "  Body: {} bytes at {}: {what}",
        p.body.len(),
        paint.dim(format!("offset {}", p.body_offset))
    )?;
    if v.mms.is_none() && with_data {
        hex_lines(out, v.body, "    ", paint)?;
    }
    let warnings: Vec<String> = p.warnings.iter().map(ToString::to_string).collect();
    warning_lines(out, &warnings, paint)
}

// ---------------------------------------------------------------- the tree

/// The tree of an MMS PDU, under `label` (already painted).
fn write_tree(
    out: &mut impl Write,
    label: &str,
    bytes: &[u8],
    decoded: &Result<Pdu<'_>, mms_pdu::DecodeError>,
    with_data: bool,
    paint: Paint,
) -> io::Result<()> {
    let pdu = match decoded {
        Ok(p) => p,
        Err(e) => {
            writeln!(
                out,
                "{label}: {} bytes: {}",
                bytes.len(),
                paint.error("does not decode")
            )?;
            return writeln!(out, "  {}", paint.error(format!("error {e}")));
        }
    };
    let mt = match pdu.get(FieldCode::MESSAGE_TYPE) {
        Some(Value::Token(b)) => dump::token_name(FieldCode::MESSAGE_TYPE, *b),
        _ => "no message type".into(),
    };
    let version = pdu
        .version()
        .map_or_else(|| "no version".to_string(), |v| format!("MMS {v}"));
    writeln!(
        out,
        "{label}: {}, {version}, {} bytes",
        paint.value(mt),
        bytes.len()
    )?;
    writeln!(out, "  Headers ({}):", pdu.headers.len())?;
    for h in &pdu.headers {
        match h {
            Header::Field(f) => header_line(
                out,
                "    ",
                &dump::field_name(f.code()),
                &tree_value(f.code(), f.value()),
                paint,
            )?,
            Header::Application { name, value } => writeln!(
                out,
                "    {}: {}  (application header)",
                paint.name(printable(&name.to_string_lossy())),
                paint.value(printable(&value.to_string_lossy()))
            )?,
        }
    }
    match &pdu.body {
        None => writeln!(out, "  Body: none")?,
        Some(Body::Data(d)) => {
            let ct = pdu
                .content_type()
                .map_or_else(|| "(raw content type)".into(), dump::content_type_line);
            writeln!(out, "  Body: {}, {} bytes", paint.content_type(ct), d.len())?;
            if with_data {
                hex_lines(out, d, "    ", paint)?;
            }
        }
        Some(Body::Multipart(m)) => {
            let ct = pdu
                .content_type()
                .map_or_else(|| "multipart".into(), dump::content_type_line);
            writeln!(
                out,
                "  Body: {}, {}",
                paint.content_type(ct),
                count(m.parts.len(), "part")
            )?;
            tree_parts(out, m, "", 2, with_data, paint)?;
        }
    }
    tree_presentation(out, pdu, paint)?;
    if !pdu.trailing.is_empty() {
        writeln!(
            out,
            "  {}: {}",
            paint.warning(format!("Trailing octets ({})", pdu.trailing.len())),
            short_hex(&pdu.trailing)
        )?;
    }
    let warnings: Vec<String> = pdu
        .warnings
        .iter()
        .map(ToString::to_string)
        .chain(
            mms_pdu::mms::rules::check(pdu)
                .iter()
                .map(ToString::to_string),
        )
        .collect();
    warning_lines(out, &warnings, paint)
}

fn tree_parts(
    out: &mut impl Write,
    m: &Multipart<'_>,
    prefix: &str,
    depth: usize,
    with_data: bool,
    paint: Paint,
) -> io::Result<()> {
    let pad = "  ".repeat(depth);
    for (k, p) in m.parts.iter().enumerate() {
        let number = format!("{prefix}{}", k + 1);
        let ct = paint.content_type(dump::content_type_line(&p.content_type));
        match &p.nested {
            Some(n) => writeln!(
                out,
                "{pad}Part {number}: {ct}, {} bytes, {}",
                p.data.len(),
                count(n.parts.len(), "part")
            )?,
            None => writeln!(out, "{pad}Part {number}: {ct}, {} bytes", p.data.len())?,
        }
        for h in &p.headers {
            let j = dump::part_header_to_json(h);
            let name = j["name"].as_str().unwrap_or("?");
            match (&j["value"], &j["raw"]) {
                (Json::String(v), _) => {
                    header_line(out, &format!("{pad}  "), name, &printable(v), paint)?
                }
                (_, Json::String(r)) => {
                    header_line(out, &format!("{pad}  "), name, &format!("raw {r}"), paint)?
                }
                _ => writeln!(out, "{pad}  {}", paint.name(name))?,
            }
        }
        match &p.nested {
            Some(n) => {
                tree_parts(out, n, &format!("{number}."), depth + 1, with_data, paint)?;
                if !n.trailing.is_empty() {
                    writeln!(
                        out,
                        "{pad}  {}: {}",
                        paint.warning(format!("Trailing octets ({})", n.trailing.len())),
                        short_hex(&n.trailing)
                    )?;
                }
            }
            None => {
                if let Some(t) = text_preview(p) {
                    writeln!(out, "{pad}  Text: {}", paint.value(t))?;
                }
                if with_data {
                    hex_lines(out, &p.data, &format!("{pad}  "), paint)?;
                }
            }
        }
    }
    if prefix.is_empty() && !m.trailing.is_empty() {
        writeln!(
            out,
            "{pad}{}: {}",
            paint.warning(format!("Trailing octets ({})", m.trailing.len())),
            short_hex(&m.trailing)
        )?;
    }
    Ok(())
}

/// The start of a text part, when its octets are UTF-8 (after undoing a
/// Content-Transfer-Encoding).
fn text_preview(p: &Part<'_>) -> Option<String> {
    if !p.content_type.media().name().starts_with("text/") {
        return None;
    }
    let data = p.decoded_data().ok()?;
    let s = std::str::from_utf8(&data).ok()?;
    const MAX: usize = 72;
    let mut preview: String = s.chars().take(MAX).collect();
    if s.chars().nth(MAX).is_some() {
        preview.push('…');
    }
    Some(format!("\"{}\"", printable(&preview)))
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// A header value for the tree: the JSON value made readable, with dates
/// also in UTC and charsets of encoded strings named.
fn tree_value(code: FieldCode, v: &Value<'_>) -> String {
    match v {
        Value::EncodedString(s) | Value::From(FromValue::Address(s)) if s.as_bytes().is_empty() => {
            "\"\"".into()
        }
        Value::EncodedString(s) | Value::From(FromValue::Address(s)) => match s.charset() {
            Some(cs) => format!("{} [{cs}]", printable(&s.to_string_lossy())),
            None => printable(&s.to_string_lossy()),
        },
        Value::Long(n) if code == FieldCode::DATE => with_date(*n),
        Value::Long(n) if code == FieldCode::MESSAGE_SIZE => format!("{n} bytes"),
        Value::Time(Time::Absolute(n)) => format!("absolute {}", with_date(*n)),
        Value::Time(Time::Relative(n)) => format!("relative {n} s ({})", duration(*n)),
        Value::PreviouslySentDate { count, date } => {
            format!("count {count}, date {}", with_date(*date))
        }
        Value::ContentType(ct) => dump::content_type_line(ct),
        Value::Raw(r) => format!("raw {}", short_hex(r)),
        other => match dump::value_to_json(code, other) {
            Some(j) => compact(&j),
            None => {
                let mut b = Vec::new();
                other.encode(&mut b);
                format!("raw {}", short_hex(&b))
            }
        },
    }
}

/// A JSON value on one line without quotes: `count 2, value Ok`.
fn compact(j: &Json) -> String {
    match j {
        Json::String(s) if s.is_empty() => "\"\"".into(),
        Json::String(s) => printable(s),
        Json::Object(m) => m
            .iter()
            .map(|(k, v)| match v {
                Json::Object(_) => format!("{k} {{{}}}", compact(v)),
                _ => format!("{k} {}", compact(v)),
            })
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// Control characters (and the byte order mark) escaped, so that a hostile
/// subject cannot drive the terminal and nothing invisible is printed.
fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || c == '\u{feff}' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

fn short_hex(b: &[u8]) -> String {
    const MAX: usize = 48;
    let mut s = dump::hex(&b[..b.len().min(MAX)]);
    if b.len() > MAX {
        s.push('…');
    }
    s
}

fn with_date(secs: u64) -> String {
    let date = UtcDate(secs);
    match date.civil() {
        Some(_) => format!("{secs} ({date})"),
        None => secs.to_string(),
    }
}

/// `7d`, `1h30m`, `45s`.
fn duration(secs: u64) -> String {
    let (d, h, m, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    let mut out = String::new();
    for (n, unit) in [(d, "d"), (h, "h"), (m, "m"), (s, "s")] {
        if n > 0 {
            out.push_str(&format!("{n}{unit}"));
        }
    }
    if out.is_empty() {
        out.push_str("0s");
    }
    out
}

/// A plain hex and ASCII dump of `data`, each line indented.
fn hex_lines(out: &mut impl Write, data: &[u8], indent: &str, paint: Paint) -> io::Result<()> {
    for (k, chunk) in data.chunks(16).enumerate() {
        writeln!(
            out,
            "{indent}{}  {:<48} |{}|",
            paint.dim(format!("{:06x}", k * 16)),
            spaced_hex(chunk),
            ascii(chunk)
        )?;
    }
    Ok(())
}

fn spaced_hex(chunk: &[u8]) -> String {
    chunk
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn ascii(chunk: &[u8]) -> String {
    chunk
        .iter()
        .map(|&b| {
            if (0x20..0x7F).contains(&b) {
                b as char
            } else {
                '.'
            }
        })
        .collect()
}

// ------------------------------------------------------------- the summary

/// The width of the summary's TYPE column: the longest MMS_ENC message type
/// names (m-notification-ind, m-mbox-delete-conf) in `push(…)`.
const TYPE_WIDTH: usize = 24;

/// Where `--summary` cuts a subject, in characters.
const SUBJECT_MAX: usize = 40;

/// `--summary`: one line, `FILE  TYPE  VERSION  SIZE  facts… status`, the
/// FILE column `label_width` characters wide.
fn write_summary(
    out: &mut impl Write,
    input: &Input,
    decoded: &Decoded<'_>,
    strict: bool,
    label_width: usize,
    paint: Paint,
) -> io::Result<()> {
    let mut facts = Vec::new();
    if let Some(info) = &input.sms {
        facts.push(format!("segments={}", info.segments));
    }
    let (kind, version, status) = match decoded {
        Decoded::Mms(r) => {
            let (kind, version) = pdu_kind(r, &input.bytes);
            (kind, version, pdu_facts(r, strict, 0, &mut facts, paint))
        }
        Decoded::Push(Err(e)) => (
            "push".to_string(),
            "-".to_string(),
            paint.error(format!("error {e}")),
        ),
        Decoded::Push(Ok(v)) => match &v.mms {
            Some(r) => {
                let (kind, version) = pdu_kind(r, v.body);
                let status = pdu_facts(r, strict, v.push.warnings.len(), &mut facts, paint);
                (format!("push({kind})"), version, status)
            }
            None => {
                facts.push(format!("body={}", v.body.len()));
                (
                    format!("push({})", v.push.content_type.media().name()),
                    "-".to_string(),
                    status_of(0, v.push.warnings.len(), paint),
                )
            }
        },
    };
    let head = format!(
        "{:<label_width$}  {}  {:<4}  {:>7}",
        printable(&input.label),
        paint.name(format!("{kind:<TYPE_WIDTH$}")),
        version,
        input.bytes.len()
    );
    facts.push(status);
    writeln!(out, "{head}  {}", facts.join(" "))
}

/// The message type and MMS version of a PDU; of one that does not decode,
/// the message type its first two octets name, if they do.
fn pdu_kind(r: &Result<Pdu<'_>, DecodeError>, bytes: &[u8]) -> (String, String) {
    match r {
        Ok(pdu) => (
            match pdu.get(FieldCode::MESSAGE_TYPE) {
                Some(Value::Token(b)) => dump::token_name(FieldCode::MESSAGE_TYPE, *b),
                _ => "-".to_string(),
            },
            pdu.version()
                .map_or_else(|| "-".to_string(), |v| v.to_string()),
        ),
        Err(_) => (
            match bytes {
                [0x8C, t, ..] => dump::token_name(FieldCode::MESSAGE_TYPE, *t),
                _ => "-".to_string(),
            },
            "-".to_string(),
        ),
    }
}

/// Pushes the key facts of a PDU on `facts` (transaction or message id,
/// From, first To, Subject, content location, part count) and returns its
/// status: the error, or its warnings (`more_warnings` of the push besides)
/// and with `strict` its header-table violations, or OK.
fn pdu_facts(
    r: &Result<Pdu<'_>, DecodeError>,
    strict: bool,
    more_warnings: usize,
    facts: &mut Vec<String>,
    paint: Paint,
) -> String {
    let pdu = match r {
        Ok(p) => p,
        Err(e) => return paint.error(format!("error {e}")),
    };
    let text = |code: FieldCode| pdu.get(code).map(|v| fact_text(code, v));
    if let Some(t) = text(FieldCode::TRANSACTION_ID) {
        facts.push(fact("tid", &t));
    } else if let Some(id) = text(FieldCode::MESSAGE_ID) {
        facts.push(fact("id", &id));
    }
    if let Some(from) = text(FieldCode::FROM) {
        facts.push(fact("from", &from));
    }
    let mut to = pdu.get_all(FieldCode::TO);
    if let Some(first) = to.next() {
        let others = to.count();
        let mut f = fact("to", &fact_text(FieldCode::TO, first));
        if others > 0 {
            f.push_str(&format!("(+{others})"));
        }
        facts.push(f);
    }
    if let Some(subject) = text(FieldCode::SUBJECT) {
        let mut cut: String = subject.chars().take(SUBJECT_MAX).collect();
        if subject.chars().nth(SUBJECT_MAX).is_some() {
            cut.push('…');
        }
        facts.push(format!("subject={cut:?}"));
    }
    if let Some(location) = text(FieldCode::CONTENT_LOCATION) {
        facts.push(fact("location", &location));
    }
    if let Some(Body::Multipart(m)) = &pdu.body {
        facts.push(format!("parts={}", m.parts.len()));
    }
    let violations = mms_pdu::mms::rules::check(pdu).len();
    let warnings = pdu.warnings.len() + more_warnings;
    if strict {
        status_of(violations, warnings, paint)
    } else {
        status_of(0, warnings + violations, paint)
    }
}

/// `OK`, or `n violations` and `n warnings`.
fn status_of(violations: usize, warnings: usize, paint: Paint) -> String {
    let mut said = Vec::new();
    if violations > 0 {
        said.push(paint.error(count(violations, "violation")));
    }
    if warnings > 0 {
        said.push(paint.warning(count(warnings, "warning")));
    }
    if said.is_empty() {
        paint.value("OK")
    } else {
        said.join(", ")
    }
}

/// A header value as text: a string as decoded, anything else as the tree
/// shows it.
fn fact_text(code: FieldCode, v: &Value<'_>) -> String {
    match dump::value_to_json(code, v) {
        Some(Json::String(s)) => s,
        _ => tree_value(code, v),
    }
}

/// `key=value`, the value quoted with Rust's escapes when it is empty or
/// holds a space or anything those escape (a quote, a backslash, a control
/// or invisible character), so that the line splits on spaces and drives
/// no terminal.
fn fact(key: &str, value: &str) -> String {
    let quoted = format!("{value:?}");
    if value.is_empty() || value.contains(char::is_whitespace) || quoted.len() != value.len() + 2 {
        format!("{key}={quoted}")
    } else {
        format!("{key}={value}")
    }
}

// ------------------------------------------------------- the annotated dump

/// A run of octets and what they are.
struct Region {
    start: usize,
    end: usize,
    depth: usize,
    label: String,
}

fn write_hex_of(
    out: &mut impl Write,
    input: &Input,
    decoded: &Decoded<'_>,
    paint: Paint,
) -> io::Result<()> {
    let (label, bytes) = (&input.label, &input.bytes[..]);
    writeln!(out, "{}: {} bytes", paint.title(label), bytes.len())?;
    let regions = match decoded {
        Decoded::Mms(Ok(pdu)) => annotate(bytes, pdu, 0, paint),
        Decoded::Mms(Err(e)) => {
            writeln!(out, "{}", paint.error(format!("does not decode: {e}")))?;
            error_regions(bytes, 0, e, paint)
        }
        Decoded::Push(Err(e)) => {
            writeln!(
                out,
                "{}",
                paint.error(format!("does not decode as a WSP push: {e}"))
            )?;
            error_regions(bytes, 0, e, paint)
        }
        Decoded::Push(Ok(v)) => {
            let mut regions = annotate_push(bytes, &v.push, paint);
            match &v.mms {
                Some(Ok(pdu)) => regions.extend(annotate(bytes, pdu, v.push.body_offset, paint)),
                Some(Err(e)) => {
                    writeln!(
                        out,
                        "{}",
                        paint.error(format!("the MMS PDU of the push does not decode: {e}"))
                    )?;
                    regions.extend(error_regions(bytes, v.push.body_offset, e, paint));
                }
                None => regions.push(Region {
                    start: v.push.body_offset,
                    end: v.push.body_offset + v.body.len(),
                    depth: 0,
                    label: format!(
                        "push body: {}, {} bytes",
                        paint.content_type(dump::content_type_line(&v.push.content_type)),
                        v.body.len()
                    ),
                }),
            }
            regions
        }
    };
    print_regions(out, bytes, &regions, paint)
}

/// What decoded up to an error at `e.offset()`, from `start`, and the rest.
fn error_regions(bytes: &[u8], start: usize, e: &DecodeError, paint: Paint) -> Vec<Region> {
    let at = e.offset().clamp(start, bytes.len());
    let mut regions = Vec::new();
    if at > start {
        regions.push(Region {
            start,
            end: at,
            depth: 0,
            label: paint.dim("(decoded up to the error)"),
        });
    }
    regions.push(Region {
        start: at,
        end: bytes.len(),
        depth: 0,
        label: paint.error(format!("<- error here: {}", e.kind())),
    });
    regions
}

/// The framing of a push: TID, PDU type, HeadersLen, content type and
/// each push header, up to the body.
fn annotate_push(whole: &[u8], p: &Push<'_>, paint: Paint) -> Vec<Region> {
    let mut regions = Vec::new();
    let body_at = p.body_offset.min(whole.len());
    let mut cursor = dump::push_start(p).min(body_at);
    if cursor > 0 {
        regions.push(Region {
            start: 0,
            end: cursor,
            depth: 0,
            label: paint.warning("junk before the push (skipped)"),
        });
    }
    let add = |regions: &mut Vec<Region>, cursor: &mut usize, len: usize, label: String| {
        let end = (*cursor + len).min(body_at);
        regions.push(Region {
            start: *cursor,
            end,
            depth: 0,
            label,
        });
        *cursor = end;
    };
    if let Some(t) = p.tid {
        add(&mut regions, &mut cursor, 1, format!("push TID {t}"));
    }
    add(
        &mut regions,
        &mut cursor,
        1,
        format!("push PDU type {}", p.pdu_type.name()),
    );
    if let Some((h, used)) = uintvar_at(whole, cursor) {
        add(
            &mut regions,
            &mut cursor,
            used,
            format!("push HeadersLen {h}"),
        );
    }
    add(
        &mut regions,
        &mut cursor,
        p.content_type.encoded_len(),
        format!(
            "push {} {}",
            paint.name("Content-Type"),
            paint.content_type(dump::content_type_line(&p.content_type))
        ),
    );
    for h in &p.headers {
        let j = dump::push_header_to_json(h);
        let name = j["name"].as_str().unwrap_or("?");
        let value = match (&j["value"], &j["raw"]) {
            (Json::String(s), _) => printable(s),
            (Json::Null, Json::String(r)) => format!("raw {r}"),
            (other, _) => other.to_string(),
        };
        add(
            &mut regions,
            &mut cursor,
            h.encoded_len(),
            format!("push header {}: {}", paint.name(name), paint.value(value)),
        );
    }
    regions
}

/// Every header, multipart framing, part header block and part data of
/// `pdu`, located by the slices decoding borrowed from `whole`.
/// `start` is where the PDU begins in `whole` (after a push's headers).
fn annotate(whole: &[u8], pdu: &Pdu<'_>, start: usize, paint: Paint) -> Vec<Region> {
    let mut regions = Vec::new();
    let mut cursor = start;
    for h in &pdu.headers {
        let (end, label) = match h {
            Header::Field(f) => {
                let end = f
                    .raw()
                    .and_then(|r| offset_of(whole, r).map(|o| o + r.len()))
                    .unwrap_or(cursor + h.encoded_len());
                (
                    end,
                    format!(
                        "{}: {}",
                        paint.name(dump::field_name(f.code())),
                        paint.value(tree_value(f.code(), f.value()))
                    ),
                )
            }
            Header::Application { name, value } => {
                let end = offset_of(whole, value.as_bytes())
                    .map(|o| o + value.len() + 1)
                    .unwrap_or(cursor + h.encoded_len());
                (
                    end,
                    format!(
                        "{}: {} (application header)",
                        paint.name(printable(&name.to_string_lossy())),
                        paint.value(printable(&value.to_string_lossy()))
                    ),
                )
            }
        };
        let end = end.clamp(cursor, whole.len());
        regions.push(Region {
            start: cursor,
            end,
            depth: 0,
            label,
        });
        cursor = end;
    }
    match &pdu.body {
        Some(Body::Data(d)) => {
            let start = offset_of(whole, d).unwrap_or(cursor);
            regions.push(Region {
                start,
                end: start + d.len(),
                depth: 0,
                label: format!("body ({} bytes)", d.len()),
            });
            cursor = start + d.len();
        }
        Some(Body::Multipart(m)) => {
            cursor = annotate_multipart(whole, m, cursor, "", 0, &mut regions, paint);
        }
        None => {}
    }
    if !pdu.trailing.is_empty() {
        let start = offset_of(whole, &pdu.trailing).unwrap_or(cursor);
        regions.push(Region {
            start,
            end: start + pdu.trailing.len(),
            depth: 0,
            label: paint.warning("trailing octets (not a header)"),
        });
    }
    regions
}

/// Regions of a multipart starting at `start`; returns where it ends.
fn annotate_multipart(
    whole: &[u8],
    m: &Multipart<'_>,
    start: usize,
    prefix: &str,
    depth: usize,
    regions: &mut Vec<Region>,
    paint: Paint,
) -> usize {
    let mut cursor = start;
    let Some((n, used)) = uintvar_at(whole, cursor) else {
        return cursor;
    };
    regions.push(Region {
        start: cursor,
        end: cursor + used,
        depth,
        label: format!("multipart: nEntries {n}"),
    });
    cursor += used;
    for (k, p) in m.parts.iter().enumerate() {
        let number = format!("{prefix}{}", k + 1);
        let Some(data_at) = offset_of(whole, &p.data) else {
            break;
        };
        // HeadersLen and DataLen, then the content type and headers.
        let lengths = uintvar_at(whole, cursor)
            .and_then(|(h, a)| uintvar_at(whole, cursor + a).map(|(d, b)| (h, d, a + b)));
        if let Some((hlen, dlen, used)) = lengths {
            regions.push(Region {
                start: cursor,
                end: cursor + used,
                depth,
                label: format!("part {number}: HeadersLen {hlen}, DataLen {dlen}"),
            });
            cursor += used;
        }
        let mut label = format!(
            "part {number}: {} {}",
            paint.name("Content-Type"),
            paint.content_type(dump::content_type_line(&p.content_type))
        );
        for h in &p.headers {
            let j = dump::part_header_to_json(h);
            let name = j["name"].as_str().unwrap_or("?");
            match (&j["value"], &j["raw"]) {
                (Json::String(v), _) => label.push_str(&format!(
                    "; {}: {}",
                    paint.name(name),
                    paint.value(printable(v))
                )),
                (_, Json::String(r)) => label.push_str(&format!(
                    "; {}: {}",
                    paint.name(name),
                    paint.value(format!("raw {r}"))
                )),
                _ => {}
            }
        }
        if data_at >= cursor {
            regions.push(Region {
                start: cursor,
                end: data_at,
                depth,
                label,
            });
        }
        match &p.nested {
            Some(n) => {
                annotate_multipart(
                    whole,
                    n,
                    data_at,
                    &format!("{number}."),
                    depth + 1,
                    regions,
                    paint,
                );
            }
            None => regions.push(Region {
                start: data_at,
                end: data_at + p.data.len(),
                depth,
                label: format!("part {number}: data, {} bytes", p.data.len()),
            }),
        }
        cursor = data_at + p.data.len();
    }
    if !m.trailing.is_empty() {
        let start = offset_of(whole, &m.trailing).unwrap_or(cursor);
        regions.push(Region {
            start,
            end: start + m.trailing.len(),
            depth,
            label: paint.warning("multipart: trailing octets (no entry)"),
        });
        cursor = start + m.trailing.len();
    }
    cursor
}

/// The uintvar at `at` and its length in octets.
fn uintvar_at(whole: &[u8], at: usize) -> Option<(u32, usize)> {
    let tail = whole.get(at..)?;
    let (v, rest) = mms_pdu::wsp::parse_uintvar(tail).ok()?;
    Some((v, tail.len() - rest.len()))
}

fn print_regions(
    out: &mut impl Write,
    bytes: &[u8],
    regions: &[Region],
    paint: Paint,
) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        paint.dim(format!("offset  {:<48}  {:<16}  what", "octets", "ascii"))
    )?;
    let not_annotated = paint.dim("(not annotated)");
    let mut cursor = 0;
    for r in regions {
        if r.start > cursor {
            print_run(out, bytes, cursor, r.start, 0, &not_annotated, paint)?;
        }
        let start = r.start.max(cursor).min(bytes.len());
        let end = r.end.min(bytes.len());
        if end > start || r.start == r.end {
            print_run(out, bytes, start, end, r.depth, &r.label, paint)?;
        }
        cursor = cursor.max(end);
    }
    if cursor < bytes.len() {
        print_run(out, bytes, cursor, bytes.len(), 0, &not_annotated, paint)?;
    }
    Ok(())
}

/// Lines of up to 16 octets from `start` to `end`, the label on the first.
fn print_run(
    out: &mut impl Write,
    bytes: &[u8],
    start: usize,
    end: usize,
    depth: usize,
    label: &str,
    paint: Paint,
) -> io::Result<()> {
    let indent = "  ".repeat(depth);
    if start == end {
        return writeln!(
            out,
            "{}  {:<48}  {:<16}  {indent}{label}",
            paint.dim(format!("{start:06x}")),
            "",
            ""
        );
    }
    for (k, chunk) in bytes[start..end].chunks(16).enumerate() {
        let line = format!(
            "{}  {:<48}  {:<16}  {}",
            paint.dim(format!("{:06x}", start + k * 16)),
            spaced_hex(chunk),
            ascii(chunk),
            if k == 0 {
                format!("{indent}{label}")
            } else {
                String::new()
            }
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The SMIL presentation: layout, then one line per slide and media element.
fn tree_presentation(out: &mut impl Write, pdu: &Pdu<'_>, paint: Paint) -> io::Result<()> {
    use mms_pdu::smil;
    let bp = match smil::from_pdu(pdu) {
        Ok(Some(bp)) => bp,
        Ok(None) => return Ok(()),
        Err(e) => {
            return writeln!(
                out,
                "  Presentation: {}",
                paint.warning(format!("SMIL does not parse: {e}"))
            )
        }
    };
    let p = &bp.presentation;
    writeln!(
        out,
        "  Presentation (SMIL part {}, {}):",
        bp.part + 1,
        count(p.slides.len(), "slide")
    )?;
    let show = |l: &Option<smil::Length>| l.map_or_else(|| "-".to_string(), |l| l.to_string());
    if let Some(r) = &p.layout.root {
        writeln!(
            out,
            "    Root layout: {} x {}",
            show(&r.width),
            show(&r.height)
        )?;
    }
    for r in &p.layout.regions {
        writeln!(
            out,
            "    Region {}: top {} left {} width {} height {}",
            r.id,
            show(&r.top),
            show(&r.left),
            show(&r.width),
            show(&r.height)
        )?;
    }
    for (k, s) in p.slides.iter().enumerate() {
        let dur = s
            .duration
            .map_or_else(|| "no duration".to_string(), |d| format!("{d} ms"));
        writeln!(out, "    Slide {} ({dur}):", k + 1)?;
        for m in &s.media {
            let part = m
                .part
                .map_or_else(|| "no part".to_string(), |i| format!("part {}", i + 1));
            writeln!(
                out,
                "      {} {} in {} -> {part}",
                m.kind.element(),
                m.src.as_deref().unwrap_or("(no src)"),
                m.region.as_deref().unwrap_or("(no region)")
            )?;
        }
    }
    for u in &bp.resolution.unresolved {
        writeln!(
            out,
            "    {}",
            paint.warning(format!(
                "Unresolved: slide {} media {}: {:?}",
                u.slide + 1,
                u.media + 1,
                u.reason
            ))
        )?;
    }
    for i in &bp.resolution.unused_parts {
        writeln!(
            out,
            "    {}",
            paint.warning(format!("Unused: part {}", i + 1))
        )?;
    }
    Ok(())
}
