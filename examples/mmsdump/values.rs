//! Header values and counts as the tree, the hex dump and the summary
//! write them.

use mms_pdu::wsp::ContentType;
use mms_pdu::{FieldCode, FromValue, Time, UtcDate, Value};
use serde_json::Value as Json;

use super::dump;
use super::escape::printable;

/// `1 part`, `2 parts`.
pub(super) fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// A header value for the tree: the JSON value made readable, with dates
/// also in UTC and charsets of encoded strings named.
pub(super) fn tree_value(code: FieldCode, v: &Value<'_>) -> String {
    match v {
        Value::EncodedString(s) | Value::From(FromValue::Address(s)) if s.as_bytes().is_empty() => {
            "\"\"".into()
        }
        Value::EncodedString(s) | Value::From(FromValue::Address(s)) => match s.charset() {
            Some(cs) => format!("{} [{cs}]", printable(&s.to_string_lossy())),
            None => printable(&s.to_string_lossy()),
        },
        Value::Long(n) if code == FieldCode::DATE => with_date(*n),
        Value::Long(n) if code == FieldCode::MESSAGE_SIZE => format!("{n} bytes"),
        Value::Time(Time::Absolute(n)) => format!("absolute {}", with_date(*n)),
        Value::Time(Time::Relative(n)) => format!("relative {n} s ({})", duration(*n)),
        Value::PreviouslySentDate { count, date } => {
            format!("count {count}, date {}", with_date(*date))
        }
        Value::ContentType(ct) => content_type(ct),
        Value::Raw(r) => format!("raw {}", short_hex(r)),
        other => match dump::value_to_json(code, other) {
            Some(j) => compact(&j),
            None => {
                let mut b = Vec::new();
                other.encode(&mut b);
                format!("raw {}", short_hex(&b))
            }
        },
    }
}

/// A JSON value on one line without quotes: `count 2, value Ok`.
fn compact(j: &Json) -> String {
    match j {
        Json::String(s) if s.is_empty() => "\"\"".into(),
        Json::String(s) => printable(s),
        Json::Object(m) => m
            .iter()
            .map(|(k, v)| match v {
                Json::Object(_) => format!("{} {{{}}}", printable(k), compact(v)),
                _ => format!("{} {}", printable(k), compact(v)),
            })
            .collect::<Vec<_>>()
            .join(", "),
        other => printable(&other.to_string()),
    }
}

/// A content type on one line (`image/jpeg; name=a.jpg`), escaped.
pub(super) fn content_type(ct: &ContentType<'_>) -> String {
    printable(&dump::content_type_line(ct))
}

/// At most 48 octets in hex, `…` when there are more.
pub(super) fn short_hex(b: &[u8]) -> String {
    const MAX: usize = 48;
    let mut s = dump::hex(&b[..b.len().min(MAX)]);
    if b.len() > MAX {
        s.push('…');
    }
    s
}

fn with_date(secs: u64) -> String {
    let date = UtcDate(secs);
    match date.civil() {
        Some(_) => format!("{secs} ({date})"),
        None => secs.to_string(),
    }
}

/// `7d`, `1h30m`, `45s`.
fn duration(secs: u64) -> String {
    let (d, h, m, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    let mut out = String::new();
    for (n, unit) in [(d, "d"), (h, "h"), (m, "m"), (s, "s")] {
        if n > 0 {
            out.push_str(&format!("{n}{unit}"));
        }
    }
    if out.is_empty() {
        out.push_str("0s");
    }
    out
}
