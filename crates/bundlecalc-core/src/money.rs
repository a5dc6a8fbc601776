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
        write_hundredths(self.0, f)
    }
}

/// As its two-decimal text, the form of every money value in JSON.
impl serde::Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(HundredthsText::new(self.0).as_str())
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
        write_hundredths(self.0, f)
    }
}

/// As its two-decimal text, like money.
impl serde::Serialize for Percent {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(HundredthsText::new(self.0).as_str())
    }
}

/// A count of hundredths written as `-12.34` into a buffer on the stack, so the many
/// figures of a large JSON report are written without allocating.
struct HundredthsText {
    bytes: [u8; 48],
    start: usize,
}

impl HundredthsText {
    fn new(value: i128) -> Self {
        let mut bytes = [0u8; 48];
        let mut at = bytes.len();
        let mut magnitude = value.unsigned_abs();
        let mut push = |digit: u8| {
            at -= 1;
            bytes[at] = digit;
        };
        push(b'0' + (magnitude % 10) as u8);
        magnitude /= 10;
        push(b'0' + (magnitude % 10) as u8);
        magnitude /= 10;
        push(b'.');
        loop {
            push(b'0' + (magnitude % 10) as u8);
            magnitude /= 10;
            if magnitude == 0 {
                break;
            }
        }
        if value < 0 {
            push(b'-');
        }
        HundredthsText { bytes, start: at }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[self.start..]).expect("ASCII digits")
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

/// Writes a count of hundredths as `-12.34`, padded when the format asks for a width.
fn write_hundredths(value: i128, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let sign = if value < 0 { "-" } else { "" };
    let magnitude = value.unsigned_abs();
    if f.width().is_some() {
        f.pad(&format!("{sign}{}.{:02}", magnitude / 100, magnitude % 100))
    } else {
        write!(f, "{sign}{}.{:02}", magnitude / 100, magnitude % 100)
    }
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
        assert_eq!(format!("[{:>7}]", Money::from_fen(1990)), "[  19.90]");
        assert_eq!(
            serde_json::to_string(&Money::from_fen(-1)).unwrap(),
            "\"-0.01\""
        );
    }

    #[test]
    fn stack_text_matches_display() {
        for fen in [
            0,
            1,
            5,
            99,
            100,
            1990,
            -1,
            -100,
            -80000,
            i128::from(i64::MAX),
            -i128::from(i64::MAX),
        ] {
            assert_eq!(
                HundredthsText::new(fen).as_str(),
                Money::from_fen(fen).to_string(),
                "{fen}"
            );
        }
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
