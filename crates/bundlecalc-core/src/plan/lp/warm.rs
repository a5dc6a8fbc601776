//! A relaxation's basis and bounds carried from one matrix to another: to the
//! same matrix with rows added (cuts), or with the rows its solution does not
//! lean on dropped.

use super::matrix::Matrix;
use super::{Lp, NONBASIC};

/// A relaxation's bounds and basis, without its matrix (see [`Lp::warm_start`]).
#[derive(Clone, Debug)]
pub struct WarmStart {
    lo: Vec<f64>,
    hi: Vec<f64>,
    basis: Vec<usize>,
    at_upper: Vec<bool>,
}

impl<'m> Lp<'m> {
    /// This relaxation's bounds and basis, owned, with `new_rows` more rows'
    /// logicals basic: to go on from here on a matrix with those rows added.
    pub fn warm_start(&self, new_rows: usize) -> WarmStart {
        let last = self.lo.len();
        let mut warm = WarmStart {
            lo: self.lo.clone(),
            hi: self.hi.clone(),
            basis: self.basis.clone(),
            at_upper: self.at_upper.clone(),
        };
        for k in 0..new_rows {
            warm.lo.push(0.0);
            warm.hi.push(f64::INFINITY);
            warm.at_upper.push(false);
            warm.basis.push(last + k);
        }
        warm
    }

    /// The rows from `first` on whose logical is basic (the relaxation's
    /// solution does not need them) dropped: the smaller matrix, and this
    /// basis on it.
    pub fn without_loose_rows(&self, first: usize) -> (Matrix, WarmStart) {
        let n = self.structurals();
        let m = self.matrix.rows;
        let keep: Vec<bool> = (0..m)
            .map(|row| row < first || self.position[n + row] == NONBASIC)
            .collect();
        let (matrix, place) = self.matrix.keeping_rows(&keep);
        let var_of = |var: usize| {
            if var < n {
                Some(var)
            } else {
                let new = place[var - n];
                (new != usize::MAX).then(|| n + new)
            }
        };
        let kept_vars: Vec<usize> = (0..n + m).filter(|&v| var_of(v).is_some()).collect();
        let warm = WarmStart {
            lo: kept_vars.iter().map(|&v| self.lo[v]).collect(),
            hi: kept_vars.iter().map(|&v| self.hi[v]).collect(),
            at_upper: kept_vars.iter().map(|&v| self.at_upper[v]).collect(),
            basis: self.basis.iter().filter_map(|&v| var_of(v)).collect(),
        };
        (matrix, warm)
    }

    /// The relaxation on `matrix` at the basis and bounds `warm`; `None` when
    /// that basis is singular.
    pub fn from_warm(matrix: &'m Matrix, warm: WarmStart) -> Option<Lp<'m>> {
        let mut position = vec![NONBASIC; warm.lo.len()];
        for (pos, &var) in warm.basis.iter().enumerate() {
            position[var] = pos;
        }
        let mut lp = Lp {
            matrix,
            lo: warm.lo,
            hi: warm.hi,
            basis: warm.basis,
            position,
            at_upper: warm.at_upper,
            inverse: Vec::new(),
            norms: Vec::new(),
            values: Vec::new(),
            reduced: Vec::new(),
            pivots: 0,
        };
        lp.inverse = lp.basis_inverse()?;
        lp.recompute();
        Some(lp)
    }
}
