//! Editing values in the screen and saving them, byte for byte.

mod editing;
mod styles;
