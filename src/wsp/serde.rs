//! `serde` support for the WSP layer (feature `serde`): the hand-written
//! `Serialize` and `Deserialize` impls of its types, and the helpers the
//! derives of every layer name in their `#[serde(with = …)]` attributes
//! (octets as hex or base64, text, codes by name or number).
//!
//! The shape is described in the crate documentation (section *Features*).
//! In short: enums are externally tagged; codes with a name are written by
//! name, others by number; text is a string when it is UTF-8 and
//! `{"hex": …}` otherwise; part and body data are base64, other octets of
//! the wire encoding hex (byte strings in formats that are not human
//! readable). Every value that deserializes can be encoded as it reads:
//! the invariants the constructors keep (no NUL in a text, a token-text
//! opening with a token character, a header value being one Wap-value, …)
//! are checked, and a value that breaks one is an error.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

use crate::wsp::{
    well_known_media_code, well_known_media_name, Charset, Data, EncodedString, PartView, Parts,
    Text, WspHeader,
};
use crate::DecodeError;

// ---------------------------------------------------------------------------
// Octets: hex or base64 in human-readable formats, byte strings otherwise.

const HEX: &[u8; 16] = b"0123456789abcdef";

fn to_hex(b: &[u8]) -> String {
    let mut s = String::with_capacity(2 * b.len());
    for &x in b {
        s.push(char::from(HEX[usize::from(x >> 4)]));
        s.push(char::from(HEX[usize::from(x & 15)]));
    }
    s
}

fn from_hex(s: &str) -> Option<Vec<u8>> {
    fn nibble(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        }
    }
    let s = s.as_bytes();
    if s.len() % 2 != 0 {
        return None;
    }
    s.chunks_exact(2)
        .map(|p| Some(nibble(p[0])? << 4 | nibble(p[1])?))
        .collect()
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn to_base64(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len().div_ceil(3) * 4);
    for c in b.chunks(3) {
        let n = u32::from(c[0]) << 16
            | u32::from(*c.get(1).unwrap_or(&0)) << 8
            | u32::from(*c.get(2).unwrap_or(&0));
        for k in 0..4 {
            if k <= c.len() {
                s.push(char::from(B64[(n >> (18 - 6 * k) & 63) as usize]));
            } else {
                s.push('=');
            }
        }
    }
    s
}

/// Standard base64 with its padding; nothing else is accepted.
fn from_base64(s: &str) -> Option<Vec<u8>> {
    let sextet = |c: u8| crate::wsp::transfer::b64_value(c).map(u32::from);
    let s = s.as_bytes();
    if s.len() % 4 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let quads = s.len() / 4;
    for (k, q) in s.chunks_exact(4).enumerate() {
        let pad = if k + 1 == quads {
            q.iter().rev().take_while(|&&c| c == b'=').count()
        } else {
            0
        };
        if pad > 2 {
            return None;
        }
        let mut n = 0u32;
        for &c in &q[..4 - pad] {
            n = n << 6 | sextet(c)?;
        }
        n <<= 6 * pad as u32;
        out.push((n >> 16) as u8);
        if pad < 2 {
            out.push((n >> 8) as u8);
        }
        if pad < 1 {
            out.push(n as u8);
        }
    }
    Some(out)
}

/// Reads octets: a string in the given text form, or a byte string.
struct OctetsVisitor {
    expecting: &'static str,
    decode: fn(&str) -> Option<Vec<u8>>,
}

impl<'de> Visitor<'de> for OctetsVisitor {
    type Value = Vec<u8>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<u8>, E> {
        (self.decode)(v).ok_or_else(|| E::invalid_value(Unexpected::Str(v), &self))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
        Ok(v.to_vec())
    }
    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
        Ok(v)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
        let mut v = Vec::new();
        while let Some(b) = seq.next_element::<u8>()? {
            v.push(b);
        }
        Ok(v)
    }
}

fn ser_octets<S: Serializer>(b: &[u8], s: S, text: fn(&[u8]) -> String) -> Result<S::Ok, S::Error> {
    if s.is_human_readable() {
        s.serialize_str(&text(b))
    } else {
        s.serialize_bytes(b)
    }
}

fn de_octets<'de, D: Deserializer<'de>>(d: D, v: OctetsVisitor) -> Result<Vec<u8>, D::Error> {
    if d.is_human_readable() {
        d.deserialize_str(v)
    } else {
        d.deserialize_byte_buf(v)
    }
}

const HEX_VISITOR: OctetsVisitor = OctetsVisitor {
    expecting: "octets in hex",
    decode: from_hex,
};
const B64_VISITOR: OctetsVisitor = OctetsVisitor {
    expecting: "octets in base64",
    decode: from_base64,
};

/// Octets of the wire encoding (a field's raw value, trailing octets, …):
/// hex. For `#[serde(with = "crate::wsp::serde::hex")]`.
pub(crate) mod hex {
    use super::*;
    pub(crate) fn serialize<T: AsRef<[u8]> + ?Sized, S: Serializer>(
        v: &T,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        ser_octets(v.as_ref(), s, to_hex)
    }
    pub(crate) fn deserialize<'de, T: From<Vec<u8>>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<T, D::Error> {
        de_octets(d, HEX_VISITOR).map(T::from)
    }
}

/// Part, body and payload data: base64. For
/// `#[serde(with = "crate::wsp::serde::base64")]`.
pub(crate) mod base64 {
    use super::*;
    pub(crate) fn serialize<T: AsRef<[u8]> + ?Sized, S: Serializer>(
        v: &T,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        ser_octets(v.as_ref(), s, to_base64)
    }
    pub(crate) fn deserialize<'de, T: From<Vec<u8>>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<T, D::Error> {
        de_octets(d, B64_VISITOR).map(T::from)
    }
}

/// Borrowed octets written in hex.
pub(crate) struct HexRef<'b>(pub(crate) &'b [u8]);

impl Serialize for HexRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        hex::serialize(self.0, s)
    }
}

/// Borrowed octets written in base64.
pub(crate) struct B64Ref<'b>(pub(crate) &'b [u8]);

impl Serialize for B64Ref<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        base64::serialize(self.0, s)
    }
}

/// Octets read from hex.
pub(crate) struct HexBuf(pub(crate) Vec<u8>);

impl<'de> Deserialize<'de> for HexBuf {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        hex::deserialize(d).map(HexBuf)
    }
}

impl Serialize for Data<'_> {
    /// Base64 (a byte string in formats that are not human readable).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        base64::serialize(&self[..], s)
    }
}

impl<'de> Deserialize<'de> for Data<'_> {
    /// Owned octets.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        base64::deserialize(d).map(Data::Owned)
    }
}

// ---------------------------------------------------------------------------
// Text: a string when UTF-8 without NUL, else {"hex": …}.

/// Text octets as they serialize: a string, or `{"hex": …}`.
pub(crate) struct OctetText<'b>(pub(crate) &'b [u8]);

impl Serialize for OctetText<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if !s.is_human_readable() {
            return s.serialize_bytes(self.0);
        }
        match core::str::from_utf8(self.0) {
            Ok(t) if !t.contains('\0') => s.serialize_str(t),
            _ => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("hex", &HexRef(self.0))?;
                m.end()
            }
        }
    }
}

/// Text octets read back: a string (its UTF-8), `{"hex": …}`, or a byte string.
struct TextBuf(Vec<u8>);

impl<'de> Deserialize<'de> for TextBuf {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or {\"hex\": octets}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<u8>, E> {
                Ok(v.as_bytes().to_vec())
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Vec<u8>, E> {
                Ok(v.into_bytes())
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
                Ok(v.to_vec())
            }
            fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
                Ok(v)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Vec<u8>, A::Error> {
                let mut out = None;
                while let Some(k) = m.next_key::<Cow<'_, str>>()? {
                    if k != "hex" || out.is_some() {
                        return Err(de::Error::unknown_field(&k, &["hex"]));
                    }
                    out = Some(m.next_value::<HexBuf>()?.0);
                }
                out.ok_or_else(|| de::Error::missing_field("hex"))
            }
        }
        d.deserialize_any(V).map(TextBuf)
    }
}

pub(crate) fn text_from<'a, E: de::Error>(v: Vec<u8>) -> Result<Text<'a>, E> {
    let t = match String::from_utf8(v) {
        Ok(s) => Text::from_string(s),
        Err(e) => Text::from_bytes(e.as_bytes()).map(Text::into_owned),
    };
    t.map_err(|e| E::custom(e))
}

impl Serialize for Text<'_> {
    /// A string when the octets are UTF-8, else `{"hex": …}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        OctetText(self.as_bytes()).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Text<'_> {
    /// Owned text; a NUL octet is an error.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        text_from(TextBuf::deserialize(d)?.0)
    }
}

/// Token-text (WAP-230 §8.4.2.1): what a header or parameter name, a
/// message class or a disposition written as text must be to read back.
pub(crate) fn token_text<'de, 'a, D: Deserializer<'de>>(d: D) -> Result<Text<'a>, D::Error> {
    let t = Text::deserialize(d)?;
    match t.as_bytes().first() {
        Some(32..=126) => Ok(t),
        _ => Err(de::Error::custom(
            "a token-text must open with a printable ASCII character (32-126)",
        )),
    }
}

/// The Token-text of a Text-value: not opening with `"` (a Quoted-string).
pub(crate) fn token_text_value<'de, 'a, D: Deserializer<'de>>(d: D) -> Result<Text<'a>, D::Error> {
    let t = token_text(d)?;
    if t.as_bytes().first() == Some(&b'"') {
        return Err(de::Error::custom(
            "a token-text value cannot open with '\"' (that is a quoted-string)",
        ));
    }
    Ok(t)
}

/// Extension-media (WAP-230 §8.4.2.24): opens with an octet 32–127.
pub(crate) fn extension_media<'de, 'a, D: Deserializer<'de>>(d: D) -> Result<Text<'a>, D::Error> {
    let t = Text::deserialize(d)?;
    match t.as_bytes().first() {
        Some(32..=127) => Ok(t),
        _ => Err(de::Error::custom(
            "an extension-media type must open with an octet 32-127",
        )),
    }
}

/// A Short-integer's value (0–127).
pub(crate) fn short<'de, D: Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    let v = u8::deserialize(d)?;
    if v > 0x7F {
        return Err(de::Error::invalid_value(
            Unexpected::Unsigned(u64::from(v)),
            &"a short-integer value (0-127)",
        ));
    }
    Ok(v)
}

/// A WSP header code (0–127).
pub(crate) fn header_code<'de, D: Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    short(d)
}

/// The code of a Content-Disposition: 0x2E (WSP 1.1–1.3) or 0x45 (WSP 1.4).
pub(crate) fn disposition_code<'de, D: Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    let v = u8::deserialize(d)?;
    if v != crate::wsp::CONTENT_DISPOSITION && v != crate::wsp::CONTENT_DISPOSITION_14 {
        return Err(de::Error::invalid_value(
            Unexpected::Unsigned(u64::from(v)),
            &"a Content-Disposition code (46 or 69)",
        ));
    }
    Ok(v)
}

/// The octets of a well-known WSP header's value: one Wap-value, whole.
pub(crate) fn wap_value<'de, 'a, D: Deserializer<'de>>(d: D) -> Result<Cow<'a, [u8]>, D::Error> {
    let v: Vec<u8> = hex::deserialize(d)?;
    match crate::wsp::headers::wap_value(&v) {
        Ok(([], _)) => Ok(Cow::Owned(v)),
        _ => Err(de::Error::custom(
            "a header value's octets must be exactly one Wap-value (WAP-230 §8.4.1.2)",
        )),
    }
}

impl Serialize for EncodedString<'_> {
    /// Untagged: as a [`Text`]; tagged: `{"charset": …, "text": …}`, the
    /// text being the octets in that charset.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.charset() {
            None => OctetText(self.as_bytes()).serialize(s),
            Some(cs) => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("charset", &cs)?;
                m.serialize_entry("text", &OctetText(self.as_bytes()))?;
                m.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for EncodedString<'_> {
    /// Owned; untagged text must hold no NUL.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = EncodedString<'static>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text, {\"hex\": octets} or {\"charset\": …, \"text\": …}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                self.visit_byte_buf(v.as_bytes().to_vec())
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                self.visit_byte_buf(v.into_bytes())
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Self::Value, E> {
                self.visit_byte_buf(v.to_vec())
            }
            fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Self::Value, E> {
                text_from(v).map(EncodedString::text)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
                let (mut hex, mut charset, mut text) = (None, None, None);
                while let Some(k) = m.next_key::<Cow<'_, str>>()? {
                    match &*k {
                        "hex" if hex.is_none() => hex = Some(m.next_value::<HexBuf>()?.0),
                        "charset" if charset.is_none() => {
                            charset = Some(m.next_value::<Charset>()?)
                        }
                        "text" if text.is_none() => text = Some(m.next_value::<TextBuf>()?.0),
                        other => {
                            return Err(de::Error::unknown_field(
                                other,
                                &["hex", "charset", "text"],
                            ))
                        }
                    }
                }
                match (hex, charset, text) {
                    (Some(h), None, None) => self.visit_byte_buf(h),
                    (None, Some(cs), Some(t)) => Ok(EncodedString::with_charset(cs, t)),
                    (None, Some(_), None) => Err(de::Error::missing_field("text")),
                    _ => Err(de::Error::custom(
                        "an encoded string is a text, {\"hex\": …} or {\"charset\": …, \"text\": …}",
                    )),
                }
            }
        }
        d.deserialize_any(V)
    }
}

// ---------------------------------------------------------------------------
// Codes: by name when they have one, else by number.

/// A code as read: its name or its number.
pub(crate) enum Coded<N> {
    Name(String),
    Number(N),
}

impl<'de, N: TryFrom<u64>> Deserialize<'de> for Coded<N> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<N>(PhantomData<N>);
        impl<'de, N: TryFrom<u64>> Visitor<'de> for V<N> {
            type Value = Coded<N>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(
                    f,
                    "a name or a number that fits in {} octets",
                    core::mem::size_of::<N>()
                )
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Coded<N>, E> {
                N::try_from(v)
                    .map(Coded::Number)
                    .map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Coded<N>, E> {
                match u64::try_from(v) {
                    Ok(u) => self.visit_u64(u),
                    Err(_) => Err(E::invalid_value(Unexpected::Signed(v), &self)),
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Coded<N>, E> {
                Ok(Coded::Name(v.into()))
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

impl<N> Coded<N> {
    pub(crate) fn resolve<E: de::Error>(
        self,
        what: &'static str,
        lookup: impl FnOnce(&str) -> Option<N>,
    ) -> Result<N, E> {
        match self {
            Coded::Number(n) => Ok(n),
            Coded::Name(s) => {
                lookup(&s).ok_or_else(|| E::custom(format_args!("unknown {what} {s:?}")))
            }
        }
    }
}

pub(crate) fn ser_coded<S: Serializer, N: Serialize>(
    name: Option<&str>,
    n: N,
    s: S,
) -> Result<S::Ok, S::Error> {
    match name {
        Some(name) => s.serialize_str(name),
        None => n.serialize(s),
    }
}

impl Serialize for Charset {
    /// The IANA name (`utf-8`, `*` for Any-charset), or the MIBenum of an unknown one.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ser_coded(self.name(), self.0, s)
    }
}

impl<'de> Deserialize<'de> for Charset {
    /// A name (case-insensitive) or a MIBenum.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Coded::<u32>::deserialize(d)?
            .resolve("charset", |n| Charset::from_name(n).map(|c| c.0))
            .map(Charset)
    }
}

/// A well-known media code by name (`#[serde(with = "crate::wsp::serde::media_code")]`).
pub(crate) mod media_code {
    use super::*;
    pub(crate) fn serialize<S: Serializer>(v: &u32, s: S) -> Result<S::Ok, S::Error> {
        ser_coded(well_known_media_name(*v), *v, s)
    }
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
        Coded::<u32>::deserialize(d)?.resolve("well-known media type", well_known_media_code)
    }
}

// ---------------------------------------------------------------------------
// Views: decoded as they are written.

/// How deep a view's nested multiparts are followed (as the decoder's ceiling).
const VIEW_DEPTH: usize = crate::Limits::MAX_DEPTH_CEILING;

/// An error in place of a value: `{"error": …}`.
pub(crate) struct ErrorEntry<'e>(pub(crate) &'e DecodeError);

impl Serialize for ErrorEntry<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry("error", self.0)?;
        m.end()
    }
}

/// A multipart walked in place: `{"declared_entries": n, "parts": […]}`.
pub(crate) struct ViewMultipart<'a> {
    pub(crate) parts: Parts<'a>,
    pub(crate) depth: usize,
}

impl Serialize for ViewMultipart<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("declared_entries", &self.parts.declared)?;
        m.serialize_entry(
            "parts",
            &ViewParts {
                parts: self.parts.clone(),
                depth: self.depth,
            },
        )?;
        m.end()
    }
}

struct ViewParts<'a> {
    parts: Parts<'a>,
    depth: usize,
}

impl Serialize for ViewParts<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for p in self.parts.clone() {
            match p {
                Ok(part) => seq.serialize_element(&ViewPart {
                    part,
                    depth: self.depth,
                })?,
                Err(e) => seq.serialize_element(&ErrorEntry(&e))?,
            }
        }
        seq.end()
    }
}

struct ViewPart<'a> {
    part: PartView<'a>,
    depth: usize,
}

impl Serialize for ViewPart<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Headers<'x, 'a>(&'x PartView<'a>);
        impl Serialize for Headers<'_, '_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(None)?;
                for h in self.0.header_iter() {
                    match h {
                        Ok(h) => seq.serialize_element::<WspHeader<'_>>(&h)?,
                        Err(e) => seq.serialize_element(&ErrorEntry(&e))?,
                    }
                }
                seq.end()
            }
        }
        let p = &self.part;
        let mut m = s.serialize_map(None)?;
        match p.decode_content_type() {
            Ok(ct) => m.serialize_entry("content_type", &ct)?,
            Err(e) => m.serialize_entry("content_type", &ErrorEntry(&e))?,
        }
        m.serialize_entry("headers", &Headers(p))?;
        m.serialize_entry("data", &B64Ref(p.data))?;
        let nested = p.media().is_some_and(|m| m.is_multipart()) && self.depth < VIEW_DEPTH;
        if nested {
            if let Ok(parts) = Parts::new(p.data) {
                m.serialize_entry(
                    "nested",
                    &ViewMultipart {
                        parts,
                        depth: self.depth + 1,
                    },
                )?;
            }
        }
        m.end()
    }
}

impl Serialize for PartView<'_> {
    /// `{"content_type": …, "headers": […], "data": …, "nested": …}`: the
    /// content type and headers decoded (`{"error": …}` for one that does
    /// not decode), the data in base64, and for a multipart part its parts,
    /// walked in place.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ViewPart {
            part: *self,
            depth: 1,
        }
        .serialize(s)
    }
}

impl Serialize for Parts<'_> {
    /// The sequence of the remaining parts ([`PartView`]s); a part that
    /// cannot be cut ends it as `{"error": …}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ViewParts {
            parts: self.clone(),
            depth: 1,
        }
        .serialize(s)
    }
}
