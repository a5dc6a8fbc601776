//! The two lists of the main screen, one of which has the keyboard when no window
//! is open.

/// Which list has the keyboard.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Pane {
    Bundles,
    Detail,
}

impl Pane {
    /// The other list (`Tab`).
    pub fn other(self) -> Pane {
        match self {
            Pane::Bundles => Pane::Detail,
            Pane::Detail => Pane::Bundles,
        }
    }
}
