//! The JSON view of a decoded PDU: the stable shape that `mmsdump --json`
//! prints and `mmscompose` reads back (described in docs/json.md).
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
//! - `"charset"` on a header whose value holds an Encoded-string-value
//!   (Subject, From, To, …): the charset it was tagged with (IANA name, or
//!   `mibenum-N`), `null` for untagged text that is not ASCII; absent when
//!   the string is what `mmscompose` writes for the text anyway (untagged
//!   ASCII, tagged utf-8 non-ASCII);
//! - `"content_type_general": true` on a part whose Content-Type has no
//!   parameters but was written in the Content-general-form;
//! - `"quoted": false` on a part's Content-ID written as a Text-string,
//!   not the Quoted-string the composer writes;
//! - `"octets"` (hex) on a header: the string's octets (without Quote,
//!   NUL or charset) when `"value"` cannot give them back: text that is not
//!   valid in its charset, shown with U+FFFD;
//! - `"data"` (base64): a part's or a non-multipart body's octets, with
//!   `--with-data`;
//! - `"warnings"`: the deviations lenient decoding accepted, each
//!   `{"offset": n, "message": "…"}` like the error object.
//!
//! A WAP push (WAP-230 §8.2.4.1) is shown by [`push_to_json`] as the
//! `"push"` key of the document: `tid` (`null` for a connection-mode
//! push), `pdu_type` (`Push` / `ConfirmedPush`), `content_type`, and the
//! push `headers` as `{"name", "value"}`: integers (Content-Length,
//! Push-Flag, dates, …) as numbers, X-Wap-Application-Id by its registry
//! name or URI, text and URIs as strings, anything else as `"raw"` hex.
//! Additive keys there: `parameters` of the content type, a
//! `content_type_wire` (hex) and a header's `"wire"` when the octets are
//! not the ones `mmscompose` would write, and the push's `warnings`.

use base64::Engine as _;
use mms_pdu::wsp::push::{AppId, Push, PushOptions, X_WAP_APPLICATION_ID};
use mms_pdu::wsp::{
    header_name, parse_integer_value, parse_text_string, push_application_name, put_integer_value,
    put_long_integer, well_known_media_name, Charset, ContentType, Disposition, EncodedString,
    Media, Multipart, ParamName, ParamValue, Parameter, Part, Text, WspHeader,
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
    if let Some(p) = presentation_to_json(pdu) {
        doc.insert("presentation".into(), p);
    }
    if !pdu.trailing.is_empty() {
        doc.insert("trailing".into(), Json::String(hex(&pdu.trailing)));
    }
    // Grammar deviations (with offsets), then the header-table ones of
    // MMS_ENC §6 (PDU type and header, no offset).
    let mut warnings: Vec<Json> = pdu.warnings.iter().map(error_object).collect();
    warnings.extend(
        mms_pdu::mms::rules::check(pdu)
            .iter()
            .map(|v| json!({ "message": v.to_string() })),
    );
    if !warnings.is_empty() {
        doc.insert("warnings".into(), Json::Array(warnings));
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
                Some(v) => {
                    let mut o = match f.raw() {
                        Some(r) if !is_canonical(f.value(), r) => {
                            json!({ "name": name, "value": v, "wire": hex(r) })
                        }
                        _ => json!({ "name": name, "value": v }),
                    };
                    text_keys(f.value(), &mut o);
                    o
                }
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

/// The Encoded-string-value a field's value holds, if any.
pub fn encoded_in<'v, 'a>(v: &'v Value<'a>) -> Option<&'v EncodedString<'a>> {
    match v {
        Value::EncodedString(s)
        | Value::From(FromValue::Address(s))
        | Value::PreviouslySentBy { address: s, .. }
        | Value::MmFlags { flag: s, .. } => Some(s),
        Value::Counted { value, .. } => encoded_in(value),
        _ => None,
    }
}

/// The Text a field's value holds, if any.
fn text_in<'v, 'a>(v: &'v Value<'a>) -> Option<&'v Text<'a>> {
    match v {
        Value::Text(t) | Value::MessageClass(MessageClass::Text(t)) => Some(t),
        Value::Counted { value, .. } => text_in(value),
        _ => None,
    }
}

/// A charset's JSON name: IANA, or `mibenum-N`.
pub fn charset_json(cs: Charset) -> String {
    match cs.name() {
        Some(n) => n.to_string(),
        None => format!("mibenum-{}", cs.0),
    }
}

/// Adds `"charset"` and `"octets"` where `"value"` alone would not give
/// the string back (the composer writes untagged ASCII, or tagged utf-8).
fn text_keys(v: &Value<'_>, o: &mut Json) {
    if let Some(s) = encoded_in(v) {
        let text = s.to_string_lossy();
        let composed_form = if text.is_ascii() {
            None
        } else {
            Some(Charset::UTF_8)
        };
        if s.charset() != composed_form {
            o["charset"] = match s.charset() {
                Some(cs) => Json::String(charset_json(cs)),
                None => Json::Null,
            };
        }
        let again = match s.charset() {
            Some(cs) => mms_pdu::wsp::charset::encode(&text, cs).ok(),
            None => Some(text.as_bytes().into()),
        };
        if again.as_deref() != Some(s.as_bytes()) {
            o["octets"] = Json::String(hex(s.as_bytes()));
        }
    } else if let Some(t) = text_in(v) {
        if t.as_str().is_none() {
            o["octets"] = Json::String(hex(t.as_bytes()));
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
    if p.content_type.general_form() && p.content_type.params().is_empty() {
        // Content-general-form without parameters (the composer would
        // write the short form).
        m.insert("content_type_general".into(), Json::Bool(true));
    }
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
        WspHeader::ContentId { id, quoted: true } => {
            json!({ "name": "Content-ID", "value": id.to_string_lossy() })
        }
        WspHeader::ContentId { id, quoted: false } => {
            json!({ "name": "Content-ID", "value": id.to_string_lossy(), "quoted": false })
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

// ------------------------------------------------------------- WAP pushes

/// The `"push"` object of a decoded WAP push: TID, PDU type, content type
/// and push headers (the body is shown beside it, not in it).
pub fn push_to_json(p: &Push<'_>) -> Json {
    let mut m = Map::new();
    m.insert("tid".into(), p.tid.map_or(Json::Null, |t| json!(t)));
    m.insert("pdu_type".into(), Json::String(p.pdu_type.name().into()));
    let media = p.content_type.media().name().into_owned();
    let params = params_to_json(p.content_type.params());
    let wire = p.content_type.to_vec();
    m.insert("content_type".into(), Json::String(media.clone()));
    if !params.is_empty() {
        m.insert("parameters".into(), Json::Object(params));
    }
    // Parameters have several encodings (typed or as text): keep their
    // octets; a bare media type only when it is not written the usual way.
    if !p.content_type.params().is_empty() || wire != canonical_content_type(&media) {
        m.insert("content_type_wire".into(), Json::String(hex(&wire)));
    }
    m.insert(
        "headers".into(),
        Json::Array(p.headers.iter().map(push_header_to_json).collect()),
    );
    if !p.warnings.is_empty() {
        m.insert(
            "warnings".into(),
            Json::Array(p.warnings.iter().map(error_object).collect()),
        );
    }
    Json::Object(m)
}

/// How `mmscompose` writes a push content type `media` without parameters:
/// the well-known code when peers know it, else text.
pub fn canonical_content_type(media: &str) -> Vec<u8> {
    ContentType::new(Media::from_name(media)).to_vec()
}

/// WSP header codes whose value is an Integer-value (Age, Content-Length,
/// Max-Forwards, Bearer-Indication, Push-Flag).
const INTEGER_HEADERS: &[u8] = &[0x05, 0x0D, 0x1E, 0x33, 0x34];
/// WSP header codes whose value is a Date-value, a Long-integer (Date,
/// Expires, If-Modified-Since, If-Unmodified-Since, Last-Modified, X-Wap-Tod).
const DATE_HEADERS: &[u8] = &[0x12, 0x14, 0x17, 0x1B, 0x1D, 0x3F];

/// One entry of the push `headers`: `{"name", "value"}` when the value is
/// understood (with `"wire"` when its octets are not the canonical ones),
/// else `{"name", "raw"}`. Content-ID, Content-Location,
/// Content-Disposition and application headers as in a part.
pub fn push_header_to_json(h: &WspHeader<'_>) -> Json {
    let WspHeader::WellKnown { code, value } = h else {
        return part_header_to_json(h);
    };
    let name = wsp_header_name(*code);
    match push_value_to_json(*code, value) {
        Some(v) if push_value_octets(*code, &v).as_deref() == Some(&value[..]) => {
            json!({ "name": name, "value": v })
        }
        Some(v) => json!({ "name": name, "value": v, "wire": hex(value) }),
        None => json!({ "name": name, "raw": hex(value) }),
    }
}

/// The JSON value of a well-known push header's octets, `None` when they
/// are not understood (shown as `"raw"`).
pub fn push_value_to_json(code: u8, value: &[u8]) -> Option<Json> {
    let integer = || match parse_integer_value(value) {
        Ok((n, [])) => Some(n),
        _ => None,
    };
    let text = || match parse_text_string(value) {
        Ok((t, [])) => Some(t),
        _ => None,
    };
    let first = *value.first()?;
    if code == X_WAP_APPLICATION_ID {
        // Push-app-id = Uri-value | App-assigned-code (WAP-230 §8.4.2.54).
        let id = if first >= 0x80 || first <= 30 {
            AppId::Code(integer()?)
        } else {
            AppId::Uri(text()?)
        };
        return Some(Json::String(id.name().into_owned()));
    }
    if INTEGER_HEADERS.contains(&code) || DATE_HEADERS.contains(&code) {
        return integer().map(|n| json!(n));
    }
    if (32..=127).contains(&first) {
        return text().map(|t| Json::String(t.to_string_lossy().into_owned()));
    }
    None
}

/// The octets `mmscompose` writes for a push header value given as JSON
/// (the inverse of [`push_value_to_json`]); `None` when the value does not
/// suit the header.
pub fn push_value_octets(code: u8, v: &Json) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    if code == X_WAP_APPLICATION_ID {
        match v {
            Json::Number(n) => put_integer_value(n.as_u64()?, &mut out),
            Json::String(s) => match app_id_code(s) {
                Some(c) => put_integer_value(c, &mut out),
                None => Text::new(s).ok()?.put_text_string(&mut out),
            },
            _ => return None,
        }
    } else if INTEGER_HEADERS.contains(&code) {
        put_integer_value(v.as_u64()?, &mut out);
    } else if DATE_HEADERS.contains(&code) {
        put_long_integer(v.as_u64()?, &mut out);
    } else {
        let s = v.as_str()?;
        if !s.bytes().next().is_some_and(|b| (32..127).contains(&b)) {
            return None; // would not read back as text
        }
        Text::new(s).ok()?.put_text_string(&mut out);
    }
    Some(out)
}

/// The assigned code of a push application: its registry name (as
/// [`AppId::name`] spells it) or `0xNN`.
pub fn app_id_code(name: &str) -> Option<u64> {
    if let Some(h) = name.strip_prefix("0x") {
        return u64::from_str_radix(h, 16).ok();
    }
    (0..=0xFFFFu32)
        .find(|&c| push_application_name(c) == Some(name))
        .map(u64::from)
}

/// A decoded push and what its body decoded to.
#[derive(Debug)]
pub struct PushView<'a> {
    /// The push.
    pub push: Push<'a>,
    /// Its body, a slice of the input.
    pub body: &'a [u8],
    /// The MMS PDU of the body, when the content type says MMS. The
    /// offsets of its error or warnings are counted from the start of the
    /// input, not of the body.
    pub mms: Option<Result<Pdu<'a>, DecodeError>>,
}

impl PushView<'_> {
    /// Whether the push carries an MMS PDU that does not decode.
    pub fn failed(&self) -> bool {
        matches!(self.mms, Some(Err(_)))
    }
}

/// Decodes `input` as a WSP push and, when it carries one, the MMS PDU of
/// its body (borrowing from `input` too).
pub fn decode_push<'a>(input: &'a [u8], opts: &PushOptions) -> Result<PushView<'a>, DecodeError> {
    let push = Push::decode_with(input, opts)?;
    let start = push.body_offset;
    let body = input
        .get(start..start + push.body.len())
        .unwrap_or_default();
    let mms = push.is_mms().then(|| {
        Pdu::decode_with(body, &opts.decode)
            .map(|mut pdu| {
                for w in &mut pdu.warnings {
                    *w = shifted(w, start);
                }
                pdu
            })
            .map_err(|e| shifted(&e, start))
    });
    Ok(PushView { push, body, mms })
}

/// `e` with its offset moved by `by` octets.
pub fn shifted(e: &DecodeError, by: usize) -> DecodeError {
    DecodeError::new(e.offset() + by, e.context(), e.kind())
}

/// Where the push starts in its input: after the junk that
/// [`PushOptions::search`] skipped.
pub fn push_start(p: &Push<'_>) -> usize {
    p.start
}

/// The document `mmsdump --json` prints for a push: its MMS PDU's document
/// (or decode error) with `"push"` first, or for a push of something else
/// the push and the body's content type and size.
pub fn push_view_to_json(v: &PushView<'_>, opts: Options) -> Json {
    match &v.mms {
        None => non_mms_push_to_json(&v.push, opts),
        Some(Ok(pdu)) => with_push(&v.push, pdu_to_json(pdu, opts)),
        Some(Err(e)) => with_push(&v.push, error_to_json(e)),
    }
}

/// The document of a push whose body is not an MMS PDU: the push, and the
/// body's content type and size (its octets too, with `with_data`).
pub fn non_mms_push_to_json(p: &Push<'_>, opts: Options) -> Json {
    let mut body = Map::new();
    body.insert(
        "content_type".into(),
        Json::String(p.content_type.media().name().into_owned()),
    );
    body.insert("size".into(), json!(p.body.len()));
    if opts.with_data {
        body.insert("data".into(), Json::String(base64(&p.body)));
    }
    json!({ "push": push_to_json(p), "body": body })
}

/// Puts `"push"` first in the document of the MMS PDU the push carries (or
/// of its decode error).
pub fn with_push(p: &Push<'_>, doc: Json) -> Json {
    let mut m = Map::new();
    m.insert("push".into(), push_to_json(p));
    if let Json::Object(rest) = doc {
        m.extend(rest);
    }
    Json::Object(m)
}

/// The SMIL presentation of a multipart/related body, as
/// `{"layout": {"root": {...}, "regions": [...]}, "slides": [...]}`, where a
/// media element's `part` is the index of its part in `body.parts`; a SMIL
/// part that does not parse gives `{"error": "..."}`; `None` without SMIL.
pub fn presentation_to_json(pdu: &Pdu<'_>) -> Option<Json> {
    use mms_pdu::smil::{self, Length};
    fn len(l: &Option<Length>) -> Json {
        match l {
            Some(Length::Px(n)) => json!(n),
            Some(l @ Length::Percent(_)) => Json::String(l.to_string()),
            None => Json::Null,
        }
    }
    let bp = match smil::from_pdu(pdu) {
        Ok(Some(bp)) => bp,
        Ok(None) => return None,
        Err(e) => return Some(json!({ "error": e.to_string() })),
    };
    let p = &bp.presentation;
    let root = p.layout.root.as_ref().map_or(
        Json::Null,
        |r| json!({ "width": len(&r.width), "height": len(&r.height) }),
    );
    let regions: Vec<Json> = p
        .layout
        .regions
        .iter()
        .map(|r| {
            json!({
                "id": r.id.as_ref(),
                "top": len(&r.top),
                "left": len(&r.left),
                "width": len(&r.width),
                "height": len(&r.height),
            })
        })
        .collect();
    let slides: Vec<Json> = p
        .slides
        .iter()
        .map(|s| {
            let media: Vec<Json> = s
                .media
                .iter()
                .map(|m| {
                    json!({
                        "kind": m.kind.element(),
                        "src": m.src.as_deref(),
                        "region": m.region.as_deref(),
                        "part": m.part,
                    })
                })
                .collect();
            json!({ "dur_ms": s.duration, "media": media })
        })
        .collect();
    Some(json!({ "layout": { "root": root, "regions": regions }, "slides": slides }))
}
