//! A relaxation and whole counts: a row added to a solved relaxation, whether
//! whole counts meet its rows, checked exactly, and which columns help a row.

use super::Lp;
use super::dense::squared_norm;
use super::matrix::Matrix;

impl<'m> Lp<'m> {
    /// This node's relaxation on `matrix`, which is this one's matrix with one
    /// row more ([`Matrix::with_row_at_least`]): same bounds and basis, the new
    /// row's logical basic. The basis stays dual feasible (the new row's dual is
    /// 0), and its inverse is this one's bordered by the new row, so the dual
    /// simplex goes on from here.
    pub fn on_matrix<'n>(&self, matrix: &'n Matrix) -> Lp<'n> {
        let m = self.matrix.rows;
        let n = self.structurals();
        debug_assert_eq!(matrix.rows, m + 1);
        debug_assert_eq!(matrix.entries.len(), n);
        let new_row = |var: usize| -> f64 {
            if var >= n {
                0.0
            } else {
                matrix.entries[var]
                    .iter()
                    .find(|(row, _)| *row == m)
                    .map_or(0.0, |(_, a)| *a)
            }
        };
        // [[B⁻¹, 0], [−r B⁻¹, 1]], r the new row's coefficients of the basics.
        let mut inverse = vec![0.0; (m + 1) * (m + 1)];
        for i in 0..m {
            inverse[i * (m + 1)..i * (m + 1) + m]
                .copy_from_slice(&self.inverse[i * m..(i + 1) * m]);
        }
        for (pos, &var) in self.basis.iter().enumerate() {
            let r = new_row(var);
            if r != 0.0 {
                for k in 0..m {
                    inverse[m * (m + 1) + k] -= r * self.inverse[pos * m + k];
                }
            }
        }
        inverse[m * (m + 1) + m] = 1.0;
        let mut lo = self.lo.clone();
        let mut hi = self.hi.clone();
        lo.push(0.0);
        hi.push(f64::INFINITY);
        let mut basis = self.basis.clone();
        basis.push(n + m);
        let mut position = self.position.clone();
        position.push(m);
        let mut at_upper = self.at_upper.clone();
        at_upper.push(false);
        let mut norms = self.norms.clone();
        norms.push(squared_norm(&inverse[m * (m + 1)..]));
        let primal = self.primal();
        let row_value: f64 = (0..n).map(|var| new_row(var) * primal[var]).sum();
        let mut values = self.values.clone();
        values.push(matrix.rhs[m] - row_value);
        let mut reduced = self.reduced.clone();
        reduced.push(0.0);
        Lp {
            matrix,
            lo,
            hi,
            basis,
            position,
            at_upper,
            inverse,
            norms,
            values,
            reduced,
            pivots: self.pivots,
        }
    }

    /// Whether whole counts (one per structural column) are within the bounds
    /// and meet every row of the matrix, checked exactly.
    pub fn admits(&self, counts: &[u32]) -> bool {
        let n = self.structurals();
        if (0..n).any(|at| {
            let c = f64::from(counts[at]);
            c < self.lo[at] || c > self.hi[at]
        }) {
            return false;
        }
        self.violated_row(counts).is_none()
    }

    /// The first row of the matrix that whole `counts` do not meet, checked
    /// exactly (the coefficients and right-hand sides are whole numbers).
    pub fn violated_row(&self, counts: &[u32]) -> Option<usize> {
        let mut sums = vec![0i128; self.matrix.rows];
        for (at, entries) in self.matrix.exact.iter().enumerate() {
            if counts[at] > 0 {
                for &(row, a) in entries {
                    sums[row] += a * i128::from(counts[at]);
                }
            }
        }
        (0..self.matrix.rows).find(|&row| {
            let b = self.matrix.exact_rhs[row];
            if row < self.matrix.covering {
                sums[row] < b
            } else {
                sums[row] > b
            }
        })
    }

    /// The columns with a coefficient in `row` that more purchases would help
    /// meet: positive in a covering row, negative in a limit.
    pub fn helping(&self, row: usize) -> impl Iterator<Item = usize> + '_ {
        let covering = row < self.matrix.covering;
        (0..self.structurals()).filter(move |&at| {
            self.matrix.entries[at]
                .iter()
                .any(|&(r, a)| r == row && (a > 0.0) == covering && a != 0.0)
        })
    }
}
