//! HTML character references in metadata (`&#163;1.8m`, `&amp;`,
//! `&rsquo;`): exported titles often keep them. Decoded once, in the
//! corpus layer, so the library, the reader and JSON all show `£1.8m`.

use std::borrow::Cow;

/// The named references news exports use (the rest stay as written).
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("pound", '£'),
    ("euro", '€'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("middot", '·'),
    ("bull", '•'),
    ("hellip", '…'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("aacute", 'á'),
    ("agrave", 'à'),
    ("iacute", 'í'),
    ("oacute", 'ó'),
    ("uacute", 'ú'),
    ("ntilde", 'ñ'),
    ("ccedil", 'ç'),
    ("auml", 'ä'),
    ("ouml", 'ö'),
    ("uuml", 'ü'),
    ("szlig", 'ß'),
    ("times", '×'),
    ("frac12", '½'),
];

/// `text` with its character references decoded; unknown or malformed
/// ones, and references to control characters, are left as written.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..].find(';').map(|i| i + 1).filter(|&i| i <= 10);
        let decoded = end.and_then(|end| reference(&rest[1..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character `name` (between `&` and `;`) stands for.
fn reference(name: &str) -> Option<char> {
    let number = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        u32::from_str_radix(hex, 16).ok()
    } else if let Some(dec) = name.strip_prefix('#') {
        dec.parse::<u32>().ok()
    } else {
        return NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c);
    };
    // Control characters never come out of a title.
    number.and_then(char::from_u32).filter(|c| !c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_numeric_and_named_references() {
        assert_eq!(decode_entities("Budget &#163;1.8m"), "Budget £1.8m");
        assert_eq!(decode_entities("&#x20AC;5 &amp; more"), "€5 & more");
        assert_eq!(
            decode_entities("Minister&rsquo;s &ldquo;plan&rdquo;"),
            "Minister’s “plan”"
        );
        assert!(matches!(decode_entities("no references"), Cow::Borrowed(_)));
    }

    #[test]
    fn leaves_what_it_does_not_know() {
        assert_eq!(decode_entities("AT&T"), "AT&T");
        assert_eq!(decode_entities("Q&A; later"), "Q&A; later");
        assert_eq!(decode_entities("&bogus; &#; &#xZZ;"), "&bogus; &#; &#xZZ;");
        assert_eq!(decode_entities("bell &#7; tab &#9;"), "bell &#7; tab &#9;");
        assert_eq!(decode_entities("&#99999999999;"), "&#99999999999;");
        assert_eq!(decode_entities("trailing &"), "trailing &");
    }
}
