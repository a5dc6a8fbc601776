//! The plan's what-ifs in sentences (docs/reference/plan.md, "What-ifs in the plan"),
//! for the table, the markdown and the screen: "If QQ Music joins 88VIP: Taobao
//! 88VIP and JD PLUS + Tencent Video, ¥224.00, ¥188.00 less."

use super::money::money_text;
use super::purchase::{names_counted, purchase_name};
use crate::tr;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::index::ChangeIx;
use bundlecalc_core::what_if::entries::{WhatIf, WhatIfPlan};

/// One entry in a sentence. `catalog` is the one the plan was made on (offers are
/// named as there); `symbol` the currency's, or "" for plain amounts.
pub fn what_if_sentence(catalog: &Catalog, entry: &WhatIf, symbol: &str) -> String {
    let changes = changes_text(catalog, &entry.changes);
    match &entry.plan {
        WhatIfPlan::Plan {
            offers,
            labels,
            total,
            saves,
            ..
        } => {
            let offers: Vec<String> = offers
                .iter()
                .zip(labels)
                .map(|(&offer, label)| purchase_name(catalog, offer, label.as_deref()))
                .collect();
            let offers = names_counted(offers).join(&tr!("whatif.list"));
            let total = money_text(symbol, *total);
            if saves.is_negative() {
                let more = money_text(symbol, -*saves);
                tr!(
                    "whatif.dearer",
                    changes = changes,
                    offers = offers,
                    total = total,
                    more = more
                )
            } else if saves.fen() == 0 {
                tr!(
                    "whatif.same",
                    changes = changes,
                    offers = offers,
                    total = total
                )
            } else {
                let saves = money_text(symbol, *saves);
                tr!(
                    "whatif.cheaper",
                    changes = changes,
                    offers = offers,
                    total = total,
                    saves = saves
                )
            }
        }
        WhatIfPlan::Uncovered => tr!("whatif.uncovered", changes = changes),
        WhatIfPlan::Refused(why) => tr!(
            "whatif.refused",
            changes = changes,
            why = crate::words::apply_error(catalog, why)
        ),
    }
}

/// The changes' names, joined: "QQ Music joins 88VIP and TV by 88VIP points".
pub fn changes_text(catalog: &Catalog, changes: &[ChangeIx]) -> String {
    let names: Vec<&str> = changes
        .iter()
        .map(|&c| catalog.changes[c].name.as_str())
        .collect();
    names.join(&tr!("whatif.and"))
}
