//! SMS user data in hex, as an SMS centre hands it over and as `mmsdump
//! --sms` reads it and `mmscompose --sms` writes it: reassembly of the
//! segments of a concatenated message, and splitting a push into them.
//!
//! Shared by the `mmsdump` and `mmscompose` examples and by `tests/cli.rs`
//! (each includes it with `#[path = …] mod sms;`).

use std::collections::BTreeMap;

use mms_pdu::sms::{split, Reassembler, ReassemblyLimits, SplitOptions, UserData};
use serde_json::{json, Map, Value as Json};

/// A message put back together from its segments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The concatenated payload (a WSP push, for WAP push messages).
    pub payload: Vec<u8>,
    /// How many short messages carried it.
    pub segments: usize,
    /// WDP destination and source ports, when the user-data header had them.
    pub ports: Option<(u16, u16)>,
}

impl Message {
    /// The `"sms"` object of the dump: `{"segments": n, "destination_port":
    /// 2948, "source_port": 9200}` (ports only when present).
    pub fn to_json(&self) -> Json {
        let mut m = Map::new();
        m.insert("segments".into(), json!(self.segments));
        if let Some((dest, src)) = self.ports {
            m.insert("destination_port".into(), json!(dest));
            m.insert("source_port".into(), json!(src));
        }
        Json::Object(m)
    }
}

/// Reassembles hex user data (each with its user-data header, in any
/// order) into the messages they make up, in the order they complete. Bad
/// hex, a bad header, conflicting segments and an incomplete message are
/// errors, each said in words.
pub fn reassemble_hex<S: AsRef<str>>(segments: &[S]) -> Result<Vec<Message>, String> {
    if segments.is_empty() {
        return Err("no user data given".into());
    }
    let mut r = Reassembler::new(ReassemblyLimits::default());
    // Per concatenation reference: the total and the segments seen, to say
    // what is missing.
    let mut seen: BTreeMap<u16, (u8, Vec<u8>)> = BTreeMap::new();
    let mut messages = Vec::new();
    for (k, s) in segments.iter().enumerate() {
        let s = s.as_ref();
        let at = format!("segment {} ({})", k + 1, abbreviate(s));
        let ud = unhex(s).map_err(|e| format!("{at}: {e}"))?;
        let header = UserData::decode(&ud).map_err(|e| format!("{at}: {e}"))?;
        let whole = r
            .push(0u8, &ud, 0)
            .map_err(|e| format!("{at}: {e}"))?
            .completed();
        let total = match header.concat {
            Some(c) => {
                let entry = seen.entry(c.reference).or_insert((c.total, Vec::new()));
                if !entry.1.contains(&c.seq) {
                    entry.1.push(c.seq);
                }
                if whole.is_some() {
                    seen.remove(&c.reference);
                }
                usize::from(c.total)
            }
            None => 1,
        };
        if let Some(m) = whole {
            messages.push(Message {
                payload: m.payload,
                segments: total,
                ports: m.ports,
            });
        }
    }
    if let Some((reference, (total, have))) = seen.into_iter().next() {
        let missing: Vec<String> = (1..=total)
            .filter(|s| !have.contains(s))
            .map(|s| s.to_string())
            .collect();
        return Err(format!(
            "incomplete message: concatenation reference {reference} has {} of {total} segments (missing {})",
            have.len(),
            missing.join(", ")
        ));
    }
    Ok(messages)
}

/// Splits `push` into SMS user data for the WAP push port, in hex, one
/// string per short message. A `reference` above 255 takes the 16-bit
/// concatenation element.
pub fn split_hex(push: &[u8], reference: u16) -> Result<Vec<String>, String> {
    let opts = SplitOptions {
        reference,
        reference_16bit: reference > 0xFF,
        ..SplitOptions::default()
    };
    let segments = split(push, &opts).map_err(|e| e.to_string())?;
    Ok(segments.iter().map(|s| hex(s)).collect())
}

/// Hex digits to octets; ASCII white space and `:` between them are ignored.
pub fn unhex(s: &str) -> Result<Vec<u8>, String> {
    let digits: Vec<u8> = s
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b':')
        .collect();
    if let Some(k) = digits.iter().position(|b| !b.is_ascii_hexdigit()) {
        return Err(format!(
            "not hex: {:?} at digit {}",
            char::from(digits[k]),
            k + 1
        ));
    }
    if digits.len() % 2 != 0 {
        return Err(format!("odd number of hex digits ({})", digits.len()));
    }
    if digits.is_empty() {
        return Err("empty user data".into());
    }
    let digit = |c: u8| (c as char).to_digit(16).map_or(0, |d| d as u8);
    Ok(digits
        .chunks(2)
        .map(|p| digit(p[0]) << 4 | digit(p[1]))
        .collect())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The first characters of a long argument, for messages.
fn abbreviate(s: &str) -> String {
    const MAX: usize = 16;
    if s.chars().count() > MAX {
        format!("{}…", s.chars().take(MAX).collect::<String>())
    } else {
        s.to_string()
    }
}
