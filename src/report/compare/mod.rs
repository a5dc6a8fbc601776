//! The `--compare` report in its four formats.

use std::io::{self, Write};

use serde::Serialize;

use super::Format;
use super::delimited::{csv_line, markdown_table};
use super::paint::{Painter, Tone};
use super::table::{Cell, TextTable};
use crate::i18n::{Lang, in_language};
use crate::text::{Align, display_width, printable};
use crate::tr;
use bundlecalc_core::calc::{BundleFigures, Comparison, SortKey};
use bundlecalc_core::message::group_digits;
use bundlecalc_core::model::{Catalog, ChangeMark};
use bundlecalc_core::money::{Money, Percent};
use bundlecalc_core::period::Period;
use bundlecalc_core::stale::service_seen;

/// What a comparison report shows and for whom.
pub struct CompareReport<'a> {
    pub catalog: &'a Catalog,
    /// The file name as given, or "(built-in)".
    pub file: &'a str,
    pub basis: Period,
    pub sort: SortKey,
    /// Whether the sort is reversed (`--reverse`).
    pub reverse: bool,
    pub comparison: &'a Comparison,
}

pub fn render_compare(report: &CompareReport<'_>, format: Format, painter: Painter) -> String {
    let mut out = Vec::new();
    write_compare(report, format, painter, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("reports are UTF-8")
}

/// Writes the report as it goes, so a large one never sits in memory whole.
pub fn write_compare(
    report: &CompareReport<'_>,
    format: Format,
    painter: Painter,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => {
            // A buffer of a known type, so that the serializer's many small writes
            // are copies rather than calls through `dyn Write`.
            let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
            serde_json::to_writer_pretty(&mut buffered, &JsonComparison::of(report))?;
            buffered.write_all(b"\n")?;
            buffered.flush()
        }
        Format::Csv => out.write_all(csv(report).as_bytes()),
        // Text for people: written from the catalogue with control characters escaped.
        Format::Table | Format::Markdown => {
            let catalog = crate::text::for_people(report.catalog);
            let file = printable(report.file);
            let shown = CompareReport {
                catalog: &catalog,
                file: &file,
                ..*report
            };
            let text = match format {
                Format::Table => table(&shown, painter),
                _ => markdown(&shown),
            };
            out.write_all(text.as_bytes())
        }
    }
}

/// The JSON document of docs/reference/output.md, "The comparison as JSON", serialized straight from the figures.
#[derive(Serialize)]
struct JsonComparison<'a> {
    file: &'a str,
    currency: &'a str,
    basis: &'static str,
    /// In English, as every JSON note.
    notes: Vec<String>,
    /// The ids of the changes applied, in file order.
    changes: Vec<&'a str>,
    bundles: JsonBundles<'a>,
}

impl<'a> JsonComparison<'a> {
    fn of(report: &'a CompareReport<'a>) -> Self {
        JsonComparison {
            file: report.file,
            currency: &report.catalog.currency,
            basis: report.basis.name(),
            notes: in_language(Lang::En, || {
                crate::words::notes(report.catalog, &report.comparison.notes)
            }),
            changes: report
                .catalog
                .applied
                .iter()
                .map(|&c| report.catalog.changes[c].id.as_str())
                .collect(),
            bundles: JsonBundles(report),
        }
    }
}

/// Every bundle, each made into its JSON shape only while it is written.
struct JsonBundles<'a>(&'a CompareReport<'a>);

impl Serialize for JsonBundles<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let catalog = self.0.catalog;
        serializer.collect_seq(
            self.0
                .comparison
                .bundles
                .iter()
                .map(|figures| JsonBundle::of(catalog, figures)),
        )
    }
}

#[derive(Serialize)]
struct JsonBundle<'a> {
    id: &'a str,
    name: &'a str,
    status: &'static str,
    price: Money,
    price_rule: Option<&'a str>,
    standalone_value: Money,
    savings: Money,
    savings_pct: Option<Percent>,
    personal_value: Option<Money>,
    personal_savings: Option<Money>,
    services: Vec<JsonService<'a>>,
    changes: Vec<&'a str>,
    as_of: Option<String>,
    source: Option<&'a str>,
}

impl<'a> JsonBundle<'a> {
    fn of(catalog: &'a Catalog, figures: &'a BundleFigures) -> Self {
        let bundle = &catalog.bundles[figures.bundle];
        JsonBundle {
            changes: change_ids(&bundle.changes),
            as_of: bundle.seen.as_of_text(),
            source: bundle.seen.source(),
            id: &bundle.id,
            name: &bundle.name,
            status: bundle.status.name(),
            price: figures.price,
            price_rule: figures.price_rule.as_deref(),
            standalone_value: figures.standalone_value,
            savings: figures.savings,
            savings_pct: figures.savings_pct,
            personal_value: figures.personal.map(|p| p.value),
            personal_savings: figures.personal.map(|p| p.savings),
            services: figures
                .services
                .iter()
                .map(|s| {
                    let service = &catalog.services[s.service];
                    let seen = service_seen(service);
                    JsonService {
                        changes: change_ids(&service.changes),
                        as_of: seen.as_of_text(),
                        source: seen.source(),
                        id: &service.id,
                        name: &service.name,
                        group: s.group.as_deref(),
                        standalone_price: s.standalone_price,
                        price_label: s.price_label.as_deref(),
                        effective_cost: s.effective_cost,
                        wanted: s.wanted,
                        personal_cost: s.personal_cost,
                    }
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct JsonService<'a> {
    id: &'a str,
    name: &'a str,
    group: Option<&'a str>,
    standalone_price: Money,
    price_label: Option<&'a str>,
    effective_cost: Money,
    wanted: Option<bool>,
    personal_cost: Option<Money>,
    changes: Vec<&'a str>,
    /// Those of the way to buy it that gave `standalone_price`.
    as_of: Option<String>,
    source: Option<&'a str>,
}

/// The ids of the changes an offer remembers.
fn change_ids(marks: &[ChangeMark]) -> Vec<&str> {
    marks.iter().map(|m| m.id.as_str()).collect()
}

const SUMMARY_HEADINGS: [&str; 9] = [
    "id",
    "name",
    "price",
    "standalone_value",
    "savings",
    "savings_pct",
    "personal_value",
    "personal_savings",
    "status",
];

/// One row of the CSV and Markdown summaries.
fn summary_row(catalog: &Catalog, figures: &BundleFigures) -> Vec<Option<String>> {
    let bundle = &catalog.bundles[figures.bundle];
    vec![
        Some(bundle.id.clone()),
        Some(bundle.name.clone()),
        Some(figures.price.to_string()),
        Some(figures.standalone_value.to_string()),
        Some(figures.savings.to_string()),
        figures.savings_pct.map(|p| p.to_string()),
        figures.personal.map(|p| p.value.to_string()),
        figures.personal.map(|p| p.savings.to_string()),
        Some(bundle.status.name().to_string()),
    ]
}

fn csv(report: &CompareReport<'_>) -> String {
    let heading: Vec<Option<String>> = SUMMARY_HEADINGS
        .iter()
        .chain(&["changes", "currency", "per"])
        .map(|h| Some(h.to_string()))
        .collect();
    let mut out = csv_line(&heading);
    for figures in &report.comparison.bundles {
        let mut row = summary_row(report.catalog, figures);
        row.push(Some(changes_cell(report.catalog, figures.bundle)));
        row.extend(measured_in(report.catalog, report.basis));
        out += &csv_line(&row);
    }
    out
}

/// The last two cells of every CSV row (docs/reference/output.md, "The comparison as JSON", docs/reference/plan.md): the currency and the
/// period the amounts are per, so a row read alone says what it measures.
pub fn measured_in(catalog: &Catalog, basis: Period) -> [Option<String>; 2] {
    [
        Some(catalog.currency.clone()),
        Some(basis.name().to_string()),
    ]
}

/// The line above a Markdown table (docs/reference/output.md, "The comparison as JSON"): the currency and the period its
/// amounts are in, then a blank line.
pub fn markdown_caption(catalog: &Catalog, basis: Period) -> String {
    tr!(
        "md.caption",
        currency = printable(&catalog.currency),
        per = crate::words::per(basis)
    ) + "\n\n"
}

/// The ids of the changes applied to a bundle, joined by `;` (docs/reference/file-format.md, "What-if changes"): CSV keeps
/// `name` as written and says the changes here.
fn changes_cell(catalog: &Catalog, bundle: usize) -> String {
    let marks = &catalog.bundles[bundle].changes;
    marks
        .iter()
        .map(|m| m.id.as_str())
        .collect::<Vec<_>>()
        .join(";")
}

fn markdown(report: &CompareReport<'_>) -> String {
    let rows: Vec<_> = report
        .comparison
        .bundles
        .iter()
        .map(|figures| {
            // For people, a changed bundle is named with its changes.
            let mut row = summary_row(report.catalog, figures);
            row[1] = Some(crate::words::changed_name(
                &report.catalog.bundles[figures.bundle],
            ));
            row
        })
        .collect();
    let right = [false, false, true, true, true, true, true, true, false];
    // Markdown is for people: its headings are words; CSV keeps the field names.
    let headings: Vec<String> = SUMMARY_HEADINGS
        .iter()
        .map(|field| tr!(&format!("md.{field}")))
        .collect();
    let headings: Vec<&str> = headings.iter().map(String::as_str).collect();
    let mut out = markdown_caption(report.catalog, report.basis);
    out += &markdown_table(&headings, &right, &rows);
    out += &markdown_notes(&crate::words::notes(
        report.catalog,
        &report.comparison.notes,
    ));
    out
}

/// Notes under a Markdown table, each a paragraph of its own: tiers whose fact is
/// not set, benefits worth nothing, prices seen more than a year ago.
pub fn markdown_notes(notes: &[String]) -> String {
    notes
        .iter()
        .map(|note| format!("\n{}\n", tr!("report.note", note = printable(note))))
        .collect()
}

/// `¥88.00`, or `-¥800.00` for a negative amount; digits grouped by thousands from
/// 10,000 on (`¥12,345.00`), for people. JSON and CSV write plain numbers.
pub fn money_text(symbol: &str, amount: Money) -> String {
    let sign = if amount.is_negative() { "-" } else { "" };
    let digits = (-amount).max(amount).to_string();
    format!("{sign}{symbol}{}", group_thousands(&digits))
}

/// `12345.00` as `12,345.00`; numbers under 10,000 stay as they are (`1234.00`).
fn group_thousands(number: &str) -> String {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.len() < 5 {
        return number.to_string();
    }
    let mut grouped = group_digits(whole);
    if !fraction.is_empty() {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    grouped
}

/// `+¥512.00` or `-¥800.00`: gains and losses readable without colour.
pub fn signed_money_text(symbol: &str, amount: Money) -> String {
    if amount > Money::ZERO {
        format!("+{}", money_text(symbol, amount))
    } else {
        money_text(symbol, amount)
    }
}

/// `+85.33%`, `-900.00%`, or `—` when there is no percentage.
pub fn percent_text(percent: Option<Percent>) -> String {
    match percent {
        Some(p) if p.hundredths() > 0 => format!("+{p}%"),
        Some(p) => format!("{p}%"),
        None => "—".to_string(),
    }
}

/// Green for a gain, red for a loss.
pub fn tone_of(amount: Money) -> Tone {
    match amount.fen() {
        0 => Tone::Plain,
        fen if fen > 0 => Tone::Gain,
        _ => Tone::Loss,
    }
}

fn table(report: &CompareReport<'_>, painter: Painter) -> String {
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
        for note in crate::words::notes(catalog, &report.comparison.notes) {
            out += &painter.paint(&tr!("report.note", note = printable(&note)), Tone::Faint);
            out.push('\n');
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_from_ten_thousand_are_grouped_by_thousands() {
        let money = |fen| money_text("¥", Money::from_fen(fen));
        assert_eq!(money(123_456), "¥1234.56");
        assert_eq!(money(999_999), "¥9999.99");
        assert_eq!(money(1_000_000), "¥10,000.00");
        assert_eq!(money(1_234_500), "¥12,345.00");
        assert_eq!(money(-123_456_789), "-¥1,234,567.89");
        assert_eq!(money(100_000_000_000_000), "¥1,000,000,000,000.00");
        assert_eq!(
            signed_money_text("¥", Money::from_fen(160_000)),
            "+¥1600.00"
        );
        assert_eq!(
            signed_money_text("¥", Money::from_fen(1_600_000)),
            "+¥16,000.00"
        );
    }
}
