//! The command line: clap arguments (`args`), what they ask on top of the file
//! (`asked`), what the headless modes print (`output`), and which mode runs.

pub mod args;
mod asked;
mod output;

use std::collections::BTreeMap;
use std::fs::OpenOptions;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use rust_decimal::Decimal;

use args::{Cli, tool_output};
use args::{FormatArg, LangArg};
use asked::{
    asked_of, horizon_of, keep_people, names_a_file, parse_facts, parse_time_limit, scenario,
    today_of, what_if_catalog,
};
use output::{calendar_output, check_for_machines, emit, plan_output, write_comparison};

use crate::error::Error;
use crate::i18n::{Lang, counted, set_language};
use crate::report::paint::colour_allowed;
use crate::source::{BUILT_IN, SearchPath, Source};
use crate::tr;
use crate::tui::{self, app::AppConfig};
use crate::workspace::Workspace;
use bundlecalc_core::asked::Asked;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::scenario::{Includes, Scenario};

/// The help or version text clap produced for `--help` or `--version`: to
/// standard output (in colour on a terminal that allows it), and a failed
/// write says so and exits 74, as any output does.
pub fn show_help(shown: &clap::Error) -> ExitCode {
    let text = shown.render();
    let text = if std::io::stdout().is_terminal() && colour_allowed() {
        text.ansi().to_string()
    } else {
        text.to_string()
    };
    match emit(|out| out.write_all(text.as_bytes())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprint!("{}", error.report());
            error.exit_code()
        }
    }
}

/// Runs the mode the command line asks for.
pub fn run(cli: Cli) -> Result<ExitCode, Error> {
    set_language(match cli.lang {
        Some(LangArg::En) => Lang::En,
        Some(LangArg::Zh) => Lang::Zh,
        None => Lang::from_environment(),
    });
    if let Some(tool) = &cli.command {
        let text = tool_output(tool)?;
        emit(|out| out.write_all(&text))?;
        return Ok(ExitCode::SUCCESS);
    }
    let today = today_of(&cli)?;
    // `--today` and `--from` are checked in every mode, though only some use them.
    horizon_of(&cli, today)?;
    if let Some(target) = &cli.init {
        let path = target
            .clone()
            .unwrap_or_else(|| PathBuf::from("bundles.toml"));
        write_new_file(&path, BUILT_IN)?;
        // bundlecalc finds ./bundles.toml by itself; any other file is named with --file.
        let how_to_use = if path == Path::new("bundles.toml") || path == Path::new("./bundles.toml")
        {
            tr!("cli.init_here")
        } else {
            tr!("cli.init_file", path = path.display())
        };
        let wrote = tr!("cli.wrote", path = path.display(), how = how_to_use);
        emit(|out| writeln!(out, "{wrote}"))?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(id) = cli.ids.first()
        && cli.compare.is_none()
    {
        // `bundlecalc bundles.toml`: a file named where an id would go.
        let key = if names_a_file(id) {
            "cli.unexpected_file"
        } else if id == "help" {
            // `bundlecalc help`, as other programs take it.
            "cli.unexpected_help"
        } else {
            "cli.unexpected_id"
        };
        return Err(Error::usage(tr!(key, id = id)));
    }
    let facts = parse_facts(&cli.set)?;
    let time_limit = match &cli.time_limit {
        Some(text) => parse_time_limit(text)
            .ok_or_else(|| Error::usage(tr!("cli.bad_time_limit", value = text)))?,
        None => Duration::from_secs(bundlecalc_core::plan::problem::Budget::DEFAULT_SECONDS),
    };
    let search = SearchPath::from_environment(cli.file.clone());
    let origin = search.locate();
    if cli.check && cli.format != FormatArg::Table {
        return check_for_machines(&origin, cli.format).map_err(|e| search.explain(e));
    }
    let source = Source::from_origin(&origin).map_err(|e| search.explain(e))?;
    let opens_screen = !cli.check && !cli.plan && !cli.calendar && cli.compare.is_none();
    let catalog = match source.catalog() {
        Ok(catalog) => catalog,
        // The screen opens on a broken file, showing where, so it can be fixed there.
        Err(problem @ Error::Invalid { .. }) if opens_screen => {
            return open_broken_screen(&cli, source, problem, parse_facts(&cli.set)?);
        }
        Err(problem) => return Err(problem),
    };
    if cli.check {
        emit(|out| {
            writeln!(
                out,
                "{}",
                tr!(
                    "cli.check_ok",
                    file = source.name(),
                    services = counted(catalog.services.len(), "count.services"),
                    bundles = counted(catalog.bundles.len(), "count.bundles")
                )
            )
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let facts_for_screen = facts.clone();
    // The file's catalogue stays as written (but for `--people`, a view); the
    // figures are made on the changed one.
    let mut file = catalog;
    keep_people(&cli, &mut file)?;
    let catalog = what_if_catalog(&cli, &file)?;
    let scenario = scenario(&cli, (&file, &catalog), facts)?;
    if cli.calendar {
        let text = calendar_output(&cli, &catalog, &source, &scenario, (today, time_limit))?;
        emit(|out| out.write_all(text.as_bytes()))?;
        return Ok(ExitCode::SUCCESS);
    }
    if cli.plan {
        let text = plan_output(
            &cli,
            (&file, &catalog),
            &source,
            &scenario,
            (today, time_limit),
        )?;
        emit(|out| out.write_all(text.as_bytes()))?;
        return Ok(ExitCode::SUCCESS);
    }
    match &cli.compare {
        Some(ids) => {
            let ids: Vec<String> = ids.iter().chain(&cli.ids).cloned().collect();
            write_comparison(&cli, &catalog, &source, &scenario, &ids, today)?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let what_ifs = catalog
                .applied
                .iter()
                .map(|&c| file.changes[c].id.clone())
                .collect();
            let signal = run_screen(
                &cli,
                file,
                source,
                scenario,
                facts_for_screen,
                what_ifs,
                None,
            )?;
            Ok(exit_after(signal))
        }
    }
}

/// Opens the interactive screen, or refuses when there is no terminal to draw on;
/// the signal that ended it, if one did. With `problem`, the screen opens on a
/// file that does not load (the catalogue is empty), or without a terminal the
/// problem is reported as `--check` would.
fn run_screen(
    cli: &Cli,
    catalog: Catalog,
    source: Source,
    scenario: Scenario,
    facts: BTreeMap<String, Decimal>,
    what_ifs: Vec<String>,
    problem: Option<Error>,
) -> Result<Option<i32>, Error> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(problem.unwrap_or_else(|| Error::usage(tr!("cli.needs_terminal"))));
    }
    tui::run(AppConfig {
        workspace: Workspace::new(source),
        catalog,
        scenario,
        asked: Asked {
            what_ifs,
            people: cli.people.clone(),
            // Checked when the command line was read.
            time_limit: cli.time_limit.as_deref().and_then(parse_time_limit),
            calendar: Some(horizon_of(cli, today_of(cli)?)?),
            today: Some(today_of(cli)?),
            // The screen's own period and statuses are in its scenario.
            basis: None,
            include: Includes::default(),
            ..asked_of(cli, facts)
        },
        sort: cli.sort.into(),
        reverse: cli.reverse,
        colour: colour_allowed(),
        size: (80, 24),
        problem,
    })
    .map_err(|source| Error::Terminal { source })
}

/// Opens the screen on a file that does not load: no figures yet, the problem and
/// its place in the banner, `E` to fix it there and `r` to read it again. (`--want`
/// and `--set` are checked once the file loads.)
fn open_broken_screen(
    cli: &Cli,
    source: Source,
    problem: Error,
    facts: BTreeMap<String, Decimal>,
) -> Result<ExitCode, Error> {
    let catalog = Catalog::empty();
    let asked = Asked {
        wants: None,
        include: Includes::default(),
        ..asked_of(cli, facts.clone())
    };
    let (scenario, _) = asked.scenario(&catalog);
    let signal = run_screen(
        cli,
        catalog,
        source,
        scenario,
        facts,
        Vec::new(),
        Some(problem),
    )?;
    Ok(exit_after(signal))
}

/// Success, or 128 + the signal that ended the screen, as shells expect.
fn exit_after(signal: Option<i32>) -> ExitCode {
    signal.map_or(ExitCode::SUCCESS, |signal| {
        ExitCode::from(u8::try_from(128 + signal).unwrap_or(u8::MAX))
    })
}

/// Creates `path` with `contents`, refusing to replace anything already there.
fn write_new_file(path: &Path, contents: &str) -> Result<(), Error> {
    let failed = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut file = match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Error::Exists {
                path: path.to_path_buf(),
            });
        }
        Err(e) => return Err(failed(e)),
    };
    if let Err(e) = file
        .write_all(contents.as_bytes())
        .and_then(|()| file.sync_all())
    {
        // Leave nothing half-written behind.
        let _ = std::fs::remove_file(path);
        return Err(failed(e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::output::plan_error;
    use super::*;
    use crate::source::Origin;
    use bundlecalc_core::model::people::Person;
    use bundlecalc_core::plan::plan;
    use clap::Parser;

    fn with_people() -> Catalog {
        let mut catalog =
            bundlecalc_core::load::parse_catalog("[services.video]\nprice = 253\n").expect("valid");
        catalog.people = ["mum", "dad", "flatmate"]
            .iter()
            .map(|id| Person {
                id: id.to_string(),
                name: id.to_string(),
                wants: vec![0],
                time: Default::default(),
            })
            .collect();
        catalog
    }

    fn kept(args: &[&str]) -> Result<Vec<String>, Error> {
        let cli = Cli::try_parse_from(["bundlecalc", "--plan"].iter().chain(args)).unwrap();
        let mut catalog = with_people();
        keep_people(&cli, &mut catalog)?;
        Ok(catalog.people.into_iter().map(|p| p.id).collect())
    }

    #[test]
    fn a_want_no_offer_covers_names_each_person_who_wants_it() {
        crate::i18n::in_language(Lang::En, || {
            let mut catalog = with_people();
            catalog.services[0].sold_alone = false;
            let source = Source {
                origin: Origin::BuiltIn,
                text: String::new(),
            };
            let scenario = Scenario::from_catalog(&catalog);
            let error = plan(&catalog, &scenario).unwrap_err();
            let error = plan_error(&catalog, &source, error);
            assert_eq!(error.exit_code(), ExitCode::from(65));
            let text = error.report();
            for person in ["mum", "dad", "flatmate"] {
                assert!(
                    text.contains(&format!("`{person}` wants `video`")),
                    "{text}"
                );
            }
        });
    }

    #[test]
    fn people_keeps_those_named_in_file_order_and_none_keeps_none() {
        assert_eq!(kept(&[]).unwrap(), ["mum", "dad", "flatmate"]);
        assert_eq!(
            kept(&["--people", "flatmate,mum"]).unwrap(),
            ["mum", "flatmate"]
        );
        assert!(kept(&["--people", "none"]).unwrap().is_empty());
    }

    #[test]
    fn an_unknown_person_is_a_usage_error_with_did_you_mean() {
        crate::i18n::in_language(Lang::En, || {
            let error = kept(&["--people", "mum,dda"]).unwrap_err();
            assert_eq!(error.exit_code(), ExitCode::from(2));
            let text = error.report();
            assert!(text.contains("unknown person `dda`"), "{text}");
            assert!(text.contains("did you mean `dad`?"), "{text}");
        });
    }
}
