//! The command line: `--help`'s text and the options it describes.

use mms_pdu::wsp::push::PushOptions;

pub(super) const USAGE: &str = "\
mmsdump: decode MMS PDUs (OMA MMS_ENC 1.3 on WAP-230 WSP) and WAP pushes, and
show them

Usage: mmsdump [--json [--pretty] | --hex | --summary] [--with-data] [--strict]
               [--color=WHEN] [PUSH OPTIONS] FILE...
       mmsdump [--json [--pretty] | --hex | --summary] [--with-data] [--strict]
               [--color=WHEN] [PUSH OPTIONS] --sms HEX...
       mmsdump --eml [--strict] [PUSH OPTIONS] FILE
       mmsdump --extract DIR [--force] FILE...

Each FILE holds one binary MMS PDU, or a WSP push PDU carrying one (as sent
to a phone over SMS); `-` reads standard input. A FILE that does not start
with X-Mms-Message-Type (0x8C) but decodes as a connectionless WSP Push or
ConfirmedPush is shown as a push. Give as many FILEs as you like (a shell
glob): each is shown in turn.

Options:
  --json        one JSON document per file, on one line (the stable shape
                described in docs/json.md); a file that does not decode prints
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
  --eml         write the message as an Internet message (.eml: RFC 5322,
                MIME, the MMS headers as the X-Mms-* fields of MM4, 3GPP TS
                23.140 §8.4) instead of showing it; one FILE. Needs the
                `mail` feature (cargo run --features mail --example mmsdump);
                `mmscompose --eml` reads it back
  --color=WHEN  colour the tree, the hex dump and the summary (never the
                JSON): auto (the default) when standard output is a
                terminal, NO_COLOR is unset or empty and TERM is not dumb;
                always (e.g. into less -R); never. Also --color WHEN
  --extract DIR write the parts of each message to DIR as files (DIR is
                created when missing): transfer encodings undone, nested
                multiparts walked, in the order of the SMIL presentation when
                there is one, then the other parts. Each file is named after
                the part (Content-Disposition filename, the name parameter,
                Content-Location; else partN) made safe: no directories, no
                leading dots, no control characters, no device names (CON,
                NUL, COM1, ...), at most 100 bytes, an extension from the
                media type when it has none. A name already taken gets a
                suffix (cat-1.jpg); prints a line per file written
  --force       with --extract, overwrite files that were already in DIR
                instead of choosing another name
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
  mmsdump --extract media/ message.mms
  mmsdump --color=always --hex message.mms | less -R
  mmsdump --json --with-data message.mms | mmscompose -o copy.mms
  mmsdump --eml message.mms > message.eml
  mmsdump --json push.bin
  mmsdump --sms 0b05040b8423f000032a0201...  0b05040b8423f000032a0202...
  mmscompose --sms notification.json | xargs mmsdump --sms
  cat message.mms | mmsdump -

Exit status (the same with --summary):
  0  every input decoded
  1  an input did not decode (the others are still shown), with
     --strict an input broke its header table, --sms
     segments that are not hex, have a bad user-data header, or do not
     make up complete messages, or --eml could not write the message
  2  usage error, or a file could not be read (the others are still shown),
     or --eml in a build without the mail feature
";

#[derive(Debug, Clone)]
pub(super) enum Mode {
    Tree,
    Json {
        pretty: bool,
    },
    Hex,
    Summary,
    /// `--extract DIR`.
    Extract(super::extract::Extract),
}

/// `--color`: when to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum When {
    Auto,
    Always,
    Never,
}

#[derive(Debug)]
pub(super) struct Args {
    pub(super) mode: Mode,
    pub(super) with_data: bool,
    pub(super) colour: When,
    /// Strict decoding, and header-table violations fail the input.
    pub(super) strict: bool,
    /// Decode every input as a push (`--push`, implied by the other push options).
    pub(super) push: bool,
    pub(super) push_opts: PushOptions,
    /// `files` are hex SMS user data.
    pub(super) sms: bool,
    /// `--eml`: write the message as an Internet message.
    pub(super) eml: bool,
    pub(super) files: Vec<String>,
}

pub(super) fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let (mut json, mut pretty, mut hex, mut with_data) = (false, false, false, false);
    let (mut push, mut sms, mut strict, mut summary) = (false, false, false, false);
    let mut eml = false;
    let mut colour = When::Auto;
    let (mut extract, mut force): (Option<String>, bool) = (None, false);
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
            "--extract" => match args.next() {
                Some(dir) if !dir.is_empty() => extract = Some(dir),
                _ => return Err("--extract needs a directory".into()),
            },
            "--force" => force = true,
            "--strict" => strict = true,
            "--eml" => eml = true,
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
    if eml && (json || hex || summary || with_data || sms) {
        return Err("--eml does not go with --json, --hex, --summary, --with-data or --sms".into());
    }
    if eml && files.len() > 1 {
        return Err("--eml takes one FILE".into());
    }
    if extract.is_some() && (json || hex || summary || with_data) {
        return Err("--extract does not go with --json, --hex, --summary or --with-data".into());
    }
    if force && extract.is_none() {
        return Err("--force goes with --extract".into());
    }
    if eml && extract.is_some() {
        return Err("--eml does not go with --extract".into());
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
    let mode = if let Some(dir) = extract {
        Mode::Extract(super::extract::Extract {
            dir: dir.into(),
            force,
        })
    } else if json {
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
        eml,
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
