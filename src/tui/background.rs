//! Work done on a worker thread while the screen keeps answering keys: finding a
//! plan, reading or writing a large file.

use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::thread;

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
}
