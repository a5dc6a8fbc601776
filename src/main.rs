use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = bundlecalc::cli::Cli::parse();
    match bundlecalc::cli::run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprint!("{}", error.report());
            error.exit_code()
        }
    }
}
