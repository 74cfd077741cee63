//! The shape of the crate, checked on its sources (ARCHITECTURE.md):
//! each layer imports only the layers below it, and a source file longer
//! than 1,000 lines says why at its top.
//!
//! Layers, bottom to top: the foundation (`error`, `ctx`, `limits`), `wsp`,
//! then `sms` and `mms`, then `smil`, then `compose`. The crate root
//! (`lib.rs`) re-exports from every layer and is above them all, so a path
//! through it (`crate::Pdu`) counts as the layer the item lives in.

use std::path::{Path, PathBuf};

/// A layer's folder or files, and the top-level modules it must not name.
struct Layer {
    name: &'static str,
    paths: &'static [&'static str],
    forbidden: &'static [&'static str],
}

/// What the crate root re-exports from `mms` (`pub use mms::{…}` in lib.rs).
const MMS_AT_ROOT: &[&str] = &[
    "Body",
    "ElementItem",
    "Field",
    "FieldCode",
    "FromValue",
    "Header",
    "MessageClass",
    "MessageType",
    "Pdu",
    "Time",
    "UtcDate",
    "Value",
    "Version",
];

const LAYERS: &[Layer] = &[
    Layer {
        name: "foundation",
        paths: &["src/error.rs", "src/ctx.rs", "src/limits.rs"],
        forbidden: &["wsp", "charset", "sms", "mms", "smil", "compose"],
    },
    Layer {
        name: "wsp",
        paths: &["src/wsp"],
        forbidden: &["charset", "sms", "mms", "smil", "compose"],
    },
    Layer {
        name: "sms",
        paths: &["src/sms.rs"],
        forbidden: &["mms", "smil", "compose"],
    },
    Layer {
        name: "mms",
        paths: &["src/mms"],
        forbidden: &["sms", "smil", "compose"],
    },
    Layer {
        name: "smil",
        paths: &["src/smil"],
        forbidden: &["sms", "compose"],
    },
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            rust_files(&p, out);
        }
    } else if path.extension().is_some_and(|x| x == "rs") {
        out.push(path.to_path_buf());
    }
}

/// The source without its comments (doc links name other layers freely);
/// string literals stay, since `#[serde(with = "crate::…")]` is a real use.
fn code_of(source: &str) -> String {
    source
        .lines()
        .map(|line| {
            let t = line.trim_start();
            if t.starts_with("//") {
                ""
            } else {
                match line.find(" // ") {
                    Some(k) => &line[..k],
                    None => line,
                }
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first segment of every path the code names through the crate root:
/// `crate::mms::x` gives `mms`, `crate::{Pdu, wsp::Text}` gives `Pdu` and
/// `wsp`; `super::super::…` from a file two folders down counts as well.
fn root_names(code: &str) -> Vec<String> {
    let mut names = Vec::new();
    let bytes = code.as_bytes();
    let mut from = 0;
    while let Some(k) = code[from..].find("crate::") {
        let start = from + k + "crate::".len();
        from = start;
        // Only the keyword, not `mms_pdu_crate::` or `$crate::`.
        let before = code[..start - "crate::".len()].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        if bytes.get(start) == Some(&b'{') {
            // A group: split its top level at commas.
            let mut depth = 0;
            let mut item = String::new();
            for &b in &bytes[start..] {
                match b {
                    b'{' => {
                        depth += 1;
                        if depth == 1 {
                            continue;
                        }
                    }
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            names.push(first_segment(&item));
                            break;
                        }
                    }
                    b',' if depth == 1 => {
                        names.push(first_segment(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(b as char);
            }
        } else {
            names.push(first_segment(&code[start..]));
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

fn first_segment(path: &str) -> String {
    path.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

#[test]
fn no_module_imports_from_a_layer_above_it() {
    let mut offences = Vec::new();
    let mut files_seen = 0;
    for layer in LAYERS {
        let mut files = Vec::new();
        for p in layer.paths {
            rust_files(&root().join(p), &mut files);
        }
        assert!(!files.is_empty(), "layer {} has no sources", layer.name);
        for file in files {
            files_seen += 1;
            let source = std::fs::read_to_string(&file).unwrap();
            let code = code_of(&source);
            let mut names = root_names(&code);
            // `super::super::x` from src/<layer>/<dir>/file.rs is crate::x.
            for (k, _) in code.match_indices("super::super::") {
                names.push(first_segment(&code[k + "super::super::".len()..]));
            }
            for name in names {
                let upward = layer.forbidden.contains(&name.as_str())
                    || (layer.forbidden.contains(&"mms") && MMS_AT_ROOT.contains(&name.as_str()));
                if upward {
                    offences.push(format!(
                        "{} ({}) names crate::{name}",
                        file.strip_prefix(root()).unwrap().display(),
                        layer.name
                    ));
                }
            }
        }
    }
    assert!(files_seen >= 30, "only {files_seen} source files found");
    assert!(offences.is_empty(), "{}", offences.join("\n"));
}

#[test]
fn the_checker_sees_an_upward_import() {
    // The scanner itself: each of these forms is found, comments are not.
    let code = code_of(
        "use crate::{wsp::Text, Pdu};\nuse crate::mms::x;\n/// [`y`](crate::smil::Y)\nlet a = b; // crate::compose\n#[serde(with = \"crate::mms::serde::t\")]",
    );
    assert_eq!(root_names(&code), ["wsp", "Pdu", "mms", "mms"]);
}

#[test]
fn a_long_source_file_says_why() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut unexplained = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        let lines = source.lines().count();
        let says_why = source.lines().take(60).any(|l| l.starts_with("// Length:"));
        if lines > 1_000 && !says_why {
            unexplained.push(format!(
                "{}: {lines} lines without a `// Length:` note at its top",
                file.strip_prefix(root()).unwrap().display()
            ));
        }
    }
    assert!(unexplained.is_empty(), "{}", unexplained.join("\n"));
}
