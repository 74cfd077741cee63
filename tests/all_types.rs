//! Every MMS message type (MMS_ENC 1.3 §7.3.30, 0x80–0x97), built with the
//! generic API as a sender would: the mandatory headers of its PDU table in
//! MMS_ENC 1.3 §6 and a few optional ones. Each one must encode, decode to
//! the same headers and body, dump under the names MMS_ENC gives, and
//! compose back from its dump.
//!
//! The encoded PDUs are kept in `tests/tshark/` for an independent decoder
//! (Wireshark's, through `tests/tshark/check.sh`); a test here checks that
//! those files are what this file builds. After a deliberate change, write
//! them again with `MMS_PDU_BLESS=1 cargo test --test all_types`.

#[allow(dead_code)]
#[path = "../examples/shared/json_shape/dump.rs"]
mod dump;

#[allow(dead_code)]
#[path = "../examples/shared/json_shape/compose.rs"]
mod compose;

use std::path::PathBuf;

use mms_pdu::wsp::push::{integer_header, Push, CONTENT_LENGTH, PUSH_FLAG};
use mms_pdu::wsp::{
    Charset, ContentType, EncodedString, Media, Multipart, ParamValue, Parameter, Part, Text,
    WspHeader,
};
use mms_pdu::{
    Body, ElementItem, FieldCode, FromValue, Header, MessageClass, MessageType, Pdu, Time, Value,
    Version,
};
use serde_json::{json, Value as Json};

// ------------------------------------------------------------ the values

const PHONE: &str = "+33612345678/TYPE=PLMN";
const PHONE2: &str = "+41791234567/TYPE=PLMN";
const EMAIL: &str = "alice@example.com";
const DATE: u64 = 1_700_000_000;
const MESSAGE_ID: &str = "MSG-20231114-0001@mmsc.example.com";
const LOCATION: &str = "http://mmsc.example.com/mms/0001";
const LOCATION2: &str = "http://mmsc.example.com/mms/0002";
const BOX_LOCATION: &str = "http://mmsc.example.com/mmbox/0001";

/// A 1×1 transparent GIF.
const GIF: &[u8] = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff\
!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";

const SMIL: &str = "<smil><head><layout>\
<root-layout width=\"160\" height=\"160\"/>\
<region id=\"Image\" top=\"0\" left=\"0\" width=\"160\" height=\"120\"/>\
<region id=\"Text\" top=\"120\" left=\"0\" width=\"160\" height=\"40\"/>\
</layout></head><body><par dur=\"5000ms\">\
<img src=\"cid:image1\" region=\"Image\"/><text src=\"cid:text1\" region=\"Text\"/>\
</par></body></smil>";

const TEXT: &str = "Greetings from Zermatt!";

fn text(s: &'static str) -> Text<'static> {
    Text::new(s).unwrap()
}

fn enc(s: &'static str) -> EncodedString<'static> {
    EncodedString::new(s).unwrap()
}

fn address(s: &'static str) -> Value<'static> {
    Value::EncodedString(enc(s))
}

/// One header as built, with the name and JSON value MMS_ENC and
/// docs/json.md give it (written out here, not taken from the library).
struct H {
    name: &'static str,
    code: FieldCode,
    value: Value<'static>,
    json: Json,
}

fn h(name: &'static str, code: FieldCode, value: Value<'static>, json: Json) -> H {
    H {
        name,
        code,
        value,
        json,
    }
}

fn tid(s: &'static str) -> H {
    h(
        "X-Mms-Transaction-Id",
        FieldCode::TRANSACTION_ID,
        Value::Text(text(s)),
        json!(s),
    )
}

fn counted(count: u64, inner: Value<'static>) -> Value<'static> {
    Value::Counted {
        count,
        value: Box::new(inner),
    }
}

/// One message type: its headers after Message-Type and MMS-Version (the
/// Transaction-Id first when it has one) and its body.
struct Case {
    message_type: MessageType,
    /// The MMS_ENC name.
    name: &'static str,
    headers: Vec<H>,
    body: Option<(ContentType<'static>, Body<'static>)>,
}

impl Case {
    /// The PDU: X-Mms-Message-Type, then X-Mms-Transaction-Id when there is
    /// one, X-Mms-MMS-Version 1.3, the other headers, the Content-Type last.
    fn pdu(&self) -> Pdu<'static> {
        let mut pdu = Pdu::new(self.message_type, Version::V1_3);
        for (k, x) in self.headers.iter().enumerate() {
            let header = Header::field(x.code, x.value.clone());
            if k == 0 && x.code == FieldCode::TRANSACTION_ID {
                pdu.headers.insert(1, header);
            } else {
                pdu.headers.push(header);
            }
        }
        if let Some((ct, body)) = &self.body {
            pdu.set_body(ct.clone(), body.clone());
        }
        pdu
    }
    /// The names and values `mmsdump --json` must show, in wire order.
    fn expected_headers(&self) -> Vec<Json> {
        let mut out = vec![json!({"name": "X-Mms-Message-Type", "value": self.name})];
        let version = json!({"name": "X-Mms-MMS-Version", "value": "1.3"});
        let mut rest = self.headers.iter().peekable();
        if let Some(first) = rest.next_if(|x| x.code == FieldCode::TRANSACTION_ID) {
            out.push(json!({"name": first.name, "value": first.json}));
        }
        out.push(version);
        out.extend(rest.map(|x| json!({"name": x.name, "value": x.json})));
        if let Some((ct, _)) = &self.body {
            out.push(json!({"name": "Content-Type", "value": ct.media().name()}));
        }
        out
    }
    fn file(&self) -> PathBuf {
        tshark_dir().join(format!("{}.mms", self.name))
    }
}

// -------------------------------------------------------------- the body

/// A slide show: SMIL, a text and an image, as multipart/related with the
/// SMIL part as its start.
fn slide_show() -> (ContentType<'static>, Body<'static>) {
    let mut m = Multipart::new();
    let mut smil = Part::new(
        ContentType::new(Media::from_name("application/smil"))
            .with(Parameter::charset(Charset::UTF_8))
            .with(Parameter::typed(0x05, ParamValue::Text(text("smil.xml")))),
        SMIL.as_bytes(),
    );
    smil.headers.push(WspHeader::ContentId {
        id: text("<smil>"),
        quoted: true,
    });
    smil.headers
        .push(WspHeader::ContentLocation(text("smil.xml")));
    m.parts.push(smil);
    let mut words = Part::new(
        ContentType::new(Media::from_name("text/plain")).with(Parameter::charset(Charset::UTF_8)),
        TEXT.as_bytes(),
    );
    words.headers.push(WspHeader::ContentId {
        id: text("<text1>"),
        quoted: true,
    });
    words
        .headers
        .push(WspHeader::ContentLocation(text("text1.txt")));
    m.parts.push(words);
    let mut image = Part::new(
        ContentType::new(Media::from_name("image/gif"))
            .with(Parameter::typed(0x05, ParamValue::Text(text("image1.gif")))),
        GIF,
    );
    image.headers.push(WspHeader::ContentId {
        id: text("<image1>"),
        quoted: true,
    });
    image
        .headers
        .push(WspHeader::ContentLocation(text("image1.gif")));
    m.parts.push(image);
    let ct = ContentType::new(Media::from_name("application/vnd.wap.multipart.related"))
        .with(Parameter::typed(
            0x09,
            ParamValue::Media(Media::from_name("application/smil")),
        ))
        .with(Parameter::typed(0x0A, ParamValue::Text(text("<smil>"))));
    (ct, Body::Multipart(m))
}

/// The JSON `body` of [`slide_show`].
fn slide_show_json() -> Json {
    json!({
        "content_type": "application/vnd.wap.multipart.related",
        "parameters": {"type": "application/smil", "start": "<smil>"},
        "parts": [
            {
                "content_type": "application/smil",
                "parameters": {"charset": "utf-8", "name": "smil.xml"},
                "headers": [
                    {"name": "Content-ID", "value": "<smil>"},
                    {"name": "Content-Location", "value": "smil.xml"}
                ],
                "size": SMIL.len()
            },
            {
                "content_type": "text/plain",
                "parameters": {"charset": "utf-8"},
                "headers": [
                    {"name": "Content-ID", "value": "<text1>"},
                    {"name": "Content-Location", "value": "text1.txt"}
                ],
                "size": TEXT.len()
            },
            {
                "content_type": "image/gif",
                "parameters": {"name": "image1.gif"},
                "headers": [
                    {"name": "Content-ID", "value": "<image1>"},
                    {"name": "Content-Location", "value": "image1.gif"}
                ],
                "size": GIF.len()
            }
        ]
    })
}

// ------------------------------------------------------------- the cases

fn from_address(s: &'static str) -> H {
    h(
        "From",
        FieldCode::FROM,
        Value::From(FromValue::Address(enc(s))),
        json!(s),
    )
}

fn message_id() -> H {
    h(
        "Message-ID",
        FieldCode::MESSAGE_ID,
        Value::Text(text(MESSAGE_ID)),
        json!(MESSAGE_ID),
    )
}

fn date() -> H {
    h("Date", FieldCode::DATE, Value::Long(DATE), json!(DATE))
}

fn to(s: &'static str) -> H {
    h("To", FieldCode::TO, address(s), json!(s))
}

fn content_location(s: &'static str) -> H {
    h(
        "X-Mms-Content-Location",
        FieldCode::CONTENT_LOCATION,
        Value::Text(text(s)),
        json!(s),
    )
}

fn token(name: &'static str, code: FieldCode, octet: u8, token: &'static str) -> H {
    h(name, code, Value::Token(octet), json!(token))
}

fn mm_state(octet: u8, state: &'static str) -> H {
    token("X-Mms-MM-State", FieldCode::MM_STATE, octet, state)
}

fn mm_flags(op: u8, flag: &'static str) -> H {
    let key = ["add", "remove", "filter"][usize::from(op - 0x80)];
    let mut j = serde_json::Map::new();
    j.insert(key.into(), json!(flag));
    h(
        "X-Mms-MM-Flags",
        FieldCode::MM_FLAGS,
        Value::MmFlags {
            op,
            flag: enc(flag),
        },
        Json::Object(j),
    )
}

fn store_status() -> [H; 2] {
    [
        token(
            "X-Mms-Store-Status",
            FieldCode::STORE_STATUS,
            0x80,
            "Success",
        ),
        h(
            "X-Mms-Store-Status-Text",
            FieldCode::STORE_STATUS_TEXT,
            address("Stored in your MMBox"),
            json!("Stored in your MMBox"),
        ),
    ]
}

fn response_ok(text: &'static str) -> [H; 2] {
    [
        token(
            "X-Mms-Response-Status",
            FieldCode::RESPONSE_STATUS,
            0x80,
            "Ok",
        ),
        h(
            "X-Mms-Response-Text",
            FieldCode::RESPONSE_TEXT,
            address(text),
            json!(text),
        ),
    ]
}

fn applic_ids() -> [H; 3] {
    [
        h(
            "X-Mms-Applic-ID",
            FieldCode::APPLIC_ID,
            Value::Text(text("com.example.postcard")),
            json!("com.example.postcard"),
        ),
        h(
            "X-Mms-Reply-Applic-ID",
            FieldCode::REPLY_APPLIC_ID,
            Value::Text(text("com.example.postcard.reply")),
            json!("com.example.postcard.reply"),
        ),
        h(
            "X-Mms-Aux-Applic-Info",
            FieldCode::AUX_APPLIC_INFO,
            Value::Text(text("layout=landscape")),
            json!("layout=landscape"),
        ),
    ]
}

fn content_class(octet: u8, name: &'static str) -> H {
    token("X-Mms-Content-Class", FieldCode::CONTENT_CLASS, octet, name)
}

fn subject(s: &'static str) -> H {
    h("Subject", FieldCode::SUBJECT, address(s), json!(s))
}

fn message_class_personal() -> H {
    h(
        "X-Mms-Message-Class",
        FieldCode::MESSAGE_CLASS,
        Value::MessageClass(MessageClass::Token(0x80)),
        json!("Personal"),
    )
}

fn relative(name: &'static str, code: FieldCode, secs: u64) -> H {
    h(
        name,
        code,
        Value::Time(Time::Relative(secs)),
        json!({"relative": secs}),
    )
}

fn previously_sent() -> [H; 2] {
    [
        h(
            "X-Mms-Previously-Sent-By",
            FieldCode::PREVIOUSLY_SENT_BY,
            Value::PreviouslySentBy {
                count: 1,
                address: enc(PHONE2),
            },
            json!({"count": 1, "address": PHONE2}),
        ),
        h(
            "X-Mms-Previously-Sent-Date",
            FieldCode::PREVIOUSLY_SENT_DATE,
            Value::PreviouslySentDate {
                count: 1,
                date: DATE - 86_400,
            },
            json!({"count": 1, "date": DATE - 86_400}),
        ),
    ]
}

fn yes_no(name: &'static str, code: FieldCode, yes: bool) -> H {
    if yes {
        token(name, code, 0x80, "Yes")
    } else {
        token(name, code, 0x81, "No")
    }
}

/// The m-mbox-descr of the MM at [`BOX_LOCATION`] (without its content):
/// the description m-mbox-view-conf carries and the body of m-mbox-descr's
/// own case adds to.
fn mbox_descr_headers() -> Vec<H> {
    let [by, when] = previously_sent();
    vec![
        message_id(),
        content_location(BOX_LOCATION),
        mm_state(0x83, "Retrieved"),
        mm_flags(0x80, "$Seen"),
        date(),
        from_address(PHONE2),
        to(PHONE),
        subject("Vacances à Zermatt"),
        message_class_personal(),
        token("X-Mms-Priority", FieldCode::PRIORITY, 0x81, "Normal"),
        h(
            "X-Mms-Expiry",
            FieldCode::EXPIRY,
            Value::Time(Time::Absolute(DATE + 604_800)),
            json!({"absolute": DATE + 604_800}),
        ),
        yes_no("X-Mms-Delivery-Report", FieldCode::DELIVERY_REPORT, false),
        yes_no("X-Mms-Read-Report", FieldCode::READ_REPORT, false),
        h(
            "X-Mms-Message-Size",
            FieldCode::MESSAGE_SIZE,
            Value::Long(29_345),
            json!(29_345),
        ),
        by,
        when,
    ]
}

fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let mut add = |code: u8, name, headers: Vec<H>, body| {
        cases.push(Case {
            message_type: MessageType(code),
            name,
            headers,
            body,
        })
    };

    // §6.1.1 M-Send.req: Transaction-Id, From, Content-Type mandatory.
    let [applic, reply_applic, aux] = applic_ids();
    add(
        0x80,
        "m-send-req",
        vec![
            tid("T-send-0001"),
            date(),
            h(
                "From",
                FieldCode::FROM,
                Value::From(FromValue::InsertAddress),
                json!("<insert-address>"),
            ),
            to(PHONE2),
            to(EMAIL),
            h("Cc", FieldCode::CC, address(PHONE), json!(PHONE)),
            h("Bcc", FieldCode::BCC, address(EMAIL), json!(EMAIL)),
            subject("Vacances à Zermatt"),
            content_class(0x81, "image-basic"),
            message_class_personal(),
            relative("X-Mms-Expiry", FieldCode::EXPIRY, 604_800),
            relative("X-Mms-Delivery-Time", FieldCode::DELIVERY_TIME, 3_600),
            token("X-Mms-Priority", FieldCode::PRIORITY, 0x81, "Normal"),
            token(
                "X-Mms-Sender-Visibility",
                FieldCode::SENDER_VISIBILITY,
                0x81,
                "Show",
            ),
            yes_no("X-Mms-Delivery-Report", FieldCode::DELIVERY_REPORT, true),
            yes_no("X-Mms-Read-Report", FieldCode::READ_REPORT, true),
            yes_no("X-Mms-Store", FieldCode::STORE, true),
            mm_state(0x81, "Sent"),
            mm_flags(0x80, "$Holiday"),
            token(
                "X-Mms-Reply-Charging",
                FieldCode::REPLY_CHARGING,
                0x81,
                "Requested text only",
            ),
            relative(
                "X-Mms-Reply-Charging-Deadline",
                FieldCode::REPLY_CHARGING_DEADLINE,
                172_800,
            ),
            h(
                "X-Mms-Reply-Charging-Size",
                FieldCode::REPLY_CHARGING_SIZE,
                Value::Long(1_000),
                json!(1_000),
            ),
            applic,
            reply_applic,
            aux,
            yes_no("X-Mms-DRM-Content", FieldCode::DRM_CONTENT, false),
            yes_no(
                "X-Mms-Adaptation-Allowed",
                FieldCode::ADAPTATION_ALLOWED,
                true,
            ),
        ],
        Some(slide_show()),
    );

    // §6.1.2 M-Send.conf: Response-Status mandatory; Message-ID when Ok.
    let [ok, ok_text] = response_ok("Message accepted");
    let [stored, stored_text] = store_status();
    add(
        0x81,
        "m-send-conf",
        vec![
            tid("T-send-0001"),
            ok,
            ok_text,
            message_id(),
            content_location(BOX_LOCATION),
            stored,
            stored_text,
        ],
        None,
    );

    // §6.2 M-Notification.ind: Message-Class, Message-Size, Expiry,
    // Content-Location mandatory.
    let [applic, _, _] = applic_ids();
    add(
        0x82,
        "m-notification-ind",
        vec![
            tid("T-notif-0001"),
            from_address(PHONE),
            subject("Vacances à Zermatt"),
            yes_no("X-Mms-Delivery-Report", FieldCode::DELIVERY_REPORT, false),
            yes_no("X-Mms-Stored", FieldCode::STORED, true),
            message_class_personal(),
            token("X-Mms-Priority", FieldCode::PRIORITY, 0x82, "High"),
            h(
                "X-Mms-Message-Size",
                FieldCode::MESSAGE_SIZE,
                Value::Long(29_345),
                json!(29_345),
            ),
            h(
                "X-Mms-Expiry",
                FieldCode::EXPIRY,
                Value::Time(Time::Absolute(DATE + 604_800)),
                json!({"absolute": DATE + 604_800}),
            ),
            token(
                "X-Mms-Reply-Charging",
                FieldCode::REPLY_CHARGING,
                0x83,
                "Accepted text only",
            ),
            relative(
                "X-Mms-Reply-Charging-Deadline",
                FieldCode::REPLY_CHARGING_DEADLINE,
                172_800,
            ),
            h(
                "X-Mms-Reply-Charging-Size",
                FieldCode::REPLY_CHARGING_SIZE,
                Value::Long(1_000),
                json!(1_000),
            ),
            yes_no(
                "X-Mms-Distribution-Indicator",
                FieldCode::DISTRIBUTION_INDICATOR,
                true,
            ),
            h(
                "X-Mms-Element-Descriptor",
                FieldCode::ELEMENT_DESCRIPTOR,
                Value::ElementDescriptor {
                    reference: text("<smil>"),
                    params: vec![(ElementItem::Short(2), ElementItem::Short(0x33))],
                },
                json!({"reference": "<smil>",
                       "parameters": {"type": "application/vnd.wap.multipart.related"}}),
            ),
            content_location(LOCATION),
            token(
                "X-Mms-Recommended-Retrieval-Mode",
                FieldCode::RECOMMENDED_RETRIEVAL_MODE,
                0x80,
                "Manual",
            ),
            h(
                "X-Mms-Recommended-Retrieval-Mode-Text",
                FieldCode::RECOMMENDED_RETRIEVAL_MODE_TEXT,
                address("Large message: fetch on Wi-Fi"),
                json!("Large message: fetch on Wi-Fi"),
            ),
            h(
                "X-Mms-Replace-ID",
                FieldCode::REPLACE_ID,
                Value::Text(text("MSG-20231113-0042@mmsc.example.com")),
                json!("MSG-20231113-0042@mmsc.example.com"),
            ),
            applic,
            content_class(0x81, "image-basic"),
            yes_no("X-Mms-DRM-Content", FieldCode::DRM_CONTENT, false),
        ],
        None,
    );

    // §6.2 M-NotifyResp.ind: Status mandatory.
    add(
        0x83,
        "m-notifyresp-ind",
        vec![
            tid("T-notif-0001"),
            token("X-Mms-Status", FieldCode::STATUS, 0x83, "Deferred"),
            yes_no("X-Mms-Report-Allowed", FieldCode::REPORT_ALLOWED, false),
        ],
        None,
    );

    // §6.3 M-Retrieve.conf: Date, Content-Type mandatory; Message-ID when
    // a report is requested; Transaction-Id when it answers a request.
    let [by, when] = previously_sent();
    let [applic, _, _] = applic_ids();
    add(
        0x84,
        "m-retrieve-conf",
        vec![
            tid("T-retrieve-0001"),
            message_id(),
            date(),
            from_address(PHONE),
            by,
            when,
            mm_state(0x82, "New"),
            mm_flags(0x80, "$Holiday"),
            to(PHONE2),
            h("Cc", FieldCode::CC, address(EMAIL), json!(EMAIL)),
            subject("Vacances à Zermatt"),
            message_class_personal(),
            token("X-Mms-Priority", FieldCode::PRIORITY, 0x81, "Normal"),
            yes_no("X-Mms-Delivery-Report", FieldCode::DELIVERY_REPORT, true),
            yes_no("X-Mms-Read-Report", FieldCode::READ_REPORT, true),
            token(
                "X-Mms-Retrieve-Status",
                FieldCode::RETRIEVE_STATUS,
                0x80,
                "Ok",
            ),
            h(
                "X-Mms-Retrieve-Text",
                FieldCode::RETRIEVE_TEXT,
                address("Here you are"),
                json!("Here you are"),
            ),
            yes_no(
                "X-Mms-Distribution-Indicator",
                FieldCode::DISTRIBUTION_INDICATOR,
                true,
            ),
            applic,
            content_class(0x81, "image-basic"),
            yes_no("X-Mms-DRM-Content", FieldCode::DRM_CONTENT, false),
            h(
                "X-Mms-Replace-ID",
                FieldCode::REPLACE_ID,
                Value::Text(text("MSG-20231113-0042@mmsc.example.com")),
                json!("MSG-20231113-0042@mmsc.example.com"),
            ),
        ],
        Some(slide_show()),
    );

    // §6.4 M-Acknowledge.ind.
    add(
        0x85,
        "m-acknowledge-ind",
        vec![
            tid("T-retrieve-0001"),
            yes_no("X-Mms-Report-Allowed", FieldCode::REPORT_ALLOWED, true),
        ],
        None,
    );

    // §6.6 M-Delivery.ind: Message-ID, To, Date, Status mandatory.
    add(
        0x86,
        "m-delivery-ind",
        vec![
            message_id(),
            to(PHONE2),
            date(),
            token("X-Mms-Status", FieldCode::STATUS, 0x81, "Retrieved"),
            h(
                "X-Mms-Status-Text",
                FieldCode::STATUS_TEXT,
                address("Delivered to the handset"),
                json!("Delivered to the handset"),
            ),
        ],
        None,
    );

    // §6.7.2 M-Read-Rec.ind: Message-ID, To, From, Read-Status mandatory.
    let [applic, _, _] = applic_ids();
    add(
        0x87,
        "m-read-rec-ind",
        vec![
            message_id(),
            to(PHONE),
            from_address(PHONE2),
            date(),
            token("X-Mms-Read-Status", FieldCode::READ_STATUS, 0x80, "Read"),
            applic,
        ],
        None,
    );

    // §6.7.2 M-Read-Orig.ind: Message-ID, To, From, Date, Read-Status mandatory.
    add(
        0x88,
        "m-read-orig-ind",
        vec![
            message_id(),
            to(PHONE),
            from_address(PHONE2),
            date(),
            token(
                "X-Mms-Read-Status",
                FieldCode::READ_STATUS,
                0x81,
                "Deleted without being read",
            ),
        ],
        None,
    );

    // §6.5.1 M-Forward.req: From and Content-Location (the MM to forward,
    // which stays at the MMSC) mandatory; it has no body.
    add(
        0x89,
        "m-forward-req",
        vec![
            tid("T-forward-0001"),
            date(),
            h(
                "From",
                FieldCode::FROM,
                Value::From(FromValue::InsertAddress),
                json!("<insert-address>"),
            ),
            to(EMAIL),
            relative("X-Mms-Expiry", FieldCode::EXPIRY, 259_200),
            yes_no("X-Mms-Report-Allowed", FieldCode::REPORT_ALLOWED, true),
            yes_no("X-Mms-Delivery-Report", FieldCode::DELIVERY_REPORT, true),
            yes_no("X-Mms-Read-Report", FieldCode::READ_REPORT, false),
            yes_no("X-Mms-Store", FieldCode::STORE, true),
            mm_state(0x84, "Forwarded"),
            mm_flags(0x80, "$Forwarded"),
            content_location(LOCATION),
        ],
        None,
    );

    // §6.5.2 M-Forward.conf: Response-Status mandatory.
    let [ok, ok_text] = response_ok("Forwarded");
    let [stored, stored_text] = store_status();
    add(
        0x8A,
        "m-forward-conf",
        vec![
            tid("T-forward-0001"),
            ok,
            ok_text,
            message_id(),
            content_location(BOX_LOCATION),
            stored,
            stored_text,
        ],
        None,
    );

    // §6.8.1 M-Mbox-Store.req: Content-Location mandatory.
    add(
        0x8B,
        "m-mbox-store-req",
        vec![
            tid("T-store-0001"),
            content_location(LOCATION),
            mm_state(0x83, "Retrieved"),
            mm_flags(0x80, "$Important"),
        ],
        None,
    );

    // §6.8.2 M-Mbox-Store.conf: Store-Status mandatory, Content-Location on success.
    let [stored, stored_text] = store_status();
    add(
        0x8C,
        "m-mbox-store-conf",
        vec![
            tid("T-store-0001"),
            content_location(BOX_LOCATION),
            stored,
            stored_text,
        ],
        None,
    );

    // §6.9.1 M-Mbox-View.req: every selector optional.
    add(
        0x8D,
        "m-mbox-view-req",
        vec![
            tid("T-view-0001"),
            mm_state(0x82, "New"),
            mm_state(0x83, "Retrieved"),
            mm_flags(0x82, "$Important"),
            h("X-Mms-Start", FieldCode::START, Value::Integer(0), json!(0)),
            h(
                "X-Mms-Limit",
                FieldCode::LIMIT,
                Value::Integer(10),
                json!(10),
            ),
            h(
                "X-Mms-Attributes",
                FieldCode::ATTRIBUTES,
                Value::Attribute(FieldCode::SUBJECT),
                json!("Subject"),
            ),
            h(
                "X-Mms-Attributes",
                FieldCode::ATTRIBUTES,
                Value::Attribute(FieldCode::FROM),
                json!("From"),
            ),
            h(
                "X-Mms-Attributes",
                FieldCode::ATTRIBUTES,
                Value::Attribute(FieldCode::MESSAGE_SIZE),
                json!("X-Mms-Message-Size"),
            ),
            yes_no("X-Mms-Totals", FieldCode::TOTALS, true),
            yes_no("X-Mms-Quotas", FieldCode::QUOTAS, true),
        ],
        None,
    );

    // §6.9.2 M-Mbox-View.conf: Response-Status mandatory; the descriptions
    // of the MMs found as m-mbox-descr PDUs in a multipart/mixed body.
    let [ok, _] = response_ok("");
    let descr = Case {
        message_type: MessageType::MBOX_DESCR,
        name: "m-mbox-descr",
        headers: mbox_descr_headers(),
        body: None,
    }
    .pdu()
    .encode()
    .unwrap();
    let mut found = Multipart::new();
    found.parts.push(Part::new(
        ContentType::new(Media::from_name("application/vnd.wap.mms-message")),
        descr,
    ));
    add(
        0x8E,
        "m-mbox-view-conf",
        vec![
            tid("T-view-0001"),
            ok,
            mm_state(0x82, "New"),
            h("X-Mms-Start", FieldCode::START, Value::Integer(0), json!(0)),
            h(
                "X-Mms-Limit",
                FieldCode::LIMIT,
                Value::Integer(10),
                json!(10),
            ),
            h(
                "X-Mms-Attributes",
                FieldCode::ATTRIBUTES,
                Value::Attribute(FieldCode::SUBJECT),
                json!("Subject"),
            ),
            h(
                "X-Mms-Mbox-Totals",
                FieldCode::MBOX_TOTALS,
                Value::MboxCount {
                    kind: 0x80,
                    value: 12,
                },
                json!({"messages": 12}),
            ),
            h(
                "X-Mms-Mbox-Totals",
                FieldCode::MBOX_TOTALS,
                Value::MboxCount {
                    kind: 0x81,
                    value: 40_960,
                },
                json!({"bytes": 40_960}),
            ),
            h(
                "X-Mms-Mbox-Quotas",
                FieldCode::MBOX_QUOTAS,
                Value::MboxCount {
                    kind: 0x80,
                    value: 100,
                },
                json!({"messages": 100}),
            ),
            h(
                "X-Mms-Mbox-Quotas",
                FieldCode::MBOX_QUOTAS,
                Value::MboxCount {
                    kind: 0x81,
                    value: 1_048_576,
                },
                json!({"bytes": 1_048_576}),
            ),
            h(
                "X-Mms-Message-Count",
                FieldCode::MESSAGE_COUNT,
                Value::Integer(1),
                json!(1),
            ),
        ],
        Some((
            ContentType::new(Media::from_name("application/vnd.wap.multipart.mixed")),
            Body::Multipart(found),
        )),
    );

    // §6.10.1 M-Mbox-Upload.req: Content-Type mandatory, the MM as the body.
    add(
        0x8F,
        "m-mbox-upload-req",
        vec![
            tid("T-upload-0001"),
            mm_state(0x80, "Draft"),
            mm_flags(0x80, "$Draft"),
        ],
        Some(slide_show()),
    );

    // §6.10.2 M-Mbox-Upload.conf: Store-Status mandatory.
    let [stored, stored_text] = store_status();
    add(
        0x90,
        "m-mbox-upload-conf",
        vec![
            tid("T-upload-0001"),
            content_location(BOX_LOCATION),
            stored,
            stored_text,
        ],
        None,
    );

    // §6.11.1 M-Mbox-Delete.req: one Content-Location per MM.
    add(
        0x91,
        "m-mbox-delete-req",
        vec![
            tid("T-delete-0001"),
            content_location(BOX_LOCATION),
            content_location("http://mmsc.example.com/mmbox/0002"),
        ],
        None,
    );

    // §6.11.2 M-Mbox-Delete.conf: Response-Status mandatory; the
    // status-count forms say which request entry failed.
    add(
        0x92,
        "m-mbox-delete-conf",
        delete_conf("T-delete-0001", "http://mmsc.example.com/mmbox/0002"),
        None,
    );

    // §6.12 M-Mbox-Descr: the description of one MM, with its content when
    // the view asked for the Content attribute.
    add(
        0x93,
        "m-mbox-descr",
        mbox_descr_headers(),
        Some(slide_show()),
    );

    // §6.13.1 M-Delete.req: one Content-Location per MM to delete.
    add(
        0x94,
        "m-delete-req",
        vec![
            tid("T-delete-0002"),
            content_location(LOCATION),
            content_location(LOCATION2),
        ],
        None,
    );

    // §6.13.2 M-Delete.conf.
    add(
        0x95,
        "m-delete-conf",
        delete_conf("T-delete-0002", LOCATION2),
        None,
    );

    // §6.14.1 M-Cancel.req: Cancel-ID mandatory.
    add(
        0x96,
        "m-cancel-req",
        vec![
            tid("T-cancel-0001"),
            h(
                "X-Mms-Cancel-ID",
                FieldCode::CANCEL_ID,
                Value::Text(text(MESSAGE_ID)),
                json!(MESSAGE_ID),
            ),
        ],
        None,
    );

    // §6.14.2 M-Cancel.conf.
    add(
        0x97,
        "m-cancel-conf",
        vec![
            tid("T-cancel-0001"),
            token(
                "X-Mms-Cancel-Status",
                FieldCode::CANCEL_STATUS,
                0x80,
                "Cancel Request Successfully received",
            ),
        ],
        None,
    );
    cases
}

/// The headers of a delete confirmation whose second entry, `failed`,
/// was not found.
fn delete_conf(t: &'static str, failed: &'static str) -> Vec<H> {
    vec![
        tid(t),
        h(
            "X-Mms-Content-Location",
            FieldCode::CONTENT_LOCATION,
            counted(2, Value::Text(text(failed))),
            json!({"count": 2, "value": failed}),
        ),
        h(
            "X-Mms-Response-Status",
            FieldCode::RESPONSE_STATUS,
            counted(2, Value::Token(0xE4)),
            json!({"count": 2, "value": "Error-permanent-message-not-found"}),
        ),
        h(
            "X-Mms-Response-Text",
            FieldCode::RESPONSE_TEXT,
            counted(2, address("No such message")),
            json!({"count": 2, "value": "No such message"}),
        ),
    ]
}

// ------------------------------------------------------------- the tests

#[test]
fn every_message_type_has_a_case() {
    let cases = cases();
    let codes: Vec<u8> = cases.iter().map(|c| c.message_type.0).collect();
    assert_eq!(codes, (0x80..=0x97).collect::<Vec<u8>>());
    for c in &cases {
        assert_eq!(
            c.message_type.name(),
            Some(c.name),
            "{:#x}",
            c.message_type.0
        );
    }
}

#[test]
fn every_message_type_encodes_and_decodes_to_the_same_pdu() {
    for c in cases() {
        let pdu = c.pdu();
        let bytes = pdu.encode().unwrap_or_else(|e| panic!("{}: {e}", c.name));
        assert_eq!(bytes.len(), pdu.encoded_len(), "{}", c.name);
        let back = Pdu::decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", c.name));
        assert!(back.warnings.is_empty(), "{}: {:?}", c.name, back.warnings);
        assert!(back.trailing.is_empty(), "{}", c.name);
        // The same decoding when nothing is tolerated.
        let strict_opts = mms_pdu::DecodeOptions {
            strict: true,
            ..Default::default()
        };
        let strict = Pdu::decode_with(&bytes, &strict_opts)
            .unwrap_or_else(|e| panic!("{} (strict): {e}", c.name));
        assert_eq!(strict.headers.len(), back.headers.len(), "{}", c.name);

        assert_eq!(back.message_type(), Some(c.message_type), "{}", c.name);
        assert_eq!(back.version(), Some(Version::V1_3), "{}", c.name);
        assert_eq!(back.headers.len(), pdu.headers.len(), "{}", c.name);
        for (built, got) in pdu.headers.iter().zip(&back.headers) {
            assert_eq!(got.code(), built.code(), "{}", c.name);
            match (built.value(), got.value()) {
                // A content type records whether the wire had the general
                // form; compare what it says and how it is written.
                (Some(Value::ContentType(a)), Some(Value::ContentType(b))) => {
                    assert_eq!(a.media(), b.media(), "{}", c.name);
                    assert_eq!(a.params(), b.params(), "{}", c.name);
                    assert_eq!(a.to_vec(), b.to_vec(), "{}", c.name);
                }
                (a, b) => assert_eq!(a, b, "{}: {:?}", c.name, built.code()),
            }
        }
        match (&pdu.body, &back.body) {
            (None, None) => {}
            (Some(Body::Multipart(a)), Some(Body::Multipart(b))) => {
                assert_eq!(a.parts.len(), b.parts.len(), "{}", c.name);
                for (pa, pb) in a.parts.iter().zip(&b.parts) {
                    assert_eq!(pa.content_type.to_vec(), pb.content_type.to_vec());
                    assert_eq!(pa.headers, pb.headers, "{}", c.name);
                    assert_eq!(pa.data, pb.data, "{}", c.name);
                }
            }
            (a, b) => panic!("{}: body {a:?} became {b:?}", c.name),
        }
        // And back to the same octets.
        assert_eq!(back.encode().unwrap(), bytes, "{}", c.name);
    }
}

#[test]
fn every_message_type_dumps_under_the_names_of_mms_enc() {
    for c in cases() {
        let bytes = c.pdu().encode().unwrap();
        let pdu = Pdu::decode(&bytes).unwrap();
        let doc = dump::pdu_to_json(&pdu, dump::Options { with_data: false });
        assert_eq!(doc["message_type"], c.name);
        assert_eq!(doc["mms_version"], "1.3", "{}", c.name);
        assert_eq!(
            doc["headers"],
            Json::Array(c.expected_headers()),
            "{}",
            c.name
        );
        match c.name {
            "m-send-req" | "m-retrieve-conf" | "m-mbox-upload-req" | "m-mbox-descr" => {
                assert_eq!(doc["body"], slide_show_json(), "{}", c.name)
            }
            "m-mbox-view-conf" => {
                let part = &doc["body"]["parts"][0];
                assert_eq!(part["content_type"], "application/vnd.wap.mms-message");
                // The description inside is an m-mbox-descr of its own.
                let Some(Body::Multipart(m)) = &pdu.body else {
                    panic!("m-mbox-view-conf has no multipart body")
                };
                let inner = Pdu::decode(&m.parts[0].data).unwrap();
                let inner = dump::pdu_to_json(&inner, dump::Options::default());
                assert_eq!(inner["message_type"], "m-mbox-descr");
                assert_eq!(inner["body"], Json::Null);
            }
            _ => assert_eq!(doc["body"], Json::Null, "{}", c.name),
        }
        // The dump composes back to the very octets.
        let full = dump::pdu_to_json(&pdu, dump::Options { with_data: true });
        let line = serde_json::to_string(&full).unwrap();
        let again = compose::compose(&serde_json::from_str(&line).unwrap(), None)
            .unwrap_or_else(|e| panic!("{}: {e}", c.name));
        assert_eq!(again, bytes, "{}: dump → compose", c.name);
    }
}

fn tshark_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/tshark")
}

/// The m-notification-ind in the WAP push that announces it (with
/// Content-Length and Push-Flag, as operators send it).
fn notification_push() -> Vec<u8> {
    let notification = cases()
        .into_iter()
        .find(|c| c.name == "m-notification-ind")
        .unwrap()
        .pdu()
        .encode()
        .unwrap();
    let mut push = Push::mms(1, notification.clone());
    push.headers
        .push(integer_header(CONTENT_LENGTH, notification.len() as u64));
    push.headers.push(integer_header(PUSH_FLAG, 0));
    push.to_vec().unwrap()
}

/// What `tests/tshark/` must hold: each type's PDU and the push.
fn tshark_files() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = cases()
        .iter()
        .map(|c| (c.file(), c.pdu().encode().unwrap()))
        .collect();
    files.push((
        tshark_dir().join("m-notification-ind.push"),
        notification_push(),
    ));
    files
}

#[test]
fn tshark_files_are_what_this_test_builds() {
    let bless = std::env::var_os("MMS_PDU_BLESS").is_some();
    for (path, bytes) in tshark_files() {
        if bless {
            std::fs::write(&path, &bytes).unwrap();
            continue;
        }
        let on_disk = std::fs::read(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (write the files with MMS_PDU_BLESS=1 cargo test --test all_types)",
                path.display()
            )
        });
        assert!(
            on_disk == bytes,
            "{} is stale: rewrite it with MMS_PDU_BLESS=1 cargo test --test all_types",
            path.display()
        );
    }
    // Nothing else there but the script and its notes.
    let mut names: Vec<String> = std::fs::read_dir(tshark_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".mms") || n.ends_with(".push"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 25, "{names:?}");
}

#[test]
fn the_push_carries_the_notification() {
    let bytes = notification_push();
    let push = Push::decode(&bytes).unwrap();
    assert_eq!(push.tid, Some(1));
    assert!(push.is_mms());
    let pdu = push.mms_pdu().unwrap().unwrap();
    assert_eq!(pdu.message_type(), Some(MessageType::NOTIFICATION_IND));
    let doc = dump::with_push(&push, dump::pdu_to_json(&pdu, dump::Options::default()));
    assert_eq!(
        doc["push"]["headers"],
        json!([
            {"name": "X-Wap-Application-Id", "value": "x-wap-application:mms.ua"},
            {"name": "Content-Length", "value": push.body.len()},
            {"name": "Push-Flag", "value": 0}
        ])
    );
}

#[test]
fn the_hand_written_documents_of_check_sh_compose() {
    let read = |name: &str| -> Json {
        let text = std::fs::read_to_string(tshark_dir().join(name)).unwrap();
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let doc = read("hand-written.json");
    let bytes = compose::compose(&doc, None).unwrap();
    let pdu = Pdu::decode(&bytes).unwrap();
    assert!(pdu.warnings.is_empty());
    assert_eq!(pdu.message_type(), Some(MessageType::SEND_REQ));
    let Some(Body::Multipart(m)) = &pdu.body else {
        panic!("no multipart body")
    };
    assert_eq!(m.parts.len(), 2);
    assert_eq!(m.parts[1].text().unwrap().text, "Bonjour de Genève !");

    let doc = read("hand-written-push.json");
    let bytes = compose::compose(&doc, None).unwrap();
    let push = Push::decode(&bytes).unwrap();
    assert_eq!(push.tid, Some(7));
    let pdu = push.mms_pdu().unwrap().unwrap();
    assert_eq!(pdu.message_type(), Some(MessageType::NOTIFICATION_IND));
    assert_eq!(dump::push_to_json(&push)["headers"], doc["push"]["headers"]);
}
