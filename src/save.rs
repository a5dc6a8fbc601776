//! Writing a file atomically: a temporary file in the same folder, flushed to disk,
//! then renamed over the original. A symlink is written through (the link stays a
//! link) and the file keeps its permissions; a new file gets 0666 less the umask.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Replaces the contents of `path` with `contents`, all at once or not at all.
/// Returns the real path written (the symlink's target when `path` is a link).
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<PathBuf> {
    let target = match fs::canonicalize(path) {
        Ok(real) => real,
        Err(e) if e.kind() == io::ErrorKind::NotFound => path.to_path_buf(),
        Err(e) => return Err(e),
    };
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let permissions = fs::metadata(&target).map(|m| m.permissions()).ok();

    let mut builder = tempfile::Builder::new();
    builder
        .prefix(TEMPORARY_PREFIX)
        .rand_bytes(TEMPORARY_RANDOM)
        .suffix(TEMPORARY_SUFFIX);
    if permissions.is_none() {
        // A new file gets the ordinary mode, 0666 less the umask (which the system
        // applies on creation), as `--init` and editors give; not tempfile's 0600.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temporary = builder.tempfile_in(&folder)?;
    temporary.write_all(contents)?;
    if let Some(permissions) = permissions {
        temporary.as_file().set_permissions(permissions)?;
    }
    temporary.as_file().sync_all()?;
    temporary.persist(&target).map_err(|e| e.error)?;
    // Make the rename itself durable.
    File::open(&folder)?.sync_all()?;
    remove_abandoned_temporaries(&folder);
    Ok(target)
}

/// How long a temporary file of ours must have been left untouched before it
/// counts as abandoned: a save writes its file within seconds.
const ABANDONED_AFTER: Duration = Duration::from_secs(10 * 60);

/// A save's temporary file is named `.bundlecalc-save-` and 12 random letters
/// and digits, then `.tmp`: a name no person picks, so only ours are removed.
const TEMPORARY_PREFIX: &str = ".bundlecalc-save-";
const TEMPORARY_RANDOM: usize = 12;
const TEMPORARY_SUFFIX: &str = ".tmp";

/// Removes the temporary files a save that was killed (`kill -9`, a power
/// cut) left in `folder`: named as ours (`.bundlecalc-XXXXXX.tmp`) and
/// untouched for [`ABANDONED_AFTER`], so that another save still writing its
/// own is never disturbed. Best effort: what cannot be read or removed stays.
fn remove_abandoned_temporaries(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let ours = name.to_str().is_some_and(|name| {
            name.strip_prefix(TEMPORARY_PREFIX)
                .and_then(|rest| rest.strip_suffix(TEMPORARY_SUFFIX))
                .is_some_and(|random| {
                    random.len() == TEMPORARY_RANDOM
                        && random.bytes().all(|b| b.is_ascii_alphanumeric())
                })
        });
        if !ours {
            continue;
        }
        // Not followed through a link: only a file of ours, long untouched.
        let abandoned = entry.metadata().is_ok_and(|m| {
            m.is_file()
                && m.modified()
                    .ok()
                    .and_then(|at| at.elapsed().ok())
                    .is_some_and(|age| age >= ABANDONED_AFTER)
        });
        if abandoned {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    #[test]
    fn the_file_is_replaced_by_rename_and_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bundles.toml");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        let inode = fs::metadata(&path).unwrap().ino();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        let metadata = fs::metadata(&path).unwrap();
        assert_ne!(metadata.ino(), inode, "written in place, not renamed");
        assert_eq!(metadata.permissions().mode() & 0o777, 0o640);
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "a temporary file was left behind");
    }

    #[test]
    fn a_save_removes_what_a_killed_save_left_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bundles.toml");
        fs::write(&path, "old").unwrap();
        let aged = |name: &str, minutes: u64| {
            let file = File::create(dir.path().join(name)).unwrap();
            let at = std::time::SystemTime::now() - Duration::from_secs(minutes * 60);
            file.set_modified(at).unwrap();
        };
        aged(".bundlecalc-save-Ab12Cd34Ef56.tmp", 11); // a killed save's
        aged(".bundlecalc-save-Xy34Zw56Uv78.tmp", 1); // another save, still writing
        aged(".bundlecalc-save-Ab12Cd34Ef56.tmp.bak", 60); // not ours
        aged(".bundlecalc-backup.tmp", 60); // names a person chose
        aged(".bundlecalc-save-mine.tmp", 60);
        write_atomically(&path, b"new").unwrap();
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".bundlecalc-backup.tmp",
                ".bundlecalc-save-Ab12Cd34Ef56.tmp.bak",
                ".bundlecalc-save-Xy34Zw56Uv78.tmp",
                ".bundlecalc-save-mine.tmp",
                "bundles.toml"
            ]
        );
    }

    #[test]
    fn a_symlink_is_written_through_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        let link = dir.path().join("link.toml");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let written = write_atomically(&link, b"new").unwrap();
        assert_eq!(written, fs::canonicalize(&real).unwrap());
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }
}
