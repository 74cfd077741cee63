//! Resource bounds on hostile input.
//!
//! - Claimed counts and lengths (a multipart of 2^32-1 parts, a value-length,
//!   a push HeadersLen of 2^32-1, a uintvar of five 0xFF) are answered at
//!   once and without allocating: a counting global allocator measures every
//!   byte a decode asks for on the test's own thread.
//! - Allocation stays proportional to the input on inputs built to be
//!   expensive (many tiny headers, parts, parameters).
//! - Multipart nesting is bounded by `Limits::max_depth` (10 000 nested
//!   multiparts decode on a small stack); header, part and parameter counts
//!   by their `Limits`.
//! - Lengths and integers at their limits fail cleanly (no arithmetic
//!   overflow).
//! - Regressions found by the fuzz targets (`fuzz/`), their bytes inline.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use mms_pdu::sms::{SmsError, UserData};
use mms_pdu::wsp::push::{Push, PushOptions};
use mms_pdu::wsp::{self, ContentType, Multipart};
use mms_pdu::{Body, DecodeError, DecodeOptions, ErrorKind, Header, Limits, Pdu, Value};

// ---------------------------------------------------------------------------
// A global allocator that counts, per thread, the bytes requested.

struct Counting;

thread_local! {
    static REQUESTED: Cell<usize> = const { Cell::new(0) };
    /// Bytes allocated and not yet freed by this thread, and the most
    /// there were since the last `peak_of`.
    static LIVE: Cell<(isize, isize)> = const { Cell::new((0, 0)) };
}

fn count(bytes: usize) {
    // `try_with`: the thread-local may be gone while a thread shuts down.
    let _ = REQUESTED.try_with(|c| c.set(c.get().saturating_add(bytes)));
}

fn live(delta: isize) {
    let _ = LIVE.try_with(|c| {
        let (now, peak) = c.get();
        let now = now + delta;
        c.set((now, peak.max(now)));
    });
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counting touches only const-initialised thread-local `Cell`s, which
// never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        live(layout.size() as isize);
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        live(layout.size() as isize);
        System.alloc_zeroed(layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        live(new_size as isize - layout.size() as isize);
        System.realloc(ptr, layout, new_size)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        live(-(layout.size() as isize));
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` and returns its result with the bytes it requested from the
/// allocator (a grown vector counts each of its sizes).
fn requested_by<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = REQUESTED.with(Cell::get);
    let r = f();
    let after = REQUESTED.with(Cell::get);
    (r, after - before)
}

/// Runs `f` and returns the most bytes this thread held at once while it
/// ran, above what it held before (what `f` returns included: it is
/// dropped after the measurement).
fn peak_of<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let (start, _) = LIVE.with(Cell::get);
    LIVE.with(|c| c.set((start, start)));
    let r = f();
    let (_, peak) = LIVE.with(Cell::get);
    (r, (peak - start).max(0) as usize)
}

/// A tiny input may make the decoder allocate no more than this.
const TINY_INPUT_BUDGET: usize = 4 * 1024;

// ---------------------------------------------------------------------------
// Helpers.

const STRICT: DecodeOptions = DecodeOptions {
    limits: Limits::DEFAULT,
    strict: true,
};

fn uintvar(v: u32) -> Vec<u8> {
    let mut out = Vec::new();
    wsp::put_uintvar(v, &mut out);
    out
}

/// The error of a decode, checked to point inside the input.
fn error_in<T: std::fmt::Debug>(r: Result<T, DecodeError>, input: &[u8]) -> DecodeError {
    let e = r.expect_err("hostile input must not decode");
    assert!(
        e.offset() <= input.len(),
        "offset {} past the {} octets: {e}",
        e.offset(),
        input.len()
    );
    e
}

fn assert_limit(e: &DecodeError, what: &str, limit: usize) {
    match e.kind() {
        ErrorKind::LimitExceeded { what: w, limit: l } if w == what && l == limit => {}
        other => panic!("expected the {what} limit of {limit}, got {other:?} ({e})"),
    }
}

fn assert_overrun(e: &DecodeError, len: u64) {
    match e.kind() {
        ErrorKind::LengthOverrun { len: l, .. } if l == len => {}
        other => panic!("expected a length overrun of {len}, got {other:?} ({e})"),
    }
}

/// m-retrieve-conf headers up to a Content-Type of `media` (one octet, the
/// short-integer form); the body follows.
fn retrieve_conf_with(media: u8) -> Vec<u8> {
    let mut v = b"\x8C\x84\x98T1\0\x8D\x93\x84".to_vec();
    v.push(media);
    v
}

/// application/vnd.wap.multipart.related, short-integer form.
const RELATED: u8 = 0xB3;

/// A multipart nesting `levels` multiparts, one part each, around a text
/// part: built front to back from the lengths computed inside out.
fn nested_multiparts(levels: usize) -> Vec<u8> {
    let innermost: &[u8] = b"\x01\x01\x01\x83x"; // 1 entry: text/plain "x"
    let mut lens = vec![innermost.len()];
    for k in 0..levels {
        let l = lens[k];
        lens.push(3 + wsp::uintvar_len(l as u32) + l);
    }
    let mut out = Vec::with_capacity(lens[levels]);
    for k in (0..levels).rev() {
        // nEntries 1, HeadersLen 1, DataLen, Content-Type multipart/related.
        out.extend_from_slice(&[0x01, 0x01]);
        out.extend_from_slice(&uintvar(lens[k] as u32));
        out.push(RELATED);
    }
    out.extend_from_slice(innermost);
    assert_eq!(out.len(), lens[levels]);
    out
}

/// How many multiparts deep the first-part chain of `m` goes (1 for `m`).
fn nesting_depth(m: &Multipart<'_>) -> usize {
    let mut depth = 1;
    let mut cur = m;
    while let Some(n) = cur.parts.first().and_then(|p| p.nested.as_ref()) {
        depth += 1;
        cur = n;
    }
    depth
}

// ---------------------------------------------------------------------------
// Claimed counts and lengths.

#[test]
fn a_multipart_claiming_2_pow_32_minus_1_parts_costs_nothing() {
    let body = uintvar(u32::MAX);
    assert_eq!(body, [0x8F, 0xFF, 0xFF, 0xFF, 0x7F]);
    let (m, bytes) = requested_by(|| Multipart::decode(&body));
    let m = m.expect("nEntries is not trusted: the body is iterated to its end");
    assert!(m.parts.is_empty());
    assert_eq!(m.declared_entries, Some(u32::MAX));
    assert!(bytes < TINY_INPUT_BUDGET, "{bytes} bytes allocated");

    // The same claim, then one real part, inside an m-retrieve-conf: the
    // part is read, the missing ones reported (and refused when strict).
    let mut pdu = retrieve_conf_with(RELATED);
    pdu.extend_from_slice(&body);
    pdu.extend_from_slice(b"\x01\x02\x83hi");
    assert!(matches!(
        Pdu::decode_with(&pdu, &STRICT).unwrap_err().kind(),
        ErrorKind::CountMismatch {
            declared: 4_294_967_295,
            found: 1,
            ..
        }
    ));
    let (r, bytes) = requested_by(|| Pdu::decode(&pdu));
    match r.expect("decodes") {
        Pdu {
            body: Some(Body::Multipart(m)),
            warnings,
            ..
        } => {
            assert_eq!(m.parts.len(), 1);
            assert!(!m.is_complete());
            assert_eq!(warnings.len(), 1);
        }
        other => panic!("{other:?}"),
    }
    assert!(bytes < TINY_INPUT_BUDGET, "{bytes} bytes allocated");
}

#[test]
fn a_part_claiming_2_pow_32_minus_1_octets_fails_at_once() {
    // nEntries 1, HeadersLen 2^32-1, DataLen 2^32-1, text/plain.
    let mut body = vec![0x01];
    body.extend_from_slice(&uintvar(u32::MAX));
    body.extend_from_slice(&uintvar(u32::MAX));
    body.push(0x83);
    let mut pdu = retrieve_conf_with(RELATED);
    let at = pdu.len();
    pdu.extend_from_slice(&body);

    let (r, bytes) = requested_by(|| Pdu::decode_with(&pdu, &STRICT));
    let e = error_in(r, &pdu);
    assert_overrun(&e, u64::from(u32::MAX));
    assert_eq!(e.offset(), at + 11, "{e}");
    assert!(bytes < TINY_INPUT_BUDGET, "{bytes} bytes allocated");

    // Lenient: the body is kept as octets, with a warning.
    let (r, bytes) = requested_by(|| Pdu::decode(&pdu));
    let p = r.expect("lenient decoding keeps the body");
    assert!(matches!(p.body, Some(Body::Multipart(ref m)) if m.parts.is_empty()));
    assert!(!p.warnings.is_empty());
    assert!(bytes < TINY_INPUT_BUDGET, "{bytes} bytes allocated");
}

#[test]
fn a_value_length_of_2_pow_32_minus_1_fails_at_once() {
    // X-Mms-Expiry (0x88) whose value-length claims 2^32-1 octets.
    let mut pdu = b"\x8C\x80\x98T\0\x88\x1F".to_vec();
    pdu.extend_from_slice(&uintvar(u32::MAX));
    pdu.extend_from_slice(b"\x81\x80");
    for opts in [DecodeOptions::default(), STRICT] {
        let (r, bytes) = requested_by(|| Pdu::decode_with(&pdu, &opts));
        let e = error_in(r, &pdu);
        assert_overrun(&e, u64::from(u32::MAX));
        assert_eq!((e.offset(), e.context()), (6, "X-Mms-Expiry"));
        assert!(bytes < TINY_INPUT_BUDGET, "{bytes} bytes allocated");
    }
    // The bare rule, a content type and an encoded-string-value alike.
    let mut vl = vec![0x1F];
    vl.extend_from_slice(&uintvar(u32::MAX));
    vl.push(0x83);
    let (r, bytes) = requested_by(|| wsp::parse_value_length(&vl));
    assert_overrun(&error_in(r, &vl), u64::from(u32::MAX));
    let (r, bytes2) = requested_by(|| ContentType::decode(&vl));
    assert_overrun(&error_in(r, &vl), u64::from(u32::MAX));
    let (r, bytes3) = requested_by(|| wsp::parse_encoded_string_value(&vl));
    assert_overrun(&error_in(r, &vl), u64::from(u32::MAX));
    assert!(bytes + bytes2 + bytes3 < TINY_INPUT_BUDGET);
}

#[test]
fn a_uintvar_of_five_0xff_is_refused() {
    let five = [0xFF; 5];
    let (r, bytes) = requested_by(|| wsp::parse_uintvar(&five));
    assert_eq!(error_in(r, &five).kind(), ErrorKind::UintvarTooLong);
    // As nEntries, as HeadersLen, as a value-length, as a push HeadersLen.
    let (r, b1) = requested_by(|| Multipart::decode(&five));
    assert_eq!(error_in(r, &five).kind(), ErrorKind::UintvarTooLong);
    let mut body = vec![0x01];
    body.extend_from_slice(&five);
    let mut pdu = retrieve_conf_with(RELATED);
    pdu.extend_from_slice(&body);
    let (r, b2) = requested_by(|| Pdu::decode_with(&pdu, &STRICT));
    assert_eq!(error_in(r, &pdu).kind(), ErrorKind::UintvarTooLong);
    let mut expiry = b"\x8C\x80\x88\x1F".to_vec();
    expiry.extend_from_slice(&five);
    let (r, b3) = requested_by(|| Pdu::decode(&expiry));
    assert_eq!(error_in(r, &expiry).kind(), ErrorKind::UintvarTooLong);
    let mut push = vec![0x01, 0x06];
    push.extend_from_slice(&five);
    let (r, b4) = requested_by(|| Push::decode(&push));
    let e = error_in(r, &push);
    assert_eq!((e.kind(), e.offset()), (ErrorKind::UintvarTooLong, 2));
    assert!(bytes + b1 + b2 + b3 + b4 < TINY_INPUT_BUDGET);
}

#[test]
fn a_push_headers_len_of_2_pow_32_minus_1_fails_at_once() {
    let mut push = vec![0x01, 0x06];
    push.extend_from_slice(&uintvar(u32::MAX));
    push.extend_from_slice(b"\xBE\xAF\x84\x8C\x82");
    for opts in [
        PushOptions::default(),
        PushOptions {
            decode: STRICT,
            ..PushOptions::default()
        },
        PushOptions {
            search: true,
            ..PushOptions::default()
        },
    ] {
        let (r, bytes) = requested_by(|| Push::decode_with(&push, &opts));
        let e = error_in(r, &push);
        assert_overrun(&e, u64::from(u32::MAX));
        assert_eq!(e.offset(), 2);
        assert!(bytes < TINY_INPUT_BUDGET, "{bytes} bytes allocated");
    }
}

#[test]
fn an_sms_header_longer_than_its_user_data_fails_at_once() {
    let ud = [0xFF, 0x05, 0x04];
    let (r, bytes) = requested_by(|| UserData::decode(&ud));
    assert!(matches!(r, Err(SmsError::Truncated { .. })));
    assert!(bytes < TINY_INPUT_BUDGET);
}

// ---------------------------------------------------------------------------
// Allocation proportional to the input.

/// Bytes a decode may request per input octet, on inputs built to maximise
/// the decoded structures per octet (the values a decode returns are a few
/// words per header or part, and a vector grows by doubling).
const BYTES_PER_INPUT_OCTET: usize = 256;

fn assert_proportional(what: &str, input: &[u8], bytes: usize) {
    let ratio = bytes as f64 / input.len() as f64;
    println!(
        "{what}: {bytes} bytes requested for {} input octets ({ratio:.1}/octet)",
        input.len()
    );
    assert!(
        bytes <= TINY_INPUT_BUDGET + BYTES_PER_INPUT_OCTET * input.len(),
        "{what}: {bytes} bytes for {} octets",
        input.len()
    );
}

/// An m-retrieve-conf of `parts` parts, each of `headers` two-octet
/// headers and two octets of data.
fn dense_parts(parts: usize, headers: usize) -> Vec<u8> {
    let mut out = retrieve_conf_with(RELATED);
    out.extend_from_slice(&uintvar(parts as u32));
    let mut h = vec![0x83];
    for _ in 0..headers {
        h.extend_from_slice(b"\x81\x83");
    }
    for _ in 0..parts {
        out.extend_from_slice(&uintvar(h.len() as u32));
        out.push(2);
        out.extend_from_slice(&h);
        out.extend_from_slice(b"hi");
    }
    out
}

/// What `Limits::max_part_header_octets` documents: a decode holds at
/// most 4 × its input + about 6 MiB at its peak.
const PEAK_CONSTANT: usize = 6 << 20;

fn assert_peak(what: &str, input: &[u8], peak: usize, bound: usize) {
    println!(
        "{what}: {} octets, peak {peak} bytes ({:.2}× the input)",
        input.len(),
        peak as f64 / input.len() as f64
    );
    assert!(peak <= bound, "{what}: peak {peak} > {bound}");
}

#[test]
fn dense_multiparts_decode_to_at_most_four_times_their_size() {
    let _g = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    // 4,096 parts of 1,000 two-octet headers: 8.2 MB, 4 million headers.
    // Past 64 KiB of part headers the body stays raw, with a warning.
    let input = dense_parts(4096, 1000);
    assert!(input.len() > 8_000_000);
    let (p, peak) = peak_of(|| Pdu::decode(&input));
    let p = p.unwrap();
    assert!(matches!(p.body, Some(Body::Data(_))));
    assert_limit(&p.warnings[0], "part header octets", 64 * 1024);
    assert_peak("4096 × 1000 headers", &input, peak, 4 * input.len());
    let e = error_in(Pdu::decode_with(&input, &STRICT), &input);
    assert_eq!(e, p.warnings[0]);
    // The walk gives up at the same entry.
    let view = mms_pdu::mms::view::PduView::parse(&input).unwrap();
    let walk_error = view.parts().unwrap().unwrap().find_map(Result::err);
    assert_eq!(walk_error, Some(e));

    // The densest bodies within the limits: parts of two-octet headers up
    // to the 64 KiB of part headers, the 4,096 smallest parts, 1,024
    // two-octet PDU headers.
    let headers = dense_parts(32, 1000);
    let (p, peak) = peak_of(|| Pdu::decode(&headers));
    assert!(matches!(p.unwrap().body, Some(Body::Multipart(m)) if m.parts.len() == 32));
    assert_peak(
        "32 × 1000 headers",
        &headers,
        peak,
        4 * headers.len() + PEAK_CONSTANT,
    );
    let parts = dense_parts(4096, 0);
    let (p, peak) = peak_of(|| Pdu::decode(&parts));
    assert!(matches!(p.unwrap().body, Some(Body::Multipart(m)) if m.parts.len() == 4096));
    assert_peak("4096 parts", &parts, peak, 4 * parts.len() + PEAK_CONSTANT);
    let mut pdu_headers = b"\x8C\x80".to_vec();
    for _ in 0..1023 {
        pdu_headers.extend_from_slice(b"\x86\x80");
    }
    let (p, peak) = peak_of(|| Pdu::decode(&pdu_headers));
    assert_eq!(p.unwrap().headers.len(), 1024);
    assert_peak(
        "1024 PDU headers",
        &pdu_headers,
        peak,
        4 * pdu_headers.len() + PEAK_CONSTANT,
    );
}

/// The peak measurements run alone (the harness allocates on its own
/// threads, which the per-thread count ignores, but a parallel test would
/// share the machine's memory for nothing).
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn allocation_stays_proportional_to_the_input() {
    // 1023 two-octet headers (the most the default limit allows).
    let mut headers = b"\x8C\x80".to_vec();
    for _ in 0..1023 {
        headers.extend_from_slice(b"\x86\x80");
    }
    let (r, bytes) = requested_by(|| Pdu::decode(&headers));
    assert_eq!(r.expect("decodes").headers.len(), 1024);
    assert_proportional("1024 headers", &headers, bytes);

    // 4096 three-octet parts (the default part limit).
    let mut parts = retrieve_conf_with(RELATED);
    parts.push(0x00);
    for _ in 0..4096 {
        parts.extend_from_slice(b"\x01\x00\x83");
    }
    let (r, bytes) = requested_by(|| Pdu::decode(&parts));
    assert!(matches!(r.expect("decodes").body, Some(Body::Multipart(m)) if m.parts.len() == 4096));
    assert_proportional("4096 parts", &parts, bytes);

    // 64 two-octet parameters per content type, in every part.
    let mut params = retrieve_conf_with(RELATED);
    params.extend_from_slice(&uintvar(200));
    for _ in 0..200 {
        let mut ct = vec![0x1F, 0x81, 0x01, 0x83];
        for _ in 0..64 {
            ct.extend_from_slice(b"\x81\xEA");
        }
        params.extend_from_slice(&uintvar(ct.len() as u32));
        params.push(0x00);
        params.extend_from_slice(&ct);
    }
    let (r, bytes) = requested_by(|| Pdu::decode_with(&params, &STRICT));
    assert!(matches!(r.expect("decodes").body, Some(Body::Multipart(m)) if m.parts.len() == 200));
    assert_proportional("200 parts of 64 parameters", &params, bytes);

    // A deviation in every header: each becomes a warning.
    let mut warned = b"\x8C\x80".to_vec();
    for _ in 0..1023 {
        warned.extend_from_slice(b"\x86\x01\x00"); // a token written with a length
    }
    let (r, bytes) = requested_by(|| Pdu::decode(&warned));
    let p = r.expect("decodes leniently");
    assert_eq!(p.warnings.len(), 1023);
    assert_proportional("1023 warnings", &warned, bytes);
}

// ---------------------------------------------------------------------------
// Nesting, header, part and parameter bounds.

#[test]
fn ten_thousand_nested_multiparts_stop_at_max_depth() {
    let body = nested_multiparts(10_000);
    let mut pdu = retrieve_conf_with(RELATED);
    pdu.extend_from_slice(&body);
    // A small stack: the recursion is bounded by max_depth, not by the input
    // (512 KiB holds the 32 levels asked for below in a debug build, a
    // fraction of the 10,000 the input nests).
    let handle = std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(move || {
            let (r, bytes) = requested_by(|| Pdu::decode(&pdu));
            let p = r.expect("lenient decoding stops at the limit and keeps the rest as data");
            let Some(Body::Multipart(m)) = &p.body else {
                panic!("{:?}", p.body)
            };
            assert_eq!(nesting_depth(m), Limits::DEFAULT.max_depth);
            assert!(p
                .warnings
                .iter()
                .any(|w| matches!(w.kind(), ErrorKind::LimitExceeded { what, .. } if what.contains("nesting"))));
            assert!(bytes < 64 * 1024, "{bytes} bytes allocated");
            // Cloning, comparing, printing and dropping are bounded as well.
            assert_eq!(p.clone(), p);
            assert!(!format!("{p:?}").is_empty());

            let e = error_in(Pdu::decode_with(&pdu, &STRICT), &pdu);
            assert_limit(
                &e,
                "multipart nesting levels",
                Limits::DEFAULT.max_depth,
            );

            // Raised, the bound moves with the option.
            let deeper = DecodeOptions {
                limits: Limits {
                    max_depth: 32,
                    ..Limits::DEFAULT
                },
                ..DecodeOptions::default()
            };
            let p = Pdu::decode_with(&pdu, &deeper).expect("decodes");
            let Some(Body::Multipart(m)) = &p.body else {
                panic!()
            };
            assert_eq!(nesting_depth(m), 32);
            // Multipart::decode alone: the default bound.
            let m = Multipart::decode(&body).expect("decodes");
            assert_eq!(nesting_depth(&m), Limits::DEFAULT.max_depth);
        })
        .expect("spawns");
    handle.join().expect("no stack overflow, no panic");
}

#[test]
fn header_count_is_bounded() {
    let mut pdu = b"\x8C\x80".to_vec();
    for _ in 0..2000 {
        pdu.extend_from_slice(b"\x86\x80");
    }
    for opts in [DecodeOptions::default(), STRICT] {
        let e = error_in(Pdu::decode_with(&pdu, &opts), &pdu);
        assert_limit(&e, "headers", 1024);
        // The 1025th header starts after the first (2 octets) and 1023 more.
        assert_eq!((e.offset(), e.context()), (2 + 1023 * 2, "headers"));
    }
    let raised = DecodeOptions {
        limits: Limits {
            max_headers: 4096,
            ..Limits::DEFAULT
        },
        ..DecodeOptions::default()
    };
    assert_eq!(Pdu::decode_with(&pdu, &raised).unwrap().headers.len(), 2001);

    // Part headers: 1025 Content-Locations in one part.
    let mut hs = vec![0x83];
    for _ in 0..1025 {
        hs.extend_from_slice(b"\x8Ea\0");
    }
    let mut body = vec![0x01];
    body.extend_from_slice(&uintvar(hs.len() as u32));
    body.push(0x00);
    body.extend_from_slice(&hs);
    let mut pdu = retrieve_conf_with(RELATED);
    pdu.extend_from_slice(&body);
    let e = error_in(Pdu::decode_with(&pdu, &STRICT), &pdu);
    assert_limit(&e, "headers", 1024);
    let m = Multipart::decode(&body).expect("lenient: kept as trailing octets");
    assert!(m.parts.is_empty());

    // Push headers: 1025 Push-Flags.
    let mut hs = vec![0xBE];
    for _ in 0..1025 {
        hs.extend_from_slice(b"\xB4\x80");
    }
    let mut push = vec![0x01, 0x06];
    push.extend_from_slice(&uintvar(hs.len() as u32));
    push.extend_from_slice(&hs);
    let e = error_in(Push::decode(&push), &push);
    assert_limit(&e, "headers", 1024);
}

#[test]
fn part_count_is_bounded_over_all_nesting_levels() {
    // 5000 parts at the top level.
    let mut body = vec![0x00];
    for _ in 0..5000 {
        body.extend_from_slice(b"\x01\x00\x83");
    }
    let e = error_in(Multipart::decode(&body), &body);
    assert_limit(&e, "parts", 4096);

    // Two nested multiparts of 3000 parts each: 6002 parts in all.
    let mut inner = uintvar(3000);
    for _ in 0..3000 {
        inner.extend_from_slice(b"\x01\x00\x83");
    }
    let mut outer = vec![0x02];
    for _ in 0..2 {
        outer.push(0x01);
        outer.extend_from_slice(&uintvar(inner.len() as u32));
        outer.push(RELATED);
        outer.extend_from_slice(&inner);
    }
    let mut pdu = retrieve_conf_with(RELATED);
    pdu.extend_from_slice(&outer);
    let e = error_in(Pdu::decode_with(&pdu, &STRICT), &pdu);
    assert_limit(&e, "parts", 4096);
    // Lenient: whatever decodes holds at most the limit.
    let p = Pdu::decode(&pdu).expect("lenient");
    if let Some(Body::Multipart(m)) = &p.body {
        assert!(m.walk().count() <= 4096);
    }
    assert!(p
        .warnings
        .iter()
        .any(|w| matches!(w.kind(), ErrorKind::LimitExceeded { what: "parts", .. })));
}

/// The walk (`PduView::parts`, `wsp::Parts`) and the eager decoder apply
/// the same limits and give up at the same octet.
#[test]
fn the_walk_gives_up_where_the_eager_decoder_does() {
    fn walk_error(pdu: &[u8]) -> (usize, DecodeError) {
        let view = mms_pdu::mms::view::PduView::parse(pdu).unwrap();
        let mut parts = view.parts().unwrap().unwrap();
        let mut n = 0;
        let e = loop {
            match parts.next().expect("the walk ends with an error") {
                Ok(_) => n += 1,
                Err(e) => break e,
            }
        };
        assert!(parts.next().is_none(), "the walk ends at its error");
        (n, e)
    }
    fn eager_error(pdu: &[u8]) -> DecodeError {
        // Lenient: the body is kept raw, with the error as a warning.
        let p = Pdu::decode(pdu).unwrap();
        assert!(matches!(p.body, Some(Body::Data(_))), "{:?}", p.body);
        let w = p.warnings.last().copied().expect("a warning");
        let strict = error_in(Pdu::decode_with(pdu, &STRICT), pdu);
        assert_eq!(strict, w);
        w
    }

    // 5,000 top-level parts.
    let mut pdu = retrieve_conf_with(RELATED);
    pdu.extend_from_slice(&uintvar(5000));
    let first = pdu.len();
    for _ in 0..5000 {
        pdu.extend_from_slice(b"\x01\x00\x83");
    }
    let eager = eager_error(&pdu);
    assert_limit(&eager, "parts", 4096);
    assert_eq!(eager.offset(), first + 4096 * 3);
    let (n, walk) = walk_error(&pdu);
    assert_eq!((n, walk), (4096, eager));

    // A nested multipart of 2,000 parts, then 2,500 top-level parts: the
    // count runs over every level.
    let mut inner = uintvar(2000);
    for _ in 0..2000 {
        inner.extend_from_slice(b"\x01\x00\x83");
    }
    let mut pdu = retrieve_conf_with(RELATED);
    pdu.extend_from_slice(&uintvar(2501));
    pdu.push(0x01);
    pdu.extend_from_slice(&uintvar(inner.len() as u32));
    pdu.push(RELATED);
    pdu.extend_from_slice(&inner);
    let first = pdu.len();
    for _ in 0..2500 {
        pdu.extend_from_slice(b"\x01\x00\x83");
    }
    let eager = eager_error(&pdu);
    assert_limit(&eager, "parts", 4096);
    // 1 + 2,000 + 2,095 = 4,096 parts, then the entry that is one too many.
    assert_eq!(eager.offset(), first + 2095 * 3);
    let (n, walk) = walk_error(&pdu);
    assert_eq!((n, walk), (1 + 2095, eager));

    // 1,025 headers in one part.
    let mut hs = vec![0x83];
    for _ in 0..1025 {
        hs.extend_from_slice(b"\x8Ea\0");
    }
    let mut pdu = retrieve_conf_with(RELATED);
    pdu.push(0x01);
    pdu.extend_from_slice(&uintvar(hs.len() as u32));
    pdu.push(0x00);
    pdu.extend_from_slice(&hs);
    let eager = error_in(Pdu::decode_with(&pdu, &STRICT), &pdu);
    assert_limit(&eager, "headers", 1024);
    let view = mms_pdu::mms::view::PduView::parse(&pdu).unwrap();
    let part = view.parts().unwrap().unwrap().next().unwrap().unwrap();
    let headers: Vec<_> = part.header_iter().collect();
    assert_eq!(headers.len(), 1025);
    let e = headers[1024].as_ref().unwrap_err();
    assert_limit(e, "headers", 1024);
    let at = part.headers.as_ptr() as usize - pdu.as_ptr() as usize;
    assert_eq!(at + e.offset(), eager.offset());
}

#[test]
fn parameter_count_is_bounded() {
    let content_type = |n: usize| {
        let mut region = vec![0x83];
        for _ in 0..n {
            region.extend_from_slice(b"\x81\xEA");
        }
        let mut ct = vec![0x1F];
        ct.extend_from_slice(&uintvar(region.len() as u32));
        ct.extend_from_slice(&region);
        ct
    };
    assert_eq!(
        ContentType::decode(&content_type(64))
            .unwrap()
            .params()
            .len(),
        64
    );
    let ct = content_type(65);
    assert_limit(&error_in(ContentType::decode(&ct), &ct), "parameters", 64);

    // In a PDU's Content-Type, with the option raised.
    let mut pdu = b"\x8C\x84\x84".to_vec();
    pdu.extend_from_slice(&content_type(100));
    assert_limit(
        &error_in(Pdu::decode_with(&pdu, &STRICT), &pdu),
        "parameters",
        64,
    );
    let raised = DecodeOptions {
        limits: Limits {
            max_parameters: 100,
            ..Limits::DEFAULT
        },
        strict: true,
    };
    assert_eq!(
        Pdu::decode_with(&pdu, &raised)
            .unwrap()
            .content_type()
            .unwrap()
            .params()
            .len(),
        100
    );

    // A Content-Disposition of 65 filenames in a part.
    let mut disp = vec![0x81];
    for _ in 0..65 {
        disp.extend_from_slice(b"\x86a\0");
    }
    let mut hs = vec![0x83, 0xAE, 0x1F];
    hs.extend_from_slice(&uintvar(disp.len() as u32));
    hs.extend_from_slice(&disp);
    let mut pdu = retrieve_conf_with(RELATED);
    pdu.extend_from_slice(&[0x01]);
    pdu.extend_from_slice(&uintvar(hs.len() as u32));
    pdu.push(0x00);
    pdu.extend_from_slice(&hs);
    assert_limit(
        &error_in(Pdu::decode_with(&pdu, &STRICT), &pdu),
        "parameters",
        64,
    );

    // An X-Mms-Element-Descriptor (0xB2) of 65 parameter pairs.
    let mut region = b"<c>\0".to_vec();
    for _ in 0..65 {
        region.extend_from_slice(b"\x82\xBE");
    }
    let mut pdu = b"\x8C\x8E\xB2\x1F".to_vec();
    pdu.extend_from_slice(&uintvar(region.len() as u32));
    pdu.extend_from_slice(&region);
    assert_limit(
        &error_in(Pdu::decode_with(&pdu, &STRICT), &pdu),
        "parameters",
        64,
    );
    // Lenient: kept raw, with the limit as the warning.
    let p = Pdu::decode(&pdu).expect("lenient");
    assert!(matches!(p.headers[1], Header::Field(ref f) if matches!(f.value(), Value::Raw(_))));
    assert!(matches!(
        p.warnings[0].kind(),
        ErrorKind::LimitExceeded {
            what: "parameters",
            limit: 64
        }
    ));
}

// ---------------------------------------------------------------------------
// Integers and lengths at their limits.

#[test]
fn integers_and_lengths_at_their_limits_fail_cleanly() {
    // uintvar: 2^32 is one too many; 2^32-1 is fine.
    let over = [0x90, 0x80, 0x80, 0x80, 0x00];
    assert_eq!(
        error_in(wsp::parse_uintvar(&over), &over).kind(),
        ErrorKind::UintvarOverflow
    );
    assert_eq!(wsp::parse_uintvar(&uintvar(u32::MAX)).unwrap().0, u32::MAX);

    // long-integer: 8 significant octets fit, 9 do not, 30 with leading zeros do.
    let mut max = vec![0x08];
    max.extend_from_slice(&[0xFF; 8]);
    assert_eq!(wsp::parse_long_integer(&max).unwrap().0, u64::MAX);
    let nine = [0x09, 1, 0, 0, 0, 0, 0, 0, 0, 0];
    assert!(matches!(
        error_in(wsp::parse_long_integer(&nine), &nine).kind(),
        ErrorKind::IntegerOverflow { octets: 9 }
    ));
    let mut padded = vec![30];
    padded.extend_from_slice(&[0; 22]);
    padded.extend_from_slice(&[0xFF; 8]);
    assert_eq!(wsp::parse_long_integer(&padded).unwrap().0, u64::MAX);

    // A media code or a charset above 32 bits.
    let ct = [0x09, 0x08, 0x01, 0, 0, 0, 0, 0, 0, 0];
    assert!(ContentType::decode(&ct).is_err());
    let cs = [0x05, 0x01, 0x02, 0, 0, 0, 0, 0];
    assert!(wsp::parse_charset(&cs).is_err());

    // HeadersLen and DataLen both 2^32-1: their sum overflows 32 bits, but
    // they are taken one after the other, each against the octets left.
    let mut body = vec![0x01];
    body.extend_from_slice(&uintvar(u32::MAX));
    body.extend_from_slice(&uintvar(u32::MAX));
    body.extend_from_slice(&[0x83; 16]);
    let e = error_in(
        Pdu::decode_with(
            &[retrieve_conf_with(RELATED), body.clone()].concat(),
            &STRICT,
        ),
        &[retrieve_conf_with(RELATED), body].concat(),
    );
    assert_overrun(&e, u64::from(u32::MAX));

    // A Date and an X-Mms-Message-Size of the largest long-integer.
    let mut pdu = b"\x8C\x82\x85".to_vec();
    pdu.extend_from_slice(&max);
    pdu.push(0x8E);
    pdu.extend_from_slice(&max);
    let p = Pdu::decode_with(&pdu, &STRICT).expect("decodes");
    assert_eq!(p.headers.len(), 3);
    assert_eq!(p.encode().unwrap(), pdu);
}

// ---------------------------------------------------------------------------
// Regressions from the fuzz targets.

/// `roundtrip_canonical`: X-Mms-Content-Location (a text field that also
/// has a Value-length form) holding Quote, 0x01, "0": the text starts with
/// a control octet, and written canonically without its Quote it read back
/// as a value-length, shifting every header after it. Text starting with
/// 0x01–0x1F is now quoted.
#[test]
fn fuzz_canonical_text_starting_with_a_control_octet_keeps_its_quote() {
    let data = [
        0x8C, 0x81, 0x83, 0x7F, 0x01, 0x30, 0x00, 0x84, 0xF5, 0x00, 0x00, 0x00,
    ];
    let pdu = Pdu::decode(&data).unwrap();
    // A control octet cannot open TEXT, and the Quote is only for 0x80-0xFF
    // (WAP-230 §8.4.2.1): read all the same, and said.
    assert_eq!(pdu.warnings.len(), 1);
    assert_eq!(pdu.warnings[0].offset(), 3);
    assert!(Pdu::decode_with(&data, &STRICT).is_err());
    let mut canon = pdu.clone();
    canon.canonicalize();
    let bytes = canon.encode().unwrap();
    assert_eq!(bytes, data);
    let again = Pdu::decode(&bytes).unwrap();
    assert_eq!(again.headers, pdu.headers);
}
