//! What-ifs in the screen (docs/reference/file-format.md, "What-if changes", `a`): the changes applied are a view over
//! the file's catalogue, never saved; every figure, the chart and the plan are
//! made on the changed catalogue.

use std::sync::Arc;

use super::App;
use crate::tr;
use bundlecalc_core::model::index::ChangeIx;
use bundlecalc_core::what_if::apply;

impl App {
    /// The what-ifs applied, as indexes of the file's changes, in file order.
    pub fn applied(&self) -> Vec<ChangeIx> {
        let file = &self.file;
        (0..file.changes.len())
            .filter(|&c| self.what_ifs.contains(&file.changes[c].id))
            .collect()
    }

    /// Makes `catalog` the file's catalogue with the what-ifs applied; what-ifs
    /// gone from the file are dropped. Why, when they cannot apply together.
    pub(super) fn apply_what_ifs(&mut self) -> Result<(), String> {
        let file = Arc::clone(&self.file);
        self.what_ifs
            .retain(|id| file.changes.iter().any(|c| &c.id == id));
        let applied = self.applied();
        if applied.is_empty() {
            self.catalog = file;
            return Ok(());
        }
        let changed =
            apply::apply(&file, &applied).map_err(|why| crate::words::apply_error(&file, &why))?;
        self.catalog = Arc::new(changed);
        Ok(())
    }

    /// After an edit or a reload of the file's catalogue: the what-ifs applied over
    /// it again, or, when they no longer apply together, dropped with the reason.
    pub(super) fn reapply_what_ifs(&mut self) {
        if let Err(why) = self.apply_what_ifs() {
            self.what_ifs.clear();
            self.catalog = Arc::clone(&self.file);
            self.message = Some(tr!("msg.what_ifs_dropped", why = why));
        }
    }

    /// `Space` or `Enter` in the what-ifs window: the change at `at` applied, or
    /// taken back, and every figure follows.
    pub(super) fn toggle_what_if(&mut self, at: ChangeIx) {
        let Some(change) = self.file.changes.get(at) else {
            return;
        };
        let (id, name) = (change.id.clone(), change.name.clone());
        let now_applied = !self.what_ifs.contains(&id);
        if now_applied {
            self.what_ifs.push(id.clone());
        } else {
            self.what_ifs.retain(|w| *w != id);
        }
        if let Err(why) = self.apply_what_ifs() {
            self.what_ifs.retain(|w| *w != id);
            // Without it, the others applied together before.
            let _ = self.apply_what_ifs();
            self.message = Some(tr!("msg.what_if_refused", name = name, why = why));
            return;
        }
        self.recompute();
        self.message = Some(if now_applied {
            tr!("msg.what_if_on", name = name)
        } else {
            tr!("msg.what_if_off", name = name)
        });
    }
}
