//! A fresh inverse of the basis, from the columns in it.

use super::dense::invert;
use super::{Lp, NONBASIC};

impl Lp<'_> {
    /// The inverse of the basis, row-major (a row per basis position, a column
    /// per row of the problem); `None` when it is singular. With the logicals
    /// of the rows `S` basic and the columns `J` on the other rows `T`, `B =
    /// [[B_TJ, 0], [B_SJ, I]]` and `B⁻¹ = [[B_TJ⁻¹, 0], [−B_SJ B_TJ⁻¹, I]]`:
    /// only `B_TJ`, as small as the columns in the basis are few, is inverted
    /// densely.
    pub(super) fn basis_inverse(&self) -> Option<Vec<f64>> {
        let m = self.matrix.rows;
        let n = self.structurals();
        // Per row: its place among the rows `T`, whose logical is not basic.
        let mut place = vec![usize::MAX; m];
        let mut rows_t = Vec::new();
        for (row, place) in place.iter_mut().enumerate() {
            if self.position[n + row] == NONBASIC {
                *place = rows_t.len();
                rows_t.push(row);
            }
        }
        let columns_j: Vec<(usize, usize)> = self
            .basis
            .iter()
            .enumerate()
            .filter(|&(_, &var)| var < n)
            .map(|(pos, &var)| (pos, var))
            .collect();
        let k = rows_t.len();
        if columns_j.len() != k {
            return None;
        }
        let mut block = vec![0.0; k * k];
        for (b, &(_, var)) in columns_j.iter().enumerate() {
            for &(row, a) in &self.matrix.entries[var] {
                if place[row] != usize::MAX {
                    block[place[row] * k + b] = a;
                }
            }
        }
        let block_inverse = invert(block, k)?;
        let mut inverse = vec![0.0; m * m];
        for (b, &(pos, _)) in columns_j.iter().enumerate() {
            for (t, &row) in rows_t.iter().enumerate() {
                inverse[pos * m + row] = block_inverse[b * k + t];
            }
        }
        for row in 0..m {
            if place[row] == usize::MAX {
                inverse[self.position[n + row] * m + row] = 1.0;
            }
        }
        for (b, &(_, var)) in columns_j.iter().enumerate() {
            for &(row, a) in &self.matrix.entries[var] {
                if place[row] != usize::MAX {
                    continue;
                }
                let pos = self.position[n + row];
                for (t, &other) in rows_t.iter().enumerate() {
                    inverse[pos * m + other] -= a * block_inverse[b * k + t];
                }
            }
        }
        Some(inverse)
    }
}
