//! End to end: the real binary in a tmux pane (a real terminal). Opens the
//! compare screen, jumps between shared items and speakers, checks the
//! text and that colours are drawn, quits with `q` and checks the shell
//! gets the terminal back; SIGTERM, SIGHUP, SIGINT and SIGQUIT restore the
//! terminal (read back with `tmux display` and `stty -a`) and exit with
//! 128 + N; Ctrl-Z suspends and `fg` redraws. The tests are ignored by
//! default (`needs tmux`); CI runs them, and they fail without tmux.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_parallax");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, require_tmux};

/// Runs `command` in a 120x40 session with a temporary XDG_DATA_HOME, so
/// kept state never touches the real home.
fn start(name: &str, command: &str) -> Tmux {
    let data = tempfile::tempdir().unwrap();
    let env = [format!("XDG_DATA_HOME={}", data.path().display())];
    Tmux::start(&format!("e2e-{name}"), (120, 40), &env, command).keeping(data)
}

/// Drives one comparison: `]` to shared items, `s` to speakers, `q` out.
fn drive(name: &str, left: &str, right: &str, left_label: &str) {
    let tmux = start(name, &format!("{BIN} compare '{left}' '{right}'"));
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
        // A shared quote inside a claim pair is a badge on the pair, not
        // an item of its own: a pair may have a single item.
        if !screen.contains("─ shared item 1/1 ") {
            tmux.keys("]");
            tmux.wait_for("─ shared item 2/");
        }
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
#[ignore = "needs tmux"]
fn compare_two_demo_articles() {
    require_tmux();
    drive(
        "demo",
        "demo/desal-harbour-ledger.txt",
        "demo/desal-coastline-tribune.md",
        "The Harbour Ledger",
    );
}

/// The "who is quoted" popup takes the focus in a real terminal: `j`
/// moves in it (the panes behind stay put), `Esc` closes only it, and
/// the next `Esc` leaves compare for the library.
#[test]
#[ignore = "needs tmux"]
fn the_who_is_quoted_popup_has_the_focus_and_esc_closes_only_it() {
    require_tmux();
    let tmux = start("popup", BIN);
    tmux.wait_for(" LIBRARY ");
    // The analysis runs in the background: `c` says so until it is done.
    tmux.keys("/");
    tmux.keys("desal");
    tmux.keys("Enter");
    tmux.keys("j");
    tmux.keys("Space");
    tmux.keys("j");
    tmux.keys("Space");
    tmux.keys("Escape");
    let start = Instant::now();
    while !tmux.capture(false).contains(" COMPARE ") {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{}",
            tmux.capture(false)
        );
        tmux.keys("c");
        sleep(Duration::from_millis(200));
    }
    let heading = |screen: &str| screen.lines().nth(1).unwrap_or("").to_string();
    let before = heading(&tmux.wait_for(" COMPARE "));
    tmux.keys("p");
    let screen = tmux.wait_for("Who is quoted");
    assert!(
        screen.contains("▌ "),
        "the picked row is shown:
{screen}"
    );
    tmux.keys("j");
    tmux.keys("j");
    sleep(Duration::from_millis(300));
    let screen = tmux.capture(false);
    assert_eq!(
        heading(&screen),
        before,
        "j moved the popup, not the panes:
{screen}"
    );
    tmux.keys("Escape");
    let start = Instant::now();
    while tmux.capture(false).contains("Who is quoted") {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{}",
            tmux.capture(false)
        );
        sleep(Duration::from_millis(50));
    }
    assert!(
        tmux.capture(false).contains(" COMPARE "),
        "Esc closed only the popup"
    );
    tmux.keys("Escape");
    tmux.wait_for(" LIBRARY ");
    tmux.keys("q");
    tmux.wait_for("PARALLAX-EXITED-0");
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
    require_tmux();
    drive("seeds", &a.to_string_lossy(), &b.to_string_lossy(), " COMPARE ");
}

#[test]
#[ignore = "needs tmux"]
fn ctrl_c_in_the_library_restores_the_terminal() {
    require_tmux();
    let tmux = start("ctrlc", BIN);
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

/// The pane's terminal state: `alternate_on cursor_flag mouse_any_flag`.
const STATE: &str = "#{alternate_on} #{cursor_flag} #{mouse_any_flag}";

/// `stty -a` of the pane's terminal.
fn stty(tmux: &Tmux) -> String {
    let tty = tmux.display("#{pane_tty}");
    let file = std::fs::File::open(&tty).expect("open the pane's tty");
    let out = Command::new("stty")
        .arg("-a")
        .stdin(file)
        .output()
        .expect("run stty");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Cooked mode: line editing, echo and signal keys on.
fn assert_cooked(tmux: &Tmux, what: &str) {
    let modes = stty(tmux);
    let words: Vec<&str> = modes.split_whitespace().collect();
    for mode in ["icanon", "echo", "isig"] {
        assert!(words.contains(&mode), "{what}: {mode} is off:\n{modes}");
    }
}

/// Waits for a file the pane writes (the reader's pid).
fn read_pid(path: &Path) -> String {
    let start = Instant::now();
    loop {
        if let Ok(pid) = std::fs::read_to_string(path)
            && !pid.trim().is_empty()
        {
            return pid.trim().to_owned();
        }
        assert!(start.elapsed() < Duration::from_secs(20), "no pid file");
        sleep(Duration::from_millis(50));
    }
}

fn kill(signal: &str, pid: &str) {
    let status = Command::new("kill")
        .args(["-s", signal, pid])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -s {signal} {pid}");
}

#[test]
#[ignore = "needs tmux"]
fn signals_restore_the_terminal_and_exit_with_128_plus_the_signal() {
    require_tmux();
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("INT", 2), ("QUIT", 3)] {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("pid");
        let tmux = start(
            &format!("sig{signal}"),
            &format!("sh -c 'echo $$ > {}; exec {BIN}'", pid_file.display()),
        );
        tmux.wait_for(" LIBRARY ");
        assert_eq!(tmux.display(STATE), "1 0 1", "SIG{signal}: the reader runs");
        kill(signal, &read_pid(&pid_file));
        let screen = tmux.wait_for("PARALLAX-EXITED-");
        assert!(
            screen.contains(&format!("PARALLAX-EXITED-{}", 128 + number)),
            "SIG{signal}: exit status 128 + {number}:\n{screen}"
        );
        assert_eq!(
            tmux.display(STATE),
            "0 1 0",
            "SIG{signal}: main screen, cursor shown, no mouse reporting"
        );
        assert_cooked(&tmux, &format!("SIG{signal}"));
    }
}

#[test]
#[ignore = "needs tmux"]
#[cfg(target_os = "linux")] // reads /proc
fn a_terminal_that_hangs_up_ends_the_reader() {
    require_tmux();
    // Closing the window (here: killing tmux) hangs up the terminal. The
    // reader once spun at full CPU for ever inside crossterm's read.
    let dir = tempfile::tempdir().unwrap();
    let pid_file = dir.path().join("pid");
    let tmux = start(
        "hangup",
        &format!("sh -c 'echo $$ > {}; exec {BIN}'", pid_file.display()),
    );
    tmux.wait_for(" LIBRARY ");
    let pid = read_pid(&pid_file);
    let _ = tmux.run(&["kill-server"]);
    let start = Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| s.contains(") Z "))
    {
        if start.elapsed() > Duration::from_secs(10) {
            kill("KILL", &pid);
            panic!("the reader still runs 10 s after its terminal hung up");
        }
        sleep(Duration::from_millis(100));
    }
}

#[test]
#[ignore = "needs tmux"]
fn ctrl_z_suspends_and_fg_redraws() {
    require_tmux();
    assert!(
        Command::new("bash").arg("--version").output().is_ok(),
        "needs bash (job control)"
    );
    let dir = tempfile::tempdir().unwrap();
    let pid_file = dir.path().join("pid");
    let tmux = start("ctrlz", "bash --norc --noprofile -i");
    tmux.keys(&format!("sh -c 'echo $$ > {}; exec {BIN}'", pid_file.display()));
    tmux.keys("Enter");
    tmux.wait_for(" LIBRARY ");
    assert_eq!(tmux.display(STATE), "1 0 1");
    // Ctrl-Z from the keyboard, then SIGTSTP from outside: both stop the
    // reader with the terminal restored; `fg` draws it again.
    let pid = read_pid(&pid_file);
    for round in 0..2 {
        if round == 0 {
            tmux.keys("C-z");
        } else {
            kill("TSTP", &pid);
        }
        tmux.wait_for("Stopped");
        // (The tty modes now are bash's own: readline sets them at its
        // prompt; the signal test above checks ours with `stty`.)
        assert_eq!(tmux.display(STATE), "0 1 0", "round {round}: restored");
        tmux.keys("clear; fg");
        tmux.keys("Enter");
        let screen = tmux.wait_for(" LIBRARY ");
        assert!(screen.contains("9 articles"), "fg redraws:\n{screen}");
        assert_eq!(tmux.display(STATE), "1 0 1", "round {round}: the reader is back");
    }
    tmux.keys("q");
    tmux.keys("echo PARALLAX-EXITED-$?");
    tmux.keys("Enter");
    tmux.wait_for("PARALLAX-EXITED-0");
    assert_eq!(tmux.display(STATE), "0 1 0");
}

/// Issue 13 end to end: a full-text search to an article hit and back, a
/// copy read back from tmux's buffer (OSC 52 with `set-clipboard on`), a
/// claim pair expanded and closed with Esc.
#[test]
#[ignore = "needs tmux"]
fn search_copy_and_pair_detail() {
    require_tmux();
    let tmux = start("search", BIN);
    let out = tmux.run(&["set", "-g", "set-clipboard", "on"]);
    assert!(out.status.success(), "{out:?}");
    tmux.wait_for(" LIBRARY ");
    // `F` says "still analysing" until the index is built.
    let start = Instant::now();
    loop {
        tmux.keys("F");
        sleep(Duration::from_millis(100));
        if tmux.capture(false).contains("text/") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{}",
            tmux.capture(false)
        );
    }
    tmux.keys("Okafor");
    tmux.keys("Enter");
    let screen = tmux.wait_for(" SEARCH ");
    assert!(screen.contains("sentences in 3 articles"), "{screen}");
    tmux.keys("Enter");
    let screen = tmux.wait_for(" READER ");
    assert!(screen.contains("/Okafor 1/"), "the hit is current:\n{screen}");
    tmux.keys("n");
    tmux.wait_for("/Okafor 2/");
    // `h` (as Esc) clears the hits, then `q` goes back.
    tmux.keys("h");
    tmux.wait_for(" READER  Rail");
    tmux.keys("q");
    tmux.wait_for(" SEARCH ");
    tmux.keys("q");
    tmux.wait_for(" LIBRARY ");
    // Copy the selected article's reference.
    tmux.keys("y");
    let screen = tmux.wait_for("copied article reference");
    let row = screen.lines().find(|l| l.starts_with('▌')).unwrap_or_default();
    let buffer = String::from_utf8_lossy(&tmux.run(&["show-buffer"]).stdout).into_owned();
    let title: String = buffer.chars().take(20).collect();
    assert!(buffer.contains(" — "), "a reference with its outlet: {buffer:?}");
    assert!(
        row.contains(&title),
        "the selected row's title was copied: {buffer:?}\n{row}"
    );
    // Compare two articles, expand a pair, close only the panel.
    for key in ["/", "desal", "Enter", "j", "Space", "j", "Space"] {
        tmux.keys(key);
    }
    tmux.wait_for("2 marked");
    tmux.keys("h");
    sleep(Duration::from_millis(200));
    tmux.keys("c");
    tmux.wait_for(" COMPARE ");
    tmux.keys("]");
    tmux.wait_for("pair 1/");
    tmux.keys("d");
    let screen = tmux.wait_for("WORD DIFF");
    assert!(screen.contains("score"), "{screen}");
    tmux.keys("Escape");
    let start = Instant::now();
    while tmux.capture(false).contains("WORD DIFF") {
        assert!(start.elapsed() < Duration::from_secs(20), "Esc closes the panel");
        sleep(Duration::from_millis(50));
    }
    let screen = tmux.capture(false);
    assert!(
        screen.contains(" COMPARE "),
        "Esc closed only the panel:\n{screen}"
    );
    sleep(Duration::from_millis(200));
    tmux.keys("Q");
    tmux.wait_for("PARALLAX-EXITED-0");
}
