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
//!   header tables of MMS_ENC 1.3 §6 ([`mms::rules`]); [`mms::builder`]
//!   builds an m-send-req.
//! - [`sms`] carries pushes over SMS; [`charset`] reads text in its
//!   charset; `smil` (feature `smil`, on by default) reads and writes the
//!   presentation.
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
//! ## Contracts
//! - Decoding never panics, on any input. Every failure is a
//!   [`DecodeError`] with the absolute byte offset, the field or rule, and
//!   what was expected.
//! - Nothing is allocated in proportion to a length or count the peer
//!   claims: lengths are checked against the bytes present, counts are
//!   bounded by [`Limits`], multipart nesting is bounded.
//! - Lenient decoding (the default) keeps a value that does not follow its
//!   grammar as raw octets and records a warning; strict decoding
//!   ([`DecodeOptions::strict`]) makes it an error.
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

pub mod charset;
mod ctx;
mod error;
mod limits;
pub mod mms;
#[cfg(feature = "smil")]
pub mod smil;
pub mod sms;
pub mod wsp;

pub use error::{DecodeError, EncodeError, ErrorKind};
pub use limits::{DecodeOptions, Limits};
pub use mms::{
    Body, ElementItem, Field, FieldCode, FromValue, Header, MessageClass, MessageType, Pdu, Time,
    Value, Version,
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
