//! A lazily decoded PDU: the header block cut into fields without
//! decoding them, each value decoded on demand, the body and its parts
//! walked in place. Nothing is allocated: parsing and walking cost what the
//! headers cost, whatever the size of the attachments.
//!
//! Structure first, meaning second: the extent of every WSP value follows
//! from its first octet (WAP-230 §8.4.1.2) or, for text fields, from its
//! NUL, so the header block can be cut before any value is understood.
//! The view and [`Pdu::decode`], its eager, owning counterpart, cut with
//! the same function: for every input, `PduView::parse` succeeds exactly
//! when lenient `Pdu::decode` does, and both see the same fields, value
//! extents and body.
//!
//! [`Pdu::decode`]: crate::Pdu::decode

use super::cut::{self, Cut};
use super::field::FieldCode;
use super::pdu::MessageType;
use super::value::Value;
use crate::error::{offset_in, unwrap_err, ErrorKind, PResult};
use crate::wsp::multipart::Parts;
use crate::wsp::text::QUOTE;
use crate::wsp::Text;
use crate::{DecodeError, Limits};

/// One header as cut from the header block: its name and its value octets.
/// Cut by the crate's one field cutter (MMS_ENC 1.3 §7.1; value extents by
/// WAP-230 §8.4.1.2, text fields to their NUL), the same that
/// [`Pdu::decode`](crate::Pdu::decode) uses.
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
    /// How the value's octets break their rule, when they do: a warning of
    /// lenient [`Pdu::decode`](crate::Pdu::decode), an error of strict
    /// decoding (an unquoted text opening with 0x80–0xFF, a text without
    /// its NUL, …).
    pub deviation: Option<DecodeError>,
}

impl<'a> RawField<'a> {
    /// Decodes the value of a binary field (`None` for an application
    /// header) exactly as [`Pdu::decode`](crate::Pdu::decode) does: a value
    /// that does not follow its grammar is given as its octets
    /// ([`Value::Raw`]), as lenient decoding keeps it. `message_type`
    /// selects the counted forms of the delete confirmations (see
    /// [`PduView::message_type`]). Only Content-Type parameters,
    /// X-Mms-Element-Descriptor parameters and the counted forms allocate.
    pub fn decode(&self, message_type: Option<MessageType>) -> Option<Value<'a>> {
        let code = self.code?;
        let c = Cut {
            code: Some(code),
            name: &[],
            value: self.value,
            unterminated: self.unterminated(),
            deviation: None,
        };
        Some(cut::value(code, &c, message_type.map(|t| t.0), &Limits::DEFAULT).0)
    }
    fn unterminated(&self) -> bool {
        matches!(
            self.deviation.map(|d| d.kind()),
            Some(ErrorKind::Unterminated { .. })
        )
    }
    /// The application header's value as text.
    pub fn text(&self) -> Option<Text<'a>> {
        (self.code.is_none())
            .then(|| Text::wire(self.value.strip_prefix(&[QUOTE]).unwrap_or(self.value)))
    }
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
/// assert_eq!(view.get(FieldCode::RESPONSE_STATUS), Some(Value::Token(0x80)));
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
        match parse(input, limits) {
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
    pub fn get(&self, code: FieldCode) -> Option<Value<'a>> {
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

/// One header: cut by the one cutter, not decoded.
fn one<'a>(i: &'a [u8], base: &'a [u8]) -> PResult<'a, RawField<'a>> {
    let (rest, c) = cut::header(i)?;
    Ok((rest, raw_field(&c, base)))
}

fn raw_field<'a>(c: &Cut<'a>, base: &'a [u8]) -> RawField<'a> {
    RawField {
        code: c.code,
        name: c.name,
        value: c.value,
        offset: offset_in(base, c.value),
        deviation: c.deviation.map(|d| d.into_public(base)),
    }
}

fn parse<'a>(input: &'a [u8], limits: &Limits) -> PResult<'a, PduView<'a>> {
    let mut count = 0;
    let (r, end) = cut::block(input, limits.max_headers, |_| {
        count += 1;
        Ok(())
    })?;
    Ok((
        &input[input.len()..],
        PduView {
            input,
            headers_end: input.len() - r.len(),
            has_body: end == cut::End::Body,
            count,
        },
    ))
}
