//! Calendar months: the horizon of a calendar (docs/reference/calendar.md) and the days that
//! bound each month, from the date crate (TRAPS 24: months are not 30 days).

use time::{Date, Month};

/// A calendar month, such as 2027-01.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: Month,
}

impl YearMonth {
    /// The month of `date`.
    pub fn of(date: Date) -> YearMonth {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    /// `YYYY-MM`, as `--from` is written; `None` for anything else.
    pub fn parse(text: &str) -> Option<YearMonth> {
        let (year, month) = text.trim().split_once('-')?;
        if year.len() != 4 || month.len() != 2 {
            return None;
        }
        if !year
            .bytes()
            .chain(month.bytes())
            .all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
        let year = year.parse::<i32>().ok().filter(|y| *y >= 1)?;
        Some(YearMonth { year, month })
    }

    /// The month `count` months after this one.
    pub fn plus(self, count: u32) -> YearMonth {
        YearMonth::at_index(self.index() + i64::from(count))
    }

    /// Months since the start of year 0: January 0001 is 12.
    fn index(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.number() - 1)
    }

    /// The month `index` months after the start of year 0.
    fn at_index(index: i64) -> YearMonth {
        YearMonth {
            year: i32::try_from(index.div_euclid(12)).unwrap_or(i32::MAX),
            month: Month::try_from(u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1))
                .unwrap_or(Month::January),
        }
    }

    pub fn first_day(self) -> Date {
        Date::from_calendar_date(self.year, self.month, 1).unwrap_or(Date::MAX)
    }

    pub fn last_day(self) -> Date {
        let days = self.month.length(self.year);
        Date::from_calendar_date(self.year, self.month, days).unwrap_or(Date::MAX)
    }

    /// The month's number, 1 to 12.
    pub fn number(self) -> u8 {
        u8::from(self.month)
    }
}

impl std::fmt::Display for YearMonth {
    /// `2027-01`, as JSON and CSV write months.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.number())
    }
}

/// The months a calendar plans: `months` calendar months from `from`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Horizon {
    pub from: YearMonth,
    /// From `Horizon::FEWEST` to `Horizon::MOST`.
    pub months: u32,
}

impl Horizon {
    pub const FEWEST: u32 = 1;
    pub const MOST: u32 = 36;
    pub const DEFAULT_MONTHS: u32 = 12;

    /// The default horizon: 12 months from the month of `today`.
    pub fn from_today(today: Date) -> Horizon {
        Horizon {
            from: YearMonth::of(today),
            months: Horizon::DEFAULT_MONTHS,
        }
    }

    /// The first month a horizon may start with: years are written with four
    /// digits, from 0001.
    pub const EARLIEST: YearMonth = YearMonth {
        year: 1,
        month: Month::January,
    };

    /// The last month a horizon may reach: a purchase in it (at most 12
    /// months) then ends by 9999-12-31, the last day written with four digits.
    pub const LATEST: YearMonth = YearMonth {
        year: 9998,
        month: Month::December,
    };

    /// Whether every month of it, and every day a purchase in it covers, can
    /// be written: it starts no earlier than [`Horizon::EARLIEST`] and ends no
    /// later than [`Horizon::LATEST`] (docs/reference/calendar.md, "The horizon").
    pub fn fits(self) -> bool {
        self.from >= Horizon::EARLIEST && self.month(self.months.max(1) - 1) <= Horizon::LATEST
    }

    /// The month at `index` (0 is `from`).
    pub fn month(self, index: u32) -> YearMonth {
        self.from.plus(index)
    }

    /// The first month moved by `by` months (the screen's `[` and `]`), kept
    /// within [`Horizon::EARLIEST`] and [`Horizon::LATEST`].
    pub fn moved(self, by: i32) -> Horizon {
        let latest_start = Horizon::LATEST.index() - i64::from(self.months.max(1) - 1);
        let index = (self.from.index() + i64::from(by))
            .min(latest_start)
            .max(Horizon::EARLIEST.index());
        Horizon {
            from: YearMonth::at_index(index),
            ..self
        }
    }

    /// The length changed by `by` months, kept within its bounds and ending by
    /// [`Horizon::LATEST`] (`{` and `}`).
    pub fn resized(self, by: i32) -> Horizon {
        let room =
            (Horizon::LATEST.index() - self.from.index() + 1).max(i64::from(Horizon::FEWEST));
        let months = (i64::from(self.months) + i64::from(by))
            .min(room)
            .clamp(i64::from(Horizon::FEWEST), i64::from(Horizon::MOST))
            as u32;
        Horizon { months, ..self }
    }

    /// The indexes of the horizon's months that have a day from `from` to `until`
    /// (each inclusive, each optional).
    pub fn months_between(self, from: Option<Date>, until: Option<Date>) -> Vec<bool> {
        (0..self.months)
            .map(|m| {
                let month = self.month(m);
                from.is_none_or(|from| month.last_day() >= from)
                    && until.is_none_or(|until| month.first_day() <= until)
            })
            .collect()
    }

    /// The indexes of the horizon's months whose last day `through` reaches.
    pub fn months_held(self, through: Date) -> Vec<bool> {
        (0..self.months)
            .map(|m| self.month(m).last_day() <= through)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::from_calendar_date(y, Month::try_from(m).unwrap(), d).unwrap()
    }

    #[test]
    fn months_are_read_and_written_as_yyyy_mm() {
        let month = YearMonth::parse("2027-01").unwrap();
        assert_eq!(month.to_string(), "2027-01");
        assert_eq!(month.plus(13).to_string(), "2028-02");
        for bad in [
            "2027-13",
            "2027-1",
            "27-01",
            "2027-00",
            "2027/01",
            "",
            "2027-01-01",
        ] {
            assert_eq!(YearMonth::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_holding_covers_the_months_whose_last_day_it_reaches() {
        let leap = Horizon {
            from: YearMonth::parse("2028-01").unwrap(),
            months: 3,
        };
        assert_eq!(leap.months_held(date(2028, 2, 28)), [true, false, false]);
        assert_eq!(leap.months_held(date(2028, 2, 29)), [true, true, false]);
        let plain = Horizon {
            from: YearMonth::parse("2027-01").unwrap(),
            months: 3,
        };
        assert_eq!(plain.months_held(date(2027, 2, 28)), [true, true, false]);
    }

    #[test]
    fn a_window_wants_every_month_it_has_a_day_of() {
        let horizon = Horizon {
            from: YearMonth::parse("2027-01").unwrap(),
            months: 4,
        };
        let wanted = horizon.months_between(Some(date(2027, 1, 31)), Some(date(2027, 2, 1)));
        assert_eq!(wanted, [true, true, false, false]);
        assert_eq!(horizon.months_between(None, None), [true; 4]);
    }

    #[test]
    fn the_horizon_moves_back_across_a_year_and_keeps_its_length_in_bounds() {
        let horizon = Horizon {
            from: YearMonth::parse("2027-01").unwrap(),
            months: 12,
        };
        assert_eq!(horizon.moved(-1).from.to_string(), "2026-12");
        assert_eq!(horizon.moved(-13).from.to_string(), "2025-12");
        assert_eq!(horizon.moved(14).from.to_string(), "2028-03");
        assert_eq!(horizon.resized(30).months, 36);
        assert_eq!(horizon.resized(-20).months, 1);
    }

    #[test]
    fn the_horizon_stays_within_the_years_written_with_four_digits() {
        let first = Horizon {
            from: YearMonth::parse("0001-02").unwrap(),
            months: 12,
        };
        assert!(first.fits());
        assert_eq!(first.moved(-1).from.to_string(), "0001-01");
        assert_eq!(first.moved(-5).from.to_string(), "0001-01");
        let last = Horizon {
            from: YearMonth::parse("9998-01").unwrap(),
            months: 12,
        };
        assert!(last.fits());
        assert_eq!(last.moved(1), last);
        assert_eq!(last.resized(1), last);
        assert_eq!(last.moved(-1).resized(5).months, 13);
        for (from, months) in [("9998-02", 12), ("9999-11", 1), ("9998-12", 2)] {
            let horizon = Horizon {
                from: YearMonth::parse(from).unwrap(),
                months,
            };
            assert!(!horizon.fits(), "{from} {months}");
        }
    }
}
