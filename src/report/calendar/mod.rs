//! The `--calendar` report in its four formats (docs/reference/calendar.md): the grid of months,
//! the purchases by letter, the totals, and who pays what.

use serde::Serialize;
use serde::ser::SerializeMap;

use super::Format;
use super::compare::{markdown_notes, money_text, signed_money_text, tone_of};
use super::delimited::{csv_line, markdown_table};
use super::paint::{Painter, Tone};
use super::purchase::purchase_name;
use super::shares::{member_name, split_words};
use super::table::{Cell as TableCell, TextTable};
use crate::i18n::{Lang, in_language};
use crate::text::{Align, display_width, pad, printable};
use crate::tr;
use bundlecalc_core::model::{Catalog, ServiceIx};
use bundlecalc_core::plan::calendar::months::YearMonth;
use bundlecalc_core::plan::calendar::{Calendar, Cell, Purchase};
use bundlecalc_core::plan::types::{OfferKind, PersonShare, Unproven};
use bundlecalc_core::seen::date_text;
use bundlecalc_core::split::Split;

/// What a calendar report shows.
pub struct CalendarReport<'a> {
    /// The catalogue the calendar was made on, with the changes applied.
    pub catalog: &'a Catalog,
    pub calendar: &'a Calendar,
}

pub fn render_calendar(report: &CalendarReport<'_>, format: Format, painter: Painter) -> String {
    match format {
        Format::Json => json(report),
        Format::Csv => csv(report),
        Format::Table | Format::Markdown => {
            let catalog = crate::text::for_people(report.catalog);
            let shown = CalendarReport {
                catalog: &catalog,
                ..*report
            };
            match format {
                Format::Table => table(&shown, painter),
                _ => markdown(&shown),
            }
        }
    }
}

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

/// Each note in the language in use.
pub fn calendar_notes(catalog: &Catalog, calendar: &Calendar) -> Vec<String> {
    let mut notes = crate::words::notes(catalog, &calendar.notes);
    if let (Some(sharing), Some(people)) = (&calendar.split, &calendar.people)
        && sharing.fair_too_many
    {
        notes.push(tr!(
            "split.fair_too_many",
            most = Split::FAIR_MOST,
            count = people.len()
        ));
    }
    for part in &calendar.unproven {
        notes.push(match part {
            Unproven::Alone(member) => tr!(
                "plan.unproven.alone",
                person = member_name(catalog, *member)
            ),
            Unproven::Shares => tr!("plan.unproven.shares"),
            _ => tr!("calendar.unproven"),
        });
    }
    notes
}

/// "2027-01 to 2027-12".
fn span_text(calendar: &Calendar) -> String {
    let horizon = calendar.horizon;
    tr!(
        "calendar.span",
        from = horizon.from,
        until = horizon.month(horizon.months - 1)
    )
}

fn kind_name(kind: OfferKind) -> &'static str {
    match kind {
        OfferKind::Bundle(_) => "bundle",
        OfferKind::Service(_) => "service",
    }
}

fn ids<'a>(catalog: &'a Catalog, services: &[ServiceIx]) -> Vec<&'a str> {
    services
        .iter()
        .map(|s| catalog.services[*s].id.as_str())
        .collect()
}

#[derive(Serialize)]
struct JsonCalendar<'a> {
    currency: &'a str,
    from: String,
    months: u32,
    wants: Vec<&'a str>,
    purchases: Vec<JsonPurchase<'a>>,
    coverage: Coverage<'a>,
    paid_by_month: Vec<String>,
    total: String,
    month_by_month: Option<String>,
    savings: Option<String>,
    proven: bool,
    bound: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    people: Option<Vec<JsonPerson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    split: Option<&'static str>,
    changes: Vec<&'a str>,
    include: Vec<&'static str>,
    notes: Vec<String>,
}

#[derive(Serialize)]
struct JsonPurchase<'a> {
    start: String,
    months: u32,
    until: String,
    offer: &'a str,
    kind: &'static str,
    way: usize,
    label: Option<&'a str>,
    first: bool,
    first_of: Option<&'a str>,
    price: String,
    covers: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonPerson<'a> {
    id: &'a str,
    name: &'a str,
    wants: Vec<&'a str>,
    pays: String,
    alone: String,
    saves: String,
}

/// The coverage of each wanted service, in wants order.
struct Coverage<'a>(Vec<(&'a str, Vec<serde_json::Value>)>);

impl Serialize for Coverage<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, cells) in &self.0 {
            map.serialize_entry(id, cells)?;
        }
        map.end()
    }
}

fn cell_json(cell: Option<&Cell>) -> serde_json::Value {
    use serde_json::Value;
    match cell {
        None => Value::Null,
        Some(cell) => Value::Array(
            cell.held
                .then(|| Value::from("held"))
                .into_iter()
                .chain(cell.purchases.iter().map(|&p| Value::from(p)))
                .collect(),
        ),
    }
}

fn json(report: &CalendarReport<'_>) -> String {
    let (catalog, calendar) = (report.catalog, report.calendar);
    let horizon = calendar.horizon;
    let document = JsonCalendar {
        currency: &catalog.currency,
        from: horizon.from.to_string(),
        months: horizon.months,
        wants: ids(catalog, &calendar.wants),
        purchases: calendar
            .purchases
            .iter()
            .map(|p| JsonPurchase {
                start: horizon.month(p.start).to_string(),
                months: p.months,
                until: date_text(p.until),
                offer: &p.id,
                kind: kind_name(p.kind),
                way: p.way,
                label: p.label.as_deref(),
                first: p.first,
                first_of: p.first_of.map(|m| m.id(catalog)),
                price: p.price.to_string(),
                covers: ids(catalog, &p.covers),
            })
            .collect(),
        coverage: Coverage(
            calendar
                .wants
                .iter()
                .zip(&calendar.coverage)
                .map(|(w, cells)| {
                    (
                        catalog.services[*w].id.as_str(),
                        cells.iter().map(|c| cell_json(c.as_ref())).collect(),
                    )
                })
                .collect(),
        ),
        paid_by_month: calendar
            .paid_by_month
            .iter()
            .map(|m| m.to_string())
            .collect(),
        total: calendar.total.to_string(),
        month_by_month: calendar.month_by_month.map(|m| m.to_string()),
        savings: calendar.savings.map(|m| m.to_string()),
        proven: calendar.proven,
        bound: calendar.bound.to_string(),
        people: calendar.people.as_ref().map(|people| {
            people
                .iter()
                .map(|share| JsonPerson {
                    id: share.member.id(catalog),
                    name: share
                        .member
                        .name(catalog)
                        .unwrap_or(bundlecalc_core::model::ME),
                    wants: ids(catalog, &share.wants),
                    pays: share.pays.to_string(),
                    alone: share.alone.to_string(),
                    saves: share.saves.to_string(),
                })
                .collect()
        }),
        split: calendar.split.as_ref().map(|s| s.rule.name()),
        changes: catalog
            .applied
            .iter()
            .map(|&c| catalog.changes[c].id.as_str())
            .collect(),
        include: calendar.include.iter().map(|s| s.name()).collect(),
        notes: in_language(Lang::En, || calendar_notes(catalog, calendar)),
    };
    serde_json::to_string_pretty(&document).expect("plain data always serializes") + "\n"
}

fn csv(report: &CalendarReport<'_>) -> String {
    let (catalog, calendar) = (report.catalog, report.calendar);
    let mut out =
        String::from("start,months,until,offer,kind,way,label,first,price,covers,currency\r\n");
    for p in &calendar.purchases {
        out += &csv_line(&[
            Some(calendar.horizon.month(p.start).to_string()),
            Some(p.months.to_string()),
            Some(date_text(p.until)),
            Some(p.id.clone()),
            Some(kind_name(p.kind).to_string()),
            Some(p.way.to_string()),
            p.label.clone(),
            Some(p.first.to_string()),
            Some(p.price.to_string()),
            Some(ids(catalog, &p.covers).join(";")),
            Some(catalog.currency.clone()),
        ]);
    }
    out
}

/// The grid's header: a line of years (where the year changes) and a line of
/// month names, each column `width` cells wide after a first column of `label`.
fn grid_lines(report: &CalendarReport<'_>) -> (Vec<String>, Vec<Vec<String>>) {
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

/// The purchase's name, with its way and first price: "Music · first price".
fn purchase_words(catalog: &Catalog, purchase: &Purchase) -> String {
    let mut name = purchase_name(catalog, purchase.kind, purchase.label.as_deref());
    if purchase.first {
        name += &match purchase.first_of {
            Some(member) => tr!("calendar.first_of", person = member_name(catalog, member)),
            None => tr!("calendar.first"),
        };
    }
    name
}

fn table(report: &CalendarReport<'_>, painter: Painter) -> String {
    let (catalog, calendar) = (report.catalog, report.calendar);
    let symbol = catalog.currency_symbol();
    let horizon = calendar.horizon;
    let mut out = tr!(
        "calendar.heading",
        services = catalog.service_names(&calendar.wants),
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
    let mut years = pad("", first_width, Align::Left) + " ";
    let mut names = pad("", first_width, Align::Left) + " ";
    for (m, name) in months.iter().enumerate() {
        let month = horizon.month(m as u32);
        let year = if m == 0 || month.number() == 1 {
            month.year.to_string()
        } else {
            String::new()
        };
        years += &pad(&year, width, Align::Left);
        names += &pad(name, width, Align::Left);
    }
    out += years.trim_end();
    out.push('\n');
    out += names.trim_end();
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
                TableCell::plain(letter(at)),
                TableCell::plain(horizon.month(p.start).to_string()),
                TableCell::plain(p.months.to_string()),
                TableCell::plain(date_text(p.until)),
                TableCell::plain(purchase_words(catalog, p)),
                TableCell::plain(money_text(symbol, p.price)),
            ]);
        }
        out += &purchases.render("", painter);
        out.push('\n');
    }
    out += &totals_line(catalog, calendar, painter);
    out.push('\n');
    if !calendar.proven {
        out += &painter.paint(
            &tr!(
                "plan.not_proven",
                bound = money_text(symbol, calendar.bound)
            ),
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
    for note in calendar_notes(catalog, calendar) {
        out += &painter.paint(&tr!("report.note", note = printable(&note)), Tone::Faint);
        out.push('\n');
    }
    out
}

/// "Total ¥152.00 · month by month ¥255.00 · saves ¥103.00".
pub fn totals_line(catalog: &Catalog, calendar: &Calendar, painter: Painter) -> String {
    let symbol = catalog.currency_symbol();
    let mut out = tr!("plan.total", total = money_text(symbol, calendar.total));
    match (calendar.month_by_month, calendar.savings) {
        (Some(monthly), Some(savings)) => {
            out += &tr!("calendar.monthly", monthly = money_text(symbol, monthly));
            out += &painter.paint(&signed_money_text(symbol, savings), tone_of(savings));
        }
        _ => out += &tr!("calendar.no_monthly"),
    }
    out
}

/// One row per person: wants, pays (or receives), alone, saves.
pub fn people_table(catalog: &Catalog, people: &[PersonShare], painter: Painter) -> String {
    let symbol = catalog.currency_symbol();
    let mut rows = TextTable::new(&[
        (tr!("column.person"), Align::Left),
        (tr!("column.wants"), Align::Left),
        (tr!("column.pays"), Align::Right),
        (tr!("column.alone"), Align::Right),
        (tr!("column.saves"), Align::Right),
    ]);
    for share in people {
        rows.push(vec![
            TableCell::plain(member_name(catalog, share.member)),
            TableCell::plain(catalog.service_names(&share.wants)),
            TableCell::plain(pays_text(symbol, share.pays)),
            TableCell::plain(money_text(symbol, share.alone)),
            TableCell::toned(signed_money_text(symbol, share.saves), tone_of(share.saves)),
        ]);
    }
    rows.render("", painter)
}

/// What a person pays, or "receives ¥X" when their fair share is negative.
pub fn pays_text(symbol: &str, pays: bundlecalc_core::money::Money) -> String {
    if pays.is_negative() {
        tr!("calendar.receives", amount = money_text(symbol, -pays))
    } else {
        money_text(symbol, pays)
    }
}

fn markdown(report: &CalendarReport<'_>) -> String {
    let (catalog, calendar) = (report.catalog, report.calendar);
    let horizon = calendar.horizon;
    let mut out = tr!(
        "calendar.heading",
        services = catalog.service_names(&calendar.wants),
        currency = printable(&catalog.currency),
        span = span_text(calendar)
    ) + "\n\n";
    let (months, rows) = grid_lines(report);
    let mut headings: Vec<String> = vec![tr!("calendar.column.service")];
    for (m, name) in months.iter().enumerate() {
        let month = horizon.month(m as u32);
        headings.push(if m == 0 || month.number() == 1 {
            format!("{name} {}", month.year)
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
    out += &markdown_notes(&calendar_notes(catalog, calendar));
    out
}
