//! Rust types for the values of typed message fields, and their mapping
//! to and from the generic [`Value`].

use alloc::vec::Vec;
use core::fmt;

use super::field::{FieldCode, ValueKind};
use super::value::{ElementItem, FromValue, MessageClass, Time, Value, Version};
use crate::wsp::{ContentType, EncodedString, Media, Text};
use crate::EncodeError;

/// A Rust type a typed message field holds.
///
/// Besides the mapping to and from the generic [`Value`], a field type
/// encodes itself with the grammar of [`Value::encode`] (MMS_ENC 1.3 §7.3)
/// without building an owned `Value`: typed messages encode and decode
/// without copying their octets.
///
/// ```
/// use mms_pdu::mms::typed::FieldType;
/// use mms_pdu::wsp::Text;
/// use mms_pdu::{FieldCode, Value};
/// let t = Text::new("T1")?;
/// assert_eq!(t.value_len(FieldCode::TRANSACTION_ID), 3);
/// let mut out = Vec::new();
/// t.put_value(FieldCode::TRANSACTION_ID, &mut out);
/// assert_eq!(out, b"T1\0");
/// assert_eq!(Text::take_value(Value::Long(3)), Err(Value::Long(3)));
/// # Ok::<(), mms_pdu::EncodeError>(())
/// ```
pub trait FieldType<'a>: Sized {
    /// Reads the generic value; `None` when it is of another shape.
    fn from_value(v: &Value<'a>) -> Option<Self>;
    /// The generic value for field `code`.
    fn to_value(&self, code: FieldCode) -> Value<'a>;
    /// Reads the generic value by moving it (its octets are not copied);
    /// gives it back when it is of another shape.
    fn take_value(v: Value<'a>) -> Result<Self, Value<'a>> {
        Self::from_value(&v).ok_or(v)
    }
    /// Runs `f` on the generic value for field `code`, borrowing this
    /// value's octets where the type allows it.
    fn with_value<R>(&self, code: FieldCode, f: impl FnOnce(&Value<'_>) -> R) -> R {
        f(&self.to_value(code))
    }
    /// The encoded length of the value of field `code` (without the code).
    fn value_len(&self, code: FieldCode) -> usize {
        self.with_value(code, |v| v.encoded_len())
    }
    /// Writes the value of field `code` (without the code).
    fn put_value(&self, code: FieldCode, out: &mut Vec<u8>) {
        self.with_value(code, |v| v.encode(out))
    }
    /// Checks that the value of field `code` can be written
    /// ([`Value::validate`]).
    fn check_value(&self, code: FieldCode) -> Result<(), EncodeError> {
        self.with_value(code, |v| v.validate(code))
    }
}

/// The same text, borrowed.
fn text_ref<'s>(t: &'s Text<'_>) -> Text<'s> {
    Text::wire(t.as_bytes())
}

/// The same encoded string, borrowed.
fn encoded_ref<'s>(s: &'s EncodedString<'_>) -> EncodedString<'s> {
    match s.charset() {
        Some(cs) => EncodedString::with_charset(cs, s.as_bytes()),
        None => EncodedString::text(Text::wire(s.as_bytes())),
    }
}

/// X-Mms-MMS-Version (§7.3.34).
impl<'a> FieldType<'a> for Version {
    fn from_value(v: &Value<'a>) -> Option<Self> {
        match v {
            Value::Version(x) => Some(*x),
            _ => None,
        }
    }
    fn to_value(&self, _: FieldCode) -> Value<'a> {
        Value::Version(*self)
    }
}

impl<'a> FieldType<'a> for Text<'a> {
    fn from_value(v: &Value<'a>) -> Option<Self> {
        match v {
            Value::Text(t) => Some(t.clone()),
            _ => None,
        }
    }
    fn to_value(&self, _: FieldCode) -> Value<'a> {
        Value::Text(self.clone())
    }
    fn take_value(v: Value<'a>) -> Result<Self, Value<'a>> {
        match v {
            Value::Text(t) => Ok(t),
            other => Err(other),
        }
    }
    fn with_value<R>(&self, _: FieldCode, f: impl FnOnce(&Value<'_>) -> R) -> R {
        f(&Value::Text(text_ref(self)))
    }
}

impl<'a> FieldType<'a> for EncodedString<'a> {
    fn from_value(v: &Value<'a>) -> Option<Self> {
        match v {
            Value::EncodedString(s) => Some(s.clone()),
            _ => None,
        }
    }
    fn to_value(&self, _: FieldCode) -> Value<'a> {
        Value::EncodedString(self.clone())
    }
    fn take_value(v: Value<'a>) -> Result<Self, Value<'a>> {
        match v {
            Value::EncodedString(s) => Ok(s),
            other => Err(other),
        }
    }
    fn with_value<R>(&self, _: FieldCode, f: impl FnOnce(&Value<'_>) -> R) -> R {
        f(&Value::EncodedString(encoded_ref(self)))
    }
}

impl<'a> FieldType<'a> for FromValue<'a> {
    fn from_value(v: &Value<'a>) -> Option<Self> {
        match v {
            Value::From(f) => Some(f.clone()),
            _ => None,
        }
    }
    fn to_value(&self, _: FieldCode) -> Value<'a> {
        Value::From(self.clone())
    }
    fn take_value(v: Value<'a>) -> Result<Self, Value<'a>> {
        match v {
            Value::From(f) => Ok(f),
            other => Err(other),
        }
    }
    fn with_value<R>(&self, _: FieldCode, f: impl FnOnce(&Value<'_>) -> R) -> R {
        f(&Value::From(match self {
            FromValue::Address(s) => FromValue::Address(encoded_ref(s)),
            FromValue::InsertAddress => FromValue::InsertAddress,
        }))
    }
}

/// Long-integer fields (Date, Message-Size, Reply-Charging-Size) and
/// Integer-value fields (Start, Limit, Message-Count).
impl<'a> FieldType<'a> for u64 {
    fn from_value(v: &Value<'a>) -> Option<Self> {
        match v {
            Value::Long(n) | Value::Integer(n) => Some(*n),
            _ => None,
        }
    }
    fn to_value(&self, code: FieldCode) -> Value<'a> {
        match code.grammar() {
            ValueKind::Integer => Value::Integer(*self),
            _ => Value::Long(*self),
        }
    }
}

/// Yes/No fields: `true` is Yes (0x80).
impl<'a> FieldType<'a> for bool {
    fn from_value(v: &Value<'a>) -> Option<Self> {
        match v {
            Value::Token(0x80) => Some(true),
            Value::Token(0x81) => Some(false),
            _ => None,
        }
    }
    fn to_value(&self, _: FieldCode) -> Value<'a> {
        Value::Token(if *self { 0x80 } else { 0x81 })
    }
}

impl<'a> FieldType<'a> for Time {
    fn from_value(v: &Value<'a>) -> Option<Self> {
        match v {
            Value::Time(t) => Some(*t),
            _ => None,
        }
    }
    fn to_value(&self, _: FieldCode) -> Value<'a> {
        Value::Time(*self)
    }
}

impl<'a> FieldType<'a> for MessageClass<'a> {
    fn from_value(v: &Value<'a>) -> Option<Self> {
        match v {
            Value::MessageClass(c) => Some(c.clone()),
            _ => None,
        }
    }
    fn to_value(&self, _: FieldCode) -> Value<'a> {
        Value::MessageClass(self.clone())
    }
    fn take_value(v: Value<'a>) -> Result<Self, Value<'a>> {
        match v {
            Value::MessageClass(c) => Ok(c),
            other => Err(other),
        }
    }
    fn with_value<R>(&self, _: FieldCode, f: impl FnOnce(&Value<'_>) -> R) -> R {
        f(&Value::MessageClass(match self {
            MessageClass::Token(b) => MessageClass::Token(*b),
            MessageClass::Text(t) => MessageClass::Text(text_ref(t)),
        }))
    }
}

impl<'a> FieldType<'a> for ContentType<'a> {
    fn from_value(v: &Value<'a>) -> Option<Self> {
        match v {
            Value::ContentType(c) => Some(c.clone()),
            _ => None,
        }
    }
    fn to_value(&self, _: FieldCode) -> Value<'a> {
        Value::ContentType(self.clone())
    }
    fn take_value(v: Value<'a>) -> Result<Self, Value<'a>> {
        match v {
            Value::ContentType(c) => Ok(c),
            other => Err(other),
        }
    }
    // What `Value::ContentType` does, without copying the parameter list.
    fn value_len(&self, _: FieldCode) -> usize {
        self.encoded_len()
    }
    fn put_value(&self, _: FieldCode, out: &mut Vec<u8>) {
        self.encode(out)
    }
    fn check_value(&self, _: FieldCode) -> Result<(), EncodeError> {
        self.validate()
    }
}

/// X-Mms-Attributes: the field it names.
impl<'a> FieldType<'a> for FieldCode {
    fn from_value(v: &Value<'a>) -> Option<Self> {
        match v {
            Value::Attribute(c) => Some(*c),
            _ => None,
        }
    }
    fn to_value(&self, _: FieldCode) -> Value<'a> {
        Value::Attribute(*self)
    }
}

/// A one-octet token of the table of field `F` (MMS_ENC 1.3 §7.3): the
/// wire octet, with its name from the field table.
///
/// ```
/// use mms_pdu::mms::typed::ResponseStatus;
/// assert_eq!(ResponseStatus::OK.name(), Some("Ok"));
/// assert_eq!(ResponseStatus::new(0xE2).to_string(), "Error-permanent-message-format-corrupt");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Token<const F: u8>(pub u8);

impl<const F: u8> Token<F> {
    /// The token with wire octet `octet`.
    pub const fn new(octet: u8) -> Self {
        Token(octet)
    }
    /// The token's MMS_ENC name.
    pub fn name(self) -> Option<&'static str> {
        FieldCode(F).token_name(self.0)
    }
    /// The token named `name` (case-insensitive; spaces, `-`, `_` alike).
    pub fn from_name(name: &str) -> Option<Self> {
        FieldCode(F).token_code(name).map(Token)
    }
}

impl<const F: u8> Default for Token<F> {
    /// The first token of the table (0x80).
    fn default() -> Self {
        Token(0x80)
    }
}

impl<const F: u8> fmt::Debug for Token<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(n) => f.write_str(n),
            None => write!(f, "Token(0x{:02x})", self.0),
        }
    }
}

impl<const F: u8> fmt::Display for Token<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(n) => f.write_str(n),
            None => write!(f, "0x{:02x}", self.0),
        }
    }
}

impl<'a, const F: u8> FieldType<'a> for Token<F> {
    fn from_value(v: &Value<'a>) -> Option<Self> {
        match v {
            Value::Token(b) => Some(Token(*b)),
            _ => None,
        }
    }
    fn to_value(&self, _: FieldCode) -> Value<'a> {
        Value::Token(self.0)
    }
}

/// X-Mms-Priority (§7.3.35).
pub type Priority = Token<0x0F>;
/// X-Mms-Response-Status (§7.3.48).
pub type ResponseStatus = Token<0x12>;
/// X-Mms-Sender-Visibility (§7.3.52).
pub type SenderVisibility = Token<0x14>;
/// X-Mms-Status (§7.3.54).
pub type Status = Token<0x15>;
/// X-Mms-Retrieve-Status (§7.3.50).
pub type RetrieveStatus = Token<0x19>;
/// X-Mms-Read-Status (§7.3.39).
pub type ReadStatus = Token<0x1B>;
/// X-Mms-Reply-Charging (§7.3.43).
pub type ReplyCharging = Token<0x1C>;
/// X-Mms-MM-State (§7.3.33).
pub type MmState = Token<0x23>;
/// X-Mms-Store-Status (§7.3.58).
pub type StoreStatus = Token<0x25>;
/// X-Mms-Recommended-Retrieval-Mode (§7.3.39).
pub type RecommendedRetrievalMode = Token<0x34>;
/// X-Mms-Content-Class (§7.3.9).
pub type ContentClass = Token<0x3A>;
/// X-Mms-Cancel-Status (§7.3.7).
pub type CancelStatus = Token<0x3F>;

// The named tokens (`ResponseStatus::OK` …, `MmFlag::ADD`, `MboxCount::BYTES`)
// are written once, in the rows of their field's table in tables.rs.

impl ResponseStatus {
    /// True for Ok.
    pub fn is_ok(self) -> bool {
        self.0 == 0x80
    }
}

/// X-Mms-Previously-Sent-By (§7.3.37).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PreviouslySentBy<'a> {
    /// Forwarded-count-value.
    pub count: u64,
    /// The forwarding address.
    pub address: EncodedString<'a>,
}

impl<'a> FieldType<'a> for PreviouslySentBy<'a> {
    fn from_value(v: &Value<'a>) -> Option<Self> {
        match v {
            Value::PreviouslySentBy { count, address } => Some(PreviouslySentBy {
                count: *count,
                address: address.clone(),
            }),
            _ => None,
        }
    }
    fn to_value(&self, _: FieldCode) -> Value<'a> {
        Value::PreviouslySentBy {
            count: self.count,
            address: self.address.clone(),
        }
    }
    fn take_value(v: Value<'a>) -> Result<Self, Value<'a>> {
        match v {
            Value::PreviouslySentBy { count, address } => Ok(PreviouslySentBy { count, address }),
            other => Err(other),
        }
    }
    fn with_value<R>(&self, _: FieldCode, f: impl FnOnce(&Value<'_>) -> R) -> R {
        f(&Value::PreviouslySentBy {
            count: self.count,
            address: encoded_ref(&self.address),
        })
    }
}

/// X-Mms-Previously-Sent-Date (§7.3.38).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PreviouslySentDate {
    /// Forwarded-count-value.
    pub count: u64,
    /// Date-value.
    pub date: u64,
}

impl<'a> FieldType<'a> for PreviouslySentDate {
    fn from_value(v: &Value<'a>) -> Option<Self> {
        match v {
            Value::PreviouslySentDate { count, date } => Some(PreviouslySentDate {
                count: *count,
                date: *date,
            }),
            _ => None,
        }
    }
    fn to_value(&self, _: FieldCode) -> Value<'a> {
        Value::PreviouslySentDate {
            count: self.count,
            date: self.date,
        }
    }
}

/// X-Mms-MM-Flags (§7.3.32): an operation on a keyword.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MmFlag<'a> {
    /// 0x80 add, 0x81 remove, 0x82 filter.
    pub op: u8,
    /// The keyword (`$Seen`, …).
    pub flag: EncodedString<'a>,
}

impl<'a> FieldType<'a> for MmFlag<'a> {
    fn from_value(v: &Value<'a>) -> Option<Self> {
        match v {
            Value::MmFlags { op, flag } => Some(MmFlag {
                op: *op,
                flag: flag.clone(),
            }),
            _ => None,
        }
    }
    fn to_value(&self, _: FieldCode) -> Value<'a> {
        Value::MmFlags {
            op: self.op,
            flag: self.flag.clone(),
        }
    }
    fn take_value(v: Value<'a>) -> Result<Self, Value<'a>> {
        match v {
            Value::MmFlags { op, flag } => Ok(MmFlag { op, flag }),
            other => Err(other),
        }
    }
    fn with_value<R>(&self, _: FieldCode, f: impl FnOnce(&Value<'_>) -> R) -> R {
        f(&Value::MmFlags {
            op: self.op,
            flag: encoded_ref(&self.flag),
        })
    }
}

/// X-Mms-Mbox-Totals / X-Mms-Mbox-Quotas (§7.3.25, §7.3.26).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MboxCount {
    /// 0x80: a number of messages; 0x81: a size in octets.
    pub kind: u8,
    /// The count.
    pub value: u64,
}

impl<'a> FieldType<'a> for MboxCount {
    fn from_value(v: &Value<'a>) -> Option<Self> {
        match v {
            Value::MboxCount { kind, value } => Some(MboxCount {
                kind: *kind,
                value: *value,
            }),
            _ => None,
        }
    }
    fn to_value(&self, _: FieldCode) -> Value<'a> {
        Value::MboxCount {
            kind: self.kind,
            value: self.value,
        }
    }
}

/// X-Mms-Element-Descriptor (§7.3.18).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ElementDescriptor<'a> {
    /// Content-Reference-value.
    pub reference: Text<'a>,
    /// Parameters (name, value), in wire order.
    pub params: Vec<(ElementItem<'a>, ElementItem<'a>)>,
}

impl<'a> FieldType<'a> for ElementDescriptor<'a> {
    fn from_value(v: &Value<'a>) -> Option<Self> {
        match v {
            Value::ElementDescriptor { reference, params } => Some(ElementDescriptor {
                reference: reference.clone(),
                params: params.clone(),
            }),
            _ => None,
        }
    }
    fn to_value(&self, _: FieldCode) -> Value<'a> {
        Value::ElementDescriptor {
            reference: self.reference.clone(),
            params: self.params.clone(),
        }
    }
    fn take_value(v: Value<'a>) -> Result<Self, Value<'a>> {
        match v {
            Value::ElementDescriptor { reference, params } => {
                Ok(ElementDescriptor { reference, params })
            }
            other => Err(other),
        }
    }
}

/// A value that may carry the status count of the delete confirmations
/// (X-Mms-Content-Location, -Response-Status, -Response-Text in
/// m-delete-conf and m-mbox-delete-conf, MMS_ENC 1.3 §7.3.10, §7.3.48,
/// §7.3.49): which of the requested deletions it reports on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Counted<T> {
    /// Status-count-value, when the counted form is used.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub count: Option<u64>,
    /// The value.
    pub value: T,
}

impl<'a, T: FieldType<'a>> FieldType<'a> for Counted<T> {
    fn from_value(v: &Value<'a>) -> Option<Self> {
        match v {
            Value::Counted { count, value } => Some(Counted {
                count: Some(*count),
                value: T::from_value(value)?,
            }),
            other => Some(Counted {
                count: None,
                value: T::from_value(other)?,
            }),
        }
    }
    fn to_value(&self, code: FieldCode) -> Value<'a> {
        let v = self.value.to_value(code);
        match self.count {
            Some(count) => Value::Counted {
                count,
                value: alloc::boxed::Box::new(v),
            },
            None => v,
        }
    }
    fn take_value(v: Value<'a>) -> Result<Self, Value<'a>> {
        match v {
            Value::Counted { count, value } => match T::take_value(*value) {
                Ok(value) => Ok(Counted {
                    count: Some(count),
                    value,
                }),
                Err(value) => Err(Value::Counted {
                    count,
                    value: alloc::boxed::Box::new(value),
                }),
            },
            other => T::take_value(other).map(|value| Counted { count: None, value }),
        }
    }
    fn with_value<R>(&self, code: FieldCode, f: impl FnOnce(&Value<'_>) -> R) -> R {
        match self.count {
            None => self.value.with_value(code, f),
            Some(_) => f(&self.to_value(code)),
        }
    }
}

impl Default for FromValue<'_> {
    /// The insert-address token: the MMSC fills in the sender.
    fn default() -> Self {
        FromValue::InsertAddress
    }
}

impl Default for Time {
    fn default() -> Self {
        Time::Relative(0)
    }
}

impl Default for MessageClass<'_> {
    /// Personal.
    fn default() -> Self {
        MessageClass::Token(0x80)
    }
}

impl Default for ContentType<'_> {
    /// application/vnd.wap.multipart.mixed.
    fn default() -> Self {
        ContentType::new(Media::WellKnown(0x23))
    }
}

impl Default for EncodedString<'_> {
    /// The empty text.
    fn default() -> Self {
        EncodedString::text(Text::default())
    }
}

#[cfg(test)]
mod named_tokens {
    use super::*;

    /// Each named constant is the octet its field's table names so.
    #[test]
    fn constants_match_the_field_tables() {
        for (octet, field, name) in [
            (ResponseStatus::OK.0, FieldCode::RESPONSE_STATUS, "Ok"),
            (
                ResponseStatus::UNSPECIFIED.0,
                FieldCode::RESPONSE_STATUS,
                "Error-unspecified",
            ),
            (
                ResponseStatus::SERVICE_DENIED.0,
                FieldCode::RESPONSE_STATUS,
                "Error-service-denied",
            ),
            (
                ResponseStatus::MESSAGE_FORMAT_CORRUPT.0,
                FieldCode::RESPONSE_STATUS,
                "Error-message-format-corrupt",
            ),
            (
                ResponseStatus::SENDING_ADDRESS_UNRESOLVED.0,
                FieldCode::RESPONSE_STATUS,
                "Error-sending-address-unresolved",
            ),
            (
                ResponseStatus::MESSAGE_NOT_FOUND.0,
                FieldCode::RESPONSE_STATUS,
                "Error-message-not-found",
            ),
            (
                ResponseStatus::NETWORK_PROBLEM.0,
                FieldCode::RESPONSE_STATUS,
                "Error-network-problem",
            ),
            (
                ResponseStatus::CONTENT_NOT_ACCEPTED.0,
                FieldCode::RESPONSE_STATUS,
                "Error-content-not-accepted",
            ),
            (
                ResponseStatus::UNSUPPORTED_MESSAGE.0,
                FieldCode::RESPONSE_STATUS,
                "Error-unsupported-message",
            ),
            (
                ResponseStatus::TRANSIENT_FAILURE.0,
                FieldCode::RESPONSE_STATUS,
                "Error-transient-failure",
            ),
            (
                ResponseStatus::TRANSIENT_SENDING_ADDRESS_UNRESOLVED.0,
                FieldCode::RESPONSE_STATUS,
                "Error-transient-sending-address-unresolved",
            ),
            (
                ResponseStatus::TRANSIENT_MESSAGE_NOT_FOUND.0,
                FieldCode::RESPONSE_STATUS,
                "Error-transient-message-not-found",
            ),
            (
                ResponseStatus::TRANSIENT_NETWORK_PROBLEM.0,
                FieldCode::RESPONSE_STATUS,
                "Error-transient-network-problem",
            ),
            (
                ResponseStatus::TRANSIENT_PARTIAL_SUCCESS.0,
                FieldCode::RESPONSE_STATUS,
                "Error-transient-partial-success",
            ),
            (
                ResponseStatus::PERMANENT_FAILURE.0,
                FieldCode::RESPONSE_STATUS,
                "Error-permanent-failure",
            ),
            (
                ResponseStatus::PERMANENT_SERVICE_DENIED.0,
                FieldCode::RESPONSE_STATUS,
                "Error-permanent-service-denied",
            ),
            (
                ResponseStatus::PERMANENT_MESSAGE_FORMAT_CORRUPT.0,
                FieldCode::RESPONSE_STATUS,
                "Error-permanent-message-format-corrupt",
            ),
            (
                ResponseStatus::PERMANENT_SENDING_ADDRESS_UNRESOLVED.0,
                FieldCode::RESPONSE_STATUS,
                "Error-permanent-sending-address-unresolved",
            ),
            (
                ResponseStatus::PERMANENT_MESSAGE_NOT_FOUND.0,
                FieldCode::RESPONSE_STATUS,
                "Error-permanent-message-not-found",
            ),
            (
                ResponseStatus::PERMANENT_CONTENT_NOT_ACCEPTED.0,
                FieldCode::RESPONSE_STATUS,
                "Error-permanent-content-not-accepted",
            ),
            (
                ResponseStatus::PERMANENT_REPLY_CHARGING_LIMITATIONS_NOT_MET.0,
                FieldCode::RESPONSE_STATUS,
                "Error-permanent-reply-charging-limitations-not-met",
            ),
            (
                ResponseStatus::PERMANENT_REPLY_CHARGING_REQUEST_NOT_ACCEPTED.0,
                FieldCode::RESPONSE_STATUS,
                "Error-permanent-reply-charging-request-not-accepted",
            ),
            (
                ResponseStatus::PERMANENT_REPLY_CHARGING_FORWARDING_DENIED.0,
                FieldCode::RESPONSE_STATUS,
                "Error-permanent-reply-charging-forwarding-denied",
            ),
            (
                ResponseStatus::PERMANENT_REPLY_CHARGING_NOT_SUPPORTED.0,
                FieldCode::RESPONSE_STATUS,
                "Error-permanent-reply-charging-not-supported",
            ),
            (
                ResponseStatus::PERMANENT_ADDRESS_HIDING_NOT_SUPPORTED.0,
                FieldCode::RESPONSE_STATUS,
                "Error-permanent-address-hiding-not-supported",
            ),
            (
                ResponseStatus::PERMANENT_LACK_OF_PREPAID.0,
                FieldCode::RESPONSE_STATUS,
                "Error-permanent-lack-of-prepaid",
            ),
            (RetrieveStatus::OK.0, FieldCode::RETRIEVE_STATUS, "Ok"),
            (
                RetrieveStatus::TRANSIENT_FAILURE.0,
                FieldCode::RETRIEVE_STATUS,
                "Error-transient-failure",
            ),
            (
                RetrieveStatus::TRANSIENT_MESSAGE_NOT_FOUND.0,
                FieldCode::RETRIEVE_STATUS,
                "Error-transient-message-not-found",
            ),
            (
                RetrieveStatus::TRANSIENT_NETWORK_PROBLEM.0,
                FieldCode::RETRIEVE_STATUS,
                "Error-transient-network-problem",
            ),
            (
                RetrieveStatus::PERMANENT_FAILURE.0,
                FieldCode::RETRIEVE_STATUS,
                "Error-permanent-failure",
            ),
            (
                RetrieveStatus::PERMANENT_SERVICE_DENIED.0,
                FieldCode::RETRIEVE_STATUS,
                "Error-permanent-service-denied",
            ),
            (
                RetrieveStatus::PERMANENT_MESSAGE_NOT_FOUND.0,
                FieldCode::RETRIEVE_STATUS,
                "Error-permanent-message-not-found",
            ),
            (
                RetrieveStatus::PERMANENT_CONTENT_UNSUPPORTED.0,
                FieldCode::RETRIEVE_STATUS,
                "Error-permanent-content-unsupported",
            ),
            (
                SenderVisibility::HIDE.0,
                FieldCode::SENDER_VISIBILITY,
                "Hide",
            ),
            (
                SenderVisibility::SHOW.0,
                FieldCode::SENDER_VISIBILITY,
                "Show",
            ),
        ] {
            assert_eq!(
                field.token_name(octet),
                Some(name),
                "{field:?} 0x{octet:02x}"
            );
        }
    }
}

/// A field value that can let go of the input it borrows: the typed
/// messages' `into_owned` applies it field by field.
pub(crate) trait IntoStatic {
    /// The same value, owning its octets.
    type Static;
    /// Copies what is borrowed.
    fn into_static(self) -> Self::Static;
}

macro_rules! static_as_is {
    ($($t:ty),* $(,)?) => {
        $( impl IntoStatic for $t {
            type Static = $t;
            fn into_static(self) -> $t {
                self
            }
        } )*
    };
}

static_as_is!(u64, bool, Time, FieldCode, PreviouslySentDate, MboxCount);

impl<const F: u8> IntoStatic for Token<F> {
    type Static = Token<F>;
    fn into_static(self) -> Self {
        self
    }
}

impl IntoStatic for Text<'_> {
    type Static = Text<'static>;
    fn into_static(self) -> Text<'static> {
        self.into_owned()
    }
}

impl IntoStatic for EncodedString<'_> {
    type Static = EncodedString<'static>;
    fn into_static(self) -> EncodedString<'static> {
        self.into_owned()
    }
}

impl IntoStatic for ContentType<'_> {
    type Static = ContentType<'static>;
    fn into_static(self) -> ContentType<'static> {
        self.into_owned()
    }
}

impl IntoStatic for FromValue<'_> {
    type Static = FromValue<'static>;
    fn into_static(self) -> FromValue<'static> {
        match self {
            FromValue::Address(a) => FromValue::Address(a.into_owned()),
            FromValue::InsertAddress => FromValue::InsertAddress,
        }
    }
}

impl IntoStatic for MessageClass<'_> {
    type Static = MessageClass<'static>;
    fn into_static(self) -> MessageClass<'static> {
        match self {
            MessageClass::Token(b) => MessageClass::Token(b),
            MessageClass::Text(t) => MessageClass::Text(t.into_owned()),
        }
    }
}

impl IntoStatic for PreviouslySentBy<'_> {
    type Static = PreviouslySentBy<'static>;
    fn into_static(self) -> PreviouslySentBy<'static> {
        PreviouslySentBy {
            count: self.count,
            address: self.address.into_owned(),
        }
    }
}

impl IntoStatic for MmFlag<'_> {
    type Static = MmFlag<'static>;
    fn into_static(self) -> MmFlag<'static> {
        MmFlag {
            op: self.op,
            flag: self.flag.into_owned(),
        }
    }
}

impl IntoStatic for ElementItem<'_> {
    type Static = ElementItem<'static>;
    fn into_static(self) -> ElementItem<'static> {
        match self {
            ElementItem::Short(v) => ElementItem::Short(v),
            ElementItem::Text(t) => ElementItem::Text(t.into_owned()),
        }
    }
}

impl IntoStatic for ElementDescriptor<'_> {
    type Static = ElementDescriptor<'static>;
    fn into_static(self) -> ElementDescriptor<'static> {
        ElementDescriptor {
            reference: self.reference.into_owned(),
            params: self
                .params
                .into_iter()
                .map(|(n, v)| (n.into_static(), v.into_static()))
                .collect(),
        }
    }
}

impl<T: IntoStatic> IntoStatic for Counted<T> {
    type Static = Counted<T::Static>;
    fn into_static(self) -> Counted<T::Static> {
        Counted {
            count: self.count,
            value: self.value.into_static(),
        }
    }
}

impl<T: IntoStatic> IntoStatic for Option<T> {
    type Static = Option<T::Static>;
    fn into_static(self) -> Option<T::Static> {
        self.map(IntoStatic::into_static)
    }
}

impl<T: IntoStatic> IntoStatic for Vec<T> {
    type Static = Vec<T::Static>;
    fn into_static(self) -> Vec<T::Static> {
        self.into_iter().map(IntoStatic::into_static).collect()
    }
}
