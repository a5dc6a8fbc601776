//! The dense arithmetic of the basis inverse.

/// The `m × m` identity, row-major.
pub(super) fn identity(m: usize) -> Vec<f64> {
    let mut matrix = vec![0.0; m * m];
    for i in 0..m {
        matrix[i * m + i] = 1.0;
    }
    matrix
}

/// The sum of the squares of `row`.
pub(super) fn squared_norm(row: &[f64]) -> f64 {
    row.iter().map(|v| v * v).sum()
}

/// The inverse of a row-major `m × m` matrix by Gauss-Jordan elimination with
/// partial pivoting; `None` when it is singular.
pub(super) fn invert(mut matrix: Vec<f64>, m: usize) -> Option<Vec<f64>> {
    let mut inverse = identity(m);
    for col in 0..m {
        let pivot_row = (col..m).max_by(|&a, &b| {
            matrix[a * m + col]
                .abs()
                .total_cmp(&matrix[b * m + col].abs())
        })?;
        if matrix[pivot_row * m + col].abs() < 1e-12 {
            return None;
        }
        if pivot_row != col {
            for k in 0..m {
                matrix.swap(pivot_row * m + k, col * m + k);
                inverse.swap(pivot_row * m + k, col * m + k);
            }
        }
        let pivot = matrix[col * m + col];
        for k in 0..m {
            matrix[col * m + k] /= pivot;
            inverse[col * m + k] /= pivot;
        }
        for row in 0..m {
            if row != col {
                let factor = matrix[row * m + col];
                if factor != 0.0 {
                    for k in 0..m {
                        matrix[row * m + k] -= factor * matrix[col * m + k];
                        inverse[row * m + k] -= factor * inverse[col * m + k];
                    }
                }
            }
        }
    }
    Some(inverse)
}
