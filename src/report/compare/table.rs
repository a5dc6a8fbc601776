//! The comparison as a table (docs/reference/output.md, "The comparison as a table"):
//! the heading, the summary of every bundle, each bundle's services, then the
//! notes.

use super::CompareReport;
use crate::report::money::{money_text, percent_text, signed_money_text};
use crate::report::notes::table_notes;
use crate::report::paint::{Painter, Tone, tone_of};
use crate::report::table::{Cell, TextTable};
use crate::text::{Align, display_width, printable};
use crate::tr;
use bundlecalc_core::calc::figures::BundleFigures;
use bundlecalc_core::model::Catalog;

pub(super) fn table(report: &CompareReport<'_>, painter: Painter) -> String {
    let catalog = report.catalog;
    let symbol = catalog.currency_symbol();
    let personal = report
        .comparison
        .bundles
        .iter()
        .any(|f| f.personal.is_some());
    let reversed = if report.reverse {
        tr!("sort.reversed")
    } else {
        String::new()
    };
    let file = if report.file == "(built-in)" {
        tr!("builtin")
    } else {
        report.file.to_string()
    };
    let mut out = tr!(
        "report.heading",
        file = file,
        currency = catalog.currency,
        per = crate::words::per(report.basis),
        sort = format!("{}{reversed}", crate::words::sort_label(report.sort))
    ) + "\n\n";

    let mut headings = vec![
        (tr!("column.bundle"), Align::Left),
        (tr!("column.price"), Align::Right),
        (tr!("column.value"), Align::Right),
        (tr!("column.savings"), Align::Right),
        (tr!("column.savings_pct"), Align::Right),
    ];
    if personal {
        headings.extend([
            (tr!("column.personal_value"), Align::Right),
            (tr!("column.personal_savings"), Align::Right),
        ]);
    }
    let mut summary = TextTable::new(&headings);
    for figures in &report.comparison.bundles {
        // Offers not on sale are named with their status, and dimmed.
        let bundle = &catalog.bundles[figures.bundle];
        let dim = if bundle.status.is_available() {
            Tone::Plain
        } else {
            Tone::Faint
        };
        let mut row = vec![
            Cell::toned(crate::words::bundle_name(bundle), dim),
            Cell::plain(money_text(symbol, figures.price)),
            Cell::plain(money_text(symbol, figures.standalone_value)),
            Cell::toned(
                signed_money_text(symbol, figures.savings),
                tone_of(figures.savings),
            ),
            Cell::toned(percent_text(figures.savings_pct), tone_of(figures.savings)),
        ];
        if let Some(p) = figures.personal {
            row.push(Cell::plain(money_text(symbol, p.value)));
            row.push(Cell::toned(
                signed_money_text(symbol, p.savings),
                tone_of(p.savings),
            ));
        } else if personal {
            row.extend([Cell::plain("—"), Cell::plain("—")]);
        }
        summary.push(row);
    }
    out += &summary.render("", painter);

    for figures in &report.comparison.bundles {
        out.push('\n');
        out += &bundle_detail(catalog, figures, personal, painter);
    }
    if !report.comparison.notes.is_empty() {
        out.push('\n');
        let notes = crate::words::notes(catalog, &report.comparison.notes);
        out += &table_notes(&notes, painter);
    }
    out
}

/// The services of one bundle with their standalone and effective prices.
fn bundle_detail(
    catalog: &Catalog,
    figures: &BundleFigures,
    personal: bool,
    painter: Painter,
) -> String {
    let bundle = &catalog.bundles[figures.bundle];
    let symbol = catalog.currency_symbol();
    let rule = match &figures.price_rule {
        Some(rule) => tr!("report.tier", rule = rule),
        None => tr!("report.base_price"),
    };
    let mut out = painter.paint(
        &format!(
            "{} [{}]: {} ({rule})",
            crate::words::bundle_name(bundle),
            bundle.id,
            money_text(symbol, figures.price)
        ),
        Tone::Heading,
    );
    out.push('\n');
    let mut headings = vec![
        (tr!("column.service"), Align::Left),
        (tr!("column.group"), Align::Left),
        (tr!("column.standalone"), Align::Right),
    ];
    // The way to buy that gave each standalone price, when the file names ways.
    let ways = figures.services.iter().any(|s| s.price_label.is_some());
    if ways {
        headings.push((tr!("column.bought_as"), Align::Left));
    }
    headings.push((tr!("column.effective"), Align::Right));
    if personal {
        headings.extend([
            (tr!("column.wanted"), Align::Left),
            (tr!("column.personal_cost"), Align::Right),
        ]);
    }
    let mut services = TextTable::new(&headings);
    for service in &figures.services {
        let mut row = vec![
            Cell::plain(crate::words::service_name(
                &catalog.services[service.service],
            )),
            Cell::plain(printable(service.group.as_deref().unwrap_or_default()).into_owned()),
            Cell::plain(money_text(symbol, service.standalone_price)),
        ];
        if ways {
            let label = service.price_label.as_deref().unwrap_or_default();
            row.push(Cell::plain(printable(label).into_owned()));
        }
        row.push(Cell::plain(money_text(symbol, service.effective_cost)));
        if personal {
            row.push(Cell::plain(match service.wanted {
                Some(true) => tr!("report.yes"),
                _ => tr!("report.no"),
            }));
            row.push(Cell::plain(
                service
                    .personal_cost
                    .map(|c| money_text(symbol, c))
                    .unwrap_or_default(),
            ));
        }
        services.push(row);
    }
    out += &services.render("  ", painter);
    if let Some(note) = &bundle.note {
        out += &note_lines(note);
    }
    out
}

/// A bundle's note under its table, each of its lines under the first's text.
fn note_lines(note: &str) -> String {
    let mut lines = note.split('\n');
    let first = tr!("report.note", note = lines.next().unwrap_or_default());
    let indent = " ".repeat(display_width(&tr!("report.note", note = "")));
    let mut out = format!("  {first}\n");
    for line in lines {
        out += &format!("  {indent}{line}\n");
    }
    out
}
