//! The one escaping function: every string taken from the input passes
//! through [`printable`] before it reaches the terminal.

/// Control characters (and the byte order mark) escaped, so that a hostile
/// subject cannot drive the terminal and nothing invisible is printed.
pub(super) fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || c == '\u{feff}' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}
