//! Integer rules of WAP-230 §8.1.2 (uintvar) and §8.4.2.1–§8.4.2.2
//! (short-integer, long-integer, integer-value, value-length).

use bytes::BufMut;

use crate::error::{fail, ErrorKind, PResult};

/// Reads one octet.
#[inline]
pub(crate) fn octet<'a>(i: &'a [u8], expected: &'static str) -> PResult<'a, u8> {
    match i.split_first() {
        Some((&b, rest)) => Ok((rest, b)),
        None => fail(i, expected, ErrorKind::Truncated { expected }),
    }
}

/// Takes `n` octets, or fails with `LengthOverrun` naming `what`.
#[inline]
pub(crate) fn take<'a>(i: &'a [u8], n: u64, what: &'static str) -> PResult<'a, &'a [u8]> {
    if n > i.len() as u64 {
        return fail(
            i,
            what,
            ErrorKind::LengthOverrun {
                what,
                len: n,
                remaining: i.len(),
            },
        );
    }
    let (a, b) = i.split_at(n as usize);
    Ok((b, a))
}

/// `uintvar` (WAP-230 §8.1.2): 7 bits per octet, most significant first, the
/// high bit set on every octet but the last. At most 5 octets; values above
/// `u32::MAX` are rejected.
///
/// ```text
/// 0x81 0x80 0x00  = 1 << 14
/// ```
pub(crate) fn uintvar(i: &[u8]) -> PResult<'_, u32> {
    let mut v: u64 = 0;
    for n in 0..5 {
        let Some(&b) = i.get(n) else {
            return fail(
                &i[i.len()..],
                "uintvar",
                ErrorKind::Truncated {
                    expected: "uintvar",
                },
            );
        };
        v = (v << 7) | u64::from(b & 0x7F);
        if b & 0x80 == 0 {
            if v > u64::from(u32::MAX) {
                return fail(i, "uintvar", ErrorKind::UintvarOverflow);
            }
            return Ok((&i[n + 1..], v as u32));
        }
    }
    fail(i, "uintvar", ErrorKind::UintvarTooLong)
}

/// Octets `uintvar` takes for `v`.
pub fn uintvar_len(v: u32) -> usize {
    match v {
        0..=0x7F => 1,
        0x80..=0x3FFF => 2,
        0x4000..=0x1F_FFFF => 3,
        0x20_0000..=0x0FFF_FFFF => 4,
        _ => 5,
    }
}

/// Writes `v` as a uintvar (WAP-230 §8.1.2), in as few octets as possible.
pub fn put_uintvar<B: BufMut>(v: u32, out: &mut B) {
    let n = uintvar_len(v);
    for k in (0..n).rev() {
        let seven = ((v >> (7 * k)) & 0x7F) as u8;
        out.put_u8(if k == 0 { seven } else { seven | 0x80 });
    }
}

/// `Short-integer = OCTET` with the high bit set, the value in the low 7
/// bits (WAP-230 §8.4.2.1).
pub(crate) fn short_integer(i: &[u8]) -> PResult<'_, u8> {
    let (rest, b) = octet(i, "short-integer")?;
    if b & 0x80 == 0 {
        return fail(
            i,
            "short-integer",
            ErrorKind::Unexpected {
                expected: "short-integer (0x80-0xFF)",
                found: b,
            },
        );
    }
    Ok((rest, b & 0x7F))
}

/// `Long-integer = Short-length Multi-octet-integer` (WAP-230 §8.4.2.1):
/// 1–30 octets, big-endian. Leading zero octets are accepted as long as the
/// value fits in a `u64`.
#[inline]
pub(crate) fn long_integer(i: &[u8]) -> PResult<'_, u64> {
    let (rest, len) = octet(i, "long-integer")?;
    if len == 0 || len > 30 {
        return fail(
            i,
            "long-integer",
            ErrorKind::Unexpected {
                expected: "long-integer length 1-30",
                found: len,
            },
        );
    }
    let (rest, digits) = take(rest, u64::from(len), "long-integer")?;
    let mut v: u64 = 0;
    for &d in digits {
        if v >> 56 != 0 {
            return fail(
                i,
                "long-integer",
                ErrorKind::IntegerOverflow { octets: len },
            );
        }
        v = (v << 8) | u64::from(d);
    }
    Ok((rest, v))
}

/// Octets of the Multi-octet-integer part of a long-integer for `v` (at least 1).
pub(crate) fn multi_octet_len(v: u64) -> usize {
    (64 - v.leading_zeros() as usize).div_ceil(8).max(1)
}

/// Octets `long_integer` takes for `v` (short-length included).
pub fn long_integer_len(v: u64) -> usize {
    1 + multi_octet_len(v)
}

/// Writes `v` as a long-integer in as few octets as possible (WAP-230 §8.4.2.1).
pub fn put_long_integer<B: BufMut>(v: u64, out: &mut B) {
    let n = multi_octet_len(v);
    out.put_u8(n as u8);
    out.put_slice(&v.to_be_bytes()[8 - n..]);
}

/// `Integer-Value = Short-integer | Long-integer` (WAP-230 §8.4.2.3).
#[inline]
pub(crate) fn integer_value(i: &[u8]) -> PResult<'_, u64> {
    match i.first() {
        Some(&b) if b >= 0x80 => Ok((&i[1..], u64::from(b & 0x7F))),
        Some(&b) if b <= 30 => long_integer(i),
        Some(&b) => fail(
            i,
            "integer-value",
            ErrorKind::Unexpected {
                expected: "integer-value",
                found: b,
            },
        ),
        None => fail(
            i,
            "integer-value",
            ErrorKind::Truncated {
                expected: "integer-value",
            },
        ),
    }
}

/// Octets `integer_value` takes for `v`.
pub fn integer_value_len(v: u64) -> usize {
    if v < 0x80 {
        1
    } else {
        long_integer_len(v)
    }
}

/// Writes `v` as a short-integer when below 128, else as a long-integer.
pub fn put_integer_value<B: BufMut>(v: u64, out: &mut B) {
    if v < 0x80 {
        out.put_u8(0x80 | v as u8);
    } else {
        put_long_integer(v, out);
    }
}

/// `Value-length = Short-length | (Length-quote Length)` (WAP-230 §8.4.2.2):
/// 0–30 in one octet, or 31 followed by a uintvar. Returns the region the
/// length delimits; a length past the end of the input is an error.
#[inline]
pub(crate) fn value_length_region(i: &[u8]) -> PResult<'_, &[u8]> {
    let (rest, b) = octet(i, "value-length")?;
    let (rest, len) = match b {
        0..=30 => (rest, u32::from(b)),
        31 => uintvar(rest)?,
        _ => {
            return fail(
                i,
                "value-length",
                ErrorKind::Unexpected {
                    expected: "value-length (0x00-0x1F)",
                    found: b,
                },
            )
        }
    };
    take(rest, u64::from(len), "value-length").map_err(|e| {
        e.map(|mut p| {
            p.at = i;
            p
        })
    })
}

/// Octets the value-length of a region of `len` octets takes.
pub fn value_length_len(len: u32) -> usize {
    if len <= 30 {
        1
    } else {
        1 + uintvar_len(len)
    }
}

/// Writes a value-length for a region of `len` octets (WAP-230 §8.4.2.2).
pub fn put_value_length<B: BufMut>(len: u32, out: &mut B) {
    if len <= 30 {
        out.put_u8(len as u8);
    } else {
        out.put_u8(31);
        put_uintvar(len, out);
    }
}

/// Converts a region length to the `u32` a value-length or uintvar can carry.
pub(crate) fn wire_len(len: usize, context: &'static str) -> Result<u32, crate::EncodeError> {
    u32::try_from(len)
        .map_err(|_| crate::EncodeError::new(context, "length does not fit in a uintvar (32 bits)"))
}

/// Runs `f` over the whole of `region` and requires it to consume everything.
#[inline]
pub(crate) fn all_of<'a, T>(
    region: &'a [u8],
    what: &'static str,
    f: impl FnOnce(&'a [u8]) -> PResult<'a, T>,
) -> PResult<'a, T> {
    let (rest, v) = f(region)?;
    if !rest.is_empty() {
        return fail(
            rest,
            what,
            ErrorKind::TrailingData {
                what,
                len: rest.len(),
            },
        );
    }
    Ok((rest, v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    fn enc(f: impl Fn(&mut Vec<u8>)) -> Vec<u8> {
        let mut v = Vec::new();
        f(&mut v);
        v
    }

    #[test]
    fn round_trips_uintvar_at_every_width_edge() {
        let vectors: &[(u32, &[u8])] = &[
            (0, &[0x00]),
            (0x7F, &[0x7F]),
            (0x80, &[0x81, 0x00]),
            (0x3FFF, &[0xFF, 0x7F]),
            (0x4000, &[0x81, 0x80, 0x00]),
            (0x1F_FFFF, &[0xFF, 0xFF, 0x7F]),
            (0x20_0000, &[0x81, 0x80, 0x80, 0x00]),
            (0x0FFF_FFFF, &[0xFF, 0xFF, 0xFF, 0x7F]),
            (0x1000_0000, &[0x81, 0x80, 0x80, 0x80, 0x00]),
            (u32::MAX, &[0x8F, 0xFF, 0xFF, 0xFF, 0x7F]),
        ];
        for &(v, bytes) in vectors {
            assert_eq!(uintvar(bytes).unwrap(), (&[][..], v), "{v:#x}");
            assert_eq!(enc(|o| put_uintvar(v, o)), bytes);
            assert_eq!(uintvar_len(v), bytes.len());
            for cut in 0..bytes.len() {
                let e = uintvar(&bytes[..cut]).unwrap_err();
                assert!(
                    matches!(e, nom::Err::Error(p) if matches!(p.kind, ErrorKind::Truncated{..}))
                );
            }
        }
    }

    #[test]
    fn rejects_uintvar_over_five_octets_or_32_bits() {
        let e = uintvar(&[0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00]).unwrap_err();
        assert!(matches!(e, nom::Err::Error(p) if p.kind == ErrorKind::UintvarTooLong));
        let e = uintvar(&[0x90, 0x80, 0x80, 0x80, 0x00]).unwrap_err();
        assert!(matches!(e, nom::Err::Error(p) if p.kind == ErrorKind::UintvarOverflow));
    }

    #[test]
    fn short_integer_requires_the_high_bit() {
        assert_eq!(short_integer(&[0x80]).unwrap().1, 0);
        assert_eq!(short_integer(&[0xFF]).unwrap().1, 0x7F);
        assert!(short_integer(&[0x7F]).is_err());
        assert!(short_integer(&[]).is_err());
    }

    #[test]
    fn round_trips_long_integer_and_rejects_overflow() {
        let vectors: &[(u64, &[u8])] = &[
            (0, &[0x01, 0x00]),
            (0xFF, &[0x01, 0xFF]),
            (0x100, &[0x02, 0x01, 0x00]),
            (1_163_578_981, &[0x04, 0x45, 0x5A, 0xCE, 0x65]),
            (
                u64::MAX,
                &[0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
            ),
        ];
        for &(v, bytes) in vectors {
            assert_eq!(long_integer(bytes).unwrap().1, v);
            assert_eq!(enc(|o| put_long_integer(v, o)), bytes);
            assert_eq!(long_integer_len(v), bytes.len());
        }
        // Leading zeros are fine while the value fits.
        let mut padded = alloc::vec![30u8];
        padded.extend([0u8; 29]);
        padded.push(7);
        assert_eq!(long_integer(&padded).unwrap().1, 7);
        // Nine significant octets do not fit.
        let e = long_integer(&[0x09, 1, 0, 0, 0, 0, 0, 0, 0, 0]).unwrap_err();
        assert!(
            matches!(e, nom::Err::Error(p) if p.kind == ErrorKind::IntegerOverflow { octets: 9 })
        );
        assert!(long_integer(&[0x00]).is_err());
        assert!(long_integer(&[31, 0]).is_err());
        assert!(long_integer(&[0x03, 1, 2]).is_err());
    }

    #[test]
    fn integer_value_picks_the_short_form_below_128() {
        assert_eq!(enc(|o| put_integer_value(0x7F, o)), [0xFF]);
        assert_eq!(enc(|o| put_integer_value(0x80, o)), [0x01, 0x80]);
        assert_eq!(integer_value(&[0x81]).unwrap().1, 1);
        assert_eq!(integer_value(&[0x02, 0x07, 0xEA]).unwrap().1, 2026);
        assert!(integer_value(&[0x20]).is_err());
        assert_eq!(integer_value_len(127), 1);
        assert_eq!(integer_value_len(128), 2);
    }

    #[test]
    fn value_length_short_and_quoted_forms() {
        assert_eq!(
            value_length_region(&[0x02, 1, 2, 3]).unwrap(),
            (&[3u8][..], &[1u8, 2][..])
        );
        let mut long = alloc::vec![31u8, 0x81, 0x00];
        long.extend([9u8; 128]);
        assert_eq!(value_length_region(&long).unwrap().1.len(), 128);
        assert_eq!(enc(|o| put_value_length(30, o)), [30]);
        assert_eq!(enc(|o| put_value_length(31, o)), [31, 31]);
        assert_eq!(enc(|o| put_value_length(128, o)), [31, 0x81, 0x00]);
        assert_eq!(value_length_len(128), 3);
        let e = value_length_region(&[0x0C, 1, 2, 3]).unwrap_err();
        assert!(
            matches!(e, nom::Err::Error(p) if p.kind == ErrorKind::LengthOverrun { what: "value-length", len: 12, remaining: 3 })
        );
        // A uintvar length of 2^32-1 is refused without allocating.
        assert!(value_length_region(&[31, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F]).is_err());
        assert!(value_length_region(&[0x20]).is_err());
    }
}
