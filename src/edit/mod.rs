//! Changing values in a bundles file's text while keeping every other byte: comments,
//! key order, spacing, quoting, line endings, a byte-order mark and a missing final
//! newline stay exactly as the user wrote them. `style` decides how a value is
//! written, `splice` where it goes.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::load::{WHOLE_FILE_LIMIT, pieces};

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
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EditError {
    #[error("{}", crate::tr!("err.not_toml", why = _0))]
    NotToml(String),
    #[error("{}", crate::tr!("err.missing", place = _0))]
    Missing(String),
}

/// `text` with `edits` applied, in order. Only the edited values change.
pub fn apply_edits(text: &str, edits: &[Edit]) -> Result<String, EditError> {
    if text.len() > WHOLE_FILE_LIMIT
        && let Some(edited) = apply_in_pieces(text, edits, PIECE_BYTES)
    {
        return Ok(edited);
    }
    apply_to_document(text, edits)
}

/// The size of the pieces a large file is edited in.
const PIECE_BYTES: usize = 64 * 1024;

/// `apply_edits` on the whole text as one document.
pub fn apply_to_document(text: &str, edits: &[Edit]) -> Result<String, EditError> {
    let mut text = text.to_string();
    for edit in edits {
        text = match edit_text(&text, None, edit) {
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

/// `apply_edits` on a large file, parsing only the pieces (as the loader cuts them,
/// of at least `piece_bytes`) that hold what is edited: the editing parser's tree
/// is about 50 times its text, so a whole large file would take gigabytes. `None`
/// when the file cannot be cut or an edit's place is not found in one piece; the
/// whole document is edited then.
pub fn apply_in_pieces(text: &str, edits: &[Edit], piece_bytes: usize) -> Option<String> {
    let pieces = pieces(text, piece_bytes)?;
    let mut edited: BTreeMap<usize, String> = BTreeMap::new();
    for edit in edits {
        let (at, new_text) = pieces.iter().enumerate().find_map(|(at, piece)| {
            let current = edited
                .get(&at)
                .map_or(&text[piece.range.clone()], String::as_str);
            if !current.contains(edit.key_text()) {
                return None; // cannot hold it: no need to parse it
            }
            edit_in_place(current, piece.items_of.as_deref(), edit).map(|new| (at, new))
        })?;
        edited.insert(at, new_text);
    }
    let mut out = String::with_capacity(text.len() + 64);
    for (at, piece) in pieces.iter().enumerate() {
        out.push_str(
            edited
                .get(&at)
                .map_or(&text[piece.range.clone()], String::as_str),
        );
    }
    Some(out)
}

impl Edit {
    /// A text any place that holds the edited value contains.
    fn key_text(&self) -> &str {
        match self {
            Edit::ServicePrice { id, .. }
            | Edit::BundlePrice { id, .. }
            | Edit::TierPrice { id, .. }
            | Edit::WayPrice { id, .. }
            | Edit::BenefitRate { id, .. } => id,
            Edit::Wants(_) => "wants",
            Edit::Fact { name, .. } => name,
            Edit::Picks { bundle, .. } => bundle,
        }
    }

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

/// `text` (the whole file, or with `items_of` the items of its `[services]` or
/// `[bundles]` table) with `edit` made where the value already is; `None` when it
/// is not there.
fn edit_in_place(text: &str, items_of: Option<&str>, edit: &Edit) -> Option<String> {
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
    // In the items of `[services]` or `[bundles]`, paths start at the item.
    let path = match items_of {
        None => &path[..],
        Some(items) if items == path[0] => &path[1..],
        Some(_) => return None,
    };
    let parsed = Parsed::new(text).ok()?;
    let (span, old) = parsed.value(path)?;
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
fn edit_text(text: &str, items_of: Option<&str>, edit: &Edit) -> Option<String> {
    edit_in_place(text, items_of, edit).or_else(|| match edit {
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
    fn editing_by_pieces_writes_what_editing_the_whole_document_writes() {
        use crate::synthetic::{Layout, catalogue_in};
        let edits = [
            Edit::ServicePrice {
                id: "s2".into(),
                price: dec("9.99"),
            },
            Edit::BundlePrice {
                id: "b7".into(),
                price: dec("1234.5"),
            },
            Edit::Wants(vec!["s1".into(), "s3".into()]),
            Edit::ServicePrice {
                id: "s2".into(),
                price: dec("10"),
            },
        ];
        let texts = [
            FILE.to_string(),
            catalogue_in(Layout::Tables, 40, 12, 3),
            catalogue_in(Layout::Grouped, 40, 12, 3),
        ];
        for text in &texts {
            let whole = apply_to_document(text, &edits);
            for piece_bytes in [1, 100, 1_000, 100_000] {
                match apply_in_pieces(text, &edits, piece_bytes) {
                    Some(by_pieces) => assert_eq!(Ok(by_pieces), whole, "pieces of {piece_bytes}"),
                    // Only when an edit's place is not in the file: FILE has no s2.
                    None => assert!(whole.is_err(), "pieces of {piece_bytes}"),
                }
            }
        }
        // And an edit in the generated files does change them.
        let edited = apply_in_pieces(&texts[2], &edits, 1).unwrap();
        assert!(
            edited.contains("s2 = { name = \"Service 2\", price = \"10\","),
            "{edited}"
        );
        assert!(edited.contains("b7.price = 1234.5\n"));
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
