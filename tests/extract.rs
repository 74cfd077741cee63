//! `mmsdump --extract DIR`: the files it writes, through the program's own
//! `run` (no process is spawned). Hostile part names must never write
//! outside DIR, nor make a name a system treats specially; collisions get
//! a suffix; files already in DIR stay unless `--force`.

#[allow(dead_code)]
#[path = "../examples/mmsdump/main.rs"]
mod mmsdump;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use mms_pdu::wsp::{
    ContentType, Disposition, Media, Multipart, ParamValue, Parameter, Part, Text, WspHeader,
};
use mms_pdu::{Body, FieldCode, MessageType, Pdu, Value, Version};

/// A fresh, empty directory of this test run (the extraction target goes
/// inside it, so that a file escaping DIR would still be seen).
fn scratch() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "mms-pdu-extract-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> (i32, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = mmsdump::run(
        args.iter().map(|a| a.to_string()),
        &mut out,
        &mut err,
        false,
    );
    (
        status,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// Every file under `root`, by path relative to it, with its octets.
fn files_under(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let e = e.unwrap();
            let t = e.file_type().unwrap();
            if t.is_dir() {
                stack.push(e.path());
            } else {
                let rel = e
                    .path()
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                found.insert(rel, std::fs::read(e.path()).unwrap_or_default());
            }
        }
    }
    found
}

fn text(s: &str) -> Text<'static> {
    Text::from_string(s.to_string()).unwrap()
}

/// A part of type `media` with `data`, named by its Content-Location.
fn located(media: &'static str, location: &str, data: &[u8]) -> Part<'static> {
    let mut p = Part::new(ContentType::new(Media::from_name(media)), data.to_vec());
    p.headers.push(WspHeader::ContentLocation(text(location)));
    p
}

/// An m-retrieve-conf with `parts` in a multipart/mixed (or related, with
/// `start`) body, written to `dir/name`.
fn message(dir: &Path, name: &str, parts: Vec<Part<'static>>, related: bool) -> String {
    let mut pdu = Pdu::new(MessageType::RETRIEVE_CONF, Version::V1_2);
    pdu.push(FieldCode::DATE, Value::Long(1_163_578_981));
    let ct = if related {
        ContentType::new(Media::from_name("application/vnd.wap.multipart.related"))
            .with(Parameter::typed(0x0A, ParamValue::Text(text("<smil>"))))
            .with(Parameter::typed(
                0x09,
                ParamValue::Media(Media::from_name("application/smil")),
            ))
    } else {
        ContentType::new(Media::from_name("application/vnd.wap.multipart.mixed"))
    };
    let body = Multipart {
        parts,
        ..Multipart::default()
    };
    pdu.set_body(ct, Body::Multipart(body));
    let path = dir.join(name);
    std::fs::write(&path, pdu.encode().unwrap()).unwrap();
    path.to_string_lossy().into_owned()
}

fn extract(out_dir: &Path, file: &str, more: &[&str]) -> (i32, String) {
    let dir = out_dir.to_string_lossy().into_owned();
    let mut args = vec!["--extract", dir.as_str()];
    args.extend(more);
    args.push(file);
    let (status, out, err) = run(&args);
    assert_eq!(err, "", "{args:?}");
    (status, out)
}

#[test]
fn hostile_names_stay_inside_the_directory() {
    let root = scratch();
    let out_dir = root.join("out");
    let hostile = [
        "/etc/passwd",
        "../../escape.txt",
        "..",
        ".",
        "...",
        "",
        "   ",
        "/",
        "C:\\Windows\\System32\\evil.dll",
        "a:b*c|d\"e<f>.txt",
        ".bashrc",
        "http://mmsc.example/get?id=../../x&name=y.jpg",
        "CON",
        "nul.txt",
        "Com1.jpg",
        "lpt9",
        "aux .txt",
        "ev\u{1b}[31mil\n\r\t.jpg",
        "\u{202e}gpj.exe",
        "tab\u{7f}\u{85}.png",
    ];
    let parts: Vec<Part<'static>> = hostile
        .iter()
        .enumerate()
        .map(|(k, name)| located("image/jpeg", name, format!("part {k}").as_bytes()))
        .collect();
    let file = message(&root, "hostile.mms", parts, false);
    let (status, out) = extract(&out_dir, &file, &[]);
    assert_eq!(status, 0, "{out}");

    let under_root = files_under(&root);
    // Nothing but the message itself outside out/, and nothing in a
    // subdirectory of out/.
    for rel in under_root.keys() {
        assert!(
            rel == "hostile.mms" || (rel.starts_with("out/") && !rel["out/".len()..].contains('/')),
            "{rel} written outside the directory"
        );
    }
    let written = files_under(&out_dir);
    assert_eq!(written.len(), hostile.len(), "{written:?}\n{out}");
    let by_content = |k: usize| -> &str {
        let want = format!("part {k}");
        written
            .iter()
            .find(|(_, v)| v.as_slice() == want.as_bytes())
            .map(|(n, _)| n.as_str())
            .unwrap_or_else(|| panic!("part {k} not written: {written:?}"))
    };
    assert_eq!(by_content(0), "passwd.jpg");
    assert_eq!(by_content(1), "escape.txt");
    assert_eq!(by_content(2), "part3.jpg");
    assert_eq!(by_content(3), "part4.jpg");
    assert_eq!(by_content(4), "part5.jpg");
    assert_eq!(by_content(5), "part6.jpg");
    assert_eq!(by_content(6), "part7.jpg");
    assert_eq!(by_content(7), "part8.jpg");
    assert_eq!(by_content(8), "evil.dll");
    assert_eq!(by_content(9), "a_b_c_d_e_f_.txt");
    assert_eq!(by_content(10), "bashrc.jpg");
    assert_eq!(by_content(11), "get.jpg");
    assert_eq!(by_content(12), "_CON.jpg");
    assert_eq!(by_content(13), "_nul.txt");
    assert_eq!(by_content(14), "_Com1.jpg");
    assert_eq!(by_content(15), "_lpt9.jpg");
    assert_eq!(by_content(16), "_aux .txt");
    assert_eq!(by_content(17), "ev[31mil.jpg");
    assert_eq!(by_content(18), "gpj.exe");
    assert_eq!(by_content(19), "tab.png");
    for name in written.keys() {
        assert!(!name.starts_with('.'), "{name}");
        assert!(
            !name
                .chars()
                .any(|c| c.is_control() || "<>:\"|?*\\/".contains(c)),
            "{name:?}"
        );
    }
    // The report names what it wrote, escaped.
    assert_eq!(out.lines().count(), hostile.len(), "{out}");
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert!(out.contains("(image/jpeg, 6 bytes) -> "), "{out}");
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn very_long_names_are_cut_keeping_the_extension() {
    let root = scratch();
    let out_dir = root.join("out");
    let long_ascii = format!("{}.jpeg", "a".repeat(300));
    let long_wide = format!("{}.png", "é".repeat(200)); // two bytes each
    let no_ext = "b".repeat(400);
    let parts = vec![
        located("image/jpeg", &long_ascii, b"1"),
        located("image/png", &long_wide, b"2"),
        located("text/plain", &no_ext, b"3"),
    ];
    let file = message(&root, "long.mms", parts, false);
    assert_eq!(extract(&out_dir, &file, &[]).0, 0);
    let names: Vec<String> = files_under(&out_dir).into_keys().collect();
    assert_eq!(names.len(), 3, "{names:?}");
    for n in &names {
        assert!(n.len() <= 100, "{} bytes: {n}", n.len());
    }
    assert!(names
        .iter()
        .any(|n| n.starts_with("aaaa") && n.ends_with(".jpeg")));
    assert!(names
        .iter()
        .any(|n| n.starts_with("éé") && n.ends_with(".png")));
    assert!(names
        .iter()
        .any(|n| n.starts_with("bbbb") && n.ends_with(".txt")));
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn collisions_get_a_suffix_and_existing_files_stay_unless_forced() {
    let root = scratch();
    let out_dir = root.join("out");
    let parts = vec![
        located("image/jpeg", "cat.jpg", b"first"),
        located("image/jpeg", "CAT.JPG", b"second"),
        located("image/jpeg", "cat.jpg", b"third"),
    ];
    let file = message(&root, "cats.mms", parts, false);

    // Names that differ only by case are one file on some file systems.
    let (status, out) = extract(&out_dir, &file, &[]);
    assert_eq!(status, 0);
    let first = files_under(&out_dir);
    assert_eq!(first["cat.jpg"], b"first");
    assert_eq!(first["CAT-1.JPG"], b"second");
    assert_eq!(first["cat-2.jpg"], b"third");
    assert_eq!(first.len(), 3);
    assert!(out.contains("CAT-1.JPG"), "{out}");

    // Again: the files already there stay as they are, three more appear.
    let (status, _) = extract(&out_dir, &file, &[]);
    assert_eq!(status, 0);
    let second = files_under(&out_dir);
    assert_eq!(second.len(), 6, "{:?}", second.keys());
    for (name, data) in &first {
        assert_eq!(&second[name], data, "{name} was overwritten");
    }

    // With --force the files that were there give way, but a file this
    // run wrote is never overwritten by a later part.
    std::fs::write(out_dir.join("cat.jpg"), b"edited").unwrap();
    let (status, _) = extract(&out_dir, &file, &["--force"]);
    assert_eq!(status, 0);
    let forced = files_under(&out_dir);
    assert_eq!(forced["cat.jpg"], b"first");
    assert_eq!(forced["CAT-1.JPG"], b"second");
    assert_eq!(forced["cat-2.jpg"], b"third");
    assert_eq!(forced.len(), 6);
    std::fs::remove_dir_all(&root).unwrap();
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_in_the_directory_is_not_followed() {
    let root = scratch();
    let out_dir = root.join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    let target = root.join("target.txt");
    std::fs::write(&target, b"precious").unwrap();
    std::os::unix::fs::symlink(&target, out_dir.join("note.txt")).unwrap();
    let file = message(
        &root,
        "link.mms",
        vec![located("text/plain", "note.txt", b"attack")],
        false,
    );
    assert_eq!(extract(&out_dir, &file, &[]).0, 0);
    assert_eq!(std::fs::read(&target).unwrap(), b"precious");
    assert_eq!(
        std::fs::read(out_dir.join("note-1.txt")).unwrap(),
        b"attack"
    );
    // --force replaces the link itself, never what it points to.
    assert_eq!(extract(&out_dir, &file, &["--force"]).0, 0);
    assert_eq!(std::fs::read(&target).unwrap(), b"precious");
    let meta = std::fs::symlink_metadata(out_dir.join("note.txt")).unwrap();
    assert!(meta.is_file());
    assert_eq!(std::fs::read(out_dir.join("note.txt")).unwrap(), b"attack");
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn presentation_order_names_encodings_and_nested_parts() {
    let root = scratch();
    let out_dir = root.join("out");
    let smil = br#"<smil><body><par dur="5s"><text src="b.txt"/></par><par dur="5s"><img src="cid:pic"/></par></body></smil>"#;
    let mut smil_part = located("application/smil", "pres.smil", smil);
    smil_part.headers.push(WspHeader::ContentId {
        id: text("<smil>"),
        quoted: true,
    });
    // Wire order: SMIL, a nested multipart, the image, the text; the
    // slides show the text, then the image.
    let mut pic = Part::new(
        ContentType::new(Media::from_name("image/gif")).with(Parameter::typed(
            0x05,
            ParamValue::Text(text("by-name.gif")),
        )),
        b"R0lGODlhAQABAAAAACw=".to_vec(),
    );
    pic.headers.push(WspHeader::ContentId {
        id: text("<pic>"),
        quoted: true,
    });
    pic.headers.push(WspHeader::ContentDisposition {
        code: 0x2E,
        disposition: Disposition::Attachment,
        params: vec![Parameter::typed(
            0x06,
            ParamValue::Text(text("by-disposition.gif")),
        )],
    });
    pic.headers
        .push(WspHeader::ContentLocation(text("by-location.gif")));
    pic.headers.push(WspHeader::Application {
        name: text("Content-Transfer-Encoding"),
        value: text("base64"),
    });
    let mut nested = Part::new(
        ContentType::new(Media::from_name("application/vnd.wap.multipart.mixed")),
        Vec::new(),
    );
    nested.nested = Some(Multipart {
        parts: vec![
            Part::new(
                ContentType::new(Media::from_name("audio/amr")),
                b"#!AMR\n".to_vec(),
            ),
            located("text/x-vcard", "me.vcf", b"BEGIN:VCARD"),
        ],
        ..Multipart::default()
    });
    let parts = vec![
        smil_part,
        nested,
        pic,
        located("text/plain", "b.txt", b"Hello"),
    ];
    let file = message(&root, "pres.mms", parts, true);
    let (status, out) = extract(&out_dir, &file, &[]);
    assert_eq!(status, 0, "{out}");
    let order: Vec<&str> = out
        .lines()
        .map(|l| l.rsplit(['/', '\\']).next().unwrap())
        .collect();
    assert_eq!(
        order,
        [
            "b.txt",
            "by-disposition.gif",
            "pres.smil",
            "part2-1.amr",
            "me.vcf"
        ],
        "{out}"
    );
    let got = files_under(&out_dir);
    // base64 undone: the 1x1 GIF's first octets.
    assert!(got["by-disposition.gif"].starts_with(b"GIF89a"));
    assert_eq!(got["b.txt"], b"Hello");
    assert_eq!(got["part2-1.amr"], b"#!AMR\n");
    assert!(out.contains(": part 2.1 (audio/amr, 6 bytes) -> "), "{out}");
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_corpus_retrieve_conf_gives_its_jpeg() {
    let root = scratch();
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/sailfish/test_mms_codec-m-retrieve_1.conf")
        .to_string_lossy()
        .into_owned();
    let (status, out) = extract(&root, &file, &[]);
    assert_eq!(status, 0, "{out}");
    let got = files_under(&root);
    let jpegs: Vec<_> = got
        .iter()
        .filter(|(n, d)| n.ends_with(".jpg") && d.starts_with(&[0xFF, 0xD8, 0xFF]))
        .collect();
    assert_eq!(jpegs.len(), 1, "{:?}", got.keys());
    assert_eq!(out.lines().count(), got.len());
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn failures_and_usage_errors() {
    let root = scratch();
    // Not a PDU: reported, status 1, nothing written.
    let junk = root.join("junk.bin");
    std::fs::write(&junk, b"\x8C\x84\x98").unwrap();
    let out_dir = root.join("out");
    let (status, out) = extract(&out_dir, &junk.to_string_lossy(), &[]);
    assert_eq!(status, 1);
    assert!(out.contains("junk.bin: "), "{out}");
    assert!(!out_dir.exists(), "a directory made for nothing");

    for (args, says) in [
        (&["--extract"][..], "--extract needs a directory"),
        (&["--force", "x.mms"], "--force goes with --extract"),
        (
            &["--extract", "d", "--json", "x.mms"],
            "--extract does not go with",
        ),
        (
            &["--extract", "d", "--with-data", "x.mms"],
            "--extract does not go with",
        ),
    ] {
        let (status, out, err) = run(args);
        assert_eq!(status, 2, "{args:?}");
        assert_eq!(out, "");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let (status, help, _) = run(&["--help"]);
    assert_eq!(status, 0);
    for word in ["--extract DIR", "--force", "docs/json.md"] {
        assert!(help.contains(word), "--help lacks {word}");
    }
    std::fs::remove_dir_all(&root).unwrap();
}
