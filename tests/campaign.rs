//! The campaign API: each personalised copy decodes to the template with
//! its own headers, matches what the generic encoder writes for the same
//! PDU, and never copies the media (pointer identity, and a counting
//! allocator: a copy allocates a few hundred octets, not the image).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use bytes::Bytes;
use mms_pdu::compose::Campaign;
use mms_pdu::mms::message::SendReq;
use mms_pdu::wsp::{EncodedString, Text};
use mms_pdu::{FieldCode, Header, Pdu, Value};

struct Counting;

thread_local! {
    // Octets allocated by this thread (the tests of this file run in
    // parallel; each counts its own).
    static BYTES: Cell<usize> = const { Cell::new(0) };
}

fn count(n: usize) {
    let _ = BYTES.try_with(|b| b.set(b.get() + n));
}

fn allocated() -> usize {
    BYTES.with(Cell::get)
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn image() -> Bytes {
    Bytes::from(
        (0..100_000)
            .map(|k| (k * 7 % 253) as u8)
            .collect::<Vec<u8>>(),
    )
}

fn template(image: &Bytes) -> SendReq<'static> {
    SendReq::builder()
        .transaction_id("template")
        .to("+15550000000")
        .subject("Your ticket")
        .text("t.txt", "Show this at the gate")
        .attachment("image/jpeg", "ticket.jpg", image.clone())
        .build()
        .unwrap()
}

fn personal(k: usize) -> Vec<(FieldCode, Value<'static>)> {
    vec![
        (
            FieldCode::TRANSACTION_ID,
            Value::Text(Text::from_string(format!("T{k:06}")).unwrap()),
        ),
        (
            FieldCode::TO,
            Value::EncodedString(EncodedString::text(
                Text::from_string(format!("+336{k:08}/TYPE=PLMN")).unwrap(),
            )),
        ),
        (
            FieldCode::SUBJECT,
            Value::EncodedString(EncodedString::new("Votre billet, Zoé").unwrap()),
        ),
    ]
}

/// The generic path: the template's PDU with the headers replaced.
fn generic(req: &SendReq<'_>, set: &[(FieldCode, Value<'static>)]) -> Vec<u8> {
    let mut pdu = req.to_pdu();
    for (code, v) in set {
        let at = pdu.headers.iter().position(|h| h.code() == Some(*code));
        pdu.headers.retain(|h| h.code() != Some(*code));
        let at = at.unwrap_or(pdu.headers.len() - 1);
        pdu.headers.insert(at, Header::field(*code, v.clone()));
    }
    pdu.encode().unwrap()
}

#[test]
fn copies_are_the_template_with_their_own_headers() {
    let img = image();
    let req = template(&img);
    let campaign = Campaign::send_req(&req).unwrap();
    assert!(campaign.shared_len() >= img.len());
    for k in 0..50 {
        let set = personal(k);
        let chunks = campaign.encode(&set).unwrap();
        let bytes = chunks.concat();
        assert_eq!(bytes, generic(&req, &set));
        let back = SendReq::decode_strict(&bytes).unwrap();
        assert_eq!(
            back.transaction_id.as_bytes(),
            format!("T{k:06}").as_bytes()
        );
        assert_eq!(back.to.len(), 1);
        assert_eq!(
            back.to[0].as_bytes(),
            format!("+336{k:08}/TYPE=PLMN").as_bytes()
        );
        assert_eq!(back.body, Pdu::decode(&req.encode().unwrap()).unwrap().body);
    }
    // Several recipients, a header the template lacks, one left as is.
    let set = vec![
        (
            FieldCode::TO,
            Value::EncodedString(EncodedString::new("+1").unwrap()),
        ),
        (
            FieldCode::TO,
            Value::EncodedString(EncodedString::new("+2").unwrap()),
        ),
        (FieldCode::PRIORITY, Value::Token(0x82)),
    ];
    let bytes = campaign.encode(&set).unwrap().concat();
    let back = SendReq::decode_strict(&bytes).unwrap();
    assert_eq!(back.to.len(), 2);
    assert_eq!(back.subject.unwrap().as_bytes(), b"Your ticket");
    assert_eq!(back.priority.map(|p| p.0), Some(0x82));
    // What the template's body depends on cannot be set; bad values are refused.
    assert!(campaign
        .encode(&[(FieldCode::MESSAGE_TYPE, Value::Token(0x84))])
        .is_err());
    assert!(campaign
        .encode(&[(FieldCode::PRIORITY, Value::Token(0x02))])
        .is_err());
}

#[test]
fn the_media_is_never_copied() {
    let img = image();
    let req = template(&img);
    let campaign = Campaign::send_req(&req).unwrap();
    let sets: Vec<_> = (0..1000).map(personal).collect();
    let before = allocated();
    let mut total = 0;
    for set in &sets {
        let chunks = campaign.encode(set).unwrap();
        // The caller's image buffer itself, in every copy.
        assert_eq!(
            chunks.iter().filter(|c| c.as_ptr() == img.as_ptr()).count(),
            1
        );
        total += chunks.iter().map(Bytes::len).sum::<usize>();
    }
    let allocated = allocated() - before;
    assert!(total > 1000 * img.len());
    // Each copy allocates its header buffer and its chunk list: well under
    // 1 KB, where one copy of the image would be 100 KB.
    // The counter sees this thread's allocations (each copy's buffers)…
    assert!(allocated >= 1000 * 100, "{allocated} bytes counted");
    // … and they are small.
    assert!(
        allocated < 1000 * 1024,
        "{allocated} bytes allocated for 1000 copies"
    );
}

/// A personalised value must read back as itself, as every encoder's must:
/// a Subject given as raw octets without their NUL would run into the next
/// header of the copy, so it is refused.
#[test]
fn a_personal_value_that_would_not_read_back_is_refused() {
    let img = image();
    let campaign = Campaign::send_req(&template(&img)).unwrap();
    let raw = Value::Raw(b"A".to_vec().into());
    assert!(campaign.encode(&[(FieldCode::SUBJECT, raw)]).is_err());
    let ok = Value::EncodedString(EncodedString::new("A").unwrap());
    assert!(campaign.encode(&[(FieldCode::SUBJECT, ok)]).is_ok());
}
