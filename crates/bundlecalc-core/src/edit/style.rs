//! How a value is written back into a file: in the file's own style. Every kind of
//! edit writes its text through here, so a file keeps its line endings, its quoting
//! and its way of writing lists whatever is changed in it.

use rust_decimal::Decimal;

/// The conventions of one file's text, read from the text itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStyle {
    /// `"\r\n"` when the file's first line ends that way, else `"\n"`.
    pub newline: &'static str,
}

impl FileStyle {
    pub fn of(text: &str) -> FileStyle {
        let crlf = text
            .find('\n')
            .is_some_and(|at| at > 0 && text.as_bytes()[at - 1] == b'\r');
        FileStyle {
            newline: if crlf { "\r\n" } else { "\n" },
        }
    }

    /// `text` (written by us, with `\n`) with the file's line endings.
    pub fn lines(&self, text: &str) -> String {
        if self.newline == "\n" {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len() + 8);
        let mut previous = '\0';
        for ch in text.chars() {
            if ch == '\n' && previous != '\r' {
                out.push('\r');
            }
            out.push(ch);
            previous = ch;
        }
        out
    }
}

/// An amount written where `old` (the value's source text) was: a quoted amount
/// stays quoted, with the same quotes; a number stays a number.
pub fn amount(old: &str, value: Decimal) -> String {
    let digits = value.to_string();
    match old.chars().next() {
        Some(quote @ ('"' | '\'')) => format!("{quote}{digits}{quote}"),
        _ => digits,
    }
}

/// A string value, quoted like `like` (a literal `'…'` string when `like` is one
/// and the text allows it), else as a basic `"…"` string.
pub fn string(text: &str, like: Option<&str>) -> String {
    let literal_allowed = !text.contains('\'') && !text.chars().any(char::is_control);
    if like.is_some_and(|l| l.starts_with('\'') && !l.starts_with("'''")) && literal_allowed {
        return format!("'{text}'");
    }
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A key, bare when TOML allows it, else quoted.
pub fn key(name: &str) -> String {
    let bare = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare {
        name.to_string()
    } else {
        string(name, None)
    }
}

/// A one-line list of strings, quoted like `like`.
pub fn string_list(items: &[String], like: Option<&str>) -> String {
    let items: Vec<String> = items.iter().map(|item| string(item, like)).collect();
    format!("[{}]", items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn the_line_ending_is_the_first_line_s() {
        assert_eq!(FileStyle::of("a = 1\r\nb = 2\n").newline, "\r\n");
        assert_eq!(FileStyle::of("a = 1\nb = 2\r\n").newline, "\n");
        assert_eq!(FileStyle::of("a = 1").newline, "\n");
        let crlf = FileStyle::of("x\r\n");
        assert_eq!(crlf.lines("a\nb\r\nc\n"), "a\r\nb\r\nc\r\n");
    }

    #[test]
    fn amounts_keep_their_quotes() {
        let value = Decimal::from_str("19.90").unwrap();
        assert_eq!(amount("19.9", value), "19.90");
        assert_eq!(amount("\"19\"", value), "\"19.90\"");
        assert_eq!(amount("'19'", value), "'19.90'");
    }

    #[test]
    fn strings_and_keys_are_valid_toml() {
        assert_eq!(string("a\"b\\c\u{1b}", None), "\"a\\\"b\\\\c\\u001B\"");
        assert_eq!(string("youku", Some("'x'")), "'youku'");
        assert_eq!(string("it's", Some("'x'")), "\"it's\"");
        assert_eq!(key("taoqi"), "taoqi");
        assert_eq!(key("88vip"), "88vip");
        assert_eq!(key("淘气值"), "\"淘气值\"");
        assert_eq!(
            string_list(&["a".into(), "b".into()], None),
            "[\"a\", \"b\"]"
        );
    }
}
