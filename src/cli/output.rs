//! What the headless modes print: the comparison, the plan (or why there is
//! none), and `--check --format json`; all through one buffered, pipe-friendly
//! writer.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use time::Date;

use super::args::{Cli, FormatArg};
use super::asked::{horizon_of, names_a_file, unknown_id};
use crate::diagnostic::Worded;
use crate::error::Error;
use crate::report::calendar::{CalendarReport, render_calendar};
use crate::report::compare::{CompareReport, write_compare};
use crate::report::paint::Painter;
use crate::report::plan::{PlanReport, render_plan};
use crate::source::{Origin, Source};
use crate::tr;
use bundlecalc_core::calc::compare;
use bundlecalc_core::calc::sort::{SortKey, sort_bundles_by};
use bundlecalc_core::model::Catalog;
use bundlecalc_core::plan::plan_within;
use bundlecalc_core::plan::problem::Budget;
use bundlecalc_core::plan::types::PlanError;
use bundlecalc_core::scenario::Scenario;
use bundlecalc_core::what_if::entries::what_ifs;

/// `--check --format json`: every problem as a JSON array, for editors and CI;
/// `[]` for a valid file. Exit 65 when there are problems, as for `--check`.
pub(super) fn check_for_machines(origin: &Origin, format: FormatArg) -> Result<ExitCode, Error> {
    if format != FormatArg::Json {
        return Err(Error::usage(tr!("cli.check_formats")));
    }
    let source = Source::from_origin(origin)?;
    // Machines read the same bytes in every language (an error reading the
    // file, on standard error, is still in the language asked).
    let loaded = crate::i18n::in_language(crate::i18n::Lang::En, || source.catalog());
    let problems = match loaded {
        Ok(_) => Vec::new(),
        Err(Error::Invalid {
            file,
            text,
            problems,
        }) => problems
            .iter()
            .map(|problem| JsonProblem::of(problem, &file, &text))
            .collect(),
        Err(other) => return Err(other),
    };
    emit(|out| {
        serde_json::to_writer_pretty(&mut *out, &problems)?;
        out.write_all(b"\n")
    })?;
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(65)
    })
}

/// One problem of `--check --format json`.
#[derive(serde::Serialize)]
struct JsonProblem {
    file: String,
    /// 1-based; null for a problem of the whole file.
    line: Option<usize>,
    /// 1-based, in characters; null with `line`.
    column: Option<usize>,
    message: String,
    help: Option<String>,
}

impl JsonProblem {
    fn of(problem: &Worded, file: &str, text: &str) -> JsonProblem {
        let place = problem.line_col(text);
        JsonProblem {
            file: file.to_string(),
            line: place.map(|(line, _)| line),
            column: place.map(|(_, column)| column),
            message: problem.message.clone(),
            help: problem.help.clone(),
        }
    }
}

/// The `--plan` report, or why there is no plan: the plan on `catalogues.1` (the
/// file's, `catalogues.0`, with `--what-if` applied), with its what-ifs.
pub(super) fn plan_output(
    cli: &Cli,
    (file, catalog): (&Catalog, &Catalog),
    source: &Source,
    scenario: &Scenario,
    (today, time_limit): (Date, Duration),
) -> Result<String, Error> {
    // The time limit counts from the first search, after the file is read.
    let budget = Budget::for_time(time_limit);
    let mut plan = plan_within(catalog, scenario, &budget)
        .map_err(|error| plan_error(catalog, source, error))?;
    let stale = bundlecalc_core::stale::plan_note(catalog, &plan, today);
    plan.notes.extend(stale);
    let what_ifs = what_ifs(file, &catalog.applied, scenario, plan.total, &budget);
    let report = PlanReport {
        catalog,
        basis: scenario.basis,
        plan: &plan,
        what_ifs: what_ifs.as_deref(),
    };
    Ok(render_plan(
        &report,
        cli.format.into(),
        Painter::for_stdout(),
    ))
}

/// No wants is a command-line problem (2); a want nothing sells is a file problem (65).
pub(super) fn plan_error(catalog: &Catalog, source: &Source, error: PlanError) -> Error {
    match error {
        PlanError::NoWants => Error::usage(tr!("cli.plan_no_wants")),
        PlanError::OnlyOneOf(unmet) => {
            let ids: Vec<String> = unmet
                .iter()
                .map(|u| format!("`{}`", catalog.services[u.service].id))
                .collect();
            Error::Invalid {
                file: source.name(),
                text: source.text.clone(),
                problems: vec![Worded::without_place(tr!(
                    "cli.only_one_of",
                    services = crate::words::listed(ids)
                ))],
            }
        }
        PlanError::Uncovered(unmet) => Error::Invalid {
            file: source.name(),
            text: source.text.clone(),
            problems: unmet
                .iter()
                .flat_map(|unmet| {
                    let service = &catalog.services[unmet.service];
                    let why = crate::words::unbuyable(unmet.why);
                    // A household's problem names each person who wants it.
                    let message = |person: Option<&str>| match person {
                        Some(person) => tr!(
                            "cli.uncovered_person",
                            person = person,
                            id = service.id,
                            why = why
                        ),
                        None => tr!("cli.uncovered", id = service.id, why = why),
                    };
                    let problems: Vec<Worded> = match &unmet.wanted_by {
                        Some(members) => members
                            .iter()
                            .map(|m| Worded::without_place(message(Some(m.id(catalog)))))
                            .collect(),
                        None => vec![Worded::without_place(message(None))],
                    };
                    problems
                })
                .collect(),
        },
    }
}

/// Writes the `--compare` report for the bundles named (all when none are).
pub(super) fn write_comparison(
    cli: &Cli,
    catalog: &Catalog,
    source: &Source,
    scenario: &Scenario,
    ids: &[String],
    today: Date,
) -> Result<(), Error> {
    let selected = ids
        .iter()
        .map(|id| {
            catalog.bundle_ix(id).ok_or_else(|| {
                if let Some(service) = catalog.service_ix(id) {
                    // A service named where a bundle goes: say which bundles include it.
                    let including: Vec<String> = catalog
                        .bundles
                        .iter()
                        .filter(|b| b.includes.iter().any(|i| i.members().contains(&service)))
                        .map(|b| format!("`{}`", b.id))
                        .collect();
                    let help = if including.is_empty() {
                        tr!("cli.compare_service_in_none")
                    } else {
                        tr!(
                            "cli.compare_service_in",
                            bundles = crate::words::listed(including)
                        )
                    };
                    return Error::usage(tr!("cli.compare_service", id = id, help = help));
                }
                if names_a_file(id) {
                    return Error::usage(tr!("cli.unexpected_file", id = id));
                }
                unknown_id("bundle", id, catalog.bundles.iter().map(|b| b.id.as_str()))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut comparison = compare(catalog, scenario);
    if !selected.is_empty() {
        comparison.bundles.retain(|f| selected.contains(&f.bundle));
    }
    let stale = bundlecalc_core::stale::comparison_note(catalog, &comparison, today);
    comparison.notes.extend(stale);
    let sort = SortKey::from(cli.sort);
    sort_bundles_by(&mut comparison.bundles, sort, cli.reverse, catalog);
    let report = CompareReport {
        catalog,
        file: &source.name(),
        basis: scenario.basis,
        sort,
        reverse: cli.reverse,
        comparison: &comparison,
    };
    emit(|out| write_compare(&report, cli.format.into(), Painter::for_stdout(), out))
}

/// Writes to stdout through a buffer. A reader that stopped early (as `| head` does)
/// is not an error; any other failure to write is (exit 74).
pub(super) fn emit(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), Error> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Write {
            path: PathBuf::from("standard output"),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// The `--calendar` report (docs/reference/calendar.md), or why there is none: over `--from` and
/// `--months` (default 12 months from the month of today).
pub(super) fn calendar_output(
    cli: &Cli,
    catalog: &Catalog,
    source: &Source,
    scenario: &Scenario,
    (today, time_limit): (Date, Duration),
) -> Result<String, Error> {
    use bundlecalc_core::plan::calendar::calendar_within;
    use bundlecalc_core::plan::calendar::error::CalendarError;
    if cli.split == Some(super::args::SplitArg::ByUse) {
        return Err(Error::usage(tr!("cli.calendar_by_use")));
    }
    let horizon = horizon_of(cli, today)?;
    let budget = Budget::for_time(time_limit);
    let mut calendar =
        calendar_within(catalog, scenario, horizon, &budget).map_err(|error| match error {
            CalendarError::NoWants => Error::usage(tr!("cli.calendar_no_wants")),
            CalendarError::Uncovered(unmet) => Error::Invalid {
                file: source.name(),
                text: source.text.clone(),
                problems: unmet
                    .iter()
                    .map(|u| {
                        Worded::without_place(tr!(
                            "cli.calendar_uncovered",
                            service = catalog.services[u.service].id,
                            person = u.member.id(catalog),
                            month = horizon.month(u.month),
                            why = crate::words::uncoverable(&u.why)
                        ))
                    })
                    .collect(),
            },
        })?;
    let stale = bundlecalc_core::stale::calendar_note(catalog, &calendar, today);
    calendar.notes.extend(stale);
    let report = CalendarReport {
        catalog,
        calendar: &calendar,
    };
    Ok(render_calendar(
        &report,
        cli.format.into(),
        Painter::for_stdout(),
    ))
}
