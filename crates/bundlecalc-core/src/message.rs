//! A text for people as data: the key of its wording and its named facts. The
//! loader's problems, their suggestions and the errors of amounts, edits and
//! changes are `Message`s; the program words them in one place, in the language
//! asked, from its locale files. Nothing here knows a word of any language.

use std::borrow::Cow;
use std::fmt::Display;

/// A message: which text (`key`, such as `load.unknown_service`) and the facts
/// it names (`id = "qq_muisc"`), each filling `%{name}` in the wording.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Message {
    pub key: Cow<'static, str>,
    /// In the order given; a name appears at most once.
    pub facts: Vec<(&'static str, Fact)>,
}

/// One named fact of a message.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Fact {
    /// Written as it is: an id, a number, a key path, a value from the file.
    Text(String),
    /// A message of its own, worded in the same language ("in service `a`",
    /// "a list", why a number is refused).
    Message(Message),
}

impl Message {
    /// The message `key` with no facts yet.
    pub fn new(key: impl Into<Cow<'static, str>>) -> Self {
        Message {
            key: key.into(),
            facts: Vec::new(),
        }
    }

    /// With the fact `name` as well.
    pub fn with(mut self, name: &'static str, value: &(impl IntoFact + ?Sized)) -> Self {
        self.facts.push((name, value.fact()));
        self
    }

    /// `count` things as message `key` says them: `KEY_one` for one ("1
    /// bundle"), else `KEY` with the fact `count` ("3 bundles").
    pub fn counted(count: usize, key: &str) -> Self {
        if count == 1 {
            Message::new(format!("{key}_one"))
        } else {
            Message::new(key.to_string()).with("count", &count)
        }
    }

    /// The fact `name`, if the message has it.
    pub fn fact(&self, name: &str) -> Option<&Fact> {
        self.facts.iter().find(|(n, _)| *n == name).map(|(_, f)| f)
    }
}

/// What can be a fact of a message: anything written as it is (`Display`), or a
/// message worded in turn.
pub trait IntoFact {
    fn fact(&self) -> Fact;
}

impl<T: Display + ?Sized> IntoFact for T {
    fn fact(&self) -> Fact {
        Fact::Text(self.to_string())
    }
}

impl IntoFact for Message {
    fn fact(&self) -> Fact {
        Fact::Message(self.clone())
    }
}

impl IntoFact for Fact {
    fn fact(&self) -> Fact {
        self.clone()
    }
}

/// Whole digits grouped by thousands, as messages and reports write big
/// numbers: `8388608` as `8,388,608`.
pub fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (at, digit) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `msg!("key", name = value, …)`: the `Message` with key `key` and each value as
/// its named fact (see `IntoFact`).
#[macro_export]
macro_rules! msg {
    ($key:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::message::Message::new($key)$(.with(stringify!($name), &$value))*
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_keep_their_names_and_nested_messages() {
        let place = crate::msg!("item.in", kind = Message::new("item.service"), id = "a");
        let message = crate::msg!("load.unknown_key", key = "prise", place = place);
        assert_eq!(message.key, "load.unknown_key");
        assert_eq!(message.fact("key"), Some(&Fact::Text("prise".into())));
        assert_eq!(message.fact("place"), Some(&Fact::Message(place)));
        assert_eq!(
            Message::counted(1, "count.problems").key,
            "count.problems_one"
        );
        assert_eq!(
            Message::counted(3, "count.problems").fact("count"),
            Some(&Fact::Text("3".into()))
        );
    }
}
