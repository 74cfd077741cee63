//! MMS → Internet mail: the header block (written here, without folding
//! inside a value) and the MIME body (written by `mail-builder`).

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use mail_builder::headers::content_type::ContentType as MailContentType;
use mail_builder::headers::date::Date as MailDate;
use mail_builder::headers::raw::Raw;
use mail_builder::headers::HeaderType;
use mail_builder::mime::{BodyPart, MimePart};

use super::{AddressStyle, MailError, MailOptions};
use crate::mms::message::Message;
use crate::wsp::{Charset, ContentType, EncodedString, Multipart, Part, WspHeader};
use crate::{Body, FieldCode, FromValue, Header, MessageClass, Pdu, Time, Value};

/// The longest header value written on one line (RFC 5322 §2.1.1 allows
/// 998 octets a line); longer text goes as encoded-words.
const MAX_PLAIN: usize = 900;

/// Octets of text per encoded-word: 45 octets make 60 base64 digits, which
/// with the charset label stay within the 75 of RFC 2047 §2.
const WORD_OCTETS: usize = 45;

/// The name of a field in mail (3GPP TS 23.140 §8.4, the MM4 header
/// mappings of MM4_forward.REQ), for the fields whose MM4 name is not
/// `X-Mms-` + the MMS_ENC name; `None` for the fields mail itself carries
/// (From, To, Cc, Bcc, Subject, Date, Content-Type).
pub(super) fn mail_name(code: FieldCode) -> Option<Cow<'static, str>> {
    let fixed = match code {
        FieldCode::FROM
        | FieldCode::TO
        | FieldCode::CC
        | FieldCode::BCC
        | FieldCode::SUBJECT
        | FieldCode::DATE
        | FieldCode::MESSAGE_TYPE => return None,
        // 3GPP TS 23.140 §8.4 (MM4_forward.REQ): the MM4 names.
        FieldCode::TRANSACTION_ID => "X-Mms-Transaction-ID",
        FieldCode::MESSAGE_ID => "X-Mms-Message-ID",
        FieldCode::READ_REPORT => "X-Mms-Read-Reply",
        FieldCode::PREVIOUSLY_SENT_BY => "X-Mms-Previously-sent-by",
        FieldCode::PREVIOUSLY_SENT_DATE => "X-Mms-Previously-sent-date-and-time",
        // MMS_ENC's own name, which the MM4 fields share (X-Mms-Expiry,
        // -Message-Class, -Priority, -Delivery-Report, -Sender-Visibility,
        // -Reply-Charging…, -Applic-ID, -Content-Class, -DRM-Content).
        c => match c.name() {
            Some(n) if n.starts_with("X-Mms-") => n,
            _ => return Some(Cow::Owned(format!("X-Mms-Field-0x{:02x}", c.0))),
        },
    };
    Some(Cow::Borrowed(fixed))
}

/// Writes `msg` as an Internet message (see the [module](super) docs).
///
/// ```
/// use mms_pdu::mail::{to_mime, MailOptions};
/// use mms_pdu::mms::message::{Message, SendReq};
/// let req = SendReq::builder().transaction_id("T9").to("alice@example.com").text("a.txt", "Hi").build()?;
/// let eml = to_mime(&Message::SendReq(req), &MailOptions::default())?;
/// let text = String::from_utf8(eml)?;
/// assert!(text.starts_with("X-Mms-Message-Type: MM4_forward.REQ\r\nX-Mms-Transaction-ID: T9\r\n"));
/// assert!(text.contains("From: insert-address:;\r\nTo: alice@example.com\r\n"));
/// assert!(text.contains("Content-Type: multipart/mixed; "));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_mime(msg: &Message<'_>, opts: &MailOptions) -> Result<Vec<u8>, MailError> {
    pdu_to_mime(&msg.to_pdu(), opts)
}

/// [`to_mime`] for a generic [`Pdu`] (any message type).
///
/// ```
/// use mms_pdu::mail::{pdu_to_mime, MailOptions};
/// use mms_pdu::Pdu;
/// let pdu = Pdu::decode(b"\x8C\x81\x98T1\0\x8D\x92\x92\x80")?; // m-send-conf
/// let eml = String::from_utf8(pdu_to_mime(&pdu, &MailOptions::default())?)?;
/// assert!(eml.contains("X-Mms-Response-Status: Ok\r\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn pdu_to_mime(pdu: &Pdu<'_>, opts: &MailOptions) -> Result<Vec<u8>, MailError> {
    pdu.validate()?;
    let mut out: Vec<u8> = Vec::new();
    put(&mut out, "X-Mms-Message-Type", "MM4_forward.REQ");
    let mut message_id: Option<String> = None;
    let mut transaction_id: Option<String> = None;
    let mut version_written = false;
    let mut addressed: Vec<FieldCode> = Vec::new();
    for h in &pdu.headers {
        let (code, value) = match h {
            Header::Field(f) => (f.code(), f.value()),
            Header::Application { name, value } => {
                let line = format!("{}: {}", name.to_string_lossy(), value.to_string_lossy());
                put(&mut out, "X-Mms-Application-Header", &text_header(&line));
                continue;
            }
        };
        match code {
            FieldCode::MESSAGE_TYPE => continue,
            FieldCode::CONTENT_TYPE if matches!(value, Value::ContentType(_)) => continue,
            FieldCode::FROM => {
                let v = match value {
                    Value::From(FromValue::InsertAddress) => match &opts.sender {
                        Some(s) => s.clone(),
                        None => String::from("insert-address:;"),
                    },
                    Value::From(FromValue::Address(a)) => mail_address(a, opts),
                    other => {
                        put_hex(&mut out, code, other);
                        continue;
                    }
                };
                put(&mut out, "From", &v);
                continue;
            }
            FieldCode::TO | FieldCode::CC | FieldCode::BCC
                if matches!(value, Value::EncodedString(_)) =>
            {
                // RFC 5322 §3.6: one field per kind, all the addresses in it,
                // written where the first one was.
                if !addressed.contains(&code) {
                    addressed.push(code);
                    let name = match code {
                        FieldCode::TO => "To",
                        FieldCode::CC => "Cc",
                        _ => "Bcc",
                    };
                    let list: Vec<String> = pdu
                        .get_all(code)
                        .filter_map(|v| match v {
                            Value::EncodedString(a) => Some(mail_address(a, opts)),
                            _ => None,
                        })
                        .collect();
                    put(&mut out, name, &list.join(",\r\n "));
                }
                continue;
            }
            FieldCode::SUBJECT => {
                if let Value::EncodedString(s) = value {
                    put(&mut out, "Subject", &encoded_string(s, true));
                    continue;
                }
            }
            FieldCode::DATE => {
                if let Value::Long(d) = value {
                    if let Some(date) = rfc5322_date(*d) {
                        put(&mut out, "Date", &date);
                        continue;
                    }
                }
            }
            _ => {}
        }
        if code == FieldCode::MESSAGE_ID {
            if let Value::Text(t) = value {
                message_id = Some(t.to_string_lossy().into_owned());
            }
        }
        if code == FieldCode::TRANSACTION_ID {
            if let Value::Text(t) = value {
                transaction_id = Some(t.to_string_lossy().into_owned());
            }
        }
        let Some(name) = mail_name(code) else {
            // A From, To, … whose value did not decode: kept as octets.
            put_hex(&mut out, code, value);
            continue;
        };
        match value_text(code, value) {
            Some(v) => put(&mut out, &name, &v),
            None => put_hex(&mut out, code, value),
        }
        if code == FieldCode::MMS_VERSION && !version_written {
            // 3GPP TS 23.140 §8.4: the 3GPP MMS version of the MM4 peer.
            put(&mut out, "X-Mms-3GPP-MMS-Version", &opts.mm4_version);
            version_written = true;
        }
    }
    if !version_written {
        put(&mut out, "X-Mms-3GPP-MMS-Version", &opts.mm4_version);
    }
    let id_source = message_id
        .or(transaction_id)
        .unwrap_or_else(|| String::from("mms"));
    put(&mut out, "Message-ID", &mail_message_id(&id_source, opts));
    put(&mut out, "MIME-Version", "1.0");

    let content_type = pdu.content_type();
    let body = match (&pdu.body, content_type) {
        (Some(Body::Multipart(mp)), Some(ct)) => {
            let base = boundary_base(mp);
            let mut n = 0;
            Some(multipart_part(ct, mp, &base, &mut n, 0)?)
        }
        (Some(Body::Multipart(mp)), None) => {
            let base = boundary_base(mp);
            let mut n = 0;
            let ct = ContentType::new(crate::wsp::Media::from_name(
                "application/vnd.wap.multipart.mixed",
            ));
            Some(multipart_part(&ct, mp, &base, &mut n, 0)?)
        }
        (Some(Body::Data(d)), ct) => {
            let ct = ct
                .cloned()
                .unwrap_or_else(|| ContentType::new(crate::wsp::Media::from_name("text/plain")));
            Some(MimePart {
                headers: alloc::vec![(
                    "Content-Type".into(),
                    HeaderType::ContentType(mail_content_type(&ct, None))
                )],
                contents: BodyPart::Binary(Cow::Owned(d.to_vec())),
            })
        }
        (None, Some(ct)) => Some(MimePart {
            headers: alloc::vec![(
                "Content-Type".into(),
                HeaderType::ContentType(mail_content_type(ct, None))
            )],
            contents: BodyPart::Binary(Cow::Borrowed(&[])),
        }),
        (None, None) => None,
    };
    match body {
        Some(part) => {
            part.write_part(&mut out)
                .map_err(|_| crate::EncodeError::new("mail", "writing the MIME body failed"))?;
        }
        None => out.extend_from_slice(b"\r\n"),
    }
    Ok(out)
}

/// One header line; `value` is already in its mail form.
fn put(out: &mut Vec<u8>, name: &str, value: &str) {
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b": ");
    out.extend_from_slice(value.as_bytes());
    out.extend_from_slice(b"\r\n");
}

/// A value with no text form: `wsp-hex:` and its octets as MMS_ENC encodes them.
fn put_hex(out: &mut Vec<u8>, code: FieldCode, value: &Value<'_>) {
    let mut octets = Vec::with_capacity(value.encoded_len());
    value.encode(&mut octets);
    let name =
        mail_name(code).unwrap_or_else(|| Cow::Owned(format!("X-Mms-Field-0x{:02x}", code.0)));
    put(out, &name, &format!("wsp-hex:{}", hex(&octets)));
}

pub(super) fn hex(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len() * 2);
    for x in b {
        s.push_str(&format!("{x:02x}"));
    }
    s
}

/// Printable ASCII that a header carries as it is: no leading, trailing or
/// doubled space (unfolding and readers may change those), no `=?` (which
/// readers would take for an encoded-word), one line.
fn is_plain(s: &str) -> bool {
    s.len() <= MAX_PLAIN
        && s.bytes().all(|b| (0x20..0x7F).contains(&b))
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && !s.contains("=?")
}

/// RFC 2047 §4.1 B-encoded words of `bytes` in `label`, split where
/// `boundary(i)` allows (never inside a character), separated by folding
/// white space.
fn encoded_words(label: &str, bytes: &[u8], utf8: bool) -> String {
    if bytes.is_empty() {
        // An empty word keeps the charset of empty text.
        return format!("=?{label}?B??=");
    }
    let mut words: Vec<String> = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let mut end = (start + WORD_OCTETS).min(bytes.len());
        if utf8 {
            // Back off to the start of a UTF-8 sequence.
            while end < bytes.len() && end > start + 1 && bytes[end] & 0xC0 == 0x80 {
                end -= 1;
            }
        }
        let b64 =
            mail_builder::encoders::base64::base64_encode(&bytes[start..end]).unwrap_or_default();
        words.push(format!("=?{label}?B?{}?=", String::from_utf8_lossy(&b64)));
        start = end;
    }
    words.join("\r\n ")
}

/// Unstructured text: as it is when plain, else UTF-8 encoded-words.
fn text_header(s: &str) -> String {
    if is_plain(s) || s.is_empty() {
        String::from(s)
    } else if s.is_ascii() {
        encoded_words("us-ascii", s.as_bytes(), false)
    } else {
        encoded_words("utf-8", s.as_bytes(), true)
    }
}

/// Charsets whose text may be split at any octet into encoded-words.
fn single_octet(cs: Charset) -> bool {
    matches!(cs.name(), Some(n) if n.starts_with("iso-8859-") || n.starts_with("windows-125") || n.starts_with("koi8"))
}

/// An Encoded-string-value as header text: in its own charset when
/// encoded-words can carry it, else UTF-8 (see the module docs). An
/// untagged `subject` holding encoded-words is written as it is.
pub(super) fn encoded_string(s: &EncodedString<'_>, subject: bool) -> String {
    let b = s.as_bytes();
    let utf8 = core::str::from_utf8(b).ok();
    match (s.charset(), utf8) {
        (None | Some(Charset::US_ASCII), Some(t)) if t.is_ascii() => {
            if is_plain(t)
                || t.is_empty()
                || (subject
                    && s.charset().is_none()
                    && t.len() <= MAX_PLAIN
                    && t.bytes().all(|c| (0x20..0x7F).contains(&c)))
            {
                String::from(t)
            } else {
                encoded_words("us-ascii", b, false)
            }
        }
        (None, Some(_)) | (Some(Charset::UTF_8), Some(_)) => encoded_words("utf-8", b, true),
        (None, None) => encoded_words("iso-8859-1", b, false),
        (Some(cs), _) if single_octet(cs) => encoded_words(cs.name().unwrap_or("utf-8"), b, false),
        (Some(_), _) => {
            let t = s.to_string_lossy();
            encoded_words("utf-8", t.as_bytes(), true)
        }
    }
}

/// An MMS address as a mail address (MMS_ENC 1.3 §8; 3GPP TS 23.140 §8.4).
fn mail_address(a: &EncodedString<'_>, opts: &MailOptions) -> String {
    let t = a.to_string_lossy();
    let t = t.trim();
    if t.contains('@') {
        // An e-mail address, possibly with its display name.
        return text_header(t);
    }
    let local = match (opts.address_style, t.split_once("/TYPE=")) {
        (AddressStyle::Plain, Some((number, kind))) if kind.eq_ignore_ascii_case("PLMN") => number,
        _ => t,
    };
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c);
    if !local.is_empty()
        && local.chars().all(atext)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
    {
        format!("{local}@{}", opts.domain)
    } else {
        // A quoted local part (RFC 5322 §3.4.1); control characters, which
        // it cannot hold, become `?`.
        let quoted: String = local
            .chars()
            .map(|c| if c.is_control() { '?' } else { c })
            .collect::<String>()
            .replace('\\', "\\\\")
            .replace('"', "\\\"");
        format!("\"{quoted}\"@{}", opts.domain)
    }
}

/// `<id@domain>` (RFC 5322 §3.6.4) from an MMS Message-ID or Transaction-Id.
fn mail_message_id(id: &str, opts: &MailOptions) -> String {
    let clean: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let clean = clean.trim_matches('.');
    let clean = if clean.is_empty() { "mms" } else { clean };
    if id.contains('@') && !id.starts_with('@') && !id.ends_with('@') {
        let (l, r) = id.split_once('@').unwrap_or((id, ""));
        let ok = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c))
        };
        if ok(l) && ok(r) {
            return format!("<{id}>");
        }
    }
    format!("<{}@{}>", clean.replace("..", "."), opts.domain)
}

/// An RFC 5322 §3.3 date-time in UTC.
pub(super) fn rfc5322_date(seconds: u64) -> Option<String> {
    let s = i64::try_from(seconds).ok()?;
    // Dates past year 9999 have no four-digit year.
    (seconds <= 253_402_300_799).then(|| MailDate::new(s).to_rfc822())
}

/// The text of a header value (`None`: it has none, write its octets).
pub(super) fn value_text(code: FieldCode, value: &Value<'_>) -> Option<String> {
    Some(match value {
        Value::Text(t) => {
            let s = t.as_str()?;
            if s.starts_with("wsp-hex:") {
                return None;
            }
            text_header(s)
        }
        Value::EncodedString(s) => {
            if s.as_bytes().starts_with(b"wsp-hex:") {
                return None;
            }
            encoded_string(s, false)
        }
        Value::Long(n) | Value::Integer(n) => n.to_string(),
        Value::Token(o) => String::from(code.token_name(*o)?),
        Value::Version(v) if v.major <= 7 && v.minor <= 15 => v.to_string(),
        Value::MessageClass(MessageClass::Token(o)) => String::from(code.token_name(*o)?),
        Value::MessageClass(MessageClass::Text(t)) => {
            let s = t.as_str()?;
            if !is_plain(s) || code.token_code(s).is_some() || s.starts_with("wsp-hex:") {
                return None;
            }
            String::from(s)
        }
        Value::Time(Time::Absolute(s)) => rfc5322_date(*s)?,
        Value::Time(Time::Relative(s)) => s.to_string(),
        Value::PreviouslySentBy { count, address } => {
            format!("{count}, {}", encoded_string(address, false))
        }
        Value::PreviouslySentDate { count, date } => {
            format!("{count}, {}", rfc5322_date(*date)?)
        }
        _ => return None,
    })
}

/// `multipart/X` for `application/vnd.wap.multipart.X` (MMS_ENC 1.3 §7.2.12);
/// other media names in lower case.
fn mail_media(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    match lower.strip_prefix("application/vnd.wap.multipart.") {
        Some("*") => String::from("multipart/mixed"),
        Some(sub) => format!("multipart/{sub}"),
        None => lower,
    }
}

fn mail_content_type(ct: &ContentType<'_>, boundary: Option<String>) -> MailContentType<'static> {
    let mut m = MailContentType::new(token(&mail_media(&ct.media().name())));
    for p in ct.params() {
        m = m.attribute(token(&p.name.name()), p.value.to_text());
    }
    if let Some(b) = boundary {
        m = m.attribute("boundary", b);
    }
    m
}

/// A boundary prefix that no part's data holds (RFC 2046 §5.1.1): every
/// boundary is this prefix and a number, so checking the prefix once is
/// enough.
fn boundary_base(mp: &Multipart<'_>) -> String {
    let mut k = 0u32;
    loop {
        let base = format!("=_mms-pdu-{k:x}");
        if !holds(mp, base.as_bytes(), 0) {
            return base;
        }
        k += 1;
    }
}

fn holds(mp: &Multipart<'_>, needle: &[u8], depth: usize) -> bool {
    mp.parts.iter().any(|p| match &p.nested {
        Some(n) if depth < 16 => holds(n, needle, depth + 1),
        _ => p.data.windows(needle.len()).any(|w| w == needle),
    })
}

fn multipart_part(
    ct: &ContentType<'_>,
    mp: &Multipart<'_>,
    base: &str,
    n: &mut u32,
    depth: usize,
) -> Result<MimePart<'static>, MailError> {
    if depth > crate::Limits::DEFAULT.max_depth {
        return Err(MailError::TooDeep);
    }
    let boundary = format!("{base}.{n}");
    *n += 1;
    let mut children = Vec::with_capacity(mp.parts.len());
    for p in &mp.parts {
        children.push(part(p, base, n, depth + 1)?);
    }
    Ok(MimePart {
        headers: alloc::vec![(
            "Content-Type".into(),
            HeaderType::ContentType(mail_content_type(ct, Some(boundary)))
        )],
        contents: BodyPart::Multipart(children),
    })
}

/// One body part with its headers (WAP-230 §8.5.3; MMS_ENC 1.3 §7.2.12).
fn part(
    p: &Part<'_>,
    base: &str,
    n: &mut u32,
    depth: usize,
) -> Result<MimePart<'static>, MailError> {
    let mut mime = match &p.nested {
        Some(nested) => multipart_part(&p.content_type, nested, base, n, depth)?,
        None => MimePart {
            headers: alloc::vec![(
                "Content-Type".into(),
                HeaderType::ContentType(mail_content_type(&p.content_type, None))
            )],
            contents: BodyPart::Binary(Cow::Owned(Vec::new())),
        },
    };
    let mut data: Cow<'_, [u8]> = Cow::Borrowed(&p.data[..]);
    for h in &p.headers {
        let (name, value): (&str, HeaderType<'static>) = match h {
            WspHeader::ContentId { id, .. } => {
                let s = id.to_string_lossy();
                let v = if s.starts_with('<') && s.ends_with('>') && s.len() >= 2 {
                    s.into_owned()
                } else {
                    format!("<{s}>")
                };
                ("Content-ID", raw_or_text(v))
            }
            WspHeader::ContentLocation(l) => {
                let s = l.to_string_lossy().into_owned();
                ("Content-Location", raw_or_text(s))
            }
            WspHeader::ContentDisposition {
                disposition,
                params,
                ..
            } => {
                let mut d = MailContentType::new(token(&disposition.name()));
                for prm in params {
                    d = d.attribute(token(&prm.name.name()), prm.value.to_text());
                }
                ("Content-Disposition", d.into())
            }
            WspHeader::Application { name, value }
                if name
                    .as_bytes()
                    .eq_ignore_ascii_case(b"Content-Transfer-Encoding") =>
            {
                match p.decoded_data() {
                    Ok(d) => {
                        data = Cow::Owned(d.into_owned());
                        continue;
                    }
                    Err(_) => (
                        "X-Mms-Content-Transfer-Encoding",
                        raw_or_text(value.to_string_lossy().into_owned()),
                    ),
                }
            }
            WspHeader::Application { name, value } => {
                let line = format!("{}: {}", name.to_string_lossy(), value.to_string_lossy());
                ("X-Mms-Application-Header", raw_or_text(line))
            }
            WspHeader::WellKnown { code, value } => (
                "X-Mms-Wsp-Header",
                Raw::new(format!("{code:02x} {}", hex(value))).into(),
            ),
        };
        mime.headers.push((name.into(), value));
    }
    if p.nested.is_none() {
        let text = mail_media(&p.content_type.media().name()).starts_with("text/");
        mime.contents = if text && bare_line_end(&data) {
            // mail-builder writes 7bit and quoted-printable text with CRLF
            // line ends (RFC 2045 §2.10); base64 keeps a bare LF or CR.
            let mut b64 = Vec::new();
            mail_builder::encoders::base64::base64_encode_mime(&data, &mut b64, false)
                .map_err(|_| crate::EncodeError::new("mail", "base64 encoding failed"))?;
            mime.headers.push((
                "Content-Transfer-Encoding".into(),
                Raw::new("base64").into(),
            ));
            BodyPart::Binary(Cow::Owned(b64))
        } else {
            BodyPart::Binary(Cow::Owned(data.into_owned()))
        };
    }
    Ok(mime)
}

/// A media type, parameter name or disposition as an RFC 2045 §5.1 token
/// (`/` kept between type and subtype): what the grammar does not allow
/// (control characters, spaces, specials) becomes `_`, so that no value
/// from a PDU can end the header line.
fn token(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && !"()<>@,;:\\\"[]?=".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if t.is_empty() {
        String::from("_")
    } else {
        t
    }
}

/// A LF without its CR, or a CR without its LF.
fn bare_line_end(d: &[u8]) -> bool {
    d.iter().enumerate().any(|(k, &b)| {
        (b == b'\n' && (k == 0 || d[k - 1] != b'\r'))
            || (b == b'\r' && d.get(k + 1) != Some(&b'\n'))
    })
}

/// A part header value: as it is when plain, else encoded-words on one
/// line (mail-builder folds it at the spaces between them).
fn raw_or_text(s: String) -> HeaderType<'static> {
    if is_plain(&s) {
        Raw::new(s).into()
    } else {
        Raw::new(text_header(&s).replace("\r\n ", " ")).into()
    }
}
