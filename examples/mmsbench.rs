//! `mmsbench [--iterations N] FILE…`: decodes and re-encodes each file N
//! times in-process and prints `FILE ns_per_decode ns_per_encode`, so that
//! the crate can be measured on one's own traffic. A file that does not
//! decode prints its error and the run goes on (exit status 1).
//!
//! `mmsbench [--iterations N] --compose KB…` times encoding an m-send-req
//! built by the crate's builder: To, Subject and one slide (a JPEG of KB
//! kilobytes and a text, with the SMIL the builder writes), one line per
//! size, `compose:KB ns_per_encode`. `benches/peers/run.sh` races the
//! same message against python-messaging's encoder.
//!
//! ```text
//! cargo run --release --example mmsbench -- --iterations 100000 tests/corpus/mmsd/*.mms
//! cargo run --release --example mmsbench -- --compose 30 300
//! ```

use std::hint::black_box;
use std::time::Instant;

use mms_pdu::mms::message::SendReq;
use mms_pdu::smil::SlideContent;
use mms_pdu::Pdu;

const USAGE: &str = "usage: mmsbench [--iterations N] FILE...
       mmsbench [--iterations N] --compose KB...
Decodes and re-encodes each FILE (a binary MMS PDU) N times (default 10000)
and prints one line per file: FILE ns_per_decode ns_per_encode.
With --compose: encodes an m-send-req with one slide (a JPEG of KB
kilobytes, a text) N times per size and prints: compose:KB ns_per_encode.
Build with --release for meaningful figures.";

/// The message of `--compose`: what a handset sends with one photo.
fn send_req(jpeg: &[u8]) -> SendReq<'_> {
    SendReq::builder()
        .transaction_id("T0123456789")
        .to("+15551234567")
        .subject("Holiday")
        .slide(
            SlideContent::new()
                .image("photo.jpg", "image/jpeg", jpeg)
                .text("text.txt", "Greetings from the beach"),
        )
        .build()
        .expect("the --compose message builds")
}

fn compose(sizes: &[String], iterations: u32) -> i32 {
    for kb in sizes {
        let Ok(n) = kb.parse::<usize>() else {
            eprintln!("mmsbench: --compose takes sizes in KB, not {kb}");
            return 2;
        };
        let mut jpeg = vec![0x5A; n * 1024];
        jpeg[..2].copy_from_slice(&[0xFF, 0xD8]);
        let req = send_req(&jpeg);
        let start = Instant::now();
        for _ in 0..iterations {
            black_box(black_box(&req).encode().ok());
        }
        let encode = start.elapsed().as_nanos() / u128::from(iterations);
        println!("compose:{kb} {encode}");
    }
    0
}

fn main() {
    let mut iterations: u32 = 10_000;
    let mut files = Vec::new();
    let mut composing = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--iterations" | "-n" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => iterations = n,
                _ => {
                    eprintln!("mmsbench: --iterations needs a positive number\n{USAGE}");
                    std::process::exit(2);
                }
            },
            "--compose" => composing = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return;
            }
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        eprintln!("{USAGE}");
        std::process::exit(2);
    }
    if composing {
        std::process::exit(compose(&files, iterations));
    }
    let mut status = 0;
    for file in files {
        let bytes = match std::fs::read(&file) {
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
        let start = Instant::now();
        for _ in 0..iterations {
            black_box(Pdu::decode(black_box(&bytes)).ok());
        }
        let decode = start.elapsed().as_nanos() / u128::from(iterations);
        let start = Instant::now();
        for _ in 0..iterations {
            black_box(black_box(&pdu).encode().ok());
        }
        let encode = start.elapsed().as_nanos() / u128::from(iterations);
        println!("{file} {decode} {encode}");
    }
    std::process::exit(status);
}
