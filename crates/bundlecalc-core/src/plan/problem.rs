//! What every search of the planner is asked, and what it answers (reference:
//! docs/reference/plan.md, "Proof and time limit").
//!
//! A [`Problem`] is a covering problem in integers: rows with a demand of seats;
//! columns with an integer cost and the seats one purchase gives each row; and
//! limits, groups of columns of which at most `k` purchases may be made. The
//! plan of one person, a household's, each what-if entry, each person's alone
//! and the calendar are all built as one, and the solver (`solve.rs`) answers
//! them all. Whatever the search inside, [`Problem::verify`] checks its answer
//! in integers, so no answer rests on floating point.
//!
//! The tie rules are part of the problem: the least total cost, then the
//! lexicographically smallest sorted list of column ranks, then of column
//! positions. Callers fold their own rules into `cost` (fen × K + 1 per
//! purchase puts fewer purchases after the price), and give `rank` the order of
//! their ids.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A covering problem: buy columns, each any number of times up to its
/// `max_copies` and its limits, so that every row gets its demand of seats, at
/// the least cost.
#[derive(Clone, Debug, Default)]
pub struct Problem {
    /// Per row: the seats needed.
    pub demand: Vec<u32>,
    pub columns: Vec<Column>,
    pub limits: Vec<Limit>,
}

/// One thing that can be bought, with what one purchase gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The cost of one purchase, in the caller's integer units (at least 1, so
    /// that a purchase that gives nothing is never worth making).
    pub cost: i128,
    /// The tie order after the cost: a plan's sorted list of ranks is compared
    /// lexicographically (an offer's position in id order, say).
    pub rank: u32,
    /// `(row, seats)` for each row one purchase gives seats to.
    pub rows: Vec<(usize, u32)>,
    /// The most purchases of this column (`u32::MAX`: as many as useful).
    pub max_copies: u32,
}

/// At most `at_most` purchases among `columns`, counted with repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limit {
    pub columns: Vec<usize>,
    pub at_most: u32,
}

/// The answer to a problem that has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Solution {
    /// The columns bought, sorted, a column bought twice listed twice.
    pub picks: Vec<usize>,
    /// Their total cost.
    pub cost: i128,
    /// Whether `picks` is proven the least by the tie rules (cost, ranks,
    /// positions).
    pub proven: bool,
    /// A proven lower bound on the cost of every solution: `cost` when proven.
    pub bound: i128,
}

/// Why a problem has no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsolved {
    /// No purchases meet every demand within the limits (proven).
    Infeasible,
}

/// How long the searches of one answer may run: a moment shared by all of them
/// (the time limit of `--time-limit`), and, for tests that must not depend on
/// the machine's speed, a number of search nodes.
#[derive(Debug)]
pub struct Budget {
    deadline: Option<Instant>,
    nodes: Option<u64>,
    used: AtomicU64,
    /// Set when the answer is no longer wanted ([`Budget::until_abandoned`]).
    abandoned: Option<Abandon>,
}

/// Set by whoever asked for an answer when it is no longer wanted (the
/// screen's plan, once the file has changed again): every search of the
/// budget stops as if its time were up. Clones share one flag.
#[derive(Clone, Debug, Default)]
pub struct Abandon(Arc<AtomicBool>);

impl Abandon {
    /// The answer is no longer wanted.
    pub fn now(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// Whether the answer was abandoned.
    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

impl Budget {
    /// The default time limit, in seconds.
    pub const DEFAULT_SECONDS: u64 = 10;

    /// Searches end `limit` from now.
    pub fn for_time(limit: Duration) -> Budget {
        Budget {
            deadline: Instant::now().checked_add(limit),
            nodes: None,
            used: AtomicU64::new(0),
            abandoned: None,
        }
    }

    /// No limit at all: every search runs to its proof.
    pub fn unlimited() -> Budget {
        Budget {
            deadline: None,
            nodes: None,
            used: AtomicU64::new(0),
            abandoned: None,
        }
    }

    /// Searches end after `nodes` search nodes in all (a limit that does not
    /// depend on the machine's speed).
    pub fn for_nodes(nodes: u64) -> Budget {
        Budget {
            deadline: None,
            nodes: Some(nodes),
            used: AtomicU64::new(0),
            abandoned: None,
        }
    }

    /// This budget, ended too when `abandon` is set (and so are its parts and
    /// shares).
    pub fn until_abandoned(mut self, abandon: &Abandon) -> Budget {
        self.abandoned = Some(abandon.clone());
        self
    }

    /// A budget for part of a search: at most `nodes` search nodes, and no
    /// more than this budget has left; at most `time` from now, and no later
    /// than this budget's deadline (under a limit of nodes alone, no time
    /// limit: the part must not depend on the machine's speed either). Its
    /// nodes are counted here too ([`Budget::charge`]).
    pub fn part(&self, nodes: u64, time: Duration) -> Budget {
        let left = self.nodes_left().unwrap_or(u64::MAX);
        let soon = Instant::now().checked_add(time);
        Budget {
            deadline: match (self.deadline, self.nodes) {
                (Some(deadline), _) => Some(soon.map_or(deadline, |soon| deadline.min(soon))),
                (None, Some(_)) => None,
                (None, None) => soon,
            },
            nodes: Some(nodes.min(left)),
            used: AtomicU64::new(0),
            abandoned: self.abandoned.clone(),
        }
    }

    /// How this budget is shared out among `count` searches run side by side
    /// ([`Budget::share`]): under a limit of nodes, each gets an equal part of
    /// the nodes left now, fixed before any starts, so that its answer does not
    /// depend on the order the searches run in.
    pub fn shares(&self, count: usize) -> Shares {
        Shares {
            nodes_each: self.nodes_left().map(|left| left / count.max(1) as u64),
        }
    }

    /// The budget of the next search of `shares` to start, with `waiting`
    /// searches not started yet (this one included) and `at_once` of them
    /// running at a time: an even share of the time left, all of it when they
    /// can all run at once (with 2 at once and 8 waiting, a fourth), and its
    /// part of the nodes. Its nodes are counted here too ([`Budget::charge`]).
    pub fn share(&self, shares: &Shares, waiting: usize, at_once: usize) -> Budget {
        let now = Instant::now();
        let deadline = self.deadline.map(|deadline| {
            let left = deadline.saturating_duration_since(now);
            let slice = if waiting <= at_once.max(1) {
                left
            } else {
                let at_once = u32::try_from(at_once.max(1)).unwrap_or(u32::MAX);
                let waiting = u32::try_from(waiting).unwrap_or(u32::MAX);
                left.checked_mul(at_once).map_or(left, |all| all / waiting)
            };
            now.checked_add(slice)
                .map_or(deadline, |at| at.min(deadline))
        });
        Budget {
            deadline,
            nodes: shares.nodes_each,
            used: AtomicU64::new(0),
            abandoned: self.abandoned.clone(),
        }
    }

    /// The time left before the deadline, when there is one.
    #[cfg(test)]
    pub(crate) fn time_left(&self) -> Option<Duration> {
        self.deadline
            .map(|deadline| deadline.saturating_duration_since(Instant::now()))
    }

    /// The search nodes left to spend, when they are limited.
    pub fn nodes_left(&self) -> Option<u64> {
        self.nodes
            .map(|most| most.saturating_sub(self.nodes_spent()))
    }

    /// Whether searches stopped at their share of the time could be given
    /// more: the budget is one of time, and some is left. Always false for a
    /// part of a search ([`Budget::part`]), which counts nodes too.
    pub fn has_time_left(&self) -> bool {
        self.nodes.is_none() && self.deadline.is_some() && !self.is_spent()
    }

    /// Counts the nodes a part of the search spent ([`Budget::part`]).
    pub fn charge(&self, part: &Budget) {
        self.used.fetch_add(part.nodes_spent(), Ordering::Relaxed);
    }

    /// Counts one search node; whether the searches must stop now.
    pub fn spend_node(&self) -> bool {
        self.used.fetch_add(1, Ordering::Relaxed);
        self.is_spent()
    }

    /// How many search nodes the searches have counted so far.
    pub fn nodes_spent(&self) -> u64 {
        self.used.load(Ordering::Relaxed)
    }

    /// Whether the searches must stop now.
    pub fn is_spent(&self) -> bool {
        self.nodes
            .is_some_and(|most| self.used.load(Ordering::Relaxed) >= most)
            || self.deadline.is_some_and(|at| Instant::now() >= at)
            || self.abandoned.as_ref().is_some_and(Abandon::is_set)
    }
}

/// How a budget is shared out among searches run side by side
/// ([`Budget::shares`]).
#[derive(Clone, Copy, Debug)]
pub struct Shares {
    /// Each search's search nodes, under a limit of nodes.
    nodes_each: Option<u64>,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget::for_time(Duration::from_secs(Budget::DEFAULT_SECONDS))
    }
}

impl Problem {
    /// The total cost of `picks` when they meet every demand within every limit
    /// and column's `max_copies`; `None` otherwise. Every answer of the search
    /// passes through here, in integers.
    pub fn verify(&self, picks: &[usize]) -> Option<i128> {
        let mut seats = vec![0u64; self.demand.len()];
        let mut copies = vec![0u32; self.columns.len()];
        let mut cost: i128 = 0;
        for &at in picks {
            let column = self.columns.get(at)?;
            copies[at] += 1;
            if copies[at] > column.max_copies {
                return None;
            }
            cost = cost.checked_add(column.cost)?;
            for &(row, given) in &column.rows {
                seats[row] += u64::from(given);
            }
        }
        let met = seats
            .iter()
            .zip(&self.demand)
            .all(|(got, need)| *got >= u64::from(*need));
        let within = self.limits.iter().all(|limit| {
            limit
                .columns
                .iter()
                .map(|&c| u64::from(copies[c]))
                .sum::<u64>()
                <= u64::from(limit.at_most)
        });
        (met && within).then_some(cost)
    }

    /// The problem on the columns `keep` says to keep, each bought at most
    /// `most[column]` times, and the original position of each column kept.
    /// Kept columns keep their order and ranks, so tie keys compare the same.
    pub fn restricted(&self, keep: &[bool], most: &[u32]) -> (Problem, Vec<usize>) {
        let original: Vec<usize> = (0..self.columns.len()).filter(|&at| keep[at]).collect();
        let mut new_at = vec![usize::MAX; self.columns.len()];
        for (at, &old) in original.iter().enumerate() {
            new_at[old] = at;
        }
        let columns = original
            .iter()
            .map(|&old| Column {
                max_copies: self.columns[old].max_copies.min(most[old]),
                ..self.columns[old].clone()
            })
            .collect();
        let limits = self
            .limits
            .iter()
            .filter_map(|limit| {
                let columns: Vec<usize> = limit
                    .columns
                    .iter()
                    .filter(|&&c| keep[c])
                    .map(|&c| new_at[c])
                    .collect();
                (!columns.is_empty()).then_some(Limit {
                    columns,
                    at_most: limit.at_most,
                })
            })
            .collect();
        let problem = Problem {
            demand: self.demand.clone(),
            columns,
            limits,
        };
        (problem, original)
    }

    /// The tie key of a sorted list of picks after the cost: ranks, then positions.
    pub fn tie_key(&self, picks: &[usize]) -> (Vec<u32>, Vec<usize>) {
        let mut ranks: Vec<u32> = picks.iter().map(|&at| self.columns[at].rank).collect();
        ranks.sort_unstable();
        (ranks, picks.to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_abandoned_budget_is_spent_and_so_are_its_parts_and_shares() {
        let abandon = Abandon::default();
        let budget = Budget::for_time(Duration::from_secs(100)).until_abandoned(&abandon);
        let part = budget.part(1_000, Duration::from_secs(50));
        let share = budget.share(&budget.shares(4), 4, 2);
        assert!(!budget.is_spent() && !part.is_spent() && !share.is_spent());
        abandon.now();
        assert!(budget.is_spent() && part.is_spent() && share.is_spent());
    }

    #[test]
    fn a_restricted_problem_keeps_order_ranks_and_limits_of_its_columns() {
        let column = |rank: u32| Column {
            cost: 5,
            rank,
            rows: vec![(0, 1)],
            max_copies: u32::MAX,
        };
        let problem = Problem {
            demand: vec![2],
            columns: vec![column(7), column(3), column(9), column(1)],
            limits: vec![
                Limit {
                    columns: vec![0, 2, 3],
                    at_most: 1,
                },
                Limit {
                    columns: vec![1],
                    at_most: 1,
                },
            ],
        };
        let (narrower, original) =
            problem.restricted(&[false, true, true, true], &[9, 9, 2, u32::MAX]);
        assert_eq!(original, vec![1, 2, 3]);
        let ranks: Vec<u32> = narrower.columns.iter().map(|c| c.rank).collect();
        assert_eq!(ranks, vec![3, 9, 1]);
        let most: Vec<u32> = narrower.columns.iter().map(|c| c.max_copies).collect();
        assert_eq!(most, vec![9, 2, u32::MAX]);
        assert_eq!(
            narrower.limits,
            vec![
                Limit {
                    columns: vec![1, 2],
                    at_most: 1
                },
                Limit {
                    columns: vec![0],
                    at_most: 1
                },
            ]
        );
        assert_eq!(narrower.verify(&[0, 1]), Some(10));
        assert_eq!(narrower.verify(&[1, 2]), None, "over the first limit");
    }
}
