//! Content-Transfer-Encoding of parts: base64 (RFC 2045 §6.8) and
//! quoted-printable (RFC 2045 §6.7), undone on request.

use alloc::vec::Vec;

/// A transfer-encoded part that cannot be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[error("{encoding}: invalid octet 0x{octet:02X} at offset {offset} of the part data")]
pub struct TransferError {
    /// `base64` or `quoted-printable`.
    pub encoding: &'static str,
    /// Offset in the part data.
    pub offset: usize,
    /// The offending octet.
    pub octet: u8,
}

/// The value of a base64 digit (RFC 2045 §6.8, Table 1).
pub(crate) fn b64_value(c: u8) -> Option<u8> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    })
}

/// Decodes base64, skipping whitespace; stops at the first `=` pad.
pub(crate) fn base64_decode(data: &[u8]) -> Result<Vec<u8>, TransferError> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (k, &c) in data.iter().enumerate() {
        if c.is_ascii_whitespace() {
            continue;
        }
        if c == b'=' {
            break;
        }
        let v = b64_value(c).ok_or(TransferError {
            encoding: "base64",
            offset: k,
            octet: c,
        })?;
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Decodes quoted-printable: `=XX` escapes and `=` soft line breaks.
pub(crate) fn quoted_printable_decode(data: &[u8]) -> Result<Vec<u8>, TransferError> {
    let mut out = Vec::with_capacity(data.len());
    let mut k = 0;
    while k < data.len() {
        let c = data[k];
        if c != b'=' {
            out.push(c);
            k += 1;
            continue;
        }
        match (data.get(k + 1), data.get(k + 2)) {
            (Some(b'\r'), Some(b'\n')) => k += 3,
            (Some(b'\n'), _) => k += 2,
            (Some(&a), Some(&b)) if hex(a).is_some() && hex(b).is_some() => {
                out.push(hex(a).unwrap_or(0) << 4 | hex(b).unwrap_or(0));
                k += 3;
            }
            (None, _) => k += 1,
            _ => {
                return Err(TransferError {
                    encoding: "quoted-printable",
                    offset: k,
                    octet: c,
                })
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_with_line_breaks_and_padding() {
        assert_eq!(base64_decode(b"aGVs\r\nbG8=").unwrap(), b"hello");
        assert_eq!(base64_decode(b"").unwrap(), b"");
        assert_eq!(base64_decode(b"a!").unwrap_err().offset, 1);
    }

    #[test]
    fn quoted_printable_escapes_and_soft_breaks() {
        assert_eq!(
            quoted_printable_decode(b"a=3Db=\r\nc=\nd").unwrap(),
            b"a=bcd"
        );
        assert!(quoted_printable_decode(b"=ZZ").is_err());
        assert_eq!(quoted_printable_decode(b"x=").unwrap(), b"x");
    }
}
