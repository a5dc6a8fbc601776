//! The integration tests, one binary with a module per feature, named by what a
//! person does with bundlecalc. Run one feature with `cargo test --test it
//! calendar::`, one file with `cargo test --test it calendar::window::`.
//!
//! The few tests that change something belonging to the whole process (the
//! umask, the working folder, a resource limit, the allocator), or that kill a
//! copy of their own binary, are binaries of their own beside this one, each
//! saying why at its top.

/// Helpers every feature shares: a sandboxed command, fixtures, the screen
/// without a terminal.
mod support;

/// Reading a bundles file: numbers as TOML means them, every rule of the
/// format, messages that point, text that is never shown raw, no input that
/// crashes, and the JSON Schema for editors.
mod load;

/// `--compare`: the figures of each bundle, their properties, sorting, ways to
/// buy and benefits, when prices were seen, and every output format.
mod compare;

/// `--plan`: the cheapest purchases for one person, and the exact solver
/// behind it.
mod plan;

/// Households: people who share, their plan, who pays what under each rule,
/// on the command line, in reports and in the household window.
mod household;

/// What-if changes: applied with `--what-if` or `a`, what each would save,
/// their errors in the file, and what they never disturb.
mod whatif;

/// `--calendar` and `C`: the cheapest purchases month by month.
mod calendar;

/// Editing in the screen and saving without losing a byte.
mod save;

/// The interactive screen: journeys, reading at 80×24, the windows, facts and
/// picks, following the file, and the real binary in a pseudo-terminal.
mod screen;

/// The headless command line: modes, where the file is found, exit codes.
mod cli;

/// Two languages, complete: every key in both, every text from them.
mod language;

/// The repository keeps its promises: the architecture map, the core's
/// boundary, the crate's metadata, the READMEs.
mod project;
