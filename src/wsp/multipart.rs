//! Multipart bodies: `application/vnd.wap.multipart.*` (WAP-230 §8.5).
//!
//! ```text
//! Multipart  = nEntries *Entry            ; nEntries: uintvar (0 allowed by later specs)
//! Entry      = HeadersLen DataLen ContentType Headers Data
//! HeadersLen = uintvar                    ; octets of ContentType + Headers
//! DataLen    = uintvar                    ; octets of Data
//! ```
//!
//! The decoder iterates to the end of the body rather than trusting
//! nEntries, sub-parses each HeadersLen region and requires it consumed, and
//! decodes nested multiparts up to [`Limits::max_depth`](crate::Limits).

// Length: just over 1,000 lines on purpose: the eager decoder of a
// multipart body and its lazy walk (`Parts`) cut entries with one function
// and enforce the same limits, so they live side by side, with the tests
// that hold them to it.

use alloc::borrow::Cow;
use alloc::vec::Vec;

use bytes::BufMut;

use super::content_type::{content_type, ContentType};
use super::headers::{headers, WspHeader};
use super::int::{put_uintvar, take, uintvar, uintvar_len, wire_len};
use super::transfer;
use crate::ctx::Ctx;
use crate::error::{fail, ErrorKind, PResult};
use crate::EncodeError;

/// A decoded multipart body: its parts in order.
/// Follows WAP-230 §8.5 (`Multipart = nEntries *MultipartEntry`).
///
/// ```
/// use mms_pdu::wsp::{ContentType, Media, Multipart, Part};
/// let mut body = Multipart::new();
/// body.parts.push(Part::new(ContentType::new(Media::from_name("text/plain")), &b"hello"[..]));
/// let bytes = body.to_vec().unwrap();
/// // nEntries 1, HeadersLen 1, DataLen 5, text/plain (0x83), "hello"
/// assert_eq!(bytes, b"\x01\x01\x05\x83hello");
/// let back = Multipart::decode(&bytes).unwrap();
/// assert_eq!(back.parts[0].data.as_ref(), b"hello");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Multipart<'a> {
    /// The parts, in wire order.
    pub parts: Vec<Part<'a>>,
    /// nEntries as it was on the wire when it differs from `parts.len()`
    /// (0 is common); `None` writes `parts.len()`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub declared_entries: Option<u32>,
    /// Octets after the last part that do not form an entry (kept so the
    /// body re-encodes as it came; lenient decoding only).
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            with = "crate::wsp::serde::hex",
            skip_serializing_if = "<[u8]>::is_empty"
        )
    )]
    pub trailing: Cow<'a, [u8]>,
}

/// One entry of a multipart body.
/// Follows WAP-230 §8.5.3 (`MultipartEntry = HeadersLen DataLen ContentType Headers Data`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Part<'a> {
    /// The part's content type.
    pub content_type: ContentType<'a>,
    /// Its other headers (Content-ID, Content-Location, …), in wire order.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub headers: Vec<WspHeader<'a>>,
    /// Its data, borrowed from the input when decoded.
    pub data: super::Data<'a>,
    /// When the part is itself a multipart that decoded, its parts. On
    /// encoding, a `Some` here is written instead of `data`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub nested: Option<Multipart<'a>>,
}

impl<'a> Part<'a> {
    /// The Content-Type and headers, encoded, must decode back equal
    /// (WAP-230 §8.5.3: `Headers = Content-Type *Header`).
    fn reads_back_headers(&self) -> Result<(), EncodeError> {
        let mut region = Vec::with_capacity(self.headers_len());
        self.content_type.encode(&mut region);
        for h in &self.headers {
            h.encode(&mut region);
        }
        let mut ctx = Ctx::new(&crate::DecodeOptions::default());
        let limits = ctx.limits;
        let back = content_type(&region, &limits)
            .ok()
            .and_then(|(rest, ct)| Some((ct, headers(rest, &mut ctx).ok()?.1)));
        match back {
            Some((ct, hs)) if ct == self.content_type && hs == self.headers => Ok(()),
            Some((ct, _)) if ct != self.content_type => Err(EncodeError::new(
                "part Content-Type",
                "does not read back as itself",
            )),
            _ => Err(EncodeError::new(
                "part headers",
                "a part header does not read back as itself",
            )),
        }
    }
    /// A part with a content type and data, no other headers.
    pub fn new(content_type: ContentType<'a>, data: impl Into<super::Data<'a>>) -> Self {
        Part {
            content_type,
            headers: Vec::new(),
            data: data.into(),
            nested: None,
        }
    }
    /// The Content-ID, when present.
    pub fn content_id(&self) -> Option<&super::Text<'a>> {
        self.headers.iter().find_map(|h| match h {
            WspHeader::ContentId { id, .. } => Some(id),
            _ => None,
        })
    }
    /// The Content-Location, when present.
    pub fn content_location(&self) -> Option<&super::Text<'a>> {
        self.headers.iter().find_map(|h| match h {
            WspHeader::ContentLocation(t) => Some(t),
            _ => None,
        })
    }
    /// The Content-Transfer-Encoding application header, when present.
    pub fn transfer_encoding(&self) -> Option<&super::Text<'a>> {
        self.headers.iter().find_map(|h| match h {
            WspHeader::Application { name, value }
                if name
                    .as_bytes()
                    .eq_ignore_ascii_case(b"content-transfer-encoding") =>
            {
                Some(value)
            }
            _ => None,
        })
    }
    /// The data with its Content-Transfer-Encoding (base64 or
    /// quoted-printable) undone; the data itself when there is none.
    ///
    /// ```
    /// use mms_pdu::wsp::{ContentType, Media, Part, Text, WspHeader};
    /// let mut p = Part::new(ContentType::new(Media::from_name("text/plain")), &b"aGk="[..]);
    /// p.headers.push(WspHeader::Application {
    ///     name: Text::new("Content-Transfer-Encoding").unwrap(),
    ///     value: Text::new("base64").unwrap(),
    /// });
    /// assert_eq!(p.decoded_data().unwrap().as_ref(), b"hi");
    /// ```
    pub fn decoded_data(&self) -> Result<Cow<'_, [u8]>, transfer::TransferError> {
        match self.transfer_encoding() {
            Some(t) if t.as_bytes().eq_ignore_ascii_case(b"base64") => {
                transfer::base64_decode(&self.data).map(Cow::Owned)
            }
            Some(t) if t.as_bytes().eq_ignore_ascii_case(b"quoted-printable") => {
                transfer::quoted_printable_decode(&self.data).map(Cow::Owned)
            }
            _ => Ok(Cow::Borrowed(&self.data[..])),
        }
    }
    fn headers_len(&self) -> usize {
        self.content_type.encoded_len()
            + self
                .headers
                .iter()
                .map(WspHeader::encoded_len)
                .sum::<usize>()
    }
    fn data_len(&self) -> usize {
        match &self.nested {
            Some(m) => m.encoded_len(),
            None => self.data.len(),
        }
    }
    /// A copy that owns its octets.
    pub fn into_owned(self) -> Part<'static> {
        Part {
            content_type: self.content_type.into_owned(),
            headers: self.headers.into_iter().map(own_header).collect(),
            data: self.data.into_owned(),
            nested: self.nested.map(Multipart::into_owned),
        }
    }
    /// The start of a `text/*` part: its first `max_chars` characters read
    /// in the charset of its Content-Type (see [`Part::text`]; the text
    /// is read as the label says, or as the octets show when it lies), then
    /// `…` when the text goes on. `None` for another media type, and when
    /// the Content-Transfer-Encoding cannot be undone or this build cannot
    /// read the charset.
    ///
    /// ```
    /// use mms_pdu::wsp::{Charset, ContentType, Media, Parameter, Part};
    /// let ct = ContentType::new(Media::from_name("text/plain"))
    ///     .with(Parameter::charset(Charset::UCS_2));
    /// let p = Part::new(ct, &b"\x00H\x00i\x00!"[..]);
    /// assert_eq!(p.text_preview(2).as_deref(), Some("Hi…"));
    /// assert_eq!(p.text_preview(3).as_deref(), Some("Hi!"));
    /// let jpeg = Part::new(ContentType::new(Media::from_name("image/jpeg")), &b"Hi"[..]);
    /// assert_eq!(jpeg.text_preview(2), None);
    /// ```
    pub fn text_preview(&self, max_chars: usize) -> Option<alloc::string::String> {
        let media = self.content_type.media().name();
        if !media.get(..5)?.eq_ignore_ascii_case("text/") {
            return None;
        }
        let text = self.text().ok()?.text;
        let mut chars = text.chars();
        let mut preview: alloc::string::String = chars.by_ref().take(max_chars).collect();
        if chars.next().is_some() {
            preview.push('…');
        }
        Some(preview)
    }
}

pub(crate) fn own_header(h: WspHeader<'_>) -> WspHeader<'static> {
    match h {
        WspHeader::ContentId { id, quoted } => WspHeader::ContentId {
            id: id.into_owned(),
            quoted,
        },
        WspHeader::ContentLocation(t) => WspHeader::ContentLocation(t.into_owned()),
        WspHeader::ContentDisposition {
            code,
            disposition,
            params,
        } => WspHeader::ContentDisposition {
            code,
            disposition: match disposition {
                super::Disposition::Token(t) => super::Disposition::Token(t.into_owned()),
                super::Disposition::FormData => super::Disposition::FormData,
                super::Disposition::Attachment => super::Disposition::Attachment,
                super::Disposition::Inline => super::Disposition::Inline,
            },
            params: params
                .into_iter()
                .map(super::Parameter::into_owned)
                .collect(),
        },
        WspHeader::WellKnown { code, value } => WspHeader::WellKnown {
            code,
            value: Cow::Owned(value.into_owned()),
        },
        WspHeader::Application { name, value } => WspHeader::Application {
            name: name.into_owned(),
            value: value.into_owned(),
        },
    }
}

impl<'a> Multipart<'a> {
    /// An empty body.
    pub fn new() -> Self {
        Self::default()
    }
    /// Decodes a multipart body that fills `input`, leniently, with the default limits.
    pub fn decode(input: &'a [u8]) -> Result<Self, crate::DecodeError> {
        let mut ctx = Ctx::new(&crate::DecodeOptions::default());
        match multipart(input, &mut ctx, 1) {
            Ok((_, m)) => Ok(m),
            Err(e) => Err(crate::error::unwrap_err(e, input).into_public(input)),
        }
    }
    /// All parts, depth first, nested ones included (a multipart part itself
    /// is listed, then its children).
    pub fn walk(&self) -> impl Iterator<Item = &Part<'a>> + '_ {
        let mut stack: Vec<core::slice::Iter<'_, Part<'a>>> = alloc::vec![self.parts.iter()];
        core::iter::from_fn(move || loop {
            let top = stack.last_mut()?;
            match top.next() {
                Some(p) => {
                    if let Some(n) = &p.nested {
                        stack.push(n.parts.iter());
                    }
                    return Some(p);
                }
                None => {
                    stack.pop();
                }
            }
        })
    }
    /// A copy that owns its octets.
    pub fn into_owned(self) -> Multipart<'static> {
        Multipart {
            parts: self.parts.into_iter().map(Part::into_owned).collect(),
            declared_entries: self.declared_entries,
            trailing: Cow::Owned(self.trailing.into_owned()),
        }
    }
    /// Whether the body is whole: every entry its nEntries declares is
    /// there (WAP-230 §8.5.2), no octets that fail to form an entry are
    /// left over (a part cut short), and every nested multipart is whole
    /// too, a part whose content type is multipart included.
    ///
    /// ```
    /// use mms_pdu::wsp::{ContentType, Media, Multipart, Part};
    /// let part = Part::new(ContentType::new(Media::from_name("text/plain")), &b"Hello"[..]);
    /// let body = Multipart { parts: vec![part.clone(), part], ..Multipart::default() };
    /// let bytes = body.to_vec()?;
    /// assert!(Multipart::decode(&bytes)?.is_complete());
    /// let cut = Multipart::decode(&bytes[..bytes.len() - 2])?; // the second part cut
    /// assert!(!cut.is_complete());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_complete(&self) -> bool {
        self.trailing.is_empty()
            && self
                .declared_entries
                .is_none_or(|n| self.parts.len() as u64 >= u64::from(n))
            && self.parts.iter().all(|p| match &p.nested {
                Some(m) => m.is_complete(),
                None => !p.content_type.media().is_multipart(),
            })
    }
    fn entries(&self) -> u32 {
        self.declared_entries.unwrap_or(self.parts.len() as u32)
    }
    /// Encoded length.
    pub fn encoded_len(&self) -> usize {
        let mut n = uintvar_len(self.entries()) + self.trailing.len();
        for p in &self.parts {
            let (h, d) = (p.headers_len(), p.data_len());
            n += uintvar_len(h as u32) + uintvar_len(d as u32) + h + d;
        }
        n
    }
    /// Checks that the body can be written and reads back as itself
    /// within the decoder's default [`Limits`](crate::Limits): every length
    /// fits a uintvar (WAP-230 §8.5.2-§8.5.3); parts over all levels, part
    /// headers, parameters and nesting depth are within the limits; each
    /// part's Content-Type and headers decode back equal; nested parts
    /// only under a multipart media type; `declared_entries` differs from the part count
    /// (equal, it reads back as `None`); `trailing` forms no entry.
    /// A multipart part given as opaque `data` is written as it is and
    /// reads back as nested parts: when its octets hold parts, they must
    /// encode to those same octets (WAP-230 §8.5).
    ///
    /// ```
    /// use mms_pdu::wsp::{ContentType, Media, Multipart, Part};
    /// let part = Part::new(ContentType::new(Media::from_name("text/plain")), &b"hi"[..]);
    /// let body = Multipart { parts: vec![part], declared_entries: Some(1), ..Multipart::default() };
    /// assert_eq!(body.validate().unwrap_err().context(), "multipart nEntries");
    /// ```
    pub fn validate(&self) -> Result<(), EncodeError> {
        let mut parts = 0;
        self.validate_at(1, &mut parts)
    }
    fn validate_at(&self, depth: usize, parts: &mut usize) -> Result<(), EncodeError> {
        let limits = crate::Limits::DEFAULT;
        wire_len(self.parts.len(), "multipart nEntries")?;
        if self.declared_entries.map(u64::from) == Some(self.parts.len() as u64) {
            return Err(EncodeError::new(
                "multipart nEntries",
                "declared_entries equal to the part count reads back as None",
            ));
        }
        if !self.trailing.is_empty() {
            let mut ctx = Ctx::new(&crate::DecodeOptions::default());
            let reads_as_entry = cut_entry(&self.trailing)
                .is_ok_and(|(_, (hregion, data))| entry(hregion, data, &mut ctx, depth).is_ok());
            if reads_as_entry {
                return Err(EncodeError::new(
                    "multipart trailing octets",
                    "they would read back as another entry",
                ));
            }
        }
        for p in &self.parts {
            *parts += 1;
            if *parts > limits.max_parts {
                return Err(EncodeError::new(
                    "multipart",
                    "more parts than the decoder's default limit (Limits::max_parts)",
                ));
            }
            p.content_type.validate()?;
            if p.headers.len() > limits.max_headers {
                return Err(EncodeError::new(
                    "part headers",
                    "more headers than the decoder's default limit (Limits::max_headers)",
                ));
            }
            for h in &p.headers {
                h.validate()?;
            }
            wire_len(p.headers_len(), "multipart HeadersLen")?;
            wire_len(p.data_len(), "multipart DataLen")?;
            p.reads_back_headers()?;
            let multipart_media = p.content_type.media().is_multipart();
            if multipart_media && p.nested.is_none() && depth < limits.max_depth {
                opaque_reads_back(&p.data, depth + 1)?;
            }
            match &p.nested {
                Some(_) if !multipart_media => {
                    return Err(EncodeError::new(
                        "multipart part",
                        "nested parts under a media type that is not multipart",
                    ))
                }
                Some(_) if depth >= limits.max_depth => {
                    return Err(EncodeError::new(
                        "nested multipart",
                        "deeper than the decoder's default limit (Limits::max_depth)",
                    ))
                }
                Some(n) => n.validate_at(depth + 1, parts)?,
                None => {}
            }
        }
        Ok(())
    }
    /// Writes the body (call [`validate`](Self::validate) first for caller-built values).
    pub fn encode<B: BufMut>(&self, out: &mut B) {
        self.encode_with(out, &mut |out: &mut B, d: &super::Data<'_>| {
            out.put_slice(d)
        });
    }
    /// Writes the body, handing each part's data to `data` (which writes
    /// it, or, for vectored output, passes a shared buffer on).
    pub(crate) fn encode_with<B: BufMut>(
        &self,
        out: &mut B,
        data: &mut impl FnMut(&mut B, &super::Data<'_>),
    ) {
        put_uintvar(self.entries(), out);
        for p in &self.parts {
            put_uintvar(p.headers_len() as u32, out);
            put_uintvar(p.data_len() as u32, out);
            p.content_type.encode(out);
            for h in &p.headers {
                h.encode(out);
            }
            match &p.nested {
                Some(m) => m.encode_with(out, data),
                None => data(out, &p.data),
            }
        }
        out.put_slice(&self.trailing);
    }
    /// Octets of part data held in shared buffers of at least `min`
    /// octets, all levels.
    pub(crate) fn shared_len(&self, min: usize) -> usize {
        self.parts
            .iter()
            .map(|p| match (&p.nested, &p.data) {
                (Some(m), _) => m.shared_len(min),
                (None, super::Data::Shared(b)) if b.len() >= min => b.len(),
                _ => 0,
            })
            .sum()
    }
    /// This body with borrowed part data that lies in `buf` turned into
    /// slices of it, everything else owned.
    pub fn into_shared(self, buf: &bytes::Bytes) -> Multipart<'static> {
        Multipart {
            parts: self
                .parts
                .into_iter()
                .map(|p| Part {
                    content_type: p.content_type.into_owned(),
                    headers: p.headers.into_iter().map(own_header).collect(),
                    data: p.data.share_from(buf),
                    nested: p.nested.map(|m| m.into_shared(buf)),
                })
                .collect(),
            declared_entries: self.declared_entries,
            trailing: Cow::Owned(self.trailing.into_owned()),
        }
    }
    /// The encoded body in one vector.
    pub fn to_vec(&self) -> Result<Vec<u8>, EncodeError> {
        self.validate()?;
        let mut v = Vec::with_capacity(self.encoded_len());
        self.encode(&mut v);
        Ok(v)
    }
}

/// A part that declares its charset holds text (a multipart's charset
/// parameter speaks of its parts, not of the body): text that cannot be read
/// in it is reported, never silently replaced (the data is kept as is).
/// Out of line: [`entry`] recurses through nested multiparts, and its frame
/// stays small.
#[inline(never)]
fn check_text<'a>(ct: &ContentType<'a>, data: &'a [u8], ctx: &mut Ctx<'a>) -> PResult<'a, ()> {
    if ct.media().is_multipart() {
        return Ok((data, ()));
    }
    if let Some(kind) = ct
        .charset()
        .and_then(|cs| super::charset::unreadable(cs, data))
    {
        let e = nom::Err::Error(crate::error::PErr {
            at: data,
            context: "part data",
            kind,
        });
        ctx.deviation(e, data)?;
    }
    Ok((data, ()))
}

/// The extent of one Entry (WAP-230 §8.5.3): its ContentType + Headers
/// region and its Data. The one cutter of entries: the eager decoder and
/// the walk ([`Parts`]) both cut with it.
fn cut_entry(i: &[u8]) -> PResult<'_, (&[u8], &[u8])> {
    let (r, hlen) = crate::error::context("multipart HeadersLen", uintvar(i))?;
    let (r, dlen) = crate::error::context("multipart DataLen", uintvar(r))?;
    let (r, hregion) = take(r, u64::from(hlen), "multipart HeadersLen")?;
    let (r, data) = take(r, u64::from(dlen), "multipart DataLen")?;
    Ok((r, (hregion, data)))
}

/// The error of an entry past [`Limits::max_part_header_octets`](crate::Limits).
fn part_header_octets(limits: &crate::Limits) -> ErrorKind {
    ErrorKind::LimitExceeded {
        what: "part header octets",
        limit: limits.max_part_header_octets,
    }
}

/// One Entry (WAP-230 §8.5.3).
fn entry<'a>(
    hregion: &'a [u8],
    data: &'a [u8],
    ctx: &mut Ctx<'a>,
    depth: usize,
) -> Result<Part<'a>, nom::Err<crate::error::PErr<'a>>> {
    let (hrest, ct) =
        crate::error::context("part Content-Type", content_type(hregion, &ctx.limits))?;
    let (_, hs) = crate::error::context("part headers", headers(hrest, ctx))?;
    check_text(&ct, data, ctx)?;
    let mut nested = None;
    if ct.media().is_multipart() {
        if depth >= ctx.limits.max_depth.min(crate::Limits::MAX_DEPTH_CEILING) {
            let e = nom::Err::Error(crate::error::PErr {
                at: data,
                context: "nested multipart",
                kind: ErrorKind::LimitExceeded {
                    what: "multipart nesting levels",
                    limit: ctx.limits.max_depth.min(crate::Limits::MAX_DEPTH_CEILING),
                },
            });
            ctx.deviation(e, data)?;
        } else {
            let mark = ctx.warnings.len();
            match multipart(data, ctx, depth + 1) {
                Ok((_, m)) => nested = Some(m),
                Err(e) => {
                    ctx.warnings.truncate(mark);
                    ctx.deviation(e, data)?;
                }
            }
        }
    }
    Ok(Part {
        content_type: ct,
        headers: hs,
        data: super::Data::Borrowed(data),
        nested,
    })
}

/// Opaque data under a multipart media type is written as it is, and the
/// decoder reads it back as the parts it holds (WAP-230 §8.5): when it does
/// hold parts, they must encode to those same octets, or what was written
/// would not re-encode as itself once read (a uintvar written longer than
/// it needs, say). Data that is no multipart at all reads back as data.
/// `depth` is the level the parts would be read at.
pub(crate) fn opaque_reads_back(data: &[u8], depth: usize) -> Result<(), EncodeError> {
    let mut ctx = Ctx::new(&crate::DecodeOptions::default());
    let Ok((_, m)) = multipart(data, &mut ctx, depth) else {
        return Ok(());
    };
    let mut again = Vec::with_capacity(data.len());
    m.encode(&mut again);
    if again == data {
        Ok(())
    } else {
        Err(EncodeError::new(
            "multipart data",
            "opaque data under a multipart type reads back as parts that encode to other octets",
        ))
    }
}

/// `Multipart` (WAP-230 §8.5.2) filling `i`; `depth` is 1 for a top-level body.
pub(crate) fn multipart<'a>(
    i: &'a [u8],
    ctx: &mut Ctx<'a>,
    depth: usize,
) -> PResult<'a, Multipart<'a>> {
    let (mut r, n) = crate::error::context("multipart nEntries", uintvar(i))?;
    let mut parts = Vec::new();
    let mut trailing: &[u8] = &r[r.len()..];
    while !r.is_empty() {
        if ctx.parts >= ctx.limits.max_parts {
            return fail(
                r,
                "multipart",
                ErrorKind::LimitExceeded {
                    what: "parts",
                    limit: ctx.limits.max_parts,
                },
            );
        }
        let cut = cut_entry(r).and_then(|(r2, (hregion, data))| {
            ctx.part_header_octets = ctx.part_header_octets.saturating_add(hregion.len());
            if ctx.part_header_octets > ctx.limits.max_part_header_octets {
                // Like the part count: the body as a whole is refused.
                return Ok(Err(()));
            }
            entry(hregion, data, ctx, depth).map(|p| Ok((r2, p)))
        });
        match cut {
            Ok(Err(())) => return fail(r, "multipart", part_header_octets(&ctx.limits)),
            Ok(Ok((r2, p))) => {
                ctx.parts += 1;
                parts.push(p);
                r = r2;
            }
            Err(e) => {
                // What cannot form an entry: an error when strict; kept as
                // trailing octets otherwise.
                ctx.deviation(e, r)?;
                trailing = r;
                break;
            }
        }
    }
    let declared_entries = if n as usize == parts.len() {
        None
    } else {
        if trailing.is_empty() {
            // Every octet formed an entry, but not as many as nEntries says
            // (WAP-230 §8.5.2): parts missing, or more than declared. (Octets
            // that formed no entry were reported above.)
            let e = nom::Err::Error(crate::error::PErr {
                at: i,
                context: "multipart nEntries",
                kind: ErrorKind::CountMismatch {
                    what: "multipart entries",
                    declared: u64::from(n),
                    found: parts.len(),
                },
            });
            ctx.deviation(e, i)?;
        }
        Some(n)
    };
    Ok((
        &i[i.len()..],
        Multipart {
            parts,
            declared_entries,
            trailing: Cow::Borrowed(trailing),
        },
    ))
}

/// One entry of a multipart body, cut but not decoded (see [`Parts`]).
/// One WAP-230 §8.5.3 entry, cut in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartView<'a> {
    /// The Content-type-value octets.
    pub content_type: &'a [u8],
    /// The octets of the other headers.
    pub headers: &'a [u8],
    /// The data.
    pub data: &'a [u8],
}

impl<'a> PartView<'a> {
    /// The media type, without decoding the parameters (no allocation).
    pub fn media(&self) -> Option<super::Media<'a>> {
        super::content_type::media_of(self.content_type)
    }
    /// The content type with its parameters.
    pub fn decode_content_type(&self) -> Result<ContentType<'a>, crate::DecodeError> {
        ContentType::decode(self.content_type)
    }
    /// The headers, decoded one by one as the iterator goes (a
    /// Content-Disposition's parameters allocate; nothing else does),
    /// within the default [`Limits`](crate::Limits) (see
    /// [`header_iter_with`](Self::header_iter_with)).
    pub fn header_iter(
        &self,
    ) -> impl Iterator<Item = Result<WspHeader<'a>, crate::DecodeError>> + 'a {
        self.header_iter_with(&crate::Limits::DEFAULT)
    }
    /// The headers within `limits`: past `max_headers` headers (where the
    /// eager decoder gives up on the entry), the iterator yields a
    /// `LimitExceeded` error at the first header over the limit, and ends.
    /// Error offsets count from the start of [`headers`](Self::headers).
    ///
    /// ```
    /// use mms_pdu::wsp::PartView;
    /// use mms_pdu::Limits;
    /// // Three Content-Location headers ("a", "b", "c"), one too many.
    /// let part = PartView { content_type: b"\x83", headers: b"\x8Ea\0\x8Eb\0\x8Ec\0", data: b"" };
    /// let limits = Limits { max_headers: 2, ..Limits::DEFAULT };
    /// let got: Vec<_> = part.header_iter_with(&limits).collect();
    /// assert_eq!(got.len(), 3);
    /// assert_eq!(got[2].as_ref().unwrap_err().offset(), 6);
    /// ```
    pub fn header_iter_with(
        &self,
        limits: &crate::Limits,
    ) -> impl Iterator<Item = Result<WspHeader<'a>, crate::DecodeError>> + 'a {
        let base = self.headers;
        let mut rest = self.headers;
        let opts = crate::DecodeOptions {
            limits: *limits,
            ..crate::DecodeOptions::default()
        };
        let mut ctx = Ctx::new(&opts);
        let mut n = 0usize;
        core::iter::from_fn(move || {
            if rest.is_empty() {
                return None;
            }
            if n >= ctx.limits.max_headers {
                let e = crate::DecodeError::new(
                    crate::error::offset_in(base, rest),
                    "headers",
                    ErrorKind::LimitExceeded {
                        what: "headers",
                        limit: ctx.limits.max_headers,
                    },
                );
                rest = &[];
                return Some(Err(e));
            }
            n += 1;
            match super::headers::header(rest, &mut ctx) {
                Ok((r, h)) => {
                    rest = r;
                    Some(Ok(h))
                }
                Err(e) => {
                    let p = crate::error::unwrap_err(e, rest);
                    rest = &[];
                    Some(Err(p.into_public(base)))
                }
            }
        })
    }
}

/// The parts of a multipart body, walked in place: nothing is decoded
/// beyond the entry framing (WAP-230 §8.5.2), nothing is allocated, and
/// the walk goes to the end of the body whatever nEntries claims.
///
/// The walk applies the same [`Limits`](crate::Limits) as the eager
/// decoder ([`Parts::with_limits`]; the defaults with [`Parts::new`]):
/// parts are counted over every nesting level (the nested bodies of
/// multipart parts, down to `max_depth`, are cut to count theirs), and the
/// entry at which the count would pass `max_parts`, where the eager
/// decoder gives up on the body, is a `LimitExceeded` error that ends the
/// walk. Each part's headers are bounded by
/// [`PartView::header_iter_with`].
///
/// ```
/// use mms_pdu::wsp::{ContentType, Media, Multipart, Part, Parts};
/// let body = Multipart { parts: vec![Part::new(ContentType::new(Media::from_name("text/plain")), &b"hi"[..])], ..Default::default() };
/// let bytes = body.to_vec().unwrap();
/// let mut parts = Parts::new(&bytes)?;
/// let p = parts.next().unwrap()?;
/// assert_eq!((p.media().unwrap().name().as_ref(), p.data), ("text/plain", &b"hi"[..]));
/// assert!(parts.next().is_none());
/// # Ok::<(), mms_pdu::DecodeError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Parts<'a> {
    base: &'a [u8],
    rest: &'a [u8],
    /// nEntries as on the wire.
    pub declared: u32,
    limits: crate::Limits,
    /// Parts and part header octets seen so far, nested ones included.
    seen: Seen,
    /// Added to the offsets of errors.
    offset: usize,
}

impl<'a> Parts<'a> {
    /// Starts a walk over `body` (reads nEntries), within the default
    /// [`Limits`](crate::Limits).
    pub fn new(body: &'a [u8]) -> Result<Self, crate::DecodeError> {
        Self::with_limits(body, &crate::Limits::DEFAULT)
    }
    /// Starts a walk over `body` within `limits`.
    ///
    /// ```
    /// use mms_pdu::wsp::{ContentType, Media, Multipart, Part, Parts};
    /// use mms_pdu::{ErrorKind, Limits};
    /// let text = Part::new(ContentType::new(Media::from_name("text/plain")), &b"hi"[..]);
    /// let body = Multipart { parts: vec![text.clone(), text.clone(), text], ..Default::default() };
    /// let bytes = body.to_vec().unwrap();
    /// let limits = Limits { max_parts: 2, ..Limits::DEFAULT };
    /// let got: Vec<_> = Parts::with_limits(&bytes, &limits)?.collect();
    /// assert_eq!(got.len(), 3);
    /// let e = got[2].as_ref().unwrap_err();
    /// assert_eq!(e.offset(), 11); // the third entry
    /// assert!(matches!(e.kind(), ErrorKind::LimitExceeded { what: "parts", limit: 2 }));
    /// # Ok::<(), mms_pdu::DecodeError>(())
    /// ```
    pub fn with_limits(body: &'a [u8], limits: &crate::Limits) -> Result<Self, crate::DecodeError> {
        match uintvar(body) {
            Ok((rest, n)) => Ok(Parts {
                base: body,
                rest,
                declared: n,
                limits: *limits,
                seen: Seen::default(),
                offset: 0,
            }),
            Err(e) => Err(crate::error::unwrap_err(e, body).into_public(body)),
        }
    }
    /// The same walk with error offsets counted from `base` octets before
    /// the body (its offset in the PDU, say).
    ///
    /// ```
    /// use mms_pdu::wsp::Parts;
    /// // One entry whose DataLen (5) runs past the body.
    /// let body = b"\x01\x01\x05\x83x";
    /// let e = Parts::new(body)?.next().unwrap().unwrap_err();
    /// let moved = Parts::new(body)?.offset_by(100).next().unwrap().unwrap_err();
    /// assert_eq!(moved.offset(), e.offset() + 100);
    /// # Ok::<(), mms_pdu::DecodeError>(())
    /// ```
    pub fn offset_by(mut self, base: usize) -> Self {
        self.offset = base;
        self
    }
    fn error(&self, e: crate::error::PErr<'_>) -> crate::DecodeError {
        let e = e.into_public(self.base);
        crate::DecodeError::new(e.offset() + self.offset, e.context(), e.kind())
    }
}

/// What a walk has counted against its limits, over every level.
#[derive(Debug, Clone, Copy, Default)]
struct Seen {
    parts: usize,
    header_octets: usize,
}

impl Seen {
    /// Counts an entry's header region; false past the limit.
    fn header_region(&mut self, hregion: &[u8], limits: &crate::Limits) -> bool {
        self.header_octets = self.header_octets.saturating_add(hregion.len());
        self.header_octets <= limits.max_part_header_octets
    }
    /// Whether another entry may be taken.
    fn room(&self, limits: &crate::Limits) -> bool {
        self.parts < limits.max_parts && self.header_octets <= limits.max_part_header_octets
    }
}

/// Counts the parts (and their header octets) nested in the data of an
/// entry whose content type is `content_type`, over every level down to
/// `depth` = `max_depth`, as the eager decoder counts them (entries cut,
/// not decoded: an entry that does not cut ends its body's count); stops
/// once a limit is reached.
fn count_nested(
    content_type: &[u8],
    data: &[u8],
    depth: usize,
    limits: &crate::Limits,
    seen: &mut Seen,
) {
    let deepest = limits.max_depth.min(crate::Limits::MAX_DEPTH_CEILING);
    let multipart = super::content_type::media_of(content_type).is_some_and(|m| m.is_multipart());
    if !multipart || depth >= deepest {
        return;
    }
    let Ok((mut rest, _)) = uintvar(data) else {
        return;
    };
    while !rest.is_empty() && seen.room(limits) {
        let Ok((r, (hregion, nested))) = cut_entry(rest) else {
            return;
        };
        if !seen.header_region(hregion, limits) {
            return;
        }
        let Ok((_, ct)) = super::content_type::content_type_extent(hregion) else {
            return;
        };
        seen.parts += 1;
        count_nested(ct, nested, depth + 1, limits, seen);
        rest = r;
    }
}

impl<'a> Iterator for Parts<'a> {
    type Item = Result<PartView<'a>, crate::DecodeError>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        let limit = |kind| {
            Err(nom::Err::Error(crate::error::PErr {
                at: self.rest,
                context: "multipart",
                kind,
            }))
        };
        let r: PResult<'a, PartView<'a>> = (|| {
            if self.seen.parts >= self.limits.max_parts {
                return limit(ErrorKind::LimitExceeded {
                    what: "parts",
                    limit: self.limits.max_parts,
                });
            }
            let (r, (hregion, data)) = cut_entry(self.rest)?;
            if !self.seen.header_region(hregion, &self.limits) {
                return limit(part_header_octets(&self.limits));
            }
            let (headers, ct) = crate::error::context(
                "part Content-Type",
                super::content_type::content_type_extent(hregion),
            )?;
            Ok((
                r,
                PartView {
                    content_type: ct,
                    headers,
                    data,
                },
            ))
        })();
        match r {
            Ok((rest, p)) => {
                self.rest = rest;
                self.seen.parts += 1;
                count_nested(p.content_type, p.data, 1, &self.limits, &mut self.seen);
                Some(Ok(p))
            }
            Err(e) => {
                let p = crate::error::unwrap_err(e, self.rest);
                self.rest = &[];
                Some(Err(self.error(p)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wsp::{Media, Text};

    fn two_parts() -> Multipart<'static> {
        let mut smil = Part::new(
            ContentType::new(Media::from_name("application/smil")),
            &b"<smil/>"[..],
        );
        smil.headers.push(WspHeader::ContentId {
            id: Text::new("<smil>").unwrap(),
            quoted: true,
        });
        smil.headers
            .push(WspHeader::ContentLocation(Text::new("smil.xml").unwrap()));
        let txt = Part::new(ContentType::new(Media::from_name("text/plain")), &b"hi"[..]);
        Multipart {
            parts: alloc::vec![smil, txt],
            ..Multipart::default()
        }
    }

    #[test]
    fn round_trips_parts_with_headers() {
        let m = two_parts();
        let bytes = m.to_vec().unwrap();
        assert_eq!(bytes.len(), m.encoded_len());
        let back = Multipart::decode(&bytes).unwrap();
        assert_eq!(back, m);
        assert_eq!(back.parts[0].content_id().unwrap().as_str(), Some("<smil>"));
    }

    #[test]
    fn iterates_past_a_zero_entry_count() {
        let mut bytes = two_parts().to_vec().unwrap();
        bytes[0] = 0;
        let back = Multipart::decode(&bytes).unwrap();
        assert_eq!(back.parts.len(), 2);
        assert_eq!(back.declared_entries, Some(0));
        assert_eq!(back.to_vec().unwrap(), bytes);
    }

    #[test]
    fn decodes_nested_multiparts_and_bounds_the_depth() {
        let inner = two_parts();
        let mut outer = Multipart::new();
        let mut p = Part::new(
            ContentType::new(Media::WellKnown(0x33)),
            alloc::vec::Vec::new(),
        );
        p.nested = Some(inner.clone());
        outer.parts.push(p);
        let bytes = outer.to_vec().unwrap();
        let back = Multipart::decode(&bytes).unwrap();
        assert_eq!(back.parts[0].nested.as_ref().unwrap(), &inner);
        assert_eq!(back.walk().count(), 3);

        // 40 levels deep: the decoder stops recursing at the limit.
        let mut m = two_parts();
        for _ in 0..40 {
            let mut p = Part::new(
                ContentType::new(Media::WellKnown(0x23)),
                alloc::vec::Vec::new(),
            );
            p.nested = Some(m);
            m = Multipart {
                parts: alloc::vec![p],
                ..Multipart::default()
            };
        }
        // The encoder refuses what the decoder would not read back …
        assert_eq!(m.to_vec().unwrap_err().context(), "nested multipart");
        // … so write it unchecked, as a hostile peer would.
        let mut bytes = alloc::vec::Vec::new();
        m.encode(&mut bytes);
        let mut ctx = Ctx::new(&crate::DecodeOptions::default());
        let (_, back) = multipart(&bytes, &mut ctx, 1).unwrap();
        assert_eq!(ctx.warnings.len(), 1);
        assert!(matches!(
            ctx.warnings[0].kind,
            ErrorKind::LimitExceeded { .. }
        ));
        assert!(back.walk().count() <= crate::Limits::DEFAULT.max_depth + 1);
        let strict = crate::DecodeOptions {
            strict: true,
            ..Default::default()
        };
        assert!(multipart(&bytes, &mut Ctx::new(&strict), 1).is_err());
    }

    #[test]
    fn decodes_a_related_body_inside_a_top_level_multipart_signed() {
        // multipart/signed (text media type) around multipart/related and a signature part.
        let mut related = Part::new(
            ContentType::new(Media::WellKnown(0x33)),
            alloc::vec::Vec::new(),
        );
        related.nested = Some(two_parts());
        let sig = Part::new(
            ContentType::new(Media::Text(
                Text::new("application/pkcs7-signature").unwrap(),
            )),
            &b"sig"[..],
        );
        let signed = Multipart {
            parts: alloc::vec![related, sig],
            ..Multipart::default()
        };
        let mut outer = Part::new(
            ContentType::new(Media::Text(Text::new("multipart/signed").unwrap())),
            alloc::vec::Vec::new(),
        );
        outer.nested = Some(signed);
        let body = Multipart {
            parts: alloc::vec![outer],
            ..Multipart::default()
        };
        let bytes = body.to_vec().unwrap();
        let back = Multipart::decode(&bytes).unwrap();
        let names: alloc::vec::Vec<_> = back
            .walk()
            .map(|p| p.content_type.media().name().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "multipart/signed",
                "application/vnd.wap.multipart.related",
                "application/smil",
                "text/plain",
                "application/pkcs7-signature"
            ]
        );
    }

    #[test]
    fn claimed_lengths_beyond_the_input_fail_without_allocating() {
        // nEntries 2^32-1, then HeadersLen 2^32-1.
        let bytes = [
            0x8F, 0xFF, 0xFF, 0xFF, 0x7F, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F, 0x01,
        ];
        let strict = crate::DecodeOptions {
            strict: true,
            ..Default::default()
        };
        let e = multipart(&bytes, &mut Ctx::new(&strict), 1).unwrap_err();
        assert!(
            matches!(e, nom::Err::Error(p) if matches!(p.kind, ErrorKind::LengthOverrun { .. } | ErrorKind::Truncated { .. }))
        );
        // Lenient: kept as trailing octets, with a warning.
        let m = Multipart::decode(&bytes).unwrap();
        assert!(m.parts.is_empty());
        assert_eq!(m.trailing.len(), 6);
    }

    #[test]
    fn part_count_is_bounded() {
        let mut bytes = alloc::vec![0u8];
        for _ in 0..5000 {
            bytes.extend_from_slice(&[0x01, 0x00, 0x83]);
        }
        let e = Multipart::decode(&bytes).unwrap_err();
        assert_eq!(e.context(), "multipart");
    }

    #[test]
    fn undoes_quoted_printable() {
        let mut p = Part::new(
            ContentType::new(Media::from_name("text/plain")),
            &b"caf=C3=A9=\r\n!"[..],
        );
        p.headers.push(WspHeader::Application {
            name: Text::new("Content-Transfer-Encoding").unwrap(),
            value: Text::new("quoted-printable").unwrap(),
        });
        assert_eq!(p.decoded_data().unwrap().as_ref(), "caf\u{e9}!".as_bytes());
    }
}
