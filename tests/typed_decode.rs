//! Typed decoding at the codec's cost: a typed message is read in one pass
//! (each header moved into its field as it is cut, the header table checked
//! on the way), so it allocates about what the generic `Pdu` does, and no
//! allocation per header: counted with a counting allocator over the
//! corpus and over PDUs of 10 to 10,000 headers.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use mms_pdu::mms::message::{Message, SendReq};
use mms_pdu::Pdu;

#[path = "support/corpus.rs"]
mod corpus;
use corpus::mms_pdus;

struct Counting;

thread_local! {
    // Allocations made by this thread (the tests of this file run in
    // parallel; each counts its own).
    static CALLS: Cell<usize> = const { Cell::new(0) };
}

fn count() {
    let _ = CALLS.try_with(|c| c.set(c.get() + 1));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The allocations `f` makes (its result dropped outside the count).
fn allocations<T>(f: impl FnOnce() -> T) -> usize {
    let before = CALLS.with(Cell::get);
    let kept = f();
    let n = CALLS.with(Cell::get) - before;
    drop(kept);
    n
}

/// Every corpus PDU of a known type: the values allocate the same in both
/// decodes; the typed one has lists of its own in place of the generic
/// header list (the wire order it keeps, the headers it has no field for,
/// one per repeated field such as To, the header table's violations), four
/// allocations more at most over the corpus, most often none.
#[test]
fn a_typed_decode_allocates_what_the_generic_one_does() {
    let mut compared = 0;
    for (name, bytes) in mms_pdus() {
        let Ok(m) = Message::decode(&bytes) else {
            continue;
        };
        drop(m);
        let generic = allocations(|| Pdu::decode(&bytes).unwrap());
        let typed = allocations(|| Message::decode(&bytes).unwrap());
        assert!(
            typed <= generic + 4,
            "{name}: typed decode {typed} allocations, generic {generic}"
        );
        compared += 1;
    }
    assert!(compared >= 80, "only {compared} corpus PDUs compared");
}

/// An m-send-req of `n` To recipients (and a text body).
fn with_recipients(n: usize) -> Vec<u8> {
    let mut b = SendReq::builder().transaction_id("T1").text("a.txt", "hi");
    for k in 0..n {
        b = b.to(format!("+1555{k:07}"));
    }
    b.build().unwrap().encode().unwrap()
}

/// Allocation grows with the logarithm of the header count (vectors that
/// double), not with the count: 1,000 recipients cost a handful of
/// allocations more than 10, in the typed decode as in the generic one.
#[test]
fn no_allocation_per_header() {
    let small = with_recipients(10);
    let large = with_recipients(1_000);
    let typed = |b: &[u8]| allocations(|| SendReq::decode(b).unwrap());
    let generic = |b: &[u8]| allocations(|| Pdu::decode(b).unwrap());
    let (ts, tl) = (typed(&small), typed(&large));
    let (gs, gl) = (generic(&small), generic(&large));
    // log2(1_000 / 10) ≈ 7 doublings of each growing vector.
    assert!(tl - ts <= 24, "typed: {ts} → {tl} allocations");
    assert!(gl - gs <= 24, "generic: {gs} → {gl} allocations");
    assert!(tl <= gl + 12, "typed {tl}, generic {gl}");
    // And the typed message holds them all.
    assert_eq!(SendReq::decode(&large).unwrap().to.len(), 1_000);
}
