//! Character sets: the [`Charset`] code space by IANA MIBenum (WAP-230
//! §8.4.2.8, Appendix A Table 42) and text in a charset to Unicode and back
//! ([`decode`], [`encode`]).
//!
//! This is the one home of charset knowledge. It sits below the WSP text
//! rules (`Encoded-string-value`, `Text-string`) and imports nothing above
//! the integer primitives and the code tables; the conveniences that take
//! WSP values ([`EncodedString::decode_text`](super::EncodedString::decode_text),
//! [`Part::text`](super::Part::text), [`encoded_string`](super::encoded_string))
//! are written beside those types.

use core::fmt;

use bytes::BufMut;

use super::int::{integer_value_len, put_integer_value};
use super::tables::CHARSETS;

mod codec;
pub(crate) use codec::unreadable;
pub use codec::{decode, encode, DecodedText, Reading, UnsupportedCharset};

/// A character set, by its IANA MIBenum, as WSP carries it
/// (`Well-known-charset = Any-charset | Integer-value`, WAP-230 §8.4.2.8).
///
/// An open code space: any value decodes and encodes; the ones the crate
/// knows have a name.
///
/// ```
/// use mms_pdu::wsp::Charset;
/// assert_eq!(Charset::UTF_8.name(), Some("utf-8"));
/// assert_eq!(Charset::from_name("Shift_JIS"), Some(Charset(17)));
/// assert_eq!(format!("{:?}", Charset(2026)), "big5");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Charset(pub u32);

impl Charset {
    /// `Any-charset` (`<Octet 128>`, the integer 0): `*`.
    pub const ANY: Charset = Charset(0);
    // The named charsets (`Charset::UTF_8` …) are written once, in the rows
    // of `CHARSETS` (wsp/tables.rs).

    /// The lower-case IANA name, `*` for Any-charset; `None` when unknown.
    pub fn name(self) -> Option<&'static str> {
        if self == Charset::ANY {
            return Some("*");
        }
        CHARSETS
            .binary_search_by_key(&self.0, |&(c, _)| c)
            .ok()
            .map(|k| CHARSETS[k].1)
    }
    /// Looks a charset up by name, case-insensitively (`*` is Any-charset).
    pub fn from_name(name: &str) -> Option<Charset> {
        if name == "*" {
            return Some(Charset::ANY);
        }
        CHARSETS
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(name))
            .map(|&(c, _)| Charset(c))
    }
    /// Octets on the wire (an integer-value).
    pub fn encoded_len(self) -> usize {
        integer_value_len(u64::from(self.0))
    }
    /// Writes the charset as an integer-value (Any-charset is `0x80`).
    pub fn encode<B: BufMut>(self, out: &mut B) {
        put_integer_value(u64::from(self.0), out);
    }
}

impl fmt::Debug for Charset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(n) => f.write_str(n),
            None => write!(f, "Charset({})", self.0),
        }
    }
}

impl fmt::Display for Charset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(n) => f.write_str(n),
            None => write!(f, "mibenum-{}", self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    #[test]
    fn knows_the_charsets_mms_peers_use() {
        for (mib, name) in [
            (3, "us-ascii"),
            (4, "iso-8859-1"),
            (5, "iso-8859-2"),
            (6, "iso-8859-3"),
            (7, "iso-8859-4"),
            (8, "iso-8859-5"),
            (9, "iso-8859-6"),
            (10, "iso-8859-7"),
            (11, "iso-8859-8"),
            (12, "iso-8859-9"),
            (17, "shift_jis"),
            (38, "euc-kr"),
            (39, "iso-2022-jp"),
            (106, "utf-8"),
            (1000, "iso-10646-ucs-2"),
            (1015, "utf-16"),
            (2025, "gb2312"),
            (2026, "big5"),
        ] {
            assert_eq!(Charset(mib).name(), Some(name), "{mib}");
            assert_eq!(Charset::from_name(name), Some(Charset(mib)));
        }
        assert_eq!(Charset::ANY.name(), Some("*"));
    }

    #[test]
    fn table_is_sorted_and_every_entry_round_trips_on_the_wire() {
        assert!(CHARSETS.windows(2).all(|w| w[0].0 < w[1].0));
        for &(mib, _) in CHARSETS {
            let mut out = Vec::new();
            Charset(mib).encode(&mut out);
            assert_eq!(out.len(), Charset(mib).encoded_len());
            let (rest, back) = super::super::text::charset(&out).unwrap();
            assert!(rest.is_empty());
            assert_eq!(back, Charset(mib));
        }
        let mut out = Vec::new();
        Charset::ANY.encode(&mut out);
        assert_eq!(out, [0x80]);
    }
}
