//! The plan as Markdown (docs/reference/output.md, "The plan as Markdown"): the
//! caption, the offers (for a household, who uses what), the total, the
//! sentences, each person's share and the rule, then the notes.

use super::PlanReport;
use super::rows::{HEADINGS, offer_rows};
use super::sentences::{
    all_notes, if_rumoured_sentence, not_proven_sentence, unproven_notes, used_by_text,
};
use crate::report::delimited::markdown_table;
use crate::report::ids::service_ids;
use crate::report::measured::markdown_caption;
use crate::report::notes::markdown_notes;
use crate::report::shares::{member_name, split_words};
use crate::report::what_if::what_if_sentence;
use crate::tr;

pub(super) fn markdown(report: &PlanReport<'_>) -> String {
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
        let services = crate::words::listed(service_ids(report.catalog, &plan.extras));
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
                    Some(crate::words::listed(service_ids(
                        report.catalog,
                        &share.wants,
                    ))),
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
