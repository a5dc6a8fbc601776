//! Work done on a worker thread while the screen keeps answering keys: finding a
//! plan or a calendar (`Finding`), reading or writing a large file (`Job`).

use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Weak};
use std::thread;

use bundlecalc_core::model::Catalog;
use bundlecalc_core::plan::problem::Abandon;

/// One piece of work under way; its answer is taken with `poll`.
#[derive(Debug)]
pub struct Job<T> {
    answer: Receiver<T>,
}

/// What `Job::poll` found.
pub enum Polled<T> {
    Ready(T),
    Pending,
    /// The worker stopped without an answer (it cannot, short of a bug).
    Lost,
}

impl<T> Polled<T> {
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Polled<U> {
        match self {
            Polled::Ready(answer) => Polled::Ready(f(answer)),
            Polled::Pending => Polled::Pending,
            Polled::Lost => Polled::Lost,
        }
    }
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a new thread, in the language of the thread that asks.
    pub fn start(work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (answer, receiver) = channel();
        let lang = crate::i18n::current();
        thread::spawn(move || {
            let found = crate::i18n::in_language(lang, work);
            // Whoever asked may have moved on and dropped the job: nothing to do.
            let _ = answer.send(found);
        });
        Job { answer: receiver }
    }

    /// The answer, if the work is done.
    pub fn poll(&self) -> Polled<T> {
        match self.answer.try_recv() {
            Ok(answer) => Polled::Ready(answer),
            Err(TryRecvError::Empty) => Polled::Pending,
            Err(TryRecvError::Disconnected) => Polled::Lost,
        }
    }

    /// Waits for the answer: for work that must not be left half done.
    pub fn wait(self) -> Option<T> {
        self.answer.recv().ok()
    }
}

/// What was found for one catalogue and what else it was asked for (`K`: the
/// scenario, the calendar's horizon), on a worker thread: being found, or found.
/// Asked again for the same, it need not search again (`is_for`).
#[derive(Debug)]
pub struct Finding<K, T> {
    /// The catalogue it is for (not kept alive by this).
    catalog: Weak<Catalog>,
    asked: K,
    state: State<T>,
    /// Set when this is dropped before it is found: a search no one waits
    /// for stops at once and leaves the cores to the next one.
    abandon: Abandon,
}

#[derive(Debug)]
enum State<T> {
    Finding(Job<T>),
    Found(Box<T>),
    /// The worker stopped without an answer (it cannot, short of a bug).
    Failed,
}

impl<K: PartialEq, T: Send + 'static> Finding<K, T> {
    /// Starts `work`, which finds what `catalog` and `asked` call for; it is
    /// given the flag set when the answer is no longer wanted.
    pub fn start(
        catalog: &Arc<Catalog>,
        asked: K,
        work: impl FnOnce(&Abandon) -> T + Send + 'static,
    ) -> Self {
        let abandon = Abandon::default();
        let flag = abandon.clone();
        Finding {
            catalog: Arc::downgrade(catalog),
            asked,
            state: State::Finding(Job::start(move || work(&flag))),
            abandon,
        }
    }

    /// Whether this is what `catalog` and `asked` call for, found or being found.
    pub fn is_for(&self, catalog: &Arc<Catalog>, asked: &K) -> bool {
        Weak::ptr_eq(&self.catalog, &Arc::downgrade(catalog)) && self.asked == *asked
    }

    /// Takes the worker's answer if it is ready; whether it came now.
    pub fn poll(&mut self) -> bool {
        let State::Finding(job) = &self.state else {
            return false;
        };
        match job.poll() {
            Polled::Ready(found) => self.state = State::Found(Box::new(found)),
            Polled::Pending => return false,
            Polled::Lost => self.state = State::Failed,
        }
        true
    }

    /// What was found, once it is.
    pub fn answer(&self) -> Option<&T> {
        match &self.state {
            State::Found(found) => Some(found),
            State::Finding(_) | State::Failed => None,
        }
    }

    pub fn is_finding(&self) -> bool {
        matches!(self.state, State::Finding(_))
    }

    /// The worker stopped without an answer.
    pub fn failed(&self) -> bool {
        matches!(self.state, State::Failed)
    }
}

impl<K, T> Drop for Finding<K, T> {
    fn drop(&mut self) {
        if matches!(self.state, State::Finding(_)) {
            self.abandon.now();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, current, in_language};

    #[test]
    fn background_work_speaks_the_language_of_the_thread_that_started_it() {
        for lang in [Lang::Zh, Lang::En] {
            let job = in_language(lang, || Job::start(current));
            assert_eq!(job.wait(), Some(lang));
        }
    }

    #[test]
    fn a_search_no_one_waits_for_any_more_is_told_to_stop() {
        let catalog = Arc::new(
            bundlecalc_core::load::parse_catalog("currency = \"CNY\"\n").expect("a catalogue"),
        );
        let (stopped, told) = std::sync::mpsc::channel();
        let finding = Finding::start(&catalog, (), move |abandon: &Abandon| {
            while !abandon.is_set() {
                thread::sleep(std::time::Duration::from_millis(1));
            }
            let _ = stopped.send(());
        });
        // Replaced by a newer search: this one's answer is no longer wanted.
        drop(finding);
        assert!(
            told.recv_timeout(std::time::Duration::from_secs(30))
                .is_ok()
        );
    }

    #[test]
    fn a_search_that_is_found_is_not_abandoned_when_dropped() {
        let catalog = Arc::new(
            bundlecalc_core::load::parse_catalog("currency = \"CNY\"\n").expect("a catalogue"),
        );
        let mut finding = Finding::start(&catalog, (), move |abandon: &Abandon| abandon.clone());
        while !finding.poll() {
            thread::sleep(std::time::Duration::from_millis(1));
        }
        let flag = finding.answer().cloned().expect("found");
        drop(finding);
        assert!(!flag.is_set());
    }
}
