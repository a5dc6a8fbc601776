//! Saving keeps the file's own style: for every way of writing a bundles file, the
//! saved bytes are the original bytes with only the edited values changed.

use std::fs;
use std::str::FromStr;

use bundlecalc::source::Source;
use bundlecalc::workspace::Workspace;
use bundlecalc_core::edit::{Edit, apply_edits};
use bundlecalc_core::load::parse_catalog;
use rust_decimal::Decimal;

/// One way of writing the same offers, and what each edit must change in it.
struct Style {
    name: &'static str,
    text: String,
    /// `(before, after)`: the price of `qq_music` set to 199.5.
    service_price: (&'static str, &'static str),
    /// The base price of bundle `b` set to 800.
    bundle_price: (&'static str, &'static str),
    /// The wants changed from qq_music, tencent_video to tencent_video, youku.
    wants: (String, String),
}

const BASE: &str = r#"# offers
currency = "CNY"

[profile]
wants = ["qq_music", "tencent_video"]   # mine

[profile.facts]
taoqi = 1200

[services.qq_music]
name = "QQ Music"
price = 188   # yearly

[services.tencent_video]
price = 253

[services.youku]
price = "198.00"

[bundles.b]
price = 888
tiers = [{ when = "taoqi >= 1000", price = 88 }]
includes = ["qq_music", "youku"]
"#;

const BASE_WANTS: (&str, &str) = (
    r#"wants = ["qq_music", "tencent_video"]"#,
    r#"wants = ["tencent_video", "youku"]"#,
);

fn base_style(name: &'static str, text: String) -> Style {
    Style {
        name,
        text,
        service_price: ("price = 188   # yearly", "price = 199.5   # yearly"),
        bundle_price: ("price = 888", "price = 800"),
        wants: (BASE_WANTS.0.into(), BASE_WANTS.1.into()),
    }
}

fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

fn styles() -> Vec<Style> {
    let mut styles = vec![
        base_style("LF", BASE.into()),
        base_style("CRLF", crlf(BASE)),
        base_style("BOM", format!("\u{feff}{BASE}")),
        base_style("BOM and CRLF", format!("\u{feff}{}", crlf(BASE))),
        base_style("no final newline", BASE.trim_end().into()),
        base_style(
            "trailing spaces",
            BASE.lines().map(|l| format!("{l}   \n")).collect(),
        ),
        base_style(
            "only comments before the tables",
            format!(
                "# My offers.\n#\n# Prices checked in November.\n\n\n# --- profile ---\n{}",
                &BASE[BASE.find("[profile]").unwrap()..]
            ),
        ),
    ];
    styles.push(Style {
        name: "tabs",
        text: BASE.replace(" = ", "\t=\t").replace("\n[", "\n\t["),
        service_price: ("price\t=\t188   # yearly", "price\t=\t199.5   # yearly"),
        bundle_price: ("price\t=\t888", "price\t=\t800"),
        wants: (
            BASE_WANTS.0.replace(" = ", "\t=\t"),
            BASE_WANTS.1.replace(" = ", "\t=\t"),
        ),
    });
    styles.push(Style {
        name: "literal strings",
        text: BASE.replace('"', "'"),
        service_price: ("price = 188   # yearly", "price = 199.5   # yearly"),
        bundle_price: ("price = 888", "price = 800"),
        wants: (
            BASE_WANTS.0.replace('"', "'"),
            BASE_WANTS.1.replace('"', "'"),
        ),
    });
    styles.push(Style {
        name: "dotted keys",
        text: r#"currency = "CNY"
profile.wants = ["qq_music", "tencent_video"]   # mine
profile.facts.taoqi = 1200
services.qq_music.name = "QQ Music"
services.qq_music.price = 188   # yearly
services.tencent_video.price = 253
services.youku.price = "198.00"
bundles.b.price = 888
bundles.b.tiers = [{ when = "taoqi >= 1000", price = 88 }]
bundles.b.includes = ["qq_music", "youku"]
"#
        .into(),
        service_price: (
            "services.qq_music.price = 188   # yearly",
            "services.qq_music.price = 199.5   # yearly",
        ),
        bundle_price: ("bundles.b.price = 888", "bundles.b.price = 800"),
        wants: (
            format!("profile.{}", BASE_WANTS.0),
            format!("profile.{}", BASE_WANTS.1),
        ),
    });
    styles.push(Style {
        name: "inline tables",
        text: r#"currency = "CNY"
profile = { wants = ["qq_music", "tencent_video"], facts = { taoqi = 1200 } }

[services]
qq_music = { name = "QQ Music", price = 188 }   # yearly
tencent_video = { price = 253 }
youku = { price = "198.00" }

[bundles]
b = { price = 888, tiers = [{ when = "taoqi >= 1000", price = 88 }], includes = ["qq_music", "youku"] }
"#
        .into(),
        service_price: ("price = 188 }", "price = 199.5 }"),
        bundle_price: ("b = { price = 888,", "b = { price = 800,"),
        wants: (BASE_WANTS.0.into(), BASE_WANTS.1.into()),
    });
    let multi_line = BASE.replace(
        BASE_WANTS.0,
        "wants = [\n    \"qq_music\",      # music\n    \"tencent_video\", # video\n]   # mine",
    );
    styles.push(Style {
        name: "multi-line arrays with comments",
        text: multi_line.replace("   # mine   # mine", "   # mine"),
        service_price: ("price = 188   # yearly", "price = 199.5   # yearly"),
        bundle_price: ("price = 888", "price = 800"),
        wants: (
            "    \"qq_music\",      # music\n    \"tencent_video\", # video\n]".into(),
            "    \"tencent_video\", # video\n    \"youku\",\n]".into(),
        ),
    });
    styles.push(Style {
        name: "CJK keys",
        text: BASE
            .replace("qq_music", "QQ音乐")
            .replace("[services.QQ音乐]", "[services.\"QQ音乐\"]")
            .replace("[services.youku]", "[services.'优酷']")
            .replace("\"youku\"]", "\"优酷\"]"),
        service_price: ("price = 188   # yearly", "price = 199.5   # yearly"),
        bundle_price: ("price = 888", "price = 800"),
        wants: (
            BASE_WANTS.0.replace("qq_music", "QQ音乐"),
            BASE_WANTS.1.replace("youku", "优酷"),
        ),
    });
    styles
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// The ids the style writes for QQ Music and Youku.
fn music_id(style: &Style) -> &'static str {
    if style.name == "CJK keys" {
        "QQ音乐"
    } else {
        "qq_music"
    }
}

fn youku_id(style: &Style) -> &'static str {
    if style.name == "CJK keys" {
        "优酷"
    } else {
        "youku"
    }
}

/// `text` with `before` replaced by `after`, exactly once.
fn changed(text: &str, (before, after): (&str, &str), style: &str) -> String {
    let before_lines = if text.contains("\r\n") {
        crlf(before)
    } else {
        before.to_string()
    };
    let after_lines = if text.contains("\r\n") {
        crlf(after)
    } else {
        after.to_string()
    };
    assert_eq!(
        text.matches(&before_lines).count(),
        1,
        "{style}: `{before}` must be in the file once"
    );
    text.replacen(&before_lines, &after_lines, 1)
}

#[test]
fn there_are_twelve_styles_and_each_loads() {
    let styles = styles();
    assert!(styles.len() >= 12);
    for style in &styles {
        let catalog =
            parse_catalog(&style.text).unwrap_or_else(|e| panic!("{}: {e:?}", style.name));
        assert_eq!(catalog.services.len(), 3, "{}", style.name);
        assert_eq!(catalog.profile.wants.len(), 2, "{}", style.name);
    }
}

#[test]
fn a_service_price_edit_changes_only_that_price() {
    for style in styles() {
        let edit = Edit::ServicePrice {
            id: music_id(&style).into(),
            price: dec("199.5"),
        };
        let saved = apply_edits(&style.text, &[edit]).unwrap();
        assert_eq!(
            saved,
            changed(&style.text, style.service_price, style.name),
            "{}",
            style.name
        );
        let catalog = parse_catalog(&saved).unwrap();
        assert_eq!(catalog.services[0].price, dec("199.5"), "{}", style.name);
    }
}

#[test]
fn a_bundle_price_edit_changes_only_that_price() {
    for style in styles() {
        let edit = Edit::BundlePrice {
            id: "b".into(),
            price: dec("800"),
        };
        let saved = apply_edits(&style.text, &[edit]).unwrap();
        assert_eq!(
            saved,
            changed(&style.text, style.bundle_price, style.name),
            "{}",
            style.name
        );
        assert_eq!(parse_catalog(&saved).unwrap().bundles[0].price, dec("800"));
    }
}

#[test]
fn wanted_marks_change_only_the_list_and_keep_its_comments() {
    for style in styles() {
        let wants = vec!["tencent_video".to_string(), youku_id(&style).to_string()];
        let saved = apply_edits(&style.text, &[Edit::Wants(wants)]).unwrap();
        let (before, after) = (style.wants.0.as_str(), style.wants.1.as_str());
        assert_eq!(
            saved,
            changed(&style.text, (before, after), style.name),
            "{}",
            style.name
        );
        let catalog = parse_catalog(&saved).unwrap();
        let ids: Vec<&str> = catalog
            .profile
            .wants
            .iter()
            .map(|&s| catalog.services[s].id.as_str())
            .collect();
        assert_eq!(ids, ["tencent_video", youku_id(&style)], "{}", style.name);
    }
}

#[test]
fn every_edit_at_once_through_a_real_save() {
    for style in styles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bundles.toml");
        fs::write(&path, &style.text).unwrap();
        let mut workspace = Workspace::new(Source::read(&path).unwrap());
        workspace.record(Edit::ServicePrice {
            id: music_id(&style).into(),
            price: dec("199.5"),
        });
        workspace.record(Edit::BundlePrice {
            id: "b".into(),
            price: dec("800"),
        });
        workspace.record(Edit::Wants(vec![
            "tencent_video".into(),
            youku_id(&style).into(),
        ]));
        workspace.save_job().run().unwrap();
        let mut expected = changed(&style.text, style.service_price, style.name);
        expected = changed(&expected, style.bundle_price, style.name);
        expected = changed(&expected, (&style.wants.0, &style.wants.1), style.name);
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            expected,
            "{}",
            style.name
        );
    }
}

#[test]
fn lines_a_save_adds_take_the_file_s_line_endings_and_ending() {
    let without_profile =
        "currency = \"CNY\"\n\n[services.a]\nprice = 1 # one\n\n[services.b]\nprice = 2";
    // No final newline, LF: the new table is added and the file still ends without one.
    let saved = apply_edits(without_profile, &[Edit::Wants(vec!["a".into()])]).unwrap();
    assert_eq!(
        saved,
        format!("{without_profile}\n\n[profile]\nwants = [\"a\"]")
    );

    // CRLF with a final newline: every added line ends in CRLF.
    let windows = crlf(&format!("{without_profile}\n"));
    let saved = apply_edits(&windows, &[Edit::Wants(vec!["a".into(), "b".into()])]).unwrap();
    assert_eq!(
        saved,
        format!("{windows}\r\n[profile]\r\nwants = [\"a\", \"b\"]\r\n")
    );
    assert_eq!(saved.matches('\n').count(), saved.matches("\r\n").count());

    // A [profile] without wants gets a line after its last value, in its style.
    let profile = "[profile]\r\n\tpicks = {}   # none\r\n\r\n[services.a]\r\nprice = 1\r\n";
    let saved = apply_edits(profile, &[Edit::Wants(vec!["a".into()])]).unwrap();
    assert_eq!(
        saved,
        "[profile]\r\n\tpicks = {}   # none\r\n\twants = [\"a\"]\r\n\r\n[services.a]\r\nprice = 1\r\n"
    );

    // A multi-line list in a CRLF file gets CRLF on the line added.
    let list = "[profile]\r\nwants = [\r\n  \"a\",\r\n]\r\n[services.a]\r\nprice = 1\r\n[services.b]\r\nprice = 2\r\n";
    let saved = apply_edits(list, &[Edit::Wants(vec!["a".into(), "b".into()])]).unwrap();
    assert_eq!(
        saved,
        list.replace("  \"a\",\r\n", "  \"a\",\r\n  \"b\",\r\n")
    );
}

#[test]
fn the_last_wanted_service_removed_leaves_an_empty_list() {
    let text = "[profile]\nwants = [\"a\"] # x\n[services.a]\nprice = 1\n";
    let saved = apply_edits(text, &[Edit::Wants(vec![])]).unwrap();
    assert_eq!(saved, text.replace("[\"a\"]", "[]"));
    let multi = "[profile]\nwants = [\n  \"a\", # first\n  \"b\"\n]\n[services.a]\nprice = 1\n[services.b]\nprice = 1\n";
    let saved = apply_edits(multi, &[Edit::Wants(vec!["a".into()])]).unwrap();
    assert_eq!(saved, multi.replace("  \"b\"\n", ""));
    let saved = apply_edits(multi, &[Edit::Wants(vec!["b".into()])]).unwrap();
    assert_eq!(saved, multi.replace("  \"a\", # first\n", ""));
}

fn fact(name: &str, value: &str) -> Edit {
    Edit::Fact {
        name: name.into(),
        value: dec(value),
    }
}

#[test]
fn a_fact_edit_changes_the_value_in_place_in_every_style() {
    for style in styles() {
        let saved = apply_edits(&style.text, &[fact("taoqi", "500")]).unwrap();
        let catalog = parse_catalog(&saved).unwrap();
        assert_eq!(catalog.profile.facts["taoqi"], dec("500"), "{}", style.name);
        // Only `1200` became `500`.
        assert_eq!(saved.len() + 1, style.text.len(), "{}", style.name);
        assert_eq!(
            saved,
            style
                .text
                .replacen("taoqi = 1200", "taoqi = 500", 1)
                .replacen("taoqi\t=\t1200", "taoqi\t=\t500", 1),
            "{}",
            style.name
        );
    }
}

#[test]
fn a_new_fact_is_added_in_the_file_s_style() {
    // Under a [profile.facts] header: a line after the last fact, same indent.
    let table = "[profile.facts]\r\n  taoqi = 1200   # mine\r\n\r\n[services.a]\r\nprice = 1\r\n";
    let saved = apply_edits(table, &[fact("level", "3")]).unwrap();
    assert_eq!(
        saved,
        "[profile.facts]\r\n  taoqi = 1200   # mine\r\n  level = 3\r\n\r\n[services.a]\r\nprice = 1\r\n"
    );
    // [profile.facts] written as a dotted key under [profile].
    let dotted = "[profile]\nwants = []\nfacts.taoqi = 1200\n\n[services.a]\nprice = 1\n";
    let saved = apply_edits(dotted, &[fact("taoqi", "500"), fact("level", "3")]).unwrap();
    assert_eq!(
        saved,
        "[profile]\nwants = []\nfacts.taoqi = 500\nfacts.level = 3\n\n[services.a]\nprice = 1\n"
    );
    // Dotted keys at the top of the file.
    let top = "profile.facts.taoqi = 1200\n\n[services.a]\nprice = 1\n";
    let saved = apply_edits(top, &[fact("level", "-2.5")]).unwrap();
    assert_eq!(
        saved,
        "profile.facts.taoqi = 1200\nprofile.facts.level = -2.5\n\n[services.a]\nprice = 1\n"
    );
    // An inline table.
    let inline = "profile = { facts = { taoqi = 1200 } }\n[services.a]\nprice = 1\n";
    let saved = apply_edits(inline, &[fact("level", "3")]).unwrap();
    assert_eq!(
        saved,
        "profile = { facts = { taoqi = 1200, level = 3 } }\n[services.a]\nprice = 1\n"
    );
    for text in [&saved, &apply_edits(top, &[fact("level", "3")]).unwrap()] {
        assert_eq!(
            parse_catalog(text).unwrap().profile.facts["level"],
            dec("3")
        );
    }
}

#[test]
fn a_file_without_a_profile_gets_one_at_its_end() {
    let text = "# offers\r\ncurrency = \"CNY\"\r\n\r\n[services.a]\r\nprice = 1\r\n";
    let saved = apply_edits(text, &[fact("taoqi", "500")]).unwrap();
    assert_eq!(
        saved,
        format!("{text}\r\n[profile.facts]\r\ntaoqi = 500\r\n")
    );
    let picked = apply_edits(
        "[services.a]\nprice = 1\n[services.b]\nprice = 2\n[bundles.x]\nprice = 1\nincludes = [{ one_of = [\"a\", \"b\"] }]",
        &[Edit::Picks {
            bundle: "x".into(),
            members: vec!["b".into()],
        }],
    )
    .unwrap();
    assert!(
        picked
            .ends_with("includes = [{ one_of = [\"a\", \"b\"] }]\n\n[profile.picks]\nx = [\"b\"]"),
        "{picked}"
    );
    let catalog = parse_catalog(&picked).unwrap();
    assert_eq!(catalog.profile.picks[&0], vec![1]);
}

#[test]
fn a_pick_edit_changes_only_that_bundle_s_list() {
    let shipped = bundlecalc::source::BUILT_IN;
    let edit = Edit::Picks {
        bundle: "88vip".into(),
        members: vec!["xiami".into()],
    };
    let saved = apply_edits(shipped, std::slice::from_ref(&edit)).unwrap();
    assert_eq!(
        saved,
        shipped.replacen(
            "picks = { \"88vip\" = [\"netease_music\"] }",
            "picks = { \"88vip\" = [\"xiami\"] }",
            1
        )
    );
    // A multi-line list keeps its comments; a new bundle's picks join the table.
    let text = "[profile.picks]\n\"88vip\" = [\n  \"netease_music\",  # the one I use\n]\n\n[services.netease_music]\nprice = 1\n[services.xiami]\nprice = 1\n[services.c]\nprice = 1\n[services.d]\nprice = 1\n[bundles.88vip]\nprice = 1\nincludes = [{ one_of = [\"netease_music\", \"xiami\"] }]\n[bundles.other]\nprice = 1\nincludes = [{ one_of = [\"c\", \"d\"] }]\n";
    let saved = apply_edits(
        text,
        &[
            edit,
            Edit::Picks {
                bundle: "other".into(),
                members: vec!["d".into()],
            },
        ],
    )
    .unwrap();
    assert_eq!(
        saved,
        text.replace(
            "  \"netease_music\",  # the one I use\n]\n",
            "  \"xiami\",\n]\nother = [\"d\"]\n"
        )
    );
    parse_catalog(&saved).unwrap();
}

/// Removing wanted services one after another from a list with comments on every
/// line keeps each comment that is not on a removed item's own line.
#[test]
fn removing_several_wants_keeps_the_comments_between_them() {
    let services = "[services.a]\nprice = 1\n[services.b]\nprice = 1\n[services.c]\nprice = 1\n";
    let text = format!(
        "[profile]\nwants = [ \"a\", # first on bracket line\n  \"b\" , # b comment\n  # orphan comment\n  \"c\"   # c no comma\n]   # after array\n{services}"
    );
    let saved = apply_edits(&text, &[Edit::Wants(vec!["c".into()])]).unwrap();
    assert_eq!(
        saved,
        format!(
            "[profile]\nwants = [     # orphan comment\n  \"c\"   # c no comma\n]   # after array\n{services}"
        )
    );
    assert!(parse_catalog(&saved).is_ok());
    let saved = apply_edits(&text, &[Edit::Wants(vec![])]).unwrap();
    assert_eq!(
        saved,
        format!("[profile]\nwants = [     # orphan comment\n]   # after array\n{services}")
    );
    assert!(parse_catalog(&saved).is_ok());
}
