//! `mmsbench [--iterations N] [--batches B] FILE…`: times the codec on
//! one's own traffic. For each file: the generic decode (`Pdu::decode`),
//! the typed decode (`Message::decode`), the generic encode of the decoded
//! PDU and the typed encode of the decoded message.
//!
//! `mmsbench … --compose KB…` times an m-send-req of the crate's builder:
//! To, Subject and one slide (a JPEG of KB kilobytes and a text, with the
//! SMIL the builder writes), built and encoded (`build_encode`) and encoded
//! alone (`encode_typed`). `mmsbench … --campaign KB…` times one
//! personalised copy (Transaction-Id, To, Subject) of that message through
//! `compose::Campaign`, vectored. `benches/peers/run.sh` races all of these
//! against python-messaging.
//!
//! Every measure warms up first (a tenth of the iterations, at least one
//! batch), then runs B batches (default 15) of N/B iterations and prints
//! one line: `NAME METRIC MEDIAN_NS MIN_NS MAX_NS`, the median, the fastest
//! and the slowest batch in nanoseconds per operation. The median is the
//! figure to compare; the spread says how noisy the machine was.
//!
//! ```text
//! cargo run --release --example mmsbench -- --iterations 100000 tests/corpus/mmsd/*.mms
//! cargo run --release --example mmsbench -- --compose 30 300
//! cargo run --release --example mmsbench -- --campaign 100
//! ```

use std::hint::black_box;
use std::time::Instant;

use bytes::Bytes;
use mms_pdu::compose::Campaign;
use mms_pdu::mms::message::{Message, SendReq};
use mms_pdu::smil::SlideContent;
use mms_pdu::wsp::{EncodedString, Text};
use mms_pdu::{FieldCode, Pdu, Value};

const USAGE: &str = "usage: mmsbench [--iterations N] [--batches B] FILE...
       mmsbench [--iterations N] [--batches B] --compose KB...
       mmsbench [--iterations N] [--batches B] --campaign KB...
Times the codec, N operations per measure (default 10000) in B batches
(default 15) after a warm-up, and prints one line per measure:
NAME METRIC MEDIAN_NS MIN_NS MAX_NS (per operation, over the batches).
FILE: decode, decode_typed, encode, encode_typed of each binary MMS PDU.
--compose: build_encode and encode_typed of an m-send-req with one slide
(a JPEG of KB kilobytes, a text). --campaign: one personalised copy of
that message through compose::Campaign (copy).
Build with --release for meaningful figures.";

/// Keeps a decoded value from being optimised away, and drops it where it
/// is: a decode is timed with its drop, not with a copy of the value out of
/// the measured closure (a `Pdu` is 128 octets, a typed `Message` 720).
fn used<T>(value: T) {
    black_box(&value);
}

/// How long each measure runs.
#[derive(Clone, Copy)]
struct Plan {
    iterations: u32,
    batches: u32,
}

impl Plan {
    /// Warms up, then times `batches` batches of `op`; prints the median,
    /// fastest and slowest batch per operation.
    fn run(self, name: &str, metric: &str, mut op: impl FnMut()) {
        let per_batch = (self.iterations / self.batches).max(1);
        for _ in 0..(self.iterations / 10).max(per_batch) {
            op();
        }
        let mut ns: Vec<f64> = (0..self.batches)
            .map(|_| {
                let start = Instant::now();
                for _ in 0..per_batch {
                    op();
                }
                start.elapsed().as_nanos() as f64 / f64::from(per_batch)
            })
            .collect();
        ns.sort_by(f64::total_cmp);
        let median = ns[ns.len() / 2];
        println!(
            "{name} {metric} {median:.0} {:.0} {:.0}",
            ns[0],
            ns[ns.len() - 1]
        );
    }
}

/// The message of `--compose` and `--campaign`: what a handset sends with
/// one photo.
fn send_req(jpeg: &Bytes) -> SendReq<'static> {
    SendReq::builder()
        .transaction_id("T0123456789")
        .to("+15551234567")
        .subject("Holiday")
        .slide(
            SlideContent::new()
                .shared("photo.jpg", "image/jpeg", jpeg.clone())
                .text("text.txt", "Greetings from the beach"),
        )
        .build()
        .expect("the --compose message builds")
}

fn jpeg(kb: &str) -> Option<Bytes> {
    let n = kb.parse::<usize>().ok()?;
    let mut jpeg = vec![0x5A; n * 1024];
    jpeg[..2.min(n * 1024)].copy_from_slice(&[0xFF, 0xD8][..2.min(n * 1024)]);
    Some(Bytes::from(jpeg))
}

fn compose(sizes: &[String], plan: Plan) -> i32 {
    for kb in sizes {
        let Some(jpeg) = jpeg(kb) else {
            eprintln!("mmsbench: --compose takes sizes in KB, not {kb}");
            return 2;
        };
        let name = format!("compose:{kb}");
        plan.run(&name, "build_encode", || {
            black_box(send_req(black_box(&jpeg)).encode().ok());
        });
        let req = send_req(&jpeg);
        plan.run(&name, "encode_typed", || {
            black_box(black_box(&req).encode().ok());
        });
    }
    0
}

fn campaign(sizes: &[String], plan: Plan) -> i32 {
    for kb in sizes {
        let Some(jpeg) = jpeg(kb) else {
            eprintln!("mmsbench: --campaign takes sizes in KB, not {kb}");
            return 2;
        };
        let campaign = Campaign::send_req(&send_req(&jpeg)).expect("the message encodes");
        let mut k: u64 = 0;
        plan.run(&format!("campaign:{kb}"), "copy", || {
            k += 1;
            let set = [
                (
                    FieldCode::TRANSACTION_ID,
                    Value::Text(Text::from_string(format!("T{k:010}")).expect("no NUL")),
                ),
                (
                    FieldCode::TO,
                    Value::EncodedString(EncodedString::text(
                        Text::from_string(format!("+1555{:07}/TYPE=PLMN", k % 10_000_000))
                            .expect("no NUL"),
                    )),
                ),
                (
                    FieldCode::SUBJECT,
                    Value::EncodedString(EncodedString::text(
                        Text::from_string(format!("Holiday {k}")).expect("no NUL"),
                    )),
                ),
            ];
            black_box(campaign.encode(black_box(&set)).ok());
        });
    }
    0
}

fn files(files: &[String], plan: Plan) -> i32 {
    let mut status = 0;
    for file in files {
        let bytes = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("mmsbench: {file}: {e}");
                status = 2;
                continue;
            }
        };
        let pdu = match Pdu::decode(&bytes) {
            Ok(p) => p,
            Err(e) => {
                println!("{file} error: {e}");
                status = status.max(1);
                continue;
            }
        };
        plan.run(file, "decode", || {
            used(Pdu::decode(black_box(&bytes)).ok());
        });
        let typed = Message::decode(&bytes).ok();
        if typed.is_some() {
            plan.run(file, "decode_typed", || {
                used(Message::decode(black_box(&bytes)).ok());
            });
        }
        plan.run(file, "encode", || {
            black_box(black_box(&pdu).encode().ok());
        });
        if let Some(m) = &typed {
            plan.run(file, "encode_typed", || {
                black_box(black_box(m).encode().ok());
            });
        }
    }
    status
}

fn main() {
    let mut plan = Plan {
        iterations: 10_000,
        batches: 15,
    };
    let mut names = Vec::new();
    let mut mode = "files";
    let mut args = std::env::args().skip(1);
    let number = |v: Option<String>, what: &str| -> u32 {
        match v.and_then(|n| n.parse().ok()) {
            Some(n) if n > 0 => n,
            _ => {
                eprintln!("mmsbench: {what} needs a positive number\n{USAGE}");
                std::process::exit(2);
            }
        }
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--iterations" | "-n" => plan.iterations = number(args.next(), "--iterations"),
            "--batches" | "-b" => plan.batches = number(args.next(), "--batches"),
            "--compose" => mode = "compose",
            "--campaign" => mode = "campaign",
            "-h" | "--help" => {
                println!("{USAGE}");
                return;
            }
            _ => names.push(a),
        }
    }
    if names.is_empty() {
        eprintln!("{USAGE}");
        std::process::exit(2);
    }
    std::process::exit(match mode {
        "compose" => compose(&names, plan),
        "campaign" => campaign(&names, plan),
        _ => files(&names, plan),
    });
}
