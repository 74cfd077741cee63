//! Unicode views of WSP values: the text of an [`EncodedString`] or a
//! [`Part`] read in its charset, and an encoded-string-value built from
//! Unicode text. The charset rules themselves are in [`super::charset`];
//! this module only applies them to the types of the text and multipart
//! rules above them.

use alloc::borrow::Cow;
use alloc::string::String;

use super::charset::{decode, encode, Charset, DecodedText, UnsupportedCharset};
use super::transfer::TransferError;
use super::{EncodedString, Part, Text};
use crate::EncodeError;

impl EncodedString<'_> {
    /// The text as Unicode, read in its charset (see [`decode`](super::charset::decode)).
    ///
    /// ```
    /// use mms_pdu::wsp::{Charset, EncodedString};
    /// let s = EncodedString::with_charset(Charset::UTF_16, &b"\xFF\xFEh\x00i\x00"[..]);
    /// assert_eq!(s.decode_text().unwrap().text, "hi");
    /// ```
    pub fn decode_text(&self) -> Result<DecodedText<'_>, UnsupportedCharset> {
        decode(self.charset(), self.as_bytes())
    }
}

/// Builds an encoded-string-value for `text`: untagged when ASCII (us-ascii
/// by convention), utf-8 otherwise, or in `charset` when one is named.
///
/// ```
/// use mms_pdu::wsp::encoded_string;
/// use mms_pdu::wsp::Charset;
/// assert_eq!(encoded_string("Hi", None).unwrap().charset(), None);
/// assert_eq!(encoded_string("Grüße", None).unwrap().charset(), Some(Charset::UTF_8));
/// let ucs2 = encoded_string("Hi", Some(Charset::UCS_2)).unwrap();
/// assert_eq!(ucs2.as_bytes(), b"\x00H\x00i");
/// ```
pub fn encoded_string(
    text: &str,
    charset: Option<Charset>,
) -> Result<EncodedString<'static>, EncodeError> {
    match charset {
        // Plain text-string when strictly valid (WAP-230 §8.4.2.1); ASCII
        // opening with a control octet goes in the charset form, where the
        // value-length delimits it.
        None if text.is_ascii() && Text::new(text)?.is_strict().is_ok() => {
            Ok(EncodedString::text(Text::from_string(String::from(text))?))
        }
        None => Ok(EncodedString::with_charset(
            Charset::UTF_8,
            encode(text, Charset::UTF_8)?.into_owned(),
        )),
        Some(cs) => Ok(EncodedString::with_charset(
            cs,
            encode(text, cs)?.into_owned(),
        )),
    }
}

/// Why a part's text cannot be read ([`Part::text`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum TextError {
    /// The Content-Transfer-Encoding (base64, quoted-printable) cannot be undone.
    #[error(transparent)]
    Transfer(#[from] TransferError),
    /// The part's charset is one this build cannot read.
    #[error(transparent)]
    Charset(#[from] UnsupportedCharset),
}

impl Part<'_> {
    /// The part's data as text, in the charset of its Content-Type (after
    /// undoing a Content-Transfer-Encoding; see
    /// [`decode`](super::charset::decode) for the charset rules). An error
    /// when the transfer encoding cannot be undone or the charset cannot
    /// be read by this build.
    ///
    /// ```
    /// use mms_pdu::wsp::{Charset, ContentType, Media, Parameter, Part, Text, TextError, WspHeader};
    /// let ct = ContentType::new(Media::from_name("text/plain")).with(Parameter::charset(Charset::UTF_8));
    /// let p = Part::new(ct.clone(), "Grüße".as_bytes());
    /// assert_eq!(p.text()?.text, "Grüße");
    ///
    /// let mut bad = Part::new(ct, &b"!!"[..]);
    /// bad.headers.push(WspHeader::Application {
    ///     name: Text::new("Content-Transfer-Encoding")?,
    ///     value: Text::new("base64")?,
    /// });
    /// assert!(matches!(bad.text(), Err(TextError::Transfer(_))));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text(&self) -> Result<DecodedText<'static>, TextError> {
        let data = self.decoded_data()?;
        let d = decode(self.content_type.charset(), &data)?;
        Ok(DecodedText {
            text: Cow::Owned(d.text.into_owned()),
            reading: d.reading,
        })
    }
}
