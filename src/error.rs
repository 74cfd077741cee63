//! Errors of decoding and encoding.
//!
//! Decoding never panics: every failure is a [`DecodeError`] that says
//! *where* (the absolute byte offset in the input handed to the public entry
//! point), *in what* (the header, part or grammar rule being decoded) and
//! *what went wrong* ([`ErrorKind`]).

use core::fmt;

/// What went wrong while decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input ended while `expected` was being read.
    Truncated {
        /// What the decoder was reading when the input ended.
        expected: &'static str,
    },
    /// A length field claims more bytes than are left in its enclosing region.
    LengthOverrun {
        /// The rule that carried the length (`value-length`, `DataLen`, …).
        what: &'static str,
        /// The length on the wire.
        len: u64,
        /// The bytes that were actually left.
        remaining: usize,
    },
    /// A uintvar ran over 5 octets (WAP-230 §8.1.2).
    UintvarTooLong,
    /// A uintvar encodes a value above `u32::MAX` (WAP-230 §8.1.2).
    UintvarOverflow,
    /// A long-integer does not fit in a `u64`, or has a length outside 1–30.
    IntegerOverflow {
        /// The octet count announced by the short-length.
        octets: u8,
    },
    /// A text rule reached the end of its region without its End-of-string NUL.
    Unterminated {
        /// The rule (`text-string`, `quoted-string`, …).
        what: &'static str,
    },
    /// An octet that the grammar does not allow at this place.
    Unexpected {
        /// What the grammar expected here.
        expected: &'static str,
        /// The octet that was found.
        found: u8,
    },
    /// Bytes were left over inside a length-delimited region.
    TrailingData {
        /// The region (`value-length`, `part headers`, …).
        what: &'static str,
        /// How many bytes were left unread.
        len: usize,
    },
    /// Octets that were skipped to find the PDU (lenient searches only).
    Skipped {
        /// What was skipped.
        what: &'static str,
        /// How many octets.
        len: usize,
    },
    /// A configured [`Limits`](crate::Limits) bound was exceeded.
    LimitExceeded {
        /// The bound (`headers`, `parts`, `multipart nesting depth`, …).
        what: &'static str,
        /// Its value.
        limit: usize,
    },
    /// A count on the wire disagrees with what follows it (a multipart's
    /// nEntries, WAP-230 §8.5.2, against the entries found).
    CountMismatch {
        /// What was counted (`multipart entries`).
        what: &'static str,
        /// The count on the wire.
        declared: u64,
        /// What was found.
        found: usize,
    },
    /// Text that cannot be read in its charset: this build has no decoder
    /// for it (the `charset` feature adds them), or its octets are not
    /// valid in it (read with U+FFFD in their place).
    UnreadableText {
        /// The charset's MIBenum (IANA), as on the wire.
        charset: u32,
        /// Its IANA name (empty for a MIBenum the table does not name).
        name: &'static str,
        /// True when this build cannot decode the charset at all.
        unsupported: bool,
    },
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ErrorKind::Truncated { expected } => {
                write!(f, "input ends where {expected} was expected")
            }
            ErrorKind::LengthOverrun {
                what,
                len,
                remaining,
            } => write!(f, "{what} {len} exceeds the {remaining} bytes left"),
            ErrorKind::UintvarTooLong => f.write_str("uintvar longer than 5 octets"),
            ErrorKind::UintvarOverflow => f.write_str("uintvar value exceeds 32 bits"),
            ErrorKind::IntegerOverflow { octets } => {
                write!(f, "long-integer of {octets} octets does not fit in 64 bits")
            }
            ErrorKind::Unterminated { what } => {
                write!(f, "{what} is not terminated by a NUL octet")
            }
            ErrorKind::Unexpected { expected, found } => {
                write!(f, "expected {expected}, found octet 0x{found:02X}")
            }
            ErrorKind::TrailingData { what, len } => {
                write!(f, "{len} unread bytes left at the end of the {what}")
            }
            ErrorKind::Skipped { what, len } => write!(f, "skipped {len} octets of {what}"),
            ErrorKind::LimitExceeded { what, limit } => {
                write!(f, "more {what} than the limit of {limit}")
            }
            ErrorKind::CountMismatch {
                what,
                declared,
                found,
            } => write!(f, "{declared} {what} declared, {found} found"),
            ErrorKind::UnreadableText {
                charset,
                name,
                unsupported,
            } => {
                let cs: &dyn fmt::Display = if name.is_empty() { &charset } else { &name };
                if unsupported {
                    write!(
                        f,
                        "text in charset {cs} cannot be read by this build (the `charset` feature reads it)"
                    )
                } else {
                    write!(
                        f,
                        "text is not valid {cs}: read with U+FFFD in place of what is not"
                    )
                }
            }
        }
    }
}

/// A decoding failure: where, in what, and what went wrong.
///
/// ```
/// use mms_pdu::Pdu;
/// // X-Mms-Message-Type m-send-conf, then X-Mms-Expiry (0x88) whose
/// // value-length (12) claims more than the 3 bytes left.
/// let err = Pdu::decode(&[0x8C, 0x81, 0x88, 0x0C, 0x80, 0x01, 0x02]).unwrap_err();
/// assert_eq!(err.offset(), 3);
/// assert_eq!(err.context(), "X-Mms-Expiry");
/// assert_eq!(
///     err.to_string(),
///     "at offset 3: X-Mms-Expiry: value-length 12 exceeds the 3 bytes left"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[error("at offset {offset}: {context}: {kind}")]
pub struct DecodeError {
    offset: usize,
    context: &'static str,
    kind: ErrorKind,
}

impl DecodeError {
    /// Builds an error (mostly useful in tests and in layers built on the crate).
    pub const fn new(offset: usize, context: &'static str, kind: ErrorKind) -> Self {
        DecodeError {
            offset,
            context,
            kind,
        }
    }
    /// Absolute byte offset in the input where decoding failed.
    pub const fn offset(&self) -> usize {
        self.offset
    }
    /// The header, part or grammar rule being decoded (`X-Mms-Expiry`, `uintvar`, …).
    pub const fn context(&self) -> &'static str {
        self.context
    }
    /// What went wrong.
    pub const fn kind(&self) -> ErrorKind {
        self.kind
    }
}

/// A value that cannot be put on the wire.
///
/// ```
/// use mms_pdu::wsp::Text;
/// let err = Text::new("a\0b").unwrap_err();
/// assert_eq!(err.to_string(), "text-string: text contains a NUL octet");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[error("{context}: {reason}")]
pub struct EncodeError {
    context: &'static str,
    reason: &'static str,
}

impl EncodeError {
    /// Builds an error from the rule or field and the reason.
    pub const fn new(context: &'static str, reason: &'static str) -> Self {
        EncodeError { context, reason }
    }
    /// The rule or field that could not be encoded.
    pub const fn context(&self) -> &'static str {
        self.context
    }
    /// Why.
    pub const fn reason(&self) -> &'static str {
        self.reason
    }
}

/// The crate-internal error carried through nom: the remaining input at the
/// failure point (its position gives the absolute offset at the public entry).
#[derive(Debug, Clone, Copy)]
pub(crate) struct PErr<'a> {
    pub(crate) at: &'a [u8],
    pub(crate) context: &'static str,
    pub(crate) kind: ErrorKind,
}

impl<'a> nom::error::ParseError<&'a [u8]> for PErr<'a> {
    fn from_error_kind(input: &'a [u8], _kind: nom::error::ErrorKind) -> Self {
        PErr {
            at: input,
            context: "input",
            kind: ErrorKind::Truncated {
                expected: "more input",
            },
        }
    }
    fn append(_input: &'a [u8], _kind: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
}

impl<'a> PErr<'a> {
    /// Converts to the public error; `base` is the whole input of the public entry.
    pub(crate) fn into_public(self, base: &[u8]) -> DecodeError {
        DecodeError {
            offset: offset_in(base, self.at),
            context: self.context,
            kind: self.kind,
        }
    }
}

/// Position of `sub` (a sub-slice of `base`) inside `base`, clamped to its length.
pub(crate) fn offset_in(base: &[u8], sub: &[u8]) -> usize {
    let d = (sub.as_ptr() as usize).wrapping_sub(base.as_ptr() as usize);
    d.min(base.len())
}

/// nom result over byte input with our error.
pub(crate) type PResult<'a, T> = nom::IResult<&'a [u8], T, PErr<'a>>;

/// Fails at `at` with `context` and `kind`.
pub(crate) fn fail<'a, T>(at: &'a [u8], context: &'static str, kind: ErrorKind) -> PResult<'a, T> {
    Err(nom::Err::Error(PErr { at, context, kind }))
}

/// Replaces the context of an error with `context` (the outer, more telling name).
pub(crate) fn context<'a, T>(context: &'static str, r: PResult<'a, T>) -> PResult<'a, T> {
    r.map_err(|e| {
        e.map(|mut p| {
            p.context = context;
            p
        })
    })
}

/// Replaces the context of a nom error.
pub(crate) fn with_context<'a>(e: nom::Err<PErr<'a>>, context: &'static str) -> nom::Err<PErr<'a>> {
    e.map(|mut p| {
        p.context = context;
        p
    })
}

/// Extracts the `PErr` from a nom error (we never produce `Incomplete`).
pub(crate) fn unwrap_err<'a>(e: nom::Err<PErr<'a>>, at: &'a [u8]) -> PErr<'a> {
    match e {
        nom::Err::Error(p) | nom::Err::Failure(p) => p,
        nom::Err::Incomplete(_) => PErr {
            at,
            context: "input",
            kind: ErrorKind::Truncated {
                expected: "more input",
            },
        },
    }
}
