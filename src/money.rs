//! Exact money in whole fen (0.01 of the currency unit) and the one rounding rule.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Neg, Sub};

use rust_decimal::Decimal;

/// An exact amount of money, counted in fen. Every figure bundlecalc shows is one of these.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i128);

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_fen(fen: i128) -> Self {
        Money(fen)
    }

    pub const fn fen(self) -> i128 {
        self.0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// The amount as a `Decimal` with exactly two decimal places.
    pub fn to_decimal(self) -> Decimal {
        Decimal::from_i128_with_scale(self.0, 2)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format_hundredths(self.0))
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

/// A percentage with two decimals, counted in hundredths of a percent.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(i128);

impl Percent {
    pub const fn from_hundredths(hundredths: i128) -> Self {
        Percent(hundredths)
    }

    pub const fn hundredths(self) -> i128 {
        self.0
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format_hundredths(self.0))
    }
}

/// `numerator / denominator`, rounded to the nearest integer, halves away from zero.
///
/// The denominator must be positive.
pub fn div_round_half_away(numerator: i128, denominator: i128) -> i128 {
    debug_assert!(denominator > 0);
    let quotient = numerator / denominator;
    let remainder = numerator % denominator;
    if remainder.unsigned_abs() * 2 >= denominator.unsigned_abs() {
        quotient + numerator.signum()
    } else {
        quotient
    }
}

/// Writes a count of hundredths as `-12.34`.
fn format_hundredths(value: i128) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let magnitude = value.unsigned_abs();
    format!("{sign}{}.{:02}", magnitude / 100, magnitude % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_always_shows_two_decimals() {
        assert_eq!(Money::from_fen(1990).to_string(), "19.90");
        assert_eq!(Money::from_fen(5).to_string(), "0.05");
        assert_eq!(Money::from_fen(-5).to_string(), "-0.05");
        assert_eq!(Money::from_fen(-80000).to_string(), "-800.00");
        assert_eq!(Money::from_fen(1990).to_decimal().to_string(), "19.90");
    }

    #[test]
    fn halves_round_away_from_zero() {
        assert_eq!(div_round_half_away(5, 2), 3);
        assert_eq!(div_round_half_away(-5, 2), -3);
        assert_eq!(div_round_half_away(7, 3), 2);
        assert_eq!(div_round_half_away(-7, 3), -2);
        assert_eq!(div_round_half_away(8, 3), 3);
        assert_eq!(div_round_half_away(0, 3), 0);
    }
}
