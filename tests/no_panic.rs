//! Property test: any string goes through sentences and quotes without a
//! panic, and every offset is inside the body.

use parallax::analysis::analyze_text;
use proptest::prelude::*;

/// Strings rich in the chars the analysis cares about.
fn body() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("'".to_owned()),
        Just("’".to_owned()),
        Just("‘".to_owned()),
        Just("«".to_owned()),
        Just("»".to_owned()),
        Just("„".to_owned()),
        Just("「".to_owned()),
        Just("」".to_owned()),
        Just("\n\n".to_owned()),
        Just(". ".to_owned()),
        Just("...".to_owned()),
        Just("U.S. ".to_owned()),
        Just(", he said".to_owned()),
        Just(" said ".to_owned()),
        Just("according to ".to_owned()),
        Just("Ana Ruiz".to_owned()),
        Just("Mr. ".to_owned()),
        Just("(D-Ore.)".to_owned()),
        Just("―".to_owned()),
        "[a-zA-Z ]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check(s: &str) {
    let n = s.chars().count();
    let a = analyze_text(s);
    for sent in &a.sentences {
        assert!(sent.start() < sent.end() && sent.end() <= n, "{sent:?} in {n}");
    }
    for q in &a.quotes {
        assert!(q.start <= q.end && q.end <= n, "{q:?} in {n}");
        let inside: String = s.chars().skip(q.start).take(q.end - q.start).collect();
        let text = q.text(s);
        assert!(text.chars().count() <= inside.chars().count());
        // Words the body holds in one piece are read from it, at the
        // quote's own offsets.
        if q.text.own().is_none() {
            assert_eq!(text, inside, "{q:?}");
        }
        if let Some(at) = &q.attribution {
            assert!((0.0..=1.0).contains(&at.confidence));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn quote_heavy_strings_never_panic(s in body()) {
        check(&s);
    }
}
