//! Bounds on what a peer can make the decoder do.

/// Limits applied while decoding. Every count and depth a peer controls is
/// bounded here; lengths are always bounded by the bytes actually present.
///
/// What a decode allocates follows from them: values and part data borrow
/// from the input, and every decoded structure (a PDU header, a part, a
/// part header, a parameter, a warning) takes at least one input octet and
/// is counted by one of these limits. `Pdu::decode` therefore holds at most
/// `4 × input + C` bytes at its peak, where `C` is about 6 MiB with the
/// defaults (the tiny-header shapes of `tests/hostile.rs` measure it); the
/// lazy view (`mms::view::PduView`, `wsp::Parts`) allocates nothing.
///
/// ```
/// use mms_pdu::{DecodeOptions, Limits, Pdu};
/// let opts = DecodeOptions { limits: Limits { max_headers: 2, ..Limits::DEFAULT }, ..DecodeOptions::default() };
/// // Three headers: one too many.
/// let err = Pdu::decode_with(&[0x8C, 0x83, 0x98, b'x', 0, 0x8D, 0x92], &opts).unwrap_err();
/// assert_eq!(err.context(), "headers");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Headers in one PDU header block or part header block. Real PDUs have
    /// fewer than 40; 1024 leaves room for long recipient lists.
    pub max_headers: usize,
    /// Parts in one multipart body (over all nesting levels). Handsets cap
    /// messages at a few dozen parts; 4096 bounds the work a tiny-part bomb costs.
    pub max_parts: usize,
    /// Nesting depth of multipart bodies. Real messages nest at most 2
    /// (multipart/signed around multipart/related); 8 is generous and keeps
    /// the recursion bounded. Each level costs about 1 KiB of stack (5 KiB
    /// in debug builds), so the decoder never goes deeper than
    /// [`Limits::MAX_DEPTH_CEILING`] whatever is asked.
    pub max_depth: usize,
    /// Parameters of one content type or disposition. 64 is far above the
    /// handful real encoders write.
    pub max_parameters: usize,
    /// Octets of part headers (each entry's HeadersLen: its content type
    /// and headers) summed over all the parts of one body, every nesting
    /// level. Real messages carry a few dozen octets per part, a few KB in
    /// all; 64 KiB is far above that. It bounds what the decoded headers
    /// cost: a header takes two octets on the wire at least, and some 56
    /// bytes decoded, so without this bound 4,096 parts of 1,000 two-octet
    /// headers (8 MB) would decode to 30 times their size. Past it, the
    /// eager decoder keeps the body raw with a warning (an error when
    /// strict), as for `max_parts`, and the walk (`wsp::Parts`) ends with
    /// an error at the same entry.
    pub max_part_header_octets: usize,
}

impl Limits {
    /// The deepest nesting the decoder follows, whatever `max_depth` says:
    /// well within a 2 MiB thread stack even in a debug build.
    pub const MAX_DEPTH_CEILING: usize = 64;
    /// The documented defaults.
    pub const DEFAULT: Limits = Limits {
        max_headers: 1024,
        max_parts: 4096,
        max_depth: 8,
        max_parameters: 64,
        max_part_header_octets: 64 * 1024,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// How to decode: the limits, and whether deviations are errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DecodeOptions {
    /// Resource bounds.
    pub limits: Limits,
    /// Strict: a header whose value does not follow its grammar, or a
    /// length-delimited region with unread bytes left, is an error. Lenient
    /// (the default): the value is kept as raw bytes, the deviation is
    /// recorded in the PDU's warnings, and decoding goes on.
    pub strict: bool,
}

impl DecodeOptions {
    /// The default limits, lenient: deviations are warnings.
    ///
    /// ```
    /// use mms_pdu::DecodeOptions;
    /// assert_eq!(DecodeOptions::LENIENT, DecodeOptions::default());
    /// assert!(DecodeOptions::STRICT.strict && !DecodeOptions::LENIENT.strict);
    /// ```
    pub const LENIENT: DecodeOptions = DecodeOptions {
        limits: Limits::DEFAULT,
        strict: false,
    };
    /// The default limits, strict: deviations are errors.
    pub const STRICT: DecodeOptions = DecodeOptions {
        limits: Limits::DEFAULT,
        strict: true,
    };
}
