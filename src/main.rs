use std::process::ExitCode;

use clap::FromArgMatches;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let parsed = bundlecalc::cli::args::localized_command(&args)
        .try_get_matches_from(&args)
        .and_then(|matches| bundlecalc::cli::args::Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        // Help and version to standard output with 0, mistakes to standard
        // error with 2, as clap exits; mistakes worded in the language asked.
        Err(error) if error.use_stderr() => {
            eprint!("{}", bundlecalc::cli::args::usage_error_text(&error));
            return ExitCode::from(2);
        }
        Err(shown) => return bundlecalc::cli::show_help(&shown),
    };
    match bundlecalc::cli::run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprint!("{}", error.report());
            error.exit_code()
        }
    }
}
