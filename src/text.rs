//! Text measured in terminal cells: CJK and other wide characters count 2.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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
