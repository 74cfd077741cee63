//! `--summary`: one line per input.

use std::io::{self, Write};

use mms_pdu::{Body, DecodeError, FieldCode, Pdu, Value};
use serde_json::Value as Json;

use super::escape::{printable, quoted};
use super::paint::Paint;
use super::values::{count, tree_value};
use super::{dump, Decoded, Input};

/// The width of the summary's TYPE column: the longest MMS_ENC message type
/// names (m-notification-ind, m-mbox-delete-conf) in `push(…)`.
const TYPE_WIDTH: usize = 24;

/// Where `--summary` cuts a subject, in characters.
const SUBJECT_MAX: usize = 40;

/// `--summary`: one line, `FILE  TYPE  VERSION  SIZE  facts… status`, the
/// FILE column `label_width` characters wide.
pub(super) fn write_summary(
    out: &mut impl Write,
    input: &Input,
    decoded: &Decoded<'_>,
    strict: bool,
    label_width: usize,
    paint: Paint,
) -> io::Result<()> {
    let mut facts = Vec::new();
    if let Some(info) = &input.sms {
        facts.push(format!("segments={}", info.segments));
    }
    let (kind, version, status) = match decoded {
        Decoded::Mms(r) => {
            let (kind, version) = pdu_kind(r, &input.bytes);
            (kind, version, pdu_facts(r, strict, 0, &mut facts, paint))
        }
        Decoded::Push(Err(e)) => (
            "push".to_string(),
            "-".to_string(),
            paint.error(format!("error {}", printable(&e.to_string()))),
        ),
        Decoded::Push(Ok(v)) => match &v.mms {
            Some(r) => {
                let (kind, version) = pdu_kind(r, v.body);
                let status = pdu_facts(r, strict, v.push.warnings.len(), &mut facts, paint);
                (format!("push({kind})"), version, status)
            }
            None => {
                facts.push(format!("body={}", v.body.len()));
                (
                    format!("push({})", printable(&v.push.content_type.media().name())),
                    "-".to_string(),
                    status_of(0, v.push.warnings.len(), paint),
                )
            }
        },
    };
    let head = format!(
        "{:<label_width$}  {}  {:<4}  {:>7}",
        printable(&input.label),
        paint.name(format!("{kind:<TYPE_WIDTH$}")),
        version,
        input.bytes.len()
    );
    facts.push(status);
    writeln!(out, "{head}  {}", facts.join(" "))
}

/// The message type and MMS version of a PDU; of one that does not decode,
/// the message type its first two octets name, if they do.
fn pdu_kind(r: &Result<Pdu<'_>, DecodeError>, bytes: &[u8]) -> (String, String) {
    match r {
        Ok(pdu) => (
            match pdu.get(FieldCode::MESSAGE_TYPE) {
                Some(Value::Token(b)) => dump::token_name(FieldCode::MESSAGE_TYPE, *b),
                _ => "-".to_string(),
            },
            pdu.version()
                .map_or_else(|| "-".to_string(), |v| v.to_string()),
        ),
        Err(_) => (
            match bytes {
                [0x8C, t, ..] => dump::token_name(FieldCode::MESSAGE_TYPE, *t),
                _ => "-".to_string(),
            },
            "-".to_string(),
        ),
    }
}

/// Pushes the key facts of a PDU on `facts` (transaction or message id,
/// From, first To, Subject, content location, part count) and returns its
/// status: the error, or its warnings (`more_warnings` of the push besides)
/// and with `strict` its header-table violations, or OK.
fn pdu_facts(
    r: &Result<Pdu<'_>, DecodeError>,
    strict: bool,
    more_warnings: usize,
    facts: &mut Vec<String>,
    paint: Paint,
) -> String {
    let pdu = match r {
        Ok(p) => p,
        Err(e) => return paint.error(format!("error {}", printable(&e.to_string()))),
    };
    let text = |code: FieldCode| pdu.get(code).map(|v| fact_text(code, v));
    if let Some(t) = text(FieldCode::TRANSACTION_ID) {
        facts.push(fact("tid", &t));
    } else if let Some(id) = text(FieldCode::MESSAGE_ID) {
        facts.push(fact("id", &id));
    }
    if let Some(from) = text(FieldCode::FROM) {
        facts.push(fact("from", &from));
    }
    let mut to = pdu.get_all(FieldCode::TO);
    if let Some(first) = to.next() {
        let others = to.count();
        let mut f = fact("to", &fact_text(FieldCode::TO, first));
        if others > 0 {
            f.push_str(&format!("(+{others})"));
        }
        facts.push(f);
    }
    if let Some(subject) = text(FieldCode::SUBJECT) {
        let mut cut: String = subject.chars().take(SUBJECT_MAX).collect();
        if subject.chars().nth(SUBJECT_MAX).is_some() {
            cut.push('…');
        }
        facts.push(format!("subject={}", quoted(&cut)));
    }
    if let Some(location) = text(FieldCode::CONTENT_LOCATION) {
        facts.push(fact("location", &location));
    }
    if let Some(Body::Multipart(m)) = &pdu.body {
        facts.push(format!("parts={}", m.parts.len()));
    }
    let violations = mms_pdu::mms::rules::check(pdu).len();
    let warnings = pdu.warnings.len() + more_warnings;
    if strict {
        status_of(violations, warnings, paint)
    } else {
        status_of(0, warnings + violations, paint)
    }
}

/// `OK`, or `n violations` and `n warnings`.
fn status_of(violations: usize, warnings: usize, paint: Paint) -> String {
    let mut said = Vec::new();
    if violations > 0 {
        said.push(paint.error(count(violations, "violation")));
    }
    if warnings > 0 {
        said.push(paint.warning(count(warnings, "warning")));
    }
    if said.is_empty() {
        paint.value("OK")
    } else {
        said.join(", ")
    }
}

/// A header value as text: a string as decoded, anything else as the tree
/// shows it.
fn fact_text(code: FieldCode, v: &Value<'_>) -> String {
    match dump::value_to_json(code, v) {
        Some(Json::String(s)) => s,
        _ => tree_value(code, v),
    }
}

/// `key=value`, the value quoted with Rust's escapes when it is empty or
/// holds a space or anything those escape (a quote, a backslash, a control
/// or invisible character), so that the line splits on spaces and drives
/// no terminal.
fn fact(key: &str, value: &str) -> String {
    let q = quoted(value);
    if value.is_empty() || value.contains(char::is_whitespace) || q.len() != value.len() + 2 {
        format!("{key}={q}")
    } else {
        format!("{key}={value}")
    }
}
