//! The proven lower bound: the relaxation's duals, rounded to scaled integers,
//! and the Lagrangian they give evaluated exactly (see `lp/mod.rs`).

use super::{Lp, SCALE};

impl Lp<'_> {
    /// The proven lower bound, in the problem's units, on every integer solution
    /// within the current bounds; and per column, its exact reduced cost
    /// (scaled by `SCALE`), for fixing columns by reduced cost.
    pub fn bound(&self) -> ExactBound {
        let duals = self.duals_f64();
        let duals: Vec<i128> = duals
            .iter()
            .enumerate()
            .map(|(row, &pi)| {
                let scaled = (pi * self.matrix.cost_scale * SCALE).round();
                let scaled = if scaled.is_finite() {
                    scaled as i128
                } else {
                    0
                };
                if row < self.matrix.covering {
                    scaled.max(0)
                } else {
                    scaled.min(0)
                }
            })
            .collect();
        let scale = SCALE as i128;
        let mut total: i128 = duals
            .iter()
            .zip(&self.matrix.exact_rhs)
            .map(|(pi, b)| pi * b)
            .sum();
        let mut reduced = Vec::with_capacity(self.structurals());
        for var in 0..self.structurals() {
            let rc = self.matrix.cost[var] * scale
                - self.matrix.exact[var]
                    .iter()
                    .map(|&(row, a)| a * duals[row])
                    .sum::<i128>();
            let (lo, hi) = (self.lo[var] as i128, self.hi[var] as i128);
            total += (lo * rc).min(hi * rc);
            reduced.push(rc);
        }
        ExactBound {
            scaled: total,
            reduced,
            scale,
        }
    }
}

/// A lower bound proven in integers, with what it was made of.
pub struct ExactBound {
    /// The bound × `scale`.
    pub scaled: i128,
    /// Per column: its reduced cost × `scale`.
    pub reduced: Vec<i128>,
    pub scale: i128,
}

impl ExactBound {
    /// The bound rounded up to a whole unit: every solution costs at least this.
    pub fn units(&self) -> i128 {
        -((-self.scaled).div_euclid(self.scale))
    }
}
