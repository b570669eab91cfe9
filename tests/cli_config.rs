//! `parallax config` and the TUI's refusal without a terminal, through the
//! real binary.

use assert_cmd::Command;

fn parallax() -> Command {
    let mut cmd = Command::cargo_bin("parallax").unwrap();
    cmd.env_remove("XDG_CONFIG_HOME").env("HOME", "/nonexistent-home");
    cmd
}

#[test]
fn print_default_is_a_commented_config() {
    let out = parallax().args(["config", "--print-default"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("theme = \"default\""));
    assert!(text.contains("# down = [\"j\", \"Down\"]"));
    let parsed: toml::Table = toml::from_str(&text).unwrap();
    assert!(parsed.contains_key("thresholds"));
}

#[test]
fn config_shows_where_the_file_goes() {
    let dir = tempfile::tempdir().unwrap();
    let out = parallax()
        .env("XDG_CONFIG_HOME", dir.path())
        .arg("config")
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains(&format!(
        "{}/parallax/config.toml (not created yet)",
        dir.path().display()
    )));
}

#[test]
fn the_reader_needs_a_terminal() {
    let out = parallax().arg("--theme").arg("light").assert().code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("needs a terminal"), "{err}");
}
