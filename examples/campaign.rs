//! `campaign [COUNT] [IMAGE]`: one m-send-req to COUNT recipients (default
//! 100000), each copy with its own To, Transaction-Id and Subject, around
//! the same image (IMAGE, or a generated 100 KB stand-in). The message is
//! encoded once ([`Campaign`]); each copy is a small header buffer and the
//! shared image chunk, ready for a vectored write. Prints the first copy's
//! size and chunks, checks that it decodes strictly, and times the run.
//!
//! ```text
//! cargo run --release --example campaign -- 1000000
//! ```

use std::hint::black_box;
use std::time::Instant;

use bytes::Bytes;
use mms_pdu::compose::Campaign;
use mms_pdu::mms::message::SendReq;
use mms_pdu::smil::SlideContent;
use mms_pdu::wsp::{EncodedString, Text};
use mms_pdu::{FieldCode, Value};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let count: usize = match args.next() {
        Some(n) => n.parse().map_err(|_| format!("not a count: {n}"))?,
        None => 100_000,
    };
    let image = match args.next() {
        Some(path) => Bytes::from(std::fs::read(path)?),
        None => {
            let mut jpeg = vec![0x5A; 100 * 1024];
            jpeg[..2].copy_from_slice(&[0xFF, 0xD8]);
            Bytes::from(jpeg)
        }
    };

    // The template: the builder's message, with a placeholder recipient.
    let template = SendReq::builder()
        .transaction_id("template")
        .to("+15550000000")
        .subject("Your ticket")
        .slide(
            SlideContent::new()
                .shared("ticket.jpg", "image/jpeg", image.clone())
                .text("gate.txt", "Show this at the gate"),
        )
        .build()?;
    let campaign = Campaign::send_req(&template)?;

    // Per copy: the headers that differ.
    let personal = |k: usize| -> Result<[(FieldCode, Value<'static>); 3], mms_pdu::EncodeError> {
        Ok([
            (
                FieldCode::TRANSACTION_ID,
                Value::Text(Text::from_string(format!("T{k:08}"))?),
            ),
            (
                FieldCode::TO,
                Value::EncodedString(EncodedString::text(Text::from_string(format!(
                    "+336{:08}/TYPE=PLMN",
                    k % 100_000_000
                ))?)),
            ),
            (
                FieldCode::SUBJECT,
                Value::EncodedString(EncodedString::text(Text::from_string(format!(
                    "Your ticket no. {k}"
                ))?)),
            ),
        ])
    };

    let first = campaign.encode(&personal(0)?)?;
    let sizes: Vec<usize> = first.iter().map(Bytes::len).collect();
    println!(
        "each copy: {} octets in {} chunks {:?}; the image chunk is the caller's buffer: {}",
        sizes.iter().sum::<usize>(),
        first.len(),
        sizes,
        first.iter().any(|c| c.as_ptr() == image.as_ptr())
    );
    let bytes = first.concat();
    let back = SendReq::decode_strict(&bytes)?;
    println!(
        "first copy decodes: To {}, Transaction-Id {}",
        back.to[0].to_string_lossy(),
        back.transaction_id.to_string_lossy()
    );

    let start = Instant::now();
    let mut octets = 0usize;
    for k in 0..count {
        let chunks = campaign.encode(&personal(k)?)?;
        octets += chunks.iter().map(Bytes::len).sum::<usize>();
        black_box(chunks);
    }
    let took = start.elapsed();
    println!(
        "{count} copies ({:.1} GB of PDUs) in {:.3} s: {:.0} ns per copy",
        octets as f64 / 1e9,
        took.as_secs_f64(),
        took.as_nanos() as f64 / count.max(1) as f64
    );
    Ok(())
}
