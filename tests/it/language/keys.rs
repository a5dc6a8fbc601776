//! Every message key the code uses is in both locale files, however the code
//! writes it: a key on the line after `tr!(`, a key in a table (the help's lines,
//! the hints), and a key built at run time (`tr!(&format!("period.{}", …))`,
//! `Message::new(format!("item.{}", …))`, `{key}_one`), whose every value is
//! listed here from what produces it, so that a missing translation fails here
//! rather than on somebody's screen.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use bundlecalc_core::calc::sort::SortKey;
use bundlecalc_core::period::Period;
use bundlecalc_core::plan::types::OfferKind;
use bundlecalc_core::split::Split;

use super::locales::messages;

/// The `.rs` files of a folder of the repository and below, by path, with their text.
fn rust_files(folder: &str) -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = BTreeMap::new();
    let mut folders = vec![root.join(folder)];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path.strip_prefix(root).unwrap().display().to_string();
                files.insert(name, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    files
}

/// Both crates' source files.
fn all_sources() -> BTreeMap<String, String> {
    let mut files = rust_files("src");
    files.extend(rust_files("crates/bundlecalc-core/src"));
    files
}

/// The first segments of the keys (`period`, `load`, `help`…).
fn sections(en: &BTreeMap<String, String>) -> BTreeSet<String> {
    en.keys()
        .filter_map(|key| key.split_once('.'))
        .map(|(section, _)| section.to_string())
        .collect()
}

/// Whether `text` reads as a key of one of `sections`: `section.name`, lower case,
/// digits and `_`, and not a file name.
fn is_key(text: &str, sections: &BTreeSet<String>) -> bool {
    let Some((section, rest)) = text.split_once('.') else {
        return false;
    };
    let word = |w: &str| {
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    sections.contains(section)
        && rest.split('.').all(word)
        && !["rs", "toml", "md", "json", "csv"].contains(&rest.rsplit('.').next().unwrap())
}

/// The text of each string literal `"…"` in `code` (keys hold no escapes); a
/// quote written as a character, `'"'`, opens none.
fn literals(code: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(start) = rest.find('"') {
        let after = &rest[start + 1..];
        if rest[..start].ends_with('\'') && after.starts_with('\'') {
            rest = after;
            continue;
        }
        let mut end = 0;
        let mut escaped = false;
        for (at, c) in after.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = at;
                    break;
                }
                _ => escaped = false,
            }
            end = after.len();
        }
        found.push(&after[..end]);
        rest = after.get(end + 1..).unwrap_or("");
    }
    found
}

/// The arguments of each call `name(…)` in `code` (not its definition), as written.
fn calls<'a>(code: &'a str, name: &str) -> Vec<&'a str> {
    let opening = format!("{name}(");
    let mut found = Vec::new();
    for (at, _) in code.match_indices(&opening) {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') || code[..at].ends_with("fn ") {
            continue;
        }
        let arguments = &code[at + opening.len()..];
        let (mut depth, mut quoted, mut escaped) = (1, false, false);
        let mut closed = false;
        for (end, c) in arguments.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' if quoted => escaped = true,
                '"' => quoted = !quoted,
                '(' if !quoted => depth += 1,
                ')' if !quoted => {
                    depth -= 1;
                    if depth == 0 {
                        found.push(&arguments[..end]);
                        closed = true;
                        break;
                    }
                }
                _ => {}
            }
        }
        assert!(closed, "cannot read the call {name}( at byte {at}");
    }
    found
}

/// The string literals of the list `[…]` that ends last before `site` in `file`.
fn list_before(files: &BTreeMap<String, String>, file: &str, site: &str) -> Vec<String> {
    let text = &files[file];
    let at = text
        .find(site)
        .unwrap_or_else(|| panic!("{file} no longer holds {site}: update this test"));
    let end = text[..at].rfind(']').unwrap();
    let start = text[..end].rfind('[').unwrap();
    literals(&text[start..end])
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// The string literals of the constant list `const NAME: [&str; N] = […]` in `file`.
fn constant_list(files: &BTreeMap<String, String>, file: &str, name: &str) -> Vec<String> {
    let text = &files[file];
    let at = text
        .find(&format!("const {name}: [&str;"))
        .unwrap_or_else(|| panic!("{file} no longer holds the list {name}: update this test"));
    let start = at + text[at..].find("= [").unwrap();
    let end = start + text[start..].find(']').unwrap();
    literals(&text[start..end])
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// The first string literal of each call `name(…)` in the files under `folder`.
fn first_literals(files: &BTreeMap<String, String>, folder: &str, name: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (file, text) in files.range(folder.to_string()..) {
        if !file.starts_with(folder) {
            break;
        }
        for arguments in calls(text, name) {
            let literal = literals(arguments).into_iter().next();
            let literal = literal.unwrap_or_else(|| {
                panic!("{file}: {name}({arguments}) builds its key from no literal: list it here")
            });
            found.push(literal.to_string());
        }
    }
    assert!(!found.is_empty(), "no call {name}( under {folder}");
    found
}

/// Each way the code builds a key at run time, written as in its `format!`, with
/// every key it can build, taken from what produces the part filled in.
fn keys_built_at_run_time() -> Vec<(&'static str, Vec<String>)> {
    let files = all_sources();
    let keys = |prefix: &str, names: &[String], suffix: &str| -> Vec<String> {
        names
            .iter()
            .map(|name| format!("{prefix}{name}{suffix}"))
            .collect()
    };
    let periods: Vec<String> = Period::CYCLE.iter().map(|p| p.name().into()).collect();
    let sorts: Vec<String> = SortKey::CYCLE.iter().map(|s| s.name().into()).collect();
    let named: Vec<String> = Split::NAMED.iter().map(|s| s.name().into()).collect();
    let mut rules = named.clone();
    rules.push(Split::Weights(Vec::new()).name().into());
    let months: Vec<String> = (1..=12).map(|m: u32| m.to_string()).collect();
    // As report/plan/ names them; a new kind of offer fails to compile here.
    let kinds: Vec<String> = [OfferKind::Bundle(0), OfferKind::Service(0)]
        .map(|kind| match kind {
            OfferKind::Bundle(_) => "bundle".to_string(),
            OfferKind::Service(_) => "service".to_string(),
        })
        .to_vec();
    let compare_rows = "src/report/compare/rows.rs";
    let plan_rows = "src/report/plan/rows.rs";
    let plan_markdown = "src/report/plan/markdown.rs";
    let args_rs = "src/cli/args.rs";
    // `unknown_id("service", …)`: the kind of id the command line did not find.
    let unknown = first_literals(&files, "src/cli/", "unknown_id");
    // `counted(n, "count.services")`, `Message::counted(n, "count.more_problems")`:
    // the key for many, and `{key}_one` for one.
    let mut counted = first_literals(&files, "src/", "counted");
    counted.extend(first_literals(&files, "crates/", "counted"));
    counted.sort();
    counted.dedup();
    // `InItem("a tier of bundle", id)`: the kind of item a problem is in.
    let items: BTreeSet<String> = first_literals(&files, "crates/", "InItem")
        .iter()
        .map(|kind| kind.replace(['`', ' '], "_"))
        .collect();
    let items: Vec<String> = items.into_iter().collect();
    // `describe`'s arms, `DeValue::Array(_) => "list"`: the kinds of TOML value.
    let values: Vec<String> = files["crates/bundlecalc-core/src/load/place.rs"]
        .lines()
        .filter(|line| line.contains("DeValue::"))
        .filter_map(|line| line.split_once("=> \""))
        .map(|(_, rest)| rest.split('"').next().unwrap().to_string())
        .collect();
    assert_eq!(values.len(), 7, "{values:?}");
    vec![
        ("period.{}", keys("period.", &periods, "")),
        ("sort.{}", keys("sort.", &sorts, "")),
        ("split.name.{}", keys("split.name.", &rules, "")),
        ("split.line.{}", keys("split.line.", &named, "")),
        ("calendar.month.{}", keys("calendar.month.", &months, "")),
        ("plan.kind.{}", keys("plan.kind.", &kinds, "")),
        (
            "md.{field}",
            keys(
                "md.",
                &constant_list(&files, compare_rows, "SUMMARY_HEADINGS"),
                "",
            ),
        ),
        (
            "md.plan_{field}",
            keys(
                "md.plan_",
                &constant_list(&files, plan_rows, "HEADINGS"),
                "",
            ),
        ),
        (
            "md.person_{field}",
            keys(
                "md.person_",
                &list_before(&files, plan_markdown, "md.person_{field}"),
                "",
            ),
        ),
        (
            "args.{id}",
            keys("args.", &list_before(&files, args_rs, "\"args.{id}\""), ""),
        ),
        (
            "args.{name}",
            keys(
                "args.",
                &list_before(&files, args_rs, "\"args.{name}\""),
                "",
            ),
        ),
        ("cli.unknown_{kind}", keys("cli.unknown_", &unknown, "")),
        ("cli.no_{kind}s", keys("cli.no_", &unknown, "s")),
        ("cli.{kind}s_are", keys("cli.", &unknown, "s_are")),
        ("{key}_one", {
            let mut both = keys("", &counted, "");
            both.extend(keys("", &counted, "_one"));
            both
        }),
        ("item.{}", keys("item.", &items, "")),
        ("type.{kind}", keys("type.", &values, "")),
    ]
}

/// Every string literal in either crate that reads as a key (`help.quit`), wherever
/// it is written: after `tr!(` on the next line, in a table of lines, in a
/// constant. (The checks in `locales.rs` read only `tr!("…` and `msg!("…`
/// written on one line.)
#[test]
fn every_key_written_in_the_code_exists() {
    let en = messages("en");
    let zh = messages("zh");
    let sections = sections(&en);
    let mut seen = 0;
    for (file, text) in all_sources() {
        for literal in literals(&text) {
            if is_key(literal, &sections) {
                seen += 1;
                assert!(
                    en.contains_key(literal),
                    "{literal} in {file} is not in en.toml"
                );
                assert!(
                    zh.contains_key(literal),
                    "{literal} in {file} is not in zh.toml"
                );
            }
        }
    }
    // About 590 places today, in both crates.
    assert!(seen > 400, "{seen} keys seen");
}

/// Every key the code builds at run time is in both files: each family's keys
/// are listed from the enum, the list or the calls that produce them, and every
/// `format!` in either crate that builds a key is one of the families listed.
#[test]
fn every_key_built_at_run_time_exists() {
    let en = messages("en");
    let zh = messages("zh");
    let sections = sections(&en);
    let families = keys_built_at_run_time();
    // No family left out: every `format!("section.…{…}…")` and `{key}_one`.
    let mut built = BTreeSet::new();
    for (file, text) in all_sources() {
        for arguments in calls(&text, "format!") {
            let Some(pattern) = arguments.trim_start().strip_prefix('"') else {
                continue;
            };
            let pattern = pattern.split('"').next().unwrap();
            let names_a_key = pattern
                .split_once('.')
                .is_some_and(|(section, _)| sections.contains(section));
            if pattern.contains('{') && (names_a_key || pattern == "{key}_one") {
                assert!(
                    families.iter().any(|(family, _)| *family == pattern),
                    "{file} builds keys as {pattern:?}: list every key it can build in \
                     keys_built_at_run_time"
                );
                built.insert(pattern.to_string());
            }
        }
    }
    for (family, keys) in &families {
        assert!(
            built.contains(*family),
            "no code builds {family:?} any more"
        );
        assert!(!keys.is_empty(), "{family}: no key listed");
        for key in keys {
            assert!(
                en.contains_key(key),
                "{key} (built as {family}) is not in en.toml"
            );
            assert!(
                zh.contains_key(key),
                "{key} (built as {family}) is not in zh.toml"
            );
        }
    }
    let listed: usize = families.iter().map(|(_, keys)| keys.len()).sum();
    assert!(listed > 80, "{listed} keys listed");
}
