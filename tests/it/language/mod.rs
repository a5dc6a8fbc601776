//! English and Chinese: every key in both files, every text from them, none cut.

mod keys;
mod locales;
mod screen_texts;
mod whole_texts;
