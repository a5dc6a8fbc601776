//! Edits made on the main screen and in the field: each changes the catalogue or
//! the wants in memory, is noted for `Ctrl-S`, and every figure follows.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::App;
use crate::edit::Edit;
use crate::tr;
use crate::tui::edits::{choose_next_member, toggle_want};
use crate::tui::pane::Pane;
use crate::tui::windows::target::PriceTarget;

impl App {
    /// Changes a price or fact in memory, notes the edit for saving, and
    /// recomputes every figure.
    pub(super) fn set_value(&mut self, target: PriceTarget, value: Decimal) {
        if let PriceTarget::Fact(name) = &target {
            // The edit wins over --set, and is what the screen shows now.
            self.overrides.facts.remove(name);
            self.scenario.facts.insert(name.clone(), value);
            self.edited_facts.insert(name.clone());
        }
        let (edit, what) = target.apply(Arc::make_mut(&mut self.catalog), value);
        self.workspace.record(edit);
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
        if self.catalog.bundles[bundle].group_of(service).is_none() {
            let name = &self.catalog.services[service].name;
            self.message = Some(tr!("msg.not_in_group", name = name));
            return;
        }
        let catalog = Arc::make_mut(&mut self.catalog);
        let Some((edit, chosen)) = choose_next_member(catalog, bundle, service) else {
            return;
        };
        let chosen = catalog.services[chosen].tagged_name();
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
        let Some(service) = self.selected_service_ix() else {
            return;
        };
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
