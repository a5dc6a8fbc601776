//! Numbers as TOML means them (docs/reference/file-format.md, "Amounts"), read exactly: an integer is its value in
//! any radix (`0x58`, `0o130`, `0b1011000` and `8_8` are all 88), a float is read
//! from its written text (`19.9` is exactly 19.9, `1e3` is 1000), a string holds a
//! number as it would be written without its quotes (`"19.90"`). Nothing here goes through `f64`. Every number the file holds,
//! and every number typed on the command line or in the screen, is read here.

use std::num::IntErrorKind;

use crate::message::Message;
use rust_decimal::Decimal;
use toml::de::DeValue;

/// The most significant digits an amount may have.
pub const MAX_SIGNIFICANT_DIGITS: usize = 28;

/// The most digits an amount may have after its decimal point (the scale of an exact
/// decimal).
pub const MAX_DECIMAL_PLACES: u32 = 28;

/// The largest amount accepted (one trillion), so that no sum or split can overflow.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0);

/// The largest magnitude of a fact: a fact this size times a benefit's rate (at most
/// 1) is still an amount, so no benefit needs clamping.
pub const MAX_FACT: Decimal = MAX_AMOUNT;

/// Why a written number is not an acceptable amount.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    NotANumber,
    NotFinite,
    TooPrecise,
    /// More decimal places than an exact decimal holds, however few its digits.
    TooManyDecimals,
    TooLarge,
    /// A fact beyond `±MAX_FACT`.
    FactOutOfRange,
}

impl NumberError {
    /// Why, as a message ("is not a number", "has more than 28 digits after the
    /// decimal point").
    pub fn message(self) -> Message {
        match self {
            NumberError::NotANumber => crate::msg!("amount.not_a_number"),
            NumberError::NotFinite => crate::msg!("amount.not_finite"),
            NumberError::TooPrecise => {
                crate::msg!("amount.too_precise", digits = MAX_SIGNIFICANT_DIGITS)
            }
            NumberError::TooManyDecimals => {
                crate::msg!("amount.too_many_decimals", places = MAX_DECIMAL_PLACES)
            }
            NumberError::TooLarge => crate::msg!("amount.too_large"),
            NumberError::FactOutOfRange => crate::msg!("amount.fact_range"),
        }
    }
}

/// A parsed TOML value as a number: an integer in any radix, a float from its
/// written text, or a string holding such a number. `None` when the value is of another
/// kind (a boolean, a list...).
pub fn toml_number(value: &DeValue<'_>) -> Option<Result<Decimal, NumberError>> {
    match value {
        // The toml crate gives the digits without prefix and `_`, in `radix()`.
        DeValue::Integer(integer) => Some(integer_value(integer.as_str(), integer.radix())),
        DeValue::Float(float) => Some(parse_decimal(float.as_str())),
        // A string holds what the number would be written as without its quotes.
        DeValue::String(text) => Some(unquoted_number(text)),
        _ => None,
    }
}

/// A number typed on its own (`--set`, a tier's condition, a field of the screen),
/// read as a TOML value by the toml crate, so by the same rules as the file; a
/// quoted number (`"19.90"`) is read as in the file.
pub fn parse_number(text: &str) -> Result<Decimal, NumberError> {
    let value = DeValue::parse(text.trim()).map_err(|_| NumberError::NotANumber)?;
    toml_number(value.get_ref()).unwrap_or(Err(NumberError::NotANumber))
}

/// The text of a string as a TOML integer or float, by the toml crate's grammar:
/// `"19.90"` and `"0x58"` are numbers, `"007"`, `"1__0"` and `"\"5\""` are not.
fn unquoted_number(text: &str) -> Result<Decimal, NumberError> {
    match DeValue::parse(text) {
        Ok(value) if !value.get_ref().is_str() => {
            toml_number(value.get_ref()).unwrap_or(Err(NumberError::NotANumber))
        }
        _ => Err(NumberError::NotANumber),
    }
}

/// An amount of money typed on its own: a number, not negative, at most `MAX_AMOUNT`.
pub fn parse_amount(text: &str) -> Result<Decimal, AmountError> {
    parse_number(text)
        .map_err(AmountError::Number)
        .and_then(checked_amount)
}

/// A fact typed on its own: a number within `±MAX_FACT`.
pub fn parse_fact(text: &str) -> Result<Decimal, NumberError> {
    parse_number(text).and_then(checked_fact)
}

/// `value` if it is an acceptable amount of money: not negative, at most `MAX_AMOUNT`.
pub fn checked_amount(value: Decimal) -> Result<Decimal, AmountError> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(AmountError::Negative);
    }
    if value > MAX_AMOUNT {
        return Err(AmountError::Number(NumberError::TooLarge));
    }
    Ok(value.abs())
}

/// `value` if it is an acceptable fact: within `±MAX_FACT`.
pub fn checked_fact(value: Decimal) -> Result<Decimal, NumberError> {
    if value.abs() > MAX_FACT {
        return Err(NumberError::FactOutOfRange);
    }
    Ok(value)
}

/// An integer's digits in `radix` (a sign allowed), as an exact decimal.
fn integer_value(digits: &str, radix: u32) -> Result<Decimal, NumberError> {
    match i128::from_str_radix(digits, radix) {
        Ok(value) => Decimal::try_from_i128_with_scale(value, 0).map_err(|_| NumberError::TooLarge),
        Err(e)
            if matches!(
                e.kind(),
                IntErrorKind::PosOverflow | IntErrorKind::NegOverflow
            ) =>
        {
            Err(NumberError::TooLarge)
        }
        Err(_) => Err(NumberError::NotANumber),
    }
}

/// Reads a decimal number written as TOML writes numbers: an optional sign, digits
/// (`_` allowed between them), an optional fraction and an optional exponent.
pub fn parse_decimal(written: &str) -> Result<Decimal, NumberError> {
    let text = written.replace('_', "");
    let unsigned = text.trim_start_matches(['+', '-']);
    if matches!(unsigned, "inf" | "nan") {
        return Err(NumberError::NotFinite);
    }
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text.as_str(), None),
    };
    check_mantissa_shape(mantissa)?;
    let decimals = mantissa.split_once('.').map_or(0, |(_, f)| f.len());
    if decimals > MAX_DECIMAL_PLACES as usize {
        return Err(NumberError::TooManyDecimals);
    }
    let significant = mantissa
        .chars()
        .filter(char::is_ascii_digit)
        .skip_while(|d| *d == '0')
        .count();
    if significant > MAX_SIGNIFICANT_DIGITS {
        return Err(NumberError::TooPrecise);
    }
    let value = Decimal::from_str_exact(mantissa).map_err(|_| NumberError::TooPrecise)?;
    match exponent {
        None => Ok(value),
        Some(exponent) => apply_exponent(value, parse_exponent(exponent)?),
    }
}

/// Why a written number is not an acceptable amount of money.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
    Number(NumberError),
    Negative,
}

impl AmountError {
    /// Why, as a message.
    pub fn message(self) -> Message {
        match self {
            AmountError::Number(error) => error.message(),
            AmountError::Negative => crate::msg!("amount.negative"),
        }
    }
}

fn check_mantissa_shape(mantissa: &str) -> Result<(), NumberError> {
    let unsigned = mantissa.strip_prefix(['+', '-']).unwrap_or(mantissa);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if all_digits(whole) && fraction.is_none_or(all_digits) {
        Ok(())
    } else {
        Err(NumberError::NotANumber)
    }
}

fn parse_exponent(text: &str) -> Result<i32, NumberError> {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    // Any exponent beyond ±60 is out of range for every amount, so cap before parsing.
    let magnitude: i32 = if digits.trim_start_matches('0').len() > 2 {
        61
    } else {
        digits.parse().map_err(|_| NumberError::NotANumber)?
    };
    Ok(if text.starts_with('-') {
        -magnitude
    } else {
        magnitude
    })
}

/// `value × 10^exponent`, exactly, or an error when that cannot be held.
fn apply_exponent(mut value: Decimal, exponent: i32) -> Result<Decimal, NumberError> {
    if exponent > 60 {
        return Err(NumberError::TooLarge);
    }
    if exponent < -60 {
        return Err(NumberError::TooManyDecimals);
    }
    if exponent < 0 {
        let scale = value.scale() + exponent.unsigned_abs();
        if scale > MAX_DECIMAL_PLACES {
            return Err(NumberError::TooManyDecimals);
        }
        value
            .set_scale(scale)
            .map_err(|_| NumberError::TooManyDecimals)?;
        return Ok(value);
    }
    let mut remaining = exponent;
    while remaining > 0 && value.scale() > 0 {
        let scale = value.scale() - 1;
        value.set_scale(scale).map_err(|_| NumberError::TooLarge)?;
        remaining -= 1;
    }
    for _ in 0..remaining {
        value = value
            .checked_mul(Decimal::TEN)
            .ok_or(NumberError::TooLarge)?;
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn max_amount_is_one_trillion() {
        assert_eq!(MAX_AMOUNT, dec("1000000000000"));
    }

    #[test]
    fn reads_every_written_form_exactly() {
        assert_eq!(parse_decimal("19.9"), Ok(dec("19.9")));
        assert_eq!(parse_decimal("19.90").unwrap().to_string(), "19.90");
        assert_eq!(parse_decimal("1e3"), Ok(dec("1000")));
        assert_eq!(parse_decimal("1E3"), Ok(dec("1000")));
        assert_eq!(parse_decimal("1_000.5"), Ok(dec("1000.5")));
        assert_eq!(parse_decimal("2.5e-3"), Ok(dec("0.0025")));
        assert_eq!(parse_decimal("1.25e1"), Ok(dec("12.5")));
        assert_eq!(parse_decimal("+5"), Ok(dec("5")));
        assert_eq!(parse_decimal("-7.5"), Ok(dec("-7.5")));
        assert_eq!(
            parse_decimal("1234567890.123456789").unwrap().to_string(),
            "1234567890.123456789"
        );
    }

    #[test]
    fn refuses_what_is_not_an_exact_finite_number() {
        assert_eq!(parse_decimal("inf"), Err(NumberError::NotFinite));
        assert_eq!(parse_decimal("-nan"), Err(NumberError::NotFinite));
        assert_eq!(parse_decimal("abc"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal(".5"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("5."), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal(""), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("1e"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal(" 5"), Err(NumberError::NotANumber));
        assert_eq!(
            parse_decimal("1.0000000000000000000000000000"),
            Err(NumberError::TooPrecise)
        );
        assert_eq!(parse_decimal("1e-40"), Err(NumberError::TooManyDecimals));
        assert_eq!(parse_decimal("1e99999999999"), Err(NumberError::TooLarge));
        assert_eq!(parse_decimal("9e40"), Err(NumberError::TooLarge));
    }

    #[test]
    fn a_tiny_number_is_refused_for_its_decimal_places_not_its_digits() {
        // One significant digit, 31 places after the point.
        let tiny = parse_decimal("0.0000000000000000000000000000001");
        assert_eq!(tiny, Err(NumberError::TooManyDecimals));
        assert_eq!(
            NumberError::TooManyDecimals.message(),
            crate::msg!("amount.too_many_decimals", places = 28)
        );
        assert_eq!(parse_decimal("1e-29"), Err(NumberError::TooManyDecimals));
        assert_eq!(
            parse_decimal("1e-28"),
            Ok(dec("0.0000000000000000000000000001"))
        );
        assert_eq!(
            parse_decimal("0.0000000000000000000000000001"),
            Ok(dec("0.0000000000000000000000000001"))
        );
    }

    #[test]
    fn twenty_eight_significant_digits_are_allowed() {
        assert!(parse_decimal("0.1234567890123456789012345678").is_ok());
        assert_eq!(
            parse_decimal("12345678901234567890.12345678"),
            Ok(dec("12345678901234567890.12345678"))
        );
    }

    #[test]
    fn amounts_are_not_negative_and_not_absurd() {
        assert_eq!(parse_amount("-1"), Err(AmountError::Negative));
        assert_eq!(parse_amount("-0.0"), Ok(Decimal::ZERO));
        assert_eq!(parse_amount("1e12"), Ok(MAX_AMOUNT));
        assert_eq!(
            parse_amount("1000000000000.01"),
            Err(AmountError::Number(NumberError::TooLarge))
        );
    }
}
