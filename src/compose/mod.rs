//! Composing messages: the layer above [`mms`](crate::mms) and `smil`
//! that puts parts, addresses and slides together into a PDU.
//!
//! [`SendReqBuilder`] (from [`SendReq::builder`](crate::mms::message::SendReq::builder))
//! builds an m-send-req the way a sending client does; with the `smil`
//! feature, [`SendReqBuilder::slide`] writes the SMIL presentation from
//! `smil::SlideContent`s. [`Campaign`] encodes many personalised copies of
//! one message around the same media. The MMS and SMIL layers know nothing of this
//! module; it only looks down at them.
//!
//! ```
//! use mms_pdu::compose::BuildError;
//! use mms_pdu::mms::message::SendReq;
//! let err = SendReq::builder().to("+15551234567/TYPE=PLMN").build().unwrap_err();
//! assert_eq!(err, BuildError::NoTransactionId);
//! ```

mod campaign;
mod send_req;

pub use campaign::Campaign;
pub use send_req::{BuildError, ParamEncoding, SendReqBuilder};
