//! The screen's state and how each action changes it: the data, the selection, the
//! windows open over the main screen. This file composes and routes: the window on
//! top (else the main screen) takes each action, and a window's `Outcome` is acted
//! on here, once. What the main screen does is grouped by job in `app/`: moving
//! the selection (`lists`), edits (`edits`) and the file (`file`, over the work
//! `files` does). No terminal I/O here.

use std::collections::BTreeSet;
use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::{Action, KeyMode};
use super::calendaring::Calendaring;
use super::files::{FileCommand, FileWork, describe_origin};
use super::layout::{Areas, screen};
use super::planning::Planning;
use super::windows::Window;
use super::windows::calendar::CalendarWindow;
use super::windows::facts::{FactOrigins, FactRow, FactsWindow, fact_rows};
use super::windows::field::PriceField;
use super::windows::help::Help;
use super::windows::household::HouseholdWindow;
use super::windows::note::{NoteWindow, note_lines, room as note_room};
use super::windows::outcome::Outcome;
use super::windows::plan::PlanWindow;
use super::windows::question::Question;
use super::windows::search::Search;
use super::windows::services::{ServicesWindow, page as services_page};
use super::windows::target::PriceTarget;
use super::windows::what_ifs::WhatIfsWindow;
use crate::report::shares::split_name;
use crate::tr;
use crate::workspace::Workspace;
use bundlecalc_core::calc::compare;
use bundlecalc_core::calc::figures::BundleFigures;
use bundlecalc_core::calc::sort::SortKey;
use bundlecalc_core::model::{Catalog, ServiceIx};
use bundlecalc_core::plan::calendar::months::Horizon;
use bundlecalc_core::scenario::Scenario;

mod edits;
mod file;
mod lines;
mod lists;
mod what_ifs;

pub use super::config::{AppConfig, Overrides, Request};
pub use super::pane::Pane;
pub use super::windows::question::Prompt;

/// Everything the screen shows, and where the user is in it.
pub struct App {
    pub workspace: Workspace,
    /// The file's catalogue with this screen's edits: what `Ctrl-S` writes.
    pub file: Arc<Catalog>,
    /// The ids of the what-ifs applied (`a`, `--what-if`): a view, never saved.
    pub what_ifs: Vec<String>,
    /// `file` with the what-ifs applied: every figure is made on it.
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
    /// The months the calendar window plans (`[` `]` `{` `}`).
    pub horizon: Horizon,
    /// The calendar the calendar window shows: being found, or found.
    pub calendar: Option<Calendaring>,
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
        let file = Arc::new(config.catalog);
        let horizon = config
            .overrides
            .calendar
            .unwrap_or_else(|| Horizon::from_today(bundlecalc_core::stale::today()));
        let mut app = App {
            workspace: config.workspace,
            catalog: Arc::clone(&file),
            file,
            what_ifs: config.overrides.what_ifs.clone(),
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
            horizon,
            calendar: None,
            files: FileWork::default(),
            request: None,
            message: None,
            colour: config.colour,
            size: Rect::new(0, 0, config.size.0, config.size.1),
            quit: false,
        };
        app.reapply_what_ifs();
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
        screen(self.size, self.rows.len(), &self.texts())
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
        // Ctrl-S saves from any window that is not being typed in: marks made in
        // a window are edits like any other, and the window stays open.
        if action == Action::Save && window.key_mode() != KeyMode::Typing {
            self.windows.push(window);
            return self.file_command(FileCommand::Save { then_quit: false });
        }
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
            Window::WhatIfs(what_ifs) => what_ifs.update(action, self.file.changes.len()),
            Window::Household(household) => household.update(action),
            Window::Calendar(calendar) => calendar.update(action),
            Window::Services(services) => services.update(
                action,
                self.catalog.services.len(),
                services_page(self.size.height),
            ),
        };
        self.windows.push(window);
        self.act(outcome);
    }

    /// Does what a window's outcome asks: closing it first, when the outcome does.
    fn act(&mut self, outcome: Outcome) {
        if outcome.closes_window() {
            self.close();
        }
        match outcome {
            Outcome::Stay | Outcome::Close => {}
            Outcome::Quit => self.ask_to_quit(),
            Outcome::QuitNow => self.quit = true,
            Outcome::SaveAndQuit => self.file_command(FileCommand::Save { then_quit: true }),
            Outcome::Reload => self.file_command(FileCommand::ReloadNow),
            Outcome::Write { then_quit } => self.file_command(FileCommand::Write { then_quit }),
            Outcome::Cancelled => self.message = Some(tr!("msg.cancelled")),
            Outcome::EditFact(name) => self.open_field(PriceTarget::Fact(name)),
            Outcome::Apply(target, value) => self.set_value(target, value),
            Outcome::ToggleRumoured => self.toggle_rumoured(),
            Outcome::ToggleWhatIf(at) => self.toggle_what_if(at),
            Outcome::ToggleWant(service) => self.toggle_want_of(service),
            Outcome::Find => {
                if let Some(Window::Search(search)) = self.window() {
                    let search = search.clone();
                    let found = self.find(&search, true, true);
                    // The box says "no match" as the query is typed.
                    if let Some(Window::Search(search)) = self.windows.last_mut() {
                        search.misses = !found && !search.query.is_empty();
                    }
                }
            }
            Outcome::KeepSearch => {
                if let Some(Window::Search(search)) = self.windows.pop() {
                    self.kept_search = Some(search);
                }
            }
            Outcome::NextSplit => self.next_split(),
            Outcome::MoveHorizon(by) => {
                self.horizon = self.horizon.moved(by);
                self.start_calendar();
            }
            Outcome::ResizeHorizon(by) => {
                self.horizon = self.horizon.resized(by);
                self.start_calendar();
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
                Some(search) => {
                    self.find(&search, action == Action::SearchNext, false);
                }
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
                self.message = Some(tr!(
                    "msg.figures",
                    per = crate::words::per(self.scenario.basis)
                ));
            }
            Action::ToggleWanted => self.toggle_wanted(),
            Action::Click { column, row } => self.click(column, row),
            Action::ScrollUp { column, row } => self.scroll(column, row, -3),
            Action::ScrollDown { column, row } => self.scroll(column, row, 3),
            Action::ShowPlan => {
                self.open(Window::Plan(PlanWindow::default()));
                self.start_plan();
            }
            Action::ShowWhatIfs => {
                self.open(Window::WhatIfs(WhatIfsWindow::default()));
                self.start_plan();
            }
            Action::ShowHousehold => {
                self.open(Window::Household(HouseholdWindow::default()));
                self.start_plan();
            }
            Action::ShowCalendar => {
                self.open(Window::Calendar(CalendarWindow::default()));
                self.start_calendar();
            }
            Action::NextSplit => self.message = Some(tr!("msg.split_in_household")),
            Action::ShowServices => {
                let selected = self
                    .selected_service_ix()
                    .filter(|_| self.focus == Pane::Detail);
                self.open(Window::Services(ServicesWindow {
                    selected: selected.unwrap_or(0),
                }));
            }
            Action::EditPrice => self.open_price_field(),
            Action::Save => self.file_command(FileCommand::Save { then_quit: false }),
            Action::Reload => self.file_command(FileCommand::Reload),
            Action::OpenEditor => self.file_command(FileCommand::Editor),
            Action::Type(_) | Action::Erase | Action::Submit => {}
            Action::Resize { .. } | Action::FileChanged => {}
            // The calendar's keys mean something only in its window.
            Action::EarlierMonths
            | Action::LaterMonths
            | Action::FewerMonths
            | Action::MoreMonths => self.message = Some(tr!("msg.calendar_keys")),
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
    fn open_field(&mut self, target: PriceTarget) {
        let value = target.value(&self.catalog, &self.scenario.facts);
        let mut field = PriceField::new(target, value);
        if let PriceTarget::Fact(name) = &field.target {
            field.spent_by = self.catalog.benefit_spending(name).map(|s| s.id.clone());
        }
        self.open(Window::Field(field));
    }

    /// The facts the figures test, with their values and where those come from.
    pub fn fact_rows(&self) -> Vec<FactRow> {
        let origins = FactOrigins {
            set_on_command_line: &self.overrides.facts,
            edited: &self.edited_facts,
        };
        fact_rows(&self.catalog, &self.scenario, &origins)
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

    /// `x` in the household window: the next rule for sharing the total, starting
    /// from the file's (docs/reference/screen.md); a view, never saved, kept across reloads.
    fn next_split(&mut self) {
        let file_rule = &self.file.split;
        let next = self.scenario.split.next(file_rule);
        self.overrides.split = (next != *file_rule).then(|| next.clone());
        self.message = Some(tr!("msg.split", rule = split_name(&next)));
        self.scenario.split = next;
        self.start_plan();
    }

    /// The sort in words, as the status line says it.
    pub fn sort_words(&self) -> String {
        let reversed = if self.reverse {
            tr!("sort.reversed")
        } else {
            String::new()
        };
        format!("{}{reversed}", crate::words::sort_label(self.sort))
    }

    /// Recomputes every figure for the current scenario and sort, keeping the
    /// same bundle selected; and the plan, if it is shown.
    pub fn recompute(&mut self) {
        let keep = self.selected_row().map(|row| row.bundle);
        let comparison = compare(&self.catalog, &self.scenario);
        self.escaped = match crate::text::for_people(&self.catalog) {
            std::borrow::Cow::Borrowed(_) => None,
            std::borrow::Cow::Owned(escaped) => Some(Arc::new(escaped)),
        };
        self.rows = comparison.bundles;
        self.notes = crate::words::notes(&self.catalog, &comparison.notes);
        self.sort_keeping(keep);
        if self.is_showing_plan() {
            self.start_plan();
        }
        if self.is_showing_calendar() {
            self.start_calendar();
        }
    }

    /// Whether the calendar window is open.
    pub fn is_showing_calendar(&self) -> bool {
        self.windows
            .iter()
            .any(|w| matches!(w, Window::Calendar(_)))
    }

    /// Starts finding the calendar on a worker thread, unless the one for the
    /// same catalogue, scenario and horizon is found or being found.
    fn start_calendar(&mut self) {
        if let Some(calendaring) = &self.calendar
            && calendaring.is_for(&self.catalog, &self.scenario, self.horizon)
        {
            return;
        }
        self.calendar = Some(Calendaring::start(
            &self.catalog,
            &self.scenario,
            self.horizon,
            self.overrides.time_limit(),
        ));
    }

    /// Whether a window that shows the plan or its what-ifs is open.
    fn is_showing_plan(&self) -> bool {
        self.windows.iter().any(|w| {
            matches!(
                w,
                Window::Plan(_) | Window::WhatIfs(_) | Window::Household(_)
            )
        })
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
        let applied = self.applied();
        self.plan = Some(Planning::start(
            &self.file,
            &self.catalog,
            &applied,
            &self.scenario,
            self.overrides.time_limit(),
        ));
    }
}
