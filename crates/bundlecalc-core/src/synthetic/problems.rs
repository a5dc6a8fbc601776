//! The covering problems the solver is measured on (docs/reference/plan.md, "How the plan is found"):
//! a calendar-shaped problem built as the calendar builds one, and the
//! planner's benchmark instances, each as the problems a plan puts to the
//! solver (one person, a household, what-ifs, every group for fair shares).

use super::Numbers;
use super::files::hard_catalogue;
use super::households::household_catalogue;
use crate::plan::problem::{Column, Limit, Problem};

/// A calendar-shaped covering problem, built as the calendar builds one:
/// `services` × `months` rows, each service wanted by 1 to 4 people (a third
/// of them only in a window of 2 to 8 months), and `offers`
/// offers, each of 1 to 6 services (seats 1 to 3) with 1 to 3 ways to buy
/// (a month, a quarter, half a year or a year), one column per way and start
/// month. Prices repeat: a monthly price per service from 36 round values,
/// less for longer terms (a year costs 8 months) and for several services
/// together. Each way of a single service also has a first price for new
/// members, a fifth of its price (free for half of the monthly ways), one
/// column per start month with at most one of them bought. Costs are fen × K
/// + 1, as the planner folds its tie rules.
pub fn calendar_problem(services: usize, months: usize, offers: usize, seed: u64) -> Problem {
    let mut numbers = Numbers(seed);
    // Per service: 1 to 4 people want it, a third of them only in a window
    // of 2 to 8 months (`when`).
    let mut demand = Vec::with_capacity(services * months);
    for _ in 0..services {
        let people = 1 + numbers.below(4) as u32;
        let window = if numbers.below(3) == 0 {
            let length = 2 + numbers.below(7) as usize;
            let from = numbers.below(months.saturating_sub(length).max(1) as u64) as usize;
            from..from + length
        } else {
            0..months
        };
        demand.extend((0..months).map(|m| if window.contains(&m) { people } else { 0 }));
    }
    let per_fen = i128::from(demand.iter().sum::<u32>()) + 1;
    let mut problem = Problem {
        demand,
        ..Problem::default()
    };
    for _ in 0..offers {
        let count = 1 + numbers.below(6.min(services as u64)) as usize;
        let covered = distinct(&mut numbers, count, services);
        let seats = 1 + numbers.below(3) as u32;
        let monthly = 500 * (1 + i128::from(numbers.below(36)));
        let together = if covered.len() > 1 { 7 } else { 10 };
        let mut lengths = vec![1usize, 3, 6, 12];
        let ways = 1 + numbers.below(3) as usize;
        while lengths.len() > ways {
            lengths.remove(numbers.below(lengths.len() as u64) as usize);
        }
        for length in lengths {
            // Months paid for: a quarter costs 3 months, half a year 5, a year 8.
            let paid = match length {
                1 => 1,
                3 => 3,
                6 => 5,
                _ => 8,
            };
            let fen = monthly * paid * covered.len() as i128 * together / 10;
            let first = (covered.len() == 1).then(|| {
                if length == 1 && numbers.below(2) == 0 {
                    0
                } else {
                    fen / 5
                }
            });
            let mut firsts = Vec::new();
            for start in 0..months {
                let rows: Vec<(usize, u32)> = covered
                    .iter()
                    .flat_map(|&s| {
                        (start..(start + length).min(months)).map(move |m| (s * months + m, seats))
                    })
                    .collect();
                let rank = problem.columns.len() as u32;
                problem.columns.push(Column {
                    cost: fen * per_fen + 1,
                    rank,
                    rows: rows.clone(),
                    max_copies: u32::MAX,
                });
                if let Some(first) = first {
                    firsts.push(problem.columns.len());
                    problem.columns.push(Column {
                        cost: first * per_fen + 1,
                        rank: rank + 1,
                        rows,
                        max_copies: 1,
                    });
                }
            }
            if !firsts.is_empty() {
                problem.limits.push(Limit {
                    columns: firsts,
                    at_most: 1,
                });
            }
        }
    }
    problem
}

/// `count` distinct numbers below `below`, in the order drawn.
fn distinct(numbers: &mut Numbers, count: usize, below: usize) -> Vec<usize> {
    let mut drawn: Vec<usize> = Vec::with_capacity(count);
    while drawn.len() < count.min(below) {
        let next = numbers.below(below as u64) as usize;
        if !drawn.contains(&next) {
            drawn.push(next);
        }
    }
    drawn
}

/// One benchmark of the planner: its name, and the covering problems an
/// answer needs (several for what-ifs and fair shares).
pub struct Instance {
    pub name: String,
    pub problems: Vec<Problem>,
}

/// The planner's benchmark instances, each as the covering problems the plan
/// puts to the solver (docs/reference/plan.md, "How the plan is found"): one person
/// with 20 and 40 wants over 10,000 bundles at free and repeated prices; 7
/// people with 43 distinct wants over 3,000 offers; the same with three
/// what-ifs (the plan and its four entries); a calendar of 10 services × 36
/// months; and the 1,023 household plans of every group of 10 people.
pub fn planner_instances() -> Vec<Instance> {
    use crate::load::parse_catalog;
    use crate::plan::covering_problem;
    use crate::scenario::Scenario;
    use crate::what_if::apply::apply;

    let mut instances = Vec::new();
    let catalog = parse_catalog(&hard_catalogue(10_000, 300, 1)).expect("generated files load");
    for wants in [20, 40] {
        let mut scenario = Scenario::from_catalog(&catalog);
        scenario.set_wants((0..wants).map(|i| i * 7).collect());
        instances.push(Instance {
            name: format!("1 person, {wants} wants, 10,000 bundles"),
            problems: vec![covering_problem(&catalog, &scenario).expect("wants are set")],
        });
    }
    let wants_each = [8, 8, 8, 7, 7, 6, 6];
    for changes in [0, 3] {
        let text = household_catalogue(3_000, 7, &wants_each, 43, changes, 2);
        let file = parse_catalog(&text).expect("generated files load");
        let scenario = Scenario::from_catalog(&file);
        let mut sets: Vec<Vec<usize>> = vec![vec![]];
        if changes > 0 {
            sets.extend((0..changes).map(|c| vec![c]));
            sets.push((0..changes).collect());
        }
        let problems = sets
            .iter()
            .map(|set| {
                let changed = apply(&file, set).expect("the changes fit");
                covering_problem(&changed, &scenario).expect("wants are set")
            })
            .collect();
        let name = match changes {
            0 => "7 people, 43 wants, 3,000 offers".to_string(),
            _ => "7 people, 43 wants, 3,000 offers, 3 what-ifs".to_string(),
        };
        instances.push(Instance { name, problems });
    }
    instances.push(Instance {
        name: "calendar: 10 services x 36 months, 100 offers, 1 to 3 ways each".to_string(),
        problems: vec![calendar_problem(10, 36, 100, 3)],
    });
    let problems = group_problems(200, 10, 5, 30, 4);
    instances.push(Instance {
        name: "1,023 groups of 10 people, 5 wants each, 200 offers".to_string(),
        problems,
    });
    instances
}

/// The covering problems of every group of a generated household (what fair
/// shares need, `c(S)` for each group `S`): `people` people, `me` among them, each
/// with `wants_each` wants of `distinct`, over `offers` offers.
pub fn group_problems(
    offers: usize,
    people: usize,
    wants_each: usize,
    distinct: usize,
    seed: u64,
) -> Vec<Problem> {
    use crate::load::parse_catalog;
    use crate::plan::covering_problem;
    use crate::scenario::Scenario;

    let text = household_catalogue(offers, people, &[wants_each], distinct, 0, seed);
    let file = parse_catalog(&text).expect("generated files load");
    let mine = Scenario::from_catalog(&file).wants;
    (1u32..1 << people)
        .map(|group| {
            let mut catalog = file.clone();
            let mut at = 0;
            catalog.people.retain(|_| {
                at += 1;
                group & (1 << at) != 0
            });
            let mut scenario = Scenario::from_catalog(&catalog);
            scenario.wants = if group & 1 != 0 { mine.clone() } else { None };
            covering_problem(&catalog, &scenario).expect("everyone wants something")
        })
        .collect()
}
