//! Which headers each PDU type carries (MMS_ENC 1.3 §6, the header tables of
//! each PDU), and the checks built on them: mandatory headers, headers not
//! allowed, repeats, order, and fields newer than the PDU's version.

use alloc::vec::Vec;
use core::fmt;

use super::field::FieldCode;
use super::pdu::{Header, MessageType, Pdu};
use super::value::{Value, Version};

/// How often a header may appear in a PDU type.
/// The M / O / C columns of the header tables of MMS_ENC 1.3 §6.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Exactly once.
    Mandatory,
    /// At most once.
    Optional,
    /// Any number of times.
    Repeated,
    /// At least once.
    MandatoryRepeated,
}

use Presence::{Mandatory as M, MandatoryRepeated as MR, Optional as O, Repeated as R};

macro_rules! table {
    ($($code:ident: $p:expr),* $(,)?) => { &[$((FieldCode::$code, $p)),*] };
}

/// The header table of a PDU type (Message-Type and MMS-Version, mandatory
/// in every PDU, are not listed). `None` for an unknown type.
///
/// Tables: MMS_ENC 1.3 §6.1.1 (m-send-req), §6.1.2 (m-send-conf), §6.2
/// (m-notification-ind, m-notifyresp-ind), §6.3 (m-retrieve-conf,
/// m-acknowledge-ind), §6.4 (m-forward-req/conf), §6.5 (m-delivery-ind),
/// §6.7 (m-read-rec-ind, m-read-orig-ind), §6.8 (m-mbox-*), §6.9
/// (m-delete-req/conf), §6.10 (m-cancel-req/conf).
pub const fn header_table(t: MessageType) -> Option<&'static [(FieldCode, Presence)]> {
    Some(match t {
        MessageType::SEND_REQ => table! {
            TRANSACTION_ID: M, DATE: O, FROM: M, TO: R, CC: R, BCC: R, SUBJECT: O,
            CONTENT_CLASS: O, MESSAGE_CLASS: O, EXPIRY: O, DELIVERY_TIME: O, PRIORITY: O,
            SENDER_VISIBILITY: O, DELIVERY_REPORT: O, READ_REPORT: O, STORE: O, MM_STATE: O,
            MM_FLAGS: R, REPLY_CHARGING: O, REPLY_CHARGING_DEADLINE: O, REPLY_CHARGING_SIZE: O,
            REPLY_CHARGING_ID: O, DRM_CONTENT: O, ADAPTATION_ALLOWED: O, APPLIC_ID: O,
            REPLY_APPLIC_ID: O, AUX_APPLIC_INFO: O, REPLACE_ID: O, CONTENT_TYPE: M,
        },
        MessageType::SEND_CONF => table! {
            TRANSACTION_ID: M, RESPONSE_STATUS: M, RESPONSE_TEXT: O, MESSAGE_ID: O,
            CONTENT_LOCATION: O, STORE_STATUS: O, STORE_STATUS_TEXT: O,
        },
        MessageType::NOTIFICATION_IND => table! {
            TRANSACTION_ID: M, FROM: O, SUBJECT: O, DELIVERY_REPORT: O, STORED: O,
            MESSAGE_CLASS: M, PRIORITY: O, MESSAGE_SIZE: M, EXPIRY: M, REPLY_CHARGING: O,
            REPLY_CHARGING_DEADLINE: O, REPLY_CHARGING_SIZE: O, REPLY_CHARGING_ID: O,
            CONTENT_LOCATION: M, ELEMENT_DESCRIPTOR: O, DISTRIBUTION_INDICATOR: O,
            CONTENT_CLASS: O, DRM_CONTENT: O, RECOMMENDED_RETRIEVAL_MODE: O,
            RECOMMENDED_RETRIEVAL_MODE_TEXT: O, APPLIC_ID: O, REPLY_APPLIC_ID: O,
            AUX_APPLIC_INFO: O, REPLACE_ID: O,
        },
        MessageType::NOTIFYRESP_IND => table! { TRANSACTION_ID: M, STATUS: M, REPORT_ALLOWED: O },
        MessageType::RETRIEVE_CONF => table! {
            TRANSACTION_ID: O, MESSAGE_ID: O, DATE: M, FROM: O, PREVIOUSLY_SENT_BY: R,
            PREVIOUSLY_SENT_DATE: R, TO: R, CC: R, SUBJECT: O, MM_STATE: O, MM_FLAGS: R,
            MESSAGE_CLASS: O, PRIORITY: O, DELIVERY_REPORT: O, READ_REPORT: O, REPLY_CHARGING: O,
            REPLY_CHARGING_DEADLINE: O, REPLY_CHARGING_SIZE: O, REPLY_CHARGING_ID: O,
            RETRIEVE_STATUS: O, RETRIEVE_TEXT: O, DISTRIBUTION_INDICATOR: O, APPLIC_ID: O,
            REPLY_APPLIC_ID: O, AUX_APPLIC_INFO: O, CONTENT_CLASS: O, DRM_CONTENT: O,
            REPLACE_ID: O, CONTENT_TYPE: M,
        },
        MessageType::ACKNOWLEDGE_IND => table! { TRANSACTION_ID: M, REPORT_ALLOWED: O },
        MessageType::DELIVERY_IND => table! {
            MESSAGE_ID: M, TO: M, DATE: M, STATUS: M, STATUS_TEXT: O, APPLIC_ID: O,
            REPLY_APPLIC_ID: O, AUX_APPLIC_INFO: O,
        },
        MessageType::READ_REC_IND => table! {
            MESSAGE_ID: M, TO: M, FROM: M, DATE: O, READ_STATUS: M, APPLIC_ID: O,
            REPLY_APPLIC_ID: O, AUX_APPLIC_INFO: O,
        },
        MessageType::READ_ORIG_IND => table! {
            MESSAGE_ID: M, TO: M, FROM: M, DATE: M, READ_STATUS: M, APPLIC_ID: O,
            REPLY_APPLIC_ID: O, AUX_APPLIC_INFO: O,
        },
        MessageType::FORWARD_REQ => table! {
            TRANSACTION_ID: M, DATE: O, FROM: M, TO: R, CC: R, BCC: R, EXPIRY: O,
            DELIVERY_TIME: O, REPORT_ALLOWED: O, DELIVERY_REPORT: O, READ_REPORT: O, STORE: O,
            MM_STATE: O, MM_FLAGS: R, CONTENT_LOCATION: M, REPLY_CHARGING: O,
            REPLY_CHARGING_DEADLINE: O, REPLY_CHARGING_SIZE: O, REPLY_CHARGING_ID: O,
            APPLIC_ID: O, REPLY_APPLIC_ID: O, AUX_APPLIC_INFO: O,
        },
        MessageType::FORWARD_CONF => table! {
            TRANSACTION_ID: M, RESPONSE_STATUS: M, RESPONSE_TEXT: O, MESSAGE_ID: O,
            CONTENT_LOCATION: O, STORE_STATUS: O, STORE_STATUS_TEXT: O,
        },
        MessageType::MBOX_STORE_REQ => table! {
            TRANSACTION_ID: M, CONTENT_LOCATION: M, MM_STATE: O, MM_FLAGS: R,
        },
        MessageType::MBOX_STORE_CONF | MessageType::MBOX_UPLOAD_CONF => table! {
            TRANSACTION_ID: M, CONTENT_LOCATION: O, STORE_STATUS: M, STORE_STATUS_TEXT: O,
        },
        MessageType::MBOX_VIEW_REQ => table! {
            TRANSACTION_ID: M, CONTENT_LOCATION: R, MM_STATE: R, MM_FLAGS: R, START: O, LIMIT: O,
            ATTRIBUTES: R, TOTALS: O, QUOTAS: O,
        },
        MessageType::MBOX_VIEW_CONF => table! {
            TRANSACTION_ID: M, RESPONSE_STATUS: M, RESPONSE_TEXT: O, CONTENT_LOCATION: R,
            MM_STATE: R, MM_FLAGS: R, START: O, LIMIT: O, ATTRIBUTES: R, MBOX_TOTALS: R,
            MBOX_QUOTAS: R, MESSAGE_COUNT: O, CONTENT_TYPE: O,
        },
        MessageType::MBOX_UPLOAD_REQ => table! {
            TRANSACTION_ID: M, MM_STATE: O, MM_FLAGS: R, CONTENT_TYPE: M,
        },
        MessageType::MBOX_DELETE_REQ | MessageType::DELETE_REQ => table! {
            TRANSACTION_ID: M, CONTENT_LOCATION: MR,
        },
        MessageType::MBOX_DELETE_CONF | MessageType::DELETE_CONF => table! {
            TRANSACTION_ID: M, CONTENT_LOCATION: R, RESPONSE_STATUS: MR, RESPONSE_TEXT: R,
        },
        MessageType::MBOX_DESCR => table! {
            TRANSACTION_ID: O, CONTENT_LOCATION: M, MESSAGE_ID: O, MM_STATE: O, MM_FLAGS: R,
            DATE: O, FROM: O, TO: R, CC: R, BCC: R, MESSAGE_CLASS: O, SUBJECT: O, PRIORITY: O,
            DELIVERY_TIME: O, EXPIRY: O, DELIVERY_REPORT: O, READ_REPORT: O, MESSAGE_SIZE: O,
            REPLY_CHARGING: O, REPLY_CHARGING_DEADLINE: O, REPLY_CHARGING_SIZE: O,
            REPLY_CHARGING_ID: O, PREVIOUSLY_SENT_BY: R, PREVIOUSLY_SENT_DATE: R, APPLIC_ID: O,
            REPLY_APPLIC_ID: O, AUX_APPLIC_INFO: O, CONTENT_TYPE: O,
        },
        MessageType::CANCEL_REQ => table! { TRANSACTION_ID: M, CANCEL_ID: M },
        MessageType::CANCEL_CONF => table! { TRANSACTION_ID: M, CANCEL_STATUS: M },
        _ => return None,
    })
}

/// The MMS version that introduced a message type (MMS_ENC 1.3 §7.3.30).
pub const fn message_type_since(t: MessageType) -> Version {
    match t.0 {
        0x80..=0x86 => Version::V1_0,
        0x87..=0x8A => Version::V1_1,
        0x8B..=0x93 => Version::V1_2,
        _ => Version::V1_3,
    }
}

/// What is wrong with a header of a PDU.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum ViolationKind {
    /// A mandatory header is absent.
    Missing,
    /// The header is not one this PDU type carries.
    NotAllowed,
    /// The header appears again where it may appear once.
    Repeated,
    /// X-Mms-Message-Type, X-Mms-Transaction-Id and X-Mms-MMS-Version must
    /// open the PDU in that order; Content-Type must close it.
    OutOfOrder,
    /// The header (or the PDU type) is newer than the PDU's MMS version.
    TooNew {
        /// The version that introduced it.
        since: Version,
        /// The PDU's version.
        version: Version,
    },
    /// The value does not follow the header's grammar (kept raw).
    BadValue,
    /// The message type is not one MMS_ENC 1.3 defines.
    UnknownType,
}

/// One deviation from the MMS_ENC header tables: which PDU type, which
/// header, what.
///
/// ```
/// use mms_pdu::mms::rules::{check, ViolationKind};
/// use mms_pdu::{MessageType, Pdu, Version};
/// // An m-send-conf without its Transaction-Id and Response-Status.
/// let pdu = Pdu::new(MessageType::SEND_CONF, Version::V1_2);
/// let v = check(&pdu);
/// assert_eq!(v[0].to_string(), "m-send-conf: mandatory header X-Mms-Transaction-Id is missing");
/// assert!(v.iter().all(|x| x.kind == ViolationKind::Missing));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Violation {
    /// The PDU type.
    pub message_type: MessageType,
    /// The header (X-Mms-Message-Type for a violation of the type itself).
    pub field: FieldCode,
    /// What is wrong.
    pub kind: ViolationKind,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (t, h) = (self.message_type, self.field);
        match self.kind {
            ViolationKind::Missing => write!(f, "{t}: mandatory header {h} is missing"),
            ViolationKind::NotAllowed => {
                write!(f, "{t}: header {h} is not allowed in this PDU type")
            }
            ViolationKind::Repeated => write!(f, "{t}: header {h} appears more than once"),
            ViolationKind::OutOfOrder => write!(f, "{t}: header {h} is out of order"),
            ViolationKind::TooNew { since, version } => {
                write!(
                    f,
                    "{t}: header {h} needs MMS {since}, the PDU is MMS {version}"
                )
            }
            ViolationKind::BadValue => write!(
                f,
                "{t}: header {h} has a value that does not follow its grammar"
            ),
            ViolationKind::UnknownType => write!(f, "{t}: not a message type of MMS_ENC 1.3"),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Violation {}

/// The header table of a type as sets of field codes (bit `c` for code
/// `c`: every named code is below 0x40, so a code above is in no table): the codes listed, those that may
/// appear once only (M, O; Message-Type and MMS-Version are M), those that
/// must appear (M, MR).
#[derive(Clone, Copy)]
struct Sets {
    listed: u64,
    once: u64,
    mandatory: u64,
}

const fn sets_of(t: MessageType) -> Option<Sets> {
    let Some(table) = header_table(t) else {
        return None;
    };
    let fixed = (1u64 << FieldCode::MESSAGE_TYPE.0) | (1u64 << FieldCode::MMS_VERSION.0);
    let mut s = Sets {
        listed: fixed,
        once: fixed,
        mandatory: 0,
    };
    let mut k = 0;
    while k < table.len() {
        let (code, p) = table[k];
        let bit = 1u64 << code.0;
        s.listed |= bit;
        if matches!(p, M | O) {
            s.once |= bit;
        }
        if matches!(p, M | MR) {
            s.mandatory |= bit;
        }
        k += 1;
    }
    Some(s)
}

/// The sets of every type code from 0x80, made when the crate compiles:
/// checking is part of every typed decode.
static SETS: [Option<Sets>; 0x20] = {
    let mut all = [None; 0x20];
    let mut k = 0;
    while k < all.len() {
        all[k] = sets_of(MessageType(0x80 + k as u8));
        k += 1;
    }
    all
};

/// The bit of a code in a set of field codes (`Sets`, the typed decode's
/// fields taken); none for a code above 0x3F (no name, in no table, no
/// typed field).
pub(crate) fn bit(code: FieldCode) -> u64 {
    1u64.checked_shl(u32::from(code.0)).unwrap_or(0)
}

// Every named code has its bit (`newer_than` would fail to compile
// otherwise, shifting past 63).
const _: () = {
    let rows = super::tables::FIELD_NAMES;
    let mut k = 0;
    while k < rows.len() {
        assert!(rows[k].0 < 64, "a named field code above 0x3F");
        k += 1;
    }
};

/// The named field codes newer than version `major.minor`, from the field
/// table's "since" column (MMS_ENC 1.3 §7.4 Table 25; a since octet holds
/// the major version in its high nibble, the minor in its low one).
const fn newer_than(major: u8, minor: u8) -> u64 {
    let rows = super::tables::FIELD_NAMES;
    let mut mask = 0;
    let mut k = 0;
    while k < rows.len() {
        let (code, _, since) = rows[k];
        let (s_major, s_minor) = (since >> 4, since & 0x0F);
        if s_major > major || (s_major == major && s_minor > minor) {
            mask |= 1u64 << code;
        }
        k += 1;
    }
    mask
}

/// [`newer_than`] of MMS 1.0 to 1.15, made when the crate compiles.
static NEWER_THAN_1_X: [u64; 16] = {
    let mut all = [0; 16];
    let mut minor = 0;
    while minor < 16 {
        all[minor] = newer_than(1, minor as u8);
        minor += 1;
    }
    all
};

/// The named codes newer than `v` (any version a `Pdu` may be given).
fn newer(v: Version) -> u64 {
    match (v.major, NEWER_THAN_1_X.get(usize::from(v.minor))) {
        (1, Some(mask)) => *mask,
        _ => newer_than(v.major, v.minor),
    }
}

/// The header-table check of one PDU, fed its headers in wire order: what
/// [`check`] runs over a [`Pdu`], and what a typed decode runs while it
/// cuts the headers (no header list needed). Nothing is allocated unless
/// there is a violation to report.
pub(crate) struct Checker {
    t: MessageType,
    sets: Sets,
    /// The PDU's version (the first MMS-Version header's, 1.0 if it does
    /// not read as one), once known.
    version: Option<Version>,
    /// The codes newer than that version (than 1.0 while it is unknown).
    newer: u64,
    /// Headers fed so far.
    count: usize,
    /// The codes of the first three headers (`None` for an application
    /// header), for the order of §7.1.
    first: [Option<FieldCode>; 3],
    /// The codes met so far.
    seen: u64,
    /// Where the first Content-Type was.
    content_type_at: Option<usize>,
    /// The violations of single headers, in header order.
    found: Vec<Violation>,
    /// How many of `found` were judged before the version was known
    /// (their TooNew are judged against 1.0 and settled in `finish`).
    provisional: usize,
    /// A header of MMS 1.0 or older came before the version: it is too new
    /// only for a version below 1.0, which `finish` cannot judge any more.
    unsettled: bool,
}

impl Checker {
    /// A checker for type `t`, and the PDU's version when it is known
    /// before the headers are fed; `None` for a type of no table.
    pub(crate) fn new(t: MessageType, version: Option<Version>) -> Option<Self> {
        let sets = SETS
            .get(usize::from(t.0.wrapping_sub(0x80)))
            .copied()
            .flatten()?;
        Some(Checker {
            t,
            sets,
            version,
            newer: newer(version.unwrap_or(Version::V1_0)),
            count: 0,
            first: [None; 3],
            seen: 0,
            content_type_at: None,
            found: Vec::new(),
            provisional: 0,
            unsettled: false,
        })
    }

    fn violation(&self, field: FieldCode, kind: ViolationKind) -> Violation {
        Violation {
            message_type: self.t,
            field,
            kind,
        }
    }

    /// Judges the next header of the PDU.
    #[inline]
    pub(crate) fn feed(&mut self, h: &Header<'_>) {
        let at = self.count;
        self.count += 1;
        let Header::Field(f) = h else {
            return;
        };
        let code = f.code();
        let b = bit(code);
        if let Some(slot) = self.first.get_mut(at) {
            *slot = Some(code);
        }
        // The clean header of a known version, listed, met once, its value
        // read: nothing to judge beyond noting it (the common case, a few
        // mask operations). Anything else is judged in full.
        let suspect = (self.sets.once & self.seen) | !self.sets.listed | self.newer;
        if suspect & b != 0
            || b == 0
            || self.version.is_none()
            || code == FieldCode::MMS_VERSION
            || code == FieldCode::CONTENT_TYPE
            || matches!(f.value(), Value::Raw(_))
        {
            self.judge(at, code, b, f.value());
        }
        self.seen |= b;
    }

    /// [`feed`](Self::feed) for a header that may break a rule.
    fn judge(&mut self, at: usize, code: FieldCode, b: u64, value: &Value<'_>) {
        if code == FieldCode::CONTENT_TYPE && self.content_type_at.is_none() {
            self.content_type_at = Some(at);
        }
        if code == FieldCode::MMS_VERSION && self.version.is_none() {
            let version = match value {
                Value::Version(v) => *v,
                _ => Version::V1_0,
            };
            self.version = Some(version);
            self.newer = newer(version);
        }
        // A value kept raw did not follow its grammar (§7.3); 0x2E and
        // 0x30 hold free values and are not judged.
        if matches!(value, Value::Raw(_)) && code.name().is_some() && !matches!(code.0, 0x2E | 0x30)
        {
            self.found
                .push(self.violation(code, ViolationKind::BadValue));
        }
        if self.sets.listed & b == 0 {
            // Unknown codes are kept, not judged.
            if code.name().is_some() {
                self.found
                    .push(self.violation(code, ViolationKind::NotAllowed));
            }
        } else {
            if self.sets.once & self.seen & b != 0 {
                self.found
                    .push(self.violation(code, ViolationKind::Repeated));
            }
            if self.newer & b != 0 {
                if let Some((major, minor)) = code.since() {
                    let since = Version { major, minor };
                    // Judged against 1.0 while the version is unknown.
                    let version = self.version.unwrap_or(Version::V1_0);
                    self.found
                        .push(self.violation(code, ViolationKind::TooNew { since, version }));
                }
            }
            if self.version.is_none() {
                // Not newer than 1.0, but it would be newer than a version
                // below 1.0.
                self.unsettled = true;
            }
        }
        if self.version.is_none() {
            self.provisional = self.found.len();
        }
    }

    /// Every violation, in the order [`check`] gives them; `None` when a
    /// header fed before the version can no longer be judged (a version
    /// below 1.0 after a header of 1.0): the PDU must be checked with its
    /// version known from the start.
    pub(crate) fn finish(mut self) -> Option<Vec<Violation>> {
        let version = self.version.unwrap_or(Version::V1_0);
        if self.unsettled && version < Version::V1_0 {
            return None;
        }
        // Settle the TooNew judged against 1.0 before the version was met
        // (one pass over them, whatever their number).
        if self.provisional > 0 && version != Version::V1_0 {
            let mut later = self.found.split_off(self.provisional);
            self.found.retain_mut(|v| match v.kind {
                ViolationKind::TooNew { since, .. } if since <= version => false,
                ViolationKind::TooNew { since, .. } => {
                    v.kind = ViolationKind::TooNew { since, version };
                    true
                }
                _ => true,
            });
            self.found.append(&mut later);
        }
        let mut head: [Option<Violation>; 5] = [None; 5];
        let since = message_type_since(self.t);
        if version < since {
            head[0] = Some(self.violation(
                FieldCode::MESSAGE_TYPE,
                ViolationKind::TooNew { since, version },
            ));
        }
        // Order: Message-Type first, then Transaction-Id (when the type
        // has one and it is present), then MMS-Version (MMS_ENC 1.3 §7.1).
        let has = |c: FieldCode| self.seen & bit(c) != 0;
        let expected = [
            Some(FieldCode::MESSAGE_TYPE),
            has(FieldCode::TRANSACTION_ID).then_some(FieldCode::TRANSACTION_ID),
            Some(FieldCode::MMS_VERSION),
        ];
        for (k, want) in expected.iter().flatten().enumerate() {
            if self.first[k] != Some(*want) && has(*want) {
                head[1 + k] = Some(self.violation(*want, ViolationKind::OutOfOrder));
            }
        }
        // Content-Type closes the header block (§7.2.12 / §7.1).
        if self.content_type_at.is_some_and(|k| k + 1 != self.count) {
            head[4] = Some(self.violation(FieldCode::CONTENT_TYPE, ViolationKind::OutOfOrder));
        }
        let missing_version = !has(FieldCode::MMS_VERSION);
        let missing = self.sets.mandatory & !self.seen;
        if head.iter().all(Option::is_none) && !missing_version && missing == 0 {
            return Some(self.found);
        }
        let mut out: Vec<Violation> = head.iter().flatten().copied().collect();
        out.append(&mut self.found);
        if missing_version {
            out.push(self.violation(FieldCode::MMS_VERSION, ViolationKind::Missing));
        }
        if missing != 0 {
            for &(code, p) in header_table(self.t).unwrap_or(&[]) {
                if matches!(p, M | MR) && missing & bit(code) != 0 {
                    out.push(self.violation(code, ViolationKind::Missing));
                }
            }
        }
        Some(out)
    }
}

/// Checks a PDU against the header table of its type; returns every
/// deviation, in header order (missing headers last).
pub fn check(pdu: &Pdu<'_>) -> Vec<Violation> {
    let Some(t) = pdu.message_type() else {
        return alloc::vec![Violation {
            message_type: MessageType(0),
            field: FieldCode::MESSAGE_TYPE,
            kind: ViolationKind::Missing,
        }];
    };
    let version = pdu.version().unwrap_or(Version::V1_0);
    let Some(mut c) = Checker::new(t, Some(version)) else {
        return alloc::vec![Violation {
            message_type: t,
            field: FieldCode::MESSAGE_TYPE,
            kind: ViolationKind::UnknownType,
        }];
    };
    for h in &pdu.headers {
        c.feed(h);
    }
    // The version was known from the start: nothing is left to settle.
    c.finish().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wsp::Text;

    fn tid() -> Value<'static> {
        Value::Text(Text::new("T").unwrap())
    }

    fn kinds(pdu: &Pdu<'_>) -> Vec<(FieldCode, ViolationKind)> {
        check(pdu).into_iter().map(|v| (v.field, v.kind)).collect()
    }

    #[test]
    fn every_message_type_has_a_table_with_unique_codes() {
        for t in MessageType::all() {
            let table = header_table(t).unwrap();
            for (k, (c, _)) in table.iter().enumerate() {
                assert!(table[k + 1..].iter().all(|(d, _)| d != c), "{t}: {c} twice");
                assert!(c.name().is_some());
            }
        }
        assert!(header_table(MessageType(0x98)).is_none());
    }

    #[test]
    fn detects_missing_mandatory_headers() {
        let mut p = Pdu::new(MessageType::NOTIFYRESP_IND, Version::V1_2);
        assert_eq!(
            kinds(&p),
            [
                (FieldCode::TRANSACTION_ID, ViolationKind::Missing),
                (FieldCode::STATUS, ViolationKind::Missing)
            ]
        );
        p.headers
            .insert(1, crate::Header::field(FieldCode::TRANSACTION_ID, tid()));
        p.push(FieldCode::STATUS, Value::Token(0x81));
        assert_eq!(kinds(&p), []);
    }

    #[test]
    fn detects_headers_not_allowed_and_repeated() {
        let mut p = Pdu::new(MessageType::ACKNOWLEDGE_IND, Version::V1_2);
        p.headers
            .insert(1, crate::Header::field(FieldCode::TRANSACTION_ID, tid()));
        p.push(
            FieldCode::SUBJECT,
            Value::EncodedString(crate::wsp::EncodedString::text(Text::new("x").unwrap())),
        );
        p.push(FieldCode::REPORT_ALLOWED, Value::Token(0x80));
        p.push(FieldCode::REPORT_ALLOWED, Value::Token(0x81));
        assert_eq!(
            kinds(&p),
            [
                (FieldCode::SUBJECT, ViolationKind::NotAllowed),
                (FieldCode::REPORT_ALLOWED, ViolationKind::Repeated)
            ]
        );
    }

    #[test]
    fn detects_order_violations() {
        let mut p = Pdu::new(MessageType::ACKNOWLEDGE_IND, Version::V1_2);
        p.push(FieldCode::TRANSACTION_ID, tid()); // after the version
        assert_eq!(
            kinds(&p),
            [
                (FieldCode::TRANSACTION_ID, ViolationKind::OutOfOrder),
                (FieldCode::MMS_VERSION, ViolationKind::OutOfOrder)
            ]
        );
    }

    #[test]
    fn detects_values_kept_raw() {
        // X-Mms-Status whose value is not a token: decoded leniently as raw.
        let bytes = b"\x8C\x83\x98T\0\x8D\x92\x95ok\0";
        let p = Pdu::decode(bytes).unwrap();
        assert_eq!(kinds(&p), [(FieldCode::STATUS, ViolationKind::BadValue)]);
    }

    /// What the streaming checker gives when it meets the version among the
    /// headers (as a typed decode does), or, when it cannot settle, the
    /// check with the version known from the start.
    fn streamed(t: MessageType, headers: &[Header<'_>]) -> (Vec<Violation>, bool) {
        let mut c = Checker::new(t, None).unwrap();
        for h in headers {
            c.feed(h);
        }
        match c.finish() {
            Some(v) => (v, true),
            None => (known(t, headers), false),
        }
    }

    /// The PDU's version as `Pdu::version` reads it (1.0 when absent or
    /// unreadable).
    fn version_of(headers: &[Header<'_>]) -> Version {
        headers
            .iter()
            .find(|h| h.code() == Some(FieldCode::MMS_VERSION))
            .map_or(Version::V1_0, |h| match h.value() {
                Some(Value::Version(v)) => *v,
                _ => Version::V1_0,
            })
    }

    fn known(t: MessageType, headers: &[Header<'_>]) -> Vec<Violation> {
        let mut c = Checker::new(t, Some(version_of(headers))).unwrap();
        for h in headers {
            c.feed(h);
        }
        c.finish().unwrap()
    }

    fn header() -> impl proptest::strategy::Strategy<Value = Header<'static>> {
        use proptest::prelude::*;
        // Codes of every version, the fixed ones, unknown ones.
        let codes = prop_oneof![
            Just(0x0C_u8), // Message-Type
            Just(0x18),    // Transaction-Id
            Just(0x0D),    // MMS-Version
            Just(0x04),    // Content-Type
            Just(0x16),    // To (1.0)
            Just(0x1E),    // Reply-Charging-ID (1.1)
            Just(0x3D),    // 1.3
            Just(0x2E),
            Just(0x50),
            Just(0xFF),
        ];
        let value = prop_oneof![
            (0u8..8, 0u8..16).prop_map(|(major, minor)| Value::Version(Version { major, minor })),
            // Versions no wire octet holds, as a `Pdu` built in code may.
            any::<(u8, u8)>().prop_map(|(major, minor)| Value::Version(Version { major, minor })),
            Just(Value::Token(0x80)),
            Just(Value::Raw(alloc::vec![1u8].into())),
        ];
        prop_oneof![
            9 => (codes, value).prop_map(|(c, v)| crate::Header::field(FieldCode(c), v)),
            1 => Just(crate::Header::Application {
                name: Text::new("X-App").unwrap(),
                value: Text::new("v").unwrap(),
            }),
        ]
    }

    /// The header table's rules read plainly, one question at a time, over
    /// the whole list: what [`Checker`] must give, however it gets there.
    fn plainly(t: MessageType, headers: &[Header<'_>]) -> Vec<Violation> {
        let v = |field, kind| Violation {
            message_type: t,
            field,
            kind,
        };
        let table = header_table(t).unwrap();
        let version = version_of(headers);
        let mut out = Vec::new();
        let since = message_type_since(t);
        if version < since {
            out.push(v(
                FieldCode::MESSAGE_TYPE,
                ViolationKind::TooNew { since, version },
            ));
        }
        let code_at = |k: usize| headers.get(k).and_then(Header::code);
        let has = |c: FieldCode| headers.iter().any(|h| h.code() == Some(c));
        let expected = [
            Some(FieldCode::MESSAGE_TYPE),
            has(FieldCode::TRANSACTION_ID).then_some(FieldCode::TRANSACTION_ID),
            Some(FieldCode::MMS_VERSION),
        ];
        for (k, want) in expected.iter().flatten().enumerate() {
            if code_at(k) != Some(*want) && has(*want) {
                out.push(v(*want, ViolationKind::OutOfOrder));
            }
        }
        if let Some(k) = headers
            .iter()
            .position(|h| h.code() == Some(FieldCode::CONTENT_TYPE))
        {
            if k + 1 != headers.len() {
                out.push(v(FieldCode::CONTENT_TYPE, ViolationKind::OutOfOrder));
            }
        }
        let presence = |c: FieldCode| {
            if c == FieldCode::MESSAGE_TYPE || c == FieldCode::MMS_VERSION {
                return Some(M);
            }
            table.iter().find(|(d, _)| *d == c).map(|(_, p)| *p)
        };
        for (k, h) in headers.iter().enumerate() {
            let Header::Field(f) = h else { continue };
            let code = f.code();
            if matches!(f.value(), Value::Raw(_))
                && code.name().is_some()
                && !matches!(code.0, 0x2E | 0x30)
            {
                out.push(v(code, ViolationKind::BadValue));
            }
            match presence(code) {
                None => {
                    if code.name().is_some() {
                        out.push(v(code, ViolationKind::NotAllowed));
                    }
                }
                Some(p) => {
                    let before = headers[..k].iter().any(|g| g.code() == Some(code));
                    if matches!(p, M | O) && before {
                        out.push(v(code, ViolationKind::Repeated));
                    }
                    if let Some((major, minor)) = code.since() {
                        let since = Version { major, minor };
                        if version < since {
                            out.push(v(code, ViolationKind::TooNew { since, version }));
                        }
                    }
                }
            }
        }
        if !has(FieldCode::MMS_VERSION) {
            out.push(v(FieldCode::MMS_VERSION, ViolationKind::Missing));
        }
        for &(code, p) in table {
            if matches!(p, M | MR) && !has(code) {
                out.push(v(code, ViolationKind::Missing));
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn meeting_the_version_late_judges_as_knowing_it(
            t in 0x80u8..0x98,
            headers in proptest::collection::vec(header(), 0..12),
        ) {
            let t = MessageType(t);
            let (got, settled) = streamed(t, &headers);
            proptest::prop_assert_eq!(&got, &known(t, &headers));
            proptest::prop_assert_eq!(got, plainly(t, &headers));
            // Only a version below 1.0 met late is left to the full check.
            if !settled {
                let v = headers.iter().find_map(|h| match (h.code(), h.value()) {
                    (Some(FieldCode::MMS_VERSION), Some(Value::Version(v))) => Some(*v),
                    _ => None,
                });
                proptest::prop_assert!(v.is_some_and(|v| v < Version::V1_0));
            }
        }
    }

    #[test]
    fn a_version_after_newer_headers_settles_their_judgement() {
        let rc = |t: MessageType, headers: &[Header<'_>]| {
            streamed(t, headers)
                .0
                .into_iter()
                .map(|v| (v.field, v.kind))
                .collect::<Vec<_>>()
        };
        let t = MessageType::SEND_REQ;
        let ty = crate::Header::field(FieldCode::MESSAGE_TYPE, Value::Token(t.0));
        let newer = crate::Header::field(FieldCode(0x3D), Value::Token(0x80));
        let version = |v| crate::Header::field(FieldCode::MMS_VERSION, Value::Version(v));
        // X-Mms-Replace-ID (MMS 1.3) in an m-send-req: too new for 1.1,
        // not for 1.3; judged as the version met after it says.
        let since = FieldCode(0x3D)
            .since()
            .map(|(major, minor)| Version { major, minor });
        let since = since.unwrap();
        let v11 = rc(t, &[ty.clone(), newer.clone(), version(Version::V1_1)]);
        assert!(v11.contains(&(
            FieldCode(0x3D),
            ViolationKind::TooNew {
                since,
                version: Version::V1_1
            }
        )));
        let v13 = rc(t, &[ty.clone(), newer.clone(), version(Version::V1_3)]);
        assert!(!v13
            .iter()
            .any(|(_, k)| matches!(k, ViolationKind::TooNew { .. })));
        // A version below 1.0 after a 1.0 header: left to the full check.
        let zero = Version { major: 0, minor: 5 };
        let to = crate::Header::field(FieldCode::TO, Value::Token(0x80));
        let mut c = Checker::new(MessageType::SEND_REQ, None).unwrap();
        for h in [ty, to, version(zero)] {
            c.feed(&h);
        }
        assert!(c.finish().is_none());
    }

    #[test]
    fn detects_fields_and_types_newer_than_the_version() {
        let mut p = Pdu::new(MessageType::CANCEL_CONF, Version::V1_0);
        p.headers
            .insert(1, crate::Header::field(FieldCode::TRANSACTION_ID, tid()));
        p.push(FieldCode::CANCEL_STATUS, Value::Token(0x80));
        let since = Version::V1_3;
        let version = Version::V1_0;
        assert_eq!(
            kinds(&p),
            [
                (
                    FieldCode::MESSAGE_TYPE,
                    ViolationKind::TooNew { since, version }
                ),
                (
                    FieldCode::CANCEL_STATUS,
                    ViolationKind::TooNew { since, version }
                )
            ]
        );
    }
}
