//! Finding a bundle (or, in the detail list, a service) by name or id
//! (docs/reference/screen.md, "Searching"): `/` opens the search box in the
//! status line, letters narrow it, `Enter` keeps it for `n` and `N`, `Esc`
//! clears it.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::outcome::Outcome;
use super::window::{Props, Window};
use crate::text::printable;
use crate::tr;
use crate::tui::action::{Action, KeyMode};
use crate::tui::pane::Pane;

/// What is being looked for, and where: while typed, the search box's state;
/// after `Enter`, what `n` and `N` look for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search {
    /// As typed; matched ignoring case.
    pub query: String,
    /// The list searched.
    pub pane: Pane,
    /// The query as typed matches nothing in that list: the box says so.
    pub misses: bool,
}

impl Search {
    pub fn new(pane: Pane) -> Self {
        Search {
            query: String::new(),
            pane,
            misses: false,
        }
    }

    /// Whether any of `texts` (a name, an id) holds the query, ignoring case.
    pub fn matches<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> bool {
        let query = self.query.to_lowercase();
        !query.is_empty()
            && texts
                .into_iter()
                .any(|text| text.to_lowercase().contains(&query))
    }

    /// Keys while the query is typed: letters narrow it (the selection jumps to
    /// the first match), `Enter` keeps it, `Esc` drops it.
    pub fn type_key(&mut self, action: Action) -> Outcome {
        match action {
            Action::Type(c) => self.query.push(c),
            Action::Erase => {
                self.query.pop();
            }
            Action::Submit => return Outcome::KeepSearch,
            Action::Back => return Outcome::Close,
            Action::Quit => return Outcome::Quit,
            _ => return Outcome::Stay,
        }
        Outcome::Find
    }

    /// The box, drawn in the status line while the query is typed.
    pub fn typing_text(&self) -> String {
        let query = printable(&self.query);
        match (self.misses, self.pane) {
            (false, _) => tr!("status.searching", query = query),
            (true, Pane::Bundles) => tr!("status.searching_no_bundle", query = query),
            (true, Pane::Detail) => tr!("status.searching_no_service", query = query),
        }
    }

    /// The search kept for `n` and `N`, as the status line shows it.
    pub fn kept_text(&self) -> String {
        tr!("status.search", query = printable(&self.query))
    }
}

/// The search box is a window that draws nothing over the screen: the status
/// line shows it.
impl Window for Search {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Typing
    }

    fn status(&self) -> Option<String> {
        Some(self.typing_text())
    }

    fn update(&mut self, action: Action, _: &Props<'_>) -> Outcome {
        self.type_key(action)
    }

    fn draw(&self, _: &Props<'_>, _: &mut Frame<'_>, _: Rect) {}
}

/// The first position after `from` (or at it, with `include_from`) in a list of
/// `count` whose item matches, going forward or back and wrapping around.
pub fn next_match(
    count: usize,
    from: usize,
    forward: bool,
    include_from: bool,
    is_match: impl Fn(usize) -> bool,
) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let first_step = usize::from(!include_from);
    (first_step..count + first_step)
        .map(|step| {
            if forward {
                (from + step) % count
            } else {
                (from + count * 2 - step) % count
            }
        })
        .find(|&at| is_match(at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_ignore_case_and_need_a_query() {
        let mut search = Search::new(Pane::Bundles);
        assert!(!search.matches(["JD PLUS + Tencent Video"]));
        search.query = "TENcent".into();
        assert!(search.matches(["JD PLUS + Tencent Video"]));
        assert!(search.matches(["x", "tencent_video"]));
        assert!(!search.matches(["Youku"]));
    }

    #[test]
    fn the_next_match_wraps_around_both_ways() {
        let hits = [false, true, false, true, false];
        let is = |at: usize| hits[at];
        assert_eq!(next_match(5, 0, true, true, is), Some(1));
        assert_eq!(next_match(5, 1, true, true, is), Some(1));
        assert_eq!(next_match(5, 1, true, false, is), Some(3));
        assert_eq!(next_match(5, 3, true, false, is), Some(1));
        assert_eq!(next_match(5, 1, false, false, is), Some(3));
        assert_eq!(next_match(5, 0, true, true, |_| false), None);
        assert_eq!(next_match(0, 0, true, true, is), None);
    }

    #[test]
    fn typing_narrows_enter_keeps_and_esc_drops() {
        let mut search = Search::new(Pane::Detail);
        assert_eq!(search.type_key(Action::Type('q')), Outcome::Find);
        assert_eq!(search.query, "q");
        assert_eq!(search.type_key(Action::Submit), Outcome::KeepSearch);
        assert_eq!(search.type_key(Action::Back), Outcome::Close);
        assert_eq!(search.type_key(Action::Quit), Outcome::Quit);
    }
}
