//! Edits made on the main screen and in the field: opening the field on a price
//! or fact; setting it; the group member chosen (`c`) and the wanted marks
//! (`w`). Each changes the catalogue or the wants in memory, is noted for
//! `Ctrl-S` as the `Edit` a save writes, and every figure follows.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::App;
use crate::tr;
use crate::tui::pane::Pane;
use crate::tui::windows::OpenWindow;
use crate::tui::windows::field::PriceField;
use crate::tui::windows::target::PriceTarget;
use bundlecalc_core::edit::Edit;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::index::{BundleIx, ServiceIx};

impl App {
    /// `e`: the field on the price of the selected bundle, or of the selected service.
    pub(super) fn open_price_field(&mut self) {
        let target = match self.focus {
            Pane::Bundles => self
                .selected_row()
                .map(|row| PriceTarget::for_bundle(&self.catalog, &self.scenario, row)),
            Pane::Detail => self
                .selected_service_ix()
                .map(|s| PriceTarget::for_service(&self.catalog, s)),
        };
        let Some(target) = target else {
            return;
        };
        // A price a what-if sets is the what-if's: the file's own is edited once
        // it is taken back.
        if let Some(name) = target.changed_by(&self.catalog) {
            self.message = Some(tr!("msg.changed_price", name = name));
            return;
        }
        self.open_field(target);
    }

    /// Opens the field on `target`, holding its current value.
    pub(super) fn open_field(&mut self, target: PriceTarget) {
        let value = target.value(&self.catalog, &self.scenario.facts);
        let mut field = PriceField::new(target, value);
        if let PriceTarget::Fact(name) = &field.target {
            field.spent_by = self.catalog.benefit_spending(name).map(|s| s.id.clone());
        }
        self.open(OpenWindow::Field(field));
    }

    /// The file's catalogue, to edit in place. The figures' catalogue shares it
    /// when no what-if is applied: it lets go first, so an edit never copies the
    /// whole catalogue (`reapply_what_ifs` makes it again after the edit).
    fn file_mut(&mut self) -> &mut Catalog {
        self.catalog = Arc::new(Catalog::empty());
        Arc::make_mut(&mut self.file)
    }

    /// Changes a price or fact in memory, notes the edit for saving, and
    /// recomputes every figure.
    pub(super) fn set_value(&mut self, target: PriceTarget, value: Decimal) {
        if let PriceTarget::Fact(name) = &target {
            // The edit wins over --set, and is what the screen shows now.
            self.asked.facts.remove(name);
            self.scenario.facts.insert(name.clone(), value);
            self.edited_facts.insert(name.clone());
        }
        // Edits go to the file's catalogue; the what-ifs apply over them.
        let (edit, what) = target.apply(self.file_mut(), value);
        self.workspace.record(edit);
        self.reapply_what_ifs();
        self.recompute();
        self.message = Some(tr!("msg.ctrl_s", what = what));
    }

    /// `c` on a service chosen from a group: the group's next member is chosen.
    pub(super) fn choose_next_member(&mut self) {
        let (Some(row), Some(service)) = (self.selected_row(), self.selected_service_ix()) else {
            return;
        };
        if self.focus != Pane::Detail {
            self.message = Some(tr!("msg.c_in_detail"));
            return;
        }
        let bundle = row.bundle;
        if self.file.bundles[bundle].group_of(service).is_none() {
            let name = &self.catalog.services[service].name;
            self.message = Some(tr!("msg.not_in_group", name = name));
            return;
        }
        let file = self.file_mut();
        let chosen = pick_next_member(file, bundle, service)
            .map(|(edit, chosen)| (edit, crate::words::service_name(&file.services[chosen])));
        self.reapply_what_ifs();
        let Some((edit, chosen)) = chosen else {
            return;
        };
        self.workspace.record(edit);
        self.recompute();
        self.message = Some(tr!("msg.chosen", chosen = chosen));
    }

    /// `w`: the selected service is wanted, or no longer; in the file's wants, or
    /// only in the view when the wants came from `--want`.
    pub(super) fn toggle_wanted(&mut self) {
        if self.focus != Pane::Detail {
            self.message = Some(tr!("msg.w_in_detail"));
            return;
        }
        if let Some(service) = self.selected_service_ix() {
            self.toggle_want_of(service);
        }
    }

    /// The service is wanted, or no longer (`w`, or in the services window).
    pub(super) fn toggle_want_of(&mut self, service: ServiceIx) {
        let mut wants = self.scenario.wants.clone().unwrap_or_default();
        let name = self.catalog.services[service].name.clone();
        let now_wanted = toggle_want(&mut wants, service);
        let ids = wants.iter().map(|w| self.catalog.services[*w].id.clone());
        let ids: Vec<String> = ids.collect();
        // Wants given with --want are a view: marks change it, never the file.
        let from_command_line = self.asked.wants.is_some();
        if from_command_line {
            self.asked.wants = Some(ids);
        } else {
            self.workspace.record(Edit::Wants(ids));
        }
        self.scenario.set_wants(wants);
        self.recompute();
        let mark = if now_wanted {
            tr!("msg.wanted")
        } else {
            tr!("msg.not_wanted")
        };
        self.message = Some(if from_command_line {
            tr!("msg.mark_view", name = name, mark = mark)
        } else {
            tr!("msg.mark", name = name, mark = mark)
        });
    }
}

/// Chooses the next member of the group that holds `service` in `bundle` (ended
/// ones too: a pick is the user's word); the edit for `profile.picks` and the
/// member chosen, or `None` when no group holds it.
fn pick_next_member(
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
fn toggle_want(wants: &mut Vec<ServiceIx>, service: ServiceIx) -> bool {
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
