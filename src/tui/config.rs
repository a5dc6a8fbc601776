//! What the screen leaves the event loop to do (`Request`). What the command
//! line asks on top of the file is the core's `asked::Asked`.

use std::path::PathBuf;

/// Work that needs the terminal, left for the event loop to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// Suspend the screen, run the editor at `line` of `path`, then reload.
    OpenEditor { path: PathBuf, line: usize },
}
