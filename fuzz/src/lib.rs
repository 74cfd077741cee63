//! Checks shared by the fuzz targets of `mms-pdu`.
//!
//! Decoding keeps the wire octets of every MMS header, but a multipart body
//! is re-encoded from its values, and WSP allows several encodings of one
//! value (non-minimal integers and lengths, an optional Quote, ...). So a
//! round trip is checked by value: parts by content type, headers and data,
//! and a part that decoded as a nested multipart by its nested parts rather
//! than by its octets.

use mms_pdu::wsp::{Multipart, Part};
use mms_pdu::{Body, DecodeError, DecodeOptions, Header, Limits, Pdu};

/// Lenient decoding with the default limits.
pub const LENIENT: DecodeOptions = DecodeOptions {
    limits: Limits::DEFAULT,
    strict: false,
};

/// Strict decoding with the default limits.
pub const STRICT: DecodeOptions = DecodeOptions {
    limits: Limits::DEFAULT,
    strict: true,
};

/// Tiny limits, to drive every bound into its error path.
pub const TINY: DecodeOptions = DecodeOptions {
    limits: Limits {
        max_headers: 4,
        max_parts: 3,
        max_depth: 2,
        max_parameters: 2,
        max_part_header_octets: 64,
    },
    strict: false,
};

/// The same parts, compared by value (see the crate docs).
pub fn same_multipart(a: &Multipart<'_>, b: &Multipart<'_>) -> bool {
    a.declared_entries == b.declared_entries
        && a.trailing == b.trailing
        && a.parts.len() == b.parts.len()
        && a.parts.iter().zip(&b.parts).all(|(x, y)| same_part(x, y))
}

/// One part compared by value; nesting is bounded by `Limits::max_depth`,
/// so the recursion is too.
pub fn same_part(a: &Part<'_>, b: &Part<'_>) -> bool {
    a.content_type == b.content_type
        && a.headers == b.headers
        && match (&a.nested, &b.nested) {
            (Some(x), Some(y)) => same_multipart(x, y),
            (None, None) => a.data == b.data,
            _ => false,
        }
}

/// Two bodies compared by value.
pub fn same_body(a: Option<&Body<'_>>, b: Option<&Body<'_>>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(Body::Data(x)), Some(Body::Data(y))) => x == y,
        (Some(Body::Multipart(x)), Some(Body::Multipart(y))) => same_multipart(x, y),
        _ => false,
    }
}

/// Header lists compared by code and value, the wire octets ignored.
pub fn same_header_values(a: &[Header<'_>], b: &[Header<'_>]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| match (x, y) {
            (Header::Field(f), Header::Field(g)) => f.code() == g.code() && f.value() == g.value(),
            _ => x == y,
        })
}

/// Every error points inside the input it was decoding.
pub fn check_error(e: &DecodeError, input: &[u8]) {
    assert!(
        e.offset() <= input.len(),
        "error offset {} past the {} input octets: {e}",
        e.offset(),
        input.len()
    );
    // The message renders (every ErrorKind arm of Display).
    let _ = e.to_string();
}

/// Reads everything a caller would read off a decoded PDU, and checks the
/// bounds that hold of any decoded PDU.
pub fn exercise_pdu(pdu: &Pdu<'_>, input: &[u8], opts: &DecodeOptions) {
    assert!(pdu.headers.len() <= opts.limits.max_headers);
    for w in &pdu.warnings {
        check_error(w, input);
    }
    let _ = pdu.message_type().map(|t| (t.name(), t.to_string()));
    let _ = pdu.version().map(|v| v.to_string());
    let _ = pdu
        .content_type()
        .map(|ct| (ct.media().name(), ct.charset()));
    for h in &pdu.headers {
        if let Some(code) = h.code() {
            let _ = (code.name(), code.tokens(), code.since());
        }
    }
    let _ = format!("{pdu:?}");
    if let Some(Body::Multipart(m)) = &pdu.body {
        exercise_multipart(m, opts);
    }
}

/// Walks a multipart body and reads what a caller would read off each part.
pub fn exercise_multipart(m: &Multipart<'_>, opts: &DecodeOptions) {
    let mut n = 0usize;
    for p in m.walk() {
        n += 1;
        let _ = (p.content_id(), p.content_location(), p.transfer_encoding());
        let _ = (
            p.content_type.media().name(),
            p.content_type.media().is_multipart(),
        );
        let _ = p.content_type.to_mime();
        for h in &p.headers {
            let _ = h.name();
        }
        if let Ok(d) = p.decoded_data() {
            // base64 shrinks, quoted-printable never grows.
            assert!(d.len() <= p.data.len());
        }
        if let Ok(t) = p.text() {
            let _ = t.text.len();
        }
    }
    assert!(n <= opts.limits.max_parts, "{n} parts walked");
}

/// The encoder's contract for a PDU an encoder accepted: it decodes back
/// (within the default limits) to the same headers (a `Value::Raw` to its
/// octets), the same body (opaque data under a multipart type to the same
/// octets) and trailing octets, and re-encodes to the same octets; strict
/// decoding refuses it only when lenient decoding reports a deviation.
pub fn encoder_contract(pdu: &Pdu<'_>) {
    let Ok(bytes) = pdu.encode() else { return };
    let back = Pdu::decode_with(&bytes, &LENIENT)
        .unwrap_or_else(|e| panic!("an accepted PDU does not decode: {e}\n{pdu:?}"));
    assert_eq!(back.encode().ok().as_deref(), Some(&bytes[..]), "{pdu:?}");
    assert_eq!(back.headers.len(), pdu.headers.len(), "{pdu:?}\n{back:?}");
    for (a, b) in pdu.headers.iter().zip(&back.headers) {
        match (a, b) {
            (Header::Field(x), Header::Field(y)) => {
                assert_eq!(x.code(), y.code(), "{pdu:?}");
                match x.value() {
                    mms_pdu::Value::Raw(r) => assert_eq!(Some(&r[..]), y.raw(), "{pdu:?}"),
                    v => assert_eq!(v, y.value(), "{pdu:?}\n{back:?}"),
                }
            }
            _ => assert_eq!(a, b, "{pdu:?}"),
        }
    }
    assert_eq!(back.trailing, pdu.trailing, "{pdu:?}");
    match (&pdu.body, &back.body) {
        (Some(Body::Multipart(m)), Some(Body::Multipart(n))) => {
            assert!(written_parts_read_back(m, n), "{pdu:?}\n{back:?}")
        }
        (Some(Body::Data(_)), Some(Body::Multipart(_))) => {} // same octets, checked above
        (a, b) => assert!(same_body(a.as_ref(), b.as_ref()), "{pdu:?}\n{back:?}"),
    }
    if Pdu::decode_with(&bytes, &STRICT).is_err() {
        assert!(
            !back.warnings.is_empty(),
            "strict decoding refuses what lenient decoding reads without a warning: {pdu:?}"
        );
    }
}

/// Parts as written against parts as read: a part given as opaque data
/// may read back as nested parts of the same octets.
fn written_parts_read_back(a: &Multipart<'_>, b: &Multipart<'_>) -> bool {
    a.declared_entries == b.declared_entries
        && a.trailing == b.trailing
        && a.parts.len() == b.parts.len()
        && a.parts.iter().zip(&b.parts).all(|(x, y)| {
            x.content_type == y.content_type
                && x.headers == y.headers
                && match (&x.nested, &y.nested) {
                    (Some(m), Some(n)) => written_parts_read_back(m, n),
                    (None, _) => x.data == y.data,
                    (Some(_), None) => false,
                }
        })
}
