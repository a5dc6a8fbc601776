//! Who pays what in a household plan (docs/reference/arithmetic.md, "Rule 6: Household shares"): each person's exact share,
//! a fraction, rounded once.
//!
//! Every rule gives each person an exact share as a numerator over one common
//! denominator (`Exact`); `round_once` turns them into whole fen: each person gets
//! the floor, and the fen still missing go one each to the largest remainders,
//! ties in person order. Nothing is rounded per service or per purchase on the
//! way, so people with the same exact share pay the same or one fen apart, and
//! the odd fen do not always land on the same person.
//!
//! The fractions are big integers: weights may have 28 digits, and by use divides
//! by the number of users of each service, whose common multiple grows with the
//! household. (Fair shares, `fair`, fit in `i128` and come here for the rounding.)

use num_bigint::BigInt;

use crate::calc::figures::split;
use crate::money::Money;

use crate::model::people::Member;

/// Each person's exact share of a total: `numerators[i] / denominator`, in fen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Exact {
    pub numerators: Vec<BigInt>,
    /// Positive.
    pub denominator: BigInt,
}

impl Exact {
    /// Shares of `numerators[i] / denominator` fen each.
    pub fn over(numerators: Vec<BigInt>, denominator: BigInt) -> Exact {
        assert!(
            denominator > BigInt::ZERO,
            "a share's denominator is positive"
        );
        Exact {
            numerators,
            denominator,
        }
    }
}

/// Each person's payment: the exact shares, which add up to `total`, rounded once
/// in whole fen (the floor, then the missing fen one each to the largest
/// remainders, ties to the first in person order). The payments add up to `total`.
pub(super) fn round_once(total: Money, exact: &Exact) -> Vec<Money> {
    let den = &exact.denominator;
    let mut pays: Vec<BigInt> = Vec::with_capacity(exact.numerators.len());
    let mut rests: Vec<(BigInt, usize)> = Vec::with_capacity(exact.numerators.len());
    for (at, numerator) in exact.numerators.iter().enumerate() {
        let (mut floor, mut rest) = (numerator / den, numerator % den);
        // Truncating division rounds a negative share up: take it down to the floor.
        if rest < BigInt::ZERO {
            floor -= 1;
            rest += den;
        }
        pays.push(floor);
        rests.push((rest, at));
    }
    let missing = BigInt::from(total.fen()) - pays.iter().sum::<BigInt>();
    let missing = usize::try_from(missing).expect("the exact shares add up to the total");
    assert!(
        missing <= pays.len(),
        "the exact shares add up to the total"
    );
    rests.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, at) in rests.iter().take(missing) {
        pays[at] += 1;
    }
    pays.into_iter()
        .map(|fen| Money::from_fen(i128::try_from(fen).expect("a share is at most the total")))
        .collect()
}

/// `total × weights[i] / Σ weights` each; an equal split when the weights sum to 0
/// (or there are none but people). Weights are not negative.
pub(super) fn proportional(total: Money, weights: &[BigInt]) -> Exact {
    let sum: BigInt = weights.iter().sum();
    if sum == BigInt::ZERO {
        let equal = vec![BigInt::from(total.fen()); weights.len()];
        return Exact::over(equal, BigInt::from(weights.len().max(1)));
    }
    let total = BigInt::from(total.fen());
    Exact::over(weights.iter().map(|w| &total * w).collect(), sum)
}

/// What one purchase costs and who uses which of its services.
pub(super) struct Used<'a> {
    pub price: Money,
    /// The services used from it, in the order the offer lists them: the service
    /// (an index into the per-service tables of `by_use`), its basis price (the
    /// weight of the split), and its users in person order.
    pub services: Vec<(usize, Money, &'a [Member])>,
}

/// By use (rule 6): each purchase's price split in whole fen over the services
/// used from it (rule 4's split: by basis price, ties to the service the offer
/// lists first); per service, the parts of all purchases summed and divided
/// equally among its users, exactly; a person's share is the sum of theirs. In
/// the order of `members`; `service_count` bounds the services' indices. A member
/// who uses nothing has a share of 0.
pub(super) fn by_use(purchases: &[Used<'_>], service_count: usize, members: &[Member]) -> Exact {
    let mut per_service = vec![Money::ZERO; service_count];
    let mut users = vec![0usize; service_count];
    let mut uses: Vec<Vec<usize>> = vec![Vec::new(); members.len()];
    for purchase in purchases {
        let weights: Vec<Money> = purchase.services.iter().map(|s| s.1).collect();
        for (&(service, _, people), part) in purchase
            .services
            .iter()
            .zip(split(purchase.price, &weights))
        {
            per_service[service] = per_service[service] + part;
            users[service] += people.len();
            for person in people {
                let at = members
                    .iter()
                    .position(|m| m == person)
                    .expect("a user is a member of the household");
                uses[at].push(service);
            }
        }
    }
    // One denominator for all: the least common multiple of the numbers of users.
    let denominator = users
        .iter()
        .filter(|&&n| n > 0)
        .fold(BigInt::from(1), |acc, &n| lcm(&acc, &BigInt::from(n)));
    let numerators = uses
        .iter()
        .map(|services| {
            services
                .iter()
                .map(|&s| BigInt::from(per_service[s].fen()) * (&denominator / users[s]))
                .sum()
        })
        .collect();
    Exact::over(numerators, denominator)
}

fn lcm(a: &BigInt, b: &BigInt) -> BigInt {
    let (mut x, mut y) = (a.clone(), b.clone());
    while y != BigInt::ZERO {
        let r = &x % &y;
        x = y;
        y = r;
    }
    a / x * b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fen(n: i128) -> Money {
        Money::from_fen(n)
    }

    fn big(values: &[i128]) -> Vec<BigInt> {
        values.iter().map(|&v| BigInt::from(v)).collect()
    }

    #[test]
    fn a_shared_bundle_is_split_by_price_then_equally_among_users() {
        let (me, mum, dad) = (Member::Me, Member::Person(0), Member::Person(1));
        let both = [me, mum];
        let mum_only = [mum];
        // 100.00 over video (weight 3) and music (weight 1): 75.00 and 25.00; video
        // shared by me and mum, music mum's alone.
        let bundle = Used {
            price: fen(10_000),
            services: vec![(0, fen(300), &both[..]), (1, fen(100), &mum_only[..])],
        };
        let exact = by_use(&[bundle], 2, &[me, mum, dad]);
        let paid = round_once(fen(10_000), &exact);
        assert_eq!(paid, vec![fen(3750), fen(6250), Money::ZERO]);
    }

    #[test]
    fn the_missing_fen_go_to_the_largest_remainders_then_in_person_order() {
        let (me, mum, dad) = (Member::Me, Member::Person(0), Member::Person(1));
        let all = [dad, me, mum];
        let account = Used {
            price: fen(1000),
            services: vec![(0, fen(1000), &all[..])],
        };
        let paid = round_once(fen(1000), &by_use(&[account], 1, &[me, mum, dad]));
        assert_eq!(paid, vec![fen(334), fen(333), fen(333)]);
        // 10.00 shared 1 : 2, 3.333… and 6.666…: the larger remainder wins.
        let paid = round_once(fen(1000), &Exact::over(big(&[1000, 2000]), BigInt::from(3)));
        assert_eq!(paid, vec![fen(333), fen(667)]);
    }

    #[test]
    fn three_people_on_two_shared_services_pay_the_same_rounded_once() {
        // 5.00 and 10.00, each shared by all three: by service 1.67 + 3.34 for the
        // first; once per person, 5.00 each.
        let people = [Member::Me, Member::Person(0), Member::Person(1)];
        let purchases = [
            Used {
                price: fen(500),
                services: vec![(0, fen(500), &people[..])],
            },
            Used {
                price: fen(1000),
                services: vec![(1, fen(1000), &people[..])],
            },
        ];
        let paid = round_once(fen(1500), &by_use(&purchases, 2, &people));
        assert_eq!(paid, vec![fen(500), fen(500), fen(500)]);
    }

    #[test]
    fn proportional_shares_follow_the_weights_and_zero_weights_split_equally() {
        let paid = round_once(fen(20_000), &proportional(fen(20_000), &big(&[60, 40])));
        assert_eq!(paid, vec![fen(12_000), fen(8_000)]);
        let paid = round_once(fen(20_000), &proportional(fen(20_000), &big(&[60, 40, 0])));
        assert_eq!(paid, vec![fen(12_000), fen(8_000), Money::ZERO]);
        let paid = round_once(fen(1000), &proportional(fen(1000), &big(&[0, 0, 0])));
        assert_eq!(paid, vec![fen(334), fen(333), fen(333)]);
    }

    #[test]
    fn huge_weights_and_totals_stay_exact() {
        let weight: BigInt = BigInt::from(10).pow(40u32) + 1;
        let total = fen(i128::from(i64::MAX));
        let exact = proportional(total, &[weight.clone(), weight]);
        let paid = round_once(total, &exact);
        assert_eq!(paid[0].fen() + paid[1].fen(), total.fen());
        assert_eq!(paid[0].fen() - paid[1].fen(), 1);
    }

    #[test]
    fn a_negative_share_is_floored_too() {
        // -1/3, 2/3 + 1/3 … of 1 fen: floors -1 and 1, one fen missing.
        let paid = round_once(fen(1), &Exact::over(big(&[-1, 4]), BigInt::from(3)));
        assert_eq!(paid, vec![fen(0), fen(1)]);
    }
}
