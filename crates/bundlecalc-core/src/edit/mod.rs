//! Changing values in a bundles file's text while keeping every other byte: comments,
//! key order, spacing, quoting, line endings, a byte-order mark and a missing final
//! newline stay exactly as the user wrote them. `style` decides how a value is
//! written, `splice` where it goes.

use rust_decimal::Decimal;

mod splice;
pub mod style;

use splice::{Parsed, insert_key, replace, set_string_list};

/// One change made in the screen, to be written into the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// The `price` of `[services.ID]`.
    ServicePrice { id: String, price: Decimal },
    /// The base `price` of `[bundles.ID]`.
    BundlePrice { id: String, price: Decimal },
    /// The `price` of way `way` (0-based) of `services.ID.other_prices`.
    WayPrice {
        id: String,
        way: usize,
        price: Decimal,
    },
    /// The `rate` of the benefit `services.ID.value`.
    BenefitRate { id: String, rate: Decimal },
    /// The `price` of tier `tier` (0-based) of `[bundles.ID]`.
    TierPrice {
        id: String,
        tier: usize,
        price: Decimal,
    },
    /// `profile.wants`, as a whole.
    Wants(Vec<String>),
    /// A fact under `[profile.facts]`, added when the file has none of that name.
    Fact { name: String, value: Decimal },
    /// The picks of one bundle, `profile.picks.ID`, as a whole.
    Picks {
        bundle: String,
        members: Vec<String>,
    },
}

/// Why edits could not be written into a text.
#[derive(Debug, PartialEq, Eq)]
pub enum EditError {
    /// The text is no longer TOML: the parser's reason.
    NotToml(String),
    /// The value an edit changes is gone from the text: its key path
    /// (`services.ID.price`).
    Missing(String),
}

/// `text` with `edits` applied, in order, each at the place the toml_edit parser
/// reports for it. Only the edited values change.
pub fn apply_edits(text: &str, edits: &[Edit]) -> Result<String, EditError> {
    let mut text = text.to_string();
    for edit in edits {
        text = match edit_text(&text, edit) {
            Some(edited) => edited,
            // Parsed again only to say why: the text is broken, or the value gone.
            None => {
                Parsed::new(&text).map_err(EditError::NotToml)?;
                return Err(EditError::Missing(edit.place()));
            }
        };
    }
    Ok(text)
}

impl Edit {
    /// Where the edited value lives, as a dotted path for messages.
    fn place(&self) -> String {
        match self {
            Edit::ServicePrice { id, .. } => format!("services.{id}.price"),
            Edit::BundlePrice { id, .. } => format!("bundles.{id}.price"),
            Edit::TierPrice { id, tier, .. } => format!("bundles.{id}.tiers[{tier}].price"),
            Edit::WayPrice { id, way, .. } => format!("services.{id}.other_prices[{way}].price"),
            Edit::BenefitRate { id, .. } => format!("services.{id}.value.rate"),
            Edit::Wants(_) => "profile.wants".into(),
            Edit::Fact { name, .. } => format!("profile.facts.{name}"),
            Edit::Picks { bundle, .. } => format!("profile.picks.{bundle}"),
        }
    }

    /// Whether this edit and `other` set the same value (the later one wins).
    pub fn same_target(&self, other: &Edit) -> bool {
        self.place() == other.place()
    }
}

/// `text` with `edit` made where the value already is; `None` when it is not there.
fn edit_in_place(text: &str, edit: &Edit) -> Option<String> {
    let (tier, way);
    let (path, new): (Vec<&str>, Edited) = match edit {
        Edit::WayPrice { id, way: at, price } => {
            way = at.to_string();
            (
                vec!["services", id, "other_prices", &way, "price"],
                Edited::Amount(*price),
            )
        }
        Edit::BenefitRate { id, rate } => {
            (vec!["services", id, "value", "rate"], Edited::Amount(*rate))
        }
        Edit::ServicePrice { id, price } => (vec!["services", id, "price"], Edited::Amount(*price)),
        Edit::BundlePrice { id, price } => (vec!["bundles", id, "price"], Edited::Amount(*price)),
        Edit::TierPrice {
            id,
            tier: at,
            price,
        } => {
            tier = at.to_string();
            (
                vec!["bundles", id, "tiers", &tier, "price"],
                Edited::Amount(*price),
            )
        }
        Edit::Fact { name, value } => (vec!["profile", "facts", name], Edited::Amount(*value)),
        Edit::Wants(wants) => (vec!["profile", "wants"], Edited::List(wants)),
        Edit::Picks { bundle, members } => {
            (vec!["profile", "picks", bundle], Edited::List(members))
        }
    };
    let parsed = Parsed::new(text).ok()?;
    let (span, old) = parsed.value(&path)?;
    match new {
        Edited::Amount(value) => Some(replace(text, span, &style::amount(old, value))),
        Edited::List(items) => {
            let (key, table) = path.split_last()?;
            set_string_list(text, table, key, items)
        }
    }
}

/// The new value an edit writes.
enum Edited<'e> {
    Amount(Decimal),
    List(&'e [String]),
}

/// `edit_in_place`, or for a value that may be added (wants, facts, picks), added.
fn edit_text(text: &str, edit: &Edit) -> Option<String> {
    edit_in_place(text, edit).or_else(|| match edit {
        Edit::Wants(wants) => set_string_list(text, &["profile"], "wants", wants),
        Edit::Picks { bundle, members } => {
            set_string_list(text, &["profile", "picks"], bundle, members)
        }
        Edit::Fact { name, value } => {
            insert_key(text, &["profile", "facts"], name, &value.to_string())
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    const FILE: &str = r#"# my offers   
currency   =   "CNY"   # yuan

[services."qq_music"]   # quoted key
name = "QQ音乐 绿钻"
price   = 188     # annual
period="year"

[services.youku]
price = "198.00"  # quoted amount

[bundles.'88vip']
price = 888 # base
tiers = [ { when = "taoqi >= 1000", price = 88 } ]
includes = ["qq_music",
            "youku"]   # ends here
"#;

    #[test]
    fn only_the_edited_price_changes() {
        let edited = apply_edits(
            FILE,
            &[Edit::ServicePrice {
                id: "qq_music".into(),
                price: dec("199.5"),
            }],
        )
        .unwrap();
        assert_eq!(
            edited,
            FILE.replace("price   = 188     # annual", "price   = 199.5     # annual")
        );
    }

    #[test]
    fn a_quoted_amount_stays_quoted_and_a_bundle_base_price_changes_not_its_tiers() {
        let edited = apply_edits(
            FILE,
            &[
                Edit::ServicePrice {
                    id: "youku".into(),
                    price: dec("210.00"),
                },
                Edit::BundlePrice {
                    id: "88vip".into(),
                    price: dec("899"),
                },
            ],
        )
        .unwrap();
        let expected = FILE
            .replace(
                "price = \"198.00\"  # quoted amount",
                "price = \"210.00\"  # quoted amount",
            )
            .replace("price = 888 # base", "price = 899 # base");
        assert_eq!(edited, expected);
    }

    #[test]
    fn exact_decimals_are_written_exactly() {
        let edited = apply_edits(
            FILE,
            &[Edit::ServicePrice {
                id: "qq_music".into(),
                price: dec("1234567890.123456789"),
            }],
        )
        .unwrap();
        assert!(
            edited.contains("price   = 1234567890.123456789     # annual"),
            "{edited}"
        );
    }

    #[test]
    fn wants_are_replaced_in_place_or_added_to_the_profile() {
        let with_profile = "[profile]\nwants = [\"a\"]  # mine\n\n[services.a]\nprice = 1\n";
        let edited =
            apply_edits(with_profile, &[Edit::Wants(vec!["a".into(), "b".into()])]).unwrap();
        assert_eq!(
            edited,
            "[profile]\nwants = [\"a\", \"b\"]  # mine\n\n[services.a]\nprice = 1\n"
        );

        let without = "[services.a]\nprice = 1\n";
        let edited = apply_edits(without, &[Edit::Wants(vec!["a".into()])]).unwrap();
        assert!(edited.starts_with(without), "{edited}");
        assert!(edited.contains("[profile]\nwants = [\"a\"]\n"), "{edited}");
    }

    #[test]
    fn a_profile_added_beside_its_facts_comes_before_them() {
        let facts_only = "currency = \"CNY\"\n\n# what I know\n[profile.facts]\ntaoqi = 1\n";
        let edited = apply_edits(facts_only, &[Edit::Wants(vec!["a".into()])]).unwrap();
        assert_eq!(
            edited,
            "currency = \"CNY\"\n\n[profile]\nwants = [\"a\"]\n\n# what I know\n[profile.facts]\ntaoqi = 1\n"
        );
        let crlf = "\u{feff}[profile.facts]\r\ntaoqi = 1\r\n";
        let edited = apply_edits(crlf, &[Edit::Wants(vec!["a".into()])]).unwrap();
        assert_eq!(
            edited,
            "\u{feff}[profile]\r\nwants = [\"a\"]\r\n\r\n[profile.facts]\r\ntaoqi = 1\r\n"
        );
    }

    #[test]
    fn edits_land_in_files_of_every_layout() {
        use crate::synthetic::files::{Layout, catalogue_in};
        let edits = [
            Edit::ServicePrice {
                id: "s2".into(),
                price: dec("9.99"),
            },
            Edit::BundlePrice {
                id: "b7".into(),
                price: dec("1234.5"),
            },
            Edit::ServicePrice {
                id: "s2".into(),
                price: dec("10"),
            },
        ];
        let grouped = catalogue_in(Layout::Grouped, 40, 12, 3);
        let edited = apply_edits(&grouped, &edits).unwrap();
        assert!(
            edited.contains("s2 = { name = \"Service 2\", price = \"10\","),
            "{edited}"
        );
        assert!(edited.contains("b7.price = 1234.5\n"));
        let tables = catalogue_in(Layout::Tables, 40, 12, 3);
        let edited = apply_edits(&tables, &edits).unwrap();
        let changed: Vec<(&str, &str)> = tables
            .lines()
            .zip(edited.lines())
            .filter(|(old, new)| old != new)
            .collect();
        assert_eq!(changed.len(), 2, "{changed:?}");
        assert_eq!(tables.lines().count(), edited.lines().count());
    }

    #[test]
    fn a_vanished_item_is_reported() {
        let error = apply_edits(
            FILE,
            &[Edit::ServicePrice {
                id: "gone".into(),
                price: dec("1"),
            }],
        )
        .unwrap_err();
        assert_eq!(error, EditError::Missing("services.gone.price".into()));
    }
}
