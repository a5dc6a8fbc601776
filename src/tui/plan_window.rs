//! The plan window (`P`): the cheapest offers for the wants, what each is used for,
//! the totals, and what rumoured offers would change.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::app::App;
use super::columns::tone;
use super::theme::Theme;
use super::view::draw_dialog;
use crate::plan::PlanError;
use crate::report::{if_rumoured_sentence, money_text, signed_money_text};
use crate::text::{display_width, printable, wrap_to_width};
use crate::tr;

/// The widest the window gets.
const WIDTH: u16 = 90;

/// `text` wrapped to `width` cells, every line starting with `indent`.
pub(super) fn indented(text: &str, indent: &str, width: usize) -> Vec<String> {
    let room = width.saturating_sub(display_width(indent)).max(1);
    wrap_to_width(text, room)
        .into_iter()
        .map(|line| format!("{indent}{line}"))
        .collect()
}

/// The plan overlay: offers, what each is used for, totals and extras.
pub(super) fn draw_plan(app: &App, theme: &Theme, frame: &mut Frame<'_>) {
    let catalog = &app.shown();
    let symbol = catalog.currency_symbol();
    let names = |services: &[usize]| catalog.service_names(services);
    let inner_width =
        usize::from(frame.area().width.saturating_sub(4).min(WIDTH)).saturating_sub(2);
    let mut lines: Vec<Line> = Vec::new();
    match app
        .plan
        .as_ref()
        .map(|planning| (planning, planning.found()))
    {
        None => {}
        Some((planning, None)) if planning.failed() => {
            lines.push(Line::styled(tr!("planw.failed"), theme.loss));
        }
        Some((_, None)) => {
            lines.push(Line::styled(tr!("planw.finding"), theme.faint));
        }
        Some((_, Some(Err(error)))) => {
            let text = match error {
                PlanError::NoWants => {
                    tr!("planw.no_wants")
                }
                PlanError::TooManyWants(n) => {
                    tr!("planw.too_many", count = n, most = crate::plan::MAX_WANTS)
                }
                PlanError::Uncovered(missing) => tr!("planw.uncovered", services = names(missing)),
                PlanError::OnlyOneOf(services) => {
                    tr!("planw.only_one_of", services = names(services))
                }
            };
            lines.push(Line::styled(text, theme.loss));
        }
        Some((_, Some(Ok(plan)))) => {
            lines.push(Line::raw(tr!("planw.for", services = names(&plan.wants))));
            lines.push(Line::raw(""));
            for offer in &plan.offers {
                let name = match &offer.label {
                    Some(label) => format!("{} · {}", offer.kind.name(catalog), printable(label)),
                    None => offer.kind.name(catalog),
                };
                lines.push(Line::from(vec![
                    Span::styled(money_text(symbol, offer.price), theme.heading),
                    Span::raw(format!("  {name}")),
                ]));
                // Wrapped here, so that every line of it keeps the indent.
                let uses = tr!("planw.used_for", services = names(&offer.covers));
                for line in indented(&uses, "    ", inner_width) {
                    lines.push(Line::styled(line, theme.faint));
                }
            }
            lines.push(Line::raw(""));
            let mut total = vec![Span::styled(
                tr!("plan.total", total = money_text(symbol, plan.total)),
                theme.heading,
            )];
            if let (Some(alone), Some(savings)) = (plan.standalone_total, plan.savings) {
                total.push(Span::raw(tr!(
                    "planw.alone",
                    alone = money_text(symbol, alone)
                )));
                total.push(Span::styled(
                    signed_money_text(symbol, savings),
                    tone(theme, savings),
                ));
            }
            lines.push(Line::from(total));
            if !plan.extras.is_empty() {
                lines.push(Line::raw(tr!(
                    "plan.extras",
                    services = names(&plan.extras)
                )));
            }
            if let Some(sentence) = if_rumoured_sentence(catalog, plan, symbol) {
                lines.push(Line::raw(""));
                lines.push(Line::raw(sentence));
            }
        }
    }
    let include = if app.scenario.include.rumoured {
        tr!("planw.i_on_sale")
    } else {
        tr!("planw.i_rumoured")
    };
    lines.push(Line::styled(
        tr!("planw.keys", include = include),
        theme.faint,
    ));
    let offers = if app.scenario.include.rumoured {
        tr!("planw.with_rumoured")
    } else {
        tr!("planw.on_sale")
    };
    draw_dialog(
        frame,
        theme,
        &tr!(
            "planw.title",
            offers = offers,
            per = app.scenario.basis.per()
        ),
        lines,
        WIDTH,
    );
}
