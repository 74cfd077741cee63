//! An MMS client that drives the `mmsc` example over HTTP: it sends an
//! m-send-req, then plays each recipient's handset (reads its short
//! messages, reassembles the WAP push, reads the m-notification-ind,
//! fetches the m-retrieve-conf, answers) and then the sender's (reads the
//! m-delivery-ind), printing each step. Every PDU it sent or received is
//! kept in the returned [`Flow`] for the caller to check.
//!
//! Shared by the `mms_client` example and `tests/mmsc_flow.rs` (each
//! includes it with `#[path = …] mod client;`, next to `smsc.rs`).

use std::io::Write;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::header::{CONTENT_TYPE, HOST};
use hyper::{Method, Request, Uri};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

use mms_pdu::mms::message::{
    AcknowledgeInd, DeliveryInd, Message, NotificationInd, NotifyRespInd, RetrieveConf, SendConf,
    SendReq,
};
use mms_pdu::mms::typed::Status;
use mms_pdu::smil::SlideContent;
use mms_pdu::wsp::push::Push;
use mms_pdu::wsp::Text;
use mms_pdu::{Body, FromValue, Time};

use crate::smsc::{Handset, Received, Sms};

/// The media type of MMS PDUs over HTTP.
pub const MMS_MEDIA_TYPE: &str = "application/vnd.wap.mms-message";
/// The request header with the handset's number, as the network's WAP
/// gateway adds it to every request of the handset.
pub const MSISDN_HEADER: &str = "x-msisdn";

/// An attachment read from a file.
#[derive(Debug, Clone)]
pub struct Attachment {
    /// Its name (Content-Location).
    pub name: String,
    /// Its media type.
    pub media_type: String,
    /// Its octets.
    pub data: Vec<u8>,
}

impl Attachment {
    /// An attachment whose media type follows from the name's extension.
    pub fn new(name: &str, data: Vec<u8>) -> Attachment {
        Attachment {
            name: name.to_string(),
            media_type: media_type_of(name).to_string(),
            data,
        }
    }
}

/// The media type of a file name's extension.
pub fn media_type_of(name: &str) -> &'static str {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("png") => "image/png",
        Some("gif") => "image/gif",
        Some("bmp") => "image/bmp",
        Some("wbmp") => "image/vnd.wap.wbmp",
        Some("txt") => "text/plain",
        Some("amr") => "audio/amr",
        Some("3gp") => "video/3gpp",
        Some("vcf") => "text/x-vcard",
        _ => "application/octet-stream",
    }
}

/// What to send and how to answer.
#[derive(Debug, Clone)]
pub struct Options {
    /// The MMSC's URL (`http://127.0.0.1:PORT`).
    pub mmsc: String,
    /// The sender's number.
    pub from: String,
    /// The recipients' numbers.
    pub to: Vec<String>,
    /// Subject.
    pub subject: Option<String>,
    /// A text part.
    pub text: Option<String>,
    /// An image (or other) part.
    pub image: Option<Attachment>,
    /// Ask for delivery reports (X-Mms-Delivery-Report: Yes).
    pub delivery_report: bool,
    /// Deferred retrieval: answer the notification with Deferred, fetch,
    /// then acknowledge (m-acknowledge-ind); otherwise fetch and answer
    /// Retrieved (m-notifyresp-ind).
    pub deferred: bool,
    /// Send From as the Insert-address-token; otherwise write the number
    /// in From. Either way every request carries the number in the
    /// X-MSISDN header, as a WAP gateway adds it.
    pub insert_address: bool,
    /// How long to wait for a short message to arrive.
    pub timeout: Duration,
}

impl Options {
    /// Sending `from` → `to` through `mmsc`, with a delivery report,
    /// immediate retrieval and the Insert-address-token.
    pub fn new(mmsc: &str, from: &str, to: &[&str]) -> Options {
        Options {
            mmsc: mmsc.trim_end_matches('/').to_string(),
            from: from.to_string(),
            to: to.iter().map(|s| s.to_string()).collect(),
            subject: None,
            text: None,
            image: None,
            delivery_report: true,
            deferred: false,
            insert_address: true,
            timeout: Duration::from_secs(5),
        }
    }
}

/// Every PDU of one run, as sent or received.
#[derive(Debug, Clone, Default)]
pub struct Flow {
    /// The m-send-req posted.
    pub send_req: Vec<u8>,
    /// The HTTP status of that POST.
    pub send_status: u16,
    /// The m-send-conf received.
    pub send_conf: Vec<u8>,
    /// Its Message-ID.
    pub message_id: Option<String>,
    /// What each recipient's handset went through, in the order of `to`.
    pub recipients: Vec<RecipientFlow>,
    /// The sender's short messages, as lines.
    pub sender_sms: Vec<String>,
    /// The m-delivery-ind PDUs the sender received (push bodies).
    pub delivery_reports: Vec<Vec<u8>>,
}

/// One recipient's side of a run.
#[derive(Debug, Clone, Default)]
pub struct RecipientFlow {
    /// Its number.
    pub number: String,
    /// Its short messages, as lines.
    pub sms: Vec<String>,
    /// The WSP pushes they made.
    pub pushes: Vec<PushReceived>,
    /// The m-notification-ind PDUs (push bodies).
    pub notifications: Vec<Vec<u8>>,
    /// The m-retrieve-conf fetched, with the HTTP Content-Type.
    pub retrieve_conf: Option<(Vec<u8>, Option<String>)>,
    /// The m-notifyresp-ind and m-acknowledge-ind posted, each with the
    /// HTTP status it got.
    pub answers: Vec<(Vec<u8>, u16)>,
    /// Text messages (for a handset without MMS).
    pub texts: Vec<String>,
    /// The web page a text message linked to.
    pub web_page: Option<String>,
}

/// A WSP push as the SMS stack handed it over.
#[derive(Debug, Clone, Default)]
pub struct PushReceived {
    /// The push PDU.
    pub payload: Vec<u8>,
    /// The WDP destination and source ports.
    pub ports: Option<(u16, u16)>,
}

/// An HTTP response.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// Content-Type, when given.
    pub content_type: Option<String>,
    /// Body.
    pub body: Vec<u8>,
}

/// One HTTP/1.1 request on a connection of its own, with a timeout.
pub async fn http(
    method: Method,
    url: &str,
    headers: &[(&str, &str)],
    body: Vec<u8>,
) -> Result<HttpResponse, String> {
    let uri: Uri = url.parse().map_err(|e| format!("{url}: {e}"))?;
    if uri.scheme_str() != Some("http") {
        return Err(format!("{url}: only http:// URLs are handled"));
    }
    let authority = uri
        .authority()
        .ok_or_else(|| format!("{url}: no host"))?
        .clone();
    let path = uri.path_and_query().map_or("/", |p| p.as_str()).to_string();
    let exchange = async {
        let port = authority.port_u16().unwrap_or(80);
        let stream = TcpStream::connect((authority.host(), port))
            .await
            .map_err(|e| format!("connecting to {authority}: {e}"))?;
        let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| format!("{url}: {e}"))?;
        tokio::spawn(async move {
            let _ = connection.await;
        });
        let mut request = Request::builder()
            .method(method.clone())
            .uri(path)
            .header(HOST, authority.as_str());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request
            .body(Full::new(Bytes::from(body)))
            .map_err(|e| format!("{url}: {e}"))?;
        let response = sender
            .send_request(request)
            .await
            .map_err(|e| format!("{method} {url}: {e}"))?;
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(|e| format!("{method} {url}: {e}"))?
            .to_bytes()
            .to_vec();
        Ok(HttpResponse {
            status,
            content_type,
            body,
        })
    };
    tokio::time::timeout(Duration::from_secs(10), exchange)
        .await
        .map_err(|_| format!("{url}: no answer in 10 s"))?
}

/// POSTs an MMS PDU to the MMSC.
pub async fn post_pdu(
    mmsc: &str,
    pdu: &[u8],
    msisdn: Option<&str>,
) -> Result<HttpResponse, String> {
    let mut headers = vec![("content-type", MMS_MEDIA_TYPE)];
    if let Some(n) = msisdn {
        headers.push((MSISDN_HEADER, n));
    }
    http(Method::POST, &format!("{mmsc}/mms"), &headers, pdu.to_vec()).await
}

/// The m-send-req of `opts` (MMS_ENC 1.3 §6.1.1), built with the crate's
/// builder: one slide with the image and the text, laid out by the SMIL
/// presentation the builder writes.
pub fn build_send_req(opts: &Options, transaction_id: &str) -> Result<Vec<u8>, String> {
    let mut b = SendReq::builder()
        .transaction_id(transaction_id)
        .delivery_report(opts.delivery_report);
    if !opts.insert_address {
        b = b.from(opts.from.as_str());
    }
    for to in &opts.to {
        b = b.to(to.as_str());
    }
    if let Some(s) = &opts.subject {
        b = b.subject(s.as_str());
    }
    let mut slide = SlideContent::new();
    if let Some(img) = &opts.image {
        slide = slide.attachment(&img.name, &img.media_type, img.data.as_slice());
    }
    match (&opts.text, &opts.image) {
        (Some(t), _) => slide = slide.text("text.txt", t),
        (None, None) => slide = slide.text("text.txt", "Hello from mms_client"),
        (None, Some(_)) => {}
    }
    let req = b.slide(slide).build().map_err(|e| e.to_string())?;
    req.encode().map_err(|e| e.to_string())
}

/// Sends the message of `opts` and plays every handset, writing each step
/// to `out`. An error is a step that could not be done (the MMSC
/// unreachable, a PDU that does not decode, a refused message).
pub async fn run(opts: &Options, out: &mut dyn Write) -> Result<Flow, String> {
    let mut flow = Flow::default();
    let tid = format!(
        "T{:x}",
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_micros())
    );
    let send_req = build_send_req(opts, &tid)?;
    say(
        out,
        format!(
            "1. {} → POST {}/mms: m-send-req, {} octets, Transaction-Id {tid}, To {}{}",
            opts.from,
            opts.mmsc,
            send_req.len(),
            opts.to.join(", "),
            opts.subject
                .as_ref()
                .map(|s| format!(", Subject {s:?}"))
                .unwrap_or_default()
        ),
    );
    // The number goes in X-MSISDN as the network's gateway adds it, with
    // From the Insert-address-token or the same number.
    let resp = post_pdu(&opts.mmsc, &send_req, Some(opts.from.as_str())).await?;
    flow.send_req = send_req;
    flow.send_status = resp.status;
    if resp.status != 200 {
        return Err(format!(
            "the MMSC answered the m-send-req with HTTP {}: {}",
            resp.status,
            String::from_utf8_lossy(&resp.body).trim()
        ));
    }
    flow.send_conf = resp.body;
    let conf = SendConf::decode(&flow.send_conf).map_err(|e| format!("m-send-conf: {e}"))?;
    say(
        out,
        format!(
            "   ← m-send-conf: Response-Status {}{}{}",
            conf.response_status,
            conf.message_id
                .as_ref()
                .map(|m| format!(", Message-ID {}", m.to_string_lossy()))
                .unwrap_or_default(),
            conf.response_text
                .as_ref()
                .map(|t| format!(", Response-Text {:?}", t.to_string_lossy()))
                .unwrap_or_default(),
        ),
    );
    if !conf.response_status.is_ok() {
        return Err(format!(
            "the MMSC refused the message: {}",
            conf.response_status
        ));
    }
    flow.message_id = conf
        .message_id
        .as_ref()
        .map(|m| m.to_string_lossy().into_owned());

    let mut step = 2;
    let mut notified = 0usize;
    for to in &opts.to {
        let mut r = RecipientFlow {
            number: to.clone(),
            ..RecipientFlow::default()
        };
        let mut phone = Handset::default();
        say(
            out,
            format!("{step}. {to} reads its SMS: GET {}/smsc/{to}", opts.mmsc),
        );
        step += 1;
        let received = poll_outbox(&opts.mmsc, to, &mut phone, &mut r.sms, 1, opts.timeout).await?;
        if received.is_empty() {
            say(out, "   (nothing arrived)");
        }
        for item in received {
            match item {
                Received::Data { payload, ports } => {
                    let body = read_push(&payload, ports, out)?;
                    r.pushes.push(PushReceived { payload, ports });
                    match Message::decode(&body) {
                        Ok(Message::NotificationInd(_)) => {
                            r.notifications.push(body.clone());
                            notified += 1;
                            retrieve(opts, &body, &mut r, &mut step, out).await?;
                        }
                        Ok(Message::DeliveryInd(_)) => {
                            print_delivery(&body, out)?;
                            flow.delivery_reports.push(body);
                        }
                        Ok(other) => say(
                            out,
                            format!("   {} (not handled here)", other.message_type()),
                        ),
                        Err(e) => return Err(format!("the push carries no MMS PDU: {e}")),
                    }
                }
                Received::Text(t) => {
                    say(out, format!("   text SMS: {t:?}"));
                    if let Some(url) = t.split_whitespace().find(|w| w.starts_with("http://")) {
                        let page = http(Method::GET, url, &[], Vec::new()).await?;
                        let html = String::from_utf8_lossy(&page.body).into_owned();
                        say(
                            out,
                            format!(
                                "   GET {url} → {} {}, {} octets, title {:?}",
                                page.status,
                                page.content_type.as_deref().unwrap_or("-"),
                                page.body.len(),
                                title_of(&html).unwrap_or_default()
                            ),
                        );
                        r.web_page = Some(html);
                    }
                    r.texts.push(t);
                }
            }
        }
        flow.recipients.push(r);
    }

    if opts.delivery_report && notified > 0 {
        // One report per answer that changed the recipient's status:
        // Deferred then Retrieved for a deferred retrieval.
        let want = notified * if opts.deferred { 2 } else { 1 };
        say(
            out,
            format!(
                "{step}. {} (the sender) reads its SMS: GET {}/smsc/{}",
                opts.from, opts.mmsc, opts.from
            ),
        );
        let mut phone = Handset::default();
        let want_more = want.saturating_sub(flow.delivery_reports.len());
        let received = poll_outbox(
            &opts.mmsc,
            &opts.from,
            &mut phone,
            &mut flow.sender_sms,
            want_more,
            opts.timeout,
        )
        .await?;
        for item in received {
            let Received::Data { payload, ports } = item else {
                continue;
            };
            let body = read_push(&payload, ports, out)?;
            print_delivery(&body, out)?;
            flow.delivery_reports.push(body);
        }
        if flow.delivery_reports.len() < want {
            say(
                out,
                format!(
                    "   {} delivery report(s) of the {want} expected",
                    flow.delivery_reports.len()
                ),
            );
        }
    }
    Ok(flow)
}

/// The recipient's side of MMS_ENC 1.3 §6.2–§6.3: fetch the message the
/// notification points at, and answer.
async fn retrieve(
    opts: &Options,
    notification: &[u8],
    r: &mut RecipientFlow,
    step: &mut usize,
    out: &mut dyn Write,
) -> Result<(), String> {
    let ind =
        NotificationInd::decode(notification).map_err(|e| format!("m-notification-ind: {e}"))?;
    say(out, format!(
        "   m-notification-ind: Transaction-Id {}, From {}, Subject {}, Message-Class {}, Message-Size {}, Expiry {}, Content-Location {}",
        ind.transaction_id.to_string_lossy(),
        ind.from.as_ref().map(from_text).unwrap_or_else(|| "(hidden)".into()),
        ind.subject.as_ref().map(|s| format!("{:?}", s.to_string_lossy())).unwrap_or_else(|| "-".into()),
        match &ind.message_class {
            mms_pdu::MessageClass::Token(t) => mms_pdu::FieldCode::MESSAGE_CLASS
                .token_name(*t)
                .unwrap_or("?")
                .to_string(),
            mms_pdu::MessageClass::Text(t) => t.to_string_lossy().into_owned(),
        },
        ind.message_size,
        match ind.expiry {
            Time::Relative(s) => format!("+{s} s"),
            Time::Absolute(s) => format!("at {s}"),
        },
        ind.content_location.to_string_lossy()
    ));
    let tid = ind.transaction_id.clone();
    if opts.deferred {
        answer_notification(opts, &tid, Status::DEFERRED, r, out).await?;
    }
    let url = ind.content_location.to_string_lossy().into_owned();
    say(
        out,
        format!("{step}. {} fetches the message: GET {url}", r.number),
    );
    *step += 1;
    let resp = http(
        Method::GET,
        &url,
        &[(MSISDN_HEADER, r.number.as_str())],
        Vec::new(),
    )
    .await?;
    if resp.status != 200 {
        return Err(format!("GET {url}: HTTP {}", resp.status));
    }
    let conf = RetrieveConf::decode(&resp.body).map_err(|e| format!("m-retrieve-conf: {e}"))?;
    say(
        out,
        format!(
            "   ← m-retrieve-conf, {} octets: Message-ID {}, From {}, To {}, Subject {}, Date {}",
            resp.body.len(),
            conf.message_id
                .as_ref()
                .map(|m| m.to_string_lossy().into_owned())
                .unwrap_or_default(),
            conf.from
                .as_ref()
                .map(from_text)
                .unwrap_or_else(|| "(hidden)".into()),
            conf.to
                .iter()
                .map(|t| t.to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join(", "),
            conf.subject
                .as_ref()
                .map(|s| format!("{:?}", s.to_string_lossy()))
                .unwrap_or_else(|| "-".into()),
            conf.date
        ),
    );
    if let Some(Body::Multipart(m)) = &conf.body {
        let list: Vec<String> = m
            .parts
            .iter()
            .map(|p| {
                format!(
                    "{} ({} octets)",
                    p.content_type.media().name(),
                    p.data.len()
                )
            })
            .collect();
        say(out, format!("   parts: {}", list.join(", ")));
    }
    if ind.message_size == resp.body.len() as u64 {
        say(
            out,
            "   Message-Size of the notification = the m-retrieve-conf's length",
        );
    } else {
        say(
            out,
            format!(
                "   note: Message-Size {} but the m-retrieve-conf has {} octets",
                ind.message_size,
                resp.body.len()
            ),
        );
    }
    let retrieve_tid = conf.transaction_id.clone();
    r.retrieve_conf = Some((resp.body.clone(), resp.content_type.clone()));
    if opts.deferred {
        // §6.3: the acknowledgement carries the m-retrieve-conf's
        // Transaction-Id (the notification's when it has none).
        let ack = AcknowledgeInd {
            version: conf.version,
            transaction_id: retrieve_tid.unwrap_or(tid),
            ..AcknowledgeInd::default()
        };
        let pdu = ack.encode().map_err(|e| e.to_string())?;
        let resp = post_pdu(&opts.mmsc, &pdu, Some(&r.number)).await?;
        say(
            out,
            format!(
                "   → m-acknowledge-ind, Transaction-Id {}: HTTP {}",
                ack.transaction_id.to_string_lossy(),
                resp.status
            ),
        );
        r.answers.push((pdu, resp.status));
    } else {
        answer_notification(opts, &tid, Status::RETRIEVED, r, out).await?;
    }
    Ok(())
}

/// §6.2: m-notifyresp-ind with a status.
async fn answer_notification(
    opts: &Options,
    tid: &Text<'_>,
    status: Status,
    r: &mut RecipientFlow,
    out: &mut dyn Write,
) -> Result<(), String> {
    let resp_ind = NotifyRespInd {
        transaction_id: tid.clone(),
        status,
        ..NotifyRespInd::default()
    };
    let pdu = resp_ind.encode().map_err(|e| e.to_string())?;
    let resp = post_pdu(&opts.mmsc, &pdu, Some(&r.number)).await?;
    say(
        out,
        format!(
            "   → m-notifyresp-ind, Status {status}: HTTP {}",
            resp.status
        ),
    );
    if resp.status >= 300 {
        return Err(format!(
            "the MMSC refused the m-notifyresp-ind: HTTP {} {}",
            resp.status,
            String::from_utf8_lossy(&resp.body).trim()
        ));
    }
    r.answers.push((pdu, resp.status));
    Ok(())
}

/// Reads what a number's short messages bring, polling until `want`
/// things arrived or `timeout` passed.
pub async fn poll_outbox(
    mmsc: &str,
    number: &str,
    phone: &mut Handset,
    lines: &mut Vec<String>,
    want: usize,
    timeout: Duration,
) -> Result<Vec<Received>, String> {
    let deadline = Instant::now() + timeout;
    let mut got = Vec::new();
    loop {
        let resp = http(
            Method::GET,
            &format!("{mmsc}/smsc/{number}"),
            &[(MSISDN_HEADER, number)],
            Vec::new(),
        )
        .await?;
        if resp.status != 200 {
            return Err(format!("GET {mmsc}/smsc/{number}: HTTP {}", resp.status));
        }
        for line in String::from_utf8_lossy(&resp.body).lines() {
            let sms = Sms::parse(line)?;
            lines.push(line.to_string());
            if let Some(r) = phone.take(&sms)? {
                got.push(r);
            }
        }
        if got.len() >= want || Instant::now() >= deadline {
            return Ok(got);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Decodes a WSP push (WAP-230 §8.2.4.1) and prints it; returns its body.
fn read_push(
    payload: &[u8],
    ports: Option<(u16, u16)>,
    out: &mut dyn Write,
) -> Result<Vec<u8>, String> {
    let push = Push::decode(payload).map_err(|e| format!("WAP push: {e}"))?;
    say(
        out,
        format!(
            "   WAP push{}: TID {}, {}, {}, X-Wap-Application-Id {}, {} octets of body",
            ports
                .map(|(d, s)| format!(" to port {d} from {s}"))
                .unwrap_or_default(),
            push.tid.map_or("-".into(), |t| t.to_string()),
            push.pdu_type.name(),
            push.content_type.media().name(),
            push.application_id()
                .map_or("-".into(), |a| a.name().into_owned()),
            push.body.len()
        ),
    );
    if !push.is_mms() {
        return Err(format!(
            "the push carries {}, not an MMS PDU",
            push.content_type.media().name()
        ));
    }
    Ok(push.body.into_owned())
}

fn print_delivery(pdu: &[u8], out: &mut dyn Write) -> Result<(), String> {
    let d = DeliveryInd::decode(pdu).map_err(|e| format!("m-delivery-ind: {e}"))?;
    say(
        out,
        format!(
            "   m-delivery-ind: Message-ID {}, To {}, Status {}, Date {}",
            d.message_id.to_string_lossy(),
            d.to.to_string_lossy(),
            d.status,
            d.date
        ),
    );
    Ok(())
}

fn from_text(f: &FromValue<'_>) -> String {
    match f {
        FromValue::Address(a) => a.to_string_lossy().into_owned(),
        FromValue::InsertAddress => "(insert-address)".into(),
    }
}

fn title_of(html: &str) -> Option<String> {
    let start = html.find("<title>")? + "<title>".len();
    let end = html[start..].find("</title>")? + start;
    Some(html[start..end].to_string())
}

fn say(out: &mut dyn Write, line: impl AsRef<str>) {
    let _ = writeln!(out, "{}", line.as_ref());
}
