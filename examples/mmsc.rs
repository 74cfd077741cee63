//! `mmsc`: a small store-and-forward MMSC on loopback HTTP, for trying the
//! whole MMS flow with `mms_client` (or a handset simulator of your own).
//!
//! ```text
//! cargo run --example mmsc -- [--listen ADDR] [--legacy NUMBER]…
//! cargo run --features mail --example mmsc -- --outbox ./outbox
//! cargo run --example mms_client -- --mmsc http://127.0.0.1:PORT --from +15551230001 --to +15551230002
//! ```
//!
//! Run with `--help` for the details. The MMSC is `shared/mmsc_flow/mmsc.rs`; the
//! short messages it queues are written as `shared/mmsc_flow/smsc.rs` says.

#[allow(dead_code)] // the test uses what the program does not
#[path = "shared/mmsc_flow/mmsc.rs"]
mod mmsc;
#[allow(dead_code)]
#[path = "shared/mmsc_flow/smsc.rs"]
mod smsc;

use tokio::net::TcpListener;

const USAGE: &str = "\
mmsc: a small store-and-forward MMSC (MMS Proxy-Relay) on HTTP

Usage: mmsc [--listen ADDR] [--legacy NUMBER]... [--public-url URL] [--expiry SECONDS]
            [--msisdn-header NAME|none] [--msisdn-for-loopback NUMBER]
            [--max-recipients N] [--max-stored-bytes N] [--max-expiry SECONDS]
            [--max-connections N] [--outbox DIR] [--quiet]

Takes m-send-req by POST /mms (application/vnd.wap.mms-message), answers
m-send-conf and stores the message; tells each recipient with an
m-notification-ind in a WAP push, split into SMS user data (printed, and
queued for GET /smsc/<number>); serves each recipient's m-retrieve-conf at
the notification's Content-Location (GET /mms/<id>); takes m-notifyresp-ind
and m-acknowledge-ind, and pushes the sender's m-delivery-ind when it asked
for one. A number given with --legacy has no MMS: it gets a text SMS with a
link to the message as a web page (GET /web/<id>). A recipient that is an
e-mail address gets the message as an Internet message (MIME, with the MM4
X-Mms-* fields of 3GPP TS 23.140), written as <id>.eml into the outbox
folder for a mail transfer agent to send, as an MMSC's MM3 interface does;
that needs the mail feature (cargo run --features mail --example mmsc),
without which such a recipient is unreachable.

Options:
  --listen ADDR       the address to listen on (default 127.0.0.1:0, a free port)
  --legacy NUMBER     a number whose handset does not do MMS (repeatable)
  --public-url URL    the URL to write in Content-Location and web links
                      (default http:// and the address listened on)
  --expiry SECONDS    X-Mms-Expiry of the notifications when the sender gave
                      none (default 604800, a week)
  --max-expiry SECONDS  the longest a message is kept, whatever its
                      X-Mms-Expiry (default 604800)
  --msisdn-header NAME  the request header a gateway in front sets to the
                      caller's number (default X-MSISDN; `none`: trust none).
                      The MMSC believes it: only a gateway that removes it
                      from what handsets send may stand in front.
  --msisdn-for-loopback NUMBER
                      the number of a request from 127.0.0.1/::1 without
                      that header: one handset on this machine, such as
                      mmsd-tng, which sends From as the Insert-address-token
  --max-recipients N  recipients per message (default 100)
  --max-stored-bytes N  octets the store holds (default 268435456)
  --max-connections N   connections served at once (default 256)
  --outbox DIR        the folder of the e-mail recipients' .eml files
                      (default: mmsc-outbox in the temporary directory)
  --quiet             print only the URL, not each transaction
  -h, --help          this help

Routes:
  POST /mms           m-send-req, m-notifyresp-ind, m-acknowledge-ind
                      (the last two answered 200 with an empty body)
  GET  /mms/<id>      the m-retrieve-conf of one recipient's copy (to that
                      recipient only; <id> is 128 random bits)
  GET  /smsc/<number> the short messages queued for a number, one a line
                      (dcs=.. udhi=.. udl=.. ud=HEX), emptied on read, to
                      that number only; the ud= of a push is what
                      `mmsdump --sms` reads
  GET  /web/<id>      the message as an HTML page (anyone with the link)
";

struct Args {
    listen: String,
    config: mmsc::Config,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut listen = "127.0.0.1:0".to_string();
    let mut config = mmsc::Config {
        print: true,
        ..mmsc::Config::default()
    };
    while let Some(a) = args.next() {
        let mut value = |what: &str| args.next().ok_or(format!("{a} needs {what}"));
        match a.as_str() {
            "-h" | "--help" => return Ok(None),
            "--listen" => listen = value("an address such as 127.0.0.1:8080")?,
            "--legacy" => {
                let n = value("a number")?;
                if mmsc::msisdn_of(&n).is_none() {
                    return Err(format!("--legacy {n}: not a phone number"));
                }
                config = config.legacy(&n);
            }
            "--public-url" => config.public_url = Some(value("a URL")?),
            "--expiry" => {
                let s = value("a number of seconds")?;
                config.expiry = s
                    .parse()
                    .map_err(|_| format!("--expiry {s}: not a number of seconds"))?;
            }
            "--max-expiry" => config.max_expiry = number(&a, &value("a number of seconds")?)?,
            "--msisdn-header" => {
                let h = value("a header name, or none")?;
                config.msisdn_header = (!h.eq_ignore_ascii_case("none")).then_some(h);
            }
            "--msisdn-for-loopback" => {
                let n = value("a number")?;
                if mmsc::msisdn_of(&n).is_none() {
                    return Err(format!("--msisdn-for-loopback {n}: not a phone number"));
                }
                config.loopback_msisdn = Some(n);
            }
            "--max-recipients" => config.max_recipients = number(&a, &value("a number")?)? as usize,
            "--max-stored-bytes" => {
                config.max_stored_bytes = number(&a, &value("a number")?)? as usize
            }
            "--max-connections" => {
                config.max_connections = number(&a, &value("a number")?)? as usize
            }
            "--outbox" => config.outbox = value("a folder")?.into(),
            "--quiet" => config.print = false,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(Some(Args { listen, config }))
}

fn number(option: &str, s: &str) -> Result<u64, String> {
    s.parse()
        .map_err(|_| format!("{option} {s}: not a whole number"))
}

// Several threads: no request waits behind another's work.
#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            print!("{USAGE}");
            return;
        }
        Err(e) => {
            eprintln!("mmsc: {e}\n\n{USAGE}");
            std::process::exit(2);
        }
    };
    let listener = match TcpListener::bind(&args.listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("mmsc: cannot listen on {}: {e}", args.listen);
            std::process::exit(2);
        }
    };
    let legacy: Vec<String> = args.config.legacy.iter().cloned().collect();
    let server = match mmsc::start(listener, args.config).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("mmsc: {e}");
            std::process::exit(2);
        }
    };
    println!("mmsc: listening on {}", server.url());
    if !legacy.is_empty() {
        println!(
            "mmsc: without MMS (text SMS and web page): {}",
            legacy.join(", ")
        );
    }
    println!(
        "mmsc: try  cargo run --example mms_client -- --mmsc {} --from +15551230001 --to +15551230002",
        server.url()
    );
    server.wait().await;
}
