//! Typed MMS header values (MMS_ENC 1.3 §7.2, §7.3) with their decoders and encoders.

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::vec::Vec;
use core::fmt;

use bytes::BufMut;

use super::field::{FieldCode, ValueKind};
use crate::error::{fail, ErrorKind, PResult};
use crate::wsp::int::{
    all_of, integer_value, integer_value_len, long_integer, long_integer_len, octet,
    put_integer_value, put_long_integer, put_value_length, value_length_len, value_length_region,
    wire_len,
};
use crate::wsp::text::{encoded_string_value, text_string, token_text};
use crate::wsp::{ContentType, EncodedString, Text};
use crate::{EncodeError, Limits};

/// `X-Mms-MMS-Version` (MMS_ENC 1.3 §7.3.33): major and minor in one
/// short-integer, `0x80 | major << 4 | minor`; minor 15 means "unspecified".
///
/// ```
/// use mms_pdu::Version;
/// assert_eq!(Version::V1_2.to_string(), "1.2");
/// assert_eq!("1.3".parse::<Version>().unwrap(), Version::V1_3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Version {
    /// Major version (0–7).
    pub major: u8,
    /// Minor version (0–14; 15 = unspecified).
    pub minor: u8,
}

impl Version {
    /// MMS 1.0.
    pub const V1_0: Version = Version { major: 1, minor: 0 };
    /// MMS 1.1.
    pub const V1_1: Version = Version { major: 1, minor: 1 };
    /// MMS 1.2.
    pub const V1_2: Version = Version { major: 1, minor: 2 };
    /// MMS 1.3.
    pub const V1_3: Version = Version { major: 1, minor: 3 };
    fn octet(self) -> u8 {
        0x80 | (self.major & 0x07) << 4 | (self.minor & 0x0F)
    }
}

impl Default for Version {
    /// MMS 1.2, what senders use by default.
    fn default() -> Self {
        Version::V1_2
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.minor == 0x0F {
            write!(f, "{}", self.major)
        } else {
            write!(f, "{}.{}", self.major, self.minor)
        }
    }
}

impl core::str::FromStr for Version {
    type Err = EncodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = EncodeError::new(
            "X-Mms-MMS-Version",
            "not a major.minor version (0-7 . 0-14)",
        );
        let (ma, mi) = s.split_once('.').unwrap_or((s, "15"));
        let major: u8 = ma.parse().map_err(|_| bad)?;
        let minor: u8 = mi.parse().map_err(|_| bad)?;
        if major > 7 || minor > 15 {
            return Err(bad);
        }
        Ok(Version { major, minor })
    }
}

/// From (MMS_ENC 1.3 §7.3.21): an address, or the token asking the MMSC to
/// insert the sender's address.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum FromValue<'a> {
    /// `Address-present-token Encoded-string-value`.
    Address(EncodedString<'a>),
    /// `Insert-address-token`.
    InsertAddress,
}

/// X-Mms-Message-Class (MMS_ENC 1.3 §7.3.27).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum MessageClass<'a> {
    /// A Class-identifier octet (0x80 Personal … 0x83 Auto).
    Token(#[cfg_attr(feature = "serde", serde(with = "crate::mms::serde::class_token"))] u8),
    /// Token-text.
    Text(
        #[cfg_attr(
            feature = "serde",
            serde(deserialize_with = "crate::wsp::serde::token_text")
        )]
        Text<'a>,
    ),
}

impl MessageClass<'_> {
    /// `Personal` (0x80), the class of a message a person sent
    /// (MMS_ENC 1.3 §7.3.27: `Class-identifier = Personal | Advertisement |
    /// Informational | Auto`).
    ///
    /// ```
    /// use mms_pdu::MessageClass;
    /// assert_eq!(MessageClass::PERSONAL, MessageClass::Token(0x80));
    /// assert_eq!(MessageClass::AUTO.name().as_deref(), Some("Auto"));
    /// assert_eq!(MessageClass::Token(0x90).name(), None);
    /// ```
    pub const PERSONAL: Self = MessageClass::Token(0x80);
    /// `Advertisement` (0x81).
    pub const ADVERTISEMENT: Self = MessageClass::Token(0x81);
    /// `Informational` (0x82).
    pub const INFORMATIONAL: Self = MessageClass::Token(0x82);
    /// `Auto` (0x83): a message the client sent by itself (a read report,
    /// an answer it was configured to send).
    pub const AUTO: Self = MessageClass::Token(0x83);

    /// The class by name: the MMS_ENC name of a Class-identifier, or the
    /// Token-text itself; `None` for a token octet the table does not name.
    pub fn name(&self) -> Option<alloc::borrow::Cow<'_, str>> {
        match self {
            MessageClass::Token(b) => crate::FieldCode::MESSAGE_CLASS
                .token_name(*b)
                .map(alloc::borrow::Cow::Borrowed),
            MessageClass::Text(t) => Some(t.to_string_lossy()),
        }
    }
}

/// Absolute or relative time (X-Mms-Expiry, X-Mms-Delivery-Time,
/// X-Mms-Reply-Charging-Deadline; MMS_ENC 1.3 §7.3.20).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Time {
    /// `Absolute-token Date-value`: seconds since the epoch.
    Absolute(u64),
    /// `Relative-token Delta-seconds-value`: seconds from now.
    Relative(u64),
}

/// A Date-value (MMS_ENC 1.3 §7.3.13; WAP-230's Date-value): seconds since
/// 1970-01-01T00:00:00Z, shown in RFC 3339 form.
///
/// ```
/// use mms_pdu::UtcDate;
/// assert_eq!(UtcDate(1_163_578_981).to_string(), "2006-11-15T08:23:01Z");
/// assert_eq!(UtcDate(951_782_400).civil(), Some((2000, 2, 29, 0, 0, 0)));
/// assert_eq!(UtcDate(u64::MAX).civil(), None); // past 9999-12-31
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct UtcDate(pub u64);

impl UtcDate {
    /// The last second RFC 3339 can write: 9999-12-31T23:59:59Z.
    const MAX: u64 = 253_402_300_799;
    /// Year, month, day, hour, minute, second (proleptic Gregorian
    /// calendar), for dates up to 9999-12-31; `None` past it.
    pub fn civil(self) -> Option<(u16, u8, u8, u8, u8, u8)> {
        if self.0 > Self::MAX {
            return None;
        }
        let (days, rem) = (self.0 / 86_400, self.0 % 86_400);
        // Days since 0000-03-01, in eras of 400 years (146,097 days): the
        // leap day is then the last day of a year.
        let z = days + 719_468;
        let (era, doe) = (z / 146_097, z % 146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + u64::from(month <= 2);
        // Every value is in range: year ≤ 9999, the rest below 60.
        let n = |v: u64| v as u8;
        Some((
            year as u16,
            n(month),
            n(day),
            n(rem / 3600),
            n(rem / 60 % 60),
            n(rem % 60),
        ))
    }
}

impl fmt::Display for UtcDate {
    /// `YYYY-MM-DDThh:mm:ssZ`; past 9999, the seconds (`@N`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.civil() {
            Some((y, mo, d, h, mi, s)) => {
                write!(f, "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
            }
            None => write!(f, "@{}", self.0),
        }
    }
}

/// A parameter name or value of X-Mms-Element-Descriptor (MMS_ENC 1.3 §7.3.18).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ElementItem<'a> {
    /// Short-integer (the well-known parameter `type` is 2; a value is a well-known media code).
    Short(
        #[cfg_attr(
            feature = "serde",
            serde(deserialize_with = "crate::wsp::serde::short")
        )]
        u8,
    ),
    /// Text-string (or Extension-media).
    Text(Text<'a>),
}

/// A typed MMS header value. Which variant a field carries is fixed by the
/// field table (MMS_ENC 1.3 §7.3).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Value<'a> {
    /// Text-string.
    Text(Text<'a>),
    /// Encoded-string-value (Subject, addresses, -Text fields).
    EncodedString(EncodedString<'a>),
    /// From.
    From(FromValue<'a>),
    /// Long-integer (Date, Message-Size, Reply-Charging-Size).
    Long(u64),
    /// Integer-value (Message-Count, Start, Limit).
    Integer(u64),
    /// One token octet of the field's table (wire value, high bit set).
    Token(u8),
    /// X-Mms-MMS-Version.
    Version(Version),
    /// X-Mms-Message-Class.
    MessageClass(MessageClass<'a>),
    /// Absolute or relative time.
    Time(Time),
    /// Content-Type.
    ContentType(ContentType<'a>),
    /// X-Mms-Previously-Sent-By.
    PreviouslySentBy {
        /// Forwarded-count-value.
        count: u64,
        /// The address.
        address: EncodedString<'a>,
    },
    /// X-Mms-Previously-Sent-Date.
    PreviouslySentDate {
        /// Forwarded-count-value.
        count: u64,
        /// Date-value.
        date: u64,
    },
    /// X-Mms-MM-Flags.
    MmFlags {
        /// 0x80 add, 0x81 remove, 0x82 filter.
        op: u8,
        /// The flag (`$Seen`, …).
        flag: EncodedString<'a>,
    },
    /// X-Mms-Mbox-Totals / X-Mms-Mbox-Quotas.
    MboxCount {
        /// 0x80 messages, 0x81 bytes.
        kind: u8,
        /// The count.
        value: u64,
    },
    /// X-Mms-Attributes: the field it names.
    Attribute(FieldCode),
    /// X-Mms-Element-Descriptor.
    ElementDescriptor {
        /// Content-Reference-value.
        reference: Text<'a>,
        /// Its parameters, in wire order.
        params: Vec<(ElementItem<'a>, ElementItem<'a>)>,
    },
    /// The status-count form of the delete confirmations:
    /// `Value-length Status-count-value value` (MMS_ENC 1.3 §7.3.10, §7.3.48, §7.3.49).
    Counted {
        /// Status-count-value.
        count: u64,
        /// The value (Text, Token or EncodedString).
        value: Box<Value<'a>>,
    },
    /// The value octets as on the wire: unknown fields, and values that did
    /// not follow their grammar (lenient decoding).
    Raw(#[cfg_attr(feature = "serde", serde(with = "crate::wsp::serde::hex"))] Cow<'a, [u8]>),
}

fn no_trailing<'a, T>(
    region: &'a [u8],
    what: &'static str,
    f: impl FnOnce(&'a [u8]) -> PResult<'a, T>,
) -> PResult<'a, T> {
    all_of(region, what, f)
}

/// Decodes the value of `field` (the field's code already consumed).
/// `message_type` picks the counted forms of the delete confirmations.
#[inline]
pub(crate) fn decode<'a>(
    field: FieldCode,
    i: &'a [u8],
    message_type: Option<u8>,
    limits: &Limits,
) -> PResult<'a, Value<'a>> {
    let g = field.grammar();
    // A value-length opens the counted forms; a lone NUL is an empty
    // Text-string (a value-length of 0 could not hold the Status-count-value).
    let short_len_first = matches!(i.first(), Some(&b) if (1..=31).contains(&b));
    Ok(match g {
        ValueKind::EncodedString => {
            let (r, s) = encoded_string_value(i)?;
            (r, Value::EncodedString(s))
        }
        ValueKind::From => {
            let (r, region) = value_length_region(i)?;
            let v = no_trailing(region, "From", |reg| {
                let (rr, tok) = octet(reg, "From address token")?;
                match tok {
                    0x80 => {
                        let (rr, s) = encoded_string_value(rr)?;
                        Ok((rr, FromValue::Address(s)))
                    }
                    0x81 => Ok((rr, FromValue::InsertAddress)),
                    b => fail(
                        reg,
                        "From",
                        ErrorKind::Unexpected {
                            expected: "address-present-token (0x80) or insert-address-token (0x81)",
                            found: b,
                        },
                    ),
                }
            })?
            .1;
            (r, Value::From(v))
        }
        ValueKind::Text => {
            let (r, t) = text_string(i)?;
            (r, Value::Text(t))
        }
        ValueKind::Long => {
            let (r, v) = long_integer(i)?;
            (r, Value::Long(v))
        }
        ValueKind::Integer => {
            let (r, v) = integer_value(i)?;
            (r, Value::Integer(v))
        }
        ValueKind::Token(_) => {
            let (r, b) = token(i)?;
            (r, Value::Token(b))
        }
        ValueKind::Version => {
            let (r, b) = token(i)?;
            (
                r,
                Value::Version(Version {
                    major: (b >> 4) & 0x07,
                    minor: b & 0x0F,
                }),
            )
        }
        ValueKind::MessageClass => match i.first() {
            Some(&b) if b >= 0x80 => (&i[1..], Value::MessageClass(MessageClass::Token(b))),
            _ => {
                let (r, t) = token_text(i)?;
                (r, Value::MessageClass(MessageClass::Text(t)))
            }
        },
        ValueKind::Time => {
            let (r, region) = value_length_region(i)?;
            let t = no_trailing(region, "time", |reg| {
                let (rr, tok) = octet(reg, "absolute/relative token")?;
                match tok {
                    0x80 => long_integer(rr).map(|(x, v)| (x, Time::Absolute(v))),
                    0x81 => integer_value(rr).map(|(x, v)| (x, Time::Relative(v))),
                    b => fail(
                        reg,
                        "time",
                        ErrorKind::Unexpected {
                            expected: "absolute-token (0x80) or relative-token (0x81)",
                            found: b,
                        },
                    ),
                }
            })?
            .1;
            (r, Value::Time(t))
        }
        ValueKind::ContentType => {
            let (r, ct) = crate::wsp::content_type::content_type(i, limits)?;
            (r, Value::ContentType(ct))
        }
        ValueKind::PreviouslySentBy => {
            let (r, region) = value_length_region(i)?;
            let (_, (count, address)) = no_trailing(region, "X-Mms-Previously-Sent-By", |reg| {
                let (rr, c) = integer_value(reg)?;
                let (rr, a) = encoded_string_value(rr)?;
                Ok((rr, (c, a)))
            })?;
            (r, Value::PreviouslySentBy { count, address })
        }
        ValueKind::PreviouslySentDate => {
            let (r, region) = value_length_region(i)?;
            let (_, (count, date)) = no_trailing(region, "X-Mms-Previously-Sent-Date", |reg| {
                let (rr, c) = integer_value(reg)?;
                let (rr, d) = long_integer(rr)?;
                Ok((rr, (c, d)))
            })?;
            (r, Value::PreviouslySentDate { count, date })
        }
        ValueKind::MmFlags => {
            let (r, region) = value_length_region(i)?;
            let (_, (op, flag)) = no_trailing(region, "X-Mms-MM-Flags", |reg| {
                let (rr, op) = token(reg)?;
                let (rr, f) = encoded_string_value(rr)?;
                Ok((rr, (op, f)))
            })?;
            (r, Value::MmFlags { op, flag })
        }
        ValueKind::MboxCount => {
            let (r, region) = value_length_region(i)?;
            let (_, (kind, value)) = no_trailing(region, "mbox count", |reg| {
                let (rr, k) = token(reg)?;
                let (rr, v) = integer_value(rr)?;
                Ok((rr, (k, v)))
            })?;
            (r, Value::MboxCount { kind, value })
        }
        ValueKind::Attribute => {
            let (r, b) = token(i)?;
            (r, Value::Attribute(FieldCode(b & 0x7F)))
        }
        ValueKind::ElementDescriptor => {
            let (r, region) = value_length_region(i)?;
            let (mut rr, reference) = text_string(region)?;
            let mut params = Vec::new();
            while !rr.is_empty() {
                if params.len() >= limits.max_parameters {
                    return fail(
                        rr,
                        "X-Mms-Element-Descriptor",
                        ErrorKind::LimitExceeded {
                            what: "parameters",
                            limit: limits.max_parameters,
                        },
                    );
                }
                let (x, n) = element_item(rr)?;
                let (x, v) = element_item(x)?;
                params.push((n, v));
                rr = x;
            }
            (r, Value::ElementDescriptor { reference, params })
        }
        ValueKind::CountedText if short_len_first => {
            counted(i, |x| text_string(x).map(|(r, t)| (r, Value::Text(t))))?
        }
        ValueKind::CountedText => {
            let (r, t) = text_string(i)?;
            (r, Value::Text(t))
        }
        ValueKind::CountedToken(_) if short_len_first => {
            counted(i, |x| token(x).map(|(r, t)| (r, Value::Token(t))))?
        }
        ValueKind::CountedToken(_) => {
            let (r, b) = token(i)?;
            (r, Value::Token(b))
        }
        ValueKind::CountedEncodedString
            // m-mbox-delete-conf (0x92) and m-delete-conf (0x95), MMS_ENC 1.3 §7.3.49.
            if short_len_first && matches!(message_type, Some(0x92) | Some(0x95)) =>
        {
            counted(i, |x| {
                encoded_string_value(x).map(|(r, s)| (r, Value::EncodedString(s)))
            })?
        }
        ValueKind::CountedEncodedString => {
            let (r, s) = encoded_string_value(i)?;
            (r, Value::EncodedString(s))
        }
        ValueKind::Raw => {
            let (r, raw) = crate::wsp::headers::wap_value(i)?;
            (r, Value::Raw(Cow::Borrowed(raw)))
        }
    })
}

fn counted<'a>(
    i: &'a [u8],
    inner: impl FnOnce(&'a [u8]) -> PResult<'a, Value<'a>>,
) -> PResult<'a, Value<'a>> {
    let (r, region) = value_length_region(i)?;
    let (_, v) = no_trailing(region, "status-count value", |reg| {
        let (rr, count) = integer_value(reg)?;
        let (rr, v) = inner(rr)?;
        Ok((
            rr,
            Value::Counted {
                count,
                value: Box::new(v),
            },
        ))
    })?;
    Ok((r, v))
}

fn element_item(i: &[u8]) -> PResult<'_, ElementItem<'_>> {
    match i.first() {
        Some(&b) if b >= 0x80 => Ok((&i[1..], ElementItem::Short(b & 0x7F))),
        _ => text_string(i).map(|(r, t)| (r, ElementItem::Text(t))),
    }
}

/// A single token octet (high bit set).
#[inline]
fn token(i: &[u8]) -> PResult<'_, u8> {
    let (r, b) = octet(i, "token")?;
    if b < 0x80 {
        return fail(
            i,
            "token",
            ErrorKind::Unexpected {
                expected: "a token octet (0x80-0xFF)",
                found: b,
            },
        );
    }
    Ok((r, b))
}

fn element_len(e: &ElementItem<'_>) -> usize {
    match e {
        ElementItem::Short(_) => 1,
        ElementItem::Text(t) => t.text_string_len(),
    }
}

fn put_element<B: BufMut>(e: &ElementItem<'_>, out: &mut B) {
    match e {
        ElementItem::Short(v) => out.put_u8(0x80 | v),
        ElementItem::Text(t) => t.put_text_string(out),
    }
}

impl<'a> Value<'a> {
    /// Octets of the region a value-length prefixes, for the composite forms.
    fn region_len(&self) -> usize {
        match self {
            Value::From(FromValue::Address(s)) => 1 + s.encoded_len(),
            Value::From(FromValue::InsertAddress) => 1,
            Value::Time(Time::Absolute(v)) | Value::Time(Time::Relative(v)) => {
                1 + long_integer_len(*v)
            }
            Value::PreviouslySentBy { count, address } => {
                integer_value_len(*count) + address.encoded_len()
            }
            Value::PreviouslySentDate { count, date } => {
                integer_value_len(*count) + long_integer_len(*date)
            }
            Value::MmFlags { flag, .. } => 1 + flag.encoded_len(),
            Value::MboxCount { value, .. } => 1 + integer_value_len(*value),
            Value::ElementDescriptor { reference, params } => {
                reference.text_string_len()
                    + params
                        .iter()
                        .map(|(n, v)| element_len(n) + element_len(v))
                        .sum::<usize>()
            }
            Value::Counted { count, value } => integer_value_len(*count) + value.encoded_len(),
            _ => 0,
        }
    }
    fn is_length_prefixed(&self) -> bool {
        matches!(
            self,
            Value::From(_)
                | Value::Time(_)
                | Value::PreviouslySentBy { .. }
                | Value::PreviouslySentDate { .. }
                | Value::MmFlags { .. }
                | Value::MboxCount { .. }
                | Value::ElementDescriptor { .. }
                | Value::Counted { .. }
        )
    }
    /// Encoded length of the value (without the field code).
    pub fn encoded_len(&self) -> usize {
        if self.is_length_prefixed() {
            let r = self.region_len();
            return value_length_len(r as u32) + r;
        }
        match self {
            Value::Text(t) => t.text_string_len(),
            Value::EncodedString(s) => s.encoded_len(),
            Value::Long(v) => long_integer_len(*v),
            Value::Integer(v) => integer_value_len(*v),
            Value::Token(_) | Value::Version(_) | Value::Attribute(_) => 1,
            Value::MessageClass(MessageClass::Token(_)) => 1,
            Value::MessageClass(MessageClass::Text(t)) => t.len() + 1,
            Value::ContentType(ct) => ct.encoded_len(),
            Value::Raw(r) => r.len(),
            _ => 0,
        }
    }
    /// Checks that the value can be written: lengths fit, tokens have their
    /// high bit, untagged text holds no NUL.
    pub fn validate(&self, field: FieldCode) -> Result<(), EncodeError> {
        let ctx = field.name().unwrap_or("header");
        if self.is_length_prefixed() {
            wire_len(self.region_len(), ctx)?;
        }
        match self {
            Value::Token(b)
            | Value::MessageClass(MessageClass::Token(b))
            | Value::MmFlags { op: b, .. }
            | Value::MboxCount { kind: b, .. }
                if *b < 0x80 =>
            {
                Err(EncodeError::new(ctx, "token octet without its high bit"))
            }
            Value::Attribute(c) if c.0 >= 0x80 => {
                Err(EncodeError::new(ctx, "field code above 0x7F"))
            }
            Value::Version(v) if v.major > 7 || v.minor > 15 => {
                Err(EncodeError::new(ctx, "version out of range"))
            }
            Value::EncodedString(s)
            | Value::From(FromValue::Address(s))
            | Value::PreviouslySentBy { address: s, .. }
            | Value::MmFlags { flag: s, .. } => s.validate(),
            Value::ContentType(ct) => ct.validate(),
            Value::Counted { value, .. } => value.validate(field),
            _ => Ok(()),
        }
    }
    /// Writes the value (without the field code).
    pub fn encode<B: BufMut>(&self, out: &mut B) {
        if self.is_length_prefixed() {
            put_value_length(self.region_len() as u32, out);
        }
        match self {
            Value::Text(t) => t.put_text_string(out),
            Value::EncodedString(s) => s.encode(out),
            Value::From(FromValue::Address(s)) => {
                out.put_u8(0x80);
                s.encode(out);
            }
            Value::From(FromValue::InsertAddress) => out.put_u8(0x81),
            Value::Long(v) => put_long_integer(*v, out),
            Value::Integer(v) => put_integer_value(*v, out),
            Value::Token(b) => out.put_u8(*b),
            Value::Version(v) => out.put_u8(v.octet()),
            Value::MessageClass(MessageClass::Token(b)) => out.put_u8(*b),
            Value::MessageClass(MessageClass::Text(t)) => {
                out.put_slice(t.as_bytes());
                out.put_u8(0);
            }
            Value::Time(Time::Absolute(v)) => {
                out.put_u8(0x80);
                put_long_integer(*v, out);
            }
            Value::Time(Time::Relative(v)) => {
                out.put_u8(0x81);
                put_long_integer(*v, out);
            }
            Value::ContentType(ct) => ct.encode(out),
            Value::PreviouslySentBy { count, address } => {
                put_integer_value(*count, out);
                address.encode(out);
            }
            Value::PreviouslySentDate { count, date } => {
                put_integer_value(*count, out);
                put_long_integer(*date, out);
            }
            Value::MmFlags { op, flag } => {
                out.put_u8(*op);
                flag.encode(out);
            }
            Value::MboxCount { kind, value } => {
                out.put_u8(*kind);
                put_integer_value(*value, out);
            }
            Value::Attribute(c) => out.put_u8(0x80 | c.0),
            Value::ElementDescriptor { reference, params } => {
                reference.put_text_string(out);
                for (n, v) in params {
                    put_element(n, out);
                    put_element(v, out);
                }
            }
            Value::Counted { count, value } => {
                put_integer_value(*count, out);
                value.encode(out);
            }
            Value::Raw(r) => out.put_slice(r),
        }
    }
    /// A copy that owns its octets.
    pub fn into_owned(self) -> Value<'static> {
        use super::typed::IntoStatic;
        match self {
            Value::Text(t) => Value::Text(t.into_owned()),
            Value::EncodedString(s) => Value::EncodedString(s.into_owned()),
            Value::From(f) => Value::From(f.into_static()),
            Value::Long(v) => Value::Long(v),
            Value::Integer(v) => Value::Integer(v),
            Value::Token(v) => Value::Token(v),
            Value::Version(v) => Value::Version(v),
            Value::MessageClass(c) => Value::MessageClass(c.into_static()),
            Value::Time(t) => Value::Time(t),
            Value::ContentType(ct) => Value::ContentType(ct.into_owned()),
            Value::PreviouslySentBy { count, address } => Value::PreviouslySentBy {
                count,
                address: address.into_owned(),
            },
            Value::PreviouslySentDate { count, date } => Value::PreviouslySentDate { count, date },
            Value::MmFlags { op, flag } => Value::MmFlags {
                op,
                flag: flag.into_owned(),
            },
            Value::MboxCount { kind, value } => Value::MboxCount { kind, value },
            Value::Attribute(c) => Value::Attribute(c),
            Value::ElementDescriptor { reference, params } => Value::ElementDescriptor {
                reference: reference.into_owned(),
                params: params
                    .into_iter()
                    .map(|(n, v)| (n.into_static(), v.into_static()))
                    .collect(),
            },
            Value::Counted { count, value } => Value::Counted {
                count,
                value: Box::new(value.into_owned()),
            },
            Value::Raw(r) => Value::Raw(Cow::Owned(r.into_owned())),
        }
    }
}

/// The name of an X-Mms-MM-Flags operation token (`Add`, `Remove`, `Filter`).
pub fn mm_flags_op_name(op: u8) -> Option<&'static str> {
    super::tables::MM_FLAGS_OP
        .iter()
        .find(|(c, _)| *c == op)
        .map(|&(_, n)| n)
}

/// The name of an X-Mms-Mbox-Totals / -Quotas kind token (`Message`, `Size`).
pub fn mbox_count_kind_name(kind: u8) -> Option<&'static str> {
    super::tables::MBOX_COUNT_KIND
        .iter()
        .find(|(c, _)| *c == kind)
        .map(|&(_, n)| n)
}

#[cfg(test)]
mod utc_date {
    use super::UtcDate;
    use alloc::string::ToString;

    #[test]
    fn known_dates() {
        for (secs, want) in [
            (0, "1970-01-01T00:00:00Z"),
            (1_163_578_981, "2006-11-15T08:23:01Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (951_868_799, "2000-02-29T23:59:59Z"),
            (4_107_542_400, "2100-03-01T00:00:00Z"),
            (1_795_742_767, "2026-11-27T01:26:07Z"),
            (253_402_300_799, "9999-12-31T23:59:59Z"),
            (253_402_300_800, "@253402300800"),
        ] {
            assert_eq!(UtcDate(secs).to_string(), want, "{secs}");
        }
    }

    #[test]
    fn consecutive_days_step_by_one() {
        // Every day from 1970 to 2400: the next day is the day after.
        let mut prev = UtcDate(0).civil().unwrap();
        for day in 1..157_000u64 {
            let (y, m, d, ..) = UtcDate(day * 86_400).civil().unwrap();
            let py = prev.0;
            let leap = (py % 4 == 0 && py % 100 != 0) || py % 400 == 0;
            let len = [
                31,
                if leap { 29 } else { 28 },
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ][usize::from(prev.1) - 1];
            let want = if prev.2 < len {
                (prev.0, prev.1, prev.2 + 1)
            } else if prev.1 < 12 {
                (prev.0, prev.1 + 1, 1)
            } else {
                (prev.0 + 1, 1, 1)
            };
            assert_eq!((y, m, d), want, "day {day}");
            prev = (y, m, d, 0, 0, 0);
        }
    }
}
