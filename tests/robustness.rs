//! No input crashes bundlecalc: arbitrary bytes and mangled valid files either load
//! and compute, or are refused with a message. Never a panic.

use bundlecalc::calc::{Scenario, SortKey, compare, sort_bundles};
use bundlecalc::load::{parse_by_sections, parse_catalog, parse_in_chunks, parse_whole};
use bundlecalc::plan::plan;
use bundlecalc::report::{CompareReport, Format, Painter, PlanReport, render_compare, render_plan};
use bundlecalc::source::BUILT_IN;
use bundlecalc::synthetic::catalogue;
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
        comparison: &comparison,
    };
    for format in [Format::Table, Format::Json, Format::Csv, Format::Markdown] {
        render_compare(&report, format, Painter::PLAIN);
    }
    if scenario.wants.as_ref().is_some_and(|w| w.len() <= 12)
        && let Ok(found) = plan(&catalog, &scenario)
    {
        let report = PlanReport {
            catalog: &catalog,
            basis: scenario.basis,
            plan: &found,
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
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2_000)) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            exercise(text);
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
    #![proptest_config(ProptestConfig::with_cases(1_500))]

    /// Reading a file section by section is only ever a way to save memory: when it
    /// gives an answer, it is the whole-file answer, figures and problems alike.
    #[test]
    fn sections_give_the_whole_file_answer(
        mutations in prop::collection::vec(mutation(), 0..4),
        generated in any::<bool>(),
        seed in 0u64..1_000,
        chunk_bytes in prop_oneof![Just(1usize), 1usize..2_000],
    ) {
        let mut text = if generated { catalogue(40, 12, seed) } else { BUILT_IN.to_string() };
        for mutation in &mutations {
            apply(&mut text, mutation);
        }
        if let Some(by_sections) = parse_in_chunks(&text, chunk_bytes) {
            prop_assert_eq!(by_sections, parse_whole(&text));
        } else {
            prop_assert!(!mutations.is_empty(), "a clean file must split");
        }
    }
}

/// Files the fuzzer once found a problem with: no panic, and chunked reading agrees.
#[test]
fn fuzzer_findings_agree_section_by_section() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    for entry in std::fs::read_dir(folder).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        exercise(&text);
        if let Some(by_sections) = parse_in_chunks(&text, 1) {
            assert_eq!(by_sections, parse_whole(&text));
        }
    }
}

#[test]
fn large_generated_files_split_and_agree() {
    for (bundles, services) in [(2_000, 300), (500, 40)] {
        let text = catalogue(bundles, services, 9);
        let by_sections = parse_by_sections(&text).expect("a generated file splits cleanly");
        assert_eq!(by_sections, parse_whole(&text));
        assert_eq!(
            parse_in_chunks(&text, 1).expect("and section by section"),
            by_sections
        );
        assert_eq!(by_sections.unwrap().bundles.len(), bundles);
    }
}

#[test]
fn deep_nesting_and_huge_numbers_are_refused_cleanly() {
    exercise(&format!("a = {}", "[".repeat(100_000)));
    exercise(&format!("x = {}", "{ a = ".repeat(10_000)));
    exercise("[services.a]\nprice = 1e99999999999999999999\n");
    exercise(
        "[services.a]\nprice = 0x7fffffffffffffff\n[bundles.b]\nprice = 1\nincludes = [\"a\"]\n",
    );
    exercise("[profile.facts]\nt = 1e-99999\n");
}
