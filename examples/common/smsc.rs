//! The simulated SMS centre between the `mmsc` example and the handsets of
//! the `mms_client` example: what one short message is on its way to a
//! phone, written as one line of text, and the two kinds it carries:
//!
//! - a WAP push (an m-notification-ind or m-delivery-ind in a WSP push),
//!   8-bit data with a user-data header holding the WDP ports 2948 → 9200
//!   and, when it needs more than one message, a concatenation element
//!   (3GPP TS 23.040 §9.2.3.24.1, §9.2.3.24.4; WAP-259 WDP §6.5) — split
//!   and reassembled by `mms_pdu::sms`;
//! - a plain text message in the GSM 7-bit default alphabet (3GPP TS
//!   23.038 §6.2.1, packed as §6.1.2.1.1 says), without a port header: what
//!   a handset without MMS gets.
//!
//! A line gives the TPDU fields a receiver needs to read the user data
//! (TP-DCS, TP-UDHI, TP-UDL; TS 23.040 §9.2.3.10, §9.2.3.23, §9.2.3.16) and
//! the user data (TP-UD) in hex:
//!
//! ```text
//! dcs=04 udhi=1 udl=98 ud=0605040b8423f0…   8-bit data; UDL counts octets
//! dcs=00 udhi=0 udl=85 ud=d9775d0e…         GSM 7-bit; UDL counts septets
//! ```
//!
//! The `ud=` hex of a push line is what `mmsdump --sms` reads.
//!
//! Shared by the `mmsc` and `mms_client` examples and `tests/mmsc_flow.rs`
//! (each includes it with `#[path = …] mod smsc;`).

use std::collections::BTreeMap;

use mms_pdu::sms::{split, Reassembler, ReassemblyLimits, SplitOptions, UserData};

/// TP-DCS of 8-bit data, no message class (TS 23.038 §4).
pub const DCS_8BIT: u8 = 0x04;
/// TP-DCS of the GSM 7-bit default alphabet, no message class.
pub const DCS_GSM7: u8 = 0x00;
/// Septets in one GSM 7-bit message without a user-data header.
pub const GSM7_SINGLE: usize = 160;
/// Septets left in one GSM 7-bit segment after a concatenation header
/// (UDHL, IE 0x00 with an 8-bit reference: 6 octets, 7 septets with the fill bit).
pub const GSM7_SEGMENT: usize = 153;

/// One short message on its way to a phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sms {
    /// TP-DCS.
    pub dcs: u8,
    /// TP-UDHI: the user data starts with a user-data header.
    pub udhi: bool,
    /// TP-UDL: octets for 8-bit data, septets for GSM 7-bit.
    pub udl: usize,
    /// TP-UD.
    pub ud: Vec<u8>,
}

impl Sms {
    /// The line form (see the module documentation).
    pub fn to_line(&self) -> String {
        format!(
            "dcs={:02x} udhi={} udl={} ud={}",
            self.dcs,
            u8::from(self.udhi),
            self.udl,
            hex(&self.ud)
        )
    }

    /// Reads a line written by [`to_line`](Self::to_line).
    pub fn parse(line: &str) -> Result<Sms, String> {
        let (mut dcs, mut udhi, mut udl, mut ud) = (None, None, None, None);
        for field in line.split_whitespace() {
            let (key, value) = field
                .split_once('=')
                .ok_or_else(|| format!("SMS line: {field:?} is not key=value"))?;
            let bad = |what: &str| format!("SMS line: {key}={value:?} is not {what}");
            match key {
                "dcs" => dcs = Some(u8::from_str_radix(value, 16).map_err(|_| bad("a hex octet"))?),
                "udhi" => {
                    udhi = Some(match value {
                        "0" => false,
                        "1" => true,
                        _ => return Err(bad("0 or 1")),
                    })
                }
                "udl" => udl = Some(value.parse::<usize>().map_err(|_| bad("a length"))?),
                "ud" => ud = Some(unhex(value).map_err(|e| format!("SMS line: ud: {e}"))?),
                _ => {} // later fields are ignored
            }
        }
        let missing = |k: &str| format!("SMS line without {k}=: {line:?}");
        let sms = Sms {
            dcs: dcs.ok_or_else(|| missing("dcs"))?,
            udhi: udhi.ok_or_else(|| missing("udhi"))?,
            udl: udl.ok_or_else(|| missing("udl"))?,
            ud: ud.ok_or_else(|| missing("ud"))?,
        };
        let octets = match sms.dcs {
            DCS_8BIT => sms.udl,
            DCS_GSM7 => (sms.udl * 7).div_ceil(8),
            other => return Err(format!("SMS line: TP-DCS {other:02x} is not handled")),
        };
        if sms.ud.len() != octets {
            return Err(format!(
                "SMS line: TP-UDL {} needs {octets} octets of user data, found {}",
                sms.udl,
                sms.ud.len()
            ));
        }
        Ok(sms)
    }
}

/// A WAP push as the short messages that carry it (8-bit data, WDP ports
/// 2948 → 9200, concatenated with `reference` when it needs more than one).
pub fn push_messages(push: &[u8], reference: u8) -> Result<Vec<Sms>, String> {
    let opts = SplitOptions {
        reference: u16::from(reference),
        ..SplitOptions::default()
    };
    let segments = split(push, &opts).map_err(|e| e.to_string())?;
    Ok(segments
        .into_iter()
        .map(|ud| Sms {
            dcs: DCS_8BIT,
            udhi: true,
            udl: ud.len(),
            ud,
        })
        .collect())
}

/// A text as GSM 7-bit short messages: one when it fits in 160 septets,
/// otherwise segments of at most 153 septets with a concatenation element
/// (reference `reference`). A character outside the default alphabet and
/// its extension table is sent as `?`.
pub fn text_messages(text: &str, reference: u8) -> Vec<Sms> {
    let septets = gsm7_encode(text);
    if septets.len() <= GSM7_SINGLE {
        let (ud, udl) = pack_septets(&[], &septets);
        return vec![Sms {
            dcs: DCS_GSM7,
            udhi: false,
            udl,
            ud,
        }];
    }
    // Cut at most 153 septets at a time, never between an escape and the
    // character it introduces (TS 23.038 §6.2.1.1).
    let mut chunks: Vec<&[u8]> = Vec::new();
    let mut rest = &septets[..];
    while !rest.is_empty() {
        let mut n = rest.len().min(GSM7_SEGMENT);
        // No value of the extension table is itself 0x1B: an escape
        // last in the chunk always introduces the next septet.
        if n < rest.len() && rest[n - 1] == ESC {
            n -= 1;
        }
        chunks.push(&rest[..n]);
        rest = &rest[n..];
    }
    let total = chunks.len().min(255) as u8;
    chunks
        .iter()
        .take(255)
        .enumerate()
        .map(|(k, chunk)| {
            let udh = [5, 0x00, 3, reference, total, k as u8 + 1];
            let (ud, udl) = pack_septets(&udh, chunk);
            Sms {
                dcs: DCS_GSM7,
                udhi: true,
                udl,
                ud,
            }
        })
        .collect()
}

/// What arrived at a phone once its short messages are put back together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Received {
    /// 8-bit data: the reassembled payload (a WSP push) and the WDP ports.
    Data {
        /// The payload.
        payload: Vec<u8>,
        /// Destination and source ports, when the header had them.
        ports: Option<(u16, u16)>,
    },
    /// A text message.
    Text(String),
}

/// A phone's SMS stack: takes short messages one at a time, in any order,
/// and hands back what they complete.
#[derive(Debug)]
pub struct Handset {
    data: Reassembler<u8>,
    texts: BTreeMap<u16, (u8, BTreeMap<u8, String>)>,
}

impl Default for Handset {
    fn default() -> Self {
        Handset {
            data: Reassembler::new(ReassemblyLimits::default()),
            texts: BTreeMap::new(),
        }
    }
}

impl Handset {
    /// Takes one short message; returns what it completes.
    pub fn take(&mut self, sms: &Sms) -> Result<Option<Received>, String> {
        match sms.dcs {
            DCS_8BIT => {
                if !sms.udhi {
                    return Ok(Some(Received::Data {
                        payload: sms.ud.clone(),
                        ports: None,
                    }));
                }
                // Every message comes from the one SMS centre: key 0.
                let whole = self
                    .data
                    .push(0, &sms.ud, 0)
                    .map_err(|e| e.to_string())?
                    .completed();
                Ok(whole.map(|w| Received::Data {
                    payload: w.payload,
                    ports: w.ports,
                }))
            }
            DCS_GSM7 => {
                let (header, septets) = unpack_septets(&sms.ud, sms.udl, sms.udhi)?;
                let text = gsm7_decode(&septets);
                let concat = if sms.udhi {
                    UserData::decode(header).map_err(|e| e.to_string())?.concat
                } else {
                    None
                };
                let Some(c) = concat else {
                    return Ok(Some(Received::Text(text)));
                };
                let entry = self
                    .texts
                    .entry(c.reference)
                    .or_insert_with(|| (c.total, BTreeMap::new()));
                entry.1.insert(c.seq, text);
                if entry.1.len() < usize::from(entry.0) {
                    return Ok(None);
                }
                let (_, parts) = self.texts.remove(&c.reference).unwrap_or_default();
                Ok(Some(Received::Text(parts.into_values().collect())))
            }
            other => Err(format!("TP-DCS {other:02x} is not handled")),
        }
    }
}

const ESC: u8 = 0x1B;

/// The GSM 7-bit default alphabet (TS 23.038 §6.2.1), by septet value; the
/// escape (0x1B) stands as U+001B.
const GSM7: [char; 128] = [
    '@', '£', '$', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', '\n', 'Ø', 'ø', '\r', 'Å', 'å', //
    'Δ', '_', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', '\u{1b}', 'Æ', 'æ', 'ß', 'É', //
    ' ', '!', '"', '#', '¤', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/', //
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?', //
    '¡', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', //
    'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ä', 'Ö', 'Ñ', 'Ü', '§', //
    '¿', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', //
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ä', 'ö', 'ñ', 'ü', 'à', //
];

/// The default alphabet extension table (TS 23.038 §6.2.1.1): the septet
/// after an escape, and its character.
const GSM7_EXT: [(u8, char); 10] = [
    (0x0A, '\u{0C}'),
    (0x14, '^'),
    (0x28, '{'),
    (0x29, '}'),
    (0x2F, '\\'),
    (0x3C, '['),
    (0x3D, '~'),
    (0x3E, ']'),
    (0x40, '|'),
    (0x65, '€'),
];

/// Text to septets (`?` for what the alphabet lacks).
pub fn gsm7_encode(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        if let Some(k) = GSM7.iter().position(|&g| g == c && c != '\u{1b}') {
            out.push(k as u8);
        } else if let Some(&(s, _)) = GSM7_EXT.iter().find(|&&(_, e)| e == c) {
            out.extend_from_slice(&[ESC, s]);
        } else {
            out.push(0x3F); // '?'
        }
    }
    out
}

/// Septets to text (an unknown escape reads as a space, as §6.2.1.1 asks
/// of a receiver).
pub fn gsm7_decode(septets: &[u8]) -> String {
    let mut out = String::with_capacity(septets.len());
    let mut it = septets.iter();
    while let Some(&s) = it.next() {
        if s == ESC {
            let next = it.next().copied().unwrap_or(0);
            let c = GSM7_EXT.iter().find(|&&(e, _)| e == next).map(|&(_, c)| c);
            out.push(c.unwrap_or(' '));
        } else {
            out.push(GSM7[usize::from(s & 0x7F)]);
        }
    }
    out
}

/// Packs septets after a user-data header (`udh` with its UDHL octet, or
/// empty): the header octets, fill bits up to a septet boundary, then the
/// septets, least significant bit first (TS 23.038 §6.1.2.1.1, TS 23.040
/// §9.2.3.24). Returns the user data and TP-UDL in septets.
pub fn pack_septets(udh: &[u8], septets: &[u8]) -> (Vec<u8>, usize) {
    let start = (udh.len() * 8).div_ceil(7) * 7;
    let bits = start + septets.len() * 7;
    let mut out = vec![0u8; bits.div_ceil(8)];
    out[..udh.len()].copy_from_slice(udh);
    for (k, &s) in septets.iter().enumerate() {
        let at = start + 7 * k;
        let v = u16::from(s & 0x7F) << (at % 8);
        out[at / 8] |= v as u8;
        if v > 0xFF {
            out[at / 8 + 1] |= (v >> 8) as u8;
        }
    }
    (out, bits / 7)
}

/// The user-data header (with its UDHL octet; empty without one) and the
/// septets of GSM 7-bit user data of `udl` septets.
pub fn unpack_septets(ud: &[u8], udl: usize, udhi: bool) -> Result<(&[u8], Vec<u8>), String> {
    if ud.len() < (udl * 7).div_ceil(8) {
        return Err(format!(
            "TP-UDL {udl} septets needs {} octets, found {}",
            (udl * 7).div_ceil(8),
            ud.len()
        ));
    }
    let header_len = match (udhi, ud.first()) {
        (false, _) => 0,
        (true, Some(&udhl)) => 1 + usize::from(udhl),
        (true, None) => return Err("TP-UDHI set on empty user data".into()),
    };
    if header_len > ud.len() {
        return Err(format!(
            "UDHL {} runs past the {} octets of user data",
            header_len - 1,
            ud.len()
        ));
    }
    let first = (header_len * 8).div_ceil(7);
    let septets = (first..udl)
        .map(|k| {
            let at = 7 * k;
            let lo = u16::from(ud[at / 8]);
            let hi = ud.get(at / 8 + 1).map_or(0, |&b| u16::from(b));
            ((((hi << 8) | lo) >> (at % 8)) & 0x7F) as u8
        })
        .collect();
    Ok((&ud[..header_len], septets))
}

/// Octets as lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hex digits to octets.
pub fn unhex(s: &str) -> Result<Vec<u8>, String> {
    s.as_bytes()
        .chunks(2)
        .enumerate()
        .map(|(k, pair)| match pair {
            [_, _] => std::str::from_utf8(pair)
                .ok()
                .and_then(|d| u8::from_str_radix(d, 16).ok())
                .ok_or_else(|| format!("not hex at digit {}", 2 * k + 1)),
            _ => Err(format!("odd number of hex digits ({})", s.len())),
        })
        .collect()
}
