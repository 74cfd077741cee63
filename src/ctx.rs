//! Decoding state shared by the layers: limits, strictness, warnings.

use alloc::vec::Vec;

use crate::error::{PErr, PResult};
use crate::{DecodeOptions, Limits};

/// What one decode run carries along.
pub(crate) struct Ctx<'a> {
    pub(crate) limits: Limits,
    pub(crate) strict: bool,
    /// Deviations accepted in lenient mode (bounded: at most one per header or part).
    pub(crate) warnings: Vec<PErr<'a>>,
    /// Parts seen so far, over all nesting levels.
    pub(crate) parts: usize,
    /// Octets of part header regions (HeadersLen) seen so far, over all
    /// nesting levels.
    pub(crate) part_header_octets: usize,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(opts: &DecodeOptions) -> Self {
        Ctx {
            limits: opts.limits,
            strict: opts.strict,
            warnings: Vec::new(),
            parts: 0,
            part_header_octets: 0,
        }
    }
    /// A deviation from the grammar: an error when strict, a warning otherwise.
    pub(crate) fn deviation(&mut self, e: nom::Err<PErr<'a>>, at: &'a [u8]) -> PResult<'a, ()> {
        let p = crate::error::unwrap_err(e, at);
        if self.strict {
            return Err(nom::Err::Error(p));
        }
        self.warnings.push(p);
        Ok((at, ()))
    }
}
