//! The command line's arguments (clap), in the language asked for, and what the
//! `completions`, `man` and `schema` commands print. A leaf of `cli`.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

use crate::error::Error;
use crate::i18n::{Lang, set_language};
use crate::report::Format;
use crate::tr;
use bundlecalc_core::calc::sort::SortKey;
use bundlecalc_core::period::Period;
use bundlecalc_core::split::Split;

const EXAMPLES: &str = "\
Examples:
  bundlecalc                                   open the interactive screen
  bundlecalc --compare                         compare every bundle, per year
  bundlecalc --compare 88vip --per month       one bundle, monthly figures
  bundlecalc --compare --set taoqi=500         as a user with 500 淘气值
  bundlecalc --compare --want qq_music,youku --sort savings --format json
  bundlecalc --plan --want qq_music,tencent_video   cheapest way to get both
  bundlecalc --plan --what-if qq_joins_88vip   the plan if QQ Music joins 88VIP
  bundlecalc --calendar --from 2027-01 --months 12   what to buy, month by month
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

    /// The cheapest purchases month by month over a horizon of months
    #[arg(long, group = "mode")]
    pub calendar: bool,

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

    /// How a household shares its total, instead of the file's [household] split;
    /// a view, never saved
    #[arg(long, value_enum, value_name = "RULE")]
    pub split: Option<SplitArg>,

    /// The calendar's first month, YYYY-MM (default: this month)
    #[arg(long, value_name = "YYYY-MM")]
    pub from: Option<String>,

    /// How many months the calendar plans, 1 to 36 (default 12)
    #[arg(long, value_name = "N", value_parser = months_value, allow_negative_numbers = true)]
    pub months: Option<u32>,

    /// The day prices' ages are measured from (default: today's date)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,

    /// How long a plan's searches may run to prove the cheapest (default 10, at
    /// least 0.1); past it the best plan found is shown, said not proven
    #[arg(
        long = "time-limit",
        value_name = "SECONDS",
        allow_hyphen_values = true
    )]
    pub time_limit: Option<String>,

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
pub enum SplitArg {
    Fair,
    #[value(name = "equal_savings")]
    EqualSavings,
    #[value(name = "by_use")]
    ByUse,
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

impl From<SplitArg> for Split {
    fn from(arg: SplitArg) -> Split {
        match arg {
            SplitArg::Fair => Split::Fair,
            SplitArg::EqualSavings => Split::EqualSavings,
            SplitArg::ByUse => Split::ByUse,
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

/// `--months`: a whole number from 1 to 36, or why not, in the language asked.
fn months_value(text: &str) -> Result<u32, String> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|months| (1..=36).contains(months))
        .ok_or_else(|| crate::tr!("cli.bad_months"))
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
        "file",
        "compare",
        "plan",
        "calendar",
        "check",
        "init",
        "format",
        "per",
        "want",
        "set",
        "sort",
        "reverse",
        "include",
        "what_if",
        "people",
        "split",
        "from",
        "months",
        "today",
        "time_limit",
        "lang",
        "help",
        "version",
    ] {
        let help = tr!(&format!("args.{id}"));
        let heading = options.clone();
        command = command.mut_arg(id, |arg| {
            let arg = arg.help_heading(heading);
            match values_in_words(&arg) {
                Some(values) => arg
                    .help(format!("{help} {values}"))
                    .hide_default_value(true)
                    .hide_possible_values(true),
                None => arg.help(help),
            }
        });
    }
    for name in ["completions", "man", "schema"] {
        let about = tr!(&format!("args.{name}"));
        let help = tr!("args.help");
        command = command.mut_subcommand(name, |sub| {
            // Each says what it does and takes, in the language asked, too.
            let sub = match name {
                "completions" => sub.mut_arg("shell", |shell| {
                    let shell = shell.help_heading(tr!("args.arguments"));
                    match values_in_words(&shell) {
                        Some(values) => shell.help(values).hide_possible_values(true),
                        None => shell,
                    }
                }),
                _ => sub,
            };
            sub.about(about)
                .help_template(tr!("args.template"))
                .next_help_heading(tr!("args.options"))
                .arg(
                    clap::Arg::new("help")
                        .short('h')
                        .long("help")
                        .action(clap::ArgAction::Help)
                        .help(help),
                )
        });
    }
    command
}

/// An option's default and possible values as clap writes them after its help
/// ("[default: table] [possible values: table, json]"), in the language in use;
/// `None` in English, where clap's own words are kept, or when it has neither.
fn values_in_words(arg: &clap::Arg) -> Option<String> {
    if crate::i18n::current() == Lang::En || !arg.get_action().takes_values() {
        return None;
    }
    let mut parts = Vec::new();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        parts.push(tr!("args.default", value = defaults.join(",")));
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| value.get_name().to_string())
        .collect();
    if !possible.is_empty() {
        parts.push(tr!(
            "args.possible",
            values = possible.join(&tr!("args.possible_list"))
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// What `completions`, `man` and `schema` print.
/// A mistake in the command line as people read it, in the language asked:
/// clap's own words in English; in Chinese, the same facts (the option, the
/// value, what it takes, the option meant) in Chinese. Help and version are
/// clap's, as they are.
pub fn usage_error_text(error: &clap::Error) -> String {
    use clap::error::{ContextKind, ErrorKind};
    if crate::i18n::current() == Lang::En
        || matches!(
            error.kind(),
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
        )
    {
        return error.render().to_string();
    }
    let context = |kind: ContextKind| error.get(kind).map(|value| value.to_string());
    let option = context(ContextKind::InvalidArg).unwrap_or_default();
    let value = context(ContextKind::InvalidValue).unwrap_or_default();
    let why = match error.kind() {
        // clap's "a value is required": the option ends the line, or is empty.
        ErrorKind::InvalidValue if value.is_empty() => tr!("cli.clap.missing", option = option),
        ErrorKind::InvalidValue => match context(ContextKind::ValidValue) {
            Some(valid) => tr!(
                "cli.clap.invalid_one_of",
                option = option,
                value = value,
                valid = valid
            ),
            None => tr!("cli.clap.invalid", option = option, value = value),
        },
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(error)
                .map(|source| source.to_string())
                .unwrap_or_default();
            tr!(
                "cli.clap.invalid_because",
                option = option,
                value = value,
                reason = reason
            )
        }
        ErrorKind::UnknownArgument => match context(ContextKind::SuggestedArg) {
            Some(meant) => tr!("cli.clap.unknown_meant", option = option, meant = meant),
            None => tr!("cli.clap.unknown", option = option),
        },
        ErrorKind::ArgumentConflict => match context(ContextKind::PriorArg) {
            Some(other) if other != option => {
                tr!("cli.clap.conflict", option = option, other = other)
            }
            _ => tr!("cli.clap.twice", option = option),
        },
        ErrorKind::NoEquals | ErrorKind::InvalidSubcommand | ErrorKind::TooManyValues => {
            tr!("cli.clap.unexpected", option = option)
        }
        _ => return error.render().to_string(),
    };
    format!("{}{why}\n\n{}\n", tr!("diag.error"), tr!("cli.clap.more"))
}

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
