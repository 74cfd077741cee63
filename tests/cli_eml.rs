//! `mmsdump --eml` and `mmscompose --eml`, through the programs' `run`
//! functions (no process is spawned): every multipart m-send-req and
//! m-retrieve-conf of the corpus dumped as mail and composed back is the
//! same message (the header fields both formats carry, the same parts
//! with the same octets), and a build without the `mail` feature says it
//! has none.

// Each program brings the shared modules it is built with: the same files
// load more than once, on purpose.
#![allow(clippy::duplicate_mod)]

#[allow(dead_code)]
#[path = "../examples/shared/json_shape/dump.rs"]
mod dump;

#[allow(dead_code)]
#[path = "../examples/shared/json_shape/compose.rs"]
mod compose;

#[allow(dead_code)]
#[path = "../examples/mmsdump/main.rs"]
mod mmsdump;

#[allow(dead_code)]
#[path = "../examples/mmscompose/main.rs"]
mod mmscompose;

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `mmsdump ARGS…`: exit status, standard output (octets), standard error.
fn run_mmsdump(args: &[&str]) -> (i32, Vec<u8>, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = mmsdump::run(
        args.iter().map(|a| a.to_string()),
        &mut out,
        &mut err,
        false,
    );
    (status, out, String::from_utf8(err).unwrap())
}

/// `mmscompose ARGS…`: exit status, standard output (octets), standard error.
fn run_mmscompose(args: &[&str]) -> (i32, Vec<u8>, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = mmscompose::run(
        args.iter().map(|a| a.to_string()),
        &mut out,
        &mut err,
        false,
    );
    (status, out, String::from_utf8(err).unwrap())
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-eml");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[cfg(not(feature = "mail"))]
#[test]
fn without_the_mail_feature_both_tools_say_so() {
    let file = root().join("tests/corpus/sailfish/test_mms_codec-m-retrieve_1.conf");
    let (status, out, err) = run_mmsdump(&["--eml", file.to_str().unwrap()]);
    assert_eq!(status, 2);
    assert!(out.is_empty());
    assert!(err.contains("built without the mail feature"), "{err}");
    let eml = scratch("any.eml");
    std::fs::write(&eml, b"Subject: x\r\n\r\nhi\r\n").unwrap();
    let (status, out, err) = run_mmscompose(&["--eml", eml.to_str().unwrap()]);
    assert_eq!(status, 2);
    assert!(out.is_empty());
    assert!(err.contains("built without the mail feature"), "{err}");
}

#[test]
fn eml_usage_errors() {
    let (status, _, err) = run_mmsdump(&["--eml", "--json", "a.mms"]);
    assert_eq!(status, 2);
    assert!(err.contains("--eml does not go with"), "{err}");
    let (status, _, err) = run_mmsdump(&["--eml", "a.mms", "b.mms"]);
    assert_eq!(status, 2);
    assert!(err.contains("--eml takes one FILE"), "{err}");
    let (status, _, err) = run_mmscompose(&["--type", "m-send-req", "a.json"]);
    assert_eq!(status, 2);
    assert!(err.contains("--type goes with --eml"), "{err}");
    let (status, _, err) = run_mmscompose(&["--eml", "--type", "m-send-conf", "a.eml"]);
    assert_eq!(status, 2);
    assert!(err.contains("m-send-req or m-retrieve-conf"), "{err}");
    let (status, _, err) = run_mmscompose(&["--eml", "--sms", "a.eml"]);
    assert_eq!(status, 2);
    assert!(err.contains("--eml does not go with --sms"), "{err}");
    let (status, help, _) = run_mmsdump(&["--help"]);
    assert_eq!(status, 0);
    assert!(String::from_utf8(help).unwrap().contains("--eml"));
    let (status, help, _) = run_mmscompose(&["--help"]);
    assert_eq!(status, 0);
    assert!(String::from_utf8(help).unwrap().contains("--type TYPE"));
}

#[cfg(feature = "mail")]
#[path = "support/mail_compare.rs"]
mod compare;

#[cfg(feature = "mail")]
mod with_mail {
    use super::compare::*;
    use super::*;

    use mms_pdu::mms::message::Message;
    use mms_pdu::{Body, MessageType, Pdu};

    /// The multipart m-send-req and m-retrieve-conf PDUs of the corpus.
    fn corpus_multipart() -> Vec<(String, MessageType)> {
        let manifest = std::fs::read_to_string(root().join("tests/corpus/MANIFEST.tsv")).unwrap();
        let mut out = Vec::new();
        for line in manifest.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 6 || cols[5] == "wap-push" {
                continue;
            }
            let bytes = std::fs::read(root().join("tests/corpus").join(cols[0])).unwrap();
            let Ok(pdu) = Pdu::decode(&bytes) else {
                continue;
            };
            let kind = pdu.message_type();
            if matches!(pdu.body, Some(Body::Multipart(_)))
                && (kind == Some(MessageType::SEND_REQ) || kind == Some(MessageType::RETRIEVE_CONF))
            {
                out.push((cols[0].to_string(), kind.unwrap()));
            }
        }
        out
    }

    #[test]
    fn dump_eml_then_compose_eml_gives_the_same_message_over_the_corpus() {
        let files = corpus_multipart();
        assert!(
            files.len() >= 20,
            "only {} multipart PDUs found",
            files.len()
        );
        let (mut send_reqs, mut retrieve_confs, mut leaves) = (0, 0, 0);
        for (k, (file, kind)) in files.iter().enumerate() {
            let path = root().join("tests/corpus").join(file);
            let (status, eml, err) = run_mmsdump(&["--eml", path.to_str().unwrap()]);
            assert_eq!(status, 0, "{file}: {err}");
            assert!(err.is_empty(), "{file}: {err}");
            assert!(
                eml.windows(13).any(|w| w == b"MIME-Version:"),
                "{file}: not a MIME message"
            );
            let eml_path = scratch(&format!("{k}.eml"));
            std::fs::write(&eml_path, &eml).unwrap();
            let type_name = if *kind == MessageType::SEND_REQ {
                send_reqs += 1;
                "m-send-req"
            } else {
                retrieve_confs += 1;
                "m-retrieve-conf"
            };
            let (status, composed, err) =
                run_mmscompose(&["--eml", eml_path.to_str().unwrap(), "--type", type_name]);
            assert_eq!(status, 0, "{file}: {err}");

            let original = std::fs::read(&path).unwrap();
            let before = Message::from_pdu(
                Pdu::decode(&original).unwrap(),
                &mms_pdu::DecodeOptions::LENIENT,
            )
            .unwrap()
            .to_pdu();
            let after = Pdu::decode(&composed).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(after.message_type(), Some(*kind), "{file}");
            assert_eq!(header_keys(&before), header_keys(&after), "{file}: headers");
            assert_eq!(
                ct_key(before.content_type().unwrap()),
                ct_key(after.content_type().unwrap()),
                "{file}: content type"
            );
            leaves += assert_same_parts(file, multipart(&before), multipart(&after));

            // The composed PDU dumps to the same mail again.
            let again_path = scratch(&format!("{k}.mms"));
            std::fs::write(&again_path, &composed).unwrap();
            let (status, eml2, err) = run_mmsdump(&["--eml", again_path.to_str().unwrap()]);
            assert_eq!(status, 0, "{file}: {err}");
            assert!(eml == eml2, "{file}: a second trip changes the mail");
        }
        assert!(
            send_reqs >= 1 && retrieve_confs >= 10,
            "{send_reqs} {retrieve_confs}"
        );
        assert!(leaves >= 3 * files.len() / 2, "{leaves} leaf parts");
    }

    #[test]
    fn the_readme_commands_work_and_python_mail_composes_strict_valid() {
        // README: mmsdump --eml … > m.eml; mmscompose --eml m.eml --type m-retrieve-conf > m.mms
        let file = root().join("tests/corpus/sailfish/test_mms_codec-m-retrieve_1.conf");
        let (status, eml, err) = run_mmsdump(&["--eml", file.to_str().unwrap()]);
        assert_eq!(status, 0, "{err}");
        let m_eml = scratch("m.eml");
        std::fs::write(&m_eml, &eml).unwrap();
        let (status, mms, err) = run_mmscompose(&[
            "--eml",
            m_eml.to_str().unwrap(),
            "--type",
            "m-retrieve-conf",
        ]);
        assert_eq!(status, 0, "{err}");
        match Message::decode(&mms).unwrap() {
            Message::RetrieveConf(_) => {}
            other => panic!("{}", other.message_type()),
        }
        // -o writes the same octets to a file.
        let out = scratch("m.mms");
        let (status, nothing, err) = run_mmscompose(&[
            "--eml",
            m_eml.to_str().unwrap(),
            "--type",
            "m-retrieve-conf",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!((status, nothing.len()), (0, 0), "{err}");
        assert_eq!(std::fs::read(&out).unwrap(), mms);

        // Mail written by Python (tests/mail/): an m-send-req by default,
        // valid by its header table (no warning), SMIL written.
        for name in [
            "utf8_subject_qp_text_png.eml",
            "latin1_subject_qp_text_jpeg.eml",
            "nested_alternative_png.eml",
        ] {
            let path = root().join("tests/mail").join(name);
            let (status, pdu, err) = run_mmscompose(&["--eml", path.to_str().unwrap()]);
            assert_eq!(status, 0, "{name}: {err}");
            assert!(err.is_empty(), "{name}: {err}");
            match Message::decode_strict(&pdu) {
                Ok(Message::SendReq(r)) => assert!(r.subject.is_some(), "{name}"),
                other => panic!("{name}: {other:?}"),
            }
            let pdu = Pdu::decode(&pdu).unwrap();
            assert!(mms_pdu::mms::rules::check(&pdu).is_empty(), "{name}");
        }
    }

    #[test]
    fn what_is_not_mail_or_not_mms_fails_with_a_reason() {
        // A file that is no PDU: the decoder's error, status 1.
        let junk = scratch("junk.mms");
        std::fs::write(&junk, b"\x8C\x84\x98").unwrap();
        let (status, out, err) = run_mmsdump(&["--eml", junk.to_str().unwrap()]);
        assert_eq!(status, 1);
        assert!(out.is_empty());
        assert!(err.contains("offset"), "{err}");
        // A file that cannot be read: status 2.
        let (status, _, err) = run_mmsdump(&["--eml", "/nonexistent/x.mms"]);
        assert_eq!(status, 2);
        assert!(err.contains("/nonexistent/x.mms"), "{err}");
        let (status, _, err) = run_mmscompose(&["--eml", "/nonexistent/x.eml"]);
        assert_eq!(status, 2);
        assert!(err.contains("cannot read /nonexistent/x.eml"), "{err}");
        // A mail whose X-Mms field does not follow its form: status 1,
        // the field named.
        let bad = scratch("bad.eml");
        std::fs::write(
            &bad,
            b"X-Mms-Delivery-Report: perhaps\r\nSubject: x\r\n\r\nhi\r\n",
        )
        .unwrap();
        let (status, out, err) = run_mmscompose(&["--eml", bad.to_str().unwrap()]);
        assert_eq!(status, 1);
        assert!(out.is_empty());
        assert!(err.contains("X-Mms-Delivery-Report"), "{err}");
    }
}
