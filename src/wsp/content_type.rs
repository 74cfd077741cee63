//! Content-Type (WAP-230 §8.4.2.24) and its parameters (§8.4.2.4).
//!
//! ```text
//! Content-type-value   = Constrained-media | Content-general-form
//! Constrained-media    = Constrained-encoding            ; Extension-Media | Short-integer
//! Content-general-form = Value-length Media-type
//! Media-type           = (Well-known-media | Extension-Media) *(Parameter)
//! Well-known-media     = Integer-value
//! Parameter            = Typed-parameter | Untyped-parameter
//! Typed-parameter      = Well-known-parameter-token Typed-value
//! Untyped-parameter    = Token-text Untyped-value        ; Integer-value | Text-value
//! ```

use alloc::borrow::Cow;
#[cfg(feature = "mime")]
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use bytes::BufMut;

use super::charset::Charset;
use super::int::{
    integer_value, integer_value_len, put_integer_value, put_value_length, value_length_len,
    value_length_region, wire_len,
};
use super::tables::WELL_KNOWN_MEDIA;
#[cfg(feature = "mime")]
use super::text::TextValue;
use super::text::{extension_media, Text};
use crate::error::{fail, ErrorKind, PResult};
use crate::{EncodeError, Limits};

use super::parameter::{ParamName, ParamValue};
// The parameter rules live in parameter.rs; the crate reaches them here too.
pub(crate) use super::parameter::{parameters, Parameter};

/// A media type: a well-known code of WAP-230 Table 40 or text.
///
/// ```
/// use mms_pdu::wsp::Media;
/// assert_eq!(Media::WellKnown(0x33).name(), "application/vnd.wap.multipart.related");
/// assert_eq!(Media::from_name("image/jpeg"), Media::WellKnown(0x1E));
/// assert_eq!(Media::from_name("image/webp").name(), "image/webp");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Media<'a> {
    /// A Well-known-media code.
    WellKnown(#[cfg_attr(feature = "serde", serde(with = "crate::wsp::serde::media_code"))] u32),
    /// Extension-media text.
    Text(
        #[cfg_attr(
            feature = "serde",
            serde(deserialize_with = "crate::wsp::serde::extension_media")
        )]
        Text<'a>,
    ),
}

impl<'a> Media<'a> {
    /// The media type as text; an unknown code prints as `0xNN`.
    pub fn name(&self) -> Cow<'_, str> {
        match self {
            Media::WellKnown(c) => match well_known_media_name(*c) {
                Some(n) => Cow::Borrowed(n),
                None => Cow::Owned(alloc::format!("0x{c:02x}")),
            },
            Media::Text(t) => t.to_string_lossy(),
        }
    }
    /// The well-known code for `name` when there is one that peers widely
    /// know (0x00–0x4D: later codes and the WINA extensions are sent as
    /// text, which every decoder reads), else text. Case-insensitive. A name
    /// with a NUL is cut at it.
    pub fn from_name(name: &'a str) -> Media<'a> {
        match well_known_media_code(name) {
            Some(c) if c <= MAX_ENCODED_MEDIA => Media::WellKnown(c),
            _ => {
                let cut = name.split('\0').next().unwrap_or("");
                Media::Text(Text::wire(cut.as_bytes()))
            }
        }
    }
    /// True for `application/vnd.wap.multipart.*` and `multipart/*` types.
    pub fn is_multipart(&self) -> bool {
        match self {
            // 0x0C multipart/*, 0x0D-0x11 multipart/{mixed,form-data,byteranges,alternative},
            // 0x22-0x27 application/vnd.wap.multipart.*, 0x33 .related, 0x3C? no.
            Media::WellKnown(c) => {
                matches!(c, 0x0C..=0x0F | 0x22..=0x27 | 0x33)
            }
            Media::Text(t) => {
                let b = t.as_bytes();
                starts_with_ignore_case(b, b"multipart/")
                    || starts_with_ignore_case(b, b"application/vnd.wap.multipart.")
            }
        }
    }
    /// A copy that owns its octets.
    pub fn into_owned(self) -> Media<'static> {
        match self {
            Media::WellKnown(c) => Media::WellKnown(c),
            Media::Text(t) => Media::Text(t.into_owned()),
        }
    }
    /// Checks that the media type reads back as itself: Extension-media
    /// text is not empty and opens with an octet 32–127 (WAP-230
    /// §8.4.2.24; an octet below 32 would be read as a Value-length, one
    /// from 128 as a Short-integer code), and is NUL-free.
    ///
    /// ```
    /// use mms_pdu::wsp::Media;
    /// assert!(Media::from_name("image/webp").validate().is_ok());
    /// assert!(Media::from_name("").validate().is_err());
    /// assert!(Media::from_name("ímage/png").validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<(), EncodeError> {
        match self {
            Media::WellKnown(_) => Ok(()),
            Media::Text(t) => match t.as_bytes().first() {
                None => Err(EncodeError::new("media type", "empty extension-media")),
                Some(&b) if !(0x20..0x80).contains(&b) => Err(EncodeError::new(
                    "media type",
                    "extension-media must open with an octet 32-127",
                )),
                Some(_) if t.as_bytes().contains(&0) => Err(EncodeError::new(
                    "media type",
                    "media type contains a NUL octet",
                )),
                Some(_) => Ok(()),
            },
        }
    }
    fn constrained_len(&self) -> Option<usize> {
        match self {
            Media::WellKnown(c) if *c < 0x80 => Some(1),
            Media::WellKnown(_) => None,
            Media::Text(t) => Some(t.len() + 1),
        }
    }
    fn general_len(&self) -> usize {
        match self {
            Media::WellKnown(c) => integer_value_len(u64::from(*c)),
            Media::Text(t) => t.len() + 1,
        }
    }
    fn put_general<B: BufMut>(&self, out: &mut B) {
        match self {
            Media::WellKnown(c) => put_integer_value(u64::from(*c), out),
            Media::Text(t) => {
                out.put_slice(t.as_bytes());
                out.put_u8(0);
            }
        }
    }
}

impl fmt::Debug for Media<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

impl fmt::Display for Media<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

fn starts_with_ignore_case(b: &[u8], prefix: &[u8]) -> bool {
    b.len() >= prefix.len() && b[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The highest well-known media code the encoder picks by itself: the last
/// code of WAP-230 Table 40 that Wireshark and Android both decode.
const MAX_ENCODED_MEDIA: u32 = 0x4D;

/// The name of a well-known media code (WAP-230 Table 40 and the WINA registry).
pub fn well_known_media_name(code: u32) -> Option<&'static str> {
    let code = u16::try_from(code).ok()?;
    WELL_KNOWN_MEDIA
        .binary_search_by_key(&code, |&(c, _)| c)
        .ok()
        .map(|k| WELL_KNOWN_MEDIA[k].1)
}

/// The well-known code of a media type name (case-insensitive).
pub fn well_known_media_code(name: &str) -> Option<u32> {
    WELL_KNOWN_MEDIA
        .iter()
        .find(|(_, n)| n.eq_ignore_ascii_case(name))
        .map(|&(c, _)| u32::from(c))
}

/// The text a Constrained-encoding writes for a media type that has no
/// short-integer form: its text, or the name of a well-known code above 127
/// (`None` for an unknown one, which cannot be written).
pub(super) fn constrained_name<'m>(m: &'m Media<'_>) -> Option<&'m [u8]> {
    match m {
        Media::Text(t) => Some(t.as_bytes()),
        Media::WellKnown(c) => well_known_media_name(*c).map(str::as_bytes),
    }
}

/// `Constrained-encoding = Extension-Media | Short-integer` (WAP-230 §8.4.2.24).
pub(crate) fn constrained_media(i: &[u8]) -> PResult<'_, Media<'_>> {
    match i.first() {
        Some(&b) if b >= 0x80 => Ok((&i[1..], Media::WellKnown(u32::from(b & 0x7F)))),
        _ => {
            let (r, t) = extension_media(i)?;
            Ok((r, Media::Text(t)))
        }
    }
}

/// A decoded Content-Type: the media type and its parameters.
/// Follows WAP-230 §8.4.2.24 (`Content-type-value`).
///
/// ```
/// use mms_pdu::wsp::{Charset, ContentType, Media};
/// // General form: value-length 4, text/plain (0x03), charset utf-8.
/// let ct = ContentType::decode(&[0x03, 0x83, 0x81, 0xEA]).unwrap();
/// assert_eq!(ct.media().name(), "text/plain");
/// assert_eq!(ct.charset(), Some(Charset::UTF_8));
/// assert_eq!(ct.to_vec(), [0x03, 0x83, 0x81, 0xEA]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ContentType<'a> {
    media: Media<'a>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    params: Vec<Parameter<'a>>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "core::ops::Not::not")
    )]
    general_form: bool,
}

impl<'a> ContentType<'a> {
    /// A content type without parameters.
    pub fn new(media: Media<'a>) -> Self {
        ContentType {
            media,
            params: Vec::new(),
            general_form: false,
        }
    }
    /// Adds a parameter (builder style).
    pub fn with(mut self, p: Parameter<'a>) -> Self {
        self.params.push(p);
        self
    }
    /// The media type.
    pub fn media(&self) -> &Media<'a> {
        &self.media
    }
    /// The parameters, in wire order.
    pub fn params(&self) -> &[Parameter<'a>] {
        &self.params
    }
    /// Mutable parameters.
    pub fn params_mut(&mut self) -> &mut Vec<Parameter<'a>> {
        &mut self.params
    }
    /// Whether the value is (or will be) written in the Content-general-form
    /// even without parameters. Decoding records what the wire had.
    pub fn general_form(&self) -> bool {
        self.general_form
    }
    /// Forces (or not) the general form for a parameterless type.
    pub fn set_general_form(&mut self, on: bool) {
        self.general_form = on;
    }
    /// The first parameter whose lower-case name is `name`.
    pub fn param(&self, name: &str) -> Option<&ParamValue<'a>> {
        self.params
            .iter()
            .find(|p| p.name.name().eq_ignore_ascii_case(name))
            .map(|p| &p.value)
    }
    /// The Charset parameter, when typed.
    pub fn charset(&self) -> Option<Charset> {
        self.params.iter().find_map(|p| match (&p.name, &p.value) {
            (ParamName::WellKnown(0x01), ParamValue::Charset(c)) => Some(*c),
            _ => None,
        })
    }
    /// Decodes a Content-type-value that must fill `input` exactly.
    pub fn decode(input: &'a [u8]) -> Result<Self, crate::DecodeError> {
        match crate::wsp::int::all_of(input, "content-type", |i| content_type(i, &Limits::DEFAULT))
        {
            Ok((_, ct)) => Ok(ct),
            Err(e) => Err(crate::error::unwrap_err(e, input).into_public(input)),
        }
    }
    /// A copy that owns its octets.
    pub fn into_owned(self) -> ContentType<'static> {
        ContentType {
            media: self.media.into_owned(),
            params: self.params.into_iter().map(Parameter::into_owned).collect(),
            general_form: self.general_form,
        }
    }
    fn uses_general_form(&self) -> bool {
        self.general_form || !self.params.is_empty() || self.media.constrained_len().is_none()
    }
    fn general_region_len(&self) -> usize {
        self.media.general_len()
            + self
                .params
                .iter()
                .map(Parameter::encoded_len)
                .sum::<usize>()
    }
    /// Encoded length.
    pub fn encoded_len(&self) -> usize {
        if self.uses_general_form() {
            let r = self.general_region_len();
            value_length_len(r as u32) + r
        } else {
            self.media.constrained_len().unwrap_or(0)
        }
    }
    /// Checks that the value fits on the wire.
    pub fn validate(&self) -> Result<(), EncodeError> {
        self.media.validate()?;
        if self.params.len() > crate::Limits::DEFAULT.max_parameters {
            return Err(EncodeError::new(
                "content-type",
                "more parameters than the decoder's default limit (Limits::max_parameters)",
            ));
        }
        for p in &self.params {
            if let ParamValue::Media(m) = &p.value {
                m.validate()?;
            }
            if let ParamValue::Media(m @ Media::WellKnown(c)) = &p.value {
                if *c >= 0x80 && constrained_name(m).is_none() {
                    return Err(EncodeError::new(
                        "content-type parameter",
                        "a Constrained-encoding media code above 127 must be known to be written as text",
                    ));
                }
            }
        }
        wire_len(self.general_region_len(), "content-type").map(|_| ())
    }
    /// Writes the value.
    pub fn encode<B: BufMut>(&self, out: &mut B) {
        if self.uses_general_form() {
            put_value_length(self.general_region_len() as u32, out);
            self.media.put_general(out);
            for p in &self.params {
                p.encode(out);
            }
        } else {
            match &self.media {
                Media::WellKnown(c) => out.put_u8(0x80 | *c as u8),
                Media::Text(t) => {
                    out.put_slice(t.as_bytes());
                    out.put_u8(0);
                }
            }
        }
    }
    /// The encoded bytes.
    pub fn to_vec(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(self.encoded_len());
        self.encode(&mut v);
        v
    }
    /// Converts to a [`mime::Mime`] when the `mime` crate can represent it
    /// (a valid `type/subtype` and token or quotable parameter values).
    ///
    /// ```
    /// use mms_pdu::wsp::ContentType;
    /// let ct = ContentType::decode(&[0x03, 0x83, 0x81, 0xEA]).unwrap();
    /// assert_eq!(ct.to_mime().unwrap().to_string(), "text/plain; charset=utf-8");
    /// ```
    #[cfg(feature = "mime")]
    pub fn to_mime(&self) -> Option<mime::Mime> {
        let mut s = String::from(self.media.name());
        for p in &self.params {
            let v = p.value.to_text();
            s.push_str("; ");
            s.push_str(&p.name.name());
            s.push('=');
            if !v.is_empty()
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._+!#$&^`|~".contains(&b))
            {
                s.push_str(&v);
            } else {
                if v.contains(['"', '\\']) || !v.is_ascii() {
                    return None;
                }
                s.push('"');
                s.push_str(&v);
                s.push('"');
            }
        }
        s.parse().ok()
    }
    /// Converts from a [`mime::Mime`]: the media type as a well-known code
    /// where there is one; `charset` as a typed Charset when the name is
    /// known; `type` (multipart/related), `start`, `start-info`, `name` and
    /// `filename` as typed WSP 1.1–1.3 parameters; others untyped.
    ///
    /// ```
    /// use mms_pdu::wsp::ContentType;
    /// let m: mime::Mime = "application/vnd.wap.multipart.related; type=\"application/smil\"; start=\"<smil>\"".parse().unwrap();
    /// let ct = ContentType::from_mime(&m);
    /// assert_eq!(ct.to_mime().unwrap(), m);
    /// ```
    #[cfg(feature = "mime")]
    pub fn from_mime(m: &mime::Mime) -> ContentType<'static> {
        let essence = m.essence_str();
        let media = match well_known_media_code(essence) {
            Some(c) => Media::WellKnown(c),
            None => Media::Text(owned_text(essence)),
        };
        let mut ct = ContentType::new(media);
        for (name, value) in m.params() {
            let v = value.as_str();
            let p = match name.as_str() {
                "charset" if Charset::from_name(v).is_some() => {
                    Parameter::charset(Charset::from_name(v).unwrap_or(Charset::ANY))
                }
                "type" => Parameter::typed(
                    0x09,
                    ParamValue::Media(match well_known_media_code(v) {
                        Some(c) if c < 0x80 => Media::WellKnown(c),
                        _ => Media::Text(owned_text(v)),
                    }),
                ),
                "start" => Parameter::typed(0x0A, ParamValue::Text(owned_text(v))),
                "start-info" => Parameter::typed(0x0B, ParamValue::Text(owned_text(v))),
                "name" => Parameter::typed(0x05, ParamValue::Text(owned_text(v))),
                "filename" => Parameter::typed(0x06, ParamValue::Text(owned_text(v))),
                other => Parameter {
                    name: ParamName::Text(owned_text(other)),
                    value: ParamValue::TextValue(TextValue::Token(owned_text(v))),
                },
            };
            ct.params.push(p);
        }
        ct
    }
}

/// Parses the MIME form (RFC 2045 §5.1) through [`mime::Mime`] and
/// [`ContentType::from_mime`]; the inverse of `Display`.
///
/// ```
/// use mms_pdu::wsp::ContentType;
/// let ct: ContentType = "text/plain; charset=utf-8".parse()?;
/// assert_eq!(ct.charset().map(|c| c.0), Some(106));
/// assert_eq!(ct.to_string(), "text/plain; charset=utf-8");
/// # Ok::<(), mime::FromStrError>(())
/// ```
#[cfg(feature = "mime")]
impl core::str::FromStr for ContentType<'static> {
    type Err = mime::FromStrError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse::<mime::Mime>().map(|m| ContentType::from_mime(&m))
    }
}

impl fmt::Display for ContentType<'_> {
    /// The MIME form: `type/subtype; name=value; …` (values quoted when
    /// they are not tokens).
    ///
    /// ```
    /// use mms_pdu::wsp::ContentType;
    /// let ct = ContentType::decode(&[0x03, 0x83, 0x81, 0xEA]).unwrap();
    /// assert_eq!(ct.to_string(), "text/plain; charset=utf-8");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.media.name())?;
        for p in &self.params {
            let v = p.value.to_text();
            let token = !v.is_empty()
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._+!#$&^`|~".contains(&b));
            if token {
                write!(f, "; {}={v}", p.name.name())?;
            } else {
                write!(
                    f,
                    "; {}=\"{}\"",
                    p.name.name(),
                    v.replace('\\', "\\\\").replace('"', "\\\"")
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(feature = "mime")]
fn owned_text(s: &str) -> Text<'static> {
    let cut: String = s.chars().take_while(|&c| c != '\0').collect();
    Text::from_string(cut).unwrap_or_else(|_| Text::wire(b""))
}

/// `Content-type-value` (WAP-230 §8.4.2.24).
pub(crate) fn content_type<'a>(i: &'a [u8], limits: &Limits) -> PResult<'a, ContentType<'a>> {
    match i.first() {
        None => fail(
            i,
            "content-type",
            ErrorKind::Truncated {
                expected: "content-type",
            },
        ),
        Some(&b) if b <= 31 => {
            let (rest, region) = value_length_region(i)?;
            let (r, media) = match region.first() {
                Some(&m) if m >= 0x80 || m <= 30 => {
                    let (r, c) = integer_value(region)?;
                    let Ok(c) = u32::try_from(c) else {
                        return fail(
                            region,
                            "content-type",
                            ErrorKind::IntegerOverflow { octets: 8 },
                        );
                    };
                    (r, Media::WellKnown(c))
                }
                _ => {
                    let (r, t) = extension_media(region)?;
                    (r, Media::Text(t))
                }
            };
            let (_, params) = parameters(r, limits)?;
            // The flag records only what the parameters and the media code
            // do not already imply: a general form around a bare type.
            let general_form = params.is_empty() && media.constrained_len().is_some();
            Ok((
                rest,
                ContentType {
                    media,
                    params,
                    general_form,
                },
            ))
        }
        Some(_) => {
            let (r, m) = constrained_media(i)?;
            Ok((r, ContentType::new(m)))
        }
    }
}

/// The media type of a Content-type-value, without its parameters (no
/// allocation); `None` when the octets are not a content type.
pub(crate) fn media_of(i: &[u8]) -> Option<Media<'_>> {
    match i.first()? {
        &b if b <= 31 => {
            let (_, region) = value_length_region(i).ok()?;
            match region.first()? {
                &m if m >= 0x80 || m <= 30 => {
                    let (_, c) = integer_value(region).ok()?;
                    Some(Media::WellKnown(u32::try_from(c).ok()?))
                }
                _ => extension_media(region).ok().map(|(_, t)| Media::Text(t)),
            }
        }
        _ => constrained_media(i).ok().map(|(_, m)| m),
    }
}

/// The extent of a Content-type-value: its value-length region, one
/// short-integer octet, or text up to its NUL.
pub(crate) fn content_type_extent(i: &[u8]) -> PResult<'_, &[u8]> {
    let before = i;
    let rest = match i.first() {
        Some(&b) if b <= 31 => value_length_region(i)?.0,
        Some(&b) if b >= 0x80 => &i[1..],
        _ => extension_media(i)?.0,
    };
    Ok((rest, &before[..before.len() - rest.len()]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wsp::parameter::PARAMS;
    use crate::wsp::TextValue;

    fn round_trip(bytes: &[u8]) -> ContentType<'_> {
        let ct = ContentType::decode(bytes).unwrap();
        assert_eq!(ct.to_vec(), bytes, "{ct:?}");
        assert_eq!(ct.encoded_len(), bytes.len());
        ct
    }

    #[test]
    fn constrained_forms() {
        assert_eq!(
            round_trip(&[0xBE]).media().name(),
            "application/vnd.wap.mms-message"
        );
        assert_eq!(round_trip(b"image/webp\0").media().name(), "image/webp");
        assert!(ContentType::decode(&[0xBE, 0x00]).is_err());
    }

    #[test]
    fn general_form_with_multipart_related_parameters() {
        // value-length, 0xB3 related, Type(0x89) "application/smil", Start(0x8A) "<smil>"
        let mut b = alloc::vec![0u8, 0xB3, 0x89];
        b.extend_from_slice(b"application/smil\0");
        b.push(0x8A);
        b.extend_from_slice(b"<smil>\0");
        b[0] = (b.len() - 1) as u8;
        let ct = round_trip(&b);
        assert_eq!(ct.media().name(), "application/vnd.wap.multipart.related");
        assert_eq!(ct.param("type").unwrap().to_text(), "application/smil");
        assert_eq!(ct.param("start").unwrap().to_text(), "<smil>");
        assert!(ct.media().is_multipart());
    }

    #[test]
    fn wsp_1_4_text_value_parameters_and_untyped_ones() {
        // text/plain; Name(0x97) quoted "a b"; untyped "x-foo"=7; untyped "x-bar"="baz"
        let mut b = alloc::vec![0u8, 0x83, 0x97, b'"', b'a', b' ', b'b', 0];
        b.extend_from_slice(b"x-foo\0\x87x-bar\0baz\0");
        b[0] = (b.len() - 1) as u8;
        let ct = round_trip(&b);
        assert_eq!(ct.param("name").unwrap().to_text(), "a b");
        assert_eq!(ct.param("x-foo"), Some(&ParamValue::Integer(7)));
        assert_eq!(ct.param("x-bar").unwrap().to_text(), "baz");
    }

    #[test]
    fn well_known_media_above_127_uses_the_general_form() {
        let ct = ContentType::new(Media::WellKnown(0x0201));
        let v = ct.to_vec();
        assert_eq!(v, [0x03, 0x02, 0x02, 0x01]);
        assert_eq!(ContentType::decode(&v).unwrap(), ct);
        // A bare well-known type in the general form keeps that form.
        let g = ContentType::decode(&[0x01, 0x83]).unwrap();
        assert!(g.general_form());
        assert_eq!(g.to_vec(), [0x01, 0x83]);
    }

    #[test]
    fn media_table_round_trips_every_code() {
        assert!(WELL_KNOWN_MEDIA.windows(2).all(|w| w[0].0 < w[1].0));
        for &(code, name) in WELL_KNOWN_MEDIA {
            assert_eq!(well_known_media_code(name), Some(u32::from(code)), "{name}");
            let picked = Media::from_name(name);
            if code <= MAX_ENCODED_MEDIA as u16 {
                assert_eq!(picked, Media::WellKnown(u32::from(code)));
            } else {
                assert_eq!(picked, Media::Text(Text::wire(name.as_bytes())));
            }
            let ct = ContentType::new(Media::WellKnown(u32::from(code)));
            let bytes = ct.to_vec();
            let back = ContentType::decode(&bytes).unwrap();
            assert_eq!(back.media(), ct.media());
        }
        for (code, name) in [
            (0x00, "*/*"),
            (0x03, "text/plain"),
            (0x1E, "image/jpeg"),
            (0x23, "application/vnd.wap.multipart.mixed"),
            (0x26, "application/vnd.wap.multipart.alternative"),
            (0x33, "application/vnd.wap.multipart.related"),
            (0x3E, "application/vnd.wap.mms-message"),
        ] {
            assert_eq!(well_known_media_name(code), Some(name));
        }
    }

    #[test]
    fn every_typed_parameter_round_trips() {
        let samples: &[(u8, ParamValue<'static>)] = &[
            (0x00, ParamValue::Q(50)),
            (0x01, ParamValue::Charset(Charset::BIG5)),
            (0x02, ParamValue::Short(0x10)),
            (0x03, ParamValue::Integer(300)),
            (0x05, ParamValue::Text(Text::wire(b"a.jpg"))),
            (0x06, ParamValue::Text(Text::wire(b"b.jpg"))),
            (0x07, ParamValue::Text(Text::wire(b"x-hdr"))),
            (0x08, ParamValue::Short(3)),
            (
                0x09,
                ParamValue::Media(Media::Text(Text::wire(b"application/smil"))),
            ),
            (0x0A, ParamValue::Text(Text::wire(b"<s>"))),
            (0x0B, ParamValue::Text(Text::wire(b"info"))),
            (0x0C, ParamValue::Text(Text::wire(b"c"))),
            (0x0D, ParamValue::Text(Text::wire(b"d"))),
            (0x0E, ParamValue::Integer(3600)),
            (0x0F, ParamValue::Text(Text::wire(b"/"))),
            (0x10, ParamValue::NoValue),
            (0x11, ParamValue::Short(1)),
            (
                0x12,
                ParamValue::TextValue(TextValue::Token(Text::wire(b"mac"))),
            ),
            (0x13, ParamValue::Date(1_163_578_981)),
            (0x14, ParamValue::Date(1)),
            (0x15, ParamValue::Date(2)),
            (0x16, ParamValue::Integer(12345)),
            (
                0x17,
                ParamValue::TextValue(TextValue::Quoted(Text::wire(b"n"))),
            ),
            (
                0x18,
                ParamValue::TextValue(TextValue::Token(Text::wire(b"f"))),
            ),
            (
                0x19,
                ParamValue::TextValue(TextValue::Token(Text::wire(b"<s>"))),
            ),
            (0x1A, ParamValue::TextValue(TextValue::NoValue)),
            (
                0x1B,
                ParamValue::TextValue(TextValue::Token(Text::wire(b"c"))),
            ),
            (
                0x1C,
                ParamValue::TextValue(TextValue::Token(Text::wire(b"d"))),
            ),
            (
                0x1D,
                ParamValue::TextValue(TextValue::Token(Text::wire(b"p"))),
            ),
        ];
        assert_eq!(samples.len(), PARAMS.len());
        for (code, value) in samples {
            let ct = ContentType::new(Media::WellKnown(0x03))
                .with(Parameter::typed(*code, value.clone()));
            let bytes = ct.to_vec();
            assert_eq!(bytes.len(), ct.encoded_len());
            assert_eq!(
                ContentType::decode(&bytes).unwrap(),
                ct,
                "parameter 0x{code:02x}"
            );
        }
    }

    #[test]
    fn a_type_parameter_above_127_is_written_as_its_name() {
        let ct = ContentType::new(Media::WellKnown(0x33)).with(Parameter::typed(
            0x09,
            ParamValue::Media(Media::WellKnown(0x0201)),
        ));
        let bytes = ct.to_vec();
        assert_eq!(bytes.len(), ct.encoded_len());
        let back = ContentType::decode(&bytes).unwrap();
        assert_eq!(
            back.param("type").unwrap().to_text(),
            well_known_media_name(0x0201).unwrap()
        );
        let unknown = ContentType::new(Media::WellKnown(0x33)).with(Parameter::typed(
            0x09,
            ParamValue::Media(Media::WellKnown(0x7777)),
        ));
        assert!(unknown.validate().is_err());
    }

    #[test]
    fn displays_in_mime_form_quoting_non_tokens() {
        let ct = ContentType::new(Media::WellKnown(0x33))
            .with(Parameter::typed(
                0x09,
                ParamValue::Media(Media::Text(Text::wire(b"application/smil"))),
            ))
            .with(Parameter::typed(
                0x0A,
                ParamValue::Text(Text::wire(b"<smil>")),
            ));
        assert_eq!(
            ct.to_string(),
            "application/vnd.wap.multipart.related; type=\"application/smil\"; start=\"<smil>\""
        );
    }

    #[test]
    fn charset_written_as_text_is_kept_leniently() {
        let b = b"\x08\x83\x81utf-8\0";
        let ct = round_trip(b);
        assert_eq!(ct.param("charset").unwrap().to_text(), "utf-8");
    }

    #[test]
    fn rejects_truncated_and_overlong_regions() {
        assert!(ContentType::decode(&[0x05, 0x83]).is_err());
        assert!(ContentType::decode(&[0x02, 0x83, 0x81]).is_err()); // charset value missing
        assert!(ContentType::decode(&[]).is_err());
    }

    #[cfg(feature = "mime")]
    #[test]
    fn converts_to_and_from_mime() {
        let m: mime::Mime = "image/jpeg; name=cat.jpg".parse().unwrap();
        let ct = ContentType::from_mime(&m);
        assert_eq!(ct.media(), &Media::WellKnown(0x1E));
        assert_eq!(ct.to_mime().unwrap(), m);
        let bytes = ct.to_vec();
        assert_eq!(ContentType::decode(&bytes).unwrap(), ct);
    }
}
