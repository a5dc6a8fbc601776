//! The plan as a table (docs/reference/output.md, "The plan as a table"): the
//! heading, the offers, the total against buying one by one, the sentences,
//! each person's share and the rule, then the notes.

use super::PlanReport;
use super::sentences::{
    all_notes, if_rumoured_sentence, not_proven_sentence, unproven_notes, used_by_text,
};
use crate::report::ids::kind_name;
use crate::report::money::{money_text, signed_money_text};
use crate::report::notes::table_notes;
use crate::report::paint::{Painter, Tone, tone_of};
use crate::report::people::people_table;
use crate::report::purchase::purchase_name;
use crate::report::shares::split_words;
use crate::report::table::{Cell, TextTable};
use crate::report::what_if::what_if_sentence;
use crate::text::Align;
use crate::tr;

pub(super) fn table(report: &PlanReport<'_>, painter: Painter) -> String {
    let (catalog, plan) = (report.catalog, report.plan);
    let symbol = catalog.currency_symbol();
    let mut out = tr!(
        "plan.heading",
        services = crate::words::service_names(catalog, &plan.wants),
        currency = catalog.currency,
        per = crate::words::per(report.basis)
    ) + "\n\n";
    let used_for = match plan.people {
        Some(_) => tr!("column.used_by"),
        None => tr!("column.used_for"),
    };
    let mut offers = TextTable::new(&[
        (tr!("column.offer"), Align::Left),
        (tr!("column.kind"), Align::Left),
        (tr!("column.price"), Align::Right),
        (used_for, Align::Left),
    ]);
    for offer in &plan.offers {
        // A service offer names the way to buy it, as in "Tencent Video · annual card".
        let name = purchase_name(catalog, offer.kind, offer.label.as_deref());
        offers.push(vec![
            Cell::plain(name),
            Cell::plain(tr!(&format!("plan.kind.{}", kind_name(offer.kind)))),
            Cell::plain(money_text(symbol, offer.price)),
            Cell::plain(match plan.people {
                Some(_) => used_by_text(catalog, &offer.covers, &offer.used_by, true),
                None => crate::words::service_names(catalog, &offer.covers),
            }),
        ]);
    }
    out += &offers.render("", painter);
    out += "\n";
    out += &tr!("plan.total", total = money_text(symbol, plan.total));
    match (plan.standalone_total, plan.savings) {
        (Some(standalone), Some(savings)) => {
            out += &tr!("plan.alone", alone = money_text(symbol, standalone));
            out += &painter.paint(&signed_money_text(symbol, savings), tone_of(savings));
        }
        _ => out += &tr!("plan.no_alone"),
    }
    out.push('\n');
    if let Some(sentence) = not_proven_sentence(plan, report.what_ifs, symbol) {
        out += &painter.paint(&sentence, Tone::Loss);
        out.push('\n');
    }
    if !plan.extras.is_empty() {
        out += &tr!(
            "plan.extras",
            services = crate::words::service_names(catalog, &plan.extras)
        );
        out.push('\n');
    }
    if let Some(sentence) = if_rumoured_sentence(catalog, plan, symbol) {
        out += &sentence;
        out.push('\n');
    }
    let what_ifs = report.what_ifs.unwrap_or_default();
    if !what_ifs.is_empty() {
        out += &tr!("whatif.heading");
        out.push('\n');
    }
    for entry in what_ifs {
        out += &what_if_sentence(catalog, entry, symbol);
        out.push('\n');
    }
    if let Some(people) = &plan.people {
        out.push('\n');
        out += &people_table(catalog, people, painter);
    }
    if let Some(sharing) = &plan.split {
        out += &split_words(catalog, &sharing.rule);
        out.push('\n');
    }
    let mut notes = all_notes(catalog, plan, symbol);
    notes.extend(unproven_notes(catalog, plan, report.what_ifs));
    out += &table_notes(&notes, painter);
    out
}
