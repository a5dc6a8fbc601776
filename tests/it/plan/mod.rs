//! `--plan` for one person, and the exact solver every plan uses.

mod properties;
mod shipped_offers;
mod solver;
