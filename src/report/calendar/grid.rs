//! The calendar's grid (docs/reference/calendar.md, "Outputs"): a row per wanted
//! service, a column per month, each cell the letter of the purchase covering
//! it; the letters, month names and cells the screen's window shows too.

use super::CalendarReport;
use crate::tr;
use bundlecalc_core::plan::calendar::Cell;
use bundlecalc_core::plan::calendar::months::YearMonth;

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
