//! MMS addresses (MMS_ENC 1.3 §8, the addressing model):
//!
//! ```text
//! address        = e-mail / device-address
//! device-address = global-phone-number "/TYPE=PLMN"
//!                / ipv4 "/TYPE=IPv4" / ipv6 "/TYPE=IPv6"
//!                / escaped-value "/TYPE=" address-type
//! global-phone-number = ["+"] 1*(DIGIT / written-sep)    ; written-sep = "-" / "."
//! ipv4 = 1*3DIGIT 3("." 1*3DIGIT)
//! ipv6 = 4HEXDIG 7(":" 4HEXDIG)
//! ```

use core::fmt;

/// A parsed MMS address, borrowing its text.
/// Follows the addressing model of MMS_ENC 1.3 §8 (`/TYPE=PLMN`, `IPv4`, `IPv6`, e-mail).
///
/// ```
/// use mms_pdu::mms::address::Address;
/// let a = Address::parse("+33612345678/TYPE=PLMN")?;
/// assert_eq!(a, Address::Phone("+33612345678"));
/// assert_eq!(Address::parse("+33612345678")?.to_string(), "+33612345678/TYPE=PLMN");
/// assert_eq!(Address::parse("alice@example.com")?, Address::Email("alice@example.com"));
/// assert!(Address::parse("12.3.4/TYPE=IPv4").is_err());
/// # Ok::<(), mms_pdu::mms::address::AddressError>(())
/// ```
///
/// Non-exhaustive: a later MMS version may name more address types (they
/// decode as [`Address::Other`] until then).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum Address<'a> {
    /// A phone number (`/TYPE=PLMN`).
    Phone(&'a str),
    /// An IPv4 address (`/TYPE=IPv4`).
    Ipv4(&'a str),
    /// An IPv6 address (`/TYPE=IPv6`).
    Ipv6(&'a str),
    /// An e-mail address.
    Email(&'a str),
    /// Another address type (`value/TYPE=kind`).
    Other {
        /// The value.
        value: &'a str,
        /// The address type.
        kind: &'a str,
    },
}

/// An address that does not follow the addressing model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[error("malformed MMS address: {reason}")]
pub struct AddressError {
    /// Why.
    pub reason: &'static str,
}

fn err(reason: &'static str) -> AddressError {
    AddressError { reason }
}

fn is_phone(s: &str) -> bool {
    let digits = s.strip_prefix('+').unwrap_or(s);
    digits.bytes().any(|b| b.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'-' || b == b'.')
}

fn is_ipv4(s: &str) -> bool {
    let parts: alloc::vec::Vec<&str> = s.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            (1..=3).contains(&p.len())
                && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u8>().is_ok()
        })
}

fn is_ipv6(s: &str) -> bool {
    let parts: alloc::vec::Vec<&str> = s.split(':').collect();
    parts.len() == 8
        && parts
            .iter()
            .all(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn is_email(s: &str) -> bool {
    match s.rsplit_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && s.bytes().all(|b| b.is_ascii_graphic())
        }
        None => false,
    }
}

impl<'a> Address<'a> {
    /// Parses an address. A bare phone number (no `/TYPE=`) is accepted as
    /// `Phone`; other forms must follow the addressing model.
    pub fn parse(s: &'a str) -> Result<Self, AddressError> {
        if let Some((value, kind)) = s.rsplit_once("/TYPE=") {
            if value.is_empty() {
                return Err(err("empty address value"));
            }
            return if kind.eq_ignore_ascii_case("PLMN") {
                is_phone(value)
                    .then_some(Address::Phone(value))
                    .ok_or(err("not a phone number"))
            } else if kind.eq_ignore_ascii_case("IPv4") {
                is_ipv4(value)
                    .then_some(Address::Ipv4(value))
                    .ok_or(err("not an IPv4 address"))
            } else if kind.eq_ignore_ascii_case("IPv6") {
                is_ipv6(value)
                    .then_some(Address::Ipv6(value))
                    .ok_or(err("not a full IPv6 address (8 groups of 4 hex digits)"))
            } else if !kind.is_empty()
                && kind.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            {
                Ok(Address::Other { value, kind })
            } else {
                Err(err("bad address type"))
            };
        }
        if s.contains('@') {
            return is_email(s)
                .then_some(Address::Email(s))
                .ok_or(err("not an e-mail address"));
        }
        if is_phone(s) {
            return Ok(Address::Phone(s));
        }
        Err(err("neither an e-mail address nor value/TYPE=type"))
    }
}

impl<'a> TryFrom<&'a str> for Address<'a> {
    type Error = AddressError;
    /// [`Address::parse`].
    ///
    /// ```
    /// use mms_pdu::mms::address::Address;
    /// let a = Address::try_from("+15551234567/TYPE=PLMN")?;
    /// assert_eq!(a, Address::Phone("+15551234567"));
    /// # Ok::<(), mms_pdu::mms::address::AddressError>(())
    /// ```
    fn try_from(s: &'a str) -> Result<Self, AddressError> {
        Address::parse(s)
    }
}

impl fmt::Display for Address<'_> {
    /// The wire form: `value/TYPE=…` or the e-mail address.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Address::Phone(v) => write!(f, "{v}/TYPE=PLMN"),
            Address::Ipv4(v) => write!(f, "{v}/TYPE=IPv4"),
            Address::Ipv6(v) => write!(f, "{v}/TYPE=IPv6"),
            Address::Email(v) => f.write_str(v),
            Address::Other { value, kind } => write!(f, "{value}/TYPE={kind}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn parses_and_formats_every_form() {
        for (s, want) in [
            ("+33612345678/TYPE=PLMN", Address::Phone("+33612345678")),
            ("0612-34.56/TYPE=plmn", Address::Phone("0612-34.56")),
            ("192.168.0.1/TYPE=IPv4", Address::Ipv4("192.168.0.1")),
            (
                "2001:0db8:0000:0000:0000:0000:0000:0001/TYPE=IPv6",
                Address::Ipv6("2001:0db8:0000:0000:0000:0000:0000:0001"),
            ),
            ("bob@example.org", Address::Email("bob@example.org")),
            (
                "x%2Fy/TYPE=custom_1",
                Address::Other {
                    value: "x%2Fy",
                    kind: "custom_1",
                },
            ),
        ] {
            assert_eq!(Address::parse(s), Ok(want), "{s}");
        }
        assert_eq!(Address::Ipv4("10.0.0.1").to_string(), "10.0.0.1/TYPE=IPv4");
    }

    #[test]
    fn rejects_malformed_addresses() {
        for s in [
            "",
            "/TYPE=PLMN",
            "+33abc/TYPE=PLMN",
            "300.1.1.1/TYPE=IPv4",
            "::1/TYPE=IPv6",
            "bob@",
            "@x.org",
            "a b@x.org",
            "hello",
            "x/TYPE=",
            "x/TYPE=a-b",
        ] {
            assert!(Address::parse(s).is_err(), "{s}");
        }
    }
}
