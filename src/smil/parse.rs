//! Reading the MMS SMIL profile with quick-xml's borrowing reader.
//!
//! Elements are matched by local name, case-insensitively, whatever their
//! namespace. The document is walked once with a stack of contexts:
//!
//! ```text
//! smil ─┬─ head ── layout ─┬─ root-layout
//!       │                  └─ region (nested regions flattened)
//!       └─ body ─┬─ par ── media, or par/seq/… whose media join the slide
//!                ├─ seq ── par | media (a sequence of slides, like body)
//!                └─ media (a slide of its own)
//! ```
//!
//! Any other element (`a`, `switch`, `meta`, …) is transparent: its children
//! are read as if they were its parent's.

use alloc::borrow::Cow;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{
    Fit, Length, MediaKind, MediaRef, Presentation, Region, RootLayout, Slide, SmilError,
    SmilErrorKind, SmilLimits, TimeValue,
};

/// Where an element sits, which decides what its children mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// `<smil>` itself: `head`, `body`, or (without a body) slides.
    Smil,
    /// Inside `<head>`: layout elements; media are ignored.
    Head,
    /// A sequence of slides (`body`, or a `seq` in it).
    Sequence,
    /// Inside the `par` of slide `n`: media join it.
    Slide(usize),
    /// Inside a media element or the root layout: children ignored.
    Leaf,
}

/// An open element: its scope and its name (for errors).
struct Open<'a> {
    scope: Scope,
    name: &'a str,
}

/// Longest element name repeated in an error message.
const MAX_NAME_IN_ERROR: usize = 64;

fn err(offset: usize, expected: &'static str, kind: SmilErrorKind) -> SmilError {
    SmilError::new(offset, expected, kind)
}

fn clipped_name(name: &[u8]) -> String {
    let cut = &name[..name.len().min(MAX_NAME_IN_ERROR)];
    String::from_utf8_lossy(cut).into_owned()
}

/// Parses UTF-8 octets: BOM skipped, invalid UTF-8 an error at its offset.
/// A UTF-16 BOM switches to UTF-16 (the result then owns its text).
pub(super) fn parse_bytes<'a>(
    bytes: &'a [u8],
    limits: &SmilLimits,
) -> Result<Presentation<'a>, SmilError> {
    if bytes.starts_with(&[0xFE, 0xFF]) || bytes.starts_with(&[0xFF, 0xFE]) {
        let text = crate::wsp::charset::decode(Some(crate::wsp::Charset::UTF_16), bytes)
            .map_err(|e| {
                err(
                    0,
                    "a supported charset",
                    SmilErrorKind::UnsupportedCharset(e.charset),
                )
            })?
            .text;
        return parse(&text, 0, limits).map(Presentation::into_owned);
    }
    let (body, base) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(b) => (b, 3),
        None => (bytes, 0),
    };
    match core::str::from_utf8(body) {
        Ok(s) => parse(s, base, limits),
        Err(e) => Err(err(
            base + e.valid_up_to(),
            "UTF-8 text",
            SmilErrorKind::InvalidUtf8,
        )),
    }
}

/// Parses a document; `base` is added to every offset reported.
pub(super) fn parse<'a>(
    xml: &'a str,
    base: usize,
    limits: &SmilLimits,
) -> Result<Presentation<'a>, SmilError> {
    let (xml, base) = match xml.strip_prefix('\u{FEFF}') {
        Some(rest) => (rest, base + '\u{FEFF}'.len_utf8()),
        None => (xml, base),
    };
    let mut p = Parser {
        xml,
        base,
        limits,
        out: Presentation::default(),
        stack: Vec::new(),
        media_count: 0,
        seen_root: false,
    };
    p.run()?;
    Ok(p.out)
}

struct Parser<'a, 'l> {
    xml: &'a str,
    base: usize,
    limits: &'l SmilLimits,
    out: Presentation<'a>,
    stack: Vec<Open<'a>>,
    media_count: usize,
    seen_root: bool,
}

impl<'a> Parser<'a, '_> {
    fn run(&mut self) -> Result<(), SmilError> {
        let mut reader = Reader::from_str(self.xml);
        let config = reader.config_mut();
        config.trim_text(true);
        config.check_end_names = true;
        loop {
            let event = match reader.read_event() {
                Ok(e) => e,
                Err(e) => {
                    let at = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                    let expected = match &e {
                        quick_xml::Error::IllFormed(_) => "well-formed XML",
                        quick_xml::Error::InvalidAttr(_) => "an attribute",
                        _ => "XML",
                    };
                    return Err(err(
                        self.base.saturating_add(at),
                        expected,
                        SmilErrorKind::Xml(e.to_string()),
                    ));
                }
            };
            match event {
                Event::Start(e) => self.open(&e, false)?,
                Event::Empty(e) => self.open(&e, true)?,
                Event::End(_) => {
                    self.stack.pop();
                }
                Event::DocType(t) if contains_ignore_case(&t, b"<!ENTITY") => {
                    let at = self.offset_in_xml(&t).unwrap_or(0);
                    return Err(err(
                        self.base + at,
                        "a DOCTYPE without entity declarations",
                        SmilErrorKind::EntityDeclaration,
                    ));
                }
                Event::Eof => break,
                // Text, CDATA, comments, processing instructions, the XML
                // declaration and entity references in text carry nothing
                // of the model. No entity is ever expanded.
                _ => {}
            }
        }
        if let Some(open) = self.stack.last() {
            return Err(err(
                self.base + self.xml.len(),
                "the end tag",
                SmilErrorKind::Unclosed(clipped_name(open.name.as_bytes())),
            ));
        }
        if !self.seen_root {
            return Err(err(
                self.base + self.xml.len(),
                "<smil>",
                SmilErrorKind::NoRoot,
            ));
        }
        Ok(())
    }

    /// The offset of a slice of the document, when it is one.
    fn offset_in_xml(&self, part: &[u8]) -> Option<usize> {
        crate::offset_of(self.xml.as_bytes(), part)
    }

    /// The document's own text for a slice of it, so that values borrow
    /// for `'a` rather than for the event's lifetime.
    fn borrow(&self, part: &[u8]) -> Option<&'a str> {
        let at = self.offset_in_xml(part)?;
        self.xml.get(at..at + part.len())
    }

    fn open(&mut self, e: &BytesStart<'_>, empty: bool) -> Result<(), SmilError> {
        // `e` holds the tag between `<` and `>`.
        let at = self.base + self.offset_in_xml(e).map_or(0, |o| o.saturating_sub(1));
        if self.stack.len() >= self.limits.max_depth {
            return Err(err(
                at,
                "fewer nesting levels",
                SmilErrorKind::LimitExceeded {
                    what: "nesting levels",
                    limit: self.limits.max_depth,
                },
            ));
        }
        let local = e.local_name();
        let name = local.as_ref();
        let parent = match self.stack.last() {
            Some(o) => o.scope,
            None if self.seen_root => {
                return Err(err(at, "the end of the document", SmilErrorKind::AfterRoot))
            }
            None => {
                if !name.eq_ignore_ascii_case(b"smil") {
                    return Err(err(
                        at,
                        "<smil>",
                        SmilErrorKind::NotSmil(clipped_name(name)),
                    ));
                }
                self.seen_root = true;
                self.push(Scope::Smil, name, empty);
                return Ok(());
            }
        };
        let is = |n: &str| name.eq_ignore_ascii_case(n.as_bytes());
        let scope = if parent == Scope::Leaf {
            Scope::Leaf
        } else if is("head") {
            Scope::Head
        } else if is("body") {
            Scope::Sequence
        } else if is("root-layout") {
            if self.out.layout.root.is_none() {
                self.out.layout.root = Some(self.root_layout(e, at)?);
            }
            Scope::Leaf
        } else if is("region") {
            if self.out.layout.regions.len() >= self.limits.max_regions {
                return Err(self.limit(at, "regions", self.limits.max_regions));
            }
            let r = self.region(e, at)?;
            self.out.layout.regions.push(r);
            parent
        } else if is("par") || is("seq") || is("excl") {
            match parent {
                Scope::Smil | Scope::Sequence if is("par") => {
                    let duration = self
                        .attr_value(e, at, "dur")?
                        .and_then(|d| parse_clock_value(&d));
                    Scope::Slide(self.new_slide(duration, at)?)
                }
                Scope::Smil => Scope::Sequence,
                other => other,
            }
        } else if let Some(kind) = core::str::from_utf8(name)
            .ok()
            .and_then(MediaKind::from_element)
        {
            let slide = match parent {
                Scope::Slide(k) => Some(k),
                Scope::Smil | Scope::Sequence => Some(self.new_slide(None, at)?),
                _ => None,
            };
            if let Some(k) = slide {
                if self.media_count >= self.limits.max_media {
                    return Err(self.limit(at, "media elements", self.limits.max_media));
                }
                let m = self.media(kind, e, at)?;
                self.media_count += 1;
                self.out.slides[k].media.push(m);
            }
            Scope::Leaf
        } else {
            parent
        };
        self.push(scope, name, empty);
        Ok(())
    }

    fn push(&mut self, scope: Scope, name: &[u8], empty: bool) {
        if !empty {
            let name = self.borrow(name).unwrap_or("?");
            self.stack.push(Open { scope, name });
        }
    }

    fn limit(&self, at: usize, what: &'static str, limit: usize) -> SmilError {
        let expected = match what {
            "slides" => "fewer slides",
            "regions" => "fewer regions",
            _ => "fewer media elements",
        };
        err(at, expected, SmilErrorKind::LimitExceeded { what, limit })
    }

    fn new_slide(&mut self, duration: Option<u64>, at: usize) -> Result<usize, SmilError> {
        if self.out.slides.len() >= self.limits.max_slides {
            return Err(self.limit(at, "slides", self.limits.max_slides));
        }
        self.out.slides.push(Slide {
            duration,
            media: Vec::new(),
        });
        Ok(self.out.slides.len() - 1)
    }

    /// Calls `f` with each attribute's lower-cased local name and value.
    /// Without duplicate checks (the first of a repeated name is kept by
    /// the callers), so one pass, linear in the tag.
    fn attrs(
        &self,
        e: &BytesStart<'_>,
        at: usize,
        mut f: impl FnMut(&[u8], Cow<'a, str>),
    ) -> Result<(), SmilError> {
        let mut it = e.attributes();
        it.with_checks(false);
        for a in it {
            let a = a.map_err(|x| {
                use quick_xml::events::attributes::AttrError as A;
                let rel = match x {
                    A::ExpectedEq(p)
                    | A::ExpectedValue(p)
                    | A::UnquotedValue(p)
                    | A::ExpectedQuote(p, _)
                    | A::Duplicated(p, _) => p,
                };
                // Positions count from the octet after the tag's `<`.
                err(
                    at + 1 + rel,
                    "an attribute",
                    SmilErrorKind::Xml(x.to_string()),
                )
            })?;
            if a.value.len() > self.limits.max_value_len {
                let pos = self.offset_in_xml(&a.value).map_or(at, |o| self.base + o);
                return Err(err(
                    pos,
                    "a shorter attribute value",
                    SmilErrorKind::LimitExceeded {
                        what: "bytes in an attribute value",
                        limit: self.limits.max_value_len,
                    },
                ));
            }
            let value = self.value(&a.value);
            let mut key = [0u8; 20];
            let local = a.key.local_name();
            let local = local.as_ref();
            if local.len() <= key.len() {
                key[..local.len()].copy_from_slice(local);
                key[..local.len()].make_ascii_lowercase();
                f(&key[..local.len()], value);
            }
        }
        Ok(())
    }

    /// One attribute's value.
    fn attr_value(
        &self,
        e: &BytesStart<'_>,
        at: usize,
        name: &str,
    ) -> Result<Option<Cow<'a, str>>, SmilError> {
        let mut out = None;
        self.attrs(e, at, |k, v| {
            if out.is_none() && k == name.as_bytes() {
                out = Some(v);
            }
        })?;
        Ok(out)
    }

    /// An attribute value: borrowed from the document, unescaped (and so
    /// owned) only when it holds a reference. A reference that is not one
    /// of XML's five or a character reference is kept as written.
    fn value(&self, raw: &[u8]) -> Cow<'a, str> {
        let s: Cow<'a, str> = match self.borrow(raw) {
            Some(s) => Cow::Borrowed(s),
            None => Cow::Owned(String::from_utf8_lossy(raw).into_owned()),
        };
        if !s.contains('&') {
            return s;
        }
        match quick_xml::escape::unescape(&s) {
            Ok(u) => Cow::Owned(u.into_owned()),
            Err(_) => s,
        }
    }

    fn root_layout(&self, e: &BytesStart<'_>, at: usize) -> Result<RootLayout<'a>, SmilError> {
        let mut r = RootLayout::default();
        self.attrs(e, at, |k, v| match k {
            b"width" if r.width.is_none() => r.width = Length::parse(&v),
            b"height" if r.height.is_none() => r.height = Length::parse(&v),
            b"background-color" | b"backgroundcolor" if r.background.is_none() => {
                r.background = Some(v)
            }
            _ => {}
        })?;
        Ok(r)
    }

    fn region(&self, e: &BytesStart<'_>, at: usize) -> Result<Region<'a>, SmilError> {
        let mut r = Region::default();
        let mut id = None;
        self.attrs(e, at, |k, v| match k {
            b"id" | b"regionname" if id.is_none() => id = Some(v),
            b"top" if r.top.is_none() => r.top = Length::parse(&v),
            b"left" if r.left.is_none() => r.left = Length::parse(&v),
            b"width" if r.width.is_none() => r.width = Length::parse(&v),
            b"height" if r.height.is_none() => r.height = Length::parse(&v),
            b"fit" if r.fit.is_none() => r.fit = Some(Fit::parse(v)),
            _ => {}
        })?;
        r.id = id.unwrap_or(Cow::Borrowed(""));
        Ok(r)
    }

    fn media(
        &self,
        kind: MediaKind,
        e: &BytesStart<'_>,
        at: usize,
    ) -> Result<MediaRef<'a>, SmilError> {
        let mut m = MediaRef {
            kind,
            src: None,
            region: None,
            begin: None,
            end: None,
            dur: None,
            alt: None,
            part: None,
        };
        self.attrs(e, at, |k, v| match k {
            b"src" if m.src.is_none() => m.src = Some(v),
            b"region" if m.region.is_none() => m.region = Some(v),
            b"begin" if m.begin.is_none() => m.begin = Some(TimeValue::parse(v)),
            b"end" if m.end.is_none() => m.end = Some(TimeValue::parse(v)),
            b"dur" if m.dur.is_none() => m.dur = Some(TimeValue::parse(v)),
            b"alt" if m.alt.is_none() => m.alt = Some(v),
            _ => {}
        })?;
        Ok(m)
    }
}

fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// Most fraction digits read; further ones are below a nanosecond.
const MAX_FRACTION_DIGITS: usize = 9;

/// `DIGIT+ ("." DIGIT*)?`: the integer and the fraction (as numerator and
/// number of digits, at most [`MAX_FRACTION_DIGITS`] kept).
fn decimal(s: &str) -> Option<(u64, u64, u32)> {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, f),
        None => (s, ""),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() && frac.is_empty() || !digits(int) || !digits(frac) {
        return None;
    }
    let int_v = if int.is_empty() {
        0
    } else {
        int.parse::<u64>().ok()?
    };
    let kept = &frac[..frac.len().min(MAX_FRACTION_DIGITS)];
    let frac_v = if kept.is_empty() {
        0
    } else {
        kept.parse::<u64>().ok()?
    };
    Some((int_v, frac_v, kept.len() as u32))
}

/// `int.frac` units of `unit_ms` milliseconds, truncated to the millisecond.
fn scaled(int: u64, frac: u64, digits: u32, unit_ms: u64) -> Option<u64> {
    // frac < 10^9 and unit_ms <= 3.6e6: the product fits in a u64.
    let part = frac * unit_ms / 10u64.pow(digits);
    int.checked_mul(unit_ms)?.checked_add(part)
}

/// A SMIL clock value in milliseconds (SMIL 2.0 Timing and Synchronization
/// module, *Clock values*):
///
/// ```text
/// Clock-value       = Full-clock-value | Partial-clock-value | Timecount-value
/// Full-clock-value  = Hours ":" Minutes ":" Seconds ("." Fraction)?
/// Partial-clock-value = Minutes ":" Seconds ("." Fraction)?
/// Timecount-value   = Timecount ("." Fraction)? ("h" | "min" | "s" | "ms")?   ; default s
/// ```
///
/// Leniently: surrounding white space, metrics in any case, a fraction
/// without integer digits (`.5s`), minutes and seconds of one digit or
/// above 59. Sub-millisecond fractions are truncated; `None` for anything
/// else or a value beyond `u64` milliseconds.
///
/// ```
/// use mms_pdu::smil::parse_clock_value;
/// assert_eq!(parse_clock_value("5000ms"), Some(5000));
/// assert_eq!(parse_clock_value("5s"), Some(5000));
/// assert_eq!(parse_clock_value("5"), Some(5000));
/// assert_eq!(parse_clock_value("0.5s"), Some(500));
/// assert_eq!(parse_clock_value("00:00:05"), Some(5000));
/// assert_eq!(parse_clock_value("02:33"), Some(153_000));
/// assert_eq!(parse_clock_value("1.5min"), Some(90_000));
/// assert_eq!(parse_clock_value("indefinite"), None);
/// ```
pub fn parse_clock_value(s: &str) -> Option<u64> {
    let s = s.trim();
    if s.contains(':') {
        let mut fields = s.split(':');
        let (h, m, sec) = match (fields.next(), fields.next(), fields.next(), fields.next()) {
            (Some(m), Some(sec), None, None) => ("0", m, sec),
            (Some(h), Some(m), Some(sec), None) => (h, m, sec),
            _ => return None,
        };
        let whole = |t: &str| -> Option<u64> {
            if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            t.parse().ok()
        };
        let (h, m) = (whole(h)?, whole(m)?);
        let (si, sf, sd) = decimal(sec)?;
        return h
            .checked_mul(3_600_000)?
            .checked_add(m.checked_mul(60_000)?)?
            .checked_add(scaled(si, sf, sd, 1000)?);
    }
    let lower_end = |suffix: &str| super::strip_suffix_ignore_case(s, suffix);
    let (num, unit) = if let Some(n) = lower_end("ms") {
        (n, 1)
    } else if let Some(n) = lower_end("min") {
        (n, 60_000)
    } else if let Some(n) = lower_end("h") {
        (n, 3_600_000)
    } else if let Some(n) = lower_end("s") {
        (n, 1000)
    } else {
        (s, 1000)
    };
    let (i, f, d) = decimal(num)?;
    scaled(i, f, d, unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_clock_values() {
        for (s, ms) in [
            ("5000ms", Some(5000)),
            ("5000MS", Some(5000)),
            (" 5s ", Some(5000)),
            ("5", Some(5000)),
            ("0.5s", Some(500)),
            (".25s", Some(250)),
            ("2.", Some(2000)),
            ("00:00:05", Some(5000)),
            ("1:02:03.5", Some(3_723_500)),
            ("10:05", Some(605_000)),
            ("2h", Some(7_200_000)),
            ("0.001ms", Some(0)),
            ("1.1234567890123s", Some(1123)),
            ("18446744073709551615ms", Some(u64::MAX)),
            ("18446744073709551615s", None),
            ("99999999999999999999999", None),
            ("", None),
            (".", None),
            ("s", None),
            ("-5s", None),
            ("5 s", None),
            ("1:2:3:4", None),
            (":5", None),
            ("1e3", None),
            ("５s", None),
        ] {
            assert_eq!(parse_clock_value(s), ms, "{s:?}");
        }
    }

    #[test]
    fn borrows_plain_values_and_owns_unescaped_ones() {
        let xml = r#"<smil><body><img src="a.jpg" alt="Tom &amp; Jerry" region="&unknown;"/></body></smil>"#;
        let p = Presentation::parse(xml).unwrap();
        let m = &p.slides[0].media[0];
        assert!(matches!(m.src, Some(Cow::Borrowed("a.jpg"))));
        assert!(matches!(&m.alt, Some(Cow::Owned(s)) if s == "Tom & Jerry"));
        // An unknown entity is kept as written, never expanded.
        assert_eq!(m.region.as_deref(), Some("&unknown;"));
    }

    #[test]
    fn reports_unclosed_and_trailing_elements() {
        let e = Presentation::parse("<smil><body><par>").unwrap_err();
        assert_eq!(e.kind(), &SmilErrorKind::Unclosed("par".into()));
        assert_eq!(e.offset(), 17);
        let e = Presentation::parse("<smil/><smil/>").unwrap_err();
        assert_eq!((e.kind(), e.offset()), (&SmilErrorKind::AfterRoot, 7));
        let e = Presentation::parse("  <!-- nothing -->").unwrap_err();
        assert_eq!(e.kind(), &SmilErrorKind::NoRoot);
        let e = Presentation::parse("<smil><body></par></smil>").unwrap_err();
        assert!(matches!(e.kind(), SmilErrorKind::Xml(_)), "{e}");
    }

    #[test]
    fn offsets_count_the_bom() {
        let e = Presentation::parse_bytes(b"\xEF\xBB\xBF<html/>").unwrap_err();
        assert_eq!(e.offset(), 3);
        let e = Presentation::parse("\u{FEFF}<html/>").unwrap_err();
        assert_eq!(e.offset(), 3);
    }

    #[test]
    fn reads_utf16_with_a_bom() {
        let mut bytes = alloc::vec![0xFF, 0xFE];
        for u in "<smil><body><text src=\"t.txt\"/></body></smil>".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let p = Presentation::parse_bytes(&bytes).unwrap();
        assert_eq!(p.slides[0].media[0].src.as_deref(), Some("t.txt"));
    }

    #[test]
    fn flattens_nested_time_containers_into_the_slide() {
        let xml = "<smil><body><seq><par dur='3s'><a href='x'><img src='a'/></a>\
                   <seq><audio src='b'/></seq><switch><text src='c'/></switch></par></seq>\
                   <video src='d' dur='indefinite'/></body></smil>";
        let p = Presentation::parse(xml).unwrap();
        assert_eq!(p.slides.len(), 2);
        let srcs: Vec<_> = p.slides[0]
            .media
            .iter()
            .map(|m| m.src.as_deref().unwrap())
            .collect();
        assert_eq!(srcs, ["a", "b", "c"]);
        assert_eq!(p.slides[1].duration, None);
        assert_eq!(p.slides[1].media[0].dur, Some(TimeValue::Indefinite));
    }

    #[test]
    fn ignores_media_in_the_head_and_children_of_media() {
        let xml = "<smil><head><img src='x'/></head><body><par>\
                   <text src='t'><param name='foreground-color' value='#000'/><img src='y'/></text>\
                   </par></body></smil>";
        let p = Presentation::parse(xml).unwrap();
        assert_eq!(p.media().count(), 1);
    }
}
