//! The MMS layer: header fields, values and PDUs (OMA MMS_ENC 1.3).

pub mod address;
mod cut;
mod field;
pub mod message;
pub(crate) mod pdu;
mod push;
pub mod rules;
#[cfg(feature = "serde")]
pub(crate) mod serde;
pub(crate) mod tables;
pub mod typed;
mod typed_codec;
pub(crate) mod value;
pub mod view;

pub use field::{FieldCode, ValueKind};
pub use pdu::{Body, Field, Header, MessageType, Pdu};
pub use value::{
    mbox_count_kind_name, mm_flags_op_name, ElementItem, FromValue, MessageClass, Time, UtcDate,
    Value, Version,
};
