//! Colours: the only escape sequences mmsdump writes.

/// Plain ANSI colours (SGR escapes) for the tree, the hex dump and the
/// summary; with `on` false every method gives its text back unchanged, so
/// that the uncoloured output is the colour output with the escapes
/// removed. Text from the input reaches here through
/// [`printable`](super::escape::printable), so an ESC of the input is
/// never printed as such.
#[derive(Debug, Clone, Copy)]
pub(super) struct Paint {
    pub(super) on: bool,
}

impl Paint {
    fn sgr(self, code: &str, s: impl std::fmt::Display) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    /// A file, or the MMS PDU of a push: bold.
    pub(super) fn title(self, s: impl std::fmt::Display) -> String {
        self.sgr("1", s)
    }
    /// A header name: cyan.
    pub(super) fn name(self, s: impl std::fmt::Display) -> String {
        self.sgr("36", s)
    }
    /// A header value: green.
    pub(super) fn value(self, s: impl std::fmt::Display) -> String {
        self.sgr("32", s)
    }
    /// A content type: magenta.
    pub(super) fn content_type(self, s: impl std::fmt::Display) -> String {
        self.sgr("35", s)
    }
    /// A warning: yellow.
    pub(super) fn warning(self, s: impl std::fmt::Display) -> String {
        self.sgr("33", s)
    }
    /// An error: red.
    pub(super) fn error(self, s: impl std::fmt::Display) -> String {
        self.sgr("31", s)
    }
    /// An offset: dim.
    pub(super) fn dim(self, s: impl std::fmt::Display) -> String {
        self.sgr("2", s)
    }
}
