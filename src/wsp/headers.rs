//! WSP headers of multipart entries and push PDUs (WAP-230 §8.4.1, §8.4.2.x).
//!
//! ```text
//! Header              = Message-header | Shift-sequence
//! Message-header      = Well-known-header | Application-header
//! Well-known-header   = Well-known-field-name Wap-value   ; field name: Short-integer
//! Application-header  = Token-text Application-specific-value   ; Text-string
//! ```

use alloc::vec::Vec;

use bytes::BufMut;

use super::content_type::{parameters, Parameter};
use super::int::{octet, put_value_length, value_length_len, value_length_region, wire_len};
use super::tables::WELL_KNOWN_HEADERS;
use super::text::{
    quoted_string, text_string, text_string_deviation, token_text, Text, DQUOTE, QUOTE,
};
use crate::ctx::Ctx;
use crate::error::{fail, ErrorKind, PResult};
use crate::{EncodeError, Limits};

/// Content-Location (WAP-230 Table 39).
pub const CONTENT_LOCATION: u8 = 0x0E;
/// Content-Disposition, WSP 1.1–1.3 encoding.
pub const CONTENT_DISPOSITION: u8 = 0x2E;
/// Content-ID.
pub const CONTENT_ID: u8 = 0x40;
/// Content-Disposition, WSP 1.4 encoding.
pub const CONTENT_DISPOSITION_14: u8 = 0x45;

/// The name of a well-known WSP header field code (WAP-230 Table 39).
///
/// ```
/// assert_eq!(mms_pdu::wsp::header_name(0x40), Some("Content-ID"));
/// ```
pub fn header_name(code: u8) -> Option<&'static str> {
    WELL_KNOWN_HEADERS
        .binary_search_by_key(&code, |&(c, _)| c)
        .ok()
        .map(|k| WELL_KNOWN_HEADERS[k].1)
}

/// The well-known code of a WSP header name (case-insensitive).
pub fn header_code(name: &str) -> Option<u8> {
    WELL_KNOWN_HEADERS
        .iter()
        .find(|(_, n)| n.eq_ignore_ascii_case(name))
        .map(|&(c, _)| c)
}

/// `Disposition = Form-data | Attachment | Inline | Token-text` (WAP-230 §8.4.2.53).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Disposition<'a> {
    /// `<Octet 128>`.
    FormData,
    /// `<Octet 129>`.
    Attachment,
    /// `<Octet 130>`.
    Inline,
    /// Another disposition, as token-text.
    Token(
        #[cfg_attr(
            feature = "serde",
            serde(deserialize_with = "crate::wsp::serde::token_text")
        )]
        Text<'a>,
    ),
}

impl Disposition<'_> {
    /// The disposition name (`form-data`, `attachment`, `inline`, or the token).
    pub fn name(&self) -> alloc::borrow::Cow<'_, str> {
        match self {
            Disposition::FormData => "form-data".into(),
            Disposition::Attachment => "attachment".into(),
            Disposition::Inline => "inline".into(),
            Disposition::Token(t) => t.to_string_lossy(),
        }
    }
}

/// One WSP header of a multipart entry or a push PDU.
/// Follows WAP-230 §8.4.2.6 and §8.4.1.2 (well-known and application headers).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum WspHeader<'a> {
    /// Content-ID (0x40): `Quoted-string` per WAP-230; many encoders write a
    /// Text-string instead, which `quoted` records.
    ContentId {
        /// The id, usually in angle brackets (`<smil>`).
        id: Text<'a>,
        /// Whether it was (will be) written as a quoted-string.
        quoted: bool,
    },
    /// Content-Location (0x0E): `Uri-value = Text-string`.
    ContentLocation(Text<'a>),
    /// Content-Disposition (0x2E or 0x45):
    /// `Value-length Disposition *(Parameter)`.
    ContentDisposition {
        /// 0x2E (WSP 1.1–1.3) or 0x45 (WSP 1.4).
        #[cfg_attr(
            feature = "serde",
            serde(deserialize_with = "crate::wsp::serde::disposition_code")
        )]
        code: u8,
        /// The disposition.
        disposition: Disposition<'a>,
        /// Its parameters (filename, name, …).
        params: Vec<Parameter<'a>>,
    },
    /// Any other well-known header, its Wap-value kept as the raw octets.
    WellKnown {
        /// The field code (without the high bit).
        #[cfg_attr(
            feature = "serde",
            serde(deserialize_with = "crate::wsp::serde::header_code")
        )]
        code: u8,
        /// The value octets, exactly as on the wire.
        #[cfg_attr(
            feature = "serde",
            serde(
                serialize_with = "crate::wsp::serde::hex::serialize",
                deserialize_with = "crate::wsp::serde::wap_value"
            )
        )]
        value: alloc::borrow::Cow<'a, [u8]>,
    },
    /// An application header: token-text name, text-string value
    /// (`Content-Transfer-Encoding: base64` arrives this way).
    Application {
        /// Header name.
        #[cfg_attr(
            feature = "serde",
            serde(deserialize_with = "crate::wsp::serde::token_text")
        )]
        name: Text<'a>,
        /// Header value.
        value: Text<'a>,
    },
}

impl<'a> WspHeader<'a> {
    /// The header's name (`Content-ID`, `X-Foo`, or `0xNN` for an unknown code).
    pub fn name(&self) -> alloc::borrow::Cow<'_, str> {
        let code = match self {
            WspHeader::ContentId { .. } => CONTENT_ID,
            WspHeader::ContentLocation(_) => CONTENT_LOCATION,
            WspHeader::ContentDisposition { code, .. } | WspHeader::WellKnown { code, .. } => *code,
            WspHeader::Application { name, .. } => return name.to_string_lossy(),
        };
        match header_name(code) {
            Some(n) => n.into(),
            None => alloc::format!("0x{code:02x}").into(),
        }
    }
    /// Checks that the header fits on the wire.
    pub fn validate(&self) -> Result<(), EncodeError> {
        if let WspHeader::ContentDisposition { .. } = self {
            wire_len(self.disposition_region_len(), "Content-Disposition")?;
        }
        Ok(())
    }
    fn disposition_region_len(&self) -> usize {
        match self {
            WspHeader::ContentDisposition {
                disposition,
                params,
                ..
            } => {
                (match disposition {
                    Disposition::Token(t) => t.len() + 1,
                    _ => 1,
                }) + params.iter().map(Parameter::encoded_len).sum::<usize>()
            }
            _ => 0,
        }
    }
    /// Encoded length (name and value).
    pub fn encoded_len(&self) -> usize {
        match self {
            WspHeader::ContentId { id, quoted } => {
                1 + if *quoted {
                    id.len() + 2
                } else {
                    usize::from(opens_with_dquote(id)) + id.text_string_len()
                }
            }
            WspHeader::ContentLocation(t) => 1 + t.text_string_len(),
            WspHeader::ContentDisposition { .. } => {
                let r = self.disposition_region_len();
                1 + value_length_len(r as u32) + r
            }
            WspHeader::WellKnown { value, .. } => 1 + value.len(),
            WspHeader::Application { name, value } => name.len() + 1 + value.text_string_len(),
        }
    }
    /// Writes the header.
    pub fn encode<B: BufMut>(&self, out: &mut B) {
        match self {
            WspHeader::ContentId { id, quoted } => {
                out.put_u8(0x80 | CONTENT_ID);
                if *quoted {
                    id.put_quoted_string(out);
                } else {
                    if opens_with_dquote(id) {
                        out.put_u8(QUOTE);
                    }
                    id.put_text_string(out);
                }
            }
            WspHeader::ContentLocation(t) => {
                out.put_u8(0x80 | CONTENT_LOCATION);
                t.put_text_string(out);
            }
            WspHeader::ContentDisposition {
                code,
                disposition,
                params,
            } => {
                out.put_u8(0x80 | code);
                put_value_length(self.disposition_region_len() as u32, out);
                match disposition {
                    Disposition::FormData => out.put_u8(0x80),
                    Disposition::Attachment => out.put_u8(0x81),
                    Disposition::Inline => out.put_u8(0x82),
                    Disposition::Token(t) => {
                        out.put_slice(t.as_bytes());
                        out.put_u8(0);
                    }
                }
                for p in params {
                    p.encode(out);
                }
            }
            WspHeader::WellKnown { code, value } => {
                out.put_u8(0x80 | code);
                out.put_slice(value);
            }
            WspHeader::Application { name, value } => {
                out.put_slice(name.as_bytes());
                out.put_u8(0);
                value.put_text_string(out);
            }
        }
    }
}

/// An unquoted Content-ID that starts with `"` is written after a Quote
/// (0x7F), which the decoder drops: bare, it would read as a Quoted-string.
fn opens_with_dquote(id: &Text<'_>) -> bool {
    id.as_bytes().first() == Some(&DQUOTE)
}

/// The extent of a Wap-value by its first octet, the generic field-value
/// rule of WAP-230 §8.4.1.2: 0–30 short length, 31 uintvar length, 32–127
/// text up to NUL, 128–255 a single octet.
pub(crate) fn wap_value(i: &[u8]) -> PResult<'_, &[u8]> {
    let (_, b) = octet(i, "header value")?;
    let (rest, _) = match b {
        0..=31 => value_length_region(i)?,
        32..=127 => text_string(i).map(|(r, _)| (r, &i[..0]))?,
        _ => (&i[1..], &i[..1]),
    };
    let used = i.len() - rest.len();
    Ok((rest, &i[..used]))
}

/// One header (WAP-230 §8.4.2.6 / §8.4.1.2).
pub(crate) fn header<'a>(i: &'a [u8], ctx: &mut Ctx<'a>) -> PResult<'a, WspHeader<'a>> {
    let limits = ctx.limits;
    let (_, b) = octet(i, "header")?;
    if b >= 0x80 {
        let code = b & 0x7F;
        let v = &i[1..];
        // Text values follow WAP-230 §8.4.2.1; one opening with a control
        // octet, with 0x80-0xFF and no Quote, or with a needless Quote is read
        // all the same, and reported.
        // (The Quote before a `"` opening an unquoted Content-ID is needed:
        // bare, the `"` would open a Quoted-string.)
        let text = match code {
            CONTENT_ID => v.first() != Some(&DQUOTE) && !v.starts_with(&[QUOTE, DQUOTE]),
            CONTENT_LOCATION => true,
            _ => false,
        };
        if text {
            if let Some(d) = text_string_deviation(v, header_name(code).unwrap_or("header")) {
                ctx.deviation(nom::Err::Error(d), v)?;
            }
        }
        let typed = match code {
            CONTENT_ID => match v.first() {
                Some(&DQUOTE) => {
                    quoted_string(v).map(|(r, id)| (r, WspHeader::ContentId { id, quoted: true }))
                }
                _ => text_string(v).map(|(r, id)| (r, WspHeader::ContentId { id, quoted: false })),
            },
            CONTENT_LOCATION => text_string(v).map(|(r, t)| (r, WspHeader::ContentLocation(t))),
            CONTENT_DISPOSITION | CONTENT_DISPOSITION_14 => content_disposition(code, v, &limits),
            _ => {
                let (r, raw) = wap_value(v)?;
                return Ok((
                    r,
                    WspHeader::WellKnown {
                        code,
                        value: alloc::borrow::Cow::Borrowed(raw),
                    },
                ));
            }
        };
        match typed {
            Ok(ok) => Ok(ok),
            // A value that does not follow its grammar is kept raw when its
            // extent is clear by the generic rule.
            Err(e) => match wap_value(v) {
                Ok((r, raw)) => {
                    ctx.deviation(e, v)?;
                    Ok((
                        r,
                        WspHeader::WellKnown {
                            code,
                            value: alloc::borrow::Cow::Borrowed(raw),
                        },
                    ))
                }
                Err(_) => Err(e),
            },
        }
    } else if (32..127).contains(&b) {
        let (r, name) = token_text(i)?;
        if let Some(d) = text_string_deviation(r, "application header") {
            ctx.deviation(nom::Err::Error(d), r)?;
        }
        let (r, value) = crate::error::context("application header", text_string(r))?;
        Ok((r, WspHeader::Application { name, value }))
    } else {
        fail(
            i,
            "header",
            ErrorKind::Unexpected {
                expected: "header field name",
                found: b,
            },
        )
    }
}

fn content_disposition<'a>(code: u8, i: &'a [u8], limits: &Limits) -> PResult<'a, WspHeader<'a>> {
    let (rest, region) = value_length_region(i)?;
    let (r, disposition) = match region.first() {
        Some(0x80) => (&region[1..], Disposition::FormData),
        Some(0x81) => (&region[1..], Disposition::Attachment),
        Some(0x82) => (&region[1..], Disposition::Inline),
        _ => {
            let (r, t) = token_text(region)?;
            (r, Disposition::Token(t))
        }
    };
    let (_, params) = parameters(r, limits)?;
    Ok((
        rest,
        WspHeader::ContentDisposition {
            code,
            disposition,
            params,
        },
    ))
}

/// Headers filling `i` entirely, at most `limits.max_headers`.
pub(crate) fn headers<'a>(mut i: &'a [u8], ctx: &mut Ctx<'a>) -> PResult<'a, Vec<WspHeader<'a>>> {
    let limits = ctx.limits;
    let mut out = Vec::new();
    while !i.is_empty() {
        if out.len() >= limits.max_headers {
            return fail(
                i,
                "headers",
                ErrorKind::LimitExceeded {
                    what: "headers",
                    limit: limits.max_headers,
                },
            );
        }
        let (r, h) = header(i, ctx)?;
        out.push(h);
        i = r;
    }
    Ok((i, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Ctx<'static> {
        Ctx::new(&crate::DecodeOptions::default())
    }

    fn round_trip(bytes: &[u8]) -> WspHeader<'_> {
        let (rest, h) = header(bytes, &mut Ctx::new(&crate::DecodeOptions::default())).unwrap();
        assert!(rest.is_empty());
        let mut out = Vec::new();
        h.encode(&mut out);
        assert_eq!(out, bytes, "{h:?}");
        assert_eq!(h.encoded_len(), bytes.len());
        h
    }

    #[test]
    fn content_id_in_both_forms() {
        let h = round_trip(b"\xC0\"<smil>\0");
        assert!(matches!(h, WspHeader::ContentId { quoted: true, .. }));
        let h = round_trip(b"\xC0<img1>\0");
        assert!(matches!(h, WspHeader::ContentId { quoted: false, .. }));
        assert_eq!(h.name(), "Content-ID");
    }

    #[test]
    fn content_location_and_application_headers() {
        let h = round_trip(b"\x8Eimage.jpg\0");
        assert_eq!(h, WspHeader::ContentLocation(Text::wire(b"image.jpg")));
        let h = round_trip(b"Content-Transfer-Encoding\0base64\0");
        assert_eq!(h.name(), "Content-Transfer-Encoding");
    }

    #[test]
    fn content_disposition_with_filename() {
        // 0xAE, len, attachment, Filename(0x86) "a.jpg"
        let h = round_trip(b"\xAE\x08\x81\x86a.jpg\0");
        match h {
            WspHeader::ContentDisposition {
                disposition,
                params,
                ..
            } => {
                assert_eq!(disposition, Disposition::Attachment);
                assert_eq!(params[0].value.to_text(), "a.jpg");
            }
            other => panic!("{other:?}"),
        }
        round_trip(b"\xC5\x09\x82\x98\"x y z\0");
    }

    #[test]
    fn unknown_codes_keep_their_raw_value_by_the_generic_rule() {
        round_trip(b"\x8D\x83"); // Content-Length short-integer
        round_trip(b"\x8D\x02\x01\x00"); // long-integer via short-length
        round_trip(b"\xB0http://x\0"); // text
        round_trip(b"\x92\x1F\x01\x00"); // uintvar length 1
    }

    #[test]
    fn text_values_out_of_their_range_are_read_and_reported() {
        let strict = crate::DecodeOptions {
            strict: true,
            ..crate::DecodeOptions::default()
        };
        for (bytes, text) in [
            (&b"\x8E\xE9t\xE9.jpg\0"[..], &b"\xE9t\xE9.jpg"[..]), // unquoted 0xE9
            (&b"\xC0\x01x\0"[..], &b"\x01x"[..]),                 // a control octet first
            (&b"\x8E\x7Fa.jpg\0"[..], &b"a.jpg"[..]),             // a needless Quote
            (&b"X-A\0\xE9\0"[..], &b"\xE9"[..]),                  // an application header
        ] {
            let mut c = ctx();
            let (rest, h) = header(bytes, &mut c).unwrap();
            assert!(rest.is_empty());
            let got = match &h {
                WspHeader::ContentLocation(t) | WspHeader::Application { value: t, .. } => t,
                WspHeader::ContentId { id, .. } => id,
                other => panic!("{other:?}"),
            };
            assert_eq!(got.as_bytes(), text);
            assert_eq!(c.warnings.len(), 1, "{bytes:02X?}");
            assert!(header(bytes, &mut Ctx::new(&strict)).is_err());
        }
        // Quoted as WAP-230 §8.4.2.1 asks, and a Content-ID whose `"` needs
        // its Quote: clean.
        for bytes in [&b"\x8E\x7F\xE9.jpg\0"[..], &b"\xC0\x7F\"x\0"[..]] {
            let mut c = Ctx::new(&strict);
            assert!(header(bytes, &mut c).is_ok(), "{bytes:02X?}");
            assert!(c.warnings.is_empty());
        }
    }

    #[test]
    fn rejects_control_octets_and_truncation() {
        assert!(header(b"\x05", &mut ctx()).is_err());
        assert!(header(b"\xAE\x08\x81", &mut ctx()).is_err());
        assert!(header(b"X-Foo\0bar", &mut ctx()).is_err());
    }
}
