//! Problems found in a bundles file, and how they are shown: rustc-style, with the
//! file, line and column, the offending line and a caret under the span.

use std::fmt::Write as _;
use std::ops::Range;

use crate::text::{display_width, printable};

/// One problem in a file: what is wrong, where, and perhaps how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    /// Byte range in the file's text; `None` when the problem has no single place.
    pub span: Option<Range<usize>>,
    /// A suggestion, such as "did you mean `qq_music`?".
    pub help: Option<String>,
    /// On the note that ends a list cut short: how many problems were left out.
    pub left_out: usize,
}

impl Diagnostic {
    pub fn new(message: impl Into<String>, span: Range<usize>) -> Self {
        Diagnostic {
            message: message.into(),
            span: Some(span),
            help: None,
            left_out: 0,
        }
    }

    pub fn without_place(message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            span: None,
            help: None,
            left_out: 0,
        }
    }

    pub fn with_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    /// 1-based line and column (in characters) of the start of the span.
    pub fn line_col(&self, text: &str) -> Option<(usize, usize)> {
        self.span.as_ref().map(|span| line_col(text, span.start))
    }

    /// `FILE:LINE:COL: message`, on one line, for banners and status bars.
    pub fn one_line(&self, file_name: &str, text: &str) -> String {
        match self.line_col(text) {
            Some((line, col)) => format!("{file_name}:{line}:{col}: {}", self.message),
            None => format!("{file_name}: {}", self.message),
        }
    }

    /// The full report: `error: ...`, `--> FILE:LINE:COL`, the line and a caret.
    pub fn render(&self, file_name: &str, text: &str) -> String {
        // Names from the file may hold control characters: shown escaped.
        let mut out = format!("{}{}\n", crate::tr!("diag.error"), printable(&self.message));
        match &self.span {
            Some(span) => {
                // A byte-order mark is not part of the first line a person sees.
                let bom = bom_len(text);
                let start = floor_char_boundary(text, span.start.max(bom));
                let (line_no, col) = line_col(text, start);
                let line_start = text[..start].rfind('\n').map_or(bom, |i| i + 1);
                let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
                let line = text[line_start..line_end].trim_end_matches('\r');
                let gutter = " ".repeat(line_no.to_string().len());
                // The span may start past the shown line, on a trimmed `\r`.
                let at = (start - line_start).min(line.len());
                let part = shown_part(line, at);
                let cut_left = if part.start > 0 { "…" } else { "" };
                let cut_right = if part.end < line.len() { "…" } else { "" };
                let lead = display_width(cut_left)
                    + display_width(&printable(&expand_tabs(&line[part.start..at])))
                    + (start - line_start - at);
                let marked_limit = line_start + part.end;
                let marked_end = ceil_char_boundary(text, span.end.min(marked_limit).max(start));
                let marked =
                    display_width(&printable(&expand_tabs(&text[start..marked_end]))).max(1);
                let _ = writeln!(out, "{gutter}--> {file_name}:{line_no}:{col}");
                let _ = writeln!(out, "{gutter} |");
                let shown = printable(&expand_tabs(&line[part])).into_owned();
                let _ = writeln!(out, "{line_no} | {cut_left}{shown}{cut_right}");
                let _ = writeln!(out, "{gutter} | {}{}", " ".repeat(lead), "^".repeat(marked));
                if let Some(help) = &self.help {
                    let _ = writeln!(
                        out,
                        "{gutter} = {}{}",
                        crate::tr!("diag.help"),
                        printable(help)
                    );
                }
            }
            None => {
                let _ = writeln!(out, " --> {file_name}");
                if let Some(help) = &self.help {
                    let _ = writeln!(out, "  = {}{}", crate::tr!("diag.help"), printable(help));
                }
            }
        }
        out
    }
}

/// At most this many columns of a source line are shown, around the caret.
const SHOWN_COLUMNS: usize = 100;
/// Columns kept before the caret when a long line is cut.
const COLUMNS_BEFORE: usize = 40;

/// The byte range of `line` to show around byte `at`: all of it when it fits.
fn shown_part(line: &str, at: usize) -> Range<usize> {
    let width = |c: char| {
        if c == '\t' {
            4
        } else {
            display_width(c.encode_utf8(&mut [0; 4]))
        }
    };
    if line.chars().map(width).sum::<usize>() <= SHOWN_COLUMNS {
        return 0..line.len();
    }
    let mut left = at;
    let mut columns = 0;
    for (i, c) in line[..at].char_indices().rev() {
        if columns + width(c) > COLUMNS_BEFORE {
            break;
        }
        columns += width(c);
        left = i;
    }
    let mut right = left;
    let mut columns = 0;
    for (i, c) in line[left..].char_indices() {
        if columns + width(c) > SHOWN_COLUMNS {
            break;
        }
        columns += width(c);
        right = left + i + c.len_utf8();
    }
    left..right
}

/// The problems found in a file: the first `LISTED` in file order, and how many in
/// all. A file with millions of mistakes costs no more to report than one with a
/// hundred, and the list starts where a person would start fixing.
#[derive(Debug, Default)]
pub struct Problems {
    kept: Vec<Diagnostic>,
    total: usize,
}

impl Problems {
    /// How many problems are listed at most.
    pub const LISTED: usize = 100;

    pub fn push(&mut self, problem: Diagnostic) {
        self.total += 1;
        self.kept.push(problem);
        if self.kept.len() >= 2 * Self::LISTED {
            self.keep_first();
        }
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// The first problems in file order (placeless ones first), then, if some were
    /// left out, a last note without a place saying how many.
    pub fn into_list(mut self) -> Vec<Diagnostic> {
        self.keep_first();
        let left_out = self.total - self.kept.len();
        if left_out > 0 {
            self.kept.push(Diagnostic {
                left_out,
                ..Diagnostic::without_place(crate::tr!(
                    "diag.more",
                    more = crate::i18n::counted(left_out, "count.more_problems"),
                    total = self.total
                ))
            });
        }
        self.kept
    }

    /// Sorts into file order (stably: the order found breaks ties) and drops all but
    /// the first `LISTED`.
    fn keep_first(&mut self) {
        self.kept
            .sort_by_key(|problem| problem.span.as_ref().map_or(0, |span| span.start));
        self.kept.truncate(Self::LISTED);
    }
}

/// How many problems a list stands for, counting those its last note says were left out.
pub fn count_problems(problems: &[Diagnostic]) -> usize {
    match problems.last() {
        Some(note) if note.left_out > 0 => problems.len() - 1 + note.left_out,
        _ => problems.len(),
    }
}

/// 1-based line and character column of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..floor_char_boundary(text, offset)];
    let line = count_newlines(before.as_bytes()) + 1;
    let line_start = before
        .rfind('\n')
        .map_or(bom_len(text).min(before.len()), |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// The length of the byte-order mark `text` starts with, if any: it takes no column.
fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    }
}

/// Line numbers of a text found quickly: how many lines start before each block of
/// `BLOCK` bytes, so a lookup counts newlines in at most one block. It takes a 32nd
/// of the text's size, whatever the text holds.
pub struct LineIndex<'t> {
    text: &'t str,
    newlines_before_block: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    const BLOCK: usize = 256;

    pub fn new(text: &'t str) -> Self {
        let mut newlines = 0;
        let newlines_before_block = text
            .as_bytes()
            .chunks(Self::BLOCK)
            .map(|block| {
                let before = newlines;
                newlines += count_newlines(block);
                before
            })
            .collect();
        LineIndex {
            text,
            newlines_before_block,
        }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let block = offset / Self::BLOCK;
        let Some(before) = self.newlines_before_block.get(block) else {
            // `offset` is the end of a text whose length is a multiple of BLOCK.
            return count_newlines(self.text.as_bytes()) + 1;
        };
        before + count_newlines(&self.text.as_bytes()[block * Self::BLOCK..offset]) + 1
    }
}

/// A byte loop the compiler vectorises: much faster than searching for each newline.
fn count_newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&byte| byte == b'\n').count()
}

/// The nearest character boundary at or before `offset`, within the text.
fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The nearest character boundary at or after `offset`, within the text.
fn ceil_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

/// Tabs shown as four spaces, so the caret lines up with what is printed.
fn expand_tabs(text: &str) -> String {
    text.replace('\t', "    ")
}

/// "did you mean `x`?" for the candidate closest to `wrong`, when one is close enough.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let limit = (wrong.chars().count() / 3).max(1);
    // Case is no distance: `QQ_Music` means `qq_music`.
    let wrong = wrong.to_lowercase();
    candidates
        .into_iter()
        .map(|candidate| {
            let distance = strsim::damerau_levenshtein(&wrong, &candidate.to_lowercase());
            (distance, candidate)
        })
        .filter(|(distance, _)| *distance <= limit)
        // Ties go to the alphabetically first, so the suggestion never depends on
        // the order candidates come in.
        .min()
        .map(|(_, candidate)| crate::tr!("diag.did_you_mean", candidate = candidate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_takes_no_column_and_is_not_shown() {
        let text = "\u{feff}currency = 5\n";
        let start = text.find('5').unwrap();
        let diagnostic = Diagnostic::new("bad currency", start..start + 1);
        assert_eq!(diagnostic.line_col(text), Some((1, 12)));
        assert_eq!(
            diagnostic.render("b.toml", text),
            "error: bad currency\n --> b.toml:1:12\n  |\n1 | currency = 5\n  |            ^\n"
        );
        let at_start = Diagnostic::new("at the start", 0..3);
        assert_eq!(at_start.line_col(text), Some((1, 1)));
        assert!(!at_start.render("b.toml", text).contains('\u{feff}'));
    }

    #[test]
    fn renders_like_rustc_with_a_caret_under_the_span() {
        let text = "[bundles.x]\nincludes = [\"qq_muisc\"]\n";
        let start = text.find("\"qq").unwrap();
        let diagnostic = Diagnostic::new("unknown service `qq_muisc`", start..start + 10)
            .with_help(Some("did you mean `qq_music`?".into()));
        assert_eq!(
            diagnostic.render("bundles.toml", text),
            "error: unknown service `qq_muisc`\n\
             \x20--> bundles.toml:2:13\n\
             \x20 |\n\
             2 | includes = [\"qq_muisc\"]\n\
             \x20 |             ^^^^^^^^^^\n\
             \x20 = help: did you mean `qq_music`?\n"
        );
    }

    #[test]
    fn columns_count_characters_and_carets_count_cells() {
        let text = "name = \"淘宝\" x";
        let start = text.find('x').unwrap();
        let diagnostic = Diagnostic::new("bad", start..start + 1);
        assert_eq!(diagnostic.line_col(text), Some((1, 13)));
        let rendered = diagnostic.render("f.toml", text);
        // `name = "淘宝" ` is 14 cells wide: 12 characters, two of them wide.
        assert!(
            rendered.contains(&format!(" | {}^\n", " ".repeat(14))),
            "{rendered}"
        );
    }

    #[test]
    fn a_span_after_a_final_carriage_return_renders() {
        // Found by fuzzing: the shown line is trimmed of `\r`, the span starts after it.
        let text = "a = [1,\r";
        let rendered = Diagnostic::new("bad", text.len()..text.len() + 1).render("f.toml", text);
        assert!(rendered.contains("1 | a = [1,\n"), "{rendered}");
    }

    #[test]
    fn a_long_line_is_shown_around_the_caret() {
        let before = "a = 1, ".repeat(2_000);
        let text = format!("x = {{ {before}淘宝 = 2, {} }}\n", "b = 3, ".repeat(2_000));
        let start = text.find('淘').unwrap();
        let rendered = Diagnostic::new("bad", start..start + "淘宝".len()).render("f.toml", &text);
        let lines: Vec<&str> = rendered.lines().collect();
        // 40 columns before the caret, 100 in all, and `…` where the line was cut.
        let after = "b = 3, ".repeat(8);
        let shown = format!(
            "…{}淘宝 = 2, {}…",
            &before[before.len() - 40..],
            &after[..50]
        );
        assert_eq!(lines[3], format!("1 | {shown}"));
        assert_eq!(lines[4], format!("  | {}^^^^", " ".repeat(41)));
    }

    #[test]
    fn problems_keep_the_first_hundred_in_file_order_and_count_the_rest() {
        let mut problems = Problems::default();
        // Found out of order, as the checks run: the last found is first in the file.
        for at in (1..=1_000).rev() {
            problems.push(Diagnostic::new(format!("at {at}"), at..at + 1));
        }
        let list = problems.into_list();
        assert_eq!(list.len(), Problems::LISTED + 1);
        assert_eq!(list[0].message, "at 1");
        assert_eq!(list[99].message, "at 100");
        assert_eq!(list[100].span, None);
        assert_eq!(
            list[100].message,
            "and 900 more problems, not listed (1000 in all): fix these first"
        );
        assert_eq!(count_problems(&list), 1_000);
        assert_eq!(count_problems(&list[..3]), 3);

        let mut few = Problems::default();
        few.push(Diagnostic::new("b", 5..6));
        few.push(Diagnostic::without_place("placeless"));
        let list = few.into_list();
        assert_eq!(
            list.iter().map(|p| p.message.as_str()).collect::<Vec<_>>(),
            ["placeless", "b"]
        );
        assert_eq!(count_problems(&list), 2);
    }

    #[test]
    fn line_index_agrees_with_line_col() {
        let long = format!("a\nbb\n\nccc{}\n", "x\n".repeat(300));
        for text in ["a\nbb\n\nccc", "", "\n", &long, &long[..512]] {
            let index = LineIndex::new(text);
            for offset in 0..=text.len() + 1 {
                assert_eq!(
                    index.line(offset),
                    line_col(text, offset).0,
                    "offset {offset}"
                );
            }
        }
    }

    #[test]
    fn suggests_only_close_names() {
        assert_eq!(
            did_you_mean("qq_muisc", ["youku", "qq_music"]),
            Some("did you mean `qq_music`?".into())
        );
        assert_eq!(did_you_mean("netflix", ["youku", "qq_music"]), None);
        assert_eq!(
            did_you_mean("QQ_MUSIC", ["youku", "qq_music"]),
            Some("did you mean `qq_music`?".into())
        );
        // Equally close: the alphabetically first, whatever the order given.
        assert_eq!(
            did_you_mean("s11", ["s10", "s1"]),
            Some("did you mean `s1`?".into())
        );
        assert_eq!(
            did_you_mean("s11", ["s1", "s10"]),
            Some("did you mean `s1`?".into())
        );
    }
}
