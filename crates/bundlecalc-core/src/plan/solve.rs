//! The exact solver: branch and bound over the linear relaxation, in integers
//! where it counts.
//! (docs/reference/plan.md, "How the plan is found")
//!
//! This file is the one to replace to change the search: it answers a
//! [`Problem`] with a [`Solution`] through [`solve`], and nothing else in the
//! planner knows how.
//!
//! 1. **The least cost.** Depth-first branch and bound. Each node's relaxation is
//!    solved by the dual simplex (`lp/`), warm from its parent's basis; its
//!    duals give a lower bound proven in integers, so a node is pruned only when
//!    that bound, rounded up, cannot beat the best plan found, or when its rows
//!    are shown unmeetable in integers (`lp/`). Columns whose
//!    exact reduced cost alone would lift the bound past the best are fixed.
//!    Branching is on the most fractional purchase count, up first, so whole
//!    plans come early; a greedy plan, rounding of the relaxation every few nodes,
//!    and every relaxation whose counts come out whole give plans to beat.
//! 2. **The tie order.** Among the plans of that least cost, the one whose
//!    sorted list of ranks, then of columns, is smallest: a depth-first search
//!    in that order, with the same bound and the least cost as its cutoff, so
//!    the first plan it completes is the answer. At each node one question,
//!    put to the relaxation as one more row, asks whether a plan of the least
//!    cost buys any column ranked before the next purchase of the best plan in
//!    hand: "no" fixes them all at once, "yes" gives a plan earlier in order.
//!
//! A problem not proven within its first nodes is searched again from the
//! best plan found, with rounds of cuts at the root (`lp/root.rs`), a plan
//! from the columns the root's relaxation leans on, searched as a small
//! problem of its own, and strong branching: most problems never need them,
//! and they cost time. That search also finds the tie order in its one tree:
//! it keeps nodes whose bound equals the best plan's cost, and below a node
//! that holds no cheaper plan (its bound is the best's cost, or its
//! relaxation is a whole plan) it looks for the first plan of that cost in
//! tie order as phase 2 does. There most of the relaxation's columns are
//! fixed by their reduced costs, so each question is quick, where phase 2's
//! questions on the whole problem are each as hard as the least cost's
//! proof.
//!
//! Both phases search only the columns a plan no dearer than the best in hand
//! can buy (by the root's exact reduced costs): on big catalogues most columns
//! drop, and every node of the smaller problem costs less.
//!
//! The budget (a deadline, or a number of nodes) stops either phase: the answer
//! is then the best plan found, `proven: false`, with the root's bound. A first
//! plan is always found, however little time is left.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::time::Duration;

use super::lp::bound::ExactBound;
use super::lp::root::{CUT_ROUNDS, ROOT_PIVOTS, root_relaxation};
use super::lp::{Lp, Relaxed};
use super::problem::{Budget, Problem, Solution, Unsolved};

/// Dual simplex pivots allowed at each node below the root.
const NODE_PIVOTS: usize = 2_000;
/// The plan from the relaxation's columns: at least this many columns, and
/// this many nodes.
const SUPPORT_AT_LEAST: usize = 60;
const SUPPORT_NODES: u64 = 3_000;
const SUPPORT_TIME: Duration = Duration::from_millis(500);
/// Strong branching in the search with cuts: on this many columns, with this
/// many pivots per side.
const STRONG_CANDIDATES: usize = 8;
const STRONG_PIVOTS: usize = 100;
/// Nodes, and time, searched without cuts before the search starts again
/// with them.
const PLAIN_NODES: u64 = 1_000;
const PLAIN_TIME: Duration = Duration::from_secs(1);
/// Nodes between two roundings of the relaxation to a plan: rounding looks at
/// every column, so it is kept to a few nodes of the search.
const ROUND_EVERY: u64 = 16;
/// A value this close to a whole number counts as whole.
const WHOLE: f64 = 1e-6;

/// The cheapest purchases of `problem` by its tie rules, within `budget`.
/// `incumbent` is a plan the answer must be at least as good as (the search
/// starts from it); the answer is never worse than it.
///
/// Errors: [`Unsolved::Infeasible`] when no purchases meet every demand.
pub fn solve(
    problem: &Problem,
    budget: &Budget,
    incumbent: Option<&[usize]>,
) -> Result<Solution, Unsolved> {
    // Most problems are proven within a few hundred nodes without cuts; the
    // others are searched again, with cuts and the plan of the relaxation's
    // columns, from the best plan found.
    let part = budget.part(PLAIN_NODES, PLAIN_TIME);
    let plain = solve_as(problem, &part, incumbent, Effort::Plain);
    budget.charge(&part);
    match plain {
        Ok(found) if !found.proven && !budget.is_spent() => {
            // The plan in hand is checked: whatever the second search meets,
            // the answer is never worse than it.
            match solve_as(problem, budget, Some(&found.picks), Effort::Whole) {
                Ok(again) => Ok(Solution {
                    bound: again.bound.max(found.bound).min(again.cost),
                    ..again
                }),
                Err(_) => Ok(found),
            }
        }
        answer => answer,
    }
}

/// The search [`solve`] falls back to past its first nodes, from the start:
/// rounds of cuts at the root, a plan from the relaxation's columns, then the
/// least cost and the tie order. Same answers as [`solve`]; for tests and
/// benchmarks.
///
/// Errors: [`Unsolved::Infeasible`] when no purchases meet every demand.
pub fn solve_with_cuts(
    problem: &Problem,
    budget: &Budget,
    incumbent: Option<&[usize]>,
) -> Result<Solution, Unsolved> {
    solve_as(problem, budget, incumbent, Effort::Whole)
}

/// How much of the search to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Effort {
    /// Cuts, the plan of the relaxation's columns, strong branching, the
    /// least cost and the tie order.
    Whole,
    /// The least cost and the tie order, without cuts.
    Plain,
    /// The least cost alone, without cuts: a quick plan.
    Quick,
}

fn solve_as(
    problem: &Problem,
    budget: &Budget,
    incumbent: Option<&[usize]>,
    effort: Effort,
) -> Result<Solution, Unsolved> {
    if problem.demand.iter().all(|d| *d == 0) {
        return Ok(Solution {
            picks: Vec::new(),
            cost: 0,
            proven: true,
            bound: 0,
        });
    }
    let hi = useful_copies(problem);
    let mut search = Search::new(problem, budget);
    // The search with cuts is for problems the plain one did not prove
    // quickly: a node costs more, and the tree is smaller.
    search.strong = effort == Effort::Whole;
    // The search with cuts finds the tie order in the same tree: asked after
    // the least cost, as below, each of its questions is as hard as that
    // proof on the problems that come here.
    search.ties = effort == Effort::Whole;
    if let Some(picks) = incumbent {
        let mut picks = picks.to_vec();
        picks.sort_unstable();
        search.offer(picks);
    }
    // A first plan before anything else, however little time is left.
    let zeros = vec![0.0; problem.columns.len()];
    let top: Vec<f64> = hi.iter().map(|&h| f64::from(h)).collect();
    search.round(&zeros, &zeros, &top);
    // Setting up the relaxation of a big problem takes a while: past the
    // limit, the first plan is the answer, with the bound each row gives alone.
    let out_of_time = |search: &Search<'_>| {
        let (cost, picks) = search.best.clone()?;
        budget.is_spent().then(|| Solution {
            picks,
            cost,
            proven: false,
            bound: row_bound(problem).min(cost),
        })
    };
    if let Some(answer) = out_of_time(&search) {
        return Ok(answer);
    }
    // The relaxation is bounded with rounded rows and cuts too; plans are
    // checked against the problem itself.
    let rounds = match effort {
        Effort::Whole => CUT_ROUNDS,
        Effort::Plain | Effort::Quick => 0,
    };
    let Some((matrix, warm)) = root_relaxation(problem, &hi, budget, rounds) else {
        return Err(Unsolved::Infeasible);
    };
    let mut root = warm
        .and_then(|warm| Lp::from_warm(&matrix, warm))
        .unwrap_or_else(|| Lp::new(&matrix, &hi));
    if root.solve(ROOT_PIVOTS, None, budget) == Relaxed::Infeasible {
        return Err(Unsolved::Infeasible);
    }
    let root_exact = root.bound();
    let root_bound = root_exact.units();
    // Past the limit while the relaxation was solved: the plan in hand, with
    // the better of the bounds (a stopped relaxation's duals still bound).
    if let Some(answer) = out_of_time(&search) {
        return Ok(Solution {
            bound: answer.bound.max(root_bound).min(answer.cost),
            ..answer
        });
    }
    search.round(&root.primal(), &root.lo, &root.hi);
    if effort == Effort::Whole
        && let Some(plan) = support_plan(problem, &root, &root_exact, budget)
    {
        search.offer(plan);
    }
    // Only the columns a plan no dearer than the best in hand can buy are
    // searched: the same search on a smaller problem, each node cheaper.
    if let Some((best, picks)) = search.best.clone()
        && let Some((narrower, original)) = narrowed(problem, &root, best)
        && let Some(inside) = within(&picks, &original)
    {
        let found = solve_as(&narrower, budget, Some(&inside), effort)?;
        return Ok(Solution {
            picks: found.picks.iter().map(|&at| original[at]).collect(),
            cost: found.cost,
            proven: found.proven,
            bound: found.bound.max(root_bound).min(found.cost),
        });
    }

    search.cheapest(root.clone());
    let Some((cost, picks)) = search.best.clone() else {
        return Err(Unsolved::Infeasible);
    };
    if search.stopped {
        return Ok(Solution {
            picks,
            cost,
            proven: false,
            bound: root_bound.min(cost),
        });
    }
    if effort == Effort::Quick {
        return Ok(Solution {
            picks,
            cost,
            proven: false,
            bound: root_bound.min(cost),
        });
    }
    if search.ties {
        // The tree held every plan of the least cost: the first in tie order
        // is in hand.
        return Ok(Solution {
            picks,
            cost,
            proven: true,
            bound: cost,
        });
    }
    // The least cost is proven; now the first plan of that cost in tie order,
    // among the columns a plan of that cost can buy.
    let first = match narrowed(problem, &root, cost)
        .and_then(|(narrower, original)| Some((within(&picks, &original)?, narrower, original)))
    {
        Some((inside, narrower, original)) => {
            // The narrower problem holds the plan in hand: its rows can be met.
            let hi = useful_copies(&narrower);
            root_relaxation(&narrower, &hi, budget, rounds).and_then(|(matrix, warm)| {
                let mut lp = warm
                    .and_then(|warm| Lp::from_warm(&matrix, warm))
                    .unwrap_or_else(|| Lp::new(&matrix, &hi));
                lp.solve(ROOT_PIVOTS, None, budget);
                first_in_tie_order(&narrower, budget, lp, cost, inside)
                    .map(|first| first.iter().map(|&at| original[at]).collect())
            })
        }
        None => first_in_tie_order(problem, budget, root, cost, picks.clone()),
    };
    let proven = first.is_some();
    Ok(Solution {
        picks: first.unwrap_or(picks),
        cost,
        proven,
        bound: cost,
    })
}

/// A plan from the columns the relaxation `root` (its bound `bound`) leans on: those it buys some
/// of, and as many again of the least reduced cost, searched as a problem of
/// their own for a few nodes. `None` when that finds none, or when they are
/// most of the columns anyway.
fn support_plan(
    problem: &Problem,
    root: &Lp<'_>,
    bound: &ExactBound,
    budget: &Budget,
) -> Option<Vec<usize>> {
    let x = root.primal();
    let columns = problem.columns.len();
    let mut order: Vec<usize> = (0..columns).collect();
    order.sort_by_key(|&at| (x[at] <= WHOLE, bound.reduced[at].max(0)));
    let support = x.iter().filter(|&&v| v > WHOLE).count();
    let wanted = (3 * support).max(SUPPORT_AT_LEAST);
    if wanted * 2 > columns {
        return None;
    }
    let mut keep = vec![false; columns];
    for &at in &order[..wanted] {
        keep[at] = true;
    }
    let most: Vec<u32> = problem.columns.iter().map(|c| c.max_copies).collect();
    let (smaller, original) = problem.restricted(&keep, &most);
    let part = budget.part(SUPPORT_NODES, SUPPORT_TIME);
    let found = solve_as(&smaller, &part, None, Effort::Quick);
    budget.charge(&part);
    let found = found.ok()?;
    Some(found.picks.iter().map(|&at| original[at]).collect())
}

/// Phase 2: the first plan costing `cost` (the least) in tie order, searched
/// from the relaxation `root` of `problem`, starting from `picks`, a plan of
/// that cost. `None` when the budget ran out before it was proven.
fn first_in_tie_order(
    problem: &Problem,
    budget: &Budget,
    root: Lp<'_>,
    cost: i128,
    picks: Vec<usize>,
) -> Option<Vec<usize>> {
    let mut search = Search::new(problem, budget);
    // With a plan in hand the budget can stop this phase too.
    search.offer(picks.clone());
    // The plan of least cost in hand bounds the tie order: no branch whose
    // plans all come after it in that order is searched.
    let bar = problem.tie_key(&picks).0;
    let mut first = None;
    search.first_in_order(root, cost, &bar, picks, &mut first);
    first.filter(|_| !search.stopped)
}

/// The problem on the columns that a plan costing at most `cutoff` can buy,
/// as the exact reduced costs of `root`'s relaxation show (each at most as many
/// times as they allow), with the original position of each column kept; `None`
/// when that keeps more than three columns in four.
fn narrowed(problem: &Problem, root: &Lp<'_>, cutoff: i128) -> Option<(Problem, Vec<usize>)> {
    let mut lp = root.clone();
    let bound = lp.bound();
    if bound.units() > cutoff {
        return None;
    }
    fix_by_reduced_cost(&mut lp, &bound, cutoff);
    let columns = problem.columns.len();
    let keep: Vec<bool> = (0..columns).map(|at| lp.hi[at] >= 1.0).collect();
    if keep.iter().filter(|k| **k).count() * 4 > columns * 3 {
        return None;
    }
    let most: Vec<u32> = (0..columns)
        .map(|at| lp.hi[at].min(f64::from(u32::MAX)) as u32)
        .collect();
    Some(problem.restricted(&keep, &most))
}

/// `picks` in the positions of a narrower problem whose columns came from
/// `original`; `None` when one of them is not there.
fn within(picks: &[usize], original: &[usize]) -> Option<Vec<usize>> {
    picks
        .iter()
        .map(|at| original.binary_search(at).ok())
        .collect()
}

/// A lower bound from each row alone: a row's demand is met at no less than
/// its cheapest cost per seat, so every plan costs at least the most any row
/// needs that way (rounded up to a whole unit).
fn row_bound(problem: &Problem) -> i128 {
    // Per row: the least cost per seat, as a fraction (cost, seats).
    let mut cheapest: Vec<Option<(i128, i128)>> = vec![None; problem.demand.len()];
    for column in &problem.columns {
        for &(row, seats) in &column.rows {
            let seats = i128::from(seats.min(problem.demand[row]));
            if seats == 0 {
                continue;
            }
            let least = &mut cheapest[row];
            if least.is_none_or(|(cost, given)| column.cost * given < cost * seats) {
                *least = Some((column.cost, seats));
            }
        }
    }
    cheapest
        .iter()
        .zip(&problem.demand)
        .filter_map(|(least, &demand)| {
            let (cost, seats) = (*least)?;
            Some((cost * i128::from(demand) + seats - 1) / seats)
        })
        .max()
        .unwrap_or(0)
}

/// Per column: the most purchases any best plan can make of it. Beyond enough
/// copies to meet the demand of each of its rows, a copy gives nothing (and
/// every purchase costs something).
fn useful_copies(problem: &Problem) -> Vec<u32> {
    problem
        .columns
        .iter()
        .map(|column| {
            let needed = column
                .rows
                .iter()
                .filter(|(row, seats)| *seats > 0 && problem.demand[*row] > 0)
                .map(|&(row, seats)| problem.demand[row].div_ceil(seats))
                .max()
                .unwrap_or(0);
            needed.min(column.max_copies)
        })
        .collect()
}

/// Per column: the limits it counts toward.
fn limits_of(problem: &Problem) -> Vec<Vec<usize>> {
    let mut of = vec![Vec::new(); problem.columns.len()];
    for (at, limit) in problem.limits.iter().enumerate() {
        for &column in &limit.columns {
            of[column].push(at);
        }
    }
    of
}

struct Search<'p> {
    problem: &'p Problem,
    budget: &'p Budget,
    limits_of: Vec<Vec<usize>>,
    /// The best plan found: its cost and its sorted picks.
    best: Option<(i128, Vec<usize>)>,
    /// The budget ran out: what was not searched is not proven.
    stopped: bool,
    /// Nodes of phase 1 searched so far.
    nodes: u64,
    /// Whether phase 1 chooses its columns by strong branching.
    strong: bool,
    /// Whether phase 1 also finds the first plan of the least cost in tie
    /// order.
    ties: bool,
}

/// What strong branching found at a node.
enum Strong {
    /// No plan still of interest below this node (`Search::cheapest`).
    Prune,
    /// The column's bounds to set: the other side holds no plan of interest.
    Fix(usize, f64, f64),
    /// The column to branch on.
    Branch(usize),
}

impl<'p> Search<'p> {
    /// A search of `problem` with nothing found yet.
    fn new(problem: &'p Problem, budget: &'p Budget) -> Search<'p> {
        Search {
            problem,
            budget,
            limits_of: limits_of(problem),
            best: None,
            stopped: false,
            nodes: 0,
            strong: false,
            ties: false,
        }
    }

    /// Keeps `picks` (sorted) if they are a plan better than the best found.
    fn offer(&mut self, picks: Vec<usize>) {
        let Some(cost) = self.problem.verify(&picks) else {
            return;
        };
        let better = match &self.best {
            None => true,
            Some((best, best_picks)) => {
                cost < *best
                    || (cost == *best
                        && self.problem.tie_key(&picks) < self.problem.tie_key(best_picks))
            }
        };
        if better {
            self.best = Some((cost, picks));
        }
    }

    /// Whether to stop: the budget is spent and a plan is in hand.
    fn out_of_budget(&mut self) -> bool {
        if self.budget.spend_node() && self.best.is_some() {
            self.stopped = true;
        }
        self.stopped
    }

    /// Phase 1: the least cost, by depth-first branch and bound from `lp`;
    /// with `ties`, also the first plan of that cost in tie order.
    fn cheapest(&mut self, mut lp: Lp<'_>) {
        loop {
            if self.out_of_budget() {
                return;
            }
            let best = self.best.as_ref().map(|(cost, _)| *cost);
            // The costliest plan still of interest: one cheaper than the best,
            // or with the tie order one as cheap, which may come first in it.
            let wanted = best.map(|c| if self.ties { c } else { c - 1 });
            let pivots = NODE_PIVOTS.max(4 * self.problem.demand.len());
            let mut relaxed = lp.solve(pivots, wanted.map(|w| (w + 1) as f64), self.budget);
            if relaxed == Relaxed::Infeasible {
                return;
            }
            let bound = lp.bound();
            if let (Some(c), Some(w)) = (best, wanted) {
                if bound.units() > w {
                    return;
                }
                if bound.units() == c {
                    // No plan here costs less than the best: only the tie order
                    // can make one better.
                    self.first_in_order_below(lp, c, None);
                    return;
                }
                fix_by_reduced_cost(&mut lp, &bound, w);
                relaxed = lp.solve(pivots, None, self.budget);
                if relaxed == Relaxed::Infeasible {
                    return;
                }
            }
            let x = lp.primal();
            self.nodes += 1;
            if self.nodes.is_multiple_of(ROUND_EVERY) {
                self.round(&x, &lp.lo, &lp.hi);
            }
            let Some(mut column) = self.branching_column(&x, &lp) else {
                if relaxed != Relaxed::Optimal {
                    // Counts that look whole before the relaxation is solved
                    // prove nothing: this node is not searched through.
                    self.stopped = true;
                    return;
                }
                // The relaxation's counts are whole and a plan: the least cost
                // here, and with the tie order, the first of that cost here.
                let picks = whole_picks(&x);
                self.offer(picks.clone());
                if self.ties
                    && let Some(cost) = self.problem.verify(&picks)
                    && best.is_none_or(|c| cost <= c)
                {
                    self.first_in_order_below(lp, cost, Some(picks));
                }
                return;
            };
            if self.strong
                && let Some(w) = wanted
            {
                match self.strong_branching(&x, &lp, bound.units(), w + 1, column) {
                    Strong::Prune => return,
                    Strong::Fix(at, lo, hi) => {
                        lp.set_bounds(at, lo, hi);
                        continue;
                    }
                    Strong::Branch(at) => column = at,
                }
            }
            let (lo, hi) = (lp.lo[column], lp.hi[column]);
            let value = x[column].floor().clamp(lo, hi - 1.0);
            // Up first: more of a column the relaxation likes finds plans early.
            let mut up = lp.clone();
            up.set_bounds(column, value + 1.0, hi);
            self.cheapest(up);
            if self.stopped {
                return;
            }
            lp.set_bounds(column, lo, value);
        }
    }

    /// The first plan costing `target` in tie order below the node `lp`,
    /// which holds no plan costing less, kept if it beats the best (which
    /// costs `target` when this is asked). `witness` is a plan of that cost
    /// here, when one is known.
    fn first_in_order_below(&mut self, lp: Lp<'_>, target: i128, witness: Option<Vec<usize>>) {
        let Some((_, best)) = self.best.clone() else {
            return;
        };
        let bar = self.problem.tie_key(&best).0;
        let mut first = None;
        self.first_in_order(lp, target, &bar, witness.unwrap_or(best), &mut first);
        if let Some(picks) = first {
            self.offer(picks);
        }
    }

    /// Strong branching: each of the columns furthest from whole is tried
    /// both ways on a copy of the relaxation, a few pivots each, and the one
    /// whose weaker side lifts the bound most is chosen. A side whose bound
    /// reaches `cutoff` holds no plan of interest: the column is fixed to the
    /// other side, or the node pruned when both do. `chosen` is the column
    /// `branching_column` chose, branched on when none is fractional.
    fn strong_branching(
        &self,
        x: &[f64],
        lp: &Lp<'_>,
        bound: i128,
        cutoff: i128,
        chosen: usize,
    ) -> Strong {
        let mut candidates: Vec<(f64, usize)> = x
            .iter()
            .enumerate()
            .filter(|&(at, _)| lp.lo[at] < lp.hi[at])
            .map(|(at, &v)| ((v - v.floor() - 0.5).abs(), at))
            .filter(|&(away, _)| away < 0.5 - WHOLE)
            .collect();
        candidates.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut best: Option<(f64, usize)> = None;
        for &(_, at) in candidates.iter().take(STRONG_CANDIDATES) {
            let (lo, hi) = (lp.lo[at], lp.hi[at]);
            let value = x[at].floor().clamp(lo, hi - 1.0);
            let side = |lo: f64, hi: f64| {
                let mut child = lp.clone();
                child.set_bounds(at, lo, hi);
                match child.solve(STRONG_PIVOTS, Some(cutoff as f64), self.budget) {
                    Relaxed::Infeasible => cutoff,
                    _ => child.bound().units(),
                }
            };
            let down = side(lo, value);
            let up = side(value + 1.0, hi);
            match (down >= cutoff, up >= cutoff) {
                (true, true) => return Strong::Prune,
                (true, false) => return Strong::Fix(at, value + 1.0, hi),
                (false, true) => return Strong::Fix(at, lo, value),
                (false, false) => {}
            }
            let gain = |b: i128| ((b - bound).max(0) as f64).max(1.0);
            let score = gain(down) * gain(up);
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, at));
            }
        }
        // No column is fractional (`chosen` covers a row the whole counts
        // leave unmet): branch on it.
        Strong::Branch(best.map_or(chosen, |(_, at)| at))
    }

    /// The column to branch on: the one whose count is furthest from whole
    /// (largest first on a tie); when all are whole but the rounded counts are
    /// not a plan, a column still free that covers an unmet row. `None` when
    /// nothing is left to decide.
    fn branching_column(&self, x: &[f64], lp: &Lp<'_>) -> Option<usize> {
        let free = |at: usize| lp.lo[at] < lp.hi[at];
        let mut best: Option<(usize, f64)> = None;
        for (at, &value) in x.iter().enumerate() {
            let fraction = value - value.floor();
            if !free(at) || !(WHOLE..=1.0 - WHOLE).contains(&fraction) {
                continue;
            }
            let score = 0.5 - (fraction - 0.5).abs() + value * 1e-3;
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((at, score));
            }
        }
        if let Some((at, _)) = best {
            return Some(at);
        }
        let picks = whole_picks(x);
        let counts = counts_of(&picks, x.len());
        let row = lp.violated_row(&counts)?;
        let helping = lp
            .helping(row)
            .filter(|&at| free(at) && f64::from(counts[at]) < lp.hi[at])
            .min_by_key(|&at| self.problem.columns[at].cost);
        // A limit is over: branch on any free column used.
        helping.or_else(|| picks.iter().copied().find(|&at| free(at)))
    }

    /// A plan near the relaxation's solution `x`: its counts rounded up, more
    /// purchases by cost per useful seat until every row is met, then purchases
    /// that are not needed taken out, dearest first.
    fn round(&mut self, x: &[f64], lo: &[f64], hi: &[f64]) {
        let problem = self.problem;
        let mut copies: Vec<u32> = x
            .iter()
            .enumerate()
            .map(|(at, v)| ((v - WHOLE).ceil().max(lo[at])).min(hi[at]).max(0.0) as u32)
            .collect();
        let mut used: Vec<u32> = problem
            .limits
            .iter()
            .map(|l| l.columns.iter().map(|&c| copies[c]).sum())
            .collect();
        if used
            .iter()
            .zip(&problem.limits)
            .any(|(u, l)| *u > l.at_most)
        {
            return;
        }
        let mut needed: Vec<i64> = problem.demand.iter().map(|&d| i64::from(d)).collect();
        for (at, &n) in copies.iter().enumerate() {
            for &(row, seats) in &problem.columns[at].rows {
                needed[row] -= i64::from(seats) * i64::from(n);
            }
        }
        // Lazy greedy: a column's seats still useful only fall as purchases are
        // made, so its cost per useful seat only rises, and a ratio from the
        // heap is a lower bound on its ratio now. The top is taken when its
        // ratio, brought up to date, is still the least.
        let useful = |at: usize, needed: &[i64]| -> i64 {
            problem.columns[at]
                .rows
                .iter()
                .map(|&(r, s)| i64::from(s).min(needed[r].max(0)))
                .sum()
        };
        let mut heap: BinaryHeap<Reverse<Ratio>> = (0..problem.columns.len())
            .filter_map(|at| {
                let seats = useful(at, &needed);
                (seats > 0 && f64::from(copies[at]) < hi[at]).then_some(Reverse(Ratio {
                    cost: problem.columns[at].cost,
                    seats,
                    at,
                }))
            })
            .collect();
        let mut unmet = needed.iter().filter(|&&n| n > 0).count();
        while unmet > 0 {
            let Some(Reverse(top)) = heap.pop() else {
                return;
            };
            let at = top.at;
            let open = f64::from(copies[at]) < hi[at]
                && self.limits_of[at]
                    .iter()
                    .all(|&l| used[l] < problem.limits[l].at_most);
            let seats = useful(at, &needed);
            if !open || seats == 0 {
                continue;
            }
            let now = Ratio { seats, ..top };
            if heap.peek().is_some_and(|Reverse(next)| *next < now) {
                heap.push(Reverse(now));
                continue;
            }
            copies[at] += 1;
            for &l in &self.limits_of[at] {
                used[l] += 1;
            }
            for &(r, seats) in &problem.columns[at].rows {
                if needed[r] > 0 && needed[r] <= i64::from(seats) {
                    unmet -= 1;
                }
                needed[r] -= i64::from(seats);
            }
            heap.push(Reverse(now));
        }
        // Take out what is not needed, dearest first.
        let mut order: Vec<usize> = (0..copies.len()).filter(|&at| copies[at] > 0).collect();
        order.sort_by_key(|&at| std::cmp::Reverse(problem.columns[at].cost));
        for at in order {
            while f64::from(copies[at]) > lo[at]
                && problem.columns[at]
                    .rows
                    .iter()
                    .all(|&(r, seats)| needed[r] + i64::from(seats) <= 0)
            {
                copies[at] -= 1;
                for &(r, seats) in &problem.columns[at].rows {
                    needed[r] += i64::from(seats);
                }
            }
        }
        let picks = copies
            .iter()
            .enumerate()
            .flat_map(|(at, &n)| std::iter::repeat_n(at, n as usize))
            .collect();
        self.offer(picks);
    }

    /// Phase 2: the first plan costing `target` in tie order (smallest sorted
    /// ranks, then columns), into `first`. Every plan of the subtree of `lp`
    /// that adds purchases of the smallest rank still free comes before every
    /// plan that does not, so those are searched first, and the rest only when
    /// they hold none.
    fn first_in_order(
        &mut self,
        mut lp: Lp<'_>,
        target: i128,
        bar: &[u32],
        mut witness: Vec<usize>,
        first: &mut Option<Vec<usize>>,
    ) {
        loop {
            if self.out_of_budget() {
                return;
            }
            if lp.solve(NODE_PIVOTS, Some(target as f64 + 1.0), self.budget) == Relaxed::Infeasible
            {
                return;
            }
            let bound = lp.bound();
            if bound.units() > target {
                return;
            }
            fix_by_reduced_cost(&mut lp, &bound, target);
            let forced: Vec<usize> = (0..lp.lo.len().min(self.problem.columns.len()))
                .flat_map(|at| std::iter::repeat_n(at, lp.lo[at] as usize))
                .collect();
            if let Some(cost) = self.problem.verify(&forced) {
                // Every purchase costs something: nothing can be added.
                if cost == target {
                    keep_first(self.problem, first, forced);
                }
                return;
            }
            let free: Vec<usize> = (0..self.problem.columns.len())
                .filter(|&at| lp.lo[at] < lp.hi[at])
                .collect();
            let Some(rank) = free.iter().map(|&at| self.problem.columns[at].rank).min() else {
                return;
            };
            if comes_after(&self.problem.tie_key(&forced).0, rank, bar) {
                return;
            }
            // The next rank of a plan here is at most the witness's: one question
            // asks whether a plan of the least cost buys any column of a smaller
            // rank more than this node must. When none does, they are all fixed
            // at once; when one does, it is the better witness.
            if let Some(next) = self.next_rank(&witness, &lp) {
                let earlier: Vec<usize> = free
                    .iter()
                    .copied()
                    .filter(|&at| self.problem.columns[at].rank < next)
                    .collect();
                if !earlier.is_empty() {
                    let at_least = earlier.iter().map(|&at| lp.lo[at] as u32).sum::<u32>() + 1;
                    let matrix = lp.matrix().with_row_at_least(&earlier, at_least);
                    match self.some_plan(lp.on_matrix(&matrix), target) {
                        Some(plan) => witness = plan,
                        None if self.stopped => return,
                        None => {
                            for &at in &earlier {
                                lp.set_bounds(at, lp.lo[at], lp.lo[at]);
                            }
                        }
                    }
                    continue;
                }
            }
            let same: Vec<usize> = free
                .into_iter()
                .filter(|&at| self.problem.columns[at].rank == rank)
                .collect();
            // One more purchase of a column of this rank: the t-th such branch
            // buys `same[t]` and no more of the ones before it, so each plan is
            // reached once.
            let mut found_here = None;
            for (t, &column) in same.iter().enumerate() {
                let mut child = lp.clone();
                for &earlier in &same[..t] {
                    child.set_bounds(earlier, lp.lo[earlier], lp.lo[earlier]);
                }
                child.set_bounds(column, lp.lo[column] + 1.0, lp.hi[column]);
                // A branch is searched in order only when it holds a plan of the
                // least cost: the plan in hand, or one found the quick way
                // (most fractional first), which also shows quickly when there
                // is none.
                let found = if fits(&witness, &child, self.problem.columns.len()) {
                    Some(witness.clone())
                } else {
                    self.some_plan(child.clone(), target)
                };
                if self.stopped {
                    return;
                }
                let Some(inside) = found else {
                    continue;
                };
                self.first_in_order(child, target, bar, inside, &mut found_here);
                if self.stopped {
                    return;
                }
            }
            if let Some(picks) = found_here {
                keep_first(self.problem, first, picks);
                return;
            }
            for &column in &same {
                lp.set_bounds(column, lp.lo[column], lp.lo[column]);
            }
        }
    }

    /// The least rank of the purchases `witness` makes beyond those `lp`
    /// forces, when it is a plan within the bounds of `lp`.
    fn next_rank(&self, witness: &[usize], lp: &Lp<'_>) -> Option<u32> {
        let columns = self.problem.columns.len();
        if !fits(witness, lp, columns) {
            return None;
        }
        let counts = counts_of(witness, columns);
        (0..columns)
            .filter(|&at| f64::from(counts[at]) > lp.lo[at])
            .map(|at| self.problem.columns[at].rank)
            .min()
    }

    /// A plan of cost at most `target` within the bounds of `lp`, if there is
    /// one: depth-first, the most fractional column first, as phase 1 searches.
    /// `None` also when the budget ran out (then `stopped` is set).
    fn some_plan(&mut self, mut lp: Lp<'_>, target: i128) -> Option<Vec<usize>> {
        loop {
            if self.out_of_budget() {
                return None;
            }
            if lp.solve(NODE_PIVOTS, Some(target as f64 + 1.0), self.budget) == Relaxed::Infeasible
            {
                return None;
            }
            let bound = lp.bound();
            if bound.units() > target {
                return None;
            }
            fix_by_reduced_cost(&mut lp, &bound, target);
            if lp.solve(NODE_PIVOTS, None, self.budget) == Relaxed::Infeasible {
                return None;
            }
            let x = lp.primal();
            let whole = whole_picks(&x);
            if self
                .problem
                .verify(&whole)
                .is_some_and(|cost| cost <= target)
                && lp.admits(&counts_of(&whole, x.len()))
            {
                return Some(whole);
            }
            let column = self.branching_column(&x, &lp)?;
            let (lo, hi) = (lp.lo[column], lp.hi[column]);
            let value = x[column].floor().clamp(lo, hi - 1.0);
            let mut up = lp.clone();
            up.set_bounds(column, value + 1.0, hi);
            if let Some(plan) = self.some_plan(up, target) {
                return Some(plan);
            }
            if self.stopped {
                return None;
            }
            lp.set_bounds(column, lo, value);
        }
    }
}

/// A column's cost per useful seat, for the greedy plan: ordered by that
/// ratio (compared exactly, by cross-multiplication), then by column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Ratio {
    cost: i128,
    seats: i64,
    at: usize,
}

impl Ord for Ratio {
    fn cmp(&self, other: &Ratio) -> Ordering {
        (self.cost * i128::from(other.seats))
            .cmp(&(other.cost * i128::from(self.seats)))
            .then(self.at.cmp(&other.at))
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Ratio) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// How many times `picks` buy each of `columns` columns.
fn counts_of(picks: &[usize], columns: usize) -> Vec<u32> {
    let mut counts = vec![0u32; columns];
    for &at in picks {
        counts[at] += 1;
    }
    counts
}

/// Whether `picks` buy each of the `columns` structural columns within the
/// bounds of `lp`.
fn fits(picks: &[usize], lp: &Lp<'_>, columns: usize) -> bool {
    counts_of(picks, columns)
        .iter()
        .enumerate()
        .all(|(at, &n)| lp.lo[at] <= f64::from(n) && f64::from(n) <= lp.hi[at])
}

/// Whether every plan of a branch comes after a plan whose sorted ranks are
/// `bar` in tie order. The branch's plans buy the sorted ranks `forced`, which
/// are not a plan, and more purchases of rank `least` or more: each starts with
/// the forced ranks below `least`, then has a rank of at least `least`.
fn comes_after(forced: &[u32], least: u32, bar: &[u32]) -> bool {
    let below: Vec<u32> = forced.iter().copied().filter(|&r| r < least).collect();
    for (at, &rank) in below.iter().enumerate() {
        match bar.get(at) {
            // `bar` is a prefix of every plan here, which are longer.
            None => return true,
            Some(&other) if rank != other => return rank > other,
            Some(_) => {}
        }
    }
    // Every plan here goes on with a rank of `least` or more.
    bar.get(below.len()).is_none_or(|&next| least > next)
}

/// Keeps the smaller of two plans of equal cost by the tie order.
fn keep_first(problem: &Problem, first: &mut Option<Vec<usize>>, picks: Vec<usize>) {
    if first
        .as_ref()
        .is_none_or(|kept| problem.tie_key(&picks) < problem.tie_key(kept))
    {
        *first = Some(picks);
    }
}

/// The relaxation's counts rounded to whole purchases, as sorted picks.
fn whole_picks(x: &[f64]) -> Vec<usize> {
    x.iter()
        .enumerate()
        .flat_map(|(at, v)| std::iter::repeat_n(at, v.round().max(0.0) as usize))
        .collect()
}

/// Tightens each column's bounds to the counts that keep the bound at most
/// `target`: moving a column by one purchase from the bound its reduced cost
/// prefers raises the Lagrangian bound by exactly that reduced cost.
fn fix_by_reduced_cost(lp: &mut Lp<'_>, bound: &ExactBound, target: i128) {
    let room = target * bound.scale - bound.scaled;
    if room < 0 {
        return;
    }
    for (at, &rc) in bound.reduced.iter().enumerate() {
        if rc == 0 {
            continue;
        }
        let (lo, hi) = (lp.lo[at], lp.hi[at]);
        let steps = (room / rc.abs()) as f64;
        if rc > 0 && lo + steps < hi {
            lp.set_bounds(at, lo, lo + steps);
        } else if rc < 0 && hi - steps > lo {
            lp.set_bounds(at, hi - steps, hi);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::problem::{Column, Limit};

    fn column(rank: u32, rows: &[usize], cost: i128, max_copies: u32) -> Column {
        Column {
            cost,
            rank,
            rows: rows.iter().map(|&r| (r, 1)).collect(),
            max_copies,
        }
    }

    #[test]
    fn past_the_limit_before_the_relaxation_the_first_plan_answers_with_the_rows_bound() {
        let problem = Problem {
            demand: vec![3, 1],
            columns: vec![column(0, &[0], 4, 3), column(1, &[0, 1], 10, 1)],
            limits: Vec::new(),
        };
        // Row 0 needs 3 seats at 4 a seat at best: 12. Row 1: 10.
        assert_eq!(row_bound(&problem), 12);
        let found = solve(&problem, &Budget::for_nodes(0), None).unwrap();
        assert!(!found.proven);
        assert_eq!(found.bound, 12);
        assert_eq!(problem.verify(&found.picks), Some(found.cost));
        let proven = solve(&problem, &Budget::unlimited(), None).unwrap();
        assert_eq!((proven.cost, proven.picks), (18, vec![0, 0, 1]));
    }

    #[test]
    fn cuts_at_the_root_lift_the_bound_of_three_rows_met_in_pairs() {
        // Three rows, three columns each meeting two of them: the relaxation
        // buys half of each (3), a plan needs two columns (4).
        let problem = Problem {
            demand: vec![1, 1, 1],
            columns: vec![
                column(0, &[0, 1], 2, 1),
                column(1, &[1, 2], 2, 1),
                column(2, &[0, 2], 2, 1),
            ],
            limits: Vec::new(),
        };
        let hi = useful_copies(&problem);
        let bound_after = |rounds: usize| {
            let (matrix, warm) =
                root_relaxation(&problem, &hi, &Budget::unlimited(), rounds).unwrap();
            let mut lp = warm
                .and_then(|warm| Lp::from_warm(&matrix, warm))
                .unwrap_or_else(|| Lp::new(&matrix, &hi));
            lp.solve(ROOT_PIVOTS, None, &Budget::unlimited());
            lp.bound().units()
        };
        assert_eq!(bound_after(0), 3);
        assert_eq!(bound_after(CUT_ROUNDS), 4);
        let found = solve_with_cuts(&problem, &Budget::unlimited(), None).unwrap();
        assert_eq!(
            (found.cost, found.picks, found.proven),
            (4, vec![0, 1], true)
        );
    }

    #[test]
    fn the_budget_stops_the_tie_order_too() {
        // Eight rows, each met by two columns of the same cost, or by pairs:
        // many plans of the least cost, and the first in tie order to find.
        let mut columns = Vec::new();
        for row in 0..8 {
            columns.push(column(20 + row as u32, &[row], 1, 1));
            columns.push(column(row as u32, &[row], 1, 1));
        }
        for row in (0..8).step_by(2) {
            columns.push(column(40 + row as u32, &[row, row + 1], 2, 1));
        }
        let problem = Problem {
            demand: vec![1; 8],
            columns,
            limits: Vec::new(),
        };
        let proven = solve(&problem, &Budget::unlimited(), None).unwrap();
        assert!(proven.proven);
        assert_eq!(proven.cost, 8);
        let needed = Budget::unlimited();
        solve(&problem, &needed, None).unwrap();
        assert!(needed.nodes_spent() > 20, "{}", needed.nodes_spent());
        // Every budget short of that stops both phases at once: the answer is
        // a plan with a bound below it, and hardly a node more is searched.
        let mut stopped_in_tie_order = false;
        for nodes in 0..needed.nodes_spent() {
            let budget = Budget::for_nodes(nodes);
            let found = solve(&problem, &budget, None).unwrap();
            assert!(
                budget.nodes_spent() <= nodes + 3,
                "{nodes}: {}",
                budget.nodes_spent()
            );
            assert!(found.bound <= found.cost);
            assert_eq!(problem.verify(&found.picks), Some(found.cost));
            stopped_in_tie_order |= found.cost == 8 && !found.proven && found.bound == 8;
        }
        // Some budget let the least cost be proven but not the tie order.
        assert!(stopped_in_tie_order);
    }

    #[test]
    fn among_free_plans_the_smallest_ranks_win() {
        let problem = Problem {
            demand: vec![1, 1, 1],
            columns: vec![
                column(0, &[0, 2], 5, 1),
                column(0, &[1, 2], 5, 1),
                column(1, &[0], 1, 1),
                column(2, &[1], 1, 1),
            ],
            limits: vec![Limit {
                columns: vec![0, 1],
                at_most: 1,
            }],
        };
        let found = solve(&problem, &Budget::unlimited(), None).unwrap();
        assert_eq!(found.picks, vec![1, 2]);
        assert!(found.proven);
        assert_eq!(found.bound, 6);
    }
}
