//! Assigned numbers of OMA MMS_ENC (1.0–1.3, plus 1.4 where known).
//!
//! All tables are sorted by code, with each code at most once. Codes of the
//! token tables are the octets as they appear on the wire (high bit set).
//! Value names are the token names of MMS_ENC 1.3 §7.3 (for the Yes/No,
//! priority, class, status and similar fields the spec names the value
//! itself; where the spec only names a `...-token`, the suffix is dropped).
//!
//! Checked against: Wireshark `epan/dissectors/packet-mmse.c` (codes up to
//! MMS 1.2), AOSP `PduHeaders.java` and `PduParser.java`, Firefox OS
//! `MmsPduHelper.jsm` (which quotes the MMS_ENC 1.3 grammar), the Mbuni MMS
//! gateway's `mms_strings.def`, Symbian `mmsconst.h`, and OpenHarmony's
//! `mms_header.cpp`.
//!
//! Each fact is written once: where a code has a named constant
//! (`FieldCode::BCC`, `MessageType::SEND_REQ`, `ResponseStatus::OK`, …), the
//! constant is declared on the table's row and `named_codes!` (from the WSP
//! tables) makes both the table and the constant from it.
//!
//! MMS 1.4 header codes (0x40 and up) were not found in any public source
//! that could be checked, so none are listed; a decoder should treat them as
//! unknown.

use super::field::FieldCode;
use super::pdu::MessageType;
use super::typed::{
    CancelStatus, MboxCount, MmFlag, Priority, ReadStatus, ResponseStatus, RetrieveStatus,
    SenderVisibility, Status, StoreStatus, Token,
};
use crate::wsp::tables::named_codes;

named_codes! {
    /// MMS_ENC 1.3 §7.4 Table 25 (field name assignments): (code without the high bit, name as in the spec header table, first MMS version as (major<<4)|minor e.g. 0x10 for 1.0, 0x11, 0x12, 0x13, 0x14)
    ///
    /// The version column follows the grouping of Wireshark's `packet-mmse.c`
    /// (1.0 / 1.1 / 1.2) and Mbuni's `mms_strings.def` (1.2), and Symbian's note
    /// that 0x34–0x3F arrived with encapsulation 1.3.
    ///
    /// Notes on names: 0x10 was `X-Mms-Read-Reply` in MMS 1.0 (WAP-209; Wireshark
    /// still prints that) and is `X-Mms-Read-Report` from 1.1 on. 0x39 is
    /// `X-Mms-Aux-Applic-Info` in the spec; AOSP and Firefox OS call it
    /// `...-Aux-Applic-ID`. 0x2E (`Content`) and 0x30 (`Additional-headers`)
    /// have no value encoding of their own: they only occur as values of
    /// X-Mms-Attributes.
    pub(crate) const FIELD_NAMES: &[(u8, &str, u8)] = FieldCode => FieldCode {
        // MMS 1.0
        /// Bcc (Encoded-string-value address).
        const BCC = (0x01, "Bcc", 0x10),
        /// Cc.
        const CC = (0x02, "Cc", 0x10),
        /// X-Mms-Content-Location.
        const CONTENT_LOCATION = (0x03, "X-Mms-Content-Location", 0x10),
        /// Content-Type (the last header; the body follows).
        const CONTENT_TYPE = (0x04, "Content-Type", 0x10),
        /// Date.
        const DATE = (0x05, "Date", 0x10),
        /// X-Mms-Delivery-Report.
        const DELIVERY_REPORT = (0x06, "X-Mms-Delivery-Report", 0x10),
        /// X-Mms-Delivery-Time.
        const DELIVERY_TIME = (0x07, "X-Mms-Delivery-Time", 0x10),
        /// X-Mms-Expiry.
        const EXPIRY = (0x08, "X-Mms-Expiry", 0x10),
        /// From.
        const FROM = (0x09, "From", 0x10),
        /// X-Mms-Message-Class.
        const MESSAGE_CLASS = (0x0A, "X-Mms-Message-Class", 0x10),
        /// Message-ID.
        const MESSAGE_ID = (0x0B, "Message-ID", 0x10),
        /// X-Mms-Message-Type.
        const MESSAGE_TYPE = (0x0C, "X-Mms-Message-Type", 0x10),
        /// X-Mms-MMS-Version.
        const MMS_VERSION = (0x0D, "X-Mms-MMS-Version", 0x10),
        /// X-Mms-Message-Size.
        const MESSAGE_SIZE = (0x0E, "X-Mms-Message-Size", 0x10),
        /// X-Mms-Priority.
        const PRIORITY = (0x0F, "X-Mms-Priority", 0x10),
        /// X-Mms-Read-Report (X-Mms-Read-Reply in MMS 1.0).
        const READ_REPORT = (0x10, "X-Mms-Read-Report", 0x10),
        /// X-Mms-Report-Allowed.
        const REPORT_ALLOWED = (0x11, "X-Mms-Report-Allowed", 0x10),
        /// X-Mms-Response-Status.
        const RESPONSE_STATUS = (0x12, "X-Mms-Response-Status", 0x10),
        /// X-Mms-Response-Text.
        const RESPONSE_TEXT = (0x13, "X-Mms-Response-Text", 0x10),
        /// X-Mms-Sender-Visibility.
        const SENDER_VISIBILITY = (0x14, "X-Mms-Sender-Visibility", 0x10),
        /// X-Mms-Status.
        const STATUS = (0x15, "X-Mms-Status", 0x10),
        /// Subject.
        const SUBJECT = (0x16, "Subject", 0x10),
        /// To.
        const TO = (0x17, "To", 0x10),
        /// X-Mms-Transaction-Id.
        const TRANSACTION_ID = (0x18, "X-Mms-Transaction-Id", 0x10),
        // MMS 1.1
        /// X-Mms-Retrieve-Status.
        const RETRIEVE_STATUS = (0x19, "X-Mms-Retrieve-Status", 0x11),
        /// X-Mms-Retrieve-Text.
        const RETRIEVE_TEXT = (0x1A, "X-Mms-Retrieve-Text", 0x11),
        /// X-Mms-Read-Status.
        const READ_STATUS = (0x1B, "X-Mms-Read-Status", 0x11),
        /// X-Mms-Reply-Charging.
        const REPLY_CHARGING = (0x1C, "X-Mms-Reply-Charging", 0x11),
        /// X-Mms-Reply-Charging-Deadline.
        const REPLY_CHARGING_DEADLINE = (0x1D, "X-Mms-Reply-Charging-Deadline", 0x11),
        /// X-Mms-Reply-Charging-ID.
        const REPLY_CHARGING_ID = (0x1E, "X-Mms-Reply-Charging-ID", 0x11),
        /// X-Mms-Reply-Charging-Size.
        const REPLY_CHARGING_SIZE = (0x1F, "X-Mms-Reply-Charging-Size", 0x11),
        /// X-Mms-Previously-Sent-By.
        const PREVIOUSLY_SENT_BY = (0x20, "X-Mms-Previously-Sent-By", 0x11),
        /// X-Mms-Previously-Sent-Date.
        const PREVIOUSLY_SENT_DATE = (0x21, "X-Mms-Previously-Sent-Date", 0x11),
        // MMS 1.2
        /// X-Mms-Store.
        const STORE = (0x22, "X-Mms-Store", 0x12),
        /// X-Mms-MM-State.
        const MM_STATE = (0x23, "X-Mms-MM-State", 0x12),
        /// X-Mms-MM-Flags.
        const MM_FLAGS = (0x24, "X-Mms-MM-Flags", 0x12),
        /// X-Mms-Store-Status.
        const STORE_STATUS = (0x25, "X-Mms-Store-Status", 0x12),
        /// X-Mms-Store-Status-Text.
        const STORE_STATUS_TEXT = (0x26, "X-Mms-Store-Status-Text", 0x12),
        /// X-Mms-Stored.
        const STORED = (0x27, "X-Mms-Stored", 0x12),
        /// X-Mms-Attributes.
        const ATTRIBUTES = (0x28, "X-Mms-Attributes", 0x12),
        /// X-Mms-Totals.
        const TOTALS = (0x29, "X-Mms-Totals", 0x12),
        /// X-Mms-Mbox-Totals.
        const MBOX_TOTALS = (0x2A, "X-Mms-Mbox-Totals", 0x12),
        /// X-Mms-Quotas.
        const QUOTAS = (0x2B, "X-Mms-Quotas", 0x12),
        /// X-Mms-Mbox-Quotas.
        const MBOX_QUOTAS = (0x2C, "X-Mms-Mbox-Quotas", 0x12),
        /// X-Mms-Message-Count.
        const MESSAGE_COUNT = (0x2D, "X-Mms-Message-Count", 0x12),
        /// Content (only named by X-Mms-Attributes).
        const CONTENT = (0x2E, "Content", 0x12),
        /// X-Mms-Start.
        const START = (0x2F, "X-Mms-Start", 0x12),
        /// Additional-headers (only named by X-Mms-Attributes).
        const ADDITIONAL_HEADERS = (0x30, "Additional-headers", 0x12),
        /// X-Mms-Distribution-Indicator.
        const DISTRIBUTION_INDICATOR = (0x31, "X-Mms-Distribution-Indicator", 0x12),
        /// X-Mms-Element-Descriptor.
        const ELEMENT_DESCRIPTOR = (0x32, "X-Mms-Element-Descriptor", 0x12),
        /// X-Mms-Limit.
        const LIMIT = (0x33, "X-Mms-Limit", 0x12),
        // MMS 1.3
        /// X-Mms-Recommended-Retrieval-Mode.
        const RECOMMENDED_RETRIEVAL_MODE = (0x34, "X-Mms-Recommended-Retrieval-Mode", 0x13),
        /// X-Mms-Recommended-Retrieval-Mode-Text.
        const RECOMMENDED_RETRIEVAL_MODE_TEXT = (0x35, "X-Mms-Recommended-Retrieval-Mode-Text", 0x13),
        /// X-Mms-Status-Text.
        const STATUS_TEXT = (0x36, "X-Mms-Status-Text", 0x13),
        /// X-Mms-Applic-ID.
        const APPLIC_ID = (0x37, "X-Mms-Applic-ID", 0x13),
        /// X-Mms-Reply-Applic-ID.
        const REPLY_APPLIC_ID = (0x38, "X-Mms-Reply-Applic-ID", 0x13),
        /// X-Mms-Aux-Applic-Info.
        const AUX_APPLIC_INFO = (0x39, "X-Mms-Aux-Applic-Info", 0x13),
        /// X-Mms-Content-Class.
        const CONTENT_CLASS = (0x3A, "X-Mms-Content-Class", 0x13),
        /// X-Mms-DRM-Content.
        const DRM_CONTENT = (0x3B, "X-Mms-DRM-Content", 0x13),
        /// X-Mms-Adaptation-Allowed.
        const ADAPTATION_ALLOWED = (0x3C, "X-Mms-Adaptation-Allowed", 0x13),
        /// X-Mms-Replace-ID.
        const REPLACE_ID = (0x3D, "X-Mms-Replace-ID", 0x13),
        /// X-Mms-Cancel-ID.
        const CANCEL_ID = (0x3E, "X-Mms-Cancel-ID", 0x13),
        /// X-Mms-Cancel-Status.
        const CANCEL_STATUS = (0x3F, "X-Mms-Cancel-Status", 0x13),
    }
}

named_codes! {
    /// X-Mms-Message-Type values (MMS_ENC §7.3.30): (0x80, "m-send-req"), ... (0x97, "m-cancel-conf")
    ///
    /// 0x80–0x86 MMS 1.0, 0x87–0x8A MMS 1.1, 0x8B–0x93 MMS 1.2, 0x94–0x97 MMS 1.3.
    pub(crate) const MESSAGE_TYPES: &[(u8, &str)] = MessageType => MessageType {
        /// m-send-req.
        const SEND_REQ = (0x80, "m-send-req"),
        /// m-send-conf.
        const SEND_CONF = (0x81, "m-send-conf"),
        /// m-notification-ind.
        const NOTIFICATION_IND = (0x82, "m-notification-ind"),
        /// m-notifyresp-ind.
        const NOTIFYRESP_IND = (0x83, "m-notifyresp-ind"),
        /// m-retrieve-conf.
        const RETRIEVE_CONF = (0x84, "m-retrieve-conf"),
        /// m-acknowledge-ind.
        const ACKNOWLEDGE_IND = (0x85, "m-acknowledge-ind"),
        /// m-delivery-ind.
        const DELIVERY_IND = (0x86, "m-delivery-ind"),
        /// m-read-rec-ind.
        const READ_REC_IND = (0x87, "m-read-rec-ind"),
        /// m-read-orig-ind.
        const READ_ORIG_IND = (0x88, "m-read-orig-ind"),
        /// m-forward-req.
        const FORWARD_REQ = (0x89, "m-forward-req"),
        /// m-forward-conf.
        const FORWARD_CONF = (0x8A, "m-forward-conf"),
        /// m-mbox-store-req.
        const MBOX_STORE_REQ = (0x8B, "m-mbox-store-req"),
        /// m-mbox-store-conf.
        const MBOX_STORE_CONF = (0x8C, "m-mbox-store-conf"),
        /// m-mbox-view-req.
        const MBOX_VIEW_REQ = (0x8D, "m-mbox-view-req"),
        /// m-mbox-view-conf.
        const MBOX_VIEW_CONF = (0x8E, "m-mbox-view-conf"),
        /// m-mbox-upload-req.
        const MBOX_UPLOAD_REQ = (0x8F, "m-mbox-upload-req"),
        /// m-mbox-upload-conf.
        const MBOX_UPLOAD_CONF = (0x90, "m-mbox-upload-conf"),
        /// m-mbox-delete-req.
        const MBOX_DELETE_REQ = (0x91, "m-mbox-delete-req"),
        /// m-mbox-delete-conf.
        const MBOX_DELETE_CONF = (0x92, "m-mbox-delete-conf"),
        /// m-mbox-descr.
        const MBOX_DESCR = (0x93, "m-mbox-descr"),
        /// m-delete-req.
        const DELETE_REQ = (0x94, "m-delete-req"),
        /// m-delete-conf.
        const DELETE_CONF = (0x95, "m-delete-conf"),
        /// m-cancel-req.
        const CANCEL_REQ = (0x96, "m-cancel-req"),
        /// m-cancel-conf.
        const CANCEL_CONF = (0x97, "m-cancel-conf"),
    }
}

/// Yes/No tokens, shared by X-Mms-Delivery-Report, X-Mms-Read-Report,
/// X-Mms-Report-Allowed, X-Mms-Store, X-Mms-Stored, X-Mms-Totals,
/// X-Mms-Quotas, X-Mms-Distribution-Indicator, X-Mms-DRM-Content and
/// X-Mms-Adaptation-Allowed.
pub(crate) const YES_NO: &[(u8, &str)] = &[(0x80, "Yes"), (0x81, "No")];

named_codes! {
    /// X-Mms-Priority values.
    pub(crate) const PRIORITY: &[(u8, &str)] = Priority => Token {
        /// Low.
        const LOW = (0x80, "Low"),
        /// Normal.
        const NORMAL = (0x81, "Normal"),
        /// High.
        const HIGH = (0x82, "High"),
    }
}

named_codes! {
    /// X-Mms-Sender-Visibility values.
    pub(crate) const SENDER_VISIBILITY: &[(u8, &str)] = SenderVisibility => Token {
        /// Hide.
        const HIDE = (0x80, "Hide"),
        /// Show.
        const SHOW = (0x81, "Show"),
    }
}

/// X-Mms-Message-Class Class-identifier values (the field may instead carry
/// a Token-text).
pub(crate) const MESSAGE_CLASS: &[(u8, &str)] = &[
    (0x80, "Personal"),
    (0x81, "Advertisement"),
    (0x82, "Informational"),
    (0x83, "Auto"),
];

named_codes! {
    /// X-Mms-Status values (0x80–0x84 MMS 1.0, 0x85–0x86 MMS 1.1, 0x87 MMS 1.2).
    /// The spec spells 0x84 the British way.
    pub(crate) const STATUS: &[(u8, &str)] = Status => Token {
        /// Expired.
        const EXPIRED = (0x80, "Expired"),
        /// Retrieved.
        const RETRIEVED = (0x81, "Retrieved"),
        /// Rejected.
        const REJECTED = (0x82, "Rejected"),
        /// Deferred.
        const DEFERRED = (0x83, "Deferred"),
        /// Unrecognised.
        const UNRECOGNISED = (0x84, "Unrecognised"),
        (0x85, "Indeterminate"),
        (0x86, "Forwarded"),
        (0x87, "Unreachable"),
    }
}

named_codes! {
    /// X-Mms-Response-Status values.
    ///
    /// 0x81–0x88 are the MMS 1.0 error codes (obsolete from 1.1 on, still to be
    /// understood). 0xC0–0xC3 and 0xE0–0xE9 arrived with MMS 1.1, 0xC4 and 0xEA
    /// with 1.2, 0xEB with 1.3. A receiver treats an unassigned value in
    /// 0xC5..=0xDF as Error-transient-failure and any other unassigned value as
    /// Error-permanent-failure (MMS_ENC 1.3 §7.3.48, as applied by AOSP
    /// `PduHeaders.setOctet`).
    ///
    /// AOSP defines Error-permanent-reply-charging-request-not-accepted as 0xE6,
    /// which is a bug there (Wireshark, Mbuni, mmsd and Firefox OS agree on
    /// 0xE7).
    pub(crate) const RESPONSE_STATUS: &[(u8, &str)] = ResponseStatus => Token {
        /// Ok.
        const OK = (0x80, "Ok"),
        /// Error-unspecified.
        const UNSPECIFIED = (0x81, "Error-unspecified"),
        /// Error-service-denied.
        const SERVICE_DENIED = (0x82, "Error-service-denied"),
        /// Error-message-format-corrupt.
        const MESSAGE_FORMAT_CORRUPT = (0x83, "Error-message-format-corrupt"),
        /// Error-sending-address-unresolved.
        const SENDING_ADDRESS_UNRESOLVED = (0x84, "Error-sending-address-unresolved"),
        /// Error-message-not-found.
        const MESSAGE_NOT_FOUND = (0x85, "Error-message-not-found"),
        /// Error-network-problem.
        const NETWORK_PROBLEM = (0x86, "Error-network-problem"),
        /// Error-content-not-accepted.
        const CONTENT_NOT_ACCEPTED = (0x87, "Error-content-not-accepted"),
        /// Error-unsupported-message.
        const UNSUPPORTED_MESSAGE = (0x88, "Error-unsupported-message"),
        /// Error-transient-failure.
        const TRANSIENT_FAILURE = (0xC0, "Error-transient-failure"),
        /// Error-transient-sending-address-unresolved.
        const TRANSIENT_SENDING_ADDRESS_UNRESOLVED = (0xC1, "Error-transient-sending-address-unresolved"),
        /// Error-transient-message-not-found.
        const TRANSIENT_MESSAGE_NOT_FOUND = (0xC2, "Error-transient-message-not-found"),
        /// Error-transient-network-problem.
        const TRANSIENT_NETWORK_PROBLEM = (0xC3, "Error-transient-network-problem"),
        /// Error-transient-partial-success.
        const TRANSIENT_PARTIAL_SUCCESS = (0xC4, "Error-transient-partial-success"),
        /// Error-permanent-failure.
        const PERMANENT_FAILURE = (0xE0, "Error-permanent-failure"),
        /// Error-permanent-service-denied.
        const PERMANENT_SERVICE_DENIED = (0xE1, "Error-permanent-service-denied"),
        /// Error-permanent-message-format-corrupt.
        const PERMANENT_MESSAGE_FORMAT_CORRUPT = (0xE2, "Error-permanent-message-format-corrupt"),
        /// Error-permanent-sending-address-unresolved.
        const PERMANENT_SENDING_ADDRESS_UNRESOLVED = (0xE3, "Error-permanent-sending-address-unresolved"),
        /// Error-permanent-message-not-found.
        const PERMANENT_MESSAGE_NOT_FOUND = (0xE4, "Error-permanent-message-not-found"),
        /// Error-permanent-content-not-accepted.
        const PERMANENT_CONTENT_NOT_ACCEPTED = (0xE5, "Error-permanent-content-not-accepted"),
        /// Error-permanent-reply-charging-limitations-not-met.
        const PERMANENT_REPLY_CHARGING_LIMITATIONS_NOT_MET = (0xE6, "Error-permanent-reply-charging-limitations-not-met"),
        /// Error-permanent-reply-charging-request-not-accepted.
        const PERMANENT_REPLY_CHARGING_REQUEST_NOT_ACCEPTED = (0xE7, "Error-permanent-reply-charging-request-not-accepted"),
        /// Error-permanent-reply-charging-forwarding-denied.
        const PERMANENT_REPLY_CHARGING_FORWARDING_DENIED = (0xE8, "Error-permanent-reply-charging-forwarding-denied"),
        /// Error-permanent-reply-charging-not-supported.
        const PERMANENT_REPLY_CHARGING_NOT_SUPPORTED = (0xE9, "Error-permanent-reply-charging-not-supported"),
        /// Error-permanent-address-hiding-not-supported.
        const PERMANENT_ADDRESS_HIDING_NOT_SUPPORTED = (0xEA, "Error-permanent-address-hiding-not-supported"),
        /// Error-permanent-lack-of-prepaid.
        const PERMANENT_LACK_OF_PREPAID = (0xEB, "Error-permanent-lack-of-prepaid"),
    }
}

named_codes! {
    /// X-Mms-Retrieve-Status values (MMS 1.1). Note that the codes differ from
    /// X-Mms-Response-Status for the same names (0xC1, 0xC2, 0xE2, 0xE3).
    /// Unassigned values in 0xC3..=0xDF mean Error-transient-failure, any other
    /// unassigned value Error-permanent-failure (§7.3.50).
    pub(crate) const RETRIEVE_STATUS: &[(u8, &str)] = RetrieveStatus => Token {
        /// Ok.
        const OK = (0x80, "Ok"),
        /// Error-transient-failure.
        const TRANSIENT_FAILURE = (0xC0, "Error-transient-failure"),
        /// Error-transient-message-not-found.
        const TRANSIENT_MESSAGE_NOT_FOUND = (0xC1, "Error-transient-message-not-found"),
        /// Error-transient-network-problem.
        const TRANSIENT_NETWORK_PROBLEM = (0xC2, "Error-transient-network-problem"),
        /// Error-permanent-failure.
        const PERMANENT_FAILURE = (0xE0, "Error-permanent-failure"),
        /// Error-permanent-service-denied.
        const PERMANENT_SERVICE_DENIED = (0xE1, "Error-permanent-service-denied"),
        /// Error-permanent-message-not-found.
        const PERMANENT_MESSAGE_NOT_FOUND = (0xE2, "Error-permanent-message-not-found"),
        /// Error-permanent-content-unsupported.
        const PERMANENT_CONTENT_UNSUPPORTED = (0xE3, "Error-permanent-content-unsupported"),
    }
}

named_codes! {
    /// X-Mms-Read-Status values (MMS 1.1).
    pub(crate) const READ_STATUS: &[(u8, &str)] = ReadStatus => Token {
        /// Read.
        const READ = (0x80, "Read"),
        /// Deleted without being read.
        const DELETED = (0x81, "Deleted without being read"),
    }
}

/// X-Mms-Reply-Charging values (MMS 1.1).
pub(crate) const REPLY_CHARGING: &[(u8, &str)] = &[
    (0x80, "Requested"),
    (0x81, "Requested text only"),
    (0x82, "Accepted"),
    (0x83, "Accepted text only"),
];

/// X-Mms-MM-State values (MMS 1.2).
pub(crate) const MM_STATE: &[(u8, &str)] = &[
    (0x80, "Draft"),
    (0x81, "Sent"),
    (0x82, "New"),
    (0x83, "Retrieved"),
    (0x84, "Forwarded"),
];

named_codes! {
    /// X-Mms-Store-Status values (MMS 1.2). Unassigned values in 0xC2..=0xDF
    /// mean Error-transient-failure, any other unassigned value
    /// Error-permanent-failure (§7.3.58).
    pub(crate) const STORE_STATUS: &[(u8, &str)] = StoreStatus => Token {
        /// Success.
        const SUCCESS = (0x80, "Success"),
        (0xC0, "Error-transient-failure"),
        (0xC1, "Error-transient-network-problem"),
        (0xE0, "Error-permanent-failure"),
        (0xE1, "Error-permanent-service-denied"),
        (0xE2, "Error-permanent-message-format-corrupt"),
        (0xE3, "Error-permanent-message-not-found"),
        (0xE4, "Error-permanent-mmbox-full"),
    }
}

/// X-Mms-Content-Class values (MMS 1.3).
pub(crate) const CONTENT_CLASS: &[(u8, &str)] = &[
    (0x80, "text"),
    (0x81, "image-basic"),
    (0x82, "image-rich"),
    (0x83, "video-basic"),
    (0x84, "video-rich"),
    (0x85, "megapixel"),
    (0x86, "content-basic"),
    (0x87, "content-rich"),
];

named_codes! {
    /// X-Mms-Cancel-Status values (MMS 1.3), capitalised as in the spec.
    pub(crate) const CANCEL_STATUS: &[(u8, &str)] = CancelStatus => Token {
        /// Cancel request successfully received.
        const RECEIVED = (0x80, "Cancel Request Successfully received"),
        /// Cancel request corrupted.
        const CORRUPTED = (0x81, "Cancel Request corrupted"),
    }
}

/// X-Mms-Recommended-Retrieval-Mode values (MMS 1.3).
pub(crate) const RECOMMENDED_RETRIEVAL_MODE: &[(u8, &str)] = &[(0x80, "Manual")];

named_codes! {
    /// X-Mms-MM-Flags operation token (spec: Add-token, Remove-token,
    /// Filter-token), which precedes the keyword's Encoded-string-value.
    pub(crate) const MM_FLAGS_OP: &[(u8, &str)] = MmFlag<'_> => u8 {
        /// Add-token.
        const ADD = (0x80, "Add"),
        /// Remove-token.
        const REMOVE = (0x81, "Remove"),
        /// Filter-token.
        const FILTER = (0x82, "Filter"),
    }
}

named_codes! {
    /// Kind token of X-Mms-Mbox-Totals and X-Mms-Mbox-Quotas, which precedes the
    /// Integer-value: a count of messages or a size (spec: Message-total-token /
    /// Size-total-token for the totals, Message-quota-token / Size-quota-token
    /// for the quotas; same octets).
    pub(crate) const MBOX_COUNT_KIND: &[(u8, &str)] = MboxCount => u8 {
        /// Messages.
        const MESSAGES = (0x80, "Message"),
        /// Octets.
        const BYTES = (0x81, "Size"),
    }
}
