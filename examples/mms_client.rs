//! `mms_client`: sends an MMS through the `mmsc` example and plays the
//! handsets of the recipients and of the sender, printing each PDU.
//!
//! ```text
//! cargo run --example mmsc
//! cargo run --example mms_client -- --mmsc http://127.0.0.1:PORT --from +15551230001 --to +15551230002 \
//!     [--subject S] [--text T] [--image FILE]
//! ```
//!
//! Run with `--help` for the details. The client is `shared/mmsc_flow/client.rs`.

#[allow(dead_code)] // the test uses what the program does not
#[path = "shared/mmsc_flow/client.rs"]
mod client;
#[allow(dead_code)]
#[path = "shared/mmsc_flow/smsc.rs"]
mod smsc;

use std::time::Duration;

const USAGE: &str = "\
mms_client: send an MMS through the mmsc example and play the handsets

Usage: mms_client --mmsc URL --from NUMBER --to NUMBER... [--subject S] [--text T]
                  [--image FILE] [--deferred] [--no-delivery-report] [--explicit-from]
                  [--timeout SECONDS]

Steps, each printed with the PDU's key fields:
  1. the sender POSTs an m-send-req (built with SendReq::builder, one SMIL
     slide with the image and the text) and reads the m-send-conf;
  2. each recipient reads its SMS (GET /smsc/NUMBER), reassembles the WAP
     push and reads the m-notification-ind in it (a number without MMS gets
     a text SMS instead, and its web page is fetched);
  3. it GETs the m-retrieve-conf at the Content-Location, then answers
     m-notifyresp-ind Retrieved (with --deferred: m-notifyresp-ind Deferred
     first, then m-acknowledge-ind after fetching);
  4. the sender reads its SMS: the m-delivery-ind of each recipient.

Options:
  --mmsc URL             the MMSC (as `mmsc` prints it)
  --from NUMBER          the sender (+15551230001)
  --to NUMBER            a recipient (repeatable)
  --subject S            the subject
  --text T               a text part (default: a greeting when there is no image)
  --image FILE           an image (or any file) part; its type from the extension
  --deferred             deferred retrieval (Deferred, fetch, acknowledge)
  --no-delivery-report   do not ask for delivery reports
  --explicit-from        write the number in From, rather than the
                         Insert-address-token

Every request of a handset carries its number in X-MSISDN, as an
operator's WAP gateway adds it: the MMSC takes the sender from it, and
gives a message, its answers and a number's SMS queue only to that number.
  --timeout SECONDS      how long to wait for a short message (default 5)
  -h, --help             this help

Exit status: 0 every step done, 1 a step failed, 2 usage error.
";

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<client::Options>, String> {
    let mut opts = client::Options::new("", "", &[]);
    while let Some(a) = args.next() {
        let mut value = |what: &str| args.next().ok_or(format!("{a} needs {what}"));
        match a.as_str() {
            "-h" | "--help" => return Ok(None),
            "--mmsc" => opts.mmsc = value("a URL")?.trim_end_matches('/').to_string(),
            "--from" => opts.from = value("a number")?,
            "--to" => opts.to.push(value("a number")?),
            "--subject" => opts.subject = Some(value("a subject")?),
            "--text" => opts.text = Some(value("a text")?),
            "--image" => {
                let path = value("a file")?;
                let data = std::fs::read(&path).map_err(|e| format!("--image {path}: {e}"))?;
                let name = std::path::Path::new(&path)
                    .file_name()
                    .map_or("image".into(), |n| n.to_string_lossy().into_owned());
                opts.image = Some(client::Attachment::new(&name, data));
            }
            "--deferred" => opts.deferred = true,
            "--no-delivery-report" => opts.delivery_report = false,
            "--explicit-from" => opts.insert_address = false,
            "--timeout" => {
                let s = value("a number of seconds")?;
                let secs: f64 = s
                    .parse()
                    .ok()
                    .filter(|v: &f64| v.is_finite() && *v >= 0.0)
                    .ok_or(format!("--timeout {s}: not a number of seconds"))?;
                opts.timeout = Duration::from_secs_f64(secs);
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if opts.mmsc.is_empty() || opts.from.is_empty() || opts.to.is_empty() {
        return Err("give --mmsc, --from and at least one --to".into());
    }
    Ok(Some(opts))
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let opts = match parse_args(std::env::args().skip(1)) {
        Ok(Some(o)) => o,
        Ok(None) => {
            print!("{USAGE}");
            return;
        }
        Err(e) => {
            eprintln!("mms_client: {e}\n\n{USAGE}");
            std::process::exit(2);
        }
    };
    let mut out = std::io::stdout();
    if let Err(e) = client::run(&opts, &mut out).await {
        eprintln!("mms_client: {e}");
        std::process::exit(1);
    }
}
