//! An article laid out for the reader: wrapped once per (article, width),
//! as line ranges into the body, so drawing touches only visible lines.

use std::ops::Range;

use crate::corpus::{Article, PARAGRAPH_SEPARATOR};

use super::wrap::wrap;

/// What a line shows; the theme styles each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    /// Source, date and authors.
    Byline,
    /// File, format, size, URL.
    Meta,
    /// The rule between the header and the body.
    Rule,
    Blank,
    Body,
}

/// One wrapped line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub kind: LineKind,
    /// For body lines, the byte range in `Article::body`; for others, the
    /// range in [`Document::header_text`].
    pub bytes: Range<usize>,
    /// Char offset of the first char in the body (body lines only).
    pub char_start: usize,
    /// Length in chars.
    pub chars: usize,
}

/// An article wrapped to a width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub article: usize,
    pub width: usize,
    pub lines: Vec<DocLine>,
    /// The text of header lines (title, byline, meta), concatenated.
    pub header_text: String,
    /// Index of the first body line.
    pub body_start: usize,
}

impl Document {
    /// Wraps `article` (index `index` in the corpus) to `width` columns.
    pub fn build(index: usize, article: &Article, width: usize) -> Document {
        let mut doc = Document {
            article: index,
            width,
            lines: Vec::new(),
            header_text: String::new(),
            body_start: 0,
        };
        doc.header(article);
        doc.body_start = doc.lines.len();
        doc.body(article);
        doc
    }

    /// The text of line `i`, given the article's body.
    pub fn text<'a>(&'a self, line: &DocLine, body: &'a str) -> &'a str {
        match line.kind {
            LineKind::Body => &body[line.bytes.clone()],
            _ => &self.header_text[line.bytes.clone()],
        }
    }

    /// The index of the line showing body char offset `c`.
    pub fn line_of_char(&self, c: usize) -> usize {
        let body = &self.lines[self.body_start..];
        let after = body.partition_point(|l| l.char_start <= c);
        self.body_start + after.saturating_sub(1)
    }

    /// The body char offset shown first at or after line `i` (to keep the
    /// reading position across a re-wrap).
    pub fn char_at_line(&self, i: usize) -> Option<usize> {
        self.lines[i.max(self.body_start)..]
            .iter()
            .find(|l| l.kind == LineKind::Body)
            .map(|l| l.char_start)
    }

    fn push_header(&mut self, kind: LineKind, text: &str) {
        let rule = "─".repeat(self.width);
        let (text, ranges) = if kind == LineKind::Rule {
            (rule.as_str(), wrap(&rule, self.width))
        } else {
            (text, wrap(text, self.width))
        };
        for range in ranges {
            let line = &text[range];
            let start = self.header_text.len();
            self.header_text.push_str(line);
            self.lines.push(DocLine {
                kind,
                bytes: start..self.header_text.len(),
                char_start: 0,
                chars: line.chars().count(),
            });
        }
    }

    fn header(&mut self, article: &Article) {
        let file_name = article.path.file_name().map(|n| n.to_string_lossy().into_owned());
        let title = article
            .title
            .clone()
            .or(file_name)
            .unwrap_or_else(|| article.id.clone());
        self.push_header(LineKind::Title, &title);
        let mut byline: Vec<String> = Vec::new();
        byline.extend(article.source.clone());
        byline.extend(article.published_display().map(str::to_string));
        if !article.authors.is_empty() {
            byline.push(format!("by {}", article.authors.join(", ")));
        }
        if !byline.is_empty() {
            self.push_header(LineKind::Byline, &byline.join("  ·  "));
        }
        let mut meta = vec![article.id.clone()];
        meta.extend(article.format.map(|f| f.to_string()));
        meta.push(format!("{} words", article.word_count()));
        self.push_header(LineKind::Meta, &meta.join("  ·  "));
        if let Some(url) = &article.url {
            self.push_header(LineKind::Meta, url);
        }
        self.push_header(LineKind::Rule, "");
        self.blank(0);
    }

    /// A blank line; `char_start` keeps body offsets non-decreasing.
    fn blank(&mut self, char_start: usize) {
        self.lines.push(DocLine {
            kind: LineKind::Blank,
            bytes: 0..0,
            char_start,
            chars: 0,
        });
    }

    fn body(&mut self, article: &Article) {
        let (mut byte, mut char_pos) = (0, 0);
        let sep_chars = PARAGRAPH_SEPARATOR.chars().count();
        for (p, para) in article.paragraphs().enumerate() {
            if p > 0 {
                self.blank(char_pos - sep_chars);
            }
            let (mut cursor_byte, mut cursor_char) = (0, 0);
            for range in wrap(para, self.width) {
                cursor_char += para[cursor_byte..range.start].chars().count();
                let chars = para[range.clone()].chars().count();
                self.lines.push(DocLine {
                    kind: LineKind::Body,
                    bytes: byte + range.start..byte + range.end,
                    char_start: char_pos + cursor_char,
                    chars,
                });
                cursor_byte = range.end;
                cursor_char += chars;
            }
            byte += para.len() + PARAGRAPH_SEPARATOR.len();
            char_pos += para.chars().count() + sep_chars;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(paragraphs: &[&str]) -> Article {
        let mut a = Article {
            id: "t".into(),
            title: Some("A title".into()),
            ..Article::default()
        };
        a.set_paragraphs(paragraphs.iter().map(|p| p.to_string()).collect());
        a
    }

    #[test]
    fn body_lines_point_into_the_body() {
        let a = article(&["Ünïcode words wrap here and there", "Second paragraph is here"]);
        let doc = Document::build(0, &a, 12);
        let chars: Vec<char> = a.body.chars().collect();
        for line in doc.lines.iter().filter(|l| l.kind == LineKind::Body) {
            let by_chars: String = chars[line.char_start..line.char_start + line.chars]
                .iter()
                .collect();
            assert_eq!(doc.text(line, &a.body), by_chars);
            assert!(line.chars <= 12);
        }
        let second = a.body.find("Second").unwrap();
        let line = doc.line_of_char(a.body[..second].chars().count());
        assert!(doc.text(&doc.lines[line], &a.body).starts_with("Second"));
        assert_eq!(doc.lines[doc.body_start - 1].kind, LineKind::Blank);
    }
}
