//! SMS transport of WAP pushes: the WDP user-data header (3GPP TS 23.040
//! §9.2.3.24, WAP-259 WDP §6.5) and the concatenation of a push split over
//! several short messages.
//!
//! ```text
//! User data = UDHL  IE*  payload
//!   IE 0x05: 16-bit ports  (dest u16, src u16)   WAP push: dest 2948, src 9200
//!   IE 0x04:  8-bit ports  (dest u8,  src u8)
//!   IE 0x00: concatenation, 8-bit reference  (ref, total, seq)
//!   IE 0x08: concatenation, 16-bit reference (ref u16, total, seq)
//! ```
//!
//! ```
//! use mms_pdu::sms::{split, Reassembler, SplitOptions};
//! let push = vec![0x42u8; 300];
//! let segments = split(&push, &SplitOptions { reference: 7, ..SplitOptions::default() }).unwrap();
//! assert_eq!(segments.len(), 3);
//! let mut r = Reassembler::new(Default::default());
//! // Any arrival order.
//! assert_eq!(r.push(0u8, &segments[2]).unwrap(), None);
//! assert_eq!(r.push(0u8, &segments[0]).unwrap(), None);
//! let whole = r.push(0u8, &segments[1]).unwrap().unwrap();
//! assert_eq!(whole.payload, push);
//! assert_eq!(whole.ports, Some((2948, 9200)));
//! ```

use alloc::collections::BTreeMap;
use alloc::vec::Vec;

/// WDP port of the WAP push over SMS (connectionless, WAP-259 Appendix B).
pub const WAP_PUSH_PORT: u16 = 2948;
/// WDP source port of the WAP connectionless session service.
pub const WAP_SOURCE_PORT: u16 = 9200;
/// Octets of user data in one 8-bit SMS.
pub const MAX_USER_DATA: usize = 140;

/// An SMS user data that cannot be read, or a segment that cannot be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum SmsError {
    /// The UDH length or an information element runs past the user data.
    #[error("user data header: {what} at offset {offset} runs past the {len} octets of user data")]
    Truncated {
        /// The element.
        what: &'static str,
        /// Its offset in the user data.
        offset: usize,
        /// The user-data length.
        len: usize,
    },
    /// A concatenation element with total 0, or a sequence number of 0 or above the total.
    #[error("concatenation element: segment {seq} of {total} is not valid")]
    BadSequence {
        /// Segment number.
        seq: u8,
        /// Total announced.
        total: u8,
    },
    /// A segment disagrees with earlier ones of the same message (another
    /// total, or other content for the same sequence number).
    #[error("segment {seq} of reference {reference} disagrees with an earlier segment ({what})")]
    Conflict {
        /// Concatenation reference.
        reference: u16,
        /// Segment number.
        seq: u8,
        /// What disagrees.
        what: &'static str,
    },
    /// Taking the segment would exceed a [`ReassemblyLimits`] bound; the
    /// oldest incomplete message was dropped to stay within it.
    #[error("reassembly limit exceeded: {what}; the oldest incomplete message was dropped")]
    LimitExceeded {
        /// The bound.
        what: &'static str,
    },
    /// The payload does not fit in the 255 segments concatenation allows.
    #[error("a payload of {len} octets needs more than 255 segments")]
    TooLong {
        /// Payload length.
        len: usize,
    },
}

/// Concatenation information (IE 0x00 or 0x08).
/// 3GPP TS 23.040 §9.2.3.24.1 (8-bit) and §9.2.3.24.8 (16-bit reference).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Concat {
    /// Reference number (8 or 16 bits).
    pub reference: u16,
    /// Number of segments.
    pub total: u8,
    /// This segment's number, 1-based.
    pub seq: u8,
}

/// A decoded user data: what its header says, and the payload.
/// 3GPP TS 23.040 §9.2.3.24 (user data header); ports per §9.2.3.24.4 (WAP-259 WDP over SMS).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct UserData<'a> {
    /// Destination and source ports (IE 0x05 or 0x04).
    pub ports: Option<(u16, u16)>,
    /// Concatenation (IE 0x00 or 0x08).
    pub concat: Option<Concat>,
    /// The payload after the header.
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "crate::wsp::serde::base64::serialize")
    )]
    pub payload: &'a [u8],
}

impl<'a> UserData<'a> {
    /// Decodes a user data that starts with a UDH (the TP-UDHI flag set).
    pub fn decode(ud: &'a [u8]) -> Result<Self, SmsError> {
        let Some((&udhl, rest)) = ud.split_first() else {
            return Err(SmsError::Truncated {
                what: "UDHL",
                offset: 0,
                len: 0,
            });
        };
        let udhl = usize::from(udhl);
        if udhl > rest.len() {
            return Err(SmsError::Truncated {
                what: "user data header",
                offset: 0,
                len: ud.len(),
            });
        }
        let (mut ies, payload) = rest.split_at(udhl);
        let mut out = UserData {
            ports: None,
            concat: None,
            payload,
        };
        while let [iei, len, tail @ ..] = ies {
            let l = usize::from(*len);
            let offset = 1 + udhl - ies.len();
            if l > tail.len() {
                return Err(SmsError::Truncated {
                    what: "information element",
                    offset,
                    len: ud.len(),
                });
            }
            let (data, next) = tail.split_at(l);
            match (*iei, data) {
                (0x05, &[d1, d2, s1, s2]) => {
                    out.ports = Some((u16::from_be_bytes([d1, d2]), u16::from_be_bytes([s1, s2])))
                }
                (0x04, &[d, s]) => out.ports = Some((u16::from(d), u16::from(s))),
                (0x00, &[r, total, seq]) => out.concat = Some(checked(u16::from(r), total, seq)?),
                (0x08, &[r1, r2, total, seq]) => {
                    out.concat = Some(checked(u16::from_be_bytes([r1, r2]), total, seq)?)
                }
                _ => {} // other elements (and malformed known ones) are skipped
            }
            ies = next;
        }
        if !ies.is_empty() {
            return Err(SmsError::Truncated {
                what: "information element",
                offset: 1 + udhl - ies.len(),
                len: ud.len(),
            });
        }
        Ok(out)
    }
}

fn checked(reference: u16, total: u8, seq: u8) -> Result<Concat, SmsError> {
    if total == 0 || seq == 0 || seq > total {
        return Err(SmsError::BadSequence { seq, total });
    }
    Ok(Concat {
        reference,
        total,
        seq,
    })
}

/// How to split a payload into SMS user data.
/// Segmentation per 3GPP TS 23.040 §9.2.3.24.1 and WAP-259 (WDP over GSM SMS).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SplitOptions {
    /// Ports to put in a 16-bit port IE (`None`: no port IE).
    pub ports: Option<(u16, u16)>,
    /// Concatenation reference.
    pub reference: u16,
    /// Use the 16-bit reference IE (0x08) rather than the 8-bit one (0x00).
    pub reference_16bit: bool,
}

impl Default for SplitOptions {
    fn default() -> Self {
        SplitOptions {
            ports: Some((WAP_PUSH_PORT, WAP_SOURCE_PORT)),
            reference: 0,
            reference_16bit: false,
        }
    }
}

/// Splits `payload` (an encoded push) into user data of at most 140
/// octets, each with a UDH: the port IE, and a concatenation IE when one
/// segment is not enough.
pub fn split(payload: &[u8], opts: &SplitOptions) -> Result<Vec<Vec<u8>>, SmsError> {
    let ports_len = if opts.ports.is_some() { 6 } else { 0 };
    let concat_len = if opts.reference_16bit { 6 } else { 5 };
    let single_room = MAX_USER_DATA - 1 - ports_len;
    if payload.len() <= single_room {
        let mut ud = Vec::with_capacity(1 + ports_len + payload.len());
        ud.push(ports_len as u8);
        put_ports(&mut ud, opts);
        ud.extend_from_slice(payload);
        return Ok(alloc::vec![ud]);
    }
    let room = MAX_USER_DATA - 1 - ports_len - concat_len;
    let total = payload.len().div_ceil(room);
    let Ok(total8) = u8::try_from(total) else {
        return Err(SmsError::TooLong { len: payload.len() });
    };
    Ok(payload
        .chunks(room)
        .enumerate()
        .map(|(k, chunk)| {
            let mut ud = Vec::with_capacity(MAX_USER_DATA);
            ud.push((ports_len + concat_len) as u8);
            put_ports(&mut ud, opts);
            if opts.reference_16bit {
                ud.extend_from_slice(&[0x08, 4]);
                ud.extend_from_slice(&opts.reference.to_be_bytes());
            } else {
                ud.extend_from_slice(&[0x00, 3, opts.reference as u8]);
            }
            ud.extend_from_slice(&[total8, k as u8 + 1]);
            ud.extend_from_slice(chunk);
            ud
        })
        .collect())
}

fn put_ports(ud: &mut Vec<u8>, opts: &SplitOptions) {
    if let Some((d, s)) = opts.ports {
        ud.extend_from_slice(&[0x05, 4]);
        ud.extend_from_slice(&d.to_be_bytes());
        ud.extend_from_slice(&s.to_be_bytes());
    }
}

/// Bounds on what a [`Reassembler`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReassemblyLimits {
    /// Incomplete messages held at once (a reference that never completes
    /// is dropped when newer ones push it out).
    pub max_pending: usize,
    /// Payload octets held over all incomplete messages. 255 full segments
    /// of one message are ~34 KB; 64 KB holds the few pushes in flight.
    pub max_bytes: usize,
}

impl Default for ReassemblyLimits {
    fn default() -> Self {
        ReassemblyLimits {
            max_pending: 16,
            max_bytes: 64 * 1024,
        }
    }
}

/// A reassembled message.
/// A message whole again per 3GPP TS 23.040 §9.2.3.24.1.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Reassembled {
    /// Ports of the first segment, when it had a port IE.
    pub ports: Option<(u16, u16)>,
    /// The concatenated payload.
    #[cfg_attr(feature = "serde", serde(with = "crate::wsp::serde::base64"))]
    pub payload: Vec<u8>,
}

#[derive(Debug)]
struct Pending {
    total: u8,
    ports: Option<(u16, u16)>,
    segments: BTreeMap<u8, Vec<u8>>,
    age: u64,
}

/// Reassembles concatenated user data, keyed by the sender (`K`, e.g. the
/// originating address) and the concatenation reference. Takes segments in
/// any order; ignores exact duplicates; bounded by [`ReassemblyLimits`].
/// Reassembly per 3GPP TS 23.040 §9.2.3.24.1 (reference, count, sequence number).
#[derive(Debug)]
pub struct Reassembler<K: Ord> {
    limits: ReassemblyLimits,
    pending: BTreeMap<(K, u16), Pending>,
    held: usize,
    clock: u64,
}

impl<K: Ord + Clone> Reassembler<K> {
    /// An empty reassembler.
    pub fn new(limits: ReassemblyLimits) -> Self {
        Reassembler {
            limits,
            pending: BTreeMap::new(),
            held: 0,
            clock: 0,
        }
    }
    /// Octets currently held.
    pub fn held_bytes(&self) -> usize {
        self.held
    }
    /// Incomplete messages currently held.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }
    /// Takes one user data (with UDH) from `sender`. Returns the whole
    /// payload when this segment completes a message (or is not concatenated).
    pub fn push(&mut self, sender: K, ud: &[u8]) -> Result<Option<Reassembled>, SmsError> {
        let u = UserData::decode(ud)?;
        let Some(c) = u.concat else {
            return Ok(Some(Reassembled {
                ports: u.ports,
                payload: u.payload.to_vec(),
            }));
        };
        let key = (sender, c.reference);
        self.clock += 1;
        if let Some(p) = self.pending.get(&key) {
            if p.total != c.total {
                return Err(SmsError::Conflict {
                    reference: c.reference,
                    seq: c.seq,
                    what: "total segment count",
                });
            }
            if let Some(prev) = p.segments.get(&c.seq) {
                if prev.as_slice() == u.payload {
                    return Ok(None); // an exact duplicate
                }
                return Err(SmsError::Conflict {
                    reference: c.reference,
                    seq: c.seq,
                    what: "segment content",
                });
            }
        }
        let mut evicted = false;
        while self.held + u.payload.len() > self.limits.max_bytes
            || (!self.pending.contains_key(&key) && self.pending.len() >= self.limits.max_pending)
        {
            if !self.evict_oldest() {
                break;
            }
            evicted = true;
        }
        if self.held + u.payload.len() > self.limits.max_bytes {
            return Err(SmsError::LimitExceeded { what: "max_bytes" });
        }
        let age = self.clock;
        let p = self.pending.entry(key.clone()).or_insert_with(|| Pending {
            total: c.total,
            ports: None,
            segments: BTreeMap::new(),
            age,
        });
        if c.seq == 1 || p.ports.is_none() {
            p.ports = p.ports.or(u.ports);
        }
        p.segments.insert(c.seq, u.payload.to_vec());
        self.held += u.payload.len();
        let complete = p.segments.len() == usize::from(p.total);
        if let Some(p) = complete.then(|| self.pending.remove(&key)).flatten() {
            let payload: Vec<u8> = p.segments.into_values().flatten().collect();
            self.held -= payload.len();
            return Ok(Some(Reassembled {
                ports: p.ports,
                payload,
            }));
        }
        if evicted {
            return Err(SmsError::LimitExceeded {
                what: "max_pending or max_bytes",
            });
        }
        Ok(None)
    }
    fn evict_oldest(&mut self) -> bool {
        let Some(key) = self
            .pending
            .iter()
            .min_by_key(|(_, p)| p.age)
            .map(|(k, _)| k.clone())
        else {
            return false;
        };
        if let Some(p) = self.pending.remove(&key) {
            self.held -= p.segments.values().map(Vec::len).sum::<usize>();
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_ports_and_both_concatenation_forms() {
        let ud = [
            0x0B, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0, 0x00, 0x03, 0x2A, 0x02, 0x01, 0xAA,
        ];
        let u = UserData::decode(&ud).unwrap();
        assert_eq!(u.ports, Some((2948, 9200)));
        assert_eq!(
            u.concat,
            Some(Concat {
                reference: 0x2A,
                total: 2,
                seq: 1
            })
        );
        assert_eq!(u.payload, [0xAA]);
        let ud = [0x06, 0x08, 0x04, 0x12, 0x34, 0x03, 0x03, 0xBB];
        let u = UserData::decode(&ud).unwrap();
        assert_eq!(
            u.concat,
            Some(Concat {
                reference: 0x1234,
                total: 3,
                seq: 3
            })
        );
    }

    #[test]
    fn rejects_truncated_headers_and_bad_sequences() {
        assert!(matches!(
            UserData::decode(&[]),
            Err(SmsError::Truncated { .. })
        ));
        assert!(matches!(
            UserData::decode(&[0x05, 0x05]),
            Err(SmsError::Truncated { .. })
        ));
        assert!(matches!(
            UserData::decode(&[0x03, 0x05, 0x04, 0x0B]),
            Err(SmsError::Truncated { .. })
        ));
        assert!(matches!(
            UserData::decode(&[0x05, 0x00, 0x03, 0x01, 0x02, 0x03]),
            Err(SmsError::BadSequence { seq: 3, total: 2 })
        ));
        assert!(matches!(
            UserData::decode(&[0x05, 0x00, 0x03, 0x01, 0x00, 0x00]),
            Err(SmsError::BadSequence { .. })
        ));
    }

    #[test]
    fn split_fits_one_segment_when_it_can_and_respects_140_octets() {
        let one = split(&[1; 133], &SplitOptions::default()).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].len(), 140);
        let many = split(
            &[1; 1000],
            &SplitOptions {
                reference_16bit: true,
                ..SplitOptions::default()
            },
        )
        .unwrap();
        assert!(many.iter().all(|s| s.len() <= 140));
        assert_eq!(many.len(), 1000usize.div_ceil(140 - 13));
        assert!(matches!(
            split(&[0; 40_000], &SplitOptions::default()),
            Err(SmsError::TooLong { .. })
        ));
    }

    #[test]
    fn duplicates_are_ignored_and_conflicts_reported() {
        let segs = split(&[7; 300], &SplitOptions::default()).unwrap();
        let mut r = Reassembler::new(ReassemblyLimits::default());
        assert_eq!(r.push(1u32, &segs[0]).unwrap(), None);
        assert_eq!(r.push(1u32, &segs[0]).unwrap(), None);
        let mut other = segs[1].clone();
        *other.last_mut().unwrap() ^= 1;
        assert_eq!(r.push(1u32, &other).unwrap(), None);
        assert!(matches!(
            r.push(1u32, &segs[1]),
            Err(SmsError::Conflict {
                what: "segment content",
                ..
            })
        ));
        // A different sender with the same reference is another message.
        assert_eq!(r.push(2u32, &segs[2]).unwrap(), None);
        assert_eq!(r.pending(), 2);
    }

    #[test]
    fn never_completing_references_are_bounded() {
        let limits = ReassemblyLimits {
            max_pending: 4,
            max_bytes: 2000,
        };
        let mut r = Reassembler::new(limits);
        for reference in 0..100u16 {
            let segs = split(
                &[reference as u8; 300],
                &SplitOptions {
                    reference,
                    reference_16bit: true,
                    ..SplitOptions::default()
                },
            )
            .unwrap();
            let _ = r.push(0u8, &segs[0]);
            assert!(r.pending() <= 4);
            assert!(r.held_bytes() <= 2000);
        }
    }
}
