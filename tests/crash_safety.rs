//! A crash never leaves half a file: a process killed (SIGKILL, which no program can
//! catch) at any moment of a save leaves the file either as it was or as saved,
//! byte for byte.
//!
//! Its own test binary, apart from `tests/it`: the test runs this binary again as a
//! child (the ignored `saver` test below, chosen by its exact name) and kills it
//! with SIGKILL, two hundred times; a small binary starts fast, and the child
//! runs nothing but the saver.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::str::FromStr;
use std::time::{Duration, SystemTime};

use bundlecalc::source::Source;
use bundlecalc::workspace::Workspace;
use bundlecalc_core::edit::{Edit, apply_edits};
use bundlecalc_core::synthetic::files::catalogue;
use rust_decimal::Decimal;

const KILLS: usize = 200;
/// Tells this test binary, run again as a child, to save in a loop until killed.
const SAVER: &str = "BUNDLECALC_TEST_SAVER_FILE";

/// The prices the saver writes, in turn, into bundle `b0`.
const PRICES: [&str; 2] = ["7", "1234.5"];

fn edit_to(price: &str) -> Edit {
    Edit::BundlePrice {
        id: "b0".into(),
        price: Decimal::from_str(price).unwrap(),
    }
}

/// Run as a child by the test below: saves the file over and over, each time with
/// the other price, through the screen's own save, until it is killed.
#[test]
#[ignore = "a helper: the kill test runs it as a child process"]
fn saver() {
    let Some(path) = std::env::var_os(SAVER) else {
        return;
    };
    let path = Path::new(&path);
    println!("saving");
    for round in 0.. {
        let mut workspace = Workspace::new(Source::read(path).unwrap());
        workspace.record(edit_to(PRICES[round % 2]));
        workspace.save_job().run().unwrap();
    }
}

/// A small random number generator, seeded from the clock; the seed is printed
/// with any failure.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

#[test]
fn a_kill_at_any_moment_of_a_save_leaves_the_old_or_the_new_file() {
    let seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundles.toml");
    // Over 1 MiB, so it is edited by pieces as large files are.
    let original = catalogue(9_000, 300, 1);
    assert!(original.len() > 1024 * 1024);
    let versions = [
        original.clone(),
        apply_edits(&original, &[edit_to(PRICES[0])]).unwrap(),
        apply_edits(&original, &[edit_to(PRICES[1])]).unwrap(),
    ];
    assert!(versions[0] != versions[1] && versions[1] != versions[2]);
    std::fs::write(&path, &original).unwrap();
    // How long one save takes here (builds and machines differ): kills are spread
    // over the first three saves of each run.
    let started = std::time::Instant::now();
    let mut workspace = Workspace::new(Source::read(&path).unwrap());
    workspace.record(edit_to(PRICES[1]));
    workspace.save_job().run().unwrap();
    std::fs::write(&path, &original).unwrap();
    let window = (started.elapsed().as_micros() as u64 * 3).max(1_000);
    let mut seen = [0usize; 3];
    for kill in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "saver",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(SAVER, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until it saves, then kill it at a random moment of its saves.
        let mut first = String::new();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        while !first.contains("saving") {
            first.clear();
            assert!(out.read_line(&mut first).unwrap() > 0, "the saver ended");
        }
        std::thread::sleep(Duration::from_micros(rng.next(window)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let on_disk = std::fs::read(&path).unwrap();
        let which = versions.iter().position(|v| v.as_bytes() == on_disk);
        let Some(which) = which else {
            panic!(
                "kill {kill} (seed {seed}) left a file that is neither version: {} bytes",
                on_disk.len()
            );
        };
        seen[which] += 1;
        // A kill mid-write leaves the temporary file behind (nothing can clean up
        // after SIGKILL); it never stands in for the file. Clear it for the next run.
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let entry = entry.unwrap();
            if entry.file_name() != "bundles.toml" {
                let name = entry.file_name().to_string_lossy().into_owned();
                assert!(
                    name.starts_with(".bundlecalc-") && name.ends_with(".tmp"),
                    "{name}"
                );
                std::fs::remove_file(entry.path()).unwrap();
            }
        }
    }
    println!("seed {seed}: files found as original, first and second edit: {seen:?}");
    // The kills did land during the saves: the file was found in more than one state.
    assert!(
        seen.iter().filter(|&&n| n > 0).count() >= 2,
        "seed {seed}: {seen:?}"
    );
}
