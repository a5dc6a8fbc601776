//! Helpers shared by the command-line tests: a clean environment in an empty folder.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// An empty working folder and an empty home, so no real config is found.
pub struct Sandbox {
    pub dir: TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        Sandbox {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `bundlecalc` run in the sandbox, with no colour and no inherited bundles file.
    pub fn command(&self) -> Command {
        let mut command = Command::new(assert_cmd::cargo::cargo_bin!("bundlecalc"));
        command
            .current_dir(self.path())
            .env_remove("BUNDLECALC_FILE")
            .env("HOME", self.path())
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .env("NO_COLOR", "1");
        command
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path().join(name);
        std::fs::write(&path, text).expect("write fixture");
        path
    }
}

/// The path of a fixture under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs `--compare --format json` with extra arguments and parses the output.
pub fn compare_json(sandbox: &Sandbox, args: &[&str]) -> serde_json::Value {
    let output = sandbox
        .command()
        .args(["--compare", "--format", "json"])
        .args(args)
        .output()
        .expect("run bundlecalc");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("valid JSON")
}

/// The bundle with `id` in a JSON comparison.
pub fn bundle<'a>(json: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    json["bundles"]
        .as_array()
        .expect("bundles list")
        .iter()
        .find(|b| b["id"] == id)
        .unwrap_or_else(|| panic!("no bundle {id}"))
}
pub mod app;
pub mod screen;

/// A property test's settings: `cases` random cases, after the failures
/// found before, which are kept beside the test's file
/// (`properties.proptest-regressions`) and replayed first.
pub fn cases(cases: u32) -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        cases,
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..proptest::test_runner::Config::default()
    }
}
