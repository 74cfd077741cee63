//! The store-and-forward flow of the `mmsc` and `mms_client` examples, in
//! process: the MMSC on 127.0.0.1 (an ephemeral port), the client's
//! handsets talking to it over HTTP, and every PDU of every step decoded
//! again here and checked: m-send-req → m-send-conf (MMS_ENC 1.3 §6.1),
//! the WAP push over SMS and its m-notification-ind (§6.2), the
//! m-retrieve-conf (§6.3), m-notifyresp-ind / m-acknowledge-ind, the
//! sender's m-delivery-ind (§6.5); a handset without MMS (text SMS, web
//! page); an e-mail recipient (an .eml in the outbox, feature `mail`); the
//! errors.

#[allow(dead_code)]
#[path = "../examples/shared/mmsc_flow/smsc.rs"]
mod smsc;

#[allow(dead_code)]
#[path = "../examples/shared/mmsc_flow/mmsc.rs"]
mod mmsc;

#[allow(dead_code)]
#[path = "../examples/shared/mmsc_flow/client.rs"]
mod client;

use std::future::Future;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hyper::Method;
use mms_pdu::gsm7;
use mms_pdu::mms::message::{
    AcknowledgeInd, DeliveryInd, ForwardConf, ForwardReq, Message, NotificationInd, NotifyRespInd,
    RetrieveConf, SendConf, SendReq,
};
use mms_pdu::mms::typed::{ResponseStatus, Status};
use mms_pdu::mms::view::PduView;
use mms_pdu::sms::UserData;
use mms_pdu::wsp::push::{AppId, Push, PushType};
use mms_pdu::wsp::{EncodedString, Text};
use mms_pdu::{Body, FromValue, MessageClass, Time};
use tokio::net::TcpListener;

const SENDER: &str = "+15551230001";
const RECIPIENT: &str = "+15551230002";
const OTHER: &str = "+15551230003";
const LEGACY: &str = "+15550000000";

/// A real 1×1 PNG (an independent decoder checks it), with NULs and high
/// octets.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xDF, 0xC0, 0x00,
    0x00, 0x04, 0x01, 0x01, 0x80, 0xC5, 0x2A, 0x18, 0x5D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E,
    0x44, 0xAE, 0x42, 0x60, 0x82,
];
const SUBJECT: &str = "Gruyère & <cheese>";
const TEXT: &str = "Hello <b>world</b> & \"all\"";

/// Every test is bounded: a hung socket fails it rather than the suite.
async fn bounded<F: Future<Output = ()>>(f: F) {
    tokio::time::timeout(Duration::from_secs(20), f)
        .await
        .expect("the test took more than 20 s");
}

async fn start(config: mmsc::Config) -> mmsc::Mmsc {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    mmsc::start(listener, config).await.unwrap()
}

fn options(server: &mmsc::Mmsc, to: &[&str]) -> client::Options {
    let mut o = client::Options::new(server.url(), SENDER, to);
    o.subject = Some(SUBJECT.into());
    o.text = Some(TEXT.into());
    o.image = Some(client::Attachment::new("cat.png", PNG.to_vec()));
    o.timeout = Duration::from_secs(2);
    o
}

async fn run(opts: &client::Options) -> (client::Flow, String) {
    let mut log = Vec::new();
    let flow = client::run(opts, &mut log).await;
    let log = String::from_utf8(log).unwrap();
    match flow {
        Ok(f) => (f, log),
        Err(e) => panic!("the client failed: {e}\n{log}"),
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn plmn(n: &str) -> String {
    format!("{n}/TYPE=PLMN")
}

fn address(f: &Option<FromValue<'_>>) -> Option<String> {
    match f {
        Some(FromValue::Address(a)) => Some(a.to_string_lossy().into_owned()),
        _ => None,
    }
}

async fn get(url: &str) -> client::HttpResponse {
    client::http(Method::GET, url, &[], Vec::new())
        .await
        .unwrap()
}

/// A GET by the handset of `number` (its X-MSISDN, as a gateway adds it).
async fn get_as(url: &str, number: &str) -> client::HttpResponse {
    client::http(Method::GET, url, &[("x-msisdn", number)], Vec::new())
        .await
        .unwrap()
}

async fn outbox(server: &mmsc::Mmsc, number: &str) -> String {
    let r = get_as(&format!("{}/smsc/{number}", server.url()), number).await;
    assert_eq!(r.status, 200);
    String::from_utf8(r.body).unwrap()
}

/// The parts of a PDU's multipart body, as (MIME type, octets).
fn parts(body: &Option<Body<'_>>) -> Vec<(String, Vec<u8>)> {
    match body {
        Some(Body::Multipart(m)) => m
            .parts
            .iter()
            .map(|p| (p.content_type.to_string(), p.data.to_vec()))
            .collect(),
        other => panic!("not a multipart body: {other:?}"),
    }
}

#[tokio::test]
async fn a_message_is_submitted_notified_retrieved_and_reported() {
    bounded(async {
        let server = start(mmsc::Config::default()).await;
        let opts = options(&server, &[RECIPIENT]);
        let (flow, log) = run(&opts).await;
        let before = now();

        // m-send-req, as the builder wrote it: From the Insert-address-token.
        let req = SendReq::decode_strict(&flow.send_req).unwrap();
        assert_eq!(req.from, FromValue::InsertAddress);
        assert_eq!(req.to[0].as_str(), Some(plmn(RECIPIENT).as_str()));
        assert_eq!(req.delivery_report, Some(true));

        // m-send-conf (§6.1.2): the same Transaction-Id, Ok, a Message-ID.
        assert_eq!(flow.send_status, 200);
        let conf = SendConf::decode_strict(&flow.send_conf).unwrap();
        assert_eq!(conf.transaction_id, req.transaction_id);
        assert_eq!(conf.response_status, ResponseStatus::OK);
        let message_id = conf.message_id.clone().expect("a Message-ID");
        assert!(!message_id.is_empty());
        assert_eq!(flow.message_id.as_deref(), message_id.as_str());

        // The recipient's SMS: 8-bit data to the WAP push port.
        let r = &flow.recipients[0];
        assert_eq!(r.number, RECIPIENT);
        assert!(!r.sms.is_empty());
        for line in &r.sms {
            let sms = smsc::Sms::parse(line).unwrap();
            assert_eq!(
                (sms.dcs, sms.udhi, sms.udl),
                (smsc::DCS_8BIT, true, sms.ud.len())
            );
            assert!(sms.ud.len() <= 140);
            let ud = UserData::decode(&sms.ud).unwrap();
            assert_eq!(ud.ports, Some((2948, 9200)));
        }
        // The WSP push (WAP-230 §8.2.4.1) to the MMS user agent.
        assert_eq!(r.pushes.len(), 1);
        assert_eq!(r.pushes[0].ports, Some((2948, 9200)));
        let push = Push::decode(&r.pushes[0].payload).unwrap();
        assert!(push.warnings.is_empty(), "{:?}", push.warnings);
        assert!(push.tid.is_some());
        assert_eq!(push.pdu_type, PushType::Push);
        assert!(push.is_mms());
        assert_eq!(
            push.content_type.media().name(),
            "application/vnd.wap.mms-message"
        );
        assert_eq!(push.application_id(), Some(AppId::Code(4)));
        assert_eq!(push.body.as_ref(), r.notifications[0].as_slice());

        // m-notification-ind (§6.2), strictly.
        let ind = NotificationInd::decode_strict(&r.notifications[0]).unwrap();
        assert!(ind.warnings.is_empty());
        let tid = ind.transaction_id.to_string_lossy().into_owned();
        assert!(!tid.is_empty());
        assert_eq!(
            ind.content_location.as_str(),
            Some(format!("{}/mms/{tid}", server.url()).as_str())
        );
        assert_eq!(address(&ind.from), Some(plmn(SENDER)));
        assert_eq!(ind.subject.as_ref().unwrap().to_string_lossy(), SUBJECT);
        assert_eq!(ind.message_class, MessageClass::Token(0x80));
        assert_eq!(ind.expiry, Time::Relative(7 * 24 * 3600));
        assert_eq!(ind.delivery_report, Some(true));

        // m-retrieve-conf (§6.3) at the Content-Location.
        let (rc_bytes, rc_type) = r.retrieve_conf.clone().expect("the message was fetched");
        assert_eq!(rc_type.as_deref(), Some(client::MMS_MEDIA_TYPE));
        // X-Mms-Message-Size is the size of the MM: the octets the
        // recipient downloads, the whole m-retrieve-conf.
        assert_eq!(ind.message_size, rc_bytes.len() as u64);
        let rc = RetrieveConf::decode_strict(&rc_bytes).unwrap();
        assert!(rc.warnings.is_empty());
        assert_eq!(rc.transaction_id.as_ref(), Some(&ind.transaction_id));
        assert_eq!(rc.message_id.as_ref(), Some(&message_id));
        assert_eq!(address(&rc.from), Some(plmn(SENDER)));
        assert_eq!(rc.to, req.to);
        assert_eq!(rc.subject, req.subject);
        assert!(rc.date <= before && rc.date + 60 >= before);
        assert_eq!(rc.content_type, req.content_type);
        // The parts as sent: types and octets, and the body octet for octet.
        let sent = parts(&req.body);
        assert_eq!(parts(&rc.body), sent);
        assert_eq!(
            sent.iter()
                .map(|(t, _)| t.split(';').next().unwrap())
                .collect::<Vec<_>>(),
            ["application/smil", "image/png", "text/plain"]
        );
        assert_eq!(sent[1].1, PNG);
        assert_eq!(sent[2].1, TEXT.as_bytes());
        assert_eq!(
            PduView::parse(&rc_bytes).unwrap().body(),
            PduView::parse(&flow.send_req).unwrap().body()
        );

        // m-notifyresp-ind Retrieved, accepted: 200 (handsets take no
        // other status as success).
        assert_eq!(r.answers.len(), 1);
        let (answer, status) = &r.answers[0];
        assert_eq!(*status, 200);
        let answer = NotifyRespInd::decode_strict(answer).unwrap();
        assert_eq!(answer.transaction_id, ind.transaction_id);
        assert_eq!(answer.status, Status::RETRIEVED);

        // The sender's m-delivery-ind (§6.5), also by SMS.
        assert_eq!(flow.delivery_reports.len(), 1, "{log}");
        for line in &flow.sender_sms {
            let sms = smsc::Sms::parse(line).unwrap();
            assert_eq!(UserData::decode(&sms.ud).unwrap().ports, Some((2948, 9200)));
        }
        let report = DeliveryInd::decode_strict(&flow.delivery_reports[0]).unwrap();
        assert_eq!(report.message_id, message_id);
        assert_eq!(report.to.to_string_lossy(), plmn(RECIPIENT));
        assert_eq!(report.status, Status::RETRIEVED);
        assert!(report.date + 60 >= before && report.date <= now());

        // Everything was read: the queues are empty.
        assert_eq!(outbox(&server, RECIPIENT).await, "");
        assert_eq!(outbox(&server, SENDER).await, "");
        // The log says each step.
        for step in [
            "m-send-conf",
            "m-notification-ind",
            "m-retrieve-conf",
            "m-delivery-ind",
        ] {
            assert!(log.contains(step), "{step} missing from\n{log}");
        }
        server.shutdown().await;
    })
    .await;
}

#[tokio::test]
async fn a_deferred_retrieval_is_acknowledged_and_both_statuses_reported() {
    bounded(async {
        let server = start(mmsc::Config::default()).await;
        let mut opts = options(&server, &[RECIPIENT]);
        opts.deferred = true;
        opts.insert_address = false; // From written out by the sender
        let (flow, log) = run(&opts).await;
        let r = &flow.recipients[0];
        let ind = NotificationInd::decode_strict(&r.notifications[0]).unwrap();
        let (rc_bytes, _) = r.retrieve_conf.clone().unwrap();
        let rc = RetrieveConf::decode_strict(&rc_bytes).unwrap();
        assert_eq!(address(&rc.from), Some(plmn(SENDER)));

        assert_eq!(r.answers.len(), 2, "{log}");
        let deferred = NotifyRespInd::decode_strict(&r.answers[0].0).unwrap();
        assert_eq!(deferred.status, Status::DEFERRED);
        assert_eq!(deferred.transaction_id, ind.transaction_id);
        assert_eq!(r.answers[0].1, 200);
        let ack = AcknowledgeInd::decode_strict(&r.answers[1].0).unwrap();
        assert_eq!(Some(&ack.transaction_id), rc.transaction_id.as_ref());
        assert_eq!(r.answers[1].1, 200);

        let statuses: Vec<Status> = flow
            .delivery_reports
            .iter()
            .map(|d| DeliveryInd::decode_strict(d).unwrap().status)
            .collect();
        assert_eq!(statuses, [Status::DEFERRED, Status::RETRIEVED]);
        server.shutdown().await;
    })
    .await;
}

#[tokio::test]
async fn no_delivery_report_unless_asked_and_allowed() {
    bounded(async {
        let server = start(mmsc::Config::default()).await;
        // Not asked: the notification says so, and nothing reaches the sender.
        let mut opts = options(&server, &[RECIPIENT]);
        opts.delivery_report = false;
        let (flow, _) = run(&opts).await;
        let ind = NotificationInd::decode_strict(&flow.recipients[0].notifications[0]).unwrap();
        assert_eq!(ind.delivery_report, Some(false));
        assert!(flow.delivery_reports.is_empty());
        assert_eq!(outbox(&server, SENDER).await, "");

        // Asked, but the recipient answers X-Mms-Report-Allowed: No.
        let opts = options(&server, &[RECIPIENT]);
        let req = client::build_send_req(&opts, "T-no-report").unwrap();
        let resp = client::post_pdu(server.url(), &req, Some(SENDER))
            .await
            .unwrap();
        assert!(SendConf::decode(&resp.body)
            .unwrap()
            .response_status
            .is_ok());
        let mut phone = smsc::Handset::default();
        let mut lines = Vec::new();
        let got = client::poll_outbox(
            server.url(),
            RECIPIENT,
            &mut phone,
            &mut lines,
            1,
            Duration::from_secs(2),
        )
        .await
        .unwrap();
        let Some(smsc::Received::Data { payload, .. }) = got.first() else {
            panic!("no push: {got:?}");
        };
        let push = Push::decode(payload).unwrap();
        let ind = NotificationInd::decode_strict(&push.body).unwrap();
        let fetched = get_as(ind.content_location.as_str().unwrap(), RECIPIENT).await;
        assert_eq!(fetched.status, 200);
        let answer = NotifyRespInd {
            transaction_id: ind.transaction_id.clone(),
            status: Status::RETRIEVED,
            report_allowed: Some(false),
            ..NotifyRespInd::default()
        };
        let resp = client::post_pdu(server.url(), &answer.encode().unwrap(), Some(RECIPIENT))
            .await
            .unwrap();
        assert_eq!(resp.status, 200);
        assert!(resp.body.is_empty());
        assert_eq!(outbox(&server, SENDER).await, "");
        server.shutdown().await;
    })
    .await;
}

#[tokio::test]
async fn a_handset_without_mms_gets_a_text_sms_and_a_web_page() {
    bounded(async {
        let server = start(mmsc::Config::default().legacy(LEGACY)).await;
        let opts = options(&server, &[LEGACY, OTHER]);
        let (flow, log) = run(&opts).await;
        let message_id = flow.message_id.clone().unwrap();

        // No push for the legacy number: one GSM 7-bit text, no user-data header.
        let legacy = &flow.recipients[0];
        assert!(
            legacy.pushes.is_empty() && legacy.notifications.is_empty(),
            "{log}"
        );
        assert_eq!(legacy.sms.len(), 1);
        let sms = smsc::Sms::parse(&legacy.sms[0]).unwrap();
        assert_eq!((sms.dcs, sms.udhi), (smsc::DCS_GSM7, false));
        assert!(sms.udl <= 160);
        // "Yo…" packed by hand: Y (0x59) then o (0x6F) shifted by 7.
        assert_eq!(sms.ud[..2], [0xD9, 0x77]);
        let text = &legacy.texts[0];
        let prefix = format!(
            "You have a multimedia message from {SENDER}: {}/web/",
            server.url()
        );
        assert!(text.starts_with(&prefix), "{text}");
        let url = text.split_whitespace().last().unwrap();

        // The web page: subject, sender, the text escaped, the image.
        let page = get(url).await;
        assert_eq!(page.status, 200);
        assert_eq!(
            page.content_type.as_deref(),
            Some("text/html; charset=utf-8")
        );
        let html = String::from_utf8(page.body).unwrap();
        // The client fetched the same page.
        assert_eq!(legacy.web_page.as_deref(), Some(html.as_str()));
        assert!(
            html.contains("<title>Gruyère &amp; &lt;cheese&gt;</title>"),
            "{html}"
        );
        assert!(html.contains(SENDER), "{html}");
        assert!(
            html.contains("Hello &lt;b&gt;world&lt;/b&gt; &amp; &quot;all&quot;"),
            "{html}"
        );
        assert!(!html.contains("<b>world"), "{html}");
        assert!(!html.contains("<smil"), "{html}");
        let path = url.strip_prefix(server.url()).unwrap();
        let img = format!("<img src=\"{path}/part/");
        let at = html
            .find(&img)
            .unwrap_or_else(|| panic!("no img in {html}"))
            + "<img src=\"".len();
        let src = &html[at..at + html[at..].find('"').unwrap()];
        let image = get(&format!("{}{src}", server.url())).await;
        assert_eq!(image.status, 200);
        assert_eq!(image.content_type.as_deref(), Some("image/png"));
        assert_eq!(image.body, PNG);

        // The other recipient is notified as usual; only it is reported on.
        let other = &flow.recipients[1];
        assert_eq!(other.notifications.len(), 1);
        assert!(other.texts.is_empty());
        assert_eq!(flow.delivery_reports.len(), 1);
        let report = DeliveryInd::decode_strict(&flow.delivery_reports[0]).unwrap();
        assert_eq!(report.message_id.as_str(), Some(message_id.as_str()));
        assert_eq!(report.to.to_string_lossy(), plmn(OTHER));

        // The legacy copy has no m-retrieve-conf and takes no answer.
        let id = path.trim_start_matches("/web/");
        let copy = format!("{}/mms/{id}", server.url());
        assert_eq!(get_as(&copy, LEGACY).await.status, 404);
        let answer = NotifyRespInd {
            transaction_id: Text::new(id).unwrap(),
            status: Status::RETRIEVED,
            ..NotifyRespInd::default()
        };
        let resp = client::post_pdu(server.url(), &answer.encode().unwrap(), Some(LEGACY))
            .await
            .unwrap();
        assert_eq!(resp.status, 404);
        server.shutdown().await;
    })
    .await;
}

#[tokio::test]
async fn errors_say_what_and_where() {
    bounded(async {
        let server = start(mmsc::Config {
            outbox: std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("mmsc-errors-outbox"),
            ..mmsc::Config::default()
        })
        .await;
        let url = server.url().to_string();
        let post = |body: Vec<u8>| {
            let url = url.clone();
            async move { client::post_pdu(&url, &body, Some(SENDER)).await.unwrap() }
        };
        let text = |r: &client::HttpResponse| String::from_utf8_lossy(&r.body).into_owned();

        // Garbage: 400 with the decoder's message, offset included.
        let r = post(b"this is not a PDU".to_vec()).await;
        assert_eq!(r.status, 400);
        assert!(text(&r).contains("at offset 0"), "{}", text(&r));

        // A truncated m-send-req: the decoder's error, word for word.
        let opts = options(&server, &[RECIPIENT]);
        let req = client::build_send_req(&opts, "T1").unwrap();
        let cut = (1..req.len())
            .rev()
            .map(|k| &req[..k])
            .find(|c| Message::decode(c).is_err())
            .unwrap();
        let err = Message::decode(cut).unwrap_err().to_string();
        assert!(err.contains("offset"), "{err}");
        let r = post(cut.to_vec()).await;
        assert_eq!(r.status, 400);
        assert!(text(&r).contains(&err), "{} vs {err}", text(&r));

        // Unknown ids.
        for path in ["/mms/nope", "/web/nope", "/web/nope/part/0", "/nowhere"] {
            assert_eq!(get(&format!("{url}{path}")).await.status, 404, "{path}");
        }
        let answer = NotifyRespInd {
            transaction_id: Text::new("nope").unwrap(),
            status: Status::RETRIEVED,
            ..NotifyRespInd::default()
        };
        assert_eq!(post(answer.encode().unwrap()).await.status, 404);

        // A PDU an MMSC sends, not takes: 400.
        let ind = NotificationInd {
            transaction_id: Text::new("T1").unwrap(),
            content_location: Text::new("http://x/y").unwrap(),
            ..NotificationInd::default()
        };
        let r = post(ind.encode().unwrap()).await;
        assert_eq!(r.status, 400);
        assert!(text(&r).contains("m-notification-ind"), "{}", text(&r));

        // A request with a confirmation: the confirmation, with the error.
        let fwd = ForwardReq {
            transaction_id: Text::new("F1").unwrap(),
            to: vec![EncodedString::new("+15551230009/TYPE=PLMN").unwrap()],
            content_location: Text::new("http://x/y").unwrap(),
            ..ForwardReq::default()
        };
        let r = post(fwd.encode().unwrap()).await;
        assert_eq!(r.status, 200);
        let conf = ForwardConf::decode_strict(&r.body).unwrap();
        assert_eq!(conf.transaction_id.as_str(), Some("F1"));
        assert_eq!(conf.response_status, ResponseStatus::new(0xE1));

        // m-send-req the MMSC refuses: m-send-conf with an error status.
        let refused = |body: &[u8]| {
            let c = SendConf::decode_strict(body).unwrap();
            assert!(!c.response_status.is_ok());
            assert!(c.message_id.is_none());
            assert!(c.response_text.is_some());
            c.response_status.0
        };
        // Insert-address-token and no number to insert.
        let r = client::post_pdu(&url, &req, None).await.unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(refused(&r.body), 0xE3); // sending-address-unresolved
                                            // Only an e-mail recipient, without the mail feature: unreachable
                                            // (with it, the test below delivers it).
        if !cfg!(feature = "mail") {
            let mail = SendReq::builder()
                .transaction_id("T2")
                .to("alice@example.com")
                .text("t.txt", "hi")
                .build()
                .unwrap();
            assert_eq!(refused(&post(mail.encode().unwrap()).await.body), 0xE0);
        }
        // Only an address that is neither a number nor e-mail.
        let ipv4 = SendReq::builder()
            .transaction_id("T2b")
            .to("192.0.2.1/TYPE=IPv4")
            .text("t.txt", "hi")
            .build()
            .unwrap();
        assert_eq!(refused(&post(ipv4.encode().unwrap()).await.body), 0xE0);
        // No body.
        let bare = SendReq {
            transaction_id: Text::new("T3").unwrap(),
            to: vec![EncodedString::new("+15551230002/TYPE=PLMN").unwrap()],
            ..SendReq::default()
        };
        let mut pdu = bare.to_pdu();
        pdu.headers
            .retain(|h| h.code() != Some(mms_pdu::FieldCode::CONTENT_TYPE));
        assert_eq!(refused(&post(pdu.encode().unwrap()).await.body), 0xE2);

        // Not an MMS media type; not a method the MMSC takes.
        let r = client::http(
            Method::POST,
            &format!("{url}/mms"),
            &[("content-type", "text/plain")],
            req.clone(),
        )
        .await
        .unwrap();
        assert_eq!(r.status, 415);
        let r = client::http(Method::PUT, &format!("{url}/mms"), &[], Vec::new())
            .await
            .unwrap();
        assert_eq!(r.status, 405);
        // Nothing was queued by any of that.
        assert_eq!(outbox(&server, RECIPIENT).await, "");
        server.shutdown().await;
    })
    .await;
}

#[tokio::test]
async fn a_long_notification_is_split_over_several_sms() {
    bounded(async {
        let server = start(mmsc::Config::default()).await;
        let mut opts = options(&server, &[RECIPIENT]);
        opts.subject = Some("A subject long enough to need more than one SMS: ".repeat(4));
        let (flow, _) = run(&opts).await;
        let r = &flow.recipients[0];
        assert!(r.sms.len() >= 2, "{:?}", r.sms);
        let sms: Vec<smsc::Sms> = r.sms.iter().map(|l| smsc::Sms::parse(l).unwrap()).collect();
        let headers: Vec<_> = sms
            .iter()
            .map(|s| UserData::decode(&s.ud).unwrap())
            .collect();
        for (k, h) in headers.iter().enumerate() {
            let c = h.concat.expect("a concatenation element");
            assert_eq!(usize::from(c.total), r.sms.len());
            assert_eq!(usize::from(c.seq), k + 1);
            assert_eq!(c.reference, headers[0].concat.unwrap().reference);
            assert_eq!(h.ports, Some((2948, 9200)));
        }
        let ind = NotificationInd::decode_strict(&r.notifications[0]).unwrap();
        assert_eq!(
            ind.subject.unwrap().to_string_lossy(),
            opts.subject.as_deref().unwrap()
        );
        server.shutdown().await;
    })
    .await;
}

/// Wireshark's decoder reads the push the MMSC sent and the
/// m-retrieve-conf it served as mms-pdu does (`tests/tshark/check.sh`).
/// It needs tshark and python3, so it is left out of a plain `cargo test`;
/// CI installs tshark and runs it with `--ignored` (it fails when either
/// program is missing).
#[tokio::test]
#[ignore = "needs tshark: run with `cargo test --test mmsc_flow -- --ignored`"]
async fn an_independent_decoder_agrees_with_the_flow() {
    let tshark = std::env::var("TSHARK").unwrap_or_else(|_| "tshark".into());
    let found = |cmd: &str| {
        std::process::Command::new(cmd)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    assert!(
        found(&tshark) && found("python3"),
        "this test needs {tshark} and python3 (CI installs tshark)"
    );
    let mut files = Vec::new();
    bounded(async {
        let server = start(mmsc::Config::default()).await;
        let (flow, _) = run(&options(&server, &[RECIPIENT])).await;
        let r = &flow.recipients[0];
        files.push(("notification.push", r.pushes[0].payload.clone()));
        files.push(("retrieve-conf.mms", r.retrieve_conf.clone().unwrap().0));
        files.push(("send-conf.mms", flow.send_conf.clone()));
        server.shutdown().await;
    })
    .await;
    let dir = std::env::temp_dir().join(format!("mmsc-flow-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let paths: Vec<_> = files
        .iter()
        .map(|(name, bytes)| {
            let p = dir.join(name);
            std::fs::write(&p, bytes).unwrap();
            p
        })
        .collect();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tshark/check.sh");
    let out = std::process::Command::new("bash")
        .arg(script)
        .args(&paths)
        .env("TSHARK", &tshark)
        .env("MMSDUMP", "none")
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(report.contains("0 of 3 files failed"), "{report}");
}

/// The e-mail recipient's .eml, read by Python's standard `email` package
/// (not ours): subject, addresses, then per leaf part its content type,
/// Content-ID, file name and decoded octets in hex, one a line.
#[cfg(feature = "mail")]
const PY_MAIL: &str = r#"
import email, email.policy, sys
with open(sys.argv[1], 'rb') as f:
    m = email.message_from_binary_file(f, policy=email.policy.default)
print('subject=' + ascii(str(m['subject'])))
for n in ('from', 'to', 'cc'):
    h = m[n]
    print(n + '=' + ','.join(a.addr_spec for a in h.addresses) if h is not None else n + '=')
print('type=' + m.get_content_type())
for p in m.walk():
    if p.is_multipart():
        continue
    print('part=%s|%s|%s|%s' % (p.get_content_type(), p['content-id'] or '',
        p.get_filename() or '', (p.get_payload(decode=True) or b'').hex()))
"#;

#[cfg(feature = "mail")]
#[tokio::test]
async fn an_email_recipient_gets_the_message_as_mail_in_the_outbox() {
    use mms_pdu::mail::{self, MailOptions};
    use mms_pdu::{MessageType, Pdu};

    bounded(async {
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("mmsc-outbox-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let server = start(mmsc::Config {
            outbox: dir.clone(),
            ..mmsc::Config::default()
        })
        .await;
        const ALICE: &str = "alice@example.com";
        let mut opts = options(&server, &[ALICE, RECIPIENT]);
        opts.insert_address = false;
        let req_bytes = client::build_send_req(&opts, "T-mail").unwrap();
        let r = client::post_pdu(server.url(), &req_bytes, Some(SENDER))
            .await
            .unwrap();
        assert_eq!(r.status, 200);
        let conf = SendConf::decode_strict(&r.body).unwrap();
        assert!(conf.response_status.is_ok(), "{:?}", conf.response_text);
        let message_id = conf.message_id.unwrap().to_string_lossy().into_owned();
        // The phone recipient is notified as ever; the e-mail one is not.
        assert!(outbox(&server, RECIPIENT).await.contains("ud="));
        assert_eq!(server.stats().deliveries, 1);

        let files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        let path = &files[0];
        assert_eq!(path.extension().and_then(|e| e.to_str()), Some("eml"));
        let eml = std::fs::read(path).unwrap();
        let text = String::from_utf8_lossy(&eml);
        assert!(
            text.contains(&format!("X-Mms-Message-ID: {message_id}\r\n")),
            "{text}"
        );
        assert!(text.contains("X-Mms-3GPP-MMS-Version: "), "{text}");

        // What was sent, to compare with.
        let Message::SendReq(req) = Message::decode(&req_bytes).unwrap() else {
            panic!("not an m-send-req")
        };
        let sent = parts(&req.body);
        assert_eq!(sent.len(), 3, "SMIL, image, text");

        // Our reader: the m-retrieve-conf the mail stands for.
        let back =
            mail::from_mime(&eml, MessageType::RETRIEVE_CONF, &MailOptions::default()).unwrap();
        let Message::RetrieveConf(got) = back else {
            panic!("not an m-retrieve-conf")
        };
        assert_eq!(
            got.subject
                .as_ref()
                .map(|s| s.to_string_lossy().into_owned()),
            Some(SUBJECT.to_string())
        );
        assert_eq!(address(&got.from), Some(plmn(SENDER)));
        let to: Vec<String> = got
            .to
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert_eq!(to, vec![ALICE.to_string(), plmn(RECIPIENT)]);
        assert_eq!(
            got.message_id
                .as_ref()
                .map(|m| m.to_string_lossy().into_owned()),
            Some(message_id.clone())
        );
        assert_eq!(parts(&got.body), sent);
        // And it encodes as an m-retrieve-conf that decodes again.
        let again = Message::RetrieveConf(got).encode().unwrap();
        assert_eq!(
            Pdu::decode(&again).unwrap().message_type(),
            Some(MessageType::RETRIEVE_CONF)
        );

        // Python's reader.
        let out = std::process::Command::new("python3")
            .arg("-c")
            .arg(PY_MAIL)
            .arg(path)
            .output()
            .expect("python3 must be installed: it is the independent reader of this test");
        assert!(
            out.status.success(),
            "python3 failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let lines: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(String::from)
            .collect();
        assert_eq!(lines[0], "subject='Gruy\\xe8re & <cheese>'", "{lines:?}");
        assert_eq!(lines[1], format!("from={SENDER}/TYPE=PLMN@mms.invalid"));
        assert_eq!(
            lines[2],
            format!("to={ALICE},{RECIPIENT}/TYPE=PLMN@mms.invalid")
        );
        assert_eq!(lines[3], "cc=");
        assert_eq!(lines[4], "type=multipart/related");
        let Some(Body::Multipart(m)) = &req.body else {
            panic!("not a multipart")
        };
        let expected: Vec<String> = m
            .parts
            .iter()
            .map(|p| {
                let media = p.content_type.media().name().to_ascii_lowercase();
                let id = p
                    .content_id()
                    .map(|i| format!("<{}>", i.to_string_lossy().trim_matches(['<', '>'])))
                    .unwrap_or_default();
                let name = p
                    .content_type
                    .param("name")
                    .map(|v| v.to_text().to_string())
                    .unwrap_or_default();
                let mut data = p.data.to_vec();
                if media.starts_with("text/") {
                    data = String::from_utf8(data)
                        .unwrap()
                        .replace("\r\n", "\n")
                        .into_bytes();
                }
                let hex: String = data.iter().map(|b| format!("{b:02x}")).collect();
                format!("part={media}|{id}|{name}|{hex}")
            })
            .collect();
        assert_eq!(lines[5..].to_vec(), expected);

        // Only an e-mail recipient, from a hidden sender: delivered as
        // mail alone, From an address that does not tell who.
        let mut hidden = SendReq::builder()
            .transaction_id("T-hidden")
            .to("bob@example.org")
            .subject("hidden")
            .text("t.txt", "who?")
            .build()
            .unwrap();
        hidden.sender_visibility = Some(mms_pdu::mms::typed::SenderVisibility::HIDE);
        let r = client::post_pdu(server.url(), &hidden.encode().unwrap(), Some(SENDER))
            .await
            .unwrap();
        assert!(SendConf::decode_strict(&r.body)
            .unwrap()
            .response_status
            .is_ok());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p != path)
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        let eml = std::fs::read(files.pop().unwrap()).unwrap();
        let text = String::from_utf8_lossy(&eml);
        assert!(text.contains("From: anonymous@mms.invalid\r\n"), "{text}");
        assert!(text.contains("To: bob@example.org\r\n"), "{text}");
        assert!(!text.contains(SENDER), "{text}");
        server.shutdown().await;
        let _ = std::fs::remove_dir_all(&dir);
    })
    .await;
}

#[test]
fn gsm_7bit_text_is_packed_as_the_spec_shows() {
    // TS 23.038 §6.1.2.1.1: "hellohello" packs to E8 32 9B FD 46 97 D9 EC 37.
    let (ud, udl) = gsm7::pack(&[], &gsm7::encode_lossy("hellohello").0);
    assert_eq!(ud, [0xE8, 0x32, 0x9B, 0xFD, 0x46, 0x97, 0xD9, 0xEC, 0x37]);
    assert_eq!(udl, 10);
    let (_, septets) = gsm7::unpack(&ud, udl, false).unwrap();
    assert_eq!(gsm7::decode(&septets), "hellohello");
    // The extension table and the characters outside the alphabet.
    let s = gsm7::encode_lossy("[€]é_ç").0;
    assert_eq!(s, [0x1B, 0x3C, 0x1B, 0x65, 0x1B, 0x3E, 0x05, 0x11, 0x3F]);
    assert_eq!(gsm7::decode(&s), "[€]é_?");
}

#[test]
fn a_long_text_is_concatenated_and_put_back_together() {
    let text = "0123456789 €uro [brackets] ".repeat(15);
    let messages = smsc::text_messages(&text, 42);
    assert!(messages.len() > 1);
    let mut phone = smsc::Handset::default();
    let mut whole = None;
    // Out of order, through the line form.
    for m in messages.iter().rev() {
        assert!(m.udhi && m.udl <= 160);
        let back = smsc::Sms::parse(&m.to_line()).unwrap();
        assert_eq!(&back, m);
        let header = UserData::decode(&m.ud).unwrap();
        assert_eq!(header.ports, None);
        assert_eq!(header.concat.unwrap().reference, 42);
        if let Some(r) = phone.take(&back).unwrap() {
            whole = Some(r);
        }
    }
    assert_eq!(whole, Some(smsc::Received::Text(text)));
}
