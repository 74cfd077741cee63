//! `--extract DIR`: writes the media of each message to DIR as files.
//!
//! Each part whose content is not itself a multipart is written once, its
//! Content-Transfer-Encoding undone, nested multiparts walked. The order is
//! the presentation's where the body has a SMIL part (the parts its slides
//! show, slide by slide), then the other parts in wire order; without SMIL,
//! wire order. A body that is not multipart is one file.
//!
//! The file name comes from the part ([`Part::filename`]: Content-Disposition
//! filename, the `name` parameter, Content-Location), made safe by
//! [`safe_name`]: the last segment of a path or URL, no control or bidi
//! characters, none of the characters Windows forbids, no leading dots (so
//! no `..`), no device name (`CON`, `NUL`, `COM1`, …), at most
//! [`MAX_NAME`] bytes, and an extension from the media type when it has
//! none. A part without a usable name is `partN.EXT`. Names already taken
//! in DIR, or by an earlier part, get a suffix (`cat-1.jpg`); `--force`
//! overwrites files that were there before the run instead (never one this
//! run wrote). Files are created with `create_new`, so a symbolic link in
//! DIR is never followed.

use std::collections::{HashMap, HashSet};
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use mms_pdu::wsp::{Multipart, Part};
use mms_pdu::{Body, Pdu};

use super::escape::printable;
use super::paint::Paint;
use super::{dump, Decoded, Input};

/// The longest file name written, in bytes (extension included): well
/// under the 255 of common file systems.
pub(super) const MAX_NAME: usize = 100;

/// What `--extract` was asked.
#[derive(Debug, Clone)]
pub(super) struct Extract {
    /// The directory the files go to (created when missing).
    pub(super) dir: PathBuf,
    /// Overwrite files that were in `dir` before.
    pub(super) force: bool,
}

/// The names written so far in this run (lower case: two names that differ
/// only by case are one file on some file systems).
#[derive(Debug, Default)]
pub(super) struct Written {
    names: HashSet<String>,
    /// The next suffix to try for a name already taken (lower case), so
    /// that n parts of one name cost n tries, not n².
    next_suffix: HashMap<String, usize>,
}

/// Extracts the parts of one decoded input; a line per file written on
/// `out`. Returns whether every part was written.
pub(super) fn write_extract_of(
    out: &mut impl Write,
    input: &Input,
    decoded: &Decoded<'_>,
    opts: &Extract,
    written: &mut Written,
    paint: Paint,
) -> io::Result<bool> {
    let label = printable(&input.label);
    let pdu = match decoded {
        Decoded::Mms(Ok(p)) => p,
        Decoded::Push(Ok(dump::PushView {
            mms: Some(Ok(p)), ..
        })) => p,
        Decoded::Mms(Err(e))
        | Decoded::Push(Err(e))
        | Decoded::Push(Ok(dump::PushView {
            mms: Some(Err(e)), ..
        })) => {
            writeln!(
                out,
                "{}: {}",
                paint.title(&label),
                paint.error(printable(&e.to_string()))
            )?;
            return Ok(false);
        }
        Decoded::Push(Ok(dump::PushView { mms: None, .. })) => {
            writeln!(
                out,
                "{}: a push of something else than MMS: nothing to extract",
                paint.title(&label)
            )?;
            return Ok(true);
        }
    };
    let items = items_in_order(pdu);
    if items.is_empty() {
        writeln!(out, "{}: no body, nothing to extract", paint.title(&label))?;
        return Ok(true);
    }
    if let Err(e) = fs::create_dir_all(&opts.dir) {
        writeln!(
            out,
            "{}: {}",
            paint.title(&label),
            paint.error(format!(
                "cannot create {}: {e}",
                printable(&opts.dir.display().to_string())
            ))
        )?;
        return Ok(false);
    }
    let mut ok = true;
    for item in items {
        let data = match item.data() {
            Ok(d) => d,
            Err(e) => {
                writeln!(
                    out,
                    "{}: part {}: {}",
                    paint.title(&label),
                    item.number,
                    paint.error(printable(&e))
                )?;
                ok = false;
                continue;
            }
        };
        let name = safe_name(item.name().as_deref(), &item.number, item.extension());
        match write_new(&opts.dir, &name, &data, opts.force, written) {
            Ok(path) => writeln!(
                out,
                "{}: part {} ({}, {} bytes) -> {}",
                paint.title(&label),
                item.number,
                paint.content_type(printable(&item.media())),
                data.len(),
                printable(&path.display().to_string())
            )?,
            Err(e) => {
                writeln!(
                    out,
                    "{}: part {}: {}",
                    paint.title(&label),
                    item.number,
                    paint.error(format!("cannot write {}: {e}", printable(&name)))
                )?;
                ok = false;
            }
        }
    }
    Ok(ok)
}

/// One thing to write: a leaf part (numbered `2` or, nested, `2.1`), or a
/// body that is not multipart.
struct Item<'p, 'a> {
    number: String,
    what: What<'p, 'a>,
}

enum What<'p, 'a> {
    Part(&'p Part<'a>),
    Body(&'p Pdu<'a>, &'p [u8]),
}

impl Item<'_, '_> {
    fn data(&self) -> Result<std::borrow::Cow<'_, [u8]>, String> {
        match &self.what {
            What::Part(p) => p.decoded_data().map_err(|e| e.to_string()),
            What::Body(_, d) => Ok(std::borrow::Cow::Borrowed(d)),
        }
    }
    fn name(&self) -> Option<String> {
        match &self.what {
            What::Part(p) => p.filename().map(|n| n.into_owned()),
            What::Body(..) => None,
        }
    }
    fn media(&self) -> String {
        match &self.what {
            What::Part(p) => p.content_type.media().name().into_owned(),
            What::Body(pdu, _) => pdu
                .content_type()
                .map_or_else(|| "?".to_string(), |c| c.media().name().into_owned()),
        }
    }
    fn extension(&self) -> &'static str {
        let media = match &self.what {
            What::Part(p) => Some(p.content_type.media().extension()),
            What::Body(pdu, _) => pdu.content_type().map(|c| c.media().extension()),
        };
        media.flatten().unwrap_or("bin")
    }
}

/// The parts to write, in presentation order where there is SMIL.
fn items_in_order<'p, 'a>(pdu: &'p Pdu<'a>) -> Vec<Item<'p, 'a>> {
    let mp: &Multipart<'a> = match &pdu.body {
        Some(Body::Multipart(m)) => m,
        Some(Body::Data(d)) => {
            return vec![Item {
                number: "1".into(),
                what: What::Body(pdu, d),
            }]
        }
        None => return Vec::new(),
    };
    let mut order: Vec<usize> = Vec::with_capacity(mp.parts.len());
    if let Ok(Some(bp)) = mms_pdu::smil::from_pdu(pdu) {
        for slide in &bp.presentation.slides {
            for m in &slide.media {
                if let Some(k) = m.part.filter(|k| *k < mp.parts.len()) {
                    if !order.contains(&k) {
                        order.push(k);
                    }
                }
            }
        }
    }
    let shown: HashSet<usize> = order.iter().copied().collect();
    order.extend((0..mp.parts.len()).filter(|k| !shown.contains(k)));
    let mut items = Vec::new();
    for k in order {
        leaves(&mp.parts[k], (k + 1).to_string(), &mut items);
    }
    items
}

/// `part` itself, or the leaves of its nested multipart, depth first. The
/// depth is bounded by the decoder's nesting limit.
fn leaves<'p, 'a>(part: &'p Part<'a>, number: String, items: &mut Vec<Item<'p, 'a>>) {
    match &part.nested {
        Some(m) => {
            for (j, p) in m.parts.iter().enumerate() {
                leaves(p, format!("{number}.{}", j + 1), items);
            }
        }
        None => items.push(Item {
            number,
            what: What::Part(part),
        }),
    }
}

/// Device names Windows reserves in every directory, with any extension.
const DEVICE_NAMES: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$", "COM0", "COM1", "COM2", "COM3",
    "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5",
    "LPT6", "LPT7", "LPT8", "LPT9",
];

/// A file name that is safe to create in a directory, from the name a part
/// gives itself (`None`: it gives none); `number` names the part when it
/// has no usable name; `ext` is the extension of its media type.
pub(super) fn safe_name(given: Option<&str>, number: &str, ext: &str) -> String {
    let cleaned = given.map(clean).unwrap_or_default();
    let name = if cleaned.is_empty() {
        format!("part{}", number.replace('.', "-"))
    } else {
        cleaned
    };
    let name = if has_extension(&name) {
        name
    } else {
        format!("{name}.{ext}")
    };
    let name = shorten(&name);
    let stem = name.split('.').next().unwrap_or("").trim_end();
    if DEVICE_NAMES.iter().any(|d| d.eq_ignore_ascii_case(stem)) {
        format!("_{name}")
    } else {
        name
    }
}

/// The last segment of `given` (after `/` or `\`, a URL's query and
/// fragment dropped), with unsafe characters removed or replaced and no
/// leading dots or trailing dots and spaces.
fn clean(given: &str) -> String {
    let given = given.split(['?', '#']).next().unwrap_or("");
    let last = given.rsplit(['/', '\\']).next().unwrap_or("");
    let mut out = String::with_capacity(last.len());
    for c in last.chars() {
        if c.is_control()
            || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
        {
            continue;
        }
        out.push(match c {
            '<' | '>' | ':' | '"' | '|' | '*' => '_',
            c => c,
        });
    }
    out.trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' '])
        .to_string()
}

/// Whether `name` ends with an extension: a dot followed by 1 to 8 letters
/// or digits.
fn has_extension(name: &str) -> bool {
    match name.rsplit_once('.') {
        Some((stem, ext)) => {
            !stem.is_empty()
                && (1..=8).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
        }
        None => false,
    }
}

/// `name` cut to at most [`MAX_NAME`] bytes, on a character boundary,
/// keeping its extension.
fn shorten(name: &str) -> String {
    if name.len() <= MAX_NAME {
        return name.to_string();
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if e.len() <= 9 => (s, format!(".{e}")),
        _ => (name, String::new()),
    };
    let mut cut = MAX_NAME - ext.len();
    while !stem.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}{ext}", stem[..cut].trim_end_matches(['.', ' ']))
}

/// `name` with `-n` before its extension.
fn with_suffix(name: &str, n: usize) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => format!("{stem}-{n}.{ext}"),
        _ => format!("{name}-{n}"),
    }
}

/// Writes `data` to a new file named `name` (or `name` with a suffix) in
/// `dir`; returns its path.
fn write_new(
    dir: &Path,
    name: &str,
    data: &[u8],
    force: bool,
    written: &mut Written,
) -> io::Result<PathBuf> {
    let base = name.to_lowercase();
    let start = written.next_suffix.get(&base).copied().unwrap_or(0);
    for n in start..start + 10_000 {
        let candidate = if n == 0 {
            name.to_string()
        } else {
            with_suffix(name, n)
        };
        let key = candidate.to_lowercase();
        if written.names.contains(&key) {
            continue;
        }
        let path = dir.join(&candidate);
        if force {
            // Only a file (or a link, which is removed, not followed) that
            // was there before the run gives way.
            if let Ok(meta) = fs::symlink_metadata(&path) {
                if meta.is_dir() {
                    continue;
                }
                fs::remove_file(&path)?;
            }
        }
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut f) => {
                f.write_all(data)?;
                written.names.insert(key);
                written.next_suffix.insert(base, n + 1);
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("no free name"))
}
