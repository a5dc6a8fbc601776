//! Work the open windows show, found in the background: starting it when a
//! window that shows it opens or the figures change, taking in what finished
//! (the plan, the calendar, the file's work), and whether the screen waits for
//! any.

use super::App;
use crate::tr;
use crate::tui::planning::{start_calendar, start_plan};
use crate::tui::windows::window::Shows;

impl App {
    /// Takes in work finished in the background: the plan, the calendar, the
    /// file read or written. Whether any came, so the screen is drawn again.
    pub fn poll_background(&mut self) -> bool {
        let planned = self.plan.as_mut().is_some_and(|planning| planning.poll());
        let calendared = self
            .calendar
            .as_mut()
            .is_some_and(|calendaring| calendaring.poll());
        // Work on the file that ends may bring no news and still change the
        // banner, or what the status line says of the work.
        let before = (self.files.is_busy(), self.files.banner.clone());
        let news = self.files.poll(&mut self.workspace);
        let after = (self.files.is_busy(), self.files.banner.clone());
        let changed = planned || calendared || news.is_some() || before != after;
        if let Some(news) = news {
            self.take_in(news);
        }
        // A command that waited for the work is answered now; what it says
        // replaces "still reading…".
        if !self.files.is_busy()
            && let Some(command) = self.files.waiting.take()
        {
            if self.message.as_deref().is_some_and(|message| {
                [tr!("msg.still_reading"), tr!("msg.still_saving")].contains(&message.to_string())
            }) {
                self.message = None;
            }
            self.file_command(command);
            return true;
        }
        changed
    }

    /// Whether work the screen waits for is under way in the background: a file
    /// read or written, the plan being shown.
    pub fn is_busy(&self) -> bool {
        let finding = self.plan.as_ref().is_some_and(|p| p.is_finding());
        let calendaring = self.calendar.as_ref().is_some_and(|c| c.is_finding());
        self.files.is_busy()
            || (self.is_showing_plan() && finding)
            || (self.is_showing_calendar() && calendaring)
    }

    /// Whether a window that shows `work` is open.
    fn is_showing(&self, work: Shows) -> bool {
        self.windows.iter().any(|w| w.shows() == Some(work))
    }

    /// Whether the calendar window is open.
    pub fn is_showing_calendar(&self) -> bool {
        self.is_showing(Shows::Calendar)
    }

    /// Starts finding the calendar on a worker thread, unless the one for the
    /// same catalogue, scenario and horizon is found or being found.
    pub(super) fn start_calendar(&mut self) {
        let asked = (self.scenario.clone(), self.horizon);
        if let Some(calendaring) = &self.calendar
            && calendaring.is_for(&self.catalog, &asked)
        {
            return;
        }
        self.calendar = Some(start_calendar(
            &self.catalog,
            &self.scenario,
            self.horizon,
            (self.asked.time_limit(), self.today()),
        ));
    }

    /// Whether a window that shows the plan or its what-ifs is open.
    pub(super) fn is_showing_plan(&self) -> bool {
        self.is_showing(Shows::Plan)
    }

    /// Starts finding the cheapest plan on a worker thread, unless the plan for the
    /// same catalogue and scenario is already found or being found (as when `P` is
    /// pressed twice); `poll_background` shows it when found.
    pub(super) fn start_plan(&mut self) {
        if let Some(planning) = &self.plan
            && planning.is_for(&self.catalog, &self.scenario)
        {
            return;
        }
        let applied = self.applied();
        self.plan = Some(start_plan(
            &self.file,
            &self.catalog,
            &applied,
            &self.scenario,
            (self.asked.time_limit(), self.today()),
        ));
    }
}
