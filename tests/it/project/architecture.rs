//! The shape ARCHITECTURE.md promises: every top-level module of both crates on
//! its map, no import circle among the files of either crate, windows that never
//! reach up into `app` or `view`, an `App` that stays small enough to read, and a
//! core crate that depends on no terminal, command-line or locale crate and
//! writes no words.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The program's `src/`.
fn src() -> PathBuf {
    root().join("src")
}

/// The core crate, `crates/bundlecalc-core`.
fn core() -> PathBuf {
    root().join("crates/bundlecalc-core")
}

/// Every `.rs` file under `folder`, as paths relative to `base` (a `src/`).
fn sources(base: &Path, folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(sources(base, &path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path.strip_prefix(base).unwrap().to_path_buf());
        }
    }
    files.sort();
    files
}

/// A file of `base` (a `src/`).
fn read_in(base: &Path, file: &Path) -> String {
    std::fs::read_to_string(base.join(file)).unwrap()
}

fn read(file: &Path) -> String {
    read_in(&src(), file)
}

/// The module path of a file: `tui/app.rs` is `tui::app`, `tui/mod.rs` is `tui`.
fn module_of(file: &Path) -> Vec<String> {
    let mut parts: Vec<String> = file
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// `source` without line comments and `#[cfg(test)]` modules (tests may import
/// anything).
fn code_of(source: &str) -> String {
    let mut code = String::new();
    let mut rest = source;
    while let Some(start) = rest.find("#[cfg(test)]") {
        code.push_str(&rest[..start]);
        let after = &rest[start..];
        let open = after.find('{').unwrap_or(after.len() - 1);
        let mut depth = 0;
        let mut end = after.len();
        for (at, c) in after[open..].char_indices() {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            if depth == 0 {
                end = open + at + 1;
                break;
            }
        }
        rest = &after[end..];
    }
    code.push_str(rest);
    code.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `a::{b, c::{d, e}}` as the paths `a::b`, `a::c::d`, `a::c::e`.
fn expand(prefix: &[String], tree: &str) -> Vec<Vec<String>> {
    let mut items = Vec::new();
    let (mut depth, mut item) = (0, String::new());
    for c in tree.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(std::mem::take(&mut item));
                continue;
            }
            _ => {}
        }
        item.push(c);
    }
    items.push(item);
    let mut paths = Vec::new();
    for item in items.iter().map(|i| i.trim()).filter(|i| !i.is_empty()) {
        let mut path = prefix.to_vec();
        match item.find('{') {
            Some(open) => {
                let head = item[..open].trim_end_matches(':');
                path.extend(head.split("::").filter(|p| !p.is_empty()).map(String::from));
                paths.extend(expand(&path, &item[open + 1..item.len() - 1]));
            }
            None => {
                let item = item.split(" as ").next().unwrap_or_default();
                path.extend(item.split("::").map(String::from));
                paths.push(path);
            }
        }
    }
    paths
}

/// The module paths `code` reaches into: its `use crate|super|self::…` trees and
/// every `crate::…` or `super::…` path written inline.
fn paths_used(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    for statement in code.split("use ").skip(1) {
        let Some(tree) = statement.split(';').next() else {
            continue;
        };
        let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
        // Every tree: `crate::`, `super::` and `self::` ones, and those that
        // start at a child module (`use window::Window;` in `windows/mod.rs`),
        // told from other crates' paths by the import graph.
        if tree.starts_with(|c: char| c.is_ascii_lowercase()) {
            paths.extend(expand(&[], &tree));
        }
    }
    for start in ["crate::", "super::"] {
        for (at, _) in code.match_indices(start) {
            let before = code[..at].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let path: String = code[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let path: Vec<String> = path
                .split("::")
                .filter(|p| !p.is_empty())
                .map(String::from)
                .collect();
            // A lone `super::` begins a `use` tree, read above.
            if path.len() > 1 {
                paths.push(path);
            }
        }
    }
    paths
}

/// Which files each file of `base` (a crate's `src/`) imports.
fn import_graph(base: &Path) -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let files = sources(base, base);
    let modules: BTreeMap<Vec<String>, PathBuf> =
        files.iter().map(|f| (module_of(f), f.clone())).collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let here = module_of(file);
        let mut targets = BTreeSet::new();
        for path in paths_used(&code_of(&read_in(base, file))) {
            let target: Vec<String> = match path.first().map(String::as_str) {
                Some("crate") => path[1..].to_vec(),
                Some("self") => here.iter().chain(&path[1..]).cloned().collect(),
                Some("super") => {
                    let ups = path.iter().take_while(|p| *p == "super").count();
                    let base = &here[..here.len().saturating_sub(ups)];
                    base.iter().chain(&path[ups..]).cloned().collect()
                }
                // A child module's path, or another crate's (found as no file).
                _ => here.iter().chain(&path).cloned().collect(),
            };
            let relative = !matches!(path[0].as_str(), "crate" | "self" | "super");
            let shortest = if relative { here.len() + 1 } else { 0 };
            // The longest prefix of the path that is a file.
            let found = (shortest..=target.len())
                .rev()
                .find_map(|n| modules.get(&target[..n]));
            if let Some(found) = found.filter(|f| *f != file) {
                targets.insert(found.clone());
            }
        }
        graph.insert(file.clone(), targets);
    }
    graph
}

/// The files a path of imports leads from `file` back to `file`, if any does.
fn circle_through(graph: &BTreeMap<PathBuf, BTreeSet<PathBuf>>, file: &PathBuf) -> bool {
    let mut seen = BTreeSet::new();
    let mut next: Vec<&PathBuf> = graph[file].iter().collect();
    while let Some(at) = next.pop() {
        if at == file {
            return true;
        }
        if seen.insert(at) {
            next.extend(graph.get(at).into_iter().flatten());
        }
    }
    false
}

#[test]
fn no_file_of_src_imports_itself_round_a_circle() {
    let graph = import_graph(&src());
    assert!(graph.len() > 40, "the graph was read: {graph:?}");
    let circles: Vec<&PathBuf> = graph
        .keys()
        .filter(|file| circle_through(&graph, file))
        .collect();
    assert!(circles.is_empty(), "files in an import circle: {circles:?}");
}

#[test]
fn the_import_graph_sees_a_circle_when_there_is_one() {
    let code = code_of(
        "use super::{app::App, windows::{Window, help::Help}};\nuse window::Window;\n\
         fn f() { crate::tr!(\"x\"); }",
    );
    assert_eq!(
        paths_used(&code),
        [
            vec!["super", "app", "App"],
            vec!["super", "windows", "Window"],
            vec!["super", "windows", "help", "Help"],
            vec!["window", "Window"],
            vec!["crate", "tr"],
        ]
    );
    let graph: BTreeMap<PathBuf, BTreeSet<PathBuf>> =
        [("a.rs", "b.rs"), ("b.rs", "c.rs"), ("c.rs", "a.rs")]
            .into_iter()
            .map(|(from, to)| (PathBuf::from(from), BTreeSet::from([PathBuf::from(to)])))
            .collect();
    assert!(circle_through(&graph, &PathBuf::from("a.rs")));
}

#[test]
fn no_window_imports_app_or_view() {
    let graph = import_graph(&src());
    for (file, imports) in graph.iter().filter(|(f, _)| f.starts_with("tui/windows")) {
        for upward in ["tui/app.rs", "tui/view.rs"] {
            assert!(
                !imports.contains(Path::new(upward)),
                "{} imports {upward}",
                file.display()
            );
        }
    }
}

#[test]
fn app_stays_within_600_lines() {
    let lines = read(Path::new("tui/app.rs")).lines().count();
    assert!(
        lines <= 600,
        "tui/app.rs has {lines} lines: split it by job"
    );
}

#[test]
fn architecture_md_names_every_top_level_module_of_src() {
    architecture_md_names_every_top_level_module_of(&src());
}

#[test]
fn architecture_md_names_every_top_level_module_of_the_core() {
    architecture_md_names_every_top_level_module_of(&core().join("src"));
}

fn architecture_md_names_every_top_level_module_of(base: &Path) {
    let map = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    for entry in std::fs::read_dir(base).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let named = if path.is_dir() {
            format!("`{name}/`")
        } else {
            format!("`{name}`")
        };
        assert!(
            map.contains(&named),
            "ARCHITECTURE.md does not name {named}"
        );
    }
}

/// Every `.rs` file of the repository's code and tests, as absolute paths.
fn code_and_tests() -> Vec<PathBuf> {
    fn walk(folder: &Path, files: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(folder) else {
            return;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, files);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let mut files = Vec::new();
    for folder in ["src", "tests", "benches", "examples", "crates"] {
        walk(&root().join(folder), &mut files);
    }
    files
}

#[test]
fn every_pointer_to_the_contract_names_a_page_and_heading_of_docs() {
    let pointer = "docs/reference";
    let mut pointers = 0;
    for file in code_and_tests() {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.display();
        // The contract is in the repository: nothing points outside it (the
        // section sign spelled by its code, so this file passes too).
        let section = char::from_u32(0xA7).unwrap();
        assert!(
            !text.contains(&format!("{}PEC ", 'S')),
            "{name} points to the spec"
        );
        assert!(
            !text.contains(section),
            "{name} points to a section outside docs/"
        );
        for (at, _) in text.match_indices(pointer) {
            let rest = &text[at..];
            let token: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || "/._-".contains(*c))
                .collect();
            let page = token.trim_end_matches('.');
            if !page.ends_with(".md") {
                continue;
            }
            let page_end = page.len();
            let content = std::fs::read_to_string(root().join(page))
                .unwrap_or_else(|_| panic!("{name}: {page} is not a page of docs/"));
            // `page, "Heading"`: the heading is one of the page's.
            if let Some(quoted) = rest[page_end..].strip_prefix(", \"") {
                let heading = &quoted[..quoted.find('"').unwrap()];
                assert!(
                    content
                        .lines()
                        .any(|l| l.starts_with('#') && l.trim_start_matches('#').trim() == heading),
                    "{name}: {page} has no heading \"{heading}\""
                );
            }
            pointers += 1;
        }
    }
    assert!(pointers > 100, "only {pointers} pointers found");
}

#[test]
fn no_file_of_the_core_imports_itself_round_a_circle() {
    let graph = import_graph(&core().join("src"));
    assert!(graph.len() > 40, "the graph was read: {graph:?}");
    let circles: Vec<&PathBuf> = graph
        .keys()
        .filter(|file| circle_through(&graph, file))
        .collect();
    assert!(circles.is_empty(), "files in an import circle: {circles:?}");
}

/// Crates of the terminal, the command line and languages: the core depends on
/// none of them, so the compiler keeps it from drawing, parsing arguments or
/// writing words. (Names as `Cargo.toml` and `cargo tree` write them.)
const NOT_IN_THE_CORE: &[&str] = &[
    "ratatui",
    "crossterm",
    "termion",
    "termwiz",
    "console",
    "indicatif",
    "clap",
    "clap_complete",
    "clap_mangen",
    "rust-i18n",
    "rust-i18n-support",
    "rust-i18n-macro",
    "fluent",
    "fluent-bundle",
    "gettext",
    "gettext-rs",
    "i18n-embed",
    "sys-locale",
    "unic-langid",
    "unicode-width",
    "textwrap",
    "signal-hook",
    "notify",
    "notify-debouncer-full",
];

#[test]
fn the_core_s_cargo_toml_lists_no_terminal_command_line_or_locale_crate() {
    let text = std::fs::read_to_string(core().join("Cargo.toml")).unwrap();
    let manifest: toml::Table = toml::from_str(&text).unwrap();
    // Every table of dependencies: normal, dev and build, and per target.
    let mut tables: Vec<&toml::Table> = Vec::new();
    let kinds = ["dependencies", "dev-dependencies", "build-dependencies"];
    for kind in kinds {
        tables.extend(manifest.get(kind).and_then(toml::Value::as_table));
    }
    for target in manifest
        .get("target")
        .and_then(toml::Value::as_table)
        .into_iter()
        .flat_map(|t| t.values())
        .filter_map(toml::Value::as_table)
    {
        for kind in kinds {
            tables.extend(target.get(kind).and_then(toml::Value::as_table));
        }
    }
    assert!(!tables.is_empty(), "the core's dependencies were read");
    for table in tables {
        for (name, spec) in table {
            // `foo = { package = "ratatui" }` renames a crate: both names count.
            let package = spec.get("package").and_then(toml::Value::as_str);
            for name in [Some(name.as_str()), package].into_iter().flatten() {
                assert!(
                    !NOT_IN_THE_CORE.contains(&name),
                    "crates/bundlecalc-core/Cargo.toml lists `{name}`"
                );
            }
        }
    }
}

#[test]
fn cargo_tree_of_the_core_shows_no_terminal_command_line_or_locale_crate() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = std::process::Command::new(cargo)
        .current_dir(root())
        .args([
            "tree",
            "--locked",
            "-p",
            "bundlecalc-core",
            "--prefix",
            "none",
            "--format",
            "{p}",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let tree = String::from_utf8(output.stdout).unwrap();
    let names: BTreeSet<&str> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert!(
        names.contains("bundlecalc-core") && names.contains("toml"),
        "{tree}"
    );
    for name in NOT_IN_THE_CORE {
        assert!(!names.contains(name), "bundlecalc-core depends on `{name}`");
    }
}

#[test]
fn no_file_of_the_core_writes_words() {
    let base = core().join("src");
    let files = sources(&base, &base);
    assert!(files.len() > 40, "{files:?}");
    for file in files {
        let text = read_in(&base, &file);
        for word_maker in ["tr!(", "rust_i18n", "i18n::"] {
            assert!(
                !text.contains(word_maker),
                "crates/bundlecalc-core/src/{} calls `{word_maker}`: the core returns \
                 data, the program words it",
                file.display()
            );
        }
    }
}
