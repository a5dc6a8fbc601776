//! The plan solver against a brute-force search over every subset of offers.

use bundlecalc_core::calc::prices::{bundle_price, to_basis};
use bundlecalc_core::load::parse_catalog;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::index::ServiceIx;
use bundlecalc_core::model::offer::Include;
use bundlecalc_core::money::Money;
use bundlecalc_core::plan::plan;
use bundlecalc_core::plan::types::{OfferKind, PlanError};
use bundlecalc_core::scenario::Scenario;
use proptest::prelude::*;

/// A bundle: price in fen, tier price, plain includes, groups (service numbers).
type BundleSpec = (i64, Option<i64>, Vec<usize>, Vec<Vec<usize>>);

/// A random small catalogue as TOML: services, bundles with groups and tiers, wants.
#[derive(Debug, Clone)]
struct Spec {
    /// Price in fen, whether sold alone, and what else it is.
    services: Vec<(i64, bool, Extra)>,
    bundles: Vec<BundleSpec>,
    wants: Vec<usize>,
}

/// What a service may be besides one price (docs/reference/file-format.md, "Other ways to buy", docs/reference/file-format.md, "Benefits").
#[derive(Debug, Clone)]
enum Extra {
    None,
    /// Also sold by the month, at this many fen.
    Monthly(i64),
    /// A benefit: a rate in thousandths of the `spend` fact, capped in fen.
    Benefit(i64, Option<i64>),
}

fn extra() -> impl Strategy<Value = Extra> {
    prop_oneof![
        3 => Just(Extra::None),
        1 => (0i64..60).prop_map(Extra::Monthly),
        1 => (0i64..=1000, prop::option::of(0i64..40_000)).prop_map(|(r, m)| Extra::Benefit(r, m)),
    ]
}

fn spec() -> impl Strategy<Value = Spec> {
    (2usize..7).prop_flat_map(|n| {
        let service = (
            prop_oneof![Just(0i64), 0i64..500, Just(300)],
            prop::bool::weighted(0.7),
            extra(),
        );
        let bundle = (
            prop_oneof![Just(0i64), 0i64..900, Just(300)],
            prop::option::of(0i64..400),
            prop::collection::vec(0..n, 0..4),
            prop::collection::vec(prop::collection::vec(0..n, 2..4), 0..3),
        );
        (
            prop::collection::vec(service, n),
            prop::collection::vec(bundle, 0..5),
            prop::collection::vec(0..n, 1..n + 1),
        )
            .prop_map(|(services, bundles, wants)| Spec {
                services,
                bundles,
                wants,
            })
    })
}

/// Writes the spec as a valid file: duplicate members are dropped, tiny groups become plain.
fn to_toml(spec: &Spec) -> String {
    let mut text = String::from("[profile.facts]\nlevel = 2\nspend = 3000\n\n");
    for (at, (fen, alone, extra)) in spec.services.iter().enumerate() {
        let price = Money::from_fen(i128::from(*fen));
        text += &match extra {
            Extra::None => format!("[services.s{at}]\nprice = \"{price}\"\nsold_alone = {alone}\n"),
            Extra::Monthly(monthly) => format!(
                "[services.s{at}]\nprice = \"{price}\"\nsold_alone = {alone}\nother_prices = [{{ price = \"{}\", period = \"month\", label = \"monthly\" }}]\n",
                Money::from_fen(i128::from(*monthly))
            ),
            Extra::Benefit(rate, max) => format!(
                "[services.s{at}]\nvalue = {{ fact = \"spend\", rate = \"{}\"{} }}\nsold_alone = false\n",
                rust_decimal::Decimal::new(*rate, 3),
                max.map_or(String::new(), |m| format!(
                    ", max = \"{}\"",
                    Money::from_fen(i128::from(m))
                ))
            ),
        };
    }
    for (at, (fen, tier, plain, groups)) in spec.bundles.iter().enumerate() {
        let mut used = Vec::new();
        let mut includes = Vec::new();
        for s in plain {
            if !used.contains(s) {
                used.push(*s);
                includes.push(format!("\"s{s}\""));
            }
        }
        for group in groups {
            let members: Vec<usize> =
                group
                    .iter()
                    .copied()
                    .filter(|s| !used.contains(s))
                    .fold(vec![], |mut acc, s| {
                        if !acc.contains(&s) {
                            acc.push(s);
                        }
                        acc
                    });
            used.extend(&members);
            match members.len() {
                0 => {}
                1 => includes.push(format!("\"s{}\"", members[0])),
                _ => includes.push(format!(
                    "{{ one_of = [{}] }}",
                    members
                        .iter()
                        .map(|m| format!("\"s{m}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            }
        }
        if includes.is_empty() {
            includes.push("\"s0\"".into());
        }
        text += &format!(
            "[bundles.b{at}]\nprice = \"{}\"\n",
            Money::from_fen(i128::from(*fen))
        );
        if let Some(tier) = tier {
            text += &format!(
                "tiers = [{{ when = \"level >= 2\", price = \"{}\" }}]\n",
                Money::from_fen(i128::from(*tier))
            );
        }
        text += &format!("includes = [{}]\n", includes.join(", "));
    }
    let mut wants: Vec<String> = Vec::new();
    for w in &spec.wants {
        let id = format!("\"s{w}\"");
        if !wants.contains(&id) {
            wants.push(id);
        }
    }
    text += &format!("[profile]\nwants = [{}]\n", wants.join(", "));
    text
}

/// An offer as the brute force sees it.
struct Offer {
    id: String,
    price: Money,
    plain: Vec<ServiceIx>,
    groups: Vec<Vec<ServiceIx>>,
}

fn offers(catalog: &Catalog, scenario: &Scenario) -> Vec<Offer> {
    let mut offers = Vec::new();
    for bundle in &catalog.bundles {
        let (price, _) = bundle_price(bundle, scenario, &mut Vec::new());
        let mut plain = Vec::new();
        let mut groups = Vec::new();
        for include in &bundle.includes {
            match include {
                Include::Service(s) => plain.push(*s),
                Include::OneOf { members, .. } => groups.push(members.clone()),
            }
        }
        offers.push(Offer {
            id: bundle.id.clone(),
            price,
            plain,
            groups,
        });
    }
    for (at, service) in catalog.services.iter().enumerate() {
        if service.sold_alone {
            // The least of its ways to buy, each converted on its own.
            let price = service
                .other_prices
                .iter()
                .map(|way| to_basis(way.price, way.period, scenario.basis))
                .fold(
                    to_basis(service.price, service.period, scenario.basis),
                    Money::min,
                );
            offers.push(Offer {
                id: service.id.clone(),
                price,
                plain: vec![at],
                groups: vec![],
            });
        }
    }
    offers
}

/// Whether the offers can cover the wants, each group giving one member: a matching of
/// the wants left after plain includes to groups (Kuhn's augmenting paths).
fn can_cover(chosen: &[&Offer], wants: &[ServiceIx]) -> bool {
    let left: Vec<ServiceIx> = wants
        .iter()
        .copied()
        .filter(|w| !chosen.iter().any(|o| o.plain.contains(w)))
        .collect();
    let groups: Vec<&Vec<ServiceIx>> = chosen.iter().flat_map(|o| o.groups.iter()).collect();
    let mut owner: Vec<Option<usize>> = vec![None; groups.len()];
    fn augment(
        want: usize,
        left: &[ServiceIx],
        groups: &[&Vec<ServiceIx>],
        owner: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for g in 0..groups.len() {
            if groups[g].contains(&left[want]) && !seen[g] {
                seen[g] = true;
                if owner[g].is_none_or(|other| augment(other, left, groups, owner, seen)) {
                    owner[g] = Some(want);
                    return true;
                }
            }
        }
        false
    }
    (0..left.len()).all(|want| {
        augment(
            want,
            &left,
            &groups,
            &mut owner,
            &mut vec![false; groups.len()],
        )
    })
}

proptest! {
    #![proptest_config(crate::support::cases(4_000))]

    #[test]
    fn the_plan_is_the_brute_force_optimum_with_its_tie_rules(spec in spec()) {
        let catalog = parse_catalog(&to_toml(&spec)).unwrap();
        let scenario = Scenario::from_catalog(&catalog);
        let wants = scenario.wants.clone().unwrap();
        let offers = offers(&catalog, &scenario);

        let mut best: Option<(Money, usize, Vec<String>)> = None;
        for subset in 0u32..(1 << offers.len()) {
            let chosen: Vec<&Offer> = (0..offers.len()).filter(|i| subset & (1 << i) != 0).map(|i| &offers[i]).collect();
            if !can_cover(&chosen, &wants) {
                continue;
            }
            let price: Money = chosen.iter().map(|o| o.price).sum();
            let mut ids: Vec<String> = chosen.iter().map(|o| o.id.clone()).collect();
            ids.sort();
            let candidate = (price, ids.len(), ids);
            if best.as_ref().is_none_or(|b| candidate < *b) {
                best = Some(candidate);
            }
        }

        match (plan(&catalog, &scenario), best) {
            (Err(PlanError::Uncovered(missing) | PlanError::OnlyOneOf(missing)), None) => prop_assert!(!missing.is_empty()),
            (Ok(found), Some((price, _, ids))) => {
                let found_ids: Vec<String> = found.offers.iter().map(|o| o.id.clone()).collect();
                prop_assert_eq!(found.total, price);
                prop_assert_eq!(&found_ids, &ids);
                // A valid assignment: every want under exactly one offer, each bundle
                // using at most one member of each group and only its own services.
                let mut assigned: Vec<ServiceIx> = found.offers.iter().flat_map(|o| o.covers.clone()).collect();
                assigned.sort();
                let mut expected = wants.clone();
                expected.sort();
                prop_assert_eq!(assigned, expected);
                for offer in &found.offers {
                    prop_assert!(!offer.covers.is_empty());
                    match offer.kind {
                        OfferKind::Service(s) => prop_assert_eq!(&offer.covers, &vec![s]),
                        OfferKind::Bundle(b) => {
                            for include in &catalog.bundles[b].includes {
                                let used = offer.covers.iter().filter(|c| include.members().contains(c)).count();
                                prop_assert!(used <= 1);
                            }
                            prop_assert!(offer.covers.iter().all(|c| catalog.bundles[b].includes.iter().any(|i| i.members().contains(c))));
                        }
                    }
                }
            }
            (result, best) => prop_assert!(false, "solver {:?} but brute force {:?}", result, best),
        }
    }
}
