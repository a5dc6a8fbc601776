//! What-if changes applied to a catalogue (docs/reference/file-format.md, "What-if changes"): pure, from the catalogue as
//! the file writes it to the catalogue with some changes applied. The loader uses
//! the same steps to check each change against its offer.

use std::collections::BTreeSet;

use crate::model::Catalog;
use crate::model::change::Change;
use crate::model::index::{BundleIx, ChangeIx, ServiceIx};
use crate::model::offer::{ChangeMark, Include, Offer};

/// Why a set of changes cannot be applied together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApplyError {
    /// Together these changes leave a bundle with no include.
    LeavesEmpty {
        bundle: BundleIx,
        /// The changes applied to it, in file order.
        changes: Vec<ChangeIx>,
    },
}

/// `file` (a catalogue as its file writes it, no change applied) with `changes`
/// applied, each once, in file order whatever order they are given in. Of several
/// changes to one offer, an `add` of a service already there and a `remove` of one
/// already gone are skipped; a bundle left with no include is refused.
pub fn apply(file: &Catalog, changes: &[ChangeIx]) -> Result<Catalog, ApplyError> {
    debug_assert!(
        file.applied.is_empty(),
        "changes apply to the file's catalogue"
    );
    let in_order: BTreeSet<ChangeIx> = changes.iter().copied().collect();
    let mut changed = file.clone();
    for &at in &in_order {
        apply_one(&mut changed, &file.changes[at]);
    }
    changed.applied = in_order.into_iter().collect();
    for (bundle, offer) in changed.bundles.iter().enumerate() {
        if offer.includes.is_empty() {
            let changes = changed
                .applied
                .iter()
                .copied()
                .filter(|&c| changed.changes[c].offer == Offer::Bundle(bundle))
                .collect();
            return Err(ApplyError::LeavesEmpty { bundle, changes });
        }
    }
    Ok(changed)
}

/// Every change's index, for `--what-if all`.
pub fn all(catalog: &Catalog) -> Vec<ChangeIx> {
    (0..catalog.changes.len()).collect()
}

/// The ids named by `--what-if` (trimmed, blanks skipped, `all` for every change),
/// and the first id that names no change.
pub fn named<'a>(
    catalog: &Catalog,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<Vec<ChangeIx>, &'a str> {
    let mut found = BTreeSet::new();
    for id in ids.into_iter().map(str::trim).filter(|id| !id.is_empty()) {
        if id == "all" {
            found.extend(all(catalog));
            continue;
        }
        match catalog.changes.iter().position(|c| c.id == id) {
            Some(at) => {
                found.insert(at);
            }
            None => return Err(id),
        }
    }
    Ok(found.into_iter().collect())
}

/// One change applied to its offer, which remembers it.
fn apply_one(catalog: &mut Catalog, change: &Change) {
    let mark = ChangeMark {
        id: change.id.clone(),
        name: change.name.clone(),
    };
    match change.offer {
        Offer::Bundle(at) => {
            let bundle = &mut catalog.bundles[at];
            for &service in &change.remove {
                remove_service(&mut bundle.includes, service);
            }
            for include in &change.add {
                add_include(&mut bundle.includes, include.clone());
            }
            if let Some(price) = change.price {
                bundle.price = price;
            }
            if let Some(period) = change.period {
                bundle.period = period;
            }
            if let Some(tiers) = &change.tiers {
                bundle.tiers = tiers.clone();
            }
            if let Some(first) = &change.first {
                bundle.first = Some(Box::new(first.clone()));
            }
            bundle.changes.push(mark);
        }
        Offer::Service(at) => {
            let service = &mut catalog.services[at];
            if let Some(price) = change.price {
                service.price = price;
            }
            if let Some(period) = change.period {
                service.period = period;
            }
            if let Some(label) = &change.label {
                service.label = Some(label.as_str().into());
            }
            if let Some(ways) = &change.other_prices {
                service.other_prices = ways.clone().into();
            }
            if let Some(first) = &change.first {
                service.first = Some(Box::new(first.clone()));
            }
            let mut marks = std::mem::take(&mut service.changes).into_vec();
            marks.push(mark);
            service.changes = marks.into();
        }
    }
}

/// Whether `service` is among `includes`, plainly or as a group member.
pub fn is_included(includes: &[Include], service: ServiceIx) -> bool {
    includes.iter().any(|i| i.members().contains(&service))
}

/// Takes `service` out of `includes`: a plain include goes; a group loses the
/// member, and becomes the plain include of the one left, or goes when none is.
/// `false` when it was not included.
pub fn remove_service(includes: &mut Vec<Include>, service: ServiceIx) -> bool {
    let Some(at) = includes.iter().position(|i| i.members().contains(&service)) else {
        return false;
    };
    match &mut includes[at] {
        Include::Service(_) => {
            includes.remove(at);
        }
        Include::OneOf { members, .. } => {
            members.retain(|&m| m != service);
            match members.len() {
                0 => {
                    includes.remove(at);
                }
                1 => includes[at] = Include::Service(members[0]),
                _ => {}
            }
        }
    }
    true
}

/// Adds `include` at the end, without the services already included: a group
/// left with one member is added as that plain include, with none not at all.
/// `false` when nothing was added.
pub fn add_include(includes: &mut Vec<Include>, include: Include) -> bool {
    let added = match include {
        Include::Service(service) if is_included(includes, service) => None,
        Include::Service(service) => Some(Include::Service(service)),
        Include::OneOf { members, label } => {
            let members: Vec<ServiceIx> = members
                .into_iter()
                .filter(|&m| !is_included(includes, m))
                .collect();
            match members.len() {
                0 => None,
                1 => Some(Include::Service(members[0])),
                _ => Some(Include::OneOf { members, label }),
            }
        }
    };
    added.map(|include| includes.push(include)).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(members: &[ServiceIx]) -> Include {
        Include::OneOf {
            members: members.to_vec(),
            label: None,
        }
    }

    #[test]
    fn a_group_left_with_one_member_becomes_that_plain_include() {
        let mut includes = vec![Include::Service(0), group(&[1, 2])];
        assert!(remove_service(&mut includes, 2));
        assert_eq!(includes, [Include::Service(0), Include::Service(1)]);
        assert!(remove_service(&mut includes, 1));
        assert!(!remove_service(&mut includes, 1));
        assert_eq!(includes, [Include::Service(0)]);
    }

    #[test]
    fn adding_skips_what_is_there_already() {
        let mut includes = vec![Include::Service(0)];
        assert!(!add_include(&mut includes, Include::Service(0)));
        assert!(add_include(&mut includes, group(&[0, 1])));
        assert_eq!(includes, [Include::Service(0), Include::Service(1)]);
        assert!(add_include(&mut includes, group(&[2, 3])));
        assert_eq!(includes[2], group(&[2, 3]));
    }
}
