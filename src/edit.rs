//! Changing values in a bundles file's text while keeping every other byte: comments,
//! key order, spacing and quoting stay exactly as the user wrote them.

use rust_decimal::Decimal;
use toml_edit::{Array, DocumentMut, Item, Value};

/// One change made in the screen, to be written into the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// The `price` of `[services.ID]`.
    ServicePrice { id: String, price: Decimal },
    /// The base `price` of `[bundles.ID]`.
    BundlePrice { id: String, price: Decimal },
    /// `profile.wants`, as a whole.
    Wants(Vec<String>),
}

/// Why edits could not be written into a text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EditError {
    #[error("the file is no longer valid TOML: {0}")]
    NotToml(String),
    #[error("`{0}` is not in the file any more")]
    Missing(String),
}

/// `text` with `edits` applied, in order. Only the edited values change.
pub fn apply_edits(text: &str, edits: &[Edit]) -> Result<String, EditError> {
    let mut document: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| EditError::NotToml(e.message().to_string()))?;
    for edit in edits {
        match edit {
            Edit::ServicePrice { id, price } => set_price(&mut document, "services", id, *price)?,
            Edit::BundlePrice { id, price } => set_price(&mut document, "bundles", id, *price)?,
            Edit::Wants(wants) => set_wants(&mut document, wants),
        }
    }
    Ok(document.to_string())
}

fn set_price(
    document: &mut DocumentMut,
    section: &str,
    id: &str,
    price: Decimal,
) -> Result<(), EditError> {
    let path = format!("{section}.{id}.price");
    let value = document
        .get_mut(section)
        .and_then(|items| items.get_mut(id))
        .and_then(|item| item.get_mut("price"))
        .and_then(Item::as_value_mut)
        .ok_or(EditError::Missing(path))?;
    // Keep the style the user chose: a quoted amount stays quoted.
    let written = if value.is_str() {
        Value::from(price.to_string())
    } else {
        price
            .to_string()
            .parse::<Value>()
            .expect("a decimal is a TOML number")
    };
    replace_keeping_decor(value, written);
    Ok(())
}

fn set_wants(document: &mut DocumentMut, wants: &[String]) {
    let list = Value::Array(wants.iter().map(String::as_str).collect::<Array>());
    let profile = document.entry("profile").or_insert_with(toml_edit::table);
    match profile.get_mut("wants").and_then(Item::as_value_mut) {
        Some(old) => replace_keeping_decor(old, list),
        None => {
            if let Some(table) = profile.as_table_like_mut() {
                table.insert("wants", Item::Value(list));
            }
        }
    }
}

/// Puts `new` where `old` was, with the old spacing and trailing comment.
fn replace_keeping_decor(old: &mut Value, mut new: Value) {
    *new.decor_mut() = old.decor().clone();
    *old = new;
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
