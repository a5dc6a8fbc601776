//! The one place where what the core returns as data is worded, in the language
//! in use: its messages (a key and named facts, from `locales/*.toml`), the notes
//! on figures, the errors of plans, changes and edits, and the names of periods,
//! statuses and orders.

use crate::report::shares::member_name;
use bundlecalc_core::calc::sort::SortKey;
use bundlecalc_core::edit::EditError;
use bundlecalc_core::message::{Fact, Message};
use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::index::ServiceIx;
use bundlecalc_core::model::offer::{Bundle, ChangeMark, Service, Status};
use bundlecalc_core::note::Note;
use bundlecalc_core::period::Period;
use bundlecalc_core::plan::calendar::error::Uncoverable;
use bundlecalc_core::plan::types::{OfferKind, Unbuyable};
use bundlecalc_core::seen::date_text;
use bundlecalc_core::what_if::apply::ApplyError;

/// `message` in the language in use: the wording of its key, each `%{name}`
/// filled with its fact (a nested message worded in turn).
pub fn message(message: &Message) -> String {
    let wording = crate::tr!(message.key.as_ref());
    if message.facts.is_empty() {
        return wording;
    }
    let names: Vec<&str> = message.facts.iter().map(|(name, _)| *name).collect();
    let values: Vec<String> = message
        .facts
        .iter()
        .map(|(_, fact)| match fact {
            Fact::Text(text) => text.clone(),
            Fact::Message(inner) => self::message(inner),
        })
        .collect();
    rust_i18n::replace_patterns(&wording, &names, &values)
}

/// "year", "年": a period in words.
pub fn period_label(period: Period) -> String {
    crate::tr!(&format!("period.{}", period.name()))
}

/// "per year", "每年".
pub fn per(period: Period) -> String {
    crate::tr!("per", period = period_label(period))
}

/// An order of the bundles in words (`--sort`, `s`).
pub fn sort_label(sort: SortKey) -> String {
    crate::tr!(&format!("sort.{}", sort.name()))
}

/// What follows a name wherever an offer is named: nothing for an available
/// one, " (rumoured)" or " (ended)" otherwise.
pub fn status_tag(status: Status) -> String {
    match status {
        Status::Available => String::new(),
        Status::Rumoured => crate::tr!("tag.rumoured"),
        Status::Ended => crate::tr!("tag.ended"),
    }
}

/// " · if …" for each what-if change applied to an offer.
fn change_tag(changes: &[ChangeMark]) -> String {
    changes
        .iter()
        .map(|change| crate::tr!("tag.change", name = change.name))
        .collect()
}

/// A service's name with its status tag and its changes, as people see it:
/// "QQ Music (rumoured) · if …".
/// Items as a list in the language in use: "a, b, c" in English, "a、b、c" in
/// Chinese.
pub fn listed<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> String {
    let items: Vec<T> = items.into_iter().collect();
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    items.join(&crate::tr!("list.separator"))
}

/// The names of `services` (as the file writes them), as a list.
pub fn service_names(catalog: &Catalog, services: &[ServiceIx]) -> String {
    listed(services.iter().map(|&s| catalog.services[s].name.as_str()))
}

pub fn service_name(service: &Service) -> String {
    format!(
        "{}{}{}",
        service.name,
        status_tag(service.status),
        change_tag(&service.changes)
    )
}

/// A bundle's name with its status tag and its changes, as people see it:
/// "Taobao 88VIP · if QQ Music joins 88VIP".
pub fn bundle_name(bundle: &Bundle) -> String {
    format!(
        "{}{}{}",
        bundle.name,
        status_tag(bundle.status),
        change_tag(&bundle.changes)
    )
}

/// [`bundle_name`] cut to `width` cells, its status tag kept whole (a
/// rumoured or ended bundle is marked wherever it is named): the changes are
/// cut first, then the name.
pub fn bundle_name_within(bundle: &Bundle, width: usize) -> String {
    use crate::text::{display_width, truncate_to_width};
    let status = status_tag(bundle.status);
    let changes = change_tag(&bundle.changes);
    let named = display_width(&bundle.name) + display_width(&status);
    if named + display_width(&changes) <= width {
        format!("{}{status}{changes}", bundle.name)
    } else if named < width {
        format!(
            "{}{status}{}",
            bundle.name,
            truncate_to_width(&changes, width - named)
        )
    } else {
        let room = width.saturating_sub(display_width(&status)).max(1);
        format!("{}{status}", truncate_to_width(&bundle.name, room))
    }
}

/// A bundle's name with its changes but no status tag, where the status has a
/// column of its own.
pub fn changed_name(bundle: &Bundle) -> String {
    format!("{}{}", bundle.name, change_tag(&bundle.changes))
}

/// An offer's name as people see it, with its status tag.
pub fn offer_name(catalog: &Catalog, kind: OfferKind) -> String {
    match kind {
        OfferKind::Bundle(b) => bundle_name(&catalog.bundles[b]),
        OfferKind::Service(s) => service_name(&catalog.services[s]),
    }
}

/// A note on a comparison, a plan or a calendar, in a sentence. The names and ids
/// it holds are those the figures were made from.
pub fn note(catalog: &Catalog, note: &Note) -> String {
    match note {
        Note::TierFactUnset { fact, when, bundle } => {
            crate::tr!("note.tier_unset", fact = fact, when = when, bundle = bundle)
        }
        Note::BenefitFactUnset { fact, benefit } => {
            crate::tr!("note.benefit_unset", fact = fact, benefit = benefit)
        }
        Note::StalePrices(found) => {
            let prices: Vec<String> = found
                .iter()
                .map(|(name, date)| {
                    crate::tr!("note.stale_price", name = name, date = date_text(*date))
                })
                .collect();
            let prices = prices.join(&crate::tr!("note.stale_list"));
            crate::tr!("note.stale", prices = prices)
        }
        Note::WhenNotWanted { member, service } => crate::tr!(
            "calendar.note.when_not_wanted",
            service = catalog.services[*service].id,
            person = member_name(catalog, *member)
        ),
        Note::WayLeftOut {
            offer,
            way,
            label,
            period,
        } => {
            // The way as the file names it: its label, else where it is written.
            let named = match (way, label) {
                (_, Some(label)) => {
                    crate::tr!("calendar.note.way.labelled", offer = offer, label = label)
                }
                (0, None) => crate::tr!("calendar.note.way.main", offer = offer),
                (at, None) => crate::tr!("calendar.note.way.other", offer = offer, at = at),
            };
            crate::tr!(
                "calendar.note.way_left_out",
                way = named,
                period = per(*period)
            )
        }
        Note::NothingWanted => crate::tr!("calendar.note.nothing_wanted"),
        Note::ByUseFallsBack => crate::tr!("calendar.note.by_use"),
    }
}

/// Every note of a list, in order.
pub fn notes(catalog: &Catalog, notes: &[Note]) -> Vec<String> {
    notes.iter().map(|n| note(catalog, n)).collect()
}

/// Why changes cannot be applied together, naming the bundle and the changes by id.
pub fn apply_error(catalog: &Catalog, error: &ApplyError) -> String {
    match error {
        ApplyError::LeavesEmpty { bundle, changes } => {
            let ids: Vec<String> = changes
                .iter()
                .map(|&c| format!("`{}`", catalog.changes[c].id))
                .collect();
            crate::tr!(
                "change.leaves_empty",
                bundle = catalog.bundles[*bundle].id,
                changes = listed(ids)
            )
        }
    }
}

/// Why edits could not be written into the text.
pub fn edit_error(error: &EditError) -> String {
    match error {
        EditError::NotToml(why) => crate::tr!("err.not_toml", why = why),
        EditError::Missing(place) => crate::tr!("err.missing", place = place),
    }
}

/// Why a calendar cannot cover a want, in words: the plan's reason, or that
/// it is priced only per day or week.
pub fn uncoverable(why: &Uncoverable) -> String {
    match why {
        Uncoverable::Plan(why) => unbuyable(*why),
        Uncoverable::NotByTheMonth => crate::tr!("why.not_by_month"),
    }
}

/// Why no offer a plan may use covers a want, in words.
pub fn unbuyable(why: Unbuyable) -> String {
    match why {
        Unbuyable::Ended => crate::tr!("why.ended"),
        Unbuyable::OnlyRumoured => crate::tr!("why.rumoured"),
        Unbuyable::NoOffer | Unbuyable::OnlyInGroups => crate::tr!("why.none"),
        Unbuyable::NotSoldAlone => crate::tr!("why.not_alone"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, in_language};
    use bundlecalc_core::amount::NumberError;
    use bundlecalc_core::load::parse::{MAX_FILE_BYTES, file_too_large};
    use bundlecalc_core::load::parse_catalog;

    fn english(message: &Message) -> String {
        in_language(Lang::En, || self::message(message))
    }

    #[test]
    fn sizes_are_said_in_mebibytes_and_bytes() {
        assert_eq!(
            english(&file_too_large(MAX_FILE_BYTES as u64 + 1)),
            "the file is 8.01 MiB (8,388,609 bytes); bundles files over 8 MiB \
             (8,388,608 bytes) are refused"
        );
    }

    #[test]
    fn a_tiny_number_is_refused_for_its_decimal_places() {
        assert_eq!(
            english(&NumberError::TooManyDecimals.message()),
            "has more than 28 digits after the decimal point"
        );
    }

    #[test]
    fn the_loader_s_problems_are_worded_with_their_places_and_help() {
        let text = "[services.a]\nprice = -1\n[services.b]\nprise = 2\n";
        let problems = parse_catalog(text).unwrap_err();
        let messages: Vec<_> = problems.iter().map(|p| english(&p.message)).collect();
        assert_eq!(
            messages,
            [
                "`services.a.price` must not be negative",
                "service `b` has no `price`",
                "unknown key `prise` in service `b`"
            ]
        );
        let help = problems[2].help.as_deref().map(english);
        assert_eq!(help.as_deref(), Some("did you mean `price`?"));
        // A message inside a message is worded in the same language.
        let chinese = in_language(Lang::Zh, || self::message(&problems[2].message));
        assert!(!chinese.contains("service"), "{chinese}");
    }
}
