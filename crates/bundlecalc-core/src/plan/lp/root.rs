//! The relaxation at the root of a search: the problem's rows, the rounded
//! rows, and rounds of cuts while they lift the bound (docs/reference/plan.md,
//! "How the plan is found").

use super::matrix::Matrix;
use super::warm::WarmStart;
use super::{Lp, Relaxed};
use crate::plan::cuts::strengthened;
use crate::plan::problem::{Budget, Problem};

/// Dual simplex pivots allowed at the root.
pub const ROOT_PIVOTS: usize = 1_000_000;
/// Rounds of cuts at the root, each of at most this many cuts.
pub const CUT_ROUNDS: usize = 6;
const CUTS_PER_ROUND: usize = 40;

/// The relaxation of `problem` within the purchase counts `hi` (what every
/// least-cost plan stays within): its rows, the rounded rows, and up to
/// `cut_rounds` rounds of cuts while they lift its bound, the cuts its solution
/// does not lean on dropped at the end. With the basis of its solved root when
/// there is one to go on from (`None`: start from the slack basis, as when the
/// budget ran out or a basis could not be inverted). `None` when no plan
/// within `hi` meets the rows.
pub fn root_relaxation(
    problem: &Problem,
    hi: &[u32],
    budget: &Budget,
    cut_rounds: usize,
) -> Option<(Matrix, Option<WarmStart>)> {
    let mut matrix = Matrix::new(&strengthened(problem));
    if cut_rounds == 0 {
        return Some((matrix, None));
    }
    let first_cut = matrix.rows();
    let mut warm: Option<WarmStart> = None;
    let mut gains = Vec::new();
    for round in 0.. {
        // Past the limit a fresh inverse is not begun: the search answers
        // from the slack basis at once.
        if budget.is_spent() {
            return Some((matrix, None));
        }
        let mut lp = match warm.take() {
            None => Lp::new(&matrix, hi),
            Some(warm) => match Lp::from_warm(&matrix, warm) {
                Some(lp) => lp,
                None => return Some((matrix, None)),
            },
        };
        if lp.solve(ROOT_PIVOTS, None, budget) == Relaxed::Infeasible {
            return None;
        }
        gains.push(lp.bound().scaled);
        // Another round while the last lifted the bound by a fair part of
        // what the first did.
        let lifting = match gains[..] {
            [first, second, .., before, last] => (last - before) * 4 >= second - first,
            _ => true,
        };
        let cuts = if round < cut_rounds && lifting && !budget.is_spent() {
            lp.gomory_cuts(CUTS_PER_ROUND)
        } else {
            Vec::new()
        };
        if cuts.is_empty() {
            if matrix.rows() == first_cut {
                let warm = lp.warm_start(0);
                drop(lp);
                return Some((matrix, Some(warm)));
            }
            // Every node's basis is as small as the rows that matter.
            let (smaller, warm) = lp.without_loose_rows(first_cut);
            return Some((smaller, Some(warm)));
        }
        let next = matrix.with_cuts(&cuts);
        warm = Some(lp.warm_start(cuts.len()));
        drop(lp);
        matrix = next;
    }
    unreachable!("the rounds end with a return")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::lp::matrix::Cut;
    use crate::plan::problem::{Column, Limit};

    /// A small generator of numbers, the same on every machine.
    struct Numbers(u64);

    impl Numbers {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) % n
        }
    }

    fn random_problem(numbers: &mut Numbers) -> Problem {
        let rows = 2 + numbers.below(6) as usize;
        let columns = 3 + numbers.below(4) as usize;
        let demand = (0..rows).map(|_| 1 + numbers.below(9) as u32).collect();
        let columns: Vec<Column> = (0..columns)
            .map(|at| {
                let mut given: Vec<(usize, u32)> = Vec::new();
                for row in 0..rows {
                    if numbers.below(3) == 0 {
                        given.push((row, 1 + numbers.below(4) as u32));
                    }
                }
                if given.is_empty() {
                    given.push((numbers.below(rows as u64) as usize, 1));
                }
                Column {
                    cost: 1 + numbers.below(30) as i128,
                    rank: at as u32,
                    rows: given,
                    max_copies: u32::MAX,
                }
            })
            .collect();
        let limits = if numbers.below(2) == 0 {
            vec![Limit {
                columns: (0..columns.len())
                    .filter(|_| numbers.below(2) == 0)
                    .collect(),
                at_most: 1 + numbers.below(4) as u32,
            }]
        } else {
            Vec::new()
        };
        Problem {
            demand,
            columns,
            limits,
        }
    }

    /// Every cut of every round at the root, as `root_relaxation` makes them.
    fn cuts_of(problem: &Problem, hi: &[u32]) -> Vec<Cut> {
        let mut matrix = Matrix::new(&strengthened(problem));
        let mut warm: Option<WarmStart> = None;
        let mut all = Vec::new();
        for _ in 0..CUT_ROUNDS {
            let mut lp = match warm.take() {
                None => Lp::new(&matrix, hi),
                Some(warm) => match Lp::from_warm(&matrix, warm) {
                    Some(lp) => lp,
                    None => break,
                },
            };
            if lp.solve(ROOT_PIVOTS, None, &Budget::unlimited()) == Relaxed::Infeasible {
                break;
            }
            let cuts = lp.gomory_cuts(CUTS_PER_ROUND);
            if cuts.is_empty() {
                break;
            }
            all.extend(cuts.iter().cloned());
            let next = matrix.with_cuts(&cuts);
            warm = Some(lp.warm_start(cuts.len()));
            drop(lp);
            matrix = next;
        }
        all
    }

    #[test]
    fn no_cut_of_any_round_cuts_off_a_whole_plan() {
        let mut numbers = Numbers(12_345);
        let (mut cuts_checked, mut plans_checked) = (0, 0);
        for _ in 0..5_000 {
            let problem = random_problem(&mut numbers);
            let hi: Vec<u32> = problem
                .columns
                .iter()
                .map(|column| {
                    column
                        .rows
                        .iter()
                        .map(|&(row, seats)| problem.demand[row].div_ceil(seats))
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            let cuts = cuts_of(&problem, &hi);
            if cuts.is_empty() {
                continue;
            }
            cuts_checked += cuts.len();
            // Every whole point within the bounds that is a plan meets every cut.
            let mut x = vec![0u32; hi.len()];
            loop {
                let picks: Vec<usize> = (0..x.len())
                    .flat_map(|j| std::iter::repeat_n(j, x[j] as usize))
                    .collect();
                if problem.verify(&picks).is_some() {
                    plans_checked += 1;
                    for cut in &cuts {
                        let left: i128 = cut.terms.iter().map(|&(j, c)| c * i128::from(x[j])).sum();
                        assert!(
                            left >= cut.at_least,
                            "{cut:?} cuts off {x:?} of {problem:?}"
                        );
                    }
                }
                let Some(at) = (0..x.len()).find(|&j| x[j] < hi[j]) else {
                    break;
                };
                x[at] += 1;
                for earlier in &mut x[..at] {
                    *earlier = 0;
                }
            }
        }
        // The test looks at many cuts and plans, not at none.
        assert!(cuts_checked > 300, "{cuts_checked}");
        assert!(plans_checked > 100_000, "{plans_checked}");
    }
}
