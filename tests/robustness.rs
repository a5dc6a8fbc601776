//! No input crashes bundlecalc: arbitrary bytes and mangled valid files either load
//! and compute, or are refused with a message. Never a panic.

use bundlecalc::calc::{Scenario, SortKey, compare, sort_bundles};
use bundlecalc::diagnostic::Diagnostic;
use bundlecalc::load::{WHOLE_FILE_LIMIT, parse_catalog, parse_in_pieces, parse_whole};
use bundlecalc::plan::plan;
use bundlecalc::report::{CompareReport, Format, Painter, PlanReport, render_compare, render_plan};
use bundlecalc::source::BUILT_IN;
use bundlecalc::synthetic::{Layout, catalogue, catalogue_in};
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

/// Reads `text` in pieces of at least `piece_bytes` and checks that it gives the
/// whole-file answer: the same catalogue, or the same problems. Only when a piece is
/// not valid TOML may the whole-file parse report another of the file's TOML errors
/// first. False when the file did not split.
fn pieces_agree(text: &str, piece_bytes: usize) -> bool {
    let Ok(by_pieces) = parse_in_pieces(text, piece_bytes) else {
        return false;
    };
    let whole = parse_whole(text);
    let not_toml = |problems: &[Diagnostic]| {
        problems.len() == 1 && problems[0].message.starts_with("this is not valid TOML")
    };
    match (&by_pieces, &whole) {
        (Err(pieces), Err(whole)) if not_toml(pieces) => {
            assert!(
                not_toml(whole),
                "{pieces:?} but the whole file gives {whole:?}"
            )
        }
        _ => assert_eq!(by_pieces, whole, "pieces of {piece_bytes} bytes"),
    }
    true
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
        // Lines that decide where a large file may be cut.
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

    /// Reading a file a piece at a time is only ever a way to save memory: when it
    /// gives an answer, it is the whole-file answer, figures and problems alike.
    #[test]
    fn pieces_give_the_whole_file_answer(
        mutations in prop::collection::vec(mutation(), 0..4),
        generated in prop_oneof![Just(None), Just(Some(Layout::Tables)), Just(Some(Layout::Grouped))],
        seed in 0u64..1_000,
        piece_bytes in prop_oneof![Just(1usize), 1usize..2_000],
    ) {
        let mut text = match generated {
            Some(layout) => catalogue_in(layout, 40, 12, seed),
            None => BUILT_IN.to_string(),
        };
        for mutation in &mutations {
            apply(&mut text, mutation);
        }
        let split = pieces_agree(&text, piece_bytes);
        prop_assert!(split || !mutations.is_empty(), "a clean file must split");
    }
}

/// Files the fuzzer once found a problem with: no panic, and reading by pieces agrees.
#[test]
fn fuzzer_findings_agree_piece_by_piece() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    for entry in std::fs::read_dir(folder).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        exercise(&text);
        pieces_agree(&text, 1);
    }
}

/// The fixtures, valid and invalid, with every key of the format: no panic, and
/// reading by pieces agrees (they are the fuzzer's seeds too).
#[test]
fn the_fixtures_agree_piece_by_piece() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut seen = 0;
    for folder in [root.clone(), root.join("invalid")] {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                let text = std::fs::read_to_string(&path).unwrap();
                exercise(&text);
                // Agrees whenever the file splits (a duplicate table does not).
                pieces_agree(&text, 1);
                seen += 1;
            }
        }
    }
    assert!(seen > 40, "{seen} fixtures");
    // The seed with the new keys loads, and says what its unset benefit fact means.
    let seed = std::fs::read_to_string(root.join("ways_and_benefits.toml")).unwrap();
    let catalog = bundlecalc::load::parse_catalog(&seed).unwrap();
    let notes = compare(&catalog, &Scenario::from_catalog(&catalog)).notes;
    assert!(
        notes.iter().any(|n| n.contains("`unset_fact` is not set")),
        "{notes:?}"
    );
}

#[test]
fn large_generated_files_split_and_agree() {
    for layout in [Layout::Tables, Layout::Grouped] {
        for (bundles, services) in [(2_000, 300), (500, 40)] {
            let text = catalogue_in(layout, bundles, services, 9);
            assert!(
                pieces_agree(&text, 64 * 1024),
                "a generated file splits cleanly"
            );
            assert!(pieces_agree(&text, 1), "and item by item");
            assert_eq!(parse_catalog(&text).unwrap().bundles.len(), bundles);
        }
    }
}

/// Files over the whole-file limit are read in pieces or refused: never parsed whole.
#[test]
fn large_files_that_cannot_be_read_in_pieces_are_refused_with_the_reason() {
    let refusal = |text: &str| {
        assert!(text.len() > WHOLE_FILE_LIMIT);
        let problems = parse_catalog(text).expect_err("refused");
        assert_eq!(problems.len(), 1);
        problems[0].one_line("big.toml", text)
    };
    // One inline table of everything: no piece smaller than the file.
    let services: Vec<String> = (0..80_000)
        .map(|s| format!("s{s} = {{ price = 1 }}"))
        .collect();
    let text = format!("services = {{ {} }}\n", services.join(", "));
    let message = refusal(&text);
    assert!(
        message.starts_with("big.toml:1:1: this file (1.8 MiB) is too large to read in one go"),
        "{message}"
    );
    assert!(
        message.ends_with(
            "this entry is 1.8 MiB of TOML outside strings and comments, over the 1.0 MiB read at once"
        ),
        "{message}"
    );

    // One long list among ordinary tables: the refusal points at it.
    let mut text = catalogue(100, 20, 2);
    let line = text.lines().count() + 2;
    text.push_str(&format!(
        "[services.long]\nnote = [{}]\n",
        "1, ".repeat(400_000)
    ));
    let message = refusal(&text);
    assert!(
        message.starts_with(&format!("big.toml:{line}:1: ")),
        "{message}"
    );
    assert!(
        message.contains("this entry is 1.1 MiB of TOML"),
        "{message}"
    );

    // Long strings and comments cost the parser little, and are read.
    let mut text = catalogue(100, 20, 2);
    text.push_str(&format!(
        "# {}\n[services.long]\nprice = 1\n",
        "长".repeat(400_000)
    ));
    text.push_str(&format!("note = \"{}\"\n", "长".repeat(400_000)));
    assert!(text.len() > 2 * WHOLE_FILE_LIMIT);
    let catalog = parse_catalog(&text).expect("read");
    let note = catalog.services.last().unwrap().note.as_ref().unwrap();
    assert_eq!(note.len(), 1_200_000);

    // A service defined in two places far apart.
    let mut text = catalogue(9_000, 300, 2);
    let line = text.lines().count() + 1;
    text.push_str("[services.s5.more]\nx = 1\n");
    let message = refusal(&text);
    assert!(
        message.starts_with(&format!("big.toml:{line}:")),
        "{message} (expected line {line})"
    );
    assert!(
        message.contains("`services.s5` is defined here and also in another part"),
        "{message}"
    );

    // Small enough to parse whole, the same mistake gets the schema's message.
    let small =
        catalogue(20, 10, 2).replace("[bundles.b0]", "[services.s5.more]\nx = 1\n[bundles.b0]");
    let problems = parse_catalog(&small).expect_err("refused");
    assert!(
        problems[0].message.contains("unknown key `more`"),
        "{problems:?}"
    );
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
