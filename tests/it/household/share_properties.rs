//! Who pays what on random households (docs/reference/arithmetic.md, "Rule 6: Household shares"): the payments add up to
//! the total under every rule; under fair shares and equal savings nobody pays
//! more than alone, and a person whose alone is 0.00 pays 0.00; people with the
//! same wants pay within a fen of each other; and fair shares are the Shapley
//! value computed the long way, over every order of joining.

use bundlecalc_core::load::parse_catalog;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::index::ServiceIx;
use bundlecalc_core::model::people::Person;
use bundlecalc_core::money::Money;
use bundlecalc_core::plan::problem::Budget;
use bundlecalc_core::plan::types::{Plan, Unproven};
use bundlecalc_core::plan::{plan, plan_within, purchases_within};
use bundlecalc_core::scenario::Scenario;
use bundlecalc_core::split::Split;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A small household: services, bundles, and each member's wants (`me` first,
/// when they want anything).
#[derive(Debug, Clone)]
struct Spec {
    /// Price in cents, sold alone, seats.
    services: Vec<(i64, bool, u32)>,
    /// Price in cents, plain includes, one optional group.
    bundles: Vec<(i64, Vec<usize>, Vec<usize>)>,
    me: Vec<usize>,
    people: Vec<Vec<usize>>,
    /// Agreed weights, one per member (me first when I want anything).
    weights: Vec<Option<u32>>,
}

fn cents() -> impl Strategy<Value = i64> {
    prop_oneof![Just(0i64), Just(20_000), 1i64..40_000]
}

fn spec() -> impl Strategy<Value = Spec> {
    (2usize..5).prop_flat_map(|n| {
        let service = (cents(), prop::bool::weighted(0.85), 1u32..4);
        let bundle = (
            cents(),
            prop::collection::vec(0..n, 0..3),
            prop::collection::vec(0..n, 0..3),
        );
        let wants = prop::collection::vec(0..n, 1..3);
        (
            prop::collection::vec(service, n),
            prop::collection::vec(bundle, 0..4),
            prop::collection::vec(0..n, 0..3),
            prop::collection::vec(wants, 1..4),
            prop::bool::ANY,
            prop::collection::vec(prop::option::weighted(0.8, 0u32..100), 5),
        )
            .prop_map(|(services, bundles, me, mut people, twin, weights)| {
                // Often someone wants exactly what the first person wants.
                if twin {
                    people.push(people[0].clone());
                }
                // At most five members in all, me included.
                people.truncate(if me.is_empty() { 5 } else { 4 });
                Spec {
                    services,
                    bundles,
                    me,
                    people,
                    weights,
                }
            })
    })
}

/// `ids` once each, in order.
fn once(ids: &[usize]) -> Vec<usize> {
    ids.iter().fold(Vec::new(), |mut acc, id| {
        if !acc.contains(id) {
            acc.push(*id);
        }
        acc
    })
}

fn catalog_of(spec: &Spec) -> Catalog {
    let money = |cents: i64| Decimal::new(cents, 2);
    let mut text = String::new();
    let me = once(&spec.me);
    if !me.is_empty() {
        let ids: Vec<String> = me.iter().map(|s| format!("\"s{s}\"")).collect();
        text += &format!("[profile]\nwants = [{}]\n", ids.join(", "));
    }
    for (at, (cents, alone, seats)) in spec.services.iter().enumerate() {
        text += &format!(
            "[services.s{at}]\nprice = \"{}\"\nsold_alone = {alone}\nseats = {seats}\n",
            money(*cents)
        );
    }
    for (at, (cents, plain, group)) in spec.bundles.iter().enumerate() {
        let plain = once(plain);
        let group: Vec<usize> = once(group)
            .into_iter()
            .filter(|s| !plain.contains(s))
            .collect();
        let mut includes: Vec<String> = plain.iter().map(|s| format!("\"s{s}\"")).collect();
        match group.len() {
            0 => {}
            1 => includes.push(format!("\"s{}\"", group[0])),
            _ => {
                let members: Vec<String> = group.iter().map(|s| format!("\"s{s}\"")).collect();
                includes.push(format!("{{ one_of = [{}] }}", members.join(", ")));
            }
        }
        if includes.is_empty() {
            includes.push("\"s0\"".into());
        }
        text += &format!(
            "[bundles.b{at}]\nprice = \"{}\"\nincludes = [{}]\n",
            money(*cents),
            includes.join(", ")
        );
    }
    for (at, wants) in spec.people.iter().enumerate() {
        let ids: Vec<String> = once(wants).iter().map(|s| format!("\"s{s}\"")).collect();
        text += &format!("[people.p{at}]\nwants = [{}]\n", ids.join(", "));
    }
    parse_catalog(&text).unwrap()
}

/// Every member's wants, in person order.
fn members(catalog: &Catalog) -> Vec<Vec<ServiceIx>> {
    let mut members = Vec::new();
    if !catalog.profile.wants.is_empty() {
        members.push(catalog.profile.wants.clone());
    }
    members.extend(catalog.people.iter().map(|p| p.wants.clone()));
    members
}

fn planned(catalog: &Catalog, split: Split) -> Option<Plan> {
    let mut scenario = Scenario::from_catalog(catalog);
    scenario.split = split;
    plan(catalog, &scenario).ok()
}

/// `c(S)` the long way: the household plan for only the members of `group`,
/// each made a person of the file (so even one of them may buy an offer twice).
fn cost(catalog: &Catalog, members: &[Vec<ServiceIx>], group: &[usize]) -> Money {
    if group.is_empty() {
        return Money::ZERO;
    }
    let mut only = catalog.clone();
    only.profile.wants.clear();
    only.people = group
        .iter()
        .map(|&at| Person {
            id: format!("m{at}"),
            name: format!("m{at}"),
            wants: members[at].clone(),
            time: Default::default(),
        })
        .collect();
    let mut scenario = Scenario::from_catalog(&only);
    // Nothing is rumoured here: this skips the plan with rumours.
    scenario.include.rumoured = true;
    purchases_within(&only, &scenario, &Budget::unlimited())
        .unwrap()
        .total
}

/// Every order of `0..n`.
fn orders(n: usize) -> Vec<Vec<usize>> {
    if n == 0 {
        return vec![vec![]];
    }
    let mut all = Vec::new();
    for order in orders(n - 1) {
        for at in 0..=order.len() {
            let mut longer = order.clone();
            longer.insert(at, n - 1);
            all.push(longer);
        }
    }
    all
}

/// Fair shares over every order of joining, each person's sum of the extra cost
/// they bring, then rounded once by largest remainders (ties in person order).
fn shapley_the_long_way(catalog: &Catalog, total: Money) -> Vec<Money> {
    let members = members(catalog);
    let n = members.len();
    let orders = orders(n);
    let mut sums = vec![0i128; n];
    for order in &orders {
        let mut joined: Vec<usize> = Vec::new();
        let mut before = Money::ZERO;
        for &person in order {
            joined.push(person);
            joined.sort();
            let after = cost(catalog, &members, &joined);
            sums[person] += (after - before).fen();
            before = after;
        }
    }
    let count = orders.len() as i128;
    let mut pays: Vec<i128> = sums.iter().map(|s| s.div_euclid(count)).collect();
    let mut rests: Vec<(i128, usize)> = sums
        .iter()
        .enumerate()
        .map(|(at, s)| (s.rem_euclid(count), at))
        .collect();
    rests.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let missing = total.fen() - pays.iter().sum::<i128>();
    for &(_, at) in rests.iter().take(missing as usize) {
        pays[at] += 1;
    }
    pays.into_iter().map(Money::from_fen).collect()
}

fn weights_of(spec: &Spec, catalog: &Catalog) -> Split {
    let ids = (!catalog.profile.wants.is_empty())
        .then(|| "me".to_string())
        .into_iter()
        .chain(catalog.people.iter().map(|p| p.id.clone()));
    Split::Weights(
        ids.zip(&spec.weights)
            .filter_map(|(id, w)| w.map(|w| (id, Decimal::from(w))))
            .collect(),
    )
}

proptest! {
    #![proptest_config(crate::support::cases(400))]

    #[test]
    fn every_rule_adds_up_and_fair_rules_keep_everyone_at_or_below_alone(spec in spec()) {
        let catalog = catalog_of(&spec);
        let Some(fair) = planned(&catalog, Split::Fair) else {
            return Ok(());
        };
        let rules = [
            Split::Fair,
            Split::EqualSavings,
            Split::ByUse,
            weights_of(&spec, &catalog),
        ];
        for rule in rules {
            let found = planned(&catalog, rule.clone()).expect("the same plan");
            prop_assert_eq!(found.total, fair.total);
            prop_assert_eq!(&found.split.as_ref().unwrap().rule, &rule);
            let people = found.people.as_ref().unwrap();
            let paid: Money = people.iter().map(|p| p.pays).sum();
            prop_assert_eq!(paid, found.total, "{:?}", rule);
            for share in people {
                prop_assert!(share.pays >= Money::ZERO, "{:?} {:?}", rule, share);
                prop_assert_eq!(share.saves, share.alone - share.pays);
                if matches!(rule, Split::Fair | Split::EqualSavings) {
                    prop_assert!(share.pays <= share.alone, "{:?} {:?}", rule, share);
                    if share.alone == Money::ZERO {
                        prop_assert_eq!(share.pays, Money::ZERO, "{:?}", rule);
                    }
                }
            }
            // People with the same wants pay within one fen of each other.
            if !matches!(rule, Split::Weights(_)) {
                for a in people {
                    for b in people {
                        let (mut x, mut y) = (a.wants.clone(), b.wants.clone());
                        x.sort();
                        y.sort();
                        if x == y {
                            let gap = (a.pays.fen() - b.pays.fen()).abs();
                            prop_assert!(gap <= 1, "{:?}: {:?} {:?}", rule, a, b);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn fair_shares_are_the_average_over_every_order_of_joining(spec in spec()) {
        let catalog = catalog_of(&spec);
        let Some(fair) = planned(&catalog, Split::Fair) else {
            return Ok(());
        };
        let pays: Vec<Money> = fair.people.unwrap().iter().map(|p| p.pays).collect();
        prop_assert!(pays.len() <= 5);
        prop_assert_eq!(pays, shapley_the_long_way(&catalog, fair.total));
    }

    #[test]
    fn fair_shares_stopped_by_the_time_limit_still_add_up_and_stay_at_or_below_alone(
        spec in spec(),
        nodes in 0u64..6,
    ) {
        let catalog = catalog_of(&spec);
        let scenario = Scenario::from_catalog(&catalog);
        // A node budget stands for the time limit: the same on every machine.
        let Ok(found) = plan_within(&catalog, &scenario, &Budget::for_nodes(nodes)) else {
            return Ok(());
        };
        let Some(people) = found.people.as_ref() else {
            return Ok(());
        };
        prop_assert_eq!(found.proven, found.unproven.is_empty());
        let paid: Money = people.iter().map(|p| p.pays).sum();
        prop_assert_eq!(paid, found.total);
        // The plan itself found, its shares' groups may still be unproven: nobody
        // pays more than the alone the output shows.
        if !found.unproven.contains(&Unproven::Plan) {
            for share in people {
                prop_assert!(share.pays <= share.alone, "{:?} {:?}", found.unproven, share);
            }
        }
        let exact = plan(&catalog, &scenario).unwrap();
        prop_assert!(exact.proven);
        prop_assert!(found.bound <= exact.total);
        prop_assert!(exact.total <= found.total);
    }
}
