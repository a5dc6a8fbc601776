//! A report's notes, already worded, as the formats for people print them
//! (docs/reference/plan.md, "What the answer says"): painted faint after a
//! table, each a paragraph after a Markdown table. JSON lists them in `notes`.

use super::paint::{Painter, Tone};
use crate::text::printable;
use crate::tr;

/// Notes after a table, one line each, faint: "Note: …".
pub fn table_notes<'a>(notes: impl IntoIterator<Item = &'a String>, painter: Painter) -> String {
    let mut out = String::new();
    for note in notes {
        out += &painter.paint(&tr!("report.note", note = printable(note)), Tone::Faint);
        out.push('\n');
    }
    out
}

/// Notes under a Markdown table, each a paragraph of its own: tiers whose fact is
/// not set, benefits worth nothing, prices seen more than a year ago.
pub fn markdown_notes(notes: &[String]) -> String {
    notes
        .iter()
        .map(|note| format!("\n{}\n", tr!("report.note", note = printable(note))))
        .collect()
}
