//! An analysis kept with the body it was made from, for tests that look
//! quotes up by their words (a quote's words are read from the body).

use parallax::analysis::Analysis;

/// An analysis with the body it was made from (a quote's words are read
/// from the body).
pub struct Analysed {
    pub body: String,
    pub analysis: Analysis,
}

impl std::ops::Deref for Analysed {
    type Target = Analysis;

    fn deref(&self) -> &Analysis {
        &self.analysis
    }
}

pub fn analyze_text(body: &str) -> Analysed {
    Analysed {
        body: body.to_owned(),
        analysis: parallax::analysis::analyze_text(body),
    }
}
