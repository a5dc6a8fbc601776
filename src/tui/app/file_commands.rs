//! What the screen does about the file: the commands on it (save, reload, the
//! editor), and taking in what the file's work (`file_work`) answers.

use std::sync::Arc;

use super::App;
use crate::tr;
use crate::tui::config::Request;
use crate::tui::file_work::{FileCommand, FileNews, SaveStart, describe_origin};
use crate::tui::pane::Pane;
use crate::tui::windows::OpenWindow;
use crate::tui::windows::question::{Prompt, Question};
use bundlecalc_core::asked::Asked;
use bundlecalc_core::edit::Edit;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::scenario::Scenario;

impl App {
    /// Does a command on the file now, or, while the file is being read or
    /// written, as soon as that ends.
    pub(super) fn file_command(&mut self, command: FileCommand) {
        if self.files.is_busy() {
            self.files.waiting = Some(command);
            self.message = Some(self.files.still_busy());
            return;
        }
        match command {
            FileCommand::Save { then_quit } => self.save(then_quit),
            FileCommand::Write { then_quit } => {
                self.message = Some(self.files.write(&self.workspace, then_quit));
            }
            FileCommand::Reload if self.is_modified() => {
                self.open(OpenWindow::Question(Question::new(Prompt::ReloadUnsaved)));
            }
            FileCommand::Reload | FileCommand::ReloadNow => self.reload(true),
            FileCommand::Editor => self.open_editor(),
        }
    }

    /// `Ctrl-S`, or the quit question's `s` (`then_quit`).
    fn save(&mut self, then_quit: bool) {
        let view_wants = self.asked.wants.is_some();
        match self.files.save(&self.workspace, view_wants, then_quit) {
            SaveStart::Ask(prompt) => {
                self.open(OpenWindow::Question(Question { prompt, then_quit }))
            }
            SaveStart::Say(message) => self.message = Some(message),
        }
    }

    /// Starts reading the file again; `asked` by the user, or because it changed.
    fn reload(&mut self, asked: bool) {
        if let Some(message) = self.files.reload(&self.workspace, asked) {
            self.message = Some(message);
        }
    }

    /// Takes in what finished file work means for the screen.
    pub(super) fn take_in(&mut self, news: FileNews) {
        match news {
            FileNews::Reloaded(catalog) => {
                self.forget_saved_facts();
                self.scenario = self.scenario_for(&catalog);
                self.file = Arc::from(catalog);
                self.message = Some(tr!("msg.reloaded", file = self.file_label));
                self.reapply_what_ifs();
                self.recompute();
                self.keep_selection_visible();
            }
            FileNews::NotReloaded { asked } => {
                if asked {
                    self.message = Some(tr!("msg.not_reloaded"));
                }
                self.keep_selection_visible();
            }
            FileNews::EditedMeanwhile => self.message = Some(tr!("msg.edited_meanwhile")),
            FileNews::Saved { then_quit } => {
                if then_quit && !self.is_modified() {
                    self.quit = true;
                }
                (self.file_label, self.file_location) = describe_origin(&self.workspace.origin);
                self.forget_saved_facts();
                self.message = Some(if self.asked.wants.is_some() {
                    tr!("msg.saved_view", file = self.file_label)
                } else {
                    tr!("msg.saved", file = self.file_label)
                });
            }
            FileNews::NotSaved(error) => self.message = Some(tr!("msg.not_saved", error = error)),
            FileNews::Lost => self.message = Some(tr!("msg.lost")),
        }
    }

    /// A fact edited here and since saved (or dropped by a reload) comes from the
    /// file now: it is "edited" only while its edit is unsaved.
    fn forget_saved_facts(&mut self) {
        let edits = self.workspace.edits();
        self.edited_facts.retain(|name| {
            edits
                .iter()
                .any(|edit| matches!(edit, Edit::Fact { name: edited, .. } if edited == name))
        });
    }

    /// The file's scenario, with this session's period and statuses (`p`, `i`,
    /// started from the command line's) and what else the command line asked.
    pub(super) fn scenario_for(&self, catalog: &Catalog) -> Scenario {
        let asked = Asked {
            basis: Some(self.scenario.basis),
            include: self.scenario.include,
            ..self.asked.clone()
        };
        // A wanted service that is gone from the file is simply no longer wanted.
        asked.scenario(catalog).0
    }

    /// `E`: the editor at the selected item's line, or where the file breaks.
    fn open_editor(&mut self) {
        let Some(path) = self.workspace.path() else {
            self.message = Some(tr!("msg.read_only"));
            return;
        };
        let path = path.to_path_buf();
        // Fix the file where it breaks; edits stay, and are not reloaded over.
        let line = match self.broken_at() {
            Some(line) => line,
            None if self.is_modified() => {
                self.message = Some(tr!("msg.save_first"));
                return;
            }
            None => self.selected_line().unwrap_or(1),
        };
        self.request = Some(Request::OpenEditor { path, line });
    }

    /// The file's line of the selected service, in the detail list, else bundle.
    pub(super) fn selected_line(&self) -> Option<usize> {
        let row = self.selected_row()?;
        match self.focus {
            Pane::Detail => self
                .selected_service_ix()
                .map(|s| self.catalog.services[s].line),
            Pane::Bundles => Some(self.catalog.bundles[row.bundle].line),
        }
    }

    /// Waits for a save under way to finish, so that quitting never leaves it undone.
    pub fn finish_saving(&mut self) {
        if let Some(news) = self.files.finish_saving(&mut self.workspace) {
            self.take_in(news);
        }
    }
}
