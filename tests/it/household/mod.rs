//! Households: people who share a plan, and who pays what.

mod people;
mod plan;
mod report;
mod rules_window;
mod share_properties;
mod shares;
mod window;
