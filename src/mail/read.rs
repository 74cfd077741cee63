//! Internet mail → MMS: the message is parsed by `mail-parser` (RFC 5322,
//! MIME, RFC 2047 words); this reads its fields and parts into a PDU.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use mail_parser::{
    Addr, Address as MailAddress, Encoding, HeaderName, HeaderValue, MessageParser, MessagePart,
    MimeHeaders, PartType,
};

use super::write::mail_name;
use super::{AddressStyle, MailError, MailOptions};
use crate::mms::message::Message;
use crate::smil::{MediaKind, Presentation, SlideContent};
use crate::wsp::{
    Charset, ContentType, Disposition, EncodedString, Media, Multipart, ParamName, ParamValue,
    Parameter, Part, Text, TextValue, WspHeader,
};
use crate::{
    Body, FieldCode, FromValue, Header, Limits, MessageClass, MessageType, Pdu, Time, Value,
    Version,
};

type Mail<'x> = mail_parser::Message<'x>;

fn parser() -> MessageParser {
    MessageParser::new()
        .with_mime_headers()
        .with_date_headers()
        .with_address_headers()
        .with_message_ids()
        .header_text(HeaderName::Subject)
        .default_header_text()
}

/// Decodes the RFC 2047 encoded-words of unstructured text.
pub(super) fn decode_words(text: &str) -> Option<String> {
    let line: String = text
        .chars()
        .map(|c| if c == '\r' || c == '\n' { ' ' } else { c })
        .collect();
    let eml = format!("Subject: {line}\r\n\r\n");
    let m = parser().parse(eml.as_bytes())?;
    m.subject().map(String::from)
}

fn bad(name: &str, expected: &'static str) -> MailError {
    MailError::Header {
        name: String::from(name),
        expected,
    }
}

fn text(s: &str, name: &str) -> Result<Text<'static>, MailError> {
    Text::from_string(String::from(s)).map_err(|_| bad(name, "text without NUL"))
}

/// Reads an Internet message as an m-send-req or m-retrieve-conf (or any
/// other `kind`; see the [module](super) docs for the mapping).
///
/// The mail's own fields (From, To, Cc, Bcc, Subject, Date) and the MM4
/// `X-Mms-*` fields become header fields; other mail fields (Received,
/// User-Agent, …) have no MMS field and are left out. A mail that is not
/// from an MMSC (no X-Mms-3GPP-MMS-Version) and has no SMIL part gets one
/// when [`MailOptions::generate_smil`] is set. The message is read
/// leniently: fields the type's header table does not allow land in its
/// `warnings` and `others`.
///
/// ```
/// use mms_pdu::mail::{from_mime, MailOptions};
/// use mms_pdu::mms::message::Message;
/// use mms_pdu::MessageType;
/// let eml = b"From: alice@example.com\r\nTo: +33612345678/TYPE=PLMN@mms.invalid\r\n\
///             Subject: =?iso-8859-1?Q?caf=E9?=\r\nContent-Type: text/plain\r\n\r\nHello\r\n";
/// let Message::SendReq(req) = from_mime(eml, MessageType::SEND_REQ, &MailOptions::default())? else { panic!() };
/// assert_eq!(req.to[0].as_str(), Some("+33612345678/TYPE=PLMN"));
/// let subject = req.subject.unwrap();
/// assert_eq!(subject.charset().map(|c| c.0), Some(4)); // iso-8859-1
/// assert_eq!(subject.as_bytes(), b"caf\xE9");
/// assert_eq!(req.content_type.media().name(), "application/vnd.wap.multipart.related"); // with a SMIL part
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_mime(
    eml: &[u8],
    kind: MessageType,
    opts: &MailOptions,
) -> Result<Message<'static>, MailError> {
    let mail = parser().parse(eml).ok_or(MailError::NotMail)?;
    let root = mail.parts.first().ok_or(MailError::NotMail)?;
    let from_mmsc = root.headers.iter().any(|h| {
        h.name
            .as_str()
            .eq_ignore_ascii_case("X-Mms-3GPP-MMS-Version")
    });

    let mut fields: Vec<Header<'static>> = Vec::new();
    let mut transaction_id: Option<Header<'static>> = None;
    let mut version: Option<Header<'static>> = None;
    let mut mms_message_id = false;
    let mut mail_message_id: Option<String> = None;
    for h in &root.headers {
        let raw = raw_value(eml, h.offset_start, h.offset_end);
        let name = h.name.as_str();
        match &h.name {
            HeaderName::From => {
                let v = match &h.value {
                    HeaderValue::Address(a) => match addresses(a).first() {
                        Some(addr) => FromValue::Address(address_value(addr, opts, name)?),
                        None => FromValue::InsertAddress,
                    },
                    _ => FromValue::InsertAddress,
                };
                fields.push(Header::field(FieldCode::FROM, Value::From(v)));
                continue;
            }
            HeaderName::To | HeaderName::Cc | HeaderName::Bcc => {
                let code = match &h.name {
                    HeaderName::To => FieldCode::TO,
                    HeaderName::Cc => FieldCode::CC,
                    _ => FieldCode::BCC,
                };
                if let HeaderValue::Address(a) = &h.value {
                    for addr in addresses(a) {
                        let v = address_value(addr, opts, name)?;
                        fields.push(Header::field(code, Value::EncodedString(v)));
                    }
                }
                continue;
            }
            HeaderName::Subject => {
                let t = h.value.as_text().unwrap_or("");
                let s = encoded_string(raw, t, name)?;
                fields.push(Header::field(FieldCode::SUBJECT, Value::EncodedString(s)));
                continue;
            }
            HeaderName::Date => {
                if let HeaderValue::DateTime(d) = &h.value {
                    let secs = u64::try_from(d.to_timestamp())
                        .map_err(|_| bad(name, "a date after 1970"))?;
                    fields.push(Header::field(FieldCode::DATE, Value::Long(secs)));
                }
                continue;
            }
            HeaderName::MessageId => {
                mail_message_id = h.value.as_text().map(String::from);
                continue;
            }
            HeaderName::Other(_) => {}
            _ => continue,
        }
        let t = h.value.as_text().unwrap_or("");
        if name.eq_ignore_ascii_case("X-Mms-Application-Header") {
            let (n, v) = t.split_once(':').ok_or(bad(name, "name: value"))?;
            fields.push(Header::Application {
                name: text(n.trim(), name)?,
                value: text(v.trim_start(), name)?,
            });
            continue;
        }
        let Some(code) = field_code(name) else {
            continue;
        };
        let value = field_value(code, t, raw, name)?;
        let header = Header::field(code, value);
        match code {
            FieldCode::TRANSACTION_ID if transaction_id.is_none() => transaction_id = Some(header),
            FieldCode::MMS_VERSION if version.is_none() => version = Some(header),
            _ => {
                mms_message_id |= code == FieldCode::MESSAGE_ID;
                fields.push(header);
            }
        }
    }
    if !from_mmsc && !mms_message_id && kind == MessageType::RETRIEVE_CONF {
        if let Some(id) = &mail_message_id {
            fields.push(Header::field(
                FieldCode::MESSAGE_ID,
                Value::Text(text(id, "Message-ID")?),
            ));
        }
    }
    if transaction_id.is_none() && kind != MessageType::RETRIEVE_CONF {
        let id = match &mail_message_id {
            Some(m) => m.split('@').next().unwrap_or("").to_string(),
            None => format!("{:016x}", fnv1a(eml)),
        };
        let id: String = id.chars().filter(|c| c.is_ascii_graphic()).collect();
        let id = if id.is_empty() { String::from("1") } else { id };
        transaction_id = Some(Header::field(
            FieldCode::TRANSACTION_ID,
            Value::Text(text(&id, "Message-ID")?),
        ));
    }

    let mut headers: Vec<Header<'static>> = Vec::with_capacity(fields.len() + 4);
    headers.push(Header::field(FieldCode::MESSAGE_TYPE, Value::Token(kind.0)));
    headers.extend(transaction_id);
    headers.push(
        version.unwrap_or_else(|| {
            Header::field(FieldCode::MMS_VERSION, Value::Version(Version::V1_2))
        }),
    );
    headers.extend(fields);

    let has_body = root
        .headers
        .iter()
        .any(|h| h.name == HeaderName::ContentType)
        || root.offset_end > root.offset_body;
    let mut pdu = Pdu {
        headers,
        ..Pdu::default()
    };
    if has_body {
        let (ct, body) = match &root.body {
            PartType::Multipart(ids) => {
                let ct = wsp_content_type(root, true);
                (ct, Body::Multipart(multipart(&mail, ids, eml, 1)?))
            }
            _ => {
                let ct = wsp_content_type(root, false);
                (ct, Body::Data(leaf_data(root, eml).into()))
            }
        };
        let (ct, body) = if !from_mmsc && opts.generate_smil && !has_smil(&body) {
            with_smil(ct, body, &mail, eml)?
        } else {
            (ct, body)
        };
        pdu.headers.push(Header::field(
            FieldCode::CONTENT_TYPE,
            Value::ContentType(ct),
        ));
        pdu.body = Some(body);
    }
    pdu.validate()?;
    Ok(Message::from_pdu(pdu, &crate::DecodeOptions::LENIENT)?)
}

/// FNV-1a, for a transaction id that depends on the mail only.
fn fnv1a(b: &[u8]) -> u64 {
    b.iter().fold(0xcbf2_9ce4_8422_2325, |h, &x| {
        (h ^ u64::from(x)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn raw_value(eml: &[u8], start: u32, end: u32) -> &str {
    let (s, e) = (start as usize, end as usize);
    eml.get(s..e)
        .and_then(|b| core::str::from_utf8(b).ok())
        .unwrap_or("")
        .trim()
}

/// The field an `X-Mms-*` mail field carries (the inverse of `mail_name`).
fn field_code(name: &str) -> Option<FieldCode> {
    let lower = name.to_ascii_lowercase();
    if let Some(h) = lower.strip_prefix("x-mms-field-0x") {
        return u8::from_str_radix(h, 16).ok().map(FieldCode);
    }
    let code = match lower.as_str() {
        "x-mms-transaction-id" => FieldCode::TRANSACTION_ID,
        "x-mms-message-id" => FieldCode::MESSAGE_ID,
        "x-mms-read-reply" => FieldCode::READ_REPORT,
        "x-mms-previously-sent-by" => FieldCode::PREVIOUSLY_SENT_BY,
        "x-mms-previously-sent-date-and-time" => FieldCode::PREVIOUSLY_SENT_DATE,
        _ if lower.starts_with("x-mms-") => FieldCode::from_name(name)?,
        _ => return None,
    };
    // The fields mail carries itself, and the type (the reader's choice).
    mail_name(code).map(|_| code)
}

fn from_hex(s: &str) -> Option<Vec<u8>> {
    let s = s.trim();
    if s.len() & 1 == 1 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// A field value from its mail text (`t`, decoded; `raw` as written).
fn field_value(
    code: FieldCode,
    t: &str,
    raw: &str,
    name: &str,
) -> Result<Value<'static>, MailError> {
    use crate::mms::ValueKind as K;
    if let Some(h) = t.trim().strip_prefix("wsp-hex:") {
        let octets = from_hex(h).ok_or(bad(name, "wsp-hex: and hex digits"))?;
        let parsed = crate::mms::value::decode(code, &octets, None, &Limits::DEFAULT);
        return Ok(match parsed {
            Ok((&[], v)) => v.into_owned(),
            _ => Value::Raw(Cow::Owned(octets)),
        });
    }
    let t = t.trim();
    let number = |s: &str| {
        s.trim()
            .parse::<u64>()
            .map_err(|_| bad(name, "a decimal number"))
    };
    Ok(match code.grammar() {
        K::EncodedString | K::CountedEncodedString => {
            Value::EncodedString(encoded_string(raw, t, name)?)
        }
        K::Text | K::CountedText => Value::Text(text(t, name)?),
        K::Long => Value::Long(number(t)?),
        K::Integer => Value::Integer(number(t)?),
        K::Token(_) | K::CountedToken(_) => Value::Token(
            code.token_code(t)
                .ok_or(bad(name, "a token name of the field"))?,
        ),
        K::Version => Value::Version(t.parse().map_err(|_| bad(name, "major.minor"))?),
        K::MessageClass => match code.token_code(t) {
            Some(o) => Value::MessageClass(MessageClass::Token(o)),
            None => Value::MessageClass(MessageClass::Text(text(t, name)?)),
        },
        K::Time => Value::Time(time(t).ok_or(bad(name, "an RFC 5322 date or seconds"))?),
        K::PreviouslySentBy => {
            let (c, rest) = t.split_once(',').ok_or(bad(name, "count, address"))?;
            let raw_rest = raw.split_once(',').map_or("", |(_, r)| r.trim());
            Value::PreviouslySentBy {
                count: number(c)?,
                address: encoded_string(raw_rest, rest.trim(), name)?,
            }
        }
        K::PreviouslySentDate => {
            let (c, rest) = t.split_once(',').ok_or(bad(name, "count, date"))?;
            Value::PreviouslySentDate {
                count: number(c)?,
                date: date(rest).ok_or(bad(name, "count, date"))?,
            }
        }
        _ => return Err(bad(name, "wsp-hex: and hex digits")),
    })
}

fn date(s: &str) -> Option<u64> {
    let eml = format!("Date: {}\r\n\r\n", s.trim());
    let m = parser().parse(eml.as_bytes())?;
    u64::try_from(m.date()?.to_timestamp()).ok()
}

/// X-Mms-Expiry and the other times: seconds (relative) or a date (absolute).
fn time(s: &str) -> Option<Time> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok().map(Time::Relative);
    }
    date(s).map(Time::Absolute)
}

/// The charset of the first encoded-word of a raw header value.
fn first_label(raw: &str) -> Option<&str> {
    let at = raw.find("=?")?;
    let rest = &raw[at + 2..];
    let label = &rest[..rest.find('?')?];
    Some(label.split('*').next().unwrap_or(label))
}

/// An Encoded-string-value from mail text: in the charset of its
/// encoded-words (RFC 2047) when this build can write that charset, else
/// utf-8; plain ASCII untagged.
fn encoded_string(raw: &str, t: &str, name: &str) -> Result<EncodedString<'static>, MailError> {
    let label = first_label(raw);
    let untagged = match label {
        None => t.is_ascii(),
        Some(l) => l.eq_ignore_ascii_case("us-ascii") && t.is_ascii(),
    };
    if untagged {
        return Ok(EncodedString::text(text(t, name)?));
    }
    let cs = label
        .and_then(Charset::from_name)
        .filter(|&c| c != Charset::US_ASCII)
        .unwrap_or(Charset::UTF_8);
    Ok(match crate::charset::encode(t, cs) {
        Ok(b) if cs != Charset::UTF_8 => EncodedString::with_charset(cs, b.into_owned()),
        _ => EncodedString::with_charset(Charset::UTF_8, t.as_bytes().to_vec()),
    })
}

fn addresses<'m>(a: &'m MailAddress<'_>) -> Vec<&'m Addr<'m>> {
    match a {
        MailAddress::List(l) => l.iter().collect(),
        MailAddress::Group(g) => g.iter().flat_map(|g| g.addresses.iter()).collect(),
    }
}

/// A mail address as an MMS address (3GPP TS 23.140 §8.4; MMS_ENC 1.3 §8).
fn address_value(
    addr: &Addr<'_>,
    opts: &MailOptions,
    name: &str,
) -> Result<EncodedString<'static>, MailError> {
    let a = addr.address.as_deref().unwrap_or("");
    if let Some((local, domain)) = a.rsplit_once('@') {
        // A device address in the MM4 form, whichever MMSC's domain.
        if local.contains("/TYPE=") {
            return string_value(local.trim_matches('"'), name);
        }
        if domain.eq_ignore_ascii_case(&opts.domain) {
            let local = local.trim_matches('"');
            let phone = local.strip_prefix('+').unwrap_or(local);
            let is_phone = !phone.is_empty()
                && phone
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'-' || b == b'.');
            let s = if opts.address_style == AddressStyle::Plain && is_phone {
                format!("{local}/TYPE=PLMN")
            } else {
                String::from(local)
            };
            return string_value(&s, name);
        }
    }
    let s = match addr.name.as_deref() {
        Some(n) if !n.is_empty() => format!("{n} <{a}>"),
        _ => String::from(a),
    };
    string_value(&s, name)
}

fn string_value(s: &str, name: &str) -> Result<EncodedString<'static>, MailError> {
    Ok(if s.is_ascii() {
        EncodedString::text(text(s, name)?)
    } else {
        EncodedString::with_charset(Charset::UTF_8, text(s, name)?.as_bytes().to_vec())
    })
}

/// The media type of mail as MMS writes it: `multipart/X` is
/// `application/vnd.wap.multipart.X` (MMS_ENC 1.3 §7.2.12).
fn wsp_media(name: &str) -> Media<'static> {
    let lower = name.to_ascii_lowercase();
    let mapped = match lower.strip_prefix("multipart/") {
        Some(sub @ ("related" | "mixed" | "alternative" | "form-data" | "byteranges")) => {
            format!("application/vnd.wap.multipart.{sub}")
        }
        Some(_) => String::from("application/vnd.wap.multipart.mixed"),
        None => lower,
    };
    Media::from_name(&mapped).into_owned()
}

/// A parameter as MMS writes it (WAP-230 §8.4.2.4, Table 38): the WSP
/// 1.1–1.3 well-known codes for charset, name, filename, type, start and
/// start-info, the others untyped.
fn wsp_param(name: &str, value: &str) -> Option<Parameter<'static>> {
    let owned = |s: &str| Text::from_string(String::from(s)).ok();
    let lower = name.to_ascii_lowercase();
    Some(match lower.as_str() {
        "boundary" => return None,
        "charset" if Charset::from_name(value).is_some() => {
            Parameter::charset(Charset::from_name(value)?)
        }
        "type" => {
            let m = Media::from_name(value).into_owned();
            let m = match m {
                Media::WellKnown(c) if c >= 0x80 => Media::Text(owned(value)?),
                m => m,
            };
            Parameter::typed(0x09, ParamValue::Media(m))
        }
        "start" => Parameter::typed(0x0A, ParamValue::Text(owned(value)?)),
        "start-info" => Parameter::typed(0x0B, ParamValue::Text(owned(value)?)),
        "name" => Parameter::typed(0x05, ParamValue::Text(owned(value)?)),
        "filename" => Parameter::typed(0x06, ParamValue::Text(owned(value)?)),
        _ => {
            let token = !value.is_empty()
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._+!#$&^`|~".contains(&b));
            let v = owned(value)?;
            Parameter {
                name: ParamName::Text(owned(&lower)?),
                value: ParamValue::TextValue(if token {
                    TextValue::Token(v)
                } else {
                    TextValue::Quoted(v)
                }),
            }
        }
    })
}

fn wsp_content_type(part: &MessagePart<'_>, multipart: bool) -> ContentType<'static> {
    let Some(ct) = part.content_type() else {
        return ContentType::new(Media::from_name(if multipart {
            "application/vnd.wap.multipart.mixed"
        } else {
            "text/plain"
        }));
    };
    let full = match &ct.c_subtype {
        Some(s) => format!("{}/{}", ct.c_type, s),
        None => ct.c_type.to_string(),
    };
    let mut w = ContentType::new(wsp_media(&full));
    for a in ct.attributes().unwrap_or(&[]) {
        if let Some(p) = wsp_param(&a.name, &a.value) {
            w.params_mut().push(p);
        }
    }
    w
}

/// The octets of a leaf part: its transfer encoding undone, in the
/// charset it was written in (text is not converted).
fn leaf_data(part: &MessagePart<'_>, eml: &[u8]) -> Vec<u8> {
    match &part.body {
        PartType::Binary(b) | PartType::InlineBinary(b) => b.to_vec(),
        _ => {
            let raw = eml
                .get(part.offset_body as usize..part.offset_end as usize)
                .unwrap_or(&[]);
            let decoded = match part.encoding {
                Encoding::Base64 => mail_parser::decoders::base64::base64_decode(raw),
                Encoding::QuotedPrintable => {
                    mail_parser::decoders::quoted_printable::quoted_printable_decode(raw)
                }
                Encoding::None => Some(raw.to_vec()),
            };
            decoded.unwrap_or_else(|| part.contents().to_vec())
        }
    }
}

fn multipart(
    mail: &Mail<'_>,
    ids: &[u32],
    eml: &[u8],
    depth: usize,
) -> Result<Multipart<'static>, MailError> {
    if depth > Limits::DEFAULT.max_depth {
        return Err(MailError::TooDeep);
    }
    let mut parts = Vec::with_capacity(ids.len());
    for &id in ids {
        let Some(p) = mail.parts.get(id as usize) else {
            continue;
        };
        parts.push(wsp_part(mail, p, eml, depth)?);
    }
    Ok(Multipart {
        parts,
        ..Multipart::default()
    })
}

fn wsp_part(
    mail: &Mail<'_>,
    p: &MessagePart<'_>,
    eml: &[u8],
    depth: usize,
) -> Result<Part<'static>, MailError> {
    let mut part = match &p.body {
        PartType::Multipart(ids) => {
            let nested = multipart(mail, ids, eml, depth + 1)?;
            let mut part = Part::new(wsp_content_type(p, true), nested.to_vec()?);
            part.nested = Some(nested);
            part
        }
        _ => Part::new(wsp_content_type(p, false), leaf_data(p, eml)),
    };
    for h in &p.headers {
        let name = h.name.as_str();
        let t = h.value.as_text().unwrap_or("");
        let header = match &h.name {
            HeaderName::ContentType
            | HeaderName::ContentTransferEncoding
            | HeaderName::MimeVersion => continue,
            HeaderName::ContentId => WspHeader::ContentId {
                id: text(&format!("<{t}>"), name)?,
                quoted: true,
            },
            HeaderName::ContentLocation => WspHeader::ContentLocation(text(t, name)?),
            HeaderName::ContentDisposition => {
                let Some(d) = h.value.as_content_type() else {
                    continue;
                };
                let disposition = match d.c_type.to_ascii_lowercase().as_str() {
                    "attachment" => Disposition::Attachment,
                    "inline" => Disposition::Inline,
                    "form-data" => Disposition::FormData,
                    other => Disposition::Token(text(other, name)?),
                };
                let params = d
                    .attributes()
                    .unwrap_or(&[])
                    .iter()
                    .filter_map(|a| wsp_param(&a.name, &a.value))
                    .collect();
                WspHeader::ContentDisposition {
                    code: 0x2E,
                    disposition,
                    params,
                }
            }
            _ if name.eq_ignore_ascii_case("X-Mms-Wsp-Header") => {
                let mut it = t.split_whitespace();
                let (Some(c), Some(v)) = (it.next(), it.next()) else {
                    return Err(bad(name, "code and value in hex"));
                };
                let code = u8::from_str_radix(c, 16).map_err(|_| bad(name, "code in hex"))?;
                let value = from_hex(v).ok_or(bad(name, "value in hex"))?;
                WspHeader::WellKnown {
                    code,
                    value: Cow::Owned(value),
                }
            }
            _ if name.eq_ignore_ascii_case("X-Mms-Application-Header") => {
                let (n, v) = t.split_once(':').ok_or(bad(name, "name: value"))?;
                WspHeader::Application {
                    name: text(n.trim(), name)?,
                    value: text(v.trim_start(), name)?,
                }
            }
            _ if name.eq_ignore_ascii_case("X-Mms-Content-Transfer-Encoding") => {
                WspHeader::Application {
                    name: text("Content-Transfer-Encoding", name)?,
                    value: text(t, name)?,
                }
            }
            _ => WspHeader::Application {
                name: text(name, name)?,
                value: text(t, name)?,
            },
        };
        part.headers.push(header);
    }
    Ok(part)
}

fn is_smil(ct: &ContentType<'_>) -> bool {
    ct.media().name().eq_ignore_ascii_case("application/smil")
}

fn has_smil(body: &Body<'_>) -> bool {
    match body {
        Body::Multipart(mp) => mp.parts.iter().any(|p| is_smil(&p.content_type)),
        Body::Data(_) => false,
    }
}

/// The parts a handset shows, in order: multiparts opened; of a
/// `multipart/alternative`, the text/plain alternative (RFC 2046 §5.1.4
/// leaves the choice to the reader; a handset shows text, not HTML) and
/// the media of the others that are not text (the picture an HTML
/// alternative shows inline).
fn leaves(parts: Vec<Part<'static>>, out: &mut Vec<Part<'static>>) {
    for mut p in parts {
        match p.nested.take() {
            Some(n) => {
                let alternative = p
                    .content_type
                    .media()
                    .name()
                    .ends_with("multipart.alternative");
                if !alternative {
                    leaves(n.parts, out);
                    continue;
                }
                let mut kids = n.parts;
                let plain = kids
                    .iter()
                    .position(|c| {
                        c.content_type
                            .media()
                            .name()
                            .eq_ignore_ascii_case("text/plain")
                    })
                    .unwrap_or(0);
                if plain >= kids.len() {
                    continue;
                }
                let chosen = kids.remove(plain);
                leaves(alloc::vec![chosen], out);
                let mut others = Vec::new();
                leaves(kids, &mut others);
                out.extend(others.into_iter().filter(|o| {
                    !o.content_type
                        .media()
                        .name()
                        .to_ascii_lowercase()
                        .starts_with("text/")
                }));
            }
            None => out.push(p),
        }
    }
}

fn extension(media: &str) -> &'static str {
    match media {
        "text/plain" => "txt",
        "text/html" => "html",
        "image/jpeg" | "image/jpg" => "jpg",
        "image/gif" => "gif",
        "image/png" => "png",
        "image/bmp" => "bmp",
        "audio/amr" => "amr",
        "audio/mpeg" => "mp3",
        "video/3gpp" => "3gp",
        "video/mp4" => "mp4",
        "text/x-vcard" | "text/vcard" => "vcf",
        _ => "bin",
    }
}

/// The body of a mail that has no SMIL, as `multipart/related` with a SMIL
/// presentation first: one slide per image or video, the text and audio
/// that follow it on the same slide (MMS_ENC 1.3 §7.2.12; the layout of
/// [`Presentation::from_slides`]). Each part is named (Content-Location,
/// and a Content-ID when it had none) so the SMIL resolves.
fn with_smil(
    ct: ContentType<'static>,
    body: Body<'static>,
    _mail: &Mail<'_>,
    _eml: &[u8],
) -> Result<(ContentType<'static>, Body<'static>), MailError> {
    let mut parts = Vec::new();
    match body {
        Body::Multipart(mp) => {
            let wrapper = Part {
                content_type: ct,
                headers: Vec::new(),
                data: Default::default(),
                nested: Some(mp),
            };
            leaves(alloc::vec![wrapper], &mut parts);
        }
        Body::Data(d) => parts.push(Part::new(ct, d)),
    }
    let mut used: std::collections::HashSet<String> =
        core::iter::once(String::from("smil.xml")).collect();
    let mut slides: Vec<SlideContent<'static>> = Vec::new();
    let mut current = SlideContent::new();
    let mut has = (false, false, false); // visual, text, audio
    for (k, p) in parts.iter_mut().enumerate() {
        let media = p.content_type.media().name().to_ascii_lowercase();
        let given = p
            .content_location()
            .map(|l| l.to_string_lossy().into_owned())
            .or_else(|| {
                p.headers.iter().find_map(|h| match h {
                    WspHeader::ContentDisposition { params, .. } => params
                        .iter()
                        .find(|x| x.name.name() == "filename")
                        .map(|x| x.value.to_text()),
                    _ => None,
                })
            })
            .or_else(|| p.content_type.param("name").map(|v| v.to_text()))
            .filter(|n| !n.is_empty());
        let mut name = given
            .clone()
            .unwrap_or_else(|| format!("part{}.{}", k + 1, extension(&media)));
        while used.contains(&name.to_ascii_lowercase()) {
            name = format!("{}-{name}", k + 1);
        }
        used.insert(name.to_ascii_lowercase());
        if p.content_location()
            .map(|l| l.to_string_lossy().into_owned())
            != Some(name.clone())
        {
            p.headers
                .retain(|h| !matches!(h, WspHeader::ContentLocation(_)));
            p.headers
                .push(WspHeader::ContentLocation(text(&name, "Content-Location")?));
        }
        if p.content_id().is_none() {
            p.headers.push(WspHeader::ContentId {
                id: text(&format!("<{name}>"), "Content-ID")?,
                quoted: true,
            });
        }
        let kind = MediaKind::for_media_type(&media);
        let (visual, is_text, audio) = (
            matches!(kind, MediaKind::Img | MediaKind::Video),
            kind == MediaKind::Text,
            kind == MediaKind::Audio,
        );
        let full = (visual && has.0)
            || (is_text && has.1)
            || (audio && has.2)
            || kind == MediaKind::Ref && (has.0 || has.1 || has.2);
        if full {
            slides.push(core::mem::take(&mut current));
            has = (false, false, false);
        }
        current = match kind {
            MediaKind::Img => current.image(&name, &media, Vec::new()),
            MediaKind::Video => current.video(&name, &media, Vec::new()),
            MediaKind::Audio => current.audio(&name, &media, Vec::new()),
            MediaKind::Text => current.text(&name, ""),
            _ => current.attachment(&name, &media, Vec::new()),
        };
        has.0 |= visual;
        has.1 |= is_text;
        has.2 |= audio;
    }
    if has.0 || has.1 || has.2 || slides.is_empty() {
        slides.push(current);
    }
    let xml = Presentation::from_slides(&slides).to_xml();
    let mut smil = Part::new(
        ContentType::new(Media::from_name("application/smil")),
        xml.into_bytes(),
    );
    smil.headers.push(WspHeader::ContentId {
        id: text("<smil>", "Content-ID")?,
        quoted: true,
    });
    smil.headers.push(WspHeader::ContentLocation(text(
        "smil.xml",
        "Content-Location",
    )?));
    parts.insert(0, smil);
    let ct = ContentType::new(Media::from_name("application/vnd.wap.multipart.related"))
        .with(Parameter::typed(
            0x0A,
            ParamValue::Text(text("<smil>", "Content-Type")?),
        ))
        .with(Parameter::typed(
            0x09,
            ParamValue::Media(Media::from_name("application/smil").into_owned()),
        ));
    Ok((
        ct,
        Body::Multipart(Multipart {
            parts,
            ..Multipart::default()
        }),
    ))
}
