//! Linking a presentation to the parts of its body, and finding the SMIL
//! part of a body. The matching rules are in [`resolve`]'s documentation.

use alloc::borrow::Cow;
use alloc::collections::BTreeMap;
use alloc::vec::Vec;

use super::{Presentation, SmilError, SmilErrorKind, SmilLimits};
use crate::wsp::{ContentType, Multipart, ParamValue, Part, WspHeader};
use crate::{Body, Pdu};

/// Why a media element names no part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum UnresolvedReason {
    /// The element has no `src`.
    NoSrc,
    /// `src` is a URL of another scheme (`http:`, `rtsp:`, …) that no
    /// part's Content-Location matches: the media lives outside the message.
    External,
    /// No part matches `src`.
    NoSuchPart,
}

/// A media element that names no part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Unresolved {
    /// The slide's index in [`Presentation::slides`].
    pub slide: usize,
    /// The element's index in that slide's `media`.
    pub media: usize,
    /// Why.
    pub reason: UnresolvedReason,
}

/// What [`resolve`] found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Resolution {
    /// The media elements that name no part, in document order.
    pub unresolved: Vec<Unresolved>,
    /// The indices of the top-level parts that no media element names,
    /// `application/smil` parts excepted.
    pub unused_parts: Vec<usize>,
}

impl Resolution {
    /// Every media element found its part and every part is used.
    pub fn is_complete(&self) -> bool {
        self.unresolved.is_empty() && self.unused_parts.is_empty()
    }
}

/// Sets each media element's [`part`](super::MediaRef::part) to the index
/// of the top-level part its `src` names, and reports the elements that
/// name none and the parts none names.
///
/// A `src` names a part the way handsets read it:
///
/// - `cid:ID` (RFC 2392, percent-escapes undone): the part whose
///   Content-ID is `<ID>` (or `ID`: many encoders drop the angle
///   brackets); failing that, the part whose Content-Location is `ID`;
/// - anything else: the part whose Content-Location is `src` (as written,
///   then with percent-escapes undone); failing that, the part whose
///   content-type `Name` parameter, or Content-Disposition `Filename`
///   parameter, is `src`; failing that, the part whose Content-ID is
///   `<src>` (a `cid:` left out).
///
/// Every comparison ignores ASCII case, as handsets do. Only the body's
/// top-level parts are candidates; the first match wins.
///
/// The parts' names are indexed once, then each `src` is looked up in
/// that index: the cost is O((parts + headers + media) · log parts),
/// whatever the body holds.
///
/// ```
/// use mms_pdu::smil::{resolve, Presentation, UnresolvedReason};
/// use mms_pdu::wsp::{ContentType, Media, Multipart, Part, Text, WspHeader};
///
/// let mut body = Multipart::new();
/// let mut img = Part::new(ContentType::new(Media::from_name("image/jpeg")), &b"\xFF\xD8"[..]);
/// img.headers.push(WspHeader::ContentId { id: Text::new("<cat>")?, quoted: true });
/// body.parts.push(img);
/// let mut txt = Part::new(ContentType::new(Media::from_name("text/plain")), &b"hi"[..]);
/// txt.headers.push(WspHeader::ContentLocation(Text::new("Hello.TXT")?));
/// body.parts.push(txt);
/// body.parts.push(Part::new(ContentType::new(Media::from_name("audio/amr")), &b"#!AMR"[..]));
///
/// let mut p = Presentation::parse(
///     "<smil><body><par><img src='cid:cat'/><text src='hello.txt'/><video src='gone.3gp'/></par></body></smil>",
/// )?;
/// let r = resolve(&mut p, &body);
/// assert_eq!(p.slides[0].media[0].part, Some(0));
/// assert_eq!(p.slides[0].media[1].part, Some(1));
/// assert_eq!(r.unresolved[0].reason, UnresolvedReason::NoSuchPart);
/// assert_eq!(r.unused_parts, [2]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn resolve(presentation: &mut Presentation<'_>, body: &Multipart<'_>) -> Resolution {
    let index = PartIndex::new(&body.parts);
    let mut used = alloc::vec![false; body.parts.len()];
    let mut unresolved = Vec::new();
    for (s, slide) in presentation.slides.iter_mut().enumerate() {
        for (k, m) in slide.media.iter_mut().enumerate() {
            m.part = None;
            let reason = match m.src.as_deref() {
                None => UnresolvedReason::NoSrc,
                Some(src) => match index.part_for(src) {
                    Some(i) => {
                        m.part = Some(i);
                        used[i] = true;
                        continue;
                    }
                    None if is_url(src.trim()) && !is_cid(src.trim()) => UnresolvedReason::External,
                    None => UnresolvedReason::NoSuchPart,
                },
            };
            unresolved.push(Unresolved {
                slide: s,
                media: k,
                reason,
            });
        }
    }
    let unused_parts = body
        .parts
        .iter()
        .enumerate()
        .filter(|&(i, p)| !used[i] && !is_smil(p))
        .map(|(i, _)| i)
        .collect();
    Resolution {
        unresolved,
        unused_parts,
    }
}

fn is_smil(p: &Part<'_>) -> bool {
    p.content_type
        .media()
        .name()
        .eq_ignore_ascii_case("application/smil")
}

/// A `cid:` URL (RFC 2392), which always names a part of the message.
fn is_cid(s: &str) -> bool {
    s.len() >= 4 && s.as_bytes()[..4].eq_ignore_ascii_case(b"cid:")
}

/// `scheme:` with a scheme of two or more letters (so `C:\x` is not one).
fn is_url(s: &str) -> bool {
    match s.split_once(':') {
        Some((scheme, _)) => {
            scheme.len() >= 2
                && scheme
                    .bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_alphabetic())
                && scheme
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        }
        None => false,
    }
}

/// `b` without leading and trailing ASCII white space.
fn trim(mut b: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = b {
        if !first.is_ascii_whitespace() {
            break;
        }
        b = rest;
    }
    while let [rest @ .., last] = b {
        if !last.is_ascii_whitespace() {
            break;
        }
        b = rest;
    }
    b
}

/// Strips white space and one pair of angle brackets.
fn bare_id(b: &[u8]) -> &[u8] {
    let b = trim(b);
    match b {
        [b'<', inner @ .., b'>'] => trim(inner),
        [b'<', inner @ ..] => trim(inner),
        _ => b,
    }
}

/// `%XX` escapes undone (RFC 3986); the input itself when it has none or
/// a malformed one.
fn percent_decoded(s: &str) -> Cow<'_, [u8]> {
    let b = s.as_bytes();
    if !b.contains(&b'%') {
        return Cow::Borrowed(b);
    }
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            match (
                b.get(i + 1).and_then(|&c| hex(c)),
                b.get(i + 2).and_then(|&c| hex(c)),
            ) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
                _ => return Cow::Borrowed(b),
            }
        }
        out.push(b[i]);
        i += 1;
    }
    Cow::Owned(out)
}

fn content_id_is(p: &Part<'_>, id: &[u8]) -> bool {
    p.content_id()
        .is_some_and(|c| bare_id(c.as_bytes()).eq_ignore_ascii_case(id))
}

fn location_is(p: &Part<'_>, loc: &[u8]) -> bool {
    p.content_location()
        .is_some_and(|l| trim(l.as_bytes()).eq_ignore_ascii_case(loc))
}

/// The text of a parameter value, when it is text.
fn param_text<'v>(v: &'v ParamValue<'_>) -> Option<&'v [u8]> {
    match v {
        ParamValue::Text(t) => Some(t.as_bytes()),
        ParamValue::TextValue(t) => Some(t.text()),
        _ => None,
    }
}

/// The key a name is looked up by: ASCII case folded (two byte strings
/// are equal ignoring ASCII case exactly when their keys are equal).
fn key(b: &[u8]) -> Cow<'_, [u8]> {
    if b.iter().any(u8::is_ascii_uppercase) {
        Cow::Owned(b.to_ascii_lowercase())
    } else {
        Cow::Borrowed(b)
    }
}

/// Every name a top-level part answers to, each mapped to the first part
/// that has it: built in one pass over the parts and their headers, so
/// that resolving costs O(log parts) per media element instead of a scan
/// of every part's headers.
struct PartIndex<'b> {
    /// The part's first Content-ID, white space and angle brackets
    /// stripped.
    by_id: BTreeMap<Cow<'b, [u8]>, usize>,
    /// The part's first Content-Location, white space stripped.
    by_location: BTreeMap<Cow<'b, [u8]>, usize>,
    /// Every content-type `Name` and Content-Disposition `Filename`
    /// parameter of the part, white space stripped.
    by_name: BTreeMap<Cow<'b, [u8]>, usize>,
}

impl<'b> PartIndex<'b> {
    fn new(parts: &'b [Part<'_>]) -> Self {
        let mut index = PartIndex {
            by_id: BTreeMap::new(),
            by_location: BTreeMap::new(),
            by_name: BTreeMap::new(),
        };
        for (i, p) in parts.iter().enumerate() {
            let mut id = None;
            let mut location = None;
            for h in &p.headers {
                match h {
                    WspHeader::ContentId { id: t, .. } if id.is_none() => id = Some(t),
                    WspHeader::ContentLocation(t) if location.is_none() => location = Some(t),
                    WspHeader::ContentDisposition { params, .. } => {
                        for prm in params {
                            if prm.name.name() == "filename" {
                                if let Some(t) = param_text(&prm.value) {
                                    index.by_name.entry(key(trim(t))).or_insert(i);
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            for prm in p.content_type.params() {
                if prm.name.name() == "name" {
                    if let Some(t) = param_text(&prm.value) {
                        index.by_name.entry(key(trim(t))).or_insert(i);
                    }
                }
            }
            if let Some(t) = id {
                index.by_id.entry(key(bare_id(t.as_bytes()))).or_insert(i);
            }
            if let Some(t) = location {
                index
                    .by_location
                    .entry(key(trim(t.as_bytes())))
                    .or_insert(i);
            }
        }
        index
    }

    fn get(map: &BTreeMap<Cow<'b, [u8]>, usize>, name: &[u8]) -> Option<usize> {
        map.get(key(name).as_ref()).copied()
    }

    /// The index of the part `src` names, by the rules of [`resolve`].
    fn part_for(&self, src: &str) -> Option<usize> {
        let src = src.trim();
        if src.is_empty() {
            return None;
        }
        if is_cid(src) {
            let id = percent_decoded(src.get(4..).unwrap_or(""));
            let id = bare_id(&id);
            if id.is_empty() {
                return None;
            }
            return Self::get(&self.by_id, id).or_else(|| Self::get(&self.by_location, id));
        }
        let raw = src.as_bytes();
        let decoded = percent_decoded(src);
        let by_name = || match (
            Self::get(&self.by_name, raw),
            Self::get(&self.by_name, &decoded),
        ) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Self::get(&self.by_location, raw)
            .or_else(|| Self::get(&self.by_location, &decoded))
            .or_else(by_name)
            .or_else(|| Self::get(&self.by_id, bare_id(raw)))
    }
}

/// The index of the SMIL part of a multipart/related body whose content
/// type is `content_type`: the part whose Content-ID (or, failing that,
/// Content-Location) is the `Start` parameter, with or without angle
/// brackets; else the first `application/smil` part.
///
/// ```
/// use mms_pdu::smil::find_smil_part;
/// use mms_pdu::wsp::{ContentType, Media, Multipart, ParamValue, Parameter, Part, Text, WspHeader};
/// let related = ContentType::new(Media::from_name("application/vnd.wap.multipart.related"))
///     .with(Parameter::typed(0x0A, ParamValue::Text(Text::new("<pres>")?)));
/// let mut body = Multipart::new();
/// body.parts.push(Part::new(ContentType::new(Media::from_name("application/smil")), &b"<smil/>"[..]));
/// let mut start = Part::new(ContentType::new(Media::from_name("application/smil")), &b"<smil/>"[..]);
/// start.headers.push(WspHeader::ContentId { id: Text::new("pres")?, quoted: false });
/// body.parts.push(start);
/// assert_eq!(find_smil_part(&related, &body), Some(1));
/// let plain = ContentType::new(Media::from_name("application/vnd.wap.multipart.related"));
/// assert_eq!(find_smil_part(&plain, &body), Some(0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn find_smil_part(content_type: &ContentType<'_>, body: &Multipart<'_>) -> Option<usize> {
    let start = content_type.param("start").and_then(|v| match v {
        ParamValue::Text(t) => Some(t.as_bytes()),
        ParamValue::TextValue(t) => Some(t.text()),
        _ => None,
    });
    if let Some(start) = start {
        let id = bare_id(start);
        if !id.is_empty() {
            let by_id = body.parts.iter().position(|p| content_id_is(p, id));
            let by_location = || body.parts.iter().position(|p| location_is(p, id));
            if let Some(k) = by_id.or_else(by_location) {
                return Some(k);
            }
        }
    }
    body.parts.iter().position(is_smil)
}

/// Parses the SMIL document of a part: its Content-Transfer-Encoding
/// undone, read in its charset (UTF-8 when it names none, with a UTF-16 or
/// UTF-8 BOM honoured; `crate::wsp::charset::decode` for the others). The
/// presentation borrows from the part when the part is UTF-8 (or ASCII)
/// without transfer encoding, and owns its text otherwise. Error offsets
/// count in the decoded text.
pub fn parse_part<'p>(part: &'p Part<'_>) -> Result<Presentation<'p>, SmilError> {
    let data = part.decoded_data().map_err(|_| {
        SmilError::new(
            0,
            "valid base64 or quoted-printable",
            SmilErrorKind::TransferEncoding,
        )
    })?;
    let charset = part.content_type.charset().or_else(|| {
        part.content_type
            .param("charset")
            .and_then(|v| crate::wsp::Charset::from_name(v.to_text().trim()))
    });
    match data {
        Cow::Borrowed(bytes) => parse_in(bytes, charset),
        Cow::Owned(bytes) => parse_in(&bytes, charset).map(Presentation::into_owned),
    }
}

fn parse_in(
    bytes: &[u8],
    charset: Option<crate::wsp::Charset>,
) -> Result<Presentation<'_>, SmilError> {
    use crate::wsp::Charset;
    let limits = SmilLimits::DEFAULT;
    let utf16_bom = bytes.starts_with(&[0xFE, 0xFF]) || bytes.starts_with(&[0xFF, 0xFE]);
    let utf8_like = matches!(
        charset,
        None | Some(Charset::ANY) | Some(Charset::UTF_8) | Some(Charset::US_ASCII)
    );
    if utf8_like && !utf16_bom {
        if let Some(s) = strip_utf8_bom(bytes) {
            return super::parse::parse(s.1, s.0, &limits);
        }
    }
    let charset = match charset {
        None | Some(Charset::ANY) if utf16_bom => Some(Charset::UTF_16),
        c => c,
    };
    let text = crate::wsp::charset::decode(charset, bytes)
        .map_err(|e| {
            SmilError::new(
                0,
                "a supported charset",
                SmilErrorKind::UnsupportedCharset(e.charset),
            )
        })?
        .text;
    match text {
        Cow::Borrowed(s) => super::parse::parse(s, 0, &limits),
        Cow::Owned(s) => super::parse::parse(&s, 0, &limits).map(Presentation::into_owned),
    }
}

/// The UTF-8 text after an optional BOM, and the BOM's length.
fn strip_utf8_bom(bytes: &[u8]) -> Option<(usize, &str)> {
    let (base, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(b) => (3, b),
        None => (0, bytes),
    };
    core::str::from_utf8(body).ok().map(|s| (base, s))
}

/// The presentation of a body, found, parsed and resolved by [`from_body`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct BodyPresentation<'p> {
    /// The index of the SMIL part among the body's top-level parts.
    pub part: usize,
    /// The presentation, each media element's `part` set.
    pub presentation: Presentation<'p>,
    /// What resolving found (the SMIL part is never listed as unused).
    pub resolution: Resolution,
}

/// Finds the SMIL part of a body ([`find_smil_part`]), parses it
/// ([`parse_part`]) and resolves it ([`resolve`]); `Ok(None)` when the
/// body has no SMIL part.
///
/// ```
/// use mms_pdu::mms::message::SendReq;
/// use mms_pdu::{smil, Body, Pdu};
/// let bytes = SendReq::builder()
///     .transaction_id("T1")
///     .to("+15551234567/TYPE=PLMN")
///     .slide(smil::SlideContent::new().text("hi.txt", "Hello").duration_ms(3000))
///     .build()?
///     .encode()?;
/// let pdu = Pdu::decode(&bytes)?;
/// let Some(Body::Multipart(body)) = &pdu.body else { unreachable!() };
/// let found = smil::from_body(pdu.content_type().unwrap(), body)?.unwrap();
/// assert_eq!(found.part, 0);
/// assert_eq!(found.presentation.slides[0].duration, Some(3000));
/// assert_eq!(found.presentation.slides[0].media[0].part, Some(1));
/// assert!(found.resolution.is_complete());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_body<'p>(
    content_type: &ContentType<'_>,
    body: &'p Multipart<'_>,
) -> Result<Option<BodyPresentation<'p>>, SmilError> {
    let Some(part) = find_smil_part(content_type, body) else {
        return Ok(None);
    };
    let mut presentation = parse_part(&body.parts[part])?;
    let mut resolution = resolve(&mut presentation, body);
    resolution.unused_parts.retain(|&i| i != part);
    Ok(Some(BodyPresentation {
        part,
        presentation,
        resolution,
    }))
}

/// The SMIL presentation of a PDU's body, found, parsed and resolved
/// ([`from_body`]); `Ok(None)` without a multipart body or without a SMIL
/// part.
///
/// ```
/// use mms_pdu::{smil, Pdu};
/// let pdu = Pdu::decode(b"\x8C\x81\x98T1\0\x8D\x92\x92\x80")?; // m-send-conf: no body
/// assert!(smil::from_pdu(&pdu)?.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_pdu<'p>(pdu: &'p Pdu<'_>) -> Result<Option<BodyPresentation<'p>>, SmilError> {
    match (&pdu.body, pdu.content_type()) {
        (Some(Body::Multipart(m)), Some(ct)) => from_body(ct, m),
        _ => Ok(None),
    }
}

/// The percent-decoded, bracket-less form of an id (for tests).
#[cfg(test)]
fn id_of(s: &str) -> alloc::string::String {
    String::from_utf8_lossy(bare_id(&percent_decoded(s))).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_ids() {
        assert_eq!(id_of(" <a@b> "), "a@b");
        assert_eq!(id_of("a%40b"), "a@b");
        assert_eq!(id_of("a%4"), "a%4");
        assert_eq!(id_of("<open"), "open");
    }

    #[test]
    fn tells_urls_from_names() {
        assert!(is_url("http://x/y.jpg"));
        assert!(is_url("rtsp://x"));
        assert!(!is_url("C:\\x.jpg"));
        assert!(!is_url("cat.jpg"));
        assert!(!is_url("1:2"));
    }
}
