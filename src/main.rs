use std::process::ExitCode;

use clap::FromArgMatches;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let matches = bundlecalc::cli::args::localized_command(&args).get_matches_from(&args);
    let cli = match bundlecalc::cli::args::Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    match bundlecalc::cli::run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprint!("{}", error.report());
            error.exit_code()
        }
    }
}
