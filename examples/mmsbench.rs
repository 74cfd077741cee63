//! `mmsbench [--iterations N] FILE…`: decodes and re-encodes each file N
//! times in-process and prints `FILE ns_per_decode ns_per_encode`, so that
//! the crate can be measured on one's own traffic. A file that does not
//! decode prints its error and the run goes on (exit status 1).
//!
//! ```text
//! cargo run --release --example mmsbench -- --iterations 100000 tests/corpus/mmsd/*.mms
//! ```

use std::hint::black_box;
use std::time::Instant;

use mms_pdu::Pdu;

const USAGE: &str = "usage: mmsbench [--iterations N] FILE...
Decodes and re-encodes each FILE (a binary MMS PDU) N times (default 10000)
and prints one line per file: FILE ns_per_decode ns_per_encode.
Build with --release for meaningful figures.";

fn main() {
    let mut iterations: u32 = 10_000;
    let mut files = Vec::new();
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
