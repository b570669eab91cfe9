//! End to end: the real binary in a tmux pane (a real terminal). Opens the
//! compare screen, jumps between shared items and speakers, checks the
//! text and that colours are drawn, quits with `q` and checks the shell
//! gets the terminal back. Without tmux it says it was skipped.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_parallax");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A tmux server of our own (its own socket), killed on drop.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn available() -> bool {
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    }

    /// Runs `command` in a detached 120x40 session; after the program
    /// exits the pane prints a marker and stays a while.
    fn start(name: &str, command: &str) -> Tmux {
        let tmux = Tmux {
            socket: format!("parallax-e2e-{name}-{}", std::process::id()),
        };
        let script = format!("{command}; echo PARALLAX-EXITED-$?; sleep 30");
        let out = tmux.run(&[
            "new-session",
            "-d",
            "-x",
            "120",
            "-y",
            "40",
            "-c",
            ROOT,
            "-e",
            "COLORTERM=",
            "sh",
            "-c",
            &script,
        ]);
        assert!(out.status.success(), "tmux new-session: {out:?}");
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            // CI may run without a terminal type; tmux needs one.
            .env("TERM", "xterm-256color")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("run tmux")
    }

    fn keys(&self, keys: &str) {
        let out = self.run(&["send-keys", "-t", "0", keys]);
        assert!(out.status.success(), "send-keys: {out:?}");
    }

    /// The screen as text, or with escape codes (`-e`).
    fn capture(&self, escapes: bool) -> String {
        let mut args = vec!["capture-pane", "-p", "-t", "0"];
        if escapes {
            args.push("-e");
        }
        String::from_utf8_lossy(&self.run(&args).stdout).into_owned()
    }

    /// A tmux format for the pane (`#{alternate_on}`).
    fn display(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "0", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Waits until the screen shows `text`; panics with the screen if not.
    fn wait_for(&self, text: &str) -> String {
        self.wait_for_any(&[text])
    }

    /// Waits until the screen shows one of `texts`.
    fn wait_for_any(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture(false);
            if texts.iter().any(|t| screen.contains(t)) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "waited for {texts:?}; the screen shows:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn skip() -> bool {
    if Tmux::available() {
        return false;
    }
    println!("skipped: tmux not installed");
    true
}

/// Drives one comparison: `]` to shared items, `s` to speakers, `q` out.
fn drive(name: &str, left: &str, right: &str, left_label: &str) {
    let tmux = Tmux::start(name, &format!("{BIN} compare '{left}' '{right}'"));
    let screen = tmux.wait_for(" COMPARE ");
    assert!(screen.contains(left_label), "{screen}");
    assert!(screen.contains("─ comparison"), "{screen}");
    tmux.keys("]");
    let screen = tmux.wait_for_any(&["─ shared item", "share no quotes or claims"]);
    let shared = screen.contains("─ shared item 1/");
    assert!(
        shared || screen.contains("share no quotes or claims"),
        "] selects the first shared item:\n{screen}"
    );
    if shared {
        assert!(
            screen.contains("Claim pair") || screen.contains("Shared quote"),
            "{screen}"
        );
        tmux.keys("]");
        tmux.wait_for("─ shared item 2/");
    }
    tmux.keys("s");
    let screen = tmux.wait_for("─ quote ");
    assert!(
        screen.contains("❝"),
        "s shows the quote and its speaker:\n{screen}"
    );
    let coloured = tmux.capture(true);
    assert!(
        coloured.contains("\x1b[38;5;") || coloured.contains("\x1b[38;2;"),
        "colours are drawn:\n{coloured}"
    );
    let flags = "#{alternate_on} #{mouse_any_flag}";
    assert_eq!(
        tmux.display(flags),
        "1 1",
        "the app runs on the alternate screen with the mouse"
    );
    tmux.keys("q");
    let screen = tmux.wait_for("PARALLAX-EXITED-0");
    assert!(
        !screen.contains(" COMPARE "),
        "the alternate screen is gone:\n{screen}"
    );
    assert_eq!(
        tmux.display(flags),
        "0 0",
        "restored: main screen, no mouse reporting"
    );
}

#[test]
fn compare_two_demo_articles() {
    if skip() {
        return;
    }
    drive(
        "demo",
        "demo/desal-harbour-ledger.txt",
        "demo/desal-coastline-tribune.md",
        "The Harbour Ledger",
    );
}

fn seed(dir: &Path, prefix: &str) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            name.starts_with(prefix) && name.ends_with(".txt")
        })
        .collect();
    found.sort();
    found.into_iter().next()
}

#[test]
#[ignore = "needs ../shared"]
fn compare_the_first_two_seeds() {
    let dir = Path::new(ROOT).join("../shared/seeds");
    let (Some(a), Some(b)) = (seed(&dir, "000_"), seed(&dir, "001_")) else {
        panic!("needs the seeds in {}", dir.display());
    };
    if skip() {
        return;
    }
    drive("seeds", &a.to_string_lossy(), &b.to_string_lossy(), " COMPARE ");
}

#[test]
fn ctrl_c_in_the_library_restores_the_terminal() {
    if skip() {
        return;
    }
    let tmux = Tmux::start("ctrlc", BIN);
    tmux.wait_for(" LIBRARY ");
    // `p` says "still analysing" until the background analysis is done.
    let start = Instant::now();
    while !tmux.capture(false).contains(" SPEAKERS ") {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{}",
            tmux.capture(false)
        );
        tmux.keys("p");
        sleep(Duration::from_millis(100));
    }
    tmux.keys("C-c");
    tmux.wait_for("PARALLAX-EXITED-0");
    assert_eq!(tmux.display("#{alternate_on} #{mouse_any_flag}"), "0 0");
}
