//! One message to very many recipients: the message encoded once, each
//! copy written as its own header block in front of the same body chunks.

use alloc::vec::Vec;
use core::ops::Range;

use bytes::{BufMut, Bytes, BytesMut};

use crate::mms::message::SendReq;
use crate::wsp::Data;
use crate::{Body, EncodeError, FieldCode, Pdu, Value};

/// Many personalised copies of one message (a marketing campaign, tickets,
/// alerts): the message is validated and encoded once; each copy is its
/// header block, with the headers the caller sets (To, Transaction-Id,
/// Subject, or any other) in place of the template's, followed by the
/// template's body as shared [`Bytes`]. The media are never copied: a part
/// of [`Pdu::SHARED_CHUNK_MIN`] octets or more is one chunk that every
/// copy hands on (the caller's own buffer when it was a
/// [`Data::Shared`]), and nothing of the message is rebuilt per copy.
///
/// The header grammar is the template's (MMS_ENC 1.3 §7.1, §6): a set
/// header replaces every header of its code at the place of the first;
/// one the template lacks goes before the Content-Type (a Transaction-Id
/// right after X-Mms-Message-Type, §7.1). Values are checked as
/// [`Pdu::validate`] checks them; X-Mms-Message-Type and Content-Type,
/// which the body depends on, cannot be set.
///
/// ```
/// use bytes::Bytes;
/// use mms_pdu::compose::Campaign;
/// use mms_pdu::mms::message::SendReq;
/// use mms_pdu::wsp::{EncodedString, Text};
/// use mms_pdu::{FieldCode, Pdu, Value};
/// let image = Bytes::from(vec![0xA5; 100_000]);
/// let req = SendReq::builder()
///     .transaction_id("template")
///     .to("+15550000000")
///     .subject("Your ticket")
///     .attachment("image/jpeg", "ticket.jpg", image.clone())
///     .build()?;
/// let campaign = Campaign::send_req(&req)?;
/// let copy = campaign.encode(&[
///     (FieldCode::TRANSACTION_ID, Value::Text(Text::new("T-0001")?)),
///     (FieldCode::TO, Value::EncodedString(EncodedString::new("+33612345678/TYPE=PLMN")?)),
///     (FieldCode::SUBJECT, Value::EncodedString(EncodedString::new("Your ticket, Ada")?)),
/// ])?;
/// // The image is the caller's buffer itself, in every copy.
/// assert!(copy.iter().any(|c| c.as_ptr() == image.as_ptr()));
/// let bytes = copy.concat();
/// let back = SendReq::decode_strict(&bytes)?;
/// assert_eq!(back.transaction_id.as_bytes(), b"T-0001");
/// assert_eq!(back.to[0].as_bytes(), b"+33612345678/TYPE=PLMN");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Campaign {
    /// The template's header block, encoded.
    head: Bytes,
    /// Each header of the template: its code (`None` for an application
    /// header) and its octets in `head`.
    headers: Vec<(Option<FieldCode>, Range<usize>)>,
    /// The body's octets before its first large part (written into each
    /// copy's header buffer).
    body_head: Bytes,
    /// The rest of the body: the large parts, each its own chunk, and the
    /// framing between them.
    body_rest: Vec<Bytes>,
}

impl Campaign {
    /// The campaign of `pdu`: validated and encoded once.
    ///
    /// ```
    /// use mms_pdu::compose::Campaign;
    /// use mms_pdu::{FieldCode, MessageType, Pdu, Value, Version};
    /// let mut pdu = Pdu::new(MessageType::SEND_REQ, Version::V1_2);
    /// pdu.push(FieldCode::SUBJECT, Value::Token(0x01)); // not a valid Subject
    /// assert!(Campaign::new(&pdu).is_err());
    /// ```
    pub fn new(pdu: &Pdu<'_>) -> Result<Self, EncodeError> {
        pdu.validate()?;
        let mut head =
            BytesMut::with_capacity(pdu.headers.iter().map(|h| h.encoded_len()).sum::<usize>());
        let mut headers = Vec::with_capacity(pdu.headers.len());
        for h in &pdu.headers {
            let start = head.len();
            h.encode(&mut head);
            headers.push((h.code(), start..head.len()));
        }
        let mut chunks: Vec<Bytes> = Vec::new();
        let mut buf = BytesMut::new();
        let min = Pdu::SHARED_CHUNK_MIN;
        let mut on_data = |buf: &mut BytesMut, d: &Data<'_>| {
            if d.len() < min {
                buf.put_slice(d);
                return;
            }
            chunks.push(buf.split().freeze());
            chunks.push(match d {
                Data::Shared(b) => b.clone(),
                // Copied once here, shared by every copy after.
                other => Bytes::copy_from_slice(other),
            });
        };
        match &pdu.body {
            Some(Body::Multipart(m)) => m.encode_with(&mut buf, &mut on_data),
            Some(Body::Data(d)) => on_data(&mut buf, d),
            None => {}
        }
        buf.put_slice(&pdu.trailing);
        chunks.push(buf.freeze());
        let body_head = chunks.remove(0);
        chunks.retain(|c| !c.is_empty());
        Ok(Campaign {
            head: head.freeze(),
            headers,
            body_head,
            body_rest: chunks,
        })
    }

    /// The campaign of a typed m-send-req (see [`new`](Self::new)).
    pub fn send_req(req: &SendReq<'_>) -> Result<Self, EncodeError> {
        Self::new(&req.to_pdu())
    }

    /// Octets of each copy that come from the shared body chunks, not
    /// written per copy.
    pub fn shared_len(&self) -> usize {
        self.body_rest.iter().map(Bytes::len).sum()
    }

    fn in_template(&self, code: FieldCode) -> bool {
        self.headers.iter().any(|(c, _)| *c == Some(code))
    }

    /// One copy, with `set` in place of the template's headers of the same
    /// codes (several entries of one code: a repeated header, in order).
    /// The chunks, concatenated, are the encoded PDU; the first holds the
    /// headers (and the body up to its first large part), the others are
    /// the template's shared chunks.
    pub fn encode(&self, set: &[(FieldCode, Value<'_>)]) -> Result<Vec<Bytes>, EncodeError> {
        let mut len = self.body_head.len();
        for (code, value) in set {
            if code.0 >= 0x80 {
                return Err(EncodeError::new("header", "field code above 0x7F"));
            }
            if *code == FieldCode::MESSAGE_TYPE || *code == FieldCode::CONTENT_TYPE {
                return Err(EncodeError::new(
                    "campaign",
                    "X-Mms-Message-Type and Content-Type are the template's",
                ));
            }
            value.validate(*code)?;
            len += 1 + value.encoded_len();
        }
        let is_set = |code: Option<FieldCode>| set.iter().any(|(c, _)| Some(*c) == code);
        len += self
            .headers
            .iter()
            .filter(|(c, _)| !is_set(*c))
            .map(|(_, r)| r.len())
            .sum::<usize>();
        let mut out = BytesMut::with_capacity(len);
        let message_type = self.head.get(1).copied();
        let put_all = |out: &mut BytesMut, code: FieldCode| -> Result<(), EncodeError> {
            for (c, v) in set {
                if *c == code {
                    put(out, *c, v, message_type)?;
                }
            }
            Ok(())
        };
        let mut written: u128 = 0;
        for (k, (code, range)) in self.headers.iter().enumerate() {
            if k == 1 && !self.in_template(FieldCode::TRANSACTION_ID) {
                // MMS_ENC 1.3 §7.1: the Transaction-Id follows the type.
                put_all(&mut out, FieldCode::TRANSACTION_ID)?;
            }
            if *code == Some(FieldCode::CONTENT_TYPE) {
                self.put_new(&mut out, set, message_type)?;
            }
            match code {
                Some(c) if is_set(*code) => {
                    let bit = 1u128 << c.0;
                    if written & bit == 0 {
                        written |= bit;
                        put_all(&mut out, *c)?;
                    }
                }
                _ => out.put_slice(&self.head[range.clone()]),
            }
        }
        if self.headers.len() < 2 && !self.in_template(FieldCode::TRANSACTION_ID) {
            put_all(&mut out, FieldCode::TRANSACTION_ID)?;
        }
        if !self.in_template(FieldCode::CONTENT_TYPE) {
            self.put_new(&mut out, set, message_type)?;
        }
        out.put_slice(&self.body_head);
        let mut chunks = Vec::with_capacity(1 + self.body_rest.len());
        chunks.push(out.freeze());
        chunks.extend(self.body_rest.iter().cloned());
        Ok(chunks)
    }

    /// The set headers the template lacks (but a Transaction-Id), in order.
    fn put_new(
        &self,
        out: &mut BytesMut,
        set: &[(FieldCode, Value<'_>)],
        message_type: Option<u8>,
    ) -> Result<(), EncodeError> {
        for (c, v) in set {
            if *c != FieldCode::TRANSACTION_ID && !self.in_template(*c) {
                put(out, *c, v, message_type)?;
            }
        }
        Ok(())
    }
}

/// Writes one set header, and holds it to the encoder's contract as
/// `Pdu::validate` does: the octets just written must read back as the
/// value through the decoder's one cutter (checked where they are, not on a
/// copy).
fn put(
    out: &mut BytesMut,
    code: FieldCode,
    value: &Value<'_>,
    message_type: Option<u8>,
) -> Result<(), EncodeError> {
    let start = out.len();
    out.put_u8(0x80 | code.0);
    value.encode(out);
    crate::mms::pdu::field_reads_back(code, value, &out[start..], message_type, false)
}
