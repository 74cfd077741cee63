//! A small store-and-forward MMSC (an MMS Proxy-Relay with its Relay/Server
//! in one) on HTTP/1.1, as the `mmsc` example runs it and
//! `tests/mmsc_flow.rs` tests it. The transactions are those of MMS_ENC 1.3
//! §6 (and OMA MMS CTR's flow: submit, notify, retrieve, acknowledge,
//! report); the PDUs are built and read with `mms_pdu`. Section numbers
//! are the ones `mms_pdu::mms::rules` gives the header tables.
//!
//! ```text
//! POST /mms           m-send-req        → m-send-conf (§6.1.1, §6.1.2)
//!                     m-notifyresp-ind  → 204         (§6.2)
//!                     m-acknowledge-ind → 204         (§6.3)
//!                     m-forward-req     → m-forward-conf, service denied (§6.4)
//! GET  /mms/<id>      the m-retrieve-conf of one recipient's copy (§6.3)
//! GET  /smsc/<msisdn> the simulated SMS centre's queue for a number, one
//!                     short message a line (see smsc.rs), emptied on read
//! GET  /web/<id>      the message as an HTML page, for a handset without MMS
//! GET  /web/<id>/part/<n>   part n of the body (0-based), with its type
//! ```
//!
//! Each recipient's copy has an id of its own (`<id>` above): it names the
//! Content-Location, and it is the X-Mms-Transaction-Id of both the
//! m-notification-ind and the m-retrieve-conf, so that an m-notifyresp-ind
//! or an m-acknowledge-ind tells the MMSC whose copy it is about.
//!
//! Shared by the `mmsc` example and `tests/mmsc_flow.rs` (each includes it
//! with `#[path = …] mod mmsc;`, next to `smsc.rs`).

use std::collections::{BTreeSet, HashMap};
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::Incoming;
use hyper::header::CONTENT_TYPE;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::{JoinHandle, JoinSet};

use mms_pdu::mms::address::Address;
use mms_pdu::mms::message::{
    DeliveryInd, ForwardConf, Message, MessageError, NotificationInd, RetrieveConf, SendConf,
    SendReq,
};
use mms_pdu::mms::typed::{ResponseStatus, SenderVisibility, Status};
use mms_pdu::mms::view::PduView;
use mms_pdu::wsp::push::Push;
use mms_pdu::wsp::{ContentType, EncodedString, Text};
use mms_pdu::{Body, FromValue, MessageClass, Time, Version};

use crate::smsc;

/// The media type of MMS PDUs on WSP and HTTP (MMS_ENC 1.3).
pub const MMS_MEDIA_TYPE: &str = "application/vnd.wap.mms-message";
/// The request header a WAP gateway adds with the handset's number; the
/// MMSC takes the sender's address from it when the m-send-req carries the
/// Insert-address-token (MMS_ENC 1.3 §6.1.1, From).
pub const MSISDN_HEADER: &str = "x-msisdn";
/// The largest POST body taken (carriers cap messages at 300 KB–1 MB).
pub const MAX_BODY: usize = 2 * 1024 * 1024;

const PERMANENT_FAILURE: ResponseStatus = ResponseStatus::PERMANENT_FAILURE;
const SERVICE_DENIED: ResponseStatus = ResponseStatus::PERMANENT_SERVICE_DENIED;
const FORMAT_CORRUPT: ResponseStatus = ResponseStatus::PERMANENT_MESSAGE_FORMAT_CORRUPT;
const ADDRESS_UNRESOLVED: ResponseStatus = ResponseStatus::PERMANENT_SENDING_ADDRESS_UNRESOLVED;
const HIDE: SenderVisibility = SenderVisibility::HIDE;
/// X-Mms-Message-Class Personal.
const PERSONAL: u8 = 0x80;

/// How the MMSC runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Numbers whose handsets do not do MMS: they get a text SMS with a web
    /// link instead of a notification (`+15550000000`, or with `/TYPE=PLMN`).
    pub legacy: BTreeSet<String>,
    /// The URL the MMSC is reached at, for Content-Location and web links
    /// (default: `http://` and the address it is bound to).
    pub public_url: Option<String>,
    /// X-Mms-Expiry of the notifications when the m-send-req names none, in
    /// seconds (relative).
    pub expiry: u64,
    /// Print each transaction and each short message on standard output.
    pub print: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            legacy: BTreeSet::new(),
            public_url: None,
            expiry: 7 * 24 * 3600,
            print: false,
        }
    }
}

impl Config {
    /// Adds a number without MMS.
    pub fn legacy(mut self, number: &str) -> Self {
        self.legacy
            .insert(msisdn_of(number).unwrap_or_else(|| number.to_string()));
        self
    }
}

/// A running MMSC.
#[derive(Debug)]
pub struct Mmsc {
    addr: SocketAddr,
    url: String,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl Mmsc {
    /// The address it listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }
    /// Its URL (`http://127.0.0.1:PORT`), without a trailing slash.
    pub fn url(&self) -> &str {
        &self.url
    }
    /// Stops accepting, closes the open connections and waits for that.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
    /// Runs until the task ends (it does not, unless shut down).
    pub async fn wait(mut self) {
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Mmsc {
    fn drop(&mut self) {
        if let Some(task) = &self.task {
            task.abort();
        }
    }
}

/// Starts the MMSC on a bound listener (`127.0.0.1:0` for an ephemeral
/// port), in a task of the current tokio runtime.
pub async fn start(listener: TcpListener, config: Config) -> std::io::Result<Mmsc> {
    let addr = listener.local_addr()?;
    let url = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{addr}"))
        .trim_end_matches('/')
        .to_string();
    let shared = Arc::new(Mutex::new(State::new(config, url.clone())));
    let (tx, mut rx) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let mut connections = JoinSet::new();
        loop {
            tokio::select! {
                _ = &mut rx => break,
                accepted = listener.accept() => match accepted {
                    Ok((stream, _)) => {
                        let shared = shared.clone();
                        connections.spawn(async move {
                            let service = service_fn(move |req| handle(shared.clone(), req));
                            let _ = http1::Builder::new()
                                .serve_connection(TokioIo::new(stream), service)
                                .await;
                        });
                    }
                    // Out of file descriptors or the like: wait a little.
                    Err(_) => tokio::time::sleep(std::time::Duration::from_millis(10)).await,
                },
                Some(_) = connections.join_next(), if !connections.is_empty() => {}
            }
        }
        connections.shutdown().await;
    });
    Ok(Mmsc {
        addr,
        url,
        shutdown: Some(tx),
        task: Some(task),
    })
}

/// An HTTP answer.
struct Reply {
    status: StatusCode,
    content_type: String,
    body: Vec<u8>,
}

impl Reply {
    fn text(status: StatusCode, text: impl Into<String>) -> Reply {
        let mut body = text.into().into_bytes();
        if body.last() != Some(&b'\n') {
            body.push(b'\n');
        }
        Reply {
            status,
            content_type: "text/plain; charset=utf-8".into(),
            body,
        }
    }
    fn pdu(body: Vec<u8>) -> Reply {
        Reply {
            status: StatusCode::OK,
            content_type: MMS_MEDIA_TYPE.into(),
            body,
        }
    }
    fn no_content() -> Reply {
        Reply {
            status: StatusCode::NO_CONTENT,
            content_type: String::new(),
            body: Vec::new(),
        }
    }
    fn not_found(what: impl std::fmt::Display) -> Reply {
        Reply::text(StatusCode::NOT_FOUND, format!("not found: {what}"))
    }
    fn internal(e: impl std::fmt::Display) -> Reply {
        Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    }
    fn into_response(self) -> Response<Full<Bytes>> {
        let mut r = Response::new(Full::new(Bytes::from(self.body)));
        *r.status_mut() = self.status;
        if !self.content_type.is_empty() {
            if let Ok(v) = self.content_type.parse() {
                r.headers_mut().insert(CONTENT_TYPE, v);
            }
        }
        r
    }
}

async fn handle(
    shared: Arc<Mutex<State>>,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let msisdn = header(MSISDN_HEADER);
    let content_type = header(CONTENT_TYPE.as_str());
    let reply = match (&method, path.as_str()) {
        (&Method::POST, "/mms") => {
            let media = content_type.as_deref().map(|c| {
                c.split(';')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_ascii_lowercase()
            });
            match media {
                Some(m) if m != MMS_MEDIA_TYPE => Reply::text(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    format!("POST /mms takes {MMS_MEDIA_TYPE}, not {m}"),
                ),
                _ => match Limited::new(req.into_body(), MAX_BODY).collect().await {
                    Ok(body) => lock(&shared).post_mms(&body.to_bytes(), msisdn.as_deref()),
                    Err(e) if e.is::<LengthLimitError>() => Reply::text(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        format!("the MMSC takes PDUs of at most {MAX_BODY} octets"),
                    ),
                    Err(e) => {
                        Reply::text(StatusCode::BAD_REQUEST, format!("reading the body: {e}"))
                    }
                },
            }
        }
        (&Method::GET, p) | (&Method::HEAD, p) => lock(&shared).get(p),
        _ => Reply::text(
            StatusCode::METHOD_NOT_ALLOWED,
            format!("{method} {path}: the MMSC takes POST /mms and GET"),
        ),
    };
    Ok(reply.into_response())
}

fn lock(shared: &Mutex<State>) -> MutexGuard<'_, State> {
    shared.lock().unwrap_or_else(|e| e.into_inner())
}

/// A message as submitted.
struct Stored {
    /// The m-send-req as it came.
    raw: Vec<u8>,
    /// The sender's address as the recipients see it (None when hidden).
    shown_from: Option<String>,
    /// The sender's number, where delivery reports go.
    sender_msisdn: Option<String>,
    /// Date of submission.
    date: u64,
    /// X-Mms-Delivery-Report: Yes in the m-send-req.
    delivery_report: bool,
}

/// One recipient's copy.
struct Delivery {
    message_id: String,
    /// The recipient's address as the sender wrote it.
    recipient: String,
    /// The m-retrieve-conf served at its Content-Location (None: the
    /// recipient has no MMS and got a web link).
    retrieve_conf: Option<Vec<u8>>,
    /// The statuses reported to the sender so far.
    reported: Vec<Status>,
}

struct State {
    config: Config,
    base: String,
    next_message: u64,
    next_push_tid: u8,
    next_sms_reference: u8,
    messages: HashMap<String, Stored>,
    deliveries: HashMap<String, Delivery>,
    outboxes: HashMap<String, Vec<String>>,
}

impl State {
    fn new(config: Config, base: String) -> Self {
        State {
            config,
            base,
            next_message: 1,
            next_push_tid: 1,
            next_sms_reference: 1,
            messages: HashMap::new(),
            deliveries: HashMap::new(),
            outboxes: HashMap::new(),
        }
    }

    fn say(&self, line: impl AsRef<str>) {
        if self.config.print {
            println!("{}", line.as_ref());
        }
    }

    fn post_mms(&mut self, raw: &[u8], msisdn: Option<&str>) -> Reply {
        let message = match Message::decode(raw) {
            Ok(m) => m,
            Err(MessageError::UnknownType(None)) => {
                return Reply::text(StatusCode::BAD_REQUEST, no_message_type(raw))
            }
            Err(e) => {
                return Reply::text(
                    StatusCode::BAD_REQUEST,
                    format!("the body is not an MMS PDU: {e}"),
                )
            }
        };
        let result = match &message {
            Message::SendReq(req) => self.submit(req, raw, msisdn).map(Reply::pdu),
            // MMS_ENC 1.3 §6.2: the recipient's answer to the notification.
            Message::NotifyRespInd(r) => Ok(self.answered(
                &r.transaction_id,
                r.status,
                r.report_allowed,
                "m-notifyresp-ind",
            )),
            // MMS_ENC 1.3 §6.3: after a deferred retrieval, the recipient
            // acknowledges the m-retrieve-conf: retrieved.
            Message::AcknowledgeInd(a) => Ok(self.answered(
                &a.transaction_id,
                Status::RETRIEVED,
                a.report_allowed,
                "m-acknowledge-ind",
            )),
            // A request this MMSC does not serve but whose confirmation
            // has a status for that (MMS_ENC 1.3 §6.4).
            Message::ForwardReq(f) => ForwardConf {
                version: f.version.min(Version::V1_3),
                transaction_id: f.transaction_id.clone(),
                response_status: SERVICE_DENIED,
                response_text: Some(encoded("this MMSC does not forward messages")),
                ..ForwardConf::default()
            }
            .encode()
            .map(Reply::pdu)
            .map_err(|e| e.to_string()),
            other => Ok(Reply::text(
                StatusCode::BAD_REQUEST,
                format!(
                    "{} is not a PDU this MMSC takes from a client (it takes m-send-req, \
                     m-notifyresp-ind, m-acknowledge-ind)",
                    other.message_type()
                ),
            )),
        };
        result.unwrap_or_else(Reply::internal)
    }

    /// MMS_ENC 1.3 §6.1.1–§6.1.2: takes an m-send-req, answers m-send-conf,
    /// and tells each recipient.
    fn submit(
        &mut self,
        req: &SendReq<'_>,
        raw: &[u8],
        msisdn: Option<&str>,
    ) -> Result<Vec<u8>, String> {
        let version = req.version.min(Version::V1_3);
        let refuse = |status: ResponseStatus, text: &str| -> Result<Vec<u8>, String> {
            self.say(format!(
                "m-send-req {}: refused: {} ({text})",
                req.transaction_id.to_string_lossy(),
                status
            ));
            send_conf(version, &req.transaction_id, status, Some(text), None)
        };
        // The body follows Content-Type, the last header (§6.1.1).
        let Some(body) = PduView::parse(raw).ok().and_then(|v| v.body()) else {
            return refuse(FORMAT_CORRUPT, "no Content-Type and body");
        };
        // From: the address, or the Insert-address-token, when the MMSC
        // MUST insert the sender's address (§6.1.1).
        let from = match &req.from {
            FromValue::Address(a) => a.to_string_lossy().into_owned(),
            FromValue::InsertAddress => match msisdn.and_then(msisdn_of) {
                Some(n) => format!("{n}/TYPE=PLMN"),
                None => {
                    return refuse(
                        ADDRESS_UNRESOLVED,
                        "From is the Insert-address-token and the request names no number",
                    )
                }
            },
        };
        let sender_msisdn = msisdn_of(&from);
        // To, Cc and Bcc: at least one (§6.1.1); only PLMN numbers are reached.
        let mut recipients: Vec<(String, String)> = Vec::new();
        let mut unreachable = Vec::new();
        for a in req.to.iter().chain(&req.cc).chain(&req.bcc) {
            let a = a.to_string_lossy().into_owned();
            match msisdn_of(&a) {
                Some(n) if !recipients.iter().any(|(m, _)| *m == n) => recipients.push((n, a)),
                Some(_) => {}
                None => unreachable.push(a),
            }
        }
        if recipients.is_empty() {
            return if unreachable.is_empty() {
                refuse(FORMAT_CORRUPT, "no recipient (To, Cc or Bcc)")
            } else {
                refuse(
                    PERMANENT_FAILURE,
                    &format!(
                        "no recipient this MMSC reaches (PLMN numbers only): {}",
                        unreachable.join(", ")
                    ),
                )
            };
        }
        // Date: the MMSC inserts the time of arrival when absent (§6.1.1).
        let date = req.date.unwrap_or_else(now);
        let hidden = req.sender_visibility == Some(HIDE);
        let shown_from = (!hidden).then(|| from.clone());
        let message_id = format!("M{:06}", self.next_message);
        self.next_message += 1;
        self.say(format!(
            "m-send-req {} from {from}: Message-ID {message_id}, {} recipient(s), {} octets{}",
            req.transaction_id.to_string_lossy(),
            recipients.len(),
            raw.len(),
            if req.delivery_report == Some(true) {
                ", delivery report asked"
            } else {
                ""
            }
        ));
        for a in &unreachable {
            self.say(format!("  {a}: not a PLMN number, not delivered"));
        }
        let stored = Stored {
            raw: raw.to_vec(),
            shown_from: shown_from.clone(),
            sender_msisdn,
            date,
            delivery_report: req.delivery_report == Some(true),
        };
        self.messages.insert(message_id.clone(), stored);
        for (k, (number, address)) in recipients.iter().enumerate() {
            let id = format!("{message_id}-{}", k + 1);
            let delivery = if self.config.legacy.contains(number) {
                self.tell_legacy(number, &id, shown_from.as_deref());
                Delivery {
                    message_id: message_id.clone(),
                    recipient: address.clone(),
                    retrieve_conf: None,
                    reported: Vec::new(),
                }
            } else {
                let conf = retrieve_conf(req, body, &id, &message_id, date, shown_from.as_deref())?;
                self.notify(req, number, &id, conf.len(), shown_from.as_deref())?;
                Delivery {
                    message_id: message_id.clone(),
                    recipient: address.clone(),
                    retrieve_conf: Some(conf),
                    reported: Vec::new(),
                }
            };
            self.deliveries.insert(id, delivery);
        }
        // §6.1.2: Response-Status Ok and the Message-ID the MMSC gave it.
        send_conf(
            version,
            &req.transaction_id,
            ResponseStatus::OK,
            None,
            Some(&message_id),
        )
    }

    /// MMS_ENC 1.3 §6.2: the m-notification-ind, in a WSP push to the MMS
    /// user agent (WAP-230 §8.2.4.1, X-Wap-Application-Id mms.ua; WAP-251
    /// for push over the air), over SMS to the WDP push port.
    fn notify(
        &mut self,
        req: &SendReq<'_>,
        number: &str,
        id: &str,
        size: usize,
        shown_from: Option<&str>,
    ) -> Result<(), String> {
        let ind = NotificationInd {
            version: Version::V1_2,
            transaction_id: text(id)?,
            from: shown_from.map(|f| FromValue::Address(encoded(f))),
            subject: req.subject.clone(),
            // Tells the recipient that the sender asked for a report.
            delivery_report: req.delivery_report,
            message_class: req
                .message_class
                .clone()
                .unwrap_or(MessageClass::Token(PERSONAL)),
            priority: req.priority,
            // X-Mms-Message-Size, the size of the MM in octets (§6.2; the
            // field's definition in §7.3): here exactly the length of the
            // m-retrieve-conf the Content-Location serves, what the
            // recipient will download.
            message_size: size as u64,
            expiry: req.expiry.unwrap_or(Time::Relative(self.config.expiry)),
            content_location: text(&format!("{}/mms/{id}", self.base))?,
            ..NotificationInd::default()
        };
        let pdu = ind.encode().map_err(|e| e.to_string())?;
        self.say(format!(
            "  {number}: m-notification-ind, Transaction-Id {id}, Message-Size {size}, Content-Location {}/mms/{id}",
            self.base
        ));
        self.push(number, pdu, "m-notification-ind")
    }

    /// A handset without MMS: a text SMS with a link to the web page.
    fn tell_legacy(&mut self, number: &str, id: &str, shown_from: Option<&str>) {
        let url = format!("{}/web/{id}", self.base);
        let text = match shown_from {
            Some(f) => format!(
                "You have a multimedia message from {}: {url}",
                msisdn_of(f).unwrap_or_else(|| f.to_string())
            ),
            None => format!("You have a multimedia message: {url}"),
        };
        self.say(format!("  {number}: no MMS; text SMS \"{text}\""));
        let reference = self.sms_reference();
        let messages = smsc::text_messages(&text, reference);
        self.queue(number, &messages);
    }

    /// Wraps an MMS PDU in a connectionless WSP Push and queues its short
    /// messages for `number`.
    fn push(&mut self, number: &str, pdu: Vec<u8>, what: &str) -> Result<(), String> {
        let tid = self.next_push_tid;
        self.next_push_tid = self.next_push_tid.wrapping_add(1);
        let push = Push::mms(tid, pdu).to_vec().map_err(|e| e.to_string())?;
        let reference = self.sms_reference();
        let messages = smsc::push_messages(&push, reference)?;
        self.say(format!(
            "  SMS to {number}: {what} in a WAP push (TID {tid}, {} octets), {} short message(s):",
            push.len(),
            messages.len()
        ));
        self.queue(number, &messages);
        Ok(())
    }

    fn sms_reference(&mut self) -> u8 {
        let r = self.next_sms_reference;
        self.next_sms_reference = self.next_sms_reference.wrapping_add(1);
        r
    }

    fn queue(&mut self, number: &str, messages: &[smsc::Sms]) {
        for m in messages {
            let line = m.to_line();
            self.say(format!("    {number} {line}"));
            self.outboxes
                .entry(number.to_string())
                .or_default()
                .push(line);
        }
    }

    /// MMS_ENC 1.3 §6.2 (m-notifyresp-ind) and §6.3 (m-acknowledge-ind):
    /// records the recipient's status and, when the sender asked for it
    /// and the recipient allows it (X-Mms-Report-Allowed), reports it in
    /// an m-delivery-ind (§6.5) pushed to the sender.
    fn answered(
        &mut self,
        tid: &Text<'_>,
        status: Status,
        report_allowed: Option<bool>,
        what: &str,
    ) -> Reply {
        let id = tid.to_string_lossy().into_owned();
        let Some(delivery) = self.deliveries.get_mut(&id) else {
            return Reply::not_found(format!("no notification with X-Mms-Transaction-Id {id}"));
        };
        if delivery.retrieve_conf.is_none() {
            return Reply::not_found(format!("{id} was sent as a text message, not notified"));
        }
        let Some(stored) = self.messages.get(&delivery.message_id) else {
            return Reply::not_found(format!("message {}", delivery.message_id));
        };
        let report = stored.delivery_report
            && report_allowed != Some(false)
            && !delivery.reported.contains(&status);
        let (message_id, recipient) = (delivery.message_id.clone(), delivery.recipient.clone());
        let sender = stored.sender_msisdn.clone();
        if report {
            delivery.reported.push(status);
        }
        self.say(format!(
            "{what} {id}: Status {status}{}",
            match report_allowed {
                Some(false) => ", Report-Allowed No",
                _ => "",
            }
        ));
        if let (true, Some(sender)) = (report, sender) {
            let ind = DeliveryInd {
                version: Version::V1_2,
                message_id: text(&message_id).unwrap_or_default(),
                to: encoded(&recipient),
                date: now(),
                status,
                ..DeliveryInd::default()
            };
            let result = ind
                .encode()
                .map_err(|e| e.to_string())
                .and_then(|pdu| self.push(&sender, pdu, "m-delivery-ind"));
            if let Err(e) = result {
                return Reply::internal(e);
            }
        }
        Reply::no_content()
    }

    fn get(&mut self, path: &str) -> Reply {
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        match segments.as_slice() {
            [""] => Reply::text(StatusCode::OK, INDEX),
            ["mms", id] => match self.deliveries.get(*id) {
                Some(Delivery {
                    retrieve_conf: Some(conf),
                    ..
                }) => {
                    self.say(format!(
                        "GET /mms/{id}: m-retrieve-conf, {} octets",
                        conf.len()
                    ));
                    Reply::pdu(conf.clone())
                }
                _ => Reply::not_found(format!("no message at /mms/{id}")),
            },
            ["smsc", number] => {
                let number = percent_decode(number);
                let number = msisdn_of(&number).unwrap_or(number);
                let lines = self.outboxes.remove(&number).unwrap_or_default();
                let mut body = lines.join("\n");
                if !body.is_empty() {
                    body.push('\n');
                }
                Reply {
                    status: StatusCode::OK,
                    content_type: "text/plain; charset=utf-8".into(),
                    body: body.into_bytes(),
                }
            }
            ["web", id] => match self.stored_of(id) {
                Some(stored) => match web_page(stored, id) {
                    Ok(html) => Reply {
                        status: StatusCode::OK,
                        content_type: "text/html; charset=utf-8".into(),
                        body: html.into_bytes(),
                    },
                    Err(e) => Reply::internal(e),
                },
                None => Reply::not_found(format!("no message at /web/{id}")),
            },
            ["web", id, "part", n] => {
                let part = self
                    .stored_of(id)
                    .zip(n.parse::<usize>().ok())
                    .and_then(|(stored, n)| web_part(stored, n));
                match part {
                    Some((content_type, data)) => Reply {
                        status: StatusCode::OK,
                        content_type,
                        body: data,
                    },
                    None => Reply::not_found(format!("no part {n} in /web/{id}")),
                }
            }
            _ => Reply::not_found(path),
        }
    }

    fn stored_of(&self, id: &str) -> Option<&Stored> {
        let d = self.deliveries.get(id)?;
        self.messages.get(&d.message_id)
    }
}

const INDEX: &str = "\
mms-pdu example MMSC
POST /mms                 m-send-req, m-notifyresp-ind, m-acknowledge-ind (application/vnd.wap.mms-message)
GET  /mms/<id>            m-retrieve-conf
GET  /smsc/<msisdn>       the short messages queued for a number (emptied on read)
GET  /web/<id>            the message as a web page, for handsets without MMS
";

/// MMS_ENC 1.3 §6.1.2.
fn send_conf(
    version: Version,
    tid: &Text<'_>,
    status: ResponseStatus,
    response_text: Option<&str>,
    message_id: Option<&str>,
) -> Result<Vec<u8>, String> {
    SendConf {
        version,
        transaction_id: tid.clone(),
        response_status: status,
        response_text: response_text.map(encoded),
        message_id: message_id.map(text).transpose()?,
        ..SendConf::default()
    }
    .encode()
    .map_err(|e| e.to_string())
}

/// MMS_ENC 1.3 §6.3: the m-retrieve-conf of one recipient's copy: the
/// submitted headers the recipient sees (no Bcc; From unless hidden), the
/// Message-ID and Date the MMSC gave, and the body octets as sent.
fn retrieve_conf(
    req: &SendReq<'_>,
    body: &[u8],
    id: &str,
    message_id: &str,
    date: u64,
    shown_from: Option<&str>,
) -> Result<Vec<u8>, String> {
    RetrieveConf {
        version: Version::V1_2,
        transaction_id: Some(text(id)?),
        message_id: Some(text(message_id)?),
        date,
        from: shown_from.map(|f| FromValue::Address(encoded(f))),
        to: req.to.clone(),
        cc: req.cc.clone(),
        subject: req.subject.clone(),
        message_class: req.message_class.clone(),
        priority: req.priority,
        delivery_report: req.delivery_report,
        read_report: req.read_report,
        content_type: req.content_type.clone(),
        body: Some(Body::Data(body.into())),
        ..RetrieveConf::default()
    }
    .encode()
    .map_err(|e| e.to_string())
}

/// Why octets that decoded as no PDU are not one, with the offset.
fn no_message_type(raw: &[u8]) -> String {
    match raw.first() {
        None => {
            "at offset 0: X-Mms-Message-Type: expected the field (0x8C), found an empty body".into()
        }
        Some(&b) => format!(
            "at offset 0: X-Mms-Message-Type: expected the field (0x8C) first, found 0x{b:02x}"
        ),
    }
}

/// The body parts of a stored message: (content type, octets) by index.
fn parts_of<'a>(req: &'a SendReq<'a>) -> Vec<(ContentType<'a>, Vec<u8>, Option<String>)> {
    match &req.body {
        Some(Body::Multipart(m)) => m
            .parts
            .iter()
            .map(|p| {
                let data = p
                    .decoded_data()
                    .map_or_else(|_| p.data.to_vec(), |d| d.into_owned());
                let name = p
                    .content_location()
                    .map(|t| t.to_string_lossy().into_owned())
                    .or_else(|| p.content_type.param("name").map(|v| v.to_text()));
                (p.content_type.clone(), data, name)
            })
            .collect(),
        Some(Body::Data(d)) => vec![(req.content_type.clone(), d.to_vec(), None)],
        None => Vec::new(),
    }
}

fn web_part(stored: &Stored, n: usize) -> Option<(String, Vec<u8>)> {
    let req = SendReq::decode(&stored.raw).ok()?;
    let (ct, data, _) = parts_of(&req).into_iter().nth(n)?;
    let media = ct.media().name().to_ascii_lowercase();
    let content_type = match ct.charset() {
        Some(cs) if media.starts_with("text/") => format!("{media}; charset={cs}"),
        _ => media,
    };
    Some((content_type, data))
}

/// The message as a simple HTML page: subject, sender, date, then the
/// parts in the order the SMIL presentation plays them (the others after):
/// text inline, images as `<img>`, anything else as a link.
fn web_page(stored: &Stored, id: &str) -> Result<String, String> {
    let req = SendReq::decode(&stored.raw).map_err(|e| e.to_string())?;
    let parts = parts_of(&req);
    let mut order: Vec<usize> = Vec::new();
    let mut smil_part = None;
    if let Some(Body::Multipart(m)) = &req.body {
        if let Ok(Some(p)) = mms_pdu::smil::from_body(&req.content_type, m) {
            smil_part = Some(p.part);
            for k in p
                .presentation
                .slides
                .iter()
                .flat_map(|s| s.media.iter().filter_map(|m| m.part))
            {
                if !order.contains(&k) {
                    order.push(k);
                }
            }
        }
    }
    let rest: Vec<usize> = (0..parts.len()).filter(|k| !order.contains(k)).collect();
    order.extend(rest);
    let subject = req
        .subject
        .as_ref()
        .map(|s| s.to_string_lossy().into_owned());
    let mut html = String::new();
    html.push_str("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
    let title = subject.as_deref().unwrap_or("Multimedia message");
    html.push_str(&format!(
        "<title>{}</title>\n</head>\n<body>\n",
        escape(title)
    ));
    html.push_str(&format!("<h1>{}</h1>\n", escape(title)));
    let from = stored
        .shown_from
        .as_deref()
        .map(|f| msisdn_of(f).unwrap_or_else(|| f.to_string()))
        .unwrap_or_else(|| "(hidden)".into());
    html.push_str(&format!(
        "<p>From: {}<br>\nDate: {}</p>\n",
        escape(&from),
        mms_pdu::UtcDate(stored.date)
    ));
    for k in order {
        if Some(k) == smil_part {
            continue;
        }
        let Some((ct, data, name)) = parts.get(k) else {
            continue;
        };
        let media = ct.media().name().to_ascii_lowercase();
        let url = format!("/web/{id}/part/{k}");
        let label = name.clone().unwrap_or_else(|| format!("part {k}"));
        if media == "application/smil" {
            continue;
        } else if media == "text/plain" {
            let text = mms_pdu::charset::decode(ct.charset(), data)
                .map(|d| d.text.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(data).into_owned());
            html.push_str(&format!(
                "<p style=\"white-space: pre-wrap\">{}</p>\n",
                escape(&text)
            ));
        } else if media.starts_with("image/") {
            html.push_str(&format!(
                "<p><img src=\"{url}\" alt=\"{}\"></p>\n",
                escape(&label)
            ));
        } else {
            html.push_str(&format!(
                "<p><a href=\"{url}\">{}</a> ({}, {} octets)</p>\n",
                escape(&label),
                escape(&media),
                data.len()
            ));
        }
    }
    html.push_str("</body>\n</html>\n");
    Ok(html)
}

/// Text escaped for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The number of a PLMN address (`+1555…/TYPE=PLMN` or a bare number),
/// without the written separators; None for another kind of address.
pub fn msisdn_of(address: &str) -> Option<String> {
    match Address::parse(address.trim()) {
        Ok(Address::Phone(n)) => Some(n.chars().filter(|c| *c != '-' && *c != '.').collect()),
        _ => None,
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut k = 0;
    while k < b.len() {
        match (b[k], b.get(k + 1..k + 3)) {
            (b'%', Some(h)) if h.iter().all(u8::is_ascii_hexdigit) => {
                let hex = std::str::from_utf8(h).unwrap_or("00");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(0));
                k += 3;
            }
            (c, _) => {
                out.push(c);
                k += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn text(s: &str) -> Result<Text<'static>, String> {
    Text::from_string(s.to_string()).map_err(|e| e.to_string())
}

/// An Encoded-string-value: plain when ASCII, utf-8 otherwise (a NUL,
/// which no text here holds, is dropped).
fn encoded(s: &str) -> EncodedString<'static> {
    let clean: String = s.chars().filter(|&c| c != '\0').collect();
    match EncodedString::new(&clean) {
        Ok(e) => e.into_owned(),
        Err(_) => EncodedString::default(),
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
