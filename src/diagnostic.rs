//! The problems of a file as people read them: each `Diagnostic` worded in the
//! language asked, and shown rustc-style, with the file, line and column, the
//! offending line and a caret under the span.
//!
//! The snippet is drawn here rather than by annotate-snippets, the renderer of
//! rustc and toml, because of two things it does otherwise, shown by the test
//! `annotate_snippets_falls_short_on_chinese_titles_and_byte_order_marks`: it
//! always writes its level name followed by an ASCII `": "`, so Chinese reads
//! `错误: …` where we write `错误：…`; and it shows a byte-order mark and counts
//! it as a column. Tabs and wide characters it handles as we do.

use std::fmt::Write as _;
use std::ops::Range;

use crate::text::{display_width, printable};
use bundlecalc_core::diagnostic::{Diagnostic, bom_len, floor_char_boundary, line_col};
use bundlecalc_core::model::Catalog;

/// One problem in a file, worded: what is wrong, where, and perhaps how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Worded {
    pub message: String,
    /// Byte range in the file's text; `None` when the problem has no single place.
    pub span: Option<Range<usize>>,
    /// A suggestion, such as "did you mean `qq_music`?".
    pub help: Option<String>,
    /// On the note that ends a list cut short: how many problems were left out.
    pub left_out: usize,
}

/// `load::parse_catalog` with every problem worded in the language in use.
pub fn parse_catalog(text: &str) -> Result<Catalog, Vec<Worded>> {
    bundlecalc_core::load::parse_catalog(text)
        .map_err(|problems| problems.iter().map(Worded::of).collect())
}

impl Worded {
    /// `problem` worded in the language in use.
    pub fn of(problem: &Diagnostic) -> Self {
        Worded {
            message: crate::words::message(&problem.message),
            span: problem.span.clone(),
            help: problem.help.as_deref().map(crate::words::message),
            left_out: problem.left_out,
        }
    }

    pub fn new(message: impl Into<String>, span: Range<usize>) -> Self {
        Worded {
            message: message.into(),
            span: Some(span),
            help: None,
            left_out: 0,
        }
    }

    pub fn without_place(message: impl Into<String>) -> Self {
        Worded {
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

/// How many problems a list stands for, counting those its last note says were left out.
pub fn count_problems(problems: &[Worded]) -> usize {
    match problems.last() {
        Some(note) if note.left_out > 0 => problems.len() - 1 + note.left_out,
        _ => problems.len(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, in_language};
    use bundlecalc_core::diagnostic::{Diagnostic, Problems};
    use bundlecalc_core::message::Message;

    #[test]
    fn a_byte_order_mark_takes_no_column_and_is_not_shown() {
        let text = "\u{feff}currency = 5\n";
        let start = text.find('5').unwrap();
        let diagnostic = Worded::new("bad currency", start..start + 1);
        assert_eq!(diagnostic.line_col(text), Some((1, 12)));
        assert_eq!(
            diagnostic.render("b.toml", text),
            "error: bad currency\n --> b.toml:1:12\n  |\n1 | currency = 5\n  |            ^\n"
        );
        let at_start = Worded::new("at the start", 0..3);
        assert_eq!(at_start.line_col(text), Some((1, 1)));
        assert!(!at_start.render("b.toml", text).contains('\u{feff}'));
    }

    #[test]
    fn renders_like_rustc_with_a_caret_under_the_span() {
        let text = "[bundles.x]\nincludes = [\"qq_muisc\"]\n";
        let start = text.find("\"qq").unwrap();
        let diagnostic = Worded::new("unknown service `qq_muisc`", start..start + 10)
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
        let diagnostic = Worded::new("bad", start..start + 1);
        assert_eq!(diagnostic.line_col(text), Some((1, 13)));
        let rendered = diagnostic.render("f.toml", text);
        // `name = "淘宝" ` is 14 cells wide: 12 characters, two of them wide.
        assert!(
            rendered.contains(&format!(" | {}^\n", " ".repeat(14))),
            "{rendered}"
        );
    }

    #[test]
    fn annotate_snippets_falls_short_on_chinese_titles_and_byte_order_marks() {
        use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
        let render = |text: &str, at: usize| {
            let report = [Level::ERROR
                .with_name(Some("错误"))
                .primary_title("坏")
                .element(
                    Snippet::source(text)
                        .path("b.toml")
                        .annotation(AnnotationKind::Primary.span(at..at + 1)),
                )];
            Renderer::plain().render(&report)
        };
        let text = "\u{feff}currency = 5\n";
        let at = text.find('5').unwrap();
        let theirs = render(text, at);
        // The level's name is always followed by an ASCII colon and a space.
        assert!(theirs.starts_with("错误: 坏\n"), "{theirs}");
        // The byte-order mark is shown, and counted: column 13 for the 12th character.
        assert!(theirs.contains(" --> b.toml:1:13\n"), "{theirs}");
        assert!(theirs.contains('\u{feff}'), "{theirs}");

        let ours = in_language(Lang::Zh, || {
            Worded::new("坏", at..at + 1).render("b.toml", text)
        });
        assert!(ours.starts_with("错误：坏\n"), "{ours}");
        assert!(ours.contains(" --> b.toml:1:12\n"), "{ours}");
        assert!(!ours.contains('\u{feff}'), "{ours}");
    }

    #[test]
    fn a_span_after_a_final_carriage_return_renders() {
        // Found by fuzzing: the shown line is trimmed of `\r`, the span starts after it.
        let text = "a = [1,\r";
        let rendered = Worded::new("bad", text.len()..text.len() + 1).render("f.toml", text);
        assert!(rendered.contains("1 | a = [1,\n"), "{rendered}");
    }

    #[test]
    fn a_long_line_is_shown_around_the_caret() {
        let before = "a = 1, ".repeat(2_000);
        let text = format!("x = {{ {before}淘宝 = 2, {} }}\n", "b = 3, ".repeat(2_000));
        let start = text.find('淘').unwrap();
        let rendered = Worded::new("bad", start..start + "淘宝".len()).render("f.toml", &text);
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
            problems.push(Diagnostic::new(
                Message::new(format!("at {at}")),
                at..at + 1,
            ));
        }
        let list: Vec<Worded> = problems.into_list().iter().map(Worded::of).collect();
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
        few.push(Diagnostic::new(Message::new("b"), 5..6));
        few.push(Diagnostic::without_place(Message::new("placeless")));
        let list: Vec<Worded> = few.into_list().iter().map(Worded::of).collect();
        assert_eq!(
            list.iter().map(|p| p.message.as_str()).collect::<Vec<_>>(),
            ["placeless", "b"]
        );
        assert_eq!(count_problems(&list), 2);
    }
}
