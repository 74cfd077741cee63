//! Typed messages: one struct per PDU type of MMS_ENC 1.3 §6, with named
//! fields for the headers its table allows, checked against that table
//! ([`rules`](super::rules)), and the [`Message`] enum over them.
//!
//! Decoding goes bytes → struct: each header, as the one reading of a PDU
//! cuts and decodes it, is moved into its field, and the header table is
//! checked in the same pass (no [`Pdu`] is built; `from_pdu` reads one
//! that is, with the same result). Encoding writes the struct's fields
//! straight to bytes, in the order of the PDU it stands for (`to_pdu`
//! gives that PDU). A decoded struct remembers the wire order of its headers and keeps
//! the headers it has no field for (unknown codes, application headers,
//! headers its type does not allow) with their positions, so that a
//! canonical PDU re-encodes byte for byte.

// Length: over 1,000 lines on purpose. Most of it is one `messages!`
// invocation, a block per PDU type of MMS_ENC 1.3 §6 (24 of them) beside
// the macro that gives each its decode, encode and field table; split by
// family, one table would be read across several files.

use alloc::vec::Vec;
use core::fmt;

use super::field::FieldCode;
use super::pdu::{Body, Field, Header, MessageType, Pdu};
use super::rules::{check, Checker, Violation};
use super::typed::*;
use super::typed_codec::{self, Item};
use super::value::{FromValue, MessageClass, Time, Value, Version};
use crate::wsp::{ContentType, EncodedString, Text};
use crate::{DecodeError, DecodeOptions, EncodeError};

/// Why bytes or a [`Pdu`] did not make a typed message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum MessageError {
    /// The bytes are not a PDU.
    Decode(DecodeError),
    /// Strict mode: the PDU breaks its header table.
    Invalid(Violation),
    /// The X-Mms-Message-Type is missing or not one of MMS_ENC 1.3.
    UnknownType(Option<MessageType>),
    /// The PDU is of another type than the struct asked for.
    WrongType {
        /// The struct's type.
        expected: MessageType,
        /// The PDU's.
        found: MessageType,
    },
}

impl fmt::Display for MessageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MessageError::Decode(e) => write!(f, "{e}"),
            MessageError::Invalid(v) => write!(f, "{v}"),
            MessageError::UnknownType(Some(t)) => write!(f, "unknown message type {t}"),
            MessageError::UnknownType(None) => f.write_str("no X-Mms-Message-Type"),
            MessageError::WrongType { expected, found } => {
                write!(f, "expected {expected}, found {found}")
            }
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for MessageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            MessageError::Decode(e) => Some(e),
            MessageError::Invalid(v) => Some(v),
            _ => None,
        }
    }
}

impl From<DecodeError> for MessageError {
    fn from(e: DecodeError) -> Self {
        MessageError::Decode(e)
    }
}

/// A deviation that lenient decoding accepted, whatever layer found it: one
/// list, one type. Typed messages list the decoder's warnings (with their
/// offsets) and the header-table violations of MMS_ENC 1.3 §6 together;
/// strict decoding refuses every one.
///
/// ```
/// use mms_pdu::mms::message::{Message, Warning};
/// // m-send-conf with a Subject opening with 0xC1 and no Quote (WAP-230
/// // §8.4.2.1); m-send-conf has no Subject either (MMS_ENC 1.3 §6.1.2).
/// let bytes = b"\x8C\x81\x98T1\0\x8D\x92\x92\x80\x96\xC1\x84\0";
/// let m = Message::decode(bytes)?;
/// assert!(matches!(m.warnings()[0], Warning::Decode(e) if e.offset() == 11));
/// assert_eq!(m.warnings()[0].offset(), Some(11));
/// assert!(matches!(m.warnings()[1], Warning::Header(_)));
/// assert!(Message::decode_strict(bytes).is_err());
/// # Ok::<(), mms_pdu::mms::message::MessageError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum Warning {
    /// The octets break a grammar rule of WAP-230 / MMS_ENC §7 (a value kept
    /// raw, text fixed up, a body cut short, parts missing, trailing octets,
    /// text in a charset this build cannot read, …), at an offset.
    Decode(DecodeError),
    /// The PDU breaks the header table of its type (MMS_ENC 1.3 §6).
    Header(Violation),
}

impl Warning {
    /// The offset in the input, for a deviation found in the octets.
    pub fn offset(&self) -> Option<usize> {
        match self {
            Warning::Decode(e) => Some(e.offset()),
            Warning::Header(_) => None,
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::Decode(e) => write!(f, "{e}"),
            Warning::Header(v) => write!(f, "{v}"),
        }
    }
}

impl From<DecodeError> for Warning {
    fn from(e: DecodeError) -> Self {
        Warning::Decode(e)
    }
}

impl From<Violation> for Warning {
    fn from(v: Violation) -> Self {
        Warning::Header(v)
    }
}

/// The wire order of a decoded message's headers, and which mandatory
/// headers it lacked; empty for a message built in code (encoded in the
/// canonical order: the spec table's).
/// The order and presence rules are those of the tables of MMS_ENC 1.3 §6.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Layout {
    order: Vec<FieldCode>,
    missing: Vec<FieldCode>,
}

impl Layout {
    /// True when the message came off the wire.
    pub fn is_decoded(&self) -> bool {
        !self.order.is_empty()
    }
}

fn check_type(pdu: &Pdu<'_>, want: MessageType) -> Result<(), MessageError> {
    match pdu.message_type() {
        Some(t) if t == want => Ok(()),
        Some(t) => Err(MessageError::WrongType {
            expected: want,
            found: t,
        }),
        None => Err(MessageError::UnknownType(None)),
    }
}

/// The decoder's warnings, then the header table's violations; strict: the
/// first of them as an error.
fn warnings(pdu: &mut Pdu<'_>, strict: bool) -> Result<Vec<Warning>, MessageError> {
    if let (true, Some(first)) = (strict, pdu.warnings.first()) {
        return Err(MessageError::Decode(*first));
    }
    let v = check(pdu);
    gather(pdu.warnings.drain(..), v, strict)
}

/// The decoder's warnings, then the header table's violations, as one list;
/// strict: the first of them as an error.
fn gather(
    decoder: impl ExactSizeIterator<Item = DecodeError>,
    violations: Vec<Violation>,
    strict: bool,
) -> Result<Vec<Warning>, MessageError> {
    let mut decoder = decoder.peekable();
    if let (true, Some(first)) = (strict, decoder.peek()) {
        return Err(MessageError::Decode(*first));
    }
    if let (true, Some(first)) = (strict, violations.first()) {
        return Err(MessageError::Invalid(*first));
    }
    if decoder.len() == 0 && violations.is_empty() {
        return Ok(Vec::new());
    }
    let mut w: Vec<Warning> = Vec::with_capacity(decoder.len() + violations.len());
    w.extend(decoder.map(Warning::Decode));
    w.extend(violations.into_iter().map(Warning::Header));
    Ok(w)
}

/// Puts typed fields back in wire order (for a decoded message), the
/// others at their original positions, Content-Type last.
fn assemble<'a>(
    pending: Vec<(FieldCode, Value<'a>)>,
    layout: &Layout,
    others: &[(usize, Header<'a>)],
    body: Option<Body<'a>>,
) -> Pdu<'a> {
    let placed = typed_codec::in_wire_order(pending, |(c, _)| Some(*c), &layout.order);
    let placed: Vec<Header<'a>> = placed
        .into_iter()
        .map(|(c, v)| Header::field(c, v))
        .collect();
    let mut kept: Vec<(usize, Header<'a>)> = others.to_vec();
    kept.sort_by_key(|(k, _)| *k);
    let mut headers = typed_codec::place_kept(placed, kept);
    typed_codec::content_type_last(&mut headers, Header::code);
    Pdu {
        headers,
        body,
        ..Pdu::default()
    }
}

/// Inserts X-Mms-MMS-Version after the Transaction-Id (or the type).
fn with_version<'a>(
    mut fields: Vec<(FieldCode, Value<'a>)>,
    v: Version,
) -> Vec<(FieldCode, Value<'a>)> {
    let at = if fields.get(1).map(|(c, _)| *c) == Some(FieldCode::TRANSACTION_ID) {
        2
    } else {
        1
    };
    fields.insert(
        at.min(fields.len()),
        (FieldCode::MMS_VERSION, Value::Version(v)),
    );
    fields
}

macro_rules! card_ty {
    (one, $t:ty) => { $t };
    (opt, $t:ty) => { Option<$t> };
    (many, $t:ty) => { Vec<$t> };
}

/// Moves the value into its field; gives it back when the field is taken
/// already or the value is of another shape.
macro_rules! take {
    (one, $slot:expr, $ty:ty, $v:expr, $first:expr) => {
        if $first {
            match <$ty as FieldType>::take_value($v) {
                Ok(x) => {
                    $slot = x;
                    None
                }
                Err(v) => Some(v),
            }
        } else {
            Some($v)
        }
    };
    (opt, $slot:expr, $ty:ty, $v:expr, $first:expr) => {
        if $slot.is_none() {
            match <$ty as FieldType>::take_value($v) {
                Ok(x) => {
                    $slot = Some(x);
                    None
                }
                Err(v) => Some(v),
            }
        } else {
            Some($v)
        }
    };
    (many, $slot:expr, $ty:ty, $v:expr, $first:expr) => {
        match <$ty as FieldType>::take_value($v) {
            Ok(x) => {
                $slot.push(x);
                None
            }
            Err(v) => Some(v),
        }
    };
}

/// The typed fields, by reference, in the canonical order (what `put!`
/// gives `to_pdu`).
macro_rules! item {
    (one, $items:ident, $code:expr, $val:expr, $layout:expr) => {
        if !($layout.missing.contains(&$code) && *$val == Default::default()) {
            $items.push(Item::Typed($code, $val));
        }
    };
    (opt, $items:ident, $code:expr, $val:expr, $layout:expr) => {
        if let Some(x) = $val {
            $items.push(Item::Typed($code, x));
        }
    };
    (many, $items:ident, $code:expr, $val:expr, $layout:expr) => {
        for x in $val {
            $items.push(Item::Typed($code, x));
        }
    };
}

/// Field codes already read (a field's code is a named one, below 0x40; a
/// code above is never read into a field).
struct Seen(u64);

impl Seen {
    fn new() -> Self {
        Seen(0)
    }
    fn contains(&self, code: FieldCode) -> bool {
        self.0 & super::rules::bit(code) != 0
    }
    fn insert(&mut self, code: FieldCode) {
        self.0 |= super::rules::bit(code);
    }
}

macro_rules! put {
    (one, $fields:ident, $code:expr, $val:expr, $layout:expr) => {
        // A mandatory header the decoded PDU lacked stays absent unless set.
        if !($layout.missing.contains(&$code) && *$val == Default::default()) {
            $fields.push(($code, FieldType::to_value($val, $code)));
        }
    };
    (opt, $fields:ident, $code:expr, $val:expr, $layout:expr) => {
        if let Some(x) = $val {
            $fields.push(($code, FieldType::to_value(x, $code)));
        }
    };
    (many, $fields:ident, $code:expr, $val:expr, $layout:expr) => {
        for x in $val {
            $fields.push(($code, FieldType::to_value(x, $code)));
        }
    };
}

macro_rules! is_one {
    (one) => {
        true
    };
    ($other:ident) => {
        false
    };
}

macro_rules! messages {
    ($(
        $(#[$doc:meta])*
        $name:ident = $mt:ident {
            $( $(#[$fdoc:meta])* $field:ident : $code:ident $card:ident $ty:ty ),* $(,)?
        }
    )*) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, PartialEq, Default)]
            #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
            pub struct $name<'a> {
                /// X-Mms-MMS-Version (1.2 by default).
                pub version: Version,
                $( $(#[$fdoc])* pub $field: card_ty!($card, $ty), )*
                /// Headers without a field here (unknown codes, application
                /// headers, headers the type does not allow, values that did
                /// not decode), with their position in the header list.
                pub others: Vec<(usize, Header<'a>)>,
                /// The body (after Content-Type), when there is one.
                pub body: Option<Body<'a>>,
                /// The deviations lenient decoding accepted: the decoder's
                /// (with their offsets), then the header table's. Serialized
                /// but not read back, like [`Pdu::warnings`].
                #[cfg_attr(feature = "serde", serde(default, skip_deserializing))]
                pub warnings: Vec<Warning>,
                /// The decoded wire order (empty for a message built in code).
                pub layout: Layout,
            }

            impl<'a> $name<'a> {
                /// Its X-Mms-Message-Type.
                pub const MESSAGE_TYPE: MessageType = MessageType::$mt;
                /// The header fields it names, in the canonical order.
                pub const FIELDS: &'static [FieldCode] = &[$(FieldCode::$code),*];

                /// Reads a generic PDU of this type. With
                /// [`DecodeOptions::strict`] any deviation from the header
                /// table is an error; lenient (the default options): it is
                /// recorded in `warnings`. The limits of the options were
                /// applied when the PDU was decoded; only `strict` matters
                /// here.
                ///
                /// Each value is moved into its field (nothing is copied).
                pub fn from_pdu(mut pdu: Pdu<'a>, opts: &DecodeOptions) -> Result<Self, MessageError> {
                    check_type(&pdu, Self::MESSAGE_TYPE)?;
                    let warnings = warnings(&mut pdu, opts.strict)?;
                    let mut m = $name { warnings, ..Default::default() };
                    m.layout.order.reserve_exact(pdu.headers.len());
                    let mut seen = Seen::new();
                    for (k, h) in pdu.headers.into_iter().enumerate() {
                        m.accept(k, h, &mut seen);
                    }
                    m.settle(&seen);
                    m.body = pdu.body;
                    Ok(m)
                }

                /// Decodes with the caller's options: strict or lenient,
                /// and the [`Limits`](crate::Limits) to apply.
                ///
                /// Each header goes into its field as it is cut (no generic
                /// [`Pdu`] is built, its header table checked in the same
                /// pass); the result is that of
                /// `from_pdu(Pdu::decode_with(bytes, opts)?, opts)`.
                ///
                /// ```
                #[doc = concat!("use mms_pdu::mms::message::", stringify!($name), ";")]
                /// use mms_pdu::{DecodeOptions, Limits};
                /// let opts = DecodeOptions {
                ///     limits: Limits { max_headers: 1, ..Limits::DEFAULT },
                ///     ..DecodeOptions::LENIENT
                /// };
                #[doc = concat!("assert!(", stringify!($name), "::decode_with(b\"\\x8C\\x80\\x98T\\0\", &opts).is_err());")]
                /// ```
                pub fn decode_with(bytes: &'a [u8], opts: &DecodeOptions) -> Result<Self, MessageError> {
                    let mut m = Self::default();
                    m.read(bytes, opts)?;
                    Ok(m)
                }

                /// [`decode_with`](Self::decode_with) into `self`, a default
                /// message (read in place: a message is several hundred
                /// octets, not moved more than it must be).
                fn read(&mut self, bytes: &'a [u8], opts: &DecodeOptions) -> Result<(), MessageError> {
                    let checker = if super::pdu::peek_type(bytes) == Some(Self::MESSAGE_TYPE) {
                        Checker::new(Self::MESSAGE_TYPE, None)
                    } else {
                        None
                    };
                    let Some(mut checker) = checker else {
                        // Not this type: the generic reading says what it is.
                        *self = Self::from_pdu(Pdu::decode_with(bytes, opts)?, opts)?;
                        return Ok(());
                    };
                    // A header takes two octets at least; FieldCode is one.
                    self.layout.order.reserve((bytes.len() / 2).min(32));
                    let mut seen = Seen::new();
                    let mut k = 0;
                    let mut ctx = crate::ctx::Ctx::new(opts);
                    let rest = super::pdu::read(bytes, &mut ctx, |h| {
                        checker.feed(&h);
                        self.accept(k, h, &mut seen);
                        k += 1;
                    });
                    let rest = rest.map_err(|e| {
                        crate::error::unwrap_err(e, bytes).into_public(bytes)
                    })?;
                    let violations = match checker.finish() {
                        Some(v) => v,
                        // A version below 1.0 after a header of 1.0: checked
                        // again with the version known from the start.
                        None => check(&Pdu::decode_with(bytes, opts)?),
                    };
                    let decoder = ctx.warnings.iter().map(|w| w.into_public(bytes));
                    self.warnings = gather(decoder, violations, opts.strict)?;
                    self.settle(&seen);
                    self.body = rest.body;
                    Ok(())
                }

                /// Takes one header, the `k`th of the PDU: into its field
                /// when it is the first of a field that appears once (or
                /// any of a repeated one) and its value has the field's
                /// type; into `others` with its position otherwise.
                #[inline(always)]
                fn accept(&mut self, k: usize, h: Header<'a>, seen: &mut Seen) {
                    let h = match h {
                        Header::Field(f) => {
                            let (code, v, raw) = f.into_parts();
                            let first = !seen.contains(code);
                            // One jump on the code (the fields' codes are
                            // constants), not a comparison per field.
                            let back = match code {
                                FieldCode::MESSAGE_TYPE => {
                                    if first { None } else { Some(v) }
                                }
                                FieldCode::MMS_VERSION => match v {
                                    Value::Version(x) if first => {
                                        self.version = x;
                                        None
                                    }
                                    other => Some(other),
                                },
                                $( FieldCode::$code => take!($card, self.$field, $ty, v, first), )*
                                _ => Some(v),
                            };
                            match back {
                                None => {
                                    seen.insert(code);
                                    self.layout.order.push(code);
                                    return;
                                }
                                Some(v) => Header::Field(Field::from_parts(code, v, raw)),
                            }
                        }
                        other => other,
                    };
                    self.others.push((k, h));
                }

                /// Records the mandatory fields the PDU lacked.
                fn settle(&mut self, seen: &Seen) {
                    $( if is_one!($card) && !seen.contains(FieldCode::$code) {
                        self.layout.missing.push(FieldCode::$code);
                    } )*
                }

                /// The headers `to_pdu` gives, by reference, in order.
                fn items(&self) -> Vec<Item<'_, 'a>> {
                    let mut items: Vec<Item<'_, 'a>> =
                        Vec::with_capacity(3 + Self::FIELDS.len() + self.others.len());
                    items.push(Item::Type(Self::MESSAGE_TYPE.0));
                    $( item!($card, items, FieldCode::$code, &self.$field, self.layout); )*
                    typed_codec::insert_version(&mut items, &self.version);
                    typed_codec::arrange(items, &self.layout.order, &self.others)
                }

                /// Exact encoded length (what [`encode`](Self::encode) writes).
                pub fn encoded_len(&self) -> usize {
                    typed_codec::encoded_len(&self.items(), self.body.as_ref())
                }

                /// Checks that the message can be written (the checks of
                /// [`Pdu::validate`] on the PDU it stands for).
                pub fn validate(&self) -> Result<(), EncodeError> {
                    typed_codec::validate(&self.items(), self.body.as_ref())
                }

                /// The generic PDU: headers in the decoded wire order (or
                /// the canonical one), the kept headers at their places.
                pub fn to_pdu(&self) -> Pdu<'a> {
                    let mut fields: Vec<(FieldCode, Value<'a>)> =
                        alloc::vec![(FieldCode::MESSAGE_TYPE, Value::Token(Self::MESSAGE_TYPE.0))];
                    $( put!($card, fields, FieldCode::$code, &self.$field, self.layout); )*
                    let fields = with_version(fields, self.version);
                    assemble(fields, &self.layout, &self.others, self.body.clone())
                }

                /// Decodes leniently (the header table's deviations go to `warnings`).
                pub fn decode(bytes: &'a [u8]) -> Result<Self, MessageError> {
                    Self::decode_with(bytes, &DecodeOptions::LENIENT)
                }

                /// Decodes strictly: grammar and header-table deviations are errors.
                pub fn decode_strict(bytes: &'a [u8]) -> Result<Self, MessageError> {
                    Self::decode_with(bytes, &DecodeOptions::STRICT)
                }

                /// Encodes the message: the octets of `to_pdu().encode()`,
                /// written straight from the fields (no PDU rebuilt, the
                /// body not cloned), allocated once at the exact size.
                pub fn encode(&self) -> Result<Vec<u8>, EncodeError> {
                    typed_codec::encode(&self.items(), self.body.as_ref())
                }

                /// Checks the message against its header table.
                pub fn check(&self) -> Vec<Violation> {
                    check(&self.to_pdu())
                }

                /// Whether the body is whole: every part its multiparts
                /// declare is there and none is cut short (see
                /// [`Pdu::is_complete`]). Strict decoding refuses a message
                /// that is not.
                pub fn is_complete(&self) -> bool {
                    // What `Pdu::is_complete` says, without building the PDU.
                    match &self.body {
                        None => true,
                        Some(Body::Multipart(m)) => m.is_complete(),
                        Some(Body::Data(_)) => !typed_codec::multipart_type(&self.items()),
                    }
                }

                /// A copy that owns its octets (the message no longer
                /// borrows the input it was decoded from), with its wire
                /// order and warnings.
                pub fn into_owned(self) -> $name<'static> {
                    $name {
                        version: self.version,
                        $( $field: IntoStatic::into_static(self.$field), )*
                        others: self.others.into_iter().map(|(k, h)| (k, h.into_owned())).collect(),
                        body: self.body.map(Body::into_owned),
                        warnings: self.warnings,
                        layout: self.layout,
                    }
                }
            }

            impl<'a> From<$name<'a>> for Message<'a> {
                fn from(m: $name<'a>) -> Self {
                    Message::$name(m)
                }
            }
        )*

        /// Any MMS PDU, typed.
        /// One variant per PDU type of MMS_ENC 1.3 §6.1–§6.11 (X-Mms-Message-Type, §7.3.30).
        ///
        /// ```
        /// use mms_pdu::mms::message::Message;
        /// let bytes = b"\x8C\x81\x98T1\0\x8D\x92\x92\x80";
        /// match Message::decode(bytes)? {
        ///     Message::SendConf(c) => assert!(c.response_status.is_ok()),
        ///     other => panic!("{other:?}"),
        /// }
        /// # Ok::<(), mms_pdu::mms::message::MessageError>(())
        /// ```
        #[derive(Debug, Clone, PartialEq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[non_exhaustive]
        pub enum Message<'a> {
            $( #[doc = concat!("`", stringify!($mt), "`.")] $name($name<'a>), )*
        }

        impl<'a> Message<'a> {
            /// Reads a generic PDU (see the structs' `from_pdu`): strict
            /// or lenient as `opts` say.
            ///
            /// ```
            /// use mms_pdu::mms::message::Message;
            /// use mms_pdu::{DecodeOptions, Pdu};
            /// // m-send-conf without its X-Mms-Response-Status.
            /// let pdu = Pdu::decode(b"\x8C\x81\x98T1\0\x8D\x92")?;
            /// let lenient = Message::from_pdu(pdu.clone(), &DecodeOptions::default())?;
            /// assert_eq!(lenient.warnings().len(), 1);
            /// assert!(Message::from_pdu(pdu, &DecodeOptions::STRICT).is_err());
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn from_pdu(pdu: Pdu<'a>, opts: &DecodeOptions) -> Result<Self, MessageError> {
                match pdu.message_type() {
                    $( Some(MessageType::$mt) => $name::from_pdu(pdu, opts).map(Message::$name), )*
                    other => Err(MessageError::UnknownType(other)),
                }
            }
            /// Decodes with the caller's options (strict or lenient, and
            /// the limits), straight into the struct of the type the PDU
            /// announces (see the structs' `decode_with`).
            ///
            /// ```
            /// use mms_pdu::mms::message::Message;
            /// use mms_pdu::DecodeOptions;
            /// // m-send-conf without its X-Mms-Response-Status.
            /// let bytes = b"\x8C\x81\x98T1\0\x8D\x92";
            /// let m = Message::decode_with(bytes, &DecodeOptions::LENIENT)?;
            /// assert_eq!(m.warnings().len(), 1);
            /// assert!(Message::decode_with(bytes, &DecodeOptions::STRICT).is_err());
            /// # Ok::<(), mms_pdu::mms::message::MessageError>(())
            /// ```
            pub fn decode_with(bytes: &'a [u8], opts: &DecodeOptions) -> Result<Self, MessageError> {
                match super::pdu::peek_type(bytes) {
                    $( Some(MessageType::$mt) => {
                        // Read in place, inside the enum.
                        let mut m = Message::$name($name::default());
                        if let Message::$name(x) = &mut m {
                            x.read(bytes, opts)?;
                        }
                        Ok(m)
                    } )*
                    _ => Self::from_pdu(Pdu::decode_with(bytes, opts)?, opts),
                }
            }
            /// The generic PDU.
            pub fn to_pdu(&self) -> Pdu<'a> {
                match self {
                    $( Message::$name(m) => m.to_pdu(), )*
                }
            }
            fn encode_direct(&self) -> Result<Vec<u8>, EncodeError> {
                match self {
                    $( Message::$name(m) => m.encode(), )*
                }
            }
            /// Its type.
            pub fn message_type(&self) -> MessageType {
                match self {
                    $( Message::$name(_) => $name::MESSAGE_TYPE, )*
                }
            }
            /// The deviations found when decoding leniently.
            pub fn warnings(&self) -> &[Warning] {
                match self {
                    $( Message::$name(m) => &m.warnings, )*
                }
            }
            /// Whether the body is whole: every part its multiparts declare
            /// is there and none is cut short (see [`Pdu::is_complete`]).
            pub fn is_complete(&self) -> bool {
                match self {
                    $( Message::$name(m) => m.is_complete(), )*
                }
            }
            /// A copy that owns its octets, to keep after the input is gone.
            ///
            /// ```
            /// use mms_pdu::mms::message::Message;
            /// fn read(bytes: Vec<u8>) -> Message<'static> {
            ///     Message::decode(&bytes).unwrap().into_owned()
            /// }
            /// let m = read(b"\x8C\x81\x98T1\0\x8D\x92\x92\x80".to_vec());
            /// let Message::SendConf(c) = m else { unreachable!() };
            /// assert_eq!(c.transaction_id.as_bytes(), b"T1");
            /// ```
            pub fn into_owned(self) -> Message<'static> {
                match self {
                    $( Message::$name(m) => Message::$name(m.into_owned()), )*
                }
            }
        }
    };
}

impl<'a> TryFrom<&'a [u8]> for Message<'a> {
    type Error = MessageError;
    /// [`Message::decode`] (lenient).
    fn try_from(bytes: &'a [u8]) -> Result<Self, MessageError> {
        Message::decode(bytes)
    }
}

impl<'a> Message<'a> {
    /// Decodes leniently.
    pub fn decode(bytes: &'a [u8]) -> Result<Self, MessageError> {
        Self::decode_with(bytes, &DecodeOptions::LENIENT)
    }
    /// Decodes strictly.
    pub fn decode_strict(bytes: &'a [u8]) -> Result<Self, MessageError> {
        Self::decode_with(bytes, &DecodeOptions::STRICT)
    }
    /// Encodes the message (directly from its fields, see the structs'
    /// `encode`).
    pub fn encode(&self) -> Result<Vec<u8>, EncodeError> {
        self.encode_direct()
    }
}

messages! {
    /// m-send-req (MMS_ENC 1.3 §6.1.1): a client submits a message to its MMSC.
    ///
    /// ```
    /// use mms_pdu::mms::message::SendReq;
    /// use mms_pdu::wsp::{ContentType, EncodedString, Media, Multipart, Part, Text};
    /// use mms_pdu::Body;
    /// let text = Part::new(ContentType::new(Media::from_name("text/plain")), &b"Hi"[..]);
    /// let req = SendReq {
    ///     transaction_id: Text::new("T1")?,
    ///     to: vec![EncodedString::new("+33612345678/TYPE=PLMN")?],
    ///     body: Some(Body::Multipart(Multipart { parts: vec![text], ..Multipart::default() })),
    ///     ..Default::default()
    /// };
    /// let bytes = req.encode()?;
    /// assert_eq!(SendReq::decode(&bytes)?.to, req.to);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    SendReq = SEND_REQ {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// Date.
        date: DATE opt u64,
        /// From (insert-address by default).
        from: FROM one FromValue<'a>,
        /// To.
        to: TO many EncodedString<'a>,
        /// Cc.
        cc: CC many EncodedString<'a>,
        /// Bcc.
        bcc: BCC many EncodedString<'a>,
        /// Subject.
        subject: SUBJECT opt EncodedString<'a>,
        /// X-Mms-Content-Class (1.3).
        content_class: CONTENT_CLASS opt ContentClass,
        /// X-Mms-Message-Class.
        message_class: MESSAGE_CLASS opt MessageClass<'a>,
        /// X-Mms-Expiry.
        expiry: EXPIRY opt Time,
        /// X-Mms-Delivery-Time.
        delivery_time: DELIVERY_TIME opt Time,
        /// X-Mms-Priority.
        priority: PRIORITY opt Priority,
        /// X-Mms-Sender-Visibility.
        sender_visibility: SENDER_VISIBILITY opt SenderVisibility,
        /// X-Mms-Delivery-Report.
        delivery_report: DELIVERY_REPORT opt bool,
        /// X-Mms-Read-Report.
        read_report: READ_REPORT opt bool,
        /// X-Mms-Store (1.2).
        store: STORE opt bool,
        /// X-Mms-MM-State (1.2).
        mm_state: MM_STATE opt MmState,
        /// X-Mms-MM-Flags (1.2).
        mm_flags: MM_FLAGS many MmFlag<'a>,
        /// X-Mms-Reply-Charging (1.1).
        reply_charging: REPLY_CHARGING opt ReplyCharging,
        /// X-Mms-Reply-Charging-Deadline.
        reply_charging_deadline: REPLY_CHARGING_DEADLINE opt Time,
        /// X-Mms-Reply-Charging-Size.
        reply_charging_size: REPLY_CHARGING_SIZE opt u64,
        /// X-Mms-Reply-Charging-ID.
        reply_charging_id: REPLY_CHARGING_ID opt Text<'a>,
        /// X-Mms-DRM-Content (1.3).
        drm_content: DRM_CONTENT opt bool,
        /// X-Mms-Adaptation-Allowed (1.3).
        adaptation_allowed: ADAPTATION_ALLOWED opt bool,
        /// X-Mms-Applic-ID (1.3).
        applic_id: APPLIC_ID opt Text<'a>,
        /// X-Mms-Reply-Applic-ID (1.3).
        reply_applic_id: REPLY_APPLIC_ID opt Text<'a>,
        /// X-Mms-Aux-Applic-Info (1.3).
        aux_applic_info: AUX_APPLIC_INFO opt Text<'a>,
        /// X-Mms-Replace-ID (1.3).
        replace_id: REPLACE_ID opt Text<'a>,
        /// Content-Type of the body.
        content_type: CONTENT_TYPE one ContentType<'a>,
    }

    /// m-send-conf (MMS_ENC 1.3 §6.1.2): the MMSC's answer to m-send-req.
    ///
    /// ```
    /// use mms_pdu::mms::message::SendConf;
    /// use mms_pdu::mms::typed::ResponseStatus;
    /// use mms_pdu::wsp::Text;
    /// let conf = SendConf {
    ///     transaction_id: Text::new("T1")?,
    ///     response_status: ResponseStatus::OK,
    ///     message_id: Some(Text::new("m1")?),
    ///     ..Default::default()
    /// };
    /// assert_eq!(conf.encode()?, b"\x8C\x81\x98T1\0\x8D\x92\x92\x80\x8Bm1\0");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    SendConf = SEND_CONF {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// X-Mms-Response-Status.
        response_status: RESPONSE_STATUS one ResponseStatus,
        /// X-Mms-Response-Text.
        response_text: RESPONSE_TEXT opt EncodedString<'a>,
        /// Message-ID.
        message_id: MESSAGE_ID opt Text<'a>,
        /// X-Mms-Content-Location (1.2, stored in the MMBox).
        content_location: CONTENT_LOCATION opt Text<'a>,
        /// X-Mms-Store-Status (1.2).
        store_status: STORE_STATUS opt StoreStatus,
        /// X-Mms-Store-Status-Text (1.2).
        store_status_text: STORE_STATUS_TEXT opt EncodedString<'a>,
    }

    /// m-notification-ind (MMS_ENC 1.3 §6.2): the MMSC tells a recipient
    /// where to fetch a message.
    ///
    /// ```
    /// use mms_pdu::mms::message::NotificationInd;
    /// use mms_pdu::{MessageClass, Time};
    /// use mms_pdu::wsp::Text;
    /// let ind = NotificationInd {
    ///     transaction_id: Text::new("T1")?,
    ///     message_class: MessageClass::Token(0x80),
    ///     message_size: 30_000,
    ///     expiry: Time::Relative(604_800),
    ///     content_location: Text::new("http://mmsc/m1")?,
    ///     ..Default::default()
    /// };
    /// let bytes = ind.encode()?;
    /// let back = NotificationInd::decode_strict(&bytes)?;
    /// assert_eq!(back.content_location, ind.content_location);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    NotificationInd = NOTIFICATION_IND {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// From.
        from: FROM opt FromValue<'a>,
        /// Subject.
        subject: SUBJECT opt EncodedString<'a>,
        /// X-Mms-Delivery-Report.
        delivery_report: DELIVERY_REPORT opt bool,
        /// X-Mms-Stored (1.2).
        stored: STORED opt bool,
        /// X-Mms-Message-Class.
        message_class: MESSAGE_CLASS one MessageClass<'a>,
        /// X-Mms-Priority.
        priority: PRIORITY opt Priority,
        /// X-Mms-Message-Size.
        message_size: MESSAGE_SIZE one u64,
        /// X-Mms-Expiry.
        expiry: EXPIRY one Time,
        /// X-Mms-Reply-Charging.
        reply_charging: REPLY_CHARGING opt ReplyCharging,
        /// X-Mms-Reply-Charging-Deadline.
        reply_charging_deadline: REPLY_CHARGING_DEADLINE opt Time,
        /// X-Mms-Reply-Charging-Size.
        reply_charging_size: REPLY_CHARGING_SIZE opt u64,
        /// X-Mms-Reply-Charging-ID.
        reply_charging_id: REPLY_CHARGING_ID opt Text<'a>,
        /// X-Mms-Content-Location: where to fetch the message.
        content_location: CONTENT_LOCATION one Text<'a>,
        /// X-Mms-Element-Descriptor (1.2).
        element_descriptor: ELEMENT_DESCRIPTOR opt ElementDescriptor<'a>,
        /// X-Mms-Distribution-Indicator (1.2).
        distribution_indicator: DISTRIBUTION_INDICATOR opt bool,
        /// X-Mms-Content-Class (1.3).
        content_class: CONTENT_CLASS opt ContentClass,
        /// X-Mms-DRM-Content (1.3).
        drm_content: DRM_CONTENT opt bool,
        /// X-Mms-Recommended-Retrieval-Mode (1.3).
        recommended_retrieval_mode: RECOMMENDED_RETRIEVAL_MODE opt RecommendedRetrievalMode,
        /// X-Mms-Recommended-Retrieval-Mode-Text (1.3).
        recommended_retrieval_mode_text: RECOMMENDED_RETRIEVAL_MODE_TEXT opt EncodedString<'a>,
        /// X-Mms-Applic-ID (1.3).
        applic_id: APPLIC_ID opt Text<'a>,
        /// X-Mms-Reply-Applic-ID (1.3).
        reply_applic_id: REPLY_APPLIC_ID opt Text<'a>,
        /// X-Mms-Aux-Applic-Info (1.3).
        aux_applic_info: AUX_APPLIC_INFO opt Text<'a>,
        /// X-Mms-Replace-ID (1.3).
        replace_id: REPLACE_ID opt Text<'a>,
    }

    /// m-notifyresp-ind (MMS_ENC 1.3 §6.2): the recipient's answer to a notification.
    ///
    /// ```
    /// use mms_pdu::mms::message::NotifyRespInd;
    /// use mms_pdu::mms::typed::Status;
    /// use mms_pdu::wsp::Text;
    /// let r = NotifyRespInd { transaction_id: Text::new("T1")?, status: Status::RETRIEVED, ..Default::default() };
    /// assert_eq!(r.encode()?, b"\x8C\x83\x98T1\0\x8D\x92\x95\x81");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    NotifyRespInd = NOTIFYRESP_IND {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// X-Mms-Status.
        status: STATUS one Status,
        /// X-Mms-Report-Allowed.
        report_allowed: REPORT_ALLOWED opt bool,
    }

    /// m-retrieve-conf (MMS_ENC 1.3 §6.3): the message, as the recipient fetches it.
    ///
    /// ```
    /// use mms_pdu::mms::message::RetrieveConf;
    /// use mms_pdu::wsp::{ContentType, Media};
    /// use mms_pdu::Body;
    /// let conf = RetrieveConf {
    ///     date: 1_163_578_981,
    ///     content_type: ContentType::new(Media::from_name("text/plain")),
    ///     body: Some(Body::Data(b"hello"[..].into())),
    ///     ..Default::default()
    /// };
    /// let bytes = conf.encode()?;
    /// assert_eq!(RetrieveConf::decode(&bytes)?.body, conf.body);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    RetrieveConf = RETRIEVE_CONF {
        /// X-Mms-Transaction-Id (present when the retrieval answers a notification).
        transaction_id: TRANSACTION_ID opt Text<'a>,
        /// Message-ID.
        message_id: MESSAGE_ID opt Text<'a>,
        /// Date.
        date: DATE one u64,
        /// From.
        from: FROM opt FromValue<'a>,
        /// X-Mms-Previously-Sent-By (1.1).
        previously_sent_by: PREVIOUSLY_SENT_BY many PreviouslySentBy<'a>,
        /// X-Mms-Previously-Sent-Date (1.1).
        previously_sent_date: PREVIOUSLY_SENT_DATE many PreviouslySentDate,
        /// To.
        to: TO many EncodedString<'a>,
        /// Cc.
        cc: CC many EncodedString<'a>,
        /// Subject.
        subject: SUBJECT opt EncodedString<'a>,
        /// X-Mms-MM-State (1.2).
        mm_state: MM_STATE opt MmState,
        /// X-Mms-MM-Flags (1.2).
        mm_flags: MM_FLAGS many MmFlag<'a>,
        /// X-Mms-Message-Class.
        message_class: MESSAGE_CLASS opt MessageClass<'a>,
        /// X-Mms-Priority.
        priority: PRIORITY opt Priority,
        /// X-Mms-Delivery-Report.
        delivery_report: DELIVERY_REPORT opt bool,
        /// X-Mms-Read-Report.
        read_report: READ_REPORT opt bool,
        /// X-Mms-Reply-Charging.
        reply_charging: REPLY_CHARGING opt ReplyCharging,
        /// X-Mms-Reply-Charging-Deadline.
        reply_charging_deadline: REPLY_CHARGING_DEADLINE opt Time,
        /// X-Mms-Reply-Charging-Size.
        reply_charging_size: REPLY_CHARGING_SIZE opt u64,
        /// X-Mms-Reply-Charging-ID.
        reply_charging_id: REPLY_CHARGING_ID opt Text<'a>,
        /// X-Mms-Retrieve-Status (1.1).
        retrieve_status: RETRIEVE_STATUS opt RetrieveStatus,
        /// X-Mms-Retrieve-Text (1.1).
        retrieve_text: RETRIEVE_TEXT opt EncodedString<'a>,
        /// X-Mms-Distribution-Indicator (1.2).
        distribution_indicator: DISTRIBUTION_INDICATOR opt bool,
        /// X-Mms-Applic-ID (1.3).
        applic_id: APPLIC_ID opt Text<'a>,
        /// X-Mms-Reply-Applic-ID (1.3).
        reply_applic_id: REPLY_APPLIC_ID opt Text<'a>,
        /// X-Mms-Aux-Applic-Info (1.3).
        aux_applic_info: AUX_APPLIC_INFO opt Text<'a>,
        /// X-Mms-Content-Class (1.3).
        content_class: CONTENT_CLASS opt ContentClass,
        /// X-Mms-DRM-Content (1.3).
        drm_content: DRM_CONTENT opt bool,
        /// X-Mms-Replace-ID (1.3).
        replace_id: REPLACE_ID opt Text<'a>,
        /// Content-Type of the body.
        content_type: CONTENT_TYPE one ContentType<'a>,
    }

    /// m-acknowledge-ind (MMS_ENC 1.3 §6.3): the recipient confirms a retrieval.
    ///
    /// ```
    /// use mms_pdu::mms::message::AcknowledgeInd;
    /// use mms_pdu::wsp::Text;
    /// let a = AcknowledgeInd { transaction_id: Text::new("T1")?, report_allowed: Some(true), ..Default::default() };
    /// assert_eq!(a.encode()?, b"\x8C\x85\x98T1\0\x8D\x92\x91\x80");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    AcknowledgeInd = ACKNOWLEDGE_IND {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// X-Mms-Report-Allowed.
        report_allowed: REPORT_ALLOWED opt bool,
    }

    /// m-delivery-ind (MMS_ENC 1.3 §6.5): the MMSC reports a delivery to the sender.
    ///
    /// ```
    /// use mms_pdu::mms::message::DeliveryInd;
    /// use mms_pdu::mms::typed::Status;
    /// use mms_pdu::wsp::{EncodedString, Text};
    /// let d = DeliveryInd {
    ///     message_id: Text::new("m1")?,
    ///     to: EncodedString::new("+33612345678/TYPE=PLMN")?,
    ///     date: 1_163_578_981,
    ///     status: Status::RETRIEVED,
    ///     ..Default::default()
    /// };
    /// assert!(DeliveryInd::decode_strict(&d.encode()?)?.warnings.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    DeliveryInd = DELIVERY_IND {
        /// Message-ID.
        message_id: MESSAGE_ID one Text<'a>,
        /// To: the recipient reported on.
        to: TO one EncodedString<'a>,
        /// Date.
        date: DATE one u64,
        /// X-Mms-Status.
        status: STATUS one Status,
        /// X-Mms-Status-Text (1.3).
        status_text: STATUS_TEXT opt EncodedString<'a>,
        /// X-Mms-Applic-ID (1.3).
        applic_id: APPLIC_ID opt Text<'a>,
        /// X-Mms-Reply-Applic-ID (1.3).
        reply_applic_id: REPLY_APPLIC_ID opt Text<'a>,
        /// X-Mms-Aux-Applic-Info (1.3).
        aux_applic_info: AUX_APPLIC_INFO opt Text<'a>,
    }

    /// m-read-rec-ind (MMS_ENC 1.3 §6.7): a recipient's read report, to the MMSC.
    ///
    /// ```
    /// use mms_pdu::mms::message::ReadRecInd;
    /// use mms_pdu::mms::typed::ReadStatus;
    /// use mms_pdu::wsp::{EncodedString, Text};
    /// let r = ReadRecInd {
    ///     version: mms_pdu::Version::V1_1,
    ///     message_id: Text::new("m1")?,
    ///     to: EncodedString::new("+33612345678/TYPE=PLMN")?,
    ///     read_status: ReadStatus::READ,
    ///     ..Default::default()
    /// };
    /// assert!(ReadRecInd::decode_strict(&r.encode()?).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ReadRecInd = READ_REC_IND {
        /// Message-ID of the message read.
        message_id: MESSAGE_ID one Text<'a>,
        /// To: the original sender.
        to: TO one EncodedString<'a>,
        /// From: the reader.
        from: FROM one FromValue<'a>,
        /// Date.
        date: DATE opt u64,
        /// X-Mms-Read-Status.
        read_status: READ_STATUS one ReadStatus,
        /// X-Mms-Applic-ID (1.3).
        applic_id: APPLIC_ID opt Text<'a>,
        /// X-Mms-Reply-Applic-ID (1.3).
        reply_applic_id: REPLY_APPLIC_ID opt Text<'a>,
        /// X-Mms-Aux-Applic-Info (1.3).
        aux_applic_info: AUX_APPLIC_INFO opt Text<'a>,
    }

    /// m-read-orig-ind (MMS_ENC 1.3 §6.7): the read report as the MMSC passes it to the sender.
    ///
    /// ```
    /// use mms_pdu::mms::message::ReadOrigInd;
    /// use mms_pdu::mms::typed::ReadStatus;
    /// use mms_pdu::wsp::{EncodedString, Text};
    /// use mms_pdu::FromValue;
    /// let r = ReadOrigInd {
    ///     message_id: Text::new("m1")?,
    ///     to: EncodedString::new("+33612345678/TYPE=PLMN")?,
    ///     from: FromValue::Address(EncodedString::new("+33687654321/TYPE=PLMN")?),
    ///     date: 1_163_578_981,
    ///     read_status: ReadStatus::DELETED,
    ///     ..Default::default()
    /// };
    /// assert_eq!(ReadOrigInd::decode(&r.encode()?)?.read_status, ReadStatus::DELETED);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ReadOrigInd = READ_ORIG_IND {
        /// Message-ID of the message read.
        message_id: MESSAGE_ID one Text<'a>,
        /// To: the original sender.
        to: TO one EncodedString<'a>,
        /// From: the reader.
        from: FROM one FromValue<'a>,
        /// Date.
        date: DATE one u64,
        /// X-Mms-Read-Status.
        read_status: READ_STATUS one ReadStatus,
        /// X-Mms-Applic-ID (1.3).
        applic_id: APPLIC_ID opt Text<'a>,
        /// X-Mms-Reply-Applic-ID (1.3).
        reply_applic_id: REPLY_APPLIC_ID opt Text<'a>,
        /// X-Mms-Aux-Applic-Info (1.3).
        aux_applic_info: AUX_APPLIC_INFO opt Text<'a>,
    }

    /// m-forward-req (MMS_ENC 1.3 §6.4): forward a message held at the MMSC without fetching it.
    ///
    /// ```
    /// use mms_pdu::mms::message::ForwardReq;
    /// use mms_pdu::wsp::{EncodedString, Text};
    /// let f = ForwardReq {
    ///     transaction_id: Text::new("T1")?,
    ///     to: vec![EncodedString::new("a@example.com")?],
    ///     content_location: Text::new("http://mmsc/m1")?,
    ///     ..Default::default()
    /// };
    /// assert!(ForwardReq::decode_strict(&f.encode()?).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ForwardReq = FORWARD_REQ {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// Date.
        date: DATE opt u64,
        /// From.
        from: FROM one FromValue<'a>,
        /// To.
        to: TO many EncodedString<'a>,
        /// Cc.
        cc: CC many EncodedString<'a>,
        /// Bcc.
        bcc: BCC many EncodedString<'a>,
        /// X-Mms-Expiry.
        expiry: EXPIRY opt Time,
        /// X-Mms-Delivery-Time.
        delivery_time: DELIVERY_TIME opt Time,
        /// X-Mms-Report-Allowed.
        report_allowed: REPORT_ALLOWED opt bool,
        /// X-Mms-Delivery-Report.
        delivery_report: DELIVERY_REPORT opt bool,
        /// X-Mms-Read-Report.
        read_report: READ_REPORT opt bool,
        /// X-Mms-Store (1.2).
        store: STORE opt bool,
        /// X-Mms-MM-State (1.2).
        mm_state: MM_STATE opt MmState,
        /// X-Mms-MM-Flags (1.2).
        mm_flags: MM_FLAGS many MmFlag<'a>,
        /// X-Mms-Content-Location of the message to forward.
        content_location: CONTENT_LOCATION one Text<'a>,
        /// X-Mms-Reply-Charging.
        reply_charging: REPLY_CHARGING opt ReplyCharging,
        /// X-Mms-Reply-Charging-Deadline.
        reply_charging_deadline: REPLY_CHARGING_DEADLINE opt Time,
        /// X-Mms-Reply-Charging-Size.
        reply_charging_size: REPLY_CHARGING_SIZE opt u64,
        /// X-Mms-Reply-Charging-ID.
        reply_charging_id: REPLY_CHARGING_ID opt Text<'a>,
        /// X-Mms-Applic-ID (1.3).
        applic_id: APPLIC_ID opt Text<'a>,
        /// X-Mms-Reply-Applic-ID (1.3).
        reply_applic_id: REPLY_APPLIC_ID opt Text<'a>,
        /// X-Mms-Aux-Applic-Info (1.3).
        aux_applic_info: AUX_APPLIC_INFO opt Text<'a>,
    }

    /// m-forward-conf (MMS_ENC 1.3 §6.4).
    ///
    /// ```
    /// use mms_pdu::mms::message::ForwardConf;
    /// use mms_pdu::mms::typed::ResponseStatus;
    /// use mms_pdu::wsp::Text;
    /// let c = ForwardConf { transaction_id: Text::new("T1")?, response_status: ResponseStatus::OK, ..Default::default() };
    /// assert_eq!(c.encode()?, b"\x8C\x8A\x98T1\0\x8D\x92\x92\x80");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ForwardConf = FORWARD_CONF {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// X-Mms-Response-Status.
        response_status: RESPONSE_STATUS one ResponseStatus,
        /// X-Mms-Response-Text.
        response_text: RESPONSE_TEXT opt EncodedString<'a>,
        /// Message-ID.
        message_id: MESSAGE_ID opt Text<'a>,
        /// X-Mms-Content-Location (1.2).
        content_location: CONTENT_LOCATION opt Text<'a>,
        /// X-Mms-Store-Status (1.2).
        store_status: STORE_STATUS opt StoreStatus,
        /// X-Mms-Store-Status-Text (1.2).
        store_status_text: STORE_STATUS_TEXT opt EncodedString<'a>,
    }

    /// m-mbox-store-req (MMS_ENC 1.3 §6.8): keep a received message in the MMBox.
    ///
    /// ```
    /// use mms_pdu::mms::message::MboxStoreReq;
    /// use mms_pdu::wsp::Text;
    /// let r = MboxStoreReq { transaction_id: Text::new("T1")?, content_location: Text::new("http://mmsc/m1")?, ..Default::default() };
    /// assert!(MboxStoreReq::decode_strict(&r.encode()?).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    MboxStoreReq = MBOX_STORE_REQ {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// X-Mms-Content-Location.
        content_location: CONTENT_LOCATION one Text<'a>,
        /// X-Mms-MM-State.
        mm_state: MM_STATE opt MmState,
        /// X-Mms-MM-Flags.
        mm_flags: MM_FLAGS many MmFlag<'a>,
    }

    /// m-mbox-store-conf (MMS_ENC 1.3 §6.8).
    ///
    /// ```
    /// use mms_pdu::mms::message::MboxStoreConf;
    /// use mms_pdu::mms::typed::StoreStatus;
    /// use mms_pdu::wsp::Text;
    /// let c = MboxStoreConf { transaction_id: Text::new("T1")?, store_status: StoreStatus::SUCCESS, ..Default::default() };
    /// assert!(MboxStoreConf::decode_strict(&c.encode()?).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    MboxStoreConf = MBOX_STORE_CONF {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// X-Mms-Content-Location in the MMBox.
        content_location: CONTENT_LOCATION opt Text<'a>,
        /// X-Mms-Store-Status.
        store_status: STORE_STATUS one StoreStatus,
        /// X-Mms-Store-Status-Text.
        store_status_text: STORE_STATUS_TEXT opt EncodedString<'a>,
    }

    /// m-mbox-view-req (MMS_ENC 1.3 §6.8): list what the MMBox holds.
    ///
    /// ```
    /// use mms_pdu::mms::message::MboxViewReq;
    /// use mms_pdu::wsp::Text;
    /// use mms_pdu::FieldCode;
    /// let r = MboxViewReq {
    ///     transaction_id: Text::new("T1")?,
    ///     attributes: vec![FieldCode::SUBJECT, FieldCode::FROM],
    ///     totals: Some(true),
    ///     limit: Some(10),
    ///     ..Default::default()
    /// };
    /// assert_eq!(MboxViewReq::decode_strict(&r.encode()?)?.attributes, r.attributes);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    MboxViewReq = MBOX_VIEW_REQ {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// X-Mms-Content-Location: messages to view.
        content_location: CONTENT_LOCATION many Text<'a>,
        /// X-Mms-MM-State: select by state.
        mm_state: MM_STATE many MmState,
        /// X-Mms-MM-Flags: select by keyword.
        mm_flags: MM_FLAGS many MmFlag<'a>,
        /// X-Mms-Start.
        start: START opt u64,
        /// X-Mms-Limit.
        limit: LIMIT opt u64,
        /// X-Mms-Attributes: the headers to return.
        attributes: ATTRIBUTES many FieldCode,
        /// X-Mms-Totals.
        totals: TOTALS opt bool,
        /// X-Mms-Quotas.
        quotas: QUOTAS opt bool,
    }

    /// m-mbox-view-conf (MMS_ENC 1.3 §6.8): the MMBox listing; the body holds m-mbox-descr PDUs.
    ///
    /// ```
    /// use mms_pdu::mms::message::MboxViewConf;
    /// use mms_pdu::mms::typed::{MboxCount, ResponseStatus};
    /// use mms_pdu::wsp::Text;
    /// let c = MboxViewConf {
    ///     transaction_id: Text::new("T1")?,
    ///     response_status: ResponseStatus::OK,
    ///     mbox_totals: vec![MboxCount { kind: MboxCount::MESSAGES, value: 12 }],
    ///     ..Default::default()
    /// };
    /// assert_eq!(MboxViewConf::decode_strict(&c.encode()?)?.mbox_totals[0].value, 12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    MboxViewConf = MBOX_VIEW_CONF {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// X-Mms-Response-Status.
        response_status: RESPONSE_STATUS one ResponseStatus,
        /// X-Mms-Response-Text.
        response_text: RESPONSE_TEXT opt EncodedString<'a>,
        /// X-Mms-Content-Location of the listed messages (the status-count
        /// form is accepted as in the delete confirmations).
        content_location: CONTENT_LOCATION many Counted<Text<'a>>,
        /// X-Mms-MM-State.
        mm_state: MM_STATE many MmState,
        /// X-Mms-MM-Flags.
        mm_flags: MM_FLAGS many MmFlag<'a>,
        /// X-Mms-Start.
        start: START opt u64,
        /// X-Mms-Limit.
        limit: LIMIT opt u64,
        /// X-Mms-Attributes.
        attributes: ATTRIBUTES many FieldCode,
        /// X-Mms-Mbox-Totals.
        mbox_totals: MBOX_TOTALS many MboxCount,
        /// X-Mms-Mbox-Quotas.
        mbox_quotas: MBOX_QUOTAS many MboxCount,
        /// X-Mms-Message-Count.
        message_count: MESSAGE_COUNT opt u64,
        /// Content-Type of the body (the m-mbox-descr PDUs).
        content_type: CONTENT_TYPE opt ContentType<'a>,
    }

    /// m-mbox-upload-req (MMS_ENC 1.3 §6.8): put a message into the MMBox.
    ///
    /// ```
    /// use mms_pdu::mms::message::MboxUploadReq;
    /// use mms_pdu::wsp::{ContentType, Media, Text};
    /// use mms_pdu::Body;
    /// let r = MboxUploadReq {
    ///     transaction_id: Text::new("T1")?,
    ///     content_type: ContentType::new(Media::from_name("application/vnd.wap.mms-message")),
    ///     body: Some(Body::Data(b"\x8C\x80"[..].into())),
    ///     ..Default::default()
    /// };
    /// assert!(MboxUploadReq::decode_strict(&r.encode()?).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    MboxUploadReq = MBOX_UPLOAD_REQ {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// X-Mms-MM-State.
        mm_state: MM_STATE opt MmState,
        /// X-Mms-MM-Flags.
        mm_flags: MM_FLAGS many MmFlag<'a>,
        /// Content-Type of the body (the message to store).
        content_type: CONTENT_TYPE one ContentType<'a>,
    }

    /// m-mbox-upload-conf (MMS_ENC 1.3 §6.8).
    ///
    /// ```
    /// use mms_pdu::mms::message::MboxUploadConf;
    /// use mms_pdu::mms::typed::StoreStatus;
    /// use mms_pdu::wsp::Text;
    /// let c = MboxUploadConf { transaction_id: Text::new("T1")?, store_status: StoreStatus::SUCCESS, ..Default::default() };
    /// assert!(MboxUploadConf::decode_strict(&c.encode()?).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    MboxUploadConf = MBOX_UPLOAD_CONF {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// X-Mms-Content-Location in the MMBox.
        content_location: CONTENT_LOCATION opt Text<'a>,
        /// X-Mms-Store-Status.
        store_status: STORE_STATUS one StoreStatus,
        /// X-Mms-Store-Status-Text.
        store_status_text: STORE_STATUS_TEXT opt EncodedString<'a>,
    }

    /// m-mbox-delete-req (MMS_ENC 1.3 §6.8).
    ///
    /// ```
    /// use mms_pdu::mms::message::MboxDeleteReq;
    /// use mms_pdu::wsp::Text;
    /// let r = MboxDeleteReq { transaction_id: Text::new("T1")?, content_location: vec![Text::new("http://mmsc/m1")?], ..Default::default() };
    /// assert!(MboxDeleteReq::decode_strict(&r.encode()?).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    MboxDeleteReq = MBOX_DELETE_REQ {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// X-Mms-Content-Location of each message to delete.
        content_location: CONTENT_LOCATION many Text<'a>,
    }

    /// m-mbox-delete-conf (MMS_ENC 1.3 §6.8), with the status-count forms.
    ///
    /// ```
    /// use mms_pdu::mms::message::MboxDeleteConf;
    /// use mms_pdu::mms::typed::{Counted, ResponseStatus};
    /// use mms_pdu::wsp::Text;
    /// let c = MboxDeleteConf {
    ///     transaction_id: Text::new("T1")?,
    ///     response_status: vec![Counted { count: Some(1), value: ResponseStatus::new(0xE4) }],
    ///     ..Default::default()
    /// };
    /// assert_eq!(MboxDeleteConf::decode_strict(&c.encode()?)?.response_status, c.response_status);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    MboxDeleteConf = MBOX_DELETE_CONF {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// X-Mms-Content-Location, counted.
        content_location: CONTENT_LOCATION many Counted<Text<'a>>,
        /// X-Mms-Response-Status, counted.
        response_status: RESPONSE_STATUS many Counted<ResponseStatus>,
        /// X-Mms-Response-Text, counted.
        response_text: RESPONSE_TEXT many Counted<EncodedString<'a>>,
    }

    /// m-mbox-descr (MMS_ENC 1.3 §6.8): one message as an MMBox listing describes it.
    ///
    /// ```
    /// use mms_pdu::mms::message::MboxDescr;
    /// use mms_pdu::wsp::Text;
    /// let d = MboxDescr { content_location: Text::new("http://mmsc/m1")?, ..Default::default() };
    /// assert!(MboxDescr::decode_strict(&d.encode()?).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    MboxDescr = MBOX_DESCR {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID opt Text<'a>,
        /// X-Mms-Content-Location.
        content_location: CONTENT_LOCATION one Text<'a>,
        /// Message-ID.
        message_id: MESSAGE_ID opt Text<'a>,
        /// X-Mms-MM-State.
        mm_state: MM_STATE opt MmState,
        /// X-Mms-MM-Flags.
        mm_flags: MM_FLAGS many MmFlag<'a>,
        /// Date.
        date: DATE opt u64,
        /// From.
        from: FROM opt FromValue<'a>,
        /// To.
        to: TO many EncodedString<'a>,
        /// Cc.
        cc: CC many EncodedString<'a>,
        /// Bcc.
        bcc: BCC many EncodedString<'a>,
        /// X-Mms-Message-Class.
        message_class: MESSAGE_CLASS opt MessageClass<'a>,
        /// Subject.
        subject: SUBJECT opt EncodedString<'a>,
        /// X-Mms-Priority.
        priority: PRIORITY opt Priority,
        /// X-Mms-Delivery-Time.
        delivery_time: DELIVERY_TIME opt Time,
        /// X-Mms-Expiry.
        expiry: EXPIRY opt Time,
        /// X-Mms-Delivery-Report.
        delivery_report: DELIVERY_REPORT opt bool,
        /// X-Mms-Read-Report.
        read_report: READ_REPORT opt bool,
        /// X-Mms-Message-Size.
        message_size: MESSAGE_SIZE opt u64,
        /// X-Mms-Reply-Charging.
        reply_charging: REPLY_CHARGING opt ReplyCharging,
        /// X-Mms-Reply-Charging-Deadline.
        reply_charging_deadline: REPLY_CHARGING_DEADLINE opt Time,
        /// X-Mms-Reply-Charging-Size.
        reply_charging_size: REPLY_CHARGING_SIZE opt u64,
        /// X-Mms-Reply-Charging-ID.
        reply_charging_id: REPLY_CHARGING_ID opt Text<'a>,
        /// X-Mms-Previously-Sent-By.
        previously_sent_by: PREVIOUSLY_SENT_BY many PreviouslySentBy<'a>,
        /// X-Mms-Previously-Sent-Date.
        previously_sent_date: PREVIOUSLY_SENT_DATE many PreviouslySentDate,
        /// X-Mms-Applic-ID (1.3).
        applic_id: APPLIC_ID opt Text<'a>,
        /// X-Mms-Reply-Applic-ID (1.3).
        reply_applic_id: REPLY_APPLIC_ID opt Text<'a>,
        /// X-Mms-Aux-Applic-Info (1.3).
        aux_applic_info: AUX_APPLIC_INFO opt Text<'a>,
        /// Content-Type of the body, when the content is included.
        content_type: CONTENT_TYPE opt ContentType<'a>,
    }

    /// m-delete-req (MMS_ENC 1.3 §6.9): delete messages held at the MMSC.
    ///
    /// ```
    /// use mms_pdu::mms::message::DeleteReq;
    /// use mms_pdu::wsp::Text;
    /// let r = DeleteReq { version: mms_pdu::Version::V1_3, transaction_id: Text::new("T1")?, content_location: vec![Text::new("http://mmsc/m1")?], ..Default::default() };
    /// assert!(DeleteReq::decode_strict(&r.encode()?).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    DeleteReq = DELETE_REQ {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// X-Mms-Content-Location of each message to delete.
        content_location: CONTENT_LOCATION many Text<'a>,
    }

    /// m-delete-conf (MMS_ENC 1.3 §6.9), with the status-count forms.
    ///
    /// ```
    /// use mms_pdu::mms::message::DeleteConf;
    /// use mms_pdu::mms::typed::{Counted, ResponseStatus};
    /// use mms_pdu::wsp::Text;
    /// let c = DeleteConf {
    ///     version: mms_pdu::Version::V1_3,
    ///     transaction_id: Text::new("T1")?,
    ///     content_location: vec![Counted { count: Some(2), value: Text::new("http://mmsc/m2")? }],
    ///     response_status: vec![Counted { count: Some(2), value: ResponseStatus::new(0xE4) }],
    ///     ..Default::default()
    /// };
    /// assert_eq!(DeleteConf::decode_strict(&c.encode()?)?.content_location, c.content_location);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    DeleteConf = DELETE_CONF {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// X-Mms-Content-Location, counted.
        content_location: CONTENT_LOCATION many Counted<Text<'a>>,
        /// X-Mms-Response-Status, counted.
        response_status: RESPONSE_STATUS many Counted<ResponseStatus>,
        /// X-Mms-Response-Text, counted.
        response_text: RESPONSE_TEXT many Counted<EncodedString<'a>>,
    }

    /// m-cancel-req (MMS_ENC 1.3 §6.10): the MMSC cancels a message it announced.
    ///
    /// ```
    /// use mms_pdu::mms::message::CancelReq;
    /// use mms_pdu::wsp::Text;
    /// let r = CancelReq { version: mms_pdu::Version::V1_3, transaction_id: Text::new("T1")?, cancel_id: Text::new("m1")?, ..Default::default() };
    /// assert!(CancelReq::decode_strict(&r.encode()?).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    CancelReq = CANCEL_REQ {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// X-Mms-Cancel-ID: the Message-ID to cancel.
        cancel_id: CANCEL_ID one Text<'a>,
    }

    /// m-cancel-conf (MMS_ENC 1.3 §6.10).
    ///
    /// ```
    /// use mms_pdu::mms::message::CancelConf;
    /// use mms_pdu::mms::typed::CancelStatus;
    /// use mms_pdu::wsp::Text;
    /// let c = CancelConf { version: mms_pdu::Version::V1_3, transaction_id: Text::new("T1")?, cancel_status: CancelStatus::RECEIVED, ..Default::default() };
    /// assert!(CancelConf::decode_strict(&c.encode()?).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    CancelConf = CANCEL_CONF {
        /// X-Mms-Transaction-Id.
        transaction_id: TRANSACTION_ID one Text<'a>,
        /// X-Mms-Cancel-Status.
        cancel_status: CANCEL_STATUS one CancelStatus,
    }
}

#[cfg(test)]
mod tests {
    use super::super::rules::{header_table, Presence};
    use super::*;

    macro_rules! fields_of {
        ($($name:ident),*) => { [$(($name::MESSAGE_TYPE, $name::FIELDS)),*] };
    }

    #[test]
    fn struct_fields_match_the_header_tables() {
        let all = fields_of!(
            SendReq,
            SendConf,
            NotificationInd,
            NotifyRespInd,
            RetrieveConf,
            AcknowledgeInd,
            DeliveryInd,
            ReadRecInd,
            ReadOrigInd,
            ForwardReq,
            ForwardConf,
            MboxStoreReq,
            MboxStoreConf,
            MboxViewReq,
            MboxViewConf,
            MboxUploadReq,
            MboxUploadConf,
            MboxDeleteReq,
            MboxDeleteConf,
            MboxDescr,
            DeleteReq,
            DeleteConf,
            CancelReq,
            CancelConf
        );
        assert_eq!(all.len(), 24);
        for (t, fields) in all {
            let table: Vec<FieldCode> = header_table(t).unwrap().iter().map(|(c, _)| *c).collect();
            assert_eq!(fields, table.as_slice(), "{t}");
        }
        let _ = Presence::Mandatory;
    }
}
