//! Amounts as people read them (docs/reference/command-line.md, "Output for people and for programs"):
//! `¥88.00` with the currency's symbol, gains and losses signed, amounts of
//! 10,000 and more grouped by thousands, percentages signed. Every table, every
//! Markdown sentence that carries a symbol, and the screen write money through
//! here; JSON and CSV write plain numbers.

use bundlecalc_core::message::group_digits;
use bundlecalc_core::money::{Money, Percent};

/// How wide the widest of `amounts` is as `money_text` writes it, in cells: the
/// width of a column of prices aligned on the right.
pub fn widest_money(symbol: &str, amounts: impl IntoIterator<Item = Money>) -> usize {
    amounts
        .into_iter()
        .map(|amount| crate::text::display_width(&money_text(symbol, amount)))
        .max()
        .unwrap_or(0)
}

/// `¥88.00`, or `-¥800.00` for a negative amount; digits grouped by thousands from
/// 10,000 on (`¥12,345.00`), for people. JSON and CSV write plain numbers.
pub fn money_text(symbol: &str, amount: Money) -> String {
    let sign = if amount.is_negative() { "-" } else { "" };
    let digits = (-amount).max(amount).to_string();
    format!("{sign}{symbol}{}", group_thousands(&digits))
}

/// `12345.00` as `12,345.00`; numbers under 10,000 stay as they are (`1234.00`).
fn group_thousands(number: &str) -> String {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.len() < 5 {
        return number.to_string();
    }
    let mut grouped = group_digits(whole);
    if !fraction.is_empty() {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    grouped
}

/// `+¥512.00` or `-¥800.00`: gains and losses readable without colour.
pub fn signed_money_text(symbol: &str, amount: Money) -> String {
    if amount > Money::ZERO {
        format!("+{}", money_text(symbol, amount))
    } else {
        money_text(symbol, amount)
    }
}

/// `+85.33%`, `-900.00%`, or `—` when there is no percentage.
pub fn percent_text(percent: Option<Percent>) -> String {
    match percent {
        Some(p) if p.hundredths() > 0 => format!("+{p}%"),
        Some(p) => format!("{p}%"),
        None => "—".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_from_ten_thousand_are_grouped_by_thousands() {
        let money = |fen| money_text("¥", Money::from_fen(fen));
        assert_eq!(money(123_456), "¥1234.56");
        assert_eq!(money(999_999), "¥9999.99");
        assert_eq!(money(1_000_000), "¥10,000.00");
        assert_eq!(money(1_234_500), "¥12,345.00");
        assert_eq!(money(-123_456_789), "-¥1,234,567.89");
        assert_eq!(money(100_000_000_000_000), "¥1,000,000,000,000.00");
        assert_eq!(
            signed_money_text("¥", Money::from_fen(160_000)),
            "+¥1600.00"
        );
        assert_eq!(
            signed_money_text("¥", Money::from_fen(1_600_000)),
            "+¥16,000.00"
        );
    }
}
