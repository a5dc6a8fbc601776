//! What JSON and CSV name things by (docs/reference/output.md, "What scripts can rely on"):
//! the ids of services and changes as the file writes them, and the kind of an
//! offer, the same bytes in every language.

use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::index::{ChangeIx, ServiceIx};
use bundlecalc_core::model::offer::ChangeMark;
use bundlecalc_core::plan::types::OfferKind;

/// `bundle` or `service`.
pub fn kind_name(kind: OfferKind) -> &'static str {
    match kind {
        OfferKind::Bundle(_) => "bundle",
        OfferKind::Service(_) => "service",
    }
}

/// The ids of `services`, in their order.
pub fn service_ids<'a>(catalog: &'a Catalog, services: &[ServiceIx]) -> Vec<&'a str> {
    services
        .iter()
        .map(|s| catalog.services[*s].id.as_str())
        .collect()
}

/// The ids of `changes`, in their order: `catalog.applied` for the changes applied.
pub fn change_ids<'a>(catalog: &'a Catalog, changes: &[ChangeIx]) -> Vec<&'a str> {
    changes
        .iter()
        .map(|&c| catalog.changes[c].id.as_str())
        .collect()
}

/// The ids of the changes an offer remembers.
pub fn mark_ids(marks: &[ChangeMark]) -> Vec<&str> {
    marks.iter().map(|m| m.id.as_str()).collect()
}
