//! How the loader names places and values in its messages, and finds keys in the
//! parsed tree. A leaf: it knows the tree's types, nothing of the walk.

use std::borrow::Cow;
use std::fmt::{self, Display};

use crate::message::{Fact, IntoFact, Message};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A key of the parsed tree, with its span.
pub type Key<'i> = Spanned<Cow<'i, str>>;
/// A value of the parsed tree, with its span.
pub type Node<'i> = Spanned<DeValue<'i>>;

/// `services.ID.KEY` in backticks, written only when a problem is reported.
#[derive(Clone, Copy)]
pub struct KeyPath<'a>(pub &'a str, pub &'a str, pub &'a str);

impl Display for KeyPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}.{}.{}`", self.0, self.1, self.2)
    }
}

/// "in service `ID`" (or, bare, "service `ID`"), a message made only when a problem is reported.
#[derive(Clone, Copy)]
pub struct InItem<'a>(pub &'a str, pub &'a str);

impl<'a> InItem<'a> {
    pub fn bare(self) -> Bare<'a> {
        Bare(self)
    }
}

impl IntoFact for InItem<'_> {
    fn fact(&self) -> Fact {
        let kind = Message::new(item_key(self.0));
        Fact::Message(crate::msg!("item.in", kind = kind, id = self.1))
    }
}

/// The message key naming a kind of item ("service", "a tier of bundle").
fn item_key(kind: &str) -> String {
    format!("item.{}", kind.replace(['`', ' '], "_"))
}

/// An `InItem` without its "in".
#[derive(Clone, Copy)]
pub struct Bare<'a>(InItem<'a>);

impl IntoFact for Bare<'_> {
    fn fact(&self) -> Fact {
        let kind = Message::new(item_key(self.0.0));
        Fact::Message(crate::msg!("item.bare", kind = kind, id = self.0.1))
    }
}

/// Looks a key up in a table, keeping the key's span.
pub fn field<'a, 'i>(table: &'a DeTable<'i>, name: &str) -> Option<(&'a Key<'i>, &'a Node<'i>)> {
    table.iter().find(|(key, _)| key.get_ref() == name)
}

/// "a boolean", "a list"...: a value's kind, for messages.
pub fn describe(value: &DeValue<'_>) -> Message {
    let kind = match value {
        DeValue::String(_) => "string",
        DeValue::Integer(_) => "integer",
        DeValue::Float(_) => "float",
        DeValue::Boolean(_) => "boolean",
        DeValue::Datetime(_) => "date",
        DeValue::Array(_) => "list",
        DeValue::Table(_) => "table",
    };
    Message::new(format!("type.{kind}"))
}
