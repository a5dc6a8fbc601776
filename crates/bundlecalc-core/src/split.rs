//! How a household shares its total (docs/reference/file-format.md, "People who share" `[household] split`, docs/reference/arithmetic.md, "Rule 6: Household shares"):
//! the rules, their names in the file, on the command line and in JSON, and the
//! order the screen's `x` goes through them. A leaf.

use rust_decimal::Decimal;

/// How a household plan's total is shared among its people.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Split {
    /// Each pays the extra cost they bring, averaged over every order in which
    /// the people could join (the Shapley value).
    #[default]
    Fair,
    /// Everyone saves the same fraction of what they would pay alone.
    EqualSavings,
    /// Each purchase split over the services used from it, then equally among
    /// their users.
    ByUse,
    /// Agreed weights, by `me` or a person's id, in the order written.
    Weights(Vec<(String, Decimal)>),
}

impl Split {
    /// The rules with a name (weights have none but the file's numbers).
    pub const NAMED: [Split; 3] = [Split::Fair, Split::EqualSavings, Split::ByUse];

    /// The most people fair shares are computed for: they need the plan of every
    /// group of the people, 2^n − 1 plans (1,023 for 10).
    pub const FAIR_MOST: usize = 10;

    /// The name in the file, on the command line and in JSON.
    pub fn name(&self) -> &'static str {
        match self {
            Split::Fair => "fair",
            Split::EqualSavings => "equal_savings",
            Split::ByUse => "by_use",
            Split::Weights(_) => "weights",
        }
    }

    /// A named rule from its name.
    pub fn parse(name: &str) -> Option<Split> {
        Split::NAMED.into_iter().find(|rule| rule.name() == name)
    }

    /// The rule after this one in the screen's cycle (`x`): fair, equal savings,
    /// by use, then the file's weights when the file has them (`file`).
    pub fn next(&self, file: &Split) -> Split {
        let mut cycle = Split::NAMED.to_vec();
        if let Split::Weights(_) = file {
            cycle.push(file.clone());
        }
        let at = cycle.iter().position(|rule| rule == self);
        match at {
            Some(at) => cycle[(at + 1) % cycle.len()].clone(),
            // Weights that are not the file's any more (it was reloaded).
            None => Split::Fair,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for rule in Split::NAMED {
            assert_eq!(Split::parse(rule.name()), Some(rule.clone()));
        }
        assert_eq!(Split::parse("weights"), None);
        assert_eq!(Split::parse("fiar"), None);
    }

    #[test]
    fn x_goes_through_the_named_rules_then_the_files_weights() {
        let weights = Split::Weights(vec![("me".into(), Decimal::from(60))]);
        let mut seen = vec![Split::Fair];
        for _ in 0..4 {
            let next = seen.last().unwrap().next(&weights);
            seen.push(next);
        }
        assert_eq!(
            seen,
            [
                Split::Fair,
                Split::EqualSavings,
                Split::ByUse,
                weights.clone(),
                Split::Fair
            ]
        );
        assert_eq!(Split::ByUse.next(&Split::EqualSavings), Split::Fair);
    }
}
