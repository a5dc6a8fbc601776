//! Fair shares (docs/reference/arithmetic.md, "Rule 6: Household shares" `fair`): each person's Shapley value, the extra
//! cost they bring, averaged over every order in which the people could join:
//!
//! `φ_i = Σ_{S ⊆ N∖{i}} |S|! (n−|S|−1)! / n! × (c(S ∪ {i}) − c(S))`.
//!
//! Exactly, in integers: each share is a numerator in fen × `n!` (TRAPS 23),
//! divided once when rounded (`shares::round_once`). With at most
//! `Split::FAIR_MOST` (10) people, `n!` is at most 3,628,800, and a numerator is
//! at most `n!` times a plan's total: far inside `i128`.

use crate::money::Money;
use crate::split::Split;

use super::costs::Group;

/// Each member's Shapley value as a numerator over `n!` (the second value), for
/// `n` members (at most `Split::FAIR_MOST`), from `cost`, the total of the plan
/// for each group (`c(∅)` = 0 is not asked).
pub(super) fn shapley<E>(
    n: usize,
    mut cost: impl FnMut(Group) -> Result<Money, E>,
) -> Result<(Vec<i128>, i128), E> {
    assert!(n <= Split::FAIR_MOST, "fair shares for at most 10 people");
    let groups: Group = 1 << n;
    let mut c = vec![0i128; groups as usize];
    for group in 1..groups {
        c[group as usize] = cost(group)?.fen();
    }
    let factorial: Vec<i128> = (0..=n as i128)
        .scan(1i128, |acc, k| {
            *acc *= k.max(1);
            Some(*acc)
        })
        .collect();
    // The weight of a group of `k` others: k! (n−k−1)!.
    let weight = |k: usize| factorial[k] * factorial[n - k - 1];
    let shares = (0..n)
        .map(|i| {
            let me: Group = 1 << i;
            (0..groups)
                .filter(|s| s & me == 0)
                .map(|s| {
                    let k = s.count_ones() as usize;
                    weight(k) * (c[(s | me) as usize] - c[s as usize])
                })
                .sum()
        })
        .collect();
    Ok((shares, factorial[n]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fen(n: i128) -> Money {
        Money::from_fen(n)
    }

    #[test]
    fn the_issue_s_pair_pays_76_and_124() {
        // me alone 88.00, Mum alone 136.00, together one 200.00 bundle.
        let c = |g: Group| Ok::<_, ()>(fen([0, 8800, 13_600, 20_000][g as usize]));
        let (shares, denominator) = shapley(2, c).unwrap();
        assert_eq!(denominator, 2);
        // me: (88 + (200 − 136)) / 2 = 76; Mum: (136 + (200 − 88)) / 2 = 124.
        assert_eq!(shares, vec![15_200, 24_800]);
    }

    #[test]
    fn shares_add_up_to_the_whole_group_s_cost() {
        // Three people: any costs at all, the shares sum to c(N) × n!.
        let costs = [0, 500, 700, 900, 300, 650, 800, 1000];
        let (shares, denominator) = shapley(3, |g| Ok::<_, ()>(fen(costs[g as usize]))).unwrap();
        assert_eq!(denominator, 6);
        assert_eq!(shares.iter().sum::<i128>(), 1000 * 6);
    }

    #[test]
    fn one_person_pays_it_all_and_nobody_pays_nothing() {
        assert_eq!(
            shapley(1, |_| Ok::<_, ()>(fen(4200))).unwrap(),
            (vec![4200], 1)
        );
        assert_eq!(shapley(0, |_| Ok::<_, ()>(fen(1))).unwrap(), (vec![], 1));
    }
}
