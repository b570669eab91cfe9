//! The hostile corpora, one builder per case.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;

use super::at;

/// Articles in the 50 MB JSON Lines file.
pub const BIG_JSONL_ARTICLES: usize = 100_000;
/// Tiny files in the debug-mode many-files case.
pub const MANY_FILES_DEBUG: usize = 20_000;

const GOOD: &str = "Harbour fees rise\n\nThe port raised its fees on Monday, the authority said.\n";

fn write(path: impl AsRef<Path>, bytes: impl AsRef<[u8]>) {
    fs::write(path, bytes).expect("write fixture");
}

pub fn build(name: &str, dir: &Path) {
    match name {
        "big-text" => big_text(dir),
        "big-jsonl" => big_jsonl(dir),
        "many-files" => many_files(dir, MANY_FILES_DEBUG),
        "many-files-100k" => many_files(dir, 100_000),
        "million-quotes" => million_quotes(dir),
        "deep-nesting" => deep_nesting(dir),
        "unreadable" => unreadable(dir),
        "non-utf8-names" => non_utf8_names(dir),
        "fifo" => fifo(dir),
        "growing" => write(at(dir, "good.txt"), GOOD),
        "symlink-loops" => symlink_loops(dir),
        "hostile-html" => hostile_html(dir),
        "hostile-feeds" => hostile_feeds(dir),
        other => panic!("unknown case {other}"),
    }
}

const PAGE: &str = "<!DOCTYPE html><html><head><title>Quay repairs</title></head><body><article>\
<p>The quay wall will be repaired over the winter, the harbour board said on Monday, after a survey found cracks along its whole length.</p>\
</article></body></html>";

/// Web pages built to hurt: 50 MB, 100,000 nested elements, no body,
/// scripts only, and charsets that lie both ways; one good page.
fn hostile_html(dir: &Path) {
    write(at(dir, "good.html"), PAGE);
    let mut f = fs::File::create(at(dir, "big.html")).expect("create");
    f.write_all(b"<!DOCTYPE html><html><body>").expect("write");
    let chunk = "<div><p>The council met again on Tuesday.</p></div>\n".repeat(1 << 12);
    while f.metadata().expect("meta").len() < 50 << 20 {
        f.write_all(chunk.as_bytes()).expect("write");
    }
    // Just under the size limit, shallow, with 600,000 elements.
    write(
        at(dir, "wide.html"),
        format!(
            "<html><body>{}</body></html>",
            "<div><span>Ward 7 votes.</span></div>\n".repeat(200_000)
        ),
    );
    let depth = 100_000;
    write(
        at(dir, "deep.html"),
        format!(
            "<html><body>{}The text at the bottom of a very deep page.{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        ),
    );
    // As deep, unclosed, with inline formatting (the tree builder's costly
    // cases) and no closing tags at all.
    write(
        at(dir, "deep-open.html"),
        format!(
            "<html><body>{}Unclosed to the end.",
            "<b><i><table><tr><td>".repeat(20_000)
        ),
    );
    write(
        at(dir, "no-body.html"),
        "<!DOCTYPE html><html><head><title>Nothing here</title><meta charset=utf-8></head></html>",
    );
    write(
        at(dir, "scripts-only.html"),
        format!(
            "<!DOCTYPE html><html><head><script>{}</script></head><body><script>var a = '<p>not text</p>';</script></body></html>",
            "var x = 1;".repeat(10_000)
        ),
    );
    // Declares windows-1252, is UTF-8: read as UTF-8, with a warning.
    write(
        at(dir, "says-1252.html"),
        "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\u{e9} owners in Z\u{fc}rich say the new rules on terraces will cost them a summer of trade.</p></body></html>",
    );
    // Declares ISO-8859-2 and is: decoded with it, no warning.
    let mut latin2 = b"<html><head><meta charset=\"iso-8859-2\"></head><body><p>In ".to_vec();
    latin2.extend_from_slice(&[0xA3, 0xF3, 0x64, 0xBC]);
    latin2.extend_from_slice(
        b" the tram depot will close for a month of repairs this summer.</p></body></html>",
    );
    write(at(dir, "latin2.html"), latin2);
    // Declares UTF-8, is Latin-1: the fallback decoding, with a warning.
    let mut latin1 = b"<html><head><meta charset=\"utf-8\"></head><body><p>Caf".to_vec();
    latin1.push(0xE9);
    latin1.extend_from_slice(
        b" owners say the new rules on terraces will cost them a summer of trade.</p></body></html>",
    );
    write(at(dir, "says-utf8.html"), latin1);
}

/// Feeds built to hurt: deep nesting inside an item, an entity expansion
/// bomb, 20,000 items, and a truncated newsboat cache.
fn hostile_feeds(dir: &Path) {
    let item = |i: usize| {
        format!(
            "<item><title>Item {i}</title><guid>g{i}</guid><description>Ferry {i} sailed on time.</description></item>"
        )
    };
    write(
        at(dir, "many.xml"),
        format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Many</title>{}</channel></rss>",
            (0..20_000).map(item).collect::<String>()
        ),
    );
    write(
        at(dir, "deep.xml"),
        format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep</title><item><title>D</title><guid>d</guid><x>{}{}</x><description>Below the deep part.</description></item></channel></rss>",
            "<y>".repeat(100_000),
            "</y>".repeat(100_000)
        ),
    );
    let mut bomb = String::from(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY a \"lol lol lol lol lol lol lol lol lol lol\">\n",
    );
    for n in 1..10 {
        let prev = (b'a' + n - 1) as char;
        let name = (b'a' + n) as char;
        bomb.push_str(&format!(
            "<!ENTITY {name} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
    }
    bomb.push_str("]>\n<rss version=\"2.0\"><channel><title>Bomb</title><item><guid>b</guid><description>&j;</description></item></channel></rss>");
    write(at(dir, "bomb.xml"), bomb);
    let mut db = b"SQLite format 3\0".to_vec();
    db.extend_from_slice(&[0x10, 0x00, 0x01, 0x01]);
    db.resize(3000, 0);
    write(at(dir, "cache.db"), db);
}

/// A 50 MB text file (refused by size) next to a good one.
fn big_text(dir: &Path) {
    write(at(dir, "good.txt"), GOOD);
    let line = "The council met again on Tuesday and the vote was close.\n";
    let mut f = fs::File::create(at(dir, "big.txt")).expect("create");
    let chunk = line.repeat(1 << 14);
    while f.metadata().expect("meta").len() < 50 << 20 {
        f.write_all(chunk.as_bytes()).expect("write");
    }
}

/// 50 MB of JSON Lines: 100,000 articles of about 550 bytes.
fn big_jsonl(dir: &Path) {
    let mut out = String::with_capacity(52 << 20);
    for i in 0..BIG_JSONL_ARTICLES {
        out.push_str(&format!(
            "{{\"title\": \"Report {i}\", \"source\": \"Daily {}\", \"text\": \"Article {i}: {}\"}}\n",
            i % 50,
            "The harbour board raised the fees again, the authority said on Monday. ".repeat(7)
        ));
    }
    assert!(out.len() >= 50 << 20, "{}", out.len());
    write(at(dir, "big.jsonl"), out);
}

fn many_files(dir: &Path, n: usize) {
    for i in 0..n {
        write(at(dir, &format!("a{i:06}.txt")), format!("Item {i} sold.\n"));
    }
}

/// A million straight quote marks, and a million curly ones in pairs.
fn million_quotes(dir: &Path) {
    write(at(dir, "straight.txt"), "\"".repeat(1_000_000));
    write(at(dir, "curly.txt"), "\u{201C}a\u{201D} ".repeat(500_000));
}

/// 500 nested folders with one article at the bottom.
fn deep_nesting(dir: &Path) {
    let mut path = dir.to_path_buf();
    for _ in 0..500 {
        path.push("d");
    }
    fs::create_dir_all(&path).expect("nest");
    write(path.join("deep.txt"), GOOD);
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

/// A file and a folder without read permission, next to a good file.
fn unreadable(dir: &Path) {
    write(at(dir, "good.txt"), GOOD);
    write(at(dir, "secret.txt"), GOOD.replace("Harbour", "Secret"));
    fs::create_dir(at(dir, "locked")).expect("mkdir");
    write(at(dir, "locked/inner.txt"), GOOD.replace("Harbour", "Inner"));
    #[cfg(unix)]
    {
        set_mode(&at(dir, "secret.txt"), 0o000);
        set_mode(&at(dir, "locked"), 0o000);
    }
}

/// File and folder names with bytes that are not UTF-8.
fn non_utf8_names(dir: &Path) {
    #[cfg(unix)]
    {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        write(dir.join(OsStr::from_bytes(b"caf\xe9.txt")), GOOD);
        let sub = dir.join(OsStr::from_bytes(b"r\xe9p\xff"));
        fs::create_dir(&sub).expect("mkdir");
        write(sub.join(OsStr::from_bytes(b"\xfe\xfd.md")), "# Odd\n\nA body.\n");
    }
    #[cfg(not(unix))]
    {
        write(at(dir, "a.txt"), GOOD);
        write(at(dir, "b.txt"), GOOD);
    }
}

fn fifo(dir: &Path) {
    write(at(dir, "good.txt"), GOOD);
    let _ = std::process::Command::new("mkfifo")
        .arg(at(dir, "pipe.txt"))
        .status();
}

fn symlink_loops(dir: &Path) {
    write(at(dir, "good.txt"), GOOD);
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink("self.txt", at(dir, "self.txt")).expect("link");
        symlink("b.txt", at(dir, "a.txt")).expect("link");
        symlink("a.txt", at(dir, "b.txt")).expect("link");
        fs::create_dir(at(dir, "sub")).expect("mkdir");
        symlink("..", at(dir, "sub/up")).expect("link");
    }
}

/// Appends to `grow.txt` from a thread until `stop`, or until it is past
/// the 8 MB limit for a text file.
pub fn grow_while_read(dir: &Path, stop: Arc<AtomicBool>) -> JoinHandle<()> {
    let path = at(dir, "grow.txt");
    let mut f = fs::File::create(&path).expect("create");
    f.write_all(b"Growing story\n\n").expect("write");
    let chunk = "More words arrive while the file is read.\n".repeat(1 << 10);
    std::thread::spawn(move || {
        let mut written = 0;
        while !stop.load(Ordering::Relaxed) && written < 12 << 20 {
            f.write_all(chunk.as_bytes()).expect("append");
            written += chunk.len();
        }
    })
}

/// Notes on how the environment shaped a case.
pub fn notes(name: &str, dir: &Path) -> Vec<String> {
    let mut notes = Vec::new();
    if name == "unreadable" && fs::read(at(dir, "secret.txt")).is_ok() {
        notes.push("permissions do not apply (running as root)".into());
    }
    if name == "fifo" && !at(dir, "pipe.txt").exists() {
        notes.push("no mkfifo".into());
    }
    notes
}

/// Restores permissions so the temporary folder can be removed.
pub fn cleanup(dir: &Path) {
    #[cfg(unix)]
    for p in ["secret.txt", "locked"] {
        if fs::symlink_metadata(at(dir, p)).is_ok() {
            set_mode(&at(dir, p), 0o755);
        }
    }
}
