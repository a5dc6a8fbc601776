//! Edits made on the main screen and in the field: each changes the catalogue or
//! the wants in memory, is noted for `Ctrl-S`, and every figure follows.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::App;
use crate::tr;
use crate::tui::edits::{choose_next_member, toggle_want};
use crate::tui::pane::Pane;
use crate::tui::windows::target::PriceTarget;
use bundlecalc_core::edit::Edit;
use bundlecalc_core::model::{Catalog, ServiceIx};

impl App {
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
            self.overrides.facts.remove(name);
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
        let chosen = choose_next_member(file, bundle, service)
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
        let from_command_line = self.overrides.wants.is_some();
        if from_command_line {
            self.overrides.wants = Some(ids);
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
            format!("{name}: {mark}")
        });
    }
}
