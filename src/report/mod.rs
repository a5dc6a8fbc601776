//! Turning computed figures into text: aligned tables, JSON, CSV and Markdown.
//! Nothing here computes a figure; it only decides how figures look.

pub mod calendar;
pub mod compare;
mod delimited;
mod ids;
mod measured;
pub mod money;
mod notes;
pub mod paint;
pub mod people;
pub mod plan;
pub mod purchase;
pub mod shares;
mod table;
pub mod what_if;

/// The output formats of `--format`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Table,
    Json,
    Csv,
    Markdown,
}
