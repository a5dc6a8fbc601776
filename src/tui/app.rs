//! The screen's state and how each action changes it: the data, the selection, the
//! windows open over the main screen. This file composes and routes: the window on
//! top (else the main screen) takes each action, and a window's `Outcome` is acted
//! on here, once. What the main screen does is grouped by job in `app/`: the
//! texts around the panes (`lines`), moving the selection (`lists`), edits
//! (`edits`), the file (`file_commands`, over the work `file_work` does), the
//! background work the windows show (`polling`) and the what-ifs applied
//! (`what_ifs`). No terminal I/O here.

use std::collections::BTreeSet;
use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::{Action, KeyMode, Opens};
use super::config::Request;
use super::file_work::{FileCommand, FileWork, describe_origin};
use super::layout::{Areas, screen};
use super::pane::Pane;
use super::planning::{Calendaring, Planning};
use super::theme::Theme;
use super::windows::OpenWindow;
use super::windows::facts::{FactOrigins, FactRow, fact_rows};
use super::windows::field::PriceField;
use super::windows::note::NoteWindow;
use super::windows::outcome::Outcome;
use super::windows::question::{Prompt, Question};
use super::windows::search::Search;
use super::windows::services::ServicesWindow;
use super::windows::target::PriceTarget;
use super::windows::window::{Props, Shows};
use crate::error::Error;
use crate::report::shares::split_name;
use crate::source::Source;
use crate::tr;
use crate::workspace::Workspace;
use bundlecalc_core::asked::Asked;
use bundlecalc_core::calc::compare;
use bundlecalc_core::calc::figures::BundleFigures;
use bundlecalc_core::calc::sort::SortKey;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::index::ServiceIx;
use bundlecalc_core::plan::calendar::months::Horizon;
use bundlecalc_core::scenario::Scenario;

mod edits;
mod file_commands;
mod lines;
mod lists;
mod polling;
mod what_ifs;

/// What the screen starts with.
pub struct AppConfig {
    pub workspace: Workspace,
    pub catalog: Catalog,
    pub scenario: Scenario,
    pub asked: Asked,
    pub sort: SortKey,
    pub reverse: bool,
    pub colour: bool,
    pub size: (u16, u16),
    /// Why the file did not load, when the screen opens on a broken file (with an
    /// empty catalogue): shown with its place until the file is fixed.
    pub problem: Option<Error>,
}

impl AppConfig {
    /// The screen on `source` as the file describes it: nothing asked on top of it,
    /// file order, no colour, 80×24.
    pub fn for_source(source: Source) -> Result<Self, Error> {
        let catalog = source.catalog()?;
        let scenario = Scenario::from_catalog(&catalog);
        Ok(AppConfig {
            workspace: Workspace::new(source),
            catalog,
            scenario,
            asked: Asked::default(),
            sort: SortKey::File,
            reverse: false,
            colour: false,
            size: (80, 24),
            problem: None,
        })
    }
}

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
    /// `file` with control characters escaped, when it has any (`shown_file`).
    escaped_file: Option<Arc<Catalog>>,
    /// The file as shown in the status line ("built-in" for the compiled-in copy).
    pub file_label: String,
    /// Where the file lives, for the help screen.
    pub file_location: String,
    pub scenario: Scenario,
    pub asked: Asked,
    pub sort: SortKey,
    /// The sort's opposite order (`S`, `--reverse`).
    pub reverse: bool,
    /// Facts edited in this screen (saved by `Ctrl-S`).
    pub edited_facts: BTreeSet<String>,
    /// The search kept for `n` and `N` once `Enter` ended its typing.
    kept_search: Option<Search>,
    /// The day prices' ages are judged from, for the whole session.
    today: time::Date,
    /// Every bundle's figures, in the current sort order.
    pub rows: Vec<BundleFigures>,
    /// What the figures rest on besides their numbers: tiers not applied
    /// because their fact is not set (the comparison's notes).
    pub notes: Vec<bundlecalc_core::note::Note>,
    pub focus: Pane,
    /// Index into `rows` of the selected bundle.
    pub selected: usize,
    /// First row of `rows` shown in the table.
    pub offset: usize,
    /// Index into the selected bundle's services.
    pub selected_service: usize,
    pub service_offset: usize,
    /// The windows open over the main screen, the last on top: it has the keyboard.
    windows: Vec<OpenWindow>,
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
        // One day for the whole session: prices' ages and the calendar's first month.
        let today = config
            .asked
            .today
            .unwrap_or_else(bundlecalc_core::stale::today);
        let horizon = config
            .asked
            .calendar
            .unwrap_or_else(|| Horizon::from_today(today));
        let mut app = App {
            workspace: config.workspace,
            catalog: Arc::clone(&file),
            file,
            what_ifs: config.asked.what_ifs.clone(),
            escaped: None,
            escaped_file: None,
            file_label,
            file_location,
            scenario: config.scenario,
            asked: config.asked,
            today,
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

    /// The day a price's age is judged from: `--today`, or the system's date
    /// when the screen opened.
    pub fn today(&self) -> time::Date {
        self.today
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

    /// The file's catalogue (no what-if applied) as the screen shows it.
    pub fn shown_file(&self) -> &Catalog {
        self.escaped_file.as_deref().unwrap_or(&self.file)
    }

    /// The windows open, the one on top last.
    pub fn windows(&self) -> &[OpenWindow] {
        &self.windows
    }

    /// The window on top, which has the keyboard.
    pub fn window(&self) -> Option<&OpenWindow> {
        self.windows.last()
    }

    /// The price field, while it is open.
    pub fn field(&self) -> Option<&PriceField> {
        match self.window() {
            Some(OpenWindow::Field(field)) => Some(field),
            _ => None,
        }
    }

    /// The question waiting for an answer.
    pub fn prompt(&self) -> Option<Prompt> {
        match self.window() {
            Some(OpenWindow::Question(question)) => Some(question.prompt),
            _ => None,
        }
    }

    /// What `/` looks for: the search being typed, or the one kept for `n` and `N`.
    pub fn search(&self) -> Option<&Search> {
        match self.window() {
            Some(OpenWindow::Search(search)) => Some(search),
            _ => self.kept_search.as_ref(),
        }
    }

    /// What every window is handed, to update and to draw, on a screen the size of
    /// `screen`.
    pub fn props(&self, screen: Rect) -> Props<'_> {
        Props {
            screen,
            theme: Theme::new(self.colour),
            catalog: &self.catalog,
            shown: self.shown(),
            file: &self.file,
            file_shown: self.shown_file(),
            scenario: &self.scenario,
            facts_set: &self.asked.facts,
            facts_edited: &self.edited_facts,
            what_ifs: &self.what_ifs,
            people_chosen: self.asked.people.is_some(),
            file_location: &self.file_location,
            bundle: self.selected_row().map(|row| row.bundle),
            plan: self.plan.as_ref(),
            calendar: self.calendar.as_ref(),
            horizon: self.horizon,
            file_broken: self.files.broken_at.is_some(),
            today: self.today(),
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
        self.window()
            .map_or(KeyMode::Commands, |window| window.key_mode())
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
        // `?` lists every key over any window; closing the list comes back to it.
        if action == Action::Open(Opens::Help)
            && window.key_mode() != KeyMode::Typing
            && !matches!(window, OpenWindow::Help(_))
        {
            self.windows.push(window);
            return self.open(OpenWindow::opened_by(Opens::Help));
        }
        let outcome = window.update(action, &self.props(self.size));
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
                if let Some(OpenWindow::Search(search)) = self.window() {
                    let search = search.clone();
                    let found = self.find(&search, true, true);
                    // The box says "no match" as the query is typed.
                    if let Some(OpenWindow::Search(search)) = self.windows.last_mut() {
                        search.misses = !found && !search.query.is_empty();
                    }
                }
            }
            Outcome::KeepSearch => {
                if let Some(OpenWindow::Search(search)) = self.windows.pop() {
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

    /// Opens `window` over the others, and starts the work it shows.
    fn open(&mut self, window: OpenWindow) {
        let shows = window.shows();
        self.windows.push(window);
        match shows {
            Some(Shows::Plan) => self.start_plan(),
            Some(Shows::Calendar) => self.start_calendar(),
            None => {}
        }
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
                self.open(OpenWindow::Search(Search::new(self.focus)));
            }
            Action::SearchNext | Action::SearchPrevious => match self.kept_search.clone() {
                Some(search) => {
                    self.find(&search, action == Action::SearchNext, false);
                }
                None => self.message = Some(tr!("msg.no_search")),
            },
            Action::ShowNote => match self.note() {
                Some(_) => self.open(OpenWindow::Note(NoteWindow::default())),
                None => self.message = Some(tr!("msg.no_note")),
            },
            Action::Unknown => self.message = Some(tr!("msg.unknown_key")),
            Action::Open(opens) => self.open(OpenWindow::opened_by(opens)),
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
            Action::NextSplit => self.message = Some(tr!("msg.split_in_household")),
            Action::ShowServices => {
                let selected = self
                    .selected_service_ix()
                    .filter(|_| self.focus == Pane::Detail);
                self.open(OpenWindow::Services(ServicesWindow {
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
            self.open(OpenWindow::Question(Question::new(Prompt::QuitUnsaved)));
        } else {
            self.quit = true;
        }
    }

    /// The selected bundle's note, if it has one.
    fn note(&self) -> Option<&str> {
        let row = self.selected_row()?;
        self.catalog.bundles[row.bundle].note.as_deref()
    }

    /// The facts the figures test, with their values and where those come from.
    pub fn fact_rows(&self) -> Vec<FactRow> {
        let origins = FactOrigins {
            set_on_command_line: &self.asked.facts,
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
        self.asked.split = (next != *file_rule).then(|| next.clone());
        self.message = Some(tr!("msg.split", rule = split_name(&next)));
        self.scenario.split = next;
        self.start_plan();
    }

    /// Recomputes every figure for the current scenario and sort, keeping the
    /// same bundle selected; and the plan, if it is shown.
    pub fn recompute(&mut self) {
        let keep = self.selected_row().map(|row| row.bundle);
        let comparison = compare(&self.catalog, &self.scenario);
        self.escaped = escaped(&self.catalog);
        self.escaped_file = escaped(&self.file);
        self.rows = comparison.bundles;
        self.notes = comparison.notes;
        self.sort_keeping(keep);
        if self.is_showing_plan() {
            self.start_plan();
        }
        if self.is_showing_calendar() {
            self.start_calendar();
        }
    }
}

/// `catalog` with control characters escaped, when it has any.
fn escaped(catalog: &Catalog) -> Option<Arc<Catalog>> {
    match crate::text::for_people(catalog) {
        std::borrow::Cow::Borrowed(_) => None,
        std::borrow::Cow::Owned(escaped) => Some(Arc::new(escaped)),
    }
}
