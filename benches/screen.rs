//! The interactive screen on a 10,000-bundle catalogue: a full frame, a sort, a period change.

use std::hint::black_box;

use bundlecalc::calc::{Scenario, SortKey};
use bundlecalc::load::parse_catalog;
use bundlecalc::synthetic::catalogue;
use bundlecalc::tui::action::Action;
use bundlecalc::tui::app::{App, AppConfig};
use bundlecalc::tui::view::draw;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(bundles: usize) -> App {
    let catalog = parse_catalog(&catalogue(bundles, 300, 1)).unwrap();
    let scenario = Scenario::from_catalog(&catalog);
    App::new(AppConfig {
        catalog,
        file_label: "bench.toml".into(),
        file_location: "bench.toml".into(),
        scenario,
        sort: SortKey::File,
        colour: true,
        size: (160, 50),
    })
}

fn screen(c: &mut Criterion) {
    let mut app = app(10_000);
    let mut terminal = Terminal::new(TestBackend::new(160, 50)).unwrap();

    c.bench_function("frame: draw 160x50, 10k bundles", |b| {
        b.iter(|| {
            terminal.draw(|frame| draw(black_box(&app), frame)).unwrap();
        })
    });
    c.bench_function("key: sort 10k bundles (s) and draw", |b| {
        b.iter(|| {
            app.update(Action::CycleSort);
            terminal.draw(|frame| draw(&app, frame)).unwrap();
        })
    });
    c.bench_function("key: period 10k bundles (p) and draw", |b| {
        b.iter(|| {
            app.update(Action::CyclePeriod);
            terminal.draw(|frame| draw(&app, frame)).unwrap();
        })
    });
    c.bench_function("open: parse + compute + first frame, 10k bundles", |b| {
        let text = catalogue(10_000, 300, 1);
        b.iter(|| {
            let catalog = parse_catalog(black_box(&text)).unwrap();
            let scenario = Scenario::from_catalog(&catalog);
            let app = App::new(AppConfig {
                catalog,
                file_label: "bench.toml".into(),
                file_location: "bench.toml".into(),
                scenario,
                sort: SortKey::File,
                colour: true,
                size: (160, 50),
            });
            terminal.draw(|frame| draw(&app, frame)).unwrap();
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = screen
}
criterion_main!(benches);
