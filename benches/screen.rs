//! The interactive screen on a 10,000-bundle catalogue: a full frame, a sort, a period
//! change, the plan key, opening.

use std::hint::black_box;
use std::time::{Duration, Instant};

use bundlecalc::source::{Origin, Source};
use bundlecalc::synthetic::catalogue;
use bundlecalc::tui::action::Action;
use bundlecalc::tui::app::{App, AppConfig};
use bundlecalc::tui::view::draw;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The screen on `text`, as if read from `bench.toml`, 160×50 in colour.
fn open(text: String) -> App {
    let source = Source {
        origin: Origin::File("bench.toml".into()),
        text,
    };
    let config = AppConfig::for_source(source).unwrap();
    App::new(AppConfig {
        colour: true,
        size: (160, 50),
        ..config
    })
}

fn screen(c: &mut Criterion) {
    let mut app = open(catalogue(10_000, 300, 1));
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
    // `P` answers at once and finds the plan on a worker thread: the key and its
    // frame are timed, then the search is waited for (untimed) before the next.
    let mut group = c.benchmark_group("plan key");
    group.sample_size(10);
    group.bench_function("key: plan (P) answered and drawn, 10k bundles", |b| {
        b.iter_custom(|iterations| {
            let mut answered = Duration::ZERO;
            for _ in 0..iterations {
                let start = Instant::now();
                app.update(Action::ShowPlan);
                terminal.draw(|frame| draw(&app, frame)).unwrap();
                answered += start.elapsed();
                while app.is_busy() {
                    std::thread::sleep(Duration::from_millis(1));
                    app.poll_background();
                }
                app.update(Action::Back);
            }
            answered
        })
    });
    group.finish();
    c.bench_function("open: parse + compute + first frame, 10k bundles", |b| {
        let text = catalogue(10_000, 300, 1);
        b.iter(|| {
            let app = open(black_box(text.clone()));
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
