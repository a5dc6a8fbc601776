//! The household plan (docs/reference/file-format.md, "People who share", docs/reference/plan.md "Households") and who pays what (docs/reference/arithmetic.md
//! rule 6), against an exhaustive search over every multiset of purchases.

use bundlecalc_core::load::parse_catalog;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::index::ServiceIx;
use bundlecalc_core::model::offer::Include;
use bundlecalc_core::model::people::Member;
use bundlecalc_core::model::people::Person;
use bundlecalc_core::money::Money;
use bundlecalc_core::plan::plan;
use bundlecalc_core::plan::types::Plan;
use bundlecalc_core::scenario::Scenario;
use bundlecalc_core::split::Split;
use bundlecalc_core::synthetic::files::catalogue;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A small household: services, bundles, `me`'s wants and each person's.
#[derive(Debug, Clone)]
struct Spec {
    /// Price in cents, sold alone, seats.
    services: Vec<(i64, bool, u32)>,
    /// Price in cents, plain includes, one optional group.
    bundles: Vec<(i64, Vec<usize>, Vec<usize>)>,
    me: Vec<usize>,
    people: Vec<Vec<usize>>,
}

fn cents() -> impl Strategy<Value = i64> {
    prop_oneof![Just(0i64), Just(30_000), 1i64..50_000]
}

fn spec() -> impl Strategy<Value = Spec> {
    (2usize..5).prop_flat_map(|n| {
        let service = (cents(), prop::bool::weighted(0.8), 1u32..4);
        let bundle = (
            cents(),
            prop::collection::vec(0..n, 0..3),
            prop::collection::vec(0..n, 0..3),
        );
        let wants = prop::collection::vec(0..n, 1..4);
        (
            prop::collection::vec(service, n),
            prop::collection::vec(bundle, 0..4),
            prop::collection::vec(0..n, 0..3),
            prop::collection::vec(wants, 1..3),
            prop::bool::ANY,
        )
            .prop_map(|(services, bundles, me, mut people, twin)| {
                // Often someone wants exactly what the first person wants.
                if twin {
                    people.push(people[0].clone());
                }
                Spec {
                    services,
                    bundles,
                    me,
                    people,
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

/// The spec as a catalogue: the file for services, bundles and `me`, then seats
/// and people set in code.
fn catalog_of(spec: &Spec) -> Catalog {
    let money = |cents: i64| Decimal::new(cents, 2);
    let mut text = String::new();
    let me = once(&spec.me);
    if !me.is_empty() {
        let ids: Vec<String> = me.iter().map(|s| format!("\"s{s}\"")).collect();
        text += &format!("[profile]\nwants = [{}]\n", ids.join(", "));
    }
    for (at, (cents, alone, _)) in spec.services.iter().enumerate() {
        text += &format!(
            "[services.s{at}]\nprice = \"{}\"\nsold_alone = {alone}\n",
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
    let mut catalog = parse_catalog(&text).unwrap();
    for (service, (_, _, seats)) in catalog.services.iter_mut().zip(&spec.services) {
        service.seats = *seats;
    }
    catalog.people = spec
        .people
        .iter()
        .enumerate()
        .map(|(at, wants)| Person {
            id: format!("p{at}"),
            name: format!("Person {at}"),
            wants: once(wants),
            time: Default::default(),
        })
        .collect();
    catalog
}

/// An offer as the exhaustive search sees it.
struct Offer {
    id: String,
    price: Money,
    plain: Vec<ServiceIx>,
    group: Vec<ServiceIx>,
}

fn offers(catalog: &Catalog) -> Vec<Offer> {
    let fen = |price: Decimal| Money::from_fen(price.mantissa() * 100 / 10_i128.pow(price.scale()));
    let mut offers: Vec<Offer> = catalog
        .bundles
        .iter()
        .map(|bundle| {
            let mut offer = Offer {
                id: bundle.id.clone(),
                price: fen(bundle.price),
                plain: vec![],
                group: vec![],
            };
            for include in &bundle.includes {
                match include {
                    Include::Service(s) => offer.plain.push(*s),
                    Include::OneOf { members, .. } => offer.group = members.clone(),
                }
            }
            offer
        })
        .collect();
    for (at, service) in catalog.services.iter().enumerate() {
        if service.sold_alone {
            offers.push(Offer {
                id: service.id.clone(),
                price: fen(service.price),
                plain: vec![at],
                group: vec![],
            });
        }
    }
    offers
}

/// The ways to share `count` purchases among `members` (how many choose each).
fn compositions(count: usize, members: usize) -> Vec<Vec<usize>> {
    if members == 0 {
        return if count == 0 { vec![vec![]] } else { vec![] };
    }
    if members == 1 {
        return vec![vec![count]];
    }
    (0..=count)
        .flat_map(|first| {
            compositions(count - first, members - 1)
                .into_iter()
                .map(move |mut rest| {
                    rest.insert(0, first);
                    rest
                })
        })
        .collect()
}

/// Whether buying `counts[i]` of each offer, each purchase choosing its group
/// member, gives every service its demand in seats.
fn covers(catalog: &Catalog, offers: &[Offer], counts: &[usize], demand: &[usize]) -> bool {
    let mut seats = vec![0usize; demand.len()];
    let mut choices: Vec<(usize, Vec<Vec<usize>>)> = Vec::new();
    for (offer, &count) in offers.iter().zip(counts) {
        for &s in &offer.plain {
            seats[s] += count * catalog.services[s].seats as usize;
        }
        if count > 0 && !offer.group.is_empty() {
            choices.push((choices.len(), compositions(count, offer.group.len())));
        }
    }
    let groups: Vec<&Offer> = offers
        .iter()
        .zip(counts)
        .filter(|(o, c)| **c > 0 && !o.group.is_empty())
        .map(|(o, _)| o)
        .collect();
    fn search(
        catalog: &Catalog,
        groups: &[&Offer],
        choices: &[(usize, Vec<Vec<usize>>)],
        at: usize,
        seats: &mut Vec<usize>,
        demand: &[usize],
    ) -> bool {
        if at == groups.len() {
            return seats.iter().zip(demand).all(|(got, need)| got >= need);
        }
        for split in &choices[at].1 {
            for (member, n) in groups[at].group.iter().zip(split) {
                seats[*member] += n * catalog.services[*member].seats as usize;
            }
            let ok = search(catalog, groups, choices, at + 1, seats, demand);
            for (member, n) in groups[at].group.iter().zip(split) {
                seats[*member] -= n * catalog.services[*member].seats as usize;
            }
            if ok {
                return true;
            }
        }
        false
    }
    search(catalog, &groups, &choices, 0, &mut seats, demand)
}

/// The best `(total, purchases, sorted ids)` over every multiset of at most
/// `Σ demand` purchases; `None` when none covers the demand.
fn exhaustive(catalog: &Catalog, demand: &[usize]) -> Option<(Money, usize, Vec<String>)> {
    let offers = offers(catalog);
    let most: usize = demand.iter().sum();
    let mut best: Option<(Money, usize, Vec<String>)> = None;
    let mut counts = vec![0usize; offers.len()];
    fn walk(
        catalog: &Catalog,
        offers: &[Offer],
        demand: &[usize],
        at: usize,
        left: usize,
        counts: &mut Vec<usize>,
        best: &mut Option<(Money, usize, Vec<String>)>,
    ) {
        if at == offers.len() {
            if !covers(catalog, offers, counts, demand) {
                return;
            }
            let total: Money = offers
                .iter()
                .zip(counts.iter())
                .map(|(o, c)| Money::from_fen(o.price.fen() * *c as i128))
                .sum();
            let mut ids: Vec<String> = offers
                .iter()
                .zip(counts.iter())
                .flat_map(|(o, c)| std::iter::repeat_n(o.id.clone(), *c))
                .collect();
            ids.sort();
            let found = (total, ids.len(), ids);
            if best.as_ref().is_none_or(|b| found < *b) {
                *best = Some(found);
            }
            return;
        }
        for count in 0..=left {
            counts[at] = count;
            walk(catalog, offers, demand, at + 1, left - count, counts, best);
        }
        counts[at] = 0;
    }
    walk(catalog, &offers, demand, 0, most, &mut counts, &mut best);
    best
}

/// Every member with their wants, in person order.
fn members(catalog: &Catalog, scenario: &Scenario) -> Vec<(Member, Vec<ServiceIx>)> {
    let mut members = Vec::new();
    if let Some(wants) = &scenario.wants {
        members.push((Member::Me, wants.clone()));
    }
    for (at, person) in catalog.people.iter().enumerate() {
        members.push((Member::Person(at), person.wants.clone()));
    }
    members
}

fn demand_of(catalog: &Catalog, members: &[(Member, Vec<ServiceIx>)]) -> Vec<usize> {
    let mut demand = vec![0; catalog.services.len()];
    for (_, wants) in members {
        for w in wants {
            demand[*w] += 1;
        }
    }
    demand
}

fn sorted_ids(plan: &Plan) -> Vec<String> {
    let mut ids: Vec<String> = plan.offers.iter().map(|o| o.id.clone()).collect();
    ids.sort();
    ids
}

/// `used_by` never gives a service more people than its seats, and gives every
/// member every want exactly once.
fn check_used_by(catalog: &Catalog, plan: &Plan, members: &[(Member, Vec<ServiceIx>)]) {
    let mut served: Vec<(Member, ServiceIx)> = Vec::new();
    for offer in &plan.offers {
        assert_eq!(offer.covers.len(), offer.used_by.len());
        for (service, people) in offer.covers.iter().zip(&offer.used_by) {
            assert!(!people.is_empty());
            assert!(people.len() <= catalog.services[*service].seats as usize);
            assert!(people.windows(2).all(|w| w[0] < w[1]), "person order");
            served.extend(people.iter().map(|p| (*p, *service)));
        }
    }
    served.sort();
    let mut wanted: Vec<(Member, ServiceIx)> = members
        .iter()
        .flat_map(|(m, wants)| wants.iter().map(move |w| (*m, *w)))
        .collect();
    wanted.sort();
    assert_eq!(served, wanted);
}

proptest! {
    #![proptest_config(crate::support::cases(1_000))]

    #[test]
    fn the_household_plan_is_the_exhaustive_optimum_and_its_shares_add_up(spec in spec()) {
        let catalog = catalog_of(&spec);
        let scenario = Scenario::from_catalog(&catalog);
        let members = members(&catalog, &scenario);
        let expected = exhaustive(&catalog, &demand_of(&catalog, &members));
        let found = plan(&catalog, &scenario);
        let (found, (total, count, ids)) = match (found, expected) {
            (Ok(found), Some(expected)) => (found, expected),
            (Err(_), None) => return Ok(()),
            (found, expected) => {
                prop_assert!(false, "plan {:?}, exhaustive {:?}", found, expected);
                unreachable!()
            }
        };
        prop_assert_eq!(found.total, total);
        prop_assert_eq!(found.offers.len(), count);
        prop_assert_eq!(sorted_ids(&found), ids);
        check_used_by(&catalog, &found, &members);

        let people = found.people.as_ref().expect("a household plan has people");
        prop_assert_eq!(people.len(), members.len());
        let paid: Money = people.iter().map(|p| p.pays).sum();
        prop_assert_eq!(paid, found.total);
        for (share, (member, wants)) in people.iter().zip(&members) {
            prop_assert_eq!(share.member, *member);
            prop_assert_eq!(share.saves, share.alone - share.pays);
            prop_assert!(share.pays >= Money::ZERO);
            // alone: the household plan for this person alone.
            let mut alone = vec![0; catalog.services.len()];
            wants.iter().for_each(|w| alone[*w] = 1);
            let (alone_total, ..) = exhaustive(&catalog, &alone).unwrap();
            prop_assert_eq!(share.alone, alone_total);
        }
        // People with the same wants pay the same, to within a fen per service.
        for a in people {
            for b in people {
                if a.wants == b.wants {
                    let gap = (a.pays.fen() - b.pays.fen()).abs();
                    prop_assert!(gap <= a.wants.len() as i128, "{:?} {:?}", a, b);
                }
            }
        }
    }
}

#[test]
fn a_person_who_uses_nothing_pays_nothing() {
    let mut catalog = parse_catalog(
        "[profile]\nwants = [\"video\"]\n[services.video]\nprice = 253\n[services.music]\nprice = 188\n",
    )
    .unwrap();
    catalog.services[0].seats = 2;
    catalog.people = vec![
        Person {
            id: "guest".into(),
            name: "Guest".into(),
            wants: vec![],
            time: Default::default(),
        },
        Person {
            id: "mum".into(),
            name: "Mum".into(),
            wants: vec![0],
            time: Default::default(),
        },
    ];
    let found = plan(&catalog, &Scenario::from_catalog(&catalog)).unwrap();
    let people = found.people.unwrap();
    let pays: Vec<String> = people.iter().map(|p| p.pays.to_string()).collect();
    // One two-seat video purchase, 253.00, shared by me and mum: 126.50 each.
    assert_eq!(pays, ["126.50", "0.00", "126.50"]);
    assert_eq!(people[1].alone, Money::ZERO);
    assert_eq!(people[0].alone.to_string(), "253.00");
    assert_eq!(people[0].saves.to_string(), "126.50");
}

#[test]
fn a_bundle_is_bought_twice_when_its_seats_run_out_and_shares_follow_rule_6() {
    // A two-seat video account and a one-seat music plan in one bundle at 300.00;
    // bought alone they cost 253.00 and 188.00. Three people want video, one music.
    let mut catalog = parse_catalog(
        "[profile]\nwants = [\"video\", \"music\"]\n\
         [services.video]\nprice = 253\n[services.music]\nprice = 188\n\
         [bundles.duo]\nprice = 300\nincludes = [\"video\", \"music\"]\n",
    )
    .unwrap();
    catalog.services[0].seats = 2;
    catalog.people = ["mum", "dad"]
        .iter()
        .map(|id| Person {
            id: id.to_string(),
            name: id.to_string(),
            wants: vec![0],
            time: Default::default(),
        })
        .collect();
    let found = plan(&catalog, &Scenario::from_catalog(&catalog)).unwrap();
    // duo (me and mum on video, me on music) + video alone for dad: 300 + 253 =
    // 553.00, less than two duos (600.00).
    assert_eq!(sorted_ids(&found), ["duo", "video"]);
    assert_eq!(found.total.to_string(), "553.00");
    let duo = &found.offers[0];
    assert_eq!(duo.covers, vec![0, 1]);
    assert_eq!(
        duo.used_by,
        vec![vec![Member::Me, Member::Person(0)], vec![Member::Me]]
    );
    assert_eq!(found.offers[1].used_by, vec![vec![Member::Person(1)]]);
    // Fair shares (the default): alone me 300.00 (duo), mum and dad 253.00 each;
    // together with mum or dad, me adds 47.00; mum and dad add nothing to each
    // other. me: (2 × 300 + 47 + 47 + 2 × 300) / 6 = 215.666…; mum and dad:
    // (2 × 253 + 0 + 0 + 2 × 253) / 6 = 168.666… each. Rounded once: the two
    // missing fen go to me and mum (equal remainders, person order).
    let pays = |found: &Plan| -> Vec<String> {
        let people = found.people.as_ref().unwrap();
        people.iter().map(|p| p.pays.to_string()).collect()
    };
    assert_eq!(pays(&found), ["215.67", "168.67", "168.66"]);
    // By use: duo's 300.00 split 253:188 is 172.11 + 127.89 (largest remainder);
    // video's 172.11 + 253.00 = 425.11 over three people is 141.703… each; me
    // also pays music's 127.89. Rounded once: 269.59 + 141.70 + 141.70 leaves one
    // fen, to me (equal remainders, person order).
    let mut scenario = Scenario::from_catalog(&catalog);
    scenario.split = Split::ByUse;
    let by_use = plan(&catalog, &scenario).unwrap();
    assert_eq!(pays(&by_use), ["269.60", "141.70", "141.70"]);
}

#[test]
fn forty_wanted_services_get_a_plan() {
    let catalog = parse_catalog(&catalogue(700, 330, 3)).unwrap();
    let mut scenario = Scenario::from_catalog(&catalog);
    let wants: Vec<usize> = (0..40).map(|i| i * 8).collect();
    scenario.set_wants(wants.clone());
    let found = plan(&catalog, &scenario).unwrap();
    let mut covered: Vec<usize> = found.offers.iter().flat_map(|o| o.covers.clone()).collect();
    covered.sort();
    assert_eq!(covered, wants);
    assert!(found.people.is_none());
    assert_eq!(found.total, found.offers.iter().map(|o| o.price).sum());
}
