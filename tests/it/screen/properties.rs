//! Any sequence of keys, clicks and resizes leaves the screen drawable and its
//! figures consistent.

use crate::support::app::{open_app, settle};
use bundlecalc::source::BUILT_IN;
use bundlecalc::tui::action::Action;
use bundlecalc::tui::action::Opens;
use bundlecalc::tui::view::draw;
use bundlecalc_core::money::Money;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        prop::sample::select(vec![
            Action::Up,
            Action::Down,
            Action::PageUp,
            Action::PageDown,
            Action::Top,
            Action::Bottom,
            Action::SwitchPane,
            Action::FocusBundles,
            Action::FocusDetail,
            Action::CycleSort,
            Action::CyclePeriod,
            Action::ToggleWanted,
            Action::Open(Opens::Help),
            Action::Open(Opens::Plan),
            Action::EditPrice,
            Action::Erase,
            Action::Submit,
            Action::Back,
            Action::Save,
            Action::Reload,
            Action::FileChanged,
        ]),
        prop::sample::select(vec!['1', '9', '.', '0', 'x', 'n', 'c', 'r', 'e', '-'])
            .prop_map(Action::Type),
        (0u16..170, 0u16..60).prop_map(|(column, row)| Action::Click { column, row }),
        (0u16..170, 0u16..60).prop_map(|(column, row)| Action::ScrollDown { column, row }),
        (0u16..170, 0u16..60).prop_map(|(column, row)| Action::ScrollUp { column, row }),
        (1u16..170, 1u16..60).prop_map(|(width, height)| Action::Resize { width, height }),
    ]
}

proptest! {
    #![proptest_config(crate::support::cases(120))]

    #[test]
    fn any_sequence_of_actions_draws_and_keeps_the_sums(
        actions in prop::collection::vec((action(), any::<bool>()), 1..60),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bundles.toml");
        std::fs::write(&path, BUILT_IN).unwrap();
        let mut app = open_app(&path);
        for (action, wait) in actions {
            if action == Action::Quit || app.quit {
                break;
            }
            app.update(action);
            // Keys come while background work runs, or after it is done.
            if wait {
                settle(&mut app);
            } else {
                app.poll_background();
            }
            let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
            terminal.draw(|frame| draw(&app, frame)).unwrap();
            prop_assert!(app.selected < app.rows.len().max(1));
            for row in &app.rows {
                let effective: Money = row.services.iter().map(|s| s.effective_cost).sum();
                prop_assert_eq!(effective, row.price);
                prop_assert_eq!(row.savings, row.standalone_value - row.price);
            }
        }
    }
}
