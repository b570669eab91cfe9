//! `parallax quotes --stream` as a process: JSON Lines in, JSON Lines out,
//! one line per line, in order (the contract of Spark's RDD.pipe, Hadoop
//! streaming and GNU parallel --pipe --keep-order).

use assert_cmd::Command;

fn parallax() -> Command {
    Command::cargo_bin("parallax").unwrap()
}

#[test]
fn stdin_lines_become_quote_lines_in_order() {
    let input = concat!(
        r#"{"id": "n-1", "source": "Harbour Gazette", "body": "\"We reopen on Monday,\" said Ines Varga, the port director. She added that the cranes were safe."}"#,
        "\n",
        "this is not json\n",
        r#"{"id": 7, "body": "No one is quoted in this short note."}"#,
        "\n",
    );
    let out = parallax()
        .args(["quotes", "--stream"])
        .write_stdin(input)
        .assert()
        .success();
    let out = out.get_output();
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(lines[0]["id"], "n-1");
    let quotes = lines[0]["quotes"].as_array().unwrap();
    assert!(
        quotes
            .iter()
            .any(|q| q["speaker_name"] == "Ines Varga" && q["text"] == "We reopen on Monday"),
        "{text}"
    );
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["id"], "7");
    assert_eq!(lines[2]["quotes"], serde_json::json!([]));
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(stderr.contains("1 of 3 lines"), "{stderr}");
}

#[test]
fn stream_takes_no_paths() {
    parallax()
        .args(["quotes", "--stream", "somewhere"])
        .write_stdin("")
        .assert()
        .code(2);
    // --json and --speaker belong to the corpus form.
    parallax()
        .args(["quotes", "--stream", "--json"])
        .write_stdin("")
        .assert()
        .code(2);
}

#[test]
fn empty_input_gives_empty_output() {
    parallax()
        .args(["quotes", "--stream"])
        .write_stdin("")
        .assert()
        .success()
        .stdout("");
}

/// Past one batch (256 lines are analysed at a time on every core), the
/// output is still one line per input line, in input order, with an error
/// object exactly where a line is no article.
#[test]
fn order_and_error_lines_hold_across_batches() {
    let mut input = String::new();
    for i in 1..=700 {
        match i % 7 {
            0 => input.push_str("{broken json\n"),
            3 => input.push('\n'),
            _ => input.push_str(&format!(
                "{{\"id\": \"a-{i}\", \"body\": \"\\\"Line {i} is here,\\\" said Mara Voss.\"}}\n"
            )),
        }
    }
    let out = parallax()
        .args(["quotes", "--stream"])
        .write_stdin(input)
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 700);
    for (n, line) in (1..).zip(&lines) {
        assert_eq!(line["line"], n, "{line}");
        if n % 7 == 0 || n % 7 == 3 {
            assert!(
                line["error"].is_string() && line.get("quotes").is_none(),
                "{line}"
            );
        } else {
            assert_eq!(line["id"], format!("a-{n}"));
            let quotes = line["quotes"].as_array().unwrap();
            assert!(
                quotes.iter().any(|q| q["text"] == format!("Line {n} is here")),
                "{line}"
            );
        }
    }
}
