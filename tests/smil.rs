//! The SMIL presentation: the corpus's presentations parse and resolve,
//! generate → parse round-trips, hostile documents fail fast, and each
//! handset quirk the parser accepts has a test.
#![cfg(feature = "smil")]

use std::borrow::Cow;
use std::time::{Duration, Instant};

use mms_pdu::mms::message::SendReq;
use mms_pdu::smil::{
    self, find_smil_part, parse_part, resolve, Fit, Layout, Length, MediaKind, MediaRef,
    Presentation, Region, RootLayout, Slide, SlideContent, SmilErrorKind, SmilLimits, TimeValue,
    UnresolvedReason,
};
use mms_pdu::wsp::{
    Charset, ContentType, Disposition, Media, Multipart, ParamName, ParamValue, Parameter, Part,
    Text, TextValue, WspHeader,
};
use mms_pdu::{Body, Pdu};
use proptest::prelude::*;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/");

// ---------------------------------------------------------------------------
// The corpus

fn is_smil(p: &Part<'_>) -> bool {
    p.content_type
        .media()
        .name()
        .eq_ignore_ascii_case("application/smil")
}

/// Every MMS PDU of the manifest with a multipart/related body holding an
/// application/smil part: its presentation parses, every media element
/// names a part and every part is used.
#[test]
fn every_corpus_presentation_parses_and_resolves() {
    let manifest = std::fs::read_to_string(format!("{ROOT}MANIFEST.tsv")).expect("MANIFEST.tsv");
    let mut checked = Vec::new();
    let mut problems = Vec::new();
    for line in manifest.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, kind) = (cols[0], cols.get(5).copied().unwrap_or(""));
        let bytes = match std::fs::read(format!("{ROOT}{file}")) {
            Ok(b) => b,
            Err(e) => {
                problems.push(format!("{file}: listed but cannot be read: {e}"));
                continue;
            }
        };
        if kind == "wap-push" {
            continue;
        }
        // Garbage on purpose fails to decode; that is corpus.rs's business.
        let Ok(pdu) = Pdu::decode(&bytes) else {
            continue;
        };
        let (Some(Body::Multipart(body)), Some(ct)) = (&pdu.body, pdu.content_type()) else {
            continue;
        };
        if !ct.media().name().contains("multipart.related") || !body.parts.iter().any(is_smil) {
            continue;
        }
        match smil::from_pdu(&pdu) {
            Ok(Some(found)) => {
                let p = &found.presentation;
                for u in &found.resolution.unresolved {
                    let m = &p.slides[u.slide].media[u.media];
                    problems.push(format!(
                        "{file}: slide {} {} src {:?}: {:?}",
                        u.slide,
                        m.kind.element(),
                        m.src,
                        u.reason
                    ));
                }
                for &i in &found.resolution.unused_parts {
                    let part = &body.parts[i];
                    problems.push(format!(
                        "{file}: part {i} ({}, Content-ID {:?}, Content-Location {:?}) is used by no slide",
                        part.content_type.media(),
                        part.content_id(),
                        part.content_location()
                    ));
                }
                assert!(
                    p.media().count() > 0,
                    "{file}: a presentation without media"
                );
                assert!(p.media().all(|m| m.part.is_some()) || !problems.is_empty());
                checked.push(format!(
                    "{file}: SMIL part {}, {} slide(s), {} media",
                    found.part,
                    p.slides.len(),
                    p.media().count()
                ));
            }
            Ok(None) => problems.push(format!("{file}: no SMIL part found")),
            Err(e) => problems.push(format!("{file}: {e}")),
        }
    }
    println!("{}", checked.join("\n"));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        checked.len() >= 23,
        "only {} presentations checked",
        checked.len()
    );
}

#[test]
fn a_corpus_presentation_reads_as_written() {
    let bytes = std::fs::read(format!(
        "{ROOT}sailfish/test_retrieve-Success3-m-retrieve.conf"
    ))
    .unwrap();
    let pdu = Pdu::decode(&bytes).unwrap();
    let found = smil::from_pdu(&pdu).unwrap().unwrap();
    let p = &found.presentation;
    assert_eq!(p.layout.root, Some(RootLayout::default()));
    assert_eq!(
        p.layout.regions[1],
        Region {
            id: "Image".into(),
            top: Some(Length::Percent(30)),
            left: Some(Length::Percent(0)),
            width: Some(Length::Percent(100)),
            height: Some(Length::Percent(70)),
            fit: Some(Fit::Meet),
        }
    );
    assert_eq!(p.slides.len(), 2);
    assert_eq!(p.slides[0].duration, Some(5000));
    let img = &p.slides[0].media[0];
    assert_eq!(
        (img.kind, img.src.as_deref()),
        (MediaKind::Img, Some("cid:1"))
    );
    // The parts follow the SMIL part: cid:1 is the jpeg, cid:2 the text.
    assert_eq!(img.part, Some(1));
    assert_eq!(p.slides[1].media[0].part, Some(2));
    // Borrowed from the PDU's octets, not copied.
    assert!(matches!(img.src, Some(Cow::Borrowed(_))));
}

// ---------------------------------------------------------------------------
// Quirks handsets send

fn slide_ms(xml: &str) -> Option<u64> {
    Presentation::parse(xml).unwrap().slides[0].duration
}

#[test]
fn accepts_every_duration_form() {
    for (dur, ms) in [
        ("5000ms", 5000),
        ("5s", 5000),
        ("5", 5000),
        ("0.5s", 500),
        ("00:00:05", 5000),
        ("00:05", 5000),
        ("5000MS", 5000),
        (" 8s ", 8000),
        ("1min", 60_000),
    ] {
        let xml =
            format!("<smil><body><par dur=\"{dur}\"><text src=\"t.txt\"/></par></body></smil>");
        assert_eq!(slide_ms(&xml), Some(ms), "{dur}");
    }
    // Not clock values: no duration, but the slide is kept.
    for dur in ["indefinite", "media", "abc", ""] {
        let xml = format!("<smil><body><par dur=\"{dur}\"/></body></smil>");
        assert_eq!(slide_ms(&xml), None, "{dur}");
    }
}

#[test]
fn accepts_a_missing_head() {
    let p = Presentation::parse(
        "<smil><body><par dur=\"5s\"><img src=\"a.jpg\" region=\"Image\"/></par></body></smil>",
    )
    .unwrap();
    assert_eq!(p.layout, Layout::default());
    assert_eq!(p.slides.len(), 1);
    assert_eq!(p.undeclared_regions(), ["Image"]);
}

#[test]
fn accepts_regions_used_but_not_declared() {
    let xml = "<smil><head><layout><region id=\"Image\" fit=\"meet\"/></layout></head><body>\
               <par><img src=\"a\" region=\"image\"/><text src=\"b\" region=\"Text\"/>\
               <text src=\"c\" region=\"Text\"/></par></body></smil>";
    let p = Presentation::parse(xml).unwrap();
    assert_eq!(p.slides[0].media.len(), 3);
    // `image` finds `Image` (case-insensitively); `Text` is reported once.
    assert_eq!(p.undeclared_regions(), ["Text"]);
    assert_eq!(p.layout.region("IMAGE").unwrap().fit, Some(Fit::Meet));
}

#[test]
fn accepts_any_namespace_or_none() {
    for xml in [
        "<smil xmlns=\"http://www.w3.org/2001/SMIL20/Language\"><body><par><img src=\"a\"/></par></body></smil>",
        "<smil xmlns=\"http://www.w3.org/TR/REC-smil\"><body><par><img src=\"a\"/></par></body></smil>",
        "<s:smil xmlns:s=\"http://www.w3.org/2001/SMIL20/Language\"><s:body><s:par><s:img s:src=\"a\"/></s:par></s:body></s:smil>",
        "<smil><body><par><img src=\"a\"/></par></body></smil>",
        "<SMIL><BODY><PAR><IMG SRC=\"a\"/></PAR></BODY></SMIL>",
    ] {
        let p = Presentation::parse(xml).unwrap_or_else(|e| panic!("{xml}: {e}"));
        assert_eq!(p.slides[0].media[0].src.as_deref(), Some("a"), "{xml}");
    }
}

#[test]
fn accepts_an_xml_declaration_a_bom_or_neither() {
    let doc = "<smil><body><par><img src=\"a\"/></par></body></smil>";
    let decl = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{doc}");
    for text in [
        doc.to_string(),
        decl.clone(),
        format!("\u{FEFF}{doc}"),
        format!("\u{FEFF}{decl}"),
    ] {
        let p = Presentation::parse(&text).unwrap();
        assert_eq!(p.slides.len(), 1);
        let p = Presentation::parse_bytes(text.as_bytes()).unwrap();
        assert_eq!(p.slides.len(), 1);
    }
}

#[test]
fn accepts_a_doctype_without_entities_and_never_fetches_it() {
    let xml = "<!DOCTYPE smil PUBLIC \"-//W3C//DTD SMIL 2.0//EN\" \"http://www.w3.org/2001/SMIL20/SMIL20.dtd\">\
               <smil><body><par><img src=\"a\"/></par></body></smil>";
    assert_eq!(Presentation::parse(xml).unwrap().slides.len(), 1);
    let xml = "<!DOCTYPE smil SYSTEM \"file:///etc/passwd\"><smil><body/></smil>";
    assert!(Presentation::parse(xml).unwrap().slides.is_empty());
}

#[test]
fn accepts_media_outside_any_par() {
    // mmsd's conformance messages put the media straight in the body.
    let p = Presentation::parse(
        "<smil><body><img src=\"a.gif\" region=\"Image\"/><audio src=\"b.amr\" dur=\"3s\"/></body></smil>",
    )
    .unwrap();
    assert_eq!(p.slides.len(), 2);
    assert_eq!(p.slides[1].media[0].dur, Some(TimeValue::Ms(3000)));
}

#[test]
fn reads_lengths_in_pixels_and_percent() {
    let p = Presentation::parse(
        "<smil><head><layout><root-layout width=\"921px\" height=\"540\" background-color=\"#FFFFFF\"/>\
         <region id=\"Text\" left=\"0\" top=\"486\" width=\"100%\" height=\"10.5%\" fit=\"scroll\"/>\
         <region id=\"X\" width=\"auto\" fit=\"stretch\"/></layout></head><body/></smil>",
    )
    .unwrap();
    let root = p.layout.root.as_ref().unwrap();
    assert_eq!(
        (root.width, root.height, root.background.as_deref()),
        (
            Some(Length::Px(921)),
            Some(Length::Px(540)),
            Some("#FFFFFF")
        )
    );
    let r = &p.layout.regions[0];
    assert_eq!(
        (r.top, r.width, r.height),
        (
            Some(Length::Px(486)),
            Some(Length::Percent(100)),
            Some(Length::Percent(10))
        )
    );
    assert_eq!(p.layout.regions[1].width, None);
    assert_eq!(p.layout.regions[1].fit, Some(Fit::Other("stretch".into())));
}

#[test]
fn reads_every_media_attribute() {
    let p = Presentation::parse(
        "<smil><body><par dur=\"10s\"><video src=\"v.3gp\" region=\"Image\" begin=\"1s\" end=\"indefinite\" \
         dur=\"media\" alt=\"A clip\"/><ref src=\"card.vcf\"/><textstream src=\"t\"/></par></body></smil>",
    )
    .unwrap();
    let v = &p.slides[0].media[0];
    assert_eq!(v.kind, MediaKind::Video);
    assert_eq!(v.begin, Some(TimeValue::Ms(1000)));
    assert_eq!(v.end, Some(TimeValue::Indefinite));
    assert_eq!(v.dur, Some(TimeValue::Media));
    assert_eq!(v.alt.as_deref(), Some("A clip"));
    assert_eq!(p.slides[0].media[1].kind, MediaKind::Ref);
    assert_eq!(p.slides[0].media[2].kind, MediaKind::Text);
}

// ---------------------------------------------------------------------------
// Hostile documents

fn fails_fast(xml: &[u8]) -> SmilErrorKind {
    let t = Instant::now();
    let e = Presentation::parse_bytes(xml).expect_err("hostile input must be rejected");
    assert!(
        t.elapsed() < Duration::from_secs(2),
        "took {:?}",
        t.elapsed()
    );
    assert!(e.offset() <= xml.len());
    e.kind().clone()
}

#[test]
fn rejects_billion_laughs() {
    let mut xml = String::from("<?xml version=\"1.0\"?><!DOCTYPE smil [<!ENTITY lol \"lol\">");
    for i in 1..10 {
        xml.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">",
            format!(
                "&lol{};",
                if i == 1 {
                    String::new()
                } else {
                    (i - 1).to_string()
                }
            )
            .repeat(10)
        ));
    }
    xml.push_str("]><smil><body><par><img src=\"&lol9;\" alt=\"&lol9;\"/></par></body></smil>");
    assert_eq!(fails_fast(xml.as_bytes()), SmilErrorKind::EntityDeclaration);
    // A parameter entity, lower-case keyword: the same.
    let xml = "<!DOCTYPE smil [<!entity % x \"y\">]><smil/>";
    assert_eq!(fails_fast(xml.as_bytes()), SmilErrorKind::EntityDeclaration);
}

#[test]
fn undeclared_entities_are_never_expanded() {
    let p = Presentation::parse("<smil><body><img src=\"&lol9;\"/>&lol9;</body></smil>").unwrap();
    assert_eq!(p.slides[0].media[0].src.as_deref(), Some("&lol9;"));
}

#[test]
fn bounds_nesting_depth() {
    for open in ["<par>", "<a>", "<seq>", "<region>"] {
        let xml = format!("<smil><body>{}", open.repeat(10_000));
        assert!(matches!(
            fails_fast(xml.as_bytes()),
            SmilErrorKind::LimitExceeded {
                what: "nesting levels",
                limit: 32
            }
        ));
    }
    // Balanced and deep: the same.
    let xml = format!(
        "<smil>{}{}</smil>",
        "<a>".repeat(10_000),
        "</a>".repeat(10_000)
    );
    assert!(matches!(
        fails_fast(xml.as_bytes()),
        SmilErrorKind::LimitExceeded { .. }
    ));
    // 32 levels pass.
    let ok = format!(
        "<smil>{}<img src=\"x\"/>{}</smil>",
        "<a>".repeat(30),
        "</a>".repeat(30)
    );
    assert_eq!(Presentation::parse(&ok).unwrap().slides.len(), 1);
}

#[test]
fn bounds_huge_attributes() {
    let xml = format!(
        "<smil><body><img src=\"{}\"/></body></smil>",
        "A".repeat(4 << 20)
    );
    let e = Presentation::parse(&xml).unwrap_err();
    assert_eq!(e.offset(), "<smil><body><img src=\"".len());
    assert!(matches!(
        fails_fast(xml.as_bytes()),
        SmilErrorKind::LimitExceeded { .. }
    ));
    // Unterminated: a syntax error, not a hang.
    let xml = format!("<smil><body><img src=\"{}", "A".repeat(4 << 20));
    assert!(matches!(fails_fast(xml.as_bytes()), SmilErrorKind::Xml(_)));
    // A tag with very many attributes is read in one linear pass.
    let attrs: String = (0..100_000).map(|i| format!(" a{i}=\"v\"")).collect();
    let xml = format!("<smil><body><img src=\"x\"{attrs}/></body></smil>");
    let t = Instant::now();
    assert_eq!(Presentation::parse(&xml).unwrap().slides.len(), 1);
    assert!(t.elapsed() < Duration::from_secs(2));
}

#[test]
fn bounds_slides_media_and_regions() {
    let xml = format!("<smil><body>{}</body></smil>", "<par/>".repeat(1025));
    assert!(matches!(
        fails_fast(xml.as_bytes()),
        SmilErrorKind::LimitExceeded {
            what: "slides",
            limit: 1024
        }
    ));
    let xml = format!("<smil><body>{}</body></smil>", "<par/>".repeat(1024));
    assert_eq!(Presentation::parse(&xml).unwrap().slides.len(), 1024);
    let xml = format!(
        "<smil><body><par>{}</par></body></smil>",
        "<img src=\"a\"/>".repeat(4097)
    );
    assert!(matches!(
        fails_fast(xml.as_bytes()),
        SmilErrorKind::LimitExceeded {
            what: "media elements",
            ..
        }
    ));
    let xml = format!(
        "<smil><head>{}</head></smil>",
        "<region id=\"r\"/>".repeat(257)
    );
    assert!(matches!(
        fails_fast(xml.as_bytes()),
        SmilErrorKind::LimitExceeded {
            what: "regions",
            ..
        }
    ));
    let tight = SmilLimits {
        max_media: 2,
        ..SmilLimits::DEFAULT
    };
    let e = Presentation::parse_with("<smil><body><img/><img/><img/></body></smil>", &tight)
        .unwrap_err();
    assert_eq!(e.offset(), 24);
    assert_eq!(e.expected(), "fewer media elements");
}

#[test]
fn rejects_what_is_not_smil_with_its_offset() {
    let e = Presentation::parse("<?xml version=\"1.0\"?>\n<html/>").unwrap_err();
    assert_eq!((e.offset(), e.expected()), (22, "<smil>"));
    let e = Presentation::parse("").unwrap_err();
    assert_eq!(e.kind(), &SmilErrorKind::NoRoot);
    let e = Presentation::parse("<smil><body><img src=x/></body></smil>").unwrap_err();
    assert_eq!(e.expected(), "an attribute");
    assert_eq!(e.offset(), 21, "{e}");
    let e =
        Presentation::parse_bytes(b"<smil><body><img src=\"\xC3\"/></body></smil>").unwrap_err();
    assert_eq!((e.offset(), e.kind()), (22, &SmilErrorKind::InvalidUtf8));
    let e = Presentation::parse("<smil><body></smil>").unwrap_err();
    assert!(matches!(e.kind(), SmilErrorKind::Xml(_)));
    assert!(e.to_string().starts_with("SMIL at offset "), "{e}");
}

// ---------------------------------------------------------------------------
// Resolution

fn part(media: &'static str, headers: Vec<WspHeader<'static>>) -> Part<'static> {
    let mut p = Part::new(ContentType::new(Media::from_name(media)), &b"x"[..]);
    p.headers = headers;
    p
}

fn cid(id: &'static str) -> WspHeader<'static> {
    WspHeader::ContentId {
        id: Text::new(id).unwrap(),
        quoted: true,
    }
}

fn loc(l: &'static str) -> WspHeader<'static> {
    WspHeader::ContentLocation(Text::new(l).unwrap())
}

fn resolved(xml: &str, body: &Multipart<'_>) -> (Vec<Option<usize>>, smil::Resolution) {
    let mut p = Presentation::parse(xml).unwrap();
    let r = resolve(&mut p, body);
    (p.media().map(|m| m.part).collect(), r)
}

#[test]
fn resolves_cid_references_with_or_without_brackets() {
    let body = Multipart {
        parts: vec![
            part("application/smil", vec![cid("<smil>")]),
            part("image/jpeg", vec![cid("<Cat.JPG>")]),
            part("text/plain", vec![cid("hello")]),
            part("audio/amr", vec![cid("<a@b.c>")]),
            part("video/3gpp", vec![loc("clip")]),
        ],
        ..Multipart::default()
    };
    let (parts, r) = resolved(
        "<smil><body><par><img src=\"cid:cat.jpg\"/><text src=\"CID:<hello>\"/>\
         <audio src=\"cid:a%40b.c\"/><video src=\"cid:clip\"/></par></body></smil>",
        &body,
    );
    assert_eq!(parts, [Some(1), Some(2), Some(3), Some(4)]);
    assert!(r.is_complete(), "{r:?}");
}

#[test]
fn resolves_names_by_location_then_name_then_filename_then_id() {
    let named = |code: u8, v: ParamValue<'static>| {
        let mut p = part("image/gif", vec![]);
        p.content_type = p.content_type.clone().with(Parameter::typed(code, v));
        p
    };
    let mut disposed = part("text/x-vcard", vec![]);
    disposed.headers.push(WspHeader::ContentDisposition {
        code: 0x2E,
        disposition: Disposition::Attachment,
        params: vec![Parameter {
            name: ParamName::WellKnown(0x06),
            value: ParamValue::Text(Text::new("Mamma Mia.vcf").unwrap()),
        }],
    });
    let body = Multipart {
        parts: vec![
            part("image/jpeg", vec![loc("IMG_1.JPG")]),
            named(0x05, ParamValue::Text(Text::new("a.gif").unwrap())),
            named(
                0x17,
                ParamValue::TextValue(TextValue::Token(Text::new("b.gif").unwrap())),
            ),
            disposed,
            part("text/plain", vec![cid("<text_0>")]),
            part("image/png", vec![loc("with space.png")]),
        ],
        ..Multipart::default()
    };
    let (parts, r) = resolved(
        "<smil><body><par><img src=\"img_1.jpg\"/><img src=\"a.gif\"/><img src=\"B.GIF\"/>\
         <ref src=\"Mamma%20Mia.vcf\"/><text src=\"text_0\"/><img src=\"with%20space.png\"/></par></body></smil>",
        &body,
    );
    assert_eq!(
        parts,
        [Some(0), Some(1), Some(2), Some(3), Some(4), Some(5)]
    );
    assert!(r.is_complete(), "{r:?}");
}

#[test]
fn reports_unresolved_references_and_unused_parts() {
    let body = Multipart {
        parts: vec![
            part("application/smil", vec![cid("<smil>")]),
            part("image/jpeg", vec![loc("a.jpg")]),
            part("text/plain", vec![loc("b.txt")]),
            part("image/gif", vec![loc("http://example.invalid/c.gif")]),
        ],
        ..Multipart::default()
    };
    let (parts, r) = resolved(
        "<smil><body><par><img src=\"a.jpg\"/><img src=\"missing.jpg\"/><text/>\
         <video src=\"rtsp://example.invalid/v\"/><img src=\"http://example.invalid/c.gif\"/>\
         <img src=\"cid:\"/></par></body></smil>",
        &body,
    );
    assert_eq!(parts, [Some(1), None, None, None, Some(3), None]);
    let reasons: Vec<_> = r.unresolved.iter().map(|u| (u.media, u.reason)).collect();
    assert_eq!(
        reasons,
        [
            (1, UnresolvedReason::NoSuchPart),
            (2, UnresolvedReason::NoSrc),
            (3, UnresolvedReason::External),
            (5, UnresolvedReason::NoSuchPart),
        ]
    );
    // The SMIL part is not "unused".
    assert_eq!(r.unused_parts, [2]);
}

#[test]
fn finds_the_smil_part_by_start_or_by_type() {
    let related = |start: Option<&'static str>| {
        let ct = ContentType::new(Media::from_name("application/vnd.wap.multipart.related"));
        match start {
            Some(s) => ct.with(Parameter::typed(
                0x19,
                ParamValue::TextValue(TextValue::Token(Text::new(s).unwrap())),
            )),
            None => ct,
        }
    };
    let body = Multipart {
        parts: vec![
            part("text/plain", vec![cid("<t>")]),
            part("application/smil", vec![cid("<old>")]),
            part("application/SMIL", vec![cid("<Pres>"), loc("pres.smil")]),
        ],
        ..Multipart::default()
    };
    assert_eq!(find_smil_part(&related(Some("<pres>")), &body), Some(2));
    assert_eq!(find_smil_part(&related(Some("pres")), &body), Some(2));
    assert_eq!(find_smil_part(&related(Some("pres.smil")), &body), Some(2));
    assert_eq!(find_smil_part(&related(Some("<gone>")), &body), Some(1));
    assert_eq!(find_smil_part(&related(None), &body), Some(1));
    let plain = Multipart {
        parts: vec![part("text/plain", vec![])],
        ..Multipart::default()
    };
    assert_eq!(find_smil_part(&related(None), &plain), None);
    assert!(smil::from_body(&related(None), &plain).unwrap().is_none());
}

fn smil_part(ct: ContentType<'static>, data: Vec<u8>) -> Part<'static> {
    Part::new(ct, data)
}

#[test]
fn reads_the_part_in_its_charset() {
    let doc = "<smil><body><par><img src=\"a.jpg\" alt=\"Grüße\"/></par></body></smil>";
    let smil_ct = || ContentType::new(Media::from_name("application/smil"));
    // UTF-8, declared or not, with or without a BOM: borrowed.
    for (ct, bytes) in [
        (smil_ct(), doc.as_bytes().to_vec()),
        (
            smil_ct().with(Parameter::charset(Charset::UTF_8)),
            [&b"\xEF\xBB\xBF"[..], doc.as_bytes()].concat(),
        ),
    ] {
        let p = smil_part(ct, bytes);
        let pres = parse_part(&p).unwrap();
        assert_eq!(pres.slides[0].media[0].alt.as_deref(), Some("Grüße"));
        assert!(matches!(
            pres.slides[0].media[0].src,
            Some(Cow::Borrowed(_))
        ));
    }
    // UTF-16 (declared, with a BOM) and ISO-8859-1.
    let utf16: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(doc.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let latin1: Vec<u8> = doc.chars().map(|c| c as u8).collect();
    for (cs, bytes) in [
        (Some(Charset::UTF_16), utf16.clone()),
        (None, utf16),
        (Some(Charset::ISO_8859_1), latin1),
    ] {
        let ct = match cs {
            Some(cs) => smil_ct().with(Parameter::charset(cs)),
            None => smil_ct(),
        };
        let p = smil_part(ct, bytes);
        let pres = parse_part(&p).unwrap_or_else(|e| panic!("{cs:?}: {e}"));
        assert_eq!(pres.slides[0].media[0].alt.as_deref(), Some("Grüße"));
    }
    // A base64 Content-Transfer-Encoding is undone.
    let mut p = smil_part(
        smil_ct(),
        b"PHNtaWw+PGJvZHk+PGltZyBzcmM9ImEiLz48L2JvZHk+PC9zbWlsPg==".to_vec(),
    );
    p.headers.push(WspHeader::Application {
        name: Text::new("Content-Transfer-Encoding").unwrap(),
        value: Text::new("base64").unwrap(),
    });
    assert_eq!(
        parse_part(&p).unwrap().slides[0].media[0].src.as_deref(),
        Some("a")
    );
    // A charset this build cannot read is an error, not a guess.
    let p = smil_part(
        smil_ct().with(Parameter::charset(Charset(2088))),
        doc.as_bytes().to_vec(),
    );
    if !cfg!(feature = "charset") {
        assert!(matches!(
            parse_part(&p).unwrap_err().kind(),
            SmilErrorKind::UnsupportedCharset(_)
        ));
    }
}

// ---------------------------------------------------------------------------
// Generating

#[test]
fn writes_the_standard_layout_the_big_clients_send() {
    let slides = [
        SlideContent::new()
            .image("cat.jpg", "image/jpeg", &b"\xFF\xD8\xFF\xD9"[..])
            .text("text_1.txt", "A cat"),
        SlideContent::new()
            .video("clip.3gp", "video/3gpp", &b"3gp"[..])
            .duration_ms(10_000),
        SlideContent::new()
            .audio("purr.amr", "audio/amr", &b"#!AMR\n"[..])
            .attachment("me.vcf", "text/x-vcard", &b"BEGIN:VCARD"[..]),
    ];
    let xml = Presentation::from_slides(&slides).to_xml();
    assert_eq!(
        xml,
        "<smil><head><layout><root-layout width=\"320\" height=\"480\"/>\
         <region id=\"Image\" top=\"0%\" left=\"0%\" width=\"100%\" height=\"80%\" fit=\"meet\"/>\
         <region id=\"Text\" top=\"80%\" left=\"0%\" width=\"100%\" height=\"20%\" fit=\"scroll\"/>\
         </layout></head><body>\
         <par dur=\"5000ms\"><img src=\"cat.jpg\" region=\"Image\"/><text src=\"text_1.txt\" region=\"Text\"/></par>\
         <par dur=\"10000ms\"><video src=\"clip.3gp\" region=\"Image\"/></par>\
         <par dur=\"5000ms\"><audio src=\"purr.amr\"/><ref src=\"me.vcf\"/></par>\
         </body></smil>"
    );
}

#[test]
fn builder_slides_make_a_related_body_that_resolves() {
    let jpeg = [0xFF, 0xD8, 0xFF, 0xD9];
    let req = SendReq::builder()
        .transaction_id("T-smil")
        .to("+15551234567/TYPE=PLMN")
        .subject("Slides")
        .slide(
            SlideContent::new()
                .image("cat.jpg", "image/jpeg", &jpeg[..])
                .text("text_1.txt", "A cat"),
        )
        .slides([
            SlideContent::new()
                .audio("purr.amr", "audio/amr", &b"#!AMR\n"[..])
                .text("text_2.txt", "Purr")
                .duration_ms(3000),
            SlideContent::new().text("text_3.txt", "Bye"),
        ])
        .build()
        .unwrap();
    assert_eq!(
        req.content_type.media().name(),
        "application/vnd.wap.multipart.related"
    );
    assert_eq!(
        req.content_type.param("type").unwrap().to_text(),
        "application/smil"
    );
    assert_eq!(req.content_type.param("start").unwrap().to_text(), "<smil>");
    let bytes = req.encode().unwrap();
    assert!(SendReq::decode_strict(&bytes).is_ok());

    let pdu = Pdu::decode(&bytes).unwrap();
    assert!(pdu.warnings.is_empty());
    let Some(Body::Multipart(body)) = &pdu.body else {
        panic!("no multipart body")
    };
    let names: Vec<String> = body
        .parts
        .iter()
        .map(|p| p.content_location().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "smil.xml",
            "cat.jpg",
            "text_1.txt",
            "purr.amr",
            "text_2.txt",
            "text_3.txt"
        ]
    );
    for p in &body.parts[1..] {
        let id = p.content_id().unwrap().to_string_lossy().into_owned();
        let l = p.content_location().unwrap().to_string_lossy().into_owned();
        assert_eq!(id, format!("<{l}>"));
    }
    let found = smil::from_pdu(&pdu).unwrap().unwrap();
    assert_eq!(found.part, 0);
    assert!(found.resolution.is_complete(), "{:?}", found.resolution);
    let p = &found.presentation;
    assert_eq!(p.layout, Layout::standard());
    let durations: Vec<_> = p.slides.iter().map(|s| s.duration).collect();
    assert_eq!(durations, [Some(5000), Some(3000), Some(5000)]);
    let parts: Vec<_> = p.media().map(|m| m.part.unwrap()).collect();
    assert_eq!(parts, [1, 2, 3, 4, 5]);
    assert_eq!(body.parts[2].data.as_ref(), b"A cat");
}

#[test]
fn builder_leaves_a_hand_written_smil_alone() {
    let own = "<smil><body><par dur=\"2s\"><img src=\"a.jpg\"/></par></body></smil>";
    let req = SendReq::builder()
        .transaction_id("T")
        .to("+15551234567/TYPE=PLMN")
        .smil(own.as_bytes())
        .slide(SlideContent::new().image("a.jpg", "image/jpeg", &b"x"[..]))
        .build()
        .unwrap();
    let Some(Body::Multipart(body)) = &req.body else {
        panic!()
    };
    assert_eq!(body.parts[0].data.as_ref(), own.as_bytes());
    assert_eq!(body.parts.len(), 2);
}

#[test]
fn a_builder_without_slides_is_unchanged() {
    let build = || {
        SendReq::builder()
            .transaction_id("T")
            .to("+15551234567/TYPE=PLMN")
            .text("a.txt", "hi")
            .build()
            .unwrap()
            .encode()
            .unwrap()
    };
    let a = build();
    let pdu = Pdu::decode(&a).unwrap();
    assert_eq!(
        pdu.content_type().unwrap().media().name(),
        "application/vnd.wap.multipart.mixed"
    );
    assert!(smil::from_pdu(&pdu).unwrap().is_none());
}

// ---------------------------------------------------------------------------
// Round trips

fn text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9 _.:/%#&<>\"'=é-]{0,12}"
}

fn length() -> impl Strategy<Value = Length> {
    prop_oneof![
        any::<u32>().prop_map(Length::Px),
        any::<u32>().prop_map(Length::Percent)
    ]
}

fn fit() -> impl Strategy<Value = Fit<'static>> {
    prop_oneof![
        Just(Fit::Fill),
        Just(Fit::Hidden),
        Just(Fit::Meet),
        Just(Fit::Scroll),
        Just(Fit::Slice),
        text()
            .prop_map(|s| Fit::Other(s.into()))
            .prop_filter("reads back as a known fit", |f| {
                Fit::parse(f.as_str().to_string()) == *f
            }),
    ]
}

fn time() -> impl Strategy<Value = TimeValue<'static>> {
    prop_oneof![
        any::<u64>().prop_map(TimeValue::Ms),
        Just(TimeValue::Indefinite),
        Just(TimeValue::Media),
        text()
            .prop_map(|s| TimeValue::Other(s.into()))
            .prop_filter("reads back as another value", |t| {
                TimeValue::parse(t.to_string()) == *t
            }),
    ]
}

fn media() -> impl Strategy<Value = MediaRef<'static>> {
    let kind = prop_oneof![
        Just(MediaKind::Img),
        Just(MediaKind::Text),
        Just(MediaKind::Audio),
        Just(MediaKind::Video),
        Just(MediaKind::Ref),
    ];
    let s = || proptest::option::of(text().prop_map(Cow::Owned));
    let t = || proptest::option::of(time());
    (kind, s(), s(), t(), t(), t(), s()).prop_map(|(kind, src, region, begin, end, dur, alt)| {
        MediaRef {
            kind,
            src,
            region,
            begin,
            end,
            dur,
            alt,
            part: None,
        }
    })
}

fn presentation() -> impl Strategy<Value = Presentation<'static>> {
    let l = || proptest::option::of(length());
    let root = proptest::option::of((l(), l(), proptest::option::of(text())).prop_map(
        |(width, height, bg)| RootLayout {
            width,
            height,
            background: bg.map(Cow::Owned),
        },
    ));
    let region = (text(), l(), l(), l(), l(), proptest::option::of(fit())).prop_map(
        |(id, top, left, width, height, fit)| Region {
            id: id.into(),
            top,
            left,
            width,
            height,
            fit,
        },
    );
    let slide = (
        proptest::option::of(any::<u64>()),
        proptest::collection::vec(media(), 0..4),
    )
        .prop_map(|(duration, media)| Slide { duration, media });
    (
        root,
        proptest::collection::vec(region, 0..4),
        proptest::collection::vec(slide, 0..6),
    )
        .prop_map(|(root, regions, slides)| Presentation {
            layout: Layout { root, regions },
            slides,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn round_trips_generated_presentations(p in presentation()) {
        let xml = p.to_xml();
        let back = Presentation::parse(&xml).map_err(|e| TestCaseError::fail(format!("{e}\n{xml}")))?;
        prop_assert_eq!(&back, &p, "{}", xml);
        // Writing what was read gives the same document.
        prop_assert_eq!(back.to_xml(), xml);
    }

    #[test]
    fn round_trips_new_slides(
        slides in proptest::collection::vec(
            (proptest::collection::vec(("[a-z0-9_]{1,8}\\.(jpg|txt|amr|3gp)", 0..4usize), 0..4), 0..100_000u64),
            0..5,
        )
    ) {
        let contents: Vec<SlideContent<'static>> = slides
            .iter()
            .map(|(items, ms)| {
                items.iter().fold(SlideContent::new().duration_ms(*ms), |s, (name, k)| match k {
                    0 => s.image(name, "image/jpeg", vec![1, 2]),
                    1 => s.text(name, "hi"),
                    2 => s.audio(name, "audio/amr", vec![3]),
                    _ => s.video(name, "video/3gpp", vec![4]),
                })
            })
            .collect();
        let model = Presentation::from_slides(&contents);
        let xml = model.to_xml();
        prop_assert_eq!(Presentation::parse(&xml).unwrap(), model);
    }

    #[test]
    fn never_panics_on_arbitrary_input(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = Presentation::parse_bytes(&bytes);
        let mut doc = b"<smil><head><layout><region id=\"a\"/></layout></head><body><par dur=\"5s\">".to_vec();
        doc.extend_from_slice(&bytes);
        let _ = Presentation::parse_bytes(&doc);
    }

    #[test]
    fn never_panics_on_mutated_documents(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)
    ) {
        let mut doc = b"<?xml version=\"1.0\"?><smil xmlns=\"http://www.w3.org/2001/SMIL20/Language\">\
            <head><layout><root-layout width=\"176\" height=\"144\"/><region id=\"Image\" top=\"0\" \
            height=\"50%\" fit=\"meet\"/></layout></head><body><par dur=\"5000ms\"><img src=\"cid:a\" \
            region=\"Image\" alt=\"&amp;\"/><text src=\"b.txt\"/></par></body></smil>".to_vec();
        for (at, b) in flips {
            let i = at.index(doc.len());
            doc[i] = b;
        }
        if let Err(e) = Presentation::parse_bytes(&doc) {
            prop_assert!(e.offset() <= doc.len());
        }
    }
}
