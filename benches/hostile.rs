//! Time on hostile shapes stays linear in the input, one group per pass:
//! at three sizes (each double or four times the last), the throughput of
//! each group should be flat. `tests/scaling.rs` asserts the same in
//! `cargo test`; the shapes are shared with it (`tests/shapes`).
//!
//! - `many_parts`: an m-retrieve-conf whose multipart body is nothing but
//!   tiny parts (a general-form content type with a charset, a Content-ID,
//!   a Content-Location, four octets of data), `Limits::max_parts` raised.
//! - `many_headers`: a PDU of nothing but headers (To, Subject with a
//!   charset, Date, X-Mms-Expiry, an application header), `max_headers`
//!   raised.
//! - `dense_parts`: parts of 100 two-octet headers each.
//! - `view_walk`: `PduView` + `Parts` + every part's headers, same input.
//! - `typed`: `Message::from_pdu` of a PDU of many headers.
//! - `smil_parse`: a SMIL document of many slides.
//! - `smil_resolve`: `smil::from_pdu` on the resolution bomb (parts of
//!   250 headers, one `<img>` per part).
//! - `push_search`: the junk search of `Push::decode_with` (`search: true`)
//!   on input made of push-looking prefixes whose content types run to the
//!   end without a NUL: each of the at most `MAX_JUNK` offsets tried costs
//!   a scan of what follows it.
//! - `sms_reassembly`: first segments of messages that never complete,
//!   every one evicting an older one.
//!
//! Run with `cargo bench --bench hostile`.

use std::time::Duration;

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use mms_pdu::mms::view::PduView;
use mms_pdu::smil::{self, Presentation, SmilLimits};
use mms_pdu::sms::{split, Reassembler, ReassemblyLimits, SplitOptions};
use mms_pdu::wsp::push::{Push, PushOptions};
use mms_pdu::wsp::Parts;
use mms_pdu::{Body, DecodeOptions, Limits, Pdu};

#[path = "../tests/shapes/mod.rs"]
mod shapes;

const SIZES: [(&str, usize); 3] = [("64K", 64 << 10), ("256K", 256 << 10), ("1M", 1 << 20)];

/// Limits that never stop these inputs: the point is the time per octet.
const UNBOUNDED: DecodeOptions = DecodeOptions {
    limits: Limits {
        max_headers: 1 << 24,
        max_parts: 1 << 24,
        max_depth: 8,
        max_parameters: 64,
        max_part_header_octets: usize::MAX,
    },
    strict: false,
};

/// The input of `build(n)` for the smallest `n` (doubling) at least `size`
/// octets long.
fn sized(size: usize, build: impl Fn(usize) -> Vec<u8>) -> Vec<u8> {
    let mut n = 1;
    loop {
        let v = build(n);
        if v.len() >= size {
            return v;
        }
        n = (n * 2).max(n * size / v.len().max(1));
    }
}

fn many_parts(size: usize) -> (Vec<u8>, usize) {
    let v = sized(size, shapes::many_parts);
    let n = match &Pdu::decode_with(&v, &UNBOUNDED).unwrap().body {
        Some(Body::Multipart(m)) => m.parts.len(),
        _ => 0,
    };
    (v, n)
}

fn many_headers(size: usize) -> (Vec<u8>, usize) {
    let v = sized(size, shapes::many_headers);
    let n = Pdu::decode_with(&v, &UNBOUNDED).unwrap().headers.len();
    (v, n)
}

/// Benches `run` on the input of each size.
fn group(
    c: &mut Criterion,
    name: &str,
    sizes: &[(&str, usize)],
    build: impl Fn(usize) -> Vec<u8>,
    run: impl Fn(&[u8]),
) {
    let mut g = c.benchmark_group(name);
    for &(id, size) in sizes {
        let input = build(size);
        run(&input);
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(id), &input, |b, input| {
            b.iter(|| run(black_box(input)))
        });
    }
    g.finish();
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

fn decode_dense_parts(c: &mut Criterion) {
    group(
        c,
        "hostile/dense_parts",
        &SIZES,
        |size| sized(size, |n| shapes::dense_parts(n, 100)),
        |b| {
            black_box(Pdu::decode_with(b, &UNBOUNDED).unwrap());
        },
    );
}

fn view_walk(c: &mut Criterion) {
    group(
        c,
        "hostile/view_walk",
        &SIZES,
        |size| sized(size, |n| shapes::dense_parts(n, 100)),
        |b| {
            let view = PduView::parse(b).unwrap();
            let parts = Parts::with_limits(view.body().unwrap(), &UNBOUNDED.limits).unwrap();
            for p in parts {
                for h in p.unwrap().header_iter_with(&UNBOUNDED.limits) {
                    black_box(h.unwrap());
                }
            }
        },
    );
}

fn typed(c: &mut Criterion) {
    group(
        c,
        "hostile/typed",
        &SIZES,
        |size| {
            let mut b = sized(size, shapes::many_headers);
            b.splice(8..8, b"\x89\x01\x81".iter().copied());
            b
        },
        |b| {
            let pdu = Pdu::decode_with(b, &UNBOUNDED).unwrap();
            black_box(
                mms_pdu::mms::message::Message::from_pdu(pdu, &mms_pdu::DecodeOptions::LENIENT)
                    .unwrap(),
            );
        },
    );
}

fn smil_parse(c: &mut Criterion) {
    let limits = SmilLimits {
        max_slides: 1 << 20,
        max_media: 1 << 22,
        max_regions: 1 << 20,
        ..SmilLimits::DEFAULT
    };
    group(
        c,
        "hostile/smil_parse",
        &SIZES,
        |size| sized(size, |n| shapes::long_smil(n).into_bytes()),
        |b| {
            let p = Presentation::parse_with(std::str::from_utf8(b).unwrap(), &limits).unwrap();
            black_box(p.undeclared_regions().len());
        },
    );
}

fn smil_resolve(c: &mut Criterion) {
    // Parts of 250 headers: 2,000 media elements at 1 MB, within the SMIL
    // media limit.
    group(
        c,
        "hostile/smil_resolve",
        &SIZES,
        |size| sized(size, |n| shapes::smil_bomb(n, 250)),
        |b| {
            let pdu = Pdu::decode_with(b, &UNBOUNDED).unwrap();
            black_box(
                smil::from_pdu(&pdu)
                    .unwrap()
                    .unwrap()
                    .resolution
                    .unresolved
                    .len(),
            );
        },
    );
}

fn sms_reassembly(c: &mut Criterion) {
    let mut g = c.benchmark_group("hostile/sms_reassembly");
    for (id, n) in [("5K", 5_000usize), ("20K", 20_000), ("80K", 80_000)] {
        let segments: Vec<(u32, Vec<u8>)> = (0..n)
            .map(|k| {
                let opts = SplitOptions {
                    reference: k as u16,
                    reference_16bit: true,
                    ..SplitOptions::default()
                };
                (
                    (k / 4) as u32,
                    split(&[k as u8; 200], &opts).unwrap()[0].clone(),
                )
            })
            .collect();
        let limits = ReassemblyLimits {
            max_pending: 4_000,
            max_bytes: usize::MAX,
            max_pending_per_sender: 8,
            max_bytes_per_sender: usize::MAX,
            max_age: None,
        };
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(id), &segments, |b, segments| {
            b.iter(|| {
                let mut r = Reassembler::new(limits);
                for (t, (sender, s)) in segments.iter().enumerate() {
                    black_box(r.push(*sender, s, t as u64).unwrap());
                }
            })
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
    for (id, size) in SIZES {
        let input = shapes::push_junk(size);
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
    targets = decode_many_parts, decode_many_headers, decode_dense_parts, view_walk, typed,
        smil_parse, smil_resolve, push_search, sms_reassembly
}
criterion_main!(hostile);
