//! Everything that can stop a command, each with its exit code from the spec.

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::diagnostic::{Worded, count_problems};

/// A reason a command cannot finish.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line asks for something impossible (exit 2).
    #[error("{0}")]
    Usage(String),
    /// The bundles file has problems (exit 65).
    #[error("{}", crate::tr!(
        "err.invalid",
        file = file,
        problems = crate::i18n::counted(count_problems(problems), "count.problems")
    ))]
    Invalid {
        file: String,
        text: String,
        problems: Vec<Worded>,
    },
    /// The bundles file cannot be read (exit 66); `variable` is the environment
    /// variable that named it, if one did.
    #[error("{}", unreadable_text(path, source, *variable))]
    Unreadable {
        path: PathBuf,
        source: io::Error,
        variable: Option<&'static str>,
    },
    /// `--init` would overwrite a file (exit 73).
    #[error("{}", crate::tr!("err.exists", path = shown(path)))]
    Exists { path: PathBuf },
    /// The terminal failed while the screen was running (exit 74: output failed).
    #[error("{}", crate::tr!("err.terminal", source = io_reason(source)))]
    Terminal { source: io::Error },
    /// Writing a file failed (exit 74).
    #[error("{}", crate::tr!("err.write", path = shown(path), source = io_reason(source)))]
    Write { path: PathBuf, source: io::Error },
}

/// A path as an error shows it: its control characters escaped (`\u{1b}`),
/// so a file's name can never drive the terminal.
fn shown(path: &std::path::Path) -> String {
    crate::text::printable(&path.display().to_string()).into_owned()
}

/// "cannot read `PATH`: why", saying which variable named the path, if one did.
fn unreadable_text(path: &std::path::Path, source: &io::Error, variable: Option<&str>) -> String {
    match variable {
        Some(variable) => crate::tr!(
            "err.unreadable_named",
            path = shown(path),
            variable = variable,
            source = io_reason(source)
        ),
        None => crate::tr!(
            "err.unreadable",
            path = shown(path),
            source = io_reason(source)
        ),
    }
}

/// Why a file could not be read or written, in the language in use: the
/// system's own words in English; in Chinese, the common reasons in Chinese
/// (and the system's words for the rest).
fn io_reason(source: &io::Error) -> String {
    use io::ErrorKind;
    if crate::i18n::current() == crate::i18n::Lang::En {
        return source.to_string();
    }
    let key = match source.kind() {
        ErrorKind::NotFound => "io.not_found",
        ErrorKind::PermissionDenied => "io.permission_denied",
        ErrorKind::IsADirectory => "io.is_a_directory",
        ErrorKind::NotADirectory => "io.not_a_directory",
        ErrorKind::StorageFull => "io.storage_full",
        ErrorKind::ReadOnlyFilesystem => "io.read_only",
        _ => return source.to_string(),
    };
    crate::tr!(key)
}

impl Error {
    /// A mistake in the command line (exit 2). What it quotes of the
    /// arguments is shown safely: control characters are escaped (`\u{1b}`),
    /// so an argument can never drive the terminal; its lines stay lines.
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage(crate::text::printable_lines(&message.into()).join("\n"))
    }

    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(match self {
            Error::Usage(_) => 2,
            Error::Invalid { .. } => 65,
            Error::Unreadable { .. } => 66,
            Error::Exists { .. } => 73,
            Error::Write { .. } | Error::Terminal { .. } => 74,
        })
    }

    /// What goes to stderr: `error: ...` lines, with places for file problems.
    pub fn report(&self) -> String {
        match self {
            Error::Invalid {
                file,
                text,
                problems,
            } => {
                let mut out: String = problems
                    .iter()
                    .map(|problem| problem.render(file, text) + "\n")
                    .collect();
                let count = count_problems(problems);
                if count > 1 {
                    out.push_str(&crate::tr!("err.count", count = count, file = file));
                    out.push('\n');
                }
                out
            }
            other => format!("{}{other}\n", crate::tr!("diag.error")),
        }
    }
}
