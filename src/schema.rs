//! The JSON Schema of the bundles file (docs/reference/file-format.md), for editors that check TOML as
//! it is typed (taplo, Even Better TOML). Kept in the repository as
//! `bundles.schema.json` and printed by `bundlecalc schema`.

/// The schema, as shipped.
pub const SCHEMA: &str = include_str!("../bundles.schema.json");
