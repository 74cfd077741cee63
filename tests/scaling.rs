//! Every pass is linear (or n log n) in its input, measured: each test
//! builds inputs of size N, 2N and 4N of a shape made to be expensive for
//! that pass, times the pass on each (best of five runs, so that noise
//! from other processes does not count), and asserts that each doubling
//! of the input costs at most ~2.5× (a quadratic pass costs 4× per
//! doubling). N is chosen so that each test stays under two seconds in a
//! debug build.
//!
//! The tests run one at a time (`SERIAL`): two timings on two cores at
//! once would disturb each other.

mod shapes;

use std::hint::black_box;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use mms_pdu::mms::view::PduView;
use mms_pdu::smil::{self, Presentation, SmilLimits, UnresolvedReason};
use mms_pdu::wsp::push::{Push, PushOptions};
use mms_pdu::wsp::Parts;
use mms_pdu::{Body, DecodeOptions, Limits, Pdu};

static SERIAL: Mutex<()> = Mutex::new(());

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

/// The processor time this thread has used (Linux: the scheduler's
/// count in `/proc/thread-self/schedstat`, nanoseconds, updated at least
/// every tick), when the system says.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// The cost of one run of `f`: the processor time it used where the
/// system counts it (time spent waiting for a processor on a loaded
/// machine does not count), else the wall-clock time.
fn time(f: &mut impl FnMut()) -> Duration {
    let (c, t) = (cpu_time(), Instant::now());
    f();
    match (c, cpu_time()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => t.elapsed(),
    }
}

/// The fastest of five runs of `f`, in wall-clock time.
fn best_of_5(mut f: impl FnMut()) -> Duration {
    (0..5)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

/// Times `run` on the inputs `build(n)`, `build(2n)`, `build(4n)` and
/// asserts that the time grows linearly: 4N costs at most 6.25× N (2.5×
/// per doubling; a quadratic pass gives 16×, n log n about 4.5×), and
/// neither doubling alone more than 3.5× (room for the noise of a shared
/// machine on the middle size; a quadratic doubling is 4×).
///
/// The three sizes are run in turn, five rounds or until N has run 40 ms,
/// and each size's cost is the sum of its processor time over the rounds
/// (see [`time`]): a
/// loaded machine slows the wall clock, hardly the processor time, and a
/// burst of load elsewhere hits one round of all three sizes rather than
/// one size. N must be large enough that the decoded structures of all
/// three sizes outgrow the processor's caches (a few MB): the time per
/// octet steps up once they do, and a step is not a slope. When the
/// ratios fail, more rounds are added (three times at most): noise
/// averages out, while a super-linear pass fails however long it runs.
fn assert_linear<I>(what: &str, n: usize, build: impl Fn(usize) -> I, run: impl Fn(&I)) {
    let _g = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let inputs: Vec<I> = [n, 2 * n, 4 * n].into_iter().map(&build).collect();
    let mut attempts = 0;
    let mut rounds = 0;
    let mut t = [Duration::ZERO; 3];
    loop {
        attempts += 1;
        let start = rounds;
        // Five rounds at least, and until N has run 40 ms more (the
        // processor time is counted in ticks of a few ms).
        let goal = t[0] + Duration::from_millis(40);
        while rounds - start < 5 || (t[0] < goal && rounds - start < 200) {
            for (k, input) in inputs.iter().enumerate() {
                t[k] += time(&mut || run(input));
            }
            rounds += 1;
        }
        let r1 = t[1].as_secs_f64() / t[0].as_secs_f64();
        let r2 = t[2].as_secs_f64() / t[1].as_secs_f64();
        let r4 = t[2].as_secs_f64() / t[0].as_secs_f64();
        eprintln!(
            "{what}: N={n}: {:?} / {:?} / {:?} in {} rounds (×{r1:.2}, ×{r2:.2}; 4N/N ×{r4:.2})",
            t[0], t[1], t[2], rounds
        );
        assert!(
            t[0] >= Duration::from_millis(40 * attempts),
            "{what}: N too small to time ({:?})",
            t[0]
        );
        if r1 <= 3.5 && r2 <= 3.5 && r4 <= 6.25 {
            return;
        }
        assert!(
            attempts < 4,
            "{what}: time is not linear in the input: {:?} / {:?} / {:?}",
            t[0],
            t[1],
            t[2]
        );
    }
}

/// Decodes `bytes` for the rest of the test run (so that a pass over the
/// decoded PDU can be timed alone).
fn leak_decoded(bytes: Vec<u8>) -> Pdu<'static> {
    Pdu::decode_with(Vec::leak(bytes), &UNBOUNDED).unwrap()
}

fn multipart<'p>(pdu: &'p Pdu<'_>) -> &'p mms_pdu::wsp::Multipart<'p> {
    match &pdu.body {
        Some(Body::Multipart(m)) => m,
        other => panic!("not a multipart body: {other:?}"),
    }
}

// ---------------------------------------------------------------------------
// SMIL resolution.

/// The resolution bomb at about 2 MB (2,048 `<img>`, 2,048 parts of 500
/// two-octet headers) resolves right, and fast: once each part's names
/// are indexed, a media element costs a lookup, not a scan of every
/// header of every part.
#[test]
fn resolving_a_two_megabyte_smil_bomb_is_fast() {
    let bytes = shapes::smil_bomb(2048, 500);
    assert!(bytes.len() > 2_000_000, "{}", bytes.len());
    // The default limits keep a body with this many part headers raw.
    let raw = Pdu::decode(&bytes).unwrap();
    assert!(matches!(raw.body, Some(Body::Data(_))));
    assert!(smil::from_pdu(&raw).unwrap().is_none());
    let pdu = Pdu::decode_with(&bytes, &UNBOUNDED).unwrap();
    assert!(pdu.warnings.is_empty(), "{:?}", pdu.warnings.first());
    assert_eq!(multipart(&pdu).parts.len(), 2049);
    let _g = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let mut found = None;
    let t = best_of_5(|| found = Some(smil::from_pdu(&pdu).unwrap().unwrap()));
    let found = found.unwrap();
    eprintln!("from_pdu on {} octets: {t:?}", bytes.len());
    let media: Vec<_> = found.presentation.media().collect();
    assert_eq!(media.len(), 2048);
    for (i, m) in media.iter().enumerate() {
        assert_eq!(m.part, (i % 2 == 0).then_some(i + 1), "media {i}");
    }
    assert_eq!(found.resolution.unresolved.len(), 1024);
    assert!(found
        .resolution
        .unresolved
        .iter()
        .all(|u| u.reason == UnresolvedReason::NoSuchPart && u.media % 2 == 1));
    assert_eq!(found.resolution.unused_parts.len(), 1024);
    // Release builds take a few milliseconds; a debug build some tens.
    let bound = if cfg!(debug_assertions) { 2.0 } else { 0.25 };
    assert!(t.as_secs_f64() < bound, "{t:?}");
}

#[test]
fn smil_resolution_is_linear() {
    assert_linear(
        "smil::from_pdu",
        512,
        |n| leak_decoded(shapes::smil_bomb(n, 400)),
        |pdu| {
            let found = smil::from_pdu(pdu).unwrap().unwrap();
            black_box(found.resolution.unresolved.len());
        },
    );
}

#[test]
fn smil_parse_is_linear() {
    let limits = SmilLimits {
        max_slides: 1 << 20,
        max_media: 1 << 22,
        max_regions: 1 << 20,
        ..SmilLimits::DEFAULT
    };
    assert_linear("Presentation::parse", 2000, shapes::long_smil, |xml| {
        let p = Presentation::parse_with(xml, &limits).unwrap();
        black_box(p.undeclared_regions().len());
    });
}

// ---------------------------------------------------------------------------
// Decoding.

#[test]
fn decode_of_many_parts_is_linear() {
    assert_linear("Pdu::decode many parts", 16000, shapes::many_parts, |b| {
        black_box(Pdu::decode_with(b, &UNBOUNDED).unwrap());
    });
}

#[test]
fn decode_of_dense_parts_is_linear() {
    assert_linear(
        "Pdu::decode dense parts",
        1024,
        |n| shapes::dense_parts(n, 100),
        |b| {
            black_box(Pdu::decode_with(b, &UNBOUNDED).unwrap());
        },
    );
}

#[test]
fn decode_of_many_headers_is_linear() {
    assert_linear(
        "Pdu::decode many headers",
        16000,
        shapes::many_headers,
        |b| {
            black_box(Pdu::decode_with(b, &UNBOUNDED).unwrap());
        },
    );
}

#[test]
fn typed_decode_is_linear() {
    assert_linear(
        "Message::from_pdu + to_pdu",
        8000,
        |n| {
            // An m-retrieve-conf of many headers, a From among them.
            let mut b = shapes::many_headers(n);
            b.splice(8..8, b"\x89\x01\x81".iter().copied());
            leak_decoded(b)
        },
        |pdu| {
            let m = mms_pdu::mms::message::Message::from_pdu(
                pdu.clone(),
                &mms_pdu::DecodeOptions::LENIENT,
            )
            .unwrap();
            // And back: the typed fields and the kept headers merged in
            // wire order.
            assert_eq!(m.to_pdu().headers.len(), pdu.headers.len());
        },
    );
}

/// A decoded typed message encodes in its wire order, its kept headers at
/// their places: both put back in one pass each, not one search per header.
#[test]
fn typed_encode_is_linear() {
    assert_linear(
        "typed encode in wire order",
        4000,
        |n| {
            // An m-retrieve-conf of many headers, a From among them.
            let mut b = shapes::many_headers(n);
            b.splice(8..8, b"\x89\x01\x81".iter().copied());
            let m = mms_pdu::mms::message::Message::decode_with(Vec::leak(b), &UNBOUNDED).unwrap();
            (m.encode(), m)
        },
        |(first, m)| {
            // The same octets each time (or the same refusal).
            assert_eq!(&m.encode(), first);
        },
    );
}

/// The typed decode checks the header table while it cuts; a header newer
/// than MMS 1.0 met before the version is judged provisionally and settled
/// when the version comes. Thousands of them before a version at the end
/// are settled in one pass.
#[test]
fn typed_decode_with_the_version_last_is_linear() {
    assert_linear(
        "Message::decode_with, version last",
        16000,
        |n| {
            // m-retrieve-conf: X-Mms-MM-Flags (MMS 1.2) n times, then
            // X-Mms-MMS-Version 1.3.
            let mut b = b"\x8C\x84\x98T1\0".to_vec();
            for _ in 0..n {
                b.extend_from_slice(b"\xA4\x03\x80a\0");
            }
            b.extend_from_slice(b"\x8D\x93");
            b
        },
        |b| {
            let m = mms_pdu::mms::message::Message::decode_with(b, &UNBOUNDED).unwrap();
            // Not too new for 1.3: no TooNew left.
            assert!(m.warnings().len() < 4);
        },
    );
}

#[test]
fn the_view_walk_is_linear() {
    assert_linear(
        "PduView + Parts",
        1024,
        |n| shapes::dense_parts(n, 100),
        |b| {
            let view = PduView::parse(b).unwrap();
            let mut headers = 0usize;
            for p in Parts::with_limits(view.body().unwrap(), &UNBOUNDED.limits).unwrap() {
                let p = p.unwrap();
                black_box(p.media());
                headers += p
                    .header_iter_with(&UNBOUNDED.limits)
                    .filter(|h| h.is_ok())
                    .count();
            }
            assert!(headers >= 1024 * 100);
        },
    );
}

// ---------------------------------------------------------------------------
// The push junk search.

#[test]
fn the_push_junk_search_is_linear() {
    let opts = PushOptions {
        search: true,
        ..PushOptions::default()
    };
    assert_linear(
        "Push::decode_with search",
        // A release build runs this one a hundred times faster.
        if cfg!(debug_assertions) {
            256 << 10
        } else {
            4 << 20
        },
        shapes::push_junk,
        |b| {
            assert!(Push::decode_with(b, &opts).is_err());
        },
    );
}

// ---------------------------------------------------------------------------
// The SMS reassembler.

#[test]
fn the_sms_reassembler_is_linear() {
    use mms_pdu::sms::{split, Reassembler, ReassemblyLimits, SplitOptions};
    // n first segments of messages that never complete, from n / 4
    // senders, with room for a tenth of them: from then on every
    // segment evicts.
    assert_linear(
        "Reassembler::push",
        5_000,
        |n| {
            let segments: Vec<(u32, Vec<u8>)> = (0..n)
                .map(|k| {
                    let opts = SplitOptions {
                        reference: k as u16,
                        reference_16bit: true,
                        ..SplitOptions::default()
                    };
                    let s = split(&[k as u8; 200], &opts).unwrap();
                    ((k / 4) as u32, s[0].clone())
                })
                .collect();
            (n, segments)
        },
        |(n, segments)| {
            let limits = ReassemblyLimits {
                max_pending: n / 10,
                max_bytes: usize::MAX,
                max_pending_per_sender: 8,
                max_bytes_per_sender: usize::MAX,
                max_age: Some(1 << 40),
            };
            let mut r = Reassembler::new(limits);
            let mut dropped = 0;
            for (t, (sender, s)) in segments.iter().enumerate() {
                dropped += r.push(*sender, s, t as u64).unwrap().dropped.len();
            }
            assert_eq!(dropped, n - n / 10);
        },
    );
}
