//! The price field (`e`, or a fact chosen in the facts window;
//! docs/reference/screen.md, "The price field"): its text, why the last `Enter`
//! was refused, and the question it asks.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use rust_decimal::Decimal;

use super::outcome::Outcome;
use super::target::PriceTarget;
use super::window::{Props, Window};
use crate::text::printable;
use crate::tr;
use crate::tui::action::{Action, KeyMode};
use crate::tui::chrome::draw_dialog;
use crate::words;
use bundlecalc_core::amount::{parse_amount, parse_fact};
use bundlecalc_core::load::resolve::negative_spending;
use bundlecalc_core::model::Catalog;

/// The widest the field gets.
const WIDTH: u16 = 70;

/// The price field: what it edits and the text typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceField {
    pub target: PriceTarget,
    pub text: String,
    /// Why the last `Enter` was refused.
    pub error: Option<String>,
    /// For a fact, the benefit that reads it as an amount spent, if one does: a
    /// negative value is then refused, as the loader refuses it.
    pub spent_by: Option<String>,
}

impl PriceField {
    /// The field on `target`, holding its current value.
    pub fn new(target: PriceTarget, value: Option<Decimal>) -> Self {
        PriceField {
            target,
            text: value.map(|v| v.to_string()).unwrap_or_default(),
            error: None,
            spent_by: None,
        }
    }

    /// Keys in the field: text, `Enter` applies a valid number, `Esc` cancels.
    pub fn edit(&mut self, action: Action) -> Outcome {
        match action {
            Action::Type(c) => {
                self.text.push(c);
                self.error = None;
            }
            Action::Erase => {
                self.text.pop();
                self.error = None;
            }
            Action::Back => return Outcome::Close,
            Action::Quit => return Outcome::Quit,
            Action::Submit => match self.parsed() {
                Ok(value) => return Outcome::Apply(self.target.clone(), value),
                Err(why) => self.error = Some(why),
            },
            _ => {}
        }
        Outcome::Stay
    }

    /// The number typed, or why it is refused. Facts may be any number; prices
    /// are amounts of money; a rate is at most 1.
    fn parsed(&self) -> Result<Decimal, String> {
        let text = self.text.trim();
        let parsed = match &self.target {
            PriceTarget::Fact(name) => parse_fact(text)
                .map_err(|e| words::message(&e.message()))
                .and_then(|v| {
                    let spent_by = self.spent_by.as_deref();
                    match spent_by.filter(|benefit| negative_spending(name, benefit, v).is_some()) {
                        // Said of the number typed: "`-5` must not be negative: …".
                        Some(benefit) => Err(tr!("field.negative_spending", service = benefit)),
                        None => Ok(v),
                    }
                }),
            PriceTarget::Rate(_) => match parse_amount(text) {
                Ok(rate) if rate > Decimal::ONE => Err(tr!("field.rate_range")),
                other => other.map_err(|e| words::message(&e.message())),
            },
            _ => parse_amount(text).map_err(|e| words::message(&e.message())),
        };
        parsed.map_err(|why| {
            let what = match self.target {
                PriceTarget::Fact(_) => tr!("field.the_fact"),
                PriceTarget::Rate(_) => tr!("field.the_rate"),
                _ => tr!("field.the_price"),
            };
            // Nothing typed is asked for, not quoted back as "`` is not a number".
            if text.is_empty() {
                tr!("field.empty", what = what)
            } else {
                tr!("field.refused", text = text, why = why, what = what)
            }
        })
    }
}

impl Window for PriceField {
    fn key_mode(&self) -> KeyMode {
        KeyMode::Typing
    }

    fn update(&mut self, action: Action, _: &Props<'_>) -> Outcome {
        self.edit(action)
    }

    /// Draws the field over the screen; names come from the catalogue as shown.
    fn draw(&self, props: &Props<'_>, frame: &mut Frame<'_>, area: Rect) {
        let theme = &props.theme;
        let (title, question) = self.words(props.shown);
        let mut lines = vec![
            Line::raw(question),
            Line::from(vec![
                Span::raw("> "),
                Span::styled(format!("{}▏", printable(&self.text)), theme.heading),
            ]),
        ];
        match &self.error {
            Some(error) => lines.push(Line::styled(printable(error).into_owned(), theme.loss)),
            None => lines.push(Line::styled(tr!("field.keys"), theme.faint)),
        }
        draw_dialog(frame, area, theme, &title, lines, WIDTH);
    }
}

impl PriceField {
    /// The field's title and its question.
    fn words(&self, catalog: &Catalog) -> (String, String) {
        match &self.target {
            PriceTarget::Service(s) => {
                let service = &catalog.services[*s];
                (
                    tr!("field.edit_price"),
                    tr!(
                        "field.price_of",
                        name = service.name,
                        per = crate::words::per(service.period)
                    ),
                )
            }
            PriceTarget::Bundle(b) => {
                let bundle = &catalog.bundles[*b];
                (
                    tr!("field.edit_price"),
                    tr!(
                        "field.base_price_of",
                        name = bundle.name,
                        per = crate::words::per(bundle.period)
                    ),
                )
            }
            PriceTarget::Tier { bundle, tier } => {
                let bundle = &catalog.bundles[*bundle];
                let when = &bundle.tiers[*tier].when;
                (
                    tr!("field.edit_tier", when = when),
                    tr!(
                        "field.tier_price_of",
                        name = bundle.name,
                        when = when,
                        per = crate::words::per(bundle.period)
                    ),
                )
            }
            PriceTarget::Fact(name) => (
                tr!("field.edit_fact"),
                tr!("field.value_of", name = printable(name)),
            ),
            PriceTarget::Way { service, way } => {
                let service = &catalog.services[*service];
                let way = &service.other_prices[*way];
                let other = tr!("field.another_way");
                let label = way.label.as_deref().unwrap_or(&other);
                (
                    tr!("field.edit_way", label = label),
                    tr!(
                        "field.way_price_of",
                        name = service.name,
                        label = label,
                        per = crate::words::per(way.period)
                    ),
                )
            }
            PriceTarget::Rate(service) => {
                let service = &catalog.services[*service];
                let fact = service.value.as_ref().map_or("", |b| b.fact.as_str());
                (
                    tr!("field.edit_rate"),
                    tr!("field.rate_of", fact = fact, name = service.name),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_number_is_refused_and_the_field_stays_open() {
        let mut field = PriceField::new(PriceTarget::Bundle(0), Some(Decimal::from(88)));
        field.edit(Action::Type('x'));
        assert_eq!(field.edit(Action::Submit), Outcome::Stay);
        assert!(field.error.is_some());
        field.edit(Action::Erase);
        assert_eq!(field.error, None);
        assert_eq!(
            field.edit(Action::Submit),
            Outcome::Apply(PriceTarget::Bundle(0), Decimal::from(88))
        );
    }
}
