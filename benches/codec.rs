//! Criterion benches of the binary codec over corpus PDUs.
//!
//! Run with `cargo bench --bench codec`; ids are stable so figures can be
//! compared from run to run.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use mms_pdu::wsp::{self, ContentType, Multipart};
use mms_pdu::{Body, Pdu};

const NOTIFICATION_IND: &[u8] = include_bytes!("../tests/corpus/mmsd/ni-mms-1-3-con-271.mms");
const SEND_CONF: &[u8] = include_bytes!("../tests/corpus/mmsd/test-mmsutil-mms_m_send_conf_1.mms");
const RETRIEVE_CONF: &[u8] =
    include_bytes!("../tests/corpus/sailfish/test_mms_codec-m-retrieve_1.conf");

/// A decoded value, kept from being optimised away and dropped where it
/// is: the decode benches time the decoding and the drop, not a copy of the
/// value into the harness (a `Pdu` is 128 octets, a typed `Message` 720:
/// returning it to `Bencher::iter` copied it twice, a cost of the harness
/// that a caller reading the value in place does not pay).
fn used<T>(value: T) {
    black_box(&value);
}

fn decode(c: &mut Criterion) {
    let mut g = c.benchmark_group("decode");
    for (id, bytes) in [
        ("notification_ind", NOTIFICATION_IND),
        ("send_conf", SEND_CONF),
        ("retrieve_conf/corpus", RETRIEVE_CONF),
    ] {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(id, |b| {
            b.iter(|| used(Pdu::decode(black_box(bytes)).unwrap()))
        });
    }
    g.finish();
}

/// The lazy view: cut the header block and decode every value but the
/// Content-Type's parameters; walk the parts in place. Allocation-free.
fn decode_view(c: &mut Criterion) {
    use mms_pdu::mms::view::PduView;
    let mut g = c.benchmark_group("decode_view");
    for (id, bytes) in [
        ("notification_ind", NOTIFICATION_IND),
        ("send_conf", SEND_CONF),
        ("retrieve_conf/corpus", RETRIEVE_CONF),
    ] {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(id, |b| {
            b.iter(|| {
                let view = PduView::parse(black_box(bytes)).unwrap();
                let mt = view.message_type();
                let mut n = 0;
                for f in view.fields() {
                    if f.code != Some(mms_pdu::FieldCode::CONTENT_TYPE) {
                        n += f
                            .decode(mt)
                            .map_or(0, |v| usize::from(!matches!(v, mms_pdu::Value::Raw(_))));
                    }
                }
                if let Some(Ok(parts)) = view.parts() {
                    n += parts.map(|p| p.map_or(0, |p| p.data.len())).sum::<usize>();
                }
                n
            })
        });
    }
    g.finish();
}

fn encode(c: &mut Criterion) {
    let mut g = c.benchmark_group("encode");
    for (id, bytes) in [
        ("notification_ind", NOTIFICATION_IND),
        ("retrieve_conf/corpus", RETRIEVE_CONF),
    ] {
        let pdu = Pdu::decode(bytes).unwrap();
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(id, |b| b.iter(|| black_box(&pdu).encode().unwrap()));
        let mut canonical = pdu.clone();
        canonical.canonicalize();
        g.bench_function(format!("{id}/canonical"), |b| {
            b.iter(|| black_box(&canonical).encode().unwrap())
        });
    }
    g.finish();
}

fn pieces(c: &mut Criterion) {
    let pdu = Pdu::decode(RETRIEVE_CONF).unwrap();
    let ct = pdu.content_type().unwrap().to_vec();
    let mut g = c.benchmark_group("wsp");
    g.bench_function("content_type", |b| {
        b.iter(|| ContentType::decode(black_box(&ct)).unwrap())
    });
    let utf8 = b"\x11\xEA\x7F\xC3\xA9t\xC3\xA9 \xC3\xA0 Paris\0";
    g.bench_function("encoded_string_value/utf-8", |b| {
        b.iter(|| wsp::parse_encoded_string_value(black_box(utf8)).unwrap())
    });
    let body_at = RETRIEVE_CONF.len() - pdu.body.as_ref().unwrap().encoded_len();
    let body = &RETRIEVE_CONF[body_at..];
    g.throughput(Throughput::Bytes(body.len() as u64));
    g.bench_function("multipart_walk", |b| {
        b.iter(|| {
            let m = Multipart::decode(black_box(body)).unwrap();
            m.walk().map(|p| p.data.len()).sum::<usize>()
        })
    });
    g.finish();
    assert!(matches!(pdu.body, Some(Body::Multipart(_))));
}

/// An m-send-req (or m-retrieve-conf) with a SMIL part, a text part and an
/// image of `size` octets held in a shared buffer.
fn message(t: mms_pdu::MessageType, size: usize) -> (Vec<u8>, bytes::Bytes) {
    use mms_pdu::mms::message::SendReq;
    let image = bytes::Bytes::from((0..size).map(|k| (k * 31 % 251) as u8).collect::<Vec<u8>>());
    let req = SendReq::builder()
        .transaction_id("T0123456789")
        .to("+33612345678")
        .subject("Holidays")
        .smil(&b"<smil><body><par dur=\"5000ms\"><img src=\"a.jpg\"/><text src=\"t.txt\"/></par></body></smil>"[..])
        .attachment("image/jpeg", "a.jpg", image.clone())
        .text("t.txt", "Greetings from the beach")
        .build()
        .unwrap();
    let mut pdu = req.to_pdu();
    if let Some(mms_pdu::Header::Field(_)) = pdu.headers.first() {
        pdu.headers[0] =
            mms_pdu::Header::field(mms_pdu::FieldCode::MESSAGE_TYPE, mms_pdu::Value::Token(t.0));
    }
    if t == mms_pdu::MessageType::RETRIEVE_CONF {
        pdu.push(
            mms_pdu::FieldCode::DATE,
            mms_pdu::Value::Long(1_163_578_981),
        );
    }
    (pdu.encode().unwrap(), image)
}

/// Attachments of 30 KB, 300 KB and 3 MB: decoding cost should not grow
/// with them (zero-copy), and vectored encoding should not copy them.
fn sizes(c: &mut Criterion) {
    use mms_pdu::MessageType;
    let mut g = c.benchmark_group("decode");
    for (id, size) in [
        ("30k", 30 * 1024),
        ("300k", 300 * 1024),
        ("3m", 3 * 1024 * 1024),
    ] {
        let (bytes, _) = message(MessageType::RETRIEVE_CONF, size);
        g.bench_function(format!("retrieve_conf/{id}"), |b| {
            b.iter(|| used(Pdu::decode(black_box(&bytes)).unwrap()))
        });
    }
    g.finish();

    let (bytes, image) = message(MessageType::SEND_REQ, 3 * 1024 * 1024);
    let shared = bytes::Bytes::from(bytes.clone());
    let pdu = Pdu::decode_shared(&shared).unwrap();
    assert!(pdu
        .encode_vectored()
        .unwrap()
        .iter()
        .any(|c| c.len() == image.len()));
    let mut g = c.benchmark_group("encode_vectored");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("send_req/3m", |b| {
        b.iter(|| black_box(&pdu).encode_vectored().unwrap())
    });
    g.finish();
    let mut g = c.benchmark_group("encode_contiguous");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("send_req/3m", |b| {
        b.iter(|| black_box(&pdu).encode().unwrap())
    });
    g.finish();
    let mut g = c.benchmark_group("memcpy");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("3m", |b| b.iter(|| black_box(&bytes[..]).to_vec()));
    g.finish();
}

/// The m-send-req of the typed-path benches: To, Subject and one slide (the
/// SMIL the builder writes, a text, an image of `size` octets).
fn slide_req(image: &bytes::Bytes) -> mms_pdu::mms::message::SendReq<'static> {
    use mms_pdu::mms::message::SendReq;
    use mms_pdu::smil::SlideContent;
    SendReq::builder()
        .transaction_id("T0123456789")
        .to("+33612345678")
        .subject("Holidays")
        .slide(
            SlideContent::new()
                .shared("a.jpg", "image/jpeg", image.clone())
                .text("t.txt", "Greetings from the beach"),
        )
        .build()
        .unwrap()
}

fn image(size: usize) -> bytes::Bytes {
    bytes::Bytes::from((0..size).map(|k| (k * 31 % 251) as u8).collect::<Vec<u8>>())
}

/// The typed paths beside the generic ones: decode into a typed message,
/// encode one, build and encode, and the vectored encoding of a small PDU.
fn typed(c: &mut Criterion) {
    use mms_pdu::mms::message::{Message, RetrieveConf, SendReq};
    use mms_pdu::MessageType;
    let mut g = c.benchmark_group("decode_typed");
    g.bench_function("notification_ind", |b| {
        b.iter(|| used(Message::decode(black_box(NOTIFICATION_IND)).unwrap()))
    });
    let (conf, _) = message(MessageType::RETRIEVE_CONF, 300 * 1024);
    g.bench_function("retrieve_conf/300k", |b| {
        b.iter(|| used(RetrieveConf::decode(black_box(&conf)).unwrap()))
    });
    g.finish();

    let img = image(2 * 1024);
    let req = slide_req(&img);
    let pdu = req.to_pdu();
    let bytes = pdu.encode().unwrap();
    assert_eq!(req.encode().unwrap(), bytes);
    assert_eq!(pdu.encode_vectored().unwrap().concat(), bytes);
    let mut g = c.benchmark_group("encode");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("send_req/2k", |b| {
        b.iter(|| black_box(&pdu).encode().unwrap())
    });
    g.finish();
    let mut g = c.benchmark_group("encode_typed");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("send_req/2k", |b| {
        b.iter(|| black_box(&req).encode().unwrap())
    });
    g.finish();
    let mut g = c.benchmark_group("encode_vectored");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("send_req/2k", |b| {
        b.iter(|| black_box(&pdu).encode_vectored().unwrap())
    });
    g.finish();
    let mut g = c.benchmark_group("build_encode");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("send_req/2k", |b| {
        b.iter(|| slide_req(black_box(&img)).encode().unwrap())
    });
    g.finish();
    let _ = SendReq::MESSAGE_TYPE;
}

/// One personalised copy (Transaction-Id, To, Subject) of an m-send-req
/// carrying a 100 KB image, through the campaign API, vectored; beside a
/// copy of the image alone.
fn campaign(c: &mut Criterion) {
    use mms_pdu::compose::Campaign;
    use mms_pdu::wsp::{EncodedString, Text};
    use mms_pdu::{FieldCode, Value};
    let img = image(100 * 1024);
    let campaign = Campaign::send_req(&slide_req(&img)).unwrap();
    let set = [
        (
            FieldCode::TRANSACTION_ID,
            Value::Text(Text::new("T0000001").unwrap()),
        ),
        (
            FieldCode::TO,
            Value::EncodedString(EncodedString::new("+33612345678/TYPE=PLMN").unwrap()),
        ),
        (
            FieldCode::SUBJECT,
            Value::EncodedString(EncodedString::new("Your ticket, Ada").unwrap()),
        ),
    ];
    let chunks = campaign.encode(&set).unwrap();
    assert!(chunks.iter().any(|c| c.as_ptr() == img.as_ptr()));
    let mut g = c.benchmark_group("campaign");
    g.bench_function("send_req/100k", |b| {
        b.iter(|| black_box(&campaign).encode(black_box(&set)).unwrap())
    });
    g.finish();
    let mut g = c.benchmark_group("memcpy");
    g.throughput(Throughput::Bytes(img.len() as u64));
    g.bench_function("100k", |b| b.iter(|| black_box(&img[..]).to_vec()));
    g.finish();
}

criterion_group!(
    benches,
    decode,
    decode_view,
    encode,
    pieces,
    sizes,
    typed,
    campaign
);
criterion_main!(benches);
