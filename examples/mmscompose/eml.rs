//! `--eml`: an Internet message (RFC 5322 and MIME, RFC 2045–2047; the MM4
//! form of 3GPP TS 23.140 §8.4 or any mail) made into an m-send-req or an
//! m-retrieve-conf by `mms_pdu::mail::from_mime`. Only with the `mail`
//! feature.

use std::io::Write;

use mms_pdu::MessageType;

/// The PDU of type `kind` that the mail in `input` (a path; standard input
/// when None or `-`) makes; the error with its exit status (2: the input
/// could not be read, 1: it makes no PDU). Header-table violations of the
/// PDU (MMS_ENC 1.3 §6) are said on `err`, as warnings.
#[cfg(feature = "mail")]
pub(super) fn compose(
    input: Option<&str>,
    kind: MessageType,
    err: &mut impl Write,
) -> Result<Vec<u8>, (i32, String)> {
    use std::io::Read;

    use mms_pdu::mail::{from_mime, MailOptions};
    use mms_pdu::Pdu;

    let (label, eml) = match input {
        None | Some("-") => {
            let mut b = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut b)
                .map_err(|e| (2, format!("cannot read standard input: {e}")))?;
            ("<stdin>".to_string(), b)
        }
        Some(path) => (
            path.to_string(),
            std::fs::read(path).map_err(|e| (2, format!("cannot read {path}: {e}")))?,
        ),
    };
    let message =
        from_mime(&eml, kind, &MailOptions::default()).map_err(|e| (1, format!("{label}: {e}")))?;
    let bytes = message
        .encode()
        .map_err(|e| (1, format!("{label}: cannot encode the {kind}: {e}")))?;
    // What was written is read back as a receiver would, and checked
    // against the header table of its type.
    let pdu = Pdu::decode(&bytes).map_err(|e| {
        (
            1,
            format!("{label}: the {kind} written does not decode: {e}"),
        )
    })?;
    for v in mms_pdu::mms::rules::check(&pdu) {
        let _ = writeln!(err, "mmscompose: warning: {label}: {v}");
    }
    Ok(bytes)
}

/// Without the `mail` feature there is no mail reader: says so.
#[cfg(not(feature = "mail"))]
pub(super) fn compose(
    _input: Option<&str>,
    _kind: MessageType,
    _err: &mut impl Write,
) -> Result<Vec<u8>, (i32, String)> {
    Err((
        2,
        "--eml: built without the mail feature \
         (cargo run --features mail --example mmscompose -- --eml FILE.eml)"
            .into(),
    ))
}
