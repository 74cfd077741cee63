//! The `serde` feature under hostile input. The first octet picks the side:
//! - even: the rest is a binary PDU; when it decodes, its JSON form reads
//!   back to the same owned PDU (its warnings aside), which encodes to the same octets, and the
//!   typed message and the lazy view serialize without panicking;
//! - odd: the rest is JSON from a peer; reading it as a `Pdu`, a `Message`
//!   or a `Push` never panics, nor does encoding what was read (the encoder
//!   refuses what it cannot write with an `EncodeError`), and a `Pdu` the
//!   encoder accepts decodes back equal (`encoder_contract`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mms_pdu::mms::message::Message;
use mms_pdu::mms::view::PduView;
use mms_pdu::wsp::push::Push;
use mms_pdu::Pdu;

fuzz_target!(|data: &[u8]| {
    let Some((&side, rest)) = data.split_first() else {
        return;
    };
    if side % 2 == 0 {
        binary(rest);
    } else {
        json(rest);
    }
});

fn binary(input: &[u8]) {
    let Ok(pdu) = Pdu::decode(input) else {
        return;
    };
    let text = serde_json::to_string(&pdu).expect("a decoded PDU serializes");
    let back: Pdu<'static> = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("its own JSON does not read back: {e}\n{text}"));
    // Warnings describe the decoding, not the value: they are not read back.
    let mut owned = pdu.clone().into_owned();
    owned.warnings.clear();
    assert_eq!(back, owned, "{text}");
    assert_eq!(back.encode().ok(), pdu.encode().ok());
    if let Ok(view) = PduView::parse(input) {
        let _ = serde_json::to_string(&view).expect("a view serializes");
    }
    if let Ok(msg) = Message::decode(input) {
        let text = serde_json::to_string(&msg).expect("a message serializes");
        let back: Message<'static> = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("a message's JSON does not read back: {e}\n{text}"));
        assert_eq!(back.encode().ok(), msg.encode().ok());
    }
}

fn json(text: &[u8]) {
    if let Ok(pdu) = serde_json::from_slice::<Pdu<'static>>(text) {
        // The encoder's contract: whatever JSON from a peer the encoder
        // accepts reads back equal.
        mms_pdu_fuzz::encoder_contract(&pdu);
    }
    if let Ok(msg) = serde_json::from_slice::<Message<'static>>(text) {
        let _ = msg.encode();
    }
    if let Ok(push) = serde_json::from_slice::<Push<'static>>(text) {
        let _ = push.to_vec();
    }
}
