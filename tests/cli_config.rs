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

#[test]
fn init_writes_the_default_once_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parallax").join("config.toml");
    let run = || {
        parallax()
            .env("XDG_CONFIG_HOME", dir.path())
            .args(["config", "--init"])
            .assert()
    };
    run().success();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("theme = \"default\""));
    std::fs::write(&path, "theme = [\n").unwrap();
    let again = run().failure();
    let err = String::from_utf8(again.get_output().stderr.clone()).unwrap();
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "theme = [\n");
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file is left behind");
}

#[test]
fn every_command_reports_a_broken_config_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parallax").join("config.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "theme = \"light\"\n[thresholds]\nclaim_pair = \"high\"\n").unwrap();
    for args in [
        &["list"][..],
        &["check"],
        &["quotes", "--json"],
        &["speakers"],
        &["show", "demo/rail-valley-wire.txt"],
        &["related", "demo/rail-valley-wire.txt"],
        &[
            "compare",
            "--json",
            "demo/rail-valley-wire.txt",
            "demo/rail-valley-wire.txt",
        ],
    ] {
        let out = parallax()
            .env("XDG_CONFIG_HOME", dir.path())
            .args(args)
            .assert()
            .success();
        let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert_eq!(
            err.matches("config.toml, line 3, column 14:").count(),
            1,
            "{args:?}: {err}"
        );
        assert!(err.contains("using defaults"), "{args:?}: {err}");
        assert!(!out.get_output().stdout.is_empty(), "{args:?}");
    }
}
