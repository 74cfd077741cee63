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

use mms_pdu::gsm7;
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
    let (septets, _) = gsm7::encode_lossy(text);
    if septets.len() <= GSM7_SINGLE {
        let (ud, udl) = gsm7::pack(&[], &septets);
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
        if n < rest.len() && rest[n - 1] == gsm7::ESCAPE {
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
            let (ud, udl) = gsm7::pack(&udh, chunk);
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
                let (header, septets) =
                    gsm7::unpack(&sms.ud, sms.udl, sms.udhi).map_err(|e| e.to_string())?;
                let text = gsm7::decode(&septets);
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
