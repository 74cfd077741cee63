//! Encoding a typed message directly: the header list it stands for is
//! walked in place, each value written from its typed field
//! ([`FieldType::put_value`]), the kept headers and the body by reference.
//! No generic [`Pdu`](super::pdu::Pdu) is rebuilt and nothing is cloned;
//! the octets are those of `to_pdu().encode()`, header for header.
//!
//! The order is the one MMS_ENC 1.3 §7.1 and the tables of §6 give a PDU:
//! X-Mms-Message-Type first, then X-Mms-Transaction-Id when there is one,
//! then X-Mms-MMS-Version; a decoded message keeps its wire order and the
//! headers it had no field for at their places; Content-Type is last, the
//! body after it (§7.2.12).

use alloc::vec::Vec;

use super::field::FieldCode;
use super::pdu::{Body, Header};
use super::typed::FieldType;
use super::value::Version;
use crate::EncodeError;

/// A typed field value seen through one object type, so that the header
/// list of a message can hold fields of every type.
pub(crate) trait Put<'a> {
    fn len(&self, code: FieldCode) -> usize;
    fn put(&self, code: FieldCode, out: &mut Vec<u8>);
    fn check(&self, code: FieldCode) -> Result<(), EncodeError>;
}

impl<'a, T: FieldType<'a>> Put<'a> for T {
    fn len(&self, code: FieldCode) -> usize {
        self.value_len(code)
    }
    fn put(&self, code: FieldCode, out: &mut Vec<u8>) {
        self.put_value(code, out)
    }
    fn check(&self, code: FieldCode) -> Result<(), EncodeError> {
        self.check_value(code)
    }
}

/// One header of a typed message, by reference.
pub(crate) enum Item<'s, 'a> {
    /// X-Mms-Message-Type with its token (MMS_ENC 1.3 §7.3.30).
    Type(u8),
    /// A typed field.
    Typed(FieldCode, &'s (dyn Put<'a> + 's)),
    /// A header kept as decoded (or set in `others`).
    Header(&'s Header<'a>),
}

impl Item<'_, '_> {
    fn code(&self) -> Option<FieldCode> {
        match self {
            Item::Type(_) => Some(FieldCode::MESSAGE_TYPE),
            Item::Typed(c, _) => Some(*c),
            Item::Header(h) => h.code(),
        }
    }
    fn encoded_len(&self) -> usize {
        match self {
            Item::Type(_) => 2,
            Item::Typed(c, v) => 1 + v.len(*c),
            Item::Header(h) => h.encoded_len(),
        }
    }
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            Item::Type(t) => {
                out.push(0x80 | FieldCode::MESSAGE_TYPE.0);
                out.push(*t);
            }
            Item::Typed(c, v) => {
                out.push(0x80 | c.0);
                v.put(*c, out);
            }
            Item::Header(h) => h.encode(out),
        }
    }
    /// What [`Pdu::validate`](super::pdu::Pdu::validate) asks of one header.
    fn validate(&self) -> Result<(), EncodeError> {
        match self {
            Item::Type(t) if *t < 0x80 => Err(EncodeError::new(
                "X-Mms-Message-Type",
                "token octet without its high bit",
            )),
            Item::Type(_) => Ok(()),
            Item::Typed(c, _) if c.0 >= 0x80 => {
                Err(EncodeError::new("header", "field code above 0x7F"))
            }
            Item::Typed(c, v) => v.check(*c),
            Item::Header(Header::Field(f)) => {
                if f.code().0 >= 0x80 {
                    return Err(EncodeError::new("header", "field code above 0x7F"));
                }
                match f.raw() {
                    Some(_) => Ok(()),
                    None => f.value().validate(f.code()),
                }
            }
            Item::Header(Header::Application { .. }) => Ok(()),
        }
    }
}

/// Inserts X-Mms-MMS-Version after the Transaction-Id (or the type): the
/// order of MMS_ENC 1.3 §7.1.
pub(crate) fn insert_version<'s, 'a>(items: &mut Vec<Item<'s, 'a>>, v: &'s Version) {
    let at = match items.get(1) {
        Some(i) if i.code() == Some(FieldCode::TRANSACTION_ID) => 2,
        _ => 1,
    };
    items.insert(at.min(items.len()), Item::Typed(FieldCode::MMS_VERSION, v));
}

/// Puts the typed fields in `order` (the decoded wire order; the rest in
/// the canonical order after them), the kept headers at their original
/// positions, Content-Type last.
pub(crate) fn arrange<'s, 'a>(
    pending: Vec<Item<'s, 'a>>,
    order: &[FieldCode],
    others: &'s [(usize, Header<'a>)],
) -> Vec<Item<'s, 'a>> {
    let items = in_wire_order(pending, Item::code, order);
    let mut sorted: Vec<(usize, Item<'s, 'a>)> =
        others.iter().map(|(k, h)| (*k, Item::Header(h))).collect();
    sorted.sort_by_key(|(k, _)| *k);
    let mut items = place_kept(items, sorted);
    content_type_last(&mut items, Item::code);
    items
}

/// `pending` in `order`: each code of `order` takes the next of its own
/// codes, in their order; those `order` does not name follow in theirs.
/// Linear: each code's items are chained, and taken from the chain's head.
pub(crate) fn in_wire_order<T>(
    pending: Vec<T>,
    code_of: impl Fn(&T) -> Option<FieldCode>,
    order: &[FieldCode],
) -> Vec<T> {
    if order.is_empty() {
        return pending;
    }
    const NONE: u32 = u32::MAX;
    let (mut head, mut tail) = ([NONE; 256], [NONE; 256]);
    let mut next = alloc::vec![NONE; pending.len()];
    for (k, item) in pending.iter().enumerate() {
        if let Some(c) = code_of(item) {
            let (c, k) = (usize::from(c.0), k as u32);
            match tail[c] {
                NONE => head[c] = k,
                t => next[t as usize] = k,
            }
            tail[c] = k;
        }
    }
    let mut slots: Vec<Option<T>> = pending.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(slots.len());
    for code in order {
        let c = usize::from(code.0);
        let k = head[c];
        if k != NONE {
            head[c] = next[k as usize];
            out.extend(slots[k as usize].take());
        }
    }
    out.extend(slots.into_iter().flatten());
    out
}

/// `placed` with each kept header put back at its position, as
/// `insert(k.min(len), h)` one after the other would in the order of
/// `kept` (sorted by position): in one merge, linear.
pub(crate) fn place_kept<T>(placed: Vec<T>, kept: Vec<(usize, T)>) -> Vec<T> {
    if kept.is_empty() {
        return placed;
    }
    let mut out: Vec<T> = Vec::with_capacity(placed.len() + kept.len());
    let mut placed = placed.into_iter();
    let mut kept = kept.into_iter().peekable();
    while let Some((k, first)) = kept.next() {
        while out.len() < k {
            match placed.next() {
                Some(h) => out.push(h),
                None => break,
            }
        }
        // Those at `k`: appended while the list is shorter than `k`, then
        // each one in front of those already at `k`.
        let mut at_k = alloc::collections::VecDeque::new();
        let mut put = |h: T, out: &mut Vec<T>| {
            if at_k.is_empty() && out.len() < k {
                out.push(h);
            } else {
                at_k.push_front(h);
            }
        };
        put(first, &mut out);
        while let Some((_, h)) = kept.next_if(|(j, _)| *j == k) {
            put(h, &mut out);
        }
        out.extend(at_k);
    }
    out.extend(placed);
    out
}

/// Moves the first Content-Type last (MMS_ENC 1.3 §7.2.12: the header
/// block ends with it).
pub(crate) fn content_type_last<T>(items: &mut Vec<T>, code_of: impl Fn(&T) -> Option<FieldCode>) {
    if let Some(k) = items
        .iter()
        .position(|i| code_of(i) == Some(FieldCode::CONTENT_TYPE))
    {
        let ct = items.remove(k);
        items.push(ct);
    }
}

/// Checks that the headers and body can be written, as
/// [`Pdu::validate`](super::pdu::Pdu::validate) does: every value valid,
/// Content-Type last and present exactly when there is a body.
pub(crate) fn validate(items: &[Item<'_, '_>], body: Option<&Body<'_>>) -> Result<(), EncodeError> {
    // The headers are written into one scratch buffer, each checked there.
    let mut scratch = Vec::new();
    write_checked(items, body, &mut scratch, false)
}

/// Writes each header into `out` and checks it there, as
/// [`validate`] asks; keeps the octets when `keep` (the encoder's output:
/// each header written once, checked where it lies), else writes each over
/// the last (a scratch buffer). Then checks the order and the body.
fn write_checked(
    items: &[Item<'_, '_>],
    body: Option<&Body<'_>>,
    out: &mut Vec<u8>,
    keep: bool,
) -> Result<(), EncodeError> {
    let message_type = match items.first() {
        Some(Item::Type(t)) => Some(*t),
        Some(Item::Header(Header::Field(f))) if f.code() == FieldCode::MESSAGE_TYPE => {
            match f.value() {
                crate::Value::Token(b) => Some(*b),
                _ => None,
            }
        }
        _ => {
            return Err(EncodeError::new(
                "X-Mms-Message-Type",
                "must be the first header",
            ))
        }
    };
    if items.len() > crate::Limits::DEFAULT.max_headers {
        return Err(EncodeError::new(
            "headers",
            "more headers than the decoder's default limit (Limits::max_headers)",
        ));
    }
    // Only the very last octets of a PDU may be a text without its NUL.
    let open_end = body.is_none();
    // Whether the first Content-Type names a multipart (as
    // `Pdu::content_type` reads it): the body must agree.
    let mut multipart_type = None;
    for (k, i) in items.iter().enumerate() {
        i.validate()?;
        let last = open_end && k + 1 == items.len();
        if !keep {
            out.clear();
        }
        let start = out.len();
        i.encode(out);
        let written = &out[start..];
        match i {
            Item::Header(h @ Header::Field(f)) if f.raw().is_none() => {
                h.written_reads_back(written, message_type, last)?
            }
            Item::Header(h @ Header::Application { .. }) => {
                h.written_reads_back(written, message_type, last)?
            }
            Item::Typed(code, _) => {
                // A typed value must keep its extent (the generic encoder
                // reads each value back; a typed field's value is checked
                // by its type, its extent here).
                match super::cut::header(written) {
                    Ok((rest, c)) if rest.is_empty() && (!c.unterminated || last) => {
                        if *code == FieldCode::CONTENT_TYPE && multipart_type.is_none() {
                            // The media type alone, read without allocating.
                            let media = crate::wsp::content_type::media_of(c.value);
                            multipart_type = Some(media.is_some_and(|m| m.is_multipart()));
                        }
                    }
                    _ => {
                        return Err(EncodeError::new(
                            code.name().unwrap_or("header"),
                            "the value does not read back as itself",
                        ))
                    }
                }
            }
            _ => {}
        }
        if let (Item::Header(Header::Field(f)), None) = (i, multipart_type) {
            if f.code() == FieldCode::CONTENT_TYPE {
                multipart_type = Some(is_multipart(f.value()));
            }
        }
    }
    let multipart_type = multipart_type.unwrap_or(false);
    let ct_at = items
        .iter()
        .position(|i| i.code() == Some(FieldCode::CONTENT_TYPE));
    match (ct_at, body) {
        (Some(k), Some(_)) if k + 1 == items.len() => {}
        (Some(_), Some(_)) => {
            return Err(EncodeError::new("Content-Type", "must be the last header"))
        }
        (Some(_), None) => return Err(EncodeError::new("Content-Type", "present without a body")),
        (None, Some(_)) => {
            return Err(EncodeError::new(
                "body",
                "a body needs a Content-Type header",
            ))
        }
        (None, None) => {}
    }
    match body {
        Some(Body::Multipart(_)) if !multipart_type => {
            return Err(EncodeError::new(
                "body",
                "a multipart body under a Content-Type that is not multipart",
            ))
        }
        Some(Body::Multipart(m)) => m.validate()?,
        // Opaque data under a multipart type reads back as its parts: they
        // must encode to the same octets (WAP-230 §8.5).
        Some(Body::Data(d)) if multipart_type => crate::wsp::multipart::opaque_reads_back(d, 1)?,
        _ => {}
    }
    Ok(())
}

/// Whether a Content-Type value names a multipart media type.
fn is_multipart(v: &crate::Value<'_>) -> bool {
    matches!(v, crate::Value::ContentType(ct) if ct.media().is_multipart())
}

/// Whether the headers' first Content-Type names a multipart media type, as
/// `Pdu::content_type` of the PDU they stand for would say.
pub(crate) fn multipart_type(items: &[Item<'_, '_>]) -> bool {
    match items
        .iter()
        .find(|i| i.code() == Some(FieldCode::CONTENT_TYPE))
    {
        Some(Item::Header(Header::Field(f))) => is_multipart(f.value()),
        Some(Item::Typed(code, v)) => {
            // The media type read off the value's octets (no parameter list
            // decoded).
            let mut octets = Vec::with_capacity(v.len(*code));
            v.put(*code, &mut octets);
            crate::wsp::content_type::media_of(&octets).is_some_and(|m| m.is_multipart())
        }
        _ => false,
    }
}

/// Exact encoded length of the headers and body.
pub(crate) fn encoded_len(items: &[Item<'_, '_>], body: Option<&Body<'_>>) -> usize {
    items.iter().map(Item::encoded_len).sum::<usize>() + body.map_or(0, Body::encoded_len)
}

/// Writes the headers, each checked where it is written, then the body,
/// into one vector allocated at its exact size.
pub(crate) fn encode(
    items: &[Item<'_, '_>],
    body: Option<&Body<'_>>,
) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::with_capacity(encoded_len(items, body));
    write_checked(items, body, &mut out, true)?;
    match body {
        Some(Body::Multipart(m)) => m.encode(&mut out),
        Some(Body::Data(d)) => out.extend_from_slice(d),
        None => {}
    }
    Ok(out)
}
