//! Billing periods as fractions of a year (docs/reference/file-format.md, "Periods"): a leaf the catalogue and
//! every figure use.

use std::fmt;

/// A billing period, as a fraction of a year.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    Day,
    Week,
    Month,
    Quarter,
    HalfYear,
    Year,
}

impl Period {
    /// Every period, longest first: the order the TUI cycles through.
    pub const CYCLE: [Period; 6] = [
        Period::Year,
        Period::HalfYear,
        Period::Quarter,
        Period::Month,
        Period::Week,
        Period::Day,
    ];

    /// The period's length in years, as `(numerator, denominator)`.
    pub const fn years(self) -> (i128, i128) {
        match self {
            Period::Day => (1, 365),
            Period::Week => (7, 365),
            Period::Month => (1, 12),
            Period::Quarter => (1, 4),
            Period::HalfYear => (1, 2),
            Period::Year => (1, 1),
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::HalfYear => "half_year",
            Period::Year => "year",
        }
    }

    pub fn parse(name: &str) -> Option<Period> {
        Period::CYCLE.into_iter().find(|p| p.name() == name)
    }

    /// The next period in `CYCLE`, wrapping around.
    pub fn next(self) -> Period {
        let at = Period::CYCLE.iter().position(|p| *p == self).unwrap_or(0);
        Period::CYCLE[(at + 1) % Period::CYCLE.len()]
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_cycle_from_year_to_day_and_back() {
        let mut period = Period::Year;
        let mut seen = vec![];
        for _ in 0..6 {
            seen.push(period.name());
            period = period.next();
        }
        assert_eq!(
            seen,
            ["year", "half_year", "quarter", "month", "week", "day"]
        );
        assert_eq!(period, Period::Year);
    }

    #[test]
    fn period_names_round_trip() {
        for period in Period::CYCLE {
            assert_eq!(Period::parse(period.name()), Some(period));
        }
        assert_eq!(Period::parse("fortnight"), None);
    }
}
