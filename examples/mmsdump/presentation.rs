//! The SMIL section of the tree: the presentation the body's SMIL part
//! describes, resolved against the parts.

use std::io::{self, Write};

use mms_pdu::Pdu;

use super::escape::printable;
use super::paint::Paint;
use super::values::count;

/// The SMIL presentation: layout, then one line per slide and media element.
pub(super) fn tree_presentation(
    out: &mut impl Write,
    pdu: &Pdu<'_>,
    paint: Paint,
) -> io::Result<()> {
    use mms_pdu::smil;
    let bp = match smil::from_pdu(pdu) {
        Ok(Some(bp)) => bp,
        Ok(None) => return Ok(()),
        Err(e) => {
            return writeln!(
                out,
                "  Presentation: {}",
                paint.warning(format!(
                    "SMIL does not parse: {}",
                    printable(&e.to_string())
                ))
            )
        }
    };
    let p = &bp.presentation;
    writeln!(
        out,
        "  Presentation (SMIL part {}, {}):",
        bp.part + 1,
        count(p.slides.len(), "slide")
    )?;
    let show = |l: &Option<smil::Length>| l.map_or_else(|| "-".to_string(), |l| l.to_string());
    // A root-layout without a size says nothing worth a line.
    if let Some(r) = p
        .layout
        .root
        .as_ref()
        .filter(|r| r.width.is_some() || r.height.is_some())
    {
        writeln!(
            out,
            "    Root layout: {} x {}",
            show(&r.width),
            show(&r.height)
        )?;
    }
    for r in &p.layout.regions {
        writeln!(
            out,
            "    Region {}: top {} left {} width {} height {}",
            printable(&r.id),
            show(&r.top),
            show(&r.left),
            show(&r.width),
            show(&r.height)
        )?;
    }
    for (k, s) in p.slides.iter().enumerate() {
        let dur = s
            .duration
            .map_or_else(|| "no duration".to_string(), |d| format!("{d} ms"));
        writeln!(out, "    Slide {} ({dur}):", k + 1)?;
        for m in &s.media {
            let part = m
                .part
                .map_or_else(|| "no part".to_string(), |i| format!("part {}", i + 1));
            writeln!(
                out,
                "      {} {} in {} -> {part}",
                m.kind.element(),
                m.src
                    .as_deref()
                    .map_or_else(|| "(no src)".into(), printable),
                m.region
                    .as_deref()
                    .map_or_else(|| "(no region)".into(), printable)
            )?;
        }
    }
    for u in &bp.resolution.unresolved {
        writeln!(
            out,
            "    {}",
            paint.warning(format!(
                "Unresolved: slide {} media {}: {:?}",
                u.slide + 1,
                u.media + 1,
                u.reason
            ))
        )?;
    }
    for i in &bp.resolution.unused_parts {
        writeln!(
            out,
            "    {}",
            paint.warning(format!("Unused: part {}", i + 1))
        )?;
    }
    Ok(())
}
