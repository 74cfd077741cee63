//! The tree (the default view): the push section, then the headers with
//! decoded values, the parts with their content types, headers and sizes,
//! nested parts indented, the presentation and the warnings.

use std::io::{self, Write};

use mms_pdu::wsp::{Multipart, Part, WspHeader};
use mms_pdu::{Body, FieldCode, Header, Pdu, Value};
use serde_json::Value as Json;

use super::escape::printable;
use super::hex::{ascii, spaced_hex};
use super::paint::Paint;
use super::presentation::tree_presentation;
use super::values::{content_type, count, short_hex, tree_value};
use super::{dump, Decoded, Input};

pub(super) fn write_tree_of(
    out: &mut impl Write,
    input: &Input,
    decoded: &Decoded<'_>,
    with_data: bool,
    paint: Paint,
) -> io::Result<()> {
    let label = &printable(&input.label);
    let bytes = &input.bytes;
    if let Some(info) = &input.sms {
        let ports = match info.ports {
            Some((d, s)) => format!(", destination port {d}, source port {s}"),
            None => String::new(),
        };
        writeln!(
            out,
            "{}: SMS, {} reassembled{ports}",
            paint.title(label),
            count(info.segments, "segment")
        )?;
    }
    match decoded {
        Decoded::Mms(r) => write_tree(out, &paint.title(label), bytes, r, with_data, paint),
        Decoded::Push(Err(e)) => {
            writeln!(
                out,
                "{}: {} bytes: {}",
                paint.title(label),
                bytes.len(),
                paint.error("does not decode as a WSP push")
            )?;
            writeln!(
                out,
                "  {}",
                paint.error(format!("error {}", printable(&e.to_string())))
            )
        }
        Decoded::Push(Ok(v)) => {
            write_push_tree(out, label, bytes, v, with_data, paint)?;
            match &v.mms {
                Some(mms) => write_tree(
                    out,
                    &format!(
                        "{} {}",
                        paint.title(label),
                        paint.dim(format!("[MMS PDU at offset {}]", v.push.body_offset))
                    ),
                    v.body,
                    mms,
                    with_data,
                    paint,
                ),
                None => Ok(()),
            }
        }
    }
}

/// A header line of the tree: `{pad}Name: value`.
fn header_line(
    out: &mut impl Write,
    pad: &str,
    name: &str,
    value: &str,
    paint: Paint,
) -> io::Result<()> {
    writeln!(out, "{pad}{}: {}", paint.name(name), paint.value(value))
}

/// The warnings of a section: `Warnings: none`, or their count and one
/// line each.
fn warning_lines(out: &mut impl Write, warnings: &[String], paint: Paint) -> io::Result<()> {
    if warnings.is_empty() {
        return writeln!(out, "  Warnings: none");
    }
    writeln!(
        out,
        "  {}",
        paint.warning(format!("Warnings ({}):", warnings.len()))
    )?;
    for w in warnings {
        writeln!(out, "    {}", paint.warning(printable(w)))?;
    }
    Ok(())
}

/// The "WSP Push" section: TID, PDU type, content type, push headers, body.
fn write_push_tree(
    out: &mut impl Write,
    label: &str,
    bytes: &[u8],
    v: &dump::PushView<'_>,
    with_data: bool,
    paint: Paint,
) -> io::Result<()> {
    let p = &v.push;
    writeln!(
        out,
        "{}: WSP Push, {} bytes",
        paint.title(label),
        bytes.len()
    )?;
    let start = dump::push_start(p);
    if start > 0 {
        writeln!(
            out,
            "  {}",
            paint.warning(format!("Skipped: {start} octets of junk before the push"))
        )?;
    }
    match p.tid {
        Some(t) => header_line(out, "  ", "TID", &t.to_string(), paint)?,
        None => header_line(out, "  ", "TID", "none (connection-mode)", paint)?,
    }
    header_line(
        out,
        "  ",
        "PDU type",
        &format!("{} (0x{:02x})", p.pdu_type.name(), p.pdu_type.code()),
        paint,
    )?;
    writeln!(
        out,
        "  {}: {}",
        paint.name("Content-Type"),
        paint.content_type(content_type(&p.content_type))
    )?;
    writeln!(out, "  Headers ({}):", p.headers.len())?;
    for h in &p.headers {
        let j = dump::push_header_to_json(h);
        let name = &printable(j["name"].as_str().unwrap_or("?"));
        let value = match (&j["value"], &j["raw"]) {
            (Json::String(s), _) => printable(s),
            (Json::Null, Json::String(r)) => format!("raw {r}"),
            (Json::Number(n), _) if is_push_flag(h) => {
                format!("{n} ({})", push_flag_meaning(n.as_u64().unwrap_or(0)))
            }
            (other, _) => printable(&other.to_string()),
        };
        let note = match h {
            WspHeader::Application { .. } => "  (application header)",
            _ => "",
        };
        writeln!(
            out,
            "    {}: {}{note}",
            paint.name(name),
            paint.value(value)
        )?;
    }
    let what = match &v.mms {
        Some(_) => "the MMS PDU below".to_string(),
        None => format!(
            "{}, not an MMS PDU",
            paint.content_type(content_type(&p.content_type))
        ),
    };
    writeln!(
        out,
        "  Body: {} bytes at {}: {what}",
        p.body.len(),
        paint.dim(format!("offset {}", p.body_offset))
    )?;
    if v.mms.is_none() && with_data {
        hex_lines(out, v.body, "    ", paint)?;
    }
    let warnings: Vec<String> = p.warnings.iter().map(ToString::to_string).collect();
    warning_lines(out, &warnings, paint)
}

fn is_push_flag(h: &WspHeader<'_>) -> bool {
    matches!(h, WspHeader::WellKnown { code, .. } if *code == mms_pdu::wsp::push::PUSH_FLAG)
}

/// The bits of a Push-Flag value by meaning (WAP-230 §8.4.2: `Push-flag-value
/// = Short-integer`; the bits are those of the WAP Push Message
/// specification, WAP-251): bit 0 the initiator URI is authenticated, bit 1
/// the content is trusted, bit 2 this is the last push message; other bits
/// are reserved.
pub(super) fn push_flag_meaning(flags: u64) -> String {
    let mut said: Vec<String> = [
        (1, "initiator URI authenticated"),
        (2, "content trusted"),
        (4, "last push message"),
    ]
    .iter()
    .filter(|(bit, _)| flags & bit != 0)
    .map(|(_, what)| (*what).to_string())
    .collect();
    if flags & !7 != 0 {
        said.push(format!("reserved bits 0x{:x}", flags & !7));
    }
    if said.is_empty() {
        "no flags set".to_string()
    } else {
        said.join(", ")
    }
}

/// The tree of an MMS PDU, under `label` (already painted).
fn write_tree(
    out: &mut impl Write,
    label: &str,
    bytes: &[u8],
    decoded: &Result<Pdu<'_>, mms_pdu::DecodeError>,
    with_data: bool,
    paint: Paint,
) -> io::Result<()> {
    let pdu = match decoded {
        Ok(p) => p,
        Err(e) => {
            writeln!(
                out,
                "{label}: {} bytes: {}",
                bytes.len(),
                paint.error("does not decode")
            )?;
            return writeln!(
                out,
                "  {}",
                paint.error(format!("error {}", printable(&e.to_string())))
            );
        }
    };
    let mt = match pdu.get(FieldCode::MESSAGE_TYPE) {
        Some(Value::Token(b)) => dump::token_name(FieldCode::MESSAGE_TYPE, *b),
        _ => "no message type".into(),
    };
    let version = pdu
        .version()
        .map_or_else(|| "no version".to_string(), |v| format!("MMS {v}"));
    writeln!(
        out,
        "{label}: {}, {version}, {} bytes",
        paint.value(mt),
        bytes.len()
    )?;
    writeln!(out, "  Headers ({}):", pdu.headers.len())?;
    for h in &pdu.headers {
        match h {
            Header::Field(f) => header_line(
                out,
                "    ",
                &dump::field_name(f.code()),
                &tree_value(f.code(), f.value()),
                paint,
            )?,
            Header::Application { name, value } => writeln!(
                out,
                "    {}: {}  (application header)",
                paint.name(printable(&name.to_string_lossy())),
                paint.value(printable(&value.to_string_lossy()))
            )?,
        }
    }
    match &pdu.body {
        None => writeln!(out, "  Body: none")?,
        Some(Body::Data(d)) => {
            let ct = pdu
                .content_type()
                .map_or_else(|| "(raw content type)".into(), content_type);
            writeln!(out, "  Body: {}, {} bytes", paint.content_type(ct), d.len())?;
            if with_data {
                hex_lines(out, d, "    ", paint)?;
            }
        }
        Some(Body::Multipart(m)) => {
            let ct = pdu
                .content_type()
                .map_or_else(|| "multipart".into(), content_type);
            writeln!(
                out,
                "  Body: {}, {}",
                paint.content_type(ct),
                count(m.parts.len(), "part")
            )?;
            tree_parts(out, m, "", 2, with_data, paint)?;
        }
    }
    tree_presentation(out, pdu, paint)?;
    if !pdu.trailing.is_empty() {
        writeln!(
            out,
            "  {}: {}",
            paint.warning(format!("Trailing octets ({})", pdu.trailing.len())),
            short_hex(&pdu.trailing)
        )?;
    }
    let warnings: Vec<String> = pdu
        .warnings
        .iter()
        .map(ToString::to_string)
        .chain(
            mms_pdu::mms::rules::check(pdu)
                .iter()
                .map(ToString::to_string),
        )
        .collect();
    warning_lines(out, &warnings, paint)
}

fn tree_parts(
    out: &mut impl Write,
    m: &Multipart<'_>,
    prefix: &str,
    depth: usize,
    with_data: bool,
    paint: Paint,
) -> io::Result<()> {
    let pad = "  ".repeat(depth);
    for (k, p) in m.parts.iter().enumerate() {
        let number = format!("{prefix}{}", k + 1);
        let ct = paint.content_type(content_type(&p.content_type));
        match &p.nested {
            Some(n) => writeln!(
                out,
                "{pad}Part {number}: {ct}, {} bytes, {}",
                p.data.len(),
                count(n.parts.len(), "part")
            )?,
            None => writeln!(out, "{pad}Part {number}: {ct}, {} bytes", p.data.len())?,
        }
        for h in &p.headers {
            let j = dump::part_header_to_json(h);
            let name = &printable(j["name"].as_str().unwrap_or("?"));
            match (&j["value"], &j["raw"]) {
                (Json::String(v), _) => {
                    header_line(out, &format!("{pad}  "), name, &printable(v), paint)?
                }
                (_, Json::String(r)) => {
                    header_line(out, &format!("{pad}  "), name, &format!("raw {r}"), paint)?
                }
                _ => writeln!(out, "{pad}  {}", paint.name(name))?,
            }
        }
        match &p.nested {
            Some(n) => {
                tree_parts(out, n, &format!("{number}."), depth + 1, with_data, paint)?;
                if !n.trailing.is_empty() {
                    writeln!(
                        out,
                        "{pad}  {}: {}",
                        paint.warning(format!("Trailing octets ({})", n.trailing.len())),
                        short_hex(&n.trailing)
                    )?;
                }
            }
            None => {
                if let Some(t) = text_preview(p) {
                    writeln!(out, "{pad}  Text: {}", paint.value(t))?;
                }
                if with_data {
                    hex_lines(out, &p.data, &format!("{pad}  "), paint)?;
                }
            }
        }
    }
    if prefix.is_empty() && !m.trailing.is_empty() {
        writeln!(
            out,
            "{pad}{}: {}",
            paint.warning(format!("Trailing octets ({})", m.trailing.len())),
            short_hex(&m.trailing)
        )?;
    }
    Ok(())
}

/// The start of a text part, read in its charset, quoted and escaped.
fn text_preview(p: &Part<'_>) -> Option<String> {
    const MAX: usize = 72;
    Some(format!("\"{}\"", printable(&p.text_preview(MAX)?)))
}

/// A plain hex and ASCII dump of `data`, each line indented.
fn hex_lines(out: &mut impl Write, data: &[u8], indent: &str, paint: Paint) -> io::Result<()> {
    for (k, chunk) in data.chunks(16).enumerate() {
        writeln!(
            out,
            "{indent}{}  {:<48} |{}|",
            paint.dim(format!("{:06x}", k * 16)),
            spaced_hex(chunk),
            ascii(chunk)
        )?;
    }
    Ok(())
}
