//! Generated bundles files of any size and the planner's instances, for
//! benchmarks, examples and robustness tests (docs/reference/plan.md, "How the plan is found"):
//! `files` for comparisons, `households` for plans and calendars of several
//! people, `problems` the covering problems the solver is measured on. Each is
//! drawn from the deterministic `Numbers` here, so a size and a seed always
//! give the same text.

pub mod files;
pub mod households;
pub mod problems;

/// A small deterministic generator (SplitMix64), so a size always gives the same file.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, limit: u64) -> u64 {
        self.next() % limit.max(1)
    }
}

/// How prices are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prices {
    /// Spread over thousands of values: ties are rare.
    Spread,
    /// A quarter free, the rest from 36 values.
    FreeAndRepeated,
}

impl Numbers {
    /// A price in fen: `spread` when prices are spread, else free one time in
    /// four or one of 36 round values.
    fn price(&mut self, prices: Prices, spread: u64) -> u64 {
        match prices {
            Prices::Spread => spread,
            Prices::FreeAndRepeated if self.below(4) == 0 => 0,
            Prices::FreeAndRepeated => 500 * (1 + self.below(36)),
        }
    }
}
