//! The exact solver against an exhaustive search, on small covering problems
//! with free and equal prices, repeated purchases and limits (reference:
//! docs/reference/plan.md, "Proof and time limit").

use bundlecalc_core::plan::problem::{Budget, Column, Limit, Problem, Solution, Unsolved};
use bundlecalc_core::plan::solve::{solve, solve_with_cuts};
use proptest::prelude::*;

/// Fen × K + 1 per purchase, as the planner folds its tie rules.
const PER_FEN: i128 = 16;

fn column() -> impl Strategy<Value = Column> {
    (
        prop::sample::select(vec![0i128, 0, 100, 100, 250]),
        0u32..4,
        prop::collection::btree_map(0usize..4, 1u32..3, 1..4),
        prop::sample::select(vec![1u32, 2, u32::MAX]),
    )
        .prop_map(|(fen, rank, rows, max_copies)| Column {
            cost: fen * PER_FEN + 1,
            rank,
            rows: rows.into_iter().collect(),
            max_copies,
        })
}

fn problem() -> impl Strategy<Value = Problem> {
    (
        prop::collection::vec(0u32..4, 4),
        prop::collection::vec(column(), 1..7),
    )
        .prop_flat_map(|(demand, columns)| {
            let n = columns.len();
            let limit = (prop::collection::btree_set(0..n, 1..=n), 0u32..3).prop_map(
                |(columns, at_most)| Limit {
                    columns: columns.into_iter().collect(),
                    at_most,
                },
            );
            (
                Just(demand),
                Just(columns),
                prop::collection::vec(limit, 0..3),
            )
        })
        .prop_map(|(demand, columns, limits)| Problem {
            demand,
            columns,
            limits,
        })
}

/// The least `(cost, sorted ranks, sorted picks)` over every count of every
/// column up to 3 (no best plan buys a column more often than the largest
/// demand), or `None`.
fn exhaustive(problem: &Problem) -> Option<(i128, Vec<u32>, Vec<usize>)> {
    let n = problem.columns.len();
    let mut best: Option<(i128, Vec<u32>, Vec<usize>)> = None;
    let mut counts = vec![0usize; n];
    loop {
        let picks: Vec<usize> = (0..n)
            .flat_map(|at| std::iter::repeat_n(at, counts[at]))
            .collect();
        if let Some(cost) = problem.verify(&picks) {
            let (ranks, picks) = problem.tie_key(&picks);
            let found = (cost, ranks, picks);
            if best.as_ref().is_none_or(|b| found < *b) {
                best = Some(found);
            }
        }
        let mut at = 0;
        loop {
            if at == n {
                return best;
            }
            counts[at] += 1;
            if counts[at] <= 3 {
                break;
            }
            counts[at] = 0;
            at += 1;
        }
    }
}

/// Whether `found` is the exhaustive search's answer: its cost, its plan and
/// tie order, proven, with its bound the cost; or no plan when there is none.
fn is_the_exhaustive_optimum(
    problem: &Problem,
    found: Result<Solution, Unsolved>,
) -> Result<(), TestCaseError> {
    match (found, exhaustive(problem)) {
        (Ok(found), Some((cost, ranks, picks))) => {
            prop_assert_eq!(found.cost, cost);
            prop_assert_eq!(&found.picks, &picks);
            prop_assert_eq!(problem.tie_key(&found.picks).0, ranks);
            prop_assert!(found.proven);
            prop_assert_eq!(found.bound, cost);
        }
        (Err(Unsolved::Infeasible), None) => {}
        (found, expected) => prop_assert!(false, "solver {found:?}, exhaustive {expected:?}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(crate::support::cases(3_000))]

    #[test]
    fn the_solver_finds_the_exhaustive_optimum_with_its_tie_order(problem in problem()) {
        is_the_exhaustive_optimum(&problem, solve(&problem, &Budget::unlimited(), None))?;
    }

    #[test]
    fn the_search_with_cuts_finds_the_exhaustive_optimum_with_its_tie_order(problem in problem()) {
        is_the_exhaustive_optimum(
            &problem,
            solve_with_cuts(&problem, &Budget::unlimited(), None),
        )?;
    }

    #[test]
    fn a_search_stopped_early_answers_a_plan_with_a_bound_below_it(problem in problem()) {
        if let Ok(found) = solve(&problem, &Budget::for_nodes(1), None) {
            prop_assert_eq!(problem.verify(&found.picks), Some(found.cost));
            prop_assert!(found.bound <= found.cost);
            let (cost, ..) = exhaustive(&problem).unwrap();
            prop_assert!(found.bound <= cost);
        }
    }
}

mod plans {
    use bundlecalc::report::Format;
    use bundlecalc::report::money::money_text;
    use bundlecalc::report::paint::Painter;
    use bundlecalc::report::plan::{PlanReport, render_plan};
    use bundlecalc_core::load::parse_catalog;
    use bundlecalc_core::plan::plan_within;
    use bundlecalc_core::plan::problem::Budget;
    use bundlecalc_core::scenario::Scenario;
    use bundlecalc_core::synthetic::files::hard_catalogue;

    /// A generated catalogue at free and repeated prices, wanting `wants`
    /// services (every one sold alone, so all are covered).
    fn hard(wants: usize) -> (bundlecalc_core::model::Catalog, Scenario) {
        let catalog = parse_catalog(&hard_catalogue(3_000, 300, 5)).unwrap();
        let mut scenario = Scenario::from_catalog(&catalog);
        let sold_alone: Vec<usize> = (0..catalog.services.len())
            .filter(|&s| catalog.services[s].sold_alone)
            .take(wants)
            .collect();
        assert_eq!(sold_alone.len(), wants);
        scenario.set_wants(sold_alone);
        (catalog, scenario)
    }

    #[test]
    fn a_search_stopped_before_its_proof_says_so_and_bounds_its_total() {
        let (catalog, scenario) = hard(40);
        let stopped = plan_within(&catalog, &scenario, &Budget::for_nodes(1)).unwrap();
        assert!(!stopped.proven);
        assert!(stopped.bound <= stopped.total);
        let report = PlanReport {
            catalog: &catalog,
            basis: scenario.basis,
            plan: &stopped,
            what_ifs: None,
        };
        let table = render_plan(&report, Format::Table, Painter::PLAIN);
        let bound = format!("no plan costs less than {}", money_text("¥", stopped.bound));
        assert!(table.contains(&bound), "{table}");
        let json: serde_json::Value =
            serde_json::from_str(&render_plan(&report, Format::Json, Painter::PLAIN)).unwrap();
        assert_eq!(json["proven"], false);
        assert_eq!(json["bound"], stopped.bound.to_string());
        assert!(json["notes"][0].as_str().unwrap().contains("time limit"));

        let proven = plan_within(&catalog, &scenario, &Budget::unlimited()).unwrap();
        assert!(proven.proven);
        assert_eq!(proven.bound, proven.total);
        assert!(proven.total <= stopped.total);
        assert!(stopped.bound <= proven.total);
        let report = PlanReport {
            plan: &proven,
            ..report
        };
        let json: serde_json::Value =
            serde_json::from_str(&render_plan(&report, Format::Json, Painter::PLAIN)).unwrap();
        assert_eq!(json["proven"], true);
        assert_eq!(json["bound"], json["total"]);
        assert_eq!(json["notes"], serde_json::json!([]));
    }
}

mod at_size {
    use bundlecalc_core::load::parse_catalog;
    use bundlecalc_core::plan::plan_within;
    use bundlecalc_core::plan::problem::Budget;
    use bundlecalc_core::plan::solve::solve;
    use bundlecalc_core::scenario::Scenario;
    use bundlecalc_core::synthetic::files::hard_catalogue;
    use bundlecalc_core::synthetic::problems::group_problems;

    #[test]
    fn two_hundred_wanted_services_are_planned_and_proven() {
        let catalog = parse_catalog(&hard_catalogue(1_000, 300, 5)).unwrap();
        let mut scenario = Scenario::from_catalog(&catalog);
        let wants: Vec<usize> = (0..catalog.services.len())
            .filter(|&s| catalog.services[s].sold_alone)
            .take(200)
            .collect();
        assert_eq!(wants.len(), 200);
        scenario.set_wants(wants.clone());
        let found = plan_within(&catalog, &scenario, &Budget::unlimited()).unwrap();
        assert!(found.proven);
        assert_eq!(found.bound, found.total);
        // Every wanted service is covered by exactly one purchase.
        let mut covered: Vec<usize> = found.offers.iter().flat_map(|o| o.covers.clone()).collect();
        covered.sort_unstable();
        let mut expected = wants;
        expected.sort_unstable();
        assert_eq!(covered, expected);
        // The purchases cost the total, and a search stopped early finds no less.
        let paid: bundlecalc_core::money::Money = found.offers.iter().map(|o| o.price).sum();
        assert_eq!(paid, found.total);
        let early = plan_within(&catalog, &scenario, &Budget::for_nodes(1)).unwrap();
        assert!(early.total >= found.total);
        assert!(early.bound <= found.total);
    }

    /// The 1,023 groups of a household of 10 (what fair shares need): the sum
    /// of their optima in folded units, as HiGHS proves it on the same
    /// problems (`examples/instances.rs`, `benches/highs.py`). A node cut off
    /// on floating point alone once made this sum wrong.
    #[test]
    fn the_optima_of_every_group_of_ten_people_are_those_a_milp_solver_proves() {
        let problems = group_problems(200, 10, 5, 30, 4);
        assert_eq!(problems.len(), 1_023);
        let mut total = 0;
        for problem in &problems {
            let found = solve(problem, &Budget::unlimited(), None).unwrap();
            assert!(found.proven);
            assert_eq!(problem.verify(&found.picks), Some(found.cost));
            total += found.cost;
        }
        assert_eq!(total, 10_897);
    }
}

mod time_limit {
    use assert_cmd::Command;
    use predicates::prelude::*;

    fn bundlecalc() -> Command {
        let mut command = Command::cargo_bin("bundlecalc").unwrap();
        command.env_remove("BUNDLECALC_FILE").env("LANG", "C");
        command
    }

    #[test]
    fn a_plan_within_a_time_limit_says_it_is_proven_with_its_bound() {
        let output = bundlecalc()
            .args([
                "--plan",
                "--want",
                "qq_music,tencent_video",
                "--format",
                "json",
            ])
            .args(["--time-limit", "0.1", "--file", "bundles.toml"])
            .output()
            .unwrap();
        assert!(output.status.success());
        let plan: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(plan["proven"], true);
        assert_eq!(plan["bound"], "316.00");
        assert_eq!(plan["total"], "316.00");
    }

    #[test]
    fn a_time_limit_that_is_not_a_number_of_seconds_of_at_least_a_tenth_exits_2() {
        for bad in ["0.05", "0", "-1", "ten", "1e-2", ""] {
            bundlecalc()
                .args([
                    "--plan",
                    "--want",
                    "qq_music",
                    &format!("--time-limit={bad}"),
                ])
                .assert()
                .code(2)
                .stderr(predicate::str::contains("--time-limit"));
        }
        // Written with an exponent, as the file's amounts may be; past what a
        // clock counts it is simply no limit.
        for good in ["1e3", "2.5E1", "1e20", "1e30"] {
            bundlecalc()
                .args([
                    "--plan",
                    "--want",
                    "qq_music",
                    &format!("--time-limit={good}"),
                ])
                .assert()
                .success();
        }
        // A negative number after a space is the option's value, refused in words.
        bundlecalc()
            .args(["--plan", "--want", "qq_music", "--time-limit", "-1"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "`--time-limit -1` is not a number of seconds of at least 0.1",
            ));
    }
}
