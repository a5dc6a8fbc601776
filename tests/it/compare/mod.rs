//! `--compare`: each bundle's figures, in every format.

mod formats;
mod price_dates;
mod properties;
mod sorting;
mod ways_and_benefits;
