//! Independent searches of one answer (each person's alone and the groups of
//! a household's fair shares, docs/reference/plan.md, "Proof and time limit")
//! run side by side, one per core, within the answer's budget.
//!
//! Each search gets an even share of the time left when it starts
//! ([`Budget::share`]), so that under a time limit a hard group cannot leave
//! the others none; one that ends early leaves its time to those after it.
//! Time left once all have run (the last ones ended early too) goes to those
//! not proven within their share: they are searched again, side by side, with
//! an even share of it ([`again`]), so the answer does not hang on a limit it
//! never reached. Under a limit of search nodes (for tests that must not
//! depend on the machine's speed) each gets an equal part of the nodes left,
//! fixed before any starts, so its answer does not depend on which thread ran
//! first.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::problem::Budget;
use crate::money::Money;

/// `search(at, budget)` for each `at` in `0..count`, side by side within
/// `budget`; the answers in the order of `at`. Searches are started in that
/// order, and none after one has failed: the error is that of the first
/// search in order that failed, as if they had run one after another. A
/// search that panics stops the others from starting, and the panic goes on
/// to the caller.
pub(super) fn all<T: Send, E: Send>(
    budget: &Budget,
    count: usize,
    search: impl Fn(usize, &Budget) -> Result<T, E> + Sync,
) -> Result<Vec<T>, E> {
    run(budget, count, false, search)
}

/// As [`all`], but the first search is the answer's own (the household's
/// calendar): it has all the time left, on a core of its own when there are
/// two or more, and the others share the rest. Only under a time limit or
/// none: under a limit of nodes the answer's own search runs first, alone.
pub(super) fn all_led<T: Send, E: Send>(
    budget: &Budget,
    count: usize,
    search: impl Fn(usize, &Budget) -> Result<T, E> + Sync,
) -> Result<Vec<T>, E> {
    run(budget, count, true, search)
}

/// At most this many rounds of searching again: each round's searches use up
/// the time left unless they are proven, so more rarely happen.
const ROUNDS_AGAIN: usize = 3;

/// Searches again the `answers` not proven, while `budget` has time left,
/// each round with an even share of it; an answer found again replaces the
/// first when it is proven or cheaper. `judged` gives an answer's total and
/// whether it is proven. Errors as [`all`].
pub(super) fn again<T: Send, E: Send>(
    budget: &Budget,
    answers: &mut [T],
    judged: impl Fn(&T) -> (Money, bool),
    search: impl Fn(usize, &Budget) -> Result<T, E> + Sync,
) -> Result<(), E> {
    let better = |first: &T, again: &T| {
        let ((first, _), (again, proven)) = (judged(first), judged(again));
        proven || again < first
    };
    for _ in 0..ROUNDS_AGAIN {
        let unproven: Vec<usize> = (0..answers.len())
            .filter(|&at| !judged(&answers[at]).1)
            .collect();
        if unproven.is_empty() || !budget.has_time_left() {
            return Ok(());
        }
        // Once the limit is reached, those not started keep their first answer:
        // searching again cannot stop within a frame of it.
        let found = run(budget, unproven.len(), false, |at, part| {
            match budget.is_spent() {
                true => Ok(None),
                false => search(unproven[at], part).map(Some),
            }
        })?;
        for (at, answer) in unproven.into_iter().zip(found) {
            if let Some(answer) = answer
                && better(&answers[at], &answer)
            {
                answers[at] = answer;
            }
        }
    }
    Ok(())
}

fn run<T: Send, E: Send>(
    budget: &Budget,
    count: usize,
    led: bool,
    search: impl Fn(usize, &Budget) -> Result<T, E> + Sync,
) -> Result<Vec<T>, E> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let at_once = cores.min(count).max(1);
    let shares = budget.shares(count);
    let next = AtomicUsize::new(0);
    // While the lead runs it keeps one core: the others share the rest.
    let lead_running = AtomicBool::new(led);
    let work = || {
        let _stop_on_panic = StopOnPanic(&next, count);
        let mut answers = Vec::new();
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            if at >= count {
                return answers;
            }
            let part = if led && at == 0 {
                budget.share(&shares, 1, 1)
            } else {
                let busy = usize::from(lead_running.load(Ordering::Relaxed));
                budget.share(&shares, count - at, at_once.saturating_sub(busy).max(1))
            };
            let answer = search(at, &part);
            if at == 0 {
                lead_running.store(false, Ordering::Relaxed);
            }
            budget.charge(&part);
            if answer.is_err() {
                next.store(count, Ordering::Relaxed);
            }
            answers.push((at, answer));
        }
    };
    let mut answers: Vec<(usize, Result<T, E>)> = std::thread::scope(|scope| {
        let others: Vec<_> = (1..at_once).map(|_| scope.spawn(work)).collect();
        let mut answers = work();
        for other in others {
            match other.join() {
                Ok(more) => answers.extend(more),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        answers
    });
    answers.sort_by_key(|(at, _)| *at);
    answers.into_iter().map(|(_, answer)| answer).collect()
}

/// Ends the handing out of searches when the thread holding it panics.
struct StopOnPanic<'a>(&'a AtomicUsize, usize);

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.store(self.1, Ordering::Relaxed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_search_runs_once_and_answers_in_order() {
        let budget = Budget::for_nodes(1_000);
        let answers = all(&budget, 7, |at, part| {
            part.spend_node();
            Ok::<_, ()>(at * 10)
        });
        assert_eq!(answers, Ok(vec![0, 10, 20, 30, 40, 50, 60]));
        // Their nodes are counted in the answer's budget.
        assert_eq!(budget.nodes_spent(), 7);
    }

    #[test]
    fn under_a_node_limit_each_search_has_an_equal_part_fixed_before_any_starts() {
        let budget = Budget::for_nodes(100);
        budget.spend_node();
        // 99 nodes left for 4 searches: 24 each, however many the others spend.
        let spent = all(&budget, 4, |_, part| {
            let mut nodes = 1;
            while !part.spend_node() {
                nodes += 1;
            }
            Ok::<_, ()>(nodes)
        });
        assert_eq!(spent, Ok(vec![24, 24, 24, 24]));
    }

    #[test]
    fn under_a_time_limit_a_search_waiting_behind_others_gets_its_share_of_the_time() {
        let budget = Budget::for_time(std::time::Duration::from_secs(100));
        let shares = budget.shares(8);
        let left = |b: &Budget| b.time_left().expect("a deadline").as_secs_f64();
        // Two at once and two waiting: all the time left; eight: a fourth.
        assert!(left(&budget.share(&shares, 2, 2)) > 50.0);
        let fourth = left(&budget.share(&shares, 8, 2));
        assert!(fourth > 12.5 && fourth <= 25.0);
        assert!(
            Budget::unlimited()
                .share(&shares, 8, 2)
                .time_left()
                .is_none()
        );
    }

    #[test]
    fn the_error_is_the_first_in_order_and_no_search_starts_after_one() {
        let started = AtomicUsize::new(0);
        let answers = all(&Budget::unlimited(), 40, |at, _| {
            started.fetch_add(1, Ordering::Relaxed);
            if at == 3 || at == 5 { Err(at) } else { Ok(at) }
        });
        assert_eq!(answers, Err(3));
        // At most one search per core was under way when the first failed.
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        assert!(started.load(Ordering::Relaxed) <= 6 + cores);
    }

    #[test]
    fn the_lead_has_all_the_time_left_and_the_others_share_the_rest() {
        let budget = Budget::for_time(std::time::Duration::from_secs(100));
        let left = all_led(&budget, 9, |_, part| {
            Ok::<_, ()>(part.time_left().expect("a deadline").as_secs_f64())
        })
        .expect("no search fails");
        assert!(left[0] > 90.0, "the lead: {}", left[0]);
        // The first of eight others shares the time with them, on the cores
        // the lead leaves (all of them once it is done).
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let at_once = cores.min(9) as f64;
        assert!(
            left[1] <= 100.0 * (at_once / 8.0).min(1.0) + 0.001,
            "{left:?}"
        );
    }

    /// Answers as (total in fen, proven).
    type Answer = (i128, bool);
    fn judge(&(fen, proven): &Answer) -> (Money, bool) {
        (Money::from_fen(fen), proven)
    }

    #[test]
    fn time_left_goes_to_the_searches_not_proven_and_a_better_answer_replaces_the_first() {
        let budget = Budget::for_time(std::time::Duration::from_secs(100));
        let mut answers: Vec<Answer> = vec![(10, true), (30, false), (20, false), (5, true)];
        let asked = std::sync::Mutex::new(Vec::new());
        let found = again(&budget, &mut answers, judge, |at, part| {
            asked.lock().unwrap().push(at);
            // More time than the first share: nearly all of the 100 s left.
            assert!(part.time_left().unwrap().as_secs_f64() > 40.0);
            // The second is proven now; the third is found dearer, not proven.
            Ok::<_, ()>(if at == 1 { (25, true) } else { (21, false) })
        });
        assert_eq!(found, Ok(()));
        assert_eq!(
            answers,
            vec![(10, true), (25, true), (20, false), (5, true)]
        );
        // The third, never proven, was searched again each round.
        let mut asked = asked.into_inner().unwrap();
        asked.sort();
        assert_eq!(asked, [1, 2, 2, 2]);
    }

    #[test]
    fn under_a_node_limit_with_no_time_left_or_abandoned_nothing_is_searched_again() {
        let mut answers: Vec<Answer> = vec![(30, false)];
        // An answer no longer wanted (the screen moved on) is not searched again.
        let abandon = crate::plan::problem::Abandon::default();
        abandon.now();
        let abandoned =
            Budget::for_time(std::time::Duration::from_secs(100)).until_abandoned(&abandon);
        for budget in [
            Budget::for_nodes(1_000),
            Budget::for_time(std::time::Duration::ZERO),
            abandoned,
        ] {
            let found = again(&budget, &mut answers, judge, |_, _| -> Result<Answer, ()> {
                panic!("searched again")
            });
            assert_eq!(found, Ok(()));
        }
        assert_eq!(answers, vec![(30, false)]);
    }

    #[test]
    #[should_panic(expected = "the third search")]
    fn a_search_that_panics_panics_the_caller() {
        let _ = all(&Budget::unlimited(), 5, |at, _| {
            assert_ne!(at, 2, "the third search");
            Ok::<_, ()>(())
        });
    }
}
