//! The screen's state and how each action changes it. No terminal I/O here.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use ratatui::layout::Rect;
use rust_decimal::Decimal;

use super::action::{Action, KeyMode};
use super::facts::{FactOrigins, FactRow, FactsWindow, fact_rows};
use super::layout::{Areas, areas, banner_lines, contains};
use super::note::{first_line, note_lines, room as note_room};
use super::search::{Search, next_match};
use crate::amount::{parse_amount, parse_decimal};
use crate::calc::{BundleFigures, Scenario, SortKey, cheapest_way, compare, sort_bundles_by};
use crate::diagnostic::count_problems;
use crate::edit::Edit;
use crate::error::Error;
use crate::model::{BundleIx, Catalog, Include, ServiceIx};
use crate::source::{Origin, Source};
use crate::tr;
use crate::tui::background::{Job, Polled};
use crate::tui::planning::Planning;
use crate::workspace::{DiskState, SaveError, SaveJob, Saved, Workspace};

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
    /// The cheapest plan for the wants at the time `P` was pressed.
    Plan,
    /// The facts tiers test (`f`).
    Facts,
    /// The selected bundle's whole note (`v`), scrolled to a line.
    Note {
        scroll: usize,
    },
}

/// The file being read or written on a worker thread.
enum FileJob {
    /// Reading it again; `revision` tells whether edits were made meanwhile, and
    /// `asked` whether the user asked (`r`) or the file changed.
    Reading {
        job: Job<Result<(Source, Catalog), Error>>,
        revision: u64,
        asked: bool,
    },
    Saving {
        job: Job<Result<Saved, SaveError>>,
        save: SaveJob,
    },
    /// Reading it to see whether an outside change broke it, without taking it in:
    /// there are unsaved edits.
    Checking {
        job: Job<Result<(Source, Catalog), Error>>,
    },
}

/// What a finished `FileJob` answered.
enum FileAnswer {
    Read(Result<(Source, Catalog), Error>),
    Saved(Result<Saved, SaveError>),
}

/// Why the file is read again.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Reason {
    /// The user asked (`r`, or an answer to a question).
    Asked,
    /// It changed on disk.
    Changed,
}

/// A question the user must answer before anything else happens.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Prompt {
    /// Quitting would lose unsaved edits.
    QuitUnsaved,
    /// Reloading would drop unsaved edits.
    ReloadUnsaved,
    /// The file changed on disk since it was loaded.
    SaveConflict,
    /// The built-in offers are read-only; write a local copy instead?
    SaveBuiltIn,
}

impl Prompt {
    /// The question, with the answers it accepts.
    pub fn question(self) -> String {
        match self {
            Prompt::QuitUnsaved => tr!("prompt.quit"),
            Prompt::ReloadUnsaved => tr!("prompt.reload"),
            Prompt::SaveConflict => tr!("prompt.conflict"),
            Prompt::SaveBuiltIn => tr!("prompt.built_in"),
        }
    }
}

/// Which value the open field edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PriceTarget {
    Service(ServiceIx),
    /// The bundle's base price (tiers are left alone).
    Bundle(BundleIx),
    /// The price of a bundle's tier (0-based), the one that priced it.
    Tier {
        bundle: BundleIx,
        tier: usize,
    },
    /// A fact tiers or benefits test.
    Fact(String),
    /// One of a service's other ways to buy it (0-based), the cheapest one.
    Way {
        service: ServiceIx,
        way: usize,
    },
    /// The rate of a benefit.
    Rate(ServiceIx),
}

/// The price field opened by `e`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceField {
    pub target: PriceTarget,
    pub text: String,
    /// Why the last `Enter` was refused.
    pub error: Option<String>,
}

/// Work that needs the terminal, left for the event loop to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// Suspend the screen, run the editor at `line` of `path`, then reload.
    OpenEditor { path: PathBuf, line: usize },
}

/// What the command line set that the file does not say.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overrides {
    /// `--want`, replacing the file's wants.
    pub wants: Option<Vec<String>>,
    /// `--set`, winning over the file's facts.
    pub facts: BTreeMap<String, Decimal>,
}

/// What the screen starts with.
pub struct AppConfig {
    pub workspace: Workspace,
    pub catalog: Catalog,
    pub scenario: Scenario,
    pub overrides: Overrides,
    pub sort: SortKey,
    pub reverse: bool,
    pub colour: bool,
    pub size: (u16, u16),
    /// Why the file did not load, when the screen opens on a broken file (with an
    /// empty catalogue): shown with its place until the file is fixed.
    pub problem: Option<Error>,
}

impl AppConfig {
    /// The screen on `source` as the file describes it: no command-line overrides,
    /// file order, no colour, 80×24.
    pub fn for_source(source: Source) -> Result<Self, Error> {
        let catalog = source.catalog()?;
        let scenario = Scenario::from_catalog(&catalog);
        Ok(AppConfig {
            workspace: Workspace::new(source),
            catalog,
            scenario,
            overrides: Overrides::default(),
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
    pub edited_facts: std::collections::BTreeSet<String>,
    /// The facts window's state, while it is shown.
    pub facts: FactsWindow,
    /// What `/` looks for, while a search is on.
    pub search: Option<Search>,
    /// Quit once the save under way has finished (the quit question's `s`).
    quit_after_save: bool,
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
    /// The plan shown by the plan overlay: being found, or found.
    pub plan: Option<Planning>,
    /// The file being read or written in the background.
    file_job: Option<FileJob>,
    /// The watcher saw a change while the file was being read or written.
    changed_while_busy: bool,
    pub prompt: Option<Prompt>,
    pub field: Option<PriceField>,
    /// The error that stops the file from loading, or news of an outside change,
    /// shown until the file loads again.
    pub banner: Option<String>,
    /// The line of the first problem of the file on disk, while it fails to load:
    /// where `E` opens the editor.
    pub broken_at: Option<usize>,
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
            edited_facts: Default::default(),
            facts: FactsWindow::default(),
            search: None,
            quit_after_save: false,
            rows: Vec::new(),
            notes: Vec::new(),
            focus: Pane::Bundles,
            selected: 0,
            offset: 0,
            selected_service: 0,
            service_offset: 0,
            overlay: None,
            plan: None,
            file_job: None,
            changed_while_busy: false,
            prompt: None,
            field: None,
            banner: None,
            broken_at: None,
            request: None,
            message: None,
            colour: config.colour,
            size: Rect::new(0, 0, config.size.0, config.size.1),
            quit: false,
        };
        app.recompute();
        if let Some(problem) = config.problem {
            app.show_problem(problem);
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

    /// The screen's layout at its current size.
    pub fn areas(&self) -> Option<Areas> {
        let banner_height = self.banner.as_deref().map_or(0, |banner| {
            banner_lines(banner, self.size.width).len() as u16
        });
        areas(self.size, self.rows.len(), banner_height)
    }

    /// Whether keys are commands or text for a field or question.
    pub fn key_mode(&self) -> KeyMode {
        let searching = self.search.as_ref().is_some_and(|s| s.typing);
        if self.field.is_some() || self.prompt.is_some() || searching {
            KeyMode::Typing
        } else {
            KeyMode::Commands
        }
    }

    pub fn is_modified(&self) -> bool {
        self.workspace.is_modified()
    }

    pub fn update(&mut self, action: Action) {
        if let Action::Resize { width, height } = action {
            self.resize(width, height);
            return;
        }
        if action == Action::FileChanged {
            self.file_changed();
            return;
        }
        self.message = None;
        if let Some(prompt) = self.prompt {
            self.answer(prompt, action);
            return;
        }
        if self.field.is_some() {
            self.type_into_field(action);
            return;
        }
        if self.search.as_ref().is_some_and(|s| s.typing) {
            self.type_into_search(action);
            return;
        }
        if let Some(Overlay::Note { scroll }) = self.overlay {
            self.in_note(action, scroll);
            return;
        }
        if self.overlay == Some(Overlay::Facts) {
            self.in_facts(action);
            return;
        }
        if self.overlay == Some(Overlay::Plan) && action == Action::ToggleRumoured {
            self.toggle_rumoured();
            return;
        }
        if self.overlay.is_some() {
            match action {
                Action::Back | Action::ToggleHelp | Action::ShowPlan => self.overlay = None,
                Action::Quit => {
                    self.overlay = None;
                    self.ask_to_quit();
                }
                Action::Resize { width, height } => self.resize(width, height),
                _ => {}
            }
            return;
        }
        match action {
            // Esc first clears a search, then quits.
            Action::Back if self.search.is_some() => {
                self.search = None;
                self.message = Some(tr!("msg.search_cleared"));
            }
            Action::Quit | Action::Back => self.ask_to_quit(),
            Action::Search => self.search = Some(Search::new(self.focus)),
            Action::SearchNext => self.find(true, false),
            Action::SearchPrevious => self.find(false, false),
            Action::ShowNote => self.show_note(),
            Action::Unknown => self.message = Some(tr!("msg.unknown_key")),
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
                self.sort = self.sort.next(self.scenario.wants.is_some());
                self.resort();
                self.message = Some(tr!("msg.sorted", sort = self.sort_words()));
            }
            Action::ReverseSort => {
                self.reverse = !self.reverse;
                self.resort();
                self.message = Some(tr!("msg.sorted", sort = self.sort_words()));
            }
            Action::ShowFacts => {
                self.overlay = Some(Overlay::Facts);
                let count = self.fact_rows().len();
                self.facts.move_by(0, count);
            }
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
                self.overlay = Some(Overlay::Plan);
                self.start_plan();
            }
            Action::EditPrice => self.open_price_field(),
            Action::Save | Action::Reload | Action::OpenEditor if self.file_job.is_some() => {
                self.message = Some(match self.file_job {
                    Some(FileJob::Saving { .. }) => tr!("msg.still_saving"),
                    _ => tr!("msg.still_reading"),
                });
            }
            Action::Save => self.save(),
            Action::Reload => {
                if self.is_modified() {
                    self.prompt = Some(Prompt::ReloadUnsaved);
                } else {
                    self.reload(Reason::Asked);
                }
            }
            Action::OpenEditor => self.open_editor(),
            Action::Type(_) | Action::Erase | Action::Submit => {}
            Action::Resize { .. } | Action::FileChanged => {}
        }
    }

    fn ask_to_quit(&mut self) {
        if self.is_modified() {
            self.prompt = Some(Prompt::QuitUnsaved);
        } else {
            self.quit = true;
        }
    }

    fn answer(&mut self, prompt: Prompt, action: Action) {
        let answer = match action {
            Action::Type(c) => c.to_ascii_lowercase(),
            Action::Back => 'n',
            Action::Quit if prompt == Prompt::QuitUnsaved => 'y',
            _ => return,
        };
        self.prompt = None;
        match (prompt, answer) {
            (Prompt::QuitUnsaved, 'y') => self.quit = true,
            (Prompt::QuitUnsaved, 's') => {
                self.quit_after_save = true;
                self.save();
            }
            (Prompt::ReloadUnsaved, 'y') | (Prompt::SaveConflict, 'r') => {
                self.reload(Reason::Asked)
            }
            (Prompt::SaveConflict, 'o') | (Prompt::SaveBuiltIn, 'y') => self.write_edits(),
            (Prompt::SaveConflict, 'c' | 'n') | (_, 'n') => {
                self.message = Some(tr!("msg.cancelled"))
            }
            // Any other key leaves the question open.
            _ => self.prompt = Some(prompt),
        }
    }

    fn open_price_field(&mut self) {
        let target = match self.focus {
            Pane::Bundles => self.selected_row().map(|row| self.bundle_price_target(row)),
            Pane::Detail => self
                .selected_service_ix()
                .map(|s| self.service_price_target(s)),
        };
        let Some(target) = target else { return };
        self.open_field(target);
    }

    /// The price that set a bundle's figures: the tier that applied, else the base.
    fn bundle_price_target(&self, row: &BundleFigures) -> PriceTarget {
        let bundle = &self.catalog.bundles[row.bundle];
        let applied = bundle.tiers.iter().position(|tier| {
            self.scenario
                .facts
                .get(&tier.when.fact)
                .is_some_and(|value| tier.when.holds_for(*value))
        });
        match applied {
            Some(tier) if row.price_rule.is_some() => PriceTarget::Tier {
                bundle: row.bundle,
                tier,
            },
            _ => PriceTarget::Bundle(row.bundle),
        }
    }

    /// What `e` edits on a service: a benefit's rate, else the way to buy it that
    /// gives its price now (the main price, or the cheapest other way).
    fn service_price_target(&self, service: ServiceIx) -> PriceTarget {
        let s = &self.catalog.services[service];
        if s.value.is_some() {
            return PriceTarget::Rate(service);
        }
        match cheapest_way(s, self.scenario.basis) {
            Some(way) => PriceTarget::Way { service, way },
            None => PriceTarget::Service(service),
        }
    }

    /// Opens the field on `target`, holding its current value.
    fn open_field(&mut self, target: PriceTarget) {
        let value = match &target {
            PriceTarget::Service(s) => Some(self.catalog.services[*s].price),
            PriceTarget::Bundle(b) => Some(self.catalog.bundles[*b].price),
            PriceTarget::Tier { bundle, tier } => {
                Some(self.catalog.bundles[*bundle].tiers[*tier].price)
            }
            PriceTarget::Fact(name) => self.scenario.facts.get(name).copied(),
            PriceTarget::Way { service, way } => {
                Some(self.catalog.services[*service].other_prices[*way].price)
            }
            PriceTarget::Rate(service) => self.catalog.services[*service]
                .value
                .as_ref()
                .map(|benefit| benefit.rate),
        };
        self.field = Some(PriceField {
            target,
            text: value.map(|v| v.to_string()).unwrap_or_default(),
            error: None,
        });
    }

    fn type_into_field(&mut self, action: Action) {
        let Some(field) = self.field.as_mut() else {
            return;
        };
        match action {
            Action::Type(c) => {
                field.text.push(c);
                field.error = None;
            }
            Action::Erase => {
                field.text.pop();
                field.error = None;
            }
            Action::Back => self.field = None,
            Action::Quit => {
                self.field = None;
                self.ask_to_quit();
            }
            Action::Submit => {
                // Facts may be any number; prices are amounts of money.
                let text = field.text.trim();
                let parsed = match field.target {
                    PriceTarget::Fact(_) => parse_decimal(text).map_err(|e| e.describe()),
                    PriceTarget::Rate(_) => match parse_amount(text) {
                        Ok(rate) if rate > Decimal::ONE => {
                            Err("must be between 0 and 1 (0.05 is 5%)".to_string())
                        }
                        other => other.map_err(|e| e.describe()),
                    },
                    _ => parse_amount(text).map_err(|e| e.describe()),
                };
                match parsed {
                    Ok(value) => {
                        let target = field.target.clone();
                        self.field = None;
                        self.set_value(target, value);
                    }
                    Err(why) => {
                        let what = match field.target {
                            PriceTarget::Fact(_) => tr!("field.the_fact"),
                            PriceTarget::Rate(_) => tr!("field.the_rate"),
                            _ => tr!("field.the_price"),
                        };
                        field.error =
                            Some(tr!("field.refused", text = text, why = why, what = what));
                    }
                }
            }
            _ => {}
        }
    }

    /// Changes a price or fact in memory, notes the edit for saving, and
    /// recomputes every figure.
    fn set_value(&mut self, target: PriceTarget, value: Decimal) {
        let catalog = Arc::make_mut(&mut self.catalog);
        let (edit, what) = match target {
            PriceTarget::Service(s) => {
                let service = &mut catalog.services[s];
                service.price = value;
                let id = service.id.clone();
                (
                    Edit::ServicePrice { id, price: value },
                    format!("{}: price set to {value}", service.name),
                )
            }
            PriceTarget::Bundle(b) => {
                let bundle = &mut catalog.bundles[b];
                bundle.price = value;
                let id = bundle.id.clone();
                (
                    Edit::BundlePrice { id, price: value },
                    format!("{}: price set to {value}", bundle.name),
                )
            }
            PriceTarget::Tier { bundle: b, tier } => {
                let bundle = &mut catalog.bundles[b];
                bundle.tiers[tier].price = value;
                let when = bundle.tiers[tier].when.to_string();
                let id = bundle.id.clone();
                (
                    Edit::TierPrice {
                        id,
                        tier,
                        price: value,
                    },
                    format!("{}: price at `{when}` set to {value}", bundle.name),
                )
            }
            PriceTarget::Way { service: s, way } => {
                let service = &mut catalog.services[s];
                let mut ways = service.other_prices.to_vec();
                ways[way].price = value;
                service.other_prices = ways.into();
                let label = service.other_prices[way].label.clone().unwrap_or_default();
                let id = service.id.clone();
                (
                    Edit::WayPrice {
                        id,
                        way,
                        price: value,
                    },
                    format!("{}: {label} price set to {value}", service.name),
                )
            }
            PriceTarget::Rate(s) => {
                let service = &mut catalog.services[s];
                if let Some(benefit) = &mut service.value {
                    benefit.rate = value;
                }
                let id = service.id.clone();
                (
                    Edit::BenefitRate { id, rate: value },
                    format!("{}: rate set to {value}", service.name),
                )
            }
            PriceTarget::Fact(name) => {
                // The edit wins over --set, and is what the screen shows now.
                catalog.profile.facts.insert(name.clone(), value);
                self.overrides.facts.remove(&name);
                self.scenario.facts.insert(name.clone(), value);
                self.edited_facts.insert(name.clone());
                (
                    Edit::Fact {
                        name: name.clone(),
                        value,
                    },
                    format!("{name} set to {value}"),
                )
            }
        };
        self.workspace.record(edit);
        self.recompute();
        self.message = Some(tr!("msg.ctrl_s", what = what));
    }

    /// Keys in the facts window: move, edit the selected fact, close.
    fn in_facts(&mut self, action: Action) {
        let rows = self.fact_rows();
        match action {
            Action::Up => self.facts.move_by(-1, rows.len()),
            Action::Down => self.facts.move_by(1, rows.len()),
            Action::EditPrice | Action::Submit => {
                if let Some(row) = rows.get(self.facts.selected) {
                    self.open_field(PriceTarget::Fact(row.name.clone()));
                }
            }
            Action::Back | Action::ShowFacts | Action::ToggleHelp => self.overlay = None,
            Action::Quit => {
                self.overlay = None;
                self.ask_to_quit();
            }
            _ => {}
        }
    }

    /// The facts the figures test, with their values and where those come from.
    pub fn fact_rows(&self) -> Vec<FactRow> {
        fact_rows(
            &self.catalog,
            &self.scenario,
            &FactOrigins {
                set_on_command_line: &self.overrides.facts,
                edited: &self.edited_facts,
            },
        )
    }

    /// `c` on a service chosen from a group: the group's next member is chosen
    /// (ended ones too: a pick is the user's word), saved into `profile.picks`.
    fn choose_next_member(&mut self) {
        let (Some(row), Some(service)) = (self.selected_row(), self.selected_service_ix()) else {
            return;
        };
        if self.focus != Pane::Detail {
            self.message = Some(tr!("msg.c_in_detail"));
            return;
        }
        let bundle_ix = row.bundle;
        let bundle = &self.catalog.bundles[bundle_ix];
        let Some(members) = bundle.includes.iter().find_map(|include| match include {
            Include::OneOf { members, .. } if members.contains(&service) => Some(members.clone()),
            _ => None,
        }) else {
            self.message = Some(tr!(
                "msg.not_in_group",
                name = self.catalog.services[service].name
            ));
            return;
        };
        let at = members.iter().position(|m| *m == service).unwrap_or(0);
        let next = members[(at + 1) % members.len()];
        let catalog = Arc::make_mut(&mut self.catalog);
        let picks = catalog.profile.picks.entry(bundle_ix).or_default();
        match picks.iter().position(|p| members.contains(p)) {
            Some(slot) => picks[slot] = next,
            None => picks.push(next),
        }
        let edit = Edit::Picks {
            bundle: catalog.bundles[bundle_ix].id.clone(),
            members: picks
                .iter()
                .map(|p| catalog.services[*p].id.clone())
                .collect(),
        };
        let chosen = catalog.services[next].tagged_name();
        self.workspace.record(edit);
        self.recompute();
        self.message = Some(tr!("msg.chosen", chosen = chosen));
    }

    /// Keys while the search query is typed: letters narrow it (the selection
    /// jumps to the first match), `Enter` keeps it for `n`/`N`, `Esc` drops it.
    fn type_into_search(&mut self, action: Action) {
        let Some(search) = self.search.as_mut() else {
            return;
        };
        match action {
            Action::Type(c) => search.query.push(c),
            Action::Erase => {
                search.query.pop();
            }
            Action::Submit => {
                search.typing = false;
                return;
            }
            Action::Back => {
                self.search = None;
                return;
            }
            Action::Quit => {
                self.search = None;
                self.ask_to_quit();
                return;
            }
            _ => return,
        }
        self.find(true, true);
    }

    /// Moves the selection to the next (or previous) match of the search in its
    /// list; `from_here` lets the selected row itself match.
    fn find(&mut self, forward: bool, from_here: bool) {
        let Some(search) = &self.search else {
            self.message = Some(tr!("msg.no_search"));
            return;
        };
        let catalog = &self.catalog;
        let found = match search.pane {
            Pane::Bundles => next_match(self.rows.len(), self.selected, forward, from_here, |at| {
                let bundle = &catalog.bundles[self.rows[at].bundle];
                search.matches([bundle.name.as_str(), bundle.id.as_str()])
            }),
            Pane::Detail => {
                let services = self.selected_row().map_or(&[][..], |r| &r.services[..]);
                next_match(
                    services.len(),
                    self.selected_service,
                    forward,
                    from_here,
                    |at| {
                        let service = &catalog.services[services[at].service];
                        search.matches([service.name.as_str(), service.id.as_str()])
                    },
                )
            }
        };
        let pane = search.pane;
        match found {
            Some(at) => {
                self.focus = pane;
                match pane {
                    Pane::Bundles => self.move_by(at as isize - self.selected as isize),
                    Pane::Detail => {
                        self.selected_service = at;
                        self.keep_selection_visible();
                    }
                }
            }
            None => self.message = Some(tr!("msg.no_match")),
        }
    }

    /// `v`: the selected bundle's whole note, in a window of its own.
    fn show_note(&mut self) {
        match self
            .selected_row()
            .map(|r| &self.catalog.bundles[r.bundle].note)
        {
            Some(Some(_)) => self.overlay = Some(Overlay::Note { scroll: 0 }),
            _ => self.message = Some(tr!("msg.no_note")),
        }
    }

    /// Keys in the note window: scroll, close.
    fn in_note(&mut self, action: Action, scroll: usize) {
        self.overlay = match action {
            Action::Down | Action::PageDown => {
                // Never past the last line, so Up answers at once.
                let lines = self
                    .selected_row()
                    .and_then(|r| self.catalog.bundles[r.bundle].note.as_deref())
                    .map_or(0, |note| note_lines(note, self.size.width).len());
                let room = note_room(self.size.height);
                let step = if action == Action::PageDown { room } else { 1 };
                Some(Overlay::Note {
                    scroll: first_line(scroll + step, lines, room),
                })
            }
            Action::Up => Some(Overlay::Note {
                scroll: scroll.saturating_sub(1),
            }),
            Action::PageUp => Some(Overlay::Note {
                scroll: scroll.saturating_sub(note_room(self.size.height)),
            }),
            Action::Quit => {
                self.overlay = None;
                self.ask_to_quit();
                return;
            }
            Action::Back | Action::ShowNote | Action::ToggleHelp => None,
            _ => Some(Overlay::Note { scroll }),
        };
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

    fn save(&mut self) {
        if !self.is_modified() {
            self.message = Some(if self.overrides.wants.is_some() {
                tr!("msg.nothing_to_save_view")
            } else {
                tr!("msg.nothing_to_save")
            });
        } else if self.workspace.is_built_in() {
            self.prompt = Some(Prompt::SaveBuiltIn);
        } else {
            match self.workspace.disk_state() {
                DiskState::Unchanged => self.write_edits(),
                DiskState::Changed | DiskState::Unreadable(_) => {
                    self.prompt = Some(Prompt::SaveConflict)
                }
            }
        }
    }

    /// Starts writing the edits on a worker thread; `poll_background` takes in the
    /// result. A large file takes longer to write than a frame lasts.
    fn write_edits(&mut self) {
        if self.file_job.is_some() {
            self.message = Some(tr!("msg.busy"));
            return;
        }
        let save = self.workspace.save_job();
        let work = save.clone();
        self.file_job = Some(FileJob::Saving {
            job: Job::start(move || work.run()),
            save,
        });
        self.message = Some(tr!("msg.saving"));
    }

    fn saved(&mut self, save: &SaveJob, result: Result<Saved, SaveError>) {
        match result {
            Ok(saved) => {
                self.workspace.saved(save, saved);
                if std::mem::take(&mut self.quit_after_save) && !self.is_modified() {
                    self.quit = true;
                }
                (self.file_label, self.file_location) = describe_origin(&self.workspace.origin);
                self.banner = None;
                self.message = Some(if self.overrides.wants.is_some() {
                    tr!("msg.saved_view", file = self.file_label)
                } else {
                    tr!("msg.saved", file = self.file_label)
                });
            }
            Err(error) => {
                self.quit_after_save = false;
                self.message = Some(tr!("msg.not_saved", error = error));
            }
        }
    }

    /// The watcher saw the file change: reload unless that would lose edits.
    fn file_changed(&mut self) {
        if self.file_job.is_some() {
            // Looked at once the read or write under way is done: it may be our own.
            self.changed_while_busy = true;
            return;
        }
        if self.banner.is_none() && matches!(self.workspace.disk_state(), DiskState::Unchanged) {
            return; // our own save, or a write that changed nothing
        }
        if self.is_modified() {
            // Not taken in over the edits; but read, so a broken file says where.
            let origin = self.workspace.origin.clone();
            self.file_job = Some(FileJob::Checking {
                job: Job::start(move || Workspace::read_again(&origin)),
            });
        } else {
            self.reload(Reason::Changed);
        }
    }

    /// Takes in the file read after an outside change while there are unsaved
    /// edits: the edits stay, and the banner says what happened to the file.
    fn checked(&mut self, result: Result<(Source, Catalog), Error>) {
        match result {
            Ok(_) => {
                self.broken_at = None;
                self.banner = Some(tr!("banner.changed"));
            }
            Err(error) => self.show_problem(error),
        }
    }

    /// Shows why the file does not load, with its place, in the banner; the last
    /// good figures (and any edits) stay.
    fn show_problem(&mut self, error: Error) {
        let (what, line) = match &error {
            Error::Invalid {
                file,
                text,
                problems,
            } => {
                let first = problems.first();
                let line = first.and_then(|p| p.line_col(text)).map(|(line, _)| line);
                let first = first.map(|p| p.one_line(file, text)).unwrap_or_default();
                let more = match count_problems(problems) {
                    0 | 1 => String::new(),
                    n => tr!("banner.more", count = n - 1),
                };
                (format!("{first}{more}"), line)
            }
            other => (other.to_string(), None),
        };
        self.broken_at = line;
        let kept = if self.is_modified() {
            tr!("banner.kept")
        } else {
            String::new()
        };
        let fix = match line {
            Some(line) => tr!("banner.fix_at", line = line),
            None => tr!("banner.read_again"),
        };
        self.banner = Some(format!("{what}{}{kept}{fix}", tr!("banner.stop")));
    }

    /// Starts reading the file again on a worker thread; `poll_background` takes in
    /// the result.
    fn reload(&mut self, reason: Reason) {
        if self.file_job.is_some() {
            self.message = Some(tr!("msg.busy"));
            return;
        }
        let origin = self.workspace.origin.clone();
        let asked = reason == Reason::Asked;
        self.file_job = Some(FileJob::Reading {
            job: Job::start(move || Workspace::read_again(&origin)),
            revision: self.workspace.revision(),
            asked,
        });
        if asked {
            self.message = Some(tr!("msg.reading"));
        }
    }

    /// Takes in the file read again; on failure the last good figures stay and the
    /// banner shows why.
    fn reloaded(&mut self, result: Result<(Source, Catalog), Error>, asked: bool) {
        match result {
            Ok((source, catalog)) => {
                self.workspace.reloaded(source);
                self.scenario = self.scenario_for(&catalog);
                self.catalog = Arc::new(catalog);
                self.banner = None;
                self.broken_at = None;
                self.recompute();
                self.message = Some(tr!("msg.reloaded", file = self.file_label));
            }
            Err(error) => {
                self.show_problem(error);
                // The banner says what and where; the figures and edits stay.
                if asked {
                    self.message = Some(tr!("msg.not_reloaded"));
                }
            }
        }
        self.keep_selection_visible();
    }

    /// The file's scenario, with this session's period and the command line's overrides.
    fn scenario_for(&self, catalog: &Catalog) -> Scenario {
        let mut scenario = Scenario::from_catalog(catalog);
        scenario.basis = self.scenario.basis;
        if let Some(ids) = &self.overrides.wants {
            // A wanted service that is gone from the file is simply no longer wanted.
            let (services, _gone) = catalog.services_named(ids.iter().map(String::as_str));
            scenario.set_wants(services);
        }
        scenario.facts.extend(self.overrides.facts.clone());
        scenario
    }

    fn open_editor(&mut self) {
        let Some(path) = self.workspace.path() else {
            self.message = Some(tr!("msg.read_only"));
            return;
        };
        if let Some(line) = self.broken_at {
            // Fix the file where it breaks; edits stay, and are not reloaded over.
            self.request = Some(Request::OpenEditor {
                path: path.to_path_buf(),
                line,
            });
            return;
        }
        if self.is_modified() {
            self.message = Some(tr!("msg.save_first"));
            return;
        }
        let line = match (self.focus, self.selected_row()) {
            (Pane::Detail, Some(_)) => self
                .selected_service_ix()
                .map(|s| self.catalog.services[s].line),
            (_, Some(row)) => Some(self.catalog.bundles[row.bundle].line),
            (_, None) => None,
        };
        self.request = Some(Request::OpenEditor {
            path: path.to_path_buf(),
            line: line.unwrap_or(1),
        });
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
        if self.overlay == Some(Overlay::Plan) {
            self.start_plan();
        }
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
        let polled = match &self.file_job {
            Some(FileJob::Reading { job, .. }) => job.poll().map(FileAnswer::Read),
            Some(FileJob::Checking { job }) => job.poll().map(FileAnswer::Read),
            Some(FileJob::Saving { job, .. }) => job.poll().map(FileAnswer::Saved),
            None => return,
        };
        match polled {
            Polled::Pending => {}
            Polled::Ready(answer) => {
                let finished = self.file_job.take();
                self.take_in(finished, answer);
            }
            Polled::Lost => {
                self.file_job = None;
                self.message = Some(tr!("msg.lost"));
            }
        }
    }

    /// Takes in a finished read or write, then looks at changes seen meanwhile.
    fn take_in(&mut self, finished: Option<FileJob>, answer: FileAnswer) {
        match (finished, answer) {
            (
                Some(FileJob::Reading {
                    revision, asked, ..
                }),
                FileAnswer::Read(result),
            ) => {
                if revision == self.workspace.revision() {
                    self.reloaded(result, asked);
                } else {
                    // Dropping edits made while the file was read would lose them.
                    self.message = Some(tr!("msg.edited_meanwhile"));
                }
            }
            (Some(FileJob::Saving { save, .. }), FileAnswer::Saved(result)) => {
                self.saved(&save, result)
            }
            (Some(FileJob::Checking { .. }), FileAnswer::Read(result)) => self.checked(result),
            _ => {}
        }
        if std::mem::take(&mut self.changed_while_busy) {
            self.file_changed();
        }
    }

    /// Whether work the screen waits for is under way in the background: a file
    /// read or written, the plan being shown.
    pub fn is_busy(&self) -> bool {
        let showing_plan = self.overlay == Some(Overlay::Plan);
        self.file_job.is_some()
            || (showing_plan && self.plan.as_ref().is_some_and(Planning::is_finding))
    }

    /// Waits for a save under way to finish, so that quitting never leaves it undone.
    pub fn finish_saving(&mut self) {
        if let Some(FileJob::Saving { job, save }) = self.file_job.take()
            && let Some(result) = job.wait()
        {
            self.saved(&save, result);
        }
    }

    /// Puts the rows in the current sort order (the figures stay), keeping the same
    /// bundle selected.
    fn resort(&mut self) {
        let keep = self.selected_row().map(|row| row.bundle);
        self.sort_keeping(keep);
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
            self.message = Some(tr!("msg.w_in_detail"));
            return;
        }
        let Some(service) = self.selected_service_ix() else {
            return;
        };
        let mut wants = self.scenario.wants.clone().unwrap_or_default();
        let name = self.catalog.services[service].name.clone();
        let now_wanted = match wants.iter().position(|w| *w == service) {
            Some(at) => {
                wants.remove(at);
                false
            }
            None => {
                wants.push(service);
                true
            }
        };
        let ids: Vec<String> = wants
            .iter()
            .map(|w| self.catalog.services[*w].id.clone())
            .collect();
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

/// The status-line label and the help-screen location of a file.
fn describe_origin(origin: &Origin) -> (String, String) {
    match origin {
        Origin::File(path) => (
            path.display().to_string(),
            std::fs::canonicalize(path)
                .unwrap_or_else(|_| path.clone())
                .display()
                .to_string(),
        ),
        Origin::BuiltIn => (tr!("origin.built_in"), tr!("origin.built_in_location")),
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
