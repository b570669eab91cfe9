//! Bytes to text: BOMs, UTF-16, binary detection and the Windows-1252
//! fallback for files that are not valid UTF-8.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Text decoded from a file, with the encoding used when it was not UTF-8.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `Some(name)` when the bytes were not UTF-8 and were decoded with a
    /// fallback encoding (a warning for the user).
    pub fallback: Option<&'static str>,
    /// `Some(name)` when a byte-order mark selected the encoding.
    pub bom: Option<&'static str>,
    /// `Some(name)` when the encoding was guessed without a byte-order
    /// mark (UTF-16 told by its NUL bytes): a warning for the user.
    pub guessed: Option<&'static str>,
}

/// Why bytes could not be turned into article text.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("the file looks binary ({0}), not text")]
    Binary(&'static str),
}

/// How many leading bytes are inspected to decide whether a file is binary.
const SNIFF_LEN: usize = 8192;

/// Decodes a file's bytes. UTF-8 (with or without BOM) and UTF-16 with a
/// BOM are decoded exactly; other bytes that are not UTF-8 are decoded as
/// Windows-1252 and flagged.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_owned(bytes.to_vec())
}

/// [`decode`] taking the bytes by value, so valid UTF-8 is not copied.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        let name = encoding.name();
        if encoding == UTF_16LE || encoding == UTF_16BE {
            let (text, _, had_errors) = encoding.decode(&bytes);
            if had_errors {
                return Err(DecodeError::Binary("invalid UTF-16"));
            }
            return finish(text.into_owned(), None, Some(name));
        }
        let mut bytes = bytes;
        bytes.drain(..bom_len);
        return decode_utf8_or_fallback(bytes, Some(name));
    }
    if let Some(encoding) = utf16_without_bom(&bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes);
        if !had_errors {
            let mut decoded = finish(text.into_owned(), None, None)?;
            decoded.guessed = Some(encoding.name());
            return Ok(decoded);
        }
    }
    if let Some(kind) = sniff_binary(&bytes) {
        return Err(DecodeError::Binary(kind));
    }
    decode_utf8_or_fallback(bytes, None)
}

fn decode_utf8_or_fallback(bytes: Vec<u8>, bom: Option<&'static str>) -> Result<Decoded, DecodeError> {
    match String::from_utf8(bytes) {
        Ok(text) => finish(text, None, bom),
        Err(e) => {
            let (text, _, _) = WINDOWS_1252.decode(e.as_bytes());
            finish(text.into_owned(), Some(WINDOWS_1252.name()), bom)
        }
    }
}

fn finish(
    text: String,
    fallback: Option<&'static str>,
    bom: Option<&'static str>,
) -> Result<Decoded, DecodeError> {
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if text.contains('\0') {
        return Err(DecodeError::Binary("contains NUL bytes"));
    }
    Ok(Decoded {
        text,
        fallback,
        bom,
        guessed: None,
    })
}

/// UTF-16 without a byte-order mark, told by its pattern: an even length,
/// and in the first bytes a NUL in every other byte (the high byte of
/// ASCII-range characters) and almost never in the others. Binary files
/// have NULs scattered on both sides.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    // Without a NUL (one fast search), no ASCII-range UTF-16 character.
    if !head.contains(&0) {
        return None;
    }
    let pairs = head.len() / 2;
    let (mut even_nul, mut odd_nul) = (0, 0);
    for pair in head.chunks_exact(2) {
        even_nul += usize::from(pair[0] == 0);
        odd_nul += usize::from(pair[1] == 0);
    }
    // At least 70% of the characters in the ASCII range, none with both
    // bytes NUL-free on the wrong side.
    let mostly = |n: usize| n * 10 >= pairs * 7;
    if mostly(odd_nul) && even_nul == 0 {
        Some(UTF_16LE)
    } else if mostly(even_nul) && odd_nul == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Looks at the first bytes for signs of a binary file: NUL bytes, known
/// magic numbers, or a high share of control characters.
fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF document"),
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x1F\x8B", "gzip archive"),
        (b"\x7FELF", "executable"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Some(kind);
    }
    if head.contains(&0) {
        return Some("contains NUL bytes");
    }
    // Bytes below 0x20 first (one comparison a byte, vectorised): a text
    // has few, line breaks included, and needs no closer look.
    let low: usize = head.iter().map(|&b| usize::from(b < 0x20)).sum();
    if low * 10 <= head.len() {
        return None;
    }
    let control: usize = head
        .iter()
        .map(|&b| usize::from(b < 0x20 && b != b'\n' && b != b'\r' && b != b'\t' && b != 0x0C))
        .sum();
    if control * 10 > head.len() {
        return Some("mostly control characters");
    }
    None
}

/// A markup document (a web page, a feed) that is not UTF-8 and declares
/// its charset (`<meta charset=...>`, `content="...; charset=..."`, or
/// an XML declaration's `encoding="..."` in its first 4 KiB) is decoded
/// with that charset, when the bytes decode cleanly with it. `None` sends
/// the bytes down the usual path: UTF-8 whatever they declare, else the
/// Windows-1252 fallback with its warning.
pub fn decode_declared(bytes: &[u8]) -> Option<Decoded> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    if bytes[start] != b'<' || bytes.contains(&0) || std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let encoding = declared_charset(head).and_then(|label| Encoding::for_label(label.as_bytes()))?;
    if encoding == encoding_rs::UTF_8 || encoding == UTF_16LE || encoding == UTF_16BE {
        return None;
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return None;
    }
    finish(text.into_owned(), None, None).ok()
}

/// The charset label a document's head declares, lowercased.
pub(super) fn declared_charset(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let find = |needle: &[u8]| {
        lower
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|i| i + needle.len())
    };
    let at = find(b"charset=").or_else(|| find(b"encoding="))?;
    let label: String = lower[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .map(|&b| char::from(b))
        .collect();
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("Café “quoted”".as_bytes()).unwrap();
        assert_eq!(d.text, "Café “quoted”");
        assert_eq!(d.fallback, None);
    }

    #[test]
    fn utf8_bom_is_removed() {
        let d = decode(b"\xEF\xBB\xBFHello").unwrap();
        assert_eq!(d.text, "Hello");
        assert_eq!(d.bom, Some("UTF-8"));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Hi “there”".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Hi “there”");
        assert_eq!(d.bom, Some("UTF-16LE"));
    }

    #[test]
    fn utf16_without_bom_is_told_by_its_nul_bytes() {
        let text = "Carrow Bay council backs the “deal”.\n\nThe council voted.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = decode(&le).unwrap();
        assert_eq!(
            (d.text.as_str(), d.guessed, d.bom),
            (text, Some("UTF-16LE"), None)
        );
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&be).unwrap().guessed, Some("UTF-16BE"));
        // NULs on both sides, or a single NUL, stay binary.
        assert!(matches!(
            decode(b"ab\0\0cd\0\0\x01\0\0\x02"),
            Err(DecodeError::Binary(_))
        ));
        assert!(matches!(decode(b"abc\0def"), Err(DecodeError::Binary(_))));
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        let d = decode(b"Price \xA3600m and \x93quoted\x94").unwrap();
        assert_eq!(d.text, "Price £600m and “quoted”");
        assert_eq!(d.fallback, Some("windows-1252"));
    }

    #[test]
    fn empty_and_blank_files_are_errors() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\r\n"), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF  \n"), Err(DecodeError::Empty));
    }

    #[test]
    fn binary_files_are_rejected() {
        assert!(matches!(
            decode(b"\x7FELF\x02\x01\x01\0\0\0"),
            Err(DecodeError::Binary(_))
        ));
        assert!(matches!(decode(b"abc\0def"), Err(DecodeError::Binary(_))));
        assert!(matches!(
            decode(&[1u8, 2, 3, 4, 5, 6, 7, 8, b'a']),
            Err(DecodeError::Binary(_))
        ));
        assert!(matches!(
            decode(b"%PDF-1.7 rest"),
            Err(DecodeError::Binary("PDF document"))
        ));
    }

    #[test]
    fn a_page_that_declares_its_charset_is_decoded_with_it() {
        // ISO-8859-2 "Łódź" (0xA3 0xF3 0x64 0xBC): windows-1252 would read "£ód¼".
        let mut page = b"<html><head><meta charset=\"iso-8859-2\"></head><body><p>".to_vec();
        page.extend_from_slice(&[0xA3, 0xF3, 0x64, 0xBC]);
        page.extend_from_slice(b"</p></body></html>");
        let d = decode_declared(&page).unwrap();
        assert!(d.text.contains("\u{141}\u{f3}d\u{17a}"), "{}", d.text);
        assert_eq!(d.fallback, None);
        let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf\xe9</title></channel></rss>";
        assert!(decode_declared(xml).unwrap().text.contains("Caf\u{e9}"));
        // UTF-8 bytes, text that is not markup, or a declared UTF-8: the usual path.
        assert!(decode_declared("<html><meta charset=latin1>Caf\u{e9}".as_bytes()).is_none());
        assert!(decode_declared(b"Caf\xe9 charset=latin1").is_none());
        assert!(decode_declared(b"<html><meta charset=utf-8>Caf\xe9").is_none());
    }
}
