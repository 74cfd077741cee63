//! The MMS PDU a WAP push carries (MMS_ENC 1.3 §1.2, WAP-251): the MMS
//! layer's reading of a [`Push`] body, written here so that the WSP layer
//! that cuts the push knows nothing of MMS.

use super::pdu::Pdu;
use crate::wsp::push::Push;
use crate::DecodeError;

impl Push<'_> {
    /// Decodes the body as an MMS PDU when [`is_mms`](Self::is_mms). Error
    /// offsets are relative to the body; add [`body_offset`](Self::body_offset)
    /// for the position in the push.
    ///
    /// ```
    /// use mms_pdu::wsp::push::Push;
    /// use mms_pdu::MessageType;
    /// // An m-notifyresp-ind (Message-Type, Transaction-Id "T1", Version 1.2, Status Retrieved).
    /// let push = Push::mms(1, &b"\x8C\x83\x98T1\0\x8D\x92\x95\x81"[..]);
    /// let pdu = push.mms_pdu().unwrap()?;
    /// assert_eq!(pdu.message_type(), Some(MessageType::NOTIFYRESP_IND));
    /// # Ok::<(), mms_pdu::DecodeError>(())
    /// ```
    pub fn mms_pdu(&self) -> Option<Result<Pdu<'_>, DecodeError>> {
        self.is_mms().then(|| Pdu::decode(&self.body))
    }
}
