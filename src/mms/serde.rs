//! `serde` support for the MMS layer (feature `serde`): field codes,
//! message types, versions and tokens by name; a header field as its
//! code, typed value and wire octets (`raw`, checked against the value
//! when read back); the lazy [`PduView`] decoded as it is written, in the
//! shape of a [`Pdu`](crate::Pdu). The octet, text and code helpers are
//! the WSP layer's (`crate::wsp::serde`).

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::vec::Vec;

use serde::de::{self, Deserializer, Unexpected};
use serde::ser::{SerializeMap, SerializeStructVariant, Serializer};
use serde::{Deserialize, Serialize};

use crate::mms::typed::Token;
use crate::mms::view::{Fields, PduView, RawField};
use crate::mms::ValueKind;
use crate::wsp::serde::{ser_coded, B64Ref, Coded, HexBuf, HexRef, OctetText, ViewMultipart};
use crate::wsp::{ContentType, EncodedString, Text};
use crate::{
    ElementItem, Field, FieldCode, FromValue, MessageClass, MessageType, Time, Value, Version,
};

impl Serialize for FieldCode {
    /// The header name (`X-Mms-Message-Type`), or the number of an unknown code.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ser_coded(self.name(), self.0, s)
    }
}

impl<'de> Deserialize<'de> for FieldCode {
    /// A name (case-insensitive) or a number 0–127.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let c = Coded::<u8>::deserialize(d)?
            .resolve("field name", |n| FieldCode::from_name(n).map(|c| c.0))?;
        if c > 0x7F {
            return Err(de::Error::invalid_value(
                Unexpected::Unsigned(u64::from(c)),
                &"a field code (0-127)",
            ));
        }
        Ok(FieldCode(c))
    }
}

impl Serialize for MessageType {
    /// The name (`m-send-req`), or the number of an unknown type.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ser_coded(self.name(), self.0, s)
    }
}

impl<'de> Deserialize<'de> for MessageType {
    /// A name or a number.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Coded::<u8>::deserialize(d)?
            .resolve("message type", |n| FieldCode::MESSAGE_TYPE.token_code(n))
            .map(MessageType)
    }
}

impl Serialize for Version {
    /// `"1.2"` (`"1"` when the minor version is unspecified).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Version {
    /// `"major.minor"`, major 0–7, minor 0–14, or `"major"`.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Cow::<'_, str>::deserialize(d)?;
        s.parse().map_err(de::Error::custom)
    }
}

/// A token octet of field `code`'s table, by name when it has one.
fn ser_token<S: Serializer>(code: FieldCode, octet: u8, s: S) -> Result<S::Ok, S::Error> {
    ser_coded(code.token_name(octet), octet, s)
}

fn de_token<'de, D: Deserializer<'de>>(code: FieldCode, d: D) -> Result<u8, D::Error> {
    resolve_token(code, Coded::<u8>::deserialize(d)?)
}

fn resolve_token<E: de::Error>(code: FieldCode, t: Coded<u8>) -> Result<u8, E> {
    match t {
        Coded::Number(n) => Ok(n),
        Coded::Name(s) => code
            .token_code(&s)
            .ok_or_else(|| E::custom(format_args!("{s:?} is not a token of {code}"))),
    }
}

impl<const F: u8> Serialize for Token<F> {
    /// The token's name (`Ok`, `Retrieved`), or its octet when it has none.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ser_token(FieldCode(F), self.0, s)
    }
}

impl<'de, const F: u8> Deserialize<'de> for Token<F> {
    /// A name of the field's table (case-insensitive) or an octet.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        de_token(FieldCode(F), d).map(Token)
    }
}

/// The Class-identifier of X-Mms-Message-Class by name
/// (`#[serde(with = "crate::mms::serde::class_token")]`).
pub(crate) mod class_token {
    use super::*;
    pub(crate) fn serialize<S: Serializer>(v: &u8, s: S) -> Result<S::Ok, S::Error> {
        ser_token(FieldCode::MESSAGE_CLASS, *v, s)
    }
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
        de_token(FieldCode::MESSAGE_CLASS, d)
    }
}

// ---------------------------------------------------------------------------
// Fields: the value with the tokens of the field's table by name, and the
// wire octets, checked against the value when read back.

/// A field's value, its tokens written by name.
struct FieldValue<'v, 'a> {
    code: FieldCode,
    value: &'v Value<'a>,
}

struct TokenOf(FieldCode, u8);

impl Serialize for TokenOf {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ser_token(self.0, self.1, s)
    }
}

impl Serialize for FieldValue<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Variant indices as the derive numbers them.
        match self.value {
            Value::Token(b) => {
                s.serialize_newtype_variant("Value", 5, "Token", &TokenOf(self.code, *b))
            }
            Value::Counted { count, value } => {
                let mut v = s.serialize_struct_variant("Value", 16, "Counted", 2)?;
                v.serialize_field("count", count)?;
                v.serialize_field(
                    "value",
                    &FieldValue {
                        code: self.code,
                        value,
                    },
                )?;
                v.end()
            }
            // Listed one by one so that a new variant is looked at here.
            Value::Text(_)
            | Value::EncodedString(_)
            | Value::From(_)
            | Value::Long(_)
            | Value::Integer(_)
            | Value::Version(_)
            | Value::MessageClass(_)
            | Value::Time(_)
            | Value::ContentType(_)
            | Value::PreviouslySentBy { .. }
            | Value::PreviouslySentDate { .. }
            | Value::MmFlags { .. }
            | Value::MboxCount { .. }
            | Value::Attribute(_)
            | Value::ElementDescriptor { .. }
            | Value::Raw(_) => self.value.serialize(s),
        }
    }
}

/// [`Value`] as a field writes it: tokens by name or number.
///
/// A token's name means an octet only in the table of its field, which
/// the derive of [`Value`] cannot know: this mirror reads the name as
/// written and [`resolve`](Self::resolve) looks it up once the field's code
/// is known (the alternative, a `DeserializeSeed` carrying the code, is a
/// hand-written visitor over every variant).
#[derive(Deserialize)]
#[serde(rename = "Value")]
enum FieldValueDe<'a> {
    Text(Text<'a>),
    EncodedString(EncodedString<'a>),
    From(FromValue<'a>),
    Long(u64),
    Integer(u64),
    Token(Coded<u8>),
    Version(Version),
    MessageClass(MessageClass<'a>),
    Time(Time),
    ContentType(ContentType<'a>),
    PreviouslySentBy {
        count: u64,
        address: EncodedString<'a>,
    },
    PreviouslySentDate {
        count: u64,
        date: u64,
    },
    MmFlags {
        op: u8,
        flag: EncodedString<'a>,
    },
    MboxCount {
        kind: u8,
        value: u64,
    },
    Attribute(FieldCode),
    ElementDescriptor {
        reference: Text<'a>,
        params: Vec<(ElementItem<'a>, ElementItem<'a>)>,
    },
    Counted {
        count: u64,
        value: Box<FieldValueDe<'a>>,
    },
    Raw(#[serde(deserialize_with = "crate::wsp::serde::hex::deserialize")] Vec<u8>),
}

impl<'a> FieldValueDe<'a> {
    fn resolve<E: de::Error>(self, code: FieldCode) -> Result<Value<'a>, E> {
        Ok(match self {
            FieldValueDe::Text(t) => Value::Text(t),
            FieldValueDe::EncodedString(s) => Value::EncodedString(s),
            FieldValueDe::From(f) => Value::From(f),
            FieldValueDe::Long(v) => Value::Long(v),
            FieldValueDe::Integer(v) => Value::Integer(v),
            FieldValueDe::Token(t) => Value::Token(resolve_token(code, t)?),
            FieldValueDe::Version(v) => Value::Version(v),
            FieldValueDe::MessageClass(c) => Value::MessageClass(c),
            FieldValueDe::Time(t) => Value::Time(t),
            FieldValueDe::ContentType(ct) => Value::ContentType(ct),
            FieldValueDe::PreviouslySentBy { count, address } => {
                Value::PreviouslySentBy { count, address }
            }
            FieldValueDe::PreviouslySentDate { count, date } => {
                Value::PreviouslySentDate { count, date }
            }
            FieldValueDe::MmFlags { op, flag } => Value::MmFlags { op, flag },
            FieldValueDe::MboxCount { kind, value } => Value::MboxCount { kind, value },
            FieldValueDe::Attribute(c) => Value::Attribute(c),
            FieldValueDe::ElementDescriptor { reference, params } => {
                Value::ElementDescriptor { reference, params }
            }
            FieldValueDe::Counted { count, value } => Value::Counted {
                count,
                value: Box::new(value.resolve(code)?),
            },
            FieldValueDe::Raw(r) => Value::Raw(Cow::Owned(r)),
        })
    }
}

#[derive(Deserialize)]
#[serde(rename = "Field")]
struct FieldDe<'a> {
    code: FieldCode,
    value: FieldValueDe<'a>,
    #[serde(default)]
    raw: Option<HexBuf>,
}

impl Serialize for Field<'_> {
    /// `{"code": …, "value": …, "raw": …}`: the value's tokens by name, `raw`
    /// the value's wire octets in hex (absent for a field built in code).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2 + usize::from(self.raw().is_some())))?;
        m.serialize_entry("code", &self.code())?;
        m.serialize_entry(
            "value",
            &FieldValue {
                code: self.code(),
                value: self.value(),
            },
        )?;
        if let Some(r) = self.raw() {
            m.serialize_entry("raw", &HexRef(r))?;
        }
        m.end()
    }
}

/// Whether `raw` is one value of field `code` that reads back as `value`,
/// exactly as the decoder reads it: by the field's grammar, consuming all
/// of `raw` (the message type only picks the counted forms of the delete
/// confirmations), or as lenient decoding keeps what does not follow the
/// grammar (the generic WAP-230 §8.4.1.2 extent as a raw value, a text
/// without its NUL).
fn raw_encodes(code: FieldCode, raw: &[u8], value: &Value<'_>) -> bool {
    let by_grammar = [None, Some(MessageType::DELETE_CONF.0)]
        .into_iter()
        .any(|mt| {
            matches!(
                crate::mms::value::decode(code, raw, mt, &crate::Limits::DEFAULT),
                Ok((rest, v)) if rest.is_empty() && v == *value
            )
        });
    by_grammar
        || match value {
            Value::Raw(r) => {
                matches!(crate::wsp::headers::wap_value(raw), Ok((rest, _)) if rest.is_empty())
                    && r.as_ref() == raw
            }
            Value::Text(t) => {
                matches!(code.grammar(), ValueKind::Text | ValueKind::CountedText)
                    && !raw.is_empty()
                    && !raw.contains(&0)
                    && t.as_bytes() == raw.strip_prefix(&[crate::wsp::text::QUOTE]).unwrap_or(raw)
            }
            // The same unterminated text (the last octets of a PDU) in an
            // Encoded-string-value field (MMS_ENC 1.3 §7.2.9).
            Value::EncodedString(s) if s.charset().is_none() => {
                matches!(
                    code.grammar(),
                    ValueKind::EncodedString | ValueKind::CountedEncodedString
                ) && !raw.is_empty()
                    && !raw.contains(&0)
                    && s.as_bytes() == raw.strip_prefix(&[crate::wsp::text::QUOTE]).unwrap_or(raw)
            }
            _ => false,
        }
}

impl<'de> Deserialize<'de> for Field<'_> {
    /// Owned; tokens by name or number; `raw`, when present, must encode
    /// the value.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = FieldDe::deserialize(d)?;
        let value = f.value.resolve(f.code)?;
        let raw = f.raw.map(|r| r.0);
        if let Some(r) = &raw {
            if !raw_encodes(f.code, r, &value) {
                return Err(de::Error::custom(format_args!(
                    "the raw octets of {} do not encode its value",
                    f.code
                )));
            }
        }
        Ok(Field::with_raw(f.code, value, raw))
    }
}

// ---------------------------------------------------------------------------
// Views: decoded as they are written.

impl Serialize for RawField<'_> {
    /// `{"code": …, "value": …, "offset": …}` for a binary field (`value`
    /// its octets in hex), `{"name": …, "value": …, "offset": …}` for an
    /// application header (name and value as text).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        match self.code {
            Some(c) => {
                m.serialize_entry("code", &c)?;
                m.serialize_entry("value", &HexRef(self.value))?;
            }
            None => {
                m.serialize_entry("name", &OctetText(self.name))?;
                m.serialize_entry("value", &OctetText(self.value))?;
            }
        }
        m.serialize_entry("offset", &self.offset)?;
        m.end()
    }
}

impl Serialize for Fields<'_> {
    /// The sequence of the [`RawField`]s.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.clone())
    }
}

/// A header of a view, as a [`Header`](crate::Header) serializes, with
/// its offset; a value that does not decode gives `"error"` for `"value"`.
struct ViewHeader<'f> {
    field: RawField<'f>,
    message_type: Option<MessageType>,
}

impl Serialize for ViewHeader<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Inner<'x, 'f>(&'x ViewHeader<'f>);
        impl Serialize for Inner<'_, '_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let f = &self.0.field;
                let mut m = s.serialize_map(Some(4))?;
                match f.code {
                    Some(code) => {
                        m.serialize_entry("code", &code)?;
                        if let Some(value) = f.decode(self.0.message_type) {
                            m.serialize_entry(
                                "value",
                                &FieldValue {
                                    code,
                                    value: &value,
                                },
                            )?;
                        }
                        if let Some(e) = &f.deviation {
                            m.serialize_entry("warning", e)?;
                        }
                        m.serialize_entry("raw", &HexRef(f.value))?;
                    }
                    None => {
                        m.serialize_entry("name", &OctetText(f.name))?;
                        let text = f.text().unwrap_or_default();
                        m.serialize_entry("value", &OctetText(text.as_bytes()))?;
                    }
                }
                m.serialize_entry("offset", &f.offset)?;
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(1))?;
        let tag = if self.field.code.is_some() {
            "Field"
        } else {
            "Application"
        };
        m.serialize_entry(tag, &Inner(self))?;
        m.end()
    }
}

struct ViewHeaders<'v, 'a>(&'v PduView<'a>);

impl Serialize for ViewHeaders<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let message_type = self.0.message_type();
        s.collect_seq(self.0.fields().map(|field| ViewHeader {
            field,
            message_type,
        }))
    }
}

impl Serialize for PduView<'_> {
    /// `{"headers": […], "body": …, "trailing": …}` in the shape of a
    /// [`Pdu`](crate::Pdu): each header decoded, with its `offset` (a value
    /// that does not decode gives `"error"` in place of `"value"`); the body
    /// walked in place (`{"Multipart": {"declared_entries": …, "parts": […]}}`
    /// or `{"Data": …}`).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Body<'v, 'a>(&'v PduView<'a>, &'a [u8]);
        impl Serialize for Body<'_, '_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(1))?;
                match self.0.parts() {
                    Some(Ok(parts)) => {
                        m.serialize_entry("Multipart", &ViewMultipart { parts, depth: 1 })?
                    }
                    _ => m.serialize_entry("Data", &B64Ref(self.1))?,
                }
                m.end()
            }
        }
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("headers", &ViewHeaders(self))?;
        if let Some(body) = self.body() {
            m.serialize_entry("body", &Body(self, body))?;
        }
        if !self.trailing().is_empty() {
            m.serialize_entry("trailing", &HexRef(self.trailing()))?;
        }
        m.end()
    }
}
