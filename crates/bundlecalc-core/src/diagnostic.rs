//! Problems found in a bundles file, as data: what is wrong (a `Message`), where
//! (a byte range of the text) and perhaps how to fix it; the first of them in
//! file order, and where a byte is (line and column). The program words and
//! shows them.

use std::ops::Range;

use crate::message::Message;

/// One problem in a file: what is wrong, where, and perhaps how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: Message,
    /// Byte range in the file's text; `None` when the problem has no single place.
    pub span: Option<Range<usize>>,
    /// A suggestion, such as "did you mean `qq_music`?" (`diag.did_you_mean`).
    /// (Boxed: most problems have none.)
    pub help: Option<Box<Message>>,
    /// On the note that ends a list cut short: how many problems were left out.
    pub left_out: usize,
}

impl Diagnostic {
    pub fn new(message: Message, span: Range<usize>) -> Self {
        Diagnostic {
            message,
            span: Some(span),
            help: None,
            left_out: 0,
        }
    }

    pub fn without_place(message: Message) -> Self {
        Diagnostic {
            message,
            span: None,
            help: None,
            left_out: 0,
        }
    }

    pub fn with_help(mut self, help: Option<Message>) -> Self {
        self.help = help.map(Box::new);
        self
    }

    /// 1-based line and column (in characters) of the start of the span.
    pub fn line_col(&self, text: &str) -> Option<(usize, usize)> {
        self.span.as_ref().map(|span| line_col(text, span.start))
    }
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
                ..Diagnostic::without_place(crate::msg!(
                    "diag.more",
                    more = Message::counted(left_out, "count.more_problems"),
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
pub fn bom_len(text: &str) -> usize {
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
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// "did you mean `x`?" for the candidate closest to `wrong`, when one is close enough.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<Message> {
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
        .map(|(_, candidate)| crate::msg!("diag.did_you_mean", candidate = candidate))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(key: &str) -> Message {
        Message::new(key.to_string())
    }

    #[test]
    fn problems_keep_the_first_hundred_in_file_order_and_count_the_rest() {
        let mut problems = Problems::default();
        // Found out of order, as the checks run: the last found is first in the file.
        for at_byte in (1..=1_000).rev() {
            problems.push(Diagnostic::new(
                at(&format!("at {at_byte}")),
                at_byte..at_byte + 1,
            ));
        }
        let list = problems.into_list();
        assert_eq!(list.len(), Problems::LISTED + 1);
        assert_eq!(list[0].message, at("at 1"));
        assert_eq!(list[99].message, at("at 100"));
        assert_eq!(list[100].span, None);
        assert_eq!(list[100].left_out, 900);
        assert_eq!(
            list[100].message,
            crate::msg!(
                "diag.more",
                more = Message::counted(900, "count.more_problems"),
                total = 1000
            )
        );

        let mut few = Problems::default();
        few.push(Diagnostic::new(at("b"), 5..6));
        few.push(Diagnostic::without_place(at("placeless")));
        let list = few.into_list();
        assert_eq!(
            list.iter()
                .map(|p| p.message.key.as_ref())
                .collect::<Vec<_>>(),
            ["placeless", "b"]
        );
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
        let mean = |candidate: &str| Some(crate::msg!("diag.did_you_mean", candidate = candidate));
        assert_eq!(
            did_you_mean("qq_muisc", ["youku", "qq_music"]),
            mean("qq_music")
        );
        assert_eq!(did_you_mean("netflix", ["youku", "qq_music"]), None);
        assert_eq!(
            did_you_mean("QQ_MUSIC", ["youku", "qq_music"]),
            mean("qq_music")
        );
        // Equally close: the alphabetically first, whatever the order given.
        assert_eq!(did_you_mean("s11", ["s10", "s1"]), mean("s1"));
        assert_eq!(did_you_mean("s11", ["s1", "s10"]), mean("s1"));
    }
}
