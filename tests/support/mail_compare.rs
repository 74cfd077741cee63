//! How a PDU and the PDU that came back from Internet mail are compared:
//! the header fields both formats carry, and the same parts with the same
//! octets (see the `mail` module docs for what mail cannot carry). Shared
//! by `tests/mail.rs` and `tests/cli_eml.rs` (each includes it with
//! `#[path]`).
#![allow(dead_code)]

use mms_pdu::wsp::{Charset, ContentType, EncodedString, Multipart, Part, WspHeader};
use mms_pdu::{Body, FieldCode, FromValue, Header, Pdu, Value};

/// An Encoded-string-value as mail carries it (see the `mail` module
/// docs): ASCII untagged, other text tagged with the charset it is
/// written in.
pub fn encoded(s: &EncodedString<'_>) -> (Option<u32>, Vec<u8>) {
    let b = s.as_bytes().to_vec();
    match s.charset() {
        None | Some(Charset::US_ASCII) if b.is_ascii() => (None, b),
        Some(Charset::UTF_8) => (
            Some(106),
            String::from_utf8_lossy(&b).into_owned().into_bytes(),
        ),
        None if std::str::from_utf8(&b).is_ok() => (Some(106), b),
        None => (Some(4), b),
        Some(cs)
            if cs.name().is_some_and(|n| {
                n == "utf-8" || n.starts_with("iso-8859-") || n.starts_with("windows-125")
            }) =>
        {
            (Some(cs.0), b)
        }
        Some(_) => (Some(106), s.to_string_lossy().into_owned().into_bytes()),
    }
}

pub fn field_key(code: FieldCode, v: &Value<'_>) -> String {
    match (code, v) {
        (FieldCode::FROM, Value::From(FromValue::InsertAddress)) => "insert-address".into(),
        (FieldCode::FROM, Value::From(FromValue::Address(a)))
        | (FieldCode::TO | FieldCode::CC | FieldCode::BCC, Value::EncodedString(a)) => {
            format!("addr:{}", a.to_string_lossy().trim())
        }
        (_, Value::EncodedString(s)) => format!("{:?}", encoded(s)),
        (_, v) => {
            let mut o = Vec::new();
            v.encode(&mut o);
            format!("{o:02x?}")
        }
    }
}

pub fn header_keys(pdu: &Pdu<'_>) -> Vec<String> {
    pdu.headers
        .iter()
        .filter_map(|h| match h {
            Header::Field(f) if f.code() == FieldCode::CONTENT_TYPE => None,
            Header::Field(f) => Some(format!("{:?}={}", f.code(), field_key(f.code(), f.value()))),
            Header::Application { name, value } => Some(format!("app:{name}:{value}")),
        })
        .collect()
}

/// The media type as mail names it, then the parameters.
pub fn ct_key(ct: &ContentType<'_>) -> String {
    let s = ct.to_string();
    let (media, rest) = s.split_once(';').unwrap_or((&s, ""));
    let media = media.to_ascii_lowercase();
    let media = match media.strip_prefix("multipart/") {
        Some(sub) => format!("application/vnd.wap.multipart.{sub}"),
        None => media,
    };
    format!("{media};{rest}")
}

pub fn cid(s: &str) -> String {
    format!("<{}>", s.trim_start_matches('<').trim_end_matches('>'))
}

/// A part whose data the PDU carries transfer-encoded (its
/// Content-Transfer-Encoding application header): mail carries it
/// decoded.
pub fn has_cte(p: &Part<'_>) -> bool {
    p.transfer_encoding().is_some() && p.decoded_data().is_ok()
}

pub fn part_keys(p: &Part<'_>) -> Vec<String> {
    let cte = has_cte(p);
    p.headers
        .iter()
        .filter_map(|h| match h {
            WspHeader::ContentId { id, .. } => Some(format!("id:{}", cid(&id.to_string_lossy()))),
            WspHeader::ContentLocation(l) => Some(format!("loc:{l}")),
            WspHeader::ContentDisposition {
                disposition,
                params,
                ..
            } => Some(format!(
                "disp:{};{:?}",
                disposition.name(),
                params
                    .iter()
                    .map(|p| (p.name.name(), p.value.to_text()))
                    .collect::<Vec<_>>()
            )),
            WspHeader::Application { name, .. }
                if cte
                    && name
                        .as_bytes()
                        .eq_ignore_ascii_case(b"Content-Transfer-Encoding") =>
            {
                None
            }
            WspHeader::Application { name, value } => Some(format!("app:{name}:{value}")),
            other => Some(format!("{other:?}")),
        })
        .collect()
}

pub fn data(p: &Part<'_>) -> Vec<u8> {
    if has_cte(p) {
        p.decoded_data().unwrap().into_owned()
    } else {
        p.data.to_vec()
    }
}

pub fn assert_same_parts(file: &str, a: &Multipart<'_>, b: &Multipart<'_>) -> usize {
    assert_eq!(a.parts.len(), b.parts.len(), "{file}: part count");
    let mut leaves = 0;
    for (k, (x, y)) in a.parts.iter().zip(&b.parts).enumerate() {
        assert_eq!(
            ct_key(&x.content_type),
            ct_key(&y.content_type),
            "{file}: part {k} content type"
        );
        assert_eq!(part_keys(x), part_keys(y), "{file}: part {k} headers");
        match (&x.nested, &y.nested) {
            (Some(n), Some(m)) => leaves += assert_same_parts(file, n, m),
            (None, None) => {
                assert!(data(x) == data(y), "{file}: part {k} data");
                leaves += 1;
            }
            _ => panic!("{file}: part {k}: nested on one side only"),
        }
    }
    leaves
}

pub fn multipart<'p, 'a>(pdu: &'p Pdu<'a>) -> &'p Multipart<'a> {
    match &pdu.body {
        Some(Body::Multipart(m)) => m,
        other => panic!("expected a multipart body, got {other:?}"),
    }
}
