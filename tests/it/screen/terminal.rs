//! The real binary in a pseudo-terminal: keys in, screen out, terminal restored after.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// A running `bundlecalc` and the screen it has drawn so far.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    screen: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn MasterPty + Send>,
    _home: tempfile::TempDir,
}

impl Session {
    fn start() -> Session {
        Session::start_with(|_| {})
    }

    /// Starts in an empty home folder, after `setup` has prepared it and the command.
    fn start_with(setup: impl FnOnce(&mut Setup)) -> Session {
        let home = tempfile::tempdir().unwrap();
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_bundlecalc"));
        command.cwd(home.path());
        command.env("HOME", home.path());
        command.env("XDG_CONFIG_HOME", home.path());
        command.env("TERM", "xterm-256color");
        command.env_remove("BUNDLECALC_FILE");
        command.env_remove("VISUAL");
        setup(&mut Setup {
            folder: home.path(),
            command: &mut command,
        });
        let child = pty.slave.spawn_command(command).unwrap();
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = Arc::new(Mutex::new(pty.master.take_writer().unwrap()));
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            24.try_into().unwrap(),
            80.try_into().unwrap(),
            0,
        )));
        let sink = Arc::clone(&screen);
        let answer = Arc::clone(&writer);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(read) = reader.read(&mut buffer) {
                if read == 0 {
                    break;
                }
                let bytes = &buffer[..read];
                let mut parser = sink.lock().unwrap();
                parser.process(bytes);
                // Answer cursor-position queries as a real terminal would.
                if bytes.windows(4).any(|w| w == b"\x1b[6n") {
                    let (row, col) = parser.screen().cursor_position();
                    let mut writer = answer.lock().unwrap();
                    let _ = write!(writer, "\x1b[{};{}R", row + 1, col + 1);
                    let _ = writer.flush();
                }
            }
        });
        Session {
            child,
            writer,
            screen,
            _master: pty.master,
            _home: home,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`, failing after ten seconds.
    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !self.contents().contains(text) {
            assert!(
                Instant::now() < deadline,
                "never showed {text:?}; screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_until_gone(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.contents().contains(text) {
            assert!(
                Instant::now() < deadline,
                "still shows {text:?}; screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn press(&mut self, keys: &str) {
        let mut writer = self.writer.lock().unwrap();
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
    }

    /// Waits for the process to end successfully, then checks the terminal was given back.
    fn assert_exits_and_restores(&mut self) {
        self.assert_exits_with_and_restores(0);
    }

    /// Waits for the process to end with exit status `code`, then checks the
    /// terminal was given back.
    fn assert_exits_with_and_restores(&mut self, code: u32) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert_eq!(status.exit_code(), code, "exit status {status:?}");
                break;
            }
            assert!(Instant::now() < deadline, "did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
        // Let the reader take in the last bytes the program wrote.
        std::thread::sleep(Duration::from_millis(200));
        let parser = self.screen.lock().unwrap();
        assert!(
            !parser.screen().alternate_screen(),
            "still on the alternate screen"
        );
        assert!(!parser.screen().hide_cursor(), "cursor still hidden");
    }
}

/// What a test may prepare before the program starts.
struct Setup<'a> {
    folder: &'a std::path::Path,
    command: &'a mut CommandBuilder,
}

const FILE: &str = "# mine\n[services.a]\nname = \"Alpha\"\nprice = 10\n\n[bundles.pair]\nname = \"Pair deal\"\nprice = 5 # cheap\nincludes = [\"a\"]\n";

#[test]
fn edit_save_and_quit_writes_only_the_new_price() {
    let folder = std::cell::RefCell::new(None);
    let mut session = Session::start_with(|setup| {
        std::fs::write(setup.folder.join("bundles.toml"), FILE).unwrap();
        *folder.borrow_mut() = Some(setup.folder.to_path_buf());
    });
    let path = folder.into_inner().unwrap().join("bundles.toml");
    session.wait_for("Pair deal");
    session.press("e");
    session.wait_for("Edit price");
    session.press("\x7f7\r"); // Backspace, 7, Enter
    session.wait_for("[modified]");
    session.wait_for("¥7.00");
    session.press("\x13"); // Ctrl-S
    session.wait_until_gone("[modified]");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        FILE.replace("price = 5 #", "price = 7 #")
    );
    session.press("q");
    session.assert_exits_and_restores();
}

#[test]
fn capital_e_opens_the_editor_at_the_item_and_reloads_after() {
    let folder = std::cell::RefCell::new(None);
    let mut session = Session::start_with(|setup| {
        std::fs::write(setup.folder.join("bundles.toml"), FILE).unwrap();
        let editor = setup.folder.join("editor.sh");
        // A scripted editor: notes its arguments, then changes the bundle's price.
        std::fs::write(
            &editor,
            "#!/bin/sh\necho \"$@\" > \"$(dirname \"$2\")/editor-args\"\nsed -i 's/price = 5 #/price = 9 #/' \"$2\"\n",
        )
        .unwrap();
        std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        setup.command.env("EDITOR", editor.to_str().unwrap());
        *folder.borrow_mut() = Some(setup.folder.to_path_buf());
    });
    let folder = folder.into_inner().unwrap();
    session.wait_for("Pair deal");
    session.press("E");
    session.wait_for("¥9.00");
    let args = std::fs::read_to_string(folder.join("editor-args")).unwrap();
    // The bundle's table starts on line 6 of the file, found as ./bundles.toml.
    assert_eq!(args.trim(), "+6 bundles.toml");
    assert!(
        session.screen.lock().unwrap().screen().alternate_screen(),
        "the screen came back"
    );
    session.press("q");
    session.assert_exits_and_restores();
}

#[test]
fn keys_drive_the_screen_and_q_restores_the_terminal() {
    let mut session = Session::start();
    session.wait_for("Taobao 88VIP (淘宝88VIP)");
    session.wait_for("+¥550.00");
    assert!(session.screen.lock().unwrap().screen().alternate_screen());
    session.press("p");
    session.wait_for("per half year");
    session.wait_for("¥44.00");
    session.press("?");
    session.wait_for("show or hide this help");
    session.press("\x1b");
    session.wait_until_gone("show or hide this help");
    session.press("q");
    session.assert_exits_and_restores();
}

#[test]
fn enter_in_the_facts_window_opens_the_selected_fact_s_field() {
    let mut session = Session::start();
    session.wait_for("Taobao 88VIP (淘宝88VIP)");
    session.press("f");
    session.wait_for("e or Enter edits");
    session.press("\r");
    session.wait_for("Value of `taoqi`:");
    session.press("\x1b");
    session.wait_until_gone("Value of `taoqi`:");
    session.press("\x1b");
    session.wait_until_gone("e or Enter edits");
    session.press("q");
    session.assert_exits_and_restores();
}

#[test]
fn sigterm_quits_cleanly_and_restores_the_terminal() {
    let mut session = Session::start();
    session.wait_for("Taobao 88VIP (淘宝88VIP)");
    let pid = session.child.process_id().expect("a process id");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    // 128 + the signal's number, as shells report a program a signal ended.
    session.assert_exits_with_and_restores(128 + 15);
}

#[test]
fn sighup_quits_cleanly_and_restores_the_terminal() {
    let mut session = Session::start();
    session.wait_for("Taobao 88VIP (淘宝88VIP)");
    let pid = session.child.process_id().expect("a process id");
    let status = std::process::Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    // 128 + the signal's number, as shells report a program a signal ended.
    session.assert_exits_with_and_restores(128 + 1);
}

#[test]
fn sigint_from_outside_quits_cleanly_and_restores_the_terminal() {
    let mut session = Session::start();
    session.wait_for("Taobao 88VIP (淘宝88VIP)");
    let pid = session.child.process_id().expect("a process id");
    let status = std::process::Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    // 128 + the signal's number, as shells report a program a signal ended.
    session.assert_exits_with_and_restores(128 + 2);
}

#[test]
fn quitting_while_a_large_file_is_saved_waits_for_the_save() {
    let folder = std::cell::RefCell::new(None);
    let text = bundlecalc_core::synthetic::files::catalogue(10_000, 300, 1);
    let mut session = Session::start_with(|setup| {
        std::fs::write(setup.folder.join("bundles.toml"), &text).unwrap();
        *folder.borrow_mut() = Some(setup.folder.to_path_buf());
    });
    let path = folder.into_inner().unwrap().join("bundles.toml");
    session.wait_for("联合会员 0");
    // b1: b0 is priced by its tier, which `e` would edit instead of the base price.
    session.press("j");
    session.press("e");
    session.wait_for("Edit price");
    session.press(&format!("{}7\r", "\x7f".repeat(10))); // the price becomes 7
    session.wait_for("[modified]");
    // Save, then quit at once: while saving, the edit still counts as unsaved, so
    // quitting asks; either way the save is finished before the program ends.
    session.press("\x13q");
    session.press("y");
    session.assert_exits_and_restores();
    // Exactly bundle b1's price changed.
    let at = text.find("[bundles.b1]").unwrap();
    let price_at = at + text[at..].find("price = ").unwrap() + "price = ".len();
    let price_end = price_at + text[price_at..].find('\n').unwrap();
    let expected = format!("{}7{}", &text[..price_at], &text[price_end..]);
    assert!(
        std::fs::read_to_string(&path).unwrap() == expected,
        "not saved as expected"
    );
}

/// Closing the terminal (its window, an ssh connection) ends the program: the
/// terminal library would otherwise spin reading the closed terminal for ever. The
/// terminal here is a tmux pane, closed by killing its session, as a window is.
#[test]
fn closing_the_terminal_ends_the_program() {
    let home = tempfile::tempdir().unwrap();
    let socket = format!("bundlecalc-test-{}", std::process::id());
    let tmux = |args: &[&str]| {
        std::process::Command::new("tmux")
            .args(["-L", &socket])
            .args(args)
            .env("HOME", home.path())
            .output()
            .expect("tmux runs")
    };
    let command = format!(
        "exec env XDG_CONFIG_HOME={0} {1}",
        home.path().display(),
        env!("CARGO_BIN_EXE_bundlecalc")
    );
    let started = tmux(&[
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        "80",
        "-y",
        "24",
        &command,
    ]);
    assert!(started.status.success(), "{started:?}");
    let pane_pid = tmux(&["list-panes", "-t", "t", "-F", "#{pane_pid}"]);
    let pid = String::from_utf8_lossy(&pane_pid.stdout).trim().to_string();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let screen = tmux(&["capture-pane", "-t", "t", "-p"]);
        if String::from_utf8_lossy(&screen.stdout).contains("Taobao 88VIP") {
            break;
        }
        assert!(Instant::now() < deadline, "the screen never showed");
        std::thread::sleep(Duration::from_millis(50));
    }
    tmux(&["kill-server"]);
    let alive = || {
        std::process::Command::new("kill")
            .args(["-0", &pid])
            .status()
            .unwrap()
            .success()
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while alive() {
        if Instant::now() > deadline {
            let _ = std::process::Command::new("kill")
                .args(["-9", &pid])
                .status();
            panic!("still running 30 s after its terminal closed");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A small valid file, and the same file broken: service `a` (line 3) lost its
/// price to a misspelt key.
const GOOD: &str = "currency = \"CNY\"\n\n[services.a]\nname = \"Alpha\"\nprice = 10\n\n[bundles.b]\nname = \"Combo Deal\"\nprice = 4\nincludes = [\"a\"]\n";

fn broken() -> String {
    GOOD.replace("price = 10", "prise = 10")
}

/// An `$EDITOR` that notes its arguments in `editor-args` and fixes the file.
fn fixing_editor(folder: &std::path::Path) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let script = folder.join("fix.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho \"$@\" > '{}'\nsed -i 's/^prise = 10$/price = 12/' \"$2\"\n",
            folder.join("editor-args").display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

/// Starts in a folder holding `bundles.toml` with `text`, with the fixing editor.
fn start_on(text: &str) -> (Session, std::path::PathBuf) {
    let folder = std::cell::RefCell::new(None);
    let session = Session::start_with(|setup| {
        std::fs::write(setup.folder.join("bundles.toml"), text).unwrap();
        let editor = fixing_editor(setup.folder);
        setup.command.env("EDITOR", editor);
        *folder.borrow_mut() = Some(setup.folder.to_path_buf());
    });
    let folder = folder.into_inner().unwrap();
    (session, folder)
}

#[test]
fn the_screen_opens_on_a_broken_file_and_e_fixes_it_at_the_error_s_line() {
    let (mut session, folder) = start_on(&broken());
    session.wait_for("bundles.toml:3:11: service `a` has no `price` (and 1 more)");
    // The banner wraps at spaces, under its first line's indent.
    session.wait_for("E fixes it at");
    session.wait_for(" line 3, r reads it again.");
    session.wait_for("the file does not load");
    // The plan says to fix the file, not that nothing is wanted.
    session.press("P");
    session.wait_for("The file does not load (the banner above says where)");
    session.press("P");
    session.wait_until_gone("The file does not load (the banner");
    // So do the dates: the file has prices, they just do not load.
    session.press("d");
    session.wait_for("The file does not load (the banner above says where)");
    session.press("d");
    session.wait_until_gone("The file does not load (the banner");
    session.press("E");
    session.wait_for("Combo Deal");
    session.wait_until_gone("has no `price`");
    let args = std::fs::read_to_string(folder.join("editor-args")).unwrap();
    assert!(args.starts_with("+3 "), "{args}");
    // Price 4 for Alpha at its fixed price of 12: saves 8.00.
    session.wait_for("+¥8.00");
    session.press("q");
    session.assert_exits_and_restores();
}

#[test]
fn a_file_broken_outside_shows_its_error_and_r_keeps_the_last_good_figures() {
    let (mut session, folder) = start_on(GOOD);
    let path = folder.join("bundles.toml");
    session.wait_for("Combo Deal");
    session.wait_for("+¥6.00");
    std::fs::write(&path, broken()).unwrap();
    session.wait_for("bundles.toml:3:11: service `a` has no `price`");
    session.press("r");
    session.wait_for("not reloaded: see above");
    assert!(!session.contents().contains("reading the file"));
    assert!(
        session.contents().contains("+¥6.00"),
        "the last good figures stay"
    );
    // `E` on the broken file opens at the error's line; the fixed file loads.
    session.press("E");
    session.wait_until_gone("has no `price`");
    session.wait_for("+¥8.00");
    let args = std::fs::read_to_string(folder.join("editor-args")).unwrap();
    assert!(args.starts_with("+3 "), "{args}");
    session.press("q");
    session.assert_exits_and_restores();
}

#[test]
fn with_unsaved_edits_a_file_broken_outside_shows_its_error_and_keeps_the_edits() {
    let (mut session, folder) = start_on(GOOD);
    let path = folder.join("bundles.toml");
    session.wait_for("Combo Deal");
    session.press("e");
    session.wait_for("Edit price");
    session.press("\x7f3\r"); // the bundle's price 4 becomes 3
    session.wait_for("[modified]");
    session.wait_for("+¥7.00");
    std::fs::write(&path, broken()).unwrap();
    session.wait_for("bundles.toml:3:11: service `a` has no `price`");
    session.wait_for("Your edits are");
    // `r` then `y`: the broken file cannot be taken in, so nothing is lost.
    session.press("r");
    session.wait_for("drop your unsaved edits?");
    session.press("y");
    session.wait_for("not reloaded: see above");
    assert!(session.contents().contains("[modified]"));
    assert!(session.contents().contains("+¥7.00"), "the edit stays");
    // Fixed outside: the banner says so, and the edits are still kept.
    std::fs::write(&path, GOOD).unwrap();
    session.wait_for("The file changed on disk. Your edits are kept");
    session.wait_until_gone("has no `price`");
    session.press("q");
    session.wait_for("y: quit without saving");
    session.press("y");
    session.assert_exits_and_restores();
}

/// Five times in a row: a price edited, a line appended to the file from outside,
/// the banner, then `Ctrl-S`. Each time the overwrite question comes at once, and
/// `o` saves; "still reading" never stays on the status line.
#[test]
fn ctrl_s_after_an_outside_change_always_asks_then_saves() {
    let (mut session, folder) = start_on(GOOD);
    let path = folder.join("bundles.toml");
    session.wait_for("Combo Deal");
    for price in 1..=5 {
        session.press("e");
        session.wait_for("Edit price");
        session.press(&format!("\x7f{price}\r"));
        session.wait_for("[modified]");
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str("# appended from outside\n");
        std::fs::write(&path, text).unwrap();
        session.wait_for("The file changed on disk. Your edits are kept");
        std::thread::sleep(Duration::from_millis(1500));
        session.press("\x13"); // Ctrl-S
        session.wait_for("o: overwrite it");
        assert!(!session.contents().contains("still reading"));
        session.press("o");
        session.wait_until_gone("[modified]");
        session.wait_for("saved bundles.toml");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            GOOD.replace("price = 4", &format!("price = {price}"))
        );
        session.wait_until_gone("The file changed on disk");
    }
    session.press("q");
    session.assert_exits_and_restores();
}

/// `--what-if` opens the screen with the changes applied, as the README says.
#[test]
fn what_if_opens_the_screen_with_the_changes_applied() {
    let mut session = Session::start_with(|setup| {
        setup.command.args(["--what-if", "qq_joins_88vip"]);
    });
    session.wait_for("what-ifs: QQ Music joins 88VIP");
    session.press("a");
    session.wait_for("[✓] QQ Music joins 88VIP");
    session.press("\x1b");
    session.press("q");
    session.assert_exits_and_restores();
}
