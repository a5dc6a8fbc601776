//! Amounts per year, exactly (docs/reference/arithmetic.md, "Rule 1: Basis amount"): what choosing a service's way
//! to buy, a group's member and the savings percentage compare, before any
//! rounding, so that none of them depends on the period figures are shown per.
//! A leaf.

use std::cmp::Ordering;
use std::ops::{Add, Sub};

use num_bigint::{BigInt, Sign};
use rust_decimal::Decimal;

use crate::money::Percent;
use crate::period::Period;

/// An amount per year, exactly: a whole number of units of 1 / (7 × 10^28) of
/// the currency. Every amount the file may write (at most 28 decimals) per every
/// period (a week is 7/365 of a year) is a whole number of them, so sums and
/// comparisons are exact.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct PerYear(BigInt);

/// The largest scale a `Decimal` has: units are 10^-28.
const SCALE: u32 = 28;

impl PerYear {
    pub fn zero() -> Self {
        PerYear::default()
    }

    /// `amount` per `period`, as an amount per year.
    pub fn of(amount: Decimal, period: Period) -> Self {
        let (years_num, years_den) = period.years();
        // amount = mantissa / 10^scale per years_num / years_den of a year; per year
        // that is mantissa × years_den / (years_num × 10^scale), and in units of
        // 1 / (7 × 10^28): mantissa × 10^(28 - scale) × years_den × 7 / years_num,
        // where years_num is 1 or 7.
        let scale_up = BigInt::from(10u8).pow(SCALE - amount.scale());
        PerYear(BigInt::from(amount.mantissa()) * scale_up * (years_den * 7 / years_num))
    }

    /// `(self - price) / self × 100`, rounded once to two decimals, halves away
    /// from zero (docs/reference/arithmetic.md, "Rule 3: Standalone value, savings and savings %"); `None` when `self` is zero.
    pub fn percent_saved(&self, price: &PerYear) -> Option<Percent> {
        if self.0.sign() == Sign::NoSign {
            return None;
        }
        let numerator = (&self.0 - &price.0) * 10_000;
        let hundredths = div_round_half_away(&numerator, &self.0);
        // The savings of an amount of at most 10^12 a day over one of at least
        // 10^-28 fit i128 many times over.
        Some(Percent::from_hundredths(
            i128::try_from(&hundredths).expect("a percentage of bounded amounts fits i128"),
        ))
    }
}

impl Add for PerYear {
    type Output = PerYear;
    fn add(self, rhs: PerYear) -> PerYear {
        PerYear(self.0 + rhs.0)
    }
}

impl<'a> Add<&'a PerYear> for PerYear {
    type Output = PerYear;
    fn add(self, rhs: &'a PerYear) -> PerYear {
        PerYear(self.0 + &rhs.0)
    }
}

impl Sub for PerYear {
    type Output = PerYear;
    fn sub(self, rhs: PerYear) -> PerYear {
        PerYear(self.0 - rhs.0)
    }
}

impl<'a> std::iter::Sum<&'a PerYear> for PerYear {
    fn sum<I: Iterator<Item = &'a PerYear>>(iter: I) -> PerYear {
        iter.fold(PerYear::zero(), |sum, amount| sum + amount)
    }
}

/// `numerator / denominator` to the nearest integer, halves away from zero.
fn div_round_half_away(numerator: &BigInt, denominator: &BigInt) -> BigInt {
    let quotient = numerator / denominator;
    let remainder = numerator - &quotient * denominator;
    let twice = remainder.magnitude() * 2u8;
    match twice.cmp(denominator.magnitude()) {
        Ordering::Less => quotient,
        _ if (numerator.sign() == Sign::Minus) != (denominator.sign() == Sign::Minus) => {
            quotient - 1
        }
        _ => quotient + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn per_year(text: &str, period: Period) -> PerYear {
        PerYear::of(Decimal::from_str(text).unwrap(), period)
    }

    #[test]
    fn the_same_amount_per_year_whatever_the_period_it_is_written_in() {
        assert_eq!(per_year("15", Period::Month), per_year("180", Period::Year));
        assert_eq!(per_year("7", Period::Week), per_year("365", Period::Year));
        assert_eq!(per_year("1", Period::Day), per_year("365.0", Period::Year));
        assert_eq!(
            per_year("47", Period::Quarter),
            per_year("188", Period::Year)
        );
        // 10 a week is 521.428571… a year: more than 521.42, less than 521.43.
        assert!(per_year("10", Period::Week) > per_year("521.42", Period::Year));
        assert!(per_year("10", Period::Week) < per_year("521.43", Period::Year));
    }

    #[test]
    fn the_percentage_is_rounded_once_from_the_exact_amounts() {
        let value = per_year("180", Period::Year);
        // QQ Music at 188 against 180 a year: -4.444… %.
        assert_eq!(
            value.percent_saved(&per_year("188", Period::Year)),
            Some(Percent::from_hundredths(-444))
        );
        assert_eq!(
            per_year("3", Period::Year).percent_saved(&per_year("1", Period::Year)),
            Some(Percent::from_hundredths(6667))
        );
        // Exactly a half: -0.005 % rounds away from zero.
        assert_eq!(
            per_year("20000", Period::Year).percent_saved(&per_year("20001", Period::Year)),
            Some(Percent::from_hundredths(-1))
        );
        assert_eq!(
            per_year("20000", Period::Year).percent_saved(&per_year("19999", Period::Year)),
            Some(Percent::from_hundredths(1))
        );
        assert_eq!(PerYear::zero().percent_saved(&value), None);
    }
}
