//! The crate can be published and installed: its licence files are there, and its
//! `rust-version` is no older than what any dependency it builds with needs.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn run(program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        output.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// `1.88.0` as `(1, 88, 0)`.
fn version(text: &str) -> (u32, u32, u32) {
    let mut parts = text.split('.').map(|p| p.parse::<u32>().unwrap());
    (
        parts.next().unwrap(),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    )
}

#[test]
fn rust_version_covers_every_dependency_that_is_built() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let host = run("rustc", &["-vV"])
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        .unwrap();
    let metadata: Value = serde_json::from_str(&run(
        &cargo,
        &[
            "metadata",
            "--format-version",
            "1",
            "--locked",
            "--filter-platform",
            &host,
        ],
    ))
    .unwrap();
    let packages: Vec<&Value> = metadata["packages"].as_array().unwrap().iter().collect();
    let root = metadata["resolve"]["root"].as_str().unwrap();
    let package = packages.iter().find(|p| p["id"] == root).unwrap();
    let ours = package["rust_version"]
        .as_str()
        .expect("rust-version is set");
    // What `cargo install` builds: normal and build dependencies, transitively, with
    // the features they are built with (which `cargo tree` resolves as a build does).
    let built: BTreeSet<(String, String)> = run(
        &cargo,
        &[
            "tree",
            "--locked",
            "--edges",
            "normal,build",
            "--prefix",
            "none",
            "--format",
            "{p}",
        ],
    )
    .lines()
    .filter_map(|line| {
        let mut words = line.split_whitespace();
        let name = words.next()?.to_string();
        let version = words.next()?.trim_start_matches('v').to_string();
        Some((name, version))
    })
    .collect();
    assert!(built.len() > 30, "{} packages", built.len());
    let (needs, by) = built
        .iter()
        .filter_map(|(name, at)| {
            let package = packages
                .iter()
                .find(|p| p["name"] == name.as_str() && p["version"] == at.as_str())?;
            let wanted = package["rust_version"].as_str()?;
            Some((version(wanted), name.as_str()))
        })
        .max()
        .unwrap();
    assert!(
        version(ours) >= needs,
        "rust-version {ours} is older than {by} needs ({needs:?})"
    );
    // Our own code uses let chains, stable since 1.88.
    assert!(version(ours) >= (1, 88, 0));
    assert_eq!(package["license"], "MIT OR Apache-2.0");
    assert!(!package["keywords"].as_array().unwrap().is_empty());
    assert!(!package["categories"].as_array().unwrap().is_empty());
    let root_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in ["LICENSE-MIT", "LICENSE-APACHE"] {
        let text = std::fs::read_to_string(root_dir.join(file)).unwrap();
        assert!(text.len() > 900, "{file} is the whole licence");
    }
}
