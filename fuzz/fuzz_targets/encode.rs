//! The encoder's contract from structured values: messages built through
//! the `SendReq` builder and PDUs built from typed header values. Whatever
//! an encoder accepts must decode back equal (header by header, and to
//! the same octets), within the default limits; what the builder accepts
//! must also pass strict decoding and read back as the same `SendReq`.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use mms_pdu::mms::message::SendReq;
use mms_pdu::wsp::{
    Charset, ContentType, EncodedString, Media, Multipart, ParamName, ParamValue, Parameter, Part,
    Text, TextValue,
};
use mms_pdu::{Body, FieldCode, Header, MessageType, Pdu, Value, Version};

#[derive(Debug, Arbitrary)]
enum Item {
    Text(String, String),
    Attachment(String, String, Vec<u8>),
    Smil(String),
    Slide(String, String),
}

#[derive(Debug, Arbitrary)]
struct Built {
    tid: String,
    to: Vec<String>,
    subject: Option<(String, Option<u16>)>,
    items: Vec<Item>,
}

#[derive(Debug, Arbitrary)]
enum ArbValue {
    Text(Vec<u8>),
    Encoded(Option<u16>, Vec<u8>),
    Long(u64),
    Integer(u64),
    Token(u8),
    Counted(u64, Box<ArbValue>),
    Media(String, Vec<(String, String)>),
    Raw(Vec<u8>),
}

impl ArbValue {
    fn value(&self) -> Option<Value<'_>> {
        Some(match self {
            ArbValue::Text(b) => Value::Text(Text::from_bytes(b).ok()?),
            ArbValue::Encoded(None, b) => {
                Value::EncodedString(EncodedString::text(Text::from_bytes(b).ok()?))
            }
            ArbValue::Encoded(Some(cs), b) => {
                Value::EncodedString(EncodedString::with_charset(Charset(u32::from(*cs)), &b[..]))
            }
            ArbValue::Long(v) => Value::Long(*v),
            ArbValue::Integer(v) => Value::Integer(*v),
            ArbValue::Token(b) => Value::Token(*b),
            ArbValue::Counted(c, v) => Value::Counted {
                count: *c,
                value: Box::new(v.value()?),
            },
            ArbValue::Media(m, params) => {
                let mut ct = ContentType::new(Media::from_name(m));
                for (n, v) in params {
                    let p = Parameter {
                        name: ParamName::Text(Text::new(n).ok()?),
                        value: ParamValue::TextValue(TextValue::Token(Text::new(v).ok()?)),
                    };
                    ct = ct.with(p);
                }
                Value::ContentType(ct)
            }
            ArbValue::Raw(r) => Value::Raw(r[..].into()),
        })
    }
}

#[derive(Debug, Arbitrary)]
struct Generic {
    message_type: u8,
    headers: Vec<(u8, ArbValue)>,
    app: Vec<(Vec<u8>, Vec<u8>)>,
    body: Option<(bool, Vec<(String, Vec<u8>)>)>,
    trailing: Vec<u8>,
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(pick) = u.arbitrary::<bool>() else {
        return;
    };
    if pick {
        if let Ok(b) = Built::arbitrary(&mut u) {
            built(&b);
        }
    } else if let Ok(g) = Generic::arbitrary(&mut u) {
        generic(&g);
    }
});

fn built(b: &Built) {
    let mut builder = SendReq::builder().transaction_id(b.tid.clone());
    for t in b.to.iter().take(4) {
        builder = builder.to(t.clone());
    }
    if let Some((s, cs)) = &b.subject {
        builder = match cs {
            Some(c) => builder.subject_in(s.clone(), Charset(u32::from(*c))),
            None => builder.subject(s.clone()),
        };
    }
    for item in b.items.iter().take(8) {
        builder = match item {
            Item::Text(n, t) => builder.text(n, t),
            Item::Attachment(m, n, d) => builder.attachment(m, n, d.clone()),
            Item::Smil(x) => builder.smil(x.clone().into_bytes()),
            Item::Slide(n, t) => builder.slide(mms_pdu::smil::SlideContent::new().text(n, t)),
        };
    }
    let Ok(req) = builder.build() else { return };
    let bytes = req.encode().expect("a built message encodes");
    let back = SendReq::decode_strict(&bytes)
        .unwrap_or_else(|e| panic!("a built message fails strict decoding: {e}"));
    assert_eq!(back.encode().unwrap(), bytes);
    assert_eq!(back.subject, req.subject);
    assert_eq!(back.to, req.to);
    assert_eq!(back.transaction_id, req.transaction_id);
}

fn generic(g: &Generic) {
    let mut pdu = Pdu::new(MessageType(g.message_type), Version::V1_2);
    for (code, v) in g.headers.iter().take(16) {
        let Some(value) = v.value() else { return };
        pdu.push(FieldCode(*code), value);
    }
    for (n, v) in g.app.iter().take(4) {
        let (Ok(name), Ok(value)) = (Text::from_bytes(n), Text::from_bytes(v)) else {
            return;
        };
        pdu.headers.push(Header::Application { name, value });
    }
    if let Some((multipart, parts)) = &g.body {
        if *multipart {
            let parts = parts
                .iter()
                .take(8)
                .map(|(m, d)| Part::new(ContentType::new(Media::from_name(m)), &d[..]))
                .collect();
            pdu.set_body(
                ContentType::new(Media::from_name("application/vnd.wap.multipart.mixed")),
                Body::Multipart(Multipart {
                    parts,
                    ..Multipart::default()
                }),
            );
        } else if let Some((m, d)) = parts.first() {
            pdu.set_body(
                ContentType::new(Media::from_name(m)),
                Body::Data(d[..].into()),
            );
        }
    }
    pdu.trailing = g.trailing[..].into();
    mms_pdu_fuzz::encoder_contract(&pdu);
}
