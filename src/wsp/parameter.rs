//! Parameters of a content type or disposition (WAP-230 §8.4.2.4) and the
//! well-known parameter table (Appendix A Table 38).
//!
//! ```text
//! Parameter          = Typed-parameter | Untyped-parameter
//! Typed-parameter    = Well-known-parameter-token Typed-value
//! Untyped-parameter  = Token-text Untyped-value        ; Integer-value | Text-value
//! ```

use alloc::string::String;
use alloc::vec::Vec;

use bytes::BufMut;

use super::charset::Charset;
use super::content_type::{constrained_media, constrained_name, Media};
use super::int::{
    integer_value, integer_value_len, long_integer, long_integer_len, octet, put_integer_value,
    put_long_integer, put_uintvar, short_integer, uintvar, uintvar_len,
};
use super::text::{charset, text_string, text_value, token_text, Text, TextValue};
use crate::error::{fail, ErrorKind, PResult};
use crate::Limits;

/// How a typed parameter's value is written (WAP-230 Table 38).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Grammar {
    /// Q-value: a 1–2 octet uintvar.
    Q,
    /// Well-known-charset.
    Charset,
    /// Version-value = Short-integer | Text-string.
    Version,
    /// Integer-value.
    Integer,
    /// Text-string.
    Text,
    /// Field-name = Token-text | Well-known-field-name.
    FieldName,
    /// Short-integer.
    Short,
    /// Constrained-encoding = Extension-Media | Short-integer.
    Constrained,
    /// No-value.
    NoValue,
    /// Text-value = No-value | Token-text | Quoted-string.
    TextValue,
    /// Date-value = Long-integer.
    Date,
}

/// WAP-230 Appendix A Table 38: well-known parameter assignments, with the
/// grammar of each value. Codes 0x00–0x16 are WSP 1.1–1.3; 0x17–0x1D are the
/// WSP 1.4 re-encodings of Name, Filename, Start, Start-info, Comment,
/// Domain and Path as Text-value.
pub(super) const PARAMS: &[(u8, &str, Grammar)] = &[
    (0x00, "q", Grammar::Q),
    (0x01, "charset", Grammar::Charset),
    (0x02, "level", Grammar::Version),
    (0x03, "type", Grammar::Integer),
    (0x05, "name", Grammar::Text),
    (0x06, "filename", Grammar::Text),
    (0x07, "differences", Grammar::FieldName),
    (0x08, "padding", Grammar::Short),
    (0x09, "type", Grammar::Constrained),
    (0x0A, "start", Grammar::Text),
    (0x0B, "start-info", Grammar::Text),
    (0x0C, "comment", Grammar::Text),
    (0x0D, "domain", Grammar::Text),
    (0x0E, "max-age", Grammar::Integer),
    (0x0F, "path", Grammar::Text),
    (0x10, "secure", Grammar::NoValue),
    (0x11, "sec", Grammar::Short),
    (0x12, "mac", Grammar::TextValue),
    (0x13, "creation-date", Grammar::Date),
    (0x14, "modification-date", Grammar::Date),
    (0x15, "read-date", Grammar::Date),
    (0x16, "size", Grammar::Integer),
    (0x17, "name", Grammar::TextValue),
    (0x18, "filename", Grammar::TextValue),
    (0x19, "start", Grammar::TextValue),
    (0x1A, "start-info", Grammar::TextValue),
    (0x1B, "comment", Grammar::TextValue),
    (0x1C, "domain", Grammar::TextValue),
    (0x1D, "path", Grammar::TextValue),
];

fn param_spec(code: u64) -> Option<(&'static str, Grammar)> {
    PARAMS
        .iter()
        .find(|(c, _, _)| u64::from(*c) == code)
        .map(|&(_, n, g)| (n, g))
}

/// The name of a well-known parameter code (`charset`, `type`, `start`, …).
pub fn well_known_parameter_name(code: u8) -> Option<&'static str> {
    param_spec(u64::from(code)).map(|(n, _)| n)
}

/// A parameter name: a well-known code (WAP-230 Table 38) or token-text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ParamName<'a> {
    /// Well-known-parameter-token.
    WellKnown(u8),
    /// Token-text of an untyped parameter.
    Text(
        #[cfg_attr(
            feature = "serde",
            serde(deserialize_with = "crate::wsp::serde::token_text")
        )]
        Text<'a>,
    ),
}

impl ParamName<'_> {
    /// The name in lower case (`charset`, `type`, …); unknown codes as `0xNN`.
    pub fn name(&self) -> String {
        match self {
            ParamName::WellKnown(c) => match well_known_parameter_name(*c) {
                Some(n) => String::from(n),
                None => alloc::format!("0x{c:02x}"),
            },
            ParamName::Text(t) => t.to_string_lossy().to_ascii_lowercase(),
        }
    }
}

/// A parameter value, in the form it had (or will have) on the wire.
/// WAP-230 §8.4.2.4 (`Typed-value` / `Untyped-value`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum ParamValue<'a> {
    /// Integer-value.
    Integer(u64),
    /// Short-integer (Padding, SEC, Version, well-known field name).
    Short(
        #[cfg_attr(
            feature = "serde",
            serde(deserialize_with = "crate::wsp::serde::short")
        )]
        u8,
    ),
    /// Q-value, as its uintvar code (1–100 = q 0.00–0.99 step .01, …).
    Q(u32),
    /// Well-known-charset.
    Charset(Charset),
    /// Date-value (seconds since the epoch).
    Date(u64),
    /// Text-string.
    Text(Text<'a>),
    /// Text-value: No-value, Token-text or Quoted-string.
    TextValue(TextValue<'a>),
    /// Constrained-encoding media (the Type parameter of multipart/related).
    Media(Media<'a>),
    /// No-value (Secure).
    NoValue,
}

/// The value as [`ParamValue::to_text`] renders it: charset and media
/// names, text as it is, numbers in decimal, nothing for No-value.
///
/// ```
/// use mms_pdu::wsp::{Charset, Media, ParamValue, Text};
/// assert_eq!(ParamValue::Charset(Charset::UTF_8).to_string(), "utf-8");
/// assert_eq!(ParamValue::Text(Text::new("cat.jpg").unwrap()).to_string(), "cat.jpg");
/// assert_eq!(ParamValue::Media(Media::from_name("application/smil")).to_string(), "application/smil");
/// assert_eq!(ParamValue::Integer(300).to_string(), "300");
/// assert_eq!(ParamValue::NoValue.to_string(), "");
/// ```
impl core::fmt::Display for ParamValue<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ParamValue::Integer(v) | ParamValue::Date(v) => write!(f, "{v}"),
            ParamValue::Short(v) => write!(f, "{v}"),
            ParamValue::Q(v) => write!(f, "{v}"),
            ParamValue::Charset(c) => write!(f, "{c}"),
            ParamValue::Text(t) => f.write_str(&t.to_string_lossy()),
            ParamValue::TextValue(t) => f.write_str(&String::from_utf8_lossy(t.text())),
            ParamValue::Media(m) => f.write_str(&m.name()),
            ParamValue::NoValue => Ok(()),
        }
    }
}

impl ParamValue<'_> {
    /// A readable rendering: charset names, media names, text; numbers in
    /// decimal (the same as its [`Display`](core::fmt::Display)).
    pub fn to_text(&self) -> String {
        alloc::string::ToString::to_string(self)
    }
    /// A copy that owns its octets.
    pub fn into_owned(self) -> ParamValue<'static> {
        match self {
            ParamValue::Integer(v) => ParamValue::Integer(v),
            ParamValue::Short(v) => ParamValue::Short(v),
            ParamValue::Q(v) => ParamValue::Q(v),
            ParamValue::Charset(v) => ParamValue::Charset(v),
            ParamValue::Date(v) => ParamValue::Date(v),
            ParamValue::Text(t) => ParamValue::Text(t.into_owned()),
            ParamValue::TextValue(t) => ParamValue::TextValue(t.into_owned()),
            ParamValue::Media(m) => ParamValue::Media(m.into_owned()),
            ParamValue::NoValue => ParamValue::NoValue,
        }
    }
    fn encoded_len(&self) -> usize {
        match self {
            ParamValue::Integer(v) => integer_value_len(*v),
            ParamValue::Short(_) | ParamValue::NoValue => 1,
            ParamValue::Q(v) => uintvar_len(*v),
            ParamValue::Charset(c) => c.encoded_len(),
            ParamValue::Date(v) => long_integer_len(*v),
            ParamValue::Text(t) => t.text_string_len(),
            ParamValue::TextValue(t) => t.encoded_len(),
            ParamValue::Media(m) => match (m, constrained_name(m)) {
                (Media::WellKnown(c), _) if *c < 0x80 => 1,
                (_, Some(name)) => name.len() + 1,
                (_, None) => 0,
            },
        }
    }
    fn encode<B: BufMut>(&self, out: &mut B) {
        match self {
            ParamValue::Integer(v) => put_integer_value(*v, out),
            ParamValue::Short(v) => out.put_u8(0x80 | (v & 0x7F)),
            ParamValue::NoValue => out.put_u8(0),
            ParamValue::Q(v) => put_uintvar(*v, out),
            ParamValue::Charset(c) => c.encode(out),
            ParamValue::Date(v) => put_long_integer(*v, out),
            ParamValue::Text(t) => t.put_text_string(out),
            ParamValue::TextValue(t) => t.encode(out),
            ParamValue::Media(m) => match (m, constrained_name(m)) {
                (Media::WellKnown(c), _) if *c < 0x80 => out.put_u8(0x80 | *c as u8),
                (_, Some(name)) => {
                    out.put_slice(name);
                    out.put_u8(0);
                }
                (_, None) => {}
            },
        }
    }
}

/// One parameter of a content type or disposition.
/// WAP-230 §8.4.2.4 (`Typed-parameter | Untyped-parameter`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Parameter<'a> {
    /// Its name.
    pub name: ParamName<'a>,
    /// Its value.
    pub value: ParamValue<'a>,
}

impl<'a> Parameter<'a> {
    /// A typed parameter with a well-known code.
    pub fn typed(code: u8, value: ParamValue<'a>) -> Self {
        Parameter {
            name: ParamName::WellKnown(code),
            value,
        }
    }
    /// `Charset` (0x01).
    pub fn charset(cs: Charset) -> Self {
        Self::typed(0x01, ParamValue::Charset(cs))
    }
    /// A copy that owns its octets.
    pub fn into_owned(self) -> Parameter<'static> {
        Parameter {
            name: match self.name {
                ParamName::WellKnown(c) => ParamName::WellKnown(c),
                ParamName::Text(t) => ParamName::Text(t.into_owned()),
            },
            value: self.value.into_owned(),
        }
    }
    /// Encoded length.
    pub fn encoded_len(&self) -> usize {
        let name = match &self.name {
            ParamName::WellKnown(c) => integer_value_len(u64::from(*c)),
            ParamName::Text(t) => t.len() + 1,
        };
        name + self.value.encoded_len()
    }
    /// Writes the parameter.
    pub fn encode<B: BufMut>(&self, out: &mut B) {
        match &self.name {
            ParamName::WellKnown(c) => put_integer_value(u64::from(*c), out),
            ParamName::Text(t) => {
                out.put_slice(t.as_bytes());
                out.put_u8(0);
            }
        }
        self.value.encode(out);
    }
}

/// Decodes the value of a typed parameter by the grammar of its code.
fn typed_value(g: Grammar, i: &[u8]) -> PResult<'_, ParamValue<'_>> {
    Ok(match g {
        Grammar::Q => {
            let (r, v) = uintvar(i)?;
            (r, ParamValue::Q(v))
        }
        Grammar::Charset => {
            let (r, v) = charset(i)?;
            (r, ParamValue::Charset(v))
        }
        Grammar::Version | Grammar::FieldName => match i.first() {
            Some(&b) if b >= 0x80 => (&i[1..], ParamValue::Short(b & 0x7F)),
            _ => {
                let (r, t) = text_string(i)?;
                (r, ParamValue::Text(t))
            }
        },
        Grammar::Integer => {
            let (r, v) = integer_value(i)?;
            (r, ParamValue::Integer(v))
        }
        Grammar::Text => {
            let (r, t) = text_string(i)?;
            (r, ParamValue::Text(t))
        }
        Grammar::Short => {
            let (r, v) = short_integer(i)?;
            (r, ParamValue::Short(v))
        }
        Grammar::Constrained => {
            let (r, m) = constrained_media(i)?;
            (r, ParamValue::Media(m))
        }
        Grammar::NoValue => {
            let (r, b) = octet(i, "no-value")?;
            if b != 0 {
                return fail(
                    i,
                    "no-value",
                    ErrorKind::Unexpected {
                        expected: "No-value (0x00)",
                        found: b,
                    },
                );
            }
            (r, ParamValue::NoValue)
        }
        Grammar::TextValue => {
            let (r, t) = text_value(i)?;
            (r, ParamValue::TextValue(t))
        }
        Grammar::Date => {
            let (r, v) = long_integer(i)?;
            (r, ParamValue::Date(v))
        }
    })
}

/// `Parameter = Typed-parameter | Untyped-parameter` (WAP-230 §8.4.2.4).
///
/// A typed value that does not follow its grammar but is text is kept as a
/// Text-value (encoders that write `charset` as `"utf-8"` exist); anything
/// else is an error.
pub(crate) fn parameter(i: &[u8]) -> PResult<'_, Parameter<'_>> {
    let first = match i.first() {
        Some(&b) => b,
        None => {
            return fail(
                i,
                "parameter",
                ErrorKind::Truncated {
                    expected: "parameter",
                },
            )
        }
    };
    if first >= 0x80 || first <= 30 {
        // Typed-parameter: Well-known-parameter-token = Integer-value.
        let (r, code) = integer_value(i)?;
        let Ok(code8) = u8::try_from(code) else {
            return fail(
                i,
                "parameter",
                ErrorKind::Unexpected {
                    expected: "well-known parameter token",
                    found: first,
                },
            );
        };
        let value = match param_spec(code) {
            Some((_, g)) => match typed_value(g, r) {
                Ok(ok) => ok,
                Err(e) => match r.first() {
                    Some(&b) if b == 0 || (32..128).contains(&b) => {
                        let (r2, t) = text_value(r).map_err(|_| e)?;
                        (r2, ParamValue::TextValue(t))
                    }
                    _ => return Err(e),
                },
            },
            // An unassigned code: its value's extent is unknown but it is
            // either an integer or text in practice.
            None => untyped_value(r)?,
        };
        Ok((
            value.0,
            Parameter {
                name: ParamName::WellKnown(code8),
                value: value.1,
            },
        ))
    } else {
        let (r, name) = token_text(i)?;
        let (r, value) = untyped_value(r)?;
        Ok((
            r,
            Parameter {
                name: ParamName::Text(name),
                value,
            },
        ))
    }
}

/// `*(Parameter)` filling `i`, at most `limits.max_parameters` of them.
pub(crate) fn parameters<'a>(mut i: &'a [u8], limits: &Limits) -> PResult<'a, Vec<Parameter<'a>>> {
    let mut params = Vec::new();
    while !i.is_empty() {
        if params.len() >= limits.max_parameters {
            return fail(
                i,
                "parameters",
                ErrorKind::LimitExceeded {
                    what: "parameters",
                    limit: limits.max_parameters,
                },
            );
        }
        let (rest, p) = parameter(i)?;
        params.push(p);
        i = rest;
    }
    Ok((i, params))
}

/// `Untyped-value = Integer-value | Text-value` (WAP-230 §8.4.2.4).
fn untyped_value(i: &[u8]) -> PResult<'_, ParamValue<'_>> {
    match i.first() {
        Some(&b) if b >= 0x80 || (1..=30).contains(&b) => {
            let (r, v) = integer_value(i)?;
            Ok((r, ParamValue::Integer(v)))
        }
        _ => {
            let (r, t) = text_value(i)?;
            Ok((r, ParamValue::TextValue(t)))
        }
    }
}
