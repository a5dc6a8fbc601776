//! Plain-text tables whose columns line up by display width (CJK counts 2).

use super::paint::{Painter, Tone};
use crate::text::{Align, display_width, pad};

/// One cell: its text and what it means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub tone: Tone,
}

impl Cell {
    pub fn plain(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            tone: Tone::Plain,
        }
    }

    pub fn toned(text: impl Into<String>, tone: Tone) -> Self {
        Cell {
            text: text.into(),
            tone,
        }
    }
}

/// Headings, alignments and rows, printed with two spaces between columns.
#[derive(Clone, Debug, Default)]
pub struct TextTable {
    headings: Vec<(String, Align)>,
    rows: Vec<Vec<Cell>>,
}

impl TextTable {
    pub fn new<H: AsRef<str>>(headings: &[(H, Align)]) -> Self {
        TextTable {
            headings: headings
                .iter()
                .map(|(h, a)| (h.as_ref().to_string(), *a))
                .collect(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.headings.len());
        self.rows.push(row);
    }

    /// The table as lines, each indented by `indent`, colour applied after padding.
    pub fn render(&self, indent: &str, painter: Painter) -> String {
        let widths: Vec<usize> = (0..self.headings.len())
            .map(|col| {
                self.rows
                    .iter()
                    .map(|row| display_width(&row[col].text))
                    .chain([display_width(&self.headings[col].0)])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        let heading: Vec<String> = self
            .headings
            .iter()
            .zip(&widths)
            .map(|((text, align), width)| pad(text, *width, *align))
            .collect();
        out.push_str(indent);
        out.push_str(&painter.paint(heading.join("  ").trim_end(), Tone::Heading));
        out.push('\n');
        for row in &self.rows {
            let cells: Vec<String> = row
                .iter()
                .zip(&self.headings)
                .zip(&widths)
                .map(|((cell, (_, align)), width)| {
                    painter.paint(&pad(&cell.text, *width, *align), cell.tone)
                })
                .collect();
            out.push_str(indent);
            out.push_str(cells.join("  ").trim_end());
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_by_display_width() {
        let mut table = TextTable::new(&[("Name", Align::Left), ("Price", Align::Right)]);
        table.push(vec![Cell::plain("淘宝88VIP"), Cell::plain("88.00")]);
        table.push(vec![Cell::plain("QQ Music"), Cell::plain("188.00")]);
        assert_eq!(
            table.render("", Painter::PLAIN),
            "Name        Price\n淘宝88VIP   88.00\nQQ Music   188.00\n"
        );
    }
}
