//! `parallax completions SHELL` and `parallax man`: generated from the
//! same clap definitions as the parser, so every command is in them.

use assert_cmd::Command;

const COMMANDS: &[&str] = &[
    "list",
    "show",
    "quotes",
    "speakers",
    "compare",
    "related",
    "check",
    "config",
    "completions",
    "man",
];

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completions_for_bash_zsh_and_fish_name_every_command() {
    let bash = run(&["completions", "bash"]);
    assert!(bash.contains("complete -F _parallax"), "{bash}");
    let zsh = run(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef parallax"), "{zsh}");
    let fish = run(&["completions", "fish"]);
    assert!(fish.contains("complete -c parallax"), "{fish}");
    for script in [&bash, &zsh, &fish] {
        for command in COMMANDS {
            assert!(script.contains(command), "{command} missing");
        }
        assert!(script.contains("--min-score") || script.contains("min-score"));
    }
    // The bash script is valid bash.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("parallax.bash");
    std::fs::write(&file, &bash).unwrap();
    if let Ok(status) = std::process::Command::new("bash").arg("-n").arg(&file).status() {
        assert!(status.success(), "bash -n rejects the completions");
    }
    // An unknown shell is a usage error.
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_man_page_is_roff_with_every_command() {
    let page = run(&["man"]);
    assert!(page.contains(".TH parallax 1"), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "{section}: {page}");
    }
    for command in COMMANDS {
        assert!(
            page.contains(&format!("parallax\\-{command}")) || page.contains(command),
            "{command}"
        );
    }
    // groff renders it without a warning, when it is installed.
    if let Ok(out) = std::process::Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(page.as_bytes())?;
            child.wait_with_output()
        })
    {
        assert!(out.status.success());
        assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    }
}
