//! Cache files on disk: a header (magic, format number, parallax version),
//! a checksummed head section, then the number of blocks and the blocks,
//! each preceded by its length and checksum so they can be checked and
//! decoded in parallel. Written and read a few blocks at a time (the
//! whole file is never in memory); written atomically; a file that fails
//! any check is an error the caller answers by rebuilding.

use std::io;
use std::path::{Path, PathBuf};

use super::codec::{Corrupt, Writer, checksum};

const MAGIC: &[u8; 8] = b"PXCACHE\0";

/// The layout of the cache files; bump it when an encoding changes.
pub const FORMAT: u32 = 6;

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

/// Checks one block read back against its checksum (on whichever thread
/// decodes it).
pub fn check(block: &[u8], sum: u64) -> Result<(), Corrupt> {
    if checksum(block) == sum {
        Ok(())
    } else {
        Err(Corrupt("block checksum"))
    }
}

/// A cache file read a few blocks at a time (the whole file is never in
/// memory): the header and head are checked when it is opened, each
/// block's length against the bytes left in the file (a damaged length
/// never allocates much), and [`Stream::finish`] checks that nothing
/// follows the last block.
#[derive(Debug)]
pub struct Stream {
    file: io::BufReader<std::fs::File>,
    /// Bytes of the file not read yet.
    left: u64,
    pub head: Vec<u8>,
    /// Blocks not read yet.
    blocks: usize,
}

impl Stream {
    /// Opens a cache file; `Ok(None)` when there is none.
    pub fn open(path: &Path) -> Result<Option<Stream>, Corrupt> {
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(_) => return Err(Corrupt("unreadable")),
        };
        let left = file.metadata().map_err(|_| Corrupt("unreadable"))?.len();
        let mut s = Stream {
            file: io::BufReader::with_capacity(1 << 16, file),
            left,
            head: Vec::new(),
            blocks: 0,
        };
        if s.take(MAGIC.len())? != MAGIC {
            return Err(Corrupt("not a parallax cache file"));
        }
        let n = s.len()?;
        if s.take(n)? != version().as_bytes() {
            return Err(Corrupt("written by another version"));
        }
        let n = s.len()?;
        let sum = s.sum()?;
        s.head = s.take(n)?;
        if checksum(&s.head) != sum {
            return Err(Corrupt("head checksum"));
        }
        s.blocks = s.len()?;
        // Each block takes at least its length and checksum.
        if (s.blocks as u64).saturating_mul(9) > s.left {
            return Err(Corrupt("count past the end"));
        }
        Ok(Some(s))
    }

    /// The next (at most) `n` blocks, each checked against its checksum by
    /// [`check`] on whichever thread decodes it; empty after the
    /// last.
    pub fn next(&mut self, n: usize) -> Result<Vec<(Vec<u8>, u64)>, Corrupt> {
        let n = n.min(self.blocks);
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let len = self.len()?;
            let sum = self.sum()?;
            out.push((self.take(len)?, sum));
        }
        self.blocks -= n;
        Ok(out)
    }

    /// Blocks not read yet.
    pub fn blocks_left(&self) -> usize {
        self.blocks
    }

    /// Every block was read and nothing follows the last.
    pub fn finish(self) -> Result<(), Corrupt> {
        if self.blocks != 0 || self.left != 0 {
            return Err(Corrupt("bytes after the last block"));
        }
        Ok(())
    }

    fn take(&mut self, n: usize) -> Result<Vec<u8>, Corrupt> {
        use std::io::Read;
        if n as u64 > self.left {
            return Err(Corrupt("truncated"));
        }
        let mut buf = vec![0; n];
        self.file.read_exact(&mut buf).map_err(|_| Corrupt("truncated"))?;
        self.left -= n as u64;
        Ok(buf)
    }

    fn sum(&mut self) -> Result<u64, Corrupt> {
        let b = self.take(8)?;
        Ok(u64::from_le_bytes(
            b.try_into().map_err(|_| Corrupt("truncated"))?,
        ))
    }

    /// A length (LEB128), never past the end of the file.
    fn len(&mut self) -> Result<usize, Corrupt> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return if v > self.left {
                    Err(Corrupt("length past the end"))
                } else {
                    usize::try_from(v).map_err(|_| Corrupt("integer out of range"))
                };
            }
        }
        Err(Corrupt("integer too long"))
    }
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
        // Read as a stream: the same blocks; cut or flipped anywhere, an
        // error (a length, the header, a checksum or the end).
        let streamed = |bytes: &[u8]| -> Result<Vec<(Vec<u8>, u64)>, Corrupt> {
            std::fs::write(&path, bytes).unwrap();
            let mut s = Stream::open(&path)?.expect("a file");
            assert_eq!(s.head, b"head");
            let mut all = s.next(1)?;
            all.extend(s.next(5)?);
            assert!(s.next(5)?.is_empty());
            s.finish()?;
            all.iter().try_for_each(|b| check(&b.0, b.1))?;
            Ok(all)
        };
        let all = streamed(&bytes).unwrap();
        assert_eq!(all.iter().map(|b| b.0.clone()).collect::<Vec<_>>(), blocks);
        for cut in 0..bytes.len() {
            assert!(streamed(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        for at in 0..bytes.len() {
            let mut b = bytes.clone();
            b[at] ^= 0x20;
            assert!(streamed(&b).is_err(), "flip at {at}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(streamed(&longer).is_err(), "a byte after the last block");
        std::fs::remove_file(&path).unwrap();
        assert!(Stream::open(&path).unwrap().is_none(), "no file: no cache");
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
