//! Every text a person reads on the screen comes from the locale files, in both
//! languages: no string literal in `src/tui/` holds words, except the few on the
//! allow-list below, each with its reason.

use std::path::{Path, PathBuf};

/// Literals with words that are not text to translate.
const ALLOWED: &[(&str, &str)] = &[
    ("VISUAL", "an environment variable's name"),
    ("EDITOR", "an environment variable's name"),
    ("vi", "the editor run when no variable names one"),
];

/// Keys as the help writes them: the same on every keyboard and in every
/// language (the help's own tests look for them as written, `mouse` too).
const KEY_NAMES: &[&str] = &["Esc", "Ctrl-C", "Ctrl-S", "PgUp", "PgDn", "Tab", "mouse"];

/// A string literal of a source file, with its line.
#[derive(Debug, PartialEq)]
struct Literal {
    line: usize,
    text: String,
}

/// The string literals of `source` outside comments and `#[cfg(test)]` modules.
fn literals(source: &str) -> Vec<Literal> {
    let source = without_test_modules(source);
    let chars: Vec<char> = source.chars().collect();
    let mut found = Vec::new();
    let (mut at, mut line) = (0, 1);
    while at < chars.len() {
        let c = chars[at];
        let next = chars.get(at + 1).copied();
        if c == '\n' {
            line += 1;
            at += 1;
        } else if c == '/' && next == Some('/') {
            while at < chars.len() && chars[at] != '\n' {
                at += 1;
            }
        } else if c == '/' && next == Some('*') {
            while at + 1 < chars.len() && !(chars[at] == '*' && chars[at + 1] == '/') {
                line += usize::from(chars[at] == '\n');
                at += 1;
            }
            at += 2;
        } else if c == 'r'
            && matches!(next, Some('"' | '#'))
            && !is_ident(chars.get(at.wrapping_sub(1)))
        {
            // A raw string: r"…" or r#"…"#.
            let hashes = chars[at + 1..].iter().take_while(|&&h| h == '#').count();
            let open = at + 1 + hashes;
            if chars.get(open) != Some(&'"') {
                at += 1;
                continue;
            }
            let close: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let rest: String = chars[open + 1..].iter().collect();
            let end = rest.find(&close).unwrap_or(rest.len());
            let text: String = rest[..end].to_string();
            found.push(Literal {
                line,
                text: text.clone(),
            });
            line += text.matches('\n').count();
            at = open + 1 + text.chars().count() + close.chars().count();
        } else if c == '"' {
            let start_line = line;
            let mut text = String::new();
            at += 1;
            while at < chars.len() && chars[at] != '"' {
                if chars[at] == '\\' {
                    text.push(chars[at]);
                    at += 1;
                }
                line += usize::from(chars[at] == '\n');
                text.push(chars[at]);
                at += 1;
            }
            at += 1;
            let byte_string = at >= 2 && is_byte_prefix(&chars, at, &text);
            if !byte_string {
                found.push(Literal {
                    line: start_line,
                    text,
                });
            }
        } else if c == '\'' {
            // A character literal ('"', '\n', '{') is skipped; a lifetime is not one.
            if next == Some('\\') {
                at += 2;
                while at < chars.len() && chars[at] != '\'' {
                    at += 1;
                }
                at += 1;
            } else if chars.get(at + 2) == Some(&'\'') {
                at += 3;
            } else {
                at += 1;
            }
        } else {
            at += 1;
        }
    }
    found
}

fn is_ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// Whether the literal just read (ending before `at`) was a byte string `b"…"`.
fn is_byte_prefix(chars: &[char], at: usize, text: &str) -> bool {
    let open = at - 2 - text.chars().count();
    open > 0 && chars[open - 1] == 'b' && !is_ident(chars.get(open.wrapping_sub(2)))
}

/// `source` without its `#[cfg(test)] mod … { … }` blocks: tests may say anything.
fn without_test_modules(source: &str) -> String {
    let mut out = String::new();
    let mut rest = source;
    while let Some(start) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let Some(open) = after.find('{') else {
            rest = "";
            break;
        };
        let mut depth = 0;
        let mut end = after.len();
        for (at, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                end = open + at + 1;
                break;
            }
        }
        // Keep the line count, so lines reported stay right.
        out.extend(after[..end].chars().filter(|&c| c == '\n'));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// The literal without its format placeholders (`{}`, `{name}`, `{:?}`).
fn without_placeholders(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = (depth - 1).max(0),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether `text` names a message of the locale files, as `tr!` takes it.
fn is_locale_key(text: &str) -> bool {
    let mut parts = text.split('.');
    let first = parts.next().unwrap_or_default();
    let word = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    word(first) && text.contains('.') && parts.all(word)
}

/// Whether `text` is only key names, as the help writes them.
fn is_key_names(text: &str) -> bool {
    text.split_whitespace()
        .all(|key| key.chars().count() == 1 || KEY_NAMES.contains(&key))
}

/// Why `literal` is text a person reads written outside the locale files, if it is.
fn problem(literal: &str, en: &str, zh: &str) -> Option<String> {
    let words = without_placeholders(literal);
    if !words.chars().any(char::is_alphabetic) {
        return None;
    }
    if is_locale_key(literal) {
        let quoted = format!("\"{literal}\" =");
        return (!en.contains(&quoted) || !zh.contains(&quoted))
            .then(|| format!("`{literal}` is not a message of both locale files"));
    }
    if is_key_names(literal) || ALLOWED.iter().any(|(allowed, _)| *allowed == literal) {
        return None;
    }
    Some(format!(
        "{literal:?} is text for people: put it in locales/en.toml and zh.toml"
    ))
}

fn rust_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn locale(name: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join("locales").join(name)).unwrap()
}

#[test]
fn no_text_for_people_is_written_in_the_screen_code() {
    let (en, zh) = (locale("en.toml"), locale("zh.toml"));
    let tui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut problems = Vec::new();
    for file in rust_files(&tui) {
        let source = std::fs::read_to_string(&file).unwrap();
        for literal in literals(&source) {
            if let Some(why) = problem(&literal.text, &en, &zh) {
                let name = file.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
                problems.push(format!("{}:{}: {why}", name.display(), literal.line));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn the_scan_finds_words_and_lets_keys_placeholders_and_marks_pass() {
    let (en, zh) = (locale("en.toml"), locale("zh.toml"));
    let source = r##"
        // "a comment is not read"
        fn f() {
            let a = format!("{}: price set to {value}", name);
            let b = tr!("msg.ctrl_s", what = "");
            let c = ("q  Esc  Ctrl-C", '"', "{name}: {mark}", "▶ ");
            let d = tr!("msg.no_such_message");
            let e = r#"raw words"#;
            let f = "已修改";
        }
        #[cfg(test)]
        mod tests { fn g() { let _ = "test words"; } }
    "##;
    let found: Vec<String> = literals(source)
        .iter()
        .filter_map(|l| problem(&l.text, &en, &zh).map(|_| format!("{}:{}", l.line, l.text)))
        .collect();
    assert_eq!(
        found,
        [
            "4:{}: price set to {value}",
            "7:msg.no_such_message",
            "8:raw words",
            "9:已修改"
        ]
    );
}
