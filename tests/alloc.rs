//! Zero-copy decoding, proven with a counting allocator: the lazy view of
//! a PDU and the walk over a multipart body allocate nothing.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use mms_pdu::mms::view::PduView;
use mms_pdu::{FieldCode, Pdu};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// Whether this thread's allocations are being counted (the test
    /// harness allocates on other threads at any time).
    static COUNTING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if COUNTING.with(|c| c.get()) {
            ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        }
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made by `f` on this thread (tests in this file also run
/// one at a time: see `SERIAL`).
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    COUNTING.with(|c| c.set(true));
    f();
    COUNTING.with(|c| c.set(false));
    ALLOCATIONS.load(Ordering::SeqCst) - before
}

static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn corpus(file: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/corpus/{file}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Parses, walks every header and decodes every value but Content-Type's.
fn walk(bytes: &[u8]) -> usize {
    let view = PduView::parse(bytes).unwrap();
    let mt = view.message_type();
    let mut n = 0;
    for f in view.fields() {
        if f.code != Some(FieldCode::CONTENT_TYPE) {
            if let Some(v) = f.decode(mt) {
                assert!(!matches!(v, mms_pdu::Value::Raw(_)), "{v:?}");
            }
        }
        n += 1;
    }
    n
}

#[test]
fn the_view_of_a_notification_and_a_send_conf_allocates_nothing() {
    let _g = SERIAL.lock().unwrap();
    for file in [
        "mmsd/ni-mms-1-3-con-271.mms",
        "sailfish/test_mms_codec-m-notification_1.ind",
        "ocarlsen/PduParserAndroidTest-PDU_DATA.mms",
        "mmsd/test-mmsutil-mms_m_send_conf_1.mms",
        "sailfish/test_send-ServiceDenied-m-send.conf",
    ] {
        let bytes = corpus(file);
        // The counter works: the eager decoder allocates its header list.
        assert!(allocations(|| drop(Pdu::decode(&bytes).unwrap())) > 0);
        let mut headers = 0;
        assert_eq!(allocations(|| headers = walk(&bytes)), 0, "{file}");
        assert!(headers >= 4, "{file}");
    }
}

#[test]
fn the_headers_and_parts_of_a_retrieve_conf_allocate_nothing() {
    let _g = SERIAL.lock().unwrap();
    let bytes = corpus("sailfish/test_mms_codec-m-retrieve_2.conf");
    let mut sizes = 0;
    let n = allocations(|| {
        walk(&bytes);
        let view = PduView::parse(&bytes).unwrap();
        for p in view.parts().unwrap().unwrap() {
            let p = p.unwrap();
            assert!(p.media().is_some());
            sizes += p.data.len();
        }
    });
    assert_eq!(n, 0);
    assert!(sizes > 80_000);
    // The eager decoder sees the same parts.
    let pdu = Pdu::decode(&bytes).unwrap();
    let Some(mms_pdu::Body::Multipart(m)) = &pdu.body else {
        panic!()
    };
    assert_eq!(m.parts.iter().map(|p| p.data.len()).sum::<usize>(), sizes);
}

#[test]
fn the_view_agrees_with_the_eager_decoder_on_the_whole_corpus() {
    let _g = SERIAL.lock().unwrap();
    let manifest = String::from_utf8(corpus("MANIFEST.tsv")).unwrap();
    let mut checked = 0;
    for line in manifest.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        if c[5] == "wap-push" {
            continue;
        }
        let bytes = corpus(c[0]);
        let (Ok(pdu), Ok(view)) = (Pdu::decode(&bytes), PduView::parse(&bytes)) else {
            assert!(
                Pdu::decode(&bytes).is_err() && PduView::parse(&bytes).is_err(),
                "{}",
                c[0]
            );
            continue;
        };
        assert_eq!(view.len(), pdu.headers.len(), "{}", c[0]);
        for (f, h) in view.fields().zip(&pdu.headers) {
            assert_eq!(f.code, h.code(), "{}", c[0]);
            if let Some(v) = f.decode(view.message_type()) {
                assert_eq!(Some(&v), h.value(), "{}", c[0]);
            }
        }
        assert_eq!(view.trailing(), pdu.trailing.as_ref(), "{}", c[0]);
        checked += 1;
    }
    assert!(checked > 80);
}
