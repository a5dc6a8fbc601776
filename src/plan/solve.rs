//! The exact search for the cheapest purchases: a set multicover, solved by
//! branch and bound in whole fen (SPEC §3.2).
//!
//! A *column* is one way to buy an offer once: the offer, its price and the wants
//! that purchase covers (one member per group). A purchase of a column gives each
//! want it covers `min(seats, seats still needed)` seats. The search finds the
//! multiset of columns that gives every want its demand with the least
//! `(price, purchases)`, ties to the smallest sorted list of offers, then to the
//! smallest list of masks (the order the one-person search always used, so its
//! answers stay what they were). In a one-person plan each offer is bought at
//! most once: the plan is a *set* of offers.
//!
//! Branching: some want `w` still needs seats, so some allowed column covering it
//! is in every completion. The columns covering `w` are tried in the order of
//! their price per seat; the branch of the `t`-th one buys it and, for its whole
//! subtree, bans the ones tried before it ("it is the first of the list in the
//! completion"), so each multiset of purchases is reached once. `w` is the want
//! with the fewest allowed columns.
//!
//! Bound: a feasible solution of the dual of the linear relaxation of what is left,
//! `y_w` = the least price per useful seat of a column covering `w`, so that
//! `Σ_w seats(j, w) · y_w ≤ price(j)` for every column `j`. By weak duality
//! `Σ_w needed(w) · y_w` is at most the cheapest completion. It is computed in
//! integers (fen × `SCALE`, rounded down, so the dual stays exactly feasible), and
//! rounded up to the fen, since every total is a whole number of fen. Then
//! `y` is raised greedily, want by want, as far as the slack of the columns
//! allows: still feasible, often much tighter.

use super::offers::{Mask, bits};

/// Fen are multiplied by this in the bound, so per-seat prices lose less than
/// 1/SCALE fen to rounding.
const SCALE: i128 = 1 << 20;

/// One way to buy an offer once.
pub(super) struct Column {
    /// The offer's position in id order.
    pub offer: usize,
    /// In fen.
    pub price: i128,
    /// The wants one purchase covers.
    pub mask: Mask,
}

/// What the search is asked.
pub(super) struct Problem<'a> {
    /// Sorted by `(offer, mask)`.
    pub columns: &'a [Column],
    /// Per want: how many seats are needed (the people who want it).
    pub demand: &'a [u32],
    /// Per want: how many people one purchase serves.
    pub seats: &'a [u32],
    /// Each offer at most once (the one-person plan).
    pub once: bool,
}

/// The positions in `columns` of the cheapest purchases by the tie rules, sorted
/// (a column bought twice is there twice); `None` when no purchases cover the wants.
pub(super) fn solve(problem: &Problem<'_>) -> Option<Vec<usize>> {
    let wants = problem.demand.len();
    let offers = problem
        .columns
        .iter()
        .map(|c| c.offer + 1)
        .max()
        .unwrap_or(0);
    let mut search = Search {
        problem,
        needed: problem.demand.to_vec(),
        open: bits_of(problem.demand),
        banned: vec![0; problem.columns.len()],
        bought: vec![false; offers],
        picks: Vec::new(),
        spent: (0, 0),
        best: None,
        rate: vec![0; wants],
        choices: vec![0; wants],
        slack: vec![0; problem.columns.len()],
        by_want: (0..wants)
            .map(|w| {
                (0..problem.columns.len())
                    .filter(|&at| problem.columns[at].mask & (1 << w) != 0)
                    .collect()
            })
            .collect(),
    };
    search.visit();
    search.best.map(|best| best.picks)
}

/// The wants with a positive demand.
fn bits_of(demand: &[u32]) -> Mask {
    demand
        .iter()
        .enumerate()
        .filter(|(_, d)| **d > 0)
        .fold(0, |acc, (at, _)| acc | (1 << at))
}

/// The best complete plan found so far, with its tie-rule key.
struct Best {
    /// `(fen, purchases)`.
    cost: (i128, u32),
    /// Offers of the sorted purchases: compared as the sorted id list.
    offers: Vec<usize>,
    masks: Vec<Mask>,
    /// Sorted column positions.
    picks: Vec<usize>,
}

struct Search<'p> {
    problem: &'p Problem<'p>,
    /// Per want: the seats still needed.
    needed: Vec<u32>,
    /// The wants whose seats are not all there yet.
    open: Mask,
    /// Per column: how many enclosing branches exclude it.
    banned: Vec<u32>,
    /// Per offer, in a one-person plan: already bought on this path.
    bought: Vec<bool>,
    picks: Vec<usize>,
    /// `(fen, purchases)` of `picks`.
    spent: (i128, u32),
    best: Option<Best>,
    /// Scratch of the bound: per want, its dual value (fen × SCALE per seat).
    rate: Vec<i128>,
    /// Scratch of the bound: per want, how many allowed columns cover it.
    choices: Vec<u32>,
    /// Scratch of the bound: per column, `price × SCALE − Σ seats · rate`.
    slack: Vec<i128>,
    /// Per want: the columns covering it, in order.
    by_want: Vec<Vec<usize>>,
}

impl Search<'_> {
    fn allowed(&self, at: usize) -> bool {
        self.banned[at] == 0 && !(self.problem.once && self.bought[self.problem.columns[at].offer])
    }

    /// The seats a purchase of `mask` would still give: `Σ min(seats, needed)`.
    fn useful(&self, mask: Mask) -> i128 {
        bits(mask & self.open)
            .map(|w| i128::from(self.problem.seats[w].min(self.needed[w])))
            .sum()
    }

    fn visit(&mut self) {
        if self.open == 0 {
            self.consider();
            return;
        }
        let Some((bound, want)) = self.bound() else {
            return;
        };
        if self.cannot_win((bound, 1)) {
            return;
        }
        let mut choices: Vec<(usize, i128, i128)> = self.by_want[want]
            .iter()
            .copied()
            .filter(|&at| self.allowed(at))
            .map(|at| {
                let column = &self.problem.columns[at];
                (at, column.price, self.useful(column.mask))
            })
            .collect();
        // Cheapest per seat first, so good plans are found early.
        choices.sort_by(|a, b| (a.1 * b.2).cmp(&(b.1 * a.2)).then(a.0.cmp(&b.0)));
        for &(at, price, _) in &choices {
            if !self.cannot_win((price, 1)) {
                self.buy_and_visit(at);
            }
            self.banned[at] += 1;
        }
        for &(at, ..) in &choices {
            self.banned[at] -= 1;
        }
    }

    /// Whether every completion costing at least `more` beyond what is spent loses to
    /// the best plan found (a tie on `(fen, purchases)` may still win on ids).
    fn cannot_win(&self, more: (i128, u32)) -> bool {
        self.best
            .as_ref()
            .is_some_and(|best| (self.spent.0 + more.0, self.spent.1 + more.1) > best.cost)
    }

    fn buy_and_visit(&mut self, at: usize) {
        let column = &self.problem.columns[at];
        let mut before: Vec<(usize, u32)> = Vec::new();
        for want in bits(column.mask & self.open) {
            before.push((want, self.needed[want]));
            self.needed[want] = self.needed[want].saturating_sub(self.problem.seats[want]);
            if self.needed[want] == 0 {
                self.open &= !(1 << want);
            }
        }
        let was_bought = self.problem.once && self.bought[column.offer];
        if self.problem.once {
            self.bought[column.offer] = true;
        }
        self.spent = (self.spent.0 + column.price, self.spent.1 + 1);
        self.picks.push(at);

        self.visit();

        self.picks.pop();
        self.spent = (self.spent.0 - column.price, self.spent.1 - 1);
        if self.problem.once {
            self.bought[column.offer] = was_bought;
        }
        for (want, needed) in before {
            self.needed[want] = needed;
            self.open |= 1 << want;
        }
    }

    /// A complete plan: kept if it beats the best by the tie rules.
    fn consider(&mut self) {
        let mut picks = self.picks.clone();
        picks.sort_unstable();
        let columns = self.problem.columns;
        let found = Best {
            cost: self.spent,
            offers: picks.iter().map(|&at| columns[at].offer).collect(),
            masks: picks.iter().map(|&at| columns[at].mask).collect(),
            picks,
        };
        let key = |b: &Best| (b.cost, b.offers.clone(), b.masks.clone());
        if self
            .best
            .as_ref()
            .is_none_or(|best| key(&found) < key(best))
        {
            self.best = Some(found);
        }
    }

    /// A lower bound in fen on the cost of covering what is left with the allowed
    /// columns, and the open want with the fewest of them (the first on a tie);
    /// `None` when an open want has none. See the module comment.
    fn bound(&mut self) -> Option<(i128, usize)> {
        let problem = self.problem;
        for want in bits(self.open) {
            self.rate[want] = i128::MAX;
            self.choices[want] = 0;
        }
        for at in 0..problem.columns.len() {
            let column = &problem.columns[at];
            let mask = column.mask & self.open;
            if mask == 0 || !self.allowed(at) {
                continue;
            }
            let per_seat = column.price * SCALE / self.useful(mask);
            for want in bits(mask) {
                self.rate[want] = self.rate[want].min(per_seat);
                self.choices[want] += 1;
            }
        }
        let mut fewest: Option<usize> = None;
        for want in bits(self.open) {
            if self.choices[want] == 0 {
                return None;
            }
            if fewest.is_none_or(|f| self.choices[want] < self.choices[f]) {
                fewest = Some(want);
            }
        }
        self.raise();
        let total: i128 = bits(self.open)
            .map(|w| i128::from(self.needed[w]) * self.rate[w])
            .sum();
        Some(((total + SCALE - 1).div_euclid(SCALE), fewest?))
    }

    /// Raises each open want's dual value, scarcest want first, by the least slack
    /// per seat of the allowed columns covering it: the dual stays feasible.
    fn raise(&mut self) {
        let problem = self.problem;
        let seats =
            |search: &Self, want: usize| i128::from(problem.seats[want].min(search.needed[want]));
        for at in 0..problem.columns.len() {
            let column = &problem.columns[at];
            let mask = column.mask & self.open;
            if mask == 0 || !self.allowed(at) {
                continue;
            }
            let used: i128 = bits(mask).map(|w| seats(self, w) * self.rate[w]).sum();
            self.slack[at] = column.price * SCALE - used;
        }
        let mut order: Vec<usize> = bits(self.open).collect();
        order.sort_by_key(|w| self.choices[*w]);
        for want in order {
            let per_seat = seats(self, want);
            let mut room = i128::MAX;
            for &at in &self.by_want[want] {
                if self.allowed(at) {
                    room = room.min(self.slack[at] / per_seat);
                }
            }
            if room <= 0 {
                continue;
            }
            self.rate[want] += room;
            for &at in &self.by_want[want] {
                if self.allowed(at) {
                    self.slack[at] -= room * per_seat;
                }
            }
        }
    }
}
