//! Text in its character set: encoded-string-values and text parts to
//! Unicode, and back.
//!
//! Always available: us-ascii, utf-8, iso-8859-1, and UTF-16 in its forms
//! (iso-10646-ucs-2 as UTF-16BE, utf-16 with BOM sniffing, utf-16be,
//! utf-16le). With the `charset` feature, every other charset of the table
//! that encoding_rs supports (shift_jis, euc-kr, ks_c_5601-1987 read as
//! CP949, iso-2022-jp, gb2312, big5, the iso-8859 and windows code pages, …).
//!
//! Real senders mislabel text; [`Reading`] says how the text was read:
//!
//! ```
//! use mms_pdu::wsp::charset::{decode, Reading};
//! use mms_pdu::wsp::Charset;
//! // Declared iso-8859-1, but the octets are UTF-8.
//! let t = decode(Some(Charset::ISO_8859_1), "Gruyère".as_bytes()).unwrap();
//! assert_eq!((t.text.as_ref(), t.reading), ("Gruyère", Reading::Utf8InsteadOfDeclared));
//! // UCS-2 is UTF-16BE.
//! let t = decode(Some(Charset::UCS_2), b"\x00H\x00i").unwrap();
//! assert_eq!(t.text, "Hi");
//! ```

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use super::Charset;
use crate::EncodeError;

/// How a text was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Reading {
    /// In the declared charset, without error.
    Declared,
    /// No charset (or Any-charset) was declared; the octets are UTF-8 (ASCII included).
    Utf8Assumed,
    /// No charset was declared and the octets are not UTF-8: read as ISO-8859-1.
    Latin1Assumed,
    /// us-ascii or iso-8859-1 was declared but the octets are valid,
    /// non-ASCII UTF-8: read as UTF-8, as handsets that mislabel mean it.
    Utf8InsteadOfDeclared,
    /// In the declared charset, with invalid sequences replaced by U+FFFD.
    Lossy,
}

/// Decoded text and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DecodedText<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// How it was read.
    pub reading: Reading,
}

/// A charset this build cannot read or write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[error("charset {charset} is not supported by this build (enable the `charset` feature)")]
pub struct UnsupportedCharset {
    /// The charset.
    pub charset: Charset,
}

/// MIBenums handled without tables.
const UTF_16BE: u32 = 1013;
const UTF_16LE: u32 = 1014;
/// KS_C_5601-1987: read as CP949, the superset Korean handsets use.
const KS_C_5601: u32 = 36;

fn declared(text: Cow<'_, str>, lossy: bool) -> DecodedText<'_> {
    DecodedText {
        text,
        reading: if lossy {
            Reading::Lossy
        } else {
            Reading::Declared
        },
    }
}

fn latin1(bytes: &[u8]) -> Cow<'_, str> {
    if bytes.is_ascii() {
        Cow::Borrowed(core::str::from_utf8(bytes).unwrap_or_default())
    } else {
        Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect())
    }
}

fn utf8_lossy(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match core::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), false),
        Err(_) => (String::from_utf8_lossy(bytes), true),
    }
}

/// UTF-16 with an optional BOM; `big_endian` is the order without one.
fn utf16(bytes: &[u8], big_endian: bool) -> (Cow<'static, str>, bool) {
    let (body, be) = match bytes {
        [0xFE, 0xFF, rest @ ..] => (rest, true),
        [0xFF, 0xFE, rest @ ..] => (rest, false),
        _ => (bytes, big_endian),
    };
    let units = body.chunks(2).map(|c| match (c, be) {
        ([a, b], true) => u16::from_be_bytes([*a, *b]),
        ([a, b], false) => u16::from_le_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    let mut lossy = body.len() % 2 != 0;
    let s: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                lossy = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    (Cow::Owned(s), lossy)
}

/// Decodes `bytes` written in `charset` (`None`: untagged text).
pub fn decode(
    charset: Option<Charset>,
    bytes: &[u8],
) -> Result<DecodedText<'_>, UnsupportedCharset> {
    let is_utf8_non_ascii = || !bytes.is_ascii() && core::str::from_utf8(bytes).is_ok();
    let Some(cs) = charset.filter(|&c| c != Charset::ANY) else {
        return Ok(match core::str::from_utf8(bytes) {
            Ok(_) => DecodedText {
                text: utf8_lossy(bytes).0,
                reading: Reading::Utf8Assumed,
            },
            Err(_) => DecodedText {
                text: latin1(bytes),
                reading: Reading::Latin1Assumed,
            },
        });
    };
    Ok(match cs.0 {
        106 => {
            let (t, lossy) = utf8_lossy(bytes);
            declared(t, lossy)
        }
        3 | 4 if is_utf8_non_ascii() => DecodedText {
            text: utf8_lossy(bytes).0,
            reading: Reading::Utf8InsteadOfDeclared,
        },
        3 => {
            let lossy = !bytes.is_ascii();
            declared(latin1(bytes), lossy)
        }
        4 => declared(latin1(bytes), false),
        1000 | UTF_16BE => {
            let (t, lossy) = utf16(bytes, true);
            declared(t, lossy)
        }
        1015 => {
            let (t, lossy) = utf16(bytes, true);
            declared(t, lossy)
        }
        UTF_16LE => {
            let (t, lossy) = utf16(bytes, false);
            declared(t, lossy)
        }
        _ => return with_tables(cs, bytes),
    })
}

#[cfg(feature = "charset")]
fn encoding_of(cs: Charset) -> Option<&'static encoding_rs::Encoding> {
    if cs.0 == KS_C_5601 {
        return Some(encoding_rs::EUC_KR);
    }
    encoding_rs::Encoding::for_label(cs.name()?.as_bytes())
}

#[cfg(feature = "charset")]
fn with_tables(cs: Charset, bytes: &[u8]) -> Result<DecodedText<'_>, UnsupportedCharset> {
    let enc = encoding_of(cs).ok_or(UnsupportedCharset { charset: cs })?;
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    Ok(declared(text, had_errors))
}

#[cfg(not(feature = "charset"))]
fn with_tables(cs: Charset, _bytes: &[u8]) -> Result<DecodedText<'_>, UnsupportedCharset> {
    let _ = KS_C_5601;
    Err(UnsupportedCharset { charset: cs })
}

/// Whether `bytes` read cleanly in `charset`: `None` when they do, else
/// what stops them (an [`ErrorKind::UnreadableText`](crate::ErrorKind)):
/// a charset this build cannot decode, or octets that are not valid in it
/// (which [`decode`] would replace with U+FFFD). The decoders report it as
/// a deviation, so that no text turns into U+FFFD without a warning.
/// Any-charset (0) reads as untagged text, which is never lossy.
pub(crate) fn unreadable(charset: Charset, bytes: &[u8]) -> Option<crate::ErrorKind> {
    let clean = match charset.0 {
        0 | 4 => true,
        // us-ascii read as UTF-8 when it is (a common mislabel), utf-8.
        3 if bytes.is_ascii() => true,
        3 | 106 => {
            core::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).is_ok()
        }
        _ => match decode(Some(charset), bytes) {
            Ok(t) => t.reading != Reading::Lossy,
            Err(_) => {
                return Some(crate::ErrorKind::UnreadableText {
                    charset: charset.0,
                    name: charset.name().unwrap_or(""),
                    unsupported: true,
                })
            }
        },
    };
    (!clean).then(|| crate::ErrorKind::UnreadableText {
        charset: charset.0,
        name: charset.name().unwrap_or(""),
        unsupported: false,
    })
}

/// Encodes `text` in `charset`: UTF-8 and ASCII borrow; UTF-16 forms are
/// written big-endian without BOM (ucs-2, utf-16be) or with one (utf-16);
/// others need the `charset` feature. Characters the charset cannot hold
/// are an error.
///
/// The octets are guaranteed to read back as `text` through [`decode`]
/// under the same label: a text that would not is refused rather than
/// written. That covers charsets encoding_rs can read but not write
/// (iso-2022-kr, iso-2022-cn, iso-2022-cn-ext, hz-gb-2312: it would write
/// UTF-8 under their label), a leading byte order mark that decoding
/// takes off, and iso-8859-1 octets that are also UTF-8 (which the
/// decoder reads as mislabelled UTF-8).
///
/// ```
/// use mms_pdu::wsp::charset::{decode, encode};
/// use mms_pdu::wsp::Charset;
/// let bytes = encode("Grüße", Charset::ISO_8859_1)?;
/// assert_eq!(decode(Some(Charset::ISO_8859_1), &bytes).unwrap().text, "Grüße");
/// // "Ã©" in iso-8859-1 is C3 A9, which reads back as UTF-8 "é".
/// assert!(encode("Ã©", Charset::ISO_8859_1).is_err());
/// # Ok::<(), mms_pdu::EncodeError>(())
/// ```
pub fn encode(text: &str, charset: Charset) -> Result<Cow<'_, [u8]>, EncodeError> {
    let bytes = encode_unchecked(text, charset)?;
    match decode(Some(charset), &bytes) {
        Ok(d) if d.text == text => Ok(bytes),
        _ => Err(EncodeError::new(
            "charset",
            "the text would not read back the same in this charset",
        )),
    }
}

fn encode_unchecked(text: &str, charset: Charset) -> Result<Cow<'_, [u8]>, EncodeError> {
    let unmappable = EncodeError::new(
        "charset",
        "text holds characters the charset cannot represent",
    );
    match charset.0 {
        106 | 0 => Ok(Cow::Borrowed(text.as_bytes())),
        3 if text.is_ascii() => Ok(Cow::Borrowed(text.as_bytes())),
        3 => Err(unmappable),
        4 => text
            .chars()
            .map(|c| u8::try_from(u32::from(c)).map_err(|_| unmappable))
            .collect::<Result<Vec<u8>, _>>()
            .map(Cow::Owned),
        1000 | UTF_16BE | 1015 => {
            let mut v = Vec::with_capacity(text.len() * 2 + 2);
            if charset.0 == 1015 {
                v.extend_from_slice(&[0xFE, 0xFF]);
            }
            for u in text.encode_utf16() {
                v.extend_from_slice(&u.to_be_bytes());
            }
            Ok(Cow::Owned(v))
        }
        UTF_16LE => Ok(Cow::Owned(
            text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        )),
        _ => encode_with_tables(text, charset),
    }
}

#[cfg(feature = "charset")]
fn encode_with_tables(text: &str, charset: Charset) -> Result<Cow<'_, [u8]>, EncodeError> {
    let enc = encoding_of(charset).ok_or(EncodeError::new(
        "charset",
        "charset not supported by encoding_rs",
    ))?;
    if enc.output_encoding() != enc {
        // encoding_rs reads this label (or maps it to its replacement
        // encoding) but writes another encoding: the octets would lie.
        return Err(EncodeError::new(
            "charset",
            "charset can be read but not written by encoding_rs",
        ));
    }
    let (bytes, _, unmappable) = enc.encode(text);
    if unmappable {
        return Err(EncodeError::new(
            "charset",
            "text holds characters the charset cannot represent",
        ));
    }
    Ok(bytes)
}

#[cfg(not(feature = "charset"))]
fn encode_with_tables(_text: &str, _charset: Charset) -> Result<Cow<'_, [u8]>, EncodeError> {
    Err(EncodeError::new(
        "charset",
        "charset needs the `charset` feature",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_table_free_charsets() {
        assert_eq!(
            decode(Some(Charset::US_ASCII), b"abc").unwrap(),
            DecodedText {
                text: "abc".into(),
                reading: Reading::Declared
            }
        );
        assert_eq!(
            decode(Some(Charset::ISO_8859_1), b"caf\xE9").unwrap().text,
            "caf\u{e9}"
        );
        assert_eq!(
            decode(Some(Charset::UTF_8), b"\xEF\xBB\xBFhi")
                .unwrap()
                .text,
            "hi"
        );
        assert_eq!(
            decode(Some(Charset::UTF_8), b"a\xFF").unwrap().reading,
            Reading::Lossy
        );
        assert_eq!(
            decode(Some(Charset::UTF_16), b"\xFE\xFF\x00a")
                .unwrap()
                .text,
            "a"
        );
        assert_eq!(
            decode(Some(Charset::UTF_16), b"\xFF\xFEa\x00")
                .unwrap()
                .text,
            "a"
        );
        assert_eq!(decode(Some(Charset::UTF_16), b"\x00a").unwrap().text, "a");
        assert_eq!(decode(Some(Charset(UTF_16LE)), b"a\x00").unwrap().text, "a");
        assert_eq!(
            decode(Some(Charset::UCS_2), b"\x00a\x00").unwrap().reading,
            Reading::Lossy
        );
    }

    #[test]
    fn untagged_and_any_charset_text_is_utf8_or_latin1() {
        let t = decode(None, "é".as_bytes()).unwrap();
        assert_eq!((t.text.as_ref(), t.reading), ("é", Reading::Utf8Assumed));
        let t = decode(Some(Charset::ANY), "é".as_bytes()).unwrap();
        assert_eq!(t.reading, Reading::Utf8Assumed);
        let t = decode(None, b"\xE9").unwrap();
        assert_eq!((t.text.as_ref(), t.reading), ("é", Reading::Latin1Assumed));
    }

    #[test]
    fn encodes_and_round_trips() {
        for cs in [
            Charset::UTF_8,
            Charset::ISO_8859_1,
            Charset::UCS_2,
            Charset::UTF_16,
            Charset(UTF_16BE),
            Charset(UTF_16LE),
        ] {
            let bytes = encode("Grüße", cs).unwrap();
            assert_eq!(decode(Some(cs), &bytes).unwrap().text, "Grüße", "{cs}");
        }
        assert!(encode("é", Charset::US_ASCII).is_err());
        assert!(encode("€", Charset::ISO_8859_1).is_err());
    }

    /// Every charset of the table: encode → decode gives the text back,
    /// or encode refuses.
    #[test]
    fn every_charset_of_the_table_reads_back_what_it_writes_or_refuses() {
        let texts = [
            "hello",
            "",
            "Grüße, Gruyère",
            "Ã©",
            "\u{FEFF}bom",
            "\u{FFFE}x",
            "こんにちは",
            "안녕",
            "你好",
            "Привет",
            "€ ł ☺ 😀",
            "~\\\u{a5}",
            "\x1b$B",
        ];
        let mut written = 0;
        for &(mib, _) in crate::wsp::tables::CHARSETS.iter().chain(&[(0, "*")]) {
            for t in texts {
                if let Ok(bytes) = encode(t, Charset(mib)) {
                    let back = decode(Some(Charset(mib)), &bytes).unwrap();
                    assert_eq!(back.text, t, "MIBenum {mib}");
                    written += 1;
                }
            }
        }
        assert!(written > 0);
        for mib in [37, 104, 105, 2085] {
            assert!(encode("hello", Charset(mib)).is_err(), "MIBenum {mib}");
        }
    }

    #[cfg(feature = "charset")]
    #[test]
    fn reads_asian_and_legacy_charsets_with_the_feature() {
        let cases: &[(u32, &[u8], &str)] = &[
            (
                17,
                b"\x82\xb1\x82\xf1\x82\xc9\x82\xbf\x82\xcd",
                "こんにちは",
            ),
            (38, b"\xbe\xc8\xb3\xe7", "안녕"),
            (KS_C_5601, b"\xbe\xc8\xb3\xe7", "안녕"),
            (39, b"\x1b$B$3$s\x1b(B", "こん"),
            (2025, b"\xc4\xe3\xba\xc3", "你好"),
            (2026, b"\xa7\x41\xa6\x6e", "你好"),
            (5, b"\xb3", "ł"),
            (2252, b"\x80", "€"),
        ];
        for &(mib, bytes, text) in cases {
            let t = decode(Some(Charset(mib)), bytes).unwrap();
            assert_eq!(t.text, text, "MIBenum {mib}");
            assert_eq!(t.reading, Reading::Declared);
            assert_eq!(
                encode(text, Charset(mib)).unwrap().as_ref(),
                bytes,
                "MIBenum {mib}"
            );
        }
    }

    #[cfg(not(feature = "charset"))]
    #[test]
    fn other_charsets_need_the_feature() {
        assert_eq!(
            decode(Some(Charset::SHIFT_JIS), b"x"),
            Err(UnsupportedCharset {
                charset: Charset::SHIFT_JIS
            })
        );
    }
}
