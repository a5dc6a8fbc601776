//! The calendar as Markdown (docs/reference/calendar.md, "Outputs"): the
//! heading, the grid and the purchases as tables, the totals, who pays what,
//! then the notes.

use super::CalendarReport;
use super::grid::{grid_lines, letter};
use super::sentences::{calendar_notes, purchase_words, span_text, totals_line};
use crate::report::delimited::markdown_table;
use crate::report::notes::markdown_notes;
use crate::report::paint::Painter;
use crate::report::people::pays_text;
use crate::report::shares::{member_name, split_words};
use crate::text::printable;
use crate::tr;
use bundlecalc_core::seen::date_text;

pub(super) fn markdown(report: &CalendarReport<'_>) -> String {
    let (catalog, calendar) = (report.catalog, report.calendar);
    let horizon = calendar.horizon;
    let mut out = tr!(
        "calendar.heading",
        services = crate::words::service_names(catalog, &calendar.wants),
        currency = printable(&catalog.currency),
        span = span_text(calendar)
    ) + "\n\n";
    let (months, rows) = grid_lines(report);
    let mut headings: Vec<String> = vec![tr!("calendar.column.service")];
    for (m, name) in months.iter().enumerate() {
        let month = horizon.month(m as u32);
        headings.push(if m == 0 || month.number() == 1 {
            format!("{name} {:04}", month.year)
        } else {
            name.clone()
        });
    }
    let heading_refs: Vec<&str> = headings.iter().map(String::as_str).collect();
    let right = vec![false; headings.len()];
    let grid: Vec<Vec<Option<String>>> = rows
        .into_iter()
        .map(|row| row.into_iter().map(Some).collect())
        .collect();
    out += &markdown_table(&heading_refs, &right, &grid);
    out.push('\n');
    let purchase_headings = [
        "",
        &tr!("calendar.column.start"),
        &tr!("calendar.column.months"),
        &tr!("calendar.column.until"),
        &tr!("column.offer"),
        &tr!("column.price"),
    ]
    .map(|h| h.to_string());
    let refs: Vec<&str> = purchase_headings.iter().map(String::as_str).collect();
    let purchases: Vec<Vec<Option<String>>> = calendar
        .purchases
        .iter()
        .enumerate()
        .map(|(at, p)| {
            vec![
                Some(letter(at)),
                Some(horizon.month(p.start).to_string()),
                Some(p.months.to_string()),
                Some(date_text(p.until)),
                Some(purchase_words(catalog, p)),
                Some(p.price.to_string()),
            ]
        })
        .collect();
    out += &markdown_table(&refs, &[false, false, true, false, false, true], &purchases);
    out.push('\n');
    out += &totals_line(catalog, calendar, Painter::PLAIN);
    out.push('\n');
    if let Some(people) = &calendar.people {
        let headings = [
            tr!("column.person"),
            tr!("column.pays"),
            tr!("column.alone"),
            tr!("column.saves"),
        ];
        let refs: Vec<&str> = headings.iter().map(String::as_str).collect();
        let rows: Vec<Vec<Option<String>>> = people
            .iter()
            .map(|share| {
                vec![
                    Some(member_name(catalog, share.member)),
                    Some(pays_text("", share.pays)),
                    Some(share.alone.to_string()),
                    Some(share.saves.to_string()),
                ]
            })
            .collect();
        out.push('\n');
        out += &markdown_table(&refs, &[false, true, true, true], &rows);
    }
    if let Some(sharing) = &calendar.split {
        out += &format!("\n{}\n", split_words(catalog, &sharing.rule));
    }
    out += &markdown_notes(&calendar_notes(catalog, calendar, ""));
    out
}
