//! Two languages, complete: English and Simplified Chinese, chosen by `--lang` or
//! the locale; JSON and CSV never change with them.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::Sandbox;

/// The messages of `locales/{lang}.toml`, by key.
pub(super) fn messages(lang: &str) -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("locales/{lang}.toml"));
    let text = std::fs::read_to_string(path).unwrap();
    toml::from_str(&text).unwrap()
}

#[test]
fn every_message_key_is_in_both_languages() {
    let en = messages("en");
    let zh = messages("zh");
    assert!(en.len() > 50, "{} messages", en.len());
    let missing_in_zh: Vec<&String> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
    let missing_in_en: Vec<&String> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(missing_in_zh.is_empty(), "not in zh: {missing_in_zh:?}");
    assert!(missing_in_en.is_empty(), "not in en: {missing_in_en:?}");
    for (key, text) in &zh {
        assert!(
            !text.trim().is_empty() || en[key].trim().is_empty(),
            "{key} is empty"
        );
        // The same arguments in both.
        let args = |text: &str| {
            let mut names: Vec<String> = text
                .split("%{")
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
                .collect();
            names.sort();
            names
        };
        assert_eq!(args(text), args(&en[key]), "{key}");
    }
}

/// Every `tr!("…")` key in the code is a message.
#[test]
fn every_key_the_code_uses_exists() {
    let en = messages("en");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut used = Vec::new();
    let mut folders = vec![src];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (at, _) in text.match_indices("tr!(\"") {
                    // `tr!`, not `include_str!` or another macro ending in "tr".
                    let before = text[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = &text[at + "tr!(\"".len()..];
                    if let Some((key, _)) = rest.split_once('"') {
                        used.push((key.to_string(), path.display().to_string()));
                    }
                }
            }
        }
    }
    assert!(used.len() > 30);
    for (key, file) in used {
        assert!(en.contains_key(&key), "{key} used in {file} has no message");
    }
}

/// Every key of a message the core returns (`msg!("…")`, `Message::new("…")`)
/// is a message: the program words it from the locale files.
#[test]
fn every_key_the_core_uses_exists() {
    let en = messages("en");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/bundlecalc-core/src");
    let mut used = Vec::new();
    let mut folders = vec![src];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for opening in ["msg!(\"", "Message::new(\""] {
                    for (at, _) in text.match_indices(opening) {
                        let rest = &text[at + opening.len()..];
                        if let Some((key, _)) = rest.split_once('"') {
                            used.push((key.to_string(), path.display().to_string()));
                        }
                    }
                }
            }
        }
    }
    assert!(used.len() > 100, "{} keys", used.len());
    for (key, file) in used {
        // Every message key has a dot (`load.unknown_key`); the core's docs and
        // tests also write made-up ones (`"key"`, `"at 1"`), which are not.
        if !key.contains('.') {
            continue;
        }
        assert!(en.contains_key(&key), "{key} used in {file} has no message");
    }
}

#[test]
fn the_locale_chooses_chinese_and_lang_overrides_it() {
    let sandbox = Sandbox::new();
    let run = |lang_env: &str, args: &[&str]| {
        let output = sandbox
            .command()
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang_env)
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let chinese = run("zh_CN.UTF-8", &["--compare"]);
    assert!(
        chinese.starts_with("（内置） · CNY · 每年 · 按文件顺序排序"),
        "{chinese}"
    );
    assert!(
        chinese.contains("标准价值") && chinese.contains("实际成本"),
        "{chinese}"
    );
    let english = run("zh_CN.UTF-8", &["--compare", "--lang", "en"]);
    assert!(
        english.starts_with("(built-in) · CNY per year · sorted by file order"),
        "{english}"
    );
    let plan = run("zh_CN.UTF-8", &["--plan"]);
    assert!(plan.starts_with("最省方案："), "{plan}");
    assert!(plan.contains("合计 ¥404.00"), "{plan}");
    // LC_ALL wins over LANG.
    let output = sandbox
        .command()
        .env("LC_ALL", "en_US.UTF-8")
        .env("LANG", "zh_CN.UTF-8")
        .arg("--compare")
        .output()
        .unwrap();
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .starts_with("(built-in) · CNY per year")
    );
    // JSON and CSV are the same bytes in both languages.
    for format in ["json", "csv"] {
        for mode in [&["--compare"][..], &["--plan"]] {
            let mut args = mode.to_vec();
            args.extend(["--format", format]);
            let zh = run("zh_CN.UTF-8", &args);
            let en = run("C", &args);
            assert_eq!(zh, en, "{mode:?} {format}");
        }
    }
    // So are the problems `--check --format json` lists, in English.
    let bad = sandbox.write(
        "bad.toml",
        "[profile]\nwants = [\"zz\"]\n[services.a]\nprice = 1\n",
    );
    let check = |lang: &str| {
        let output = sandbox
            .command()
            .args(["--check", "--format", "json", "--lang", lang, "--file"])
            .arg(&bad)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(65));
        String::from_utf8(output.stdout).unwrap()
    };
    let english = check("en");
    assert!(
        english.contains("unknown service `zz` in `profile.wants`"),
        "{english}"
    );
    assert_eq!(check("zh"), english);
}

#[test]
fn table_and_markdown_snapshots_in_chinese() {
    let sandbox = Sandbox::new();
    let run = |args: &[&str]| {
        let output = sandbox
            .command()
            .args(["--lang", "zh", "--today", "2026-11-30"])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    insta::assert_snapshot!("compare_table_zh", run(&["--compare", "jingteng"]));
    insta::assert_snapshot!(
        "compare_markdown_zh",
        run(&["--compare", "--format", "markdown"])
    );
    insta::assert_snapshot!("plan_table_zh", run(&["--plan"]));
    insta::assert_snapshot!("plan_markdown_zh", run(&["--plan", "--format", "markdown"]));
}

mod screen {
    use bundlecalc::i18n::{Lang, in_language};
    use bundlecalc::tui::action::Action;
    use bundlecalc::tui::action::Opens;
    use bundlecalc::tui::app::App;

    use crate::support::app::built_in as app;
    use crate::support::screen::screen;

    #[test]
    fn snapshots_in_chinese_at_80_by_24_and_160_by_50() {
        in_language(Lang::Zh, || {
            insta::assert_snapshot!("screen_zh_80x24", screen(&app(80, 24)).join("\n"));
            let mut large = app(160, 50);
            large.update(Action::SwitchPane);
            insta::assert_snapshot!("screen_zh_160x50", screen(&large).join("\n"));
        });
    }

    #[test]
    fn screens_in_both_languages_drawn_at_once_each_keep_their_language() {
        // What each window shows, drawn alone in each language first.
        let keys = [
            None,
            Some(Opens::Help),
            Some(Opens::Plan),
            Some(Opens::Calendar),
        ];
        let drawn = |lang: Lang, key: Option<Opens>| {
            in_language(lang, || {
                let mut app = app(80, 24);
                if let Some(key) = key {
                    app.update(Action::Open(key));
                }
                crate::support::app::settle(&mut app);
                screen(&app)
            })
        };
        let alone: Vec<_> = [Lang::En, Lang::Zh]
            .into_iter()
            .flat_map(|lang| keys.map(|key| ((lang, key), drawn(lang, key))))
            .collect();
        // Then ten rounds of all of them at once, English and Chinese interleaved.
        for round in 0..10 {
            std::thread::scope(|scope| {
                for ((lang, key), expected) in &alone {
                    scope.spawn(move || {
                        assert_eq!(
                            &drawn(*lang, *key),
                            expected,
                            "round {round}: {lang:?} {key:?}"
                        );
                    });
                }
            });
        }
    }

    /// The words the file and the keys bring, which stay as they are.
    fn allowed(app: &App) -> std::collections::BTreeSet<String> {
        let catalog = &app.catalog;
        let mut texts: Vec<String> = vec![catalog.currency.clone()];
        for service in &catalog.services {
            texts.extend([service.id.clone(), service.name.clone()]);
            texts.extend(service.note.clone());
            texts.extend(service.label.as_deref().map(String::from));
            texts.extend(service.other_prices.iter().filter_map(|w| w.label.clone()));
            texts.extend(service.value.as_ref().map(|b| b.fact.clone()));
            // Where prices were seen, as the file says.
            texts.extend(service.seen.source().map(String::from));
            texts.extend(
                service
                    .other_prices
                    .iter()
                    .filter_map(|w| w.seen.source().map(String::from)),
            );
        }
        for change in &catalog.changes {
            texts.extend([change.id.clone(), change.name.clone()]);
            texts.extend(change.note.clone());
            texts.extend(change.seen.source().map(String::from));
        }
        for bundle in &catalog.bundles {
            texts.extend([bundle.id.clone(), bundle.name.clone()]);
            texts.extend(bundle.note.clone());
            texts.extend(bundle.seen.source().map(String::from));
            texts.extend(bundle.tiers.iter().map(|t| t.when.to_string()));
        }
        // Key names, the program's own name and the file's name.
        texts.push(
            "Esc Enter Tab Ctrl PgUp PgDn VISUAL EDITOR mouse id one_of bundlecalc bundles toml init"
                .into(),
        );
        texts
            .iter()
            .flat_map(|t| {
                t.split(|c: char| !c.is_ascii_alphabetic())
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .filter(|w| !w.is_empty())
            .collect()
    }

    fn english_words(
        lines: &[String],
        allowed: &std::collections::BTreeSet<String>,
    ) -> Vec<String> {
        lines
            .iter()
            .flat_map(|l| {
                l.split(|c: char| !c.is_ascii_alphabetic())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            // Single letters are keys (q, s, e, P…); a word cut short by a column or
            // a popup is still the file's word.
            .filter(|w| {
                let w = w.to_lowercase();
                w.len() > 1 && !allowed.iter().any(|a| a.contains(&w))
            })
            .collect()
    }

    #[test]
    fn a_refused_number_is_explained_in_chinese() {
        in_language(Lang::Zh, || {
            let mut app = app(80, 24);
            app.update(Action::EditPrice);
            for c in "-5".chars() {
                app.update(Action::Type(c));
            }
            app.update(Action::Submit);
            let error = app.field().unwrap().error.clone().unwrap();
            assert_eq!(error, "`88-5` 不是数字：价格未改变");
        });
    }

    #[test]
    fn every_screen_state_in_chinese_has_no_english_of_its_own() {
        in_language(Lang::Zh, || {
            let mut app = app(100, 30);
            let allowed = allowed(&app);
            let check = |app: &App, state: &str| {
                let lines = screen(app);
                let words = english_words(&lines, &allowed);
                assert!(words.is_empty(), "{state}: {words:?}\n{}", lines.join("\n"));
            };
            check(&app, "the bundles");
            app.update(Action::SwitchPane);
            check(&app, "the detail");
            for _ in 0..4 {
                app.update(Action::Down);
            }
            check(&app, "a group member");
            app.update(Action::Open(Opens::Help));
            check(&app, "help");
            app.update(Action::Back);
            app.update(Action::Open(Opens::Facts));
            check(&app, "facts");
            app.update(Action::EditPrice);
            check(&app, "a fact's field");
            app.update(Action::Back);
            app.update(Action::Back);
            app.update(Action::ShowNote);
            check(&app, "the note");
            app.update(Action::Back);
            app.update(Action::Open(Opens::Plan));
            crate::support::app::wait_for_plan(&mut app).unwrap();
            check(&app, "the plan");
            app.update(Action::Back);
            app.update(Action::EditPrice);
            check(&app, "a price field");
            app.update(Action::Back);
            app.update(Action::Search);
            check(&app, "a search");
            app.update(Action::Back);
            app.update(Action::Unknown);
            check(&app, "an unknown key");
            app.update(Action::ToggleWanted);
            check(&app, "a wanted mark");
            app.update(Action::Quit);
            check(&app, "the quit question");
            let small = self::app(30, 8);
            check(&small, "too small");
        });
    }
}

/// Chinese reads as one language: "alone" has one name (单买), the help names the
/// mouse 鼠标, `i` says what it does in a whole phrase, and the shipped what-ifs
/// are named in both languages, as the services are.
mod one_language {
    use bundlecalc::i18n::{Lang, in_language};
    use bundlecalc::source::Source;
    use bundlecalc::tui::action::Action;
    use bundlecalc::tui::action::Opens;
    use bundlecalc::tui::app::{App, AppConfig};

    use crate::support::app::wait_for_plan;
    use crate::support::screen::screen;

    fn app_on(source: Source) -> App {
        App::new(AppConfig {
            size: (100, 40),
            ..AppConfig::for_source(source).unwrap()
        })
    }

    #[test]
    fn alone_has_one_chinese_name() {
        for (key, text) in super::messages("zh") {
            // A hint under an error reads 提示 in Chinese, as the others do.
            assert!(!text.contains("= help"), "{key}: {text}");
            for other in ["独自购买", "逐项单买", "单独购买"] {
                assert!(!text.contains(other), "{key}: {text}");
            }
        }
        in_language(Lang::Zh, || {
            let mut app = app_on(Source::built_in());
            app.update(Action::Open(Opens::Plan));
            wait_for_plan(&mut app).unwrap();
            let plan = screen(&app).join("\n");
            assert!(plan.contains("单买合计 ¥656.00"), "{plan}");
        });
    }

    #[test]
    fn the_help_names_the_mouse_in_chinese() {
        in_language(Lang::Zh, || {
            let mut app = app_on(Source::built_in());
            app.update(Action::Open(Opens::Help));
            let help = screen(&app);
            assert!(
                help.iter()
                    .any(|l| l.contains("鼠标") && l.contains("点击选择一行，滚轮滚动")),
                "{}",
                help.join("\n")
            );
            assert!(!help.join("\n").contains("mouse"));
        });
    }

    #[test]
    fn i_says_what_it_does_in_a_whole_phrase() {
        let source = Source::read(&crate::support::fixture("rumoured.toml")).unwrap();
        in_language(Lang::Zh, || {
            let mut app = app_on(source);
            app.update(Action::Open(Opens::Plan));
            wait_for_plan(&mut app).unwrap();
            let plan = screen(&app).join("\n");
            assert!(plan.contains("i：也用标为传闻的套餐 · Esc 关闭"), "{plan}");
        });
    }

    #[test]
    fn the_shipped_what_ifs_are_named_in_both_languages() {
        let catalog = Source::built_in().catalog().unwrap();
        let names: Vec<&str> = catalog.changes.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "QQ Music joins 88VIP (QQ音乐加入88VIP)",
                "88VIP points buy Tencent Video (88VIP积分换腾讯视频)",
                "Mango TV joins 88VIP (芒果TV加入88VIP)",
            ]
        );
        in_language(Lang::Zh, || {
            let mut app = app_on(Source::built_in());
            app.update(Action::Open(Opens::Plan));
            wait_for_plan(&mut app).unwrap();
            let plan = screen(&app).join("\n");
            assert!(
                plan.contains("如果QQ Music joins 88VIP (QQ音乐加入88VIP)，方案是"),
                "{plan}"
            );
        });
    }

    #[test]
    fn half_year_is_written_as_words_in_english() {
        in_language(Lang::En, || {
            let mut app = app_on(Source::built_in());
            app.update(Action::CyclePeriod);
            let lines = screen(&app);
            assert!(
                lines[0].contains("Bundles 1/3 · per half year"),
                "{}",
                lines[0]
            );
            assert!(!lines.join("\n").contains("half_year"));
        });
        let sandbox = crate::support::Sandbox::new();
        let output = sandbox
            .command()
            .args(["--compare", "--format", "markdown", "--per", "half_year"])
            .output()
            .unwrap();
        let markdown = String::from_utf8(output.stdout).unwrap();
        assert!(
            markdown.starts_with("Amounts in CNY, per half year.\n"),
            "{markdown}"
        );
    }
}

#[test]
fn help_speaks_the_language_asked_for() {
    let sandbox = Sandbox::new();
    let help = |args: &[&str], lang: &str| {
        let output = sandbox
            .command()
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let zh = help(&["--help"], "zh_CN.UTF-8");
    assert!(zh.starts_with("用精确的金额告诉你"), "{zh}");
    assert!(zh.contains("找出覆盖想要的服务的最省方案"), "{zh}");
    assert!(zh.contains("退出码："), "{zh}");
    let en = help(&["--help", "--lang", "en"], "zh_CN.UTF-8");
    assert!(
        en.starts_with("Tells whether a membership bundle is worth its price"),
        "{en}"
    );
    let en = help(&["--lang=en", "--help"], "zh_CN.UTF-8");
    assert!(en.contains("Find the cheapest set of offers"), "{en}");
    assert!(zh.contains("用法： bundlecalc"), "{zh}");
    assert!(zh.contains("选项:") && zh.contains("显示帮助"), "{zh}");
    assert!(
        !zh.contains("Options:") && !zh.contains("Print help"),
        "{zh}"
    );
    let zh = help(&["--lang", "zh", "--help"], "C");
    assert!(zh.contains("--plan"), "{zh}");
    assert!(zh.contains("比较所有套餐"), "{zh}");
    // Defaults and possible values in Chinese too; English keeps clap's words.
    let format = zh.lines().find(|l| l.contains("--format")).unwrap();
    assert!(
        format.ends_with("输出格式 [默认：table] [可选值：table、json、csv、markdown]"),
        "{format}"
    );
    assert!(
        !zh.contains("[default:") && !zh.contains("possible values"),
        "{zh}"
    );
    assert!(
        !zh.contains("可选值：true"),
        "a flag has no values to list:\n{zh}"
    );
    let en = help(&["--lang", "en", "--help"], "C");
    assert!(
        en.contains("[default: table] [possible values: table, json, csv, markdown]"),
        "{en}"
    );
    // Each command has its own help, in the language asked.
    let zh = help(&["--lang", "zh", "completions", "--help"], "C");
    assert!(zh.starts_with("输出你的 shell 的补全脚本"), "{zh}");
    assert!(
        zh.contains("参数:") && zh.contains("可选值：bash、elvish"),
        "{zh}"
    );
    assert!(!zh.contains("Arguments") && !zh.contains("Usage"), "{zh}");
    let en = help(&["schema", "--help", "--lang", "en"], "C");
    assert!(en.contains("Usage: bundlecalc schema"), "{en}");
}

/// `--check` in Chinese: every problem of every invalid fixture is said in
/// Chinese; the only English left is what the file itself holds (ids, keys,
/// values) and the format's own words.
#[test]
fn every_problem_of_the_file_speaks_chinese() {
    let sandbox = Sandbox::new();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let own_words = "toml utf iso fact op number mib bundlecalc id services bundles profile \
        true false one_of sold_alone price value other_prices rate max fact period label \
        includes tiers when wants picks facts currency basis name note status cny year \
        month day week quarter half_year rumoured available ended add remove offer changes \
        as_of source household split fair equal_savings by_use me";
    let mut checked = 0;
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path)
            .unwrap_or_default()
            .to_lowercase();
        let output = sandbox
            .command()
            .args(["--lang", "zh", "--check", "--file"])
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        for line in stderr
            .lines()
            .filter(|l| l.starts_with("错误：") || l.contains("= 提示："))
        {
            // The TOML parser's own explanation stays in its words (like clap's).
            let line = line.split("这不是有效的 TOML：").next().unwrap_or(line);
            // Examples of TOML in a message are the file's own language.
            let mut prose = String::new();
            let mut depth = 0;
            for c in line.chars() {
                match c {
                    '[' | '{' => depth += 1,
                    ']' | '}' => depth -= 1,
                    _ if depth == 0 => prose.push(c),
                    _ => {}
                }
            }
            let line = prose.as_str();
            let words: Vec<String> = line
                .split(|c: char| !(c.is_ascii_alphabetic() || c == '_'))
                .filter(|w| w.len() > 1)
                .map(str::to_lowercase)
                .filter(|w| {
                    !text.contains(w.as_str()) && !own_words.split_whitespace().any(|o| o == w)
                })
                .collect();
            assert!(words.is_empty(), "{}: {words:?} in {line}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked} lines");
}
