//! The command line: `--help`'s text and the options it describes.

pub(super) const USAGE: &str = "\
mmscompose: build a binary MMS PDU from its JSON description, or from an
Internet message

Usage: mmscompose [-o OUT] [--sms [--reference N]] [FILE]
       mmscompose [-o OUT] --eml [--type m-send-req|m-retrieve-conf] [FILE.eml]

Reads one JSON document in the shape `mmsdump --json` prints (docs/json.md)
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

With --eml, FILE is an Internet message (RFC 5322 and MIME, as `mmsdump
--eml` writes it, an MMSC sends it over MM4, or a mail client saves it): its
addresses, Subject (RFC 2047 words in their charset), Date, X-Mms-* fields
(the MM4 names of 3GPP TS 23.140 §8.4) and MIME body become the PDU, a SMIL
presentation is written for a mail that has none; where the PDU breaks the
header table of its type (MMS_ENC 1.3 §6), a warning says so.

A \"file\" must lie inside the JSON document's directory (the current directory
for standard input): a relative path without \"..\", not leading out through
a symbolic link.
Options:
  -o, --output OUT   write the PDU to OUT instead of standard output
  --eml              read FILE as an Internet message (needs the `mail`
                     feature: cargo run --features mail --example mmscompose)
  --type TYPE        the PDU --eml writes: m-send-req (the default) or
                     m-retrieve-conf
  --sms              write the push as SMS user data instead: one line of hex
                     per short message, each with its user-data header (WDP
                     ports 2948/9200 and, when the push needs more than one
                     message, a concatenation element); a document without a
                     \"push\" is wrapped in a Push (TID 0) to
                     x-wap-application:mms.ua. `mmsdump --sms` reads them.
  --reference N      the concatenation reference of --sms (0-65535, default 0;
                     above 255 the 16-bit reference element is used)
  --lenient          write a PDU that breaks the header table of its type
                     (MMS_ENC 1.3 §6: a header the type does not allow, one
                     missing, repeated, out of order) or ends in trailing
                     octets; each is printed as a warning on standard error.
                     Without it such a PDU is refused (status 1).
  -h, --help         this help

Examples:
  mmsdump --json --with-data in.mms | mmscompose -o out.mms
  mmscompose message.json > message.mms
  mmsdump --json push.bin | mmscompose -o push-again.bin
  mmscompose --sms notification.json | xargs mmsdump --sms
  mmscompose --eml message.eml -o message.mms
  mmsdump --eml in.mms | mmscompose --eml --type m-retrieve-conf -o out.mms
  echo '{\"headers\":[{\"name\":\"X-Mms-Message-Type\",\"value\":\"m-notifyresp-ind\"},
         {\"name\":\"X-Mms-Transaction-Id\",\"value\":\"T1\"},
         {\"name\":\"X-Mms-MMS-Version\",\"value\":\"1.2\"},
         {\"name\":\"X-Mms-Status\",\"value\":\"Retrieved\"}],\"body\":null}' | mmscompose | xxd

Exit status:
  0  the PDU (or its SMS user data) was written
  1  the document (or the mail) does not describe a PDU that can be written
  2  usage error, or the input could not be read or the output written, or
     --eml in a build without the mail feature
";

pub(super) struct Args {
    pub(super) input: Option<String>,
    pub(super) output: Option<String>,
    /// Write SMS user data, with this concatenation reference.
    pub(super) sms: Option<u16>,
    /// `--eml`: the input is an Internet message, made into a PDU of this
    /// type (m-send-req or m-retrieve-conf).
    pub(super) eml: Option<mms_pdu::MessageType>,
    /// Write header-table violations and trailing octets (as warnings).
    pub(super) lenient: bool,
}

pub(super) fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut input = None;
    let mut output = None;
    let mut sms = false;
    let mut lenient = false;
    let mut reference = None;
    let mut eml = false;
    let mut kind = None;
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
            "--eml" => eml = true,
            "--type" => {
                let t = args
                    .next()
                    .ok_or("--type needs m-send-req or m-retrieve-conf")?;
                kind = Some(match t.as_str() {
                    "m-send-req" => mms_pdu::MessageType::SEND_REQ,
                    "m-retrieve-conf" => mms_pdu::MessageType::RETRIEVE_CONF,
                    _ => return Err(format!("--type {t}: m-send-req or m-retrieve-conf")),
                });
            }
            "--lenient" => lenient = true,
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
    if kind.is_some() && !eml {
        return Err("--type goes with --eml".into());
    }
    if eml && sms {
        return Err("--eml does not go with --sms".into());
    }
    let sms = sms.then(|| reference.unwrap_or(0));
    let eml = eml.then(|| kind.unwrap_or(mms_pdu::MessageType::SEND_REQ));
    Ok(Some(Args {
        input,
        output,
        sms,
        eml,
        lenient,
    }))
}
