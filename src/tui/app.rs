//! The screen's state and how each action changes it. No terminal I/O here.

use ratatui::layout::Rect;

use super::action::Action;
use super::layout::{Areas, areas, contains};
use crate::calc::{BundleFigures, Scenario, SortKey, compare, sort_bundles};
use crate::model::{Catalog, ServiceIx};

/// Which list has the keyboard.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Pane {
    Bundles,
    Detail,
}

/// A window drawn over the main screen.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help,
}

/// What the screen starts with.
pub struct AppConfig {
    pub catalog: Catalog,
    /// The file as shown in the status line ("built-in" for the compiled-in copy).
    pub file_label: String,
    /// Where the file lives, for the help screen.
    pub file_location: String,
    pub scenario: Scenario,
    pub sort: SortKey,
    pub colour: bool,
    pub size: (u16, u16),
}

/// Everything the screen shows, and where the user is in it.
pub struct App {
    pub catalog: Catalog,
    pub file_label: String,
    pub file_location: String,
    pub scenario: Scenario,
    pub sort: SortKey,
    /// Every bundle's figures, in the current sort order.
    pub rows: Vec<BundleFigures>,
    /// Notes from the last computation, such as tiers whose fact is not set.
    pub notes: Vec<String>,
    pub focus: Pane,
    /// Index into `rows` of the selected bundle.
    pub selected: usize,
    /// First row of `rows` shown in the table.
    pub offset: usize,
    /// Index into the selected bundle's services.
    pub selected_service: usize,
    pub service_offset: usize,
    pub overlay: Option<Overlay>,
    /// A one-line message for the status line, cleared by the next key.
    pub message: Option<String>,
    pub colour: bool,
    pub size: Rect,
    pub quit: bool,
}

impl App {
    pub fn new(config: AppConfig) -> Self {
        let mut app = App {
            catalog: config.catalog,
            file_label: config.file_label,
            file_location: config.file_location,
            scenario: config.scenario,
            sort: config.sort,
            rows: Vec::new(),
            notes: Vec::new(),
            focus: Pane::Bundles,
            selected: 0,
            offset: 0,
            selected_service: 0,
            service_offset: 0,
            overlay: None,
            message: None,
            colour: config.colour,
            size: Rect::new(0, 0, config.size.0, config.size.1),
            quit: false,
        };
        app.recompute();
        app
    }

    /// The figures of the selected bundle, if there is one.
    pub fn selected_row(&self) -> Option<&BundleFigures> {
        self.rows.get(self.selected)
    }

    /// The screen's layout at its current size.
    pub fn areas(&self) -> Option<Areas> {
        areas(self.size, self.rows.len(), false)
    }

    pub fn update(&mut self, action: Action) {
        self.message = None;
        if self.overlay.is_some() {
            match action {
                Action::Back | Action::ToggleHelp => self.overlay = None,
                Action::Quit => self.quit = true,
                Action::Resize { width, height } => self.resize(width, height),
                _ => {}
            }
            return;
        }
        match action {
            Action::Quit | Action::Back => self.quit = true,
            Action::ToggleHelp => self.overlay = Some(Overlay::Help),
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-self.page()),
            Action::PageDown => self.move_by(self.page()),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::SwitchPane => {
                self.focus = match self.focus {
                    Pane::Bundles => Pane::Detail,
                    Pane::Detail => Pane::Bundles,
                }
            }
            Action::FocusBundles => self.focus = Pane::Bundles,
            Action::FocusDetail => self.focus = Pane::Detail,
            Action::CycleSort => {
                self.sort = self.sort.next();
                self.recompute();
                self.message = Some(format!("sorted by {}", self.sort.name()));
            }
            Action::CyclePeriod => {
                self.scenario.basis = self.scenario.basis.next();
                self.recompute();
                self.message = Some(format!("figures per {}", self.scenario.basis));
            }
            Action::ToggleWanted => self.toggle_wanted(),
            Action::Click { column, row } => self.click(column, row),
            Action::ScrollUp { column, row } => self.scroll(column, row, -3),
            Action::ScrollDown { column, row } => self.scroll(column, row, 3),
            Action::Resize { width, height } => self.resize(width, height),
        }
    }

    /// Recomputes every figure for the current scenario and sort, keeping the
    /// same bundle selected.
    pub fn recompute(&mut self) {
        let keep = self.selected_row().map(|row| row.bundle);
        let mut comparison = compare(&self.catalog, &self.scenario);
        sort_bundles(&mut comparison.bundles, self.sort, &self.catalog);
        self.rows = comparison.bundles;
        self.notes = comparison.notes;
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

    fn page(&self) -> isize {
        let rows = self.areas().map_or(1, |areas| match self.focus {
            Pane::Bundles => areas.bundle_rows(),
            Pane::Detail => areas.service_rows(),
        });
        rows.max(1) as isize
    }

    /// Moves the selection in the focused pane, stopping at either end.
    fn move_by(&mut self, delta: isize) {
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

    fn keep_selection_visible(&mut self) {
        let Some(areas) = self.areas() else { return };
        self.offset = scroll_to_show(
            self.offset,
            self.selected,
            areas.bundle_rows(),
            self.rows.len(),
        );
        let services = self.selected_row().map_or(0, |row| row.services.len());
        self.service_offset = scroll_to_show(
            self.service_offset,
            self.selected_service,
            areas.service_rows(),
            services,
        );
    }

    fn toggle_wanted(&mut self) {
        if self.focus != Pane::Detail {
            self.message =
                Some("w marks a service: press Tab to reach the detail list first".into());
            return;
        }
        let Some(service) = self.selected_service_ix() else {
            return;
        };
        let mut wants = self.scenario.wants.clone().unwrap_or_default();
        let name = &self.catalog.services[service].name;
        if let Some(at) = wants.iter().position(|w| *w == service) {
            wants.remove(at);
            self.message = Some(format!("{name}: not wanted"));
        } else {
            wants.push(service);
            self.message = Some(format!("{name}: wanted"));
        }
        let message = self.message.take();
        self.scenario.set_wants(wants);
        self.recompute();
        self.message = message;
    }

    /// The service selected in the detail list.
    pub fn selected_service_ix(&self) -> Option<ServiceIx> {
        self.selected_row()?
            .services
            .get(self.selected_service)
            .map(|s| s.service)
    }

    fn click(&mut self, column: u16, row: u16) {
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

    fn scroll(&mut self, column: u16, row: u16, delta: isize) {
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

    fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        self.keep_selection_visible();
    }
}

/// `at + delta`, kept within `0..count`.
fn step(at: usize, delta: isize, count: usize) -> usize {
    if count == 0 {
        return 0;
    }
    at.saturating_add_signed(delta).min(count - 1)
}

/// The first visible row after the least scrolling that shows `selected`.
fn scroll_to_show(offset: usize, selected: usize, visible: usize, count: usize) -> usize {
    let visible = visible.max(1);
    let offset = if selected < offset {
        selected
    } else if selected >= offset + visible {
        selected + 1 - visible
    } else {
        offset
    };
    offset.min(count.saturating_sub(visible))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stop_at_the_ends() {
        assert_eq!(step(0, -1, 4), 0);
        assert_eq!(step(3, 1, 4), 3);
        assert_eq!(step(1, isize::MAX / 2, 4), 3);
        assert_eq!(step(2, isize::MIN / 2, 4), 0);
        assert_eq!(step(0, 1, 0), 0);
    }

    #[test]
    fn scrolling_is_minimal() {
        assert_eq!(scroll_to_show(0, 5, 4, 10), 2);
        assert_eq!(scroll_to_show(2, 3, 4, 10), 2);
        assert_eq!(scroll_to_show(2, 1, 4, 10), 1);
        assert_eq!(scroll_to_show(8, 9, 4, 10), 6);
    }
}
