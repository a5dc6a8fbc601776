//! The dates window (`d`): every price with when and where it was seen, oldest
//! first, the undated last.

use crate::support::app::built_in;
use crate::support::screen::{row_with, screen};
use bundlecalc::tui::action::Action;
use bundlecalc::tui::action::Opens;

/// The date (or "not dated") at the start of each of the window's price rows.
fn dates_shown(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .filter_map(|line| {
            line.split('│').find_map(|cell| {
                let first = cell.split("  ").next()?;
                let dated = first.len() == 10 && first.as_bytes()[4] == b'-';
                (dated || first == "not dated").then(|| first.to_string())
            })
        })
        .collect()
}

#[test]
fn d_lists_the_oldest_prices_first_and_scrolls_to_the_undated_at_80_by_24() {
    let mut app = built_in(80, 24);
    app.update(Action::Open(Opens::Dates));
    let lines = screen(&app);
    row_with(&lines, "When each price was seen");
    // The shipped file's oldest prices: QQ Music's, seen in August 2021.
    let first = row_with(&lines, "2021-08-01");
    assert!(first.contains("¥188.00 per year  QQ Music"), "{first}");
    // Each price as the file writes it, per its period, and where it was
    // seen under it, whole.
    assert!(
        row_with(&lines, "annual card").contains("2022-04-24  ¥258.00 per year  Tencent Video")
    );
    row_with(
        &lines,
        "tellerreport.com, 2022-04-11 and 2022-04-24: the price rise",
    );
    // 88VIP's base price and its tier's, both seen in October 2022.
    row_with(
        &lines,
        "2022-10-01  ¥888.00 per year  Taobao 88VIP (淘宝88VIP) · base price",
    );
    row_with(
        &lines,
        "2022-10-01  ¥88.00 per year  Taobao 88VIP (淘宝88VIP) · tier",
    );
    let dates = dates_shown(&lines);
    assert_eq!(dates[0], "2021-08-01");
    assert!(dates.windows(2).all(|pair| pair[0] <= pair[1]), "{dates:?}");
    let footer = row_with(&lines, "· ↑↓ scroll · Esc closes");
    assert!(
        footer.contains(&format!("prices 1-{} of 22", dates.len())),
        "{footer}"
    );

    // The last page: the undated prices, after every dated one.
    app.update(Action::Bottom);
    let lines = screen(&app);
    assert!(row_with(&lines, "· ↑↓ scroll").contains("-22 of 22"));
    let dates = dates_shown(&lines);
    assert_eq!(dates.last().map(String::as_str), Some("not dated"));
    assert!(row_with(&lines, "not dated").contains("Taopiaopiao"));
    // `g` back to the first page.
    app.update(Action::Top);
    assert!(row_with(&screen(&app), "· ↑↓ scroll").contains("prices 1-"));

    // `d` again closes it, as Esc does.
    app.update(Action::Open(Opens::Dates));
    assert!(app.window().is_none());
}
