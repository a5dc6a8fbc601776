//! The calendar's grid (docs/reference/calendar.md, "Outputs"): a row per wanted
//! service, a column per month, each cell the letter of the purchase covering
//! it; the letters, month names and cells the screen's window shows too.

use super::CalendarReport;
use crate::text::{Align, display_width, pad};
use crate::tr;
use bundlecalc_core::plan::calendar::Cell;
use bundlecalc_core::plan::calendar::months::{Horizon, YearMonth};

/// The letter of the purchase at `at`: A to Z, then AA, AB, ….
pub fn letter(at: usize) -> String {
    let abc = |i: usize| char::from(b'A' + (i % 26) as u8);
    if at < 26 {
        abc(at).to_string()
    } else {
        format!("{}{}", abc(at / 26 - 1), abc(at))
    }
}

/// A month's short name as people write it: "Jan", "1月".
pub fn month_name(month: YearMonth) -> String {
    tr!(&format!("calendar.month.{}", month.number()))
}

/// The year written above `month` in a grid whose cells are `width` wide: at
/// the first month and at each January, except the first month's when it
/// would run into the next January's (a December followed by January).
pub fn year_label(month: YearMonth, first: bool, next: Option<YearMonth>, width: usize) -> String {
    let year = format!("{:04}", month.year);
    let crowded = next.is_some_and(|next| next.number() == 1) && display_width(&year) >= width;
    if month.number() == 1 || (first && !crowded) {
        year
    } else {
        String::new()
    }
}

/// The grid's line of years, over the months `first..first + shown` of
/// `horizon` in cells `cell` wide, after a label column `label_width` wide and
/// a space. A first month's year that would run into January's is written at
/// the right of the label column instead, where it fits.
pub fn years_line(
    horizon: Horizon,
    first: usize,
    shown: usize,
    label_width: usize,
    cell: usize,
) -> String {
    let mut line = String::new();
    for m in first..first + shown {
        let month = horizon.month(m as u32);
        let next = (m + 1 < first + shown).then(|| horizon.month(m as u32 + 1));
        let label = year_label(month, m == first, next, cell);
        if m == first {
            let crowded = label.is_empty() && month.number() != 1;
            let year = format!("{:04}", month.year);
            let before = if crowded && display_width(&year) <= label_width {
                year
            } else {
                String::new()
            };
            line += &pad(&before, label_width, Align::Right);
            line.push(' ');
        }
        line += &pad(&label, cell, Align::Left);
    }
    line.trim_end().to_string()
}

/// The grid's line of month names ("Jan", "1月"), over the months
/// `first..first + shown` of `horizon` in cells `cell` wide, after a label
/// column `label_width` wide and a space.
pub fn months_line(
    horizon: Horizon,
    first: usize,
    shown: usize,
    label_width: usize,
    cell: usize,
) -> String {
    let mut line = pad("", label_width + 1, Align::Left);
    for m in first..first + shown {
        line += &pad(&month_name(horizon.month(m as u32)), cell, Align::Left);
    }
    line.trim_end().to_string()
}

/// What a cell of the grid shows: `·` not wanted, `h` held, else the letters of
/// the purchases covering it (`+` when there are more than fit).
pub fn cell_text(cell: Option<&Cell>) -> String {
    let Some(cell) = cell else {
        return "·".to_string();
    };
    let mut marks: Vec<String> = Vec::new();
    if cell.held {
        marks.push("h".to_string());
    }
    marks.extend(cell.purchases.iter().map(|&p| letter(p)));
    match marks.len() {
        0 => "?".to_string(),
        1 => marks.remove(0),
        _ => format!("{}+", marks[0]),
    }
}

/// The grid's month names, and its rows: each wanted service's name, then what
/// each of its cells shows.
pub(super) fn grid_lines(report: &CalendarReport<'_>) -> (Vec<String>, Vec<Vec<String>>) {
    let (catalog, calendar) = (report.catalog, report.calendar);
    let horizon = calendar.horizon;
    let months: Vec<String> = (0..horizon.months)
        .map(|m| month_name(horizon.month(m)))
        .collect();
    let rows = calendar
        .wants
        .iter()
        .zip(&calendar.coverage)
        .map(|(w, cells)| {
            std::iter::once(catalog.services[*w].name.clone())
                .chain(cells.iter().map(|c| cell_text(c.as_ref())))
                .collect()
        })
        .collect();
    (months, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(text: &str) -> YearMonth {
        YearMonth::parse(text).unwrap()
    }

    #[test]
    fn a_year_is_written_where_it_fits_and_changes() {
        let (dec, jan, feb) = (month("2026-12"), month("2027-01"), month("2027-02"));
        // A December first, then January: only January's year, or they run together.
        assert_eq!(year_label(dec, true, Some(jan), 4), "");
        assert_eq!(year_label(jan, false, Some(feb), 4), "2027");
        // With room for both (Chinese month names are wider), both.
        assert_eq!(year_label(dec, true, Some(jan), 5), "2026");
        // A first month that is not followed by January keeps its year.
        assert_eq!(year_label(month("2026-11"), true, Some(dec), 4), "2026");
        assert_eq!(year_label(dec, true, None, 4), "2026");
        assert_eq!(year_label(feb, false, None, 4), "");
    }

    #[test]
    fn a_december_first_shows_its_year_beside_the_grid() {
        let horizon = Horizon {
            from: month("2026-12"),
            months: 3,
        };
        // English cells are 4 wide: 2026 goes left of the grid, 2027 over Jan.
        assert_eq!(years_line(horizon, 0, 3, 6, 4), "  2026     2027");
        // With no room for it there, January's year alone.
        assert_eq!(years_line(horizon, 0, 3, 3, 4), "        2027");
        // Wider cells hold both years over their months.
        assert_eq!(years_line(horizon, 0, 3, 6, 5), "       2026 2027");
        // Not crowded: the first month's year over it, none beside the grid.
        let spring = Horizon {
            from: month("2027-03"),
            months: 2,
        };
        assert_eq!(years_line(spring, 0, 2, 6, 4), "       2027");
    }
}
