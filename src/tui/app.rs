//! The screen's state and how each action changes it: the data, the selection, the
//! windows open over the main screen. Windows change their own state and answer
//! with an `Outcome`, acted on here; file work is in `files`. No terminal I/O here.

use std::collections::BTreeSet;
use std::sync::Arc;

use ratatui::layout::Rect;
use rust_decimal::Decimal;

use super::action::{Action, KeyMode};
use super::cursor::{scroll_to_show, step};
use super::edits::{choose_next_member, toggle_want};
use super::files::{FileNews, FileWork, SaveStart, describe_origin};
use super::layout::{Areas, contains, screen};
use super::planning::Planning;
use super::windows::Window;
use super::windows::facts::{FactOrigins, FactRow, FactsWindow, fact_rows};
use super::windows::field::PriceField;
use super::windows::help::Help;
use super::windows::note::{NoteWindow, note_lines, room as note_room};
use super::windows::outcome::Outcome;
use super::windows::plan::PlanWindow;
use super::windows::question::Question;
use super::windows::search::{Search, next_match};
use super::windows::target::PriceTarget;
use crate::calc::{Adjustments, BundleFigures, Scenario, SortKey, compare, sort_bundles_by};
use crate::edit::Edit;
use crate::model::{BundleIx, Catalog, ServiceIx};
use crate::tr;
use crate::workspace::Workspace;

pub use super::config::{AppConfig, Overrides, Request};
pub use super::pane::Pane;
pub use super::windows::question::Prompt;

/// Everything the screen shows, and where the user is in it.
pub struct App {
    pub workspace: Workspace,
    pub catalog: Arc<Catalog>,
    /// `catalog` with control characters escaped, when it has any: what names are
    /// drawn from (`shown`).
    escaped: Option<Arc<Catalog>>,
    /// The file as shown in the status line ("built-in" for the compiled-in copy).
    pub file_label: String,
    /// Where the file lives, for the help screen.
    pub file_location: String,
    pub scenario: Scenario,
    pub overrides: Overrides,
    pub sort: SortKey,
    /// The sort's opposite order (`S`, `--reverse`).
    pub reverse: bool,
    /// Facts edited in this screen (saved by `Ctrl-S`).
    pub edited_facts: BTreeSet<String>,
    /// The search kept for `n` and `N` once `Enter` ended its typing.
    kept_search: Option<Search>,
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
    /// The windows open over the main screen, the last on top: it has the keyboard.
    windows: Vec<Window>,
    /// The plan the plan window shows: being found, or found.
    pub plan: Option<Planning>,
    /// Reading, checking and saving the file; the banner.
    files: FileWork,
    /// Work for the event loop.
    pub request: Option<Request>,
    /// A one-line message for the status line, cleared by the next key.
    pub message: Option<String>,
    pub colour: bool,
    pub size: Rect,
    pub quit: bool,
}

impl App {
    pub fn new(config: AppConfig) -> Self {
        let (file_label, file_location) = describe_origin(&config.workspace.origin);
        let mut app = App {
            workspace: config.workspace,
            catalog: Arc::new(config.catalog),
            escaped: None,
            file_label,
            file_location,
            scenario: config.scenario,
            overrides: config.overrides,
            sort: config.sort,
            reverse: config.reverse,
            edited_facts: BTreeSet::new(),
            kept_search: None,
            rows: Vec::new(),
            notes: Vec::new(),
            focus: Pane::Bundles,
            selected: 0,
            offset: 0,
            selected_service: 0,
            service_offset: 0,
            windows: Vec::new(),
            plan: None,
            files: FileWork::default(),
            request: None,
            message: None,
            colour: config.colour,
            size: Rect::new(0, 0, config.size.0, config.size.1),
            quit: false,
        };
        app.recompute();
        if let Some(problem) = config.problem {
            app.files.show_problem(problem, false);
        }
        app
    }

    /// The catalogue as the screen shows it: names, ids, notes and labels with
    /// their control characters escaped.
    pub fn shown(&self) -> &Catalog {
        self.escaped.as_deref().unwrap_or(&self.catalog)
    }

    /// The figures of the selected bundle, if there is one.
    pub fn selected_row(&self) -> Option<&BundleFigures> {
        self.rows.get(self.selected)
    }

    /// The service selected in the detail list.
    pub fn selected_service_ix(&self) -> Option<ServiceIx> {
        self.selected_row()?
            .services
            .get(self.selected_service)
            .map(|s| s.service)
    }

    /// The windows open, the one on top last.
    pub fn windows(&self) -> &[Window] {
        &self.windows
    }

    /// The window on top, which has the keyboard.
    pub fn window(&self) -> Option<&Window> {
        self.windows.last()
    }

    /// The price field, while it is open.
    pub fn field(&self) -> Option<&PriceField> {
        match self.window() {
            Some(Window::Field(field)) => Some(field),
            _ => None,
        }
    }

    /// The question waiting for an answer.
    pub fn prompt(&self) -> Option<Prompt> {
        match self.window() {
            Some(Window::Question(question)) => Some(question.prompt),
            _ => None,
        }
    }

    /// What `/` looks for: the search being typed, or the one kept for `n` and `N`.
    pub fn search(&self) -> Option<&Search> {
        match self.window() {
            Some(Window::Search(search)) => Some(search),
            _ => self.kept_search.as_ref(),
        }
    }

    /// The search kept for `n` and `N`, once typed.
    pub fn kept_search(&self) -> Option<&Search> {
        self.kept_search.as_ref()
    }

    /// Why the file does not load, or news of an outside change.
    pub fn banner(&self) -> Option<&str> {
        self.files.banner.as_deref()
    }

    /// The line where the file on disk breaks, while it does not load.
    pub fn broken_at(&self) -> Option<usize> {
        self.files.broken_at
    }

    /// The screen's layout at its current size.
    pub fn areas(&self) -> Option<Areas> {
        screen(self.size, self.rows.len(), self.banner())
    }

    /// What keys mean now: whoever has the keyboard (the window on top, else the
    /// main screen) decides.
    pub fn key_mode(&self) -> KeyMode {
        self.window().map_or(KeyMode::Commands, Window::key_mode)
    }

    pub fn is_modified(&self) -> bool {
        self.workspace.is_modified()
    }

    /// Applies an action: the window on top takes it, else the main screen.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Resize { width, height } => return self.resize(width, height),
            Action::FileChanged => return self.files.file_changed(&self.workspace),
            _ => self.message = None,
        }
        let Some(mut window) = self.windows.pop() else {
            return self.on_main_screen(action);
        };
        let outcome = match &mut window {
            Window::Help(help) => help.update(action),
            Window::Plan(plan) => plan.update(action),
            Window::Facts(facts) => facts.update(action, &self.fact_rows()),
            Window::Note(note) => {
                let lines = self
                    .note()
                    .map_or(0, |n| note_lines(n, self.size.width).len());
                note.update(action, lines, note_room(self.size.height))
            }
            Window::Field(field) => field.update(action),
            Window::Question(question) => question.update(action),
            Window::Search(search) => search.update(action),
        };
        self.windows.push(window);
        self.act(outcome);
    }

    /// Does what a window's outcome asks.
    fn act(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Stay => {}
            Outcome::Close => self.close(),
            Outcome::Quit => {
                self.close();
                self.ask_to_quit();
            }
            Outcome::QuitNow => {
                self.close();
                self.quit = true;
            }
            Outcome::SaveAndQuit => {
                self.close();
                self.save(true);
            }
            Outcome::Reload => {
                self.close();
                self.reload(true);
            }
            Outcome::Write { then_quit } => {
                self.close();
                self.message = Some(self.files.write(&self.workspace, then_quit));
            }
            Outcome::Cancelled => {
                self.close();
                self.message = Some(tr!("msg.cancelled"));
            }
            Outcome::EditFact(name) => self.open_field(PriceTarget::Fact(name)),
            Outcome::Apply(target, value) => {
                self.close();
                self.set_value(target, value);
            }
            Outcome::ToggleRumoured => self.toggle_rumoured(),
            Outcome::Find => {
                if let Some(Window::Search(search)) = self.window() {
                    let search = search.clone();
                    self.find(&search, true, true);
                }
            }
            Outcome::KeepSearch => {
                if let Some(Window::Search(search)) = self.windows.pop() {
                    self.kept_search = Some(search);
                }
            }
        }
    }

    /// Closes the window on top.
    fn close(&mut self) {
        self.windows.pop();
    }

    fn open(&mut self, window: Window) {
        self.windows.push(window);
    }

    /// Keys on the main screen, when no window is open.
    fn on_main_screen(&mut self, action: Action) {
        match action {
            // Esc first clears a search, then quits.
            Action::Back if self.kept_search.is_some() => {
                self.kept_search = None;
                self.message = Some(tr!("msg.search_cleared"));
            }
            Action::Quit | Action::Back => self.ask_to_quit(),
            Action::Search => {
                self.kept_search = None;
                self.open(Window::Search(Search::new(self.focus)));
            }
            Action::SearchNext | Action::SearchPrevious => match self.kept_search.clone() {
                Some(search) => self.find(&search, action == Action::SearchNext, false),
                None => self.message = Some(tr!("msg.no_search")),
            },
            Action::ShowNote => match self.note() {
                Some(_) => self.open(Window::Note(NoteWindow::default())),
                None => self.message = Some(tr!("msg.no_note")),
            },
            Action::Unknown => self.message = Some(tr!("msg.unknown_key")),
            Action::ToggleHelp => self.open(Window::Help(Help)),
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-self.page()),
            Action::PageDown => self.move_by(self.page()),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::SwitchPane => self.focus = self.focus.other(),
            Action::FocusBundles => self.focus = Pane::Bundles,
            Action::FocusDetail => self.focus = Pane::Detail,
            Action::CycleSort => {
                self.sort = self.sort.next(self.scenario.wants.is_some());
                self.resort();
            }
            Action::ReverseSort => {
                self.reverse = !self.reverse;
                self.resort();
            }
            Action::ShowFacts => self.open(Window::Facts(FactsWindow::default())),
            Action::ChooseMember => self.choose_next_member(),
            Action::ToggleRumoured => self.toggle_rumoured(),
            Action::CyclePeriod => {
                self.scenario.basis = self.scenario.basis.next();
                self.recompute();
                self.message = Some(tr!("msg.figures", per = self.scenario.basis.per()));
            }
            Action::ToggleWanted => self.toggle_wanted(),
            Action::Click { column, row } => self.click(column, row),
            Action::ScrollUp { column, row } => self.scroll(column, row, -3),
            Action::ScrollDown { column, row } => self.scroll(column, row, 3),
            Action::ShowPlan => {
                self.open(Window::Plan(PlanWindow));
                self.start_plan();
            }
            Action::EditPrice => self.open_price_field(),
            Action::Save | Action::Reload | Action::OpenEditor if self.files.is_busy() => {
                self.message = Some(self.files.still_busy());
            }
            Action::Save => self.save(false),
            Action::Reload if self.is_modified() => {
                self.open(Window::Question(Question::new(Prompt::ReloadUnsaved)))
            }
            Action::Reload => self.reload(true),
            Action::OpenEditor => self.open_editor(),
            Action::Type(_) | Action::Erase | Action::Submit => {}
            Action::Resize { .. } | Action::FileChanged => {}
        }
    }

    /// Quits, asking first when there are unsaved edits.
    fn ask_to_quit(&mut self) {
        if self.is_modified() {
            self.open(Window::Question(Question::new(Prompt::QuitUnsaved)));
        } else {
            self.quit = true;
        }
    }

    /// The selected bundle's note, if it has one.
    fn note(&self) -> Option<&str> {
        let row = self.selected_row()?;
        self.catalog.bundles[row.bundle].note.as_deref()
    }

    /// `e`: the field on the price of the selected bundle, or of the selected service.
    fn open_price_field(&mut self) {
        let target = match self.focus {
            Pane::Bundles => self
                .selected_row()
                .map(|row| PriceTarget::for_bundle(&self.catalog, &self.scenario, row)),
            Pane::Detail => self
                .selected_service_ix()
                .map(|s| PriceTarget::for_service(&self.catalog, &self.scenario, s)),
        };
        if let Some(target) = target {
            self.open_field(target);
        }
    }

    /// Opens the field on `target`, holding its current value.
    fn open_field(&mut self, target: PriceTarget) {
        let value = target.value(&self.catalog, &self.scenario.facts);
        self.open(Window::Field(PriceField::new(target, value)));
    }

    /// Changes a price or fact in memory, notes the edit for saving, and
    /// recomputes every figure.
    fn set_value(&mut self, target: PriceTarget, value: Decimal) {
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

    /// The facts the figures test, with their values and where those come from.
    pub fn fact_rows(&self) -> Vec<FactRow> {
        let origins = FactOrigins {
            set_on_command_line: &self.overrides.facts,
            edited: &self.edited_facts,
        };
        fact_rows(&self.catalog, &self.scenario, &origins)
    }

    /// `c` on a service chosen from a group: the group's next member is chosen.
    fn choose_next_member(&mut self) {
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

    /// Moves the selection to the next (or previous) match of `search` in its
    /// list; `from_here` lets the selected row itself match.
    fn find(&mut self, search: &Search, forward: bool, from_here: bool) {
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
            self.message = Some(tr!("msg.no_match"));
            return;
        };
        self.focus = search.pane;
        match search.pane {
            Pane::Bundles => self.move_by(at as isize - self.selected as isize),
            Pane::Detail => {
                self.selected_service = at;
                self.keep_selection_visible();
            }
        }
    }

    /// `i`: plans use rumoured offers too, or only what is on sale.
    fn toggle_rumoured(&mut self) {
        self.scenario.include.rumoured = !self.scenario.include.rumoured;
        self.recompute();
        self.message = Some(if self.scenario.include.rumoured {
            tr!("msg.with_rumoured")
        } else {
            tr!("msg.on_sale")
        });
    }

    /// The sort in words, as the status line says it.
    pub fn sort_words(&self) -> String {
        let reversed = if self.reverse {
            tr!("sort.reversed")
        } else {
            String::new()
        };
        format!("{}{reversed}", self.sort.label())
    }

    /// `Ctrl-S`, or the quit question's `s` (`then_quit`).
    fn save(&mut self, then_quit: bool) {
        let view_wants = self.overrides.wants.is_some();
        match self.files.save(&self.workspace, view_wants, then_quit) {
            SaveStart::NothingToSave => {}
            SaveStart::Ask(prompt) => self.open(Window::Question(Question { prompt, then_quit })),
            SaveStart::Started(message) => self.message = Some(message),
        }
    }

    /// Starts reading the file again; `asked` by the user, or because it changed.
    fn reload(&mut self, asked: bool) {
        if let Some(message) = self.files.reload(&self.workspace, asked) {
            self.message = Some(message);
        }
    }

    /// Takes in what finished file work means for the screen.
    fn take_in(&mut self, news: FileNews) {
        match news {
            FileNews::Reloaded { catalog, asked: _ } => {
                self.scenario = self.scenario_for(&catalog);
                self.catalog = Arc::new(catalog);
                self.recompute();
                self.message = Some(tr!("msg.reloaded", file = self.file_label));
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
                self.message = Some(if self.overrides.wants.is_some() {
                    tr!("msg.saved_view", file = self.file_label)
                } else {
                    tr!("msg.saved", file = self.file_label)
                });
            }
            FileNews::NotSaved(error) => self.message = Some(tr!("msg.not_saved", error = error)),
            FileNews::Lost => self.message = Some(tr!("msg.lost")),
        }
    }

    /// The file's scenario, with this session's period and the command line's overrides.
    fn scenario_for(&self, catalog: &Catalog) -> Scenario {
        let asked = Adjustments {
            basis: Some(self.scenario.basis),
            wants: self.overrides.wants.as_deref(),
            facts: self.overrides.facts.clone(),
            include: Default::default(),
        };
        // A wanted service that is gone from the file is simply no longer wanted.
        Scenario::adjusted(catalog, &asked).0
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
    fn selected_line(&self) -> Option<usize> {
        let row = self.selected_row()?;
        match self.focus {
            Pane::Detail => self
                .selected_service_ix()
                .map(|s| self.catalog.services[s].line),
            Pane::Bundles => Some(self.catalog.bundles[row.bundle].line),
        }
    }

    /// Recomputes every figure for the current scenario and sort, keeping the
    /// same bundle selected; and the plan, if it is shown.
    pub fn recompute(&mut self) {
        let keep = self.selected_row().map(|row| row.bundle);
        let comparison = compare(&self.catalog, &self.scenario);
        self.escaped = match self.catalog.for_people() {
            std::borrow::Cow::Borrowed(_) => None,
            std::borrow::Cow::Owned(escaped) => Some(Arc::new(escaped)),
        };
        self.rows = comparison.bundles;
        self.notes = comparison.notes;
        self.sort_keeping(keep);
        if self.is_showing_plan() {
            self.start_plan();
        }
    }

    fn is_showing_plan(&self) -> bool {
        self.windows.iter().any(|w| matches!(w, Window::Plan(_)))
    }

    /// Starts finding the cheapest plan on a worker thread, unless the plan for the
    /// same catalogue and scenario is already found or being found (as when `P` is
    /// pressed twice); `poll_background` shows it when found.
    fn start_plan(&mut self) {
        if let Some(planning) = &self.plan
            && planning.is_for(&self.catalog, &self.scenario)
        {
            return;
        }
        self.plan = Some(Planning::start(&self.catalog, &self.scenario));
    }

    /// Takes in work finished in the background: the plan, the file read or written.
    pub fn poll_background(&mut self) {
        if let Some(planning) = &mut self.plan {
            planning.poll();
        }
        if let Some(news) = self.files.poll(&mut self.workspace) {
            self.take_in(news);
        }
    }

    /// Whether work the screen waits for is under way in the background: a file
    /// read or written, the plan being shown.
    pub fn is_busy(&self) -> bool {
        let finding = self.plan.as_ref().is_some_and(Planning::is_finding);
        self.files.is_busy() || (self.is_showing_plan() && finding)
    }

    /// Waits for a save under way to finish, so that quitting never leaves it undone.
    pub fn finish_saving(&mut self) {
        if let Some(news) = self.files.finish_saving(&mut self.workspace) {
            self.take_in(news);
        }
    }

    /// Puts the rows in the current sort order (the figures stay), keeping the same
    /// bundle selected, and says so.
    fn resort(&mut self) {
        let keep = self.selected_row().map(|row| row.bundle);
        self.sort_keeping(keep);
        self.message = Some(tr!("msg.sorted", sort = self.sort_words()));
    }

    fn sort_keeping(&mut self, keep: Option<BundleIx>) {
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
        let (bundles, services) = (areas.bundle_rows(), areas.service_rows());
        self.offset = scroll_to_show(self.offset, self.selected, bundles, self.rows.len());
        let count = self.selected_row().map_or(0, |row| row.services.len());
        self.service_offset =
            scroll_to_show(self.service_offset, self.selected_service, services, count);
    }

    /// `w`: the selected service is wanted, or no longer; in the file's wants, or
    /// only in the view when the wants came from `--want`.
    fn toggle_wanted(&mut self) {
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
