//! `--json`: the document of docs/json.md, one per input, built by the
//! shared `dump` module. serde_json escapes the C0 controls in strings, as
//! RFC 8259 §7 requires; [`escape::json`] escapes what JSON allows raw but a
//! terminal may obey (DEL, C1, bidi controls) in the same `\uXXXX` form.

use std::io::{self, Write};

use serde_json::{Map, Value as Json};

use super::{dump, escape, sms, Decoded};

pub(super) fn write_json(
    out: &mut impl Write,
    decoded: &Decoded<'_>,
    sms: Option<&sms::Message>,
    with_data: bool,
    pretty: bool,
) -> io::Result<()> {
    let opts = dump::Options { with_data };
    let doc = match decoded {
        Decoded::Mms(Ok(pdu)) => dump::pdu_to_json(pdu, opts),
        Decoded::Mms(Err(e)) | Decoded::Push(Err(e)) => dump::error_to_json(e),
        Decoded::Push(Ok(v)) => dump::push_view_to_json(v, opts),
    };
    let doc = match sms {
        Some(info) => {
            let mut m = Map::new();
            m.insert("sms".into(), info.to_json());
            if let Json::Object(rest) = doc {
                m.extend(rest);
            }
            Json::Object(m)
        }
        None => doc,
    };
    let text = if pretty {
        serde_json::to_string_pretty(&doc)
    } else {
        serde_json::to_string(&doc)
    }
    .map_err(io::Error::other)?;
    writeln!(out, "{}", escape::json(text))
}
