//! Writing SMIL: any [`Presentation`] back to XML, and the layout the big
//! clients give new messages.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use quick_xml::escape::escape;

use super::{Fit, Layout, Length, MediaKind, MediaRef, Presentation, Region, RootLayout, Slide};

/// The region images and video go to in [`Layout::standard`].
pub const IMAGE_REGION: &str = "Image";
/// The region text goes to in [`Layout::standard`].
pub const TEXT_REGION: &str = "Text";
/// The slide duration [`SlideContent::new`] starts with, in milliseconds.
pub const DEFAULT_SLIDE_MS: u64 = 5000;

impl Layout<'static> {
    /// The layout Android's messaging app writes: a 320×480 root layout,
    /// the `Image` region on the top 80 % (`fit="meet"`), the `Text`
    /// region on the bottom 20 % (`fit="scroll"`).
    ///
    /// ```
    /// use mms_pdu::smil::{Layout, Length};
    /// let l = Layout::standard();
    /// assert_eq!(l.region("Text").unwrap().top, Some(Length::Percent(80)));
    /// ```
    pub fn standard() -> Self {
        let region = |id: &'static str, top: u32, height: u32, fit: Fit<'static>| Region {
            id: Cow::Borrowed(id),
            top: Some(Length::Percent(top)),
            left: Some(Length::Percent(0)),
            width: Some(Length::Percent(100)),
            height: Some(Length::Percent(height)),
            fit: Some(fit),
        };
        Layout {
            root: Some(RootLayout {
                width: Some(Length::Px(320)),
                height: Some(Length::Px(480)),
                background: None,
            }),
            regions: alloc::vec![
                region(IMAGE_REGION, 0, 80, Fit::Meet),
                region(TEXT_REGION, 80, 20, Fit::Scroll),
            ],
        }
    }
}

/// Writes ` name="value"`, escaped. (Pieces written one by one: no
/// formatting machinery, which would cost more than the octets.)
fn attr(out: &mut impl fmt::Write, name: &str, value: &str) -> fmt::Result {
    out.write_char(' ')?;
    out.write_str(name)?;
    out.write_str("=\"")?;
    out.write_str(&escape(value))?;
    out.write_char('"')
}

/// Writes `v` in decimal.
fn decimal(out: &mut impl fmt::Write, mut v: u64) -> fmt::Result {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    // ASCII digits are UTF-8.
    out.write_str(core::str::from_utf8(&digits[k..]).unwrap_or("0"))
}

/// Writes a length: `320`, `80%`.
fn length(out: &mut impl fmt::Write, v: Length) -> fmt::Result {
    match v {
        Length::Px(v) => decimal(out, u64::from(v)),
        Length::Percent(v) => {
            decimal(out, u64::from(v))?;
            out.write_char('%')
        }
    }
}

fn opt_attr(out: &mut impl fmt::Write, name: &str, value: Option<&str>) -> fmt::Result {
    match value {
        Some(v) => attr(out, name, v),
        None => Ok(()),
    }
}

fn length_attr(out: &mut impl fmt::Write, name: &str, value: Option<Length>) -> fmt::Result {
    match value {
        Some(v) => {
            out.write_char(' ')?;
            out.write_str(name)?;
            out.write_str("=\"")?;
            length(out, v)?;
            out.write_char('"')
        }
        None => Ok(()),
    }
}

fn media(out: &mut impl fmt::Write, m: &MediaRef<'_>) -> fmt::Result {
    out.write_char('<')?;
    out.write_str(m.kind.element())?;
    opt_attr(out, "src", m.src.as_deref())?;
    opt_attr(out, "region", m.region.as_deref())?;
    for (name, t) in [("begin", &m.begin), ("end", &m.end), ("dur", &m.dur)] {
        match t {
            Some(super::TimeValue::Ms(v)) => {
                out.write_char(' ')?;
                out.write_str(name)?;
                out.write_str("=\"")?;
                decimal(out, *v)?;
                out.write_str("ms\"")?;
            }
            Some(t) => attr(out, name, &alloc::format!("{t}"))?,
            None => {}
        }
    }
    opt_attr(out, "alt", m.alt.as_deref())?;
    out.write_str("/>")
}

impl fmt::Display for Presentation<'_> {
    /// The SMIL document (see [`Presentation::to_xml`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_xml(f)
    }
}

impl Presentation<'_> {
    /// Writes the document into `f` (a `String` directly, or a formatter).
    fn write_xml(&self, f: &mut impl fmt::Write) -> fmt::Result {
        f.write_str("<smil>")?;
        write_head(&self.layout, f)?;
        write_body(&self.slides, f)
    }
}

/// `<head>` with the layout, when there is one.
fn write_head(l: &Layout<'_>, f: &mut impl fmt::Write) -> fmt::Result {
    {
        if l.root.is_some() || !l.regions.is_empty() {
            f.write_str("<head><layout>")?;
            if let Some(r) = &l.root {
                f.write_str("<root-layout")?;
                length_attr(f, "width", r.width)?;
                length_attr(f, "height", r.height)?;
                opt_attr(f, "background-color", r.background.as_deref())?;
                f.write_str("/>")?;
            }
            for r in &l.regions {
                f.write_str("<region")?;
                attr(f, "id", &r.id)?;
                length_attr(f, "top", r.top)?;
                length_attr(f, "left", r.left)?;
                length_attr(f, "width", r.width)?;
                length_attr(f, "height", r.height)?;
                opt_attr(f, "fit", r.fit.as_ref().map(Fit::as_str))?;
                f.write_str("/>")?;
            }
            f.write_str("</layout></head>")?;
        }
        Ok(())
    }
}

/// `<body>` with the slides, and the end of the document.
fn write_body(slides: &[Slide<'_>], f: &mut impl fmt::Write) -> fmt::Result {
    {
        if slides.is_empty() {
            return f.write_str("<body/></smil>");
        }
        f.write_str("<body>")?;
        for s in slides {
            f.write_str("<par")?;
            if let Some(d) = s.duration {
                f.write_str(" dur=\"")?;
                decimal(f, d)?;
                f.write_str("ms\"")?;
            }
            if s.media.is_empty() {
                f.write_str("/>")?;
                continue;
            }
            f.write_char('>')?;
            for m in &s.media {
                media(f, m)?;
            }
            f.write_str("</par>")?;
        }
        f.write_str("</body></smil>")
    }
}

impl<'a> Presentation<'a> {
    /// The SMIL document, in one line: no XML declaration, no namespace
    /// (what the big clients send); `<head>` only when there is a layout;
    /// one `<par>` per slide, its duration in milliseconds; attribute
    /// values escaped. Parsing it gives this presentation back (without
    /// the `part` links).
    ///
    /// ```
    /// use mms_pdu::smil::{Layout, MediaKind, MediaRef, Presentation, Slide};
    /// let p = Presentation {
    ///     layout: Layout::default(),
    ///     slides: vec![Slide {
    ///         duration: Some(5000),
    ///         media: vec![MediaRef::new(MediaKind::Text, "a&b.txt").in_region("Text")],
    ///     }],
    /// };
    /// assert_eq!(
    ///     p.to_xml(),
    ///     r#"<smil><body><par dur="5000ms"><text src="a&amp;b.txt" region="Text"/></par></body></smil>"#
    /// );
    /// assert_eq!(Presentation::parse(&p.to_xml())?, p);
    /// # Ok::<(), mms_pdu::smil::SmilError>(())
    /// ```
    pub fn to_xml(&self) -> String {
        // About what a one-slide presentation in the standard layout takes.
        let mut s = String::with_capacity(384);
        // Writing into a String cannot fail.
        let _ = self.write_xml(&mut s);
        s
    }

    /// The presentation of new slides: [`Layout::standard`] and one slide
    /// per [`SlideContent`], its media pointing at their names (the parts'
    /// Content-Locations).
    ///
    /// ```
    /// use mms_pdu::smil::{Presentation, SlideContent};
    /// let slides = [
    ///     SlideContent::new().image("cat.jpg", "image/jpeg", &b"\xFF\xD8"[..]).text("1.txt", "A cat"),
    ///     SlideContent::new().audio("purr.amr", "audio/amr", &b"#!AMR"[..]).duration_ms(8000),
    /// ];
    /// let xml = Presentation::from_slides(&slides).to_xml();
    /// assert!(xml.contains(r#"<par dur="5000ms"><img src="cat.jpg" region="Image"/><text src="1.txt" region="Text"/></par>"#));
    /// assert!(xml.contains(r#"<par dur="8000ms"><audio src="purr.amr"/></par>"#));
    /// ```
    pub fn from_slides<'s>(slides: &'s [SlideContent<'_>]) -> Presentation<'s> {
        Presentation {
            layout: Layout::standard(),
            slides: slides.iter().map(SlideContent::to_slide).collect(),
        }
    }
}

/// What a [`SlideContent`] item carries.
#[derive(Clone)]
pub(crate) enum ItemData<'a> {
    /// Media octets.
    Bytes(crate::wsp::Data<'a>),
    /// Text, written as a text/plain part.
    Text(String),
}

/// One media item of a new slide.
#[derive(Clone)]
pub(crate) struct Item<'a> {
    pub(crate) kind: MediaKind,
    pub(crate) name: String,
    pub(crate) media_type: String,
    pub(crate) data: ItemData<'a>,
}

/// The content of a slide of a new message: its media (each with the name
/// that becomes the part's Content-Location and Content-ID), an optional
/// text, and how long it shows. For
/// [`SendReqBuilder::slide`](crate::compose::SendReqBuilder::slide)
/// and [`Presentation::from_slides`].
///
/// The MMS SMIL profile allows one image or video, one text and one audio
/// per slide; nothing stops more, but handsets may show only the first.
/// Names must be unique within a message.
///
/// ```
/// use mms_pdu::smil::{MediaKind, SlideContent};
/// let s = SlideContent::new()
///     .image("cat.jpg", "image/jpeg", &b"\xFF\xD8"[..])
///     .text("cat.txt", "My cat")
///     .duration_ms(4000);
/// let slide = s.to_slide();
/// assert_eq!(slide.duration, Some(4000));
/// assert_eq!(slide.media[0].kind, MediaKind::Img);
/// assert_eq!(slide.media[1].src.as_deref(), Some("cat.txt"));
/// ```
#[derive(Clone)]
pub struct SlideContent<'a> {
    pub(crate) items: Vec<Item<'a>>,
    duration_ms: u64,
}

impl fmt::Debug for SlideContent<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.items.iter().map(|i| i.name.as_str()).collect();
        f.debug_struct("SlideContent")
            .field("media", &names)
            .field("duration_ms", &self.duration_ms)
            .finish()
    }
}

impl Default for SlideContent<'_> {
    fn default() -> Self {
        SlideContent {
            items: Vec::new(),
            duration_ms: DEFAULT_SLIDE_MS,
        }
    }
}

impl<'a> SlideContent<'a> {
    /// An empty slide of 5 seconds.
    pub fn new() -> Self {
        Self::default()
    }
    fn push(mut self, kind: MediaKind, name: &str, media_type: &str, data: ItemData<'a>) -> Self {
        self.items.push(Item {
            kind,
            name: String::from(name),
            media_type: String::from(media_type),
            data,
        });
        self
    }
    /// An image (`<img>` in the `Image` region).
    pub fn image(self, name: &str, media_type: &str, data: impl Into<Cow<'a, [u8]>>) -> Self {
        self.push(
            MediaKind::Img,
            name,
            media_type,
            ItemData::Bytes(cow_data(data.into())),
        )
    }
    /// A video (`<video>` in the `Image` region).
    pub fn video(self, name: &str, media_type: &str, data: impl Into<Cow<'a, [u8]>>) -> Self {
        self.push(
            MediaKind::Video,
            name,
            media_type,
            ItemData::Bytes(cow_data(data.into())),
        )
    }
    /// An audio clip (`<audio>`, no region).
    pub fn audio(self, name: &str, media_type: &str, data: impl Into<Cow<'a, [u8]>>) -> Self {
        self.push(
            MediaKind::Audio,
            name,
            media_type,
            ItemData::Bytes(cow_data(data.into())),
        )
    }
    /// A text, as a text/plain part (`<text>` in the `Text` region).
    pub fn text(self, name: &str, text: &str) -> Self {
        self.push(
            MediaKind::Text,
            name,
            "text/plain",
            ItemData::Text(String::from(text)),
        )
    }
    /// Any media, its element chosen by [`MediaKind::for_media_type`]
    /// (a vCard is a `<ref>`).
    pub fn attachment(self, name: &str, media_type: &str, data: impl Into<Cow<'a, [u8]>>) -> Self {
        let kind = MediaKind::for_media_type(media_type);
        self.push(
            kind,
            name,
            media_type,
            ItemData::Bytes(cow_data(data.into())),
        )
    }
    /// Any media held in a shared buffer (its element chosen as by
    /// [`attachment`](Self::attachment)): the part hands the buffer on,
    /// and vectored encoding ([`Pdu::encode_vectored`](crate::Pdu::encode_vectored),
    /// [`Campaign`](crate::compose::Campaign)) writes it without a copy.
    ///
    /// ```
    /// use mms_pdu::smil::SlideContent;
    /// let photo = bytes::Bytes::from(vec![0xFF; 50_000]);
    /// let slide = SlideContent::new().shared("photo.jpg", "image/jpeg", photo.clone());
    /// assert_eq!(slide.to_slide().media[0].src.as_deref(), Some("photo.jpg"));
    /// ```
    pub fn shared(self, name: &str, media_type: &str, data: bytes::Bytes) -> Self {
        let kind = MediaKind::for_media_type(media_type);
        self.push(kind, name, media_type, ItemData::Bytes(data.into()))
    }
    /// How long the slide shows, in milliseconds (5000 by default).
    pub fn duration_ms(mut self, ms: u64) -> Self {
        self.duration_ms = ms;
        self
    }
    /// The SMIL slide that lays this content out: one element per item, in
    /// the order added, `src` its name, images and video in `Image`, text
    /// in `Text`.
    pub fn to_slide(&self) -> Slide<'_> {
        Slide {
            duration: Some(self.duration_ms),
            media: self
                .items
                .iter()
                .map(|i| {
                    let m = MediaRef::new(i.kind, i.name.as_str());
                    match i.kind {
                        MediaKind::Img | MediaKind::Video => m.in_region(IMAGE_REGION),
                        MediaKind::Text => m.in_region(TEXT_REGION),
                        MediaKind::Audio | MediaKind::Ref => m,
                    }
                })
                .collect(),
        }
    }
}

/// The SMIL of `existing` with `slide` appended, when `existing` is a
/// presentation this module wrote (it parses and writes back to the same
/// octets); `None` for a hand-written one, which is left to its author.
pub(crate) fn append_slide(existing: &[u8], slide: Slide<'_>) -> Option<String> {
    let mut p = Presentation::parse_bytes(existing).ok()?;
    if p.to_xml().as_bytes() != existing {
        return None;
    }
    p.slides.push(slide);
    Some(p.to_xml())
}

/// A new presentation in the standard layout with one slide: what
/// [`Presentation::to_xml`] writes for it, the constant opening (the
/// standard layout) written once per process.
pub(crate) fn first_slide(slide: Slide<'_>) -> String {
    static OPENING: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let opening = OPENING.get_or_init(|| {
        let mut s = String::from("<smil>");
        // Writing into a String cannot fail.
        let _ = write_head(&Layout::standard(), &mut s);
        s
    });
    let mut s = String::with_capacity(opening.len() + 192);
    s.push_str(opening);
    let _ = write_body(core::slice::from_ref(&slide), &mut s);
    s
}

fn cow_data(data: Cow<'_, [u8]>) -> crate::wsp::Data<'_> {
    data.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_slide_is_the_presentation_of_one_slide() {
        let content = SlideContent::new()
            .image("a&b.jpg", "image/jpeg", &b"\xFF\xD8"[..])
            .text("t.txt", "hi")
            .duration_ms(1234);
        for _ in 0..2 {
            let whole = Presentation {
                layout: Layout::standard(),
                slides: alloc::vec![content.to_slide()],
            }
            .to_xml();
            assert_eq!(first_slide(content.to_slide()), whole);
            assert_eq!(
                whole,
                alloc::format!("{}", Presentation::parse(&whole).unwrap())
            );
        }
    }
}
