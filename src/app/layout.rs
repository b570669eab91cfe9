//! Sizes shared by `update` (page lengths, wrap width) and the ui (where
//! things are drawn), so both agree on what is visible.

/// Below this size the ui shows a "too small" message instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// The reader's text column is at most this wide (a comfortable measure).
pub const MAX_MEASURE: u16 = 84;

pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// Lines between the title bar and the status bar.
pub fn content_height(height: u16) -> usize {
    usize::from(height.saturating_sub(2))
}

/// The reader's text column: `(left margin, width)`, centred.
pub fn reader_column(width: u16) -> (u16, u16) {
    let measure = width.saturating_sub(4).clamp(1, MAX_MEASURE);
    ((width - measure.min(width)) / 2, measure)
}

/// Lines of text the reader shows (one line of padding at the top, the
/// quote line at the bottom).
pub fn reader_rows(height: u16) -> usize {
    content_height(height).saturating_sub(2).max(1)
}

/// Table rows the library shows: below the heading and its rule, above
/// the problems line when there is one.
pub fn library_rows(height: u16, problems_line: bool) -> usize {
    content_height(height)
        .saturating_sub(2 + usize::from(problems_line))
        .max(1)
}

/// Lines of a scrolling list screen (diagnostics, help) below its heading.
pub fn list_rows(height: u16) -> usize {
    content_height(height).saturating_sub(2).max(1)
}

/// Half a page, at least one line.
pub fn half(rows: usize) -> usize {
    (rows / 2).max(1)
}

/// The compare screen's gutter (claim numbers, markers) before each pane.
pub const GUTTER: u16 = 3;

/// Compare: `(x, width)` of the left and right halves; a one-column rule
/// stands between them.
pub fn compare_halves(width: u16) -> ((u16, u16), (u16, u16)) {
    let left = width.saturating_sub(1) / 2;
    let right = width.saturating_sub(left + 1);
    ((0, left), (left + 1, right))
}

/// Compare: the text width of a pane (both wrap to the same width).
pub fn compare_text_width(width: u16) -> usize {
    let ((_, left), _) = compare_halves(width);
    usize::from(left.saturating_sub(GUTTER + 1)).max(1)
}

/// Compare: text rows of a pane, below its heading, above the detail strip
/// (a rule and two lines).
pub fn compare_rows(height: u16) -> usize {
    content_height(height).saturating_sub(4).max(1)
}

/// The terminal row of the first table row of the library and the list
/// screens (below the title bar, the heading and its rule).
pub const LIST_TOP: u16 = 3;

/// The table row (an index from `offset`) a click on terminal row `y`
/// lands on, when it is one of the `rows` shown.
pub fn list_row_at(y: u16, offset: usize, rows: usize) -> Option<usize> {
    let row = usize::from(y.checked_sub(LIST_TOP)?);
    (row < rows).then_some(offset + row)
}

/// The terminal row of a compare pane's first text line (below the title
/// bar and the pane heading).
pub const COMPARE_TEXT_TOP: u16 = 2;
