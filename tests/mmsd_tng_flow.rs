//! mmsd-tng, a real handset's MMS daemon, against the `mmsc` example:
//! `tests/mmsd_tng/run.sh` brings up private D-Bus buses, a fake
//! ModemManager and the MMSC, and checks what mmsd-tng announces and
//! sends. CI runs the script itself after installing mmsd-tng with apt;
//! here it is one ignored test, for `cargo test --test mmsd_tng_flow --
//! --ignored` on a machine that has it.

#[test]
#[ignore = "needs mmsd-tng, dbus-daemon, python3-dbus: run with `cargo test --test mmsd_tng_flow -- --ignored`"]
fn mmsd_tng_sends_and_receives_through_the_mmsc() {
    let status = std::process::Command::new("bash")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/mmsd_tng/run.sh"
        ))
        .status()
        .expect("bash runs");
    assert!(status.success(), "tests/mmsd_tng/run.sh failed: {status}");
}
