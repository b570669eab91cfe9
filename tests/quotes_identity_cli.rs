//! `quotes --json` gives each resolved quote the speaker's corpus-wide
//! identity: the canonical name and the kind of speaker.

use std::process::Command;

use serde_json::Value;

#[test]
fn quotes_carry_the_canonical_name_and_the_speaker_kind() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Ferry fares rise\n\n\u{201C}We have no other way to pay for the new hulls,\u{201D} said Orla Penhallow, the harbour board's chair.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Islanders angry at fares\n\n\u{201C}Nobody likes a fare rise, least of all me,\u{201D} Penhallow said on Tuesday.\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("quotes")
        .arg(dir.path())
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    for row in &rows {
        assert_eq!(row["canonical_name"], "Orla Penhallow", "{row}");
        assert_eq!(row["speaker_kind"], "person", "{row}");
    }
}
