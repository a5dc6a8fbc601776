//! What a calendar says besides its grid, in sentences (docs/reference/calendar.md, "Outputs"):
//! its span, each purchase named with its way and first price, the totals
//! against month by month, and its notes. The table, Markdown, JSON's notes and
//! the screen's window word them here.

use crate::report::money::{money_text, signed_money_text};
use crate::report::paint::{Painter, tone_of};
use crate::report::purchase::purchase_name;
use crate::report::shares::{member_name, share_notes};
use crate::tr;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::plan::calendar::{Calendar, Purchase};
use bundlecalc_core::plan::types::{OfferKind, Unproven};

/// Each note in the language in use, then those on the shares, money with
/// `symbol` (empty for JSON and Markdown).
pub fn calendar_notes(catalog: &Catalog, calendar: &Calendar, symbol: &str) -> Vec<String> {
    let mut notes = crate::words::notes(catalog, &calendar.notes);
    notes.extend(share_notes(
        catalog,
        calendar.split.as_ref(),
        calendar.people.as_deref(),
        symbol,
    ));
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
pub(super) fn span_text(calendar: &Calendar) -> String {
    let horizon = calendar.horizon;
    tr!(
        "calendar.span",
        from = horizon.from,
        until = horizon.month(horizon.months - 1)
    )
}

/// The purchase's name, with its way, the members of its groups it is used
/// for, and its first price: "Music · first price", "88VIP · for Youku".
pub(super) fn purchase_words(catalog: &Catalog, purchase: &Purchase) -> String {
    let mut name = purchase_name(catalog, purchase.kind, purchase.label.as_deref());
    name += &chosen_members_words(catalog, purchase);
    if purchase.first {
        name += &match purchase.first_of {
            Some(member) => tr!("calendar.first_of", person = member_name(catalog, member)),
            None => tr!("calendar.first"),
        };
    }
    name
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

/// " · for Youku": the wanted services a bundle's purchase gives as the
/// chosen member of a `one_of` group, so that two purchases of one bundle
/// at once, each choosing another member, read apart; empty otherwise.
pub fn chosen_members_words(catalog: &Catalog, purchase: &Purchase) -> String {
    let OfferKind::Bundle(b) = purchase.kind else {
        return String::new();
    };
    let bundle = &catalog.bundles[b];
    let chosen: Vec<usize> = purchase
        .covers
        .iter()
        .copied()
        .filter(|&s| bundle.group_of(s).is_some())
        .collect();
    if chosen.is_empty() {
        String::new()
    } else {
        tr!(
            "calendar.for_members",
            services = crate::words::service_names(catalog, &chosen)
        )
    }
}
