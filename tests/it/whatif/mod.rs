//! What-if changes (`[changes.ID]`, `--what-if`, the window `a`): every test of them is here.

mod command_line;
mod file_errors;
mod properties;
mod window;
