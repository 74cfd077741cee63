//! WAP push PDUs: `Push::decode` connectionless and connection-mode,
//! strict, and with the junk search; the body offset points at the body in
//! the input; a decoded push re-encodes to a push of the same value; the
//! MMS PDU in the body decodes (or fails) without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mms_pdu::wsp::push::{Push, PushOptions};
use mms_pdu_fuzz::{check_error, exercise_pdu, LENIENT, STRICT};

fn check<'a>(data: &'a [u8], opts: &PushOptions) -> Option<Push<'a>> {
    let p = match Push::decode_with(data, opts) {
        Ok(p) => p,
        Err(e) => {
            check_error(&e, data);
            return None;
        }
    };
    assert_eq!(p.tid.is_some(), opts.connectionless);
    assert!(p.body_offset + p.body.len() <= data.len());
    assert_eq!(
        &data[p.body_offset..p.body_offset + p.body.len()],
        &p.body[..]
    );
    assert!(p.headers.len() <= opts.decode.limits.max_headers);
    for w in &p.warnings {
        check_error(w, data);
    }
    let _ = p
        .application_id()
        .map(|a| (a.is_mms(), a.name().into_owned()));
    let _ = (
        p.pdu_type.name(),
        p.content_type.media().name(),
        format!("{p:?}"),
    );
    match p.mms_pdu() {
        Some(Ok(pdu)) => exercise_pdu(&pdu, &p.body, &LENIENT),
        Some(Err(e)) => check_error(&e, &p.body),
        None => assert!(!p.is_mms()),
    }
    let bytes = p.to_vec().expect("a decoded push encodes");
    assert_eq!(bytes.len(), p.encoded_len());
    let plain = PushOptions {
        search: false,
        ..*opts
    };
    let back = Push::decode_with(&bytes, &plain).expect("a re-encoded push decodes");
    assert_eq!(
        (
            back.tid,
            back.pdu_type,
            &back.content_type,
            &back.headers,
            &back.body
        ),
        (p.tid, p.pdu_type, &p.content_type, &p.headers, &p.body)
    );
    Some(p)
}

fuzz_target!(|data: &[u8]| {
    let lenient = check(data, &PushOptions::default());
    let strict = check(
        data,
        &PushOptions {
            decode: STRICT,
            ..PushOptions::default()
        },
    );
    if let Some(s) = strict {
        let l = lenient.as_ref().expect("a strict push decodes leniently");
        assert!(l.warnings.is_empty());
        assert_eq!(
            (&l.content_type, &l.headers, &l.body),
            (&s.content_type, &s.headers, &s.body)
        );
    }
    let searched = check(
        data,
        &PushOptions {
            search: true,
            decode: LENIENT,
            ..PushOptions::default()
        },
    );
    if searched.is_some() && lenient.is_none() {
        let s = searched.as_ref().unwrap();
        assert!(s.is_mms() && s.body.first() == Some(&0x8C));
    }
    check(
        data,
        &PushOptions {
            connectionless: false,
            ..PushOptions::default()
        },
    );
});
