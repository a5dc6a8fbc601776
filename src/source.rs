//! Where the bundles file comes from (docs/reference/file-format.md discovery order) and reading it safely.

use std::env;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Worded, parse_catalog};
use crate::error::Error;
use crate::words;
use bundlecalc_core::load::parse::{MAX_FILE_BYTES, file_too_large, read_too_large};
use bundlecalc_core::model::Catalog;

/// The repository's `bundles.toml`, compiled in so the program runs from any folder.
pub const BUILT_IN: &str = include_str!("../bundles.toml");

/// Where the offers were read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    File(PathBuf),
    BuiltIn,
}

impl Origin {
    /// The name shown to users and in JSON: the path as given, or "(built-in)".
    pub fn name(&self) -> String {
        match self {
            Origin::File(path) => path.display().to_string(),
            Origin::BuiltIn => "(built-in)".to_string(),
        }
    }
}

/// The places the bundles file is looked for, first found wins.
#[derive(Clone, Debug, Default)]
pub struct SearchPath {
    /// `--file PATH`.
    pub explicit: Option<PathBuf>,
    /// `$BUNDLECALC_FILE`.
    pub from_env: Option<PathBuf>,
    /// `$XDG_CONFIG_HOME/bundlecalc/bundles.toml` or `~/.config/bundlecalc/bundles.toml`.
    pub user_config: Option<PathBuf>,
}

impl SearchPath {
    /// The search path for `--file` and this process's environment.
    pub fn from_environment(explicit: Option<PathBuf>) -> Self {
        let non_empty = |name: &str| env::var_os(name).filter(|v| !v.is_empty());
        let config_home = non_empty("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .or_else(|| non_empty("HOME").map(|home| PathBuf::from(home).join(".config")));
        SearchPath {
            explicit,
            from_env: non_empty("BUNDLECALC_FILE").map(PathBuf::from),
            user_config: config_home.map(|dir| dir.join("bundlecalc").join("bundles.toml")),
        }
    }

    /// `error` from reading the file `locate` chose, naming `$BUNDLECALC_FILE`
    /// when that is what chose an unreadable path.
    pub fn explain(&self, error: Error) -> Error {
        match error {
            Error::Unreadable { path, source, .. }
                if self.explicit.is_none() && self.from_env.as_ref() == Some(&path) =>
            {
                Error::Unreadable {
                    path,
                    source,
                    variable: Some("BUNDLECALC_FILE"),
                }
            }
            other => other,
        }
    }

    /// The first place that applies. A path the user named is used even if missing,
    /// so that a typo is reported rather than silently replaced by another file.
    pub fn locate(&self) -> Origin {
        if let Some(path) = self.explicit.as_ref().or(self.from_env.as_ref()) {
            return Origin::File(path.clone());
        }
        let local = PathBuf::from("bundles.toml");
        if local.is_file() {
            return Origin::File(local);
        }
        match &self.user_config {
            Some(path) if path.is_file() => Origin::File(path.clone()),
            _ => Origin::BuiltIn,
        }
    }
}

/// The text of a bundles file, with the name it is known by.
#[derive(Clone, Debug)]
pub struct Source {
    pub origin: Origin,
    pub text: String,
}

impl Source {
    pub fn built_in() -> Self {
        Source {
            origin: Origin::BuiltIn,
            text: BUILT_IN.to_string(),
        }
    }

    /// Reads a file: refused when too large or not UTF-8 (exit 65), or unreadable (66).
    pub fn read(path: &Path) -> Result<Source, Error> {
        let unreadable = |source| Error::Unreadable {
            path: path.to_path_buf(),
            source,
            variable: None,
        };
        let file = File::open(path).map_err(unreadable)?;
        let size = file.metadata().map_err(unreadable)?.len();
        let invalid = |message: String, text: String, span| Error::Invalid {
            file: path.display().to_string(),
            text,
            problems: vec![Worded {
                span,
                ..Worded::without_place(message)
            }],
        };
        // Refused before it is read, and again if it grew while being read.
        let limit = MAX_FILE_BYTES as u64;
        if size > limit {
            return Err(invalid(
                words::message(&file_too_large(size)),
                String::new(),
                None,
            ));
        }
        let mut bytes = Vec::with_capacity(size as usize);
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        if bytes.len() as u64 > limit {
            // It said it was smaller, or had no size (a pipe): only "over" is known.
            return Err(invalid(
                words::message(&read_too_large()),
                String::new(),
                None,
            ));
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Source {
                origin: Origin::File(path.to_path_buf()),
                text,
            }),
            Err(error) => {
                // The text up to the bad byte is valid, so its offset is the same in the
                // lossy copy shown to the user.
                let at = error.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
                let message = crate::tr!("load.not_utf8");
                Err(invalid(message, text, Some(at..at + 1)))
            }
        }
    }

    /// Reads whatever `origin` names.
    pub fn from_origin(origin: &Origin) -> Result<Source, Error> {
        match origin {
            Origin::File(path) => Source::read(path),
            Origin::BuiltIn => Ok(Source::built_in()),
        }
    }

    pub fn name(&self) -> String {
        self.origin.name()
    }

    /// Parses and validates the text.
    pub fn catalog(&self) -> Result<Catalog, Error> {
        parse_catalog(&self.text).map_err(|problems| Error::Invalid {
            file: self.name(),
            text: self.text.clone(),
            problems,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_file_is_valid() {
        let catalog = Source::built_in().catalog().unwrap();
        assert!(catalog.bundles.iter().any(|b| b.id == "88vip"));
    }

    #[test]
    fn a_named_file_wins_even_when_missing() {
        let search = SearchPath {
            explicit: Some("nowhere.toml".into()),
            from_env: Some("env.toml".into()),
            user_config: None,
        };
        assert_eq!(search.locate(), Origin::File("nowhere.toml".into()));
        let search = SearchPath {
            explicit: None,
            ..search
        };
        assert_eq!(search.locate(), Origin::File("env.toml".into()));
    }
}
