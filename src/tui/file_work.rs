//! The file's work, apart from the screen's state: reading it again, checking it
//! after an outside change, saving it, all on worker threads; the banner that says
//! why it does not load; and running the user's editor on it.

use std::path::Path;
use std::process::Command;

use super::background::{Job, Polled};
use super::windows::question::Prompt;
use crate::diagnostic::count_problems;
use crate::error::Error;
use crate::source::{Origin, Source};
use crate::tr;
use crate::workspace::{DiskState, SaveError, SaveJob, Saved, Workspace};
use bundlecalc_core::model::Catalog;

/// The file being read or written on a worker thread.
enum FileJob {
    /// Reading it again; `revision` tells whether edits were made meanwhile, and
    /// `asked` whether the user asked (`r`) or the file changed.
    Reading {
        job: Job<Result<(Source, Catalog), Error>>,
        revision: u64,
        asked: bool,
    },
    /// Writing the edits; then quitting, when `then_quit`.
    Saving {
        job: Job<Result<Saved, SaveError>>,
        save: SaveJob,
        then_quit: bool,
    },
    /// Reading it to see whether an outside change broke it, without taking it in:
    /// there are unsaved edits.
    Checking {
        job: Job<Result<(Source, Catalog), Error>>,
    },
}

/// What a finished job answered.
// One answer at a time, moved once: the catalogue's size costs nothing here.
#[allow(clippy::large_enum_variant)]
enum Answer {
    Read(Result<(Source, Catalog), Error>),
    Saved(Result<Saved, SaveError>),
}

/// What finished work means for the screen.
#[derive(Debug)]
pub enum FileNews {
    /// The file was read again and loads: its catalogue is the screen's now (the
    /// workspace already holds its text).
    Reloaded(Box<Catalog>),
    /// The file was read again but does not load: the banner says why; `asked`
    /// whether the user asked (`r`).
    NotReloaded {
        asked: bool,
    },
    /// Edits were made while the file was read: it is not taken in.
    EditedMeanwhile,
    /// The edits were written (the workspace knows); quit, when `then_quit`.
    Saved {
        then_quit: bool,
    },
    NotSaved(SaveError),
    /// The worker stopped without an answer.
    Lost,
}

/// What `Ctrl-S` leads to.
#[derive(Debug, PartialEq, Eq)]
pub enum SaveStart {
    /// A question must be answered first.
    Ask(Prompt),
    /// The write started, or there is nothing to write, or it must wait: what
    /// to say.
    Say(String),
}

/// A command on the file asked for while it was being read or written: done as
/// soon as that work ends, so no key is ever swallowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileCommand {
    /// `Ctrl-S` (or the quit question's `s`, `then_quit`): save, asking first when
    /// the file changed on disk.
    Save { then_quit: bool },
    /// A question answered "write it": write without asking again.
    Write { then_quit: bool },
    /// `r`: read the file again, asking first when there are unsaved edits.
    Reload,
    /// A question answered "reload": read it again, dropping the edits.
    ReloadNow,
    /// `E`: the editor.
    Editor,
}

/// The file's work under way, and what the screen says about the file.
#[derive(Default)]
pub struct FileWork {
    job: Option<FileJob>,
    /// The command asked for while the job runs: done once it ends.
    pub waiting: Option<FileCommand>,
    /// The watcher saw a change while the file was being read or written.
    changed_while_busy: bool,
    /// The error that stops the file from loading, or news of an outside change,
    /// shown until the file loads again.
    pub banner: Option<String>,
    /// The line of the first problem of the file on disk, while it fails to load:
    /// where `E` opens the editor.
    pub broken_at: Option<usize>,
}

impl FileWork {
    /// Whether the file is being read or written.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// What to say when asked for file work while some is under way: the command
    /// waits for it.
    pub fn still_busy(&self) -> String {
        match self.job {
            Some(FileJob::Saving { .. }) => tr!("msg.still_saving"),
            _ => tr!("msg.still_reading"),
        }
    }

    /// `Ctrl-S`: writes the edits, or says why not, or asks first.
    pub fn save(&mut self, workspace: &Workspace, view_wants: bool, then_quit: bool) -> SaveStart {
        if !workspace.is_modified() {
            return SaveStart::Say(if view_wants {
                tr!("msg.nothing_to_save_view")
            } else {
                tr!("msg.nothing_to_save")
            });
        }
        if workspace.is_built_in() {
            return SaveStart::Ask(Prompt::SaveBuiltIn);
        }
        match workspace.disk_state() {
            DiskState::Unchanged => SaveStart::Say(self.write(workspace, then_quit)),
            DiskState::Changed | DiskState::Unreadable(_) => SaveStart::Ask(Prompt::SaveConflict),
        }
    }

    /// Starts writing the edits on a worker thread (a large file takes longer to
    /// write than a frame lasts); what to say.
    pub fn write(&mut self, workspace: &Workspace, then_quit: bool) -> String {
        if self.job.is_some() {
            self.waiting = Some(FileCommand::Write { then_quit });
            return self.still_busy();
        }
        let save = workspace.save_job();
        let work = save.clone();
        self.job = Some(FileJob::Saving {
            job: Job::start(move || work.run()),
            save,
            then_quit,
        });
        tr!("msg.saving")
    }

    /// Starts reading the file again on a worker thread; what to say, if anything.
    pub fn reload(&mut self, workspace: &Workspace, asked: bool) -> Option<String> {
        if self.job.is_some() {
            if asked {
                self.waiting = Some(FileCommand::ReloadNow);
            }
            return Some(self.still_busy());
        }
        let origin = workspace.origin.clone();
        self.job = Some(FileJob::Reading {
            job: Job::start(move || Workspace::read_again(&origin)),
            revision: workspace.revision(),
            asked,
        });
        asked.then(|| tr!("msg.reading"))
    }

    /// The watcher saw the file change: read it again unless that would lose
    /// edits; with edits, only check it, so a broken file says where.
    pub fn file_changed(&mut self, workspace: &Workspace) {
        if self.job.is_some() {
            // Looked at once the read or write under way is done: it may be our own.
            self.changed_while_busy = true;
            return;
        }
        if self.banner.is_none() && matches!(workspace.disk_state(), DiskState::Unchanged) {
            return; // our own save, or a write that changed nothing
        }
        if workspace.is_modified() {
            let origin = workspace.origin.clone();
            self.job = Some(FileJob::Checking {
                job: Job::start(move || Workspace::read_again(&origin)),
            });
        } else {
            self.reload(workspace, false);
        }
    }

    /// Takes in work finished in the background, then looks at changes seen
    /// meanwhile.
    pub fn poll(&mut self, workspace: &mut Workspace) -> Option<FileNews> {
        let polled = match &self.job {
            Some(FileJob::Reading { job, .. }) | Some(FileJob::Checking { job }) => {
                job.poll().map(Answer::Read)
            }
            Some(FileJob::Saving { job, .. }) => job.poll().map(Answer::Saved),
            None => return None,
        };
        let news = match polled {
            Polled::Pending => return None,
            Polled::Lost => {
                self.job = None;
                return Some(FileNews::Lost);
            }
            Polled::Ready(answer) => {
                let finished = self.job.take();
                self.take_in(finished, answer, workspace)
            }
        };
        if std::mem::take(&mut self.changed_while_busy) {
            self.file_changed(workspace);
        }
        news
    }

    /// Waits for a save under way to finish, so that quitting never leaves it undone.
    pub fn finish_saving(&mut self, workspace: &mut Workspace) -> Option<FileNews> {
        if let Some(FileJob::Saving {
            job,
            save,
            then_quit,
        }) = self.job.take()
            && let Some(result) = job.wait()
        {
            return Some(self.saved(&save, result, then_quit, workspace));
        }
        None
    }

    fn take_in(
        &mut self,
        finished: Option<FileJob>,
        answer: Answer,
        workspace: &mut Workspace,
    ) -> Option<FileNews> {
        match (finished?, answer) {
            (
                FileJob::Reading {
                    revision, asked, ..
                },
                Answer::Read(result),
            ) => {
                if revision != workspace.revision() {
                    // Dropping edits made while the file was read would lose them.
                    return Some(FileNews::EditedMeanwhile);
                }
                Some(match result {
                    Ok((source, catalog)) => {
                        workspace.reloaded(source);
                        self.banner = None;
                        self.broken_at = None;
                        FileNews::Reloaded(Box::new(catalog))
                    }
                    Err(error) => {
                        // The banner says what and where; the figures and edits stay.
                        self.show_problem(error, workspace.is_modified());
                        FileNews::NotReloaded { asked }
                    }
                })
            }
            (
                FileJob::Saving {
                    save, then_quit, ..
                },
                Answer::Saved(result),
            ) => Some(self.saved(&save, result, then_quit, workspace)),
            (FileJob::Checking { .. }, Answer::Read(result)) => {
                // The edits stay; the banner says what happened to the file.
                match result {
                    Ok(_) => {
                        self.broken_at = None;
                        self.banner = Some(tr!("banner.changed"));
                    }
                    Err(error) => self.show_problem(error, workspace.is_modified()),
                }
                None
            }
            _ => None,
        }
    }

    fn saved(
        &mut self,
        save: &SaveJob,
        result: Result<Saved, SaveError>,
        then_quit: bool,
        workspace: &mut Workspace,
    ) -> FileNews {
        match result {
            Ok(saved) => {
                workspace.saved(save, saved);
                self.banner = None;
                FileNews::Saved { then_quit }
            }
            Err(error) => FileNews::NotSaved(error),
        }
    }

    /// Shows why the file does not load, with its place, in the banner; the last
    /// good figures (and any edits, `modified`) stay.
    pub fn show_problem(&mut self, error: Error, modified: bool) {
        let (what, line) = match &error {
            Error::Invalid {
                file,
                text,
                problems,
            } => {
                let first = problems.first();
                let line = first.and_then(|p| p.line_col(text)).map(|(line, _)| line);
                let first = first.map(|p| p.one_line(file, text)).unwrap_or_default();
                let more = match count_problems(problems) {
                    0 | 1 => String::new(),
                    n => tr!("banner.more", count = n - 1),
                };
                (format!("{first}{more}"), line)
            }
            other => (other.to_string(), None),
        };
        self.broken_at = line;
        let kept = if modified {
            tr!("banner.kept")
        } else {
            String::new()
        };
        let fix = match line {
            Some(line) => tr!("banner.fix_at", line = line),
            None => tr!("banner.read_again"),
        };
        self.banner = Some(format!("{what}{}{kept}{fix}", tr!("banner.stop")));
    }
}

/// The status-line label and the help-screen location of a file.
pub fn describe_origin(origin: &Origin) -> (String, String) {
    match origin {
        Origin::File(path) => (
            path.display().to_string(),
            std::fs::canonicalize(path)
                .unwrap_or_else(|_| path.clone())
                .display()
                .to_string(),
        ),
        Origin::BuiltIn => (tr!("origin.built_in"), tr!("origin.built_in_location")),
    }
}

/// Runs `$VISUAL`, else `$EDITOR`, else `vi`, as `EDITOR +LINE PATH`; why it
/// failed, in words.
pub fn run_editor(path: &Path, line: usize) -> Result<(), String> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(std::env::var_os)
        .find(|value| !value.is_empty())
        .map(|value| value.to_string_lossy().into_owned())
        .unwrap_or_else(|| DEFAULT_EDITOR.to_string());
    // The variable may hold arguments too, as in EDITOR="code --wait".
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or(DEFAULT_EDITOR);
    let status = Command::new(program)
        .args(words)
        .arg(format!("+{line}"))
        .arg(path)
        .status()
        .map_err(|e| tr!("msg.editor_missing", program = program, error = e))?;
    if status.success() {
        Ok(())
    } else {
        Err(tr!("msg.editor_failed", program = program, status = status))
    }
}

/// The editor run when neither `$VISUAL` nor `$EDITOR` names one.
const DEFAULT_EDITOR: &str = "vi";
