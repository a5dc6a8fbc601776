//! The problem's data as the relaxation reads it, built once and shared by
//! every node; and the same with rows added: the tie order's questions, and cuts.

use crate::plan::problem::Problem;

/// The problem's data as the relaxation reads it; shared by every node.
#[derive(Debug)]
pub struct Matrix {
    pub(super) rows: usize,
    /// Structural columns, each `(row, coefficient)`.
    pub(super) entries: Vec<Vec<(usize, f64)>>,
    /// The same entries as exact integers, for the bound.
    pub(super) exact: Vec<Vec<(usize, i128)>>,
    /// Cost per structural column, exact, and scaled to at most 1 for the simplex.
    pub(super) cost: Vec<i128>,
    pub(super) scaled_cost: Vec<f64>,
    /// What the costs were divided by.
    pub(super) cost_scale: f64,
    /// Right-hand sides: demands, then limits.
    pub(super) rhs: Vec<f64>,
    /// The same, exact.
    pub(super) exact_rhs: Vec<i128>,
    /// Rows below this are covering rows; the rest are limits.
    pub(super) covering: usize,
}

/// A valid inequality `Σ coefficient_j x_j ≥ at_least` over whole purchases.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Cut {
    /// `(column, coefficient)`, each column once.
    pub terms: Vec<(usize, i128)>,
    /// The right-hand side.
    pub at_least: i128,
}

impl Matrix {
    /// The relaxation's data of `problem`.
    pub fn new(problem: &Problem) -> Matrix {
        // A row no one needs a seat of is met by every plan: it is left out, so
        // the basis is only as big as the rows that matter.
        let mut row_of = vec![usize::MAX; problem.demand.len()];
        let mut needed: Vec<u32> = Vec::new();
        for (row, &demand) in problem.demand.iter().enumerate() {
            if demand > 0 {
                row_of[row] = needed.len();
                needed.push(demand);
            }
        }
        let covering = needed.len();
        let rows = covering + problem.limits.len();
        let mut entries: Vec<Vec<(usize, f64)>> = problem
            .columns
            .iter()
            .map(|c| {
                c.rows
                    .iter()
                    .filter(|(row, _)| problem.demand[*row] > 0)
                    .map(|&(row, seats)| (row_of[row], f64::from(seats.min(problem.demand[row]))))
                    .filter(|(_, a)| *a > 0.0)
                    .collect()
            })
            .collect();
        for (at, limit) in problem.limits.iter().enumerate() {
            for &column in &limit.columns {
                entries[column].push((covering + at, 1.0));
            }
        }
        let exact: Vec<Vec<(usize, i128)>> = entries
            .iter()
            .map(|e| e.iter().map(|&(r, a)| (r, a as i128)).collect())
            .collect();
        let cost: Vec<i128> = problem.columns.iter().map(|c| c.cost).collect();
        let cost_scale = cost.iter().copied().max().unwrap_or(1).max(1) as f64;
        let scaled_cost = cost.iter().map(|&c| c as f64 / cost_scale).collect();
        let needed_exact: Vec<i128> = needed
            .iter()
            .copied()
            .chain(problem.limits.iter().map(|l| l.at_most))
            .map(i128::from)
            .collect();
        let rhs: Vec<f64> = needed
            .into_iter()
            .chain(problem.limits.iter().map(|l| l.at_most))
            .map(f64::from)
            .collect();
        Matrix {
            rows,
            exact_rhs: needed_exact,
            entries,
            exact,
            cost,
            scaled_cost,
            cost_scale,
            rhs,
            covering,
        }
    }
}

impl Matrix {
    /// This matrix with one more row, `Σ_{j ∈ columns} x_j ≥ at_least`. The tie
    /// order asks with it whether a plan of the least cost buys any of
    /// `columns` more than it must.
    pub fn with_row_at_least(&self, columns: &[usize], at_least: u32) -> Matrix {
        self.with_cuts(&[Cut {
            terms: columns.iter().map(|&j| (j, 1)).collect(),
            at_least: i128::from(at_least),
        }])
    }

    /// This matrix with a row more per cut, each kept as a limit (`Σ −c_j x_j
    /// ≤ −at_least`) so that the covering rows keep their places.
    pub fn with_cuts(&self, cuts: &[Cut]) -> Matrix {
        let mut exact = self.exact.clone();
        let mut exact_rhs = self.exact_rhs.clone();
        for (k, cut) in cuts.iter().enumerate() {
            for &(column, c) in &cut.terms {
                exact[column].push((self.rows + k, -c));
            }
            exact_rhs.push(-cut.at_least);
        }
        self.with_rows(exact, exact_rhs)
    }

    /// A matrix of the same columns and costs with the exact entries `exact`
    /// and right-hand sides `exact_rhs`, the simplex's floating copies made
    /// from them.
    fn with_rows(&self, exact: Vec<Vec<(usize, i128)>>, exact_rhs: Vec<i128>) -> Matrix {
        Matrix {
            rows: exact_rhs.len(),
            entries: exact
                .iter()
                .map(|column| column.iter().map(|&(row, a)| (row, a as f64)).collect())
                .collect(),
            exact,
            rhs: exact_rhs.iter().map(|&b| b as f64).collect(),
            exact_rhs,
            cost: self.cost.clone(),
            scaled_cost: self.scaled_cost.clone(),
            cost_scale: self.cost_scale,
            covering: self.covering,
        }
    }
}

impl Matrix {
    /// How many rows the relaxation has.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// This matrix with only the rows `keep` says, in their order; and per
    /// old row, its new place (`usize::MAX` when dropped). Only rows past the
    /// covering rows may be dropped.
    pub fn keeping_rows(&self, keep: &[bool]) -> (Matrix, Vec<usize>) {
        let mut place = vec![usize::MAX; self.rows];
        let mut rows = 0;
        for (row, &kept) in keep.iter().enumerate() {
            if kept || row < self.covering {
                place[row] = rows;
                rows += 1;
            }
        }
        let exact: Vec<Vec<(usize, i128)>> = self
            .exact
            .iter()
            .map(|column| {
                column
                    .iter()
                    .filter(|(row, _)| place[*row] != usize::MAX)
                    .map(|&(row, a)| (place[row], a))
                    .collect()
            })
            .collect();
        let exact_rhs = (0..self.rows)
            .filter(|&row| place[row] != usize::MAX)
            .map(|row| self.exact_rhs[row])
            .collect();
        let matrix = self.with_rows(exact, exact_rhs);
        (matrix, place)
    }
}
