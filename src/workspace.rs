//! The file being worked on: the text last loaded or saved, the edits made since,
//! and reloading, conflict detection and saving. No terminal here.

use std::io;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::save::write_atomically;
use crate::source::{Origin, Source};
use bundlecalc_core::edit::{Edit, apply_edits};
use bundlecalc_core::model::Catalog;

/// Where the built-in offers are written when the user saves edits to them.
pub const LOCAL_FILE: &str = "bundles.toml";

/// A bundles file and the unsaved edits made to it.
#[derive(Clone, Debug)]
pub struct Workspace {
    pub origin: Origin,
    /// Exactly the text last loaded or saved: the base for edits and for noticing
    /// changes made by others.
    pub text: String,
    edits: Vec<Edit>,
    /// How many edits were ever recorded.
    revision: u64,
}

/// What is on disk now, compared with what was loaded.
#[derive(Debug)]
pub enum DiskState {
    /// Same bytes as loaded (or the built-in file, which cannot change).
    Unchanged,
    /// Someone else changed the file since it was loaded.
    Changed,
    /// The file is gone or unreadable.
    Unreadable(io::Error),
}

/// Why saving did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}", crate::words::edit_error(_0))]
    Edit(bundlecalc_core::edit::EditError),
    #[error("{}", crate::tr!("err.write", path = path.display(), source = source))]
    Write { path: PathBuf, source: io::Error },
    #[error("{}", crate::tr!("err.local_exists", path = path.display()))]
    Exists { path: PathBuf },
}

impl From<bundlecalc_core::edit::EditError> for SaveError {
    fn from(error: bundlecalc_core::edit::EditError) -> Self {
        SaveError::Edit(error)
    }
}

impl Workspace {
    pub fn new(source: Source) -> Self {
        Workspace {
            origin: source.origin,
            text: source.text,
            edits: Vec::new(),
            revision: 0,
        }
    }

    pub fn is_modified(&self) -> bool {
        !self.edits.is_empty()
    }

    /// The edits not yet saved, in the order made.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    pub fn is_built_in(&self) -> bool {
        self.origin == Origin::BuiltIn
    }

    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(path) => Some(path),
            Origin::BuiltIn => None,
        }
    }

    /// Notes an edit; a later edit of the same value replaces the earlier one.
    pub fn record(&mut self, edit: Edit) {
        self.edits.retain(|earlier| !earlier.same_target(&edit));
        self.edits.push(edit);
        self.revision += 1;
    }

    /// Whether the file on disk still holds what was loaded, compared by content.
    pub fn disk_state(&self) -> DiskState {
        let Some(path) = self.path() else {
            return DiskState::Unchanged;
        };
        match std::fs::read(path) {
            Ok(bytes) if bytes == self.text.as_bytes() => DiskState::Unchanged,
            Ok(_) => DiskState::Changed,
            Err(e) => DiskState::Unreadable(e),
        }
    }

    /// Reads and validates the file at `origin`: the work of a reload, on any thread.
    pub fn read_again(origin: &Origin) -> Result<(Source, Catalog), Error> {
        let source = Source::from_origin(origin)?;
        let catalog = source.catalog()?;
        Ok((source, catalog))
    }

    /// Takes in a file read again: its text is the new base, and the edits are dropped.
    pub fn reloaded(&mut self, source: Source) {
        self.origin = source.origin;
        self.text = source.text;
        self.edits.clear();
    }

    /// Counts the edits recorded, to tell whether any came while work was under way.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// What saving now would write: the work of a save, to run on any thread.
    pub fn save_job(&self) -> SaveJob {
        SaveJob {
            origin: self.origin.clone(),
            text: self.text.clone(),
            edits: self.edits.clone(),
        }
    }

    /// Takes in a finished save: the file now holds `job`'s edits; any recorded
    /// since it started stay unsaved.
    pub fn saved(&mut self, job: &SaveJob, saved: Saved) {
        self.origin = Origin::File(saved.path);
        self.text = saved.text;
        self.edits.retain(|edit| !job.edits.contains(edit));
    }
}

/// A save taken from a workspace: the text as loaded and the edits to write into it.
#[derive(Clone, Debug)]
pub struct SaveJob {
    origin: Origin,
    text: String,
    edits: Vec<Edit>,
}

/// What a save wrote, and where.
#[derive(Debug)]
pub struct Saved {
    pub path: PathBuf,
    pub text: String,
}

impl SaveJob {
    /// Applies the edits to the text and writes it, atomically. The built-in offers
    /// go to a new `./bundles.toml`, never over an existing one.
    pub fn run(&self) -> Result<Saved, SaveError> {
        let text = apply_edits(&self.text, &self.edits)?;
        let path = match &self.origin {
            Origin::File(path) => path.clone(),
            Origin::BuiltIn => {
                let path = PathBuf::from(LOCAL_FILE);
                if path.exists() {
                    return Err(SaveError::Exists { path });
                }
                path
            }
        };
        write_atomically(&path, text.as_bytes()).map_err(|source| SaveError::Write {
            path: path.clone(),
            source,
        })?;
        Ok(Saved { path, text })
    }
}
