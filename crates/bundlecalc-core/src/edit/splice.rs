//! Changes made to a file's text at the places its TOML parser reports, so that every
//! byte outside the changed value stays as it was: line endings, a byte-order mark,
//! a missing final newline, comments, tabs and layout.

use std::ops::Range;

use toml_edit::{Array, Document, InlineTable, Item, Table, Value};

use super::style::{self, FileStyle};

/// A parsed text, with the byte spans of everything in it.
pub struct Parsed<'t> {
    text: &'t str,
    document: Document<&'t str>,
}

impl<'t> Parsed<'t> {
    pub fn new(text: &'t str) -> Result<Parsed<'t>, String> {
        let document = Document::parse(text).map_err(|e| e.message().to_string())?;
        Ok(Parsed { text, document })
    }

    /// What is at a path of keys, if anything. In a list (`tiers`, written inline
    /// or as `[[…]]` tables) a key is a 0-based position.
    fn node(&self, path: &[&str]) -> Option<Node<'_>> {
        let mut node = Node::Item(self.document.as_item());
        for key in path {
            let position = || key.parse::<usize>().ok();
            node = match node {
                Node::Item(Item::ArrayOfTables(tables)) => Node::Table(tables.get(position()?)?),
                Node::Item(Item::Value(Value::Array(array))) | Node::Value(Value::Array(array)) => {
                    Node::Value(array.get(position()?)?)
                }
                Node::Item(item) => Node::Item(item.as_table_like()?.get(key)?),
                Node::Table(table) => Node::Item(table.get(key)?),
                Node::Value(Value::InlineTable(table)) => {
                    Node::Item(toml_edit::TableLike::get(table, key)?)
                }
                Node::Value(_) => return None,
            };
        }
        Some(node)
    }

    /// The value at `path`, if what is there is a value.
    fn value_at(&self, path: &[&str]) -> Option<&Value> {
        match self.node(path)? {
            Node::Item(Item::Value(value)) | Node::Value(value) => Some(value),
            _ => None,
        }
    }

    /// The span and source text of the value at `path`.
    pub fn value(&self, path: &[&str]) -> Option<(Range<usize>, &'t str)> {
        let span = self.value_at(path)?.span()?;
        Some((span.clone(), &self.text[span]))
    }

    /// The array at `path`, if the value there is one.
    fn array(&self, path: &[&str]) -> Option<&Array> {
        self.value_at(path)?.as_array()
    }
}

/// A place in a parsed document.
#[derive(Clone, Copy)]
enum Node<'d> {
    Item(&'d Item),
    Table(&'d Table),
    Value(&'d Value),
}

/// `text` with `range` replaced by `new`.
pub fn replace(text: &str, range: Range<usize>, new: &str) -> String {
    let mut out = String::with_capacity(text.len() + new.len());
    out.push_str(&text[..range.start]);
    out.push_str(new);
    out.push_str(&text[range.end..]);
    out
}

/// Sets the list of strings at `table.key` to `items`, changing only what differs:
/// items no longer listed are removed (a line of its own with its comment, in a
/// list written one item a line), new ones are added after the last, in the list's
/// layout. A missing list is added to its table. `None` when `text` is not TOML or
/// the place holds something else than a list.
pub fn set_string_list(text: &str, table: &[&str], key: &str, items: &[String]) -> Option<String> {
    let mut path = table.to_vec();
    path.push(key);
    let mut text = text.to_string();
    let parsed = Parsed::new(&text).ok()?;
    if parsed.node(&path).is_none() {
        let like = None;
        let value = style::string_list(items, like);
        return insert_key(&text, table, key, &value);
    }
    parsed.array(&path)?;
    // One change at a time, each at the places the text parsed anew gives. New
    // items first, so they copy the layout of the last item before it may go.
    for item in items {
        let parsed = Parsed::new(&text).ok()?;
        let array = parsed.array(&path)?;
        if array.iter().any(|value| value.as_str() == Some(item)) {
            continue;
        }
        text = append_item(&text, array, item);
    }
    loop {
        let parsed = Parsed::new(&text).ok()?;
        let array = parsed.array(&path)?;
        let stale = array
            .iter()
            .position(|value| !value.as_str().is_some_and(|s| items.iter().any(|i| i == s)));
        let Some(at) = stale else { break };
        let range = removal(&text, array, at);
        text = replace(&text, range, "");
    }
    Some(text)
}

/// What to cut to remove item `at` of `array`: its whole line when it stands on a
/// line of its own, else the item and the comma that separates it.
fn removal(text: &str, array: &Array, at: usize) -> Range<usize> {
    let spans: Vec<Range<usize>> = array.iter().filter_map(|v| v.span()).collect();
    let item = spans[at].clone();
    let line_start = text[..item.start].rfind('\n').map_or(0, |n| n + 1);
    let before_is_blank = text[line_start..item.start]
        .trim_matches([' ', '\t'])
        .is_empty();
    let after = after_item(text, array, at);
    if before_is_blank && after.ends_line {
        return line_start..after.end;
    }
    // An item that ends a line it shares with what comes before it (`[ "a", # c`):
    // it goes with its comma and comment, and the lines after it stay.
    if after.ends_line {
        return item.start..after.end;
    }
    match (spans.get(at + 1), at.checked_sub(1).map(|p| &spans[p])) {
        (Some(next), _) => item.start..next.start,
        (None, Some(previous)) => previous.end..item.end,
        (None, None) => item.start..after.comma_end.unwrap_or(item.end),
    }
}

/// What follows an item on its line: spaces, perhaps a comma, perhaps a comment.
struct AfterItem {
    /// Just past the comma that follows the item, if one does.
    comma_end: Option<usize>,
    /// Whether only spaces, a comma and a comment follow until the line ends.
    ends_line: bool,
    /// Just past the line's end (or where the item's tail stops when it does not end
    /// the line).
    end: usize,
}

/// What follows item `at` of `array`, from the places the parser gives: the item's
/// suffix ends at its comma, and what lies between the comma and the next item (or
/// the closing bracket) is decor, only blanks, comments and line breaks, so the
/// first line break there ends the item's line.
fn after_item(text: &str, array: &Array, at: usize) -> AfterItem {
    let item = &array.get(at).expect("an item of the array");
    let value_end = item.span().expect("a parsed value has a span").end;
    let suffix_end = item
        .decor()
        .suffix()
        .and_then(|suffix| suffix.span())
        .map_or(value_end, |span| span.end.max(value_end));
    let has_comma = at + 1 < array.len() || array.trailing_comma();
    let comma_end = has_comma.then_some(suffix_end + 1);
    let gap_start = comma_end.unwrap_or(value_end);
    let gap_end = match array.get(at + 1) {
        Some(next) => next.span().expect("a parsed value has a span").start,
        None => array.span().expect("a parsed array has a span").end - 1,
    };
    match text[gap_start..gap_end].find('\n') {
        Some(line_break) => AfterItem {
            comma_end,
            ends_line: true,
            end: gap_start + line_break + 1,
        },
        None => AfterItem {
            comma_end,
            ends_line: false,
            end: gap_start,
        },
    }
}

/// `text` with `item` added at the end of `array`, in the array's layout.
fn append_item(text: &str, array: &Array, item: &str) -> String {
    let file = FileStyle::of(text);
    let span = array.span().expect("a parsed array has a span");
    let spans: Vec<Range<usize>> = array.iter().filter_map(|v| v.span()).collect();
    let like = spans.last().map(|last| &text[last.clone()]);
    let written = style::string(item, like);
    let multi_line = text[span.clone()].contains('\n');
    let Some(last) = spans.last() else {
        // An empty list: the item goes just inside the brackets, or on a line of
        // its own before the closing one.
        let closing = span.end - 1;
        let line_start = text[..closing].rfind('\n').map(|n| n + 1);
        return match line_start {
            Some(at) if multi_line && text[at..closing].trim().is_empty() => {
                replace(text, at..at, &format!("  {written},{}", file.newline))
            }
            _ => replace(text, span.start + 1..span.start + 1, &written),
        };
    };
    if !multi_line {
        return replace(text, last.end..last.end, &format!(", {written}"));
    }
    // One item a line: a new line like the last item's, after its line.
    let indent = indent_of_line(text, last.start);
    let after = after_item(text, array, spans.len() - 1);
    if after.ends_line {
        let line = format!(
            "{indent}{written}{}{}",
            if array.trailing_comma() { "," } else { "" },
            file.newline
        );
        let mut out = text.to_string();
        if after.comma_end.is_none() {
            out = replace(&out, last.end..last.end, ",");
            return replace(&out, after.end + 1..after.end + 1, &line);
        }
        return replace(&out, after.end..after.end, &line);
    }
    replace(text, last.end..last.end, &format!(", {written}"))
}

/// Adds `key = value` (value already written as TOML) to the table at `table`, in
/// the table's style: a line after its last value (a dotted key in a table made of
/// dotted keys), an entry of an inline table, or a new `[table]` at the end of the
/// file when no table of that name is written yet.
pub fn insert_key(text: &str, table: &[&str], key: &str, value: &str) -> Option<String> {
    let parsed = Parsed::new(text).ok()?;
    let file = FileStyle::of(text);
    // Find the deepest table written so far on the way to `table`.
    let mut container = Container::Root(parsed.document.as_table());
    let mut relative: Vec<&str> = Vec::new(); // keys since the last [header] (or the root)
    let mut depth = 0;
    for (at, name) in table.iter().enumerate() {
        let Some(item) = container.get(name) else {
            break;
        };
        container = match item {
            Item::Table(t) if t.is_dotted() => {
                relative.push(name);
                Container::Dotted(t)
            }
            Item::Table(t) if t.is_implicit() => {
                relative.clear();
                Container::Implicit(t)
            }
            Item::Table(t) => {
                relative.clear();
                Container::Header(t)
            }
            Item::Value(Value::InlineTable(t)) => {
                relative.clear();
                Container::Inline(t)
            }
            _ => return None, // a value where a table would be
        };
        depth = at + 1;
    }
    let missing = &table[depth..];
    let dotted_key = |prefix: &[&str]| -> String {
        prefix
            .iter()
            .chain(missing)
            .chain([&key])
            .map(|k| style::key(k))
            .collect::<Vec<_>>()
            .join(".")
    };
    match container {
        Container::Header(t) => {
            let line = format!("{} = {value}", dotted_key(&[]));
            Some(add_line_after(
                text,
                &file,
                last_value_end(t).or(t.span().map(|s| s.end))?,
                &line,
            ))
        }
        Container::Dotted(t) => {
            let line = format!("{} = {value}", dotted_key(&relative));
            Some(add_line_after(text, &file, last_value_end(t)?, &line))
        }
        Container::Inline(t) => {
            let entry = format!("{} = {value}", dotted_key(&[]));
            let span = t.span()?;
            let last = t.iter().filter_map(|(_, v)| v.span()).map(|s| s.end).max();
            Some(match last {
                Some(end) => replace(text, end..end, &format!(", {entry}")),
                None => replace(text, span.clone(), &format!("{{ {entry} }}")),
            })
        }
        Container::Root(_) | Container::Implicit(_) => {
            let header: Vec<String> = table.iter().map(|k| style::key(k)).collect();
            let section = format!(
                "[{}]{nl}{} = {value}",
                header.join("."),
                style::key(key),
                nl = file.newline
            );
            // A table made only by its sub-tables' headers (`[profile.facts]`
            // makes `profile`) gets its own header just before the first of them.
            let first_sub = match container {
                Container::Implicit(t) if missing.is_empty() => first_header_start(t),
                _ => None,
            };
            Some(match first_sub {
                Some(at) => {
                    // Never before a byte-order mark.
                    let at = above_comments(text, at)
                        .max(text.len() - text.trim_start_matches('\u{feff}').len());
                    replace(
                        text,
                        at..at,
                        &format!("{section}{nl}{nl}", nl = file.newline),
                    )
                }
                None => add_section_at_end(text, &file, &section),
            })
        }
    }
}

/// A table on the way to the place a key is added.
enum Container<'d> {
    Root(&'d Table),
    Header(&'d Table),
    Dotted(&'d Table),
    Inline(&'d InlineTable),
    /// Made by a sub-table's header (`[profile.facts]` makes `profile`): it has no
    /// place of its own, so a key is added under a new header at the end.
    Implicit(&'d Table),
}

impl<'d> Container<'d> {
    fn get(&self, key: &str) -> Option<&'d Item> {
        match self {
            Container::Root(t)
            | Container::Header(t)
            | Container::Dotted(t)
            | Container::Implicit(t) => t.get(key),
            Container::Inline(t) => toml_edit::TableLike::get(*t, key),
        }
    }
}

/// Where the first header of `t`'s sub-tables (at any depth) starts, if any has one.
fn first_header_start(t: &Table) -> Option<usize> {
    t.iter()
        .filter_map(|(key, _)| match t.get(key)? {
            Item::Table(sub) if sub.is_implicit() || sub.is_dotted() => first_header_start(sub),
            Item::Table(sub) => sub.span().map(|s| s.start),
            _ => None,
        })
        .min()
}

/// The start of the line holding byte `at`, moved up over the comment lines just
/// above it: they belong to the header that follows them.
fn above_comments(text: &str, at: usize) -> usize {
    let mut start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    while start > 0 {
        let above = text[..start - 1].rfind('\n').map_or(0, |n| n + 1);
        if !text[above..start].trim_start().starts_with('#') {
            break;
        }
        start = above;
    }
    start
}

/// Where the last value written in table `t` ends (its dotted keys included, its
/// sub-tables with headers of their own not).
fn last_value_end(t: &Table) -> Option<usize> {
    let ends = t.iter().filter_map(|(key, _)| match t.get(key)? {
        Item::Value(v) => v.span().map(|s| s.end),
        Item::Table(sub) if sub.is_dotted() => last_value_end(sub),
        _ => None,
    });
    ends.max()
}

/// The spaces and tabs that start the line holding byte `at`.
fn indent_of_line(text: &str, at: usize) -> &str {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let line = &text[line_start..];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// `text` with `line` on a new line after the line holding byte `at`.
fn add_line_after(text: &str, file: &FileStyle, at: usize, line: &str) -> String {
    let indent = indent_of_line(text, at);
    let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
    // Before the line's `\r\n`, so that the new line takes the old line's ending.
    let end = if end > at && text.as_bytes()[end - 1] == b'\r' && end < text.len() {
        end - 1
    } else {
        end
    };
    replace(text, end..end, &format!("{}{indent}{line}", file.newline))
}

/// `text` with a new section at its end, after a blank line; a file that ended
/// without a final newline still does.
fn add_section_at_end(text: &str, file: &FileStyle, section: &str) -> String {
    let mut out = text.to_string();
    let ends_with_newline = text.ends_with('\n');
    let trimmed_is_empty = text.trim_start_matches('\u{feff}').trim().is_empty();
    if !trimmed_is_empty {
        if !ends_with_newline {
            out.push_str(file.newline);
        }
        out.push_str(file.newline);
    }
    out.push_str(section);
    if ends_with_newline || trimmed_is_empty {
        out.push_str(file.newline);
    }
    out
}
