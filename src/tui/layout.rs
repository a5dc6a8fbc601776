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
    /// One line: the facts, wants, picks and plan options the figures assume.
    pub scenario: Rect,
    pub status: Rect,
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
        usize::from(self.detail.height.saturating_sub(3 + DETAIL_FOOTER_LINES))
    }

    /// Screen row of the first service.
    pub fn first_service_row(&self) -> u16 {
        self.detail.y + 2
    }
}

/// The most lines the banner takes; a longer message is cut.
pub const MAX_BANNER_LINES: usize = 3;

/// The banner's lines at `width`: the message wrapped, at most `MAX_BANNER_LINES`.
pub fn banner_lines(banner: &str, width: u16) -> Vec<String> {
    let text = format!(" ⚠ {}", crate::text::printable(banner));
    let mut lines = crate::text::wrap_to_width(&text, usize::from(width));
    if lines.len() > MAX_BANNER_LINES {
        lines.truncate(MAX_BANNER_LINES);
        let last = &mut lines[MAX_BANNER_LINES - 1];
        *last = crate::text::truncate_to_width(&format!("{last}…"), usize::from(width));
        if !last.ends_with('…') {
            last.push('…');
        }
    }
    lines
}

/// Lays out a screen of `size` for `bundle_count` bundles, under `banner` if one
/// is shown; `None` when too small.
pub fn screen(size: Rect, bundle_count: usize, banner: Option<&str>) -> Option<Areas> {
    let banner_height = banner.map_or(0, |banner| banner_lines(banner, size.width).len() as u16);
    areas(size, bundle_count, banner_height)
}

/// Lays out a screen of `size` for `bundle_count` bundles, under a banner of
/// `banner_height` lines; `None` when too small.
fn areas(size: Rect, bundle_count: usize, banner_height: u16) -> Option<Areas> {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return None;
    }
    let banner = banner_height > 0;
    let [banner_area, main, scenario, status] = Layout::vertical([
        Constraint::Length(banner_height),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
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
        assert_eq!(areas(Rect::new(0, 0, 1, 1), 4, 0), None);
        assert_eq!(areas(Rect::new(0, 0, 59, 24), 4, 0), None);
        assert!(areas(Rect::new(0, 0, 60, 15), 4, 0).is_some());
    }

    #[test]
    fn a_short_catalogue_gets_a_table_just_tall_enough() {
        let areas = areas(Rect::new(0, 0, 80, 24), 4, 0).unwrap();
        assert_eq!(areas.bundles.height, 7);
        assert_eq!(areas.bundle_rows(), 4);
        assert_eq!(areas.status, Rect::new(0, 23, 80, 1));
        assert_eq!(areas.detail.width + areas.chart.width, 80);
        assert_eq!(areas.chart.width, 24, "the chart gives way at 80 columns");
    }
}
