//! What the command line asks on top of the file (docs/reference/command-line.md): `--per`, `--want`,
//! `--set`, `--include`, `--what-if`, `--people` and `--split`, each checked
//! against the file, with "did you mean" for an id it does not know. A view:
//! never saved.

use std::collections::BTreeMap;
use std::time::Duration;

use rust_decimal::Decimal;

use super::args::{Cli, IncludeArg, SortArg, SplitArg};
use crate::error::Error;
use crate::tr;
use bundlecalc_core::amount::parse_fact;
use bundlecalc_core::asked::Asked;
use bundlecalc_core::diagnostic::did_you_mean;
use bundlecalc_core::load::profile::is_fact_name;
use bundlecalc_core::load::resolve::spending_problem;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::offer::{Include, Offer};
use bundlecalc_core::plan::household::Household;
use bundlecalc_core::scenario::{Includes, Scenario};
use bundlecalc_core::split::Split;
use bundlecalc_core::stale::parse_date;

/// The scenario of `catalog` (the `file` as written, with the what-ifs
/// applied) with the command line's `--per`, `--want`, `--set` and
/// `--include` applied, refusing wants and facts the file does not know. A
/// fact is known when the file tests it, whatever the what-ifs applied: a
/// change that replaces a bundle's tiers does not make its old fact unknown.
pub(super) fn scenario(
    cli: &Cli,
    (file, catalog): (&Catalog, &Catalog),
    facts: BTreeMap<String, Decimal>,
) -> Result<Scenario, Error> {
    let tested = file.tested_facts();
    let unknown_name = facts.keys().find(|name| !tested.contains(*name)).cloned();
    // What the file would refuse, `--set` refuses too.
    let spending = facts
        .iter()
        .find_map(|(name, value)| spending_problem(&catalog.services, name, *value));
    let asked = asked_of(cli, facts);
    let (scenario, unknown_wants) = asked.scenario(catalog);
    if let Some(id) = unknown_wants.first() {
        return Err(unknown_want(catalog, id));
    }
    if let Some(name) = unknown_name {
        return Err(unknown_fact(file, &name));
    }
    if let Some(why) = spending {
        return Err(Error::usage(crate::words::message(&why)));
    }
    if cli.sort == SortArg::Personal && scenario.wants.is_none() {
        return Err(Error::usage(tr!("cli.personal_needs_wants")));
    }
    // Only `--split fair` asking for it is refused; the file's rule falls back.
    let people = Household::of(catalog, &scenario).members.len();
    if cli.split == Some(SplitArg::Fair) && people > Split::FAIR_MOST {
        return Err(Error::usage(tr!(
            "cli.fair_too_many",
            most = Split::FAIR_MOST,
            count = people
        )));
    }
    Ok(scenario)
}

/// What the command line asks on top of the file.
pub(super) fn asked_of(cli: &Cli, facts: BTreeMap<String, Decimal>) -> Asked {
    Asked {
        basis: cli.per.map(Into::into),
        wants: cli.want.clone(),
        facts,
        include: Includes {
            rumoured: cli.include.contains(&IncludeArg::Rumoured),
            ended: cli.include.contains(&IncludeArg::Ended),
        },
        split: cli.split.map(Into::into),
        ..Asked::default()
    }
}

/// Reads each `--set FACT=NUMBER`.
pub(super) fn parse_facts(settings: &[String]) -> Result<BTreeMap<String, Decimal>, Error> {
    let mut facts = BTreeMap::new();
    for setting in settings {
        let bad = |why: &str| Error::usage(tr!("cli.bad_set", setting = setting, why = why));
        let (name, number) = setting
            .split_once('=')
            .ok_or_else(|| bad(&tr!("cli.no_equals")))?;
        let name = name.trim();
        if !is_fact_name(name) {
            return Err(bad(&tr!("cli.fact_name")));
        }
        let value = parse_fact(number).map_err(|e| {
            bad(&tr!(
                "cli.the_value",
                why = crate::words::message(&e.message())
            ))
        })?;
        facts.insert(name.to_string(), value);
    }
    Ok(facts)
}

/// The file's catalogue with the changes `--what-if` names applied (docs/reference/file-format.md, "What-if changes"):
/// an unknown id, or changes that leave a bundle empty, are command-line problems.
pub(super) fn what_if_catalog(cli: &Cli, file: &Catalog) -> Result<Catalog, Error> {
    let Some(ids) = &cli.what_if else {
        return Ok(file.clone());
    };
    let applied = bundlecalc_core::what_if::apply::named(file, ids.iter().map(String::as_str))
        .map_err(|id| unknown_change(file, id))?;
    bundlecalc_core::what_if::apply::apply(file, &applied)
        .map_err(|why| Error::usage(crate::words::apply_error(file, &why)))
}

/// `--what-if` of an id that is no change: perhaps an offer's, perhaps a typo.
pub(super) fn unknown_change(file: &Catalog, id: &str) -> Error {
    let offer = match (file.bundle_ix(id), file.service_ix(id)) {
        (Some(bundle), _) => Some(Offer::Bundle(bundle)),
        (None, Some(service)) => Some(Offer::Service(service)),
        (None, None) => None,
    };
    let Some(offer) = offer else {
        return unknown_id("change", id, file.changes.iter().map(|c| c.id.as_str()));
    };
    let ids: Vec<&str> = file
        .changes
        .iter()
        .filter(|c| c.offer == offer)
        .map(|c| c.id.as_str())
        .collect();
    let help = if ids.is_empty() {
        tr!("cli.no_changes_of", id = id)
    } else {
        tr!("cli.changes_of", id = id, ids = crate::words::listed(ids))
    };
    Error::usage(tr!("cli.what_if_offer", id = id, help = help))
}

/// `--people`: keeps only the people named, in file order (`none` keeps none).
/// A view of the file, never saved.
pub(super) fn keep_people(cli: &Cli, catalog: &mut Catalog) -> Result<(), Error> {
    let Some(ids) = &cli.people else {
        return Ok(());
    };
    let ids: Vec<&str> = ids
        .iter()
        .map(|id| id.trim())
        .filter(|id| !id.is_empty())
        .collect();
    if ids == ["none"] {
        catalog.people.clear();
        return Ok(());
    }
    let mut kept = vec![false; catalog.people.len()];
    for id in ids {
        match catalog.person_ix(id) {
            Some(at) => kept[at] = true,
            // You are always in the plan, with the profile's wants.
            None if id == bundlecalc_core::model::people::ME => {
                return Err(Error::usage(tr!("cli.people_me")));
            }
            // `none` is a whole answer, not one of a list.
            None if id == "none" => return Err(Error::usage(tr!("cli.people_none_alone"))),
            None => {
                return Err(unknown_id(
                    "person",
                    id,
                    catalog.people.iter().map(|p| p.id.as_str()),
                ));
            }
        }
    }
    let mut at = 0;
    catalog.people.retain(|_| {
        at += 1;
        kept[at - 1]
    });
    Ok(())
}

/// `--want` of an id that is no service: perhaps a bundle, perhaps a typo.
pub(super) fn unknown_want(catalog: &Catalog, id: &str) -> Error {
    if let Some(bundle) = catalog.bundle_ix(id) {
        let ids: Vec<&str> = catalog.bundles[bundle]
            .includes
            .iter()
            .flat_map(Include::members)
            .map(|&s| catalog.services[s].id.as_str())
            .collect();
        return Error::usage(tr!(
            "cli.want_bundle",
            id = id,
            services = crate::words::listed(ids)
        ));
    }
    unknown_id(
        "service",
        id,
        catalog.services.iter().map(|s| s.id.as_str()),
    )
}

/// `--set` of a fact that nothing in the file tests.
pub(super) fn unknown_fact(catalog: &Catalog, name: &str) -> Error {
    let tested = catalog.tested_facts();
    let help = match did_you_mean(name, tested.iter().map(String::as_str)) {
        Some(suggestion) => crate::words::message(&suggestion),
        None if tested.is_empty() => tr!("cli.no_facts"),
        None => tr!("cli.facts_are", facts = crate::words::listed(&tested)),
    };
    Error::usage(tr!("cli.unknown_fact", name = name, help = help))
}

pub(super) fn unknown_id<'a>(kind: &str, id: &str, known: impl Iterator<Item = &'a str>) -> Error {
    let known: Vec<&str> = known.collect();
    let help = match did_you_mean(id, known.iter().copied()) {
        Some(suggestion) => crate::words::message(&suggestion),
        None if known.is_empty() => tr!(&format!("cli.no_{kind}s")),
        None => tr!(
            &format!("cli.{kind}s_are"),
            ids = crate::words::listed(known)
        ),
    };
    Error::usage(tr!(&format!("cli.unknown_{kind}"), id = id, help = help))
}

/// Whether an argument given where an id goes names a file of offers
/// (`bundles.toml`): then `--file` is what was meant.
pub(super) fn names_a_file(argument: &str) -> bool {
    argument.ends_with(".toml") || std::path::Path::new(argument).is_file()
}

/// `--today`, or the real date.
///
/// Errors: exit 2 when `--today` is not a date.
pub(super) fn today_of(cli: &Cli) -> Result<time::Date, Error> {
    match &cli.today {
        Some(text) => {
            parse_date(text).ok_or_else(|| Error::usage(tr!("cli.bad_today", value = text)))
        }
        None => Ok(bundlecalc_core::stale::today()),
    }
}

/// The calendar's months: `--from` (default the month of `--today`) and
/// `--months` (default 12), for `--calendar` and the screen's `C` alike
/// (docs/reference/calendar.md).
///
/// Errors: exit 2 when `--from` is not a month, or when the months asked
/// end after [`Horizon::LATEST`] (docs/reference/calendar.md, "The horizon").
pub(super) fn horizon_of(
    cli: &Cli,
    today: time::Date,
) -> Result<bundlecalc_core::plan::calendar::months::Horizon, Error> {
    use bundlecalc_core::plan::calendar::months::{Horizon, YearMonth};
    let mut horizon = Horizon::from_today(today);
    if let Some(text) = &cli.from {
        horizon.from = YearMonth::parse(text)
            .ok_or_else(|| Error::usage(tr!("cli.bad_from", value = text)))?;
    }
    if let Some(months) = cli.months {
        horizon.months = months;
    }
    if !horizon.fits() && cli.from.is_none() {
        // Today's months past 9998-12 (a `--today` far ahead): the last
        // horizon that fits, asked for by nobody's mistake.
        horizon = horizon.moved(0);
    }
    if !horizon.fits() {
        return Err(Error::usage(tr!(
            "cli.horizon_too_late",
            from = horizon.from,
            until = horizon.month(horizon.months - 1),
            latest = Horizon::LATEST
        )));
    }
    Ok(horizon)
}

/// `--time-limit`: a number of seconds (a decimal, at least 0.1), to the
/// microsecond; `None` when it is not one.
pub(super) fn parse_time_limit(text: &str) -> Option<Duration> {
    let text = text.trim();
    // `10`, `0.5`, or written with an exponent as the file's amounts may be: `1e3`.
    let seconds = match Decimal::from_str_exact(text).or_else(|_| Decimal::from_scientific(text)) {
        Ok(seconds) => seconds,
        // Beyond any decimal (`1e30`): a number all the same, and no limit.
        Err(_) if text.parse::<f64>().is_ok_and(|s| s.is_finite() && s >= 0.1) => {
            return Some(Duration::MAX);
        }
        Err(_) => return None,
    };
    if seconds < Decimal::new(1, 1) {
        return None;
    }
    // A limit past what a clock can count is no limit: the longest there is.
    let micros = seconds
        .checked_mul(Decimal::from(1_000_000))
        .and_then(|m| u64::try_from(m.trunc()).ok())
        .unwrap_or(u64::MAX);
    Some(Duration::from_micros(micros))
}
