//! Each person's share of a household's plan or calendar (docs/reference/plan.md, "Who pays what"):
//! who they are, what they want, what they pay (or receive), what they would pay
//! alone and what they save, as a JSON object and as a table.

use serde::Serialize;

use super::ids::service_ids;
use super::money::{money_text, signed_money_text};
use super::paint::{Painter, tone_of};
use super::shares::member_name;
use super::table::{Cell, TextTable};
use crate::text::Align;
use crate::tr;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::people::ME;
use bundlecalc_core::money::Money;
use bundlecalc_core::plan::types::PersonShare;

/// One person of `people` in JSON, in person order.
#[derive(Serialize)]
pub struct JsonPerson<'a> {
    id: &'a str,
    /// `me` for the user, else the person's name as written.
    name: &'a str,
    wants: Vec<&'a str>,
    pays: String,
    alone: String,
    saves: String,
}

impl<'a> JsonPerson<'a> {
    pub fn of(catalog: &'a Catalog, share: &PersonShare) -> Self {
        JsonPerson {
            id: share.member.id(catalog),
            name: share.member.name(catalog).unwrap_or(ME),
            wants: service_ids(catalog, &share.wants),
            pays: share.pays.to_string(),
            alone: share.alone.to_string(),
            saves: share.saves.to_string(),
        }
    }
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
            Cell::plain(member_name(catalog, share.member)),
            Cell::plain(crate::words::service_names(catalog, &share.wants)),
            Cell::plain(pays_text(symbol, share.pays)),
            Cell::plain(money_text(symbol, share.alone)),
            Cell::toned(signed_money_text(symbol, share.saves), tone_of(share.saves)),
        ]);
    }
    rows.render("", painter)
}

/// What a person pays, or "receives ¥X" when their fair share is negative.
pub fn pays_text(symbol: &str, pays: Money) -> String {
    if pays.is_negative() {
        tr!("calendar.receives", amount = money_text(symbol, -pays))
    } else {
        money_text(symbol, pays)
    }
}
