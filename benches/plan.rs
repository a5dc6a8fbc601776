//! The planner's solver on hard instances
//! (docs/reference/plan.md, "How the plan is found"): free and repeated prices, many people, what-ifs, a calendar-shaped
//! problem and the 1,023 plans of fair shares, the same instances that
//! `examples/instances.rs` writes for HiGHS (`benches/highs.py`). Each prints
//! the sum of its optima, which must equal HiGHS's, and whether all are proven;
//! then how long a search with `--time-limit 0.1` takes on a problem it cannot
//! prove in that time.

use std::hint::black_box;
use std::time::{Duration, Instant};

use bundlecalc_core::plan::problem::{Budget, Problem};
use bundlecalc_core::plan::solve::solve;
use bundlecalc_core::synthetic::problems::{calendar_problem, planner_instances};
use criterion::{Criterion, criterion_group, criterion_main};

/// The sum of the optima of `problems`, and whether every one is proven.
fn solve_all(problems: &[Problem], budget: &Budget) -> (i128, bool) {
    problems.iter().fold((0, true), |(total, proven), problem| {
        let found = solve(problem, budget, None).expect("the instances have plans");
        (total + found.cost, proven && found.proven)
    })
}

fn instances(c: &mut Criterion) {
    for instance in planner_instances() {
        let started = Instant::now();
        let (total, proven) = solve_all(&instance.problems, &Budget::default());
        println!(
            "{}: {} problem(s), optimum {total}, proven {proven} (first run {:?})",
            instance.name,
            instance.problems.len(),
            started.elapsed()
        );
        c.bench_function(&instance.name, |b| {
            b.iter(|| solve_all(black_box(&instance.problems), &Budget::default()))
        });
    }
}

fn time_limit(_: &mut Criterion) {
    let problem = calendar_problem(30, 36, 600, 9);
    for _ in 0..3 {
        let started = Instant::now();
        let budget = Budget::for_time(Duration::from_millis(100));
        let found = solve(&problem, &budget, None).expect("the instance has plans");
        println!(
            "time limit 0.1 s on a calendar of 30 services x 36 months, 600 offers: \
             answered in {:?}, proven {}, cost {}, bound {}",
            started.elapsed(),
            found.proven,
            found.cost,
            found.bound
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = instances, time_limit
}
criterion_main!(benches);
