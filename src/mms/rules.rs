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
pub fn header_table(t: MessageType) -> Option<&'static [(FieldCode, Presence)]> {
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
pub fn message_type_since(t: MessageType) -> Version {
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

/// Checks a PDU against the header table of its type; returns every
/// deviation, in header order (missing headers last).
pub fn check(pdu: &Pdu<'_>) -> Vec<Violation> {
    let mut out = Vec::new();
    let Some(t) = pdu.message_type() else {
        out.push(Violation {
            message_type: MessageType(0),
            field: FieldCode::MESSAGE_TYPE,
            kind: ViolationKind::Missing,
        });
        return out;
    };
    let v = |field, kind| Violation {
        message_type: t,
        field,
        kind,
    };
    let Some(table) = header_table(t) else {
        out.push(v(FieldCode::MESSAGE_TYPE, ViolationKind::UnknownType));
        return out;
    };
    let version = pdu.version().unwrap_or(Version::V1_0);
    let since = message_type_since(t);
    if version < since {
        out.push(v(
            FieldCode::MESSAGE_TYPE,
            ViolationKind::TooNew { since, version },
        ));
    }
    // Order: Message-Type first, then Transaction-Id (when the type has
    // one and it is present), then MMS-Version (MMS_ENC 1.3 §7.1).
    // One pass per question, no list built: checking is part of every
    // typed decode.
    let code_at = |k: usize| pdu.headers.get(k).and_then(Header::code);
    let has = |c: FieldCode| pdu.headers.iter().any(|h| h.code() == Some(c));
    let has_tid = has(FieldCode::TRANSACTION_ID);
    let expected = [
        Some(FieldCode::MESSAGE_TYPE),
        has_tid.then_some(FieldCode::TRANSACTION_ID),
        Some(FieldCode::MMS_VERSION),
    ];
    for (k, want) in expected.iter().flatten().enumerate() {
        if code_at(k) != Some(*want) && has(*want) {
            out.push(v(*want, ViolationKind::OutOfOrder));
        }
    }
    if let Some(k) = pdu
        .headers
        .iter()
        .position(|h| h.code() == Some(FieldCode::CONTENT_TYPE))
    {
        if k + 1 != pdu.headers.len() {
            out.push(v(FieldCode::CONTENT_TYPE, ViolationKind::OutOfOrder));
        }
    }
    // The table by code (a code above 0x7F is in no table): 0 not
    // listed, 1 may appear once only (M, O; Message-Type and MMS-Version
    // are M), 2 listed otherwise; and the codes met so far.
    const NOT_LISTED: u8 = 0;
    const ONCE: u8 = 1;
    let mut listed = [NOT_LISTED; 0x80];
    for &(c, p) in table {
        if let Some(slot) = listed.get_mut(usize::from(c.0)) {
            *slot = if matches!(p, M | O) { ONCE } else { 2 };
        }
    }
    listed[usize::from(FieldCode::MESSAGE_TYPE.0)] = ONCE;
    listed[usize::from(FieldCode::MMS_VERSION.0)] = ONCE;
    let mut seen = [false; 0x80];
    for h in &pdu.headers {
        let Header::Field(f) = h else { continue };
        let code = f.code();
        if matches!(f.value(), Value::Raw(_))
            && code.name().is_some()
            && !matches!(code.0, 0x2E | 0x30)
        {
            out.push(v(code, ViolationKind::BadValue));
        }
        let k = usize::from(code.0);
        match listed.get(k).copied().unwrap_or(NOT_LISTED) {
            NOT_LISTED => {
                // Unknown codes are kept, not judged.
                if code.name().is_some() {
                    out.push(v(code, ViolationKind::NotAllowed));
                }
            }
            p => {
                if p == ONCE && seen[k] {
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
        if let Some(s) = seen.get_mut(k) {
            *s = true;
        }
    }
    let met = |c: FieldCode| seen.get(usize::from(c.0)).copied().unwrap_or(false);
    if !met(FieldCode::MMS_VERSION) {
        out.push(v(FieldCode::MMS_VERSION, ViolationKind::Missing));
    }
    for &(code, p) in table {
        if matches!(p, M | MR) && !met(code) {
            out.push(v(code, ViolationKind::Missing));
        }
    }
    out
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
