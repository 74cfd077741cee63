//! A lazily decoded PDU: the header block cut into fields without
//! decoding them, each value decoded on demand, the body and its parts
//! walked in place. Nothing is allocated: parsing and walking cost what the
//! headers cost, whatever the size of the attachments.
//!
//! This is STYLE's "structure first, meaning second": the extent of every
//! WSP value follows from its first octet (WAP-230 §8.4.1.2), so the header
//! block can be cut before any value is understood. [`Pdu::decode`] is the
//! eager, owning counterpart.
//!
//! [`Pdu::decode`]: crate::Pdu::decode

use super::field::{FieldCode, ValueKind};
use super::pdu::MessageType;
use super::value::{self, Value};
use crate::error::{fail, offset_in, unwrap_err, ErrorKind, PResult};
use crate::wsp::headers::wap_value;
use crate::wsp::multipart::Parts;
use crate::wsp::text::{text_string, token_text, QUOTE};
use crate::wsp::Text;
use crate::{DecodeError, Limits};

/// One header as cut from the header block: its name and its value octets.
/// Cut by the generic field-value rule of WAP-230 §8.4.1.2 (MMS_ENC 1.3 §7.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawField<'a> {
    /// The field code, for a binary field.
    pub code: Option<FieldCode>,
    /// The name of an application header (empty for binary fields).
    pub name: &'a [u8],
    /// The value octets (for an application header: the text, without NUL).
    pub value: &'a [u8],
    /// Offset of `value` in the PDU.
    pub offset: usize,
}

impl<'a> RawField<'a> {
    /// Decodes the value of a binary field (`None` for an application
    /// header). `message_type` selects the counted forms of the delete
    /// confirmations (see [`PduView::message_type`]). Only Content-Type
    /// parameters, X-Mms-Element-Descriptor parameters and the counted forms
    /// allocate.
    pub fn decode(
        &self,
        message_type: Option<MessageType>,
    ) -> Option<Result<Value<'a>, DecodeError>> {
        let code = self.code?;
        let v = self.value;
        let r = value::decode(code, v, message_type.map(|t| t.0), &Limits::DEFAULT);
        Some(match r {
            Ok((_, value)) => Ok(value),
            Err(e) => match wap_value(v) {
                // What the eager decoder keeps leniently, the view gives raw too.
                Ok((_, raw)) if raw.len() == v.len() => Ok(Value::Raw(raw.into())),
                _ if is_text(code) && !v.contains(&0) => Ok(Value::Text(Text::wire(
                    v.strip_prefix(&[QUOTE]).unwrap_or(v),
                ))),
                _ => {
                    let p = unwrap_err(e, v);
                    Err(DecodeError::new(
                        self.offset + offset_in(v, p.at),
                        code.name().unwrap_or(p.context),
                        p.kind,
                    ))
                }
            },
        })
    }
    /// The application header's value as text.
    pub fn text(&self) -> Option<Text<'a>> {
        (self.code.is_none())
            .then(|| Text::wire(self.value.strip_prefix(&[QUOTE]).unwrap_or(self.value)))
    }
}

fn is_text(code: FieldCode) -> bool {
    matches!(code.grammar(), ValueKind::Text | ValueKind::CountedText)
}

/// A PDU cut into its header fields and body, without decoding values.
/// Follows MMS_ENC 1.3 §7.1; value extents by WAP-230 §8.4.1.2.
///
/// ```
/// use mms_pdu::mms::view::PduView;
/// use mms_pdu::{FieldCode, MessageType, Value};
/// let bytes = b"\x8C\x81\x98T1\0\x8D\x92\x92\x80";
/// let view = PduView::parse(bytes)?;
/// assert_eq!(view.message_type(), Some(MessageType::SEND_CONF));
/// assert_eq!(view.fields().count(), 4);
/// assert_eq!(view.get(FieldCode::RESPONSE_STATUS).unwrap()?, Value::Token(0x80));
/// assert!(view.body().is_none());
/// # Ok::<(), mms_pdu::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PduView<'a> {
    input: &'a [u8],
    /// End of the header block (start of the body, or of trailing octets).
    headers_end: usize,
    /// Whether a Content-Type header ended the block.
    has_body: bool,
    count: usize,
}

impl<'a> PduView<'a> {
    /// Cuts the header block: every header must have a value whose extent
    /// the generic WAP-230 rule can tell. Octets that do not start a header
    /// end the block (see [`trailing`](Self::trailing)).
    pub fn parse(input: &'a [u8]) -> Result<Self, DecodeError> {
        Self::parse_with(input, &Limits::DEFAULT)
    }
    /// Cuts the header block, at most `limits.max_headers` headers.
    pub fn parse_with(input: &'a [u8], limits: &Limits) -> Result<Self, DecodeError> {
        match cut(input, limits) {
            Ok((_, v)) => Ok(v),
            Err(e) => Err(unwrap_err(e, input).into_public(input)),
        }
    }
    /// The input.
    pub fn bytes(&self) -> &'a [u8] {
        self.input
    }
    /// The header fields, in wire order.
    pub fn fields(&self) -> Fields<'a> {
        Fields {
            base: self.input,
            rest: &self.input[..self.headers_end],
        }
    }
    /// How many headers there are.
    pub fn len(&self) -> usize {
        self.count
    }
    /// True when there are none (never, for a parsed PDU).
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
    /// X-Mms-Message-Type (the first header).
    pub fn message_type(&self) -> Option<MessageType> {
        match self.input.get(1) {
            Some(&b) if b >= 0x80 => Some(MessageType(b)),
            _ => None,
        }
    }
    /// The first value of field `code`, decoded.
    pub fn get(&self, code: FieldCode) -> Option<Result<Value<'a>, DecodeError>> {
        let mt = self.message_type();
        self.fields().find(|f| f.code == Some(code))?.decode(mt)
    }
    /// The body after Content-Type, when there is one.
    pub fn body(&self) -> Option<&'a [u8]> {
        self.has_body.then(|| &self.input[self.headers_end..])
    }
    /// Octets after the last header that start no header (empty when there is a body).
    pub fn trailing(&self) -> &'a [u8] {
        if self.has_body {
            &[]
        } else {
            &self.input[self.headers_end..]
        }
    }
    /// The parts of a multipart body, walked in place within the default
    /// [`Limits`], as `Pdu::decode` applies them; error offsets count from
    /// the start of the PDU.
    pub fn parts(&self) -> Option<Result<Parts<'a>, DecodeError>> {
        self.parts_with(&Limits::DEFAULT)
    }
    /// [`parts`](Self::parts) within `limits` (those of
    /// `Pdu::decode_with`).
    ///
    /// ```
    /// use mms_pdu::mms::view::PduView;
    /// use mms_pdu::Limits;
    /// // m-retrieve-conf, multipart/related: three text/plain parts "x".
    /// let pdu = b"\x8C\x84\x98T1\0\x8D\x93\x84\xB3\x03\x01\x01\x83x\x01\x01\x83x\x01\x01\x83x";
    /// let view = PduView::parse(pdu)?;
    /// let limits = Limits { max_parts: 2, ..Limits::DEFAULT };
    /// let walked: Vec<_> = view.parts_with(&limits).unwrap()?.collect();
    /// assert!(walked[0].is_ok() && walked[1].is_ok());
    /// assert_eq!(walked[2].as_ref().unwrap_err().offset(), 19); // the third entry
    /// # Ok::<(), mms_pdu::DecodeError>(())
    /// ```
    pub fn parts_with(&self, limits: &Limits) -> Option<Result<Parts<'a>, DecodeError>> {
        let body = self.body()?;
        let ct = self
            .fields()
            .find(|f| f.code == Some(FieldCode::CONTENT_TYPE))?;
        let media = crate::wsp::content_type::media_of(ct.value)?;
        media.is_multipart().then(|| {
            Parts::with_limits(body, limits)
                .map(|p| p.offset_by(self.headers_end))
                .map_err(|e| DecodeError::new(e.offset() + self.headers_end, e.context(), e.kind()))
        })
    }
}

/// The header fields of a [`PduView`].
/// Each field cut by WAP-230 §8.4.1.2.
#[derive(Debug, Clone)]
pub struct Fields<'a> {
    base: &'a [u8],
    rest: &'a [u8],
}

impl<'a> Iterator for Fields<'a> {
    type Item = RawField<'a>;
    fn next(&mut self) -> Option<RawField<'a>> {
        let (rest, f) = one(self.rest, self.base).ok()?;
        self.rest = rest;
        Some(f)
    }
}

/// One header: cut, not decoded.
fn one<'a>(i: &'a [u8], base: &'a [u8]) -> PResult<'a, RawField<'a>> {
    let first = match i.first() {
        Some(&b) => b,
        None => {
            return fail(
                i,
                "header",
                ErrorKind::Truncated {
                    expected: "a header",
                },
            )
        }
    };
    if first >= 0x80 {
        let code = FieldCode(first & 0x7F);
        let v = &i[1..];
        let (rest, raw) = match wap_value(v) {
            Ok(ok) => ok,
            // A text value running to the end without its NUL, as the
            // eager decoder accepts leniently.
            Err(_) if is_text(code) && !v.contains(&0) && !v.is_empty() => (&v[v.len()..], v),
            Err(e) => {
                return Err(crate::error::with_context(
                    e,
                    code.name().unwrap_or("header"),
                ))
            }
        };
        Ok((
            rest,
            RawField {
                code: Some(code),
                name: &[],
                value: raw,
                offset: offset_in(base, raw),
            },
        ))
    } else if (32..127).contains(&first) {
        let (r, name) = crate::error::context("application header", token_text(i))?;
        let at = r;
        let (r, value) = crate::error::context("application header", text_string(r))?;
        let _ = value;
        let text_end = at.len() - r.len() - 1;
        let raw = &at[..text_end];
        Ok((
            r,
            RawField {
                code: None,
                name: &i[..name.len()],
                value: raw,
                offset: offset_in(base, raw),
            },
        ))
    } else {
        super::pdu::not_a_header(i, first)
    }
}

fn cut<'a>(input: &'a [u8], limits: &Limits) -> PResult<'a, PduView<'a>> {
    super::pdu::opens_a_pdu(input)?;
    let mut r = input;
    let mut count = 0;
    let mut has_body = false;
    while let Some(&b) = r.first() {
        if b < 0x20 || b == 0x7F {
            break;
        }
        if count >= limits.max_headers {
            return fail(
                r,
                "headers",
                ErrorKind::LimitExceeded {
                    what: "headers",
                    limit: limits.max_headers,
                },
            );
        }
        let (rest, f) = one(r, input)?;
        count += 1;
        r = rest;
        if f.code == Some(FieldCode::CONTENT_TYPE) {
            has_body = true;
            break;
        }
    }
    let headers_end = input.len() - r.len();
    Ok((
        &input[input.len()..],
        PduView {
            input,
            headers_end,
            has_body,
            count,
        },
    ))
}
