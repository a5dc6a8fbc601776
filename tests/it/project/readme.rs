//! The READMEs say what the program does: their key tables name every key the
//! help lists, their examples are what the program prints, and what they say of
//! `--what-if` and the screen is what happens.

use crate::support::Sandbox;

const README: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));
const README_ZH: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.zh-CN.md"));

/// Every key of the help, in both READMEs' key tables (each key written in
/// backquotes on a table row).
#[test]
fn every_key_the_help_lists_is_in_both_readmes() {
    for (name, readme) in [("README.md", README), ("README.zh-CN.md", README_ZH)] {
        let quoted: Vec<&str> = readme
            .lines()
            .filter(|l| l.starts_with("| `"))
            .flat_map(|l| l.split('`').skip(1).step_by(2))
            .collect();
        for (keys, _) in bundlecalc::tui::windows::help::HELP_LINES {
            for key in keys.split_whitespace().filter(|k| *k != "mouse") {
                assert!(
                    quoted
                        .iter()
                        .any(|q| q.split_whitespace().any(|t| t == key)),
                    "{name} has no row for `{key}`"
                );
            }
        }
    }
}

/// Both READMEs say what `e` edits on a benefit: its rate.
#[test]
fn both_readmes_say_e_on_a_benefit_edits_its_rate() {
    let e_row = |readme: &'static str| {
        readme
            .lines()
            .find(|l| l.starts_with("| `e` |"))
            .expect("a row for e")
    };
    assert!(e_row(README).contains("on a benefit (a service with `value`), its `rate`"));
    assert!(e_row(README_ZH).contains("权益改比例"));
}

/// The README's CSV example is a real run, byte for byte (CR LF aside).
#[test]
fn the_readme_csv_example_is_what_the_program_prints() {
    let command = "`bundlecalc --compare --format csv --per month`:";
    let after = README.split(command).nth(1).expect("the example is there");
    let block = after
        .split("```text\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .unwrap();
    let output = Sandbox::new()
        .command()
        .args(["--compare", "--format", "csv", "--per", "month"])
        .output()
        .unwrap();
    let printed = String::from_utf8(output.stdout)
        .unwrap()
        .replace("\r\n", "\n");
    assert_eq!(block, printed);
}

/// `--what-if` opens the screen with the changes applied (the terminal tests
/// show it); the README says so in every place it speaks of it, never the
/// opposite.
#[test]
fn the_readmes_say_the_screen_opens_with_what_ifs_applied() {
    assert!(README.contains("`--what-if` opens the screen with them applied"));
    assert!(README.contains("the screen opens with the changes named\n  applied"));
    assert!(!README.contains("opens on the file as written"));
    assert!(README_ZH.contains("`--what-if` 打开界面时这些变更已经应用"));
}
