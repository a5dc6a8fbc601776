//! The texts around the panes, in words: what the figures assume (the scenario)
//! and the status line (the file, the period, the sort, then a message, the
//! search or the keys). The layout sizes them and the view draws them; both ask
//! here, so they always agree.

use super::App;
use crate::report::shares::split_name;
use crate::text::{display_width, printable};
use crate::tr;
use crate::tui::detail::{DetailProps, footer_rows};
use crate::tui::layout::{DETAIL_FOOTER_LINES, Texts, detail_inner_width};
use crate::tui::pane::Pane;
use bundlecalc_core::split::Split;

/// The keys worth showing in each pane, most useful first.
pub const BUNDLE_HINTS: &[&str] = &[
    "hint.help",
    "hint.quit",
    "hint.plan",
    "hint.find",
    "hint.sort",
    "hint.edit",
    "hint.detail",
    "hint.facts",
    "hint.note",
    "hint.period",
    "hint.rumours",
    "hint.what_ifs",
    "hint.household",
    "hint.save",
    "hint.services",
];
pub const DETAIL_HINTS: &[&str] = &[
    "hint.help",
    "hint.quit",
    "hint.plan",
    "hint.want",
    "hint.choose",
    "hint.edit",
    "hint.find",
    "hint.bundles",
    "hint.note",
    "hint.services",
    "hint.save",
];

/// As many whole hints as fit in `width` cells, in order; never one cut short.
pub fn fitting_hints(hints: &[&str], width: usize) -> String {
    let mut out = String::new();
    for hint in hints {
        let needed = display_width(&out) + usize::from(!out.is_empty()) + display_width(hint);
        if needed > width {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(hint);
    }
    out
}

impl App {
    /// What the figures assume: the what-ifs applied and who shares (each changes
    /// the plan), facts and where they come from, wants, picks, and whether plans
    /// use rumoured offers.
    pub fn scenario_text(&self) -> String {
        let app = self;
        let catalog = app.shown();
        let facts: Vec<String> = app
            .fact_rows()
            .iter()
            .map(|row| match row.value {
                Some(value) => format!("{} {value} ({})", printable(&row.name), row.source.label()),
                // A fact a tier or benefit tests, not set: say so, not "none".
                None => tr!("detail.not_set", fact = printable(&row.name)),
            })
            .collect();
        let wants = match &app.scenario.wants {
            Some(wants) => wants
                .iter()
                .map(|&w| catalog.services[w].id.as_str())
                .collect::<Vec<_>>()
                .join(&tr!("list.separator")),
            None => tr!("scenario.none"),
        };
        let picks: Vec<String> = catalog
            .profile
            .picks
            .iter()
            .map(|(&bundle, members)| {
                let ids: Vec<&str> = members
                    .iter()
                    .map(|&m| catalog.services[m].id.as_str())
                    .collect();
                format!(
                    "{}: {}",
                    catalog.bundles[bundle].id,
                    crate::words::listed(ids)
                )
            })
            .collect();
        let plans = if app.scenario.include.rumoured {
            tr!("scenario.with_rumoured")
        } else {
            tr!("scenario.on_sale")
        };
        let facts = if facts.is_empty() {
            tr!("scenario.none")
        } else {
            crate::words::listed(facts)
        };
        let picks = if picks.is_empty() {
            tr!("scenario.none")
        } else {
            picks.join("; ")
        };
        let mut text = tr!(
            "scenario.line",
            facts = facts,
            wants = wants,
            picks = picks,
            plans = plans
        );
        // Who shares, then the what-ifs applied, come first: each changes the plan.
        if !catalog.people.is_empty() {
            let names: Vec<&str> = catalog.people.iter().map(|p| p.name.as_str()).collect();
            let names = crate::words::listed(names);
            // How they share, when it is not the default (fair shares); past
            // the most fair shares can take, the rule they fall back to.
            let too_many = catalog.people.len() + 1 > Split::FAIR_MOST;
            let sharing = match &app.scenario.split {
                Split::Fair if too_many => tr!(
                    "scenario.people_split",
                    names = names,
                    rule = split_name(&Split::EqualSavings)
                ),
                Split::Fair => tr!("scenario.people", names = names),
                rule => tr!(
                    "scenario.people_split",
                    names = names,
                    rule = split_name(rule)
                ),
            };
            text = format!("{sharing}{text}");
        }
        if !app.what_ifs.is_empty() {
            let names: Vec<String> = app
                .applied()
                .iter()
                .map(|&c| printable(&app.file.changes[c].name).into_owned())
                .collect();
            text = format!(
                "{}{text}",
                tr!("scenario.what_ifs", names = crate::words::listed(names))
            );
        }
        text
    }

    /// The status line in words: the file, `[modified]`, the period and the
    /// sort, then the message, the search, or as many whole key hints as fit
    /// on the first line. A message that does not fit wraps (`layout`).
    pub fn status_text(&self) -> String {
        let app = self;
        let width = self.size.width;
        let modified = if app.is_modified() {
            tr!("status.modified")
        } else {
            String::new()
        };
        let head = tr!(
            "status.head",
            file = printable(&app.file_label),
            modified = modified,
            period = crate::words::period_label(app.scenario.basis),
            sort = app.sort_words()
        );
        let room = usize::from(width).saturating_sub(display_width(&head));
        let typing = app.window().and_then(|window| window.status());
        let tail = match (typing, &app.message, app.search()) {
            (Some(text), _, _) => text,
            (_, Some(message), _) => printable(message).into_owned(),
            (_, None, Some(search)) => search.kept_text(),
            (_, None, None) => {
                let hints = match app.focus {
                    Pane::Bundles => BUNDLE_HINTS,
                    Pane::Detail => DETAIL_HINTS,
                };
                let hints: Vec<String> = hints.iter().map(|key| tr!(*key)).collect();
                let hints: Vec<&str> = hints.iter().map(String::as_str).collect();
                fitting_hints(&hints, room)
            }
        };
        format!("{head}{tail}")
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

    /// What the detail pane draws from (its footer's rows aside: the layout's).
    pub fn detail_props(&self) -> DetailProps<'_> {
        DetailProps {
            catalog: self.shown(),
            row: self.selected_row(),
            selected_service: self.selected_service,
            service_offset: self.service_offset,
            focused: self.focus == Pane::Detail,
            personal: self.scenario.wants.is_some(),
            facts: &self.scenario.facts,
            footer_rows: DETAIL_FOOTER_LINES,
            today: self.today(),
            notes: &self.notes,
        }
    }

    /// The banner, the scenario, the status line and the detail's footer, as
    /// the layout sizes them.
    pub fn texts(&self) -> Texts {
        Texts {
            banner: self.banner().map(str::to_string),
            scenario: self.scenario_text(),
            status: self.status_text(),
            detail_footer: footer_rows(&self.detail_props(), detail_inner_width(self.size.width)),
        }
    }
}
