//! Who pays what in a household plan (SPEC §2 rule 6), in whole fen.
//!
//! Each purchase's price is split over the services someone uses from it, in
//! proportion to their basis prices, by the split of rule 4 (`calc::split`: floor,
//! then the missing fen to the largest remainders, ties to the service the offer
//! lists first). Per service, the parts from all purchases are summed and split
//! equally among its users, the missing fen one each in person order. A person
//! pays the sum of their parts, so the payments add up to the total exactly.

use crate::calc::split;
use crate::money::Money;

use super::types::Member;

/// What one purchase costs and who uses which of its services.
pub(super) struct Used<'a> {
    pub price: Money,
    /// The services used from it, in the order the offer lists them: the service
    /// (an index into the per-service tables of `pays`), its basis price (the
    /// weight of the split), and its users in person order.
    pub services: Vec<(usize, Money, &'a [Member])>,
}

/// Each member's payment, in the order of `members`; they sum to the purchases'
/// prices. `service_count` bounds the services' indices. A member who uses
/// nothing pays 0.00.
pub(super) fn pays(purchases: &[Used<'_>], service_count: usize, members: &[Member]) -> Vec<Money> {
    let mut per_service = vec![Money::ZERO; service_count];
    let mut users: Vec<Vec<Member>> = vec![Vec::new(); service_count];
    for purchase in purchases {
        let weights: Vec<Money> = purchase.services.iter().map(|s| s.1).collect();
        for (&(service, _, people), part) in purchase
            .services
            .iter()
            .zip(split(purchase.price, &weights))
        {
            per_service[service] = per_service[service] + part;
            users[service].extend_from_slice(people);
        }
    }
    let mut paid = vec![Money::ZERO; members.len()];
    for (total, mut people) in per_service.into_iter().zip(users) {
        if people.is_empty() {
            continue;
        }
        people.sort();
        let equal = vec![Money::from_fen(1); people.len()];
        for (person, part) in people.iter().zip(split(total, &equal)) {
            let at = members
                .iter()
                .position(|m| m == person)
                .expect("a user is a member of the household");
            paid[at] = paid[at] + part;
        }
    }
    paid
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fen(n: i128) -> Money {
        Money::from_fen(n)
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
        let paid = pays(&[bundle], 2, &[me, mum, dad]);
        assert_eq!(paid, vec![fen(3750), fen(6250), Money::ZERO]);
    }

    #[test]
    fn the_missing_fen_go_in_person_order() {
        let (me, mum, dad) = (Member::Me, Member::Person(0), Member::Person(1));
        let all = [dad, me, mum];
        let account = Used {
            price: fen(1000),
            services: vec![(0, fen(1000), &all[..])],
        };
        let paid = pays(&[account], 1, &[me, mum, dad]);
        assert_eq!(paid, vec![fen(334), fen(333), fen(333)]);
        assert_eq!(paid.iter().copied().sum::<Money>(), fen(1000));
    }
}
