//! Finding a bundle (or, in the detail list, a service) by name or id: `/` and a
//! few letters, `n` and `N` for the next and previous match, `Esc` to clear.

use super::app::Pane;

/// What is being looked for, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search {
    /// As typed; matched ignoring case.
    pub query: String,
    /// Whether keys still go into the query (until `Enter`).
    pub typing: bool,
    /// The list searched.
    pub pane: Pane,
}

impl Search {
    pub fn new(pane: Pane) -> Self {
        Search {
            query: String::new(),
            typing: true,
            pane,
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
}
