//! The interactive screen on a 10,000-bundle catalogue: a full frame, a sort, a period
//! change, wanting a service, a price edit, the plan key, reloading, saving, opening.

use bundlecalc::tui::action::Opens;
use std::hint::black_box;
use std::time::{Duration, Instant};

use bundlecalc::source::{Origin, Source};
use bundlecalc::tui::action::Action;
use bundlecalc::tui::app::{App, AppConfig};
use bundlecalc::tui::view::draw;
use bundlecalc_core::synthetic::files::catalogue;
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

/// `e` on the selected bundle, its price replaced by `price`, then Enter.
fn set_price(app: &mut App, price: &str) {
    app.update(Action::EditPrice);
    let typed = app.field().map_or(0, |field| field.text.chars().count());
    for _ in 0..typed {
        app.update(Action::Erase);
    }
    for key in price.chars() {
        app.update(Action::Type(key));
    }
    app.update(Action::Submit);
}

/// Waits for the screen's background work, taking it in as the event loop would.
fn settle(app: &mut App) {
    app.poll_background();
    while app.is_busy() {
        std::thread::sleep(Duration::from_millis(1));
        app.poll_background();
    }
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
                app.update(Action::Open(Opens::Plan));
                terminal.draw(|frame| draw(&app, frame)).unwrap();
                answered += start.elapsed();
                settle(&mut app);
                app.update(Action::Back);
                // Forget it, so that the next `P` searches again.
                app.plan = None;
            }
            answered
        })
    });
    group.finish();
    c.bench_function("key: want a service (w) and draw, 10k bundles", |b| {
        app.update(Action::FocusDetail);
        b.iter(|| {
            app.update(Action::ToggleWanted);
            terminal.draw(|frame| draw(&app, frame)).unwrap();
        })
    });
    c.bench_function(
        "key: set a price (e, digits, Enter) and draw, 10k bundles",
        |b| {
            app.update(Action::FocusBundles);
            b.iter(|| {
                set_price(&mut app, "12.50");
                terminal.draw(|frame| draw(&app, frame)).unwrap();
            })
        },
    );
    // Keys that read or write the file: the file is on disk, in a temporary folder.
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("bundles.toml");
    std::fs::write(&path, catalogue(10_000, 300, 1)).unwrap();
    let mut on_disk = App::new(AppConfig {
        size: (160, 50),
        ..AppConfig::for_source(Source::read(&path).unwrap()).unwrap()
    });
    // `r` and Ctrl-S read or write the file on a worker thread: the key and its frame
    // are timed, the work itself is waited for (untimed) before the next key.
    let mut group = c.benchmark_group("file keys");
    group.sample_size(10);
    let mut answer = |app: &mut App, keys: &dyn Fn(&mut App)| {
        let start = Instant::now();
        keys(app);
        terminal.draw(|frame| draw(app, frame)).unwrap();
        let answered = start.elapsed();
        settle(app);
        answered
    };
    group.bench_function(
        "key: reload (r) 10k bundles from disk, answered and drawn",
        |b| {
            b.iter_custom(|iterations| {
                (0..iterations)
                    .map(|_| answer(&mut on_disk, &|app| app.update(Action::Reload)))
                    .sum()
            })
        },
    );
    let mut cents = 0;
    group.bench_function(
        "key: save (Ctrl-S) a price edit, 10k bundles, answered and drawn",
        |b| {
            b.iter_custom(|iterations| {
                (0..iterations)
                    .map(|_| {
                        cents = (cents + 1) % 100;
                        set_price(&mut on_disk, &format!("12.{cents:02}"));
                        answer(&mut on_disk, &|app| app.update(Action::Save))
                    })
                    .sum()
            })
        },
    );
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
