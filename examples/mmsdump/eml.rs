//! `--eml`: the message as an Internet message (RFC 5322 and MIME, RFC
//! 2045–2047), in the MM4 form of 3GPP TS 23.140 §8.4, as
//! `mms_pdu::mail::pdu_to_mime` writes it. Only with the `mail` feature.

use std::io::Write;

use super::args::Args;

/// Writes the .eml of the one FILE of `args` (an MMS PDU, or a push that
/// carries one) on `out`; returns the exit status.
#[cfg(feature = "mail")]
pub(super) fn run(args: &Args, out: &mut impl Write, err: &mut impl Write) -> i32 {
    use std::io;

    use mms_pdu::mail::{pdu_to_mime, MailOptions};

    use super::escape::printable;
    use super::{decode, dump::PushView, read_input, Decoded};

    // The mail holds the message's own text (a 7bit part keeps an ESC it
    // carries): it goes to a file or a pipe, never raw to a terminal.
    if io::IsTerminal::is_terminal(&io::stdout()) {
        let _ = writeln!(
            err,
            "mmsdump: --eml: not writing mail to a terminal: redirect it (> message.eml)"
        );
        return 2;
    }
    let Some(file) = args.files.first() else {
        let _ = writeln!(err, "mmsdump: --eml takes one FILE");
        return 2;
    };
    let input = match read_input(file) {
        Ok(i) => i,
        Err(e) => {
            let _ = writeln!(err, "mmsdump: {}: {e}", printable(file));
            return 2;
        }
    };
    let label = printable(&input.label);
    let decoded = decode(&input.bytes, args);
    let pdu = match &decoded {
        Decoded::Mms(Ok(p))
        | Decoded::Push(Ok(PushView {
            mms: Some(Ok(p)), ..
        })) => p,
        Decoded::Mms(Err(e))
        | Decoded::Push(Err(e))
        | Decoded::Push(Ok(PushView {
            mms: Some(Err(e)), ..
        })) => {
            let _ = writeln!(err, "mmsdump: {label}: {}", printable(&e.to_string()));
            return 1;
        }
        Decoded::Push(Ok(PushView { mms: None, .. })) => {
            let _ = writeln!(err, "mmsdump: {label}: a push that carries no MMS PDU");
            return 1;
        }
    };
    if args.strict {
        let violations = mms_pdu::mms::rules::check(pdu);
        if !violations.is_empty() {
            for v in &violations {
                let _ = writeln!(err, "mmsdump: {label}: {}", printable(&v.to_string()));
            }
            return 1;
        }
    }
    let eml = match pdu_to_mime(pdu, &MailOptions::default()) {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(
                err,
                "mmsdump: {label}: cannot write it as mail: {}",
                printable(&e.to_string())
            );
            return 1;
        }
    };
    match out.write_all(&eml).and_then(|_| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(err, "mmsdump: cannot write: {e}");
            2
        }
    }
}

/// Without the `mail` feature there is no mail writer: says so.
#[cfg(not(feature = "mail"))]
pub(super) fn run(_args: &Args, _out: &mut impl Write, err: &mut impl Write) -> i32 {
    let _ = writeln!(
        err,
        "mmsdump: --eml: built without the mail feature \
         (cargo run --features mail --example mmsdump -- --eml FILE)"
    );
    2
}
