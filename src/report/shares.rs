//! Who shares a household plan, and how, in words (docs/reference/arithmetic.md, "Rule 6: Household shares"): a person's
//! name, the rule's name and what it means, and the notes a household plan
//! carries about its shares (a person who pays more than alone, fair shares not
//! computed for so many people).

use super::money::money_text;
use crate::tr;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::people::Member;
use bundlecalc_core::plan::types::{PersonShare, Sharing};
use bundlecalc_core::split::Split;

/// The person as people read it: the name, or "me" in the output's language.
pub fn member_name(catalog: &Catalog, member: Member) -> String {
    member
        .name(catalog)
        .map_or_else(|| tr!("plan.me"), str::to_string)
}

/// The rule in a few words: "fair shares", "agreed shares".
pub fn split_name(rule: &Split) -> String {
    tr!(&format!("split.name.{}", rule.name()))
}

/// The rule and what it means, in a sentence: "Fair shares: each pays the extra
/// cost they bring, averaged over every order of joining."; agreed shares list
/// the weights of the people in the plan.
pub fn split_words(catalog: &Catalog, rule: &Split) -> String {
    match rule {
        Split::Weights(weights) => {
            let named: Vec<String> = weights
                .iter()
                .filter_map(|(id, weight)| {
                    let member = match catalog.person_ix(id) {
                        Some(at) => Member::Person(at),
                        None if id == bundlecalc_core::model::people::ME => Member::Me,
                        None => return None,
                    };
                    Some(format!("{} {weight}", member_name(catalog, member)))
                })
                .collect();
            tr!(
                "split.line.weights",
                weights = named.join(&tr!("list.separator"))
            )
        }
        _ => tr!(&format!("split.line.{}", rule.name())),
    }
}

/// The notes on a household plan's or calendar's shares (`sharing` and
/// `people`): fair shares not computed for so many people, then each person
/// who pays more than they would alone, in person order. Money with `symbol`
/// (empty for JSON and Markdown).
pub fn share_notes(
    catalog: &Catalog,
    sharing: Option<&Sharing>,
    people: Option<&[PersonShare]>,
    symbol: &str,
) -> Vec<String> {
    let mut notes: Vec<String> = fair_too_many_note(sharing, people).into_iter().collect();
    for share in people.into_iter().flatten() {
        if share.pays > share.alone {
            notes.push(tr!(
                "split.above_alone",
                person = member_name(catalog, share.member),
                pays = money_text(symbol, share.pays),
                more = money_text(symbol, share.pays - share.alone),
                alone = money_text(symbol, share.alone)
            ));
        }
    }
    notes
}

/// "Fair shares are computed for at most 10 people, and this household has N:
/// shared by equal savings instead", when a plan's or a calendar's are.
pub fn fair_too_many_note(
    sharing: Option<&Sharing>,
    people: Option<&[PersonShare]>,
) -> Option<String> {
    match (sharing, people) {
        (Some(sharing), Some(people)) if sharing.fair_too_many => Some(tr!(
            "split.fair_too_many",
            most = Split::FAIR_MOST,
            count = people.len()
        )),
        _ => None,
    }
}
