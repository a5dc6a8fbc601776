//! The calendar: the cheapest purchases month by month (`--calendar`, the window `C`).

mod command_line;
mod properties;
mod window;
