//! The SMIL presentation of a message: parse it, resolve its references
//! against the parts of the body, and write one for a new message.
//!
//! An MMS that has a layout is a `multipart/related` body whose start part
//! is an `application/smil` document (MMS_ENC 1.3 §7.2.12, the Content-Type
//! header's `Start` and `Type` parameters). The OMA MMS Conformance Document
//! (its *MMS SMIL* profile) and 3GPP TS 26.140 restrict SMIL 2.0 to a small
//! subset, which is the whole model here:
//!
//! ```text
//! <smil>
//!   <head><layout>
//!     <root-layout width=… height=… background-color=…/>
//!     <region id="Image" top=… left=… width=… height=… fit="meet"/>
//!     <region id="Text"  …/>
//!   </layout></head>
//!   <body>
//!     <par dur="5000ms">                       one slide
//!       <img src="cid:cat.jpg" region="Image"/> media: img, text, audio, video, ref
//!       <text src="hello.txt" region="Text"/>   (src, region, begin, end, dur, alt)
//!     </par>
//!     …
//!   </body>
//! </smil>
//! ```
//!
//! - [`Presentation::parse`] reads that model, borrowing every attribute
//!   value from the document (an owned copy only where an entity had to be
//!   unescaped).
//! - [`resolve`] links each media element to the part it names and reports
//!   the references that name no part and the parts no slide uses;
//!   [`from_body`] finds the SMIL part of a body, decodes its charset,
//!   parses and resolves it in one call.
//! - [`Presentation::to_xml`] writes a model back; [`Presentation::from_slides`]
//!   lays out new slides the way the big clients do, and
//!   [`SendReqBuilder::slide`](crate::compose::SendReqBuilder::slide)
//!   builds a whole m-send-req from [`SlideContent`]s.
//!
//! ```
//! use mms_pdu::smil::{Length, MediaKind, Presentation};
//! let p = Presentation::parse(r#"<smil><head><layout>
//!     <root-layout width="176" height="144"/>
//!     <region id="Image" top="0" left="0" width="100%" height="80%" fit="meet"/>
//!   </layout></head><body>
//!     <par dur="5s"><img src="cid:cat.jpg" region="Image"/><text src="t.txt" region="Text"/></par>
//!   </body></smil>"#)?;
//! assert_eq!(p.layout.regions[0].height, Some(Length::Percent(80)));
//! assert_eq!(p.slides[0].duration, Some(5000));
//! assert_eq!(p.slides[0].media[0].kind, MediaKind::Img);
//! assert_eq!(p.slides[0].media[0].src.as_deref(), Some("cid:cat.jpg"));
//! // "Text" is used but not declared: accepted, and reported on request.
//! assert_eq!(p.undeclared_regions(), ["Text"]);
//! # Ok::<(), mms_pdu::smil::SmilError>(())
//! ```
//!
//! ## Contracts
//! - Parsing never panics. Entities are never expanded: a DOCTYPE that
//!   declares any is rejected. Element nesting, slides, media elements,
//!   regions and attribute lengths are bounded by [`SmilLimits`]; every
//!   value is a slice of the document or shorter than one. Errors ([`SmilError`]) give the byte
//!   offset and what was expected there.
//! - What handsets send is accepted: no `<head>`, regions used but not
//!   declared, media outside any `<par>`, durations as `5000ms`, `5s`, `5`,
//!   `0.5s` or `00:00:05`, the SMIL 2.0 namespace or none, an XML
//!   declaration, a byte order mark, a DOCTYPE without entities, element
//!   and attribute names in any case.

use alloc::borrow::Cow;
use alloc::collections::BTreeSet;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

mod parse;
mod resolve;
mod write;

pub use parse::parse_clock_value;
pub use resolve::{
    find_smil_part, from_body, from_pdu, parse_part, resolve, BodyPresentation, Resolution,
    Unresolved, UnresolvedReason,
};
pub(crate) use write::{append_slide, first_slide, ItemData};
pub use write::{SlideContent, DEFAULT_SLIDE_MS, IMAGE_REGION, TEXT_REGION};

use crate::wsp::Charset;

/// A SMIL presentation: the layout and the slides.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Presentation<'a> {
    /// The `<layout>` of the `<head>` (empty when there is none).
    pub layout: Layout<'a>,
    /// The slides, in playing order.
    pub slides: Vec<Slide<'a>>,
}

/// The `<layout>` element: the root layout and the regions.
/// The `<layout>` of the MMS SMIL profile (OMA MMS CONF, 3GPP TS 26.140).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Layout<'a> {
    /// `<root-layout>`, when present.
    pub root: Option<RootLayout<'a>>,
    /// The `<region>`s, in document order (nested regions flattened).
    pub regions: Vec<Region<'a>>,
}

/// `<root-layout>`: the size and colour of the rendering surface.
/// SMIL 2.0 BasicLayout `<root-layout>`, as the MMS SMIL profile keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RootLayout<'a> {
    /// `width`.
    pub width: Option<Length>,
    /// `height`.
    pub height: Option<Length>,
    /// `background-color` (SMIL 1.0) or `backgroundColor` (SMIL 2.0), as written.
    pub background: Option<Cow<'a, str>>,
}

/// A `<region>` of the layout.
/// SMIL 2.0 BasicLayout `<region>`, as the MMS SMIL profile keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Region<'a> {
    /// `id` (the MMS profile names them `Image` and `Text`).
    pub id: Cow<'a, str>,
    /// `top`.
    pub top: Option<Length>,
    /// `left`.
    pub left: Option<Length>,
    /// `width`.
    pub width: Option<Length>,
    /// `height`.
    pub height: Option<Length>,
    /// `fit`.
    pub fit: Option<Fit<'a>>,
}

/// A coordinate or size: pixels or a percentage of the root layout.
/// SMIL 2.0 BasicLayout lengths (pixels or percentages).
///
/// ```
/// use mms_pdu::smil::Length;
/// assert_eq!(Length::parse("176"), Some(Length::Px(176)));
/// assert_eq!(Length::parse("176px"), Some(Length::Px(176)));
/// assert_eq!(Length::parse("50%"), Some(Length::Percent(50)));
/// assert_eq!(Length::parse("12.5%"), Some(Length::Percent(12)));
/// assert_eq!(Length::parse("auto"), None);
/// assert_eq!(Length::Percent(50).to_string(), "50%");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Length {
    /// Pixels (`176`, `176px`).
    Px(u32),
    /// Percent (`50%`).
    Percent(u32),
}

impl Length {
    /// Reads `123`, `123px` or `45%`; a fraction is dropped (`12.5` is 12);
    /// anything else (negative, `auto`, CSS units) is `None`.
    pub fn parse(s: &str) -> Option<Length> {
        let s = s.trim();
        let (num, percent) = match s.strip_suffix('%') {
            Some(n) => (n, true),
            None => (strip_suffix_ignore_case(s, "px").unwrap_or(s), false),
        };
        let num = num.trim_end();
        let int = match num.split_once('.') {
            Some((i, f)) if f.bytes().all(|b| b.is_ascii_digit()) => i,
            Some(_) => return None,
            None => num,
        };
        if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let v: u32 = int.parse().ok()?;
        Some(if percent {
            Length::Percent(v)
        } else {
            Length::Px(v)
        })
    }
}

impl fmt::Display for Length {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Length::Px(v) => write!(f, "{v}"),
            Length::Percent(v) => write!(f, "{v}%"),
        }
    }
}

fn strip_suffix_ignore_case<'s>(s: &'s str, suffix: &str) -> Option<&'s str> {
    let cut = s.len().checked_sub(suffix.len())?;
    let (head, tail) = (s.get(..cut)?, s.get(cut..)?);
    tail.eq_ignore_ascii_case(suffix).then_some(head)
}

/// How media fill their region (`fit`, SMIL 2.0 Layout module).
///
/// ```
/// use mms_pdu::smil::Fit;
/// assert_eq!(Fit::parse("meet"), Fit::Meet);
/// assert_eq!(Fit::parse("Scroll"), Fit::Scroll);
/// assert_eq!(Fit::parse("stretch").as_str(), "stretch");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Fit<'a> {
    /// `fill`: scaled to the region, aspect ratio lost.
    Fill,
    /// `hidden`: unscaled, clipped.
    Hidden,
    /// `meet`: scaled to fit inside, aspect ratio kept.
    Meet,
    /// `scroll`: unscaled, scrollable (text).
    Scroll,
    /// `slice`: scaled to cover, aspect ratio kept, clipped.
    Slice,
    /// Any other value, as written.
    Other(Cow<'a, str>),
}

impl<'a> Fit<'a> {
    /// Reads a `fit` value (case-insensitive for the known ones).
    pub fn parse(s: impl Into<Cow<'a, str>>) -> Fit<'a> {
        let s = s.into();
        const KNOWN: [(&str, Fit<'static>); 5] = [
            ("fill", Fit::Fill),
            ("hidden", Fit::Hidden),
            ("meet", Fit::Meet),
            ("scroll", Fit::Scroll),
            ("slice", Fit::Slice),
        ];
        match KNOWN.iter().find(|(n, _)| n.eq_ignore_ascii_case(s.trim())) {
            Some((_, f)) => f.clone(),
            None => Fit::Other(s),
        }
    }
    /// The value as written in SMIL.
    pub fn as_str(&self) -> &str {
        match self {
            Fit::Fill => "fill",
            Fit::Hidden => "hidden",
            Fit::Meet => "meet",
            Fit::Scroll => "scroll",
            Fit::Slice => "slice",
            Fit::Other(s) => s,
        }
    }
    /// A copy that owns its text.
    pub fn into_owned(self) -> Fit<'static> {
        match self {
            Fit::Fill => Fit::Fill,
            Fit::Hidden => Fit::Hidden,
            Fit::Meet => Fit::Meet,
            Fit::Scroll => Fit::Scroll,
            Fit::Slice => Fit::Slice,
            Fit::Other(s) => Fit::Other(Cow::Owned(s.into_owned())),
        }
    }
}

/// One slide: a `<par>` of the body (or a media element outside any `<par>`,
/// which plays on its own as the body is a sequence).
/// A `<par>` of the MMS SMIL profile (OMA MMS CONF, 3GPP TS 26.140).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Slide<'a> {
    /// The `dur` of the `<par>` in milliseconds; `None` when absent or not a
    /// clock value (`indefinite`, `media`).
    pub duration: Option<u64>,
    /// Its media elements, in document order (nested time containers flattened).
    pub media: Vec<MediaRef<'a>>,
}

impl Slide<'_> {
    /// A copy that owns its text.
    pub fn into_owned(self) -> Slide<'static> {
        Slide {
            duration: self.duration,
            media: self.media.into_iter().map(MediaRef::into_owned).collect(),
        }
    }
}

/// Which media element (non-exhaustive: a later MMS SMIL profile may add one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum MediaKind {
    /// `<img>`.
    Img,
    /// `<text>` (and SMIL 2.0's `<textstream>`).
    Text,
    /// `<audio>`.
    Audio,
    /// `<video>`.
    Video,
    /// `<ref>` (and SMIL 2.0's `<animation>`): any other media, a vCard for one.
    Ref,
}

impl MediaKind {
    /// The element name (`img`, `text`, `audio`, `video`, `ref`).
    pub fn element(self) -> &'static str {
        match self {
            MediaKind::Img => "img",
            MediaKind::Text => "text",
            MediaKind::Audio => "audio",
            MediaKind::Video => "video",
            MediaKind::Ref => "ref",
        }
    }
    /// The kind of an element name, case-insensitively.
    pub fn from_element(name: &str) -> Option<MediaKind> {
        const NAMES: [(&str, MediaKind); 7] = [
            ("img", MediaKind::Img),
            ("text", MediaKind::Text),
            ("textstream", MediaKind::Text),
            ("audio", MediaKind::Audio),
            ("video", MediaKind::Video),
            ("ref", MediaKind::Ref),
            ("animation", MediaKind::Ref),
        ];
        NAMES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|&(_, k)| k)
    }
    /// The kind a client lays out a part of this media type as
    /// (`image/*` → `Img`, `text/plain` → `Text`, …; others `Ref`).
    ///
    /// ```
    /// use mms_pdu::smil::MediaKind;
    /// assert_eq!(MediaKind::for_media_type("image/JPEG"), MediaKind::Img);
    /// assert_eq!(MediaKind::for_media_type("text/x-vCard"), MediaKind::Ref);
    /// ```
    pub fn for_media_type(media: &str) -> MediaKind {
        let m = media.trim().to_ascii_lowercase();
        if m.starts_with("image/") {
            MediaKind::Img
        } else if m.starts_with("audio/") {
            MediaKind::Audio
        } else if m.starts_with("video/") {
            MediaKind::Video
        } else if m == "text/plain" {
            MediaKind::Text
        } else {
            MediaKind::Ref
        }
    }
}

/// A time attribute (`begin`, `end`, `dur`) of a media element.
/// SMIL 2.0 Timing (`Clock-value` and the forms handsets send).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum TimeValue<'a> {
    /// A clock value, in milliseconds.
    Ms(u64),
    /// `indefinite`.
    Indefinite,
    /// `media` (`dur` only): the intrinsic duration of the media.
    Media,
    /// Anything else (event or sync-base values, wallclock), as written.
    Other(Cow<'a, str>),
}

impl<'a> TimeValue<'a> {
    /// Reads a time attribute.
    ///
    /// ```
    /// use mms_pdu::smil::TimeValue;
    /// assert_eq!(TimeValue::parse("2.5s"), TimeValue::Ms(2500));
    /// assert_eq!(TimeValue::parse("indefinite"), TimeValue::Indefinite);
    /// assert_eq!(TimeValue::parse("img1.end").to_string(), "img1.end");
    /// ```
    pub fn parse(s: impl Into<Cow<'a, str>>) -> TimeValue<'a> {
        let s = s.into();
        if let Some(ms) = parse_clock_value(&s) {
            return TimeValue::Ms(ms);
        }
        match s.trim() {
            t if t.eq_ignore_ascii_case("indefinite") => TimeValue::Indefinite,
            t if t.eq_ignore_ascii_case("media") => TimeValue::Media,
            _ => TimeValue::Other(s),
        }
    }
    /// The milliseconds of a clock value.
    pub fn ms(&self) -> Option<u64> {
        match self {
            TimeValue::Ms(v) => Some(*v),
            _ => None,
        }
    }
    /// A copy that owns its text.
    pub fn into_owned(self) -> TimeValue<'static> {
        match self {
            TimeValue::Ms(v) => TimeValue::Ms(v),
            TimeValue::Indefinite => TimeValue::Indefinite,
            TimeValue::Media => TimeValue::Media,
            TimeValue::Other(s) => TimeValue::Other(Cow::Owned(s.into_owned())),
        }
    }
}

impl fmt::Display for TimeValue<'_> {
    /// Clock values in milliseconds (`5000ms`), the others as written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeValue::Ms(v) => write!(f, "{v}ms"),
            TimeValue::Indefinite => f.write_str("indefinite"),
            TimeValue::Media => f.write_str("media"),
            TimeValue::Other(s) => f.write_str(s),
        }
    }
}

/// A media element of a slide.
/// A media object element of the MMS SMIL profile (`img`, `text`, `audio`, `video`, `ref`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MediaRef<'a> {
    /// Which element.
    pub kind: MediaKind,
    /// `src`: `cid:…` for a Content-ID, else a Content-Location (or a URL).
    pub src: Option<Cow<'a, str>>,
    /// `region`: the id of a region (not necessarily declared).
    pub region: Option<Cow<'a, str>>,
    /// `begin`.
    pub begin: Option<TimeValue<'a>>,
    /// `end`.
    pub end: Option<TimeValue<'a>>,
    /// `dur`.
    pub dur: Option<TimeValue<'a>>,
    /// `alt`: a text to show in its place.
    pub alt: Option<Cow<'a, str>>,
    /// The index of the body part `src` names, among the body's top-level
    /// parts, once [`resolve`]d.
    pub part: Option<usize>,
}

impl<'a> MediaRef<'a> {
    /// A media element with a `src` and nothing else.
    ///
    /// ```
    /// use mms_pdu::smil::{MediaKind, MediaRef};
    /// let m = MediaRef::new(MediaKind::Img, "cat.jpg").in_region("Image");
    /// assert_eq!(m.region.as_deref(), Some("Image"));
    /// ```
    pub fn new(kind: MediaKind, src: impl Into<Cow<'a, str>>) -> Self {
        MediaRef {
            kind,
            src: Some(src.into()),
            region: None,
            begin: None,
            end: None,
            dur: None,
            alt: None,
            part: None,
        }
    }
    /// Sets the region (builder style).
    pub fn in_region(mut self, region: impl Into<Cow<'a, str>>) -> Self {
        self.region = Some(region.into());
        self
    }
    /// A copy that owns its text.
    pub fn into_owned(self) -> MediaRef<'static> {
        MediaRef {
            kind: self.kind,
            src: self.src.map(own),
            region: self.region.map(own),
            begin: self.begin.map(TimeValue::into_owned),
            end: self.end.map(TimeValue::into_owned),
            dur: self.dur.map(TimeValue::into_owned),
            alt: self.alt.map(own),
            part: self.part,
        }
    }
}

fn own(s: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(s.into_owned())
}

impl<'a> Layout<'a> {
    /// The region with this id (exact match first, then case-insensitive, as
    /// handsets write `image` for `Image`).
    pub fn region(&self, id: &str) -> Option<&Region<'a>> {
        self.regions
            .iter()
            .find(|r| r.id == id)
            .or_else(|| self.regions.iter().find(|r| r.id.eq_ignore_ascii_case(id)))
    }
}

impl<'a> Presentation<'a> {
    /// Parses a SMIL document with the default [`SmilLimits`]. A leading
    /// byte order mark is skipped; offsets in errors count from the start
    /// of `xml`.
    pub fn parse(xml: &'a str) -> Result<Self, SmilError> {
        parse::parse(xml, 0, &SmilLimits::DEFAULT)
    }
    /// Parses with the given limits.
    pub fn parse_with(xml: &'a str, limits: &SmilLimits) -> Result<Self, SmilError> {
        parse::parse(xml, 0, limits)
    }
    /// Parses a document in UTF-8 (a BOM is skipped). Invalid UTF-8 is an
    /// error at the first bad byte; for other charsets see [`parse_part`].
    ///
    /// ```
    /// use mms_pdu::smil::Presentation;
    /// let p = Presentation::parse_bytes(b"\xEF\xBB\xBF<smil><body><img src=\"a.gif\"/></body></smil>")?;
    /// assert_eq!(p.slides.len(), 1);
    /// assert_eq!(Presentation::parse_bytes(b"<smil>\xFF</smil>").unwrap_err().offset(), 6);
    /// # Ok::<(), mms_pdu::smil::SmilError>(())
    /// ```
    pub fn parse_bytes(xml: &'a [u8]) -> Result<Self, SmilError> {
        parse::parse_bytes(xml, &SmilLimits::DEFAULT)
    }
    /// Every media element, slide by slide.
    pub fn media(&self) -> impl Iterator<Item = &MediaRef<'a>> + '_ {
        self.slides.iter().flat_map(|s| s.media.iter())
    }
    /// The region names media elements use that the layout does not
    /// declare (each once, in order of first use). Handsets lay such media
    /// out by kind (`Image` / `Text`).
    pub fn undeclared_regions(&self) -> Vec<&str> {
        // A name is declared when a region id equals it ignoring ASCII
        // case (`Layout::region`): one set of case-folded ids, so the
        // cost is O(n log n) rather than media × regions.
        let declared: BTreeSet<String> = self
            .layout
            .regions
            .iter()
            .map(|r| r.id.to_ascii_lowercase())
            .collect();
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let mut out: Vec<&str> = Vec::new();
        for r in self.media().filter_map(|m| m.region.as_deref()) {
            if !declared.contains(&r.to_ascii_lowercase()) && seen.insert(r) {
                out.push(r);
            }
        }
        out
    }
    /// Links each media element to its part; see [`resolve`].
    pub fn resolve(&mut self, body: &crate::wsp::Multipart<'_>) -> Resolution {
        resolve(self, body)
    }
    /// The total duration of the slides that have one, in milliseconds.
    pub fn duration_ms(&self) -> u64 {
        self.slides
            .iter()
            .filter_map(|s| s.duration)
            .fold(0u64, u64::saturating_add)
    }
    /// A copy that owns its text.
    pub fn into_owned(self) -> Presentation<'static> {
        Presentation {
            layout: Layout {
                root: self.layout.root.map(|r| RootLayout {
                    width: r.width,
                    height: r.height,
                    background: r.background.map(own),
                }),
                regions: self
                    .layout
                    .regions
                    .into_iter()
                    .map(|r| Region {
                        id: own(r.id),
                        top: r.top,
                        left: r.left,
                        width: r.width,
                        height: r.height,
                        fit: r.fit.map(Fit::into_owned),
                    })
                    .collect(),
            },
            slides: self.slides.into_iter().map(Slide::into_owned).collect(),
        }
    }
}

/// Bounds on what a SMIL document can make the parser do.
///
/// ```
/// use mms_pdu::smil::{Presentation, SmilLimits};
/// let limits = SmilLimits { max_slides: 1, ..SmilLimits::DEFAULT };
/// let xml = "<smil><body><par/><par/></body></smil>";
/// let err = Presentation::parse_with(xml, &limits).unwrap_err();
/// assert_eq!(err.offset(), 18);
/// assert_eq!(
///     err.to_string(),
///     "SMIL at offset 18: more slides than the limit of 1; expected fewer slides"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SmilLimits {
    /// Element nesting depth. MMS SMIL nests 4 deep (`smil`, `body`, `par`,
    /// media); 32 leaves room for `switch`, `a` and SMIL 2.0 nesting.
    pub max_depth: usize,
    /// Slides. Carriers cap messages at a few hundred KB and clients at a
    /// few dozen slides.
    pub max_slides: usize,
    /// Media elements over all slides.
    pub max_media: usize,
    /// Regions.
    pub max_regions: usize,
    /// Octets in one attribute value. Real `src` values are file names or
    /// Content-IDs of a few dozen octets; a longer value is garbage or an
    /// attack.
    pub max_value_len: usize,
}

impl SmilLimits {
    /// The documented defaults: depth 32, 1024 slides, 4096 media, 256
    /// regions, 8 KiB per attribute value.
    pub const DEFAULT: SmilLimits = SmilLimits {
        max_depth: 32,
        max_slides: 1024,
        max_media: 4096,
        max_regions: 256,
        max_value_len: 8 * 1024,
    };
}

impl Default for SmilLimits {
    fn default() -> Self {
        SmilLimits::DEFAULT
    }
}

/// What was wrong with a SMIL document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum SmilErrorKind {
    /// Not well-formed XML (the XML reader's description).
    #[error("malformed XML: {}", Escaped(.0))]
    Xml(String),
    /// The document ended inside an element.
    #[error("the document ends inside <{}>", Escaped(.0))]
    Unclosed(String),
    /// The root element is not `<smil>`.
    #[error("the root element is <{}>", Escaped(.0))]
    NotSmil(String),
    /// No element at all.
    #[error("no root element")]
    NoRoot,
    /// Content after the root element.
    #[error("content after the root element")]
    AfterRoot,
    /// A DOCTYPE declares entities (which are never expanded).
    #[error("the DOCTYPE declares entities")]
    EntityDeclaration,
    /// A [`SmilLimits`] bound was exceeded.
    #[error("more {what} than the limit of {limit}")]
    LimitExceeded {
        /// What (`slides`, `media elements`, `regions`, `nesting levels`).
        what: &'static str,
        /// The limit.
        limit: usize,
    },
    /// The document is not valid UTF-8.
    #[error("invalid UTF-8")]
    InvalidUtf8,
    /// The part's charset cannot be read by this build.
    #[error("charset {0} is not supported by this build")]
    UnsupportedCharset(Charset),
    /// The part's Content-Transfer-Encoding could not be undone.
    #[error("the Content-Transfer-Encoding cannot be undone")]
    TransferEncoding,
}

/// Text from a document as an error message quotes it: the C0 and C1
/// controls, DEL, the bidi controls, the line and paragraph separators and
/// the byte order mark as `\u{…}`, so that a message that quotes an
/// element name cannot drive the terminal it is printed on.
struct Escaped<'a>(&'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write as _;
        for c in self.0.chars() {
            let hidden = matches!(
                c,
                '\u{061c}'
                    | '\u{200e}'
                    | '\u{200f}'
                    | '\u{202a}'..='\u{202e}'
                    | '\u{2066}'..='\u{2069}'
                    | '\u{2028}'
                    | '\u{2029}'
                    | '\u{feff}'
            );
            if c.is_control() || hidden {
                write!(f, "{}", c.escape_unicode())?;
            } else {
                f.write_char(c)?;
            }
        }
        Ok(())
    }
}

/// A SMIL document that could not be read: where (the byte offset in the
/// document), what was expected there, and what was wrong.
///
/// ```
/// use mms_pdu::smil::{Presentation, SmilErrorKind};
/// let err = Presentation::parse("<html><body/></html>").unwrap_err();
/// assert_eq!((err.offset(), err.expected()), (0, "<smil>"));
/// assert_eq!(err.kind(), &SmilErrorKind::NotSmil("html".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[error("SMIL at offset {offset}: {kind}; expected {expected}")]
pub struct SmilError {
    offset: usize,
    expected: &'static str,
    kind: SmilErrorKind,
}

impl SmilError {
    /// Builds an error.
    pub fn new(offset: usize, expected: &'static str, kind: SmilErrorKind) -> Self {
        SmilError {
            offset,
            expected,
            kind,
        }
    }
    /// The byte offset in the document (for a part in a charset other than
    /// UTF-8, in its UTF-8 transcoding).
    pub fn offset(&self) -> usize {
        self.offset
    }
    /// What the parser expected there (`<smil>`, `well-formed XML`, `fewer slides`, …).
    pub fn expected(&self) -> &'static str {
        self.expected
    }
    /// What was wrong.
    pub fn kind(&self) -> &SmilErrorKind {
        &self.kind
    }
}
