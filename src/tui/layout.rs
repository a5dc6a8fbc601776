//! Where each part of the screen goes. Shared by `view` (to draw) and `app` (to map a
//! click to a row, to page), so both always agree: `screen` is the one place the
//! layout is computed.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this size the screen shows "terminal too small" instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// Lines of the detail pane under its list: the price rule, the selected service
/// whole, its group's members, and the start of the note.
pub const DETAIL_FOOTER_LINES: u16 = 4;

/// The cells a line of the detail pane has, inside its border, on a screen
/// `width` wide.
pub fn detail_inner_width(width: u16) -> u16 {
    width.saturating_sub(chart_width(width)).saturating_sub(2)
}

/// The chart's width: 40% of a wide screen; on a narrow one the chart gives way
/// first (down to 24 columns), so that the detail's names have room.
pub fn chart_width(width: u16) -> u16 {
    if width >= 120 {
        width * 40 / 100
    } else {
        (width * 30 / 100).max(24)
    }
}

/// The rectangles of one frame.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Areas {
    pub banner: Option<Rect>,
    pub bundles: Rect,
    pub detail: Rect,
    pub chart: Rect,
    /// The facts, wants, picks and plan options the figures assume: a line, or
    /// more when it needs them.
    pub scenario: Rect,
    pub status: Rect,
    /// Rows the detail's footer has at least (under its list): what its price,
    /// the selected service and its date need, wrapped, leaving the list a row.
    pub detail_footer: u16,
}

impl Areas {
    /// Rows of bundles the table can show (inside the border, under the header).
    pub fn bundle_rows(&self) -> usize {
        usize::from(self.bundles.height.saturating_sub(3))
    }

    /// Screen row of the first bundle.
    pub fn first_bundle_row(&self) -> u16 {
        self.bundles.y + 2
    }

    /// Rows of services the detail list can show.
    pub fn service_rows(&self) -> usize {
        usize::from(self.detail.height.saturating_sub(3 + self.detail_footer))
    }

    /// Screen row of the first service.
    pub fn first_service_row(&self) -> u16 {
        self.detail.y + 2
    }
}

/// The texts above and below the panes, which take as many lines as they need
/// (wrapped at spaces, never cut while the screen has room).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Texts {
    /// Why the file does not load, or news of an outside change.
    pub banner: Option<String>,
    /// What the figures assume (`App::scenario_text`).
    pub scenario: String,
    /// The file, the period, the sort, then a message or the keys
    /// (`App::status_text`).
    pub status: String,
    /// Rows the detail's footer needs, its note aside (`detail::footer_rows`);
    /// it gets at least `DETAIL_FOOTER_LINES`.
    pub detail_footer: usize,
}

/// The most lines each text takes on a screen with room for them all.
pub const MAX_BANNER_LINES: usize = 5;
pub const SCENARIO_LINES_AT_24_ROWS: usize = 3;
pub const MAX_STATUS_LINES: usize = 5;

/// The most lines the scenario takes on a screen `height` rows high: three at
/// 24, a line more for every 8 rows beyond, so that a tall screen reads a long
/// scenario (many what-ifs, facts and people) whole.
fn most_scenario_lines(height: u16) -> usize {
    SCENARIO_LINES_AT_24_ROWS.max(usize::from(height) / 8)
}

/// Rows the panes keep, whatever the texts around them need: a text is cut (with
/// `…`) only on a screen too short to give it this and its lines.
const MIN_PANE_ROWS: usize = 10;

/// `text` wrapped to `width` at spaces, in at most `most` lines, each line
/// indented as the text's first; the last line ends with `…` only when more
/// would not fit.
pub fn text_lines(text: &str, width: u16, most: usize) -> Vec<String> {
    let width = usize::from(width);
    let words = text.trim_start_matches(' ');
    let indent = &text[..text.len() - words.len()];
    let mut lines: Vec<String> =
        crate::text::wrap_to_width(words, width.saturating_sub(indent.len()))
            .into_iter()
            .map(|line| format!("{indent}{line}"))
            .collect();
    if lines.len() > most.max(1) {
        lines.truncate(most.max(1));
        if let Some(last) = lines.last_mut() {
            let cut = crate::text::truncate_to_width(&format!("{last}…"), width);
            *last = if cut.ends_with('…') {
                cut
            } else {
                format!("{cut}…")
            };
        }
    }
    lines
}

/// The banner's text as shown: the warning sign, then the message.
pub fn banner_text(banner: &str) -> String {
    format!(" ⚠ {}", crate::text::printable(banner))
}

/// How many lines each text gets on a screen of `size`: what it needs, at most
/// its maximum, and less only when the panes would otherwise have fewer than
/// `MIN_PANE_ROWS` (the status line keeps its lines longest, then the banner).
pub fn text_heights(size: Rect, texts: &Texts) -> [usize; 3] {
    let need = |text: &str, most: usize| text_lines(text, size.width, usize::MAX).len().min(most);
    let mut banner = texts
        .banner
        .as_deref()
        .map_or(0, |b| need(&banner_text(b), MAX_BANNER_LINES));
    let mut scenario = need(&texts.scenario, most_scenario_lines(size.height));
    let mut status = need(&texts.status, MAX_STATUS_LINES);
    let room = usize::from(size.height).saturating_sub(MIN_PANE_ROWS);
    while banner + scenario + status > room.max(2 + usize::from(banner > 0)) {
        if scenario > 1 {
            scenario -= 1;
        } else if banner > 1 {
            banner -= 1;
        } else if status > 1 {
            status -= 1;
        } else {
            break;
        }
    }
    [banner, scenario, status]
}

/// Lays out a screen of `size` for `bundle_count` bundles, with `texts` around
/// the panes; `None` when too small.
pub fn screen(size: Rect, bundle_count: usize, texts: &Texts) -> Option<Areas> {
    let [banner, scenario, status] = text_heights(size, texts);
    let height = |lines: usize| u16::try_from(lines).unwrap_or(u16::MAX);
    let mut areas = areas(
        size,
        bundle_count,
        [height(banner), height(scenario), height(status)],
    )?;
    // The footer takes what it needs from the list, which keeps its heading and
    // the selected service: the list scrolls, the footer is read whole.
    let most = areas.detail.height.saturating_sub(4);
    areas.detail_footer = height(texts.detail_footer)
        .min(most)
        .max(DETAIL_FOOTER_LINES);
    Some(areas)
}

/// Lays out a screen of `size` for `bundle_count` bundles, with the banner, the
/// scenario and the status line `heights` tall; `None` when too small.
fn areas(size: Rect, bundle_count: usize, heights: [u16; 3]) -> Option<Areas> {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return None;
    }
    let [banner_height, scenario_height, status_height] = heights;
    let banner = banner_height > 0;
    let [banner_area, main, scenario, status] = Layout::vertical([
        Constraint::Length(banner_height),
        Constraint::Fill(1),
        Constraint::Length(scenario_height),
        Constraint::Length(status_height),
    ])
    .areas(size);
    // The table takes what its rows need, up to 45% of the room; the rest is detail and chart.
    let wanted = u16::try_from(bundle_count)
        .unwrap_or(u16::MAX)
        .saturating_add(3);
    let table_height = wanted.min(main.height * 45 / 100).max(5);
    let [bundles, lower] =
        Layout::vertical([Constraint::Length(table_height), Constraint::Fill(1)]).areas(main);
    let [detail, chart] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(chart_width(size.width)),
    ])
    .areas(lower);
    Some(Areas {
        banner: banner.then_some(banner_area),
        bundles,
        detail,
        chart,
        scenario,
        status,
        detail_footer: DETAIL_FOOTER_LINES,
    })
}

/// Whether a screen cell lies inside a rectangle.
pub fn contains(area: Rect, column: u16, row: u16) -> bool {
    area.contains(ratatui::layout::Position::new(column, row))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_small_screens_have_no_layout() {
        assert_eq!(areas(Rect::new(0, 0, 1, 1), 4, [0, 1, 1]), None);
        assert_eq!(areas(Rect::new(0, 0, 59, 24), 4, [0, 1, 1]), None);
        assert!(areas(Rect::new(0, 0, 60, 15), 4, [0, 1, 1]).is_some());
    }

    #[test]
    fn a_short_catalogue_gets_a_table_just_tall_enough() {
        let areas = areas(Rect::new(0, 0, 80, 24), 4, [0, 1, 1]).unwrap();
        assert_eq!(areas.bundles.height, 7);
        assert_eq!(areas.bundle_rows(), 4);
        assert_eq!(areas.status, Rect::new(0, 23, 80, 1));
        assert_eq!(areas.detail.width + areas.chart.width, 80);
        assert_eq!(areas.chart.width, 24, "the chart gives way at 80 columns");
    }

    #[test]
    fn a_text_that_does_not_fit_wraps_and_is_cut_only_past_its_lines() {
        assert_eq!(text_lines("one two three", 9, 3), ["one two", "three"]);
        assert_eq!(
            text_lines("one two three four", 9, 2),
            ["one two", "three…"]
        );
        // A tall screen gives each text its lines; a short one keeps the panes' rows.
        let texts = Texts {
            banner: Some("b ".repeat(100)),
            scenario: "s ".repeat(100),
            status: "t ".repeat(100),
            detail_footer: 0,
        };
        assert_eq!(text_heights(Rect::new(0, 0, 80, 50), &texts), [3, 3, 3]);
        assert_eq!(text_heights(Rect::new(0, 0, 80, 15), &texts), [1, 1, 3]);
    }

    #[test]
    fn a_long_scenario_gets_more_lines_on_a_taller_screen() {
        // Eight lines' worth at 80 columns.
        let texts = Texts {
            banner: None,
            scenario: "scenario ".repeat(70),
            status: "status".into(),
            detail_footer: 0,
        };
        let lines = |height| text_heights(Rect::new(0, 0, 80, height), &texts)[1];
        assert_eq!([lines(24), lines(32), lines(40), lines(50)], [3, 4, 5, 6]);
        assert_eq!(lines(80), 8, "whole, once the screen has room");
    }
}
