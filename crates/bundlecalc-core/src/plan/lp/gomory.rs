//! Gomory mixed-integer cuts from the rows of a solved relaxation, derived in
//! exact integers so that no rounding of the simplex can make one cut off a
//! plan (docs/reference/plan.md, "How the plan is found").
//!
//! Row `r` of the basis inverse, rounded to multipliers `u` with denominator
//! `DENOMINATOR`, combines the equations `A x + e = b` into `Σ_k γ_k z_k =
//! γ_0`, each variable measured from the bound it sits at (`z_k ≥ 0`, whole
//! for whole purchases: every row has whole coefficients and right-hand side).
//! For whole `z`, the mixed-integer rounding of that equation holds: `Σ_k
//! min(f_k / f_0, (1 − f_k) / (1 − f_0)) z_k ≥ 1`, `f` the fractional parts.
//! Each coefficient is then rounded up to a multiple of `1 / GRID` (still
//! true, as `z ≥ 0`), and the cut is written back in the purchases `x` with
//! whole coefficients, divided by their common divisor and its right side
//! rounded up. Whatever `u` is, the cut holds for every whole plan within the
//! bounds it was derived at; the floating point only chooses `u`, and so how
//! deep the cut is.

use std::collections::HashSet;

use super::matrix::Cut;
use super::{Lp, NONBASIC};

/// Multipliers are rounded to this denominator: 5,040 (a multiple of every
/// whole number up to 10) × 64, so that the halves, thirds, … quarters of
/// quarters a basis of small whole numbers has are kept exactly.
const DENOMINATOR: i128 = 322_560;
/// A cut's coefficients are rounded up to multiples of `1 / GRID` before it is
/// written back in the purchases.
const GRID: i128 = 64;
/// A basic value this far from whole, at least, gives a cut; and the
/// combined equation's right side as far.
const MIN_FRACTION: f64 = 0.02;
/// Rows tried per cut wanted.
const ROWS_PER_CUT: usize = 2;
/// A cut with a coefficient or right side larger than this, or whose
/// coefficients differ by more than `MAX_SPREAD` times, is not kept: the
/// simplex reads them in floating point.
const MAX_COEFFICIENT: i128 = 1 << 31;
const MAX_SPREAD: i128 = 1_000_000;

impl Lp<'_> {
    /// Up to `most` different cuts that the relaxation's solution violates,
    /// deepest first, each valid for every whole plan within this node's
    /// bounds.
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
            .filter(|&(away, _)| away >= MIN_FRACTION)
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
        let mut seen = HashSet::new();
        found
            .into_iter()
            .map(|(_, cut)| cut)
            .filter(|cut| seen.insert(cut.clone()))
            .take(most)
            .collect()
    }

    /// The cut of basis position `pos`, exactly; `None` when its row gives
    /// none, or one too large to keep.
    fn cut_of_row(&self, pos: usize) -> Option<Cut> {
        let m = self.matrix.rows;
        let n = self.structurals();
        let multipliers: Vec<i128> = self.inverse[pos * m..(pos + 1) * m]
            .iter()
            .map(|&v| {
                let scaled = (v * DENOMINATOR as f64).round();
                (scaled.is_finite() && scaled.abs() < MAX_COEFFICIENT as f64)
                    .then_some(scaled as i128)
            })
            .collect::<Option<_>>()?;
        // γ_k × DENOMINATOR per variable (structurals, then logicals), and
        // γ_0 × DENOMINATOR.
        let mut gamma = vec![0i128; n + m];
        let mut gamma_0 = dot(&multipliers, &self.matrix.exact_rhs)?;
        for (j, g) in gamma.iter_mut().enumerate().take(n) {
            let mut sum: i128 = 0;
            for &(row, a) in &self.matrix.exact[j] {
                sum = sum.checked_add(multipliers[row].checked_mul(a)?)?;
            }
            // Fixed columns measured from their value: their z is always 0.
            let at = if self.position[j] == NONBASIC && self.at_upper[j] && self.lo[j] < self.hi[j]
            {
                *g = -sum;
                self.hi[j]
            } else {
                *g = if self.lo[j] < self.hi[j] { sum } else { 0 };
                self.lo[j]
            };
            gamma_0 = gamma_0.checked_sub(sum.checked_mul(at as i128)?)?;
        }
        for row in 0..m {
            // A covering row's logical is `−z` (at most 0), a limit's `z`.
            gamma[n + row] = if row < self.matrix.covering {
                -multipliers[row]
            } else {
                multipliers[row]
            };
        }
        let f_0 = gamma_0.rem_euclid(DENOMINATOR);
        let least = (MIN_FRACTION * DENOMINATOR as f64) as i128;
        if f_0 < least || f_0 > DENOMINATOR - least {
            return None;
        }
        // Σ c_k z_k ≥ GRID, each c_k the mixed-integer rounding coefficient ×
        // GRID, rounded up.
        let coefficient = |g: i128| -> i128 {
            let f = g.rem_euclid(DENOMINATOR);
            if f <= f_0 {
                div_ceil(GRID * f, f_0)
            } else {
                div_ceil(GRID * (DENOMINATOR - f), DENOMINATOR - f_0)
            }
        };
        let mut terms = vec![0i128; n];
        let mut at_least = GRID;
        for j in 0..n {
            let c = coefficient(gamma[j]);
            if c == 0 || self.lo[j] == self.hi[j] {
                continue;
            }
            if self.position[j] == NONBASIC && self.at_upper[j] {
                terms[j] -= c;
                at_least = at_least.checked_sub(c.checked_mul(self.hi[j] as i128)?)?;
            } else {
                terms[j] += c;
                at_least = at_least.checked_add(c.checked_mul(self.lo[j] as i128)?)?;
            }
        }
        let logical: Vec<i128> = (0..m).map(|row| coefficient(gamma[n + row])).collect();
        for (row, &c) in logical.iter().enumerate() {
            let b = self.matrix.exact_rhs[row];
            // z = A x − b for a covering row, b − A x for a limit.
            let part = c.checked_mul(b)?;
            at_least = if row < self.matrix.covering {
                at_least.checked_add(part)?
            } else {
                at_least.checked_sub(part)?
            };
        }
        for (j, term) in terms.iter_mut().enumerate() {
            for &(row, a) in &self.matrix.exact[j] {
                let c = logical[row];
                if c != 0 {
                    let part = c.checked_mul(a)?;
                    *term = if row < self.matrix.covering {
                        term.checked_add(part)?
                    } else {
                        term.checked_sub(part)?
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
        let divisor = terms.iter().fold(0, |g, &(_, c)| gcd(g, c.abs()));
        if divisor == 0 {
            return None;
        }
        let cut = Cut {
            terms: terms.iter().map(|&(j, c)| (j, c / divisor)).collect(),
            at_least: at_least.div_euclid(divisor) + i128::from(at_least.rem_euclid(divisor) != 0),
        };
        let largest = cut.terms.iter().map(|(_, c)| c.abs()).max()?;
        let smallest = cut.terms.iter().map(|(_, c)| c.abs()).min()?;
        (largest <= MAX_COEFFICIENT
            && cut.at_least.abs() <= MAX_COEFFICIENT
            && largest <= smallest * MAX_SPREAD)
            .then_some(cut)
    }
}

/// `Σ a_i b_i`, `None` on overflow.
fn dot(a: &[i128], b: &[i128]) -> Option<i128> {
    a.iter()
        .zip(b)
        .try_fold(0i128, |sum, (x, y)| sum.checked_add(x.checked_mul(*y)?))
}

/// `⌈a / b⌉` for `a ≥ 0`, `b > 0`.
fn div_ceil(a: i128, b: i128) -> i128 {
    (a + b - 1) / b
}

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 { a } else { gcd(b, a % b) }
}
