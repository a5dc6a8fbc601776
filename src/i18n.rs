//! The language of every text meant for people (docs/reference/command-line.md `--lang`): English or
//! Simplified Chinese. Messages live in `locales/en.toml` and `locales/zh.toml`,
//! one key per text; `tr!` picks the current language's. JSON and CSV keys, ids
//! and exit codes never change with it.

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language bundlecalc speaks.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// The name of its messages file, and of `--lang`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language a locale name asks for: `zh_CN.UTF-8`, `zh_TW` and `zh` give
    /// Chinese; anything else English.
    pub fn of_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language the environment asks for: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty.
    pub fn from_environment() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(std::env::var_os)
            .map(|value| value.to_string_lossy().into_owned())
            .find(|value| !value.is_empty())
            .map_or(Lang::En, |value| Lang::of_locale(&value))
    }
}

/// The language of this process, chosen once at start-up.
static PROCESS: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A language for this thread only, as tests use to draw both languages at once.
    static THREAD: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the language of the whole process (`--lang`, or the environment).
pub fn set_language(lang: Lang) {
    PROCESS.store(lang as u8, Ordering::Relaxed);
}

/// The language texts are written in now.
pub fn current() -> Lang {
    THREAD
        .with(Cell::get)
        .unwrap_or(match PROCESS.load(Ordering::Relaxed) {
            1 => Lang::Zh,
            _ => Lang::En,
        })
}

/// Runs `work` with this thread speaking `lang`.
pub fn in_language<T>(lang: Lang, work: impl FnOnce() -> T) -> T {
    let before = THREAD.with(|t| t.replace(Some(lang)));
    let result = work();
    THREAD.with(|t| t.set(before));
    result
}

/// The text of message `key` (without arguments) in the current language, for
/// code outside this crate, such as tests.
pub fn message(key: &str) -> String {
    crate::tr!(key)
}

/// `count` things in words, as message `key` says them: `KEY_one` for one
/// ("1 bundle"), else `KEY` with the count ("3 bundles").
pub fn counted(count: usize, key: &str) -> String {
    if count == 1 {
        crate::tr!(format!("{key}_one"))
    } else {
        crate::tr!(key, count = count)
    }
}

/// The text of message `key` in the current language, with `%{name}` arguments.
#[macro_export]
macro_rules! tr {
    ($key:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        let key: &str = &$key;
        rust_i18n::t!(key, locale = $crate::i18n::current().code() $(, $name = $value)*)
            .into_owned()
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zh_locales_give_chinese() {
        assert_eq!(Lang::of_locale("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::of_locale("zh_TW"), Lang::Zh);
        assert_eq!(Lang::of_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::of_locale("C"), Lang::En);
    }

    #[test]
    fn a_thread_may_speak_its_own_language() {
        let per = |lang| in_language(lang, || crate::tr!("per", period = "x"));
        assert_eq!(per(Lang::Zh), "每x");
        assert_eq!(per(Lang::En), "per x");
    }
}
