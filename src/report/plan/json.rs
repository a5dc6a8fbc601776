//! The plan as JSON (docs/reference/output.md, "The plan as JSON"; a household's,
//! docs/reference/output.md, "A household's plan as JSON").

use serde::Serialize;

use super::PlanReport;
use super::sentences::{all_notes, all_proven, unproven_notes};
use crate::i18n::{Lang, in_language};
use crate::report::ids::{change_ids, kind_name, service_ids};
use crate::report::people::JsonPerson;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::plan::types::{IfRumoured, OfferKind};
use bundlecalc_core::what_if::entries::{WhatIf, WhatIfPlan};

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
    /// Households only (docs/reference/plan.md, "Who pays what"): each person's share, in person order.
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
            changes: change_ids(catalog, &entry.changes),
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

pub(super) fn json(report: &PlanReport<'_>) -> String {
    let (catalog, plan) = (report.catalog, report.plan);
    let document = JsonPlan {
        currency: &catalog.currency,
        basis: report.basis.name(),
        wants: service_ids(catalog, &plan.wants),
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
                covers: service_ids(catalog, &offer.covers),
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
            .map(|people| people.iter().map(|p| JsonPerson::of(catalog, p)).collect()),
        split: plan.split.as_ref().map(|sharing| sharing.rule.name()),
        extras: service_ids(catalog, &plan.extras),
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
        changes: change_ids(catalog, &catalog.applied),
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
