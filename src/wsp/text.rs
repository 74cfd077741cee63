//! Text rules of WAP-230 §8.4.2.1 (text-string, token-text, quoted-string,
//! extension-media, text-value) and the encoded-string-value of §8.4.2.8 /
//! MMS_ENC 1.3 §7.2.9.

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;

use bytes::BufMut;

use super::charset::Charset;
use super::int::{integer_value, octet, put_value_length, value_length_len};
use crate::error::{fail, ErrorKind, PErr, PResult};
use crate::EncodeError;

/// The Quote octet that precedes a text-string starting with an octet ≥ 128.
pub(crate) const QUOTE: u8 = 0x7F;
/// The octet that opens a quoted-string.
pub(crate) const DQUOTE: u8 = 0x22;

/// The rule every caller-built text keeps: no NUL (it would end the text),
/// no control octet first (WAP-230 §8.4.2.1).
fn check_text(b: &[u8]) -> Result<(), EncodeError> {
    if b.contains(&0) {
        return Err(EncodeError::new("text-string", "text contains a NUL octet"));
    }
    if b.first().is_some_and(|&c| c < 0x20 || c == QUOTE) {
        return Err(EncodeError::new(
            "text-string",
            "text opens with a control octet (1-31 or 127)",
        ));
    }
    Ok(())
}

/// Text as it is on the wire: octets without their Quote and End-of-string
/// NUL, borrowed from the input when decoded. WSP text is not necessarily
/// UTF-8 (handsets send Latin-1 and worse), so it stays bytes; [`Text::as_str`]
/// and [`Text::to_string_lossy`] read it.
/// Follows WAP-230 §8.4.2.1 (`Text-string`).
///
/// Invariant: contains no NUL octet, so it can always be encoded.
///
/// ```
/// use mms_pdu::wsp::Text;
/// let t = Text::new("T1a2b3c").unwrap();
/// assert_eq!(t.as_str(), Some("T1a2b3c"));
/// assert!(Text::new("a\0").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Text<'a>(Cow<'a, [u8]>);

impl<'a> Text<'a> {
    /// Text from a string; fails when it holds a NUL (which would end it on the wire).
    pub fn new(s: &'a str) -> Result<Self, EncodeError> {
        Self::from_bytes(s.as_bytes())
    }
    /// Text from octets; fails when they hold a NUL.
    pub fn from_bytes(b: &'a [u8]) -> Result<Self, EncodeError> {
        if b.contains(&0) {
            return Err(EncodeError::new("text-string", "text contains a NUL octet"));
        }
        Ok(Text(Cow::Borrowed(b)))
    }
    /// Owned text; fails when it holds a NUL.
    pub fn from_string(s: String) -> Result<Text<'static>, EncodeError> {
        if s.as_bytes().contains(&0) {
            return Err(EncodeError::new("text-string", "text contains a NUL octet"));
        }
        Ok(Text(Cow::Owned(s.into_bytes())))
    }
    /// Whether strict decoding reads this text back: no NUL, and no
    /// control octet (1–31 or 127) first. `TEXT` excludes the controls
    /// (WAP-230 §8.4.2.1), and such a first octet can only be written with
    /// a Quote before it, which strict decoding refuses (lenient decoding
    /// reads it back, with a warning).
    ///
    /// ```
    /// use mms_pdu::wsp::Text;
    /// assert!(Text::new("a\u{1}").unwrap().is_strict().is_ok());
    /// assert_eq!(
    ///     Text::new("\u{1}a").unwrap().is_strict().unwrap_err().reason(),
    ///     "text opens with a control octet (1-31 or 127)"
    /// );
    /// ```
    pub fn is_strict(&self) -> Result<(), EncodeError> {
        check_text(&self.0)
    }
    /// Decoded octets are NUL-free by construction.
    pub(crate) fn wire(b: &'a [u8]) -> Self {
        debug_assert!(!b.contains(&0));
        Text(Cow::Borrowed(b))
    }
    /// The octets.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
    /// The text when it is valid UTF-8 (ASCII always is).
    pub fn as_str(&self) -> Option<&str> {
        core::str::from_utf8(&self.0).ok()
    }
    /// The text, with invalid UTF-8 sequences replaced by U+FFFD.
    pub fn to_string_lossy(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(&self.0)
    }
    /// Length in octets.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// A copy that owns its octets.
    pub fn into_owned(self) -> Text<'static> {
        Text(Cow::Owned(self.0.into_owned()))
    }
    /// Octets of this text as a text-string: Quote if needed, text, NUL.
    pub fn text_string_len(&self) -> usize {
        usize::from(self.needs_quote()) + self.0.len() + 1
    }
    /// WAP-230 §8.4.2.1 requires the Quote before a first octet ≥ 128; it
    /// is also written before a first 0x7F, which would otherwise be read
    /// back as a Quote and lost, and before a first octet 1–31, which a
    /// field that also has a Value-length form (X-Mms-Content-Location,
    /// X-Mms-Store-Status-Text, … in their status-count form) would read
    /// back as that length.
    fn needs_quote(&self) -> bool {
        self.0
            .first()
            .is_some_and(|&b| b >= QUOTE || (1..=31).contains(&b))
    }
    /// Writes this text as a text-string (WAP-230 §8.4.2.1).
    pub fn put_text_string<B: BufMut>(&self, out: &mut B) {
        if self.needs_quote() {
            out.put_u8(QUOTE);
        }
        out.put_slice(&self.0);
        out.put_u8(0);
    }
    /// Writes this text as a quoted-string: `"` text NUL (WAP-230 §8.4.2.1).
    pub fn put_quoted_string<B: BufMut>(&self, out: &mut B) {
        out.put_u8(DQUOTE);
        out.put_slice(&self.0);
        out.put_u8(0);
    }
}

impl fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_string_lossy(), f)
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_lossy())
    }
}

/// The index of the first NUL in `i`, eight octets at a time: a word has a
/// zero octet exactly when `(w - 0x01..01) & !w & 0x80..80` is non-zero
/// (the lowest such octet is the first zero; higher ones may be false
/// positives after a borrow, so only the lowest set bit is used).
pub(crate) fn find_nul(i: &[u8]) -> Option<usize> {
    const LO: u64 = u64::from_ne_bytes([0x01; 8]);
    const HI: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut chunks = i.chunks_exact(8);
    let mut at = 0;
    for c in chunks.by_ref() {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        let z = w.wrapping_sub(LO) & !w & HI;
        if z != 0 {
            return Some(at + (z.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == 0)
        .map(|k| at + k)
}

/// Octets up to the End-of-string NUL; the NUL is consumed.
#[inline]
fn until_nul<'a>(i: &'a [u8], what: &'static str) -> PResult<'a, &'a [u8]> {
    match find_nul(i) {
        Some(n) => Ok((&i[n + 1..], &i[..n])),
        None => fail(i, what, ErrorKind::Unterminated { what }),
    }
}

/// `Text-string = [Quote] *TEXT End-of-string` (WAP-230 §8.4.2.1). The Quote
/// (0x7F), when present, is dropped.
#[inline]
pub(crate) fn text_string(i: &[u8]) -> PResult<'_, Text<'_>> {
    let body = match i.first() {
        Some(&QUOTE) => &i[1..],
        Some(_) => i,
        None => {
            return fail(
                i,
                "text-string",
                ErrorKind::Truncated {
                    expected: "text-string",
                },
            )
        }
    };
    let (rest, t) = until_nul(body, "text-string")?;
    Ok((rest, Text::wire(t)))
}

/// How a Text-string breaks WAP-230 §8.4.2.1 in a way real senders do:
/// the text is still read to its NUL (as Android's PduParser and Wireshark
/// read it), and the deviation is reported so that lenient decoding can
/// warn and strict decoding refuse.
///
/// ```text
/// Text-string = [Quote] *TEXT End-of-string
/// ; "If the first character in the TEXT is in the range of 128-255, a
/// ;  Quote character must precede it."  TEXT excludes the controls 0-31.
/// ```
///
/// - a first octet of 0x80–0xFF without the Quote (UTF-8 subjects from
///   handsets);
/// - a first octet of 0x01–0x1F (a control octet cannot open TEXT; the
///   generic rule of §8.4.1.2 would read it as a length);
/// - a Quote before an octet below 0x80 (the Quote must not be there).
///
/// `None` when the text follows the rule.
pub(crate) fn text_string_deviation<'a>(i: &'a [u8], what: &'static str) -> Option<PErr<'a>> {
    let (expected, found) = match *i {
        [QUOTE, b, ..] if b < 0x80 => ("no Quote before an octet below 0x80", b),
        [b, ..] if b >= 0x80 => ("a Quote (0x7F) before text opening with 0x80-0xFF", b),
        [b, ..] if (1..0x20).contains(&b) => ("text (0x20-0x7E), or a Quote", b),
        _ => return None,
    };
    Some(PErr {
        at: i,
        context: what,
        kind: ErrorKind::Unexpected { expected, found },
    })
}

/// `Token-text = Token End-of-string` (WAP-230 §8.4.2.1); the first octet
/// must be a printable ASCII character (32–126).
pub(crate) fn token_text(i: &[u8]) -> PResult<'_, Text<'_>> {
    let (_, b) = octet(i, "token-text")?;
    if !(32..127).contains(&b) {
        return fail(
            i,
            "token-text",
            ErrorKind::Unexpected {
                expected: "token-text",
                found: b,
            },
        );
    }
    let (rest, t) = until_nul(i, "token-text")?;
    Ok((rest, Text::wire(t)))
}

/// `Extension-media = *TEXT End-of-string` (WAP-230 §8.4.2.24): a media type
/// in text, first octet 32–127.
pub(crate) fn extension_media(i: &[u8]) -> PResult<'_, Text<'_>> {
    let (_, b) = octet(i, "extension-media")?;
    if !(32..128).contains(&b) {
        return fail(
            i,
            "extension-media",
            ErrorKind::Unexpected {
                expected: "extension-media",
                found: b,
            },
        );
    }
    let (rest, t) = until_nul(i, "extension-media")?;
    Ok((rest, Text::wire(t)))
}

/// `Quoted-string = <Octet 34> *TEXT End-of-string` (WAP-230 §8.4.2.1); the
/// opening quote is dropped.
pub(crate) fn quoted_string(i: &[u8]) -> PResult<'_, Text<'_>> {
    let (rest, b) = octet(i, "quoted-string")?;
    if b != DQUOTE {
        return fail(
            i,
            "quoted-string",
            ErrorKind::Unexpected {
                expected: "quoted-string",
                found: b,
            },
        );
    }
    let (rest, t) = until_nul(rest, "quoted-string")?;
    Ok((rest, Text::wire(t)))
}

/// A decoded Text-value (WAP-230 §8.4.2.3):
/// `No-value | Token-text | Quoted-string`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum TextValue<'a> {
    /// `No-value = <Octet 0>`.
    NoValue,
    /// Token-text.
    Token(
        #[cfg_attr(
            feature = "serde",
            serde(deserialize_with = "crate::wsp::serde::token_text_value")
        )]
        Text<'a>,
    ),
    /// Quoted-string (opening quote dropped).
    Quoted(Text<'a>),
}

impl<'a> TextValue<'a> {
    /// The text (empty for `NoValue`).
    pub fn text(&self) -> &[u8] {
        match self {
            TextValue::NoValue => b"",
            TextValue::Token(t) | TextValue::Quoted(t) => t.as_bytes(),
        }
    }
    /// Encoded length.
    pub fn encoded_len(&self) -> usize {
        match self {
            TextValue::NoValue => 1,
            TextValue::Token(t) => t.len() + 1,
            TextValue::Quoted(t) => t.len() + 2,
        }
    }
    /// Writes the value.
    pub fn encode<B: BufMut>(&self, out: &mut B) {
        match self {
            TextValue::NoValue => out.put_u8(0),
            TextValue::Token(t) => {
                out.put_slice(t.as_bytes());
                out.put_u8(0);
            }
            TextValue::Quoted(t) => t.put_quoted_string(out),
        }
    }
    /// A copy that owns its octets.
    pub fn into_owned(self) -> TextValue<'static> {
        match self {
            TextValue::NoValue => TextValue::NoValue,
            TextValue::Token(t) => TextValue::Token(t.into_owned()),
            TextValue::Quoted(t) => TextValue::Quoted(t.into_owned()),
        }
    }
}

/// `Text-value = No-value | Token-text | Quoted-string` (WAP-230 §8.4.2.3).
pub(crate) fn text_value(i: &[u8]) -> PResult<'_, TextValue<'_>> {
    match i.first() {
        Some(0) => Ok((&i[1..], TextValue::NoValue)),
        Some(&DQUOTE) => {
            let (rest, t) = quoted_string(i)?;
            Ok((rest, TextValue::Quoted(t)))
        }
        _ => {
            let (rest, t) = token_text(i)?;
            Ok((rest, TextValue::Token(t)))
        }
    }
}

/// An encoded-string-value (WAP-230 §8.4.2.8, MMS_ENC 1.3 §7.2.9): text,
/// optionally tagged with the character set it is written in.
///
/// ```text
/// Encoded-string-value = Text-string
///                      | Value-length Char-set Text-string
/// ```
///
/// In the charset form the text is delimited by the value-length, not by the
/// first NUL: UCS-2 and UTF-16 text holds NUL octets.
///
/// ```
/// use mms_pdu::wsp::{Charset, EncodedString};
/// let s = EncodedString::with_charset(Charset::UTF_8, "Gruyère".as_bytes());
/// let mut out = Vec::new();
/// s.encode(&mut out);
/// assert_eq!(out[..2], [0x0A, 0xEA]); // value-length 10, charset utf-8 (106)
/// assert_eq!(s.encoded_len(), out.len());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct EncodedString<'a> {
    charset: Option<Charset>,
    bytes: Cow<'a, [u8]>,
}

impl<'a> EncodedString<'a> {
    /// A plain text-string (no charset: us-ascii by convention).
    pub fn text(text: Text<'a>) -> Self {
        EncodedString {
            charset: None,
            bytes: text.0,
        }
    }
    /// Text from a `&str`: plain when ASCII (us-ascii by convention),
    /// tagged utf-8 otherwise. Fails on NUL.
    ///
    /// ```
    /// use mms_pdu::wsp::{Charset, EncodedString};
    /// assert_eq!(EncodedString::new("+33612345678/TYPE=PLMN")?.charset(), None);
    /// assert_eq!(EncodedString::new("Grüße")?.charset(), Some(Charset::UTF_8));
    /// # Ok::<(), mms_pdu::EncodeError>(())
    /// ```
    pub fn new(s: &'a str) -> Result<Self, EncodeError> {
        let t = Text::new(s)?;
        Ok(if s.is_ascii() {
            Self::text(t)
        } else {
            Self::with_charset(Charset::UTF_8, t.0)
        })
    }
    /// Octets in the given character set (may hold NULs, e.g. UCS-2).
    pub fn with_charset(charset: Charset, bytes: impl Into<Cow<'a, [u8]>>) -> Self {
        EncodedString {
            charset: Some(charset),
            bytes: bytes.into(),
        }
    }
    /// The charset, when tagged.
    pub fn charset(&self) -> Option<Charset> {
        self.charset
    }
    /// The text octets, without Quote or NUL.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }
    /// The text when it is UTF-8 (or ASCII / untagged and valid UTF-8).
    ///
    /// For other charsets see the `charset` feature (decoding to `String`).
    pub fn as_str(&self) -> Option<&str> {
        match self.charset {
            None | Some(Charset::US_ASCII) | Some(Charset::UTF_8) | Some(Charset::ANY) => {
                core::str::from_utf8(&self.bytes).ok()
            }
            _ => None,
        }
    }
    /// The text as Unicode, read in its charset as [`super::charset::decode`]
    /// reads it (mislabelled UTF-8 included); a charset this build cannot
    /// read is read as UTF-8, invalid sequences becoming U+FFFD. For how the
    /// text was read, use [`decode_text`](Self::decode_text).
    pub fn to_string_lossy(&self) -> Cow<'_, str> {
        match super::charset::decode(self.charset, &self.bytes) {
            Ok(d) => d.text,
            Err(_) => String::from_utf8_lossy(&self.bytes),
        }
    }
    /// A copy that owns its octets.
    pub fn into_owned(self) -> EncodedString<'static> {
        EncodedString {
            charset: self.charset,
            bytes: Cow::Owned(self.bytes.into_owned()),
        }
    }
    /// As for a text-string; untagged text starting with an octet 1–31
    /// is quoted too, else that octet would read back as the Value-length
    /// of the charset form.
    fn needs_quote(&self) -> bool {
        self.bytes
            .first()
            .is_some_and(|&b| b >= QUOTE || (self.charset.is_none() && (1..=31).contains(&b)))
    }
    fn inner_len(&self) -> usize {
        usize::from(self.needs_quote()) + self.bytes.len() + 1
    }
    /// Encoded length.
    pub fn encoded_len(&self) -> usize {
        match self.charset {
            None => self.inner_len(),
            Some(cs) => {
                let region = cs.encoded_len() + self.inner_len();
                value_length_len(region as u32) + region
            }
        }
    }
    /// Checks that the value can be encoded: untagged text must be NUL-free;
    /// the length must fit a value-length.
    pub fn validate(&self) -> Result<(), EncodeError> {
        if self.charset.is_none() && self.bytes.contains(&0) {
            return Err(EncodeError::new(
                "encoded-string-value",
                "untagged text contains a NUL octet",
            ));
        }
        crate::wsp::int::wire_len(self.encoded_len(), "encoded-string-value")?;
        Ok(())
    }
    /// Writes the value (call [`validate`](Self::validate) first for caller-built values).
    pub fn encode<B: BufMut>(&self, out: &mut B) {
        if let Some(cs) = self.charset {
            let region = cs.encoded_len() + self.inner_len();
            put_value_length(region as u32, out);
            cs.encode(out);
        }
        if self.needs_quote() {
            out.put_u8(QUOTE);
        }
        out.put_slice(&self.bytes);
        out.put_u8(0);
    }
}

impl fmt::Debug for EncodedString<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.charset {
            Some(cs) => write!(f, "{:?}({:?})", cs, self.to_string_lossy()),
            None => fmt::Debug::fmt(&self.to_string_lossy(), f),
        }
    }
}

impl fmt::Display for EncodedString<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_lossy())
    }
}

/// `Encoded-string-value = Text-string | Value-length Char-set Text-string`
/// (WAP-230 §8.4.2.8, MMS_ENC 1.3 §7.2.9).
///
/// A lone NUL is the empty Text-string, not a value-length of 0 (which could
/// not hold the mandatory Char-set): MMSCs send empty subjects that way.
#[inline]
pub(crate) fn encoded_string_value(i: &[u8]) -> PResult<'_, EncodedString<'_>> {
    match i.first() {
        Some(&b) if (1..=31).contains(&b) => {
            let (rest, region) = super::int::value_length_region(i)?;
            let (mut text, cs) = charset(region)?;
            if text.first() == Some(&QUOTE) {
                text = &text[1..];
            }
            if let Some((&0, head)) = text.split_last() {
                text = head;
            } else {
                return fail(
                    text,
                    "encoded-string-value",
                    ErrorKind::Unterminated {
                        what: "encoded-string-value",
                    },
                );
            }
            Ok((
                rest,
                EncodedString {
                    charset: Some(cs),
                    bytes: Cow::Borrowed(text),
                },
            ))
        }
        _ => {
            let (rest, t) = text_string(i)?;
            Ok((rest, EncodedString::text(t)))
        }
    }
}

/// `Well-known-charset = Any-charset | Integer-value` (WAP-230 §8.4.2.8);
/// Any-charset is `<Octet 128>`, i.e. the integer 0.
#[inline]
pub(crate) fn charset(i: &[u8]) -> PResult<'_, Charset> {
    let (rest, v) = crate::error::context("charset", integer_value(i))?;
    match u32::try_from(v) {
        Ok(v) => Ok((rest, Charset(v))),
        Err(_) => fail(i, "charset", ErrorKind::IntegerOverflow { octets: 8 }),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn find_nul_agrees_with_a_plain_search() {
        // Every position of the first NUL, with NULs and 0x80/0x01 octets
        // (the borrow cases of the word trick) before and after it.
        for len in 0..40 {
            for fill in [0x01u8, 0x80, 0xFF, b'a'] {
                for nul in 0..=len {
                    let mut v = alloc::vec![fill; len];
                    if nul < len {
                        v[nul] = 0;
                        if nul + 1 < len {
                            v[nul + 1] = 0;
                        }
                    }
                    let want = v.iter().position(|&b| b == 0);
                    assert_eq!(super::find_nul(&v), want, "{v:?}");
                    assert_eq!(
                        super::find_nul(&v[1.min(len)..]),
                        v[1.min(len)..].iter().position(|&b| b == 0)
                    );
                }
            }
        }
    }

    use super::*;

    #[test]
    fn text_string_drops_the_quote_and_needs_a_nul() {
        assert_eq!(
            text_string(b"abc\0x").unwrap(),
            (&b"x"[..], Text::wire(b"abc"))
        );
        assert_eq!(
            text_string(b"\x7F\xE9t\xE9\0").unwrap().1.as_bytes(),
            b"\xE9t\xE9"
        );
        assert_eq!(text_string(b"\0").unwrap().1.as_bytes(), b"");
        assert!(matches!(
            text_string(b"abc").unwrap_err(),
            nom::Err::Error(p) if p.kind == ErrorKind::Unterminated { what: "text-string" }
        ));
        assert!(text_string(b"").is_err());
    }

    #[test]
    fn text_string_encoder_quotes_high_first_octets_only() {
        let mut out = Vec::new();
        Text::from_bytes(b"\xE9a")
            .unwrap()
            .put_text_string(&mut out);
        assert_eq!(out, b"\x7F\xE9a\0");
        out.clear();
        Text::new("a\u{e9}").unwrap().put_text_string(&mut out);
        assert_eq!(out, "a\u{e9}\0".as_bytes());
        assert_eq!(Text::from_bytes(b"\xE9a").unwrap().text_string_len(), 4);
    }

    #[test]
    fn token_text_and_extension_media_reject_control_octets() {
        assert_eq!(token_text(b"X-Foo\0").unwrap().1.as_bytes(), b"X-Foo");
        assert!(token_text(b"\x01a\0").is_err());
        assert!(token_text(b"\x80").is_err());
        assert_eq!(
            extension_media(b"image/x-foo\0").unwrap().1.as_bytes(),
            b"image/x-foo"
        );
        assert!(extension_media(b"\x85").is_err());
    }

    #[test]
    fn quoted_string_and_text_value_forms() {
        assert_eq!(
            quoted_string(b"\"<smil>\0").unwrap().1.as_bytes(),
            b"<smil>"
        );
        assert!(quoted_string(b"<smil>\0").is_err());
        assert_eq!(text_value(b"\0").unwrap().1, TextValue::NoValue);
        assert_eq!(
            text_value(b"\"a b\0").unwrap().1,
            TextValue::Quoted(Text::wire(b"a b"))
        );
        assert_eq!(
            text_value(b"tok\0").unwrap().1,
            TextValue::Token(Text::wire(b"tok"))
        );
        for v in [
            TextValue::NoValue,
            TextValue::Quoted(Text::wire(b"x")),
            TextValue::Token(Text::wire(b"y")),
        ] {
            let mut out = Vec::new();
            v.encode(&mut out);
            assert_eq!(out.len(), v.encoded_len());
            assert_eq!(text_value(&out).unwrap(), (&[][..], v));
        }
    }

    #[test]
    fn encoded_string_value_plain_and_charset_forms() {
        let (_, s) = encoded_string_value(b"Pin-Ups\0").unwrap();
        assert_eq!((s.charset(), s.as_bytes()), (None, &b"Pin-Ups"[..]));
        // value-length 8, utf-8, "Gruy\xC3\xA8re" would be longer; use "caf\xC3\xA9".
        let bytes = b"\x07\xEAcaf\xC3\xA9\0";
        let (rest, s) = encoded_string_value(bytes).unwrap();
        assert!(rest.is_empty());
        assert_eq!(s.charset(), Some(Charset::UTF_8));
        assert_eq!(s.as_str(), Some("caf\u{e9}"));
        let mut out = Vec::new();
        s.encode(&mut out);
        assert_eq!(out, bytes);
    }

    #[test]
    fn encoded_string_value_lone_nul_is_the_empty_text() {
        let (rest, s) = encoded_string_value(b"\0\x8C").unwrap();
        assert_eq!(
            (rest, s.charset(), s.as_bytes()),
            (&b"\x8C"[..], None, &b""[..])
        );
        let mut out = Vec::new();
        s.encode(&mut out);
        assert_eq!(out, b"\0");
    }

    #[test]
    fn encoded_string_value_ucs2_is_delimited_by_its_length() {
        // value-length 6, charset 1000 (long-integer 0x02 0x03 0xE8), "A" in UCS-2, NUL.
        let bytes = b"\x06\x02\x03\xE8\x00\x41\x00";
        let (_, s) = encoded_string_value(bytes).unwrap();
        assert_eq!(s.charset(), Some(Charset(1000)));
        assert_eq!(s.as_bytes(), b"\x00\x41");
        let mut out = Vec::new();
        s.encode(&mut out);
        assert_eq!(out, bytes);
    }

    #[test]
    fn encoded_string_value_quote_inside_charset_form() {
        let s = EncodedString::with_charset(Charset::ISO_8859_1, &b"\xE9t\xE9"[..]);
        let mut out = Vec::new();
        s.encode(&mut out);
        assert_eq!(out, b"\x06\x84\x7F\xE9t\xE9\0");
        let (_, back) = encoded_string_value(&out).unwrap();
        assert_eq!(back, s);
        assert_eq!(back.to_string_lossy(), "\u{e9}t\u{e9}");
    }
}
