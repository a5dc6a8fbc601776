//! A selection in a list that shows some of its rows: moving it, and scrolling
//! no more than needed to keep it in view.
//!
//! Kept beside ratatui's `TableState` on purpose: `TableState` moves its offset
//! while the table is rendered (the test below shows it), so the view would
//! write state, and `App` needs the offset before drawing (the chart shows the
//! bundles in view, a click maps to a row, a page is as long as the rows
//! shown). `App` keeps the selection and the offset with these, and the view
//! hands `Table` only the rows in view.

/// `at + delta`, kept within `0..count`.
pub fn step(at: usize, delta: isize, count: usize) -> usize {
    if count == 0 {
        return 0;
    }
    at.saturating_add_signed(delta).min(count - 1)
}

/// The first visible row after the least scrolling that shows `selected`.
pub fn scroll_to_show(offset: usize, selected: usize, visible: usize, count: usize) -> usize {
    let visible = visible.max(1);
    let offset = if selected < offset {
        selected
    } else if selected >= offset + visible {
        selected + 1 - visible
    } else {
        offset
    };
    offset.min(count.saturating_sub(visible))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stop_at_the_ends() {
        assert_eq!(step(0, -1, 4), 0);
        assert_eq!(step(3, 1, 4), 3);
        assert_eq!(step(1, isize::MAX / 2, 4), 3);
        assert_eq!(step(2, isize::MIN / 2, 4), 0);
        assert_eq!(step(0, 1, 0), 0);
    }

    #[test]
    fn scrolling_is_minimal() {
        assert_eq!(scroll_to_show(0, 5, 4, 10), 2);
        assert_eq!(scroll_to_show(2, 3, 4, 10), 2);
        assert_eq!(scroll_to_show(2, 1, 4, 10), 1);
        assert_eq!(scroll_to_show(8, 9, 4, 10), 6);
    }

    #[test]
    fn table_state_learns_its_offset_only_by_being_drawn() {
        use ratatui::Terminal;
        use ratatui::backend::TestBackend;
        use ratatui::layout::Constraint;
        use ratatui::widgets::{Row, Table, TableState};

        // Ten rows in a four-row area, the sixth selected.
        let rows = (0..10).map(|at| Row::new([at.to_string()]));
        let table = Table::new(rows, [Constraint::Length(2)]);
        let mut state = TableState::default().with_selected(Some(5));
        assert_eq!(state.offset(), 0);
        let mut terminal = Terminal::new(TestBackend::new(4, 4)).unwrap();
        terminal
            .draw(|frame| frame.render_stateful_widget(table, frame.area(), &mut state))
            .unwrap();
        // Drawing moved the offset: the view wrote state. Ours is known before.
        assert_eq!(state.offset(), 2);
        assert_eq!(scroll_to_show(0, 5, 4, 10), state.offset());
    }
}
