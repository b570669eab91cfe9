//! Cache files on disk: a header (magic, format number, parallax version),
//! a checksummed head section, then blocks each with its own checksum so
//! they can be checked and decoded in parallel. Written atomically; a file
//! that fails any check is an error the caller answers by rebuilding.

use std::io;
use std::path::{Path, PathBuf};

use super::codec::{Corrupt, Reader, Writer, checksum};

const MAGIC: &[u8; 8] = b"PXCACHE\0";

/// The layout of the cache files; bump it when an encoding changes.
pub const FORMAT: u32 = 3;

/// The version a cache file must carry to be read: parallax's own, the
/// format, and a fingerprint of the parsers', analysis' and cache's source
/// and data (`build.rs`), so a build that reads or analyses differently
/// never trusts another build's cache, even at the same version number.
pub fn version() -> String {
    format!(
        "{}+{FORMAT}+{}",
        env!("CARGO_PKG_VERSION"),
        env!("PARALLAX_CACHE_BUILD")
    )
}

/// Writes `head` and `count` blocks to `path` atomically (a temporary
/// file in the same folder, synced, then renamed). The blocks come from
/// `groups`, a few at a time (encoded in parallel by the caller), and
/// each group is written and dropped before the next is asked for, so
/// the whole file is never in memory. Each block is preceded by its
/// length and checksum. Returns the size.
pub fn write(
    path: &Path,
    head: &[u8],
    count: usize,
    groups: impl Iterator<Item = Vec<Vec<u8>>>,
) -> io::Result<u64> {
    use std::io::Write;
    let mut w = Writer::default();
    w.bytes.extend_from_slice(MAGIC);
    w.str(&version());
    w.usize(head.len());
    w.bytes.extend_from_slice(&checksum(head).to_le_bytes());
    w.bytes.extend_from_slice(head);
    w.usize(count);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().map_or("cache".into(), |n| n.to_string_lossy());
    let temp = tempfile::Builder::new()
        .prefix(&format!(".{name}.tmp-"))
        .tempfile_in(dir)?;
    let mut out = io::BufWriter::new(temp);
    out.write_all(&w.bytes)?;
    let mut size = w.bytes.len() as u64;
    let mut written = 0;
    for group in groups {
        for b in group {
            let mut frame = Writer::default();
            frame.usize(b.len());
            frame.bytes.extend_from_slice(&checksum(&b).to_le_bytes());
            out.write_all(&frame.bytes)?;
            out.write_all(&b)?;
            size += (frame.bytes.len() + b.len()) as u64;
            written += 1;
        }
    }
    if written != count {
        return Err(io::Error::other("block count differs from the announced one"));
    }
    let temp = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(size)
}

/// A cache file read back: its head (checked) and its blocks with their
/// checksums (checked by [`Blocks::check`], on whichever thread decodes).
#[derive(Debug)]
pub struct Blocks<'a> {
    pub head: &'a [u8],
    pub blocks: Vec<(&'a [u8], u64)>,
}

impl Blocks<'_> {
    /// Each block's bytes, or `Corrupt` when its checksum differs.
    pub fn check(block: &(&[u8], u64)) -> Result<(), Corrupt> {
        if checksum(block.0) == block.1 {
            Ok(())
        } else {
            Err(Corrupt("block checksum"))
        }
    }
}

/// Splits `bytes` (a whole cache file) into head and blocks, checking the
/// magic, the version and the head's checksum.
pub fn parse(bytes: &[u8]) -> Result<Blocks<'_>, Corrupt> {
    let mut r = Reader::new(bytes);
    if r.take(MAGIC.len())? != MAGIC {
        return Err(Corrupt("not a parallax cache file"));
    }
    if r.str()? != version() {
        return Err(Corrupt("written by another version"));
    }
    let len = r.usize()?;
    let sum = u64::from_le_bytes(r.take(8)?.try_into().map_err(|_| Corrupt("truncated"))?);
    let head = r.take(len)?;
    if checksum(head) != sum {
        return Err(Corrupt("head checksum"));
    }
    let n = r.count(9)?;
    let mut blocks = Vec::with_capacity(n);
    for _ in 0..n {
        let len = r.usize()?;
        let sum = u64::from_le_bytes(r.take(8)?.try_into().map_err(|_| Corrupt("truncated"))?);
        blocks.push((r.take(len)?, sum));
    }
    if !r.is_empty() {
        return Err(Corrupt("bytes after the last block"));
    }
    Ok(Blocks { head, blocks })
}

/// The cache files in `dir` (`*.pxc`, `*.pxa`) with size and last use.
pub fn files(dir: &Path) -> Vec<(PathBuf, u64, std::time::SystemTime)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            let p = e.path();
            matches!(p.extension().and_then(|x| x.to_str()), Some("pxc" | "pxa"))
        })
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            let used = meta.modified().ok()?;
            Some((e.path(), meta.len(), used))
        })
        .collect()
}

/// Marks a cache file as just used (its modification time), for the
/// least-recently-used eviction.
pub fn touch(path: &Path) {
    if let Ok(f) = std::fs::File::options().append(true).open(path) {
        let _ = f.set_modified(std::time::SystemTime::now());
    }
}

/// Removes the least recently used corpora (both files of one corpus go
/// together) until the folder holds at most `limit` bytes; `keep` (the
/// corpus just written) is never removed. Returns how many bytes went.
pub fn evict(dir: &Path, limit: u64, keep: &str) -> u64 {
    let mut corpora: Vec<(String, u64, std::time::SystemTime)> = Vec::new();
    for (path, size, used) in files(dir) {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match corpora.iter_mut().find(|c| c.0 == stem) {
            Some(c) => {
                c.1 += size;
                c.2 = c.2.max(used);
            }
            None => corpora.push((stem, size, used)),
        }
    }
    let mut total: u64 = corpora.iter().map(|c| c.1).sum();
    corpora.sort_by_key(|c| c.2);
    let mut freed = 0;
    for (stem, size, _) in corpora {
        if total <= limit {
            break;
        }
        if stem == keep {
            continue;
        }
        for ext in ["pxc", "pxa"] {
            let _ = std::fs::remove_file(dir.join(format!("{stem}.{ext}")));
        }
        total -= size;
        freed += size;
    }
    freed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_reads_back_and_every_damage_is_caught() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.pxc");
        let blocks = vec![b"first block".to_vec(), vec![7; 100]];
        write(
            &path,
            b"head",
            2,
            [blocks[..1].to_vec(), blocks[1..].to_vec()].into_iter(),
        )
        .unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let parsed = parse(&bytes).unwrap();
        assert_eq!(parsed.head, b"head");
        assert_eq!(parsed.blocks.len(), 2);
        assert!(parsed.blocks.iter().all(|b| Blocks::check(b).is_ok()));
        assert_eq!(parsed.blocks[1].0, &[7; 100][..]);
        // Truncated anywhere: an error.
        for cut in 0..bytes.len() {
            assert!(parse(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        // A flipped byte in the data: the head or a block checksum says so.
        for at in [bytes.len() - 1, bytes.len() - 150] {
            let mut b = bytes.clone();
            b[at] ^= 0x20;
            let bad = parse(&b).map(|p| p.blocks.iter().all(|b| Blocks::check(b).is_ok()));
            assert_ne!(bad, Ok(true), "flip at {at}");
        }
    }

    #[test]
    fn eviction_removes_the_least_recently_used_corpora_first() {
        let dir = tempfile::tempdir().unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for (stem, age) in [("old", 2), ("mid", 1), ("new", 0)] {
            for ext in ["pxc", "pxa"] {
                let p = dir.path().join(format!("{stem}.{ext}"));
                std::fs::write(&p, vec![0; 100]).unwrap();
                let f = std::fs::File::options().append(true).open(&p).unwrap();
                f.set_modified(old + std::time::Duration::from_secs(600 * (2 - age)))
                    .unwrap();
            }
        }
        // 600 bytes; a limit of 450 removes "old" (the oldest) only.
        assert_eq!(evict(dir.path(), 450, "new"), 200);
        let mut left: Vec<String> = files(dir.path())
            .into_iter()
            .map(|f| f.0.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["mid.pxa", "mid.pxc", "new.pxa", "new.pxc"]);
        // The corpus being kept stays even over the limit.
        evict(dir.path(), 0, "new");
        assert_eq!(files(dir.path()).len(), 2);
    }
}

#[cfg(test)]
mod version_tests {
    #[test]
    fn the_version_carries_the_build_fingerprint() {
        let v = super::version();
        let parts: Vec<&str> = v.split('+').collect();
        assert_eq!(parts[0], env!("CARGO_PKG_VERSION"));
        assert_eq!(parts[1], super::FORMAT.to_string());
        assert_eq!(parts[2].len(), 16, "{v}");
        assert!(parts[2].chars().all(|c| c.is_ascii_hexdigit()), "{v}");
    }
}
