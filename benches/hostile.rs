//! Decode time on hostile shapes stays linear in the input: at 64 KB,
//! 256 KB and 1 MB, the throughput of each shape should be flat.
//!
//! - `many_parts`: an m-retrieve-conf whose multipart body is nothing but
//!   tiny parts (a general-form content type with a charset, a Content-ID,
//!   a Content-Location, four octets of data), `Limits::max_parts` raised.
//! - `many_headers`: a PDU of nothing but headers (To, Subject with a
//!   charset, Date, X-Mms-Expiry, an application header), `max_headers`
//!   raised.
//! - `push_search`: the junk search of `Push::decode_with` (`search: true`)
//!   on input made of push-looking prefixes whose content types run to the
//!   end without a NUL: every offset costs a scan of what follows it, so
//!   this one is quadratic (kept small; see the figures).
//!
//! Run with `cargo bench --bench hostile`.

use std::time::Duration;

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use mms_pdu::wsp::push::{Push, PushOptions};
use mms_pdu::wsp::put_uintvar;
use mms_pdu::{Body, DecodeOptions, Limits, Pdu};

const SIZES: [(&str, usize); 3] = [("64K", 64 << 10), ("256K", 256 << 10), ("1M", 1 << 20)];

/// Limits that never stop these inputs: the point is the time per octet.
const UNBOUNDED: DecodeOptions = DecodeOptions {
    limits: Limits {
        max_headers: 1 << 24,
        max_parts: 1 << 24,
        max_depth: 8,
        max_parameters: 64,
    },
    strict: false,
};

/// An m-retrieve-conf of multipart/related holding tiny parts, `size` octets at least.
fn many_parts(size: usize) -> (Vec<u8>, usize) {
    // Part headers: text/plain; charset=utf-8, Content-ID "<p>", Content-Location "p.txt".
    let headers: &[u8] = b"\x03\x83\x81\xEA\xC0\"<p>\0\x8Ep.txt\0";
    let mut part = Vec::new();
    put_uintvar(headers.len() as u32, &mut part);
    put_uintvar(4, &mut part);
    part.extend_from_slice(headers);
    part.extend_from_slice(b"data");
    let mut pdu = b"\x8C\x84\x98T1\0\x8D\x93\x85\x04\x45\x5A\xCE\x65\x84\xB3\x00".to_vec();
    let mut n = 0;
    while pdu.len() < size {
        pdu.extend_from_slice(&part);
        n += 1;
    }
    (pdu, n)
}

/// A PDU of `size` octets of headers, at least.
fn many_headers(size: usize) -> (Vec<u8>, usize) {
    let block: &[&[u8]] = &[
        b"\x97+33612345678/TYPE=PLMN\0",
        b"\x96\x0A\xEAGruy\xC3\xA8re\0",
        b"\x85\x04\x45\x5A\xCE\x65",
        b"\x88\x05\x81\x03\x09\x3A\x80",
        b"X-Custom\0value\0",
    ];
    let mut pdu = b"\x8C\x80\x98T1\0\x8D\x92".to_vec();
    let mut n = 3;
    while pdu.len() < size {
        for h in block {
            pdu.extend_from_slice(h);
            n += 1;
        }
    }
    (pdu, n)
}

/// `size` octets of `A 0x06 <HeadersLen size/2-1>` repeated: at every 4th
/// offset of the first half, a push frame whose content type is text with
/// no NUL up to the end of its HeadersLen (the uintvar of 2^k-1 holds no
/// zero octet).
fn push_junk(size: usize) -> Vec<u8> {
    let mut unit = vec![b'A', 0x06];
    put_uintvar((size / 2 - 1) as u32, &mut unit);
    assert!(!unit.contains(&0));
    let mut v = Vec::with_capacity(size + unit.len());
    while v.len() < size {
        v.extend_from_slice(&unit);
    }
    v.truncate(size);
    v
}

fn decode_many_parts(c: &mut Criterion) {
    let mut g = c.benchmark_group("hostile/many_parts");
    for (id, size) in SIZES {
        let (pdu, n) = many_parts(size);
        let p = Pdu::decode_with(&pdu, &UNBOUNDED).expect("decodes");
        assert!(matches!(&p.body, Some(Body::Multipart(m)) if m.parts.len() == n));
        g.throughput(Throughput::Bytes(pdu.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(id), &pdu, |b, pdu| {
            b.iter(|| Pdu::decode_with(black_box(pdu), &UNBOUNDED).unwrap())
        });
    }
    g.finish();
}

fn decode_many_headers(c: &mut Criterion) {
    let mut g = c.benchmark_group("hostile/many_headers");
    for (id, size) in SIZES {
        let (pdu, n) = many_headers(size);
        let p = Pdu::decode_with(&pdu, &UNBOUNDED).expect("decodes");
        assert_eq!(p.headers.len(), n);
        assert!(p.warnings.is_empty());
        g.throughput(Throughput::Bytes(pdu.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(id), &pdu, |b, pdu| {
            b.iter(|| Pdu::decode_with(black_box(pdu), &UNBOUNDED).unwrap())
        });
    }
    g.finish();
}

fn push_search(c: &mut Criterion) {
    let mut g = c.benchmark_group("hostile/push_search");
    let opts = PushOptions {
        search: true,
        ..PushOptions::default()
    };
    for (id, size) in [("8K", 8 << 10), ("16K", 16 << 10), ("32K", 32 << 10)] {
        let input = push_junk(size);
        assert!(Push::decode_with(&input, &opts).is_err());
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(id), &input, |b, input| {
            b.iter(|| Push::decode_with(black_box(input), &opts).is_err())
        });
    }
    g.finish();
}

criterion_group! {
    name = hostile;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = decode_many_parts, decode_many_headers, push_search
}
criterion_main!(hostile);
