//! The cache's binary encoding: LEB128 integers, length-prefixed UTF-8
//! strings, and a reader that checks every length against what is left, so
//! a truncated or altered file gives [`Corrupt`], never a panic or a huge
//! allocation.

use std::fmt;

/// The cache file could not be decoded: it is rebuilt, never trusted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corrupt(pub &'static str);

impl fmt::Display for Corrupt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "corrupt cache: {}", self.0)
    }
}

impl std::error::Error for Corrupt {}

pub type Result<T> = std::result::Result<T, Corrupt>;

/// Appends values to a byte buffer.
#[derive(Debug, Default)]
pub struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }

    pub fn u64(&mut self, mut v: u64) {
        loop {
            let low = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    pub fn usize(&mut self, v: usize) {
        self.u64(v as u64);
    }

    /// A signed value, zig-zag encoded.
    pub fn i64(&mut self, v: i64) {
        self.u64(((v << 1) ^ (v >> 63)) as u64);
    }

    pub fn f32(&mut self, v: f32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    pub fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.bytes.extend_from_slice(s.as_bytes());
    }

    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }

    pub fn strs(&mut self, items: &[String]) {
        self.usize(items.len());
        for s in items {
            self.str(s);
        }
    }
}

/// Reads values back, checking bounds.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes }
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if n > self.bytes.len() {
            return Err(Corrupt("truncated"));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    pub fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    pub fn u64(&mut self) -> Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(Corrupt("integer too long"))
    }

    pub fn usize(&mut self) -> Result<usize> {
        usize::try_from(self.u64()?).map_err(|_| Corrupt("integer out of range"))
    }

    /// A count of items each at least `min_bytes` long: never more than the
    /// bytes left could hold (so a bad count cannot allocate much).
    pub fn count(&mut self, min_bytes: usize) -> Result<usize> {
        let n = self.usize()?;
        if n.saturating_mul(min_bytes.max(1)) > self.bytes.len() {
            return Err(Corrupt("count past the end"));
        }
        Ok(n)
    }

    pub fn i64(&mut self) -> Result<i64> {
        let v = self.u64()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    pub fn f32(&mut self) -> Result<f32> {
        let b = self.take(4)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub fn str(&mut self) -> Result<&'a str> {
        let n = self.usize()?;
        std::str::from_utf8(self.take(n)?).map_err(|_| Corrupt("text not UTF-8"))
    }

    pub fn string(&mut self) -> Result<String> {
        self.str().map(str::to_owned)
    }

    pub fn opt_string(&mut self) -> Result<Option<String>> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.string().map(Some),
            _ => Err(Corrupt("bad option tag")),
        }
    }

    pub fn strings(&mut self) -> Result<Vec<String>> {
        let n = self.count(1)?;
        (0..n).map(|_| self.string()).collect()
    }

    pub fn bool(&mut self) -> Result<bool> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Corrupt("bad flag")),
        }
    }
}

/// A fast 64-bit checksum of a byte slice (four lanes of multiply-rotate
/// over eight-byte words): catches truncation and bit rot, not attacks.
pub fn checksum(bytes: &[u8]) -> u64 {
    const K: [u64; 4] = [
        0x9e37_79b9_7f4a_7c15,
        0xc2b2_ae3d_27d4_eb4f,
        0x1656_67b1_9e37_79f9,
        0x27d4_eb2f_1656_67c5,
    ];
    let mut lanes = K;
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (lane, (word, k)) in lanes.iter_mut().zip(block.chunks_exact(8).zip(K)) {
            let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
            *lane = (*lane ^ w).wrapping_mul(k).rotate_left(29);
        }
    }
    let mut h = (bytes.len() as u64).wrapping_mul(K[0]);
    for lane in lanes {
        h = (h ^ lane).wrapping_mul(K[1]).rotate_left(31);
    }
    for (i, &b) in blocks.remainder().iter().enumerate() {
        h = (h ^ (u64::from(b) << ((i % 8) * 8)))
            .wrapping_mul(K[2])
            .rotate_left(23);
    }
    h ^ (h >> 29)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip() {
        let mut w = Writer::default();
        w.u64(0);
        w.u64(300);
        w.u64(u64::MAX);
        w.i64(-5);
        w.i64(i64::MIN);
        w.f32(0.81);
        w.str("héllo");
        w.opt_str(None);
        w.strs(&["a".into(), "".into()]);
        let mut r = Reader::new(&w.bytes);
        assert_eq!(r.u64(), Ok(0));
        assert_eq!(r.u64(), Ok(300));
        assert_eq!(r.u64(), Ok(u64::MAX));
        assert_eq!(r.i64(), Ok(-5));
        assert_eq!(r.i64(), Ok(i64::MIN));
        assert_eq!(r.f32(), Ok(0.81));
        assert_eq!(r.str(), Ok("héllo"));
        assert_eq!(r.opt_string(), Ok(None));
        assert_eq!(r.strings(), Ok(vec!["a".to_owned(), String::new()]));
        assert!(r.is_empty());
        assert!(r.u8().is_err());
    }

    #[test]
    fn a_bad_length_is_an_error_not_an_allocation() {
        let mut w = Writer::default();
        w.u64(u64::MAX >> 1);
        assert!(Reader::new(&w.bytes).str().is_err());
        assert!(Reader::new(&w.bytes).count(8).is_err());
        assert!(Reader::new(&[0xff; 11]).u64().is_err());
    }

    #[test]
    fn the_checksum_sees_one_changed_bit_and_the_length() {
        let bytes: Vec<u8> = (0..1000u32).map(|i| (i * 7) as u8).collect();
        let base = checksum(&bytes);
        for at in [0, 31, 32, 500, 999] {
            let mut b = bytes.clone();
            b[at] ^= 1;
            assert_ne!(checksum(&b), base, "bit at {at}");
        }
        assert_ne!(checksum(&bytes[..999]), base);
        assert_ne!(checksum(&[]), checksum(&[0]));
    }
}
