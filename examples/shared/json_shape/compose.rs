//! Building a PDU from the JSON shape `mmsdump --json` prints (see
//! docs/json.md): the inverse of `dump.rs`.
//!
//! Shared by the `mmscompose` example and `tests/cli.rs`. What it reads:
//! - `headers`, in order: `{"name", "value"}` typed by the field's grammar,
//!   or `{"name", "raw": "hex"}` written as is; a name that is no MMS field
//!   is an application header (its value a string); a `"wire"` (hex) next
//!   to a `"value"` is written instead of the value's own encoding when it
//!   decodes to that same value (so an edited value wins over stale octets);
//! - the Content-Type header's media type, with `body.parameters`;
//! - `body.parts` (a multipart body) or the body's octets;
//! - a part's octets from `"data"` (base64), `"text"` (UTF-8) or `"file"`
//!   (a relative path inside the JSON file's directory, or the current
//!   directory for standard input: no `..`, no absolute path, no symbolic
//!   link out); a multipart part from `"data"` when present (its exact
//!   octets), else built from its `"parts"`;
//! - `"trailing"` hex on the document or on a multipart, as `mmsdump` writes it;
//! - `"charset"` and `"octets"` on a header, `"content_type_general"` on a
//!   part and `"quoted"` on a Content-ID (see dump.rs): with them a dump
//!   composes back to the same octets.
//!
//! A `"push"` object (as `mmsdump` prints for a WAP push) wraps the result
//! in a WSP push PDU with its `tid` (`null`: connection-mode, no TID;
//! absent: 0), `pdu_type`, `content_type` (with `parameters`) and `headers`
//! (Push-Flag, Content-Length, X-Wap-Application-Id by name or URI, …; a
//! `"wire"` or `content_type_wire` is written when it still decodes to the
//! value given). The push body is the MMS PDU the document's `headers`
//! describe or, without `headers`, the octets of `body` (`data`, `text` or
//! `file`), as `mmsdump` shows a push of something else than MMS.
//!
//! Keys it does not know (`message_type`, `size`, `warnings`, …) are ignored.

use std::borrow::Cow;
use std::path::Path;

use base64::Engine as _;
use mms_pdu::wsp::push::{Push, PushType};
use mms_pdu::wsp::{
    header_code, well_known_media_code, Charset, ContentType, Disposition, EncodedString, Media,
    Multipart, ParamName, ParamValue, Parameter, Part, Text, TextValue, WspHeader,
    CONTENT_DISPOSITION, CONTENT_DISPOSITION_14, CONTENT_ID, CONTENT_LOCATION,
};
use mms_pdu::{
    Body, ElementItem, FieldCode, FromValue, Header, MessageClass, Pdu, Time, Value, Version,
};
use serde_json::{Map, Value as Json};

use crate::dump;

type Result<T> = std::result::Result<T, String>;

/// Encodes the PDU that `doc` describes: an MMS PDU, or with a `"push"`
/// key the WAP push that carries it. `base_dir` resolves relative `"file"`
/// paths (the current directory when `None`).
#[allow(dead_code)] // mmscompose calls compose_with; the tests call this
pub fn compose(doc: &Json, base_dir: Option<&Path>) -> Result<Vec<u8>> {
    compose_with(doc, base_dir, &mut Vec::new())
}

/// As [`compose`], listing in `problems` what the PDU breaks of the
/// header table of its type (`rules::check`, MMS_ENC 1.3 §6) and any
/// trailing octets after its last header.
pub fn compose_with(
    doc: &Json,
    base_dir: Option<&Path>,
    problems: &mut Vec<String>,
) -> Result<Vec<u8>> {
    match doc.get("push") {
        Some(p) => {
            let body = push_body(doc, base_dir, problems)?;
            build_push(p, body)?
                .to_vec()
                .map_err(|e| format!("cannot encode the push: {e}"))
        }
        None => compose_mms_with(doc, base_dir, problems),
    }
}

/// Encodes the MMS PDU that `doc` describes, ignoring any `"push"`.
#[allow(dead_code)] // for the tests
pub fn compose_mms(doc: &Json, base_dir: Option<&Path>) -> Result<Vec<u8>> {
    compose_mms_with(doc, base_dir, &mut Vec::new())
}

fn compose_mms_with(
    doc: &Json,
    base_dir: Option<&Path>,
    problems: &mut Vec<String>,
) -> Result<Vec<u8>> {
    let pdu = build_pdu(doc, base_dir)?;
    let bytes = pdu
        .encode()
        .map_err(|e| format!("cannot encode the PDU: {e}"))?;
    // Read back, as a receiver would: the field values it decodes are what
    // the header table is checked against.
    if let Ok(back) = Pdu::decode(&bytes) {
        problems.extend(
            mms_pdu::mms::rules::check(&back)
                .iter()
                .map(|v| v.to_string()),
        );
        if !back.trailing.is_empty() {
            problems.push(format!(
                "{} trailing octets after the last header",
                back.trailing.len()
            ));
        }
    }
    Ok(bytes)
}

/// What a push document carries: the MMS PDU of its `headers`, or else the
/// octets of its `body`.
fn push_body(doc: &Json, base_dir: Option<&Path>, problems: &mut Vec<String>) -> Result<Vec<u8>> {
    if let Some(e) = doc.get("error") {
        let msg = e.get("message").and_then(Json::as_str).unwrap_or("?");
        return Err(format!(
            "the push carries a body that did not decode, not a PDU: {msg}"
        ));
    }
    if doc.get("headers").is_some() {
        return compose_mms_with(doc, base_dir, problems);
    }
    match doc.get("body").filter(|b| !b.is_null()) {
        Some(b) => Ok(octets_of(b, "body", base_dir)?.into_owned()),
        None => Err("a push document needs MMS \"headers\" or a \"body\"".into()),
    }
}

/// The push that `p` (a `"push"` object) describes, around `body`.
pub fn build_push(p: &Json, body: Vec<u8>) -> Result<Push<'_>> {
    let at = "push";
    let o = obj_of(p, at)?;
    let mut push = Push::mms(0, body);
    push.tid = match o.get("tid") {
        None => Some(0),
        Some(Json::Null) => None,
        Some(t) => Some(
            t.as_u64()
                .and_then(|t| u8::try_from(t).ok())
                .ok_or_else(|| format!("push: \"tid\" must be 0-255 or null, found {t}"))?,
        ),
    };
    if let Some(t) = o.get("pdu_type") {
        push.pdu_type = match str_of(t, at)?.to_ascii_lowercase().as_str() {
            "push" | "0x06" => PushType::Push,
            "confirmedpush" | "0x07" => PushType::ConfirmedPush,
            other => {
                return Err(format!(
                    "push: unknown pdu_type {other:?} (Push or ConfirmedPush)"
                ))
            }
        };
    }
    if let Some(ct) = o.get("content_type") {
        let at = "push.content_type";
        let media = str_of(ct, at)?;
        let mut built = ContentType::new(media_of(media, at)?);
        built.params_mut().extend(params_of(p, at)?);
        push.content_type = built;
        if let Some(w) = o.get("content_type_wire") {
            let wire = unhex(str_of(w, at)?, at)?;
            let empty = Json::Object(Map::new());
            let want_params = o.get("parameters").unwrap_or(&empty);
            if let Ok(ct) = ContentType::decode(&wire) {
                if ct.media().name() == media
                    && &Json::Object(dump::params_to_json(ct.params())) == want_params
                {
                    push.content_type = ct.into_owned();
                }
            }
        }
    }
    if let Some(hs) = o.get("headers") {
        let hs = hs.as_array().ok_or("push: \"headers\" is not a list")?;
        push.headers.clear();
        for (k, h) in hs.iter().enumerate() {
            push.headers
                .push(push_header(h, &format!("push.headers[{k}]"))?);
        }
    }
    Ok(push)
}

/// One push header: a well-known header by name (or `0xNN`) with a value
/// in the form `mmsdump` prints, or `"raw"` hex; Content-ID,
/// Content-Location, Content-Disposition and application headers as in a
/// part.
fn push_header<'a>(h: &'a Json, at: &str) -> Result<WspHeader<'a>> {
    let name = h
        .get("name")
        .and_then(Json::as_str)
        .ok_or_else(|| format!("{at}: no \"name\""))?;
    let code = header_code(name)
        .or_else(|| hex_code(name))
        .filter(|&c| c < 0x80);
    let typed_elsewhere = [
        CONTENT_ID,
        CONTENT_LOCATION,
        CONTENT_DISPOSITION,
        CONTENT_DISPOSITION_14,
    ];
    let (Some(code), None) = (code.filter(|c| !typed_elsewhere.contains(c)), h.get("raw")) else {
        return part_header(h, at);
    };
    let at = format!("{at} ({name})");
    let value = h
        .get("value")
        .ok_or_else(|| format!("{at}: no \"value\" (nor \"raw\")"))?;
    if let Some(w) = h.get("wire") {
        let wire = unhex(str_of(w, &at)?, &at)?;
        if dump::push_value_to_json(code, &wire).as_ref() == Some(value) {
            return Ok(WspHeader::WellKnown {
                code,
                value: Cow::Owned(wire),
            });
        }
    }
    let octets = dump::push_value_octets(code, value)
        .ok_or_else(|| format!("{at}: {value} is not a value this header can take"))?;
    Ok(WspHeader::WellKnown {
        code,
        value: Cow::Owned(octets),
    })
}

/// The PDU that `doc` describes, borrowing its strings.
pub fn build_pdu<'a>(doc: &'a Json, base_dir: Option<&Path>) -> Result<Pdu<'a>> {
    let obj = doc.as_object().ok_or("the document is not a JSON object")?;
    if let Some(e) = obj.get("error") {
        let msg = e.get("message").and_then(Json::as_str).unwrap_or("?");
        return Err(format!("the document is a decode error, not a PDU: {msg}"));
    }
    let headers = obj
        .get("headers")
        .and_then(Json::as_array)
        .ok_or("the document has no \"headers\" list")?;
    let body_json = obj.get("body").filter(|b| !b.is_null());
    let body_params = match body_json {
        Some(b) => params_of(b, "body")?,
        None => Vec::new(),
    };

    let mut pdu = Pdu::default();
    let mut has_content_type = false;
    let mut ctx = HeaderCtx {
        body_params: Some(body_params),
        body_params_json: body_json.and_then(|b| b.get("parameters")),
        message_type: None,
    };
    for (k, h) in headers.iter().enumerate() {
        let at = format!("headers[{k}]");
        let header = header(h, &at, &mut ctx)?;
        has_content_type |= header.code() == Some(FieldCode::CONTENT_TYPE);
        if let (None, Some(Value::Token(b))) = (ctx.message_type, header.value()) {
            if header.code() == Some(FieldCode::MESSAGE_TYPE) {
                ctx.message_type = Some(*b);
            }
        }
        pdu.headers.push(header);
    }
    let mut body_params = ctx.body_params;

    if let Some(b) = body_json {
        let at = "body";
        if !has_content_type {
            // A hand-written document may leave the header out: the body
            // says what it is.
            let media = b
                .get("content_type")
                .and_then(Json::as_str)
                .ok_or("body: no Content-Type header and no \"content_type\"")?;
            let mut ct = ContentType::new(media_of(media, at)?);
            ct.params_mut()
                .extend(body_params.take().unwrap_or_default());
            pdu.headers.push(Header::field(
                FieldCode::CONTENT_TYPE,
                Value::ContentType(ct),
            ));
        }
        pdu.body = Some(match b.get("parts") {
            Some(_) if b.get("data").is_none() => Body::Multipart(multipart_of(b, at, base_dir)?),
            _ => Body::Data(octets_of(b, at, base_dir)?.into()),
        });
    } else if has_content_type {
        return Err("a Content-Type header needs a body (\"body\" is null)".into());
    }

    if let Some(t) = obj.get("trailing") {
        pdu.trailing = Cow::Owned(unhex(str_of(t, "trailing")?, "trailing")?);
    }
    Ok(pdu)
}

/// What decoding a header needs from the rest of the document.
struct HeaderCtx<'a> {
    /// The body's parameters, for the Content-Type header (taken once).
    body_params: Option<Vec<Parameter<'a>>>,
    /// The same, as JSON, to check a Content-Type's `"wire"` against.
    body_params_json: Option<&'a Json>,
    /// The PDU's message type, once its header is read.
    message_type: Option<u8>,
}

/// One MMS header.
fn header<'a>(h: &'a Json, at: &str, ctx: &mut HeaderCtx<'a>) -> Result<Header<'a>> {
    let name = h
        .get("name")
        .and_then(Json::as_str)
        .ok_or_else(|| format!("{at}: no \"name\""))?;
    let at = format!("{at} ({name})");
    let code = field_code(name);
    if let Some(raw) = h.get("raw") {
        let code = code.ok_or_else(|| {
            format!("{at}: a raw value needs an MMS field name or a 0xNN field code")
        })?;
        let bytes = unhex(str_of(raw, &at)?, &at)?;
        return Ok(Header::field(code, Value::Raw(Cow::Owned(bytes))));
    }
    let value = h
        .get("value")
        .ok_or_else(|| format!("{at}: no \"value\" (nor \"raw\")"))?;
    let Some(code) = code else {
        let value = value
            .as_str()
            .ok_or_else(|| format!("{at}: an application header's value must be a string"))?;
        if !is_token_start(name) {
            return Err(format!("{at}: not a valid application header name"));
        }
        return Ok(Header::Application {
            name: text(name, &at)?,
            value: text(value, &at)?,
        });
    };
    let typed = if code == FieldCode::CONTENT_TYPE {
        let media = media_of(str_of(value, &at)?, &at)?;
        let mut ct = ContentType::new(media);
        ct.params_mut()
            .extend(ctx.body_params.take().unwrap_or_default());
        Value::ContentType(ct)
    } else {
        with_text_keys(typed_value(code, value, &at)?, h, &at)?
    };
    if let Some(wire) = h.get("wire") {
        let wire = unhex(str_of(wire, &at)?, &at)?;
        if wire_matches(ctx, code, &wire, value) {
            return Ok(Header::field(code, Value::Raw(Cow::Owned(wire))));
        }
    }
    Ok(Header::field(code, typed))
}

/// Whether `wire`, as the value of field `code`, decodes to `value` (and,
/// for the Content-Type, to the body's parameters).
fn wire_matches(ctx: &HeaderCtx<'_>, code: FieldCode, wire: &[u8], value: &Json) -> bool {
    // A two-header PDU: the message type (the counted forms of some fields
    // depend on it), then the field.
    let mut mini = vec![0x8C, ctx.message_type.unwrap_or(0x80), 0x80 | code.0];
    mini.extend_from_slice(wire);
    let Ok(pdu) = Pdu::decode(&mini) else {
        return false;
    };
    let Some(Header::Field(f)) = pdu.headers.get(1) else {
        return false;
    };
    if pdu.headers.len() != 2 || f.code() != code || f.raw() != Some(wire) {
        return false;
    }
    if dump::value_to_json(code, f.value()).as_ref() != Some(value) {
        return false;
    }
    match f.value() {
        Value::ContentType(ct) => {
            let params = Json::Object(dump::params_to_json(ct.params()));
            let empty = Json::Object(Map::new());
            &params == ctx.body_params_json.unwrap_or(&empty)
        }
        _ => true,
    }
}

/// A field code by name (case-insensitive) or as `0xNN`.
fn field_code(name: &str) -> Option<FieldCode> {
    FieldCode::from_name(name).or_else(|| hex_code(name).filter(|&c| c < 0x80).map(FieldCode))
}

/// `0xNN` → NN.
fn hex_code(s: &str) -> Option<u8> {
    let h = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X"))?;
    if h.is_empty() || h.len() > 2 {
        return None;
    }
    u8::from_str_radix(h, 16).ok()
}

/// How a field's value is written (MMS_ENC 1.3 §7.3; the same table as the
/// library's grammar, [`FieldCode::grammar`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    EncodedString,
    From,
    Text,
    Long,
    Integer,
    Token,
    Version,
    MessageClass,
    Time,
    ContentType,
    PreviouslySentBy,
    PreviouslySentDate,
    MmFlags,
    MboxCount,
    Attribute,
    ElementDescriptor,
    CountedText,
    CountedToken,
    CountedEncodedString,
    Raw,
}

fn kind(code: FieldCode) -> Kind {
    use mms_pdu::mms::ValueKind as V;
    match code.grammar() {
        V::EncodedString => Kind::EncodedString,
        V::From => Kind::From,
        V::Text => Kind::Text,
        V::Long => Kind::Long,
        V::Integer => Kind::Integer,
        V::Token(_) => Kind::Token,
        V::Version => Kind::Version,
        V::MessageClass => Kind::MessageClass,
        V::Time => Kind::Time,
        V::ContentType => Kind::ContentType,
        V::PreviouslySentBy => Kind::PreviouslySentBy,
        V::PreviouslySentDate => Kind::PreviouslySentDate,
        V::MmFlags => Kind::MmFlags,
        V::MboxCount => Kind::MboxCount,
        V::Attribute => Kind::Attribute,
        V::ElementDescriptor => Kind::ElementDescriptor,
        V::CountedText => Kind::CountedText,
        V::CountedToken(_) => Kind::CountedToken,
        V::CountedEncodedString => Kind::CountedEncodedString,
        _ => Kind::Raw,
    }
}

fn typed_value<'a>(code: FieldCode, v: &'a Json, at: &str) -> Result<Value<'a>> {
    Ok(match kind(code) {
        Kind::EncodedString => Value::EncodedString(encoded(str_of(v, at)?, at)?),
        Kind::From => match str_of(v, at)? {
            "<insert-address>" => Value::From(FromValue::InsertAddress),
            s => Value::From(FromValue::Address(encoded(s, at)?)),
        },
        Kind::Text => Value::Text(text(str_of(v, at)?, at)?),
        Kind::Long => Value::Long(u64_of(v, at)?),
        Kind::Integer => Value::Integer(u64_of(v, at)?),
        Kind::Token => Value::Token(token(code, str_of(v, at)?, at)?),
        Kind::Version => Value::Version(
            str_of(v, at)?
                .parse::<Version>()
                .map_err(|e| format!("{at}: {e}"))?,
        ),
        Kind::MessageClass => {
            let s = str_of(v, at)?;
            match token(FieldCode::MESSAGE_CLASS, s, at) {
                Ok(b) => Value::MessageClass(MessageClass::Token(b)),
                Err(_) if is_token_start(s) => {
                    Value::MessageClass(MessageClass::Text(text(s, at)?))
                }
                Err(e) => return Err(e),
            }
        }
        Kind::Time => {
            let o = obj_of(v, at)?;
            match (o.get("absolute"), o.get("relative")) {
                (Some(n), None) => Value::Time(Time::Absolute(u64_of(n, at)?)),
                (None, Some(n)) => Value::Time(Time::Relative(u64_of(n, at)?)),
                _ => {
                    return Err(format!(
                        "{at}: expected {{\"absolute\": n}} or {{\"relative\": n}}"
                    ))
                }
            }
        }
        Kind::ContentType => Value::ContentType(ContentType::new(media_of(str_of(v, at)?, at)?)),
        Kind::PreviouslySentBy => {
            let o = obj_of(v, at)?;
            Value::PreviouslySentBy {
                count: u64_of(get(o, "count", at)?, at)?,
                address: encoded(str_of(get(o, "address", at)?, at)?, at)?,
            }
        }
        Kind::PreviouslySentDate => {
            let o = obj_of(v, at)?;
            Value::PreviouslySentDate {
                count: u64_of(get(o, "count", at)?, at)?,
                date: u64_of(get(o, "date", at)?, at)?,
            }
        }
        Kind::MmFlags => {
            let o = obj_of(v, at)?;
            let mut it = o.iter();
            let (Some((op, flag)), None) = (it.next(), it.next()) else {
                return Err(format!(
                    "{at}: expected one of {{\"add\"|\"remove\"|\"filter\": flag}}"
                ));
            };
            let op = match op.to_ascii_lowercase().as_str() {
                "add" => 0x80,
                "remove" => 0x81,
                "filter" => 0x82,
                other => hex_code(other)
                    .filter(|&b| b >= 0x80)
                    .ok_or_else(|| format!("{at}: unknown MM-Flags operation {op:?}"))?,
            };
            Value::MmFlags {
                op,
                flag: encoded(str_of(flag, at)?, at)?,
            }
        }
        Kind::MboxCount => {
            let o = obj_of(v, at)?;
            if let Some(n) = o.get("messages") {
                Value::MboxCount {
                    kind: 0x80,
                    value: u64_of(n, at)?,
                }
            } else if let Some(n) = o.get("bytes") {
                Value::MboxCount {
                    kind: 0x81,
                    value: u64_of(n, at)?,
                }
            } else {
                let k = str_of(get(o, "kind", at)?, at)?;
                let kind = match k {
                    "message" => 0x80,
                    "size" => 0x81,
                    _ => hex_code(k)
                        .filter(|&b| b >= 0x80)
                        .ok_or_else(|| format!("{at}: unknown count kind {k:?}"))?,
                };
                Value::MboxCount {
                    kind,
                    value: u64_of(get(o, "value", at)?, at)?,
                }
            }
        }
        Kind::Attribute => {
            let s = str_of(v, at)?;
            Value::Attribute(field_code(s).ok_or_else(|| format!("{at}: unknown field {s:?}"))?)
        }
        Kind::ElementDescriptor => {
            let o = obj_of(v, at)?;
            let reference = text(str_of(get(o, "reference", at)?, at)?, at)?;
            let mut params = Vec::new();
            if let Some(p) = o.get("parameters") {
                for (n, val) in obj_of(p, at)? {
                    let val = str_of(val, at)?;
                    let name = match n.as_str() {
                        "type" => ElementItem::Short(2),
                        other => match hex_code(other).filter(|&c| c < 0x80) {
                            Some(c) => ElementItem::Short(c),
                            None => ElementItem::Text(text(other, at)?),
                        },
                    };
                    let short = well_known_media_code(val)
                        .filter(|&c| c < 0x80)
                        .filter(|&c| mms_pdu::wsp::well_known_media_name(c) == Some(val))
                        .or_else(|| hex_code(val).filter(|&c| c < 0x80).map(u32::from));
                    let value = match (&name, short) {
                        (ElementItem::Short(2), Some(c)) => ElementItem::Short(c as u8),
                        _ => ElementItem::Text(text(val, at)?),
                    };
                    params.push((name, value));
                }
            }
            Value::ElementDescriptor { reference, params }
        }
        Kind::CountedText | Kind::CountedToken | Kind::CountedEncodedString => match v {
            Json::Object(o) => {
                let count = u64_of(get(o, "count", at)?, at)?;
                let inner = str_of(get(o, "value", at)?, at)?;
                Value::Counted {
                    count,
                    value: Box::new(counted_inner(code, inner, at)?),
                }
            }
            _ => counted_inner(code, str_of(v, at)?, at)?,
        },
        Kind::Raw => {
            return Err(format!(
                "{at}: this field has no value grammar: give its value as \"raw\" hex"
            ))
        }
    })
}

fn counted_inner<'a>(code: FieldCode, s: &'a str, at: &str) -> Result<Value<'a>> {
    Ok(match kind(code) {
        Kind::CountedToken => Value::Token(token(code, s, at)?),
        Kind::CountedEncodedString => Value::EncodedString(encoded(s, at)?),
        _ => Value::Text(text(s, at)?),
    })
}

/// A token by name: exactly as the table spells it, then loosely (case,
/// spaces, `-` and `_`), then as `0xNN`.
fn token(code: FieldCode, name: &str, at: &str) -> Result<u8> {
    let table = code.tokens().unwrap_or(&[]);
    if let Some(&(b, _)) = table.iter().find(|(_, n)| *n == name) {
        return Ok(b);
    }
    if let Some(b) = code.token_code(name) {
        return Ok(b);
    }
    if let Some(b) = hex_code(name).filter(|&b| b >= 0x80) {
        return Ok(b);
    }
    let known: Vec<&str> = table.iter().map(|(_, n)| *n).collect();
    Err(format!(
        "{at}: unknown token {name:?} (known: {})",
        known.join(", ")
    ))
}

/// An Encoded-string-value: plain when ASCII, tagged utf-8 otherwise (and
/// when it holds a NUL, which only the tagged form can carry).
fn encoded<'a>(s: &'a str, at: &str) -> Result<EncodedString<'a>> {
    if s.contains('\0') {
        return Ok(EncodedString::with_charset(Charset::UTF_8, s.as_bytes()));
    }
    EncodedString::new(s).map_err(|e| format!("{at}: {e}"))
}

fn text<'a>(s: &'a str, at: &str) -> Result<Text<'a>> {
    Text::new(s).map_err(|e| format!("{at}: {e}"))
}

fn text_cow<'a>(s: Cow<'a, str>, at: &str) -> Result<Text<'a>> {
    match s {
        Cow::Borrowed(b) => Text::new(b),
        Cow::Owned(o) => Text::from_string(o),
    }
    .map_err(|e| format!("{at}: {e}"))
}

/// Token-text starts with a printable ASCII octet.
fn is_token_start(s: &str) -> bool {
    s.bytes().next().is_some_and(|b| (32..127).contains(&b)) && !s.contains('\0')
}

/// An HTTP token (RFC 2616 §2.2): printable ASCII but the separators.
fn is_http_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}".contains(&b))
}

/// A media type by name: the well-known code when the name is spelled as
/// the table spells it, `0xNN` as that code, else text.
fn media_of<'a>(name: &'a str, at: &str) -> Result<Media<'a>> {
    if let Some(c) = hex_code(name) {
        return Ok(Media::WellKnown(u32::from(c)));
    }
    let m = Media::from_name(name);
    if matches!(m, Media::WellKnown(_)) && m.name() == name {
        return Ok(m);
    }
    if !is_token_start(name) {
        return Err(format!("{at}: {name:?} is not a media type"));
    }
    Ok(Media::Text(text(name, at)?))
}

/// `parameters` of a body or part, in the object's order.
fn params_of<'a>(v: &'a Json, at: &str) -> Result<Vec<Parameter<'a>>> {
    let Some(p) = v.get("parameters") else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (name, value) in obj_of(p, at)? {
        let value = match value {
            Json::String(s) => Cow::Borrowed(s.as_str()),
            Json::Number(n) => Cow::Owned(n.to_string()),
            _ => return Err(format!("{at}: parameter {name:?} is not a string")),
        };
        out.push(parameter(Cow::Borrowed(name.as_str()), value, at)?);
    }
    Ok(out)
}

/// One parameter: `charset` as a typed Charset, `type` as the typed
/// constrained media (0x09), `start`, `start-info`, `name` and `filename`
/// as typed text (0x0A, 0x0B, 0x05, 0x06); others untyped.
fn parameter<'a>(name: Cow<'a, str>, value: Cow<'a, str>, at: &str) -> Result<Parameter<'a>> {
    let at = format!("{at}: parameter {name}");
    let typed_text = |code: u8, value: Cow<'a, str>| -> Result<Parameter<'a>> {
        Ok(Parameter::typed(
            code,
            ParamValue::Text(text_cow(value, &at)?),
        ))
    };
    match name.as_ref() {
        "charset" => {
            if let Some(cs) = charset_of(&value) {
                return Ok(Parameter::charset(cs));
            }
        }
        // A constrained media is a short code below 0x80 or extension-media text.
        "type" if is_token_start(&value) => {
            let media = match well_known_media_code(&value) {
                Some(c) if c < 0x80 && mms_pdu::wsp::well_known_media_name(c) == Some(&value) => {
                    Media::WellKnown(c)
                }
                _ => Media::Text(text_cow(value, &at)?),
            };
            return Ok(Parameter::typed(0x09, ParamValue::Media(media)));
        }
        "start" => return typed_text(0x0A, value),
        "start-info" => return typed_text(0x0B, value),
        "name" => return typed_text(0x05, value),
        "filename" => return typed_text(0x06, value),
        _ => {}
    }
    if !is_token_start(&name) {
        return Err(format!("{at}: not a valid parameter name"));
    }
    let value = if value.is_empty() {
        TextValue::NoValue
    } else if is_http_token(&value) {
        TextValue::Token(text_cow(value, &at)?)
    } else {
        TextValue::Quoted(text_cow(value, &at)?)
    };
    Ok(Parameter {
        name: ParamName::Text(text_cow(name, &at)?),
        value: ParamValue::TextValue(value),
    })
}

/// The string of `v` rebuilt as the header's `"charset"` (its tag; `null`:
/// untagged) and `"octets"` (hex: the string's own octets) say, so that a
/// dump gives back the same octets (see dump.rs).
fn with_text_keys<'a>(mut v: Value<'a>, h: &Json, at: &str) -> Result<Value<'a>> {
    let charset = match h.get("charset") {
        None => None,
        Some(Json::Null) => Some(None),
        Some(c) => {
            let name = str_of(c, at)?;
            Some(Some(
                charset_of(name).ok_or_else(|| format!("{at}: unknown charset {name:?}"))?,
            ))
        }
    };
    let octets = match h.get("octets") {
        Some(o) => Some(unhex(str_of(o, at)?, at)?),
        None => None,
    };
    if charset.is_none() && octets.is_none() {
        return Ok(v);
    }
    if let Some(s) = encoded_mut(&mut v) {
        let cs = charset.unwrap_or(s.charset());
        let bytes = match octets {
            Some(o) => o,
            None => {
                let text = s.to_string_lossy();
                match cs {
                    Some(c) => mms_pdu::wsp::charset::encode(&text, c)
                        .map_err(|e| format!("{at}: {e}"))?
                        .into_owned(),
                    None => text.as_bytes().to_vec(),
                }
            }
        };
        *s = match cs {
            Some(c) => EncodedString::with_charset(c, bytes),
            None => EncodedString::text(
                Text::from_bytes(&bytes)
                    .map(Text::into_owned)
                    .map_err(|e| format!("{at}: {e}"))?,
            ),
        };
    } else if let (Some(t), Some(o)) = (text_mut(&mut v), octets) {
        *t = Text::from_bytes(&o)
            .map(Text::into_owned)
            .map_err(|e| format!("{at}: {e}"))?;
    }
    Ok(v)
}

fn encoded_mut<'v, 'a>(v: &'v mut Value<'a>) -> Option<&'v mut EncodedString<'a>> {
    match v {
        Value::EncodedString(s)
        | Value::From(FromValue::Address(s))
        | Value::PreviouslySentBy { address: s, .. }
        | Value::MmFlags { flag: s, .. } => Some(s),
        Value::Counted { value, .. } => encoded_mut(value),
        _ => None,
    }
}

fn text_mut<'v, 'a>(v: &'v mut Value<'a>) -> Option<&'v mut Text<'a>> {
    match v {
        Value::Text(t) | Value::MessageClass(MessageClass::Text(t)) => Some(t),
        Value::Counted { value, .. } => text_mut(value),
        _ => None,
    }
}

/// A charset by IANA name, or `mibenum-N` as the dump writes an unnamed one.
fn charset_of(name: &str) -> Option<Charset> {
    Charset::from_name(name).or_else(|| {
        name.strip_prefix("mibenum-")
            .and_then(|n| n.parse().ok())
            .map(Charset)
    })
}

fn multipart_of<'a>(v: &'a Json, at: &str, base_dir: Option<&Path>) -> Result<Multipart<'a>> {
    let parts = v
        .get("parts")
        .and_then(Json::as_array)
        .ok_or_else(|| format!("{at}: \"parts\" is not a list"))?;
    let mut m = Multipart::new();
    for (k, p) in parts.iter().enumerate() {
        m.parts
            .push(part_of(p, &format!("{at}.parts[{k}]"), base_dir)?);
    }
    if let Some(t) = v.get("trailing") {
        m.trailing = Cow::Owned(unhex(str_of(t, at)?, at)?);
    }
    Ok(m)
}

fn part_of<'a>(v: &'a Json, at: &str, base_dir: Option<&Path>) -> Result<Part<'a>> {
    let media = v
        .get("content_type")
        .and_then(Json::as_str)
        .ok_or_else(|| format!("{at}: no \"content_type\""))?;
    let mut ct = ContentType::new(media_of(media, at)?);
    ct.params_mut().extend(params_of(v, at)?);
    if v.get("content_type_general") == Some(&Json::Bool(true)) {
        ct.set_general_form(true);
    }
    let mut part = if v.get("parts").is_some() && v.get("data").is_none() {
        let mut p = Part::new(ct, Vec::new());
        p.nested = Some(multipart_of(v, at, base_dir)?);
        p
    } else {
        Part::new(ct, octets_of(v, at, base_dir)?)
    };
    if let Some(hs) = v.get("headers") {
        let hs = hs
            .as_array()
            .ok_or_else(|| format!("{at}: \"headers\" is not a list"))?;
        for (k, h) in hs.iter().enumerate() {
            part.headers
                .push(part_header(h, &format!("{at}.headers[{k}]"))?);
        }
    }
    Ok(part)
}

/// A part header: Content-ID (written as a quoted-string), Content-Location,
/// Content-Disposition (`attachment; filename="x"`), a well-known header
/// with a `"raw"` value, or an application header.
fn part_header<'a>(h: &'a Json, at: &str) -> Result<WspHeader<'a>> {
    let name = h
        .get("name")
        .and_then(Json::as_str)
        .ok_or_else(|| format!("{at}: no \"name\""))?;
    let at = format!("{at} ({name})");
    if let Some(raw) = h.get("raw") {
        let code = header_code(name)
            .or_else(|| hex_code(name))
            .filter(|&c| c < 0x80)
            .ok_or_else(|| format!("{at}: a raw value needs a well-known header name"))?;
        return Ok(WspHeader::WellKnown {
            code,
            value: Cow::Owned(unhex(str_of(raw, &at)?, &at)?),
        });
    }
    let value = str_of(
        h.get("value")
            .ok_or_else(|| format!("{at}: no \"value\" (nor \"raw\")"))?,
        &at,
    )?;
    Ok(match name {
        "Content-ID" => WspHeader::ContentId {
            id: text(value, &at)?,
            quoted: h.get("quoted") != Some(&Json::Bool(false)),
        },
        "Content-Location" => WspHeader::ContentLocation(text(value, &at)?),
        "Content-Disposition" => {
            let (disposition, params) = disposition_of(value, &at)?;
            WspHeader::ContentDisposition {
                code: CONTENT_DISPOSITION,
                disposition,
                params,
            }
        }
        _ => {
            if !is_token_start(name) {
                return Err(format!("{at}: not a valid header name"));
            }
            WspHeader::Application {
                name: text(name, &at)?,
                value: text(value, &at)?,
            }
        }
    })
}

/// `disposition *(; name=value)`, values plain or `"quoted"` with `\` escapes.
fn disposition_of<'a>(s: &'a str, at: &str) -> Result<(Disposition<'a>, Vec<Parameter<'a>>)> {
    let mut segments = split_params(s).into_iter();
    let first = segments.next().unwrap_or_default();
    let first = first.trim();
    let disposition = match first {
        "form-data" => Disposition::FormData,
        "attachment" => Disposition::Attachment,
        "inline" => Disposition::Inline,
        t if is_token_start(t) => {
            Disposition::Token(Text::from_string(t.to_string()).map_err(|e| format!("{at}: {e}"))?)
        }
        _ => return Err(format!("{at}: no disposition type in {s:?}")),
    };
    let mut params = Vec::new();
    for seg in segments {
        let (name, value) = seg
            .split_once('=')
            .ok_or_else(|| format!("{at}: parameter {seg:?} has no '='"))?;
        let value = unquote(value.trim());
        params.push(parameter(
            Cow::Owned(name.trim().to_string()),
            Cow::Owned(value),
            at,
        )?);
    }
    Ok((disposition, params))
}

/// Splits at the `;` outside quotes (quotes and escapes kept).
fn split_params(s: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let (mut quoted, mut escaped) = (false, false);
    for c in s.chars() {
        let cur = out.last_mut().expect("never empty");
        if escaped {
            escaped = false;
        } else if quoted && c == '\\' {
            escaped = true;
        } else if c == '"' {
            quoted = !quoted;
        } else if c == ';' && !quoted {
            out.push(String::new());
            continue;
        }
        cur.push(c);
    }
    out
}

/// `"a \"b\""` → `a "b"`; a value without quotes as it is.
fn unquote(v: &str) -> String {
    let Some(inner) = v.strip_prefix('"').and_then(|x| x.strip_suffix('"')) else {
        return v.to_string();
    };
    let mut out = String::with_capacity(inner.len());
    let mut escaped = false;
    for c in inner.chars() {
        if !escaped && c == '\\' {
            escaped = true;
            continue;
        }
        escaped = false;
        out.push(c);
    }
    out
}

/// A part's or body's octets: `"data"` (base64), `"text"` or `"file"`.
fn octets_of<'a>(v: &'a Json, at: &str, base_dir: Option<&Path>) -> Result<Cow<'a, [u8]>> {
    if let Some(d) = v.get("data") {
        let d = str_of(d, at)?;
        return base64::engine::general_purpose::STANDARD
            .decode(d)
            .map(Cow::Owned)
            .map_err(|e| format!("{at}: \"data\" is not base64: {e}"));
    }
    if let Some(t) = v.get("text") {
        return Ok(Cow::Borrowed(str_of(t, at)?.as_bytes()));
    }
    if let Some(f) = v.get("file") {
        let path = contained_file(str_of(f, at)?, base_dir, at)?;
        return std::fs::read(&path)
            .map(Cow::Owned)
            .map_err(|e| format!("{at}: cannot read {}: {e}", path.display()));
    }
    Err(format!(
        "{at}: no octets: give \"data\" (base64), \"text\" or \"file\" (mmsdump --json --with-data writes \"data\")"
    ))
}

/// A `"file"` path, which must stay inside the JSON document's directory
/// (the current directory for standard input): the document is meant to
/// be exchanged, and must not make its reader embed `/etc/passwd` or
/// `../secret`. The path is relative, has no `..`, and once symbolic
/// links are resolved still lies under the directory.
fn contained_file(name: &str, base_dir: Option<&Path>, at: &str) -> Result<std::path::PathBuf> {
    use std::path::Component;
    let f = Path::new(name);
    let refuse = |why: &str| {
        Err(format!(
            "{at}: \"file\" {name:?} {why}: a file must lie inside the JSON document's directory"
        ))
    };
    if f.as_os_str().is_empty() {
        return refuse("is empty");
    }
    if !f
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return refuse("is absolute or climbs out with ..");
    }
    let base = base_dir
        .filter(|b| !b.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let base = base
        .canonicalize()
        .map_err(|e| format!("{at}: cannot resolve {}: {e}", base.display()))?;
    let path = base.join(f);
    let real = path
        .canonicalize()
        .map_err(|e| format!("{at}: cannot read {}: {e}", path.display()))?;
    if !real.starts_with(&base) {
        return refuse("leads outside through a symbolic link");
    }
    Ok(real)
}

fn unhex(s: &str, at: &str) -> Result<Vec<u8>> {
    let s = s.as_bytes();
    if s.len() % 2 != 0 {
        return Err(format!("{at}: odd number of hex digits"));
    }
    s.chunks(2)
        .map(|p| {
            std::str::from_utf8(p)
                .ok()
                .and_then(|x| u8::from_str_radix(x, 16).ok())
                .ok_or_else(|| format!("{at}: not hex"))
        })
        .collect()
}

fn str_of<'a>(v: &'a Json, at: &str) -> Result<&'a str> {
    v.as_str()
        .ok_or_else(|| format!("{at}: expected a string, found {v}"))
}

fn u64_of(v: &Json, at: &str) -> Result<u64> {
    v.as_u64()
        .ok_or_else(|| format!("{at}: expected a non-negative integer, found {v}"))
}

fn obj_of<'a>(v: &'a Json, at: &str) -> Result<&'a Map<String, Json>> {
    v.as_object()
        .ok_or_else(|| format!("{at}: expected an object, found {v}"))
}

fn get<'a>(o: &'a Map<String, Json>, key: &str, at: &str) -> Result<&'a Json> {
    o.get(key).ok_or_else(|| format!("{at}: no {key:?}"))
}
