//! Writes the planner's benchmark instances as JSON covering problems, for
//! `benches/highs.py` to solve with HiGHS on the same instances, and solves
//! each once with bundlecalc's solver, printing its time, the sum of its optima
//! and whether all are proven: `cargo run --release --example instances -- DIR`.
//!
//! Each instance is a file `DIR/N.json`: `{"name", "problems": [{"demand",
//! "columns": [{"cost", "rows": [[row, seats]], "max_copies"}], "limits":
//! [{"columns", "at_most"}]}]}`, costs in the planner's folded units (fen × K +
//! 1 per purchase), `max_copies` null for no limit.

use std::time::{Duration, Instant};

use bundlecalc_core::plan::problem::Budget;
use bundlecalc_core::plan::solve::solve;
use bundlecalc_core::synthetic::problems::planner_instances;
use serde_json::json;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: instances DIR (where to write the JSON files)");
    std::fs::create_dir_all(&dir).expect("the folder can be made");
    let instances = planner_instances();
    let mut written = Vec::new();
    for (at, instance) in instances.iter().enumerate() {
        let problems: Vec<_> = instance
            .problems
            .iter()
            .map(|problem| {
                json!({
                    "demand": problem.demand,
                    "columns": problem.columns.iter().map(|c| json!({
                        "cost": c.cost.to_string(),
                        "rows": c.rows,
                        "max_copies": (c.max_copies != u32::MAX).then_some(c.max_copies),
                    })).collect::<Vec<_>>(),
                    "limits": problem.limits.iter().map(|l| json!({
                        "columns": l.columns,
                        "at_most": l.at_most,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let document = json!({ "name": instance.name, "problems": problems });
        let path = format!("{dir}/{}.json", at + 1);
        std::fs::write(&path, document.to_string()).expect("the file can be written");
        written.push(path);
    }
    for (path, instance) in written.iter().zip(&instances) {
        let started = Instant::now();
        let (mut total, mut proven) = (0i128, true);
        // A minute each at most: past it the best found, said not proven.
        let budget = Budget::for_time(Duration::from_secs(60));
        for problem in &instance.problems {
            let found = solve(problem, &budget, None).expect("the instances have plans");
            total += found.cost;
            proven &= found.proven;
        }
        println!(
            "{path}: {}: bundlecalc {:.1} ms, optimum {total}, proven {proven}",
            instance.name,
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
}
