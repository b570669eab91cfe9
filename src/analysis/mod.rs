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
mod names;
mod quotes;
mod sentences;
mod spans;
#[cfg(test)]
mod speaker_tests;
mod speakers;
mod subjects;
mod text;
mod wordtable;

pub use article_ids::ArticleIds;
pub use evidence::{Evidence, Rule, Step};
pub use model::{Analysis, Attribution, Quote, QuoteKind, Sentence};
pub use speakers::{SpeakerEntry, speakers};

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
    for q in &mut quotes {
        q.text.shrink_to_fit();
        if let Some(a) = &mut q.attribution {
            // Roles are noun phrases everywhere (quotes, reader, speakers
            // index), never a clause caught beside the name.
            a.role = a.role.take().and_then(|r| speakers::clean_role(&r));
            a.speaker.shrink_to_fit();
            a.name
                .iter_mut()
                .chain(&mut a.role)
                .chain(&mut a.cue)
                .for_each(String::shrink_to_fit);
        }
    }
    Analysis { sentences, quotes }
}

#[cfg(test)]
mod bounds_tests;
