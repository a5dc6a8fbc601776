//! The tables of the screen's panes: columns sized to their content by display
//! width, the sorted one marked, gains and losses toned, drawn by ratatui's
//! `Table`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Row, Table, TableState};

use super::theme::Theme;
use crate::report::paint::{Tone, tone_of};
use crate::text::{Align, display_width, pad, truncate_to_width};
use bundlecalc_core::calc::sort::SortKey;
use bundlecalc_core::money::Money;

/// One column of a table: heading, width and alignment.
pub(super) struct Column {
    pub heading: String,
    pub width: usize,
    pub align: Align,
}

/// Draws the table of `columns` at the top of `area`: the headings, then `rows`
/// (each cell's text and style, the rows in view only), the row at `selected`
/// highlighted. ratatui's `Table` lays the cells out a space apart and
/// highlights; two things it does not do are done here: columns sized to their
/// content (`fit`, `fill_first`), and each cell cut to its column with `…`, by
/// display width, then padded (`Table` cuts a cell short without a mark, as
/// the test below shows). A table wider than `area` is cut at its right edge,
/// as a line of text is.
pub(super) fn draw_table(
    frame: &mut Frame<'_>,
    area: Rect,
    columns: &[Column],
    rows: Vec<Vec<(String, Style)>>,
    selected: Option<usize>,
    theme: &Theme,
) {
    // The columns that start inside `area`, the last one cut at its edge.
    let mut widths = Vec::with_capacity(columns.len());
    let mut right = 0u16;
    for (at, column) in columns.iter().enumerate() {
        let gap = u16::from(at > 0);
        let Some(room) = area.width.checked_sub(right + gap).filter(|&room| room > 0) else {
            break;
        };
        let width = u16::try_from(column.width).unwrap_or(u16::MAX).min(room);
        widths.push(Constraint::Length(width));
        right += gap + width;
    }
    let cells = |texts: Vec<(String, Style)>| {
        let cells = columns.iter().zip(texts).map(|(column, (text, style))| {
            let text = truncate_to_width(&text, column.width);
            Line::from(Span::styled(pad(&text, column.width, column.align), style))
        });
        Row::new(cells)
    };
    let headings = columns
        .iter()
        .map(|c| (c.heading.clone(), theme.heading))
        .collect();
    let selected = selected.filter(|&at| at < rows.len());
    let table = Table::new(rows.into_iter().map(cells), widths)
        .header(cells(headings))
        .column_spacing(1)
        .row_highlight_style(theme.selected);
    // The rows given are those in view: the table never scrolls them, and a
    // selection out of view is not drawn (where `Table` would move it).
    let mut state = TableState::default().with_selected(selected);
    let area = Rect {
        width: right,
        ..area
    };
    frame.render_stateful_widget(table, area, &mut state);
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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn drawn(draw: impl FnOnce(&mut Frame<'_>)) -> String {
        let mut terminal = Terminal::new(TestBackend::new(12, 2)).unwrap();
        terminal.draw(draw).unwrap();
        let buffer = terminal.backend().buffer();
        (0..buffer.area.width)
            .map(|x| buffer[(x, 1)].symbol().to_string())
            .collect()
    }

    #[test]
    fn a_cell_too_long_for_its_column_ends_in_an_ellipsis_where_table_cuts_it_short() {
        let long = "Tencent Video VIP".to_string();
        // ratatui's `Table` alone: the name is cut with nothing to say so.
        let theirs = drawn(|frame| {
            let table = Table::new([Row::new([long.clone()])], [Constraint::Length(8)])
                .header(Row::new(["Bundle"]));
            frame.render_widget(table, frame.area());
        });
        assert_eq!(theirs.trim_end(), "Tencent");
        // Ours: cut by display width, with `…`.
        let ours = drawn(|frame| {
            let columns = [Column {
                heading: "Bundle".into(),
                width: 8,
                align: Align::Left,
            }];
            let rows = vec![vec![(long.clone(), Style::new())]];
            draw_table(
                frame,
                frame.area(),
                &columns,
                rows,
                None,
                &Theme::new(false),
            );
        });
        assert_eq!(ours.trim_end(), "Tencent…");
    }
}
