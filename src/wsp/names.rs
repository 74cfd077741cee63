//! Names of parts: the file name a part gives itself, finding a part by
//! its Content-ID, Content-Location or name, and the usual file extension
//! of a media type.
//!
//! A part names itself in three places, read in this order:
//! - the `filename` parameter of its Content-Disposition (WAP-230 §8.4.2.53,
//!   `Content-disposition-value = Value-length Disposition *(Parameter)`;
//!   the parameter: WAP-230 Table 38, `Filename` 0x06 and 0x18);
//! - the `name` parameter of its Content-Type (WAP-230 Table 38, `Name` 0x05
//!   and 0x17);
//! - its Content-Location (WAP-230 §8.4.2.21, `Content-location-value =
//!   Uri-value`), the way MMS_ENC 1.3 §8 has SMIL refer to parts.
//!
//! These are what the sender wrote: a name may hold `/`, `..`, control
//! characters or a device name. Clean it before using it as a path.

use alloc::borrow::Cow;
use alloc::string::String;

use super::{Media, Multipart, ParamValue, Parameter, Part, WspHeader};

/// The text of a `name` / `filename` parameter among `params`.
fn param_text<'p>(params: &'p [Parameter<'_>], name: &str) -> Option<Cow<'p, str>> {
    params
        .iter()
        .filter(|p| p.name.name() == name)
        .find_map(|p| match &p.value {
            ParamValue::Text(t) => Some(t.to_string_lossy()),
            ParamValue::TextValue(t) => Some(String::from_utf8_lossy(t.text())),
            _ => None,
        })
        .filter(|s| !s.trim().is_empty())
}

/// A Content-ID without its angle brackets (RFC 2392 `<id>`) or a `cid:`
/// URL prefix (RFC 2392 §2), and without surrounding white space.
fn bare_content_id(id: &str) -> &str {
    let id = id.trim();
    let id = match id.get(..4) {
        Some(p) if p.eq_ignore_ascii_case("cid:") => &id[4..],
        _ => id,
    };
    let id = id.trim();
    id.strip_prefix('<')
        .and_then(|i| i.strip_suffix('>'))
        .unwrap_or(id)
        .trim()
}

impl Part<'_> {
    /// The file name the part gives itself: the Content-Disposition
    /// `filename`, else the Content-Type `name` parameter, else the
    /// Content-Location; `None` when it has none of them.
    ///
    /// The name is the sender's: it may be a path, a URL or hostile (`..`,
    /// control characters). `mmsdump --extract` shows one way to make a
    /// safe file name of it.
    ///
    /// ```
    /// use mms_pdu::wsp::{ContentType, Media, ParamValue, Parameter, Part, Text, WspHeader};
    /// let ct = ContentType::new(Media::from_name("image/jpeg"))
    ///     .with(Parameter::typed(0x05, ParamValue::Text(Text::new("IMG_0001.jpg")?)));
    /// let mut p = Part::new(ct, &b"\xFF\xD8\xFF\xD9"[..]);
    /// assert_eq!(p.filename().as_deref(), Some("IMG_0001.jpg"));
    /// p.content_type = ContentType::new(Media::from_name("image/jpeg"));
    /// assert_eq!(p.filename(), None);
    /// p.headers.push(WspHeader::ContentLocation(Text::new("cat.jpg")?));
    /// assert_eq!(p.filename().as_deref(), Some("cat.jpg"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn filename(&self) -> Option<Cow<'_, str>> {
        let disposition = self.headers.iter().find_map(|h| match h {
            WspHeader::ContentDisposition { params, .. } => param_text(params, "filename"),
            _ => None,
        });
        disposition
            .or_else(|| param_text(self.content_type.params(), "name"))
            .or_else(|| {
                self.content_location()
                    .map(|l| l.to_string_lossy())
                    .filter(|l| !l.trim().is_empty())
            })
    }
}

impl<'a> Multipart<'a> {
    /// The part whose Content-ID is `id`, nested parts included (depth
    /// first, as [`Multipart::walk`]). Both sides are compared without
    /// angle brackets and without a `cid:` prefix, so `"<img1>"`,
    /// `"img1"` and `"cid:img1"` find the same part.
    ///
    /// ```
    /// use mms_pdu::wsp::{ContentType, Media, Multipart, Part, Text, WspHeader};
    /// let mut p = Part::new(ContentType::new(Media::from_name("image/gif")), &b"GIF89a"[..]);
    /// p.headers.push(WspHeader::ContentId { id: Text::new("<img1>")?, quoted: true });
    /// let body = Multipart { parts: vec![p], ..Multipart::default() };
    /// assert!(body.part_by_content_id("cid:img1").is_some());
    /// assert!(body.part_by_content_id("img1").is_some());
    /// assert!(body.part_by_content_id("<img2>").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn part_by_content_id(&self, id: &str) -> Option<&Part<'a>> {
        let want = bare_content_id(id);
        if want.is_empty() {
            return None;
        }
        self.walk().find(|p| {
            p.content_id()
                .is_some_and(|c| bare_content_id(&c.to_string_lossy()) == want)
        })
    }

    /// The part whose Content-Location is `location` (surrounding white
    /// space ignored), nested parts included.
    ///
    /// ```
    /// use mms_pdu::wsp::{ContentType, Media, Multipart, Part, Text, WspHeader};
    /// let mut p = Part::new(ContentType::new(Media::from_name("text/plain")), &b"Hi"[..]);
    /// p.headers.push(WspHeader::ContentLocation(Text::new("text_0.txt")?));
    /// let body = Multipart { parts: vec![p], ..Multipart::default() };
    /// assert_eq!(body.part_by_location("text_0.txt").map(|p| &p.data[..]), Some(&b"Hi"[..]));
    /// assert!(body.part_by_location("text_1.txt").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn part_by_location(&self, location: &str) -> Option<&Part<'a>> {
        let want = location.trim();
        if want.is_empty() {
            return None;
        }
        self.walk().find(|p| {
            p.content_location()
                .is_some_and(|l| l.to_string_lossy().trim() == want)
        })
    }

    /// The part named `name` by its Content-Type `name` parameter or its
    /// Content-Disposition `filename`, nested parts included.
    ///
    /// ```
    /// use mms_pdu::wsp::{ContentType, Disposition, Media, Multipart, ParamValue, Parameter, Part, Text, WspHeader};
    /// let mut p = Part::new(ContentType::new(Media::from_name("audio/amr")), &b"#!AMR\n"[..]);
    /// p.headers.push(WspHeader::ContentDisposition {
    ///     code: 0x2E,
    ///     disposition: Disposition::Attachment,
    ///     params: vec![Parameter::typed(0x06, ParamValue::Text(Text::new("voice.amr")?))],
    /// });
    /// let body = Multipart { parts: vec![p], ..Multipart::default() };
    /// assert!(body.part_by_name("voice.amr").is_some());
    /// assert!(body.part_by_name("voice").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn part_by_name(&self, name: &str) -> Option<&Part<'a>> {
        let want = name.trim();
        if want.is_empty() {
            return None;
        }
        let is = |v: Option<Cow<'_, str>>| v.is_some_and(|v| v.trim() == want);
        self.walk().find(|p| {
            is(param_text(p.content_type.params(), "name"))
                || p.headers.iter().any(|h| match h {
                    WspHeader::ContentDisposition { params, .. } => {
                        is(param_text(params, "filename"))
                    }
                    _ => false,
                })
        })
    }
}

/// Media types and the file extension each is usually saved under (IANA
/// media types; the MMS content classes of OMA MMS CONF 1.3 §A).
const EXTENSIONS: &[(&str, &str)] = &[
    ("image/jpeg", "jpg"),
    ("image/jpg", "jpg"),
    ("image/pjpeg", "jpg"),
    ("image/png", "png"),
    ("image/gif", "gif"),
    ("image/bmp", "bmp"),
    ("image/x-ms-bmp", "bmp"),
    ("image/vnd.wap.wbmp", "wbmp"),
    ("image/webp", "webp"),
    ("image/heic", "heic"),
    ("image/heif", "heif"),
    ("image/svg+xml", "svg"),
    ("image/tiff", "tif"),
    ("audio/amr", "amr"),
    ("audio/amr-wb", "awb"),
    ("audio/mpeg", "mp3"),
    ("audio/mp3", "mp3"),
    ("audio/mp4", "m4a"),
    ("audio/aac", "aac"),
    ("audio/3gpp", "3gp"),
    ("audio/ogg", "ogg"),
    ("audio/wav", "wav"),
    ("audio/x-wav", "wav"),
    ("audio/midi", "mid"),
    ("audio/mid", "mid"),
    ("audio/sp-midi", "mid"),
    ("audio/imelody", "imy"),
    ("video/3gpp", "3gp"),
    ("video/3gpp2", "3g2"),
    ("video/mp4", "mp4"),
    ("video/mpeg", "mpg"),
    ("video/quicktime", "mov"),
    ("video/webm", "webm"),
    ("text/plain", "txt"),
    ("text/html", "html"),
    ("text/x-vcard", "vcf"),
    ("text/vcard", "vcf"),
    ("text/x-vcalendar", "vcs"),
    ("text/calendar", "ics"),
    ("text/vnd.wap.wml", "wml"),
    ("application/smil", "smil"),
    ("application/vnd.wap.mms-message", "mms"),
    ("application/vnd.wap.wmlc", "wmlc"),
    ("application/pdf", "pdf"),
    ("application/octet-stream", "bin"),
];

impl Media<'_> {
    /// The file extension a file of this media type is usually saved
    /// under, without the dot (`jpg` for image/jpeg, `amr` for audio/amr,
    /// `smil` for application/smil); `None` for a type the table does not
    /// know. The type is compared without regard to case.
    ///
    /// ```
    /// use mms_pdu::wsp::Media;
    /// assert_eq!(Media::from_name("image/jpeg").extension(), Some("jpg"));
    /// assert_eq!(Media::from_name("Audio/AMR").extension(), Some("amr"));
    /// assert_eq!(Media::WellKnown(0x03).extension(), Some("txt")); // text/plain
    /// assert_eq!(Media::from_name("application/x-unheard-of").extension(), None);
    /// ```
    pub fn extension(&self) -> Option<&'static str> {
        let name = self.name();
        EXTENSIONS
            .iter()
            .find(|(m, _)| m.eq_ignore_ascii_case(name.trim()))
            .map(|(_, e)| *e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wsp::{ContentType, Text};

    #[test]
    fn content_ids_compare_bare() {
        assert_eq!(bare_content_id(" <a@b> "), "a@b");
        assert_eq!(bare_content_id("CID:<a@b>"), "a@b");
        assert_eq!(bare_content_id("cid:a@b"), "a@b");
        assert_eq!(bare_content_id("<>"), "");
        assert_eq!(bare_content_id("<"), "<");
    }

    #[test]
    fn nested_parts_are_found_and_empty_keys_find_nothing() {
        let mut leaf = Part::new(ContentType::new(Media::from_name("image/png")), &b"x"[..]);
        leaf.headers.push(WspHeader::ContentId {
            id: Text::new("<deep>").unwrap(),
            quoted: true,
        });
        leaf.headers
            .push(WspHeader::ContentLocation(Text::new("deep.png").unwrap()));
        let inner = Multipart {
            parts: alloc::vec![leaf],
            ..Multipart::default()
        };
        let mut outer_part = Part::new(
            ContentType::new(Media::from_name("application/vnd.wap.multipart.mixed")),
            &b""[..],
        );
        outer_part.nested = Some(inner);
        let body = Multipart {
            parts: alloc::vec![outer_part],
            ..Multipart::default()
        };
        assert!(body.part_by_content_id("deep").is_some());
        assert!(body.part_by_location(" deep.png ").is_some());
        assert!(body.part_by_content_id("<>").is_none());
        assert!(body.part_by_location("").is_none());
        assert!(body.part_by_name(" ").is_none());
        assert_eq!(
            body.walk().nth(1).and_then(Part::filename).as_deref(),
            Some("deep.png")
        );
    }

    #[test]
    fn every_extension_is_a_plain_word() {
        for (media, ext) in EXTENSIONS {
            assert!(media.contains('/'), "{media}");
            assert!(
                !ext.is_empty() && ext.bytes().all(|b| b.is_ascii_alphanumeric()),
                "{ext}"
            );
        }
    }
}
