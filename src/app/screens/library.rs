//! The library screen: the table's rows (derived once from the corpus),
//! the visible order (sorted, filtered), the selection and the marks; and
//! its `update`.

use rayon::prelude::*;
use unicode_width::UnicodeWidthStr;

use crate::app::action::Action;
use crate::app::cite;
use crate::app::context::Ctx;
use crate::app::layout;
use crate::app::nav::{Outcome, Route};
use crate::app::search;
use crate::compare::Pair;
use crate::corpus::{Article, Corpus};
use crate::index::SpeakerIndex;

/// What the table shows for one article beside its texts (computed once
/// per corpus). The texts (date, source, title, id, folder) are read from
/// the article when drawn ([`date`], [`title`], [`section`]): a copy of
/// them in every row cost 25 MB at 100,000 articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub words: usize,
    /// Quotes and distinct speakers, once the analysis has run.
    pub quotes: Option<usize>,
    pub speakers: Option<usize>,
    /// The first copy of this article's body (in path order), when this
    /// is a later copy.
    pub duplicate_of: Option<usize>,
    /// How many later copies this article has.
    pub copies: usize,
    /// The instant the date sorts by (across offsets; `None` sorts last).
    date_key: Option<jiff::Timestamp>,
    /// The title's first 16 bytes ([`head`]): the sorts compare these
    /// without reading the article, which only a tie does.
    title_head: [u8; 16],
    /// What the filter and the title and source sorts read, made the
    /// first time one of them runs (a big corpus's rows are the first
    /// screen's wait, and most opens never filter).
    keys: LazyKeys,
}

/// [`RowKeys`] made at most once; derived from the article, so it never
/// makes two rows differ.
#[derive(Debug, Clone, Default)]
struct LazyKeys(std::sync::OnceLock<Box<RowKeys>>);

impl PartialEq for LazyKeys {
    fn eq(&self, _: &LazyKeys) -> bool {
        true
    }
}

impl Eq for LazyKeys {}

/// What the filter searches (title, source, date and id, and its
/// lowercase form) and the lowercase sort keys of one row.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RowKeys {
    haystack: String,
    haystack_lower: String,
    title_key: String,
    source_key: Option<String>,
}

impl Row {
    fn new(a: &Article) -> Row {
        Row {
            words: a.word_count(),
            quotes: None,
            speakers: None,
            duplicate_of: None,
            copies: 0,
            date_key: a.published_key(),
            title_head: head(title(a)).to_be_bytes(),
            keys: LazyKeys::default(),
        }
    }

    /// The row's keys; `a` is its article.
    fn keys(&self, a: &Article) -> &RowKeys {
        self.keys.0.get_or_init(|| {
            let parts = [Some(title(a)), source(a), date(a), Some(a.id.as_str())];
            let haystack = parts.into_iter().flatten().collect::<Vec<_>>().join("\u{1f}");
            Box::new(RowKeys {
                haystack_lower: haystack.to_lowercase(),
                haystack,
                title_key: title(a).to_lowercase(),
                source_key: source(a).map(str::to_lowercase),
            })
        })
    }

    fn matches(&self, a: &Article, query: &str) -> bool {
        query.is_empty() || {
            let keys = self.keys(a);
            search::contains_folded(&keys.haystack, &keys.haystack_lower, query)
        }
    }
}

/// The date as the table shows it (ISO when understood, else as written).
pub fn date(a: &Article) -> Option<&str> {
    a.published_display()
}

/// The outlet as the table shows it.
pub fn source(a: &Article) -> Option<&str> {
    a.source.as_deref()
}

/// The title, or the id when the article has none.
pub fn title(a: &Article) -> &str {
    a.title.as_deref().unwrap_or(&a.id)
}

/// The name of the folder the file is in (BBC keeps its categories in
/// folder names).
pub fn section(a: &Article) -> Option<std::borrow::Cow<'_, str>> {
    // Most paths end in `folder/file` with plain names: taken from the
    // string (a big corpus's rows are the first screen's wait); any other
    // path is read by `Path`.
    let plain = |n: &str| !n.is_empty() && n != "." && n != "..";
    if let Some(s) = a.path.to_str() {
        let mut names = s.rsplit('/');
        if let (Some(file), Some(folder)) = (names.next(), names.next())
            && plain(file)
            && plain(folder)
        {
            return Some(folder.into());
        }
    }
    Some(a.path.parent()?.file_name()?.to_string_lossy())
}

/// What the library's one pass over the articles notes of each beside
/// its row: its source's width, its folder's width, whether its folder
/// differs from the first article's, and its source.
type Seen<'a> = (usize, usize, bool, Option<&'a str>);

/// Sortable columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Date,
    Source,
    Title,
    Words,
    Quotes,
    Speakers,
}

impl SortKey {
    /// `s` steps through the columns in table order.
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Date => SortKey::Source,
            SortKey::Source => SortKey::Title,
            SortKey::Title => SortKey::Words,
            SortKey::Words => SortKey::Quotes,
            SortKey::Quotes => SortKey::Speakers,
            SortKey::Speakers => SortKey::Date,
        }
    }
}

/// The most articles that can be marked (the two sides of a comparison).
pub const MAX_MARKS: usize = 2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryState {
    pub rows: Vec<Row>,
    /// Article indices in display order (sorted, then filtered).
    pub order: Vec<usize>,
    /// Index into `order`.
    pub selected: usize,
    /// The first visible row (index into `order`).
    pub offset: usize,
    pub sort: SortKey,
    pub descending: bool,
    /// The filter (live while typing in the prompt).
    pub filter: String,
    /// Marked articles, oldest first (left, then right).
    pub marks: Vec<usize>,
    /// The widest source name, in columns.
    pub source_width: usize,
    /// The widest folder name, in columns, when the articles come from
    /// more than one folder ([`LibraryState::has_sections`]).
    pub section_width: Option<usize>,
    /// How many distinct outlets the articles have.
    pub outlets: usize,
    /// Duplicates are listed under their first copy (`D`); hidden (folded
    /// into it) by default.
    pub show_duplicates: bool,
}

impl LibraryState {
    /// No articles.
    pub const EMPTY: LibraryState = LibraryState {
        rows: Vec::new(),
        order: Vec::new(),
        selected: 0,
        offset: 0,
        sort: SortKey::Date,
        descending: true,
        filter: String::new(),
        marks: Vec::new(),
        source_width: 0,
        section_width: None,
        outlets: 0,
        show_duplicates: false,
    };

    pub fn new(corpus: &Corpus) -> LibraryState {
        Self::viewed_as(corpus, &LibraryState::EMPTY)
    }

    /// The library of `corpus` with `view`'s sort, filter and duplicates
    /// setting, sorted once (marks and selection are the caller's).
    pub fn viewed_as(corpus: &Corpus, view: &LibraryState) -> LibraryState {
        // On every core: a big corpus's rows are the first screen's wait.
        // One pass over the articles: with each row, the widths of its
        // source and folder, whether its folder differs from the first
        // article's, and its source (for the outlets).
        let first = corpus.articles.first().and_then(section);
        let (mut rows, seen): (Vec<Row>, Vec<Seen>) = corpus
            .articles
            .par_iter()
            .map(|a| {
                let folder = section(a);
                let source = source(a);
                let widths = (
                    source.map_or(0, |s| s.width()),
                    folder.as_ref().map_or(0, |f| f.width()),
                );
                (Row::new(a), (widths.0, widths.1, folder != first, source))
            })
            .unzip();
        for d in &corpus.duplicates {
            if d.original < rows.len() && d.duplicate < rows.len() {
                rows[d.duplicate].duplicate_of = Some(d.original);
                rows[d.original].copies += 1;
            }
        }
        let source_width = seen.iter().map(|s| s.0).max();
        let section_width = seen.iter().map(|s| s.1).max().unwrap_or(0);
        let sections = seen.iter().any(|s| s.2);
        // Computed once here, not on every frame.
        // A set, not a sort: a big corpus has few outlets, and sorting
        // 100,000 equal names was most of the rows' time.
        let outlets = seen
            .iter()
            .filter_map(|s| s.3)
            .collect::<std::collections::HashSet<&str>>()
            .len();
        drop(seen);
        let mut state = LibraryState {
            rows,
            source_width: source_width.unwrap_or(0),
            outlets,
            sort: view.sort,
            descending: view.descending,
            filter: view.filter.clone(),
            show_duplicates: view.show_duplicates,
            ..LibraryState::EMPTY
        };
        state.section_width = sections.then_some(section_width);
        state.refresh(corpus);
        state
    }

    /// The selected article's index in the corpus.
    pub fn selected_article(&self) -> Option<usize> {
        self.order.get(self.selected).copied()
    }

    /// Rebuilds `order` after a sort or filter change, keeping the selected
    /// article selected when it is still shown. `corpus` is the one the
    /// rows were made from (a row past its articles is not shown).
    pub fn refresh(&mut self, corpus: &Corpus) {
        let keep = self.selected_article();
        let shown = self.rows.len().min(corpus.articles.len());
        let (rows, articles) = (&self.rows[..shown], &corpus.articles[..shown]);
        if !self.filter.is_empty() || matches!(self.sort, SortKey::Title | SortKey::Source) {
            // Made on every core, before the filter and sort read them.
            rows.par_iter().zip(articles).for_each(|(r, a)| {
                r.keys(a);
            });
        }
        let mut order: Vec<usize> = (0..rows.len())
            .filter(|&i| rows[i].duplicate_of.is_none() && rows[i].matches(&articles[i], &self.filter))
            .collect();
        // The order is total (the index breaks ties), so an unstable sort
        // on every core gives the one order a stable sort would. The keys
        // are laid out side by side first (a big corpus's first screen
        // waits on this sort), their first bytes as numbers.
        let mut keyed: Vec<SortItem> = order
            .par_iter()
            .map(|&i| SortItem::of(&rows[i], &articles[i], i, self.sort))
            .collect();
        keyed.par_sort_unstable_by(|a, b| a.cmp(b, self.descending));
        order.clear();
        order.extend(keyed.iter().map(|k| k.at));
        if self.show_duplicates {
            order = self.with_copies(order);
        }
        self.order = order;
        self.selected = keep
            .and_then(|k| self.order.iter().position(|&i| i == k))
            .unwrap_or(0);
    }

    /// `order` with each article's later copies right under it, in path
    /// order.
    fn with_copies(&self, order: Vec<usize>) -> Vec<usize> {
        let mut copies: std::collections::HashMap<usize, Vec<usize>> = Default::default();
        for (i, row) in self.rows.iter().enumerate() {
            if let Some(first) = row.duplicate_of {
                copies.entry(first).or_default().push(i);
            }
        }
        let mut out = Vec::with_capacity(order.len());
        for i in order {
            out.push(i);
            out.extend(copies.get(&i).into_iter().flatten());
        }
        out
    }

    /// True when some article has a later copy.
    pub fn has_duplicates(&self) -> bool {
        self.rows.iter().any(|r| r.copies > 0)
    }

    /// True when the articles come from more than one folder (the FOLDER
    /// column is shown then).
    pub fn has_sections(&self) -> bool {
        self.section_width.is_some()
    }

    /// Fills the QUOTES and SPEAKERS columns from the analysis of `corpus`.
    pub fn set_counts(&mut self, analysis: &SpeakerIndex, corpus: &Corpus) {
        for (i, row) in self.rows.iter_mut().enumerate() {
            row.quotes = Some(analysis.quote_count(i));
            row.speakers = Some(analysis.speaker_count(i));
        }
        self.refresh(corpus);
    }

    /// Moves the selection by `delta` rows, clamped.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.order.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub fn select(&mut self, index: usize) {
        self.selected = index.min(self.order.len().saturating_sub(1));
    }

    /// Keeps the selection inside a window of `rows` lines.
    pub fn scroll_into_view(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        self.offset = self.offset.min(self.order.len().saturating_sub(rows));
    }

    /// Marks or unmarks the selected article; a third mark replaces the
    /// oldest.
    pub fn toggle_mark(&mut self) {
        let Some(article) = self.selected_article() else {
            return;
        };
        if let Some(at) = self.marks.iter().position(|&m| m == article) {
            self.marks.remove(at);
            return;
        }
        if self.marks.len() == MAX_MARKS {
            self.marks.remove(0);
        }
        self.marks.push(article);
    }

    /// Which mark (1 or 2) an article carries.
    pub fn mark_of(&self, article: usize) -> Option<usize> {
        self.marks.iter().position(|&m| m == article).map(|i| i + 1)
    }
}

/// Applies a command to the library.
pub fn update(lib: &mut LibraryState, ctx: &Ctx, action: Action) -> Outcome {
    let rows = ctx.library_rows();
    let page = rows as isize;
    let mut outcome = Outcome::none();
    match action {
        Action::Down => lib.move_by(1),
        Action::Up => lib.move_by(-1),
        Action::SearchNext if !lib.order.is_empty() => {
            lib.select((lib.selected + 1) % lib.order.len());
            if lib.selected == 0 {
                outcome = Outcome::notice(search::WRAPPED_BOTTOM);
            }
        }
        Action::SearchPrev if !lib.order.is_empty() => {
            lib.select((lib.selected + lib.order.len() - 1) % lib.order.len());
            if lib.selected + 1 == lib.order.len() {
                outcome = Outcome::notice(search::WRAPPED_TOP);
            }
        }
        Action::Top => lib.select(0),
        Action::Bottom => lib.select(usize::MAX),
        Action::HalfPageDown => lib.move_by(layout::half(rows) as isize),
        Action::HalfPageUp => lib.move_by(-(layout::half(rows) as isize)),
        Action::PageDown => lib.move_by(page),
        Action::PageUp => lib.move_by(-page),
        Action::Scroll(n) => lib.move_by(n as isize),
        Action::Click(_, y) => {
            if let Some(row) = layout::list_row_at(y, lib.offset, rows).filter(|&r| r < lib.order.len()) {
                lib.select(row);
            }
        }
        Action::ToggleMark => lib.toggle_mark(),
        Action::SortNext => {
            lib.sort = lib.sort.next();
            lib.descending = false;
            lib.refresh(ctx.corpus);
        }
        Action::SortReverse => {
            lib.descending = !lib.descending;
            lib.refresh(ctx.corpus);
        }
        Action::Diagnostics => outcome = Outcome::push(Route::Diagnostics),
        Action::Open => {
            if let Some(article) = lib.selected_article() {
                outcome = Outcome::push(Route::Reader { article, quote: None });
            }
        }
        Action::Compare => {
            // One mark: it beside the row under the cursor.
            outcome = match (&lib.marks[..], lib.selected_article()) {
                (&[left, right], _) => Outcome::push(Route::Compare(Pair::new(left, right))),
                (&[marked], Some(here)) if marked != here => {
                    Outcome::push(Route::Compare(Pair::new(marked, here)))
                }
                (&[_], _) => {
                    Outcome::notice("move to another article to compare the marked one with it, then press c")
                }
                _ => Outcome::notice("mark an article with Space, move to another, then press c"),
            }
        }
        Action::Speakers => outcome = Outcome::push(Route::Speakers),
        Action::ToggleDuplicates => {
            let copies: usize = lib.rows.iter().map(|r| r.copies).sum();
            if copies == 0 {
                outcome = Outcome::notice("no duplicates in this corpus");
            } else {
                lib.show_duplicates = !lib.show_duplicates;
                lib.refresh(ctx.corpus);
                let n = if copies == 1 { "duplicate" } else { "duplicates" };
                outcome = Outcome::notice(if lib.show_duplicates {
                    format!("{copies} {n} shown under their first copy; D folds them")
                } else {
                    format!("{copies} {n} folded into their first copy; D shows them")
                });
            }
        }
        Action::ShowPath => {
            if let Some(a) = lib.selected_article().and_then(|i| ctx.corpus.articles.get(i)) {
                let path = crate::escape::line(&a.path.display().to_string()).into_owned();
                outcome = Outcome::notice(if a.id == path || a.path.as_os_str().is_empty() {
                    format!("file: {}", crate::escape::line(&a.id))
                } else {
                    format!("file: {path}  ·  id: {}", crate::escape::line(&a.id))
                });
            }
        }
        Action::Yank | Action::OpenUrl => {
            if let Some(article) = lib.selected_article() {
                let a = &ctx.corpus.articles[article];
                outcome = if action == Action::Yank {
                    cite::copy_reference(a)
                } else {
                    cite::open_url(a)
                };
            }
        }
        Action::Stories => outcome = Outcome::push(Route::Stories),
        Action::Notes => outcome = Outcome::push(Route::Notes),
        Action::Related => {
            if let Some(article) = lib.selected_article() {
                outcome = Outcome::push(Route::Related(article));
            }
        }
        _ => {}
    }
    lib.scroll_into_view(rows);
    outcome
}

/// The filter: `query` (live while typing).
pub fn set_query(lib: &mut LibraryState, ctx: &Ctx, query: &str) {
    lib.filter = query.to_string();
    lib.refresh(ctx.corpus);
    lib.scroll_into_view(ctx.library_rows());
}

pub fn resize(lib: &mut LibraryState, ctx: &Ctx) {
    lib.scroll_into_view(ctx.library_rows());
}

/// One row's place in a sort: missing values last; the sort key (a
/// number, or a string's first 16 bytes and the string); the title's
/// first 16 bytes and the title; the index. Compared as
/// `primary.then(title).then(index)` with the primary flipped when
/// descending, as [`missing_last`] and [`flip`] order.
struct SortItem<'a> {
    missing: bool,
    major: u128,
    major_str: &'a str,
    title_head: u128,
    /// The article, read for its title past the head on a tie.
    article: &'a Article,
    at: usize,
}

impl<'a> SortItem<'a> {
    fn of(row: &'a Row, a: &'a Article, at: usize, key: SortKey) -> SortItem<'a> {
        let number = |n: Option<u128>| (n.is_none(), n.unwrap_or(0), "");
        let text = |t: Option<&'a str>| (t.is_none(), t.map_or(0, head), t.unwrap_or(""));
        let (missing, major, major_str) = match key {
            SortKey::Date => number(row.date_key.map(|t| (t.as_nanosecond() as u128) ^ (1 << 127))),
            SortKey::Source => text(row.keys(a).source_key.as_deref()),
            SortKey::Title => {
                let (_, major, major_str) = text(Some(&row.keys(a).title_key));
                (false, major, major_str)
            }
            SortKey::Words => number(Some(row.words as u128)),
            SortKey::Quotes => number(row.quotes.map(|n| n as u128)),
            SortKey::Speakers => number(row.speakers.map(|n| n as u128)),
        };
        SortItem {
            missing,
            major,
            major_str,
            title_head: u128::from_be_bytes(row.title_head),
            article: a,
            at,
        }
    }

    /// Early returns and no string comparison where the heads decide
    /// (a 100,000-row sort spent most of its time in `memcmp`).
    fn cmp(&self, other: &SortItem, descending: bool) -> std::cmp::Ordering {
        use std::cmp::Ordering::Equal;
        let missing = self.missing.cmp(&other.missing);
        if missing != Equal {
            return missing;
        }
        let primary = self
            .major
            .cmp(&other.major)
            .then_with(|| past_head(self.major_str, other.major_str));
        if primary != Equal {
            return if self.missing {
                primary
            } else {
                flip(primary, descending)
            };
        }
        self.title_head
            .cmp(&other.title_head)
            .then_with(|| past_head(title(self.article), title(other.article)))
            .then(self.at.cmp(&other.at))
    }
}

/// Two strings whose [`head`]s are equal, compared as `a.cmp(b)`: past
/// the first 16 bytes when both are longer, else the shorter is a prefix
/// of the other (its head's zero padding matched the other's bytes).
fn past_head(a: &str, b: &str) -> std::cmp::Ordering {
    if a.len() > 16 && b.len() > 16 {
        a.as_bytes()[16..].cmp(&b.as_bytes()[16..])
    } else {
        a.len().cmp(&b.len())
    }
}

/// A string's first 16 bytes as a big-endian number (zeros past its end):
/// two strings whose heads differ compare as their heads do.
fn head(s: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let n = s.len().min(16);
    bytes[..n].copy_from_slice(&s.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
}

fn flip(o: std::cmp::Ordering, descending: bool) -> std::cmp::Ordering {
    if descending { o.reverse() } else { o }
}

/// Orders present values (flipped when descending); missing ones go last
/// either way.
#[cfg(test)]
fn missing_last<T: Ord>(a: &Option<T>, b: &Option<T>, descending: bool) -> std::cmp::Ordering {
    use std::cmp::Ordering::{Greater, Less};
    match (a, b) {
        (Some(a), Some(b)) => flip(a.cmp(b), descending),
        (Some(_), None) => Less,
        (None, Some(_)) => Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Published, When, to_iso};

    fn dated(title: &str, date: Option<&str>) -> Article {
        let published = date.map(|raw| {
            let iso = to_iso(raw);
            let when = iso.as_deref().and_then(When::from_iso);
            Box::new(Published {
                raw: raw.into(),
                iso,
                when,
            })
        });
        Article {
            title: Some(title.into()),
            published,
            ..Article::default()
        }
    }

    /// Newest first by instant, whatever the offsets (05:00 at +05:30 on
    /// the 15th is 23:30 UTC on the 14th, before the 15th alone, 00:00
    /// UTC; a string sort puts it after); unparsed and missing dates last,
    /// in either direction.
    #[test]
    fn the_date_sort_orders_instants_across_offsets() {
        let corpus = Corpus {
            articles: vec![
                dated("a", Some("2026-03-14T23:30:00-05:00")),
                dated("b", Some("2026-03-15")),
                dated("c", Some("someday")),
                dated("d", Some("2026-03-15T05:00:00+05:30")),
                dated("e", None),
                dated("f", Some("2026-03-15T06:00:00Z")),
            ],
            ..Corpus::default()
        };
        let mut lib = LibraryState::new(&corpus);
        let titles = |lib: &LibraryState| -> Vec<String> {
            lib.order
                .iter()
                .map(|&i| title(&corpus.articles[i]).to_string())
                .collect()
        };
        assert_eq!(lib.sort, SortKey::Date);
        assert_eq!(titles(&lib), ["f", "a", "b", "d", "c", "e"]);
        lib.descending = false;
        lib.refresh(&corpus);
        assert_eq!(titles(&lib), ["d", "b", "a", "f", "c", "e"]);
    }

    /// The sort on laid-out keys gives the order of the plain comparison
    /// (primary key, missing last, flipped when descending; then the
    /// title; then the index) for every column and direction, with titles
    /// and outlets that share long beginnings, repeat, or are missing.
    #[test]
    fn the_sort_keys_order_as_the_plain_comparison() {
        let titles = [
            "Harbour council backs the desalination deal",
            "Harbour council backs the desalination plan",
            "Harbour council backs the desalination deal",
            "Ábaco",
            "Zebra",
            "Harbour",
            "Harbour\0",
            "a",
        ];
        let dates = [
            Some("2026-03-14"),
            None,
            Some("2026-03-14T10:00:00+02:00"),
            Some("2025-12-31"),
        ];
        let sources = [
            Some("Valley Wire"),
            None,
            Some("Valley Wire Daily Edition Two"),
            Some("Valley Wire Daily Edition One"),
        ];
        let mut articles = Vec::new();
        for (i, title) in titles.iter().enumerate() {
            for j in 0..3 {
                let mut a = dated(title, dates[(i + j) % dates.len()]);
                a.id = format!("a{i}-{j}");
                a.source = sources[(i * 3 + j) % sources.len()].map(str::to_string);
                a.set_paragraphs(vec!["word ".repeat(i + j)]);
                articles.push(a);
            }
        }
        let corpus = Corpus {
            articles,
            ..Corpus::default()
        };
        let mut lib = LibraryState::new(&corpus);
        for (i, row) in lib.rows.iter_mut().enumerate() {
            row.quotes = (i % 4 != 0).then_some(i % 3);
            row.speakers = (i % 5 != 0).then_some(i % 2);
        }
        let keys = [
            SortKey::Date,
            SortKey::Source,
            SortKey::Title,
            SortKey::Words,
            SortKey::Quotes,
            SortKey::Speakers,
        ];
        for key in keys {
            for descending in [false, true] {
                lib.sort = key;
                lib.descending = descending;
                lib.refresh(&corpus);
                let rows = &lib.rows;
                let arts = &corpus.articles;
                let mut want: Vec<usize> = (0..rows.len()).collect();
                want.sort_by(|&a, &b| {
                    let (ra, rb) = (&rows[a], &rows[b]);
                    let (ka, kb) = (ra.keys(&arts[a]), rb.keys(&arts[b]));
                    let primary = match key {
                        SortKey::Date => missing_last(&ra.date_key, &rb.date_key, descending),
                        SortKey::Source => missing_last(&ka.source_key, &kb.source_key, descending),
                        SortKey::Title => flip(ka.title_key.cmp(&kb.title_key), descending),
                        SortKey::Words => flip(ra.words.cmp(&rb.words), descending),
                        SortKey::Quotes => missing_last(&ra.quotes, &rb.quotes, descending),
                        SortKey::Speakers => missing_last(&ra.speakers, &rb.speakers, descending),
                    };
                    primary
                        .then_with(|| title(&arts[a]).cmp(title(&arts[b])))
                        .then(a.cmp(&b))
                });
                assert_eq!(lib.order, want, "{key:?} descending {descending}");
            }
        }
    }

    /// A row's texts are the article's, missing ones as missing (an empty
    /// source is still there); the filter finds a row by any of them.
    #[test]
    fn a_row_reads_its_texts_from_the_article() {
        let mut a = dated("Bridge reopens", Some("2024-03-05"));
        a.id = "b-7".into();
        a.source = Some(String::new());
        a.path = "news/bridge.txt".into();
        assert_eq!(date(&a), Some("2024-03-05"));
        assert_eq!(source(&a), Some(""));
        assert_eq!(title(&a), "Bridge reopens");
        assert_eq!(section(&a).as_deref(), Some("news"));
        let bare = Article {
            id: "only-id".into(),
            path: "x.txt".into(),
            ..Article::default()
        };
        assert_eq!((date(&bare), source(&bare), section(&bare)), (None, None, None));
        assert_eq!(title(&bare), "only-id");
        let corpus = Corpus {
            articles: vec![a.clone(), bare.clone()],
            ..Corpus::default()
        };
        let mut lib = LibraryState::new(&corpus);
        assert!(lib.has_sections());
        for (query, want) in [
            ("b-7", vec![0]),
            ("only", vec![1]),
            ("2024-03", vec![0]),
            ("zzz", vec![]),
        ] {
            lib.filter = query.into();
            lib.refresh(&corpus);
            assert_eq!(lib.order, want, "{query}");
        }
    }

    /// Strings with equal heads order by what follows as `str::cmp` does,
    /// zero bytes and lengths around 16 included.
    #[test]
    fn past_head_orders_as_the_strings_do() {
        let words = [
            "",
            "a",
            "a\0",
            "a\0\0",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "abcdefghijklmnop\0",
            "abcdefghijklmnopqr",
            "abcdefghijklmnoq",
            "abcdefghijklmnopa",
        ];
        for a in words {
            for b in words {
                if head(a) == head(b) {
                    assert_eq!(past_head(a, b), a.cmp(b), "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn the_section_is_the_folder_name_as_path_reads_it() {
        for p in [
            "a/b/c.txt",
            "b/c.txt",
            "c.txt",
            "/c.txt",
            "/x/c.txt",
            "a/./c.txt",
            "a/../c.txt",
            "./c.txt",
            "../c.txt",
            "a//c.txt",
            "a/b//c.txt",
            "a/b/.",
            "a/b/..",
            "",
            "/",
            "a/b/",
            "a/b.d/c",
        ] {
            let article = Article {
                path: p.into(),
                ..Article::default()
            };
            let want = std::path::Path::new(p)
                .parent()
                .and_then(|f| f.file_name())
                .map(|f| f.to_string_lossy().into_owned());
            assert_eq!(section(&article).map(|s| s.into_owned()), want, "{p:?}");
        }
    }
}
