//! Gomory mixed-integer cuts from the rows of a solved relaxation, derived in
//! exact integers so that no rounding of the simplex can make one cut off a
//! plan (docs/reference/plan.md, "How the plan is found").
//!
//! Row `r` of the basis inverse, rounded to multipliers `u` with denominator
//! `D`, combines the equations `A x + e = b` into `Σ_k γ_k z_k = γ_0`, each
//! variable measured from the bound it sits at (`z_k ≥ 0`, whole for whole
//! purchases: the data are whole numbers). For whole `z`, the mixed-integer
//! rounding of that equation holds: `Σ_k min(f_k / f_0, (1 − f_k) / (1 − f_0))
//! z_k ≥ 1`, `f` the fractional parts. Each coefficient is then rounded up to
//! a multiple of `1 / Q` (still true, as `z ≥ 0`), and the cut is written back
//! in the purchases `x` with whole coefficients. Whatever `u` is, the cut holds
//! for every whole plan within the bounds it was derived at; the floating point
//! only chooses `u`, and so how deep the cut is.

use super::matrix::Cut;
use super::{Lp, NONBASIC};

/// Multipliers are rounded to this denominator: a multiple of every whole
/// number up to 10 and of 12, 14, 15, 16 and 18, the fractions a basis of
/// small whole numbers has.
const D: i128 = 322_560;
/// A cut's coefficients are rounded up to multiples of `1 / Q` before it is
/// written back in the purchases.
const Q: i128 = 64;
/// A basic value this far from whole, at least, gives a cut.
const AWAY: f64 = 0.02;
/// Rows tried per cut wanted.
const ROWS_PER_CUT: usize = 2;

impl Lp<'_> {
    /// Up to `most` cuts that the relaxation's solution violates, deepest
    /// first, each valid for every whole plan within this node's bounds.
    pub fn gomory_cuts(&self, most: usize) -> Vec<Cut> {
        let n = self.structurals();
        let primal = self.primal();
        // The rows of the basic purchases furthest from whole, a few times as
        // many as the cuts wanted.
        let mut rows: Vec<(f64, usize)> = self
            .basis
            .iter()
            .enumerate()
            .filter(|&(_, &var)| var < n)
            .map(|(pos, _)| {
                let fraction = self.values[pos] - self.values[pos].floor();
                (fraction.min(1.0 - fraction), pos)
            })
            .filter(|&(away, _)| away >= AWAY)
            .collect();
        rows.sort_by(|a, b| b.0.total_cmp(&a.0));
        rows.truncate(most * ROWS_PER_CUT);
        let mut found: Vec<(f64, Cut)> = Vec::new();
        for (_, pos) in rows {
            let Some(cut) = self.cut_of_row(pos) else {
                continue;
            };
            let activity: f64 = cut.terms.iter().map(|&(j, c)| c as f64 * primal[j]).sum();
            let norm: f64 = cut
                .terms
                .iter()
                .map(|&(_, c)| (c as f64).powi(2))
                .sum::<f64>()
                .sqrt();
            let depth = (cut.at_least as f64 - activity) / norm.max(1.0);
            if depth > 1e-6 {
                found.push((depth, cut));
            }
        }
        found.sort_by(|a, b| b.0.total_cmp(&a.0));
        found.dedup_by(|a, b| a.1 == b.1);
        found.into_iter().take(most).map(|(_, cut)| cut).collect()
    }

    /// The cut of basis position `pos`, exactly; `None` when its row gives none.
    fn cut_of_row(&self, pos: usize) -> Option<Cut> {
        let m = self.matrix.rows;
        let n = self.structurals();
        let multipliers: Vec<i128> = self.inverse[pos * m..(pos + 1) * m]
            .iter()
            .map(|&v| {
                let scaled = (v * D as f64).round();
                if scaled.is_finite() {
                    scaled as i128
                } else {
                    0
                }
            })
            .collect();
        // γ_k × D per variable (structurals, then logicals), and γ_0 × D.
        let mut gamma = vec![0i128; n + m];
        let mut gamma_0: i128 = multipliers
            .iter()
            .zip(&self.matrix.rhs)
            .map(|(u, b)| u * (*b as i128))
            .sum();
        for (j, g) in gamma.iter_mut().enumerate().take(n) {
            let sum: i128 = self.matrix.exact[j]
                .iter()
                .map(|&(row, a)| multipliers[row] * a)
                .sum();
            if self.lo[j] == self.hi[j] {
                // Fixed: its z is 0 for every plan here.
                gamma_0 -= sum * self.lo[j] as i128;
            } else if self.position[j] == NONBASIC && self.at_upper[j] {
                gamma_0 -= sum * self.hi[j] as i128;
                *g = -sum;
            } else {
                gamma_0 -= sum * self.lo[j] as i128;
                *g = sum;
            }
        }
        for row in 0..m {
            // A covering row's logical is `−z` (at most 0), a limit's `z`.
            gamma[n + row] = if row < self.matrix.covering {
                -multipliers[row]
            } else {
                multipliers[row]
            };
        }
        let f_0 = gamma_0.rem_euclid(D);
        if f_0 * 50 < D || f_0 * 50 > 49 * D {
            return None;
        }
        // Σ c_k z_k ≥ Q, each c_k the mixed-integer rounding coefficient × Q,
        // rounded up.
        let coefficient = |g: i128| -> i128 {
            let f = g.rem_euclid(D);
            if f <= f_0 {
                (Q * f).div_ceil_nonneg(f_0)
            } else {
                (Q * (D - f)).div_ceil_nonneg(D - f_0)
            }
        };
        let mut terms = vec![0i128; n];
        let mut at_least = Q;
        for j in 0..n {
            let c = coefficient(gamma[j]);
            if c == 0 || self.lo[j] == self.hi[j] {
                continue;
            }
            if self.position[j] == NONBASIC && self.at_upper[j] {
                terms[j] -= c;
                at_least -= c * self.hi[j] as i128;
            } else {
                terms[j] += c;
                at_least += c * self.lo[j] as i128;
            }
        }
        let logical: Vec<i128> = (0..m).map(|row| coefficient(gamma[n + row])).collect();
        for (row, &c) in logical.iter().enumerate() {
            let b = self.matrix.rhs[row] as i128;
            // z = A x − b for a covering row, b − A x for a limit.
            if row < self.matrix.covering {
                at_least += c * b;
            } else {
                at_least -= c * b;
            }
        }
        for (j, term) in terms.iter_mut().enumerate() {
            for &(row, a) in &self.matrix.exact[j] {
                let c = logical[row];
                if c != 0 {
                    *term += if row < self.matrix.covering {
                        c * a
                    } else {
                        -c * a
                    };
                }
            }
        }
        let terms: Vec<(usize, i128)> = terms
            .into_iter()
            .enumerate()
            .filter(|&(_, c)| c != 0)
            .collect();
        // Divided by the coefficients' common divisor, the right side rounds up.
        let divisor = terms.iter().fold(0i128, |g, &(_, c)| gcd(g, c.abs()));
        if divisor == 0 {
            return None;
        }
        Some(Cut {
            terms: terms.iter().map(|&(j, c)| (j, c / divisor)).collect(),
            at_least: (at_least).div_euclid(divisor)
                + i128::from(at_least.rem_euclid(divisor) != 0),
        })
    }
}

trait DivCeil {
    fn div_ceil_nonneg(self, by: i128) -> i128;
}

impl DivCeil for i128 {
    /// `⌈self / by⌉` for `self ≥ 0`, `by > 0`.
    fn div_ceil_nonneg(self, by: i128) -> i128 {
        (self + by - 1) / by
    }
}

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 { a } else { gcd(b, a % b) }
}
