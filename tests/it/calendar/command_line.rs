//! The calendar (docs/reference/file-format.md, "Time: held, when, first", docs/reference/calendar.md): what is held, when each service is wanted,
//! first prices for new members, the exact cheapest purchases month by month,
//! its outputs, its errors, and a household's shares of it.

use crate::support::Sandbox;
use serde_json::{Value, json};

/// The walk-through's file (README): video held to March, music wanted in July and
/// August, a first price on each, and a bundle with video.
const EXAMPLE: &str = r#"currency = "CNY"
[profile]
wants = ["video", "music"]
[profile.held]
video = 2027-03-31
[profile.when]
music = { from = 2027-07-10, until = 2027-08-20 }
[services.video]
price = 238
other_prices = [ { price = 25, period = "month", first = { price = 6 } }, { price = 68, period = "quarter" } ]
[services.music]
price = 15
period = "month"
first = { price = 1, periods = 1 }
[services.jd]
price = 198
[bundles.combo]
price = 136
includes = ["video", "jd"]
"#;

fn calendar(sandbox: &Sandbox, text: &str, args: &[&str]) -> Value {
    let path = sandbox.write("bundles.toml", text);
    let output = sandbox
        .command()
        .args(["--calendar", "--format", "json", "--file"])
        .arg(&path)
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn example(args: &[&str]) -> Value {
    let sandbox = Sandbox::new();
    let mut all = vec!["--from", "2027-01", "--months", "12"];
    all.extend_from_slice(args);
    calendar(&sandbox, EXAMPLE, &all)
}

#[test]
fn the_walk_through_buys_the_bundle_in_april_and_music_at_its_first_price() {
    let json = example(&[]);
    let purchases = json["purchases"].as_array().unwrap();
    let summary: Vec<(&str, u64, &str, bool, &str)> = purchases
        .iter()
        .map(|p| {
            (
                p["start"].as_str().unwrap(),
                p["months"].as_u64().unwrap(),
                p["offer"].as_str().unwrap(),
                p["first"].as_bool().unwrap(),
                p["price"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("2027-04", 12, "combo", false, "136.00"),
            ("2027-07", 1, "music", true, "1.00"),
            ("2027-08", 1, "music", false, "15.00"),
        ]
    );
    assert_eq!(purchases[0]["until"], "2028-03-31");
    assert_eq!(purchases[0]["kind"], "bundle");
    assert_eq!(purchases[0]["covers"], json!(["video"]));
    assert_eq!(purchases[1]["first_of"], Value::Null);
    assert_eq!(json["total"], "152.00");
    assert_eq!(json["month_by_month"], "255.00");
    assert_eq!(json["savings"], "103.00");
    assert_eq!(json["proven"], true);
    assert_eq!(json["bound"], "152.00");
    let mut paid = vec!["0.00"; 12];
    paid[3] = "136.00";
    paid[6] = "1.00";
    paid[7] = "15.00";
    assert_eq!(json["paid_by_month"], json!(paid));
    let mut video = vec![json!(["held"]); 3];
    video.extend(vec![json!([0]); 9]);
    assert_eq!(json["coverage"]["video"], Value::Array(video));
    let mut music = vec![Value::Null; 12];
    music[6] = json!([1]);
    music[7] = json!([2]);
    assert_eq!(json["coverage"]["music"], Value::Array(music));
    assert_eq!(json["from"], "2027-01");
    assert_eq!(json["months"], 12);
    assert_eq!(json["wants"], json!(["video", "music"]));
    assert_eq!(json["changes"], json!([]));
    assert_eq!(json["include"], json!(["available"]));
    assert_eq!(json["notes"], json!([]));
}

#[test]
fn the_grid_csv_and_markdown_say_the_same_purchases() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("bundles.toml", EXAMPLE);
    let run = |format: &str, lang: &str| {
        let output = sandbox
            .command()
            .args(["--calendar", "--from", "2027-01", "--format", format])
            .args(["--lang", lang, "--file"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let table = run("table", "en");
    assert!(
        table.contains("      Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec\n"),
        "{table}"
    );
    assert!(
        table.contains("video h   h   h   A   A   A   A   A   A   A   A   A\n"),
        "{table}"
    );
    assert!(
        table.contains("music ·   ·   ·   ·   ·   ·   B   C   ·   ·   ·   ·\n"),
        "{table}"
    );
    assert!(
        table.contains("B  2027-07       1  2027-07-31  music · first price    ¥1.00"),
        "{table}"
    );
    assert!(
        table.contains("Total ¥152.00 · month by month ¥255.00 · saves +¥103.00"),
        "{table}"
    );
    let chinese = run("table", "zh");
    assert!(chinese.contains("      1月  2月  3月  4月"), "{chinese}");
    assert!(chinese.contains("首期价"), "{chinese}");
    let csv = run("csv", "zh");
    assert_eq!(
        csv.lines().collect::<Vec<_>>(),
        [
            "start,months,until,offer,kind,way,label,first,price,covers,currency",
            "2027-04,12,2028-03-31,combo,bundle,0,,false,136.00,video,CNY",
            "2027-07,1,2027-07-31,music,service,0,,true,1.00,music,CNY",
            "2027-08,1,2027-08-31,music,service,0,,false,15.00,music,CNY",
        ]
    );
    let markdown = run("markdown", "en");
    assert!(
        markdown.contains("| Service | Jan 2027 | Feb |"),
        "{markdown}"
    );
    assert!(markdown.contains("| video | h | h | h | A |"), "{markdown}");
    assert!(
        markdown.contains("| C | 2027-08 | 1 | 2027-08-31 | music | 15.00 |"),
        "{markdown}"
    );
}

#[test]
fn compare_and_plan_ignore_held_when_and_first() {
    let sandbox = Sandbox::new();
    let plain = EXAMPLE
        .replace("[profile.held]\nvideo = 2027-03-31\n", "")
        .replace(
            "[profile.when]\nmusic = { from = 2027-07-10, until = 2027-08-20 }\n",
            "",
        )
        .replace(", first = { price = 6 }", "")
        .replace("first = { price = 1, periods = 1 }\n", "");
    assert_ne!(plain, EXAMPLE);
    for mode in [&["--plan"][..], &["--compare"][..]] {
        let run = |text: &str| {
            let path = sandbox.write("f.toml", text);
            let output = sandbox
                .command()
                .args(mode)
                .args(["--format", "json", "--file"])
                .arg(&path)
                .output()
                .unwrap();
            assert!(output.status.success());
            String::from_utf8(output.stdout).unwrap()
        };
        assert_eq!(run(EXAMPLE), run(&plain), "{mode:?}");
    }
}

/// A file with `video` wanted, held or limited in time as `extra` says.
fn video_file(extra: &str) -> String {
    format!(
        "[profile]\nwants = [\"video\"]\n{extra}\n[services.video]\nprice = 10\nperiod = \"month\"\n"
    )
}

#[test]
fn a_holding_covers_a_month_only_to_its_last_day_leap_years_included() {
    let sandbox = Sandbox::new();
    let leap = calendar(
        &sandbox,
        &video_file("[profile.held]\nvideo = 2028-02-28"),
        &["--from", "2028-01", "--months", "3"],
    );
    assert_eq!(
        leap["coverage"]["video"],
        json!([["held"], [0], [1]]),
        "February 2028 has 29 days"
    );
    let plain = calendar(
        &sandbox,
        &video_file("[profile.held]\nvideo = 2027-02-28"),
        &["--from", "2027-01", "--months", "3"],
    );
    assert_eq!(plain["coverage"]["video"], json!([["held"], ["held"], [0]]));
    assert_eq!(plain["total"], "10.00");
}

#[test]
fn a_window_from_the_31st_to_the_1st_wants_both_months() {
    let sandbox = Sandbox::new();
    let json = calendar(
        &sandbox,
        &video_file("[profile.when]\nvideo = { from = 2027-01-31, until = 2027-02-01 }"),
        &["--from", "2027-01", "--months", "4"],
    );
    assert_eq!(json["coverage"]["video"], json!([[0], [1], null, null]));
    assert_eq!(json["total"], "20.00");
}

#[test]
fn a_when_of_a_service_not_wanted_is_ignored_with_a_note() {
    let sandbox = Sandbox::new();
    let text = video_file("[profile.when]\nmusic = { from = 2027-01-01 }")
        + "[services.music]\nprice = 5\nperiod = \"month\"\n";
    let json = calendar(&sandbox, &text, &["--from", "2027-01", "--months", "2"]);
    assert_eq!(json["total"], "20.00");
    assert_eq!(
        json["notes"],
        json!(["the `when` of `music` for me is ignored: it is not wanted"])
    );
}

#[test]
fn a_way_priced_per_week_is_left_out_with_a_note() {
    let sandbox = Sandbox::new();
    let text = "[profile]\nwants = [\"video\"]\n[services.video]\nprice = 10\nperiod = \"month\"\n\
                other_prices = [{ price = 1, period = \"week\" }, \
                { price = 2, period = \"day\", label = \"day pass\" }]\n";
    let json = calendar(&sandbox, text, &["--from", "2027-01", "--months", "2"]);
    assert_eq!(json["total"], "20.00");
    assert_eq!(
        json["notes"],
        json!([
            "entry 1 of `video`'s other_prices is priced per week and left out: the calendar buys by the month",
            "`video` · day pass is priced per day and left out: the calendar buys by the month"
        ])
    );
    let text = "[profile]\nwants = [\"video\"]\n[services.video]\nprice = 1\nperiod = \"day\"\n\
                other_prices = [{ price = 10, period = \"month\" }]\n";
    let json = calendar(&sandbox, text, &["--from", "2027-01", "--months", "2"]);
    assert_eq!(
        json["notes"],
        json!([
            "the main price of `video` is priced per day and left out: the calendar buys by the month"
        ])
    );
}

#[test]
fn first_prices_go_to_the_earliest_purchases_and_to_each_new_person_in_order() {
    let sandbox = Sandbox::new();
    let text = "[profile]\nwants = [\"music\"]\n\
                [people.mum]\nwants = [\"music\"]\n\
                [people.dad]\nwants = [\"video\"]\n[people.dad.held]\nmusic = 2030-01-01\n\
                [services.music]\nprice = 15\nperiod = \"month\"\nseats = 2\nfirst = { price = 3, periods = 2 }\n\
                [services.video]\nprice = 9\nperiod = \"month\"\n";
    let json = calendar(&sandbox, text, &["--from", "2027-01", "--months", "6"]);
    // Dad holds music for two (me and Mum): nothing to buy but his video.
    assert_eq!(json["total"], "54.00");
    let text = text.replace("music = 2030-01-01", "video = 2030-01-01");
    let json = calendar(&sandbox, &text, &["--from", "2027-01", "--months", "6"]);
    let purchases = json["purchases"].as_array().unwrap();
    let music: Vec<(&str, &str, Value)> = purchases
        .iter()
        .map(|p| {
            (
                p["start"].as_str().unwrap(),
                p["price"].as_str().unwrap(),
                p["first_of"].clone(),
            )
        })
        .collect();
    // Three people are new to music, two first months each: six at 3.00.
    assert_eq!(
        music,
        [
            ("2027-01", "3.00", json!("me")),
            ("2027-02", "3.00", json!("me")),
            ("2027-03", "3.00", json!("mum")),
            ("2027-04", "3.00", json!("mum")),
            ("2027-05", "3.00", json!("dad")),
            ("2027-06", "3.00", json!("dad")),
        ]
    );
    assert_eq!(json["total"], "18.00");
}

#[test]
fn the_cheapest_ties_go_to_the_latest_purchases() {
    let sandbox = Sandbox::new();
    // A quarter for 30 or three months at 10: the same price; fewer purchases wins,
    // and the one quarter for February and March starts as late as it can.
    let text = "[profile]\nwants = [\"video\"]\n[profile.when]\nvideo = { from = 2027-02-01, until = 2027-03-31 }\n\
                [services.video]\nprice = 20\nperiod = \"quarter\"\nother_prices = [{ price = 10, period = \"month\" }]\n";
    let json = calendar(&sandbox, text, &["--from", "2027-01", "--months", "6"]);
    assert_eq!(json["total"], "20.00");
    assert_eq!(json["purchases"].as_array().unwrap().len(), 1);
    assert_eq!(json["purchases"][0]["start"], "2027-02");
    assert_eq!(json["purchases"][0]["way"], 0);
}

/// A household where Mum holds a video membership for two and wants only music.
const SHARED: &str = r#"[profile]
wants = ["video"]
[people.mum]
wants = ["music"]
[people.mum.held]
video = 2030-12-31
[services.video]
price = 300
seats = 2
[services.music]
price = 5
period = "month"
"#;

#[test]
fn a_household_s_payments_add_up_and_someone_who_brings_seats_receives() {
    let sandbox = Sandbox::new();
    let json = calendar(&sandbox, SHARED, &["--from", "2027-01", "--months", "12"]);
    assert_eq!(json["total"], "60.00");
    assert_eq!(json["split"], "fair");
    let people = json["people"].as_array().unwrap();
    let row = |at: usize| {
        (
            people[at]["id"].as_str().unwrap(),
            people[at]["pays"].as_str().unwrap(),
            people[at]["alone"].as_str().unwrap(),
        )
    };
    // c(me) 300, c(mum) 60, c(both) 60: me (300 + 0) / 2, Mum (60 + 60 − 300) / 2.
    assert_eq!(row(0), ("me", "150.00", "300.00"));
    assert_eq!(row(1), ("mum", "-90.00", "60.00"));
    let table = {
        let path = sandbox.write("bundles.toml", SHARED);
        let output = sandbox
            .command()
            .args(["--calendar", "--from", "2027-01", "--file"])
            .arg(&path)
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    assert!(table.contains("receives ¥90.00"), "{table}");
    // Markdown names the rule in a sentence, as the table and the plan do.
    let path = sandbox.write("bundles.toml", SHARED);
    let output = sandbox
        .command()
        .args([
            "--calendar",
            "--from",
            "2027-01",
            "--format",
            "markdown",
            "--file",
        ])
        .arg(&path)
        .output()
        .unwrap();
    let markdown = String::from_utf8(output.stdout).unwrap();
    assert!(
        markdown.contains("| mum | receives 90.00 | 60.00 |"),
        "{markdown}"
    );
    assert!(
        markdown.contains(
            "Fair shares: each pays the extra cost they bring, averaged over every order of joining."
        ),
        "{markdown}"
    );
}

#[test]
fn every_split_of_a_household_calendar_adds_up_and_fair_is_never_above_alone() {
    let sandbox = Sandbox::new();
    let text = r#"[profile]
wants = ["video", "music"]
[profile.when]
music = { from = 2027-03-01, until = 2027-09-30 }
[people.mum]
wants = ["video"]
[people.dad]
wants = ["music", "video"]
[people.dad.when]
video = { from = 2027-06-01 }
[services.video]
price = 238
seats = 2
other_prices = [{ price = 25, period = "month", first = { price = 6 } }]
[services.music]
price = 15
period = "month"
[bundles.both]
price = 250
includes = ["video", "music"]
"#;
    for split in ["fair", "equal_savings"] {
        let json = calendar(
            &sandbox,
            text,
            &["--from", "2027-01", "--months", "12", "--split", split],
        );
        let fen = |v: &Value| {
            let text = v.as_str().unwrap().replace('.', "");
            text.parse::<i64>().unwrap()
        };
        let people = json["people"].as_array().unwrap();
        let paid: i64 = people.iter().map(|p| fen(&p["pays"])).sum();
        assert_eq!(paid, fen(&json["total"]), "{split}");
        for person in people {
            assert!(
                fen(&person["pays"]) <= fen(&person["alone"]),
                "{split}: {person}"
            );
        }
        assert_eq!(json["split"], split);
    }
}

#[test]
fn by_use_is_refused_on_the_command_line_and_falls_back_to_fair_from_the_file() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("bundles.toml", SHARED);
    let output = sandbox
        .command()
        .args(["--calendar", "--split", "by_use", "--file"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = format!("{SHARED}[household]\nsplit = \"by_use\"\n");
    let json = calendar(&sandbox, &text, &["--from", "2027-01"]);
    assert_eq!(json["split"], "fair");
    assert_eq!(
        json["notes"],
        json!(["by use cannot share a calendar: shared by fair shares instead"])
    );
}

#[test]
fn bad_from_and_months_exit_2() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("bundles.toml", EXAMPLE);
    for args in [
        &["--from", "2027-13"][..],
        &["--from", "2027-1"],
        &["--from", "27-01"],
        &["--from", "2027-01-01"],
        &["--from", "January"],
        &["--months", "0"],
        &["--months", "37"],
        &["--months", "-1"],
        &["--months", "twelve"],
        &["--months", "1.5"],
    ] {
        for lang in ["en", "zh"] {
            let output = sandbox
                .command()
                .args(["--calendar", "--lang", lang, "--file"])
                .arg(&path)
                .args(args)
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(2), "{args:?} {lang}");
            if args[0] == "--months" {
                let stderr = String::from_utf8_lossy(&output.stderr);
                let why = match lang {
                    "en" => "the calendar plans a whole number of months from 1 to 36",
                    _ => "日历规划的月数须为 1 到 36 之间的整数",
                };
                assert!(stderr.contains(why), "{args:?} {lang}: {stderr}");
            }
        }
    }
    let output = sandbox
        .command()
        .args(["--calendar", "--lang", "zh", "--from", "2027-13", "--file"])
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--from 必须是 YYYY-MM"), "{stderr}");
}

#[test]
fn the_horizon_defaults_to_twelve_months_from_today_s_month() {
    let sandbox = Sandbox::new();
    let json = calendar(&sandbox, EXAMPLE, &["--today", "2027-05-20"]);
    assert_eq!(json["from"], "2027-05");
    assert_eq!(json["months"], 12);
    assert_eq!(json["paid_by_month"].as_array().unwrap().len(), 12);
}

#[test]
fn a_wanted_month_nothing_covers_is_a_file_error_naming_service_person_and_month() {
    let sandbox = Sandbox::new();
    let text = "[profile]\nwants = [\"video\"]\n[services.video]\nprice = 10\nperiod = \"week\"\n";
    let path = sandbox.write("bundles.toml", text);
    let output = sandbox
        .command()
        .args(["--calendar", "--from", "2027-03", "--file"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(65));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "no offer covers `video`, wanted by `me` in 2027-03: its offers are priced only \
             per day or week, and the calendar buys by the month"
        ),
        "{stderr}"
    );
}

#[test]
fn every_want_nothing_covers_is_told_with_why_as_the_plan_does() {
    let sandbox = Sandbox::new();
    let text = "[profile]\nwants = [\"video\", \"perk\", \"old\", \"music\"]\n\
                [services.video]\nprice = 30\nperiod = \"day\"\n\
                [services.perk]\nprice = 10\nsold_alone = false\n\
                [services.old]\nprice = 10\nstatus = \"ended\"\n\
                [services.music]\nprice = 5\nperiod = \"month\"\n\
                [bundles.b]\nprice = 100\nincludes = [\"perk\"]\nstatus = \"rumoured\"\n";
    let path = sandbox.write("bundles.toml", text);
    for (lang, said) in [
        (
            "en",
            [
                "no offer covers `video`, wanted by `me` in 2027-01: its offers are priced only per day or week",
                "no offer covers `perk`, wanted by `me` in 2027-01: only rumoured offers include it",
                "no offer covers `old`, wanted by `me` in 2027-01: it has ended",
            ],
        ),
        (
            "zh",
            [
                "没有套餐能覆盖 `video`，`me` 在 2027-01 想要它：包含它的方案只按天或按周计价",
                "没有套餐能覆盖 `perk`，`me` 在 2027-01 想要它：只有传闻中的方案包含它",
                "没有套餐能覆盖 `old`，`me` 在 2027-01 想要它：它已停售",
            ],
        ),
    ] {
        let output = sandbox
            .command()
            .args(["--calendar", "--from", "2027-01", "--lang", lang, "--file"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(65));
        let stderr = String::from_utf8_lossy(&output.stderr);
        for said in said {
            assert!(stderr.contains(said), "{said}\n{stderr}");
        }
        assert!(!stderr.contains("`music`"), "{stderr}");
    }
}

#[test]
fn nothing_wanted_in_the_horizon_is_an_empty_calendar_with_a_note() {
    let sandbox = Sandbox::new();
    let json = calendar(
        &sandbox,
        &video_file("[profile.when]\nvideo = { from = 2030-01-01 }"),
        &["--from", "2027-01", "--months", "3"],
    );
    assert_eq!(json["total"], "0.00");
    assert_eq!(json["purchases"], json!([]));
    assert_eq!(
        json["notes"],
        json!(["nothing is wanted in these months: the calendar is empty"])
    );
}

/// Each class of file error: its text, the message's start in English and in
/// Chinese, and the place.
const FILE_ERRORS: &[(&str, &str, &str, &str)] = &[
    (
        "[profile]\nwants = [\"video\"]\n[profile.held]\nvidoe = 2027-01-01\n[services.video]\nprice = 1\n",
        "unknown service or bundle `vidoe` in `profile.held`",
        "`profile.held` 中有未知的服务或套餐 `vidoe`",
        "4:1",
    ),
    (
        "[profile]\nwants = [\"video\"]\n[profile.when]\nmusic = { from = 2027-01-01 }\n[services.video]\nprice = 1\n",
        "unknown service `music` in `profile.when`",
        "`profile.when` 中有未知的服务 `music`",
        "4:1",
    ),
    (
        "[profile]\nwants = [\"video\"]\n[profile.held]\nvideo = 2027-01-01T10:00:00\n[services.video]\nprice = 1\n",
        "`profile.held.video` must be a plain date",
        "`profile.held.video`",
        "4:9",
    ),
    (
        "[profile]\nwants = [\"video\"]\n[profile.when]\nvideo = { from = 2027-05-01, until = 2027-04-01 }\n[services.video]\nprice = 1\n",
        "`profile.when.video`: `from` 2027-05-01 is after `until` 2027-04-01",
        "`profile.when.video`：`from` 2027-05-01 晚于 `until` 2027-04-01",
        "4:9",
    ),
    (
        "[services.perk]\nvalue = { fact = \"spend\", rate = 0.1 }\nsold_alone = false\nfirst = { price = 1 }\n",
        "benefit `perk` cannot have `first`: it has no price",
        "权益 `perk` 不能有 `first`：它没有价格",
        "4:1",
    ),
    (
        "[services.video]\nprice = 25\nfirst = { price = 6, periods = 0 }\n",
        "`services.video.first.periods` must be a whole number of purchases, from 1 to 1,000",
        "`services.video.first.periods` 必须是整数次数",
        "3:32",
    ),
    (
        "[services.video]\nprice = 25\nfirst = { price = 6, periods = 1.5 }\n",
        "`services.video.first.periods` must be a whole number of purchases",
        "`services.video.first.periods` 必须是整数次数",
        "3:32",
    ),
    (
        "[services.video]\nprice = 25\nother_prices = [{ price = 2, first = { price = -1 } }]\n",
        "`services.video.other_prices[0].first.price`",
        "`services.video.other_prices[0].first.price`",
        "3:48",
    ),
    (
        "[bundles.b]\nprice = 25\nincludes = [\"video\"]\nfirst = { price = 1e13 }\n[services.video]\nprice = 1\n",
        "`bundles.b.first.price`",
        "`bundles.b.first.price`",
        "4:19",
    ),
    (
        "[services.video]\nprice = 25\n[changes.cheap]\noffer = \"video\"\nfirst = { price = 6, periods = -2 }\n",
        "`changes.cheap.first.periods` must be a whole number of purchases",
        "`changes.cheap.first.periods` 必须是整数次数",
        "5:32",
    ),
    (
        "[services.video]\nprice = 25\n[people.mum]\nwants = [\"video\"]\n[people.mum.held]\nvideo = \"2027-01-01\"\n",
        "`people.mum.held.video` must be a plain date",
        "`people.mum.held.video`",
        "6:9",
    ),
    (
        "[services.video]\nprice = 25\nfirst = { price = 6, period = 2 }\n",
        "unknown key `period`",
        "`period`",
        "3:22",
    ),
];

#[test]
fn every_file_error_of_time_is_refused_with_exit_65_at_its_place_in_both_languages() {
    let sandbox = Sandbox::new();
    for (text, english, chinese, place) in FILE_ERRORS {
        let path = sandbox.write("bad.toml", text);
        for (lang, message) in [("en", english), ("zh", chinese)] {
            for mode in ["--calendar", "--compare", "--check"] {
                let output = sandbox
                    .command()
                    .args([mode, "--lang", lang, "--file"])
                    .arg(&path)
                    .output()
                    .unwrap();
                let stderr = String::from_utf8_lossy(&output.stderr);
                assert_eq!(output.status.code(), Some(65), "{text} {lang}: {stderr}");
                assert!(stderr.contains(*message), "{lang} {mode}: {stderr}");
                assert!(
                    stderr.contains(&format!("{}:{place}\n", path.display())),
                    "{lang}: {stderr}"
                );
            }
        }
    }
}

#[test]
fn a_what_if_change_replaces_an_offer_s_first_price() {
    let sandbox = Sandbox::new();
    let text = "[profile]\nwants = [\"music\"]\n[services.music]\nprice = 15\nperiod = \"month\"\n\
                first = { price = 1 }\n[changes.promo]\noffer = \"music\"\nfirst = { price = 0.5, periods = 3 }\n";
    let plain = calendar(&sandbox, text, &["--from", "2027-01", "--months", "4"]);
    assert_eq!(plain["total"], "46.00");
    let changed = calendar(
        &sandbox,
        text,
        &["--from", "2027-01", "--months", "4", "--what-if", "promo"],
    );
    assert_eq!(changed["total"], "16.50");
    assert_eq!(changed["changes"], json!(["promo"]));
}

#[test]
fn two_purchases_of_a_bundle_at_once_each_say_the_member_of_its_group_they_give() {
    // The calendar may buy an offer more than once at a time, each
    // purchase choosing its own member: two `g` a quarter (24.00) cost less
    // than `a` monthly and one `g` (42.00). The table tells the two apart.
    let text = r#"currency = "CNY"
[profile]
wants = ["a", "b"]
[services.a]
price = 10
period = "month"
[services.b]
price = 10
period = "month"
[services.x]
price = 100
[bundles.g]
price = 12
period = "quarter"
includes = ["x", { one_of = ["a", "b"], label = "pick" }]
"#;
    let sandbox = Sandbox::new();
    let json = calendar(&sandbox, text, &["--from", "2027-01", "--months", "3"]);
    assert_eq!(json["total"], "24.00");
    let covers: Vec<&Value> = json["purchases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["covers"])
        .collect();
    assert_eq!(covers, [&json!(["a"]), &json!(["b"])]);
    let path = sandbox.write("bundles.toml", text);
    for (lang, a, b) in [
        ("en", "g · for a", "g · for b"),
        ("zh", "g · 选 a", "g · 选 b"),
    ] {
        let output = sandbox
            .command()
            .args([
                "--calendar",
                "--from",
                "2027-01",
                "--months",
                "3",
                "--lang",
                lang,
                "--file",
            ])
            .arg(&path)
            .output()
            .unwrap();
        let table = String::from_utf8(output.stdout).unwrap();
        assert!(table.contains(a) && table.contains(b), "{table}");
    }
}

#[test]
fn the_calendar_notes_old_prices_and_a_share_above_alone_as_the_plan_does() {
    // Agreed weights put the whole total on mum, who alone would pay 60.00;
    // music's monthly price was seen in 2022 and video's yearly one is fresh.
    let text = r#"[profile]
wants = ["video"]
[people.mum]
wants = ["music"]
[household]
split = { me = 0, mum = 1 }
[services.video]
price = 300
as_of = 2026-06-01
[services.music]
price = 5
period = "month"
as_of = 2022-10-01
"#;
    let sandbox = Sandbox::new();
    let json = calendar(
        &sandbox,
        text,
        &[
            "--from",
            "2027-01",
            "--months",
            "12",
            "--today",
            "2027-01-01",
        ],
    );
    assert_eq!(json["total"], "360.00");
    assert_eq!(
        json["notes"],
        json!([
            "prices seen more than a year ago: music (2022-10-01)",
            "mum pays 360.00, 300.00 more than alone (60.00)"
        ])
    );
}

#[test]
fn the_calendar_notes_an_old_monthly_price_its_month_by_month_is_counted_at() {
    // The yearly price bought by is fresh; the monthly one, which only
    // month_by_month counts, was seen in 2022, as was the dearer monthly way's.
    let text = r#"[profile]
wants = ["video"]
[services.video]
price = 200
as_of = 2026-06-01
other_prices = [
  { price = 30, period = "month", label = "monthly", as_of = 2022-10-01 },
  { price = 25, period = "month", label = "promo", as_of = 2022-05-01 },
]
"#;
    let sandbox = Sandbox::new();
    let args = [
        "--from",
        "2027-01",
        "--months",
        "12",
        "--today",
        "2027-01-01",
    ];
    let json = calendar(&sandbox, text, &args);
    assert_eq!(json["total"], "200.00");
    assert_eq!(json["month_by_month"], "300.00");
    // Only the cheaper monthly way is counted, so only its price is noted.
    assert_eq!(
        json["notes"],
        json!(["prices seen more than a year ago: video · promo (2022-05-01)"])
    );
}

/// What covers a month does not hang on the horizon: a bundle bought for
/// another service covers a held month too, whether or not it is used for it
/// later.
#[test]
fn a_held_month_reads_the_same_whatever_the_horizon() {
    let text = r#"[profile]
wants = ["video", "jd"]
[profile.held]
video = 2027-03-31
[services.video]
price = 25
period = "month"
[services.jd]
price = 198
[bundles.combo]
price = 136
includes = ["video", "jd"]
"#;
    let sandbox = Sandbox::new();
    let of = |months: &str| calendar(&sandbox, text, &["--from", "2027-01", "--months", months]);
    let (three, four) = (of("3"), of("4"));
    // The combo is bought in January either way: for jd, and in April for video.
    assert_eq!(three["purchases"][0]["covers"], json!(["jd"]));
    assert_eq!(four["purchases"][0]["covers"], json!(["video", "jd"]));
    let held = json!([["held", 0], ["held", 0], ["held", 0]]);
    assert_eq!(three["coverage"]["video"], held);
    assert_eq!(
        four["coverage"]["video"],
        json!([["held", 0], ["held", 0], ["held", 0], [0]])
    );
    assert_eq!(four["coverage"]["jd"], json!([[0], [0], [0], [0]]));
}

/// The note names the monthly prices month by month is counted at, and only
/// those: not a service held all through the horizon, though a bundle bought
/// for another service covers it too.
#[test]
fn a_service_held_all_through_has_no_monthly_price_noted() {
    let text = r#"[profile]
wants = ["video", "jd"]
[profile.held]
video = 2027-03-31
[services.video]
price = 25
period = "month"
as_of = 2022-01-01
[services.jd]
price = 20
period = "month"
as_of = 2022-02-01
[bundles.combo]
price = 50
includes = ["video", "jd"]
"#;
    let sandbox = Sandbox::new();
    let args = [
        "--from",
        "2027-01",
        "--months",
        "3",
        "--today",
        "2027-01-01",
    ];
    let json = calendar(&sandbox, text, &args);
    // jd alone by the month (60.00) is dearer than the combo (50.00).
    assert_eq!(json["total"], "50.00");
    assert_eq!(json["month_by_month"], "60.00");
    assert_eq!(json["coverage"]["video"][0], json!(["held", 0]));
    assert_eq!(
        json["notes"],
        json!(["prices seen more than a year ago: jd (2022-02-01)"])
    );
}

#[test]
fn a_calendar_without_wants_names_the_calendar_and_a_horizon_past_9998_exits_2() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("bundles.toml", EXAMPLE);
    let run = |args: &[&str]| {
        sandbox
            .command()
            .args(["--calendar", "--file"])
            .arg(&path)
            .args(args)
            .output()
            .unwrap()
    };
    for (lang, said) in [
        ("en", "--calendar needs wanted services"),
        ("zh", "--calendar 需要想要的服务"),
    ] {
        let output = run(&["--want", "", "--lang", lang]);
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(said) && !stderr.contains("--plan"),
            "{stderr}"
        );
    }
    for args in [
        &["--from", "9999-11", "--months", "4"][..],
        &["--from", "9998-02", "--months", "12"],
        &["--from", "9999-01", "--months", "1"],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("ends after 9998-12"), "{stderr}");
    }
    // A far --today is no mistake: its default horizon is the last that fits,
    // with --months or without, and it refuses no other mode.
    for args in [
        &["--today", "9999-06-01"][..],
        &["--today", "9999-06-01", "--months", "3"],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
    }
    let output = sandbox
        .command()
        .args(["--compare", "--today", "9998-06-01", "--file"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    // The last horizon that fits, and the first, with its year written whole.
    let output = run(&["--from", "9998-01", "--months", "12"]);
    assert_eq!(output.status.code(), Some(0));
    let output = run(&["--from", "0001-01", "--months", "3"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("0001\n") || stdout.contains("0001 "),
        "{stdout}"
    );
}
