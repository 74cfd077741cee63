//! What the tools' output may not hold, whatever the input: checked on
//! mmsdump's views by `tests/mmsdump_render.rs` and the `render` fuzz
//! target (each includes this file with `#[path]`). Written apart from the
//! escaping module it checks.

/// What may not reach a terminal as such: C0 controls but the newline,
/// DEL, C1 controls, bidi controls, the line and paragraph separators and
/// the byte order mark.
pub fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{feff}'
        )
}
