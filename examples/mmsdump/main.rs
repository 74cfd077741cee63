//! `mmsdump`: shows what is inside MMS PDUs, and the WAP pushes (over SMS)
//! that carry them.
//!
//! ```text
//! cargo run --example mmsdump -- tests/corpus/mmsd/rc-mms-1-3-con-210.mms
//! cargo run --example mmsdump -- --summary tests/corpus/*/*
//! cargo run --example mmsdump -- --json --with-data msg.mms | cargo run --example mmscompose > again.mms
//! cargo run --example mmsdump -- --json tests/corpus/mmsd/test-wsputil-push1.bin
//! cargo run --example mmscompose -- --sms notification.json | xargs cargo run --example mmsdump -- --sms
//! cargo run --features mail --example mmsdump -- --eml msg.mms > msg.eml
//! ```
//!
//! Run with `--help` for the options. The `--json` shape is a public
//! interface, described in docs/json.md and built by `shared/json_shape/dump.rs`
//! (pushes: its `push_to_json`; SMS: `shared/json_shape/sms.rs`).
//!
//! One module per view: [`tree`] (the default), [`json`], [`hex`] (the
//! annotated dump), [`summary`]; [`presentation`] is the SMIL section of
//! the tree; [`values`] writes header values for the views that are text;
//! [`eml`] writes the message as mail (`--eml`, feature `mail`).
//! [`extract`] writes the parts to files (`--extract DIR`).
//! Everything taken from the input reaches the terminal through
//! [`escape::printable`], and only the colours of [`paint`] add escapes.

mod args;
mod eml;
mod escape;
mod extract;
mod hex;
mod json;
mod paint;
mod presentation;
mod summary;
mod tree;
mod values;

#[path = "../shared/json_shape/dump.rs"]
mod dump;
// The splitting half serves mmscompose.
#[allow(dead_code)]
#[path = "../shared/json_shape/sms.rs"]
mod sms;

use std::ffi::OsStr;
use std::io::{self, IsTerminal, Read, Write};

use mms_pdu::{DecodeError, Pdu};

use args::{parse_args, Args, Mode, When, USAGE};
use escape::printable;
use paint::Paint;

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
            let _ = writeln!(err, "mmsdump: {}\n\n{USAGE}", printable(&e));
            return 2;
        }
    };
    if args.eml {
        return eml::run(&args, out, err);
    }
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
                let _ = writeln!(err, "mmsdump: --sms: {}", printable(&e));
                return 1;
            }
        }
    } else {
        args.files.iter().map(|f| Err(f.clone())).collect()
    };
    let paint = paint_for(&args, auto_colour);
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
    let mut written = extract::Written::default();
    for (k, source) in sources.into_iter().enumerate() {
        let input = match source {
            Ok(i) => i,
            Err(file) => match read_input(&file) {
                Ok(i) => i,
                Err(e) => {
                    let _ = out.flush();
                    let _ = writeln!(err, "mmsdump: {}: {e}", printable(&file));
                    status = 2;
                    continue;
                }
            },
        };
        let decoded = decode(&input.bytes, &args);
        if decoded.fails(&args) && status == 0 {
            status = 1;
        }
        if k > 0 && matches!(args.mode, Mode::Tree | Mode::Hex) {
            let _ = writeln!(out);
        }
        let shown = match &args.mode {
            Mode::Extract(opts) => {
                extract::write_extract_of(out, &input, &decoded, opts, &mut written, paint).map(
                    |all| {
                        if !all && status == 0 {
                            status = 1;
                        }
                    },
                )
            }
            _ => show(out, &input, &decoded, &args, paint, label_width),
        };
        if let Err(e) = shown.and_then(|_| out.flush()) {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return status;
            }
            let _ = writeln!(err, "mmsdump: cannot write: {e}");
            return 2;
        }
    }
    status
}

/// Writes one decoded input in the view `args` ask for.
fn show(
    out: &mut impl Write,
    input: &Input,
    decoded: &Decoded<'_>,
    args: &Args,
    paint: Paint,
    label_width: usize,
) -> io::Result<()> {
    match args.mode {
        Mode::Json { pretty } => {
            json::write_json(out, decoded, input.sms.as_ref(), args.with_data, pretty)
        }
        Mode::Tree => tree::write_tree_of(out, input, decoded, args.with_data, paint),
        Mode::Hex => hex::write_hex_of(out, input, decoded, paint),
        Mode::Summary => {
            summary::write_summary(out, input, decoded, args.strict, label_width, paint)
        }
        // Files are written by `run` alone, never by `render`.
        Mode::Extract(_) => Ok(()),
    }
}

/// Colours as `--color` says (`auto`: `auto_colour`), never in JSON.
fn paint_for(args: &Args, auto_colour: bool) -> Paint {
    Paint {
        on: match args.colour {
            When::Always => true,
            When::Never => false,
            When::Auto => auto_colour,
        } && !matches!(args.mode, Mode::Json { .. }),
    }
}

/// One input, `bytes` under the name `label`, shown in the view that
/// `options` (options only, no FILE; `--color=auto` means no colour) ask
/// for, as `run` would show a file; returns the exit status `run` would.
/// The render tests and the `render` fuzz target call it.
#[allow(dead_code)] // the program itself reads files
pub(crate) fn render(options: &[&str], label: &str, bytes: Vec<u8>, out: &mut impl Write) -> i32 {
    let argv = options
        .iter()
        .map(|o| o.to_string())
        .chain(["--".to_string(), label.to_string()]);
    let args = match parse_args(argv) {
        Ok(Some(a)) if !a.sms => a,
        _ => return 2,
    };
    let input = Input {
        label: label.to_string(),
        bytes,
        sms: None,
    };
    let decoded = decode(&input.bytes, &args);
    let label_width = printable(label).chars().count();
    match show(
        out,
        &input,
        &decoded,
        &args,
        paint_for(&args, false),
        label_width,
    ) {
        Ok(()) if decoded.fails(&args) => 1,
        Ok(()) => 0,
        Err(_) => 2,
    }
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

/// What an input decoded to.
enum Decoded<'a> {
    /// An MMS PDU (or the error of decoding one).
    Mms(Result<Pdu<'a>, DecodeError>),
    /// A WAP push (or the error of decoding one).
    Push(Result<dump::PushView<'a>, DecodeError>),
}

impl Decoded<'_> {
    /// Whether the MMS PDU has warnings or breaks the header table of its type.
    fn violates_its_table(&self) -> bool {
        let pdu = match self {
            Decoded::Mms(Ok(p)) => p,
            Decoded::Push(Ok(dump::PushView {
                mms: Some(Ok(p)), ..
            })) => p,
            _ => return false,
        };
        !pdu.warnings.is_empty() || !mms_pdu::mms::rules::check(pdu).is_empty()
    }
    /// Whether the input makes the exit status 1: it did not decode, or
    /// with `--strict` lenient decoding accepted a deviation (text out of
    /// its rule or charset, a body cut short, parts missing, …) or it
    /// breaks its header table.
    fn fails(&self, args: &Args) -> bool {
        self.failed() || (args.strict && self.violates_its_table())
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
