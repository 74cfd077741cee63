//! WAP push PDUs and their SMS transport: corpus pushes, round trips, bad input.

use mms_pdu::sms::{split, Reassembler, ReassemblyLimits, SmsError, SplitOptions, UserData};
use mms_pdu::wsp::push::{
    integer_header, AppId, Push, PushOptions, PushType, CONTENT_LENGTH, PUSH_FLAG,
};
use mms_pdu::wsp::{ContentType, Media, Text, WspHeader};
use mms_pdu::{ErrorKind, MessageType};
use proptest::prelude::*;

fn corpus(file: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/corpus/{file}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap_or_else(|e| panic!("corpus file {file}: {e}"))
}

/// Every `wap-push` row of the manifest: (file, message type column, note).
fn push_rows() -> Vec<(String, String, String)> {
    let m = String::from_utf8(corpus("MANIFEST.tsv")).unwrap();
    let rows: Vec<_> = m
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|c| c[5] == "wap-push")
        .map(|c| (c[0].to_string(), c[6].to_string(), c[8].to_string()))
        .collect();
    assert!(rows.len() >= 30, "manifest lists {} pushes", rows.len());
    rows
}

#[test]
fn corpus_mms_pushes_decode_and_carry_the_listed_message_type() {
    let mut mms = 0;
    for (file, mt, note) in push_rows() {
        let bytes = corpus(&file);
        let decoded = Push::decode(&bytes);
        let malformed = note.contains("malformed");
        if mt.is_empty() {
            // No MMS inside: non-MMS pushes, or framing that must fail.
            match &decoded {
                Ok(p) => assert!(
                    !p.is_mms()
                        || p.mms_pdu().unwrap().is_err()
                        || note.contains("Headers-Length 0"),
                    "{file}: {note}"
                ),
                Err(e) => {
                    assert!(e.offset() <= bytes.len(), "{file}");
                    assert!(malformed || note.contains("negative"), "{file} failed: {e}");
                }
            }
            continue;
        }
        let push = decoded.unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(push.is_mms(), "{file}");
        let want = MessageType(u8::from_str_radix(mt.trim_start_matches("0x"), 16).unwrap());
        match push.mms_pdu().unwrap() {
            Ok(pdu) => {
                assert_eq!(pdu.message_type(), Some(want), "{file}");
                mms += 1;
            }
            Err(e) => assert!(malformed && e.offset() <= push.body.len(), "{file}: {e}"),
        }
        // Pushes re-encode to the same octets.
        assert_eq!(push.to_vec().unwrap(), bytes, "{file}");
    }
    assert!(mms >= 19, "{mms} MMS pushes decoded");
}

#[test]
fn corpus_push_headers_read_as_the_notes_say() {
    let p = corpus("mmsd/test-wsputil-push1.bin");
    let push = Push::decode(&p).unwrap();
    assert_eq!(push.tid, Some(1));
    assert_eq!(push.pdu_type, PushType::Push);
    assert_eq!(push.application_id(), Some(AppId::Code(4)));
    assert!(push.headers.iter().any(|h| h.name() == "Push-Flag"));

    let p = corpus("mmsd/test-wsputil-push3.bin");
    let push = Push::decode(&p).unwrap();
    assert_eq!(
        push.content_type.media().name(),
        "application/vnd.oma.drm.rights+wbxml"
    );
    assert!(!push.is_mms());
    assert!(push.mms_pdu().is_none());

    // T-Mobile USA: the content type in the general form behind 0x1F 0x22.
    let p = corpus("nuntium/push_decode_test-TestDecodeTMobileUSA.bin");
    let push = Push::decode(&p).unwrap();
    assert!(push.is_mms());
    assert_eq!(&p[3..5], [0x1F, 0x22]);

    // Headers-Length 0 with the content type after it: accepted with a warning.
    let p = corpus(
        "aosp/WapPushOverSmsTest-testDispatchWapPduFromBlockedNumber_noIntentsDispatched.bin",
    );
    let push = Push::decode(&p).unwrap();
    assert_eq!(push.warnings.len(), 1);
    assert_eq!(
        push.mms_pdu().unwrap().unwrap().message_type(),
        Some(MessageType::NOTIFICATION_IND)
    );
    let strict = PushOptions {
        decode: mms_pdu::DecodeOptions {
            strict: true,
            ..Default::default()
        },
        ..Default::default()
    };
    assert!(Push::decode_with(&p, &strict).is_err());
}

#[test]
fn rejects_bad_framing_with_offsets() {
    // Headers-Length 200 in a 4-octet PDU.
    let p = corpus(
        "aosp/WapPushOverSmsTest-testDispatchWapPdu_headerLengthExceedsPdu_failsGracefully.bin",
    );
    let e = Push::decode(&p).unwrap_err();
    assert!(
        matches!(
            e.kind(),
            ErrorKind::LengthOverrun { .. } | ErrorKind::Truncated { .. }
        ),
        "{e}"
    );
    // Headers-Length uintvar 0xFFFFFFFF.
    let p = corpus(
        "aosp/WapPushOverSmsTest-testDispatchWapPdu_malformedHeaderLength_failsGracefully.bin",
    );
    let e = Push::decode(&p).unwrap_err();
    assert_eq!(e.context(), "push HeadersLen");
    // PDU type 0x05.
    let p = corpus("muditaos/unittest_Pdu-PduTypeNotPush.bin");
    let e = Push::decode(&p).unwrap_err();
    assert_eq!((e.offset(), e.context()), (1, "push PDU type"));
}

fn arb_header() -> impl Strategy<Value = WspHeader<'static>> {
    prop_oneof![
        (0u64..100_000).prop_map(|n| integer_header(CONTENT_LENGTH, n)),
        (0u64..128).prop_map(|n| integer_header(PUSH_FLAG, n)),
        "[a-z:/.]{1,30}".prop_map(|s| WspHeader::WellKnown {
            code: 0x30,
            value: format!("{s}\0").into_bytes().into()
        }),
        ("X-[A-Za-z]{1,10}", "[ -~]{0,20}").prop_map(|(n, v)| WspHeader::Application {
            name: Text::from_string(n).unwrap(),
            value: Text::from_string(v).unwrap()
        }),
    ]
}

fn arb_push() -> impl Strategy<Value = Push<'static>> {
    (
        proptest::option::of(any::<u8>()),
        any::<bool>(),
        prop_oneof![
            Just(Media::WellKnown(0x3E)),
            "[a-z]{1,8}/[a-z.+-]{1,20}".prop_map(|s| Media::Text(Text::from_string(s).unwrap()))
        ],
        proptest::collection::vec(arb_header(), 0..5),
        proptest::collection::vec(any::<u8>(), 0..600),
    )
        .prop_map(|(tid, confirmed, media, headers, body)| {
            let mut p = Push::mms(0, body);
            p.tid = tid;
            p.pdu_type = if confirmed {
                PushType::ConfirmedPush
            } else {
                PushType::Push
            };
            p.content_type = ContentType::new(media);
            p.headers.extend(headers);
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn round_trips_push_pdus(p in arb_push()) {
        let bytes = p.to_vec().unwrap();
        prop_assert_eq!(bytes.len(), p.encoded_len());
        let opts = PushOptions { connectionless: p.tid.is_some(), ..PushOptions::default() };
        let back = Push::decode_with(&bytes, &opts).unwrap();
        prop_assert_eq!(back.tid, p.tid);
        prop_assert_eq!(back.pdu_type, p.pdu_type);
        prop_assert_eq!(back.content_type, p.content_type);
        prop_assert_eq!(back.headers, p.headers);
        prop_assert_eq!(back.body, p.body);
    }

    #[test]
    fn round_trips_pushes_over_segmented_sms(p in arb_push(), reference in any::<u16>(), wide in any::<bool>(), order in any::<u64>()) {
        let bytes = p.to_vec().unwrap();
        let segments = split(&bytes, &SplitOptions { reference, reference_16bit: wide, ..SplitOptions::default() }).unwrap();
        prop_assert!(segments.iter().all(|s| s.len() <= 140));
        // Deliver in a shuffled order, the first one delivered twice (a
        // duplicate before completion; after it, a duplicate would start a
        // new message, as a reused reference does).
        let mut idx: Vec<usize> = (0..segments.len()).collect();
        let mut x = order | 1;
        for k in (1..idx.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            idx.swap(k, (x % (k as u64 + 1)) as usize);
        }
        if idx.len() > 1 {
            idx.insert(1, idx[0]);
        }
        let mut r = Reassembler::new(ReassemblyLimits::default());
        let mut done = None;
        for k in idx {
            if let Some(m) = r.push("+33600000000", &segments[k], 0).unwrap().completed() {
                prop_assert!(done.is_none());
                done = Some(m);
            }
        }
        let m = done.unwrap();
        prop_assert_eq!(m.ports, Some((2948, 9200)));
        prop_assert_eq!(&m.payload, &bytes);
        prop_assert_eq!(r.pending(), 0);
        prop_assert_eq!(r.held_bytes(), 0);
    }

    #[test]
    fn arbitrary_octets_never_panic_the_push_or_sms_decoders(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        if let Err(e) = Push::decode(&bytes) {
            prop_assert!(e.offset() <= bytes.len());
        }
        let search = PushOptions { search: true, connectionless: false, ..PushOptions::default() };
        let _ = Push::decode_with(&bytes, &search);
        let _ = UserData::decode(&bytes);
        let mut r = Reassembler::new(ReassemblyLimits { max_pending: 2, max_bytes: 500, ..ReassemblyLimits::default() });
        for chunk in bytes.chunks(40) {
            let _ = r.push(0u8, chunk, 0);
            prop_assert!(r.held_bytes() <= 500 && r.pending() <= 2);
        }
    }
}

#[test]
fn a_segment_disagreeing_on_the_total_is_an_error() {
    let a = split(
        &[1; 300],
        &SplitOptions {
            reference: 9,
            ..SplitOptions::default()
        },
    )
    .unwrap();
    let b = split(
        &[1; 500],
        &SplitOptions {
            reference: 9,
            ..SplitOptions::default()
        },
    )
    .unwrap();
    let mut r = Reassembler::new(ReassemblyLimits::default());
    assert_eq!(r.push(0u8, &a[0], 0).unwrap().completed(), None);
    assert!(matches!(
        r.push(0u8, &b[1], 0),
        Err(SmsError::Conflict {
            what: "total segment count",
            ..
        })
    ));
}
