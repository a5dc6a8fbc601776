//! Moving the selection in the main screen's two lists: keys, clicks, the wheel,
//! search jumps and sorting, always keeping the selection in view.

use ratatui::layout::Rect;

use super::App;
use crate::tr;
use crate::tui::cursor::{scroll_to_show, step};
use crate::tui::layout::contains;
use crate::tui::pane::Pane;
use crate::tui::windows::search::{Search, next_match};
use bundlecalc_core::calc::sort::{SortKey, sort_bundles_by};
use bundlecalc_core::model::index::BundleIx;

impl App {
    /// Moves the selection to the next (or previous) match of `search` in its
    /// list; `from_here` lets the selected row itself match.
    /// Whether a match was found: else the selection stays and the status line
    /// says so.
    pub(super) fn find(&mut self, search: &Search, forward: bool, from_here: bool) -> bool {
        let catalog = &self.catalog;
        let found = match search.pane {
            Pane::Bundles => next_match(self.rows.len(), self.selected, forward, from_here, |at| {
                let bundle = &catalog.bundles[self.rows[at].bundle];
                search.matches([bundle.name.as_str(), bundle.id.as_str()])
            }),
            Pane::Detail => {
                let services = self.selected_row().map_or(&[][..], |r| &r.services[..]);
                let from = self.selected_service;
                next_match(services.len(), from, forward, from_here, |at| {
                    let service = &catalog.services[services[at].service];
                    search.matches([service.name.as_str(), service.id.as_str()])
                })
            }
        };
        let Some(at) = found else {
            self.message = Some(match search.pane {
                Pane::Bundles => tr!("msg.no_bundle_match"),
                Pane::Detail => tr!("msg.no_match"),
            });
            return false;
        };
        self.focus = search.pane;
        match search.pane {
            Pane::Bundles => self.move_by(at as isize - self.selected as isize),
            Pane::Detail => {
                self.selected_service = at;
                self.keep_selection_visible();
            }
        }
        true
    }

    /// Puts the rows in the current sort order (the figures stay), keeping the same
    /// bundle selected, and says so.
    pub(super) fn resort(&mut self) {
        let keep = self.selected_row().map(|row| row.bundle);
        self.sort_keeping(keep);
        self.message = Some(tr!("msg.sorted", sort = self.sort_words()));
    }

    pub(super) fn sort_keeping(&mut self, keep: Option<BundleIx>) {
        if self.sort == SortKey::Personal && self.scenario.wants.is_none() {
            self.sort = SortKey::File; // personal savings need wants
        }
        sort_bundles_by(&mut self.rows, self.sort, self.reverse, &self.catalog);
        if let Some(bundle) = keep {
            self.selected = self
                .rows
                .iter()
                .position(|row| row.bundle == bundle)
                .unwrap_or(0);
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        let services = self.selected_row().map_or(0, |row| row.services.len());
        self.selected_service = self.selected_service.min(services.saturating_sub(1));
        self.keep_selection_visible();
    }

    pub(super) fn page(&self) -> isize {
        let rows = self.areas().map_or(1, |areas| match self.focus {
            Pane::Bundles => areas.bundle_rows(),
            Pane::Detail => areas.service_rows(),
        });
        rows.max(1) as isize
    }

    /// Moves the selection in the focused pane, stopping at either end.
    pub(super) fn move_by(&mut self, delta: isize) {
        match self.focus {
            Pane::Bundles => {
                let before = self.selected;
                self.selected = step(self.selected, delta, self.rows.len());
                if self.selected != before {
                    self.selected_service = 0;
                    self.service_offset = 0;
                }
            }
            Pane::Detail => {
                let count = self.selected_row().map_or(0, |row| row.services.len());
                self.selected_service = step(self.selected_service, delta, count);
            }
        }
        self.keep_selection_visible();
    }

    pub(super) fn keep_selection_visible(&mut self) {
        let Some(areas) = self.areas() else { return };
        let (bundles, services) = (areas.bundle_rows(), areas.service_rows());
        self.offset = scroll_to_show(self.offset, self.selected, bundles, self.rows.len());
        let count = self.selected_row().map_or(0, |row| row.services.len());
        self.service_offset =
            scroll_to_show(self.service_offset, self.selected_service, services, count);
    }

    pub(super) fn click(&mut self, column: u16, row: u16) {
        let Some(areas) = self.areas() else { return };
        if contains(areas.bundles, column, row) {
            self.focus = Pane::Bundles;
            if let Some(at) = row.checked_sub(areas.first_bundle_row()) {
                let target = self.offset + usize::from(at);
                if usize::from(at) < areas.bundle_rows() && target < self.rows.len() {
                    self.move_by(target as isize - self.selected as isize);
                }
            }
        } else if contains(areas.detail, column, row) {
            self.focus = Pane::Detail;
            if let Some(at) = row.checked_sub(areas.first_service_row()) {
                let target = self.service_offset + usize::from(at);
                let count = self.selected_row().map_or(0, |r| r.services.len());
                if usize::from(at) < areas.service_rows() && target < count {
                    self.selected_service = target;
                }
            }
        }
    }

    pub(super) fn scroll(&mut self, column: u16, row: u16, delta: isize) {
        let Some(areas) = self.areas() else { return };
        let pane = if contains(areas.detail, column, row) {
            Pane::Detail
        } else {
            Pane::Bundles
        };
        let focus = std::mem::replace(&mut self.focus, pane);
        self.move_by(delta);
        self.focus = focus;
    }

    pub(super) fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        self.keep_selection_visible();
    }
}
