//! The GSM 7-bit default alphabet (3GPP TS 23.038 §6.2.1) and its
//! extension table (§6.2.1.1), and the packing of septets into SMS user
//! data (TS 23.038 §6.1.2.1.1, after a user-data header as TS 23.040
//! §9.2.3.24 says): what a text short message carries.
//!
//! ```text
//! septet  = %x00-7F           one character of the default alphabet
//! escaped = %x1B septet       one character of the extension table
//! TP-UD   = [UDH fill-bits] septet*   least significant bit first; the
//!           fill bits take the header to a septet boundary; TP-UDL
//!           counts septets, the header's included
//! ```
//!
//! ```
//! use mms_pdu::gsm7;
//! // TS 23.038 §6.1.2.1.1: "hellohello" packs into nine octets.
//! let septets = gsm7::encode("hellohello").unwrap();
//! let (ud, udl) = gsm7::pack(&[], &septets);
//! assert_eq!(ud, [0xE8, 0x32, 0x9B, 0xFD, 0x46, 0x97, 0xD9, 0xEC, 0x37]);
//! assert_eq!(udl, 10);
//! let (header, back) = gsm7::unpack(&ud, udl, false).unwrap();
//! assert!(header.is_empty());
//! assert_eq!(gsm7::decode(&back), "hellohello");
//! ```

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

/// The escape to the extension table (TS 23.038 §6.2.1, code 0x1B).
pub const ESCAPE: u8 = 0x1B;

/// The default alphabet (TS 23.038 §6.2.1), by septet value; the escape
/// (0x1B) stands as U+001B and is never a character of its own.
const ALPHABET: [char; 128] = [
    '@', '£', '$', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', '\n', 'Ø', 'ø', '\r', 'Å', 'å', //
    'Δ', '_', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', '\u{1b}', 'Æ', 'æ', 'ß', 'É', //
    ' ', '!', '"', '#', '¤', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/', //
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?', //
    '¡', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', //
    'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ä', 'Ö', 'Ñ', 'Ü', '§', //
    '¿', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', //
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ä', 'ö', 'ñ', 'ü', 'à', //
];

/// The extension table (TS 23.038 §6.2.1.1): the septet after an escape,
/// and its character. No entry is itself 0x1B, so an escape always
/// introduces the septet after it.
const EXTENSION: [(u8, char); 10] = [
    (0x0A, '\u{0C}'), // page break
    (0x14, '^'),
    (0x28, '{'),
    (0x29, '}'),
    (0x2F, '\\'),
    (0x3C, '['),
    (0x3D, '~'),
    (0x3E, ']'),
    (0x40, '|'),
    (0x65, '€'),
];

/// What goes wrong in this module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Gsm7Error {
    /// A character that neither the default alphabet nor its extension
    /// table holds.
    #[error("at offset {offset}: {found:?} is not in the GSM 7-bit default alphabet")]
    Unencodable {
        /// Its byte offset in the text.
        offset: usize,
        /// The character.
        found: char,
    },
    /// TP-UDL claims more septets than the user data holds.
    #[error(
        "at offset {found}: TP-UDL {udl} septets needs {needed} octets of user data, found {found}"
    )]
    Truncated {
        /// TP-UDL, in septets.
        udl: usize,
        /// The octets `udl` septets take.
        needed: usize,
        /// The octets there are.
        found: usize,
    },
    /// TP-UDHI is set but the user-data header does not fit.
    #[error("at offset 0: user-data header of {needed} octets (UDHL + 1) runs past the {found} octets of user data")]
    HeaderOverrun {
        /// UDHL + 1 (0 when the user data is empty).
        needed: usize,
        /// The octets there are.
        found: usize,
    },
}

/// The septets of one character: one from the default alphabet, an escape
/// and one from the extension table, or `None`.
fn septets_of(c: char) -> Option<([u8; 2], usize)> {
    if c != '\u{1b}' {
        if let Some(k) = ALPHABET.iter().position(|&g| g == c) {
            return Some(([k as u8, 0], 1));
        }
    }
    EXTENSION
        .iter()
        .find(|&&(_, e)| e == c)
        .map(|&(s, _)| ([ESCAPE, s], 2))
}

/// Text to septets (one octet each, 0x00–0x7F), the extension table's
/// characters as an escape and their septet; a character outside both
/// tables is an error.
///
/// ```
/// use mms_pdu::gsm7;
/// assert_eq!(gsm7::encode("[€]é_").unwrap(), [0x1B, 0x3C, 0x1B, 0x65, 0x1B, 0x3E, 0x05, 0x11]);
/// let err = gsm7::encode("aç").unwrap_err();
/// assert_eq!(err, gsm7::Gsm7Error::Unencodable { offset: 1, found: 'ç' });
/// ```
pub fn encode(text: &str) -> Result<Vec<u8>, Gsm7Error> {
    let mut out = Vec::with_capacity(text.len());
    for (offset, c) in text.char_indices() {
        let (s, n) = septets_of(c).ok_or(Gsm7Error::Unencodable { offset, found: c })?;
        out.extend_from_slice(&s[..n]);
    }
    Ok(out)
}

/// Text to septets as [`encode`], with `?` (0x3F) for each character
/// outside both tables; returns the septets and how many characters were
/// replaced.
///
/// ```
/// use mms_pdu::gsm7;
/// assert_eq!(gsm7::encode_lossy("aç€"), (vec![0x61, 0x3F, 0x1B, 0x65], 1));
/// ```
pub fn encode_lossy(text: &str) -> (Vec<u8>, usize) {
    let mut out = Vec::with_capacity(text.len());
    let mut replaced = 0;
    for c in text.chars() {
        match septets_of(c) {
            Some((s, n)) => out.extend_from_slice(&s[..n]),
            None => {
                out.push(0x3F);
                replaced += 1;
            }
        }
    }
    (out, replaced)
}

/// Septets to text (the high bit of each octet is ignored). After an
/// escape, a septet the extension table lacks reads as its character in
/// the default alphabet, and a second escape (reserved for another
/// extension table) as a space, as TS 23.038 §6.2.1.1 tells a receiver; an
/// escape at the end reads as a space.
///
/// ```
/// use mms_pdu::gsm7;
/// assert_eq!(gsm7::decode(&[0x1B, 0x3C, 0x48, 0x69, 0x1B, 0x3E]), "[Hi]");
/// // An escape before `A`, which the extension table lacks.
/// assert_eq!(gsm7::decode(&[0x1B, 0x41]), "A");
/// ```
pub fn decode(septets: &[u8]) -> String {
    let mut out = String::with_capacity(septets.len());
    let mut it = septets.iter().map(|s| s & 0x7F);
    while let Some(s) = it.next() {
        if s != ESCAPE {
            out.push(ALPHABET[usize::from(s)]);
            continue;
        }
        let c = match it.next() {
            None | Some(ESCAPE) => ' ',
            Some(next) => EXTENSION
                .iter()
                .find(|&&(e, _)| e == next)
                .map_or(ALPHABET[usize::from(next)], |&(_, c)| c),
        };
        out.push(c);
    }
    out
}

/// Packs septets after a user-data header (`udh` with its UDHL octet, or
/// empty): the header octets, fill bits up to a septet boundary, then the
/// septets, least significant bit first (TS 23.038 §6.1.2.1.1, TS 23.040
/// §9.2.3.24). Returns the user data and TP-UDL, in septets (the header's
/// included). Only the low 7 bits of each septet are used.
///
/// ```
/// use mms_pdu::gsm7;
/// // A 6-octet concatenation header (48 bits) and one fill bit take 7
/// // septets; the septet 0x41 follows at bit 49.
/// let udh = [5, 0x00, 3, 42, 2, 1];
/// let (ud, udl) = gsm7::pack(&udh, &[0x41]);
/// assert_eq!(udl, 8);
/// assert_eq!(ud, [5, 0x00, 3, 42, 2, 1, 0x41 << 1]);
/// ```
pub fn pack(udh: &[u8], septets: &[u8]) -> (Vec<u8>, usize) {
    let start = (udh.len() * 8).div_ceil(7) * 7;
    let bits = start + septets.len() * 7;
    let mut out = vec![0u8; bits.div_ceil(8)];
    out[..udh.len()].copy_from_slice(udh);
    for (k, &s) in septets.iter().enumerate() {
        let at = start + 7 * k;
        let v = u16::from(s & 0x7F) << (at % 8);
        out[at / 8] |= v as u8;
        if v > 0xFF {
            out[at / 8 + 1] |= (v >> 8) as u8;
        }
    }
    (out, bits / 7)
}

/// The user-data header (with its UDHL octet; empty when `udhi` is false)
/// and the septets of GSM 7-bit user data `ud` of `udl` septets (TP-UDL,
/// the header's septets included; TS 23.040 §9.2.3.16, §9.2.3.24). The
/// septets are never more than `ud` holds.
///
/// ```
/// use mms_pdu::gsm7;
/// let (ud, udl) = gsm7::pack(&[2, 0x70, 0x00], &[0x48, 0x69]);
/// let (udh, septets) = gsm7::unpack(&ud, udl, true).unwrap();
/// assert_eq!(udh, [2, 0x70, 0x00]);
/// assert_eq!(gsm7::decode(&septets), "Hi");
/// assert!(gsm7::unpack(&ud[..2], udl, true).is_err());
/// ```
pub fn unpack(ud: &[u8], udl: usize, udhi: bool) -> Result<(&[u8], Vec<u8>), Gsm7Error> {
    let needed = udl.saturating_mul(7).div_ceil(8);
    if ud.len() < needed {
        return Err(Gsm7Error::Truncated {
            udl,
            needed,
            found: ud.len(),
        });
    }
    let header_len = match (udhi, ud.first()) {
        (false, _) => 0,
        (true, Some(&udhl)) => 1 + usize::from(udhl),
        (true, None) => {
            return Err(Gsm7Error::HeaderOverrun {
                needed: 0,
                found: 0,
            })
        }
    };
    if header_len > ud.len() {
        return Err(Gsm7Error::HeaderOverrun {
            needed: header_len,
            found: ud.len(),
        });
    }
    let first = (header_len * 8).div_ceil(7);
    let septets = (first..udl)
        .map(|k| {
            let at = 7 * k;
            let lo = u16::from(ud[at / 8]);
            let hi = ud.get(at / 8 + 1).map_or(0, |&b| u16::from(b));
            ((((hi << 8) | lo) >> (at % 8)) & 0x7F) as u8
        })
        .collect();
    Ok((&ud[..header_len], septets))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_of_both_tables_round_trips() {
        let mut text = String::new();
        for (k, &c) in ALPHABET.iter().enumerate() {
            if k != usize::from(ESCAPE) {
                text.push(c);
            }
        }
        for &(_, c) in &EXTENSION {
            text.push(c);
        }
        let septets = encode(&text).unwrap();
        assert_eq!(septets.len(), 127 + 2 * EXTENSION.len());
        assert!(septets.iter().all(|&s| s < 0x80));
        assert_eq!(decode(&septets), text);
        let (ud, udl) = pack(&[], &septets);
        assert_eq!(udl, septets.len());
        assert_eq!(ud.len(), (septets.len() * 7).div_ceil(8));
        assert_eq!(unpack(&ud, udl, false).unwrap().1, septets);
    }

    #[test]
    fn the_escape_is_no_character_of_its_own() {
        assert_eq!(
            encode("\u{1b}"),
            Err(Gsm7Error::Unencodable {
                offset: 0,
                found: '\u{1b}'
            })
        );
        assert_eq!(encode_lossy("\u{1b}é"), (vec![0x3F, 0x05], 1));
        // §6.2.1.1: escape escape is reserved (a space); an escape at the
        // end has nothing to introduce.
        assert_eq!(decode(&[ESCAPE, ESCAPE, 0x41]), " A");
        assert_eq!(decode(&[0x41, ESCAPE]), "A ");
        // The high bit is not part of a septet.
        assert_eq!(decode(&[0xC1]), "A");
    }

    #[test]
    fn septets_after_a_header_start_on_a_septet_boundary() {
        // TS 23.040 §9.2.3.24: a 6-octet header is 48 bits, padded to 49.
        let udh = [5, 0x00, 3, 1, 2, 1];
        for n in 0..20 {
            let septets: Vec<u8> = (0..n).map(|k| (k * 13 % 128) as u8).collect();
            let (ud, udl) = pack(&udh, &septets);
            assert_eq!(udl, 7 + n);
            let (h, back) = unpack(&ud, udl, true).unwrap();
            assert_eq!(h, udh);
            assert_eq!(back, septets);
        }
    }

    #[test]
    fn short_user_data_is_refused_before_anything_is_allocated() {
        assert_eq!(
            unpack(&[0; 3], usize::MAX, false),
            Err(Gsm7Error::Truncated {
                udl: usize::MAX,
                needed: usize::MAX.div_ceil(8),
                found: 3
            })
        );
        assert!(matches!(
            unpack(&[9, 0, 0], 3, true),
            Err(Gsm7Error::HeaderOverrun {
                needed: 10,
                found: 3
            })
        ));
        assert!(unpack(&[], 0, true).is_err());
        assert_eq!(unpack(&[], 0, false).unwrap().1, Vec::<u8>::new());
    }
}
