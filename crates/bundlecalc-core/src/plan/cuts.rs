//! Rows the relaxation may add without losing a plan: Chvátal–Gomory rounding
//! of one covering row.
//! (docs/reference/plan.md, "How the plan is found")
//!
//! A row `Σ a_j x_j ≥ d` over whole purchases `x_j ≥ 0` stays true divided by
//! any `t > 0` and rounded up: `Σ ⌈a_j / t⌉ x_j ≥ ⌈d / t⌉`. When `t` does not
//! divide `d` the rounded row cuts fractional points off: three seats wanted of
//! offers that give two need two purchases, not one and a half. Seat counts
//! and demands are small, so the rows that matter are few: one per `t` with
//! `1 < t < d` not dividing `d`.
//!
//! The search bounds with these rows and checks every plan against the problem
//! itself (`Problem::verify`), so they can only tighten the bound.

use super::problem::Problem;

/// `problem` with, after its own rows, the rounded rows of each covering row:
/// the problem the relaxation is built from. Limits and costs are the same.
pub fn strengthened(problem: &Problem) -> Problem {
    let mut demand = problem.demand.clone();
    let mut columns = problem.columns.clone();
    // Per row: the columns covering it with their seats, capped at the demand.
    let mut covering: Vec<Vec<(usize, u32)>> = vec![Vec::new(); problem.demand.len()];
    for (at, column) in problem.columns.iter().enumerate() {
        for &(row, seats) in &column.rows {
            covering[row].push((at, seats.min(problem.demand[row])));
        }
    }
    for (row, &wanted) in problem.demand.iter().enumerate() {
        for t in 2..wanted {
            if wanted % t == 0 {
                continue;
            }
            let cut = demand.len();
            demand.push(wanted.div_ceil(t));
            for &(at, seats) in &covering[row] {
                if seats > 0 {
                    columns[at].rows.push((cut, seats.div_ceil(t)));
                }
            }
        }
    }
    Problem {
        demand,
        columns,
        limits: problem.limits.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::problem::Column;

    #[test]
    fn three_seats_of_offers_of_two_need_two_purchases() {
        let problem = Problem {
            demand: vec![3, 2],
            columns: vec![Column {
                cost: 10,
                rank: 0,
                rows: vec![(0, 2), (1, 5)],
                max_copies: u32::MAX,
            }],
            limits: Vec::new(),
        };
        let strong = strengthened(&problem);
        // Row 0 (3 seats) gains ⌈x / 2⌉: 2 purchases of ⌈2 / 2⌉ = 1 seat each.
        // Row 1 (2 seats) gains nothing: 2 divides 2.
        assert_eq!(strong.demand, vec![3, 2, 2]);
        assert_eq!(strong.columns[0].rows, vec![(0, 2), (1, 5), (2, 1)]);
    }
}
