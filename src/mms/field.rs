//! The MMS header field table (MMS_ENC 1.3 §7.3, §7.4 Table 25): one row per
//! field code with its name, the version that introduced it and the grammar
//! of its value. Decoder, encoder and dump all read this one table.

use core::fmt;

use super::tables::{
    CANCEL_STATUS, CONTENT_CLASS, FIELD_NAMES, MESSAGE_CLASS, MESSAGE_TYPES, MM_STATE, PRIORITY,
    READ_STATUS, RECOMMENDED_RETRIEVAL_MODE, REPLY_CHARGING, RESPONSE_STATUS, RETRIEVE_STATUS,
    SENDER_VISIBILITY, STATUS, STORE_STATUS, YES_NO,
};

/// An MMS header field code (MMS_ENC 1.3 §7.4 Table 25), without the high
/// bit that marks it on the wire. An open code space: unknown codes decode
/// (their value kept raw) and encode.
///
/// ```
/// use mms_pdu::FieldCode;
/// assert_eq!(FieldCode::SUBJECT.name(), Some("Subject"));
/// assert_eq!(FieldCode::from_name("x-mms-mms-version"), Some(FieldCode::MMS_VERSION));
/// assert_eq!(format!("{:?}", FieldCode(0x5A)), "FieldCode(0x5a)");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldCode(pub u8);

// The named codes (`FieldCode::BCC` …) are written once, with their names
// and versions: `FIELD_NAMES` in tables.rs.

impl FieldCode {
    /// The row of `FIELD_NAMES`: the codes run from 0x01 without a gap,
    /// so the row of code `c` is at `c - 1` (a search if that ever changes).
    fn row(self) -> Option<&'static (u8, &'static str, u8)> {
        match FIELD_NAMES.get(usize::from(self.0).wrapping_sub(1)) {
            Some(r) if r.0 == self.0 => Some(r),
            _ => FIELD_NAMES
                .binary_search_by_key(&self.0, |&(c, _, _)| c)
                .ok()
                .map(|k| &FIELD_NAMES[k]),
        }
    }
    /// The header name as MMS_ENC's table spells it; `None` for an unknown code.
    pub fn name(self) -> Option<&'static str> {
        self.row().map(|r| r.1)
    }
    /// The MMS version that introduced the field, as (major, minor).
    pub fn since(self) -> Option<(u8, u8)> {
        self.row().map(|r| (r.2 >> 4, r.2 & 0x0F))
    }
    /// Looks a field up by name, case-insensitively (`X-Mms-Read-Reply`, the
    /// MMS 1.0 name of 0x10, is accepted too).
    pub fn from_name(name: &str) -> Option<FieldCode> {
        if name.eq_ignore_ascii_case("X-Mms-Read-Reply") {
            return Some(FieldCode::READ_REPORT);
        }
        FIELD_NAMES
            .iter()
            .find(|(_, n, _)| n.eq_ignore_ascii_case(name))
            .map(|&(c, _, _)| FieldCode(c))
    }
    /// The grammar of the field's value, as the decoder and encoder use it.
    ///
    /// ```
    /// use mms_pdu::mms::ValueKind;
    /// use mms_pdu::FieldCode;
    /// assert_eq!(FieldCode::SUBJECT.grammar(), ValueKind::EncodedString);
    /// assert_eq!(FieldCode::EXPIRY.grammar(), ValueKind::Time);
    /// ```
    pub fn grammar(self) -> ValueKind {
        // One table lookup: the decoder asks this once per header.
        match GRAMMARS.get(usize::from(self.0)) {
            Some(&g) => g,
            None => ValueKind::Raw,
        }
    }
    /// For single-octet token fields, the table of token names.
    pub fn tokens(self) -> Option<&'static [(u8, &'static str)]> {
        match self.grammar() {
            ValueKind::Token(t) | ValueKind::CountedToken(t) => Some(t),
            ValueKind::MessageClass => Some(MESSAGE_CLASS),
            _ => None,
        }
    }
    /// The name of token `octet` of this field (`Yes`, `m-send-req`, `High`, …).
    ///
    /// ```
    /// use mms_pdu::FieldCode;
    /// assert_eq!(FieldCode::RESPONSE_STATUS.token_name(0x80), Some("Ok"));
    /// assert_eq!(FieldCode::DELIVERY_REPORT.token_name(0x81), Some("No"));
    /// ```
    pub fn token_name(self, octet: u8) -> Option<&'static str> {
        let t = self.tokens()?;
        t.binary_search_by_key(&octet, |&(c, _)| c)
            .ok()
            .map(|k| t[k].1)
    }
    /// The token octet named `name` in this field's table (case-insensitive;
    /// spaces, `-` and `_` compare equal).
    pub fn token_code(self, name: &str) -> Option<u8> {
        self.tokens()?
            .iter()
            .find(|(_, n)| loose_eq(n, name))
            .map(|&(c, _)| c)
    }
}

/// Compares token names case-insensitively with spaces, `-` and `_` alike.
pub(crate) fn loose_eq(a: &str, b: &str) -> bool {
    let norm = |c: u8| match c {
        b' ' | b'-' | b'_' => b'-',
        c => c.to_ascii_lowercase(),
    };
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| norm(x) == norm(y))
}

impl fmt::Debug for FieldCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(n) => f.write_str(n),
            None => write!(f, "FieldCode(0x{:02x})", self.0),
        }
    }
}

impl fmt::Display for FieldCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(n) => f.write_str(n),
            None => write!(f, "0x{:02x}", self.0),
        }
    }
}

/// The value grammar of a field (MMS_ENC 1.3 §7.3.x): which [`Value`](crate::Value)
/// variant it decodes to and how it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ValueKind {
    /// `Encoded-string-value` (§7.2.9): Subject, the -Text fields, and the
    /// addresses To / Cc / Bcc (§7.3.7, §7.3.47).
    EncodedString,
    /// From (§7.3.21): `Value-length (Address-present-token Encoded-string-value | Insert-address-token)`.
    From,
    /// `Text-string` (Transaction-Id, Message-ID, the IDs of §7.3.x).
    Text,
    /// `Long-integer` (Date-value §7.3.13, Message-Size §7.3.29, Reply-Charging-Size §7.3.44).
    Long,
    /// `Integer-value` (X-Mms-Message-Count, X-Mms-Start, X-Mms-Limit).
    Integer,
    /// One token octet from the table (octet, MMS_ENC name).
    Token(&'static [(u8, &'static str)]),
    /// `MMS-version-value = Short-integer` (§7.3.33).
    Version,
    /// `Message-class-value = Class-identifier | Token-text` (§7.3.27).
    MessageClass,
    /// `Value-length (Absolute-token Date-value | Relative-token Delta-seconds-value)`
    /// (Expiry §7.3.20, Delivery-Time §7.3.14, Reply-Charging-Deadline §7.3.40).
    Time,
    /// `Content-type-value` (§7.3.11, WAP-230 §8.4.2.24).
    ContentType,
    /// X-Mms-Previously-Sent-By (§7.3.37): `Value-length Forwarded-count-value Encoded-string-value`.
    PreviouslySentBy,
    /// X-Mms-Previously-Sent-Date (§7.3.38): `Value-length Forwarded-count-value Date-value`.
    PreviouslySentDate,
    /// X-Mms-MM-Flags (§7.3.24): `Value-length (Add-token | Remove-token | Filter-token) Encoded-string-value`.
    MmFlags,
    /// X-Mms-Mbox-Totals / -Quotas (§7.3.25, §7.3.26):
    /// `Value-length (Message-token | Size-token) Integer-value`.
    MboxCount,
    /// X-Mms-Attributes (§7.3.6): a field code as a Short-integer.
    Attribute,
    /// X-Mms-Element-Descriptor (§7.3.18):
    /// `Value-length Content-Reference-value *(Parameter)`.
    ElementDescriptor,
    /// X-Mms-Content-Location (§7.3.10): `Uri-value`, or in m-delete-conf /
    /// m-mbox-delete-conf `Value-length Status-count-value Uri-value`.
    CountedText,
    /// X-Mms-Response-Status (§7.3.48): a token, or the counted form of the
    /// delete confirmations.
    CountedToken(&'static [(u8, &'static str)]),
    /// X-Mms-Response-Text (§7.3.49): an Encoded-string-value, or the
    /// counted form of the delete confirmations.
    CountedEncodedString,
    /// No value grammar of its own (Content, Additional-headers) or an
    /// unknown code: the generic WAP-230 §8.4.1.2 extent, kept raw.
    Raw,
}

/// [`grammar`] for every code 0x00–0x7F, built at compile time.
static GRAMMARS: [ValueKind; 128] = {
    let mut t = [ValueKind::Raw; 128];
    let mut c = 0;
    while c < 128 {
        t[c] = grammar(c as u8);
        c += 1;
    }
    t
};

const fn grammar(code: u8) -> ValueKind {
    use ValueKind as G;
    match code {
        0x01 | 0x02 | 0x17 => G::EncodedString,
        0x03 => G::CountedText,
        0x04 => G::ContentType,
        0x05 | 0x0E | 0x1F => G::Long,
        0x06 | 0x10 | 0x11 | 0x22 | 0x27 | 0x29 | 0x2B | 0x31 | 0x3B | 0x3C => G::Token(YES_NO),
        0x07 | 0x08 | 0x1D => G::Time,
        0x09 => G::From,
        0x0A => G::MessageClass,
        0x0B | 0x18 | 0x1E | 0x37 | 0x38 | 0x39 | 0x3D | 0x3E => G::Text,
        0x0C => G::Token(MESSAGE_TYPES),
        0x0D => G::Version,
        0x0F => G::Token(PRIORITY),
        0x12 => G::CountedToken(RESPONSE_STATUS),
        0x13 => G::CountedEncodedString,
        0x14 => G::Token(SENDER_VISIBILITY),
        0x15 => G::Token(STATUS),
        0x16 | 0x1A | 0x26 | 0x35 | 0x36 => G::EncodedString,
        0x19 => G::Token(RETRIEVE_STATUS),
        0x1B => G::Token(READ_STATUS),
        0x1C => G::Token(REPLY_CHARGING),
        0x20 => G::PreviouslySentBy,
        0x21 => G::PreviouslySentDate,
        0x23 => G::Token(MM_STATE),
        0x24 => G::MmFlags,
        0x25 => G::Token(STORE_STATUS),
        0x28 => G::Attribute,
        0x2A | 0x2C => G::MboxCount,
        0x2D | 0x2F | 0x33 => G::Integer,
        0x32 => G::ElementDescriptor,
        0x34 => G::Token(RECOMMENDED_RETRIEVAL_MODE),
        0x3A => G::Token(CONTENT_CLASS),
        0x3F => G::Token(CANCEL_STATUS),
        _ => G::Raw,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_field_has_a_grammar_and_round_trips_its_name() {
        assert!(FIELD_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        for &(code, name, _) in FIELD_NAMES {
            assert_eq!(FieldCode::from_name(name), Some(FieldCode(code)));
            let raw_ok = matches!(code, 0x2E | 0x30);
            assert_eq!(
                FieldCode(code).grammar() == ValueKind::Raw,
                raw_ok,
                "{name}"
            );
        }
        assert_eq!(FIELD_NAMES.len(), 0x3F);
    }

    #[test]
    fn token_tables_are_sorted_and_named_loosely() {
        for code in 1..0x40u8 {
            if let Some(t) = FieldCode(code).tokens() {
                assert!(t.windows(2).all(|w| w[0].0 < w[1].0), "{code:#x}");
                for &(octet, name) in t {
                    assert_eq!(FieldCode(code).token_code(name), Some(octet));
                    assert_eq!(
                        FieldCode(code).token_code(&name.to_uppercase().replace(' ', "_")),
                        Some(octet)
                    );
                }
            }
        }
        assert_eq!(
            FieldCode::READ_STATUS.token_code("deleted-without-being-read"),
            Some(0x81)
        );
    }
}
