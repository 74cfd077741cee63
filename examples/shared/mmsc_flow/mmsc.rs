//! A small store-and-forward MMSC (an MMS Proxy-Relay with its Relay/Server
//! in one) on HTTP/1.1, as the `mmsc` example runs it and
//! `tests/mmsc_flow.rs` tests it. The transactions are those of MMS_ENC 1.3
//! §6 (and OMA MMS CTR's flow: submit, notify, retrieve, acknowledge,
//! report); the PDUs are built and read with `mms_pdu`. Section numbers
//! are the ones `mms_pdu::mms::rules` gives the header tables.
//!
//! ```text
//! POST /mms           m-send-req        → m-send-conf (§6.1.1, §6.1.2)
//!                     m-notifyresp-ind  → 200, empty  (§6.2)
//!                     m-acknowledge-ind → 200, empty  (§6.3)
//!                     m-forward-req     → m-forward-conf, service denied (§6.4)
//! GET  /mms/<id>      the m-retrieve-conf of one recipient's copy (§6.3)
//! GET  /smsc/<msisdn> the simulated SMS centre's queue for a number, one
//!                     short message a line (see smsc.rs), emptied on read
//! GET  /web/<id>      the message as an HTML page, for a handset without MMS
//! GET  /web/<id>/part/<n>   part n of the body (0-based)
//! ```
//!
//! A recipient that is an e-mail address (`alice@example.com`) is
//! reached the way an MMSC's MM3 interface reaches external mail servers
//! (3GPP TS 23.140 §8.3): the message, as its m-retrieve-conf would carry
//! it, is written as an Internet message (`mms_pdu::mail`, the MM4 form of
//! §8.4) into [`Config::outbox`], `<id>.eml`, for a mail transfer agent to
//! send on. That needs the `mail` feature; without it such a recipient is
//! unreachable, as any other address that is not a phone number.
//!
//! Each recipient's copy has an id of its own (`<id>` above), 128 random
//! bits: it names the Content-Location, and it is the
//! X-Mms-Transaction-Id of both the m-notification-ind and the
//! m-retrieve-conf, so that an m-notifyresp-ind or an m-acknowledge-ind
//! tells the MMSC whose copy it is about.
//!
//! Who is asking is what the network says: the number in a request
//! header that a WAP gateway in front sets (X-MSISDN by default), or, for
//! a loopback request without it, a number the MMSC was configured with.
//! A sender is that number, and only a copy's recipient may fetch or
//! answer it, and only a number's handset may drain its SMS queue. The
//! web page of a copy (for a handset without MMS) is reached by its
//! unguessable id alone, as the link in the text SMS gives it.
//!
//! The body of a message is stored once, as the m-send-req came: every
//! recipient's m-retrieve-conf is its own few header octets followed by
//! a shared slice of that buffer ([`mms_pdu::Pdu::encode_vectored`]).
//! Messages are kept until their X-Mms-Expiry (capped), and the store,
//! the recipients per message, the connections and the time a client
//! may take to send a request are all bounded ([`Config`]).
//!
//! Shared by the `mmsc` example and `tests/mmsc_flow.rs` (each includes it
//! with `#[path = …] mod mmsc;`, next to `smsc.rs`).

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use hyper::body::{Frame, Incoming, SizeHint};
use hyper::header::{CONTENT_LENGTH, CONTENT_TYPE};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;
use tokio::sync::{oneshot, Semaphore};
use tokio::task::{JoinHandle, JoinSet};

use mms_pdu::mms::address::Address;
use mms_pdu::mms::message::{
    DeliveryInd, ForwardConf, Message, MessageError, NotificationInd, RetrieveConf, SendConf,
    SendReq,
};
use mms_pdu::mms::typed::{ResponseStatus, SenderVisibility, Status};
use mms_pdu::mms::view::PduView;
use mms_pdu::wsp::push::Push;
use mms_pdu::wsp::{ContentType, Data, EncodedString, Text};
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
/// The media types a web part is shown inline with; any other is served
/// as a download (`Content-Disposition: attachment`).
pub const INLINE_MEDIA: &[&str] = &[
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/bmp",
    "text/plain",
];

const PERMANENT_FAILURE: ResponseStatus = ResponseStatus::PERMANENT_FAILURE;
const SERVICE_DENIED: ResponseStatus = ResponseStatus::PERMANENT_SERVICE_DENIED;
const FORMAT_CORRUPT: ResponseStatus = ResponseStatus::PERMANENT_MESSAGE_FORMAT_CORRUPT;
const ADDRESS_UNRESOLVED: ResponseStatus = ResponseStatus::PERMANENT_SENDING_ADDRESS_UNRESOLVED;
const TRANSIENT_FAILURE: ResponseStatus = ResponseStatus::TRANSIENT_FAILURE;
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
    /// The longest a message is kept, in seconds, whatever its X-Mms-Expiry.
    pub max_expiry: u64,
    /// Print each transaction and each short message on standard output.
    pub print: bool,
    /// The request header that carries the caller's number, set by a
    /// gateway in front of the MMSC that removes it from what handsets
    /// send (None: no header is trusted).
    pub msisdn_header: Option<String>,
    /// The number of a request from a loopback address that carries no
    /// such header (one handset on the same machine, unauthenticated).
    pub loopback_msisdn: Option<String>,
    /// The most recipients (To, Cc and Bcc) one message may have.
    pub max_recipients: usize,
    /// The most octets the store holds (messages, per-recipient headers,
    /// queued short messages); a message beyond it is refused, transiently.
    pub max_stored_bytes: usize,
    /// The most connections served at once; one more is answered 503 and
    /// closed.
    pub max_connections: usize,
    /// How long a client may take to send a request's headers.
    pub header_timeout: Duration,
    /// How long a client may take to send a request's body.
    pub body_timeout: Duration,
    /// The folder e-mail recipients' messages are written to, one `.eml`
    /// each (MM3; feature `mail`), created when first needed.
    pub outbox: PathBuf,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            legacy: BTreeSet::new(),
            public_url: None,
            expiry: 7 * 24 * 3600,
            max_expiry: 7 * 24 * 3600,
            print: false,
            msisdn_header: Some(MSISDN_HEADER.to_string()),
            loopback_msisdn: None,
            max_recipients: 100,
            max_stored_bytes: 256 * 1024 * 1024,
            max_connections: 256,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            outbox: std::env::temp_dir().join("mmsc-outbox"),
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

/// What the store holds, and what it was told.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Messages stored.
    pub messages: usize,
    /// Recipients' copies stored.
    pub deliveries: usize,
    /// Octets held: each message once, each copy's own headers, the
    /// queued short messages.
    pub stored_bytes: usize,
    /// m-notifyresp-ind taken.
    pub notify_responses: usize,
    /// m-acknowledge-ind taken.
    pub acknowledgements: usize,
}

/// A running MMSC.
#[derive(Debug)]
pub struct Mmsc {
    addr: SocketAddr,
    url: String,
    shared: Arc<Shared>,
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
    /// What the store holds now (expired messages dropped first).
    pub fn stats(&self) -> Stats {
        let mut state = self.shared.lock();
        state.purge(now());
        state.stats()
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

/// What every connection shares: the configuration, the store, and the
/// counters of the SMS centre.
#[derive(Debug)]
struct Shared {
    config: Config,
    base: String,
    state: Mutex<State>,
    next_push_tid: AtomicU8,
    next_sms_reference: AtomicU8,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
    /// Prints a line of the log, its control characters escaped: the
    /// Transaction-Ids and addresses in it come from clients, and must
    /// not drive the terminal.
    fn say(&self, line: impl AsRef<str>) {
        if self.config.print {
            let mut out = String::with_capacity(line.as_ref().len());
            for c in line.as_ref().chars() {
                if c.is_control() || c == '\u{feff}' {
                    out.extend(c.escape_default());
                } else {
                    out.push(c);
                }
            }
            println!("{out}");
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
    let permits = Arc::new(Semaphore::new(config.max_connections.max(1)));
    let shared = Arc::new(Shared {
        config,
        base: url.clone(),
        state: Mutex::new(State::default()),
        next_push_tid: AtomicU8::new(1),
        next_sms_reference: AtomicU8::new(1),
    });
    let (tx, mut rx) = oneshot::channel::<()>();
    let server = shared.clone();
    let task = tokio::spawn(async move {
        let shared = server;
        let mut connections = JoinSet::new();
        loop {
            tokio::select! {
                _ = &mut rx => break,
                accepted = listener.accept() => match accepted {
                    Ok((stream, peer)) => match permits.clone().try_acquire_owned() {
                        Ok(permit) => {
                            let shared = shared.clone();
                            connections.spawn(async move {
                                let _permit = permit;
                                let header_timeout = shared.config.header_timeout;
                                let service =
                                    service_fn(move |req| handle(shared.clone(), peer, req));
                                let _ = http1::Builder::new()
                                    .timer(TokioTimer::new())
                                    .header_read_timeout(header_timeout)
                                    .serve_connection(TokioIo::new(stream), service)
                                    .await;
                            });
                        }
                        // Every connection slot taken: say so and close,
                        // rather than hold a descriptor the MMSC cannot serve.
                        Err(_) => {
                            connections.spawn(async move {
                                let mut stream = stream;
                                let busy = b"HTTP/1.1 503 Service Unavailable\r\n\
                                    content-length: 0\r\nretry-after: 1\r\nconnection: close\r\n\r\n";
                                let _ = tokio::time::timeout(
                                    Duration::from_secs(1),
                                    stream.write_all(busy),
                                )
                                .await;
                            });
                        }
                    },
                    // Out of file descriptors or the like: wait a little.
                    Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
                },
                Some(_) = connections.join_next(), if !connections.is_empty() => {}
            }
        }
        connections.shutdown().await;
    });
    Ok(Mmsc {
        addr,
        url,
        shared,
        shutdown: Some(tx),
        task: Some(task),
    })
}

/// A response body of shared buffers, sent as they are (the stored
/// message body is not copied for each download).
struct Chunks {
    chunks: VecDeque<Bytes>,
    remaining: u64,
}

impl hyper::body::Body for Chunks {
    type Data = Bytes;
    type Error = Infallible;
    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let this = self.get_mut();
        Poll::Ready(this.chunks.pop_front().map(|c| {
            this.remaining -= c.len() as u64;
            Ok(Frame::data(c))
        }))
    }
    fn is_end_stream(&self) -> bool {
        self.chunks.is_empty()
    }
    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.remaining)
    }
}

/// An HTTP answer.
struct Reply {
    status: StatusCode,
    content_type: String,
    headers: Vec<(&'static str, String)>,
    body: Vec<Bytes>,
}

impl Reply {
    fn new(status: StatusCode, content_type: &str, body: Vec<Bytes>) -> Reply {
        Reply {
            status,
            content_type: content_type.into(),
            headers: Vec::new(),
            body,
        }
    }
    fn text(status: StatusCode, text: impl Into<String>) -> Reply {
        let mut body = text.into().into_bytes();
        if body.last() != Some(&b'\n') {
            body.push(b'\n');
        }
        Reply::new(status, "text/plain; charset=utf-8", vec![body.into()])
    }
    fn pdu(body: Vec<u8>) -> Reply {
        Reply::new(StatusCode::OK, MMS_MEDIA_TYPE, vec![body.into()])
    }
    /// 200 with an empty body: what handsets expect for
    /// m-notifyresp-ind and m-acknowledge-ind (mmsd-tng, for one, takes
    /// no other status as success).
    fn empty() -> Reply {
        Reply::new(StatusCode::OK, "", Vec::new())
    }
    fn not_found(what: impl std::fmt::Display) -> Reply {
        Reply::text(StatusCode::NOT_FOUND, format!("not found: {what}"))
    }
    fn forbidden(what: impl std::fmt::Display) -> Reply {
        Reply::text(StatusCode::FORBIDDEN, format!("forbidden: {what}"))
    }
    fn internal(e: impl std::fmt::Display) -> Reply {
        Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    }
    fn header(mut self, name: &'static str, value: impl Into<String>) -> Reply {
        self.headers.push((name, value.into()));
        self
    }
    fn into_response(self) -> Response<Chunks> {
        let remaining = self.body.iter().map(|b| b.len() as u64).sum();
        let mut r = Response::new(Chunks {
            chunks: self.body.into_iter().filter(|b| !b.is_empty()).collect(),
            remaining,
        });
        *r.status_mut() = self.status;
        if !self.content_type.is_empty() {
            if let Ok(v) = self.content_type.parse() {
                r.headers_mut().insert(CONTENT_TYPE, v);
            }
        }
        for (name, value) in self.headers {
            if let Ok(v) = value.parse() {
                r.headers_mut().insert(name, v);
            }
        }
        r
    }
}

/// The caller's number, as the network gives it: the trusted header, or
/// for a loopback caller without it, the configured number.
fn caller(config: &Config, req: &Request<Incoming>, peer: SocketAddr) -> Option<String> {
    if let Some(name) = &config.msisdn_header {
        if let Some(v) = req.headers().get(name.as_str()) {
            return v.to_str().ok().and_then(msisdn_of);
        }
    }
    if peer.ip().is_loopback() {
        return config.loopback_msisdn.as_deref().and_then(msisdn_of);
    }
    None
}

async fn handle(
    shared: Arc<Shared>,
    peer: SocketAddr,
    req: Request<Incoming>,
) -> Result<Response<Chunks>, Infallible> {
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let caller = caller(&shared.config, &req, peer);
    let content_type = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let reply = match (&method, path.as_str()) {
        (&Method::POST, "/mms") => post(&shared, req, content_type, caller).await,
        (&Method::GET, p) | (&Method::HEAD, p) => get(&shared, p, caller.as_deref()).await,
        _ => Reply::text(
            StatusCode::METHOD_NOT_ALLOWED,
            format!("{method} {path}: the MMSC takes POST /mms and GET"),
        ),
    };
    Ok(reply.into_response())
}

async fn post(
    shared: &Shared,
    req: Request<Incoming>,
    content_type: Option<String>,
    caller: Option<String>,
) -> Reply {
    let media = content_type.as_deref().map(|c| {
        c.split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase()
    });
    if let Some(m) = media.filter(|m| m != MMS_MEDIA_TYPE) {
        return Reply::text(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("POST /mms takes {MMS_MEDIA_TYPE}, not {m}"),
        );
    }
    // A declared length beyond the limit is refused before reading a byte.
    let declared = req
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let too_large = || {
        Reply::text(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the MMSC takes PDUs of at most {MAX_BODY} octets"),
        )
        .header("connection", "close")
    };
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return too_large();
    }
    let reading = Limited::new(req.into_body(), MAX_BODY).collect();
    let raw = match tokio::time::timeout(shared.config.body_timeout, reading).await {
        Ok(Ok(body)) => body.to_bytes(),
        Ok(Err(e)) if e.is::<LengthLimitError>() => return too_large(),
        Ok(Err(e)) => {
            return Reply::text(StatusCode::BAD_REQUEST, format!("reading the body: {e}"))
        }
        Err(_) => {
            return Reply::text(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "the body did not arrive within {} s",
                    shared.config.body_timeout.as_secs_f64()
                ),
            )
            .header("connection", "close")
        }
    };
    post_mms(shared, raw, caller.as_deref())
}

/// A POST /mms body that was read in full.
fn post_mms(shared: &Shared, raw: Bytes, caller: Option<&str>) -> Reply {
    let message = match Message::decode(&raw) {
        Ok(m) => m,
        Err(MessageError::UnknownType(None)) => {
            return Reply::text(StatusCode::BAD_REQUEST, no_message_type(&raw))
        }
        Err(e) => {
            return Reply::text(
                StatusCode::BAD_REQUEST,
                format!("the body is not an MMS PDU: {e}"),
            )
        }
    };
    let result = match &message {
        Message::SendReq(req) => submit(shared, req, &raw, caller).map(Reply::pdu),
        // MMS_ENC 1.3 §6.2: the recipient's answer to the notification.
        Message::NotifyRespInd(r) => Ok(answered(
            shared,
            caller,
            &r.transaction_id,
            r.status,
            r.report_allowed,
            "m-notifyresp-ind",
        )),
        // MMS_ENC 1.3 §6.3: after a deferred retrieval, the recipient
        // acknowledges the m-retrieve-conf: retrieved.
        Message::AcknowledgeInd(a) => Ok(answered(
            shared,
            caller,
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

/// A message as submitted.
#[derive(Debug)]
struct Stored {
    /// The m-send-req as it came: the one copy of the body.
    raw: Bytes,
    /// The sender's address as the recipients see it (None when hidden).
    shown_from: Option<String>,
    /// The sender's number, where delivery reports go.
    sender_msisdn: Option<String>,
    /// Date of submission.
    date: u64,
    /// When it is dropped (X-Mms-Expiry, capped), seconds since 1970.
    expires: u64,
    /// X-Mms-Delivery-Report: Yes in the m-send-req.
    delivery_report: bool,
    /// The ids of the recipients' copies.
    copies: Vec<String>,
}

/// One recipient's copy.
#[derive(Debug)]
struct Delivery {
    message_id: String,
    /// The recipient's address as the sender wrote it.
    recipient: String,
    /// The recipient's number.
    number: String,
    /// The m-retrieve-conf served at its Content-Location, as buffers:
    /// this copy's headers, then the message body shared with every other
    /// copy (None: the recipient has no MMS and got a web link).
    retrieve_conf: Option<Vec<Bytes>>,
    /// The octets this copy holds of its own (not the shared body).
    own_bytes: usize,
    /// The statuses reported to the sender so far.
    reported: Vec<Status>,
}

#[derive(Debug, Default)]
struct State {
    messages: HashMap<String, Arc<Stored>>,
    deliveries: HashMap<String, Delivery>,
    outboxes: HashMap<String, Vec<String>>,
    /// (expiry, Message-ID), soonest first.
    expiries: BTreeSet<(u64, String)>,
    stored_bytes: usize,
    notify_responses: usize,
    acknowledgements: usize,
}

impl State {
    fn stats(&self) -> Stats {
        Stats {
            messages: self.messages.len(),
            deliveries: self.deliveries.len(),
            stored_bytes: self.stored_bytes,
            notify_responses: self.notify_responses,
            acknowledgements: self.acknowledgements,
        }
    }

    /// Drops the messages whose X-Mms-Expiry has passed (MMS_ENC 1.3
    /// §7.3.20: the time the MMSC keeps the message for retrieval).
    fn purge(&mut self, now: u64) {
        while let Some((at, id)) = self.expiries.first().cloned() {
            if at > now {
                break;
            }
            self.expiries.pop_first();
            if let Some(stored) = self.messages.remove(&id) {
                self.stored_bytes -= stored.raw.len();
                for copy in &stored.copies {
                    if let Some(d) = self.deliveries.remove(copy) {
                        self.stored_bytes -= d.own_bytes;
                    }
                }
            }
        }
    }

    fn queue(&mut self, number: &str, lines: Vec<String>) {
        self.stored_bytes += lines.iter().map(String::len).sum::<usize>();
        self.outboxes
            .entry(number.to_string())
            .or_default()
            .extend(lines);
    }
}

/// A new id: 128 random bits in hex.
fn new_id() -> Result<String, String> {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).map_err(|e| format!("no random numbers: {e}"))?;
    Ok(smsc::hex(&b))
}

/// Short messages to queue: (number, lines).
type Outgoing = Vec<(String, Vec<String>)>;

/// MMS_ENC 1.3 §6.1.1–§6.1.2: takes an m-send-req, answers m-send-conf,
/// and tells each recipient. Everything is built before the store is
/// locked, which then only takes it in.
fn submit(
    shared: &Shared,
    req: &SendReq<'_>,
    raw: &Bytes,
    caller: Option<&str>,
) -> Result<Vec<u8>, String> {
    let config = &shared.config;
    let version = req.version.min(Version::V1_3);
    let refuse = |status: ResponseStatus, text: &str| -> Result<Vec<u8>, String> {
        shared.say(format!(
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
    let body = raw.slice_ref(body);
    // The sender is who the network says (the gateway's header, or the
    // loopback number): From is the Insert-address-token, which the MMSC
    // MUST replace with that address (§6.1.1), or that same number.
    let Some(caller) = caller else {
        return refuse(
            ADDRESS_UNRESOLVED,
            "the request carries no number from the network (X-MSISDN)",
        );
    };
    let from = match &req.from {
        FromValue::InsertAddress => format!("{caller}/TYPE=PLMN"),
        FromValue::Address(a) => {
            let a = a.to_string_lossy().into_owned();
            if msisdn_of(&a).as_deref() != Some(caller) {
                return refuse(
                    SERVICE_DENIED,
                    &format!("From {a} is not the sender's number, {caller}"),
                );
            }
            a
        }
    };
    let sender_msisdn = Some(caller.to_string());
    // To, Cc and Bcc: at least one (§6.1.1); PLMN numbers are reached,
    // and e-mail addresses over MM3 when the MMSC writes mail.
    let mut recipients: Vec<(String, String)> = Vec::new();
    let mut mail_recipients: Vec<String> = Vec::new();
    let mut seen = BTreeSet::new();
    let mut unreachable: Vec<(String, &str)> = Vec::new();
    for a in req.to.iter().chain(&req.cc).chain(&req.bcc) {
        let a = a.to_string_lossy().into_owned();
        match msisdn_of(&a) {
            Some(n) if seen.insert(n.clone()) => recipients.push((n, a)),
            Some(_) => {}
            None => match email_of(&a) {
                Some(e) if WRITES_MAIL && seen.insert(e.to_ascii_lowercase()) => {
                    mail_recipients.push(e)
                }
                Some(_) if WRITES_MAIL => {}
                Some(_) => unreachable.push((
                    a,
                    "an e-mail address, and this MMSC was built without the mail feature",
                )),
                None => unreachable.push((a, "not a PLMN number")),
            },
        }
    }
    let count = recipients.len() + mail_recipients.len();
    if count > config.max_recipients {
        return refuse(
            SERVICE_DENIED,
            &format!(
                "{count} recipients; this MMSC takes at most {}",
                config.max_recipients
            ),
        );
    }
    if count == 0 {
        return if unreachable.is_empty() {
            refuse(FORMAT_CORRUPT, "no recipient (To, Cc or Bcc)")
        } else {
            let reaches = if WRITES_MAIL {
                "PLMN numbers and e-mail addresses only"
            } else {
                "PLMN numbers only"
            };
            let addresses: Vec<&str> = unreachable.iter().map(|(a, _)| a.as_str()).collect();
            refuse(
                PERMANENT_FAILURE,
                &format!(
                    "no recipient this MMSC reaches ({reaches}): {}",
                    addresses.join(", ")
                ),
            )
        };
    }
    // Date: the MMSC inserts the time of arrival when absent (§6.1.1).
    let arrival = now();
    let date = req.date.unwrap_or(arrival);
    // X-Mms-Expiry (§7.3.20): how long the message is kept, at most
    // max_expiry; a time already past is refused.
    let longest = arrival.saturating_add(config.max_expiry);
    let expires = match req.expiry {
        Some(Time::Relative(s)) => arrival.saturating_add(s).min(longest),
        Some(Time::Absolute(t)) => t.min(longest),
        None => arrival.saturating_add(config.expiry).min(longest),
    };
    if expires <= arrival {
        return refuse(SERVICE_DENIED, "X-Mms-Expiry is already past");
    }
    let hidden = req.sender_visibility == Some(HIDE);
    let shown_from = (!hidden).then(|| from.clone());
    let message_id = new_id()?;
    let mut log = vec![format!(
        "m-send-req {} from {from}: Message-ID {message_id}, {count} recipient(s), {} octets{}",
        req.transaction_id.to_string_lossy(),
        raw.len(),
        if req.delivery_report == Some(true) {
            ", delivery report asked"
        } else {
            ""
        }
    )];
    for (a, why) in &unreachable {
        log.push(format!("  {a}: {why}, not delivered"));
    }
    let mut deliveries = Vec::with_capacity(recipients.len());
    let mut outgoing: Outgoing = Vec::new();
    let mut new_bytes = raw.len();
    // Every copy's m-retrieve-conf is the same but for its
    // X-Mms-Transaction-Id (MMS_ENC 1.3 §6.3: the copy's own id, so that
    // an m-acknowledge-ind names the copy): it is encoded once, around a
    // stand-in id of the same length, and each copy holds only the
    // octets up to and including its own id.
    let mut template: Option<RetrieveTemplate> = None;
    for (number, address) in &recipients {
        let id = new_id()?;
        let (retrieve, own_bytes) = if config.legacy.contains(number) {
            let lines = tell_legacy(shared, number, &id, shown_from.as_deref(), &mut log);
            outgoing.push((number.clone(), lines));
            (None, 0)
        } else {
            if template.is_none() {
                template = Some(RetrieveTemplate::new(
                    req,
                    &body,
                    &message_id,
                    date,
                    shown_from.as_deref(),
                )?);
            }
            let Some(t) = &template else {
                return Err("no m-retrieve-conf".into());
            };
            let chunks = t.copy(&id)?;
            let size: usize = chunks.iter().map(Bytes::len).sum();
            let own = chunks[0].len();
            let lines = notify(
                shared,
                req,
                number,
                &id,
                size,
                expires,
                &shown_from,
                &mut log,
            )?;
            outgoing.push((number.clone(), lines));
            (Some(chunks), own)
        };
        new_bytes += own_bytes;
        deliveries.push((
            id,
            Delivery {
                message_id: message_id.clone(),
                recipient: address.clone(),
                number: number.clone(),
                retrieve_conf: retrieve,
                own_bytes,
                reported: Vec::new(),
            },
        ));
    }
    // MM3: one Internet message per e-mail recipient, written once the
    // store has taken the message.
    let mut mails: Vec<(String, String, Vec<u8>)> = Vec::with_capacity(mail_recipients.len());
    for address in mail_recipients {
        let id = new_id()?;
        let eml = mm3_mail(req, &body, &message_id, &id, date, shown_from.as_deref())?;
        mails.push((address, id, eml));
    }
    new_bytes += outgoing
        .iter()
        .flat_map(|(_, lines)| lines.iter().map(String::len))
        .sum::<usize>();
    let stored = Stored {
        raw: raw.clone(),
        shown_from,
        sender_msisdn,
        date,
        expires,
        delivery_report: req.delivery_report == Some(true),
        copies: deliveries.iter().map(|(id, _)| id.clone()).collect(),
    };
    let mut state = shared.lock();
    state.purge(arrival);
    if state.stored_bytes + new_bytes > config.max_stored_bytes {
        drop(state);
        return refuse(
            TRANSIENT_FAILURE,
            "the MMSC's store is full; try again later",
        );
    }
    state.stored_bytes += raw.len();
    for (id, d) in deliveries {
        state.stored_bytes += d.own_bytes;
        state.deliveries.insert(id, d);
    }
    for (number, lines) in outgoing {
        state.queue(&number, lines);
    }
    state.expiries.insert((expires, message_id.clone()));
    state.messages.insert(message_id.clone(), Arc::new(stored));
    drop(state);
    for (address, id, eml) in mails {
        log.push(match write_mail(&config.outbox, &id, &eml) {
            Ok(path) => format!("  {address}: e-mail (MM3), written to {}", path.display()),
            Err(e) => format!("  {address}: e-mail (MM3) not written: {e}"),
        });
    }
    for line in log {
        shared.say(line);
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

/// Whether e-mail recipients are reached (MM3): the `mail` feature.
const WRITES_MAIL: bool = cfg!(feature = "mail");

/// The address of an e-mail recipient (MMS_ENC 1.3 §8: an RFC 2822
/// addr-spec, or a name-addr whose addr-spec it is); None for another kind
/// of address.
pub fn email_of(address: &str) -> Option<String> {
    match Address::parse(address.trim()) {
        Ok(Address::Email(e)) => Some(e.to_string()),
        _ => None,
    }
}

/// 3GPP TS 23.140 §8.3 (MM3): the message for one e-mail recipient, as
/// the m-retrieve-conf of its copy (`id` its X-Mms-Transaction-Id) carries
/// it, written as an Internet message in the MM4 form of §8.4. A hidden
/// sender is written as `anonymous@` the mail domain, as mail needs a From
/// (RFC 5322 §3.6).
#[cfg(feature = "mail")]
fn mm3_mail(
    req: &SendReq<'_>,
    body: &Bytes,
    message_id: &str,
    id: &str,
    date: u64,
    shown_from: Option<&str>,
) -> Result<Vec<u8>, String> {
    use mms_pdu::mail::{pdu_to_mime, MailOptions};

    let conf = RetrieveConf {
        version: Version::V1_2,
        transaction_id: Some(text(id)?),
        message_id: Some(text(message_id)?),
        date,
        from: Some(shown_from.map_or(FromValue::InsertAddress, |f| FromValue::Address(encoded(f)))),
        to: req.to.clone(),
        cc: req.cc.clone(),
        subject: req.subject.clone(),
        message_class: req.message_class.clone(),
        priority: req.priority,
        delivery_report: req.delivery_report,
        read_report: req.read_report,
        content_type: req.content_type.clone(),
        body: Some(Body::Data(Data::Shared(body.clone()))),
        ..RetrieveConf::default()
    }
    .encode()
    .map_err(|e| e.to_string())?;
    // Decoded again, so that the body is read as the multipart it is.
    let pdu = mms_pdu::Pdu::decode(&conf).map_err(|e| e.to_string())?;
    let mut opts = MailOptions::default();
    opts.sender = Some(format!("anonymous@{}", opts.domain));
    pdu_to_mime(&pdu, &opts).map_err(|e| e.to_string())
}

/// Without the `mail` feature no recipient is an e-mail one.
#[cfg(not(feature = "mail"))]
fn mm3_mail(
    _req: &SendReq<'_>,
    _body: &Bytes,
    _message_id: &str,
    _id: &str,
    _date: u64,
    _shown_from: Option<&str>,
) -> Result<Vec<u8>, String> {
    Err("this MMSC was built without the mail feature".into())
}

/// Writes `eml` as `<id>.eml` in `outbox` (created when missing), whole or
/// not at all: a mail transfer agent picking files up never sees half of
/// one.
fn write_mail(outbox: &std::path::Path, id: &str, eml: &[u8]) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(outbox)?;
    let path = outbox.join(format!("{id}.eml"));
    let partial = outbox.join(format!(".{id}.eml.part"));
    std::fs::write(&partial, eml)?;
    std::fs::rename(&partial, &path)?;
    Ok(path)
}

/// MMS_ENC 1.3 §6.2: the m-notification-ind, in a WSP push to the MMS
/// user agent (WAP-230 §8.2.4.1, X-Wap-Application-Id mms.ua; WAP-251
/// for push over the air), over SMS to the WDP push port.
#[allow(clippy::too_many_arguments)]
fn notify(
    shared: &Shared,
    req: &SendReq<'_>,
    number: &str,
    id: &str,
    size: usize,
    expires: u64,
    shown_from: &Option<String>,
    log: &mut Vec<String>,
) -> Result<Vec<String>, String> {
    let ind = NotificationInd {
        version: Version::V1_2,
        transaction_id: text(id)?,
        from: shown_from
            .as_deref()
            .map(|f| FromValue::Address(encoded(f))),
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
        // As the sender gave it, else the relative default; the MMSC
        // keeps the message until `expires` either way.
        expiry: match req.expiry {
            Some(e) => e,
            None => Time::Relative(expires.saturating_sub(now())),
        },
        content_location: text(&format!("{}/mms/{id}", shared.base))?,
        ..NotificationInd::default()
    };
    let pdu = ind.encode().map_err(|e| e.to_string())?;
    log.push(format!(
        "  {number}: m-notification-ind, Transaction-Id {id}, Message-Size {size}, Content-Location {}/mms/{id}",
        shared.base
    ));
    push(shared, number, pdu, "m-notification-ind", log)
}

/// A handset without MMS: a text SMS with a link to the web page.
fn tell_legacy(
    shared: &Shared,
    number: &str,
    id: &str,
    shown_from: Option<&str>,
    log: &mut Vec<String>,
) -> Vec<String> {
    let url = format!("{}/web/{id}", shared.base);
    let text = match shown_from {
        Some(f) => format!(
            "You have a multimedia message from {}: {url}",
            msisdn_of(f).unwrap_or_else(|| f.to_string())
        ),
        None => format!("You have a multimedia message: {url}"),
    };
    log.push(format!("  {number}: no MMS; text SMS \"{text}\""));
    let reference = shared.next_sms_reference.fetch_add(1, Ordering::Relaxed);
    lines_of(number, &smsc::text_messages(&text, reference), log)
}

/// Wraps an MMS PDU in a connectionless WSP Push and splits it into the
/// short messages to queue for `number`.
fn push(
    shared: &Shared,
    number: &str,
    pdu: Vec<u8>,
    what: &str,
    log: &mut Vec<String>,
) -> Result<Vec<String>, String> {
    let tid = shared.next_push_tid.fetch_add(1, Ordering::Relaxed);
    let push = Push::mms(tid, pdu).to_vec().map_err(|e| e.to_string())?;
    let reference = shared.next_sms_reference.fetch_add(1, Ordering::Relaxed);
    let messages = smsc::push_messages(&push, reference)?;
    log.push(format!(
        "  SMS to {number}: {what} in a WAP push (TID {tid}, {} octets), {} short message(s):",
        push.len(),
        messages.len()
    ));
    Ok(lines_of(number, &messages, log))
}

fn lines_of(number: &str, messages: &[smsc::Sms], log: &mut Vec<String>) -> Vec<String> {
    messages
        .iter()
        .map(|m| {
            let line = m.to_line();
            log.push(format!("    {number} {line}"));
            line
        })
        .collect()
}

/// MMS_ENC 1.3 §6.2 (m-notifyresp-ind) and §6.3 (m-acknowledge-ind):
/// records the recipient's status and, when the sender asked for it
/// and the recipient allows it (X-Mms-Report-Allowed), reports it in
/// an m-delivery-ind (§6.5) pushed to the sender. Only the recipient
/// of the copy may answer for it.
fn answered(
    shared: &Shared,
    caller: Option<&str>,
    tid: &Text<'_>,
    status: Status,
    report_allowed: Option<bool>,
    what: &str,
) -> Reply {
    let id = tid.to_string_lossy().into_owned();
    let mut state = shared.lock();
    state.purge(now());
    let Some(delivery) = state.deliveries.get(&id) else {
        return Reply::not_found(format!("no notification with X-Mms-Transaction-Id {id}"));
    };
    if caller != Some(delivery.number.as_str()) {
        return Reply::forbidden(format!(
            "{what}: X-Mms-Transaction-Id {id} is not a notification sent to {}",
            caller.unwrap_or("an unknown number")
        ));
    }
    if delivery.retrieve_conf.is_none() {
        return Reply::not_found(format!("{id} was sent as a text message, not notified"));
    }
    let Some(stored) = state.messages.get(&delivery.message_id).cloned() else {
        return Reply::not_found(format!("message {}", delivery.message_id));
    };
    let report = stored.delivery_report
        && report_allowed != Some(false)
        && !delivery.reported.contains(&status);
    let (message_id, recipient) = (delivery.message_id.clone(), delivery.recipient.clone());
    if what == "m-acknowledge-ind" {
        state.acknowledgements += 1;
    } else {
        state.notify_responses += 1;
    }
    shared.say(format!(
        "{what} {id}: Status {status}{}",
        match report_allowed {
            Some(false) => ", Report-Allowed No",
            _ => "",
        }
    ));
    if let (true, Some(sender)) = (report, stored.sender_msisdn.as_deref()) {
        let ind = DeliveryInd {
            version: Version::V1_2,
            message_id: text(&message_id).unwrap_or_default(),
            to: encoded(&recipient),
            date: now(),
            status,
            ..DeliveryInd::default()
        };
        let mut log = Vec::new();
        let lines = ind
            .encode()
            .map_err(|e| e.to_string())
            .and_then(|pdu| push(shared, sender, pdu, "m-delivery-ind", &mut log));
        match lines {
            Ok(lines) => state.queue(sender, lines),
            Err(e) => return Reply::internal(e),
        }
        if let Some(d) = state.deliveries.get_mut(&id) {
            d.reported.push(status);
        }
        for line in log {
            shared.say(line);
        }
    }
    Reply::empty()
}

/// The answer to a GET. The store is locked only to look up and clone
/// shared buffers; pages are built outside it, on a blocking thread.
async fn get(shared: &Shared, path: &str, caller: Option<&str>) -> Reply {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match segments.as_slice() {
        [""] => Reply::text(StatusCode::OK, INDEX),
        ["mms", id] => {
            let mut state = shared.lock();
            state.purge(now());
            let found = state
                .deliveries
                .get(*id)
                .map(|d| (d.number.clone(), d.retrieve_conf.clone()));
            drop(state);
            match found {
                Some((number, _)) if caller != Some(number.as_str()) => Reply::forbidden(format!(
                    "/mms/{id} is not a message for {}",
                    caller.unwrap_or("an unknown number")
                )),
                Some((_, Some(chunks))) => {
                    let size: usize = chunks.iter().map(Bytes::len).sum();
                    shared.say(format!("GET /mms/{id}: m-retrieve-conf, {size} octets"));
                    Reply::new(StatusCode::OK, MMS_MEDIA_TYPE, chunks)
                }
                _ => Reply::not_found(format!("no message at /mms/{id}")),
            }
        }
        ["smsc", number] => {
            let number = percent_decode(number);
            let number = msisdn_of(&number).unwrap_or(number);
            if caller != Some(number.as_str()) {
                return Reply::forbidden(format!(
                    "the SMS queue of {number} is read by its handset only"
                ));
            }
            let mut state = shared.lock();
            let lines = state.outboxes.remove(&number).unwrap_or_default();
            state.stored_bytes -= lines.iter().map(String::len).sum::<usize>();
            drop(state);
            let mut body = lines.join("\n");
            if !body.is_empty() {
                body.push('\n');
            }
            Reply::new(
                StatusCode::OK,
                "text/plain; charset=utf-8",
                vec![body.into()],
            )
        }
        ["web", id] => {
            let Some(stored) = stored_of(shared, id) else {
                return Reply::not_found(format!("no message at /web/{id}"));
            };
            let id = id.to_string();
            let page = tokio::task::spawn_blocking(move || web_page(&stored, &id)).await;
            match page {
                Ok(Ok(html)) => Reply::new(
                    StatusCode::OK,
                    "text/html; charset=utf-8",
                    vec![html.into()],
                )
                .header("x-content-type-options", "nosniff")
                .header(
                    "content-security-policy",
                    "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
                )
                .header("referrer-policy", "no-referrer"),
                Ok(Err(e)) => Reply::internal(e),
                Err(e) => Reply::internal(e),
            }
        }
        ["web", id, "part", n] => {
            let Some((stored, k)) = stored_of(shared, id).zip(n.parse::<usize>().ok()) else {
                return Reply::not_found(format!("no part {n} in /web/{id}"));
            };
            let part = tokio::task::spawn_blocking(move || web_part(&stored, k)).await;
            match part {
                Ok(Some((content_type, inline, data))) => {
                    let r = Reply::new(StatusCode::OK, &content_type, vec![data.into()])
                        .header("x-content-type-options", "nosniff")
                        .header("content-security-policy", "sandbox; default-src 'none'")
                        .header("referrer-policy", "no-referrer");
                    if inline {
                        r
                    } else {
                        r.header(
                            "content-disposition",
                            format!("attachment; filename=\"part-{k}\""),
                        )
                    }
                }
                _ => Reply::not_found(format!("no part {n} in /web/{id}")),
            }
        }
        _ => Reply::not_found(path),
    }
}

/// The message a copy's id names (its web page is reached by the id alone).
fn stored_of(shared: &Shared, id: &str) -> Option<Arc<Stored>> {
    let mut state = shared.lock();
    state.purge(now());
    let d = state.deliveries.get(id)?;
    state.messages.get(&d.message_id).cloned()
}

const INDEX: &str = "\
mms-pdu example MMSC
POST /mms                 m-send-req, m-notifyresp-ind, m-acknowledge-ind (application/vnd.wap.mms-message)
GET  /mms/<id>            m-retrieve-conf (its recipient only)
GET  /smsc/<msisdn>       the short messages queued for a number (its handset only; emptied on read)
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
/// Message-ID and Date the MMSC gave, and the body octets as sent. The
/// message's copies share all of it but their X-Mms-Transaction-Id.
struct RetrieveTemplate {
    /// The octets before the Transaction-Id's text.
    before: Bytes,
    /// From the Transaction-Id's terminating NUL to the body.
    after: Bytes,
    /// The body: a slice of the stored m-send-req.
    body: Bytes,
    /// The length of the ids it takes.
    id_len: usize,
}

impl RetrieveTemplate {
    fn new(
        req: &SendReq<'_>,
        body: &Bytes,
        message_id: &str,
        date: u64,
        shown_from: Option<&str>,
    ) -> Result<Self, String> {
        // A stand-in id, random so that it occurs nowhere else.
        let stand_in = new_id()?;
        let chunks = RetrieveConf {
            version: Version::V1_2,
            transaction_id: Some(text(&stand_in)?),
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
            body: Some(Body::Data(Data::Shared(body.clone()))),
            ..RetrieveConf::default()
        }
        .to_pdu()
        .encode_vectored()
        .map_err(|e| e.to_string())?;
        // [headers, body]: encode_vectored hands a shared body on as is;
        // one below Pdu::SHARED_CHUNK_MIN comes inline, after the headers.
        let head = match chunks.as_slice() {
            [head, shared_body] if shared_body.as_ptr() == body.as_ptr() => head.clone(),
            [whole] if body.len() < mms_pdu::Pdu::SHARED_CHUNK_MIN => {
                whole.slice(..whole.len() - body.len())
            }
            _ => return Err(format!("{} buffers from encode_vectored", chunks.len())),
        };
        let at = head
            .windows(stand_in.len())
            .position(|w| w == stand_in.as_bytes())
            .ok_or("no Transaction-Id in the m-retrieve-conf")?;
        Ok(RetrieveTemplate {
            before: head.slice(..at),
            after: head.slice(at + stand_in.len()..),
            body: body.clone(),
            id_len: stand_in.len(),
        })
    }

    /// One copy's m-retrieve-conf: its own few octets, then the shared ones.
    fn copy(&self, id: &str) -> Result<Vec<Bytes>, String> {
        if id.len() != self.id_len {
            return Err(format!("an id of {} characters", id.len()));
        }
        let mut own = Vec::with_capacity(self.before.len() + id.len());
        own.extend_from_slice(&self.before);
        own.extend_from_slice(id.as_bytes());
        Ok(vec![own.into(), self.after.clone(), self.body.clone()])
    }
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

/// Part n of a stored message: (Content-Type to serve, whether inline,
/// octets). Only the media types of [`INLINE_MEDIA`] are served as
/// themselves; any other part is a download of octets.
fn web_part(stored: &Stored, n: usize) -> Option<(String, bool, Vec<u8>)> {
    let req = SendReq::decode(&stored.raw).ok()?;
    let (ct, data, _) = parts_of(&req).into_iter().nth(n)?;
    let media = ct.media().name().to_ascii_lowercase();
    if !INLINE_MEDIA.contains(&media.as_str()) {
        return Some(("application/octet-stream".into(), false, data));
    }
    let content_type = match ct.charset() {
        Some(cs) if media.starts_with("text/") => format!("{media}; charset={cs}"),
        _ => media,
    };
    Some((content_type, true, data))
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
