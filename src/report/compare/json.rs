//! The comparison as JSON (docs/reference/output.md, "The comparison as JSON"),
//! serialized straight from the figures as it is written.

use std::io::{self, Write};

use serde::Serialize;

use super::CompareReport;
use crate::i18n::{Lang, in_language};
use crate::report::ids::{change_ids, mark_ids};
use bundlecalc_core::calc::figures::BundleFigures;
use bundlecalc_core::model::Catalog;
use bundlecalc_core::money::{Money, Percent};
use bundlecalc_core::stale::service_seen;

/// Writes the document, then a line break.
pub(super) fn write(report: &CompareReport<'_>, out: &mut dyn Write) -> io::Result<()> {
    // A buffer of a known type, so that the serializer's many small writes
    // are copies rather than calls through `dyn Write`.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut buffered, &JsonComparison::of(report))?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}

/// The whole document.
#[derive(Serialize)]
struct JsonComparison<'a> {
    file: &'a str,
    currency: &'a str,
    basis: &'static str,
    /// In English, as every JSON note.
    notes: Vec<String>,
    /// The ids of the changes applied, in file order.
    changes: Vec<&'a str>,
    bundles: JsonBundles<'a>,
}

impl<'a> JsonComparison<'a> {
    fn of(report: &'a CompareReport<'a>) -> Self {
        JsonComparison {
            file: report.file,
            currency: &report.catalog.currency,
            basis: report.basis.name(),
            notes: in_language(Lang::En, || {
                crate::words::notes(report.catalog, &report.comparison.notes)
            }),
            changes: change_ids(report.catalog, &report.catalog.applied),
            bundles: JsonBundles(report),
        }
    }
}

/// Every bundle, each made into its JSON shape only while it is written.
struct JsonBundles<'a>(&'a CompareReport<'a>);

impl Serialize for JsonBundles<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let catalog = self.0.catalog;
        serializer.collect_seq(
            self.0
                .comparison
                .bundles
                .iter()
                .map(|figures| JsonBundle::of(catalog, figures)),
        )
    }
}

#[derive(Serialize)]
struct JsonBundle<'a> {
    id: &'a str,
    name: &'a str,
    status: &'static str,
    price: Money,
    price_rule: Option<&'a str>,
    standalone_value: Money,
    savings: Money,
    savings_pct: Option<Percent>,
    personal_value: Option<Money>,
    personal_savings: Option<Money>,
    services: Vec<JsonService<'a>>,
    changes: Vec<&'a str>,
    as_of: Option<String>,
    source: Option<&'a str>,
}

impl<'a> JsonBundle<'a> {
    fn of(catalog: &'a Catalog, figures: &'a BundleFigures) -> Self {
        let bundle = &catalog.bundles[figures.bundle];
        JsonBundle {
            changes: mark_ids(&bundle.changes),
            as_of: bundle.seen.as_of_text(),
            source: bundle.seen.source(),
            id: &bundle.id,
            name: &bundle.name,
            status: bundle.status.name(),
            price: figures.price,
            price_rule: figures.price_rule.as_deref(),
            standalone_value: figures.standalone_value,
            savings: figures.savings,
            savings_pct: figures.savings_pct,
            personal_value: figures.personal.map(|p| p.value),
            personal_savings: figures.personal.map(|p| p.savings),
            services: figures
                .services
                .iter()
                .map(|s| {
                    let service = &catalog.services[s.service];
                    let seen = service_seen(service);
                    JsonService {
                        changes: mark_ids(&service.changes),
                        as_of: seen.as_of_text(),
                        source: seen.source(),
                        id: &service.id,
                        name: &service.name,
                        group: s.group.as_deref(),
                        standalone_price: s.standalone_price,
                        price_label: s.price_label.as_deref(),
                        effective_cost: s.effective_cost,
                        wanted: s.wanted,
                        personal_cost: s.personal_cost,
                    }
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct JsonService<'a> {
    id: &'a str,
    name: &'a str,
    group: Option<&'a str>,
    standalone_price: Money,
    price_label: Option<&'a str>,
    effective_cost: Money,
    wanted: Option<bool>,
    personal_cost: Option<Money>,
    changes: Vec<&'a str>,
    /// Those of the way to buy it that gave `standalone_price`.
    as_of: Option<String>,
    source: Option<&'a str>,
}
