//! With the `serde` feature: collects the string literals of `src/` into a
//! sorted table, `$OUT_DIR/literals.rs`.
//!
//! A `DecodeError` names its context and rule with `&'static str`s, which a
//! deserializer cannot produce from text it reads. Each of those strings is
//! a literal of this crate, so deserializing looks the text up in this
//! table: any error the crate produced deserializes, without leaking memory
//! and without a hand-kept list to forget to update.

use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var_os("CARGO_FEATURE_SERDE").is_none() {
        return;
    }
    println!("cargo:rerun-if-changed=src");
    let mut literals = Vec::new();
    collect(Path::new("src"), &mut literals);
    literals.sort();
    literals.dedup();
    let mut out = String::from("&[\n");
    for l in &literals {
        out.push_str(&format!("    {l:?},\n"));
    }
    out.push(']');
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("literals.rs");
    fs::write(dest, out).expect("write literals.rs");
}

fn collect(dir: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("read src")
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).expect("read source");
            literals(&text, out);
        }
    }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The string literals of one source file (not byte strings, not comments).
fn literals(src: &str, out: &mut Vec<String>) {
    let s: Vec<char> = src.chars().collect();
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        let prev_ident = i > 0 && is_ident(s[i - 1]);
        if c == '/' && s.get(i + 1) == Some(&'/') {
            while i < s.len() && s[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && s.get(i + 1) == Some(&'*') {
            let mut depth = 1;
            i += 2;
            while i < s.len() && depth > 0 {
                if s[i] == '/' && s.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if s[i] == '*' && s.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                } else {
                    i += 1;
                }
            }
        } else if !prev_ident && (c == 'b' || c == 'r' || c == 'c') && starts_literal(&s, i) {
            // Prefixed literals: b"…", br"…", r"…", r#"…"#, c"…".
            let byte = c == 'b' || c == 'c';
            let mut j = i + 1;
            if c == 'b' && s.get(j) == Some(&'r') {
                j += 1;
            }
            let raw = s[i..j].contains(&'r');
            let (end, text) = if raw {
                raw_string(&s, j)
            } else {
                string(&s, j)
            };
            if !byte {
                out.push(text);
            }
            i = end;
        } else if c == '"' {
            let (end, text) = string(&s, i);
            out.push(text);
            i = end;
        } else if c == '\'' {
            // A char literal or a lifetime.
            if s.get(i + 1) == Some(&'\\') {
                i += 2;
                while i < s.len() && s[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if s.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
}

/// Whether the prefix at `i` opens a literal (and not an identifier or a
/// raw identifier such as `r#type`).
fn starts_literal(s: &[char], i: usize) -> bool {
    let mut j = i + 1;
    if s[i] == 'b' && s.get(j) == Some(&'r') {
        j += 1;
    }
    let raw = s[i] == 'r' || j == i + 2;
    if raw {
        while s.get(j) == Some(&'#') {
            j += 1;
        }
    }
    s.get(j) == Some(&'"') && !(s[i] == 'c' && raw)
}

/// A raw string whose `r` (or `br`) ends before `j`: returns the end and the text.
fn raw_string(s: &[char], mut j: usize) -> (usize, String) {
    let mut hashes = 0;
    while s.get(j) == Some(&'#') {
        hashes += 1;
        j += 1;
    }
    j += 1; // the opening quote
    let start = j;
    while j < s.len() {
        if s[j] == '"' && (1..=hashes).all(|k| s.get(j + k) == Some(&'#')) {
            return (j + 1 + hashes, s[start..j].iter().collect());
        }
        j += 1;
    }
    (s.len(), String::new())
}

/// A string literal whose opening quote is at `j`: returns the end and the
/// unescaped text.
fn string(s: &[char], mut j: usize) -> (usize, String) {
    j += 1;
    let mut text = String::new();
    while j < s.len() {
        match s[j] {
            '"' => return (j + 1, text),
            '\\' => {
                j += 1;
                match s.get(j) {
                    Some('n') => text.push('\n'),
                    Some('r') => text.push('\r'),
                    Some('t') => text.push('\t'),
                    Some('0') => text.push('\0'),
                    Some('\\') => text.push('\\'),
                    Some('\'') => text.push('\''),
                    Some('"') => text.push('"'),
                    Some('x') => {
                        let hex: String = s[j + 1..(j + 3).min(s.len())].iter().collect();
                        if let Some(ch) =
                            u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                        {
                            text.push(ch);
                        }
                        j += 2;
                    }
                    Some('u') => {
                        let close = s[j..].iter().position(|&c| c == '}').map_or(j, |k| j + k);
                        let hex: String = s[(j + 2).min(close)..close].iter().collect();
                        if let Some(ch) =
                            u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                        {
                            text.push(ch);
                        }
                        j = close;
                    }
                    Some('\n') => {
                        while s.get(j + 1).is_some_and(|c| c.is_whitespace()) {
                            j += 1;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            c => {
                text.push(c);
                j += 1;
            }
        }
    }
    (s.len(), text)
}
