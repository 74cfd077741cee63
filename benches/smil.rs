//! Criterion benches of the SMIL presentation: parsing a typical MMS SMIL
//! of about 1 KB (a handset's layout, four slides of image, text and
//! audio), resolving it against its parts, and writing it back.
//!
//! Run with `cargo bench --bench smil`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use mms_pdu::smil::{resolve, Presentation};
use mms_pdu::wsp::{ContentType, Media, Multipart, Part, Text, WspHeader};

/// A presentation as a handset writes it: declaration, namespace, layout,
/// four slides referring to their parts by Content-Location and Content-ID.
const TYPICAL: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<smil xmlns="http://www.w3.org/2001/SMIL20/Language">
  <head>
    <layout>
      <root-layout width="320" height="480" background-color="#FFFFFF"/>
      <region id="Image" top="0" left="0" width="100%" height="80%" fit="meet"/>
      <region id="Text" top="80%" left="0" width="100%" height="20%" fit="scroll"/>
    </layout>
  </head>
  <body>
    <par dur="5000ms">
      <img src="IMG_20240101_120000.jpg" region="Image" alt="Beach"/>
      <text src="text_001.txt" region="Text"/>
    </par>
    <par dur="8000ms">
      <img src="cid:IMG_20240101_120500.jpg" region="Image"/>
      <text src="text_002.txt" region="Text"/>
      <audio src="waves.amr" begin="0s" end="8s"/>
    </par>
    <par dur="5s">
      <video src="clip_0001.3gp" region="Image" dur="media"/>
      <text src="text_003.txt" region="Text"/>
    </par>
    <par dur="00:00:05">
      <img src="IMG_20240101_121000.jpg" region="Image"/>
      <text src="cid:text_004.txt" region="Text"/>
    </par>
  </body>
</smil>
"##;

fn body() -> Multipart<'static> {
    let names = [
        ("image/jpeg", "IMG_20240101_120000.jpg"),
        ("text/plain", "text_001.txt"),
        ("image/jpeg", "IMG_20240101_120500.jpg"),
        ("text/plain", "text_002.txt"),
        ("audio/amr", "waves.amr"),
        ("video/3gpp", "clip_0001.3gp"),
        ("text/plain", "text_003.txt"),
        ("image/jpeg", "IMG_20240101_121000.jpg"),
        ("text/plain", "text_004.txt"),
    ];
    let mut m = Multipart::new();
    m.parts.push(Part::new(
        ContentType::new(Media::from_name("application/smil")),
        TYPICAL.as_bytes(),
    ));
    for (media, name) in names {
        let mut p = Part::new(ContentType::new(Media::from_name(media)), &b"data"[..]);
        p.headers.push(WspHeader::ContentId {
            id: Text::from_string(format!("<{name}>")).unwrap(),
            quoted: true,
        });
        p.headers
            .push(WspHeader::ContentLocation(Text::new(name).unwrap()));
        m.parts.push(p);
    }
    m
}

fn smil(c: &mut Criterion) {
    let mut g = c.benchmark_group("smil");
    g.throughput(Throughput::Bytes(TYPICAL.len() as u64));
    g.bench_function("parse/typical_1k", |b| {
        b.iter(|| Presentation::parse(black_box(TYPICAL)).unwrap())
    });
    let body = body();
    let parsed = Presentation::parse(TYPICAL).unwrap();
    g.bench_function("resolve/typical_1k", |b| {
        b.iter(|| {
            let mut p = parsed.clone();
            resolve(black_box(&mut p), black_box(&body))
        })
    });
    g.bench_function("write/typical_1k", |b| {
        b.iter(|| black_box(&parsed).to_xml())
    });
    g.finish();
}

criterion_group!(benches, smil);
criterion_main!(benches);
