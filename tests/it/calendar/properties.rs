//! The calendar against an exhaustive search (docs/reference/calendar.md): on small random files
//! with households, holdings, windows, first prices, groups and what-ifs, the
//! solver's calendar has the least total, then the fewest purchases, then the
//! latest, then the smallest sorted list of (start, offer, way); every wanted
//! month has its seats; first prices are used no more often than allowed and
//! are the earliest purchases of their way; household payments add up.

#![allow(clippy::needless_range_loop)] // months and services index small grids

use bundlecalc_core::load::parse_catalog;
use bundlecalc_core::plan::calendar::months::{Horizon, YearMonth};
use bundlecalc_core::plan::calendar::{Calendar, calendar_within};
use bundlecalc_core::plan::problem::Budget;
use bundlecalc_core::scenario::Scenario;
use bundlecalc_core::what_if::apply::apply;
use proptest::prelude::*;

#[derive(Clone, Debug)]
struct Svc {
    seats: u32,
    price: u32,
    quarterly: bool,
    other: Option<(u32, u32)>,
    first: Option<(u32, u32)>,
}

#[derive(Clone, Debug)]
struct Bun {
    price: u32,
    quarterly: bool,
    group: bool,
    first: Option<(u32, u32)>,
}

#[derive(Clone, Debug)]
struct Member {
    /// Bit 0: a, bit 1: b.
    wants: u8,
    /// What (0 a, 1 b, 2 the bundle), through the month at index (−1 to 3,
    /// 0 is January 2027), on its last day or on the 15th.
    held: Option<(u8, i32, bool)>,
    /// Which service, from month and day, until month and day.
    when: Option<(u8, u32, bool, u32, bool)>,
}

#[derive(Clone, Debug)]
struct Spec {
    months: u32,
    services: [Svc; 2],
    bundle: Option<Bun>,
    members: Vec<Member>,
    /// A what-if on `a`: a new price and a new first price, applied.
    change: Option<(u32, (u32, u32))>,
}

fn first() -> impl Strategy<Value = Option<(u32, u32)>> {
    prop::option::of((0u32..12, 1u32..=2))
}

fn svc() -> impl Strategy<Value = Svc> {
    (
        1u32..=2,
        0u32..30,
        any::<bool>(),
        prop::option::of((0u32..40, prop::sample::select(vec![1u32, 3, 12]))),
        first(),
    )
        .prop_map(|(seats, price, quarterly, other, first)| Svc {
            seats,
            price,
            quarterly,
            other,
            first,
        })
}

fn member() -> impl Strategy<Value = Member> {
    (
        1u8..=3,
        prop::option::of((0u8..3, -1i32..=3, any::<bool>())),
        prop::option::of((0u8..2, 0u32..3, any::<bool>(), 0u32..3, any::<bool>())),
    )
        .prop_map(|(wants, held, when)| Member { wants, held, when })
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        2u32..=3,
        [svc(), svc()],
        prop::option::of((0u32..50, any::<bool>(), any::<bool>(), first()).prop_map(
            |(price, quarterly, group, first)| Bun {
                price,
                quarterly,
                group,
                first,
            },
        )),
        prop::collection::vec(member(), 1..=2),
        prop::option::of((0u32..30, (0u32..10, 1u32..=3))),
    )
        .prop_map(|(months, services, bundle, mut members, change)| {
            // A bundle is held only when there is one, without a group (who
            // holds which member is rule 2's, not this test's).
            let group = bundle.as_ref().is_none_or(|b| b.group);
            for m in &mut members {
                if group && matches!(m.held, Some((2, ..))) {
                    m.held = None;
                }
                if let Some(when) = &mut m.when
                    && when.3 < when.1
                {
                    std::mem::swap(&mut when.1, &mut when.3);
                }
                if let Some(when) = &mut m.when
                    && when.1 == when.3
                {
                    // The 20th would be after the 10th.
                    when.2 = false;
                }
            }
            Spec {
                months,
                services,
                bundle,
                members,
                change,
            }
        })
}

const IDS: [&str; 2] = ["a", "b"];

fn last_day(month: i32) -> (i32, u32, u32) {
    let (year, m) = (2027 + month.div_euclid(12), month.rem_euclid(12) as u32 + 1);
    let days = match m {
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (year, m, days)
}

fn date(month: i32, day: u32) -> String {
    let (year, m, _) = last_day(month);
    format!("{year:04}-{m:02}-{day:02}")
}

fn first_text(first: Option<(u32, u32)>) -> String {
    first.map_or(String::new(), |(price, periods)| {
        format!(", first = {{ price = {price}, periods = {periods} }}")
    })
}

fn file(spec: &Spec) -> String {
    let mut out = String::new();
    let wants = |bits: u8| -> Vec<String> {
        (0..2)
            .filter(|i| bits & (1 << i) != 0)
            .map(|i| format!("\"{}\"", IDS[i]))
            .collect()
    };
    let time = |out: &mut String, prefix: &str, member: &Member| {
        if let Some((what, month, end)) = member.held {
            let id = ["a", "b", "z"][what as usize];
            let day = if end { last_day(month).2 } else { 15 };
            out.push_str(&format!("[{prefix}.held]\n{id} = {}\n", date(month, day)));
        }
        if let Some((service, from, from_mid, until, until_end)) = member.when {
            let from_day = if from_mid { 20 } else { 1 };
            let until_day = if until_end {
                last_day(until as i32).2
            } else {
                10
            };
            out.push_str(&format!(
                "[{prefix}.when]\n{} = {{ from = {}, until = {} }}\n",
                IDS[service as usize],
                date(from as i32, from_day),
                date(until as i32, until_day)
            ));
        }
    };
    out.push_str(&format!(
        "[profile]\nwants = [{}]\n",
        wants(spec.members[0].wants).join(", ")
    ));
    time(&mut out, "profile", &spec.members[0]);
    for (at, member) in spec.members.iter().enumerate().skip(1) {
        out.push_str(&format!(
            "[people.p{at}]\nwants = [{}]\n",
            wants(member.wants).join(", ")
        ));
        time(&mut out, &format!("people.p{at}"), member);
    }
    for (id, s) in IDS.iter().zip(&spec.services) {
        let period = if s.quarterly { "quarter" } else { "month" };
        out.push_str(&format!(
            "[services.{id}]\nprice = {}\nperiod = \"{period}\"\nseats = {}\n",
            s.price, s.seats
        ));
        if let Some((price, periods)) = s.first {
            out.push_str(&format!(
                "first = {{ price = {price}, periods = {periods} }}\n"
            ));
        }
        if let Some((price, months)) = s.other {
            let period = match months {
                1 => "month",
                3 => "quarter",
                _ => "year",
            };
            out.push_str(&format!(
                "other_prices = [{{ price = {price}, period = \"{period}\"{} }}]\n",
                first_text(s.first.map(|(p, n)| (p / 2, n)))
            ));
        }
    }
    if let Some(b) = &spec.bundle {
        let includes = if b.group {
            "[{ one_of = [\"a\", \"b\"] }]"
        } else {
            "[\"a\", \"b\"]"
        };
        let period = if b.quarterly { "quarter" } else { "month" };
        out.push_str(&format!(
            "[bundles.z]\nprice = {}\nperiod = \"{period}\"\nincludes = {includes}\n",
            b.price
        ));
        if let Some((price, periods)) = b.first {
            out.push_str(&format!(
                "first = {{ price = {price}, periods = {periods} }}\n"
            ));
        }
    }
    if let Some((price, (first, periods))) = spec.change {
        out.push_str(&format!(
            "[changes.c]\noffer = \"a\"\nprice = {price}\nfirst = {{ price = {first}, periods = {periods} }}\n"
        ));
    }
    out
}

/// A way to buy, as the exhaustive search sees it.
#[derive(Clone, Debug)]
struct Way {
    id: &'static str,
    way: usize,
    months: u32,
    price: i64,
    /// Regular less first price, when positive; and how many purchases may have it.
    discount: i64,
    quota: u32,
    /// Per purchase: the sets of services (bits) it may cover.
    masks: Vec<u8>,
}

/// What the exhaustive search finds: total in fen, purchases, Σ start, and the
/// sorted (start, offer, way) list.
type Best = (i64, usize, i64, Vec<(u32, String, usize)>);

/// The services as the calendar sees them, with the what-if applied.
fn services_of(spec: &Spec) -> [Svc; 2] {
    let mut services = spec.services.clone();
    if let Some((price, first)) = spec.change {
        services[0].price = price;
        services[0].first = Some(first);
    }
    services
}

fn exhaustive(spec: &Spec) -> Best {
    let n = spec.months as usize;
    let services = services_of(spec);
    let ways = ways_of(spec);
    let mut need = need_of(spec, &services);
    let seats = [i64::from(services[0].seats), i64::from(services[1].seats)];
    let mut best: Option<Best> = None;
    let mut chosen: Vec<(usize, u32)> = Vec::new();
    search(&ways, &mut need, &seats, n, &mut chosen, &mut best);
    best.expect("every month can be bought")
}

/// Every way to buy something wanted, with its first price's quota: `periods`
/// for each person new to the offer on the horizon's first day.
fn ways_of(spec: &Spec) -> Vec<Way> {
    let services = services_of(spec);
    let held_on_first_day = |m: &Member| m.held.filter(|h| h.1 >= 0).map(|h| h.0);
    let new_to = |offer: u8| {
        spec.members
            .iter()
            .filter(|m| match held_on_first_day(m) {
                None => true,
                Some(held) => !(held == offer || (held == 2 && offer < 2)),
            })
            .count() as u32
    };
    let wanted_any: u8 = spec.members.iter().fold(0, |acc, m| acc | m.wants);
    let mut ways: Vec<Way> = Vec::new();
    let plain_mask = |bits: u8| bits & wanted_any;
    if let Some(b) = &spec.bundle {
        let masks: Vec<u8> = if b.group {
            [1u8, 2]
                .into_iter()
                .filter(|m| m & wanted_any != 0)
                .collect()
        } else {
            vec![plain_mask(3)]
        };
        let quota = b.first.map_or(0, |f| f.1) * new_to(2);
        ways.push(Way {
            id: "z",
            way: 0,
            months: if b.quarterly { 3 } else { 1 },
            price: i64::from(b.price),
            discount: b
                .first
                .map_or(0, |f| (i64::from(b.price) - i64::from(f.0)).max(0)),
            quota,
            masks,
        });
    }
    for (s, svc) in services.iter().enumerate() {
        if wanted_any & (1 << s) == 0 {
            continue;
        }
        let quota = |first: Option<(u32, u32)>| first.map_or(0, |f| f.1) * new_to(s as u8);
        ways.push(Way {
            id: IDS[s],
            way: 0,
            months: if svc.quarterly { 3 } else { 1 },
            price: i64::from(svc.price),
            discount: svc
                .first
                .map_or(0, |f| (i64::from(svc.price) - i64::from(f.0)).max(0)),
            quota: quota(svc.first),
            masks: vec![1 << s],
        });
        if let Some((price, months)) = svc.other {
            let first = spec.services[s].first.map(|(p, k)| (p / 2, k));
            ways.push(Way {
                id: IDS[s],
                way: 1,
                months,
                price: i64::from(price),
                discount: first.map_or(0, |f| (i64::from(price) - i64::from(f.0)).max(0)),
                quota: quota(first),
                masks: vec![1 << s],
            });
        }
    }
    ways
}

/// Per service and month: the seats wanted less the seats held.
fn need_of(spec: &Spec, services: &[Svc; 2]) -> [[i64; 3]; 2] {
    let n = spec.months as usize;
    let wanted_any: u8 = spec.members.iter().fold(0, |acc, m| acc | m.wants);
    // Demand per service and month: wanters less held seats.
    let mut need = [[0i64; 3]; 2];
    for m in &spec.members {
        for s in 0..2 {
            if m.wants & (1 << s) == 0 {
                continue;
            }
            for month in 0..n {
                // Each day chosen lies inside its month: the window wants the
                // months from `from` to `until`.
                let wanted = match m.when {
                    Some((service, from, _, until, _)) if service as usize == s => {
                        (from..=until).contains(&(month as u32))
                    }
                    _ => true,
                };
                if wanted {
                    need[s][month] += 1;
                }
            }
        }
    }
    for m in &spec.members {
        if let Some((what, month, end)) = m.held {
            let covers = |s: usize| what as usize == s || what == 2;
            for s in 0..2 {
                if !covers(s) || wanted_any & (1 << s) == 0 {
                    continue;
                }
                for at in 0..n as i32 {
                    // Through the last day of `month` reaches months up to it;
                    // through the 15th only those before.
                    let reaches = if end { at <= month } else { at < month };
                    if reaches {
                        need[s][at as usize] -= i64::from(services[s].seats);
                    }
                }
            }
        }
    }
    need
}

fn cost_of(ways: &[Way], chosen: &[(usize, u32)]) -> i64 {
    let mut counts = vec![0u32; ways.len()];
    for &(w, _) in chosen {
        counts[w] += 1;
    }
    ways.iter()
        .zip(&counts)
        .map(|(way, &k)| way.price * i64::from(k) - way.discount * i64::from(k.min(way.quota)))
        .sum()
}

fn search(
    ways: &[Way],
    need: &mut [[i64; 3]; 2],
    seats: &[i64; 2],
    n: usize,
    chosen: &mut Vec<(usize, u32)>,
    best: &mut Option<Best>,
) {
    let cost = cost_of(ways, chosen);
    if let Some(b) = best
        && (cost, chosen.len()) > (b.0, b.1)
    {
        return;
    }
    let open = (0..2)
        .flat_map(|s| (0..n).map(move |m| (s, m)))
        .find(|&(s, m)| need[s][m] > 0);
    let Some((s, m)) = open else {
        let mut list: Vec<(u32, String, usize)> = chosen
            .iter()
            .map(|&(w, start)| (start, ways[w].id.to_string(), ways[w].way))
            .collect();
        list.sort();
        let found = (
            cost,
            chosen.len(),
            -chosen.iter().map(|&(_, s)| i64::from(s)).sum::<i64>(),
            list,
        );
        if best.as_ref().is_none_or(|b| found < *b) {
            *best = Some(found);
        }
        return;
    };
    for (w, way) in ways.iter().enumerate() {
        for &mask in &way.masks {
            if mask & (1 << s) == 0 {
                continue;
            }
            for start in 0..=m as u32 {
                let end = (start + way.months) as usize;
                if end <= m {
                    continue;
                }
                let end = end.min(n);
                for t in 0..2 {
                    if mask & (1 << t) != 0 {
                        for month in start as usize..end {
                            need[t][month] -= seats[t];
                        }
                    }
                }
                chosen.push((w, start));
                search(ways, need, seats, n, chosen, best);
                chosen.pop();
                for t in 0..2 {
                    if mask & (1 << t) != 0 {
                        for month in start as usize..end {
                            need[t][month] += seats[t];
                        }
                    }
                }
            }
        }
    }
}

fn solved(spec: &Spec) -> (Calendar, bundlecalc_core::model::Catalog) {
    let text = file(spec);
    let file = parse_catalog(&text).unwrap_or_else(|e| panic!("{text}\n{e:?}"));
    let catalog = if spec.change.is_some() {
        apply(&file, &[0]).unwrap()
    } else {
        file
    };
    let scenario = Scenario::from_catalog(&catalog);
    let horizon = Horizon {
        from: YearMonth::parse("2027-01").unwrap(),
        months: spec.months,
    };
    let calendar = calendar_within(&catalog, &scenario, horizon, &Budget::unlimited())
        .unwrap_or_else(|e| panic!("{text}\n{e:?}"));
    (calendar, catalog)
}

proptest! {
    #![proptest_config(crate::support::cases(256))]

    #[test]
    fn the_calendar_is_the_exhaustive_search_s_best(spec in spec()) {
        let (calendar, catalog) = solved(&spec);
        let best = exhaustive(&spec);
        let list: Vec<(u32, String, usize)> = calendar
            .purchases
            .iter()
            .map(|p| (p.start, p.id.clone(), p.way))
            .collect();
        let found = (
            calendar.total.fen() as i64 / 100,
            calendar.purchases.len(),
            -calendar.purchases.iter().map(|p| i64::from(p.start)).sum::<i64>(),
            list,
        );
        prop_assert_eq!(found, best, "{}", file(&spec));
        prop_assert!(calendar.proven);

        // Every wanted month has its seats, from what is held and bought.
        let need = need_of(&spec, &services_of(&spec));
        for (w, cells) in calendar.coverage.iter().enumerate() {
            let service = calendar.wants[w];
            let seats = i64::from(catalog.services[service].seats);
            for (m, cell) in cells.iter().enumerate() {
                let bought = cell.as_ref().map_or(0, |c| c.purchases.len() as i64) * seats;
                prop_assert!(bought >= need[service][m], "{}", file(&spec));
            }
        }

        // First prices: within their quota, and the earliest of their way.
        for way in ways_of(&spec) {
            let firsts = calendar
                .purchases
                .iter()
                .filter(|p| p.first && p.id == way.id && p.way == way.way)
                .count() as u32;
            prop_assert!(firsts <= way.quota, "{}", file(&spec));
        }
        for p in calendar.purchases.iter().filter(|p| p.first) {
            let later_regular = calendar.purchases.iter().any(|q| {
                q.id == p.id && q.way == p.way && !q.first && q.start < p.start
            });
            prop_assert!(!later_regular, "{}", file(&spec));
        }

        // A household's payments add up, and fair shares are never above alone.
        if let Some(people) = &calendar.people {
            let paid: i128 = people.iter().map(|p| p.pays.fen()).sum();
            prop_assert_eq!(paid, calendar.total.fen());
            for person in people {
                prop_assert!(person.pays <= person.alone, "{}", file(&spec));
            }
        }
    }
}
