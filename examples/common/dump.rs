//! The JSON view of a decoded PDU: the stable shape that `mmsdump --json`
//! prints and `mmscompose` reads back (described in DUMP_FORMAT.md).
//!
//! Shared by the `mmsdump` and `mmscompose` examples and by `tests/cli.rs`
//! (each includes it with `#[path = …] mod dump;`), so it depends only on
//! the library, `serde_json` and `base64`.
//!
//! Keys beyond the documented shape, all additive and present only when
//! they have something to say:
//! - `"trailing"` (hex): octets after the last header (on the document) or
//!   after the last part (on a multipart `body` or a nested multipart part)
//!   that lenient decoding kept;
//! - `"wire"` (hex) on a header: the octets of a value not written the
//!   way the encoder would write it (see [`header_to_json`]);
//! - `"data"` (base64): a part's or a non-multipart body's octets, with
//!   `--with-data`;
//! - `"warnings"`: the deviations lenient decoding accepted, each
//!   `{"offset": n, "message": "…"}` like the error object.

use base64::Engine as _;
use mms_pdu::wsp::{
    header_name, well_known_media_name, ContentType, Disposition, Multipart, ParamName, ParamValue,
    Parameter, Part, WspHeader,
};
use mms_pdu::{
    mms::{mbox_count_kind_name, mm_flags_op_name},
    Body, DecodeError, ElementItem, FieldCode, FromValue, Header, MessageClass, Pdu, Time, Value,
};
use serde_json::{json, Map, Value as Json};

/// What the JSON document includes beyond the documented shape.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Adds `"data"` (base64 of the octets) to every part and to a
    /// non-multipart body.
    pub with_data: bool,
}

/// The JSON document of one decoded PDU.
pub fn pdu_to_json(pdu: &Pdu<'_>, opts: Options) -> Json {
    let mut doc = Map::new();
    let message_type = pdu.get(FieldCode::MESSAGE_TYPE).map(|v| match v {
        Value::Token(b) => Json::String(token_name(FieldCode::MESSAGE_TYPE, *b)),
        _ => Json::Null,
    });
    doc.insert("message_type".into(), message_type.unwrap_or(Json::Null));
    doc.insert(
        "mms_version".into(),
        pdu.version()
            .map_or(Json::Null, |v| Json::String(v.to_string())),
    );
    doc.insert(
        "headers".into(),
        Json::Array(pdu.headers.iter().map(header_to_json).collect()),
    );
    doc.insert("body".into(), body_to_json(pdu, opts));
    if !pdu.trailing.is_empty() {
        doc.insert("trailing".into(), Json::String(hex(&pdu.trailing)));
    }
    if !pdu.warnings.is_empty() {
        doc.insert(
            "warnings".into(),
            Json::Array(pdu.warnings.iter().map(error_object).collect()),
        );
    }
    Json::Object(doc)
}

/// The document printed for a PDU that does not decode:
/// `{"error": {"offset": n, "message": "…"}}`.
pub fn error_to_json(e: &DecodeError) -> Json {
    json!({ "error": error_object(e) })
}

fn error_object(e: &DecodeError) -> Json {
    json!({ "offset": e.offset(), "message": e.to_string() })
}

/// One entry of `headers`: `{"name", "value"}`, or `{"name", "raw"}` for a
/// value kept as octets (an unknown field, or a value that did not follow
/// its grammar).
///
/// A typed value that was not written the way the encoder writes it (a
/// non-minimal integer, a charset-tagged string without its Quote, a text
/// that lenient decoding repaired, …) also carries its wire octets as
/// `"wire"` (hex): `mmscompose` writes those back as long as they still
/// decode to `"value"`, so that a dump composes back to the same octets.
pub fn header_to_json(h: &Header<'_>) -> Json {
    match h {
        Header::Field(f) => {
            let name = field_name(f.code());
            match value_to_json(f.code(), f.value()) {
                Some(v) => match f.raw() {
                    Some(r) if !is_canonical(f.value(), r) => {
                        json!({ "name": name, "value": v, "wire": hex(r) })
                    }
                    _ => json!({ "name": name, "value": v }),
                },
                None => {
                    let raw = match f.value() {
                        Value::Raw(r) => r.to_vec(),
                        other => match f.raw() {
                            Some(r) => r.to_vec(),
                            None => {
                                let mut out = Vec::new();
                                other.encode(&mut out);
                                out
                            }
                        },
                    };
                    json!({ "name": name, "raw": hex(&raw) })
                }
            }
        }
        Header::Application { name, value } => {
            json!({ "name": name.to_string_lossy(), "value": value.to_string_lossy() })
        }
    }
}

/// Whether `wire` is what encoding `v` writes.
fn is_canonical(v: &Value<'_>, wire: &[u8]) -> bool {
    if v.encoded_len() != wire.len() {
        return false;
    }
    let mut out = Vec::with_capacity(wire.len());
    v.encode(&mut out);
    out == wire
}

/// A field's name as MMS_ENC spells it, `0xNN` for an unknown code.
pub fn field_name(code: FieldCode) -> String {
    match code.name() {
        Some(n) => n.to_string(),
        None => format!("0x{:02x}", code.0),
    }
}

/// The name of token `octet` of `code`, `0xNN` when the table has none.
pub fn token_name(code: FieldCode, octet: u8) -> String {
    match code.token_name(octet) {
        Some(n) => n.to_string(),
        None => format!("0x{octet:02x}"),
    }
}

/// The JSON form of a typed value; `None` for a value shown as raw octets.
pub fn value_to_json(code: FieldCode, v: &Value<'_>) -> Option<Json> {
    Some(match v {
        Value::Text(t) => Json::String(t.to_string_lossy().into_owned()),
        Value::EncodedString(s) => Json::String(s.to_string_lossy().into_owned()),
        Value::From(FromValue::Address(s)) => Json::String(s.to_string_lossy().into_owned()),
        Value::From(FromValue::InsertAddress) => Json::String("<insert-address>".into()),
        Value::Long(n) | Value::Integer(n) => json!(n),
        Value::Token(b) => Json::String(token_name(code, *b)),
        Value::Version(v) => Json::String(v.to_string()),
        Value::MessageClass(MessageClass::Token(b)) => {
            Json::String(token_name(FieldCode::MESSAGE_CLASS, *b))
        }
        Value::MessageClass(MessageClass::Text(t)) => {
            Json::String(t.to_string_lossy().into_owned())
        }
        Value::Time(Time::Absolute(n)) => json!({ "absolute": n }),
        Value::Time(Time::Relative(n)) => json!({ "relative": n }),
        Value::ContentType(ct) => Json::String(ct.media().name().into_owned()),
        Value::PreviouslySentBy { count, address } => {
            json!({ "count": count, "address": address.to_string_lossy() })
        }
        Value::PreviouslySentDate { count, date } => json!({ "count": count, "date": date }),
        Value::MmFlags { op, flag } => {
            let op = match mm_flags_op_name(*op) {
                Some(n) => n.to_ascii_lowercase(),
                None => format!("0x{op:02x}"),
            };
            let mut m = Map::new();
            m.insert(op, Json::String(flag.to_string_lossy().into_owned()));
            Json::Object(m)
        }
        Value::MboxCount { kind, value } => match kind {
            0x80 => json!({ "messages": value }),
            0x81 => json!({ "bytes": value }),
            _ => {
                let kind = match mbox_count_kind_name(*kind) {
                    Some(n) => n.to_ascii_lowercase(),
                    None => format!("0x{kind:02x}"),
                };
                json!({ "kind": kind, "value": value })
            }
        },
        Value::Attribute(c) => Json::String(field_name(*c)),
        Value::ElementDescriptor { reference, params } => {
            let mut m = Map::new();
            for (n, v) in params {
                m.insert(element_name(n), Json::String(element_value(v)));
            }
            json!({ "reference": reference.to_string_lossy(), "parameters": m })
        }
        Value::Counted { count, value } => {
            json!({ "count": count, "value": value_to_json(code, value)? })
        }
        _ => return None,
    })
}

/// An X-Mms-Element-Descriptor parameter name: `type` for the well-known
/// Short-integer 2, `0xNN` for another code, else the text.
pub fn element_name(e: &ElementItem<'_>) -> String {
    match e {
        ElementItem::Short(2) => "type".into(),
        ElementItem::Short(c) => format!("0x{c:02x}"),
        ElementItem::Text(t) => t.to_string_lossy().into_owned(),
    }
}

/// An X-Mms-Element-Descriptor parameter value: a short value is a
/// well-known media code.
pub fn element_value(e: &ElementItem<'_>) -> String {
    match e {
        ElementItem::Short(c) => match well_known_media_name(u32::from(*c)) {
            Some(n) => n.into(),
            None => format!("0x{c:02x}"),
        },
        ElementItem::Text(t) => t.to_string_lossy().into_owned(),
    }
}

/// `parameters`: lower-case names, values as text, charset names in lower case.
pub fn params_to_json(params: &[Parameter<'_>]) -> Map<String, Json> {
    let mut m = Map::new();
    for p in params {
        let (name, value) = param_text(p);
        m.insert(name, Json::String(value));
    }
    m
}

/// A parameter's lower-case name and its value as text.
pub fn param_text(p: &Parameter<'_>) -> (String, String) {
    let name = p.name.name();
    let mut value = p.value.to_text();
    let is_charset = matches!(p.value, ParamValue::Charset(_))
        || matches!(p.name, ParamName::WellKnown(0x01))
        || name == "charset";
    if is_charset {
        value.make_ascii_lowercase();
    }
    (name, value)
}

fn body_to_json(pdu: &Pdu<'_>, opts: Options) -> Json {
    let Some(body) = &pdu.body else {
        return Json::Null;
    };
    let (media, params) = match pdu.content_type() {
        Some(ct) => (
            Json::String(ct.media().name().into_owned()),
            params_to_json(ct.params()),
        ),
        None => (Json::Null, Map::new()),
    };
    let mut m = Map::new();
    m.insert("content_type".into(), media);
    m.insert("parameters".into(), Json::Object(params));
    match body {
        Body::Multipart(mp) => multipart_into(&mut m, mp, opts),
        Body::Data(d) => {
            m.insert("size".into(), json!(d.len()));
            if opts.with_data {
                m.insert("data".into(), Json::String(base64(d)));
            }
        }
    }
    Json::Object(m)
}

fn multipart_into(m: &mut Map<String, Json>, mp: &Multipart<'_>, opts: Options) {
    m.insert(
        "parts".into(),
        Json::Array(mp.parts.iter().map(|p| part_to_json(p, opts)).collect()),
    );
    if !mp.trailing.is_empty() {
        m.insert("trailing".into(), Json::String(hex(&mp.trailing)));
    }
}

/// One entry of `parts`.
pub fn part_to_json(p: &Part<'_>, opts: Options) -> Json {
    let mut m = Map::new();
    m.insert(
        "content_type".into(),
        Json::String(p.content_type.media().name().into_owned()),
    );
    m.insert(
        "parameters".into(),
        Json::Object(params_to_json(p.content_type.params())),
    );
    m.insert(
        "headers".into(),
        Json::Array(p.headers.iter().map(part_header_to_json).collect()),
    );
    m.insert("size".into(), json!(p.data.len()));
    if let Some(nested) = &p.nested {
        multipart_into(&mut m, nested, opts);
    }
    if opts.with_data {
        m.insert("data".into(), Json::String(base64(&p.data)));
    }
    Json::Object(m)
}

/// One entry of a part's `headers`. Content-Disposition is written the way
/// a MIME header would be (`attachment; filename="a b.jpg"`); a well-known
/// header this tool does not type keeps its value as `"raw"` hex.
pub fn part_header_to_json(h: &WspHeader<'_>) -> Json {
    match h {
        WspHeader::ContentId { id, .. } => {
            json!({ "name": "Content-ID", "value": id.to_string_lossy() })
        }
        WspHeader::ContentLocation(t) => {
            json!({ "name": "Content-Location", "value": t.to_string_lossy() })
        }
        WspHeader::ContentDisposition {
            disposition,
            params,
            ..
        } => json!({ "name": h.name(), "value": disposition_string(disposition, params) }),
        WspHeader::WellKnown { code, value } => {
            json!({ "name": wsp_header_name(*code), "raw": hex(value) })
        }
        WspHeader::Application { name, value } => {
            json!({ "name": name.to_string_lossy(), "value": value.to_string_lossy() })
        }
        other => {
            let mut out = Vec::new();
            other.encode(&mut out);
            let raw = if out.first().is_some_and(|&b| b >= 0x80) {
                &out[1..]
            } else {
                &out[..]
            };
            json!({ "name": other.name(), "raw": hex(raw) })
        }
    }
}

/// A WSP header name, `0xNN` for an unknown code.
pub fn wsp_header_name(code: u8) -> String {
    match header_name(code) {
        Some(n) => n.into(),
        None => format!("0x{code:02x}"),
    }
}

/// `disposition *(; name=value)`, values quoted (`"…"`, with `\"` and `\\`)
/// unless they are plain tokens.
pub fn disposition_string(d: &Disposition<'_>, params: &[Parameter<'_>]) -> String {
    let mut s = d.name().into_owned();
    for p in params {
        let (name, value) = param_text(p);
        s.push_str("; ");
        s.push_str(&name);
        s.push('=');
        push_param_value(&mut s, &value);
    }
    s
}

fn push_param_value(s: &mut String, v: &str) {
    let plain = !v.is_empty()
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._+!#$&^`|~%*'/".contains(c));
    if plain {
        s.push_str(v);
        return;
    }
    s.push('"');
    for c in v.chars() {
        if c == '"' || c == '\\' {
            s.push('\\');
        }
        s.push(c);
    }
    s.push('"');
}

/// The media type and parameters as one readable line
/// (`text/plain; charset=utf-8`).
pub fn content_type_line(ct: &ContentType<'_>) -> String {
    let mut s = ct.media().name().into_owned();
    for p in ct.params() {
        let (name, value) = param_text(p);
        s.push_str("; ");
        s.push_str(&name);
        s.push('=');
        push_param_value(&mut s, &value);
    }
    s
}

/// Lower-case hex, no separators.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
