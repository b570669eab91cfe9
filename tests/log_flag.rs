//! `--log FILE`: off by default, a file of tracing events when given.

use assert_cmd::Command;

#[test]
fn the_log_is_written_only_when_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("parallax.log");
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["list", "--log"])
        .arg(&log)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("parallax started"), "{text}");
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .current_dir(dir.path())
        .arg("list")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no log without --log"
    );
    let bad = Command::cargo_bin("parallax")
        .unwrap()
        .args(["list", "--log"])
        .arg(dir.path().join("missing-folder").join("x.log"))
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("cannot write the log"));
}
