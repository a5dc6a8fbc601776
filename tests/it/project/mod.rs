//! What the repository promises beside the program: its map, its crates, its READMEs.

mod architecture;
mod crate_metadata;
mod readme;
