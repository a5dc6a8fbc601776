//! Text measured in terminal cells: CJK and other wide characters count 2.

use std::borrow::Cow;
use std::fmt::Write as _;

use bundlecalc_core::model::Catalog;
use bundlecalc_core::model::offer::{ChangeMark, Include};

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

/// `catalog` as text for people is written from: every name, id, note and
/// label with its control characters escaped (`printable`), except the
/// line breaks of a note, which show as lines. Borrowed when nothing needs
/// escaping, as in every ordinary file.
pub fn for_people(catalog: &Catalog) -> Cow<'_, Catalog> {
    let clean = |text: &str| matches!(printable(text), Cow::Borrowed(_));
    let clean_note = |note: &Option<String>| note.as_deref().is_none_or(clean);
    let clean_marks = |marks: &[ChangeMark]| marks.iter().all(|m| clean(&m.id) && clean(&m.name));
    // A note's line breaks stay: whoever shows it shows its lines.
    let note_shown = |note: &mut String| *note = printable_lines(note).join("\n");
    let all_clean = catalog.services.iter().all(|s| {
        clean(&s.id)
            && clean(&s.name)
            && clean_note(&s.note)
            && s.seen.source().is_none_or(clean)
            && clean_marks(&s.changes)
            && s.label.as_deref().is_none_or(clean)
            && s.other_prices
                .iter()
                .all(|w| clean_note(&w.label) && w.seen.source().is_none_or(clean))
            && s.value.as_ref().is_none_or(|b| clean(&b.fact))
    }) && catalog.changes.iter().all(|c| {
        clean(&c.id)
            && clean(&c.name)
            && clean_note(&c.note)
            && c.seen.source().is_none_or(clean)
            && clean_note(&c.label)
    }) && catalog.bundles.iter().all(|b| {
        clean(&b.id)
            && clean(&b.name)
            && clean_note(&b.note)
            && b.seen.source().is_none_or(clean)
            && clean_marks(&b.changes)
            && b.includes.iter().all(|include| match include {
                Include::OneOf {
                    label: Some(label), ..
                } => clean(label),
                _ => true,
            })
    }) && catalog
        .people
        .iter()
        .all(|p| clean(&p.id) && clean(&p.name))
        && clean(&catalog.currency);
    if all_clean {
        return Cow::Borrowed(catalog);
    }
    let shown = |text: &mut String| *text = printable(text).into_owned();
    let shown_marks = |marks: &mut [ChangeMark]| {
        for mark in marks {
            shown(&mut mark.id);
            shown(&mut mark.name);
        }
    };
    let mut copy = catalog.clone();
    shown(&mut copy.currency);
    for change in &mut copy.changes {
        shown(&mut change.id);
        shown(&mut change.name);
        change.note.as_mut().map(note_shown);
        change.seen.source_mut().map(shown);
        change.label.as_mut().map(shown);
    }
    for service in &mut copy.services {
        shown(&mut service.id);
        shown(&mut service.name);
        service.note.as_mut().map(note_shown);
        service.seen.source_mut().map(shown);
        shown_marks(&mut service.changes);
        if let Some(label) = &mut service.label {
            *label = printable(label).into();
        }
        for way in &mut service.other_prices {
            way.label.as_mut().map(shown);
            way.seen.source_mut().map(shown);
        }
        if let Some(benefit) = &mut service.value {
            shown(&mut benefit.fact);
        }
    }
    for bundle in &mut copy.bundles {
        shown(&mut bundle.id);
        shown(&mut bundle.name);
        bundle.note.as_mut().map(note_shown);
        bundle.seen.source_mut().map(shown);
        shown_marks(&mut bundle.changes);
        for include in &mut bundle.includes {
            if let Include::OneOf {
                label: Some(label), ..
            } = include
            {
                shown(label);
            }
        }
    }
    for person in &mut copy.people {
        shown(&mut person.id);
        shown(&mut person.name);
    }
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

/// `text` broken into lines of at most `width` cells: at spaces where it can, inside
/// a word only when the word alone is wider than a line.
pub fn wrap_to_width(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = display_width(&line) + usize::from(!line.is_empty()) + display_width(word);
        if needed <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word wider than a line is cut at character boundaries.
        for ch in word.chars() {
            if display_width(&line) + ch.width().unwrap_or(0) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(ch);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
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
        assert_eq!(
            wrap_to_width("淘宝88VIP 会员", 5),
            ["淘宝8", "8VIP", "会员"]
        );
        assert_eq!(wrap_to_width("", 5), [""]);
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
