//! No input crashes bundlecalc: arbitrary bytes and mangled valid files either load
//! and compute, or are refused with a message. Never a panic.

use bundlecalc::diagnostic::parse_catalog;
use bundlecalc::error::Error;
use bundlecalc::report::Format;
use bundlecalc::report::compare::{CompareReport, render_compare};
use bundlecalc::report::paint::Painter;
use bundlecalc::report::plan::{PlanReport, render_plan};
use bundlecalc::source::{BUILT_IN, Source};
use bundlecalc_core::calc::compare;
use bundlecalc_core::calc::sort::{SortKey, sort_bundles};
use bundlecalc_core::load::parse::MAX_FILE_BYTES;
use bundlecalc_core::plan::plan;
use bundlecalc_core::scenario::Scenario;
use bundlecalc_core::synthetic::files::{Layout, catalogue, catalogue_in};
use proptest::prelude::*;

/// Everything a user can ask of a file, end to end.
fn exercise(text: &str) {
    let catalog = match parse_catalog(text) {
        Ok(catalog) => catalog,
        Err(problems) => {
            assert!(!problems.is_empty(), "refused without saying why");
            for problem in &problems {
                assert!(!problem.message.is_empty());
                let rendered = problem.render("fuzz.toml", text);
                assert!(rendered.starts_with("error: "));
            }
            return;
        }
    };
    let scenario = Scenario::from_catalog(&catalog);
    let mut comparison = compare(&catalog, &scenario);
    sort_bundles(&mut comparison.bundles, SortKey::SavingsPct, &catalog);
    let report = CompareReport {
        catalog: &catalog,
        file: "fuzz.toml",
        basis: scenario.basis,
        sort: SortKey::SavingsPct,
        reverse: false,
        comparison: &comparison,
    };
    for format in [Format::Table, Format::Json, Format::Csv, Format::Markdown] {
        render_compare(&report, format, Painter::PLAIN);
    }
    if scenario.wants.as_ref().is_some_and(|w| w.len() <= 12)
        && let Ok(found) = plan(&catalog, &scenario)
    {
        let what_ifs = bundlecalc_core::what_if::entries::what_ifs(
            &catalog,
            &[],
            &scenario,
            found.total,
            &bundlecalc_core::plan::problem::Budget::default(),
        );
        let report = PlanReport {
            catalog: &catalog,
            basis: scenario.basis,
            plan: &found,
            what_ifs: what_ifs.as_deref(),
        };
        for format in [Format::Table, Format::Json, Format::Csv, Format::Markdown] {
            render_plan(&report, format, Painter::PLAIN);
        }
    }
}

/// A small edit to a valid file, of the kind that breaks files in real life.
#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Duplicate { at: usize, len: usize },
    Insert { at: usize, text: &'static str },
    Replace { at: usize, with: char },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let token = prop::sample::select(vec![
        "[",
        "]",
        "{",
        "}",
        "\"",
        "'",
        "=",
        ",",
        ".",
        "\n",
        "#",
        "-",
        "e",
        "_",
        "0",
        "1e400",
        "nan",
        "-inf",
        "[[bundles.x]]",
        "one_of = []",
        "price = -1",
        "[services.youku]",
        "tiers = [{}]",
        "\u{0}",
        "淘",
        "\t",
        "period = \"week\"",
        "includes = [\"88vip\"]",
        "wants = [\"xiami\", \"xiami\"]",
        "taoqi = 1e30",
        "price = 99999999999999999999999999999",
        "\"\"\"",
        "inf",
        // Tables and keys written in every way TOML allows.
        "\nservices.zz.price = 1\n",
        "\nprofile.wants = []\n",
        "\n[services]\nzz.price = 1\n",
        "\n[bundles]\n",
        "\n[profile]\n",
        "\n[[bundles.88vip.tiers]]\n",
        "\n# note\n\n",
        "\nqq_music.name = \"Q\"\n",
        // The keys of availability, ways to buy and benefits.
        "status = \"rumoured\"",
        "status = \"ended\"",
        "label = \"monthly\"",
        "other_prices = [{ price = 30, period = \"month\", label = \"monthly\" }]",
        "other_prices = [{}]",
        "value = { fact = \"tmall_spend\", rate = 0.05, max = 1000 }",
        "value = { fact = \"x\", rate = 2 }",
        "sold_alone = false",
        "tmall_spend = -1e30",
        "max = 1e12",
    ]);
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 1usize..80).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        (any::<usize>(), token).prop_map(|(at, text)| Mutation::Insert { at, text }),
        (any::<usize>(), prop::char::any()).prop_map(|(at, with)| Mutation::Replace { at, with }),
    ]
}

/// Applies a mutation at a character boundary.
fn apply(text: &mut String, mutation: &Mutation) {
    let boundary = |text: &String, at: usize| {
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    match mutation {
        Mutation::Delete { at, len } => {
            let start = boundary(text, *at);
            let end = boundary(text, (start + len).min(text.len()));
            text.replace_range(start..end.max(start), "");
        }
        Mutation::Duplicate { at, len } => {
            let start = boundary(text, *at);
            let end = boundary(text, (start + len).min(text.len()));
            let copy = text[start..end.max(start)].to_string();
            text.insert_str(start, &copy);
        }
        Mutation::Insert { at, text: token } => {
            let at = boundary(text, *at);
            text.insert_str(at, token);
        }
        Mutation::Replace { at, with } => {
            let start = boundary(text, *at);
            if let Some(old) = text[start..].chars().next() {
                text.replace_range(start..start + old.len_utf8(), &with.to_string());
            }
        }
    }
}

proptest! {
    #![proptest_config(crate::support::cases(3_000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2_000)) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            exercise(text);
        } else {
            // Most arbitrary bytes are not UTF-8: read as a file, they are refused
            // (exit 65) with a message at the first bad byte, never loaded.
            let mut file = tempfile::NamedTempFile::new().unwrap();
            std::io::Write::write_all(&mut file, &bytes).unwrap();
            let refused = Source::read(file.path()).err();
            prop_assert!(matches!(refused, Some(Error::Invalid { .. })), "{:?}", refused);
            let report = refused.unwrap().report();
            prop_assert!(report.starts_with("error: "), "{}", report);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        exercise(&text);
    }

    #[test]
    fn mangled_valid_files_never_panic(mutations in prop::collection::vec(mutation(), 1..6)) {
        let mut text = BUILT_IN.to_string();
        for mutation in &mutations {
            apply(&mut text, mutation);
        }
        exercise(&text);
    }
}

proptest! {
    #![proptest_config(crate::support::cases(500))]

    /// Generated files in both layouts, mangled or not, load or are refused whole.
    #[test]
    fn mangled_generated_files_never_panic(
        mutations in prop::collection::vec(mutation(), 0..4),
        layout in prop_oneof![Just(Layout::Tables), Just(Layout::Grouped)],
        seed in 0u64..1_000,
    ) {
        let mut text = catalogue_in(layout, 40, 12, seed);
        for mutation in &mutations {
            apply(&mut text, mutation);
        }
        exercise(&text);
    }
}

/// Files the fuzzer once found a problem with: no panic.
#[test]
fn fuzzer_findings_never_panic() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(folder).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        exercise(&String::from_utf8_lossy(&bytes));
        seen += 1;
    }
    // Both findings so far (README, "Robustness"): an empty folder proves nothing.
    assert!(seen >= 2, "{seen} findings");
}

/// The fixtures, valid and invalid, with every key of the format (they are the
/// fuzzer's seeds too): no panic.
#[test]
fn the_fixtures_never_panic() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut seen = 0;
    for folder in [root.clone(), root.join("invalid")] {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                exercise(&std::fs::read_to_string(&path).unwrap());
                seen += 1;
            }
        }
    }
    assert!(seen > 40, "{seen} fixtures");
    // The seed with the new keys loads, and says what its unset benefit fact means.
    let seed = std::fs::read_to_string(root.join("ways_and_benefits.toml")).unwrap();
    let catalog = bundlecalc_core::load::parse_catalog(&seed).unwrap();
    let notes = compare(&catalog, &Scenario::from_catalog(&catalog)).notes;
    let notes = bundlecalc::words::notes(&catalog, &notes);
    assert!(
        notes.iter().any(|n| n.contains("`unset_fact` is not set")),
        "{notes:?}"
    );
}

#[test]
fn large_generated_files_load_whole() {
    for layout in [Layout::Tables, Layout::Grouped] {
        let text = catalogue_in(layout, 2_000, 300, 9);
        assert_eq!(parse_catalog(&text).unwrap().bundles.len(), 2_000);
    }
}

/// The file is read whole; over the limit it is refused before it is parsed, with
/// its size and the limit, and at the limit it is read, whatever it holds.
#[test]
fn files_over_the_limit_are_refused_and_files_under_it_are_read() {
    let mut text = catalogue(100, 20, 2);
    text.push_str(&format!("# {}\n", "长".repeat(MAX_FILE_BYTES / 3)));
    assert!(text.len() > MAX_FILE_BYTES);
    let problems = parse_catalog(&text).expect_err("refused");
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].one_line("big.toml", &text),
        format!(
            "big.toml: the file is 8.01 MiB ({} bytes); bundles files over 8 MiB \
             (8,388,608 bytes) are refused",
            text.len()
                .to_string()
                .as_bytes()
                .rchunks(3)
                .rev()
                .map(|c| std::str::from_utf8(c).unwrap())
                .collect::<Vec<_>>()
                .join(",")
        )
    );

    // Long strings and one inline table of everything, just under the limit, load.
    let mut text = catalogue(100, 20, 2);
    text.push_str(&format!(
        "[services.long]\nprice = 1\nnote = \"{}\"\n",
        "长".repeat(1_000_000)
    ));
    let catalog = parse_catalog(&text).expect("read");
    assert_eq!(
        catalog
            .services
            .last()
            .unwrap()
            .note
            .as_ref()
            .unwrap()
            .len(),
        3_000_000
    );
    let services: Vec<String> = (0..80_000)
        .map(|s| format!("s{s} = {{ price = 1 }}"))
        .collect();
    let text = format!("services = {{ {} }}\n", services.join(", "));
    assert_eq!(parse_catalog(&text).expect("read").services.len(), 80_000);
}

#[test]
fn deep_nesting_and_huge_numbers_are_refused_cleanly() {
    exercise(&format!("a = {}", "[".repeat(100_000)));
    exercise(&format!("x = {}", "{ a = ".repeat(10_000)));
    // Each huge or tiny number is refused, saying which value and where.
    let refused = |text: &str, says: &str, place: &str| {
        let problems = parse_catalog(text).expect_err("refused");
        let rendered: Vec<String> = problems
            .iter()
            .map(|p| p.render("huge.toml", text))
            .collect();
        assert!(
            rendered
                .iter()
                .any(|r| r.contains(says) && r.contains(place)),
            "{rendered:?}"
        );
    };
    refused(
        "[services.a]\nprice = 1e99999999999999999999\n",
        "`services.a.price` is too large",
        "huge.toml:2:9",
    );
    refused(
        "[services.a]\nprice = 0x7fffffffffffffff\n[bundles.b]\nprice = 1\nincludes = [\"a\"]\n",
        "`services.a.price` is too large",
        "huge.toml:2:9",
    );
    refused(
        "[profile.facts]\nt = 1e-99999\n",
        "fact `t` has more than 28 digits after the decimal point",
        "huge.toml:2:5",
    );
    // Deep nesting is refused by the parser's cap (depth 80) where it passes the
    // cap, whether or not the brackets are closed: never accepted, never a crash.
    let brackets = "[".repeat(100_000);
    refused(
        &format!("a = {brackets}"),
        "max recursion depth",
        "huge.toml:1:85",
    );
    refused(
        &format!("a = {brackets}{}", "]".repeat(100_000)),
        "max recursion depth",
        "huge.toml:1:85",
    );
    refused(
        &format!("x = {}", "{ a = ".repeat(10_000)),
        "max recursion depth",
        "huge.toml:1:485",
    );
}
