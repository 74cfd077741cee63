//! # mms-pdu
//!
//! A zero-copy decoder and encoder for the binary PDUs of the Multimedia
//! Messaging Service: the OMA MMS Encapsulation Protocol (MMS_ENC 1.0–1.3)
//! on the WAP-230 WSP binary encoding, with WSP multipart bodies.
//!
//! An MMS travels as a handful of PDUs: a sender's client POSTs an
//! **m-send-req** (headers and a multipart body) to the operator's MMSC,
//! which answers **m-send-conf**; the MMSC tells the recipient with an
//! **m-notification-ind** (inside a WAP push over SMS) that carries the URL
//! of the message; the recipient GETs it as **m-retrieve-conf** and answers
//! **m-notifyresp-ind** or **m-acknowledge-ind**; delivery and read reports,
//! forwarding, the MMBox and cancel/replace have PDUs of their own. This
//! crate reads and writes all of them.
//!
//! ## Layers
//! - [`wsp`]: the WAP-230 primitives (uintvar, integers, text, encoded
//!   strings, charsets), content types, part headers, multipart bodies
//!   ([`wsp::Multipart`], walked in place by [`wsp::Parts`]) and the push
//!   PDU ([`wsp::push`]). Knows nothing of MMS.
//! - [`Pdu`]: the generic, lossless view of an MMS PDU: ordered headers
//!   ([`Header`], [`FieldCode`], typed [`Value`]s) and the [`Body`];
//!   [`mms::view::PduView`] is its lazy, allocation-free counterpart.
//! - [`mms::message`]: one typed struct per PDU type, checked against the
//!   header tables of MMS_ENC 1.3 §6 ([`mms::rules`]).
//! - [`sms`] carries pushes over SMS; [`wsp::charset`] reads text in its
//!   charset; `smil` (feature `smil`, on by default) reads and writes the
//!   presentation.
//! - [`compose`], above `mms` and `smil`: [`compose::SendReqBuilder`]
//!   builds an m-send-req, its SMIL slides included.
//! - [`gsm7`]: the GSM 7-bit default alphabet of text short messages
//!   and its packing into septets.
//!
//! Each layer only looks down (ARCHITECTURE.md has the map).
//!
//! ## Decoding
//! ```
//! use mms_pdu::{FieldCode, MessageType, Pdu, Value};
//! // An m-send-conf: Message-Type, Transaction-Id "T1", Version 1.2, Response-Status Ok.
//! let pdu = Pdu::decode(b"\x8C\x81\x98T1\0\x8D\x92\x92\x80")?;
//! assert_eq!(pdu.message_type(), Some(MessageType::SEND_CONF));
//! assert_eq!(pdu.get(FieldCode::RESPONSE_STATUS), Some(&Value::Token(0x80)));
//! assert_eq!(FieldCode::RESPONSE_STATUS.token_name(0x80), Some("Ok"));
//! # Ok::<(), mms_pdu::DecodeError>(())
//! ```
//!
//! ## Encoding
//! ```
//! use mms_pdu::mms::message::NotifyRespInd;
//! use mms_pdu::mms::typed::Status;
//! use mms_pdu::wsp::Text;
//! // The recipient's answer to a notification: Retrieved.
//! let resp = NotifyRespInd { transaction_id: Text::new("T1")?, status: Status::RETRIEVED, ..Default::default() };
//! assert_eq!(resp.encode()?, b"\x8C\x83\x98T1\0\x8D\x92\x95\x81");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Features
//! - `std` (default): the standard library (`std::error::Error`). Without
//!   it the crate is `no_std` with `alloc`.
//! - `mime` (default): conversions to and from `mime::Mime`.
//! - `smil` (default): the SMIL presentation (`smil` module).
//! - `charset`: text in every charset encoding_rs supports.
//! - `serde`: `Serialize` for every decoded type and view, `Deserialize`
//!   for the owned forms (works without `std` too).
//! - `mail`: MMS to Internet mail and back (`mail` module; mail-parser,
//!   mail-builder).
//!
//! ### `serde`
//! The serialized form is lossless: a [`Pdu`] read back from it equals
//! the decoded one made owned and re-encodes to the same octets (each
//! binary field keeps its wire octets as `raw`). It is the shape of the
//! Rust types, not the stable format of `mmsdump --json`:
//! - structs are maps of their fields; enums are externally tagged
//!   (`{"Text": …}`, `{"Token": …}`); in the generic types (`Pdu`,
//!   `Multipart`, `Part`, …) empty lists and absent options are left out,
//!   while the typed messages (`SendReq`, …) write every field of their
//!   struct, an empty one as `[]` or `null`;
//! - field codes, message types, the tokens of a field's table, charsets
//!   and well-known media types are written by name (`"X-Mms-Message-Type"`,
//!   `"m-send-req"`, `"utf-8"`), codes without a name by number; both read;
//! - text is a string when it is UTF-8, else `{"hex": …}`; an encoded
//!   string with a charset is `{"charset": …, "text": …}` (its octets in
//!   that charset); part, body and payload data are base64, other octets
//!   (a field's `raw`, raw values, trailing octets) hex; formats that are
//!   not human-readable get byte strings instead;
//! - [`mms::view::PduView`] serializes in the shape of a `Pdu` (headers
//!   decoded as they are written, each with its `offset`; a value that does
//!   not decode gives `"error"` in place of `"value"`), its body's parts
//!   walked in place; [`wsp::Parts`] is the sequence of its parts.
//!
//! Deserializing checks what the constructors guarantee and the encoder
//! relies on: text holds no NUL, names and media types written as text
//! open as their grammar requires, a field's `raw` octets encode its
//! value. A value that breaks one is an error. The warnings of a decoded
//! [`Pdu`] or push are written but not read back: they describe a decoding
//! of bytes, not the value (decoding the re-encoded octets finds them
//! again), so [`DecodeError`] is `Serialize` only. The formats must be
//! self-describing (JSON, CBOR, YAML, …).
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use mms_pdu::Pdu;
//! let bytes = b"\x8C\x81\x98T1\0\x8D\x92\x92\x80"; // m-send-conf
//! let pdu = Pdu::decode(bytes)?;
//! let json = serde_json::to_string(&pdu)?;
//! assert!(json.starts_with(
//!     r#"{"headers":[{"Field":{"code":"X-Mms-Message-Type","value":{"Token":"m-send-conf"},"raw":"81"}}"#
//! ));
//! let back: Pdu<'static> = serde_json::from_str(&json)?;
//! assert_eq!(back, pdu.clone().into_owned());
//! assert_eq!(back.encode()?, bytes);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Contracts
//! - Decoding never panics, on any input. Every failure is a
//!   [`DecodeError`] with the absolute byte offset, the field or rule, and
//!   what was expected.
//! - Nothing is allocated in proportion to a length or count the peer
//!   claims: lengths are checked against the bytes present, counts are
//!   bounded by [`Limits`], multipart nesting is bounded.
//! - **One reading.** The eager [`Pdu`], the lazy [`mms::view::PduView`]
//!   and the typed messages find where each header and the body start with
//!   one function, so they cannot read the same octets two ways: for every
//!   input, `PduView::parse` succeeds exactly when lenient `Pdu::decode`
//!   does, and both see the same fields, value extents and body. A text
//!   field's value runs to its NUL even where a sender left out the Quote
//!   that WAP-230 §8.4.2.1 asks for (an unquoted UTF-8 Subject), as
//!   Android's parser reads it, and that is reported.
//! - **Every loss is loud.** Lenient decoding (the default) accepts what
//!   real handsets and MMSCs send and records each deviation, with its
//!   offset, in [`Pdu::warnings`]: a value kept as raw octets, text out of
//!   its rule, text that cannot be read in its charset (never a silent
//!   U+FFFD), trailing octets, a body cut short, fewer or more parts than
//!   nEntries declares. Typed messages carry the same list, with the
//!   header-table violations after it ([`mms::message::Warning`]);
//!   [`Pdu::is_complete`] tells in one call whether every declared part is
//!   there, whole. Strict decoding ([`DecodeOptions::strict`]) makes each
//!   deviation an error, so a strict `Ok` is a PDU read whole and to the
//!   letter.
//! - A decoded PDU re-encodes to the same octets: its binary header fields
//!   keep their wire octets. Application headers and multipart bodies are
//!   re-encoded from their values, which gives the same octets for every
//!   canonical PDU (a sender's non-minimal integer or missing Quote inside
//!   them is written canonically); [`Pdu::canonicalize`] makes the header
//!   fields canonical too.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate alloc;

/// Text in its character set: the same items as [`wsp::charset`] (their
/// one home) and [`wsp::encoded_string`], under the path earlier versions
/// used.
///
/// ```
/// use mms_pdu::charset::{decode, Reading};
/// assert_eq!(decode(None, b"hi").unwrap().reading, Reading::Utf8Assumed);
/// ```
pub mod charset {
    pub use crate::wsp::charset::{decode, encode, DecodedText, Reading, UnsupportedCharset};
    pub use crate::wsp::encoded_string;
}
pub mod compose;
mod ctx;
mod error;
pub mod gsm7;
mod limits;
#[cfg(feature = "mail")]
#[cfg_attr(docsrs, doc(cfg(feature = "mail")))]
pub mod mail;
pub mod mms;
#[cfg(feature = "smil")]
pub mod smil;
pub mod sms;
pub mod wsp;

pub use error::{DecodeError, EncodeError, ErrorKind};
pub use limits::{DecodeOptions, Limits};
pub use mms::{
    Body, ElementItem, Field, FieldCode, FromValue, Header, MessageClass, MessageType, Pdu, Time,
    UtcDate, Value, Version,
};

/// The position of `part` inside `whole` when `part` is a sub-slice of it
/// (as every decoded slice is of its input): handy for hex dumps.
///
/// ```
/// let whole = b"abcdef";
/// assert_eq!(mms_pdu::offset_of(whole, &whole[2..4]), Some(2));
/// assert_eq!(mms_pdu::offset_of(whole, b"zz"), None);
/// ```
pub fn offset_of(whole: &[u8], part: &[u8]) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    (start + part.len() <= whole.len()).then_some(start)
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
