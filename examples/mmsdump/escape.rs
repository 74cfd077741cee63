//! The one escaping layer: every string taken from the input (and every
//! file name and argument echoed back) passes through [`printable`] before
//! it reaches the terminal, in every view and every message; the summary
//! quotes with [`quoted`] and the JSON view passes through [`json`], both
//! built on the same test of what may not be printed as such.
//!
//! Escaped: the C0 controls (newline and tab included: a view prints its
//! own line breaks, never the input's), DEL, the C1 controls
//! (U+0080–U+009F, which some terminals obey as CSI, OSC, …), the bidi
//! embeddings, overrides and isolates and the implicit marks (which
//! reorder what the reader sees), the line and paragraph separators and the
//! byte order mark. Each is written as Rust writes it (`\n`, `\u{1b}`,
//! `\u{202e}`); nothing else changes, so ordinary text reads as it is.

/// Whether `c` may not reach the terminal as such.
fn unsafe_to_print(c: char) -> bool {
    c.is_control() // C0, DEL, C1
        || matches!(
            c,
            '\u{061c}'                    // ARABIC LETTER MARK
            | '\u{200e}' | '\u{200f}'     // LRM, RLM
            | '\u{202a}'..='\u{202e}'     // LRE, RLE, PDF, LRO, RLO
            | '\u{2066}'..='\u{2069}'     // LRI, RLI, FSI, PDI
            | '\u{2028}' | '\u{2029}'     // line and paragraph separators
            | '\u{feff}' // byte order mark
        )
}

/// `s` with what may not be printed escaped.
pub(super) fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if unsafe_to_print(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// `s` in double quotes with Rust's escapes (a quote, a backslash and what
/// Rust escapes in a string's `Debug` form), then [`printable`] for what
/// that form may leave.
pub(super) fn quoted(s: &str) -> String {
    printable(&format!("{s:?}"))
}

/// A JSON document as serde_json wrote it, with what may not be printed
/// and that JSON allows unescaped in strings (DEL, C1, bidi controls, the
/// separators and the byte order mark; serde_json escapes the C0 controls
/// itself) written as `\uXXXX` instead: the same document, read back.
/// Outside strings a JSON text is ASCII without controls, so every such
/// character stands in a string.
pub(super) fn json(text: String) -> String {
    if !text.chars().any(unsafe_to_print) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_to_print(c) {
            // Every such character is in the BMP: one \u escape.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_escaped_and_the_rest_kept() {
        assert_eq!(
            printable("a\u{1b}]0;t\u{7}\n\u{9b}\u{7f}\u{202e}é€"),
            "a\\u{1b}]0;t\\u{7}\\n\\u{9b}\\u{7f}\\u{202e}é€"
        );
        assert_eq!(printable(&printable("\u{1b}")), printable("\u{1b}"));
        assert_eq!(quoted("a \"b\"\u{202e}"), "\"a \\\"b\\\"\\u{202e}\"");
        let j = json(serde_json::to_string("\u{9b}\u{1}\u{2028}x").unwrap());
        assert_eq!(j, "\"\\u009b\\u0001\\u2028x\"");
        assert_eq!(
            serde_json::from_str::<String>(&j).unwrap(),
            "\u{9b}\u{1}\u{2028}x"
        );
    }
}
