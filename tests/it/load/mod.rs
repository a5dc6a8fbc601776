//! Reading a bundles file: what it may hold, what is refused and how the refusal reads.

mod control_characters;
mod invalid_files;
mod messages;
mod numbers;
mod robustness;
mod schema;
