//! When and where a price was seen (docs/reference/file-format.md, "When a price was seen"), as the file says: a leaf the
//! catalogue's offers and ways to buy hold.

/// When a price was last seen and where (docs/reference/file-format.md, "When a price was seen"): `as_of` a calendar date,
/// `source` free text, each optional. (Boxed, and nothing when neither is given:
/// most prices have neither, and a catalogue can hold millions.)
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seen(Option<Box<SeenAt>>);

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct SeenAt {
    as_of: Option<time::Date>,
    source: Option<String>,
}

impl Seen {
    pub fn new(as_of: Option<time::Date>, source: Option<String>) -> Seen {
        let mut seen = Seen::default();
        seen.set_as_of(as_of);
        seen.set_source(source);
        seen
    }

    /// The day the price was last seen.
    pub fn as_of(&self) -> Option<time::Date> {
        self.0.as_ref().and_then(|at| at.as_of)
    }

    /// Where the price was seen, as written.
    pub fn source(&self) -> Option<&str> {
        self.0.as_ref().and_then(|at| at.source.as_deref())
    }

    /// `as_of` as `YYYY-MM-DD`, the way JSON and people read it.
    pub fn as_of_text(&self) -> Option<String> {
        self.as_of().map(date_text)
    }

    pub fn set_as_of(&mut self, as_of: Option<time::Date>) {
        if as_of.is_some() || self.0.is_some() {
            self.0.get_or_insert_default().as_of = as_of;
        }
    }

    pub fn set_source(&mut self, source: Option<String>) {
        if source.is_some() || self.0.is_some() {
            self.0.get_or_insert_default().source = source;
        }
    }

    /// The source, to rewrite it for people.
    pub fn source_mut(&mut self) -> Option<&mut String> {
        self.0.as_mut().and_then(|at| at.source.as_mut())
    }
}

/// A date as `YYYY-MM-DD`.
pub fn date_text(date: time::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}
