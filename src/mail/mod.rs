//! MMS and Internet mail, both ways (feature `mail`).
//!
//! An MMS is built like an e-mail with attachments; this module turns one
//! into the other:
//!
//! - [`to_mime`] writes a message (an m-send-req, m-retrieve-conf,
//!   m-forward-req, or any other PDU) as an RFC 5322 message with a MIME
//!   body (RFC 2045–2047), in the form the MM4 interface between MMSCs uses
//!   (3GPP TS 23.140 §8.4): the MMS headers that mail has no field for
//!   travel as `X-Mms-*` header fields under their MM4 names.
//! - [`from_mime`] reads an Internet message (from an MMSC over MM4, or
//!   from any mail client) as an m-send-req or m-retrieve-conf, and writes a
//!   SMIL presentation for a mail that has none.
//! - [`decode_subject`] reads a Subject that carries RFC 2047
//!   encoded-words inside the MMS itself, as some handsets send it.
//!
//! MIME is parsed by `mail-parser` and the MIME body is written by
//! `mail-builder`; RFC 2047 words are decoded by `mail-parser`.
//!
//! ```
//! use mms_pdu::mail::{self, MailOptions};
//! use mms_pdu::mms::message::{Message, SendReq};
//! use mms_pdu::MessageType;
//!
//! let req = SendReq::builder()
//!     .transaction_id("T1")
//!     .to("+33612345678")
//!     .subject("Gruyère")
//!     .text("t.txt", "Hello")
//!     .build()?;
//! let opts = MailOptions::default();
//! let eml = mail::to_mime(&Message::SendReq(req.clone()), &opts)?;
//! let text = String::from_utf8_lossy(&eml);
//! assert!(text.contains("To: +33612345678/TYPE=PLMN@mms.invalid\r\n"));
//! assert!(text.contains("Subject: =?utf-8?B?R3J1ecOocmU=?=\r\n"));
//! assert!(text.contains("X-Mms-Transaction-ID: T1\r\n"));
//!
//! let back = mail::from_mime(&eml, MessageType::SEND_REQ, &opts)?;
//! match back {
//!     Message::SendReq(r) => {
//!         assert_eq!(r.to, req.to);
//!         assert_eq!(r.subject, req.subject);
//!     }
//!     other => panic!("{other:?}"),
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The mapping
//!
//! | MMS (MMS_ENC 1.3 §7.3) | mail |
//! |---|---|
//! | From, To, Cc, Bcc | the same fields; `+336…/TYPE=PLMN` as `+336…/TYPE=PLMN@domain` (the MM4 form, 3GPP TS 23.140 §8.4) or `+336…@domain` ([`AddressStyle`]); e-mail addresses as they are; the insert-address token as the empty group `insert-address:;` (RFC 6854) unless [`MailOptions::sender`] names the sender |
//! | Subject | Subject: plain ASCII as it is, other text as RFC 2047 encoded-words in the charset it came in (utf-8 for a charset that cannot be split into words) |
//! | Date | Date (RFC 5322 §3.3, UTC) |
//! | Message-ID | X-Mms-Message-ID; the mail's own Message-ID is made from it (or from the transaction id) and the domain |
//! | X-Mms-Transaction-Id | X-Mms-Transaction-ID |
//! | X-Mms-MMS-Version | X-Mms-MMS-Version; X-Mms-3GPP-MMS-Version carries [`MailOptions::mm4_version`] |
//! | X-Mms-Message-Type | X-Mms-Message-Type: `MM4_forward.REQ` (the reader chooses the PDU type) |
//! | X-Mms-Message-Class, -Priority, -Expiry, -Delivery-Report, -Sender-Visibility | the MM4 fields of the same names, with the MM4 values (`Personal`, `High`, `Yes`, `Hide`, an RFC 5322 date) |
//! | X-Mms-Read-Report | X-Mms-Read-Reply (its MM4 name) |
//! | X-Mms-Previously-Sent-By / -Date | X-Mms-Previously-sent-by / X-Mms-Previously-sent-date-and-time: `count, value` |
//! | every other field | `X-Mms-` + its MMS_ENC name; tokens by name, numbers in decimal, times as an RFC 5322 date (absolute) or seconds (relative), values with no text form as `wsp-hex:` and their octets |
//! | application headers of the PDU | X-Mms-Application-Header: `name: value` |
//! | Content-Type `application/vnd.wap.multipart.related` (`.mixed`, `.alternative`, …) | `multipart/related` (…), `type`, `start` and the other parameters kept |
//! | each part: Content-Type and its parameters, Content-ID, Content-Location, Content-Disposition | the same fields; the data base64 for binary, quoted-printable or 7bit for text (as the data needs), nested multiparts as nested multiparts |
//!
//! # What mail cannot carry
//!
//! A message converted to mail and back ([`from_mime`] of [`to_mime`]) has
//! the same header fields, the same parts in the same order with the same
//! Content-Type (media and parameters, by name and value), Content-ID,
//! Content-Location, Content-Disposition and the same data octets. What the
//! formats cannot carry:
//!
//! - **WSP encoding choices**: a well-known code or text for a media type or
//!   parameter, a typed or untyped parameter, the general form of a
//!   parameterless content type, a quoted or plain Content-ID, the
//!   Content-Disposition code (0x2E or 0x45). Mail has one text form for
//!   each; [`from_mime`] writes the canonical WSP form.
//! - **A Content-ID without angle brackets**: mail requires them
//!   (RFC 2392); it comes back as `<id>`.
//! - **`multipart/*` media in the PDU** (rather than
//!   `application/vnd.wap.multipart.*`): mail writes both the same way; they
//!   come back as `application/vnd.wap.multipart.*`. Other multipart
//!   subtypes of a mail (`signed`, `report`, …) are read as `.mixed`.
//! - **The charset tag of an address**: mail addresses are ASCII (or UTF-8,
//!   RFC 6532); an address comes back untagged.
//! - **Untagged text that is not plain ASCII** (a Subject of raw UTF-8
//!   octets without a charset): mail writes it as encoded-words, which name
//!   a charset; it comes back tagged utf-8 (iso-8859-1 when it was not
//!   UTF-8). An untagged Subject that itself holds encoded-words is written
//!   as it is, so mail readers show it decoded, and comes back decoded.
//! - **Text that is not valid in its charset** (a Subject cut inside a
//!   UTF-8 sequence): mail readers decode it with U+FFFD, and so does the
//!   way back.
//! - **Text in a charset other than utf-8, us-ascii and the single-octet
//!   ones**: encoded-words may not split a character, so such a Subject is
//!   written as utf-8 and comes back tagged utf-8.
//! - **A part's Content-Transfer-Encoding application header** (some MMSCs
//!   base64 a part inside the PDU): the part is written decoded and comes
//!   back decoded, without the header.
//! - **Characters a mail header cannot hold where they are**: a media
//!   type, parameter name or disposition with control characters, spaces
//!   or specials has them written as `_` (RFC 2045 §5.1 tokens); a control
//!   character in a phone-number address becomes `?`; line ends inside a
//!   parameter value are dropped. Other text with line ends goes as
//!   encoded-words, so no value from a PDU can end a header line.
//! - **Header order across kinds**: the mail writes the header fields in
//!   the PDU's order; reading puts X-Mms-Message-Type, X-Mms-Transaction-Id
//!   and X-Mms-MMS-Version first, as MMS_ENC §6 requires, and Content-Type
//!   last.
//! - **The PDU type**: MM4 says `MM4_forward.REQ`; the caller of
//!   [`from_mime`] names the type it wants.
//!
//! `tests/mail.rs` converts every multipart PDU of `tests/corpus` to mail
//! and back and checks the above, and has Python's `email` package read
//! each mail.

mod read;
mod write;

use alloc::string::String;
use core::fmt;

use crate::wsp::EncodedString;
use crate::EncodeError;

pub use read::from_mime;
pub use write::{pdu_to_mime, to_mime};

/// How an MMS phone number (or other device address) becomes a mail address.
///
/// ```
/// use mms_pdu::mail::{to_mime, AddressStyle, MailOptions};
/// use mms_pdu::mms::message::{Message, SendReq};
/// let req = SendReq::builder().transaction_id("T1").to("+15551234567").text("a.txt", "x").build()?;
/// let msg = Message::SendReq(req);
/// let mm4 = to_mime(&msg, &MailOptions::default())?;
/// assert!(String::from_utf8(mm4)?.contains("To: +15551234567/TYPE=PLMN@mms.invalid\r\n"));
/// let plain = MailOptions { address_style: AddressStyle::Plain, ..MailOptions::default() };
/// assert!(String::from_utf8(to_mime(&msg, &plain)?)?.contains("To: +15551234567@mms.invalid\r\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum AddressStyle {
    /// The MM4 form of 3GPP TS 23.140 §8.4: the whole MMS address as the
    /// local part, `+33612345678/TYPE=PLMN@domain`. Lossless.
    #[default]
    Mm4,
    /// The number alone, `+33612345678@domain`, for a mail system that
    /// does not take `/` in a local part. Read back as `/TYPE=PLMN` when the
    /// local part is a phone number and the domain is
    /// [`MailOptions::domain`].
    Plain,
}

/// Options of [`to_mime`] and [`from_mime`].
///
/// ```
/// use mms_pdu::mail::{AddressStyle, MailOptions};
/// let opts = MailOptions { domain: "mms.example.net".into(), address_style: AddressStyle::Plain, ..MailOptions::default() };
/// assert_eq!(opts.mm4_version, "6.16.0");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailOptions {
    /// The domain of device addresses and of generated Message-IDs
    /// (`mms.invalid` by default).
    pub domain: String,
    /// How a phone number becomes a mail address.
    pub address_style: AddressStyle,
    /// The sender's address, written in place of an insert-address From.
    pub sender: Option<String>,
    /// X-Mms-3GPP-MMS-Version: the release of 3GPP TS 23.140 the MM4 side
    /// speaks (`6.16.0`, the last one, by default).
    pub mm4_version: String,
    /// [`from_mime`]: write a SMIL presentation (text and images in order,
    /// one slide per image) for a mail that has none. A mail that carries
    /// X-Mms-3GPP-MMS-Version came from an MMSC and is read as it is.
    pub generate_smil: bool,
}

impl Default for MailOptions {
    fn default() -> Self {
        MailOptions {
            domain: String::from("mms.invalid"),
            address_style: AddressStyle::Mm4,
            sender: None,
            mm4_version: String::from("6.16.0"),
            generate_smil: true,
        }
    }
}

/// Why a conversion failed.
///
/// ```
/// use mms_pdu::mail::{from_mime, MailError, MailOptions};
/// use mms_pdu::MessageType;
/// let eml = b"X-Mms-Delivery-Report: perhaps\r\n\r\n";
/// let err = from_mime(eml, MessageType::SEND_REQ, &MailOptions::default()).unwrap_err();
/// assert!(matches!(err, MailError::Header { .. }));
/// assert_eq!(err.to_string(), "mail header X-Mms-Delivery-Report: expected a token name of the field");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MailError {
    /// The input is not an Internet message.
    NotMail,
    /// An `X-Mms-*` header field whose value does not follow its form.
    Header {
        /// The field name.
        name: String,
        /// What was expected.
        expected: &'static str,
    },
    /// The message nests multiparts deeper than [`crate::Limits`] allows.
    TooDeep,
    /// The PDU made from the mail cannot be encoded (or the message handed
    /// to [`to_mime`] holds a value that cannot be).
    Encode(EncodeError),
    /// The message made from the mail is not one of the typed messages.
    Message(crate::mms::message::MessageError),
}

impl fmt::Display for MailError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MailError::NotMail => f.write_str("not an Internet message (RFC 5322)"),
            MailError::Header { name, expected } => {
                write!(f, "mail header {name}: expected {expected}")
            }
            MailError::TooDeep => f.write_str("multiparts nested too deep"),
            MailError::Encode(e) => write!(f, "{e}"),
            MailError::Message(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for MailError {}

impl From<EncodeError> for MailError {
    fn from(e: EncodeError) -> Self {
        MailError::Encode(e)
    }
}

impl From<crate::mms::message::MessageError> for MailError {
    fn from(e: crate::mms::message::MessageError) -> Self {
        MailError::Message(e)
    }
}

/// The text of an MMS Subject (or any Encoded-string-value), read in its
/// charset, with the RFC 2047 encoded-words some handsets put inside it
/// (`=?utf-8?B?…?=`) decoded. Text without encoded-words is returned as
/// [`EncodedString::to_string_lossy`] reads it.
///
/// ```
/// use mms_pdu::mail::decode_subject;
/// use mms_pdu::wsp::EncodedString;
/// let s = EncodedString::new("=?utf-8?B?R3J1ecOocmU=?= et =?iso-8859-1?Q?caf=E9?=")?;
/// assert_eq!(decode_subject(&s), "Gruyère et café");
/// assert_eq!(decode_subject(&EncodedString::new("plain")?), "plain");
/// # Ok::<(), mms_pdu::EncodeError>(())
/// ```
pub fn decode_subject(s: &EncodedString<'_>) -> String {
    let text = s.to_string_lossy();
    if !text.contains("=?") {
        return text.into_owned();
    }
    read::decode_words(&text).unwrap_or_else(|| text.into_owned())
}
