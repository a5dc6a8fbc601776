//! Independent searches of one answer (the groups of a household's shares,
//! docs/reference/plan.md, "Proof and time limit") run side by side, one per
//! core, within the answer's budget.
//!
//! Each search gets an even share of the time left when it starts, so that
//! under a time limit a hard group cannot leave the others none; one that ends
//! early leaves its time to those after it. Under a limit of search nodes (for
//! tests that must not depend on the machine's speed) each gets an equal part
//! of the nodes left, fixed before any starts, so its answer does not depend on
//! which thread ran first.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::problem::Budget;

/// `search(at, budget)` for each `at` in `0..count`, side by side within
/// `budget`; the answers in the order of `at`.
pub(super) fn side_by_side<T: Send>(
    budget: &Budget,
    count: usize,
    search: impl Fn(usize, &Budget) -> T + Sync,
) -> Vec<T> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = cores.min(count).max(1);
    let nodes_each = budget.nodes_left().map(|left| left / count.max(1) as u64);
    let next = AtomicUsize::new(0);
    let answers: Mutex<Vec<Option<T>>> = Mutex::new((0..count).map(|_| None).collect());
    let work = || {
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            if at >= count {
                return;
            }
            let part = budget.share(count - at, workers, nodes_each);
            let answer = search(at, &part);
            budget.charge(&part);
            answers.lock().expect("a search does not panic")[at] = Some(answer);
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..workers {
            scope.spawn(work);
        }
        work();
    });
    answers
        .into_inner()
        .expect("a search does not panic")
        .into_iter()
        .map(|answer| answer.expect("every search ran"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_search_runs_once_and_answers_in_order() {
        let budget = Budget::for_nodes(1_000);
        let answers = side_by_side(&budget, 7, |at, part| {
            part.spend_node();
            at * 10
        });
        assert_eq!(answers, vec![0, 10, 20, 30, 40, 50, 60]);
        // Their nodes are counted in the answer's budget.
        assert_eq!(budget.nodes_spent(), 7);
    }

    #[test]
    fn under_a_node_limit_each_search_has_an_equal_part_fixed_before_any_starts() {
        let budget = Budget::for_nodes(100);
        budget.spend_node();
        // 99 nodes left for 4 searches: 24 each, however many the others spend.
        let spent = side_by_side(&budget, 4, |_, part| {
            let mut nodes = 0;
            while !part.spend_node() {
                nodes += 1;
            }
            nodes + 1
        });
        assert_eq!(spent, vec![24, 24, 24, 24]);
    }

    #[test]
    fn under_a_time_limit_a_search_waiting_behind_others_gets_a_share_of_the_time() {
        let budget = Budget::for_time(std::time::Duration::from_secs(100));
        let whole = budget.share(1, 1, None);
        let fourth = budget.share(8, 2, None);
        let left = |b: &Budget| b.time_left().expect("a deadline").as_secs_f64();
        assert!(left(&whole) > 99.0 && left(&whole) <= 100.0);
        // Two at once, eight waiting: each has about a fourth of the time left.
        assert!(left(&fourth) > 24.0 && left(&fourth) <= 25.0);
        assert!(Budget::unlimited().share(8, 2, None).time_left().is_none());
    }
}
