//! The screen as a terminal shows it, drawn into ratatui's TestBackend.

use bundlecalc::tui::app::App;
use bundlecalc::tui::view::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

/// The screen's text, one string per row. A wide character covers the cell after
/// it, so that cell is not read (ratatui never sends it to a terminal either).
pub fn screen(app: &App) -> Vec<String> {
    let (width, height) = (app.size.width, app.size.height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| draw(app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < width {
                let symbol = buffer[(x, y)].symbol();
                line.push_str(symbol);
                x += UnicodeWidthStr::width(symbol).max(1) as u16;
            }
            line
        })
        .collect()
}

/// The first row holding `text`.
#[allow(dead_code)]
pub fn row_with<'a>(lines: &'a [String], text: &str) -> &'a str {
    lines
        .iter()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no row with {text}:\n{}", lines.join("\n")))
}
