//! One reading, checked: the eager decoder (`Pdu::decode`), the lazy view
//! (`PduView`) and the typed messages must agree on every input. Shared by
//! `tests/one_reading.rs` and the `differential` fuzz target (each includes
//! this file with `#[path]`).

use mms_pdu::mms::message::{Message, MessageError, Warning};
use mms_pdu::mms::view::PduView;
use mms_pdu::wsp::Data;
use mms_pdu::{Body, DecodeOptions, Header, Pdu};

/// Asserts that every reader reads `bytes` the same way; returns whether it
/// decoded.
pub fn agree(bytes: &[u8]) -> Result<bool, String> {
    let eager = Pdu::decode(bytes);
    let view = PduView::parse(bytes);
    let (pdu, view) = match (eager, view) {
        (Ok(p), Ok(v)) => (p, v),
        (Err(a), Err(b)) => {
            if a != b {
                return Err(format!("both fail, differently: {a} / {b}"));
            }
            if Message::decode(bytes).is_ok() {
                return Err("typed decode succeeds where Pdu::decode fails".into());
            }
            return Ok(false);
        }
        (e, v) => return Err(format!("eager {:?} but view {:?}", e.err(), v.err())),
    };
    if view.len() != pdu.headers.len() {
        return Err(format!(
            "{} fields in the view, {} headers",
            view.len(),
            pdu.headers.len()
        ));
    }
    let base = bytes.as_ptr() as usize;
    let mut block_end = 0;
    for (k, (f, h)) in view.fields().zip(&pdu.headers).enumerate() {
        if f.code != h.code() {
            return Err(format!("header {k}: {:?} vs {:?}", f.code, h.code()));
        }
        match h {
            Header::Field(field) => {
                let raw = field.raw().ok_or("a decoded field without its octets")?;
                if raw.as_ptr() as usize != base + f.offset || raw.len() != f.value.len() {
                    return Err(format!("header {k}: value extents differ"));
                }
                if f.decode(view.message_type()).as_ref() != Some(field.value()) {
                    return Err(format!("header {k}: values differ"));
                }
                block_end = f.offset + f.value.len();
            }
            Header::Application { name, value } => {
                if name.as_bytes() != f.name || Some(value) != f.text().as_ref() {
                    return Err(format!("header {k}: application headers differ"));
                }
                block_end = f.offset + f.value.len() + 1;
            }
        }
    }
    match (&pdu.body, view.body()) {
        (None, None) => {
            if view.trailing() != pdu.trailing.as_ref() {
                return Err("trailing octets differ".into());
            }
        }
        (Some(body), Some(vbody)) => {
            if vbody.as_ptr() as usize != base + block_end {
                return Err("the view's body does not start where the last header ends".into());
            }
            if let Body::Data(Data::Borrowed(d)) = body {
                if d.as_ptr() != vbody.as_ptr() || d.len() != vbody.len() {
                    return Err("bodies differ".into());
                }
            }
        }
        _ => return Err("one reader has a body, the other not".into()),
    }
    // The typed layer reads through the same decoder: it decodes exactly
    // when the PDU does and has a known type, carries the decoder's
    // warnings first, and holds the same body.
    let known = pdu.message_type().is_some_and(|t| t.name().is_some());
    // The typed decode cuts the PDU itself (no `Pdu` in between): it must
    // give what reading the `Pdu` gives, lenient and strict, to the last
    // warning, kept header and error.
    let lenient = DecodeOptions::LENIENT;
    if Message::decode(bytes) != Message::from_pdu(pdu.clone(), &lenient) {
        return Err("the typed decode and the typed reading of the PDU differ".into());
    }
    let strict = DecodeOptions::STRICT;
    let through = Pdu::decode_with(bytes, &strict)
        .map_err(MessageError::from)
        .and_then(|p| Message::from_pdu(p, &strict));
    if Message::decode_strict(bytes) != through {
        return Err("the strict typed decode and the strict reading of the PDU differ".into());
    }
    match Message::decode(bytes) {
        Ok(m) => {
            let decode_warnings: Vec<_> = m
                .warnings()
                .iter()
                .filter_map(|w| match w {
                    Warning::Decode(e) => Some(*e),
                    _ => None,
                })
                .collect();
            if decode_warnings != pdu.warnings {
                return Err("the typed message has other decode warnings".into());
            }
            if m.to_pdu().body != pdu.body {
                return Err("the typed message holds another body".into());
            }
            if m.is_complete() != pdu.is_complete() {
                return Err("the typed message and the PDU disagree on completeness".into());
            }
        }
        Err(_) if known => return Err("the typed decode fails on a PDU of a known type".into()),
        Err(_) => {}
    }
    // What decodes re-encodes to itself and decodes to the same values.
    let re = pdu.encode().map_err(|e| format!("re-encode: {e}"))?;
    let back = Pdu::decode(&re).map_err(|e| format!("re-decode: {e}"))?;
    if back
        .headers
        .iter()
        .map(Header::value)
        .ne(pdu.headers.iter().map(Header::value))
        || back.body != pdu.body
    {
        return Err("decode → encode → decode changed the PDU".into());
    }
    Ok(true)
}
