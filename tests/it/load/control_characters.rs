//! Names and notes with control characters, as a shared file may hold, never reach
//! the terminal raw: text for people shows them escaped and keeps its columns;
//! JSON and CSV keep the data exactly as written.

use crate::support::Sandbox;
use crate::support::app::open_sized;
use bundlecalc::tui::action::Action;
use bundlecalc::tui::action::Opens;
use bundlecalc::tui::app::App;
use bundlecalc::tui::view::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

/// Every control character, as TOML escapes: C0, DEL and C1.
fn every_control() -> Vec<char> {
    (0u32..0x20)
        .chain(0x7f..0xa0)
        .filter_map(char::from_u32)
        .collect()
}

fn toml_escaped(text: &str) -> String {
    text.chars()
        .map(|c| format!("\\u{:04X}", c as u32))
        .collect()
}

/// A file whose every name, id, label and note holds control characters.
fn hostile_file() -> String {
    let controls: String = every_control().into_iter().collect();
    let all = toml_escaped(&controls);
    format!(
        r#"[profile]
wants = ["music{esc}", "video"]

[services."music{esc}"]
name = "Music{all}end"
price = 100
note = "clear{bel}screen"

[services.video]
name = "Video{esc}[2J"
price = 200

[services.books]
name = "Books"
price = 50

[bundles."combo{esc}"]
name = "Combo{esc}[31mred{cr}{tab}{nl}x"
price = 120
includes = ["video", {{ one_of = ["music{esc}", "books"], label = "pick{esc}[1m" }}]
note = "ring{bel}{bel} and return{cr}over"
"#,
        esc = "\\u001B",
        bel = "\\u0007",
        cr = "\\r",
        tab = "\\t",
        nl = "\\n",
    )
}

/// The control characters in `text`, other than line ends.
fn raw_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| (c.is_control() && *c != '\n') || ('\u{202a}'..='\u{202e}').contains(c))
        .collect()
}

fn run(sandbox: &Sandbox, args: &[&str]) -> String {
    let output = sandbox.command().args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_table_and_markdown_show_control_characters_escaped() {
    let sandbox = Sandbox::new();
    sandbox.write("bundles.toml", &hostile_file());
    for args in [
        &["--compare"][..],
        &["--compare", "--format", "markdown"],
        &["--plan"],
        &["--plan", "--format", "markdown"],
    ] {
        let out = run(&sandbox, args);
        assert_eq!(raw_controls(&out), Vec::<char>::new(), "{args:?}:\n{out}");
        assert!(out.contains("\\u{1b}"), "{args:?} shows the escape:\n{out}");
    }
    let table = run(&sandbox, &["--compare"]);
    assert!(table.contains(r"Combo\u{1b}[31mred\r\t\nx"), "{table}");
    assert!(
        table.contains(r"ring\u{7}\u{7} and return\rover"),
        "{table}"
    );
    // The summary keeps its columns: every row as wide as the heading.
    let lines: Vec<&str> = table.lines().collect();
    let heading = lines.iter().position(|l| l.starts_with("Bundle")).unwrap();
    let width = lines[heading].width();
    let row = lines[heading + 1];
    assert_eq!(row.width(), width, "{row:?} against {:?}", lines[heading]);
}

#[test]
fn json_and_csv_keep_the_names_as_written() {
    let sandbox = Sandbox::new();
    sandbox.write("bundles.toml", &hostile_file());
    let json: serde_json::Value =
        serde_json::from_str(&run(&sandbox, &["--compare", "--format", "json"])).unwrap();
    assert_eq!(json["bundles"][0]["id"], "combo\u{1b}");
    assert_eq!(json["bundles"][0]["name"], "Combo\u{1b}[31mred\r\t\nx");
    let music = &json["bundles"][0]["services"][1];
    let controls: String = every_control().into_iter().collect();
    assert_eq!(music["name"], format!("Music{controls}end"));
    let csv = run(&sandbox, &["--compare", "--format", "csv"]);
    assert!(csv.contains("\"Combo\u{1b}[31mred\r\t\nx\""), "{csv:?}");
}

#[test]
fn the_screen_shows_control_characters_escaped_in_every_pane() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    std::fs::write(&path, hostile_file()).unwrap();
    let mut app = open_sized(&path, 160, 50);
    let mut seen = String::new();
    let mut look = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(160, 50)).unwrap();
        terminal.draw(|frame| draw(app, frame)).unwrap();
        let buffer = terminal.backend().buffer();
        for cell in buffer.content() {
            let symbol = cell.symbol();
            assert_eq!(raw_controls(symbol), Vec::<char>::new(), "cell {symbol:?}");
            seen.push_str(symbol);
        }
    };
    look(&app);
    app.update(Action::SwitchPane);
    app.update(Action::Down);
    app.update(Action::ToggleWanted); // the message names the service
    look(&app);
    app.update(Action::Open(Opens::Plan));
    crate::support::app::settle(&mut app);
    look(&app);
    assert!(
        seen.contains(r"Combo\u{1b}[31mred\r\t\nx"),
        "the bundle's name"
    );
    assert!(seen.contains(r"pick\u{1b}[1m"), "the group's label");
    assert!(seen.contains(r"ring\u{7}\u{7}"), "the note");
}

#[test]
fn a_note_s_line_breaks_show_as_lines_in_the_compare_table() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "bundles.toml",
        r#"[services.music]
price = 100

[bundles.pair]
name = "Pair"
price = 90
includes = ["music"]
note = "first line\nsecond line\u0007"
"#,
    );
    let table = run(&sandbox, &["--compare", "pair"]);
    let lines: Vec<&str> = table.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.ends_with("note: first line"))
        .unwrap_or_else(|| panic!("the note's first line:\n{table}"));
    assert_eq!(
        lines[first + 1],
        r"        second line\u{7}",
        "the second line under the first's text, BEL escaped:\n{table}"
    );
    assert_eq!(raw_controls(&table), Vec::<char>::new());
}
