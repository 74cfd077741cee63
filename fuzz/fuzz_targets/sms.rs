//! SMS user data: `UserData::decode` of the input; a `Reassembler` with
//! small limits (global, per sender, by age) fed the input cut into chunks
//! stays within them and reports exactly what it dropped; and
//! `split` of the input (repeated up to 12 times, to reach the 255-segment
//! bound) gives segments of at most 140 octets that reassemble, in reverse
//! order, to the input exactly once.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mms_pdu::sms::{
    split, DropReason, Outcome, Reassembler, ReassemblyLimits, SmsError, SplitOptions, UserData,
    MAX_USER_DATA,
};

fn user_data(data: &[u8]) {
    if let Ok(u) = UserData::decode(data) {
        assert!(data.ends_with(u.payload));
        if let Some(c) = u.concat {
            assert!(c.seq >= 1 && c.seq <= c.total);
        }
    }
}

/// Chunks: a length octet, then that many octets, up to the end.
fn reassemble_chunks(data: &[u8]) {
    let limits = ReassemblyLimits {
        max_pending: 3,
        max_bytes: 600,
        max_pending_per_sender: 2,
        max_bytes_per_sender: 400,
        max_age: Some(20),
    };
    let mut r = Reassembler::new(limits);
    let mut rest = data;
    let mut k = 0u8;
    while let [len, tail @ ..] = rest {
        let n = usize::from(*len).min(tail.len());
        let (chunk, next) = tail.split_at(n);
        rest = next;
        k = k.wrapping_add(1);
        let held = (r.held_bytes(), r.pending());
        match r.push(k % 3, chunk, u64::from(k)) {
            Ok(got) => {
                // Every drop is of another message than the segment's and
                // within the limits; a completed message is at most 255
                // segments of 140 octets.
                for d in &got.dropped {
                    assert!(d.segments >= 1 && d.segments < usize::from(d.total));
                }
                match got.outcome {
                    Outcome::Completed(whole) => {
                        assert!(whole.payload.len() <= 255 * MAX_USER_DATA)
                    }
                    Outcome::Duplicate | Outcome::Refused { .. } => {
                        assert!(got.dropped.iter().all(|d| d.reason == DropReason::Expired));
                        if got.dropped.is_empty() {
                            assert_eq!((r.held_bytes(), r.pending()), held);
                        }
                    }
                    _ => {}
                }
            }
            // An error stores nothing (expiry aside).
            Err(_) => assert!(r.held_bytes() <= held.0 && r.pending() <= held.1),
        }
        for s in 0..3u8 {
            assert!(r.pending_for(&s) <= limits.max_pending_per_sender);
        }
        assert!(
            r.held_bytes() <= limits.max_bytes,
            "{} held",
            r.held_bytes()
        );
        assert!(r.pending() <= limits.max_pending, "{} pending", r.pending());
    }
}

fn split_round_trip(data: &[u8]) {
    let Some((&first, _)) = data.split_first() else {
        return;
    };
    let payload = data.repeat(1 + usize::from(first % 12));
    let opts = SplitOptions {
        ports: (first & 0x10 != 0).then_some((2948, 9200)),
        reference: u16::from(first).wrapping_mul(257),
        reference_16bit: first & 0x20 != 0,
    };
    let segments = match split(&payload, &opts) {
        Ok(s) => s,
        Err(SmsError::TooLong { len }) => {
            assert_eq!(len, payload.len());
            assert!(len > 255 * 120);
            return;
        }
        Err(e) => panic!("split failed: {e}"),
    };
    let mut r = Reassembler::new(ReassemblyLimits::default());
    let mut whole = None;
    for (k, s) in segments.iter().enumerate().rev() {
        assert!(s.len() <= MAX_USER_DATA);
        let u = UserData::decode(s).expect("a segment decodes");
        assert_eq!(u.ports, opts.ports);
        assert_eq!(u.concat.is_some(), segments.len() > 1);
        let got = r.push(0u8, s, 0).expect("a segment is taken").completed();
        if k == 0 {
            whole = got;
        } else {
            assert!(got.is_none());
        }
    }
    let whole = whole.expect("the last segment completes the message");
    assert_eq!(whole.payload, payload);
    assert_eq!(whole.ports, opts.ports);
    assert_eq!((r.held_bytes(), r.pending()), (0, 0));
}

fuzz_target!(|data: &[u8]| {
    user_data(data);
    reassemble_chunks(data);
    split_round_trip(data);
});
