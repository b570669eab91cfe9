//! The tmux harness the end-to-end tests share: the real binary in a
//! detached tmux session of its own (its own server socket, killed on
//! drop), driven with `send-keys` and read back with `capture-pane`.
//!
//! Included by each test file with `#[path = "support/tmux.rs"] mod tmux;`;
//! a file uses only part of it, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// How long `wait_for` waits before it fails with the screen.
const WAIT: Duration = Duration::from_secs(30);

/// A tmux server of our own, killed on drop, with the folders the run
/// uses (kept alive as long as the session).
pub struct Tmux {
    socket: String,
    _folders: Vec<tempfile::TempDir>,
}

impl Tmux {
    pub fn available() -> bool {
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    }

    /// Runs `command` through `sh -c` in a detached `width`x`height`
    /// session, in the crate's folder, with `COLORTERM` empty and `env`
    /// (`KEY=value` strings) set. After the program exits, the pane prints
    /// `PARALLAX-EXITED-<status>` and stays a while.
    pub fn start(name: &str, (width, height): (u16, u16), env: &[String], command: &str) -> Tmux {
        let tmux = Tmux {
            socket: format!("parallax-{name}-{}", std::process::id()),
            _folders: Vec::new(),
        };
        let script = format!("{command}; echo PARALLAX-EXITED-$?; sleep 30");
        let (width, height) = (width.to_string(), height.to_string());
        let mut args = vec![
            "new-session",
            "-d",
            "-x",
            &width,
            "-y",
            &height,
            "-c",
            ROOT,
            "-e",
            "COLORTERM=",
        ];
        for pair in env {
            args.extend(["-e", pair.as_str()]);
        }
        args.extend(["sh", "-c", &script]);
        let out = tmux.run(&args);
        assert!(out.status.success(), "tmux new-session: {out:?}");
        tmux
    }

    /// Keeps `folder` until the session ends.
    pub fn keeping(mut self, folder: tempfile::TempDir) -> Tmux {
        self._folders.push(folder);
        self
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            // CI may run without a terminal type; tmux needs one.
            .env("TERM", "xterm-256color")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("run tmux")
    }

    /// Sends one key (tmux's names: `Enter`, `C-c`, `Space`) or a word of
    /// keys, without waiting.
    pub fn keys(&self, keys: &str) {
        let out = self.run(&["send-keys", "-t", "0", keys]);
        assert!(out.status.success(), "send-keys: {out:?}");
    }

    /// Sends keys one at a time, each handled before the next is sent.
    pub fn keys_paced(&self, keys: &[&str]) {
        for k in keys {
            self.keys(k);
            sleep(Duration::from_millis(120));
        }
    }

    /// Types `text` literally (no key names).
    pub fn literal(&self, text: &str) {
        let out = self.run(&["send-keys", "-t", "0", "-l", text]);
        assert!(out.status.success(), "send-keys: {out:?}");
        sleep(Duration::from_millis(120));
    }

    /// The screen as text, or with escape codes (`-e`).
    pub fn capture(&self, escapes: bool) -> String {
        let mut args = vec!["capture-pane", "-p", "-t", "0"];
        if escapes {
            args.push("-e");
        }
        String::from_utf8_lossy(&self.run(&args).stdout).into_owned()
    }

    /// A tmux format for the pane (`#{alternate_on}`).
    pub fn display(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "0", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Waits until the screen shows `text`; panics with the screen if not.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_for_any(&[text])
    }

    /// Waits until the screen shows one of `texts`.
    pub fn wait_for_any(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture(false);
            if texts.iter().any(|t| screen.contains(t)) {
                return screen;
            }
            assert!(
                start.elapsed() < WAIT,
                "waited for {texts:?}; the screen shows:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// `q`, then waits for a clean exit.
    pub fn quit(&self) {
        self.keys("q");
        self.wait_for("PARALLAX-EXITED-0");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// The tmux tests are `#[ignore = "needs tmux"]` so a machine without tmux
/// runs the rest; CI runs them (`--include-ignored`), and then a missing
/// tmux fails them rather than passing silently.
pub fn require_tmux() {
    assert!(
        Tmux::available(),
        "tmux is not installed: these end-to-end tests need it (apt-get install tmux)"
    );
}
