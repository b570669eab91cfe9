//! The speakers screens' state and `update`: every speaker in the corpus,
//! then one speaker's quotes; `Enter` on a quote opens it in the reader.

use super::action::{Action, ScreenKind};
use super::layout;
use super::list::ListCursor;
use super::state::{Notice, State};

/// One speaker's quotes: `(article, quote)` pairs in corpus order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerQuotes {
    pub speaker: usize,
    pub quotes: Vec<(usize, usize)>,
    pub cursor: ListCursor,
}

/// `p` in the library.
pub fn open(state: &mut State) {
    if state.analysis.is_none() {
        state.notice = Some(Notice {
            text: "still analysing the corpus: try again in a moment".into(),
            error: false,
        });
        return;
    }
    state.screens.push(ScreenKind::Speakers);
}

pub fn update_speakers(state: &mut State, action: Action) {
    let rows = layout::list_rows(state.height);
    let Some(analysis) = &state.analysis else {
        return;
    };
    let len = analysis.speakers.len();
    if state.speakers.apply(&action, len, rows) || action != Action::Open {
        return;
    }
    let speaker = state.speakers.selected;
    if speaker < len {
        state.speaker_quotes = Some(SpeakerQuotes {
            speaker,
            quotes: analysis.quotes_by(speaker),
            cursor: ListCursor::default(),
        });
        state.screens.push(ScreenKind::SpeakerQuotes);
    }
}

pub fn update_quotes(state: &mut State, action: Action) {
    let rows = layout::list_rows(state.height);
    let Some(list) = &mut state.speaker_quotes else {
        return;
    };
    let len = list.quotes.len();
    if list.cursor.apply(&action, len, rows) || action != Action::Open {
        return;
    }
    if let Some(&(article, quote)) = list.quotes.get(list.cursor.selected) {
        super::reader_update::open_article(state, article);
        let rows = state.reader_rows();
        if let Some(reader) = &mut state.reader {
            reader.select_quote(quote, rows);
        }
    }
}
