//! Edits the main screen makes to what the figures come from: the group member
//! chosen (`c`) and the wanted marks (`w`). Each gives the `Edit` a save writes.

use bundlecalc_core::edit::Edit;
use bundlecalc_core::model::{BundleIx, Catalog, ServiceIx};

/// Chooses the next member of the group that holds `service` in `bundle` (ended
/// ones too: a pick is the user's word); the edit for `profile.picks` and the
/// member chosen, or `None` when no group holds it.
pub fn choose_next_member(
    catalog: &mut Catalog,
    bundle: BundleIx,
    service: ServiceIx,
) -> Option<(Edit, ServiceIx)> {
    let members = catalog.bundles[bundle].group_of(service)?.to_vec();
    let at = members.iter().position(|m| *m == service).unwrap_or(0);
    let next = members[(at + 1) % members.len()];
    let picks = catalog.profile.picks.entry(bundle).or_default();
    match picks.iter().position(|p| members.contains(p)) {
        Some(slot) => picks[slot] = next,
        None => picks.push(next),
    }
    let ids = picks.iter().map(|p| catalog.services[*p].id.clone());
    let edit = Edit::Picks {
        bundle: catalog.bundles[bundle].id.clone(),
        members: ids.collect(),
    };
    Some((edit, next))
}

/// Marks `service` wanted in `wants`, or no longer; whether it is wanted now.
pub fn toggle_want(wants: &mut Vec<ServiceIx>, service: ServiceIx) -> bool {
    match wants.iter().position(|w| *w == service) {
        Some(at) => {
            wants.remove(at);
            false
        }
        None => {
            wants.push(service);
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_comes_and_goes() {
        let mut wants = vec![3];
        assert!(toggle_want(&mut wants, 5));
        assert!(!toggle_want(&mut wants, 3));
        assert_eq!(wants, [5]);
    }
}
