//! The calendar as a table (docs/reference/calendar.md, "Outputs"): the
//! heading, the grid with the years above, the purchases by letter, the totals,
//! whether it is proven, who pays what and by which rule, then the notes.

use super::CalendarReport;
use super::grid::{grid_lines, letter, months_line, years_line};
use super::sentences::{calendar_notes, purchase_words, span_text, totals_line};
use crate::report::money::money_text;
use crate::report::notes::table_notes;
use crate::report::paint::{Painter, Tone};
use crate::report::people::people_table;
use crate::report::plan::sentences::unproven_total_sentence;
use crate::report::shares::split_words;
use crate::report::table::{Cell, TextTable};
use crate::text::{Align, display_width, pad};
use crate::tr;
use bundlecalc_core::seen::date_text;

pub(super) fn table(report: &CalendarReport<'_>, painter: Painter) -> String {
    let (catalog, calendar) = (report.catalog, report.calendar);
    let symbol = catalog.currency_symbol();
    let horizon = calendar.horizon;
    let mut out = tr!(
        "calendar.heading",
        services = crate::words::service_names(catalog, &calendar.wants),
        currency = catalog.currency,
        span = span_text(calendar)
    ) + "\n\n";
    let (months, rows) = grid_lines(report);
    let first_width = rows
        .iter()
        .map(|r| display_width(&r[0]))
        .max()
        .unwrap_or(0)
        .max(1);
    let width = months
        .iter()
        .map(|m| display_width(m))
        .max()
        .unwrap_or(3)
        .max(3)
        + 1;
    out += &years_line(horizon, 0, months.len(), first_width, width);
    out.push('\n');
    out += &months_line(horizon, 0, months.len(), first_width, width);
    out.push('\n');
    for row in &rows {
        let mut line = pad(&row[0], first_width, Align::Left) + " ";
        for cell in &row[1..] {
            line += &pad(cell, width, Align::Left);
        }
        out += line.trim_end();
        out.push('\n');
    }
    out.push('\n');
    if calendar.purchases.is_empty() {
        out += &tr!("calendar.no_purchases");
        out.push('\n');
    } else {
        let mut purchases = TextTable::new(&[
            (String::new(), Align::Left),
            (tr!("calendar.column.start"), Align::Left),
            (tr!("calendar.column.months"), Align::Right),
            (tr!("calendar.column.until"), Align::Left),
            (tr!("column.offer"), Align::Left),
            (tr!("column.price"), Align::Right),
        ]);
        for (at, p) in calendar.purchases.iter().enumerate() {
            purchases.push(vec![
                Cell::plain(letter(at)),
                Cell::plain(horizon.month(p.start).to_string()),
                Cell::plain(p.months.to_string()),
                Cell::plain(date_text(p.until)),
                Cell::plain(purchase_words(catalog, p)),
                Cell::plain(money_text(symbol, p.price)),
            ]);
        }
        out += &purchases.render("", painter);
        out.push('\n');
    }
    out += &totals_line(catalog, calendar, painter);
    out.push('\n');
    if !calendar.proven {
        out += &painter.paint(
            &unproven_total_sentence(calendar.total, calendar.bound, symbol),
            Tone::Loss,
        );
        out.push('\n');
    }
    if let Some(people) = &calendar.people {
        out.push('\n');
        out += &people_table(catalog, people, painter);
    }
    if let Some(sharing) = &calendar.split {
        out += &split_words(catalog, &sharing.rule);
        out.push('\n');
    }
    out += &table_notes(
        &calendar_notes(catalog, calendar, catalog.currency_symbol()),
        painter,
    );
    out
}
