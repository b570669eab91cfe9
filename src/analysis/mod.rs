//! The analysis layer: sentences, quotes and speakers. Pure functions over
//! an article's body: no terminal, no I/O.

mod article_ids;
mod attribution;
mod clause;
mod coref;
mod doc;
mod evidence;
mod indirect;
mod lexicon;
mod marks;
mod model;
mod name;
mod names;
mod quotes;
mod sentences;
mod spans;
#[cfg(test)]
mod speaker_tests;
mod speakers;
mod subjects;
mod surnames;
mod text;
mod wordtable;

pub use article_ids::{ArticleIds, IdTable};
pub use evidence::{Evidence, Rule, Step};
pub use model::{Analysis, AnalysisJson, Attribution, Quote, QuoteJson, QuoteKind, QuoteText, Sentence};
pub use name::{Name, interned};
pub use speakers::{SpeakerEntry, speakers};
pub use surnames::complete_surnames;

use crate::corpus::Article;

/// Analyses one article: its sentences and its quotes with speakers.
pub fn analyze(article: &Article) -> Analysis {
    analyze_text(&article.body)
}

/// Analyses a body (paragraphs separated by blank lines).
pub fn analyze_text(body: &str) -> Analysis {
    let text = text::Text::new(body);
    let sentences = sentences::split(&text);
    let spans = spans::spans(&text);
    let doc = doc::Doc::new(&text, &sentences, &spans);
    let mut quotes = quotes::quotes(&doc);
    // Held for every article of the corpus: no spare room (a vector grown
    // by pushing holds up to twice what it needs).
    let mut sentences = sentences;
    sentences.shrink_to_fit();
    quotes.shrink_to_fit();
    set_bytes(&mut quotes, body);
    for q in &mut quotes {
        if let Some(a) = &mut q.attribution {
            // Roles are noun phrases everywhere (quotes, reader, speakers
            // index), never a clause caught beside the name.
            a.role = a
                .role
                .take()
                .and_then(|r| speakers::clean_role(&r))
                .map(Name::from);
        }
    }
    Analysis { sentences, quotes }
}

/// Sets the byte range in `body` of every quote whose words it holds in
/// one piece, from their char offsets: one walk over the body.
fn set_bytes(quotes: &mut [Quote], body: &str) {
    let mut at: Vec<usize> = quotes
        .iter()
        .filter(|q| q.text.own().is_none())
        .flat_map(|q| [q.start, q.end])
        .collect();
    at.sort_unstable();
    at.dedup();
    let mut bytes = Vec::with_capacity(at.len());
    let mut want = at.iter().peekable();
    for (c, (b, _)) in body.char_indices().chain([(body.len(), ' ')]).enumerate() {
        while want.next_if(|&&w| w == c).is_some() {
            bytes.push(b);
        }
        if want.peek().is_none() {
            break;
        }
    }
    for q in quotes.iter_mut().filter(|q| q.text.own().is_none()) {
        let byte = |c: usize| at.binary_search(&c).ok().and_then(|i| bytes.get(i)).copied();
        if let (Some(s), Some(e)) = (byte(q.start), byte(q.end)) {
            q.text = QuoteText::in_body(s, e);
        }
    }
}

#[cfg(test)]
mod bounds_tests;
