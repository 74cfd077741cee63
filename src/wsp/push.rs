//! WSP Push and ConfirmedPush PDUs (WAP-230 §8.2.4.1), the envelope that
//! carries an m-notification-ind to a phone.
//!
//! ```text
//! Connectionless push (WAP-230 §8.2.1, §8.2.4.1):
//! +-----+------+------------+-------------+---------+------+
//! | TID | Type | HeadersLen | ContentType | Headers | Data |
//! +-----+------+------------+-------------+---------+------+
//!  octet octet   uintvar      \____ HeadersLen octets __/
//! Type: 0x06 Push, 0x07 ConfirmedPush. Connection-mode pushes have no TID.
//! ```

use alloc::borrow::Cow;
use alloc::vec::Vec;

use bytes::BufMut;

use super::content_type::{content_type, ContentType};
use super::headers::{headers, WspHeader};
use super::int::{octet, put_integer_value, put_uintvar, take, uintvar, uintvar_len, wire_len};
use super::text::Text;
use super::Media;
use crate::ctx::Ctx;
use crate::error::{fail, unwrap_err, ErrorKind, PErr, PResult};
use crate::{DecodeError, DecodeOptions, EncodeError};

/// X-Wap-Application-Id (WAP-230 Table 39, 0x2F).
pub const X_WAP_APPLICATION_ID: u8 = 0x2F;
/// Content-Length (0x0D).
pub const CONTENT_LENGTH: u8 = 0x0D;
/// Push-Flag (0x34).
pub const PUSH_FLAG: u8 = 0x34;
/// X-Wap-Content-URI (0x30).
pub const X_WAP_CONTENT_URI: u8 = 0x30;
/// X-Wap-Initiator-URI (0x31).
pub const X_WAP_INITIATOR_URI: u8 = 0x31;
/// Date (0x12).
pub const DATE: u8 = 0x12;
/// The push application id of the MMS user agent, `x-wap-application:mms.ua`.
pub const MMS_UA_APP_ID: u64 = 0x04;
/// Well-known media code of `application/vnd.wap.mms-message`.
pub const MMS_MESSAGE_MEDIA: u32 = 0x3E;

/// How many octets of junk a [`PushOptions::search`] skips at most: enough
/// for the few-octet prefixes carriers add, and a bound on the work (each
/// offset tried costs a decode).
pub const MAX_JUNK: usize = 64;

/// Push (0x06) or ConfirmedPush (0x07).
/// WAP-230 §8.2.4.1 (PDU type 0x06 Push, 0x07 ConfirmedPush; Appendix A assigns the types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum PushType {
    /// Push (0x06).
    Push,
    /// ConfirmedPush (0x07).
    ConfirmedPush,
}

impl PushType {
    /// The PDU type octet.
    pub fn code(self) -> u8 {
        match self {
            PushType::Push => 0x06,
            PushType::ConfirmedPush => 0x07,
        }
    }
    /// The name of WAP-230 Table 34.
    pub fn name(self) -> &'static str {
        match self {
            PushType::Push => "Push",
            PushType::ConfirmedPush => "ConfirmedPush",
        }
    }
}

/// X-Wap-Application-Id: `Push-app-id = Uri-value | App-assigned-code`
/// (WAP-230 §8.4.2.54).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum AppId<'a> {
    /// An assigned code (Integer-value); 4 is `x-wap-application:mms.ua`.
    Code(u64),
    /// An application URI.
    Uri(Text<'a>),
}

impl AppId<'_> {
    /// True for the MMS user agent (code 4 or its URI).
    pub fn is_mms(&self) -> bool {
        match self {
            AppId::Code(c) => *c == MMS_UA_APP_ID,
            AppId::Uri(t) => t
                .as_bytes()
                .eq_ignore_ascii_case(b"x-wap-application:mms.ua"),
        }
    }
    /// The application's name: the registry name of a code, or the URI.
    pub fn name(&self) -> alloc::borrow::Cow<'_, str> {
        match self {
            AppId::Code(c) => match u32::try_from(*c)
                .ok()
                .and_then(super::push_application_name)
            {
                Some(n) => n.into(),
                None => alloc::format!("0x{c:02x}").into(),
            },
            AppId::Uri(t) => t.to_string_lossy(),
        }
    }
}

/// How to frame and how leniently to read a push.
/// The framings of WAP-230 §8.2.4.1 (connectionless: with a TID; connection-mode: without).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PushOptions {
    /// Connectionless (the default: a TID octet first) or connection-mode.
    pub connectionless: bool,
    /// Skip junk before the push: when the PDU does not decode at offset 0,
    /// look within the first [`MAX_JUNK`] octets for the first offset where a push of an MMS PDU decodes (as
    /// Android's valid-wap-push-index setting does for carriers that prefix
    /// the PDU).
    pub search: bool,
    /// Limits and strictness.
    pub decode: DecodeOptions,
}

impl Default for PushOptions {
    fn default() -> Self {
        PushOptions {
            connectionless: true,
            search: false,
            decode: DecodeOptions::default(),
        }
    }
}

/// A decoded or built WSP push PDU.
/// Follows WAP-230 §8.2.4.1 (Push and ConfirmedPush PDUs) and WAP-251 for the application id.
///
/// ```
/// use mms_pdu::wsp::push::Push;
/// // An m-notification-ind (here just its first header) in a push to the MMS user agent.
/// let push = Push::mms(1, &b"\x8C\x82"[..]);
/// let bytes = push.to_vec().unwrap();
/// assert_eq!(bytes, b"\x01\x06\x03\xBE\xAF\x84\x8C\x82");
/// let back = Push::decode(&bytes).unwrap();
/// assert!(back.is_mms());
/// assert_eq!(back.body.as_ref(), b"\x8C\x82");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Push<'a> {
    /// Transaction id (connectionless pushes only).
    pub tid: Option<u8>,
    /// Push or ConfirmedPush.
    pub pdu_type: PushType,
    /// The content type of the body.
    pub content_type: ContentType<'a>,
    /// The push headers after the content type, in wire order.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub headers: Vec<WspHeader<'a>>,
    /// The body (an MMS PDU for `application/vnd.wap.mms-message`).
    #[cfg_attr(feature = "serde", serde(with = "crate::wsp::serde::base64"))]
    pub body: Cow<'a, [u8]>,
    /// Offset of the push PDU in the decoded input: non-zero when a
    /// [`PushOptions::search`] skipped junk before it (0 for a built push).
    pub start: usize,
    /// Offset of the body in the decoded input (0 for a built push).
    pub body_offset: usize,
    /// Deviations lenient decoding accepted.
    ///
    /// Serialized but not read back: a warning describes a decoding of
    /// bytes, not the value.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_deserializing, skip_serializing_if = "Vec::is_empty")
    )]
    pub warnings: Vec<DecodeError>,
}

impl<'a> Push<'a> {
    /// A connectionless Push of an MMS PDU to `x-wap-application:mms.ua`.
    pub fn mms(tid: u8, mms_pdu: impl Into<Cow<'a, [u8]>>) -> Self {
        Push {
            tid: Some(tid),
            pdu_type: PushType::Push,
            content_type: ContentType::new(Media::WellKnown(MMS_MESSAGE_MEDIA)),
            headers: alloc::vec![WspHeader::WellKnown {
                code: X_WAP_APPLICATION_ID,
                value: Cow::Owned(alloc::vec![0x80 | MMS_UA_APP_ID as u8]),
            }],
            body: mms_pdu.into(),
            start: 0,
            body_offset: 0,
            warnings: Vec::new(),
        }
    }
    /// Decodes a connectionless push, leniently.
    pub fn decode(input: &'a [u8]) -> Result<Self, DecodeError> {
        Self::decode_with(input, &PushOptions::default())
    }
    /// Decodes with options (connection-mode, junk search, strictness).
    pub fn decode_with(input: &'a [u8], opts: &PushOptions) -> Result<Self, DecodeError> {
        let first = Self::decode_at(input, 0, opts);
        if first.is_ok() || !opts.search {
            return first;
        }
        // Carrier junk before the PDU: the first offset where a push of an
        // MMS PDU decodes (MMS content type, body opening with
        // X-Mms-Message-Type), which random octets rarely mimic.
        (1..input.len().min(MAX_JUNK + 1))
            .find_map(|k| {
                Self::decode_at(input, k, opts)
                    .ok()
                    .filter(|p| p.is_mms() && p.body.first() == Some(&0x8C))
            })
            .ok_or_else(|| first.unwrap_err())
    }
    fn decode_at(input: &'a [u8], start: usize, opts: &PushOptions) -> Result<Self, DecodeError> {
        let mut ctx = Ctx::new(&opts.decode);
        match push(&input[start..], opts.connectionless, &mut ctx) {
            Ok((_, mut p)) => {
                p.body_offset = crate::error::offset_in(input, &p.body);
                p.warnings = ctx.warnings.iter().map(|w| w.into_public(input)).collect();
                p.start = start;
                if start > 0 {
                    p.warnings.push(DecodeError::new(
                        0,
                        "push",
                        ErrorKind::Skipped {
                            what: "junk before the push PDU",
                            len: start,
                        },
                    ));
                }
                Ok(p)
            }
            Err(e) => Err(unwrap_err(e, input).into_public(input)),
        }
    }
    /// X-Wap-Application-Id, when present and readable.
    pub fn application_id(&self) -> Option<AppId<'_>> {
        self.headers.iter().find_map(|h| match h {
            WspHeader::WellKnown { code, value } if *code == X_WAP_APPLICATION_ID => app_id(value),
            _ => None,
        })
    }
    /// True when the body is an MMS PDU: content type
    /// application/vnd.wap.mms-message.
    pub fn is_mms(&self) -> bool {
        match self.content_type.media() {
            Media::WellKnown(c) => *c == MMS_MESSAGE_MEDIA,
            Media::Text(t) => t
                .as_bytes()
                .eq_ignore_ascii_case(b"application/vnd.wap.mms-message"),
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
    /// Exact encoded length.
    pub fn encoded_len(&self) -> usize {
        let h = self.headers_len();
        usize::from(self.tid.is_some()) + 1 + uintvar_len(h as u32) + h + self.body.len()
    }
    /// Writes the push.
    pub fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        let h = wire_len(self.headers_len(), "push HeadersLen")?;
        self.content_type.validate()?;
        for x in &self.headers {
            x.validate()?;
        }
        if let Some(t) = self.tid {
            out.put_u8(t);
        }
        out.put_u8(self.pdu_type.code());
        put_uintvar(h, out);
        self.content_type.encode(out);
        for x in &self.headers {
            x.encode(out);
        }
        out.put_slice(&self.body);
        Ok(())
    }
    /// The encoded push in one vector.
    pub fn to_vec(&self) -> Result<Vec<u8>, EncodeError> {
        let mut v = Vec::with_capacity(self.encoded_len());
        self.encode(&mut v)?;
        Ok(v)
    }
    /// A copy that owns its octets.
    pub fn into_owned(self) -> Push<'static> {
        Push {
            tid: self.tid,
            pdu_type: self.pdu_type,
            content_type: self.content_type.into_owned(),
            headers: self
                .headers
                .into_iter()
                .map(super::multipart::own_header)
                .collect(),
            body: Cow::Owned(self.body.into_owned()),
            start: self.start,
            body_offset: self.body_offset,
            warnings: self.warnings,
        }
    }
}

impl<'a> TryFrom<&'a [u8]> for Push<'a> {
    type Error = DecodeError;
    /// [`Push::decode`] (connectionless, lenient).
    fn try_from(bytes: &'a [u8]) -> Result<Self, DecodeError> {
        Push::decode(bytes)
    }
}

/// Builds a push header with an integer value (Content-Length, Push-Flag, an app id code).
pub fn integer_header(code: u8, value: u64) -> WspHeader<'static> {
    let mut v = Vec::new();
    put_integer_value(value, &mut v);
    WspHeader::WellKnown {
        code,
        value: Cow::Owned(v),
    }
}

/// Reads an X-Wap-Application-Id value.
fn app_id<'a>(v: &'a [u8]) -> Option<AppId<'a>> {
    match v.first()? {
        b if *b >= 0x80 || *b <= 30 => super::int::integer_value(v)
            .ok()
            .map(|(_, c)| AppId::Code(c)),
        _ => super::text::text_string(v).ok().map(|(_, t)| AppId::Uri(t)),
    }
}

/// One push PDU.
fn push<'a>(i: &'a [u8], connectionless: bool, ctx: &mut Ctx<'a>) -> PResult<'a, Push<'a>> {
    let (r, tid) = if connectionless {
        let (r, t) = octet(i, "push TID")?;
        (r, Some(t))
    } else {
        (i, None)
    };
    let (r2, ty) = octet(r, "push PDU type")?;
    let pdu_type = match ty {
        0x06 => PushType::Push,
        0x07 => PushType::ConfirmedPush,
        b => {
            return fail(
                r,
                "push PDU type",
                ErrorKind::Unexpected {
                    expected: "Push (0x06) or ConfirmedPush (0x07)",
                    found: b,
                },
            )
        }
    };
    let (r3, hlen) = crate::error::context("push HeadersLen", uintvar(r2))?;
    if hlen == 0 && !r3.is_empty() {
        // Seen in the field: HeadersLen 0 and the content type right after
        // it, the body following (Android reads the type there regardless).
        let e = nom::Err::Error(PErr {
            at: r2,
            context: "push HeadersLen",
            kind: ErrorKind::Unexpected {
                expected: "a HeadersLen covering the content type",
                found: 0,
            },
        });
        ctx.deviation(e, r2)?;
        let (body, ct) = crate::error::context("push Content-Type", content_type(r3, &ctx.limits))?;
        return Ok((
            &body[body.len()..],
            Push {
                tid,
                pdu_type,
                content_type: ct,
                headers: Vec::new(),
                body: Cow::Borrowed(body),
                start: 0,
                body_offset: 0,
                warnings: Vec::new(),
            },
        ));
    }
    let (body, region) = take(r3, u64::from(hlen), "push HeadersLen").map_err(|e| {
        e.map(|mut p| {
            p.at = r2;
            p
        })
    })?;
    let (hrest, ct) =
        crate::error::context("push Content-Type", content_type(region, &ctx.limits))?;
    let (_, hs) = crate::error::context("push headers", headers(hrest, ctx))?;
    Ok((
        &body[body.len()..],
        Push {
            tid,
            pdu_type,
            content_type: ct,
            headers: hs,
            body: Cow::Borrowed(body),
            start: 0,
            body_offset: 0,
            warnings: Vec::new(),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_a_confirmed_connection_mode_push() {
        let mut p = Push::mms(0, &b"\x8C\x82\x98x\0"[..]);
        p.tid = None;
        p.pdu_type = PushType::ConfirmedPush;
        p.headers.push(integer_header(CONTENT_LENGTH, 5));
        p.headers.push(integer_header(PUSH_FLAG, 0));
        let bytes = p.to_vec().unwrap();
        assert_eq!(bytes.len(), p.encoded_len());
        let opts = PushOptions {
            connectionless: false,
            ..PushOptions::default()
        };
        let back = Push::decode_with(&bytes, &opts).unwrap();
        assert_eq!(back.headers, p.headers);
        assert_eq!(back.application_id(), Some(AppId::Code(4)));
        assert_eq!(
            back.application_id().unwrap().name(),
            "x-wap-application:mms.ua"
        );
        assert_eq!(back.mms_pdu().unwrap().unwrap().headers.len(), 2);
    }

    #[test]
    fn rejects_headers_length_past_the_end_and_other_types() {
        let e = Push::decode(&[0x01, 0x06, 0x20, 0xBE]).unwrap_err();
        assert_eq!(e.offset(), 2);
        assert!(matches!(
            e.kind(),
            ErrorKind::LengthOverrun {
                len: 32,
                remaining: 1,
                ..
            }
        ));
        let e = Push::decode(&[0x01, 0x05, 0x01, 0xBE]).unwrap_err();
        assert_eq!((e.offset(), e.context()), (1, "push PDU type"));
        assert!(Push::decode(&[0x01]).is_err());
        assert!(Push::decode(&[0xFF, 0x06, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]).is_err());
    }

    #[test]
    fn finds_a_push_behind_junk_when_asked() {
        let mut bytes = alloc::vec![0xFF, 0xFF];
        bytes.extend(Push::mms(7, &b"\x8C\x82"[..]).to_vec().unwrap());
        assert!(Push::decode(&bytes).is_err());
        let opts = PushOptions {
            search: true,
            ..PushOptions::default()
        };
        let p = Push::decode_with(&bytes, &opts).unwrap();
        assert_eq!(p.tid, Some(7));
        assert_eq!(p.body_offset, bytes.len() - 2);
        assert_eq!(p.start, 2);
        assert_eq!(
            p.warnings[0].to_string(),
            "at offset 0: push: skipped 2 octets of junk before the push PDU"
        );
    }
}
