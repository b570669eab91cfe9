//! `parallax quotes --stream`: JSON Lines articles on stdin, JSON Lines on
//! stdout, one output line per input line in input order, in flat memory:
//! the contract of Spark's `RDD.pipe`, Hadoop streaming and GNU parallel.
//!
//! Each output line is `{"line": N, "id": ..., "quotes": [...]}` (the
//! record's quotes with speakers resolved within the article, rows as in
//! `quotes --json`) or `{"line": N, "error": "..."}` for a line that is no
//! article (bad JSON, no body, too long, not UTF-8, empty). Lines are read
//! in batches bounded in count and bytes and analysed in parallel; a line
//! longer than the limit is skipped without being held.

use std::io::{BufRead, Write};

use rayon::prelude::*;
use serde::Serialize;

use super::quotes::QuoteRow;
use crate::analysis::analyze;
use crate::corpus::parse_record;

/// Longest line analysed (the JSON file limit of the loader is for whole
/// files; one article is far smaller).
pub const MAX_LINE_BYTES: usize = 16 << 20;
/// Lines and bytes read before a batch is analysed and written.
const BATCH_LINES: usize = 256;
const BATCH_BYTES: usize = 32 << 20;

#[derive(Serialize)]
struct Record<'a> {
    line: u64,
    id: Option<&'a str>,
    quotes: Vec<QuoteRow<'a>>,
}

#[derive(Serialize)]
struct Failure<'a> {
    line: u64,
    error: &'a str,
}

/// One input line: its bytes, or why it was not kept.
enum Line {
    Text(Vec<u8>),
    TooLong(usize),
}

/// What the stream did: lines read, and how many were errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    pub lines: u64,
    pub errors: u64,
}

pub fn quotes_stream(
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    max_line: usize,
) -> anyhow::Result<Totals> {
    let mut totals = Totals::default();
    let mut batch: Vec<Line> = Vec::with_capacity(BATCH_LINES);
    loop {
        let mut bytes = 0;
        batch.clear();
        while batch.len() < BATCH_LINES && bytes < BATCH_BYTES {
            match read_line(input, max_line)? {
                Some(line) => {
                    if let Line::Text(t) = &line {
                        bytes += t.len();
                    }
                    batch.push(line);
                }
                None => break,
            }
        }
        if batch.is_empty() {
            return Ok(totals);
        }
        let first = totals.lines + 1;
        let rendered: Vec<(String, bool)> = batch
            .par_iter()
            .enumerate()
            .map(|(i, line)| render(first + i as u64, line, max_line))
            .collect();
        for (text, failed) in rendered {
            out.write_all(text.as_bytes())?;
            out.write_all(b"\n")?;
            totals.lines += 1;
            totals.errors += u64::from(failed);
        }
        out.flush()?;
    }
}

/// The next line without its end (`\n` or `\r\n`); a line past `max` is
/// read through and dropped. `None` at the end of the input.
fn read_line(input: &mut dyn BufRead, max: usize) -> std::io::Result<Option<Line>> {
    let mut buf = Vec::new();
    let mut len = 0;
    let mut too_long = false;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            if len == 0 {
                return Ok(None);
            }
            break;
        }
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        len += part.len();
        if len > max {
            too_long = true;
            buf = Vec::new();
        } else {
            buf.extend_from_slice(part);
        }
        let used = done.unwrap_or(part.len());
        input.consume(used);
        if done.is_some() {
            // An empty last line still counts: "a\n" is one line, "a\n\n" two.
            len += 1;
            break;
        }
    }
    if too_long {
        return Ok(Some(Line::TooLong(len)));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Some(Line::Text(buf)))
}

fn render(n: u64, line: &Line, max: usize) -> (String, bool) {
    let failure = |error: &str| (json(&Failure { line: n, error }), true);
    let bytes = match line {
        Line::TooLong(len) => {
            return failure(&format!(
                "line of {len} bytes is longer than the limit of {max} bytes"
            ));
        }
        Line::Text(b) => b,
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return failure("not UTF-8");
    };
    if text.trim().is_empty() {
        return failure("empty line");
    }
    match parse_record(text) {
        Ok((mut article, id)) => {
            article.id = id.clone().unwrap_or_else(|| format!("stdin:{n}"));
            let analysis = analyze(&article);
            let quotes = analysis
                .quotes
                .iter()
                .map(|q| QuoteRow::of(&article, q))
                .collect();
            let record = Record {
                line: n,
                id: id.as_deref(),
                quotes,
            };
            (json(&record), false)
        }
        Err(e) => failure(&e.to_string()),
    }
}

/// One JSON line, escaped as every parallax JSON is.
fn json<T: Serialize>(value: &T) -> String {
    let mut buf = Vec::new();
    // Serialising owned strings and numbers into memory does not fail.
    let _ = crate::escape::write_json_line(&mut buf, value);
    String::from_utf8(buf).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str, max: usize) -> (Vec<serde_json::Value>, Totals) {
        let mut out = Vec::new();
        let totals = quotes_stream(&mut input.as_bytes(), &mut out, max).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        (lines, totals)
    }

    #[test]
    fn one_output_line_per_input_line_in_order() {
        let good = r#"{"id": "a-1", "title": "Ferry", "body": "\"The ferry runs again,\" said Mara Olsen, the harbour master."}"#;
        let no_id = r#"{"body": "Nothing quoted here at all."}"#;
        let input = format!("{good}\n{{not json\n\n{no_id}\r\n[1, 2]\n{good}");
        let (lines, totals) = run(&input, MAX_LINE_BYTES);
        assert_eq!(lines.len(), 6);
        assert_eq!(totals, Totals { lines: 6, errors: 3 });
        for (i, l) in lines.iter().enumerate() {
            assert_eq!(l["line"], i as u64 + 1);
        }
        assert_eq!(lines[0]["id"], "a-1");
        assert_eq!(lines[0]["quotes"][0]["text"], "The ferry runs again");
        assert_eq!(lines[0]["quotes"][0]["speaker_name"], "Mara Olsen");
        assert_eq!(lines[0]["quotes"][0]["article"], "a-1");
        assert!(
            lines[1]["error"].as_str().unwrap().contains("JSON"),
            "{}",
            lines[1]
        );
        assert_eq!(lines[2]["error"], "empty line");
        assert_eq!(lines[3]["id"], serde_json::Value::Null);
        assert_eq!(lines[3]["quotes"], serde_json::json!([]));
        assert!(lines[4]["error"].is_string());
        assert_eq!(lines[5], lines[0].clone().tap_line(6));
    }

    trait TapLine {
        fn tap_line(self, n: u64) -> Self;
    }
    impl TapLine for serde_json::Value {
        fn tap_line(mut self, n: u64) -> Self {
            self["line"] = n.into();
            self
        }
    }

    #[test]
    fn a_line_past_the_limit_is_an_error_and_the_next_line_is_read() {
        let long = format!(r#"{{"body": "{}"}}"#, "word ".repeat(100));
        let input = format!("{long}\n{{\"body\": \"Short one.\"}}\n");
        let (lines, totals) = run(&input, 64);
        assert_eq!(totals, Totals { lines: 2, errors: 1 });
        assert!(
            lines[0]["error"]
                .as_str()
                .unwrap()
                .contains("longer than the limit of 64 bytes")
        );
        assert_eq!(lines[1]["quotes"], serde_json::json!([]));
    }

    #[test]
    fn batches_keep_the_order_across_their_boundaries() {
        let input: String = (0..BATCH_LINES * 2 + 7)
            .map(|i| format!("{{\"id\": {i}, \"body\": \"Line {i} says little.\"}}\n"))
            .collect();
        let (lines, totals) = run(&input, MAX_LINE_BYTES);
        assert_eq!(totals.lines as usize, BATCH_LINES * 2 + 7);
        for (i, l) in lines.iter().enumerate() {
            assert_eq!(l["id"], i.to_string());
        }
    }

    #[test]
    fn invalid_utf8_is_an_error_line() {
        let mut out = Vec::new();
        let input: &[u8] = b"{\"body\": \"caf\xe9\"}\n";
        let totals = quotes_stream(&mut &input[..], &mut out, MAX_LINE_BYTES).unwrap();
        assert_eq!(totals.errors, 1);
        assert!(
            String::from_utf8(out)
                .unwrap()
                .contains("\"error\":\"not UTF-8\"")
        );
    }
}
