//! The linear relaxation of a covering problem, solved by the bounded dual
//! simplex method in `f64`, and the proven lower bound its duals give in
//! integers.
//!
//! The relaxation: minimise `Σ cost_j x_j` subject to `Σ_j seats_rj x_j ≥
//! demand_r` for each row, `Σ_{j ∈ L} x_j ≤ k_L` for each limit, and `lo_j ≤ x_j
//! ≤ hi_j`. Each row `i` has a logical variable `e_i` with `a_i·x + e_i = b_i`:
//! `e ≤ 0` for a covering row, `e ≥ 0` for a limit. The slack basis of the
//! logicals is dual feasible, since every cost is positive and every `x` starts
//! at its lower bound, so the dual simplex needs no first phase, and after a
//! branch changes a bound it goes on from where it was.
//!
//! Floating point only steers the search: [`Lp::bound`] takes the duals `π`, and
//! evaluates the Lagrangian `L(π) = Σ_i b_i π_i + Σ_j min(lo_j rc_j, hi_j rc_j)`,
//! `rc_j = cost_j − Σ_i a_ij π_i`, exactly in scaled integers. For any `π` with
//! the right signs (`≥ 0` on covering rows, `≤ 0` on limits) that is a lower
//! bound on every integer solution within the bounds (weak duality), whatever
//! rounding the simplex suffered; at the optimum it is the relaxation's value.

pub(super) mod bound;
mod dense;
pub(super) mod gomory;
mod inverse;
pub(super) mod matrix;
pub(super) mod root;
mod rows;
pub(super) mod warm;

use super::problem::Budget;
use dense::{identity, squared_norm};
use matrix::Matrix;

/// Duals are scaled by this to integers in the exact bound.
const SCALE: f64 = (1u64 << 24) as f64;
/// Feasibility tolerance, on the scaled problem.
const PRIMAL_TOL: f64 = 1e-9;
/// Pivot tolerance.
const PIVOT_TOL: f64 = 1e-9;
/// Pivots between two fresh factorisations of the basis.
const REFRESH_EVERY: usize = 64;

/// Whether the relaxation has a solution within the bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Relaxed {
    /// Optimal: the bound is the relaxation's value, the primal its solution.
    Optimal,
    /// Stopped early with a dual feasible basis: the bound is still valid.
    Stopped,
    /// No point within the bounds meets the rows (a dual ray was found).
    Infeasible,
}

/// The relaxation at one node of the search: the node's bounds, and a basis
/// with its inverse. Cloned to go down a branch.
#[derive(Clone, Debug)]
pub(super) struct Lp<'m> {
    matrix: &'m Matrix,
    /// Bounds of every variable: structurals, then logicals.
    pub lo: Vec<f64>,
    pub hi: Vec<f64>,
    /// The variable in each basis position.
    basis: Vec<usize>,
    /// Per variable: its basis position, or `NONBASIC`.
    position: Vec<usize>,
    /// Per nonbasic variable: at its upper bound (else its lower).
    at_upper: Vec<bool>,
    /// The basis inverse, row-major, `rows × rows`.
    inverse: Vec<f64>,
    /// Per basis position: the squared norm of its row of the inverse (the
    /// dual steepest-edge weight of that row).
    norms: Vec<f64>,
    /// Values of the basic variables.
    values: Vec<f64>,
    /// Reduced costs of every variable.
    reduced: Vec<f64>,
    pivots: usize,
}

const NONBASIC: usize = usize::MAX;

impl<'m> Lp<'m> {
    /// The relaxation with every column's bounds `[0, hi_j]`, at the slack basis.
    pub fn new(matrix: &'m Matrix, hi: &[u32]) -> Lp<'m> {
        let (n, rows, covering) = (matrix.entries.len(), matrix.rows, matrix.covering);
        let mut lo = vec![0.0; n + rows];
        let mut up: Vec<f64> = hi.iter().map(|&h| f64::from(h)).collect();
        for row in 0..rows {
            if row < covering {
                lo[n + row] = f64::NEG_INFINITY;
                up.push(0.0);
            } else {
                up.push(f64::INFINITY);
            }
        }
        let mut lp = Lp {
            matrix,
            lo,
            hi: up,
            basis: (n..n + rows).collect(),
            position: (0..n).map(|_| NONBASIC).chain(0..rows).collect(),
            at_upper: (0..n + rows).map(|v| v >= n && v - n < covering).collect(),
            inverse: identity(rows),
            norms: vec![1.0; rows],
            values: Vec::new(),
            reduced: Vec::new(),
            pivots: 0,
        };
        lp.refresh();
        lp
    }

    fn structurals(&self) -> usize {
        self.matrix.entries.len()
    }

    /// The data this relaxation is of.
    pub fn matrix(&self) -> &'m Matrix {
        self.matrix
    }

    /// The value of a nonbasic variable.
    fn nonbasic_value(&self, var: usize) -> f64 {
        if self.at_upper[var] {
            self.hi[var]
        } else {
            self.lo[var]
        }
    }

    /// Sets a structural column's bounds (a branch). Dual feasibility is kept:
    /// a nonbasic column stays at the bound its reduced cost asks for, or is
    /// fixed.
    pub fn set_bounds(&mut self, column: usize, lo: f64, hi: f64) {
        let before = self.nonbasic_value(column);
        self.lo[column] = lo;
        self.hi[column] = hi;
        if self.position[column] == NONBASIC {
            let after = self.nonbasic_value(column);
            if before != after {
                self.shift_basics(column, after - before);
            }
        }
    }

    /// The basic values after a nonbasic structural moves by `delta`.
    fn shift_basics(&mut self, column: usize, delta: f64) {
        let w = self.ftran(column);
        for (value, w) in self.values.iter_mut().zip(&w) {
            *value -= w * delta;
        }
    }

    /// `B⁻¹ a` for a variable's column.
    fn ftran(&self, var: usize) -> Vec<f64> {
        let m = self.matrix.rows;
        let mut w = vec![0.0; m];
        let n = self.structurals();
        if var >= n {
            for (i, w) in w.iter_mut().enumerate() {
                *w = self.inverse[i * m + (var - n)];
            }
        } else {
            for &(row, a) in &self.matrix.entries[var] {
                for (i, w) in w.iter_mut().enumerate() {
                    *w += self.inverse[i * m + row] * a;
                }
            }
        }
        w
    }

    /// Recomputes the inverse from the basis, then the basic values and the
    /// reduced costs, so that rounding does not pile up.
    fn refresh(&mut self) {
        if let Some(inverse) = self.basis_inverse() {
            self.inverse = inverse;
        }
        self.recompute();
    }

    /// The norms, the basic values and the reduced costs from the inverse.
    fn recompute(&mut self) {
        let m = self.matrix.rows;
        let n = self.structurals();
        self.norms = self.inverse.chunks(m.max(1)).map(squared_norm).collect();
        self.pivots = 0;
        // x_B = B⁻¹ (b − N x_N)
        let mut rest = self.matrix.rhs.clone();
        for var in 0..n + m {
            if self.position[var] != NONBASIC {
                continue;
            }
            let value = self.nonbasic_value(var);
            if value == 0.0 {
                continue;
            }
            if var >= n {
                rest[var - n] -= value;
            } else {
                for &(row, a) in &self.matrix.entries[var] {
                    rest[row] -= a * value;
                }
            }
        }
        self.values = (0..m)
            .map(|i| (0..m).map(|k| self.inverse[i * m + k] * rest[k]).sum())
            .collect();
        let duals = self.duals_f64();
        self.reduced = (0..n + m)
            .map(|var| {
                if self.position[var] != NONBASIC {
                    0.0
                } else if var >= n {
                    -duals[var - n]
                } else {
                    self.matrix.scaled_cost[var]
                        - self.matrix.entries[var]
                            .iter()
                            .map(|&(row, a)| duals[row] * a)
                            .sum::<f64>()
                }
            })
            .collect();
    }

    /// `π = c_B B⁻¹`, in the scaled costs.
    fn duals_f64(&self) -> Vec<f64> {
        let m = self.matrix.rows;
        let n = self.structurals();
        let mut duals = vec![0.0; m];
        for (pos, &var) in self.basis.iter().enumerate() {
            let cost = if var >= n {
                0.0
            } else {
                self.matrix.scaled_cost[var]
            };
            if cost != 0.0 {
                for (k, dual) in duals.iter_mut().enumerate() {
                    *dual += cost * self.inverse[pos * m + k];
                }
            }
        }
        duals
    }

    /// Runs the dual simplex until the relaxation is solved, found infeasible, or
    /// `pivots` pivots are made (then the basis is still dual feasible and its
    /// bound valid). `stop_at` ends it early once the dual objective, in the
    /// problem's units, has reached it (the node is pruned anyway).
    /// The budget stops it too (checked every few pivots).
    pub fn solve(&mut self, pivots: usize, stop_at: Option<f64>, budget: &Budget) -> Relaxed {
        let m = self.matrix.rows;
        let n = self.structurals();
        let mut alpha = vec![0.0; n + m];
        for iteration in 0..pivots {
            // The budget first: a fresh inverse is the costliest step.
            if budget.is_spent() {
                return Relaxed::Stopped;
            }
            if self.pivots >= REFRESH_EVERY {
                self.refresh();
            }
            if iteration % 8 == 7
                && let Some(target) = stop_at
                && self.objective() * self.matrix.cost_scale >= target
            {
                return Relaxed::Stopped;
            }
            // Leaving: the basic variable furthest outside its bounds, measured
            // by its row's steepest edge (dual steepest-edge pricing).
            let mut leave: Option<(usize, f64)> = None;
            for (pos, &var) in self.basis.iter().enumerate() {
                let x = self.values[pos];
                let outside = (self.lo[var] - x).max(x - self.hi[var]);
                if outside > PRIMAL_TOL * (1.0 + x.abs()) {
                    let score = outside * outside / self.norms[pos].max(1e-12);
                    if leave.is_none_or(|(_, best)| score > best) {
                        leave = Some((pos, score));
                    }
                }
            }
            let Some((r, _)) = leave else {
                return Relaxed::Optimal;
            };
            let leaving = self.basis[r];
            let to_lower = self.values[r] < self.lo[leaving];
            // Row r of B⁻¹A over the nonbasic variables, and the ratio test.
            let rho = &self.inverse[r * m..(r + 1) * m];
            let mut enter: Option<(usize, f64, f64)> = None;
            for var in 0..n + m {
                if self.position[var] != NONBASIC || self.lo[var] == self.hi[var] {
                    alpha[var] = 0.0;
                    continue;
                }
                let a = if var >= n {
                    rho[var - n]
                } else {
                    self.matrix.entries[var]
                        .iter()
                        .map(|&(row, a)| rho[row] * a)
                        .sum()
                };
                alpha[var] = a;
                let upper = self.at_upper[var];
                let eligible = if to_lower {
                    (!upper && a < -PIVOT_TOL) || (upper && a > PIVOT_TOL)
                } else {
                    (!upper && a > PIVOT_TOL) || (upper && a < -PIVOT_TOL)
                };
                if !eligible {
                    continue;
                }
                let ratio = self.reduced[var].abs() / a.abs();
                let better = match enter {
                    None => true,
                    Some((_, best, best_a)) => {
                        ratio < best - 1e-12 || (ratio <= best + 1e-12 && a.abs() > best_a.abs())
                    }
                };
                if better {
                    enter = Some((var, ratio, a));
                }
            }
            let Some((q, _, alpha_q)) = enter else {
                // Floating point found no way back into bounds: a node is cut
                // off only when that is checked in integers.
                return if self.proves_infeasible(r) {
                    Relaxed::Infeasible
                } else {
                    Relaxed::Stopped
                };
            };
            // Reduced costs.
            let theta_dual = self.reduced[q] / alpha_q;
            for (var, &a) in alpha.iter().enumerate().take(n + m) {
                if self.position[var] == NONBASIC && a != 0.0 {
                    self.reduced[var] -= theta_dual * a;
                }
            }
            self.reduced[q] = 0.0;
            self.reduced[leaving] = -theta_dual;
            // Primal values.
            let w = self.ftran(q);
            let target = if to_lower {
                self.lo[leaving]
            } else {
                self.hi[leaving]
            };
            let theta_primal = (self.values[r] - target) / w[r];
            let entering_value = self.nonbasic_value(q) + theta_primal;
            for (value, w) in self.values.iter_mut().zip(&w) {
                *value -= theta_primal * w;
            }
            self.values[r] = entering_value;
            // The basis and its inverse.
            self.basis[r] = q;
            self.position[q] = r;
            self.position[leaving] = NONBASIC;
            self.at_upper[leaving] = !to_lower;
            let pivot = w[r];
            for k in 0..m {
                self.inverse[r * m + k] /= pivot;
            }
            self.norms[r] = squared_norm(&self.inverse[r * m..(r + 1) * m]);
            let (before, from_r) = self.inverse.split_at_mut(r * m);
            let (row_r, after) = from_r.split_at_mut(m);
            for (i, &factor) in w.iter().enumerate().take(m) {
                if i == r || factor == 0.0 {
                    continue;
                }
                let row = if i < r {
                    &mut before[i * m..(i + 1) * m]
                } else {
                    &mut after[(i - r - 1) * m..(i - r) * m]
                };
                let mut norm = 0.0;
                for (value, &pivot_row) in row.iter_mut().zip(row_r.iter()) {
                    *value -= factor * pivot_row;
                    norm += *value * *value;
                }
                self.norms[i] = norm;
            }
            self.pivots += 1;
        }
        Relaxed::Stopped
    }

    /// Whether row `r` of the basis inverse, rounded to integers `y`, proves in
    /// exact arithmetic that no point within the bounds meets the rows: the
    /// combination `y·(A x + e) = y·b` of the equations cannot hold, since its
    /// left side ranges over the bounds entirely above or below `y·b`.
    fn proves_infeasible(&self, r: usize) -> bool {
        let m = self.matrix.rows;
        let n = self.structurals();
        let rho = &self.inverse[r * m..(r + 1) * m];
        let largest = rho.iter().fold(0.0f64, |most, v| most.max(v.abs()));
        if !(largest > 0.0 && largest.is_finite()) {
            return false;
        }
        let y: Vec<i128> = rho
            .iter()
            .map(|v| (v / largest * SCALE).round() as i128)
            .collect();
        let target: i128 = y
            .iter()
            .zip(&self.matrix.exact_rhs)
            .map(|(yi, b)| yi * b)
            .sum();
        // The least and greatest of y·(A x + e) within the bounds; `None` when
        // unbounded.
        let (mut least, mut most) = (Some(0i128), Some(0i128));
        for var in 0..n + m {
            let coefficient: i128 = if var >= n {
                y[var - n]
            } else {
                self.matrix.exact[var]
                    .iter()
                    .map(|&(row, a)| y[row] * a)
                    .sum()
            };
            if coefficient == 0 {
                continue;
            }
            let bound_at = |value: f64| value.is_finite().then(|| coefficient * value as i128);
            let (low, high) = if coefficient > 0 {
                (bound_at(self.lo[var]), bound_at(self.hi[var]))
            } else {
                (bound_at(self.hi[var]), bound_at(self.lo[var]))
            };
            least = least.zip(low).map(|(a, b)| a + b);
            most = most.zip(high).map(|(a, b)| a + b);
        }
        most.is_some_and(|most| most < target) || least.is_some_and(|least| least > target)
    }

    /// The dual objective of the basis, in scaled costs (steering only).
    fn objective(&self) -> f64 {
        let duals = self.duals_f64();
        let n = self.structurals();
        let mut total: f64 = duals.iter().zip(&self.matrix.rhs).map(|(d, b)| d * b).sum();
        for var in 0..n {
            if self.position[var] == NONBASIC {
                total += self.reduced[var] * self.nonbasic_value(var);
            }
        }
        total
    }

    /// The values of the structural columns at the relaxation's solution.
    pub fn primal(&self) -> Vec<f64> {
        (0..self.structurals())
            .map(|var| match self.position[var] {
                NONBASIC => self.nonbasic_value(var),
                pos => self.values[pos],
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::problem::{Column, Problem};

    fn problem() -> Problem {
        let column = |cost: i128, rows: &[usize]| Column {
            cost,
            rank: 0,
            rows: rows.iter().map(|&r| (r, 1)).collect(),
            max_copies: 1,
        };
        // Two rows; the cheap way is one column each, the dear one covers both.
        Problem {
            demand: vec![1, 1],
            columns: vec![column(3, &[0]), column(3, &[1]), column(10, &[0, 1])],
            limits: Vec::new(),
        }
    }

    #[test]
    fn a_row_added_to_a_solved_relaxation_is_solved_on_from_its_basis() {
        let problem = problem();
        let matrix = Matrix::new(&problem);
        let mut root = Lp::new(&matrix, &[1, 1, 1]);
        assert_eq!(
            root.solve(100, None, &Budget::unlimited()),
            Relaxed::Optimal
        );
        assert_eq!(root.bound().units(), 6);
        // At least one purchase of the dear column: 10, and nothing else needed.
        let wider = matrix.with_row_at_least(&[2], 1);
        let mut asked = root.on_matrix(&wider);
        assert_eq!(
            asked.solve(100, None, &Budget::unlimited()),
            Relaxed::Optimal
        );
        assert_eq!(asked.bound().units(), 10);
        assert_eq!(asked.primal(), vec![0.0, 0.0, 1.0]);
        assert!(asked.admits(&[0, 0, 1]));
        assert!(!asked.admits(&[1, 1, 0]), "the new row is not met");
        assert_eq!(asked.violated_row(&[1, 1, 0]), Some(2));
        assert_eq!(asked.helping(2).collect::<Vec<_>>(), vec![2]);
        // The same from scratch on the wider matrix.
        let mut fresh = Lp::new(&wider, &[1, 1, 1]);
        assert_eq!(
            fresh.solve(100, None, &Budget::unlimited()),
            Relaxed::Optimal
        );
        assert_eq!(fresh.bound().units(), 10);
    }

    #[test]
    fn the_inverse_of_a_basis_of_columns_and_logicals_is_its_inverse() {
        let problem = problem();
        let matrix = Matrix::new(&problem);
        let mut root = Lp::new(&matrix, &[1, 1, 1]);
        assert_eq!(
            root.solve(100, None, &Budget::unlimited()),
            Relaxed::Optimal
        );
        // A basis of one column and one logical: the partitioned inverse.
        root.basis = vec![0, 3 + 1];
        root.position = vec![0, NONBASIC, NONBASIC, NONBASIC, 1];
        let inverse = root.basis_inverse().expect("not singular");
        // B = [[1, 0], [0, 1]] for column 0 (row 0) and row 1's logical;
        // with column 2 (both rows) in place of column 0, B = [[1, 0], [1, 1]].
        assert_eq!(inverse, vec![1.0, 0.0, 0.0, 1.0]);
        root.basis = vec![2, 3 + 1];
        root.position = vec![NONBASIC, NONBASIC, 0, NONBASIC, 1];
        let inverse = root.basis_inverse().expect("not singular");
        assert_eq!(inverse, vec![1.0, 0.0, -1.0, 1.0]);
        // Two columns, no logical: column 2 on both rows, column 1 on row 1.
        root.basis = vec![2, 1];
        root.position = vec![NONBASIC, 1, 0, NONBASIC, NONBASIC];
        let inverse = root.basis_inverse().expect("not singular");
        // B = [[1, 0], [1, 1]] (columns 2, 1): B⁻¹ = [[1, 0], [−1, 1]].
        assert_eq!(inverse, vec![1.0, 0.0, -1.0, 1.0]);
        // Column 1 (row 1 only) with row 1's logical: nothing on row 0.
        root.basis = vec![1, 3 + 1];
        root.position = vec![NONBASIC, 0, NONBASIC, NONBASIC, 1];
        assert_eq!(root.basis_inverse(), None);
    }

    #[test]
    fn rows_no_one_needs_are_left_out_of_the_basis() {
        let mut problem = problem();
        // A third row, wanted by no one, that the dear column gives seats to.
        problem.demand.push(0);
        problem.columns[2].rows.push((2, 1));
        let matrix = Matrix::new(&problem);
        assert_eq!(matrix.rows, 2);
        let mut root = Lp::new(&matrix, &[1, 1, 1]);
        assert_eq!(
            root.solve(100, None, &Budget::unlimited()),
            Relaxed::Optimal
        );
        assert_eq!(root.bound().units(), 6);
        assert_eq!(root.primal(), vec![1.0, 1.0, 0.0]);
    }

    #[test]
    fn a_row_no_plan_can_meet_is_shown_unmeetable() {
        let problem = problem();
        let matrix = Matrix::new(&problem);
        let mut root = Lp::new(&matrix, &[1, 1, 1]);
        root.solve(100, None, &Budget::unlimited());
        // Two purchases of a column bought at most once.
        root.set_bounds(0, 0.0, 1.0);
        let wider = matrix.with_row_at_least(&[0], 2);
        let mut asked = root.on_matrix(&wider);
        assert_eq!(
            asked.solve(100, None, &Budget::unlimited()),
            Relaxed::Infeasible
        );
    }
}
