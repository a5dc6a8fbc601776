//! The command line: clap arguments, and which mode runs.

use std::collections::BTreeMap;
use std::fs::OpenOptions;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use rust_decimal::Decimal;

use crate::amount::parse_fact;
use crate::calc::{Adjustments, Includes, Scenario, SortKey, compare, sort_bundles_by};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::error::Error;
use crate::i18n::{Lang, set_language};
use crate::load::{is_fact_name, spending_problem};
use crate::model::{Catalog, Include, Offer, Period, Status};
use crate::plan::{Household, MAX_WANTS, PlanError, plan};
use crate::report::{
    CompareReport, Format, Painter, PlanReport, colour_allowed, render_plan, write_compare,
};
use crate::source::{BUILT_IN, Origin, SearchPath, Source};
use crate::stale::parse_date;
use crate::tr;
use crate::tui::{
    self,
    app::{AppConfig, Overrides},
};
use crate::what_if::what_ifs;
use crate::workspace::Workspace;
use time::Date;

const EXAMPLES: &str = "\
Examples:
  bundlecalc                                   open the interactive screen
  bundlecalc --compare                         compare every bundle, per year
  bundlecalc --compare 88vip --per month       one bundle, monthly figures
  bundlecalc --compare --set taoqi=500         as a user with 500 淘气值
  bundlecalc --compare --want qq_music,youku --sort savings --format json
  bundlecalc --plan --want qq_music,tencent_video   cheapest way to get both
  bundlecalc --plan --what-if qq_joins_88vip   the plan if QQ Music joins 88VIP
  bundlecalc --check --file my-offers.toml     list every problem in a file
  bundlecalc --init                            write ./bundles.toml to edit

The bundles file is the first found of: --file PATH, $BUNDLECALC_FILE,
./bundles.toml, $XDG_CONFIG_HOME/bundlecalc/bundles.toml (or
~/.config/bundlecalc/bundles.toml), then the built-in copy.

Exit codes: 0 ok, 2 bad command line, 65 invalid bundles file,
66 file cannot be read, 73 --init target exists, 74 a write failed.";

/// Tells whether a membership bundle is worth its price, with exact money.
#[derive(Debug, Parser)]
#[command(name = "bundlecalc", version, about, after_help = EXAMPLES)]
#[command(group = clap::ArgGroup::new("mode").multiple(false))]
pub struct Cli {
    /// The bundles file to read (see below for where it is looked for otherwise)
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,

    /// Compare all bundles, or only the ids named, and print the figures
    #[arg(long, num_args = 0.., value_name = "ID", group = "mode")]
    pub compare: Option<Vec<String>>,

    /// Find the cheapest set of offers that covers the wanted services
    #[arg(long, group = "mode")]
    pub plan: bool,

    /// Validate the file and print every problem found
    #[arg(long, group = "mode")]
    pub check: bool,

    /// Write the built-in bundles file to PATH (default ./bundles.toml); never overwrites
    #[arg(long, num_args = 0..=1, value_name = "PATH", group = "mode")]
    pub init: Option<Option<PathBuf>>,

    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,

    /// Show figures per this period (overrides the file's `basis`)
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub per: Option<PeriodArg>,

    /// The services you want, replacing the file's `profile.wants`
    #[arg(long, value_delimiter = ',', value_name = "ID,ID...")]
    pub want: Option<Vec<String>>,

    /// Set a fact that price tiers test, e.g. --set taoqi=1200 (repeatable)
    #[arg(long = "set", value_name = "FACT=NUMBER")]
    pub set: Vec<String>,

    /// Order of the bundles: money and percentages descending, names ascending
    /// (personal: personal savings, needs wants)
    #[arg(long, value_enum, default_value_t = SortArg::File)]
    pub sort: SortArg,

    /// The sort's opposite order (file order from the end, for file)
    #[arg(long)]
    pub reverse: bool,

    /// Offers a plan may use besides available ones
    #[arg(long, value_enum, value_delimiter = ',', value_name = "STATUS,...")]
    pub include: Vec<IncludeArg>,

    /// Apply these what-if changes of the file (their ids, or all); a view, never saved
    #[arg(long = "what-if", value_delimiter = ',', value_name = "ID,ID...|all")]
    pub what_if: Option<Vec<String>>,

    /// Who shares the plan: only these [people.ID] of the file, or none for you
    /// alone (default: everyone in the file); a view, never saved
    #[arg(long, value_delimiter = ',', value_name = "ID,ID...|none")]
    pub people: Option<Vec<String>>,

    /// The day prices' ages are measured from (default: today's date)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,

    /// The language of texts for people (default: from LC_ALL, LC_MESSAGES, LANG;
    /// zh_* gives Chinese). JSON and CSV never change
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,

    /// Bundle ids for --compare written after other options, as in
    /// `--compare --per month 88vip`
    #[arg(value_name = "ID", hide = true)]
    pub ids: Vec<String>,

    #[command(subcommand)]
    pub command: Option<Tool>,
}

/// Things for the shell and editors, printed to stdout.
#[derive(Debug, clap::Subcommand)]
pub enum Tool {
    /// Print a completion script for your shell, e.g.
    /// `bundlecalc completions bash > ~/.local/share/bash-completion/completions/bundlecalc`
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `bundlecalc man > ~/.local/share/man/man1/bundlecalc.1`
    Man,
    /// Print the JSON Schema of the bundles file, for editors (taplo, Even Better TOML)
    Schema,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Table,
    Json,
    Csv,
    Markdown,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    Day,
    Week,
    Month,
    Quarter,
    #[value(name = "half_year")]
    HalfYear,
    Year,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    File,
    Savings,
    #[value(name = "savings_pct")]
    SavingsPct,
    Price,
    Value,
    Name,
    Personal,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Zh,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum IncludeArg {
    Rumoured,
    Ended,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
            FormatArg::Markdown => Format::Markdown,
        }
    }
}

impl From<PeriodArg> for Period {
    fn from(arg: PeriodArg) -> Period {
        match arg {
            PeriodArg::Day => Period::Day,
            PeriodArg::Week => Period::Week,
            PeriodArg::Month => Period::Month,
            PeriodArg::Quarter => Period::Quarter,
            PeriodArg::HalfYear => Period::HalfYear,
            PeriodArg::Year => Period::Year,
        }
    }
}

impl From<SortArg> for SortKey {
    fn from(arg: SortArg) -> SortKey {
        match arg {
            SortArg::File => SortKey::File,
            SortArg::Savings => SortKey::Savings,
            SortArg::SavingsPct => SortKey::SavingsPct,
            SortArg::Price => SortKey::Price,
            SortArg::Value => SortKey::Value,
            SortArg::Name => SortKey::Name,
            SortArg::Personal => SortKey::Personal,
        }
    }
}

/// The command line in the language the arguments or the environment ask for:
/// `--help` in English or Chinese. (Read before clap parses, as `--help` prints
/// and exits while parsing.)
pub fn localized_command(args: &[std::ffi::OsString]) -> clap::Command {
    use clap::CommandFactory;
    let asked = args.iter().enumerate().find_map(|(at, arg)| {
        let arg = arg.to_string_lossy();
        match arg.strip_prefix("--lang") {
            Some(rest) if rest.starts_with('=') => Some(rest[1..].to_string()),
            Some("") => args.get(at + 1).map(|v| v.to_string_lossy().into_owned()),
            _ => None,
        }
    });
    set_language(match asked.as_deref() {
        Some(lang) => Lang::of_locale(lang),
        None => Lang::from_environment(),
    });
    let options = tr!("args.options");
    let mut command = Cli::command()
        .about(tr!("args.about"))
        .after_help(tr!("args.examples"))
        .help_template(tr!("args.template"))
        .subcommand_help_heading(tr!("args.commands"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(tr!("args.help")),
        )
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(tr!("args.version")),
        );
    for id in [
        "file", "compare", "plan", "check", "init", "format", "per", "want", "set", "sort",
        "reverse", "include", "what_if", "people", "today", "lang", "help", "version",
    ] {
        let help = tr!(&format!("args.{id}"));
        let heading = options.clone();
        command = command.mut_arg(id, |arg| arg.help(help).help_heading(heading));
    }
    for name in ["completions", "man", "schema"] {
        let about = tr!(&format!("args.{name}"));
        command = command.mut_subcommand(name, |sub| sub.about(about));
    }
    command
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
    if !cli.ids.is_empty() && cli.compare.is_none() {
        return Err(Error::usage(tr!("cli.unexpected_id", id = cli.ids[0])));
    }
    let facts = parse_facts(&cli.set)?;
    let today = match &cli.today {
        Some(text) => {
            parse_date(text).ok_or_else(|| Error::usage(tr!("cli.bad_today", value = text)))?
        }
        None => crate::stale::today(),
    };
    let origin = SearchPath::from_environment(cli.file.clone()).locate();
    if cli.check && cli.format != FormatArg::Table {
        return check_for_machines(&origin, cli.format);
    }
    let source = Source::from_origin(&origin)?;
    let opens_screen = !cli.check && !cli.plan && cli.compare.is_none();
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
                    services = catalog.services.len(),
                    bundles = catalog.bundles.len()
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
    let scenario = scenario(&cli, &catalog, facts)?;
    if cli.plan {
        let text = plan_output(&cli, (&file, &catalog), &source, &scenario, today)?;
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

/// `--check --format json`: every problem as a JSON array, for editors and CI;
/// `[]` for a valid file. Exit 65 when there are problems, as for `--check`.
fn check_for_machines(origin: &Origin, format: FormatArg) -> Result<ExitCode, Error> {
    if format != FormatArg::Json {
        return Err(Error::usage(tr!("cli.check_formats")));
    }
    let problems = match Source::from_origin(origin).and_then(|source| source.catalog()) {
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
    fn of(problem: &Diagnostic, file: &str, text: &str) -> JsonProblem {
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
        overrides: Overrides {
            wants: cli.want.clone(),
            facts,
            what_ifs,
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
    let asked = Adjustments {
        wants: None,
        include: Includes::default(),
        ..adjustments(cli, facts.clone())
    };
    let (scenario, _) = Scenario::adjusted(&catalog, &asked);
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

/// The file's catalogue with the changes `--what-if` names applied (SPEC §1.7):
/// an unknown id, or changes that leave a bundle empty, are command-line problems.
fn what_if_catalog(cli: &Cli, file: &Catalog) -> Result<Catalog, Error> {
    let Some(ids) = &cli.what_if else {
        return Ok(file.clone());
    };
    let applied = crate::changes::named(file, ids.iter().map(String::as_str))
        .map_err(|id| unknown_change(file, id))?;
    crate::changes::apply(file, &applied).map_err(|why| Error::usage(why.describe(file)))
}

/// `--what-if` of an id that is no change: perhaps an offer's, perhaps a typo.
fn unknown_change(file: &Catalog, id: &str) -> Error {
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
        tr!("cli.changes_of", id = id, ids = ids.join(", "))
    };
    Error::usage(tr!("cli.what_if_offer", id = id, help = help))
}

/// The `--plan` report, or why there is no plan: the plan on `catalogues.1` (the
/// file's, `catalogues.0`, with `--what-if` applied), with its what-ifs.
fn plan_output(
    cli: &Cli,
    (file, catalog): (&Catalog, &Catalog),
    source: &Source,
    scenario: &Scenario,
    today: Date,
) -> Result<String, Error> {
    let mut plan =
        plan(catalog, scenario).map_err(|error| plan_error(catalog, source, scenario, error))?;
    plan.notes.extend(crate::stale::plan_note(
        catalog,
        &plan,
        scenario.basis,
        today,
    ));
    let what_ifs = what_ifs(file, &catalog.applied, scenario, plan.total);
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
fn plan_error(catalog: &Catalog, source: &Source, scenario: &Scenario, error: PlanError) -> Error {
    let include = scenario.include;
    let household = Household::of(catalog, scenario);
    match error {
        PlanError::NoWants => Error::usage(tr!("cli.plan_no_wants")),
        PlanError::TooManyWants(count) => {
            Error::usage(tr!("cli.too_many_wants", most = MAX_WANTS, count = count))
        }
        PlanError::OnlyOneOf(services) => {
            let ids: Vec<String> = services
                .iter()
                .map(|&s| format!("`{}`", catalog.services[s].id))
                .collect();
            Error::Invalid {
                file: source.name(),
                text: source.text.clone(),
                problems: vec![Diagnostic::without_place(tr!(
                    "cli.only_one_of",
                    services = ids.join(", ")
                ))],
            }
        }
        PlanError::Uncovered(services) => Error::Invalid {
            file: source.name(),
            text: source.text.clone(),
            problems: services
                .iter()
                .flat_map(|&s| {
                    let service = &catalog.services[s];
                    let in_rumoured = catalog.bundles.iter().any(|b| {
                        b.status == Status::Rumoured
                            && b.includes.iter().any(|i| i.members().contains(&s))
                    });
                    let why = if service.status == Status::Ended && !include.ended {
                        tr!("cli.why_ended")
                    } else if in_rumoured && !include.rumoured {
                        tr!("cli.why_rumoured")
                    } else if service.sold_alone {
                        tr!("cli.why_none")
                    } else {
                        tr!("cli.why_not_alone")
                    };
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
                    let problems: Vec<Diagnostic> = if household.is_shared() {
                        household
                            .wanted_by(s)
                            .into_iter()
                            .map(|m| Diagnostic::without_place(message(Some(m.id(catalog)))))
                            .collect()
                    } else {
                        vec![Diagnostic::without_place(message(None))]
                    };
                    problems
                })
                .collect(),
        },
    }
}

/// `--people`: keeps only the people named, in file order (`none` keeps none).
/// A view of the file, never saved.
fn keep_people(cli: &Cli, catalog: &mut Catalog) -> Result<(), Error> {
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

/// Writes the `--compare` report for the bundles named (all when none are).
fn write_comparison(
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
                unknown_id("bundle", id, catalog.bundles.iter().map(|b| b.id.as_str()))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    // JSON and CSV are the same in every language: their notes are in English.
    let machine = matches!(cli.format, FormatArg::Json | FormatArg::Csv);
    let mut comparison = in_language_if(machine, || {
        let mut comparison = compare(catalog, scenario);
        if !selected.is_empty() {
            comparison.bundles.retain(|f| selected.contains(&f.bundle));
        }
        let stale = crate::stale::comparison_note(catalog, &comparison, scenario.basis, today);
        comparison.notes.extend(stale);
        comparison
    });
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

/// `work` done in English when `english` is set, else in the current language.
fn in_language_if<T>(english: bool, work: impl FnOnce() -> T) -> T {
    if english {
        crate::i18n::in_language(Lang::En, work)
    } else {
        work()
    }
}

/// What `completions`, `man` and `schema` print.
pub fn tool_output(tool: &Tool) -> Result<Vec<u8>, Error> {
    use clap::CommandFactory;
    let mut out = Vec::new();
    match tool {
        Tool::Completions { shell } => {
            clap_complete::generate(*shell, &mut Cli::command(), "bundlecalc", &mut out);
        }
        Tool::Man => clap_mangen::Man::new(Cli::command())
            .render(&mut out)
            .map_err(|source| Error::Write {
                path: PathBuf::from("standard output"),
                source,
            })?,
        Tool::Schema => out.extend_from_slice(crate::schema::SCHEMA.as_bytes()),
    }
    Ok(out)
}

/// Writes to stdout through a buffer. A reader that stopped early (as `| head` does)
/// is not an error; any other failure to write is (exit 74).
fn emit(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), Error> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Write {
            path: PathBuf::from("standard output"),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// The file's scenario with the command line's `--per`, `--want`, `--set` and
/// `--include` applied, refusing wants and facts the file does not know.
fn scenario(
    cli: &Cli,
    catalog: &Catalog,
    facts: BTreeMap<String, Decimal>,
) -> Result<Scenario, Error> {
    let unknown_name = facts
        .keys()
        .find(|name| !catalog.tested_facts().contains(*name))
        .cloned();
    // What the file would refuse, `--set` refuses too.
    let spending = facts
        .iter()
        .find_map(|(name, value)| spending_problem(&catalog.services, name, *value));
    let (scenario, unknown_wants) = Scenario::adjusted(catalog, &adjustments(cli, facts));
    if let Some(id) = unknown_wants.first() {
        return Err(unknown_want(catalog, id));
    }
    if let Some(name) = unknown_name {
        return Err(unknown_fact(catalog, &name));
    }
    if let Some(why) = spending {
        return Err(Error::usage(why));
    }
    if cli.sort == SortArg::Personal && scenario.wants.is_none() {
        return Err(Error::usage(tr!("cli.personal_needs_wants")));
    }
    Ok(scenario)
}

/// What the command line asks on top of the file.
fn adjustments(cli: &Cli, facts: BTreeMap<String, Decimal>) -> Adjustments<'_> {
    Adjustments {
        basis: cli.per.map(Into::into),
        wants: cli.want.as_deref(),
        facts,
        include: Includes {
            rumoured: cli.include.contains(&IncludeArg::Rumoured),
            ended: cli.include.contains(&IncludeArg::Ended),
        },
    }
}

/// `--want` of an id that is no service: perhaps a bundle, perhaps a typo.
fn unknown_want(catalog: &Catalog, id: &str) -> Error {
    if let Some(bundle) = catalog.bundle_ix(id) {
        let ids: Vec<&str> = catalog.bundles[bundle]
            .includes
            .iter()
            .flat_map(Include::members)
            .map(|&s| catalog.services[s].id.as_str())
            .collect();
        return Error::usage(tr!("cli.want_bundle", id = id, services = ids.join(", ")));
    }
    unknown_id(
        "service",
        id,
        catalog.services.iter().map(|s| s.id.as_str()),
    )
}

/// `--set` of a fact that nothing in the file tests.
fn unknown_fact(catalog: &Catalog, name: &str) -> Error {
    let tested = catalog.tested_facts();
    let help = match did_you_mean(name, tested.iter().map(String::as_str)) {
        Some(suggestion) => suggestion,
        None if tested.is_empty() => tr!("cli.no_facts"),
        None => tr!(
            "cli.facts_are",
            facts = tested.iter().cloned().collect::<Vec<_>>().join(", ")
        ),
    };
    Error::usage(tr!("cli.unknown_fact", name = name, help = help))
}

/// Reads each `--set FACT=NUMBER`.
fn parse_facts(settings: &[String]) -> Result<BTreeMap<String, Decimal>, Error> {
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
        let value =
            parse_fact(number).map_err(|e| bad(&tr!("cli.the_value", why = e.describe())))?;
        facts.insert(name.to_string(), value);
    }
    Ok(facts)
}

fn unknown_id<'a>(kind: &str, id: &str, known: impl Iterator<Item = &'a str>) -> Error {
    let known: Vec<&str> = known.collect();
    let help = match did_you_mean(id, known.iter().copied()) {
        Some(suggestion) => suggestion,
        None if known.is_empty() => tr!(&format!("cli.no_{kind}s")),
        None => tr!(&format!("cli.{kind}s_are"), ids = known.join(", ")),
    };
    Error::usage(tr!(&format!("cli.unknown_{kind}"), id = id, help = help))
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
    use super::*;
    use crate::model::Person;

    fn with_people() -> Catalog {
        let mut catalog =
            crate::load::parse_catalog("[services.video]\nprice = 253\n").expect("valid");
        catalog.people = ["mum", "dad", "flatmate"]
            .iter()
            .map(|id| Person {
                id: id.to_string(),
                name: id.to_string(),
                wants: vec![0],
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
            let error = plan_error(&catalog, &source, &scenario, error);
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
