//! TOML text -> validated `Catalog` (docs/reference/file-format.md), in three steps, a file each:
//! `parse` (the toml crate reads the whole text once, keeping every span), `walk`
//! (each table's keys checked and values read, numbers as TOML means them; with
//! `service`, `bundle`, `change`, `profile`, `person` and `household`), and
//! `resolve` (ids looked up, the rules between items checked). Every problem is
//! collected with its place in the file.

pub mod bundle;
mod change;
mod household;
pub mod parse;
mod person;
mod place;
pub mod profile;
mod raw;
pub mod resolve;
mod service;
mod time;
mod walk;

use crate::diagnostic::Diagnostic;
use crate::model::Catalog;

/// Parses and validates a bundles file, reporting every problem found, in file order.
/// A text over `MAX_FILE_BYTES` is refused before it is parsed.
pub fn parse_catalog(text: &str) -> Result<Catalog, Vec<Diagnostic>> {
    let root = parse::document(text).map_err(|problem| vec![problem])?;
    let walked = walk::walk(text, root.get_ref());
    resolve::resolve(walked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::condition::Operator;
    use crate::load::bundle::parse_condition;
    use crate::model::offer::Include;
    use crate::period::Period;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    const MINIMAL: &str = r#"
[services.a]
price = 19.9
period = "month"

[services.b]
name = "B 音乐"
price = "10.00"
sold_alone = false

[services.c]
price = 1e3

[bundles.ab]
price = 1_000.5
tiers = [{ when = "taoqi >= 1000", price = 88 }]
includes = ["a", { one_of = ["b", "c"], label = "music" }]
"#;

    #[test]
    fn reads_services_bundles_and_defaults() {
        let catalog = parse_catalog(MINIMAL).unwrap();
        assert_eq!(catalog.currency, "CNY");
        assert_eq!(catalog.basis, Period::Year);
        assert_eq!(catalog.services.len(), 3);
        let a = &catalog.services[0];
        assert_eq!((a.id.as_str(), a.name.as_str()), ("a", "a"));
        assert_eq!(a.price, dec("19.9"));
        assert_eq!(a.period, Period::Month);
        assert!(a.sold_alone);
        assert_eq!(a.line, 2);
        assert_eq!(catalog.services[1].name, "B 音乐");
        assert!(!catalog.services[1].sold_alone);
        assert_eq!(catalog.services[1].price.to_string(), "10.00");
        assert_eq!(catalog.services[2].price, dec("1000"));
        let bundle = &catalog.bundles[0];
        assert_eq!(bundle.price, dec("1000.5"));
        assert_eq!(bundle.tiers[0].when.to_string(), "taoqi >= 1000");
        assert_eq!(bundle.tiers[0].price, dec("88"));
        assert_eq!(
            bundle.includes,
            vec![
                Include::Service(0),
                Include::OneOf {
                    members: vec![1, 2],
                    label: Some("music".into())
                }
            ]
        );
    }

    #[test]
    fn keeps_file_order_not_alphabetical_order() {
        let catalog = parse_catalog("[services.z]\nprice = 1\n[services.a]\nprice = 2\n").unwrap();
        let ids: Vec<_> = catalog.services.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["z", "a"]);
    }

    #[test]
    fn conditions_read_every_operator() {
        for (text, op) in [
            ("x >= 1", Operator::Ge),
            ("x>1", Operator::Gt),
            ("x <= 1", Operator::Le),
            ("x < 1", Operator::Lt),
            ("x == 1", Operator::Eq),
            ("x != 1", Operator::Ne),
        ] {
            assert_eq!(parse_condition(text).unwrap().op, op, "{text}");
        }
        assert_eq!(parse_condition("t >= -2.5").unwrap().value, dec("-2.5"));
        assert!(parse_condition(">= 1").is_err());
        assert!(parse_condition("x => 1").is_err());
        assert!(parse_condition("x >= lots").is_err());
    }

    #[test]
    fn collects_every_problem_not_just_the_first() {
        let text = "[services.a]\nprice = -1\n[services.b]\nprise = 2\n";
        let problems = parse_catalog(text).unwrap_err();
        let keys: Vec<_> = problems.iter().map(|p| p.message.key.as_ref()).collect();
        assert_eq!(
            keys,
            [
                "load.place_why",
                "load.service_no_price",
                "load.unknown_key"
            ]
        );
        assert_eq!(
            problems[2].help,
            Some(Box::new(crate::msg!(
                "diag.did_you_mean",
                candidate = "price"
            )))
        );
    }
}
