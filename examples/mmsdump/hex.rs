//! `--hex`: the annotated hex dump, each header, part header and part
//! data with its offset and octets.

use std::io::{self, Write};

use mms_pdu::wsp::push::Push;
use mms_pdu::wsp::Multipart;
use mms_pdu::{offset_of, Body, DecodeError, Header, Pdu};
use serde_json::Value as Json;

use super::escape::printable;
use super::paint::Paint;
use super::values::{content_type, tree_value};
use super::{dump, Decoded, Input};

/// A run of octets and what they are.
struct Region {
    start: usize,
    end: usize,
    depth: usize,
    label: String,
}

pub(super) fn write_hex_of(
    out: &mut impl Write,
    input: &Input,
    decoded: &Decoded<'_>,
    paint: Paint,
) -> io::Result<()> {
    let (label, bytes) = (&input.label, &input.bytes[..]);
    writeln!(
        out,
        "{}: {} bytes",
        paint.title(printable(label)),
        bytes.len()
    )?;
    let regions = match decoded {
        Decoded::Mms(Ok(pdu)) => annotate(bytes, pdu, 0, paint),
        Decoded::Mms(Err(e)) => {
            writeln!(
                out,
                "{}",
                paint.error(format!("does not decode: {}", printable(&e.to_string())))
            )?;
            error_regions(bytes, 0, e, paint)
        }
        Decoded::Push(Err(e)) => {
            writeln!(
                out,
                "{}",
                paint.error(format!(
                    "does not decode as a WSP push: {}",
                    printable(&e.to_string())
                ))
            )?;
            error_regions(bytes, 0, e, paint)
        }
        Decoded::Push(Ok(v)) => {
            let mut regions = annotate_push(bytes, &v.push, paint);
            match &v.mms {
                Some(Ok(pdu)) => regions.extend(annotate(bytes, pdu, v.push.body_offset, paint)),
                Some(Err(e)) => {
                    writeln!(
                        out,
                        "{}",
                        paint.error(format!(
                            "the MMS PDU of the push does not decode: {}",
                            printable(&e.to_string())
                        ))
                    )?;
                    regions.extend(error_regions(bytes, v.push.body_offset, e, paint));
                }
                None => regions.push(Region {
                    start: v.push.body_offset,
                    end: v.push.body_offset + v.body.len(),
                    depth: 0,
                    label: format!(
                        "push body: {}, {} bytes",
                        paint.content_type(content_type(&v.push.content_type)),
                        v.body.len()
                    ),
                }),
            }
            regions
        }
    };
    print_regions(out, bytes, &regions, paint)
}

/// What decoded up to an error at `e.offset()`, from `start`, and the rest.
fn error_regions(bytes: &[u8], start: usize, e: &DecodeError, paint: Paint) -> Vec<Region> {
    let at = e.offset().clamp(start, bytes.len());
    let mut regions = Vec::new();
    if at > start {
        regions.push(Region {
            start,
            end: at,
            depth: 0,
            label: paint.dim("(decoded up to the error)"),
        });
    }
    regions.push(Region {
        start: at,
        end: bytes.len(),
        depth: 0,
        label: paint.error(format!(
            "<- error here: {}",
            printable(&e.kind().to_string())
        )),
    });
    regions
}

/// The framing of a push: TID, PDU type, HeadersLen, content type and
/// each push header, up to the body.
fn annotate_push(whole: &[u8], p: &Push<'_>, paint: Paint) -> Vec<Region> {
    let mut regions = Vec::new();
    let body_at = p.body_offset.min(whole.len());
    let mut cursor = dump::push_start(p).min(body_at);
    if cursor > 0 {
        regions.push(Region {
            start: 0,
            end: cursor,
            depth: 0,
            label: paint.warning("junk before the push (skipped)"),
        });
    }
    let add = |regions: &mut Vec<Region>, cursor: &mut usize, len: usize, label: String| {
        let end = (*cursor + len).min(body_at);
        regions.push(Region {
            start: *cursor,
            end,
            depth: 0,
            label,
        });
        *cursor = end;
    };
    if let Some(t) = p.tid {
        add(&mut regions, &mut cursor, 1, format!("push TID {t}"));
    }
    add(
        &mut regions,
        &mut cursor,
        1,
        format!("push PDU type {}", p.pdu_type.name()),
    );
    if let Some((h, used)) = uintvar_at(whole, cursor) {
        add(
            &mut regions,
            &mut cursor,
            used,
            format!("push HeadersLen {h}"),
        );
    }
    add(
        &mut regions,
        &mut cursor,
        p.content_type.encoded_len(),
        format!(
            "push {} {}",
            paint.name("Content-Type"),
            paint.content_type(content_type(&p.content_type))
        ),
    );
    for h in &p.headers {
        let j = dump::push_header_to_json(h);
        let name = &printable(j["name"].as_str().unwrap_or("?"));
        let value = match (&j["value"], &j["raw"]) {
            (Json::String(s), _) => printable(s),
            (Json::Null, Json::String(r)) => format!("raw {r}"),
            (other, _) => printable(&other.to_string()),
        };
        add(
            &mut regions,
            &mut cursor,
            h.encoded_len(),
            format!("push header {}: {}", paint.name(name), paint.value(value)),
        );
    }
    regions
}

/// Every header, multipart framing, part header block and part data of
/// `pdu`, located by the slices decoding borrowed from `whole`.
/// `start` is where the PDU begins in `whole` (after a push's headers).
fn annotate(whole: &[u8], pdu: &Pdu<'_>, start: usize, paint: Paint) -> Vec<Region> {
    let mut regions = Vec::new();
    let mut cursor = start;
    for h in &pdu.headers {
        let (end, label) = match h {
            Header::Field(f) => {
                let end = f
                    .raw()
                    .and_then(|r| offset_of(whole, r).map(|o| o + r.len()))
                    .unwrap_or(cursor + h.encoded_len());
                (
                    end,
                    format!(
                        "{}: {}",
                        paint.name(dump::field_name(f.code())),
                        paint.value(tree_value(f.code(), f.value()))
                    ),
                )
            }
            Header::Application { name, value } => {
                let end = offset_of(whole, value.as_bytes())
                    .map(|o| o + value.len() + 1)
                    .unwrap_or(cursor + h.encoded_len());
                (
                    end,
                    format!(
                        "{}: {} (application header)",
                        paint.name(printable(&name.to_string_lossy())),
                        paint.value(printable(&value.to_string_lossy()))
                    ),
                )
            }
        };
        let end = end.clamp(cursor, whole.len());
        regions.push(Region {
            start: cursor,
            end,
            depth: 0,
            label,
        });
        cursor = end;
    }
    match &pdu.body {
        Some(Body::Data(d)) => {
            let start = offset_of(whole, d).unwrap_or(cursor);
            regions.push(Region {
                start,
                end: start + d.len(),
                depth: 0,
                label: format!("body ({} bytes)", d.len()),
            });
            cursor = start + d.len();
        }
        Some(Body::Multipart(m)) => {
            cursor = annotate_multipart(whole, m, cursor, "", 0, &mut regions, paint);
        }
        None => {}
    }
    if !pdu.trailing.is_empty() {
        let start = offset_of(whole, &pdu.trailing).unwrap_or(cursor);
        regions.push(Region {
            start,
            end: start + pdu.trailing.len(),
            depth: 0,
            label: paint.warning("trailing octets (not a header)"),
        });
    }
    regions
}

/// Regions of a multipart starting at `start`; returns where it ends.
fn annotate_multipart(
    whole: &[u8],
    m: &Multipart<'_>,
    start: usize,
    prefix: &str,
    depth: usize,
    regions: &mut Vec<Region>,
    paint: Paint,
) -> usize {
    let mut cursor = start;
    let Some((n, used)) = uintvar_at(whole, cursor) else {
        return cursor;
    };
    regions.push(Region {
        start: cursor,
        end: cursor + used,
        depth,
        label: format!("multipart: nEntries {n}"),
    });
    cursor += used;
    for (k, p) in m.parts.iter().enumerate() {
        let number = format!("{prefix}{}", k + 1);
        let Some(data_at) = offset_of(whole, &p.data) else {
            break;
        };
        // HeadersLen and DataLen, then the content type and headers.
        let lengths = uintvar_at(whole, cursor)
            .and_then(|(h, a)| uintvar_at(whole, cursor + a).map(|(d, b)| (h, d, a + b)));
        if let Some((hlen, dlen, used)) = lengths {
            regions.push(Region {
                start: cursor,
                end: cursor + used,
                depth,
                label: format!("part {number}: HeadersLen {hlen}, DataLen {dlen}"),
            });
            cursor += used;
        }
        let mut label = format!(
            "part {number}: {} {}",
            paint.name("Content-Type"),
            paint.content_type(content_type(&p.content_type))
        );
        for h in &p.headers {
            let j = dump::part_header_to_json(h);
            let name = &printable(j["name"].as_str().unwrap_or("?"));
            match (&j["value"], &j["raw"]) {
                (Json::String(v), _) => label.push_str(&format!(
                    "; {}: {}",
                    paint.name(name),
                    paint.value(printable(v))
                )),
                (_, Json::String(r)) => label.push_str(&format!(
                    "; {}: {}",
                    paint.name(name),
                    paint.value(format!("raw {r}"))
                )),
                _ => {}
            }
        }
        if data_at >= cursor {
            regions.push(Region {
                start: cursor,
                end: data_at,
                depth,
                label,
            });
        }
        match &p.nested {
            Some(n) => {
                annotate_multipart(
                    whole,
                    n,
                    data_at,
                    &format!("{number}."),
                    depth + 1,
                    regions,
                    paint,
                );
            }
            None => regions.push(Region {
                start: data_at,
                end: data_at + p.data.len(),
                depth,
                label: format!("part {number}: data, {} bytes", p.data.len()),
            }),
        }
        cursor = data_at + p.data.len();
    }
    if !m.trailing.is_empty() {
        let start = offset_of(whole, &m.trailing).unwrap_or(cursor);
        regions.push(Region {
            start,
            end: start + m.trailing.len(),
            depth,
            label: paint.warning("multipart: trailing octets (no entry)"),
        });
        cursor = start + m.trailing.len();
    }
    cursor
}

/// The uintvar at `at` and its length in octets.
fn uintvar_at(whole: &[u8], at: usize) -> Option<(u32, usize)> {
    let tail = whole.get(at..)?;
    let (v, rest) = mms_pdu::wsp::parse_uintvar(tail).ok()?;
    Some((v, tail.len() - rest.len()))
}

fn print_regions(
    out: &mut impl Write,
    bytes: &[u8],
    regions: &[Region],
    paint: Paint,
) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        paint.dim(format!("offset  {:<48}  {:<16}  what", "octets", "ascii"))
    )?;
    let not_annotated = paint.dim("(not annotated)");
    let mut cursor = 0;
    for r in regions {
        if r.start > cursor {
            print_run(out, bytes, cursor, r.start, 0, &not_annotated, paint)?;
        }
        let start = r.start.max(cursor).min(bytes.len());
        let end = r.end.min(bytes.len());
        if end > start || r.start == r.end {
            print_run(out, bytes, start, end, r.depth, &r.label, paint)?;
        }
        cursor = cursor.max(end);
    }
    if cursor < bytes.len() {
        print_run(out, bytes, cursor, bytes.len(), 0, &not_annotated, paint)?;
    }
    Ok(())
}

/// Lines of up to 16 octets from `start` to `end`, the label on the first.
fn print_run(
    out: &mut impl Write,
    bytes: &[u8],
    start: usize,
    end: usize,
    depth: usize,
    label: &str,
    paint: Paint,
) -> io::Result<()> {
    let indent = "  ".repeat(depth);
    if start == end {
        return writeln!(
            out,
            "{}  {:<48}  {:<16}  {indent}{label}",
            paint.dim(format!("{start:06x}")),
            "",
            ""
        );
    }
    for (k, chunk) in bytes[start..end].chunks(16).enumerate() {
        let line = format!(
            "{}  {:<48}  {:<16}  {}",
            paint.dim(format!("{:06x}", start + k * 16)),
            spaced_hex(chunk),
            ascii(chunk),
            if k == 0 {
                format!("{indent}{label}")
            } else {
                String::new()
            }
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

pub(super) fn spaced_hex(chunk: &[u8]) -> String {
    chunk
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn ascii(chunk: &[u8]) -> String {
    chunk
        .iter()
        .map(|&b| {
            if (0x20..0x7F).contains(&b) {
                b as char
            } else {
                '.'
            }
        })
        .collect()
}
