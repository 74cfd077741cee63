//! Building an m-send-req the way a sending client does: addresses checked,
//! From left for the MMSC to fill in, the body a multipart/related around a
//! SMIL part (or a multipart/mixed without one), the size known before
//! sending.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::mms::address::{Address, AddressError};
use crate::mms::message::SendReq;
use crate::mms::typed::Priority;
use crate::mms::{FromValue, MessageClass, Time, Version};
use crate::wsp::encoded_string;
use crate::wsp::{
    Charset, ContentType, EncodedString, Media, Multipart, ParamValue, Parameter, Part, Text,
    TextValue, WspHeader,
};
use crate::{Body, EncodeError};

/// The well-known code of a media type the builder writes, found in the
/// table (`WELL_KNOWN_MEDIA`, WAP-230 Table 40) when the crate compiles
/// rather than on every message: what [`Media::from_name`] finds.
const fn media_code(name: &str) -> Option<u32> {
    let table = crate::wsp::tables::WELL_KNOWN_MEDIA;
    let name = name.as_bytes();
    let mut k = 0;
    while k < table.len() {
        let (code, row) = table[k];
        let row = row.as_bytes();
        if row.len() == name.len() {
            let mut j = 0;
            while j < name.len() && row[j].eq_ignore_ascii_case(&name[j]) {
                j += 1;
            }
            // Codes above 0x4D have no short-integer form: written as text.
            if j == name.len() && code <= 0x4D {
                return Some(code as u32);
            }
        }
        k += 1;
    }
    None
}

/// The media type `name` as [`Media::from_name`] gives it, its code
/// looked up at compile time.
fn media(name: &'static str, code: Option<u32>) -> Media<'static> {
    match code {
        Some(c) => Media::WellKnown(c),
        None => Media::Text(Text::wire(name.as_bytes())),
    }
}

macro_rules! media {
    ($name:literal) => {{
        const CODE: Option<u32> = media_code($name);
        media($name, CODE)
    }};
}

/// Which WSP parameter codes name, filename and start are written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParamEncoding {
    /// WSP 1.1–1.3 codes (Name 0x05, Filename 0x06, Start 0x0A, Type 0x09),
    /// as the big handsets emit and some carriers require.
    #[default]
    Wsp13,
    /// WSP 1.4 codes (Name 0x17, Filename 0x18, Start 0x19).
    Wsp14,
}

impl ParamEncoding {
    fn param(self, old: u8, new: u8, value: &str) -> Result<Parameter<'static>, EncodeError> {
        let t = Text::from_string(String::from(value))?;
        Ok(match self {
            ParamEncoding::Wsp13 => Parameter::typed(old, ParamValue::Text(t)),
            ParamEncoding::Wsp14 => {
                Parameter::typed(new, ParamValue::TextValue(TextValue::Token(t)))
            }
        })
    }
    /// Rewrites a Name / Filename / Start parameter into this encoding.
    fn recode(self, p: &mut Parameter<'_>) {
        let crate::wsp::ParamName::WellKnown(code) = p.name else {
            return;
        };
        let pairs = [(0x05, 0x17), (0x06, 0x18), (0x0A, 0x19), (0x0B, 0x1A)];
        let Some(&(old, new)) = pairs.iter().find(|(o, n)| *o == code || *n == code) else {
            return;
        };
        let text = match &p.value {
            ParamValue::Text(t) => t.clone(),
            ParamValue::TextValue(TextValue::Token(t))
            | ParamValue::TextValue(TextValue::Quoted(t)) => t.clone(),
            _ => return,
        };
        *p = match self {
            ParamEncoding::Wsp13 => Parameter::typed(old, ParamValue::Text(text)),
            ParamEncoding::Wsp14 => {
                Parameter::typed(new, ParamValue::TextValue(TextValue::Token(text)))
            }
        };
    }
    fn name(self, v: &str) -> Result<Parameter<'static>, EncodeError> {
        self.param(0x05, 0x17, v)
    }
    fn start(self, v: &str) -> Result<Parameter<'static>, EncodeError> {
        self.param(0x0A, 0x19, v)
    }
}

/// Why a message could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// A recipient or sender address is malformed.
    #[error("address {address:?}: {source}")]
    Address {
        /// The address as given.
        address: String,
        /// Why.
        source: AddressError,
    },
    /// No To, Cc or Bcc.
    #[error("m-send-req needs at least one recipient (To, Cc or Bcc)")]
    NoRecipient,
    /// No transaction id was given and no source to generate one.
    #[error("no transaction id: give one, or a source that generates them")]
    NoTransactionId,
    /// The encoded message exceeds the caller's limit.
    #[error("the encoded message is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Encoded size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// A part cannot be written so that it reads back and resolves: an
    /// empty or ill-formed media type, a name another part has (after
    /// trimming spaces, ignoring ASCII case), a name that would be read as
    /// a `cid:` reference or that is not strict text.
    #[error("part {index} ({name:?}): {reason}")]
    Part {
        /// The part's position in the order it was added (from 0).
        index: usize,
        /// The part's name (or media type, when that is the fault).
        name: String,
        /// Why.
        reason: &'static str,
    },
    /// A value cannot be encoded.
    #[error(transparent)]
    Encode(#[from] EncodeError),
}

/// `type "/" subtype`, each an RFC 2045 §5.1 token: the form a media type
/// must have to read back as itself (WAP-230 §8.4.2.24 Extension-media).
fn well_formed_media(m: &str) -> bool {
    let token = |t: &str| {
        !t.is_empty()
            && t.bytes()
                .all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?=".contains(&b))
    };
    match m.split_once('/') {
        Some((t, sub)) => token(t) && token(sub),
        None => false,
    }
}

/// The name a part is found by, as the SMIL the builder writes refers to it.
fn normalised(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

/// Builder of an [`SendReq`] (m-send-req, MMS_ENC 1.3 §6.1.1).
///
/// ```
/// use mms_pdu::mms::message::SendReq;
/// let req = SendReq::builder()
///     .transaction_id("T42")
///     .to("+33612345678/TYPE=PLMN")
///     .subject("Gruyère")
///     .smil("<smil><body><par dur=\"5000ms\"><text src=\"hello.txt\"/></par></body></smil>".as_bytes())
///     .text("hello.txt", "Hello!")
///     .max_size(300 * 1024)
///     .build()?;
/// assert_eq!(req.content_type.media().name(), "application/vnd.wap.multipart.related");
/// assert_eq!(req.content_type.param("start").unwrap().to_text(), "<smil>");
/// let bytes = req.encode()?;
/// assert!(SendReq::decode_strict(&bytes).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct SendReqBuilder<'a> {
    transaction_id: Option<String>,
    id_source: Option<Box<dyn FnMut() -> String + 'a>>,
    version: Version,
    from: Option<String>,
    to: Vec<String>,
    cc: Vec<String>,
    bcc: Vec<String>,
    subject: Option<(String, Option<Charset>)>,
    message_class: Option<MessageClass<'static>>,
    priority: Option<Priority>,
    expiry: Option<Time>,
    delivery_time: Option<Time>,
    delivery_report: Option<bool>,
    read_report: Option<bool>,
    date: Option<u64>,
    parts: Vec<Part<'a>>,
    smil_index: Option<usize>,
    params: ParamEncoding,
    max_size: Option<usize>,
    /// Each named part: its index in `parts` when added, its name.
    names: Vec<(usize, String)>,
    /// Media types that are not `type/subtype`, by part index.
    bad_media: Vec<(usize, String)>,
}

impl core::fmt::Debug for SendReqBuilder<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("SendReqBuilder")
            .field("transaction_id", &self.transaction_id)
            .field("to", &self.to)
            .field("parts", &self.parts.len())
            .finish_non_exhaustive()
    }
}

impl<'a> SendReq<'a> {
    /// A builder with the defaults a sender expects (MMS 1.2, From as the
    /// insert-address token, WSP 1.1–1.3 parameter codes).
    pub fn builder() -> SendReqBuilder<'a> {
        SendReqBuilder {
            transaction_id: None,
            id_source: None,
            version: Version::V1_2,
            from: None,
            to: Vec::new(),
            cc: Vec::new(),
            bcc: Vec::new(),
            subject: None,
            message_class: None,
            priority: None,
            expiry: None,
            delivery_time: None,
            delivery_report: None,
            read_report: None,
            date: None,
            parts: Vec::new(),
            smil_index: None,
            params: ParamEncoding::default(),
            max_size: None,
            names: Vec::new(),
            bad_media: Vec::new(),
        }
    }
}

fn content_id(name: &str) -> String {
    alloc::format!("<{name}>")
}

impl<'a> SendReqBuilder<'a> {
    /// The X-Mms-Transaction-Id.
    pub fn transaction_id(mut self, id: impl Into<String>) -> Self {
        self.transaction_id = Some(id.into());
        self
    }
    /// A source of transaction ids, called when none was given.
    pub fn transaction_ids(mut self, source: impl FnMut() -> String + 'a) -> Self {
        self.id_source = Some(Box::new(source));
        self
    }
    /// The MMS version (1.2 by default).
    pub fn version(mut self, v: Version) -> Self {
        self.version = v;
        self
    }
    /// An explicit sender address (by default the MMSC inserts it).
    pub fn from(mut self, address: impl Into<String>) -> Self {
        self.from = Some(address.into());
        self
    }
    /// Adds a To recipient (`+33…/TYPE=PLMN`, a bare number, an e-mail address…).
    pub fn to(mut self, address: impl Into<String>) -> Self {
        self.to.push(address.into());
        self
    }
    /// Adds a Cc recipient.
    pub fn cc(mut self, address: impl Into<String>) -> Self {
        self.cc.push(address.into());
        self
    }
    /// Adds a Bcc recipient.
    pub fn bcc(mut self, address: impl Into<String>) -> Self {
        self.bcc.push(address.into());
        self
    }
    /// The subject: us-ascii when it is ASCII, utf-8 otherwise.
    pub fn subject(mut self, s: impl Into<String>) -> Self {
        self.subject = Some((s.into(), None));
        self
    }
    /// The subject in a named charset.
    pub fn subject_in(mut self, s: impl Into<String>, charset: Charset) -> Self {
        self.subject = Some((s.into(), Some(charset)));
        self
    }
    /// X-Mms-Message-Class.
    pub fn message_class(mut self, c: MessageClass<'static>) -> Self {
        self.message_class = Some(c);
        self
    }
    /// X-Mms-Priority.
    pub fn priority(mut self, p: Priority) -> Self {
        self.priority = Some(p);
        self
    }
    /// X-Mms-Expiry (kept relative when relative).
    pub fn expiry(mut self, t: Time) -> Self {
        self.expiry = Some(t);
        self
    }
    /// X-Mms-Delivery-Time.
    pub fn delivery_time(mut self, t: Time) -> Self {
        self.delivery_time = Some(t);
        self
    }
    /// X-Mms-Delivery-Report.
    pub fn delivery_report(mut self, on: bool) -> Self {
        self.delivery_report = Some(on);
        self
    }
    /// X-Mms-Read-Report.
    pub fn read_report(mut self, on: bool) -> Self {
        self.read_report = Some(on);
        self
    }
    /// Date (seconds since the epoch).
    pub fn date(mut self, seconds: u64) -> Self {
        self.date = Some(seconds);
        self
    }
    /// Which parameter codes to write.
    pub fn param_encoding(mut self, e: ParamEncoding) -> Self {
        self.params = e;
        self
    }
    /// Refuse to build a message whose encoding is over `bytes` (carriers
    /// cap at 300 KB, 600 KB, 1 MB…).
    pub fn max_size(mut self, bytes: usize) -> Self {
        self.max_size = Some(bytes);
        self
    }
    /// Adds a part as it is.
    pub fn part(mut self, p: Part<'a>) -> Self {
        if p.content_type
            .media()
            .name()
            .eq_ignore_ascii_case("application/smil")
            && self.smil_index.is_none()
        {
            self.smil_index = Some(self.parts.len());
        }
        self.parts.push(p);
        self
    }
    /// Adds the SMIL presentation (`application/smil`, Content-ID `<smil>`,
    /// Content-Location `smil.xml`); it becomes the start of a
    /// multipart/related body.
    pub fn smil(self, xml: impl Into<crate::wsp::Data<'a>>) -> Self {
        let ct =
            ContentType::new(media!("application/smil")).with(Parameter::charset(Charset::UTF_8));
        let mut p = Part::new(ct, xml);
        p.headers.push(WspHeader::ContentId {
            id: Text::wire(b"<smil>"),
            quoted: true,
        });
        p.headers
            .push(WspHeader::ContentLocation(Text::wire(b"smil.xml")));
        self.part(p)
    }
    /// Adds a text/plain part named `name` (Content-ID `<name>`,
    /// Content-Location `name`), us-ascii or utf-8 as the text needs.
    pub fn text(self, name: &str, text: &str) -> Self {
        let cs = if text.is_ascii() {
            Charset::US_ASCII
        } else {
            Charset::UTF_8
        };
        let ct = ContentType::new(media!("text/plain")).with(Parameter::charset(cs));
        self.attachment_with(ct, name, text.as_bytes().to_vec().into())
    }
    /// Adds a media part (`image/jpeg`, …) named `name`.
    pub fn attachment(
        mut self,
        media: &str,
        name: &str,
        data: impl Into<crate::wsp::Data<'a>>,
    ) -> Self {
        if !well_formed_media(media) {
            self.bad_media.push((self.parts.len(), String::from(media)));
        }
        let ct = ContentType::new(owned_media(media));
        self.attachment_with(ct, name, data.into())
    }
    fn attachment_with(
        mut self,
        mut ct: ContentType<'a>,
        name: &str,
        data: crate::wsp::Data<'a>,
    ) -> Self {
        self.names.push((self.parts.len(), String::from(name)));
        let named = self.params.name(name);
        let mut p = Part::new(ct.clone(), data);
        // A name holding a NUL cannot be written: the part then goes unnamed.
        if let (Ok(n), Ok(id), Ok(loc)) = (
            named,
            Text::from_string(content_id(name)),
            Text::from_string(String::from(name)),
        ) {
            ct = ct.with(n);
            p.content_type = ct;
            p.headers.push(WspHeader::ContentId { id, quoted: true });
            p.headers.push(WspHeader::ContentLocation(loc));
        }
        self.parts.push(p);
        self
    }
    /// The parts must resolve: media types well formed, names distinct
    /// after normalisation, none read as a `cid:` reference (RFC 2557
    /// §8.2: a SMIL `src` opening with `cid:` names a Content-ID, not a
    /// Content-Location), each strict text.
    fn check_parts(&self) -> Result<(), BuildError> {
        if let Some((index, name)) = self.bad_media.first() {
            return Err(BuildError::Part {
                index: *index,
                name: name.clone(),
                reason: "the media type is not a well-formed type/subtype",
            });
        }
        let mut seen: Vec<(String, usize)> = Vec::with_capacity(self.names.len());
        for (index, name) in &self.names {
            let fail = |reason| {
                Err(BuildError::Part {
                    index: *index,
                    name: name.clone(),
                    reason,
                })
            };
            let key = normalised(name);
            if key.is_empty() {
                return fail("an empty name cannot be referred to");
            }
            if key.starts_with("cid:") {
                return fail("a name opening with cid: would be read as a Content-ID reference");
            }
            let strict = Text::new(name).is_ok_and(|t| t.is_strict().is_ok());
            if !strict || name.contains(['<', '>']) {
                return fail(
                    "the name holds a NUL or angle brackets, or opens with a control character",
                );
            }
            seen.push((key, *index));
        }
        seen.sort();
        for w in seen.windows(2) {
            if w[0].0 == w[1].0 {
                let index = w[1].1;
                let name = self
                    .names
                    .iter()
                    .find(|(i, _)| *i == index)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default();
                return Err(BuildError::Part {
                    index,
                    name,
                    reason: "another part has the same name (ignoring surrounding spaces and case)",
                });
            }
        }
        Ok(())
    }
    /// Builds the message.
    ///
    /// ```
    /// use mms_pdu::compose::BuildError;
    /// use mms_pdu::mms::message::SendReq;
    /// let err = SendReq::builder()
    ///     .transaction_id("T1")
    ///     .to("+15551234567/TYPE=PLMN")
    ///     .text("a.txt", "one")
    ///     .text(" A.txt", "two")
    ///     .build()
    ///     .unwrap_err();
    /// assert!(matches!(err, BuildError::Part { index: 1, .. }));
    /// ```
    pub fn build(mut self) -> Result<SendReq<'a>, BuildError> {
        self.check_parts()?;
        let tid = match (self.transaction_id.take(), self.id_source.as_mut()) {
            (Some(t), _) => t,
            (None, Some(src)) => src(),
            (None, None) => return Err(BuildError::NoTransactionId),
        };
        if self.to.is_empty() && self.cc.is_empty() && self.bcc.is_empty() {
            return Err(BuildError::NoRecipient);
        }
        let addresses = |list: &[String]| -> Result<Vec<EncodedString<'static>>, BuildError> {
            list.iter()
                .map(|a| {
                    let parsed = Address::parse(a).map_err(|source| BuildError::Address {
                        address: a.clone(),
                        source,
                    })?;
                    Ok(encoded_string(&alloc::format!("{parsed}"), None)?)
                })
                .collect()
        };
        let mut req = SendReq {
            version: self.version,
            transaction_id: {
                let t = Text::from_string(tid)?;
                t.is_strict()
                    .map_err(|e| EncodeError::new("X-Mms-Transaction-Id", e.reason()))?;
                t
            },
            date: self.date,
            to: addresses(&self.to)?,
            cc: addresses(&self.cc)?,
            bcc: addresses(&self.bcc)?,
            message_class: self.message_class.take(),
            priority: self.priority,
            expiry: self.expiry,
            delivery_time: self.delivery_time,
            delivery_report: self.delivery_report,
            read_report: self.read_report,
            ..SendReq::default()
        };
        if let Some(from) = &self.from {
            req.from = FromValue::Address(addresses(core::slice::from_ref(from))?.remove(0));
        }
        if let Some((s, cs)) = &self.subject {
            req.subject = Some(encoded_string(s, *cs)?);
        }
        let ct = match self.smil_index {
            Some(k) => {
                // multipart/related, Type application/smil, Start the SMIL part's Content-ID.
                let smil = self.parts.remove(k);
                self.parts.insert(0, smil);
                let start = match self.parts[0].content_id() {
                    Some(id) => id.to_string_lossy().into_owned(),
                    None => {
                        self.parts[0].headers.push(WspHeader::ContentId {
                            id: Text::wire(b"<smil>"),
                            quoted: true,
                        });
                        String::from("<smil>")
                    }
                };
                ContentType::new(media!("application/vnd.wap.multipart.related"))
                    .with(Parameter::typed(
                        0x09,
                        ParamValue::Media(media!("application/smil")),
                    ))
                    .with(self.params.start(&start)?)
            }
            None => ContentType::new(media!("application/vnd.wap.multipart.mixed")),
        };
        req.content_type = ct;
        for p in &mut self.parts {
            for param in p.content_type.params_mut() {
                self.params.recode(param);
            }
        }
        req.body = Some(Body::Multipart(Multipart {
            parts: core::mem::take(&mut self.parts),
            ..Multipart::default()
        }));
        req.validate()?;
        if let Some(limit) = self.max_size {
            let size = req.encoded_len();
            if size > limit {
                return Err(BuildError::TooLarge { size, limit });
            }
        }
        Ok(req)
    }
}

fn owned_media(name: &str) -> Media<'static> {
    match crate::wsp::well_known_media_code(name) {
        Some(c) if c <= 0x4D => Media::WellKnown(c),
        _ => Media::Text(
            Text::from_string(name.chars().filter(|&c| c != '\0').collect()).unwrap_or_default(),
        ),
    }
}

#[cfg(feature = "smil")]
impl<'a> SendReqBuilder<'a> {
    /// Adds a slide: each of its media as a part (Content-ID `<name>`,
    /// Content-Location `name`, a `Name` parameter; text as text/plain),
    /// and a `<par>` for it in the SMIL presentation the builder writes in
    /// [`Layout::standard`](crate::smil::Layout::standard). That
    /// presentation becomes the start of a multipart/related body, as with
    /// [`smil`](Self::smil); each further `slide` appends to it. A SMIL part
    /// given with [`smil`](Self::smil) or [`part`](Self::part) is left as it
    /// is (the slide's parts are still added).
    ///
    /// ```
    /// use mms_pdu::mms::message::SendReq;
    /// use mms_pdu::smil::SlideContent;
    /// let jpeg = [0xFF, 0xD8, 0xFF, 0xD9];
    /// let req = SendReq::builder()
    ///     .transaction_id("T1")
    ///     .to("+15551234567/TYPE=PLMN")
    ///     .slide(SlideContent::new().image("cat.jpg", "image/jpeg", &jpeg[..]).text("t.txt", "hello"))
    ///     .slide(SlideContent::new().text("bye.txt", "bye").duration_ms(2000))
    ///     .build()?;
    /// assert_eq!(req.content_type.param("start").unwrap().to_text(), "<smil>");
    /// let bytes = req.encode()?;
    /// let pdu = mms_pdu::Pdu::decode(&bytes)?;
    /// let found = mms_pdu::smil::from_pdu(&pdu)?.unwrap();
    /// assert_eq!(found.presentation.slides.len(), 2);
    /// assert!(found.resolution.is_complete());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn slide(mut self, slide: crate::smil::SlideContent<'a>) -> Self {
        let par = slide.to_slide().into_owned();
        for item in slide.items {
            self = match item.data {
                crate::smil::ItemData::Text(t) => self.text(&item.name, &t),
                crate::smil::ItemData::Bytes(d) => self.attachment(&item.media_type, &item.name, d),
            };
        }
        match self.smil_index {
            Some(k) => {
                if let Some(xml) = crate::smil::append_slide(&self.parts[k].data, par) {
                    self.parts[k].data = xml.into_bytes().into();
                }
                self
            }
            None => self.smil(crate::smil::first_slide(par).into_bytes()),
        }
    }
    /// Adds slides one after the other ([`slide`](Self::slide)).
    pub fn slides(self, slides: impl IntoIterator<Item = crate::smil::SlideContent<'a>>) -> Self {
        slides.into_iter().fold(self, Self::slide)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_looked_up_at_compile_time_is_what_from_name_finds() {
        assert_eq!(
            media!("application/smil"),
            Media::from_name("application/smil")
        );
        assert_eq!(media!("text/plain"), Media::from_name("text/plain"));
        assert_eq!(
            media!("application/vnd.wap.multipart.related"),
            Media::from_name("application/vnd.wap.multipart.related")
        );
        assert_eq!(
            media!("application/vnd.wap.multipart.mixed"),
            Media::from_name("application/vnd.wap.multipart.mixed")
        );
        assert!(matches!(media!("text/plain"), Media::WellKnown(0x03)));
    }
}
