//! SMIL: any octets parse to a presentation or a `SmilError` whose offset
//! lies inside the input, never a panic; what parses writes back to XML
//! that parses to the same model; and an m-retrieve-conf built around the
//! octets (its SMIL part, then a part for every `src` the presentation
//! names, found by Content-Location, Content-ID or name in turn, and a part
//! no one names) decodes and resolves: each media element names a part
//! whose Content-Location, Content-ID or name matches it, and the unused
//! parts are the ones no element names.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mms_pdu::smil::{self, Presentation};
use mms_pdu::wsp::{ContentType, Media, Multipart, ParamValue, Parameter, Part, Text, WspHeader};
use mms_pdu::{Body, MessageType, Pdu, Version};

/// A part named `name` the way `k` says: Content-Location, Content-ID,
/// content-type Name parameter.
fn part_named(name: &str, k: usize) -> Option<Part<'static>> {
    let text = Text::from_string(name.to_owned()).ok()?;
    let mut ct = ContentType::new(Media::from_name("image/jpeg"));
    let mut part_headers = Vec::new();
    match k % 3 {
        0 => part_headers.push(WspHeader::ContentLocation(text)),
        1 => part_headers.push(WspHeader::ContentId {
            id: Text::from_string(format!("<{name}>")).ok()?,
            quoted: true,
        }),
        _ => ct = ct.with(Parameter::typed(0x05, ParamValue::Text(text))),
    }
    let mut p = Part::new(ct, &b"\xFF\xD8"[..]);
    p.headers = part_headers;
    Some(p)
}

fn resolve_in_a_pdu(data: &[u8], p: &Presentation<'_>) {
    let mut body = Multipart::new();
    body.parts.push(Part::new(
        ContentType::new(Media::from_name("application/smil")),
        data.to_vec(),
    ));
    // A part for each of the first 64 srcs, then one that nothing names.
    for (k, m) in p.media().enumerate().take(64) {
        let name = m.src.as_deref().unwrap_or("").trim();
        let name = name.strip_prefix("cid:").unwrap_or(name);
        if let Some(part) = part_named(name, k) {
            body.parts.push(part);
        }
    }
    body.parts.push(Part::new(
        ContentType::new(Media::from_name("text/plain")),
        &b"unused"[..],
    ));
    let mut pdu = Pdu::new(MessageType::RETRIEVE_CONF, Version::V1_2);
    pdu.set_body(
        ContentType::new(Media::from_name("application/vnd.wap.multipart.related")),
        Body::Multipart(body),
    );
    // A name the encoder refuses (a NUL, say) leaves nothing to check.
    let Ok(bytes) = pdu.encode() else { return };
    let back = Pdu::decode(&bytes).expect("an encoded PDU decodes");
    let Some(Body::Multipart(m)) = &back.body else {
        panic!("the body is a multipart")
    };
    let found = match smil::from_pdu(&back) {
        Ok(Some(f)) => f,
        Ok(None) => panic!("the SMIL part is found"),
        // The same octets, so the same error as parsing them alone.
        Err(_) => return,
    };
    assert_eq!(found.part, 0);
    let n = m.parts.len();
    let mut named = vec![false; n];
    for media in found.presentation.media() {
        if let Some(i) = media.part {
            assert!(i < n, "part {i} of {n}");
            named[i] = true;
        }
    }
    let unused: Vec<usize> = (1..n).filter(|&i| !named[i]).collect();
    assert_eq!(found.resolution.unused_parts, unused);
    let resolved = found
        .presentation
        .media()
        .filter(|m| m.part.is_some())
        .count();
    assert_eq!(
        resolved + found.resolution.unresolved.len(),
        found.presentation.media().count()
    );
    // The part nothing names stays unused.
    assert_eq!(unused.last(), Some(&(n - 1)));
}

fuzz_target!(|data: &[u8]| {
    match Presentation::parse_bytes(data) {
        Ok(p) => {
            let xml = p.to_xml();
            let again = Presentation::parse(&xml).expect("written SMIL parses");
            assert_eq!(again.slides.len(), p.slides.len());
            assert_eq!(again.layout.regions.len(), p.layout.regions.len());
            resolve_in_a_pdu(data, &p);
        }
        Err(e) => assert!(e.offset() <= data.len().saturating_mul(2) + 4),
    }
});
