//! The `--plan` report in its four formats.

use serde::Serialize;

use super::Format;
use super::compare::{
    markdown_caption, markdown_notes, measured_in, money_text, signed_money_text, tone_of,
};
use super::delimited::{csv_line, markdown_table};
use super::paint::{Painter, Tone};
use super::purchase::{purchase_name, way_label};
use super::shares::{member_name, share_notes, split_words};
use super::table::{Cell, TextTable};
use super::what_if::what_if_sentence;
use crate::i18n::{Lang, in_language};
use crate::text::{Align, printable};
use crate::tr;
use bundlecalc_core::model::Member;
use bundlecalc_core::model::{Catalog, ServiceIx, Status};
use bundlecalc_core::period::Period;
use bundlecalc_core::plan::types::{
    IfRumoured, OfferKind, PersonShare, Plan, RumouredPlan, Unproven,
};
use bundlecalc_core::what_if::entries::{WhatIf, WhatIfPlan};

/// What a plan report shows.
pub struct PlanReport<'a> {
    /// The catalogue the plan was made on, with the changes applied.
    pub catalog: &'a Catalog,
    pub basis: Period,
    pub plan: &'a Plan,
    /// The plan's what-ifs (`what_if::what_ifs`); `None` when the file has no changes.
    pub what_ifs: Option<&'a [WhatIf]>,
}

pub fn render_plan(report: &PlanReport<'_>, format: Format, painter: Painter) -> String {
    match format {
        Format::Json => json(report),
        Format::Csv => csv(report),
        // Text for people: written from the catalogue with control characters escaped.
        Format::Table | Format::Markdown => {
            let catalog = crate::text::for_people(report.catalog);
            let shown = PlanReport {
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

#[derive(Serialize)]
struct JsonPlan<'a> {
    currency: &'a str,
    basis: &'static str,
    wants: Vec<&'a str>,
    offers: Vec<JsonOffer<'a>>,
    total: String,
    standalone_total: Option<String>,
    savings: Option<String>,
    /// Whether every search of the answer proved its optimum and tie order.
    proven: bool,
    /// The main plan's proven lower bound: `total` when proven.
    bound: String,
    /// Households only (docs/reference/plan.md): each person's share, in person order.
    #[serde(skip_serializing_if = "Option::is_none")]
    people: Option<Vec<JsonPerson<'a>>>,
    /// Households only: the rule that shared the total.
    #[serde(skip_serializing_if = "Option::is_none")]
    split: Option<&'static str>,
    extras: Vec<&'a str>,
    include: Vec<&'static str>,
    /// Absent when rumoured offers were included; null when they would not help.
    #[serde(skip_serializing_if = "Option::is_none")]
    if_rumoured: Option<Option<JsonIfRumoured<'a>>>,
    /// The ids of the changes applied, in file order.
    changes: Vec<&'a str>,
    /// Absent when the file has no changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    what_if: Option<Vec<JsonWhatIf<'a>>>,
    /// In English, as every JSON note: the plan's, its shares', then what is
    /// not proven.
    notes: Vec<String>,
}

/// Whether every search of the report was proven: the plan's (with its people
/// and rumours) and each what-if's.
fn all_proven(plan: &Plan, what_ifs: Option<&[WhatIf]>) -> bool {
    plan.proven
        && what_ifs
            .unwrap_or_default()
            .iter()
            .all(|entry| entry.plan.is_proven())
}

/// "Not proven the cheapest: no plan costs less than ¥BOUND.", when a search of
/// the answer ran out of time.
pub fn not_proven_sentence(
    plan: &Plan,
    what_ifs: Option<&[WhatIf]>,
    symbol: &str,
) -> Option<String> {
    (!all_proven(plan, what_ifs))
        .then(|| tr!("plan.not_proven", bound = money_text(symbol, plan.bound)))
}

/// A sentence for each search that the time limit stopped before its proof, in
/// the language in use.
pub fn unproven_notes(catalog: &Catalog, plan: &Plan, what_ifs: Option<&[WhatIf]>) -> Vec<String> {
    let mut notes: Vec<String> = plan
        .unproven
        .iter()
        .map(|part| match part {
            Unproven::Plan => tr!("plan.unproven.plan"),
            Unproven::Alone(member) => {
                tr!(
                    "plan.unproven.alone",
                    person = member_name(catalog, *member)
                )
            }
            Unproven::IfRumoured => tr!("plan.unproven.if_rumoured"),
            Unproven::Shares => tr!("plan.unproven.shares"),
        })
        .collect();
    for entry in what_ifs.unwrap_or_default() {
        if !entry.plan.is_proven() {
            let names: Vec<&str> = entry
                .changes
                .iter()
                .map(|&c| catalog.changes[c].name.as_str())
                .collect();
            let changes = names.join(&tr!("whatif.and"));
            notes.push(tr!("plan.unproven.what_if", changes = changes));
        }
    }
    notes
}

/// One what-if: its changes' ids, and the plan with them (nulls when the wants
/// could not be covered then).
#[derive(Serialize)]
struct JsonWhatIf<'a> {
    changes: Vec<&'a str>,
    offers: Option<Vec<&'a str>>,
    total: Option<String>,
    saves: Option<String>,
}

impl<'a> JsonWhatIf<'a> {
    fn of(catalog: &'a Catalog, entry: &'a WhatIf) -> Self {
        let plan = match &entry.plan {
            WhatIfPlan::Plan {
                ids, total, saves, ..
            } => Some((ids, total, saves)),
            _ => None,
        };
        JsonWhatIf {
            changes: entry
                .changes
                .iter()
                .map(|&c| catalog.changes[c].id.as_str())
                .collect(),
            offers: plan.map(|(ids, ..)| ids.iter().map(String::as_str).collect()),
            total: plan.map(|(_, total, _)| total.to_string()),
            saves: plan.map(|(.., saves)| saves.to_string()),
        }
    }
}

#[derive(Serialize)]
struct JsonIfRumoured<'a> {
    offers: Vec<&'a str>,
    total: String,
    saves: String,
}

#[derive(Serialize)]
struct JsonOffer<'a> {
    id: &'a str,
    kind: &'static str,
    price: String,
    /// Service offers only: the label of the way to buy it (null if unlabelled).
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<Option<&'a str>>,
    covers: Vec<&'a str>,
    /// Households only: who uses each covered service from this purchase.
    #[serde(skip_serializing_if = "Option::is_none")]
    used_by: Option<UsedBy<'a>>,
}

/// `{"tencent_video": ["me", "mum"]}`: services in `covers` order, people in
/// person order.
struct UsedBy<'a>(Vec<(&'a str, Vec<&'a str>)>);

impl Serialize for UsedBy<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (service, people) in &self.0 {
            map.serialize_entry(service, people)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct JsonPerson<'a> {
    id: &'a str,
    /// `me` for the user, else the person's name as written.
    name: &'a str,
    wants: Vec<&'a str>,
    pays: String,
    alone: String,
    saves: String,
}

fn json_person<'a>(catalog: &'a Catalog, share: &PersonShare) -> JsonPerson<'a> {
    JsonPerson {
        id: share.member.id(catalog),
        name: share
            .member
            .name(catalog)
            .unwrap_or(bundlecalc_core::model::ME),
        wants: ids(catalog, &share.wants),
        pays: share.pays.to_string(),
        alone: share.alone.to_string(),
        saves: share.saves.to_string(),
    }
}

/// "Tencent Video: me, Mum; QQ Music: me": who uses what from one purchase.
fn used_by_text(
    catalog: &Catalog,
    covers: &[ServiceIx],
    used_by: &[Vec<Member>],
    names: bool,
) -> String {
    covers
        .iter()
        .zip(used_by)
        .map(|(service, people)| {
            let who: Vec<String> = people
                .iter()
                .map(|m| {
                    if names {
                        member_name(catalog, *m)
                    } else {
                        m.id(catalog).to_string()
                    }
                })
                .collect();
            let service = &catalog.services[*service];
            let service = if names { &service.name } else { &service.id };
            tr!("plan.used_by", service = service, people = who.join(", "))
        })
        .collect::<Vec<_>>()
        .join(&tr!("plan.used_by_between"))
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

fn json(report: &PlanReport<'_>) -> String {
    let (catalog, plan) = (report.catalog, report.plan);
    let document = JsonPlan {
        currency: &catalog.currency,
        basis: report.basis.name(),
        wants: ids(catalog, &plan.wants),
        offers: plan
            .offers
            .iter()
            .map(|offer| JsonOffer {
                id: &offer.id,
                kind: kind_name(offer.kind),
                price: offer.price.to_string(),
                label: match offer.kind {
                    OfferKind::Service(_) => Some(offer.label.as_deref()),
                    OfferKind::Bundle(_) => None,
                },
                covers: ids(catalog, &offer.covers),
                used_by: plan.people.as_ref().map(|_| {
                    UsedBy(
                        offer
                            .covers
                            .iter()
                            .zip(&offer.used_by)
                            .map(|(s, people)| {
                                let people = people.iter().map(|m| m.id(catalog)).collect();
                                (catalog.services[*s].id.as_str(), people)
                            })
                            .collect(),
                    )
                }),
            })
            .collect(),
        total: plan.total.to_string(),
        standalone_total: plan.standalone_total.map(|m| m.to_string()),
        savings: plan.savings.map(|m| m.to_string()),
        proven: all_proven(plan, report.what_ifs),
        bound: plan.bound.to_string(),
        people: plan
            .people
            .as_ref()
            .map(|people| people.iter().map(|p| json_person(catalog, p)).collect()),
        split: plan.split.as_ref().map(|sharing| sharing.rule.name()),
        extras: ids(catalog, &plan.extras),
        include: plan.include.iter().map(|s| s.name()).collect(),
        if_rumoured: match &plan.if_rumoured {
            IfRumoured::Included => None,
            IfRumoured::NoCheaper => Some(None),
            IfRumoured::Cheaper(other) => Some(Some(JsonIfRumoured {
                offers: other.ids.iter().map(String::as_str).collect(),
                total: other.total.to_string(),
                saves: other.saves.to_string(),
            })),
        },
        changes: catalog
            .applied
            .iter()
            .map(|&c| catalog.changes[c].id.as_str())
            .collect(),
        what_if: report.what_ifs.map(|entries| {
            entries
                .iter()
                .map(|entry| JsonWhatIf::of(catalog, entry))
                .collect()
        }),
        notes: in_language(Lang::En, || {
            let mut notes = all_notes(catalog, plan, "");
            notes.extend(unproven_notes(catalog, plan, report.what_ifs));
            notes
        }),
    };
    serde_json::to_string_pretty(&document).expect("plain data always serializes") + "\n"
}

/// One row per offer: `id,kind,price,covers`, the covered ids separated by `;`.
fn offer_rows(report: &PlanReport<'_>) -> Vec<Vec<Option<String>>> {
    report
        .plan
        .offers
        .iter()
        .map(|offer| {
            vec![
                Some(offer.id.clone()),
                Some(kind_name(offer.kind).to_string()),
                Some(offer.price.to_string()),
                Some(ids(report.catalog, &offer.covers).join(";")),
            ]
        })
        .collect()
}

const HEADINGS: [&str; 4] = ["id", "kind", "price", "covers"];

fn csv(report: &PlanReport<'_>) -> String {
    if let Some(people) = &report.plan.people {
        return household_csv(report, people);
    }
    let heading: Vec<Option<String>> = HEADINGS
        .iter()
        .chain(&["currency", "per"])
        .map(|h| Some(h.to_string()))
        .collect();
    let mut out = csv_line(&heading);
    for mut row in offer_rows(report) {
        row.extend(measured_in(report.catalog, report.basis));
        out += &csv_line(&row);
    }
    out
}

/// A household plan's CSV (docs/reference/plan.md): one row per purchase, service and person
/// who uses it, then, after an empty line, one row per person with pays, alone
/// and saves; every row ends with the currency and the period.
fn household_csv(report: &PlanReport<'_>, people: &[PersonShare]) -> String {
    let catalog = report.catalog;
    let tail = [
        Some(catalog.currency.clone()),
        Some(report.basis.name().to_string()),
    ];
    let line = |fields: Vec<Option<String>>| {
        let mut fields = fields;
        fields.extend(tail.iter().cloned());
        csv_line(&fields)
    };
    let text = |fields: &[&str]| -> Vec<Option<String>> {
        fields.iter().map(|f| Some(f.to_string())).collect()
    };
    let mut out = csv_line(&text(&[
        "purchase", "id", "kind", "price", "service", "person", "currency", "per",
    ]));
    for (at, offer) in report.plan.offers.iter().enumerate() {
        for (service, users) in offer.covers.iter().zip(&offer.used_by) {
            for user in users {
                out += &line(vec![
                    Some(at.to_string()),
                    Some(offer.id.clone()),
                    Some(kind_name(offer.kind).to_string()),
                    Some(offer.price.to_string()),
                    Some(catalog.services[*service].id.clone()),
                    Some(user.id(catalog).to_string()),
                ]);
            }
        }
    }
    out += "\r\n";
    out += &csv_line(&text(&[
        "person", "pays", "alone", "saves", "currency", "per",
    ]));
    for share in people {
        out += &line(vec![
            Some(share.member.id(catalog).to_string()),
            Some(share.pays.to_string()),
            Some(share.alone.to_string()),
            Some(share.saves.to_string()),
        ]);
    }
    out
}

/// The plan's notes, then those on its shares.
fn all_notes(catalog: &Catalog, plan: &Plan, symbol: &str) -> Vec<String> {
    let mut notes = crate::words::notes(catalog, &plan.notes);
    notes.extend(share_notes(catalog, plan, symbol));
    notes
}

/// The plan's answer to "what if the rumours come true?", in a sentence: "If
/// 88VIP + QQ Music (rumoured) launches: ¥224.00, ¥100.00 less". `None` when
/// rumoured offers were part of the plan already, and when the file marks no
/// offer rumoured (there is nothing to say about them then).
pub fn if_rumoured_sentence(catalog: &Catalog, plan: &Plan, symbol: &str) -> Option<String> {
    match &plan.if_rumoured {
        IfRumoured::Included => None,
        IfRumoured::NoCheaper if !catalog.has_rumoured() => None,
        IfRumoured::NoCheaper => Some(tr!("plan.rumours_no_cheaper")),
        IfRumoured::Cheaper(other) => Some(rumoured_plan_sentence(catalog, other, symbol)),
    }
}

fn rumoured_plan_sentence(catalog: &Catalog, other: &RumouredPlan, symbol: &str) -> String {
    let mut rumoured: Vec<String> = other
        .offers
        .iter()
        .filter(|kind| kind.status(catalog) == Status::Rumoured)
        .map(|&kind| purchase_name(catalog, kind, way_label(catalog, kind)))
        .collect();
    // A household may buy one offer twice: it is named once.
    rumoured.dedup();
    let key = if rumoured.len() == 1 {
        "plan.if_rumoured_one"
    } else {
        "plan.if_rumoured_many"
    };
    tr!(
        key,
        offers = rumoured.join(&tr!("plan.and")),
        total = money_text(symbol, other.total),
        saves = money_text(symbol, other.saves)
    )
}

fn markdown(report: &PlanReport<'_>) -> String {
    let plan = report.plan;
    let headings: Vec<String> = HEADINGS
        .iter()
        .map(|field| tr!(&format!("md.plan_{field}")))
        .collect();
    let headings: Vec<&str> = headings.iter().map(String::as_str).collect();
    let mut out = markdown_caption(report.catalog, report.basis);
    out += &match &plan.people {
        None => markdown_table(&headings, &[false, false, true, false], &offer_rows(report)),
        Some(_) => {
            let mut headings = headings;
            let used_by = tr!("md.plan_used_by");
            headings.push(&used_by);
            let rows: Vec<Vec<Option<String>>> = offer_rows(report)
                .into_iter()
                .zip(&plan.offers)
                .map(|(mut row, offer)| {
                    row.push(Some(used_by_text(
                        report.catalog,
                        &offer.covers,
                        &offer.used_by,
                        true,
                    )));
                    row
                })
                .collect();
            markdown_table(&headings, &[false, false, true, false, false], &rows)
        }
    };
    out += "\n";
    out += &tr!("plan.md_total", total = plan.total);
    if let (Some(standalone), Some(savings)) = (plan.standalone_total, plan.savings) {
        out += &tr!("plan.md_alone", alone = standalone, savings = savings);
    }
    out.push('\n');
    if let Some(sentence) = not_proven_sentence(plan, report.what_ifs, "") {
        out += &format!("\n{sentence}\n");
    }
    if !plan.extras.is_empty() {
        let services = ids(report.catalog, &plan.extras).join(", ");
        out += &format!("\n{}\n", tr!("plan.md_extras", services = services));
    }
    if let Some(sentence) = if_rumoured_sentence(report.catalog, plan, "") {
        out += &format!("\n{sentence}\n");
    }
    if let Some(entries) = report.what_ifs.filter(|e| !e.is_empty()) {
        out += &format!("\n**{}**\n\n", tr!("whatif.heading"));
        for entry in entries {
            out += &format!("- {}\n", what_if_sentence(report.catalog, entry, ""));
        }
    }
    if let Some(people) = &plan.people {
        out += "\n";
        let headings: Vec<String> = ["person", "wants", "pays", "alone", "saves"]
            .iter()
            .map(|field| tr!(&format!("md.person_{field}")))
            .collect();
        let headings: Vec<&str> = headings.iter().map(String::as_str).collect();
        let rows: Vec<Vec<Option<String>>> = people
            .iter()
            .map(|share| {
                vec![
                    Some(member_name(report.catalog, share.member)),
                    Some(ids(report.catalog, &share.wants).join(", ")),
                    Some(share.pays.to_string()),
                    Some(share.alone.to_string()),
                    Some(share.saves.to_string()),
                ]
            })
            .collect();
        out += &markdown_table(&headings, &[false, false, true, true, true], &rows);
    }
    if let Some(sharing) = &plan.split {
        out += &format!("\n{}\n", split_words(report.catalog, &sharing.rule));
    }
    let mut notes = all_notes(report.catalog, plan, "");
    notes.extend(unproven_notes(report.catalog, plan, report.what_ifs));
    out += &markdown_notes(&notes);
    out
}

fn table(report: &PlanReport<'_>, painter: Painter) -> String {
    let (catalog, plan) = (report.catalog, report.plan);
    let symbol = catalog.currency_symbol();
    let mut out = tr!(
        "plan.heading",
        services = catalog.service_names(&plan.wants),
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
                None => catalog.service_names(&offer.covers),
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
            services = catalog.service_names(&plan.extras)
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
    let unproven = unproven_notes(catalog, plan, report.what_ifs);
    for note in all_notes(catalog, plan, symbol).iter().chain(&unproven) {
        out += &painter.paint(&tr!("report.note", note = printable(note)), Tone::Faint);
        out.push('\n');
    }
    out
}

/// One row per person of a household plan: wants, pays, alone, saves (rule 6).
fn people_table(catalog: &Catalog, people: &[PersonShare], painter: Painter) -> String {
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
            Cell::plain(member_name(catalog, share.member)),
            Cell::plain(catalog.service_names(&share.wants)),
            Cell::plain(money_text(symbol, share.pays)),
            Cell::plain(money_text(symbol, share.alone)),
            Cell::toned(signed_money_text(symbol, share.saves), tone_of(share.saves)),
        ]);
    }
    rows.render("", painter)
}
