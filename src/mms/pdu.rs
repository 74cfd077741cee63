//! The generic, lossless view of an MMS PDU (MMS_ENC 1.3 §6, §7.1): the
//! ordered header list, repeats and unknown fields kept, and the body.
//!
//! ```text
//! MMS-PDU  = 1*header [body]          ; body only after Content-Type, the last header
//! header   = Field-code Field-value   ; Field-code: Short-integer (0x80 | code)
//!          | Application-header       ; Token-text Text-string (MMS_ENC 1.3 §7.1)
//! ```

use alloc::borrow::Cow;
use alloc::vec::Vec;
use core::fmt;

use bytes::BufMut;

use super::cut;
use super::field::FieldCode;
use super::tables::MESSAGE_TYPES;
use super::value::{Value, Version};
use crate::ctx::Ctx;
use crate::error::{fail, ErrorKind, PErr, PResult};
use crate::wsp::multipart::multipart;
use crate::wsp::{ContentType, Multipart, Text};
use crate::{DecodeError, DecodeOptions, EncodeError};

/// X-Mms-Message-Type (MMS_ENC 1.3 §7.3.30): an open code space of PDU types.
///
/// ```
/// use mms_pdu::MessageType;
/// assert_eq!(MessageType::RETRIEVE_CONF.name(), Some("m-retrieve-conf"));
/// assert_eq!("m-send-req".parse::<MessageType>().unwrap(), MessageType::SEND_REQ);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MessageType(pub u8);

// The named types (`MessageType::SEND_REQ` …) are written once, with their
// names: `MESSAGE_TYPES` in tables.rs.

impl MessageType {
    /// The MMS_ENC name (`m-send-req`, …), `None` when unknown.
    pub fn name(self) -> Option<&'static str> {
        FieldCode::MESSAGE_TYPE.token_name(self.0)
    }
    /// Every message type MMS_ENC 1.3 defines, in code order.
    pub fn all() -> impl Iterator<Item = MessageType> {
        MESSAGE_TYPES.iter().map(|&(c, _)| MessageType(c))
    }
}

impl core::str::FromStr for MessageType {
    type Err = EncodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        FieldCode::MESSAGE_TYPE
            .token_code(s)
            .map(MessageType)
            .ok_or(EncodeError::new(
                "X-Mms-Message-Type",
                "unknown message type name",
            ))
    }
}

impl fmt::Debug for MessageType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(n) => f.write_str(n),
            None => write!(f, "MessageType(0x{:02x})", self.0),
        }
    }
}

impl fmt::Display for MessageType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(n) => f.write_str(n),
            None => write!(f, "0x{:02x}", self.0),
        }
    }
}

/// One binary header field: its code and typed value. A decoded field keeps
/// the octets its value had on the wire, and encodes them unchanged, so a
/// decoded PDU re-encodes byte for byte even where the sender used a
/// non-minimal encoding; a field built (or rebuilt) from a value is encoded
/// canonically.
/// Follows MMS_ENC 1.3 §7.1 (`Field-code Field-value`) and §7.4 Table 25.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Field<'a> {
    code: FieldCode,
    value: Value<'a>,
    raw: Option<Cow<'a, [u8]>>,
}

impl<'a> Field<'a> {
    /// A field from a typed value (encoded canonically).
    pub fn new(code: FieldCode, value: Value<'a>) -> Self {
        Field {
            code,
            value,
            raw: None,
        }
    }
    /// The field code.
    pub fn code(&self) -> FieldCode {
        self.code
    }
    /// The typed value.
    pub fn value(&self) -> &Value<'a> {
        &self.value
    }
    /// The value octets as decoded, when this field came off the wire.
    pub fn raw(&self) -> Option<&[u8]> {
        self.raw.as_deref()
    }
    /// Replaces the value (the field is then encoded from it).
    pub fn set_value(&mut self, value: Value<'a>) {
        self.value = value;
        self.raw = None;
    }
    /// Forgets the wire octets so that the value is encoded canonically.
    pub fn canonicalize(&mut self) {
        self.raw = None;
    }
    fn value_len(&self) -> usize {
        match &self.raw {
            Some(r) => r.len(),
            None => self.value.encoded_len(),
        }
    }
}

/// One header of the PDU header block.
/// Follows MMS_ENC 1.3 §7.1: a binary field or an `Application-header`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Header<'a> {
    /// A binary field (MMS_ENC 1.3 §7.4 Table 25, or an unknown code).
    Field(Field<'a>),
    /// An application header: `Token-text Text-string` (MMS_ENC 1.3 §7.1).
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

impl<'a> Header<'a> {
    /// A binary field from a typed value.
    pub fn field(code: FieldCode, value: Value<'a>) -> Self {
        Header::Field(Field::new(code, value))
    }
    /// The field code, for binary fields.
    pub fn code(&self) -> Option<FieldCode> {
        match self {
            Header::Field(f) => Some(f.code),
            Header::Application { .. } => None,
        }
    }
    /// The typed value, for binary fields.
    pub fn value(&self) -> Option<&Value<'a>> {
        match self {
            Header::Field(f) => Some(&f.value),
            Header::Application { .. } => None,
        }
    }
    /// Encoded length (name or code, and value).
    pub fn encoded_len(&self) -> usize {
        match self {
            Header::Field(f) => 1 + f.value_len(),
            Header::Application { name, value } => name.len() + 1 + value.text_string_len(),
        }
    }
    pub(crate) fn encode<B: BufMut>(&self, out: &mut B) {
        match self {
            Header::Field(f) => {
                out.put_u8(0x80 | f.code.0);
                match &f.raw {
                    Some(r) => out.put_slice(r),
                    None => f.value.encode(out),
                }
            }
            Header::Application { name, value } => {
                out.put_slice(name.as_bytes());
                out.put_u8(0);
                value.put_text_string(out);
            }
        }
    }
    /// Encodes the header alone and reads it back with the one field
    /// cutter and the field's grammar: it must come back equal (lenient
    /// reading: a value decoded leniently may be written back the same
    /// way), consuming exactly its octets; a [`Value::Raw`] must keep its
    /// extent (a text without its NUL only as the `last` octets of the PDU,
    /// as some MMSCs send them).
    pub(crate) fn reads_back(
        &self,
        message_type: Option<u8>,
        last: bool,
        scratch: &mut Vec<u8>,
    ) -> Result<(), EncodeError> {
        scratch.clear();
        self.encode(scratch);
        self.written_reads_back(scratch, message_type, last)
    }
    /// [`reads_back`](Self::reads_back) of the octets the header was just
    /// written as (`written`, the header alone).
    pub(crate) fn written_reads_back(
        &self,
        written: &[u8],
        message_type: Option<u8>,
        last: bool,
    ) -> Result<(), EncodeError> {
        match self {
            Header::Field(f) => field_reads_back(f.code, &f.value, written, message_type, last),
            Header::Application { name, value } => {
                let refused = EncodeError::new("header", "the value does not read back as itself");
                match cut::header(written) {
                    Ok(([], c)) if c.code.is_none() => {
                        if c.name == name.as_bytes() && c.app_text() == *value {
                            Ok(())
                        } else {
                            Err(refused)
                        }
                    }
                    _ => Err(refused),
                }
            }
        }
    }
    /// A copy that owns its octets (wire octets included).
    pub fn into_owned(self) -> Header<'static> {
        match self {
            Header::Field(f) => Header::Field(Field {
                code: f.code,
                value: f.value.into_owned(),
                raw: f.raw.map(|r| Cow::Owned(r.into_owned())),
            }),
            Header::Application { name, value } => Header::Application {
                name: name.into_owned(),
                value: value.into_owned(),
            },
        }
    }
}

/// Whether `written`, the octets of one binary field as the encoder wrote
/// them (its code, then its value), reads back as `code: value` through the
/// one cutter and the field's grammar ([`Header::reads_back`], for octets
/// already written: the campaign checks each personalised value where it
/// wrote it).
pub(crate) fn field_reads_back(
    code: FieldCode,
    value: &Value<'_>,
    written: &[u8],
    message_type: Option<u8>,
    last: bool,
) -> Result<(), EncodeError> {
    let refused = EncodeError::new(
        code.name().unwrap_or("header"),
        "the value does not read back as itself",
    );
    let Ok((rest, c)) = cut::header(written) else {
        return Err(refused);
    };
    if !rest.is_empty() || (c.unterminated && !last) || c.code != Some(code) {
        return Err(refused);
    }
    let same = match value {
        // Octets given as they are: they must keep their extent.
        Value::Raw(raw) => c.value == &raw[..],
        _ => cut::value(code, &c, message_type, &crate::Limits::DEFAULT).0 == *value,
    };
    if same {
        Ok(())
    } else {
        Err(refused)
    }
}

/// The body that follows the Content-Type header.
/// Follows MMS_ENC 1.3 §7.2.12 (the body of a PDU with a Content-Type) and WAP-230 §8.5.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Body<'a> {
    /// A multipart body (WAP-230 §8.5).
    Multipart(Multipart<'a>),
    /// Any other body, as octets.
    Data(crate::wsp::Data<'a>),
}

impl Body<'_> {
    /// Whether a multipart body is whole (see [`Multipart::is_complete`]);
    /// always true for other bodies.
    pub fn is_complete(&self) -> bool {
        match self {
            Body::Multipart(m) => m.is_complete(),
            Body::Data(_) => true,
        }
    }
    /// Encoded length.
    pub fn encoded_len(&self) -> usize {
        match self {
            Body::Multipart(m) => m.encoded_len(),
            Body::Data(d) => d.len(),
        }
    }
    /// A copy that owns its octets.
    pub fn into_owned(self) -> Body<'static> {
        match self {
            Body::Multipart(m) => Body::Multipart(m.into_owned()),
            Body::Data(d) => Body::Data(d.into_owned()),
        }
    }
}

/// A generic MMS PDU: the header list in wire order and the body.
/// Follows MMS_ENC 1.3 §6 (the PDUs) and §7.1 (header encoding).
///
/// Decoding borrows from the input; encoding a decoded PDU gives back the
/// same octets.
///
/// ```
/// use mms_pdu::{FieldCode, Header, MessageType, Pdu, Value, Version};
/// use mms_pdu::wsp::Text;
///
/// // Build an m-notifyresp-ind …
/// let mut pdu = Pdu::new(MessageType::NOTIFYRESP_IND, Version::V1_2);
/// pdu.headers.insert(1, Header::field(FieldCode::TRANSACTION_ID, Value::Text(Text::new("T1")?)));
/// pdu.push(FieldCode::STATUS, Value::Token(0x81)); // Retrieved
/// let bytes = pdu.encode()?;
/// assert_eq!(bytes, b"\x8C\x83\x98T1\0\x8D\x92\x95\x81");
///
/// // … and read it back.
/// let back = Pdu::decode(&bytes)?;
/// assert_eq!(back.message_type(), Some(MessageType::NOTIFYRESP_IND));
/// assert_eq!(back.get(FieldCode::TRANSACTION_ID), Some(&Value::Text(Text::new("T1")?)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Pdu<'a> {
    /// Headers in wire order, repeats kept. When a body is present the
    /// Content-Type header must be the last one.
    pub headers: Vec<Header<'a>>,
    /// The body, present exactly when a Content-Type header is.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub body: Option<Body<'a>>,
    /// Octets after the last header that do not start a header (stray
    /// NULs some MMSCs append). Lenient decoding keeps them here, with a
    /// warning, and encoding writes them back; strict decoding rejects them.
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            with = "crate::wsp::serde::hex",
            skip_serializing_if = "<[u8]>::is_empty"
        )
    )]
    pub trailing: Cow<'a, [u8]>,
    /// Deviations from the grammar that lenient decoding accepted.
    ///
    /// Serialized but not read back: a warning describes a decoding of
    /// bytes, not the value (decode the re-encoded PDU to find them again).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_deserializing, skip_serializing_if = "Vec::is_empty")
    )]
    pub warnings: Vec<DecodeError>,
}

impl<'a> Pdu<'a> {
    /// A PDU with X-Mms-Message-Type and X-Mms-MMS-Version, the way the two
    /// open every PDU but the Transaction-Id (insert it at index 1).
    pub fn new(message_type: MessageType, version: Version) -> Self {
        Pdu {
            headers: alloc::vec![
                Header::field(FieldCode::MESSAGE_TYPE, Value::Token(message_type.0)),
                Header::field(FieldCode::MMS_VERSION, Value::Version(version)),
            ],
            body: None,
            trailing: Cow::Borrowed(&[]),
            warnings: Vec::new(),
        }
    }
    /// Appends a binary header (before the Content-Type, if there is one).
    pub fn push(&mut self, code: FieldCode, value: Value<'a>) -> &mut Self {
        let at = self
            .headers
            .iter()
            .position(|h| h.code() == Some(FieldCode::CONTENT_TYPE))
            .unwrap_or(self.headers.len());
        self.headers.insert(at, Header::field(code, value));
        self
    }
    /// Sets the body and its Content-Type header (the last header).
    pub fn set_body(&mut self, content_type: ContentType<'a>, body: Body<'a>) -> &mut Self {
        self.headers
            .retain(|h| h.code() != Some(FieldCode::CONTENT_TYPE));
        self.headers.push(Header::field(
            FieldCode::CONTENT_TYPE,
            Value::ContentType(content_type),
        ));
        self.body = Some(body);
        self
    }
    /// Decodes leniently with the default limits.
    pub fn decode(input: &'a [u8]) -> Result<Self, DecodeError> {
        Self::decode_with(input, &DecodeOptions::default())
    }
    /// Decodes with the given options.
    pub fn decode_with(input: &'a [u8], opts: &DecodeOptions) -> Result<Self, DecodeError> {
        let mut ctx = Ctx::new(opts);
        match pdu(input, &mut ctx) {
            Ok((_, mut p)) => {
                p.warnings = ctx.warnings.iter().map(|w| w.into_public(input)).collect();
                Ok(p)
            }
            Err(e) => Err(crate::error::unwrap_err(e, input).into_public(input)),
        }
    }
    /// The first value of `code`.
    pub fn get(&self, code: FieldCode) -> Option<&Value<'a>> {
        self.get_all(code).next()
    }
    /// Every value of `code`, in order (To, Cc, Bcc repeat).
    pub fn get_all(&self, code: FieldCode) -> impl Iterator<Item = &Value<'a>> + '_ {
        self.headers.iter().filter_map(move |h| match h {
            Header::Field(f) if f.code == code => Some(&f.value),
            _ => None,
        })
    }
    /// X-Mms-Message-Type.
    pub fn message_type(&self) -> Option<MessageType> {
        match self.get(FieldCode::MESSAGE_TYPE) {
            Some(Value::Token(b)) => Some(MessageType(*b)),
            _ => None,
        }
    }
    /// X-Mms-MMS-Version.
    pub fn version(&self) -> Option<Version> {
        match self.get(FieldCode::MMS_VERSION) {
            Some(Value::Version(v)) => Some(*v),
            _ => None,
        }
    }
    /// The Content-Type header's value.
    pub fn content_type(&self) -> Option<&ContentType<'a>> {
        match self.get(FieldCode::CONTENT_TYPE) {
            Some(Value::ContentType(ct)) => Some(ct),
            _ => None,
        }
    }
    /// Whether the body is whole: a multipart Content-Type has a body that
    /// decoded as a multipart, and every multipart in it holds all the
    /// entries its nEntries declares, none cut short, none unreadable
    /// ([`Multipart::is_complete`]). A PDU without a body is complete.
    /// Lenient decoding also lists each loss in
    /// [`warnings`](Self::warnings); strict decoding refuses an incomplete
    /// PDU.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use mms_pdu::mms::message::SendReq;
    /// use mms_pdu::Pdu;
    /// let req = SendReq::builder().transaction_id("T1").to("+15551234567");
    /// let whole = req.text("a.txt", "Hello").text("b.txt", "World").build()?.encode()?;
    /// assert!(Pdu::decode(&whole)?.is_complete());
    /// let cut = &whole[..whole.len() - 2]; // a dropped download
    /// let pdu = Pdu::decode(cut)?;
    /// assert!(!pdu.is_complete());
    /// assert!(!pdu.warnings.is_empty());
    /// # Ok(()) }
    /// ```
    pub fn is_complete(&self) -> bool {
        match &self.body {
            None => true,
            Some(Body::Multipart(m)) => m.is_complete(),
            Some(Body::Data(_)) => !self
                .content_type()
                .is_some_and(|ct| ct.media().is_multipart()),
        }
    }
    /// Forgets every field's wire octets, so that encoding writes each value
    /// canonically (minimal integers, Quote only where needed, …).
    pub fn canonicalize(&mut self) {
        for h in &mut self.headers {
            if let Header::Field(f) = h {
                f.raw = None;
            }
        }
    }
    /// Exact encoded length.
    pub fn encoded_len(&self) -> usize {
        self.headers.iter().map(Header::encoded_len).sum::<usize>()
            + self.body.as_ref().map_or(0, Body::encoded_len)
            + self.trailing.len()
    }
    /// Checks that the PDU can be written and reads back as itself within
    /// the decoder's default [`Limits`](crate::Limits) (the encoder's
    /// contract): X-Mms-Message-Type first (MMS_ENC 1.3 §7.1), at most
    /// `max_headers` headers, every value valid and decoding back equal
    /// under its field's grammar (§7.3), Content-Type last and present
    /// exactly when there is a body (§7.2.12), a multipart body only
    /// under a multipart Content-Type (opaque data under one is written as
    /// it is and reads back as its parts, so those parts must encode to the
    /// same octets), trailing octets only where they
    /// cannot be read as a header or body, and the body within the limits
    /// ([`Multipart::validate`]).
    ///
    /// ```
    /// use mms_pdu::{FieldCode, MessageType, Pdu, Value, Version};
    /// let mut pdu = Pdu::new(MessageType::NOTIFYRESP_IND, Version::V1_2);
    /// // A Counted value inside a Counted value is not a grammar of §7.3.
    /// let inner = Value::Counted { count: 1, value: Box::new(Value::Token(0x80)) };
    /// pdu.push(FieldCode::STATUS, Value::Counted { count: 2, value: Box::new(inner) });
    /// assert_eq!(pdu.validate().unwrap_err().context(), "X-Mms-Status");
    /// ```
    pub fn validate(&self) -> Result<(), EncodeError> {
        let limits = crate::Limits::DEFAULT;
        if self.headers.first().and_then(Header::code) != Some(FieldCode::MESSAGE_TYPE) {
            return Err(EncodeError::new(
                "X-Mms-Message-Type",
                "must be the first header",
            ));
        }
        if self.headers.len() > limits.max_headers {
            return Err(EncodeError::new(
                "headers",
                "more headers than the decoder's default limit (Limits::max_headers)",
            ));
        }
        let message_type = match self.headers.first() {
            Some(Header::Field(f)) => match f.value {
                Value::Token(b) => Some(b),
                _ => None,
            },
            _ => None,
        };
        // Only the very last octets of a PDU may be a text without its NUL.
        let open_end = self.body.is_none() && self.trailing.is_empty();
        // One buffer for every header read back.
        let mut scratch = Vec::new();
        for (k, h) in self.headers.iter().enumerate() {
            let last = open_end && k + 1 == self.headers.len();
            match h {
                Header::Field(f) => {
                    if f.code.0 >= 0x80 {
                        return Err(EncodeError::new("header", "field code above 0x7F"));
                    }
                    if f.raw.is_none() {
                        f.value.validate(f.code)?;
                        h.reads_back(message_type, last, &mut scratch)?;
                    }
                }
                Header::Application { .. } => h.reads_back(message_type, last, &mut scratch)?,
            }
        }
        let ct_at = self
            .headers
            .iter()
            .position(|h| h.code() == Some(FieldCode::CONTENT_TYPE));
        match (ct_at, &self.body) {
            (Some(k), Some(_)) if k + 1 == self.headers.len() => {}
            (Some(_), Some(_)) => {
                return Err(EncodeError::new("Content-Type", "must be the last header"))
            }
            (Some(_), None) => {
                return Err(EncodeError::new("Content-Type", "present without a body"))
            }
            (None, Some(_)) => {
                return Err(EncodeError::new(
                    "body",
                    "a body needs a Content-Type header",
                ))
            }
            (None, None) => {}
        }
        let multipart_type = self
            .content_type()
            .is_some_and(|ct| ct.media().is_multipart());
        match &self.body {
            Some(Body::Multipart(_)) if !multipart_type => {
                return Err(EncodeError::new(
                    "body",
                    "a multipart body under a Content-Type that is not multipart",
                ))
            }
            Some(Body::Multipart(m)) => m.validate()?,
            // Opaque data under a multipart type reads back as its parts:
            // they must encode to the same octets (WAP-230 §8.5).
            Some(Body::Data(d)) if multipart_type => {
                crate::wsp::multipart::opaque_reads_back(d, 1)?
            }
            _ => {}
        }
        if let Some(&b) = self.trailing.first() {
            if self.body.is_some() {
                return Err(EncodeError::new(
                    "trailing octets",
                    "after a body they would read back as part of it",
                ));
            }
            if !(b < 0x20 || b == crate::wsp::text::QUOTE) {
                return Err(EncodeError::new(
                    "trailing octets",
                    "must open with an octet that starts no header (0x00-0x1F, 0x7F)",
                ));
            }
        }
        Ok(())
    }
    /// Writes the PDU into `out` (after [`validate`](Self::validate)).
    pub fn encode_to<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.validate()?;
        self.write(out);
        Ok(())
    }
    /// Writes the PDU, [`validate`](Self::validate)d by the caller.
    fn write<B: BufMut>(&self, out: &mut B) {
        for h in &self.headers {
            h.encode(out);
        }
        match &self.body {
            Some(Body::Multipart(m)) => m.encode(out),
            Some(Body::Data(d)) => out.put_slice(d),
            None => {}
        }
        out.put_slice(&self.trailing);
    }
    /// The smallest shared part [`encode_vectored`](Self::encode_vectored)
    /// hands on as its own chunk: 4 KiB. Below it, copying the octets into
    /// the framing buffer costs less than one more chunk does (a reference
    /// count, an entry in the chunk list, an `iovec` for `writev`), so
    /// the vectored encoding of a small PDU is one buffer, as fast as
    /// [`encode`](Self::encode).
    pub const SHARED_CHUNK_MIN: usize = 4 * 1024;

    /// The encoded PDU as a chain of buffers for vectored writes
    /// (`writev`, [`bytes::Buf::chain`]): the headers, part framing and
    /// small parts in buffers allocated at their exact size, and each part
    /// whose data is a shared [`Bytes`](bytes::Bytes)
    /// ([`Data::Shared`](crate::wsp::Data)) of at least
    /// [`SHARED_CHUNK_MIN`](Self::SHARED_CHUNK_MIN) octets handed on as
    /// that buffer, not copied.
    ///
    /// ```
    /// use bytes::Bytes;
    /// use mms_pdu::wsp::{ContentType, Media, Multipart, Part};
    /// use mms_pdu::{Body, MessageType, Pdu, Version};
    /// let jpeg = Bytes::from(vec![0xFF; 100_000]);
    /// let logo = Bytes::from(vec![0x89; 300]); // small: copied inline
    /// let mut pdu = Pdu::new(MessageType::SEND_REQ, Version::V1_2);
    /// let image = |b: &Bytes| Part::new(ContentType::new(Media::from_name("image/jpeg")), b.clone());
    /// let body = Multipart { parts: vec![image(&logo), image(&jpeg)], ..Multipart::default() };
    /// pdu.set_body(ContentType::new(Media::from_name("application/vnd.wap.multipart.mixed")), Body::Multipart(body));
    /// let chunks = pdu.encode_vectored()?;
    /// assert_eq!(chunks.len(), 2);
    /// assert_eq!(chunks[1].as_ptr(), jpeg.as_ptr()); // the caller's buffer itself
    /// assert_eq!(chunks.concat(), pdu.encode()?);
    /// # Ok::<(), mms_pdu::EncodeError>(())
    /// ```
    pub fn encode_vectored(&self) -> Result<Vec<bytes::Bytes>, EncodeError> {
        use crate::wsp::Data;
        self.validate()?;
        let min = Self::SHARED_CHUNK_MIN;
        let shared = match &self.body {
            Some(Body::Multipart(m)) => m.shared_len(min),
            Some(Body::Data(Data::Shared(b))) if b.len() >= min => b.len(),
            _ => 0,
        };
        if shared == 0 {
            // Nothing worth sharing: the contiguous encoding, handed over
            // as one chunk without a copy.
            let mut v = Vec::with_capacity(self.encoded_len());
            self.write(&mut v);
            return Ok(alloc::vec![bytes::Bytes::from(v)]);
        }
        let mut buf = bytes::BytesMut::with_capacity(self.encoded_len() - shared);
        // Around each shared part: the buffer before it, the part, and the
        // buffer after.
        let mut chunks = Vec::with_capacity(4);
        for h in &self.headers {
            h.encode(&mut buf);
        }
        let mut on_data = |buf: &mut bytes::BytesMut, d: &Data<'_>| match d {
            Data::Shared(b) if b.len() >= min => {
                if !buf.is_empty() {
                    chunks.push(buf.split().freeze());
                }
                chunks.push(b.clone());
            }
            other => buf.put_slice(other),
        };
        match &self.body {
            Some(Body::Multipart(m)) => m.encode_with(&mut buf, &mut on_data),
            Some(Body::Data(d)) => on_data(&mut buf, d),
            None => {}
        }
        buf.put_slice(&self.trailing);
        if !buf.is_empty() {
            chunks.push(buf.freeze());
        }
        Ok(chunks)
    }
    /// Decodes a PDU held in a shared buffer into one that outlives any
    /// borrow of it: part and body data become slices of `buf` (no copy),
    /// header values small owned copies.
    ///
    /// ```
    /// use mms_pdu::mms::message::SendReq;
    /// let req = SendReq::builder().transaction_id("T1").to("+15551234567").text("t.txt", "Hi");
    /// let buf = bytes::Bytes::from(req.build()?.encode()?);
    /// let pdu = mms_pdu::Pdu::decode_shared(&buf)?;
    /// drop(buf); // the parts keep their slices of it alive
    /// assert!(pdu.body.is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decode_shared(buf: &bytes::Bytes) -> Result<Pdu<'static>, DecodeError> {
        Ok(Pdu::decode(buf)?.into_shared(buf))
    }
    /// Turns borrowed data lying in `buf` into shared slices of it (see
    /// [`decode_shared`](Self::decode_shared)).
    pub fn into_shared(self, buf: &bytes::Bytes) -> Pdu<'static> {
        Pdu {
            headers: self
                .headers
                .into_iter()
                .map(|h| match h {
                    Header::Field(f) => Header::Field(Field {
                        code: f.code,
                        value: f.value.into_owned(),
                        raw: f.raw.map(|r| Cow::Owned(r.into_owned())),
                    }),
                    other => other.into_owned(),
                })
                .collect(),
            body: self.body.map(|b| match b {
                Body::Multipart(m) => Body::Multipart(m.into_shared(buf)),
                Body::Data(d) => Body::Data(d.share_from(buf)),
            }),
            trailing: Cow::Owned(self.trailing.into_owned()),
            warnings: self.warnings,
        }
    }
    /// The encoded PDU in one vector, allocated once at its exact size.
    pub fn encode(&self) -> Result<Vec<u8>, EncodeError> {
        let mut v = Vec::with_capacity(self.encoded_len());
        self.encode_to(&mut v)?;
        Ok(v)
    }
    /// A copy that owns its octets.
    pub fn into_owned(self) -> Pdu<'static> {
        Pdu {
            headers: self.headers.into_iter().map(Header::into_owned).collect(),
            body: self.body.map(Body::into_owned),
            trailing: Cow::Owned(self.trailing.into_owned()),
            warnings: self.warnings,
        }
    }
}

impl<'a> Field<'a> {
    /// Code, value and wire octets, for a reader that moves the value out.
    pub(crate) fn into_parts(self) -> (FieldCode, Value<'a>, Option<Cow<'a, [u8]>>) {
        (self.code, self.value, self.raw)
    }
    /// The field [`into_parts`](Self::into_parts) took apart.
    pub(crate) fn from_parts(
        code: FieldCode,
        value: Value<'a>,
        raw: Option<Cow<'a, [u8]>>,
    ) -> Self {
        Field { code, value, raw }
    }
}

#[cfg(feature = "serde")]
impl<'a> Field<'a> {
    /// A field with the wire octets of its value (deserialization checks
    /// that they encode it).
    pub(crate) fn with_raw(code: FieldCode, value: Value<'a>, raw: Option<Vec<u8>>) -> Self {
        Field {
            code,
            value,
            raw: raw.map(Into::into),
        }
    }
}

impl<'a> TryFrom<&'a [u8]> for Pdu<'a> {
    type Error = DecodeError;
    /// [`Pdu::decode`].
    fn try_from(bytes: &'a [u8]) -> Result<Self, DecodeError> {
        Pdu::decode(bytes)
    }
}

/// Why an encoded-string-value's text cannot be read in its charset.
fn unreadable_text(value: &Value<'_>) -> Option<ErrorKind> {
    let s = match value {
        Value::EncodedString(s) => s,
        Value::Counted { value, .. } => match value.as_ref() {
            Value::EncodedString(s) => s,
            _ => return None,
        },
        _ => return None,
    };
    crate::wsp::charset::unreadable(s.charset()?, s.as_bytes())
}

/// The error for an octet that starts no header.
pub(crate) fn not_a_header<T>(i: &[u8], found: u8) -> PResult<'_, T> {
    fail(
        i,
        "header",
        ErrorKind::Unexpected {
            expected: "a field code (0x80-0xFF) or an application header name",
            found,
        },
    )
}

/// MMS_ENC 1.3 §7.1: X-Mms-Message-Type opens every PDU. Checking it first
/// tells an MMS PDU from anything else at once.
pub(crate) fn opens_a_pdu(input: &[u8]) -> PResult<'_, ()> {
    match input.first() {
        None => fail(
            input,
            "X-Mms-Message-Type",
            ErrorKind::Truncated {
                expected: "an MMS header",
            },
        ),
        Some(&b) if b != 0x80 | FieldCode::MESSAGE_TYPE.0 => fail(
            input,
            "X-Mms-Message-Type",
            ErrorKind::Unexpected {
                expected: "X-Mms-Message-Type (0x8C) as the first header",
                found: b,
            },
        ),
        Some(_) => Ok((input, ())),
    }
}

/// `MMS-PDU` (MMS_ENC 1.3 §6): headers, then after Content-Type the body.
/// The header block is cut by [`cut::block`](super::cut::block), the one
/// cutter every reader shares; each value is then decoded within its extent.
pub(crate) fn pdu<'a>(input: &'a [u8], ctx: &mut Ctx<'a>) -> PResult<'a, Pdu<'a>> {
    // Every header takes at least two octets: a capacity the input
    // justifies, capped so that a large body does not reserve much.
    let mut headers = Vec::with_capacity((input.len() / 2).min(11));
    let rest = read(input, ctx, |h| headers.push(h))?;
    Ok((
        &input[input.len()..],
        Pdu {
            headers,
            body: rest.body,
            trailing: Cow::Borrowed(rest.trailing),
            warnings: Vec::new(),
        },
    ))
}

/// What follows the header block of a PDU [`read`] went through.
pub(crate) struct Rest<'a> {
    /// The body, after Content-Type.
    pub(crate) body: Option<Body<'a>>,
    /// Octets after the last header that start no header (reported).
    pub(crate) trailing: &'a [u8],
}

/// The message type a PDU announces in its first header (X-Mms-Message-Type
/// opens every PDU, MMS_ENC 1.3 §7.1; its value is one octet, §7.3.30), as
/// [`Pdu::message_type`] of the decoded PDU gives it.
pub(crate) fn peek_type(input: &[u8]) -> Option<MessageType> {
    match input {
        [0x8C, t @ 0x80..=0xFF, ..] => Some(MessageType(*t)),
        _ => None,
    }
}

/// Reads a PDU, handing each header to `each` in wire order as it is
/// decoded, and returns its body: what [`Pdu::decode`] keeps in a list, a
/// typed message takes into its fields (one reading for both).
pub(crate) fn read<'a>(
    input: &'a [u8],
    ctx: &mut Ctx<'a>,
    mut each: impl FnMut(Header<'a>),
) -> Result<Rest<'a>, nom::Err<PErr<'a>>> {
    let mut message_type = None;
    let mut multipart = false;
    let limits = ctx.limits;
    let (r, end) = cut::block(input, limits.max_headers, |c| {
        if let Some(d) = c.deviation {
            ctx.deviation(nom::Err::Error(d), c.value)?;
        }
        match c.code {
            Some(code) => {
                let (value, deviation) = cut::value(code, &c, message_type, &limits);
                if let Some(d) = deviation {
                    ctx.deviation(nom::Err::Error(d), c.value)?;
                }
                // Text in a charset it cannot be read in (or that this
                // build cannot read) is reported, never silently replaced.
                if let Some(kind) = unreadable_text(&value) {
                    let e = PErr {
                        at: c.value,
                        context: code.name().unwrap_or("header"),
                        kind,
                    };
                    ctx.deviation(nom::Err::Error(e), c.value)?;
                }
                if code == FieldCode::MESSAGE_TYPE && message_type.is_none() {
                    if let Value::Token(b) = value {
                        message_type = Some(b);
                    }
                }
                // Content-Type closes the block: whether the body is a
                // multipart is its value's to say.
                if code == FieldCode::CONTENT_TYPE {
                    multipart =
                        matches!(&value, Value::ContentType(ct) if ct.media().is_multipart());
                }
                each(Header::Field(Field {
                    code,
                    value,
                    raw: Some(Cow::Borrowed(c.value)),
                }));
            }
            None => each(Header::Application {
                name: Text::wire(c.name),
                value: c.app_text(),
            }),
        }
        Ok(())
    })?;
    let mut rest = Rest {
        body: None,
        trailing: &[],
    };
    match end {
        cut::End::Input => {}
        cut::End::Body => rest.body = Some(body_of(r, multipart, ctx)?),
        cut::End::Trailing => {
            // Not the start of any header: stray octets after the last one.
            let e = not_a_header::<()>(r, r[0]).unwrap_err();
            ctx.deviation(e, r)?;
            rest.trailing = r;
        }
    }
    Ok(rest)
}

fn body_of<'a>(
    r: &'a [u8],
    is_multipart: bool,
    ctx: &mut Ctx<'a>,
) -> Result<Body<'a>, nom::Err<PErr<'a>>> {
    if !is_multipart {
        return Ok(Body::Data(r.into()));
    }
    let mark = ctx.warnings.len();
    match multipart(r, ctx, 1) {
        Ok((_, m)) => Ok(Body::Multipart(m)),
        Err(e) => {
            ctx.warnings.truncate(mark);
            ctx.deviation(e, r)?;
            Ok(Body::Data(r.into()))
        }
    }
}
