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
//! // Any arrival order (the third argument is the time, for expiry).
//! assert_eq!(r.push(0u8, &segments[2], 0).unwrap().completed(), None);
//! assert_eq!(r.push(0u8, &segments[0], 0).unwrap().completed(), None);
//! let whole = r.push(0u8, &segments[1], 0).unwrap().completed().unwrap();
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
///
/// Every bound is enforced before a segment is stored: when a new segment
/// would exceed one, the oldest incomplete messages go first (the
/// sender's own ones for the per-sender bounds, anyone's for the global
/// ones), never the message the segment belongs to; a segment that cannot
/// fit even so is refused ([`Outcome::Refused`]). One sender therefore
/// never holds more than `max_pending_per_sender` messages and
/// `max_bytes_per_sender` octets, so that a flood from one sender cannot
/// push out everyone else's messages on its own.
///
/// ```
/// use mms_pdu::sms::ReassemblyLimits;
/// let limits = ReassemblyLimits { max_age: Some(300), ..ReassemblyLimits::default() };
/// assert!(limits.max_pending_per_sender < limits.max_pending);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReassemblyLimits {
    /// Incomplete messages held at once (a reference that never completes
    /// is dropped when newer ones push it out).
    pub max_pending: usize,
    /// Payload octets held over all incomplete messages. 255 full segments
    /// of one message are ~34 KB; 64 KB holds the few pushes in flight.
    pub max_bytes: usize,
    /// Incomplete messages held for one sender. A phone receives one or
    /// two pushes at a time from one sender; 4 by default.
    pub max_pending_per_sender: usize,
    /// Payload octets held for one sender: one message of 255 full
    /// segments (~34 KB) by default.
    pub max_bytes_per_sender: usize,
    /// How long an incomplete message is kept after its first segment,
    /// in the units of the `now` given to [`Reassembler::push`] (seconds,
    /// ticks, …): a message whose first segment came at `t` is dropped by
    /// the first call with `now >= t + max_age`. `None` (the default):
    /// only the other bounds drop messages.
    pub max_age: Option<u64>,
}

impl Default for ReassemblyLimits {
    fn default() -> Self {
        ReassemblyLimits {
            max_pending: 16,
            max_bytes: 64 * 1024,
            max_pending_per_sender: 4,
            max_bytes_per_sender: 34 * 1024,
            max_age: None,
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

/// What became of a segment given to [`Reassembler::push`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome {
    /// The segment completed a message (or was not concatenated): the
    /// whole payload. Nothing of it is held any more.
    Completed(Reassembled),
    /// The segment is held; its message is still incomplete.
    Stored,
    /// The same segment (same sequence number, same octets) was already
    /// held: nothing changed.
    Duplicate,
    /// The segment was not stored: it cannot fit within the limits even
    /// with every other message dropped. Nothing was dropped for it.
    Refused {
        /// The bound (`max_bytes`, `max_bytes_per_sender`, `max_pending`,
        /// `max_pending_per_sender`).
        limit: &'static str,
    },
}

/// Why an incomplete message was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DropReason {
    /// It was older than [`ReassemblyLimits::max_age`].
    Expired,
    /// It was the oldest when a newer segment needed room under a bound
    /// (the field name of [`ReassemblyLimits`]).
    Evicted {
        /// The bound that needed room.
        limit: &'static str,
    },
}

/// An incomplete message dropped by a [`Reassembler`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped<K> {
    /// Its sender.
    pub sender: K,
    /// Its concatenation reference.
    pub reference: u16,
    /// The segments it had, of how many.
    pub segments: usize,
    /// The total its segments announced.
    pub total: u8,
    /// The payload octets it held.
    pub bytes: usize,
    /// Why it was dropped.
    pub reason: DropReason,
}

/// The result of [`Reassembler::push`]: what became of the segment, and
/// the incomplete messages dropped while taking it (expired, or evicted to
/// make room), oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pushed<K> {
    /// What became of the segment.
    pub outcome: Outcome,
    /// The messages dropped during the call.
    pub dropped: Vec<Dropped<K>>,
}

impl<K> Pushed<K> {
    /// The whole message, when the segment completed one.
    ///
    /// ```
    /// use mms_pdu::sms::{Reassembler, ReassemblyLimits};
    /// let mut r = Reassembler::new(ReassemblyLimits::default());
    /// // Not concatenated: complete at once.
    /// let whole = r.push(0u8, b"\x00hello", 0).unwrap().completed().unwrap();
    /// assert_eq!(whole.payload, b"hello");
    /// ```
    pub fn completed(self) -> Option<Reassembled> {
        match self.outcome {
            Outcome::Completed(m) => Some(m),
            _ => None,
        }
    }
}

#[derive(Debug)]
struct Pending {
    total: u8,
    ports: Option<(u16, u16)>,
    segments: BTreeMap<u8, Vec<u8>>,
    bytes: usize,
    /// (caller time of the first segment, arrival number): its place in
    /// the age indexes.
    born: (u64, u64),
}

#[derive(Debug, Default, Clone, Copy)]
struct Share {
    pending: usize,
    bytes: usize,
}

/// Reassembles concatenated user data, keyed by the sender (`K`, e.g. the
/// originating address) and the concatenation reference. Takes segments in
/// any order; reports exact duplicates; bounded by [`ReassemblyLimits`]
/// (globally and per sender) and, when asked, by age.
/// Reassembly per 3GPP TS 23.040 §9.2.3.24.1 (reference, count, sequence number).
///
/// Each call costs O(log n) in the messages held, plus O(log n) for each
/// message it drops (each message is dropped at most once): the messages
/// are indexed by age, globally and per sender.
///
/// ```
/// use mms_pdu::sms::{split, DropReason, Outcome, Reassembler, ReassemblyLimits, SplitOptions};
/// let limits = ReassemblyLimits { max_age: Some(60), ..ReassemblyLimits::default() };
/// let mut r = Reassembler::new(limits);
/// let a = split(&[1; 300], &SplitOptions { reference: 1, ..SplitOptions::default() })?;
/// let b = split(&[2; 300], &SplitOptions { reference: 2, ..SplitOptions::default() })?;
/// assert_eq!(r.push("+331", &a[0], 0)?.outcome, Outcome::Stored);
/// assert_eq!(r.push("+331", &a[0], 1)?.outcome, Outcome::Duplicate);
/// // A minute later, the first message has expired.
/// let got = r.push("+332", &b[0], 60)?;
/// assert_eq!(got.outcome, Outcome::Stored);
/// assert_eq!((got.dropped[0].sender, got.dropped[0].reason), ("+331", DropReason::Expired));
/// assert_eq!(r.pending(), 1);
/// # Ok::<(), mms_pdu::sms::SmsError>(())
/// ```
#[derive(Debug)]
pub struct Reassembler<K: Ord> {
    limits: ReassemblyLimits,
    pending: BTreeMap<(K, u16), Pending>,
    /// Every pending message by (first time, arrival number).
    by_age: BTreeMap<(u64, u64), (K, u16)>,
    /// Every pending message by sender, then age.
    by_sender: BTreeMap<(K, u64, u64), u16>,
    shares: BTreeMap<K, Share>,
    held: usize,
    arrivals: u64,
}

impl<K: Ord + Clone> Reassembler<K> {
    /// An empty reassembler.
    pub fn new(limits: ReassemblyLimits) -> Self {
        Reassembler {
            limits,
            pending: BTreeMap::new(),
            by_age: BTreeMap::new(),
            by_sender: BTreeMap::new(),
            shares: BTreeMap::new(),
            held: 0,
            arrivals: 0,
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
    /// Incomplete messages currently held for `sender`.
    pub fn pending_for(&self, sender: &K) -> usize {
        self.shares.get(sender).map_or(0, |s| s.pending)
    }
    /// Drops the messages older than [`ReassemblyLimits::max_age`] at
    /// time `now` (also done by every [`push`](Self::push)), oldest first.
    ///
    /// ```
    /// use mms_pdu::sms::{split, Reassembler, ReassemblyLimits, SplitOptions};
    /// let mut r = Reassembler::new(ReassemblyLimits { max_age: Some(30), ..Default::default() });
    /// let s = split(&[9; 300], &SplitOptions::default())?;
    /// r.push("+331", &s[0], 100)?;
    /// assert_eq!(r.pending_for(&"+331"), 1);
    /// assert!(r.expire(129).is_empty());
    /// assert_eq!(r.expire(130)[0].segments, 1);
    /// assert_eq!(r.pending(), 0);
    /// # Ok::<(), mms_pdu::sms::SmsError>(())
    /// ```
    pub fn expire(&mut self, now: u64) -> Vec<Dropped<K>> {
        let mut dropped = Vec::new();
        self.expire_into(now, &mut dropped);
        dropped
    }
    fn expire_into(&mut self, now: u64, dropped: &mut Vec<Dropped<K>>) {
        let Some(max_age) = self.limits.max_age else {
            return;
        };
        while let Some((&(t, _), _)) = self.by_age.first_key_value() {
            if now.saturating_sub(t) < max_age {
                break;
            }
            let Some((_, key)) = self.by_age.pop_first() else {
                break;
            };
            self.remove(key, DropReason::Expired, dropped);
        }
    }
    /// Takes one user data (with UDH) from `sender` at time `now` (in the
    /// caller's units, for [`ReassemblyLimits::max_age`]; any constant when
    /// no age limit is set). Returns what became of the segment and what
    /// was dropped to take it; an error when the user data does not decode
    /// or the segment disagrees with one already held, in which case
    /// nothing was stored (expired messages are still dropped).
    pub fn push(&mut self, sender: K, ud: &[u8], now: u64) -> Result<Pushed<K>, SmsError> {
        let u = UserData::decode(ud)?;
        let mut dropped = Vec::new();
        self.expire_into(now, &mut dropped);
        let done = |outcome, dropped| Ok(Pushed { outcome, dropped });
        let Some(c) = u.concat else {
            let whole = Reassembled {
                ports: u.ports,
                payload: u.payload.to_vec(),
            };
            return done(Outcome::Completed(whole), dropped);
        };
        let key = (sender, c.reference);
        let own = match self.pending.get(&key) {
            Some(p) => {
                if p.total != c.total {
                    return Err(SmsError::Conflict {
                        reference: c.reference,
                        seq: c.seq,
                        what: "total segment count",
                    });
                }
                if let Some(prev) = p.segments.get(&c.seq) {
                    if prev.as_slice() == u.payload {
                        return done(Outcome::Duplicate, dropped);
                    }
                    return Err(SmsError::Conflict {
                        reference: c.reference,
                        seq: c.seq,
                        what: "segment content",
                    });
                }
                Some(p.bytes)
            }
            None => None,
        };
        let len = u.payload.len();
        let is_new = own.is_none();
        let own = own.unwrap_or(0);
        let l = self.limits;
        let refusal = if own.saturating_add(len) > l.max_bytes_per_sender {
            Some("max_bytes_per_sender")
        } else if own.saturating_add(len) > l.max_bytes {
            Some("max_bytes")
        } else if is_new && l.max_pending_per_sender == 0 {
            Some("max_pending_per_sender")
        } else if is_new && l.max_pending == 0 {
            Some("max_pending")
        } else {
            None
        };
        if let Some(limit) = refusal {
            return done(Outcome::Refused { limit }, dropped);
        }
        // Room under the sender's own bounds: its oldest other messages go.
        loop {
            let share = self.shares.get(&key.0).copied().unwrap_or_default();
            let limit = if share.bytes.saturating_add(len) > l.max_bytes_per_sender {
                "max_bytes_per_sender"
            } else if is_new && share.pending >= l.max_pending_per_sender {
                "max_pending_per_sender"
            } else {
                break;
            };
            let victim = self
                .by_sender
                .range((key.0.clone(), 0, 0)..)
                .take_while(|((s, _, _), _)| *s == key.0)
                .find(|(_, &r)| r != key.1)
                .map(|(_, &r)| (key.0.clone(), r));
            let Some(victim) = victim else { break };
            self.remove_aged(victim, DropReason::Evicted { limit }, &mut dropped);
        }
        // Room under the global bounds: anyone's oldest message goes.
        loop {
            let limit = if self.held.saturating_add(len) > l.max_bytes {
                "max_bytes"
            } else if is_new && self.pending.len() >= l.max_pending {
                "max_pending"
            } else {
                break;
            };
            let victim = self.by_age.values().find(|k| **k != key).cloned();
            let Some(victim) = victim else { break };
            self.remove_aged(victim, DropReason::Evicted { limit }, &mut dropped);
        }
        self.arrivals += 1;
        let born = (now, self.arrivals);
        let p = match self.pending.entry(key.clone()) {
            alloc::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
            alloc::collections::btree_map::Entry::Vacant(e) => {
                self.by_age.insert(born, key.clone());
                self.by_sender
                    .insert((key.0.clone(), born.0, born.1), key.1);
                self.shares.entry(key.0.clone()).or_default().pending += 1;
                e.insert(Pending {
                    total: c.total,
                    ports: None,
                    segments: BTreeMap::new(),
                    bytes: 0,
                    born,
                })
            }
        };
        if c.seq == 1 || p.ports.is_none() {
            p.ports = p.ports.or(u.ports);
        }
        p.segments.insert(c.seq, u.payload.to_vec());
        p.bytes += len;
        self.held += len;
        if let Some(s) = self.shares.get_mut(&key.0) {
            s.bytes += len;
        }
        if p.segments.len() == usize::from(p.total) {
            let born = p.born;
            self.by_age.remove(&born);
            if let Some(whole) = self.take(&key) {
                let payload: Vec<u8> = whole.segments.into_values().flatten().collect();
                let whole = Reassembled {
                    ports: whole.ports,
                    payload,
                };
                return done(Outcome::Completed(whole), dropped);
            }
        }
        done(Outcome::Stored, dropped)
    }
    /// Removes a pending message from every index but `by_age`.
    fn take(&mut self, key: &(K, u16)) -> Option<Pending> {
        let p = self.pending.remove(key)?;
        self.by_sender.remove(&(key.0.clone(), p.born.0, p.born.1));
        self.held -= p.bytes;
        if let Some(s) = self.shares.get_mut(&key.0) {
            s.pending -= 1;
            s.bytes -= p.bytes;
            if s.pending == 0 {
                self.shares.remove(&key.0);
            }
        }
        Some(p)
    }
    /// Drops a message already taken out of `by_age`.
    fn remove(&mut self, key: (K, u16), reason: DropReason, dropped: &mut Vec<Dropped<K>>) {
        if let Some(p) = self.take(&key) {
            dropped.push(Dropped {
                sender: key.0,
                reference: key.1,
                segments: p.segments.len(),
                total: p.total,
                bytes: p.bytes,
                reason,
            });
        }
    }
    /// Drops a message from every index.
    fn remove_aged(&mut self, key: (K, u16), reason: DropReason, dropped: &mut Vec<Dropped<K>>) {
        if let Some(p) = self.pending.get(&key) {
            let born = p.born;
            self.by_age.remove(&born);
        }
        self.remove(key, reason, dropped);
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

    fn segments(reference: u16, len: usize) -> Vec<Vec<u8>> {
        split(
            &alloc::vec![reference as u8; len],
            &SplitOptions {
                reference,
                reference_16bit: true,
                ..SplitOptions::default()
            },
        )
        .unwrap()
    }

    #[test]
    fn duplicates_are_reported_and_conflicts_refused() {
        let segs = split(&[7; 300], &SplitOptions::default()).unwrap();
        let mut r = Reassembler::new(ReassemblyLimits::default());
        assert_eq!(r.push(1u32, &segs[0], 0).unwrap().outcome, Outcome::Stored);
        assert_eq!(
            r.push(1u32, &segs[0], 0).unwrap().outcome,
            Outcome::Duplicate
        );
        let mut other = segs[1].clone();
        *other.last_mut().unwrap() ^= 1;
        assert_eq!(r.push(1u32, &other, 0).unwrap().outcome, Outcome::Stored);
        let held = r.held_bytes();
        assert!(matches!(
            r.push(1u32, &segs[1], 0),
            Err(SmsError::Conflict {
                what: "segment content",
                ..
            })
        ));
        // An error stores nothing.
        assert_eq!(r.held_bytes(), held);
        // A different sender with the same reference is another message.
        assert_eq!(r.push(2u32, &segs[2], 0).unwrap().outcome, Outcome::Stored);
        assert_eq!(r.pending(), 2);
    }

    #[test]
    fn never_completing_references_are_bounded_and_reported() {
        let limits = ReassemblyLimits {
            max_pending: 4,
            max_bytes: 2000,
            max_pending_per_sender: 4,
            max_bytes_per_sender: 2000,
            max_age: None,
        };
        let mut r = Reassembler::new(limits);
        for reference in 0..100u16 {
            let got = r.push(0u8, &segments(reference, 300)[0], 0).unwrap();
            assert_eq!(got.outcome, Outcome::Stored);
            assert!(r.pending() <= 4);
            assert!(r.held_bytes() <= 2000);
            if reference >= 4 {
                // The oldest goes, and the result says which.
                assert_eq!(got.dropped.len(), 1);
                assert_eq!(got.dropped[0].reference, reference - 4);
                assert_eq!(got.dropped[0].segments, 1);
                assert_eq!(got.dropped[0].total, 3);
                assert!(matches!(got.dropped[0].reason, DropReason::Evicted { .. }));
            } else {
                assert!(got.dropped.is_empty());
            }
        }
    }

    #[test]
    fn one_sender_evicts_only_its_own_messages() {
        let mut r = Reassembler::new(ReassemblyLimits::default());
        for (k, sender) in [10u32, 11, 12].into_iter().enumerate() {
            r.push(sender, &segments(k as u16, 300)[0], 0).unwrap();
        }
        for reference in 100..1100u16 {
            let got = r.push(666u32, &segments(reference, 300)[0], 1).unwrap();
            assert_eq!(got.outcome, Outcome::Stored);
            assert!(got.dropped.iter().all(|d| d.sender == 666), "{got:?}");
            assert!(r.pending_for(&666) <= 4);
        }
        assert_eq!(r.pending(), 3 + 4);
        for sender in [10u32, 11, 12] {
            assert_eq!(r.pending_for(&sender), 1);
        }
        // The others' messages still complete.
        let segs = segments(0, 300);
        assert_eq!(r.push(10u32, &segs[1], 2).unwrap().outcome, Outcome::Stored);
        let whole = r.push(10u32, &segs[2], 2).unwrap().completed().unwrap();
        assert_eq!(whole.payload, [0; 300]);
    }

    #[test]
    fn a_sender_over_its_byte_quota_loses_its_oldest_message() {
        let limits = ReassemblyLimits {
            max_bytes_per_sender: 300,
            ..ReassemblyLimits::default()
        };
        let mut r = Reassembler::new(limits);
        let a = segments(1, 1000);
        let b = segments(2, 1000);
        r.push(5u8, &a[0], 0).unwrap();
        r.push(5u8, &a[1], 0).unwrap();
        let got = r.push(5u8, &b[0], 0).unwrap();
        assert_eq!(got.outcome, Outcome::Stored);
        assert_eq!(
            got.dropped[0].reason,
            DropReason::Evicted {
                limit: "max_bytes_per_sender"
            }
        );
        assert_eq!((got.dropped[0].reference, got.dropped[0].bytes), (1, 254));
        // Its own message past the quota: refused, nothing dropped.
        r.push(5u8, &b[1], 0).unwrap();
        let got = r.push(5u8, &b[2], 0).unwrap();
        assert_eq!(
            got.outcome,
            Outcome::Refused {
                limit: "max_bytes_per_sender"
            }
        );
        assert!(got.dropped.is_empty());
        assert_eq!((r.pending(), r.held_bytes()), (1, 254));
    }

    #[test]
    fn messages_expire_by_the_callers_clock() {
        let limits = ReassemblyLimits {
            max_age: Some(10),
            ..ReassemblyLimits::default()
        };
        let mut r = Reassembler::new(limits);
        r.push(1u8, &segments(1, 300)[0], 100).unwrap();
        r.push(2u8, &segments(2, 300)[0], 105).unwrap();
        assert!(r.expire(109).is_empty());
        let gone = r.expire(110);
        assert_eq!(gone.len(), 1);
        assert_eq!(
            (gone[0].sender, gone[0].reference, gone[0].reason),
            (1, 1, DropReason::Expired)
        );
        // A late segment of an expired message starts a new one.
        let got = r.push(1u8, &segments(1, 300)[1], 114).unwrap();
        assert_eq!(got.outcome, Outcome::Stored);
        let got = r.push(3u8, &segments(3, 300)[0], 115).unwrap();
        assert_eq!(got.dropped.len(), 1);
        assert_eq!(got.dropped[0].sender, 2);
        assert_eq!(r.pending(), 2);
        // A clock that goes back expires nothing.
        assert!(r.expire(0).is_empty());
    }

    #[test]
    fn limits_of_zero_refuse() {
        let limits = ReassemblyLimits {
            max_pending: 0,
            ..ReassemblyLimits::default()
        };
        let mut r = Reassembler::new(limits);
        let got = r.push(1u8, &segments(1, 300)[0], 0).unwrap();
        assert_eq!(
            got.outcome,
            Outcome::Refused {
                limit: "max_pending"
            }
        );
        assert_eq!((r.pending(), r.held_bytes()), (0, 0));
    }
}
