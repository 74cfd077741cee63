//! The one field cutter: where each header of an MMS PDU ends and where its
//! body starts (MMS_ENC 1.3 §7.1).
//!
//! Every reader of a PDU — the eager [`Pdu`](super::Pdu), the lazy
//! [`PduView`](super::view::PduView) and the typed messages (which read
//! with the `Pdu`'s own loop) — finds header and body boundaries with [`block`] and
//! [`header`], and nothing else. Two cutters for one grammar is how a
//! message gets smuggled past a filter: a checked Subject on one side, a
//! different body on the other.
//!
//! ```text
//! MMS-PDU = 1*header [body]                   ; the body follows Content-Type
//! header  = Field-code Field-value            ; Field-code = 0x80 | code
//!         | Token-text Text-string            ; application header
//! ```
//!
//! A value's extent follows from its first octet by the generic rule of
//! WAP-230 §8.4.1.2 (0–30 short length, 31 uintvar length, 32–127 text to
//! NUL, 128–255 one octet), except for fields whose value is text
//! (Text-string, or the text form of an Encoded-string-value): real
//! senders write UTF-8 there without the Quote that §8.4.2.1 asks for, so
//! the cutter knows those fields and reads their text to its NUL, as
//! Android's PduParser does, recording the deviation.

use super::field::{FieldCode, ValueKind};
use super::value::{self, Value};
use crate::error::{fail, with_context, ErrorKind, PErr, PResult};
use crate::wsp::headers::wap_value;
use crate::wsp::text::{find_nul, text_string, text_string_deviation, token_text, QUOTE};
use crate::wsp::{EncodedString, Text};
use crate::Limits;

/// One header as cut from the header block, its value not decoded.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cut<'a> {
    /// The field code of a binary field; `None` for an application header.
    pub(crate) code: Option<FieldCode>,
    /// The name of an application header (Token-text without its NUL);
    /// empty for a binary field.
    pub(crate) name: &'a [u8],
    /// A binary field's value octets; an application header's Text-string
    /// without its NUL (the Quote, if any, kept).
    pub(crate) value: &'a [u8],
    /// A text value running to the end of the input without its NUL.
    pub(crate) unterminated: bool,
    /// How the value's octets break their rule, when they do.
    pub(crate) deviation: Option<PErr<'a>>,
}

impl<'a> Cut<'a> {
    /// An application header's value without its Quote.
    pub(crate) fn app_text(&self) -> Text<'a> {
        Text::wire(self.value.strip_prefix(&[QUOTE]).unwrap_or(self.value))
    }
}

/// Whether the field's value is text (read to its NUL whatever its first
/// octet), and if so whether a first octet of 1–31 opens a Value-length form
/// instead (Encoded-string-value §7.2.9, the status-count forms of §7.3.10,
/// §7.3.49).
fn text_field(code: FieldCode) -> Option<bool> {
    match code.grammar() {
        ValueKind::Text => Some(false),
        ValueKind::EncodedString | ValueKind::CountedText | ValueKind::CountedEncodedString => {
            Some(true)
        }
        _ => None,
    }
}

/// Cuts one header (MMS_ENC 1.3 §7.1) off `i`.
#[inline]
pub(crate) fn header(i: &[u8]) -> PResult<'_, Cut<'_>> {
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
        // The field's name, for a deviation or an error only (a table
        // search the clean path does not pay).
        let what = || code.name().unwrap_or("header");
        let cut = |value, unterminated, deviation| Cut {
            code: Some(code),
            name: &[],
            value,
            unterminated,
            deviation,
        };
        match (text_field(code), v.first()) {
            (Some(length_form), Some(&b)) if !(length_form && (1..=31).contains(&b)) => {
                // Text: to its NUL, whatever the first octet says.
                let deviation = text_string_deviation(v, "").map(|mut d| {
                    d.context = what();
                    d
                });
                match find_nul(v) {
                    Some(n) => Ok((&v[n + 1..], cut(&v[..=n], false, deviation))),
                    // To the end of the PDU without its NUL (seen from real
                    // MMSCs on the last header): the text is all that is left.
                    None => {
                        let unterminated = PErr {
                            at: v,
                            context: what(),
                            kind: ErrorKind::Unterminated {
                                what: "text-string",
                            },
                        };
                        Ok((&v[v.len()..], cut(v, true, Some(unterminated))))
                    }
                }
            }
            _ => {
                let (rest, raw) = wap_value(v).map_err(|e| with_context(e, what()))?;
                Ok((rest, cut(raw, false, None)))
            }
        }
    } else if (32..127).contains(&first) {
        let (r, name) = crate::error::context("application header", token_text(i))?;
        let deviation = text_string_deviation(r, "application header");
        let (rest, _) = crate::error::context("application header", text_string(r))?;
        Ok((
            rest,
            Cut {
                code: None,
                name: &i[..name.len()],
                value: &r[..r.len() - rest.len() - 1],
                unterminated: false,
                deviation,
            },
        ))
    } else {
        super::pdu::not_a_header(i, first)
    }
}

/// What follows the header block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum End {
    /// The input ended after the last header.
    Input,
    /// A Content-Type header ended the block: the body follows.
    Body,
    /// An octet that starts no header (0x00–0x1F, 0x7F): trailing octets.
    Trailing,
}

/// Cuts the header block of a PDU, handing each header to `each` in wire
/// order; returns what follows the block (the body or trailing octets) and
/// which it is. X-Mms-Message-Type must open the PDU (MMS_ENC 1.3 §7.1);
/// at most `max_headers` headers.
#[inline]
pub(crate) fn block<'a>(
    input: &'a [u8],
    max_headers: usize,
    mut each: impl FnMut(Cut<'a>) -> Result<(), nom::Err<PErr<'a>>>,
) -> PResult<'a, End> {
    super::pdu::opens_a_pdu(input)?;
    let mut r = input;
    let mut count = 0;
    loop {
        let b = match r.first() {
            Some(&b) => b,
            None => return Ok((r, End::Input)),
        };
        if b < 0x20 || b == QUOTE {
            return Ok((r, End::Trailing));
        }
        if count >= max_headers {
            return fail(
                r,
                "headers",
                ErrorKind::LimitExceeded {
                    what: "headers",
                    limit: max_headers,
                },
            );
        }
        let (rest, cut) = header(r)?;
        count += 1;
        r = rest;
        let content_type = cut.code == Some(FieldCode::CONTENT_TYPE);
        each(cut)?;
        if content_type {
            return Ok((r, End::Body));
        }
    }
}

/// Decodes a cut binary field's value. The value's grammar must read its
/// extent exactly; when it does not, the value is the extent's octets
/// ([`Value::Raw`]) and the reason is returned beside it, for lenient
/// decoding to record and strict decoding to refuse.
#[inline]
pub(crate) fn value<'a>(
    code: FieldCode,
    cut: &Cut<'a>,
    message_type: Option<u8>,
    limits: &Limits,
) -> (Value<'a>, Option<PErr<'a>>) {
    let v = cut.value;
    // A value [`header`] cut as text to its NUL is that text: read here,
    // without searching for the NUL again (as `value::decode` would).
    if let (Some(length_form), Some(&b)) = (text_field(code), v.first()) {
        if !(length_form && (1..=31).contains(&b)) {
            let body = if cut.unterminated {
                v
            } else {
                &v[..v.len() - 1]
            };
            let text = Text::wire(body.strip_prefix(&[QUOTE]).unwrap_or(body));
            let value = match code.grammar() {
                ValueKind::EncodedString | ValueKind::CountedEncodedString => {
                    Value::EncodedString(EncodedString::text(text))
                }
                _ => Value::Text(text),
            };
            return (value, None);
        }
    }
    let what = || code.name().unwrap_or("header");
    match value::decode(code, v, message_type, limits) {
        Ok(([], value)) => (value, None),
        Ok((rest, _)) => (
            Value::Raw(v.into()),
            Some(PErr {
                at: rest,
                context: what(),
                kind: ErrorKind::TrailingData {
                    what: "header value",
                    len: rest.len(),
                },
            }),
        ),
        Err(e) => {
            let e = crate::error::unwrap_err(with_context(e, what()), v);
            (Value::Raw(v.into()), Some(e))
        }
    }
}
