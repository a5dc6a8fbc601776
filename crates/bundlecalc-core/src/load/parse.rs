//! The first step of loading: the whole text through the toml crate, once, keeping
//! the span of every key and value (docs/reference/file-format.md, "Amounts"). No code of ours reads TOML's grammar.

use toml::Spanned;
use toml::de::DeTable;

use crate::diagnostic::Diagnostic;
use crate::message::{Message, group_digits};

/// The largest bundles file read, in bytes (8 MiB, about 50,000 bundles; docs/reference/file-format.md, "Amounts").
/// The parser's tree costs about 40 times the text, so this keeps the worst case
/// near a third of a gigabyte, where real files are kilobytes.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// The text as a TOML tree, or the problem that stops it from being one: a file
/// over `MAX_FILE_BYTES` (refused before it is parsed) or a syntax error, with its
/// place.
pub fn document(text: &str) -> Result<Spanned<DeTable<'_>>, Diagnostic> {
    if text.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::without_place(file_too_large(text.len() as u64)));
    }
    DeTable::parse(text).map_err(|error| syntax_error(&error))
}

/// "the file is 8.01 MiB (8,400,000 bytes); …over 8 MiB (8,388,608 bytes) are refused".
pub fn file_too_large(size: u64) -> Message {
    // Hundredths of a MiB, rounded down, except that a file over the limit never
    // reads as exactly the limit.
    let limit_hundredths = (MAX_FILE_BYTES / (1024 * 1024) * 100) as u64;
    let mut hundredths = size * 100 / (1024 * 1024);
    if size > MAX_FILE_BYTES as u64 && hundredths <= limit_hundredths {
        hundredths = limit_hundredths + 1;
    }
    crate::msg!(
        "load.file_too_large",
        size = format!("{}.{:02}", hundredths / 100, hundredths % 100),
        bytes = group_digits(&size.to_string()),
        limit = MAX_FILE_BYTES / (1024 * 1024),
        limit_bytes = group_digits(&MAX_FILE_BYTES.to_string())
    )
}

/// For a file whose size is known only by reading it (a pipe, a device) and
/// that went on past the limit.
pub fn read_too_large() -> Message {
    crate::msg!(
        "load.read_too_large",
        limit = MAX_FILE_BYTES / (1024 * 1024),
        limit_bytes = group_digits(&MAX_FILE_BYTES.to_string())
    )
}

/// A TOML syntax error as a problem of the file.
fn syntax_error(error: &toml::de::Error) -> Diagnostic {
    Diagnostic::new(
        crate::msg!("load.not_toml", why = error.message().trim_end()),
        error.span().unwrap_or(0..0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_said_in_mebibytes_and_bytes() {
        assert_eq!(group_digits("8388608"), "8,388,608");
        assert_eq!(group_digits("999"), "999");
        assert_eq!(
            file_too_large(MAX_FILE_BYTES as u64 + 1),
            crate::msg!(
                "load.file_too_large",
                size = "8.01",
                bytes = "8,388,609",
                limit = 8,
                limit_bytes = "8,388,608"
            )
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_unparsed() {
        let text = "#".repeat(MAX_FILE_BYTES + 1);
        let problem = document(&text).unwrap_err();
        assert!(problem.span.is_none());
        assert_eq!(problem.message, file_too_large(MAX_FILE_BYTES as u64 + 1));
        assert!(document(&"#".repeat(MAX_FILE_BYTES)).is_ok());
    }
}
