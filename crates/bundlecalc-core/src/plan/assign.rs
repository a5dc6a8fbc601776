//! Who uses what from each purchase: the `used_by` of a household plan (docs/reference/plan.md).
//!
//! For each wanted service, the people who want it, in person order (`me` first,
//! then people in file order), take the seats of the purchases covering it in the
//! plan's order (sorted by id): the first purchase's seats are filled, then the
//! next one's. So no purchase serves more people than the service's `seats`, and
//! every person gets every want exactly once. With one person this gives each
//! want to the first purchase (in id order) that covers it.

use super::offers::Mask;
use crate::model::people::Member;

/// Per purchase (in `masks`' order), the wants someone uses from it, in want
/// order, each with its users in person order. Wants whose seats come from
/// earlier purchases are left out, so a purchase may list fewer wants than its mask.
///
/// `wanted_by[w]` lists the people who want want `w`, in person order; `seats[w]`
/// is how many one purchase serves. The purchases must give every want enough
/// seats (the search's answer does).
pub(super) fn assign(
    masks: &[Mask],
    wanted_by: &[Vec<Member>],
    seats: &[u32],
) -> Vec<Vec<(usize, Vec<Member>)>> {
    let mut used: Vec<Vec<(usize, Vec<Member>)>> = vec![Vec::new(); masks.len()];
    for (want, people) in wanted_by.iter().enumerate() {
        let mut waiting = people.as_slice();
        for (at, mask) in masks.iter().enumerate() {
            if waiting.is_empty() {
                break;
            }
            if mask.contains(want) {
                let take = waiting.len().min(seats[want] as usize);
                used[at].push((want, waiting[..take].to_vec()));
                waiting = &waiting[take..];
            }
        }
        assert!(waiting.is_empty(), "the plan gives every want enough seats");
    }
    used
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_fill_each_purchase_in_order_up_to_its_seats() {
        let (me, mum, dad) = (Member::Me, Member::Person(0), Member::Person(1));
        // Two purchases of a two-seat video account, one music plan.
        let (video, music) = (Mask::single(0), Mask::single(1));
        let masks = [video.clone(), video, music];
        let wanted_by = vec![vec![me, mum, dad], vec![mum]];
        let used = assign(&masks, &wanted_by, &[2, 1]);
        assert_eq!(used[0], vec![(0, vec![me, mum])]);
        assert_eq!(used[1], vec![(0, vec![dad])]);
        assert_eq!(used[2], vec![(1, vec![mum])]);
    }

    #[test]
    fn a_want_already_served_is_not_listed_again() {
        let masks = [Mask::single(0).union(&Mask::single(1)), Mask::single(0)];
        let used = assign(&masks, &[vec![Member::Me], vec![Member::Me]], &[1, 1]);
        assert_eq!(used[0].len(), 2);
        assert!(used[1].is_empty());
    }
}
