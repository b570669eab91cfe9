//! The cache as a user meets it: the real binary in a tmux pane, with
//! `XDG_CACHE_HOME` in a temporary folder. A first open writes the cache
//! (once the analysis is done), `--no-cache` writes nothing, a second open
//! comes from the cache, and a file added since is picked up in the
//! background and the library updates. Ignored by default (`needs tmux`):
//! CI runs it, and it fails without tmux.

use std::path::Path;
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_parallax");

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, require_tmux};

fn wait_for_log(log: &Path, text: &str) -> String {
    let start = Instant::now();
    loop {
        let body = std::fs::read_to_string(log).unwrap_or_default();
        if body.contains(text) {
            return body;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "waited for {text:?} in the log:\n{body}"
        );
        sleep(Duration::from_millis(50));
    }
}

fn cache_files(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir.join("parallax")) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn write_article(dir: &Path, name: &str, title: &str, outlet: &str) {
    let text = format!(
        "Title: {title}\nSource: {outlet}\nText:\n\"The ferry runs again on Monday,\" said Ilse Marren, the harbour master. {title}.\n"
    );
    std::fs::write(dir.join(name), text).unwrap();
    // Older than the open, so the first open may vouch for it.
    let f = std::fs::File::options()
        .append(true)
        .open(dir.join(name))
        .unwrap();
    f.set_modified(std::time::SystemTime::now() - Duration::from_secs(60))
        .unwrap();
}

#[test]
#[ignore = "needs tmux"]
fn the_cache_is_written_used_refreshed_and_skipped_with_no_cache() {
    require_tmux();
    let root = tempfile::tempdir().unwrap();
    let (corpus, cache) = (root.path().join("news"), root.path().join("cache"));
    std::fs::create_dir(&corpus).unwrap();
    write_article(&corpus, "one.txt", "Ferry returns", "Harbour Gazette");
    write_article(&corpus, "two.txt", "Ferry back on Monday", "Valley Wire");
    let run = |name: &str, args: &str| {
        let log = root.path().join(format!("{name}.log"));
        let command = format!(
            "env XDG_CACHE_HOME='{}' {BIN} --log '{}' {args} '{}'",
            cache.display(),
            log.display(),
            corpus.display()
        );
        (
            Tmux::start(&format!("cache-{name}"), (120, 30), &[], &command),
            log,
        )
    };

    // --no-cache: nothing is written, even after the analysis.
    let (tmux, log) = run("off", "--no-cache");
    tmux.wait_for("2 articles");
    wait_for_log(&log, "done job=\"analyser\"");
    tmux.quit();
    assert_eq!(cache_files(&cache), Vec::<String>::new());

    // A first open loads the files and writes the cache after the analysis.
    let (tmux, log) = run("cold", "");
    tmux.wait_for("2 articles");
    wait_for_log(&log, "cache written");
    tmux.quit();
    let files = cache_files(&cache);
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(
        files[0].ends_with(".pxa") && files[1].ends_with(".pxc"),
        "{files:?}"
    );

    // A second open comes from the cache; nothing changed, nothing reloads.
    let (tmux, log) = run("warm", "");
    tmux.wait_for("2 articles");
    wait_for_log(&log, "opened from the cache");
    wait_for_log(&log, "cache checked against the files ms=");
    tmux.quit();
    assert!(wait_for_log(&log, "changed=false").contains("changed=false"));

    // A file added since: shown from the cache first, then the library
    // updates and says so.
    write_article(&corpus, "three.txt", "Ferry timetable", "Coast Courier");
    let (tmux, log) = run("changed", "");
    let screen = tmux.wait_for("3 articles");
    assert!(screen.contains("Ferry timetable"), "{screen}");
    tmux.wait_for("1 file changed or new, 0 files removed");
    wait_for_log(&log, "opened from the cache");
    wait_for_log(&log, "cache written");
    tmux.quit();

    // A damaged cache file is refused and rebuilt.
    let pxc = cache.join("parallax").join(files[1].clone());
    let mut bytes = std::fs::read(&pxc).unwrap();
    let at = bytes.len() - 10;
    bytes[at] ^= 0x10;
    std::fs::write(&pxc, &bytes).unwrap();
    let (tmux, log) = run("damaged", "");
    tmux.wait_for("3 articles");
    wait_for_log(&log, "the cache is rebuilt");
    wait_for_log(&log, "cache written");
    tmux.quit();
}
