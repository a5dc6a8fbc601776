//! A price tier's condition, `FACT OP NUMBER` (docs/reference/file-format.md, "Price tiers"): a leaf the catalogue
//! holds.

use std::fmt;

use rust_decimal::Decimal;

/// `FACT OP NUMBER`, as written in a tier's `when`.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    pub fact: String,
    pub op: Operator,
    pub value: Decimal,
}

impl Condition {
    pub fn holds_for(&self, fact_value: Decimal) -> bool {
        match self.op {
            Operator::Ge => fact_value >= self.value,
            Operator::Gt => fact_value > self.value,
            Operator::Le => fact_value <= self.value,
            Operator::Lt => fact_value < self.value,
            Operator::Eq => fact_value == self.value,
            Operator::Ne => fact_value != self.value,
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.fact, self.op.symbol(), self.value)
    }
}

/// The comparison operator of a tier condition.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Operator {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
    Ne,
}

impl Operator {
    /// Two-character operators first, so `>=` is not read as `>`.
    pub const ALL: [Operator; 6] = [
        Operator::Ge,
        Operator::Le,
        Operator::Eq,
        Operator::Ne,
        Operator::Gt,
        Operator::Lt,
    ];

    pub const fn symbol(self) -> &'static str {
        match self {
            Operator::Ge => ">=",
            Operator::Gt => ">",
            Operator::Le => "<=",
            Operator::Lt => "<",
            Operator::Eq => "==",
            Operator::Ne => "!=",
        }
    }
}
