//! Text measured in terminal cells: CJK and other wide characters count 2.

use std::borrow::Cow;
use std::fmt::Write as _;

use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::offer::Include;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` safe to show to a person on a terminal: control characters (ESC, BEL,
/// CR, tabs, newlines, DEL, C1) and the bidirectional overrides that reorder what
/// is shown are written as escapes (`\n`, `\t`, `\u{1b}`), so a name in a shared
/// file can neither drive the terminal nor break a table's columns.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        match ch {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The lines of `text` (a note may have several), each safe to show as
/// `printable` makes it: a line break (`\n` or `\r\n`) starts a new line, and
/// every other control character stays escaped.
pub fn printable_lines(text: &str) -> Vec<String> {
    text.split('\n')
        .map(|line| printable(line.strip_suffix('\r').unwrap_or(line)).into_owned())
        .collect()
}

/// Calls `$visit(text, is_note)` on every text of a catalogue that people
/// read (names, ids, notes, labels, sources, facts, the currency): the one list
/// of them. `each_text!(ref catalog, …)` hands each on as `&str`,
/// `each_text!(mut catalog, …)` as `&mut String`.
macro_rules! each_text {
    (ref $catalog:expr, $visit:expr) => {
        each_text!(@ $catalog, $visit, as_deref, iter, source, text_ref, boxed_ref)
    };
    (mut $catalog:expr, $visit:expr) => {
        each_text!(@ $catalog, $visit, as_mut, iter_mut, source_mut, text_mut, boxed_mut)
    };
    (@ $catalog:expr, $visit:expr, $as:ident, $iter:ident, $source:ident, $text:ident, $boxed:ident) => {{
        let catalog = $catalog;
        let visit = &mut $visit;
        visit($text!(catalog.currency), false);
        for change in catalog.changes.$iter() {
            visit($text!(change.id), false);
            visit($text!(change.name), false);
            if let Some(note) = change.note.$as() {
                visit(note, true);
            }
            if let Some(source) = change.seen.$source() {
                visit(source, false);
            }
            if let Some(label) = change.label.$as() {
                visit(label, false);
            }
        }
        for service in catalog.services.$iter() {
            visit($text!(service.id), false);
            visit($text!(service.name), false);
            if let Some(note) = service.note.$as() {
                visit(note, true);
            }
            if let Some(source) = service.seen.$source() {
                visit(source, false);
            }
            if let Some(label) = service.label.$as() {
                $boxed!(label, |text| visit(text, false));
            }
            for mark in service.changes.$iter() {
                visit($text!(mark.id), false);
                visit($text!(mark.name), false);
            }
            for way in service.other_prices.$iter() {
                if let Some(label) = way.label.$as() {
                    visit(label, false);
                }
                if let Some(source) = way.seen.$source() {
                    visit(source, false);
                }
            }
            if let Some(benefit) = service.value.$as() {
                visit($text!(benefit.fact), false);
            }
        }
        for bundle in catalog.bundles.$iter() {
            visit($text!(bundle.id), false);
            visit($text!(bundle.name), false);
            if let Some(note) = bundle.note.$as() {
                visit(note, true);
            }
            if let Some(source) = bundle.seen.$source() {
                visit(source, false);
            }
            for mark in bundle.changes.$iter() {
                visit($text!(mark.id), false);
                visit($text!(mark.name), false);
            }
            for include in bundle.includes.$iter() {
                if let Include::OneOf {
                    label: Some(label), ..
                } = include
                {
                    visit($text!(*label), false);
                }
            }
        }
        for person in catalog.people.$iter() {
            visit($text!(person.id), false);
            visit($text!(person.name), false);
        }
    }};
}

/// A `String` field as `each_text!(ref …)` hands it on.
macro_rules! text_ref {
    ($field:expr) => {
        $field.as_str()
    };
}

/// A `String` field as `each_text!(mut …)` hands it on.
macro_rules! text_mut {
    ($field:expr) => {
        &mut $field
    };
}

/// A `Box<str>` field as `each_text!(ref …)` hands it on.
macro_rules! boxed_ref {
    ($field:expr, $visit:expr) => {
        $visit($field)
    };
}

/// A `Box<str>` field as `each_text!(mut …)` hands it on: as a `String`, put back.
macro_rules! boxed_mut {
    ($field:expr, $visit:expr) => {{
        let mut text = $field.to_string();
        $visit(&mut text);
        *$field = text.into();
    }};
}

/// `catalog` as text for people is written from: every name, id, note and
/// label with its control characters escaped (`printable`), except the
/// line breaks of a note, which show as lines. Borrowed when nothing needs
/// escaping, as in every ordinary file.
pub fn for_people(catalog: &Catalog) -> Cow<'_, Catalog> {
    let mut all_clean = true;
    each_text!(ref catalog, |text: &str, _note: bool| {
        all_clean &= matches!(printable(text), Cow::Borrowed(_));
    });
    if all_clean {
        return Cow::Borrowed(catalog);
    }
    let mut copy = catalog.clone();
    each_text!(
        mut &mut copy,
        |text: &mut String, note: bool| {
            // A note's line breaks stay: whoever shows it shows its lines.
            *text = if note {
                printable_lines(text).join("\n")
            } else {
                printable(text).into_owned()
            };
        }
    );
    Cow::Owned(copy)
}

/// Whether `ch` must not reach a terminal as it is.
fn needs_escape(ch: char) -> bool {
    ch.is_control() || matches!(ch, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The number of terminal cells `text` occupies.
pub fn display_width(text: &str) -> usize {
    text.width()
}

/// `text` cut to at most `max_width` cells, ending in `…` when anything was cut.
/// Cuts only at character boundaries, so a wide character is never split.
pub fn truncate_to_width(text: &str, max_width: usize) -> String {
    if display_width(text) <= max_width {
        return text.to_string();
    }
    if max_width == 0 {
        return String::new();
    }
    let budget = max_width - 1; // room for the ellipsis
    let mut kept = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let width = ch.width().unwrap_or(0);
        if used + width > budget {
            break;
        }
        used += width;
        kept.push(ch);
    }
    kept.push('…');
    kept
}

/// `text` broken into lines of at most `width` cells by the textwrap crate:
/// at spaces, and where the Unicode line breaking rules allow a break next to
/// a wide (Chinese) character, so never before `，` or `。`; a path or an id
/// such as `docs/a-b.md` is broken only when it alone is wider than a line.
pub fn wrap_to_width(text: &str, width: usize) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1))
        .word_separator(textwrap::WordSeparator::Custom(words_of))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    let lines: Vec<String> = textwrap::wrap(text, options)
        .into_iter()
        .map(Cow::into_owned)
        .collect();
    if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    }
}

/// The words of `line` for wrapping: the pieces between the line breaks the
/// Unicode rules allow (UAX #14), joined again where the break would fall
/// between two narrow characters with no space, as in `docs/research`.
fn words_of(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    let wide = |ch: Option<char>| ch.is_some_and(|c| c.width().unwrap_or(0) > 1);
    let mut words = Vec::new();
    let mut start = 0;
    let mut at = 0;
    for piece in textwrap::WordSeparator::UnicodeBreakProperties.find_words(line) {
        at += piece.word.len() + piece.whitespace.len();
        let before = line[..at].chars().next_back();
        let after = line[at..].chars().next();
        if !piece.whitespace.is_empty() || wide(before) || wide(after) || after.is_none() {
            words.push(textwrap::core::Word::from(&line[start..at]));
            start = at;
        }
    }
    if start < line.len() {
        words.push(textwrap::core::Word::from(&line[start..]));
    }
    Box::new(words.into_iter())
}

/// `text` padded with spaces to `width` cells, on the right (`Align::Left`) or the left.
pub fn pad(text: &str, width: usize, align: Align) -> String {
    let fill = " ".repeat(width.saturating_sub(display_width(text)));
    match align {
        Align::Left => format!("{text}{fill}"),
        Align::Right => format!("{fill}{text}"),
    }
}

/// Where a cell's text sits inside its column.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(printable("QQ音乐"), Cow::Borrowed("QQ音乐"));
        assert_eq!(printable("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(
            printable("\t\r\n\u{7}\u{7f}\u{9b}"),
            "\\t\\r\\n\\u{7}\\u{7f}\\u{9b}"
        );
        assert_eq!(printable("\u{202e}evil"), "\\u{202e}evil");
        for ch in (0u32..0x20).chain(0x7f..0xa0) {
            let shown = printable(&char::from_u32(ch).unwrap().to_string()).into_owned();
            assert!(shown.chars().all(|c| !c.is_control()), "{ch:#x}");
        }
    }

    #[test]
    fn line_breaks_make_lines_and_other_controls_stay_escaped() {
        assert_eq!(printable_lines("one\ntwo"), ["one", "two"]);
        assert_eq!(printable_lines("a\r\nb\rc\t"), ["a", "b\\rc\\t"]);
        assert_eq!(printable_lines("plain"), ["plain"]);
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_never_overflows() {
        assert_eq!(wrap_to_width("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap_to_width("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        // Between Chinese characters, never inside "88VIP" while it fits.
        assert_eq!(
            wrap_to_width("淘宝88VIP 会员", 5),
            ["淘宝", "88VIP", "会员"]
        );
        // Never before a Chinese comma or full stop.
        assert_eq!(
            wrap_to_width("会员价格，每年", 6),
            ["会员价", "格，每", "年"]
        );
        assert_eq!(wrap_to_width("会员价，每年", 6), ["会员", "价，每", "年"]);
        assert_eq!(wrap_to_width("", 5), [""]);
        // A path breaks only when it alone is wider than a line.
        assert_eq!(
            wrap_to_width("seen in docs/research/a-b.md today", 22),
            ["seen in", "docs/research/a-b.md", "today"]
        );
        for line in wrap_to_width("网易云音乐黑胶 VIP is a long name indeed", 9) {
            assert!(display_width(&line) <= 9, "{line}");
        }
    }

    #[test]
    fn cjk_counts_two_cells() {
        assert_eq!(display_width("QQ音乐"), 6);
        assert_eq!(pad("淘宝", 6, Align::Left), "淘宝  ");
        assert_eq!(pad("88", 4, Align::Right), "  88");
    }

    #[test]
    fn truncation_never_splits_a_wide_character() {
        assert_eq!(truncate_to_width("淘宝88VIP", 4), "淘…");
        assert_eq!(truncate_to_width("淘宝88VIP", 5), "淘宝…");
        assert_eq!(truncate_to_width("淘宝88VIP", 9), "淘宝88VIP");
        assert_eq!(truncate_to_width("abc", 1), "…");
        assert_eq!(truncate_to_width("abc", 0), "");
        assert!(display_width(&truncate_to_width("网易云音乐黑胶VIP", 7)) <= 7);
    }
}
