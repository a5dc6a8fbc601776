//! Every problem a what-if change can have (docs/reference/file-format.md, "What-if changes"), and a price's date that is
//! not a plain date (docs/reference/file-format.md, "When a price was seen"): refused with exit 65 at its place, whether or not the
//! change is applied, in English and in Chinese.

use crate::support::{Sandbox, fixture};

/// One refused fixture: its message in each language, its place and its help.
struct Case {
    fixture: &'static str,
    en: &'static str,
    zh: &'static str,
    place: &'static str,
    help: Option<(&'static str, &'static str)>,
}

const CASES: &[Case] = &[
    Case {
        fixture: "change_unknown_offer",
        en: "unknown offer `88vp` in change `c`: no bundle or service has this id",
        zh: "变化 `c` 中有未知的方案 `88vp`：没有套餐或服务用这个 id",
        place: "15:9",
        help: Some(("did you mean `88vip`?", "你是不是想写 `88vip`？")),
    },
    Case {
        fixture: "change_unknown_service",
        en: "unknown service `youk` in change `c`",
        zh: "变化 `c` 中有未知的服务 `youk`",
        place: "16:11",
        help: Some(("did you mean `youku`?", "你是不是想写 `youku`？")),
    },
    Case {
        fixture: "change_remove_not_included",
        en: "change `c` removes `jd`, which bundle `88vip` does not include",
        zh: "变化 `c` 去掉 `jd`，但套餐 `88vip` 并不包含它",
        place: "16:11",
        help: None,
    },
    Case {
        fixture: "change_removes_twice",
        en: "change `c` removes `x` twice: list it once",
        zh: "变化 `c` 两次去掉 `x`：只需列一次",
        place: "16:16",
        help: None,
    },
    Case {
        fixture: "change_add_included",
        en: "change `c` adds `qq_music`, which bundle `88vip` includes already",
        zh: "变化 `c` 加入 `qq_music`，但套餐 `88vip` 已经包含它",
        place: "16:8",
        help: None,
    },
    Case {
        fixture: "change_leaves_empty",
        en: "change `c` leaves bundle `88vip` with no include",
        zh: "变化 `c` 会让套餐 `88vip` 什么都不包含",
        place: "16:1",
        help: None,
    },
    Case {
        fixture: "change_key_misfit_service",
        en: "`changes.c.tiers` does not fit service `qq_music`",
        zh: "`changes.c.tiers` 不适用于服务 `qq_music`",
        place: "16:1",
        help: Some((
            "a change of a service may set price, period, label and other_prices",
            "服务的变化可以写 price、period、label 和 other_prices",
        )),
    },
    Case {
        fixture: "change_key_misfit_bundle",
        en: "`changes.c.other_prices` does not fit bundle `88vip`",
        zh: "`changes.c.other_prices` 不适用于套餐 `88vip`",
        place: "16:1",
        help: Some((
            "a change of a bundle may set add, remove, price, period and tiers",
            "套餐的变化可以写 add、remove、price、period 和 tiers",
        )),
    },
    Case {
        fixture: "change_no_offer",
        en: "change `c` has no `offer`: name the bundle or service it changes",
        zh: "变化 `c` 没有 `offer`：写出它改变的套餐或服务",
        place: "14:10",
        help: None,
    },
    Case {
        fixture: "as_of_with_time",
        en: "`services.a.as_of` must be a plain date such as 2026-08-01, found a date with a time or an offset",
        zh: "`services.a.as_of` 必须是 2026-08-01 这样的日期，实际是带时间或时区的日期",
        place: "3:9",
        help: None,
    },
    Case {
        fixture: "as_of_time_only",
        en: "`services.a.as_of` must be a plain date such as 2026-08-01, found a time of day, with no date",
        zh: "`services.a.as_of` 必须是 2026-08-01 这样的日期，实际是只有时刻、没有日期的时间",
        place: "3:9",
        help: None,
    },
    Case {
        fixture: "as_of_not_a_date",
        en: "`services.a.other_prices[0].as_of` must be a plain date such as 2026-08-01, found a string",
        zh: "`services.a.other_prices[0].as_of` 必须是 2026-08-01 这样的日期，实际是字符串",
        place: "3:38",
        help: None,
    },
];

#[test]
fn every_change_problem_is_refused_at_its_place_in_both_languages() {
    let sandbox = Sandbox::new();
    for case in CASES {
        let path = fixture(&format!("invalid/{}.toml", case.fixture));
        for (lang, message, error, help_word) in [
            ("en", case.en, "error: ", "= help: "),
            ("zh", case.zh, "错误：", "= 提示："),
        ] {
            // --check finds it though no change is applied; so does --compare.
            for mode in ["--check", "--compare"] {
                let output = sandbox
                    .command()
                    .args([mode, "--lang", lang, "--file"])
                    .arg(&path)
                    .output()
                    .unwrap();
                let stderr = String::from_utf8_lossy(&output.stderr);
                let name = format!("{} {mode} {lang}", case.fixture);
                assert_eq!(output.status.code(), Some(65), "{name}: {stderr}");
                assert!(
                    stderr.starts_with(&format!("{error}{message}\n")),
                    "{name}: {stderr}"
                );
                assert!(
                    stderr.contains(&format!("--> {}:{}\n", path.display(), case.place)),
                    "{name}: {stderr}"
                );
                if let Some(help) = case.help {
                    let help = if lang == "en" { help.0 } else { help.1 };
                    assert!(
                        stderr.contains(&format!("{help_word}{help}")),
                        "{name}: {stderr}"
                    );
                }
                assert!(output.stdout.is_empty(), "{name} printed figures");
            }
        }
    }
}

#[test]
fn a_change_id_may_be_a_service_id_too() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "bundles.toml",
        "[services.a]\nprice = 1\n[changes.a]\noffer = \"a\"\nprice = 2\n",
    );
    sandbox.command().arg("--check").assert().success();
}

#[test]
fn a_bad_today_is_a_command_line_problem() {
    let sandbox = Sandbox::new();
    for bad in ["2026-02-30", "2026-2-1", "yesterday"] {
        let output = sandbox
            .command()
            .args(["--compare", "--today", bad])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{bad}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(&format!("`--today {bad}` is not a date")),
            "{stderr}"
        );
    }
}
