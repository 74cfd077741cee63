//! Every mmsdump view takes time linear in its input: each is timed on
//! inputs of size N, 2N and 4N (many parts, many headers, a long SMIL
//! presentation), best of three, and 4N may cost at most 6 times N (about
//! 2.5 times per doubling; a quadratic pass costs 16 times).
//!
//! Time is the CPU time of the test's thread where Linux tells it
//! (`/proc/thread-self/schedstat`), so that other processes on a busy
//! machine do not count; elsewhere the wall clock. That clock moves by
//! scheduler ticks (a few ms), so each figure is the mean over as many
//! renders as make up [`WINDOW`].

// The program brings the shared module it is built with.
#![allow(clippy::duplicate_mod)]

#[allow(dead_code)]
#[path = "../examples/mmsdump/main.rs"]
mod mmsdump;

use std::time::{Duration, Instant};

use mms_pdu::wsp::{
    Charset, ContentType, EncodedString, Media, Multipart, ParamValue, Parameter, Part, Text,
    WspHeader,
};
use mms_pdu::{Body, FieldCode, FromValue, Header, MessageType, Pdu, Value, Version};

/// The views, colour off.
const VIEWS: &[&[&str]] = &[
    &["--color=never", "--with-data"],
    &["--color=never", "--hex"],
    &["--color=never", "--json", "--pretty", "--with-data"],
    &["--color=never", "--summary", "--strict"],
];

/// At most this much for 4N against N.
const MAX_RATIO: f64 = 6.0;

fn text(s: String) -> Text<'static> {
    Text::from_string(s).unwrap()
}

fn smil_part(smil: String) -> Part<'static> {
    let mut p = Part::new(
        ContentType::new(Media::from_name("application/smil"))
            .with(Parameter::charset(Charset::UTF_8)),
        smil.into_bytes(),
    );
    p.headers
        .push(WspHeader::ContentLocation(text("smil.xml".into())));
    p
}

/// An m-retrieve-conf of `body`, a multipart/related with the SMIL first.
fn retrieve_conf(headers: Vec<Header<'static>>, m: Multipart<'static>) -> Vec<u8> {
    let mut pdu = Pdu::new(MessageType::RETRIEVE_CONF, Version::V1_3);
    pdu.push(FieldCode::DATE, Value::Long(1_700_000_000));
    pdu.headers.extend(headers);
    pdu.set_body(
        ContentType::new(Media::from_name("application/vnd.wap.multipart.related")).with(
            Parameter::typed(
                0x09,
                ParamValue::Media(Media::from_name("application/smil")),
            ),
        ),
        Body::Multipart(m),
    );
    pdu.encode().unwrap()
}

/// `n` image parts, each with a Content-ID, a Content-Location, a name and
/// a few octets, and a SMIL that shows the first.
fn many_parts(n: usize) -> Vec<u8> {
    let mut m = Multipart::new();
    m.parts.push(smil_part(
        "<smil><body><par><img src=\"p0.gif\"/></par></body></smil>".into(),
    ));
    for k in 0..n {
        let mut p = Part::new(
            ContentType::new(Media::from_name("image/gif")).with(Parameter::typed(
                0x05,
                ParamValue::Text(text(format!("p{k}.gif"))),
            )),
            b"GIF89a\x01\x00".to_vec(),
        );
        p.headers.push(WspHeader::ContentId {
            id: text(format!("<p{k}>")),
            quoted: true,
        });
        p.headers
            .push(WspHeader::ContentLocation(text(format!("p{k}.gif"))));
        m.parts.push(p);
    }
    retrieve_conf(Vec::new(), m)
}

/// `n` To headers and `n` application headers, and a one-part body.
fn many_headers(n: usize) -> Vec<u8> {
    let mut headers = Vec::new();
    for k in 0..n {
        headers.push(Header::field(
            FieldCode::TO,
            Value::EncodedString(EncodedString::text(text(format!(
                "+3361234{k:04}/TYPE=PLMN"
            )))),
        ));
        headers.push(Header::Application {
            name: text(format!("X-Header-{k}")),
            value: text(format!("value {k}")),
        });
    }
    headers.push(Header::field(
        FieldCode::FROM,
        Value::From(FromValue::InsertAddress),
    ));
    let mut m = Multipart::new();
    m.parts.push(Part::new(
        ContentType::new(Media::from_name("text/plain")),
        b"hi".to_vec(),
    ));
    retrieve_conf(headers, m)
}

/// A SMIL of `n` slides, each an image and a text of the same two parts.
fn long_smil(n: usize) -> Vec<u8> {
    let mut smil = String::from(
        "<smil><head><layout><root-layout width=\"176\" height=\"208\"/>\
         <region id=\"Image\" top=\"0\" left=\"0\" width=\"100%\" height=\"80%\"/>\
         <region id=\"Text\" top=\"80%\" left=\"0\" width=\"100%\" height=\"20%\"/>\
         </layout></head><body>",
    );
    for _ in 0..n {
        smil.push_str(
            "<par dur=\"5000ms\"><img src=\"a.gif\" region=\"Image\"/>\
             <text src=\"t.txt\" region=\"Text\"/></par>",
        );
    }
    smil.push_str("</body></smil>");
    let mut m = Multipart::new();
    m.parts.push(smil_part(smil));
    for (name, media, data) in [
        ("a.gif", "image/gif", &b"GIF89a"[..]),
        ("t.txt", "text/plain", &b"hello"[..]),
    ] {
        let mut p = Part::new(ContentType::new(Media::from_name(media)), data.to_vec());
        p.headers
            .push(WspHeader::ContentLocation(text(name.into())));
        m.parts.push(p);
    }
    retrieve_conf(Vec::new(), m)
}

/// How long each measurement renders, again and again.
const WINDOW: Duration = Duration::from_millis(40);

/// Nanoseconds of CPU time this thread has run, if the system says.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// A clock: the thread's CPU time where there is one, else the wall clock.
fn clock() -> impl Fn() -> Duration {
    let wall = Instant::now();
    let cpu = thread_cpu_ns().is_some();
    move || match thread_cpu_ns() {
        Some(ns) if cpu => Duration::from_nanos(ns),
        _ => wall.elapsed(),
    }
}

/// The mean time of one view of `bytes`, over renders for [`WINDOW`].
fn mean_time(options: &[&str], bytes: &[u8]) -> Duration {
    let now = clock();
    let start = now();
    let mut runs = 0u32;
    loop {
        let mut out = Vec::with_capacity(64 * 1024);
        let status = mmsdump::render(options, "in.mms", bytes.to_vec(), &mut out);
        assert!(status == 0 || status == 1, "{options:?}: status {status}");
        assert!(!out.is_empty());
        runs += 1;
        let spent = now() - start;
        if spent >= WINDOW {
            return spent / runs;
        }
    }
}

/// Each view of `build(n)`, `build(2n)`, `build(4n)`: time(4n) / time(n)
/// at most [`MAX_RATIO`].
fn assert_linear(what: &str, n: usize, build: fn(usize) -> Vec<u8>) {
    let inputs = [build(n), build(2 * n), build(4 * n)];
    for view in VIEWS {
        // Interleaved, so that a slow moment of the machine falls on every size.
        let mut times = [Duration::MAX; 3];
        for _ in 0..3 {
            for (t, b) in times.iter_mut().zip(&inputs) {
                *t = (*t).min(mean_time(view, b));
            }
        }
        let ratio = times[2].as_secs_f64() / times[0].as_secs_f64().max(1e-6);
        eprintln!(
            "{what} n={n} {view:?}: {:?} {:?} {:?} (4n/n {ratio:.1})",
            times[0], times[1], times[2]
        );
        assert!(
            ratio <= MAX_RATIO,
            "{what}, mmsdump {view:?}: {n} → {:?}, {} → {:?}, {} → {:?}: 4n/n = {ratio:.1} > {MAX_RATIO}",
            times[0],
            2 * n,
            times[1],
            4 * n,
            times[2]
        );
    }
}

#[test]
fn the_views_are_linear_in_the_parts() {
    assert_linear("parts", 250, many_parts);
}

#[test]
fn the_views_are_linear_in_the_headers() {
    assert_linear("headers", 120, many_headers);
}

/// `n` slides, each showing a part of its own.
fn slides_of_their_own(n: usize) -> Vec<u8> {
    let mut smil = String::from("<smil><body>");
    let mut m = Multipart::new();
    m.parts.push(smil_part(String::new()));
    for k in 0..n {
        smil.push_str(&format!("<par><img src=\"p{k}.gif\"/></par>"));
        let mut p = Part::new(
            ContentType::new(Media::from_name("image/gif")),
            b"GIF".to_vec(),
        );
        p.headers
            .push(WspHeader::ContentLocation(text(format!("p{k}.gif"))));
        m.parts.push(p);
    }
    smil.push_str("</body></smil>");
    m.parts[0] = smil_part(smil);
    retrieve_conf(Vec::new(), m)
}

// The tree and the JSON resolve the SMIL against the parts with
// `smil::from_pdu`, which indexes each body once: n slides of their own,
// each naming its own part, cost n log n (it was n², 4n/n about 5.5 at
// n = 250 and growing, when it scanned the parts for each media element).
#[test]
fn the_views_are_linear_in_the_slides_of_their_own() {
    assert_linear("slides of their own", 250, slides_of_their_own);
}

#[test]
fn the_views_are_linear_in_the_slides() {
    assert_linear("slides", 250, long_smil);
}
