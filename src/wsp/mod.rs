//! WAP-230 (WSP) binary encoding: the primitives MMS is written in, content
//! types, part headers and multipart bodies. Knows nothing of MMS.
//!
//! Each grammar rule has a decoder and an encoder. The decoders are exposed
//! as `parse_*` functions returning the value and the rest of the input; the
//! encoders as `put_*` functions writing into any [`bytes::BufMut`], with a
//! `*_len` function giving the exact length first.
//!
//! ```
//! use mms_pdu::wsp;
//! let mut out = Vec::new();
//! wsp::put_uintvar(300, &mut out);
//! assert_eq!(out, [0x82, 0x2C]);
//! assert_eq!(wsp::parse_uintvar(&out).unwrap(), (300, &[][..]));
//! ```

pub mod charset;
pub(crate) mod content_type;
mod data;
pub(crate) mod headers;
pub(crate) mod int;
pub(crate) mod multipart;
mod names;
mod parameter;
pub mod push;
#[cfg(feature = "serde")]
pub(crate) mod serde;
pub(crate) mod tables;
pub(crate) mod text;
pub(crate) mod transfer;
mod unicode;

pub use charset::Charset;
pub use content_type::{well_known_media_code, well_known_media_name, ContentType, Media};
pub use data::Data;
pub use headers::{
    header_code, header_name, Disposition, WspHeader, CONTENT_DISPOSITION, CONTENT_DISPOSITION_14,
    CONTENT_ID, CONTENT_LOCATION,
};
pub use int::{
    integer_value_len, long_integer_len, put_integer_value, put_long_integer, put_uintvar,
    put_value_length, uintvar_len, value_length_len,
};
pub use multipart::{Multipart, Part, PartView, Parts};
pub use parameter::{well_known_parameter_name, ParamName, ParamValue, Parameter};
pub use text::{EncodedString, Text, TextValue};
pub use transfer::TransferError;
pub use unicode::{encoded_string, TextError};

use crate::error::{unwrap_err, PResult};
use crate::DecodeError;

fn public<'a, T>(input: &'a [u8], r: PResult<'a, T>) -> Result<(T, &'a [u8]), DecodeError> {
    match r {
        Ok((rest, v)) => Ok((v, rest)),
        Err(e) => Err(unwrap_err(e, input).into_public(input)),
    }
}

macro_rules! public_rule {
    ($(#[$doc:meta])* $name:ident => $inner:path : $t:ty) => {
        $(#[$doc])*
        pub fn $name(input: &[u8]) -> Result<($t, &[u8]), DecodeError> {
            public(input, $inner(input))
        }
    };
}

public_rule!(
    /// `uintvar` (WAP-230 §8.1.2): at most 5 octets, at most `u32::MAX`.
    parse_uintvar => int::uintvar: u32);
public_rule!(
    /// `Short-integer` (WAP-230 §8.4.2.1): one octet, high bit set.
    parse_short_integer => int::short_integer: u8);
public_rule!(
    /// `Long-integer` (WAP-230 §8.4.2.1): short-length (1–30) then big-endian octets.
    parse_long_integer => int::long_integer: u64);
public_rule!(
    /// `Integer-Value = Short-integer | Long-integer` (WAP-230 §8.4.2.3).
    parse_integer_value => int::integer_value: u64);
public_rule!(
    /// `Date-value = Long-integer`, seconds since 1970-01-01 (WAP-230 §8.4.2.3).
    parse_date_value => int::long_integer: u64);
public_rule!(
    /// `Delta-seconds-value = Integer-value` (WAP-230 §8.4.2.3).
    parse_delta_seconds_value => int::integer_value: u64);
public_rule!(
    /// `Value-length` (WAP-230 §8.4.2.2): returns the region it delimits.
    parse_value_length => int::value_length_region: &[u8]);
public_rule!(
    /// `Text-string` (WAP-230 §8.4.2.1), Quote and NUL removed.
    parse_text_string => text::text_string: Text<'_>);
public_rule!(
    /// `Token-text` (WAP-230 §8.4.2.1).
    parse_token_text => text::token_text: Text<'_>);
public_rule!(
    /// `Quoted-string` (WAP-230 §8.4.2.1), opening quote removed.
    parse_quoted_string => text::quoted_string: Text<'_>);
public_rule!(
    /// `Extension-media` (WAP-230 §8.4.2.24).
    parse_extension_media => text::extension_media: Text<'_>);
public_rule!(
    /// `Text-value = No-value | Token-text | Quoted-string` (WAP-230 §8.4.2.3).
    parse_text_value => text::text_value: TextValue<'_>);
public_rule!(
    /// `Encoded-string-value` (WAP-230 §8.4.2.8, MMS_ENC 1.3 §7.2.9).
    parse_encoded_string_value => text::encoded_string_value: EncodedString<'_>);
public_rule!(
    /// `Well-known-charset = Any-charset | Integer-value` (WAP-230 §8.4.2.8).
    parse_charset => text::charset: Charset);

/// The name of a WSP PDU type (WAP-230 Table 34): `Push`, `ConfirmedPush`, …
///
/// ```
/// assert_eq!(mms_pdu::wsp::pdu_type_name(0x06), Some("Push"));
/// ```
pub fn pdu_type_name(code: u8) -> Option<&'static str> {
    tables::PDU_TYPES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|&(_, n)| n)
}

/// The name of a well-known push application id (X-Wap-Application-Id, WINA registry).
///
/// ```
/// assert_eq!(mms_pdu::wsp::push_application_name(0x04), Some("x-wap-application:mms.ua"));
/// ```
pub fn push_application_name(code: u32) -> Option<&'static str> {
    tables::PUSH_APP_IDS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|&(_, n)| n)
}
