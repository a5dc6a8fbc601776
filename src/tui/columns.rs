//! Tables laid out by hand in the screen's panes: columns sized to their content
//! by display width, the sorted one marked, gains and losses toned.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::report::paint::{Tone, tone_of};
use crate::text::{Align, display_width, pad, truncate_to_width};
use bundlecalc_core::calc::sort::SortKey;
use bundlecalc_core::money::Money;

/// One column of a hand-laid table: heading, width and alignment.
pub(super) struct Column {
    pub heading: String,
    pub width: usize,
    pub align: Align,
}

/// Spans for one row, each cell padded to its column and separated by a space.
pub(super) fn row_spans(columns: &[Column], cells: Vec<(String, Style)>) -> Vec<Span<'static>> {
    let mut spans = Vec::with_capacity(cells.len() * 2);
    for (at, (column, (text, style))) in columns.iter().zip(cells).enumerate() {
        if at > 0 {
            spans.push(Span::raw(" "));
        }
        let text = truncate_to_width(&text, column.width);
        spans.push(Span::styled(pad(&text, column.width, column.align), style));
    }
    spans
}

pub(super) fn heading_line(columns: &[Column], theme: &Theme) -> Line<'static> {
    let cells = columns
        .iter()
        .map(|c| (c.heading.clone(), theme.heading))
        .collect();
    Line::from(row_spans(columns, cells))
}

/// Puts ▼ (largest first) or ▲ after the heading of the column the bundles are
/// sorted by; file order has no column.
pub(super) fn mark_sorted_column(columns: &mut [Column], sort: SortKey, reverse: bool) {
    let at = match sort {
        SortKey::File => return,
        SortKey::Name => 0,
        SortKey::Price => 1,
        SortKey::Value => 2,
        SortKey::Savings => 3,
        SortKey::SavingsPct => 4,
        SortKey::Personal => 5,
    };
    // Names go A to Z, money from the largest; reversing turns either round.
    let descending = (sort != SortKey::Name) != reverse;
    if let Some(column) = columns.get_mut(at) {
        column.heading.push_str(if descending { "▼" } else { "▲" });
        column.width = column.width.max(display_width(&column.heading));
    }
}

/// Widths of the money columns: wide enough for their heading and every value.
pub(super) fn fit(heading: &str, values: impl Iterator<Item = String>, align: Align) -> Column {
    let width = values
        .map(|v| display_width(&v))
        .chain([display_width(heading)])
        .max()
        .unwrap_or(0);
    Column {
        heading: heading.to_string(),
        width,
        align,
    }
}

/// Gives the first column what its longest text needs, up to what the others leave,
/// so figures sit next to the names on a wide screen.
pub(super) fn fill_first(columns: &mut [Column], total: usize, longest: usize) {
    let others: usize = columns[1..].iter().map(|c| c.width + 1).sum();
    let needed = longest.max(display_width(&columns[0].heading));
    columns[0].width = total.saturating_sub(others).min(needed).max(1);
}

/// The theme's style for a gain or a loss, as the text reports decide it.
pub(super) fn tone(theme: &Theme, amount: Money) -> Style {
    match tone_of(amount) {
        Tone::Gain => theme.gain,
        Tone::Loss => theme.loss,
        _ => Style::new(),
    }
}
