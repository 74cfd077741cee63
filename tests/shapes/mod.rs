//! Inputs built to be expensive, shared by `tests/scaling.rs`,
//! `tests/hostile.rs`-style measurements and `benches/hostile.rs`: each
//! builder takes a size and returns octets whose decoded structures grow
//! in proportion to it.

#![allow(dead_code)]

use mms_pdu::wsp::put_uintvar;

/// m-retrieve-conf headers (Message-Type, Transaction-Id "T1",
/// MMS-Version 1.3, Date) up to a Content-Type of
/// application/vnd.wap.multipart.related (0x33, short-integer form).
pub const RETRIEVE_CONF_RELATED: &[u8] =
    b"\x8C\x84\x98T1\0\x8D\x93\x85\x04\x45\x5A\xCE\x65\x84\xB3";

/// One multipart entry (WAP-230 §8.5.3): HeadersLen, DataLen, then the
/// content type and headers, then the data.
pub fn entry(out: &mut Vec<u8>, content_type_and_headers: &[u8], data: &[u8]) {
    put_uintvar(content_type_and_headers.len() as u32, out);
    put_uintvar(data.len() as u32, out);
    out.extend_from_slice(content_type_and_headers);
    out.extend_from_slice(data);
}

/// The SMIL-resolution bomb: an m-retrieve-conf whose SMIL part has
/// `parts` `<img>` elements and whose body has `parts` image parts, each
/// with `headers` two-octet headers (Accept-Charset: short-integer)
/// before its Content-Location. Media element `i` names part `i + 1` by
/// Content-Location when `i` is even; odd ones name `x`, which no part
/// has, so that every lookup of the naive resolver scans every header.
pub fn smil_bomb(parts: usize, headers: usize) -> Vec<u8> {
    let mut smil = String::from("<smil><body><par>");
    for i in 0..parts {
        if i % 2 == 0 {
            smil.push_str(&format!("<img src=\"p{i}.jpg\"/>"));
        } else {
            smil.push_str("<img src=\"x\"/>");
        }
    }
    smil.push_str("</par></body></smil>");
    let mut out = RETRIEVE_CONF_RELATED.to_vec();
    put_uintvar(parts as u32 + 1, &mut out);
    entry(&mut out, b"application/smil\0", smil.as_bytes());
    let mut h = Vec::new();
    for i in 0..parts {
        h.clear();
        h.push(0x9E); // image/jpeg
        for _ in 0..headers {
            h.extend_from_slice(b"\x81\x83");
        }
        h.push(0x8E); // Content-Location
        h.extend_from_slice(format!("p{i}.jpg\0").as_bytes());
        entry(&mut out, &h, b"\xFF\xD8");
    }
    out
}

/// An m-retrieve-conf of multipart/related holding `parts` parts of
/// `headers` two-octet headers each and two octets of data: the densest
/// header storage per input octet.
pub fn dense_parts(parts: usize, headers: usize) -> Vec<u8> {
    let mut out = RETRIEVE_CONF_RELATED.to_vec();
    put_uintvar(parts as u32, &mut out);
    let mut h = vec![0x83]; // text/plain
    for _ in 0..headers {
        h.extend_from_slice(b"\x81\x83");
    }
    for _ in 0..parts {
        entry(&mut out, &h, b"hi");
    }
    out
}

/// An m-retrieve-conf of multipart/related holding `parts` tiny parts (a
/// general-form content type with a charset, a Content-ID, a
/// Content-Location, four octets of data).
pub fn many_parts(parts: usize) -> Vec<u8> {
    let headers: &[u8] = b"\x03\x83\x81\xEA\xC0\"<p>\0\x8Ep.txt\0";
    let mut out = RETRIEVE_CONF_RELATED.to_vec();
    put_uintvar(parts as u32, &mut out);
    for _ in 0..parts {
        entry(&mut out, headers, b"data");
    }
    out
}

/// A PDU (m-retrieve-conf, no body) of `blocks` × 5 headers: To, Subject
/// with a charset, Date, X-Mms-Expiry, an application header.
pub fn many_headers(blocks: usize) -> Vec<u8> {
    let block: &[&[u8]] = &[
        b"\x97+33612345678/TYPE=PLMN\0",
        b"\x96\x0A\xEAGruy\xC3\xA8re\0",
        b"\x85\x04\x45\x5A\xCE\x65",
        b"\x88\x05\x81\x03\x09\x3A\x80",
        b"X-Custom\0value\0",
    ];
    let mut out = b"\x8C\x84\x98T1\0\x8D\x92".to_vec();
    for _ in 0..blocks {
        for h in block {
            out.extend_from_slice(h);
        }
    }
    out
}

/// A SMIL document of `slides` slides, each with an image, a text and an
/// audio element in regions (half of them undeclared).
pub fn long_smil(slides: usize) -> String {
    let mut s = String::from(
        "<smil><head><layout><root-layout width=\"176\" height=\"144\"/>\
         <region id=\"Image\" top=\"0\" left=\"0\" width=\"100%\" height=\"50%\"/>\
         </layout></head><body>",
    );
    for i in 0..slides {
        s.push_str(&format!(
            "<par dur=\"5s\"><img src=\"i{i}.jpg\" region=\"Image\"/>\
             <text src=\"t{i}.txt\" region=\"T{i}\"/><audio src=\"a{i}.amr\" begin=\"1.5s\"/></par>"
        ));
    }
    s.push_str("</body></smil>");
    s
}

/// `size` octets of `A 0x06 <HeadersLen size/2-1>` repeated: at every 4th
/// offset of the first half, a push frame whose content type is text with
/// no NUL up to the end of its HeadersLen (the uintvar of 2^k-1 holds no
/// zero octet), the worst case for the junk search of `Push::decode_with`.
pub fn push_junk(size: usize) -> Vec<u8> {
    let mut unit = vec![b'A', 0x06];
    put_uintvar((size / 2 - 1) as u32, &mut unit);
    assert!(!unit.contains(&0));
    let mut v = Vec::with_capacity(size + unit.len());
    while v.len() < size {
        v.extend_from_slice(&unit);
    }
    v.truncate(size);
    v
}
