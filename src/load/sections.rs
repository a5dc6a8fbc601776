//! Where a bundles file may be cut into pieces that each parse on their own and mean
//! what they mean in the whole file: a scanner that knows TOML's strings, comments,
//! arrays and inline tables well enough to find the lines that start at the top
//! level, the table headers among them, and the first key of each line.
//!
//! Cutting is an optimisation, never a change of meaning: what each piece defines
//! is claimed (`claims.rs`), and a file whose pieces would overlap is not cut.

use std::ops::Range;

use super::claims::Claims;

/// How the piece that starts at a cut is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Context {
    /// As a TOML document of its own: whole tables, or top-level keys.
    Document,
    /// As items of the `[services]` or `[bundles]` table it is part of.
    ItemsOf(String),
}

/// A place where the file may be cut, and how the piece starting there is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cut {
    pub at: usize,
    pub context: Context,
    /// The `weight` of the text before the cut.
    pub weight_before: usize,
}

/// Where a text may be cut, and its whole `weight`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CutPlan {
    pub cuts: Vec<Cut>,
    pub weight: usize,
}

/// The text between two cuts: where it is, how it is read, and its `weight`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedPiece {
    pub range: Range<usize>,
    pub context: Context,
    pub weight: usize,
}

impl CutPlan {
    /// The pieces between the cuts, in order, covering all `len` bytes of the text
    /// (the last one even when empty, so an empty text is one empty piece).
    pub fn into_pieces(self, len: usize) -> Vec<PlannedPiece> {
        let mut pieces = Vec::with_capacity(self.cuts.len() + 1);
        let mut from = Cut {
            at: 0,
            context: Context::Document,
            weight_before: 0,
        };
        for cut in self.cuts {
            if cut.at > from.at {
                pieces.push(PlannedPiece {
                    range: from.at..cut.at,
                    context: from.context,
                    weight: cut.weight_before - from.weight_before,
                });
            }
            from = cut;
        }
        pieces.push(PlannedPiece {
            range: from.at..len,
            context: from.context,
            weight: self.weight - from.weight_before,
        });
        pieces
    }
}

/// Why a file cannot be cut into pieces: the place, and what is there.
#[derive(Debug, PartialEq, Eq)]
pub enum Uncuttable {
    /// A table header with escapes or other forms this module does not read.
    UnreadableHeader(usize),
    /// A table header naming a table an earlier header named.
    RepeatedHeader(usize),
    /// A key in `[services]` or `[bundles]` this module does not read.
    UnreadableKey(usize),
}

/// Plans where `text` may be cut into pieces that each parse on their own and mean
/// what they mean in the whole file, with at least `min_gap` bytes between cuts
/// (1: every place). A cut may come:
/// - before a table header, unless it continues the item before it (`[bundles.x]`
///   then `[[bundles.x.tiers]]`);
/// - before a line of the top-level keys, or of a `[services]` or `[bundles]` table,
///   whose first key is not the one of the line before (`a.name`, `a.price` stay
///   together);
/// - anywhere in the comments and blank lines before such a place, or at the end.
///
/// Claims every `[header]` on the way.
pub fn plan_cuts(text: &str, min_gap: usize, claims: &mut Claims) -> Result<CutPlan, Uncuttable> {
    let mut planner = CutPlanner {
        min_gap: min_gap.max(1),
        cuts: Vec::new(),
        last_cut: 0,
        pending: Vec::new(),
        weight_here: 0,
        section: Some(Context::Document),
        previous_key: None,
        previous_item: None,
    };
    let mut failure = None;
    let weight = scan_lines(text, |at, first, weight_before| {
        if failure.is_some() {
            return;
        }
        planner.weight_here = weight_before;
        let line = &text[at..];
        let outcome = match first {
            b'#' | b'\n' => {
                planner.trivia(at);
                Ok(())
            }
            b'[' => planner.header(at, Header::of(line), claims),
            _ => planner.key_line(at, line),
        };
        failure = outcome.err();
    });
    if let Some(failure) = failure {
        return Err(failure);
    }
    // Comments and blank lines at the end may be cut anywhere.
    planner.flush(Context::Document);
    Ok(CutPlan {
        cuts: planner.cuts,
        weight,
    })
}

struct CutPlanner {
    min_gap: usize,
    cuts: Vec<Cut>,
    /// Where the last cut (made or pending) is.
    last_cut: usize,
    /// Cuts in the comments and blank lines since the last line of code, made only if
    /// the line of code that follows allows a cut before it.
    pending: Vec<(usize, usize)>,
    /// The weight of the text before the line being planned.
    weight_here: usize,
    /// How the current section's lines may be read apart: `None` when they may not.
    section: Option<Context>,
    /// The first key of the current section's last line of code.
    previous_key: Option<String>,
    /// The item of the last table header: `[bundles.x]` for `[[bundles.x.tiers]]`.
    previous_item: Option<Vec<String>>,
}

impl CutPlanner {
    fn far_enough(&self, at: usize) -> bool {
        at >= self.last_cut + self.min_gap
    }

    fn trivia(&mut self, at: usize) {
        if self.far_enough(at) {
            self.pending.push((at, self.weight_here));
            self.last_cut = at;
        }
    }

    fn header(&mut self, at: usize, header: Header, claims: &mut Claims) -> Result<(), Uncuttable> {
        if header == Header::Unreadable {
            return Err(Uncuttable::UnreadableHeader(at));
        }
        if !claims.claim_header(&header) {
            return Err(Uncuttable::RepeatedHeader(at));
        }
        let item = header.item().map(<[String]>::to_vec);
        let allowed = item != self.previous_item;
        if !allowed && matches!(self.piece_context(), Context::ItemsOf(_)) {
            // Only `[[services]]` after `[services]` gets here: invalid TOML anyway.
            return Err(Uncuttable::RepeatedHeader(at));
        }
        self.cut_before(at, allowed, Context::Document);
        self.section = match &header {
            Header::Table(path)
                if path.len() == 1 && matches!(path[0].as_str(), "services" | "bundles") =>
            {
                Some(Context::ItemsOf(path[0].clone()))
            }
            _ => None,
        };
        self.previous_key = None;
        self.previous_item = item;
        Ok(())
    }

    fn key_line(&mut self, at: usize, line: &str) -> Result<(), Uncuttable> {
        let Some(context) = self.section.clone() else {
            self.cut_before(at, false, Context::Document);
            return Ok(());
        };
        let Some((path, _)) = read_key_path(line) else {
            return Err(Uncuttable::UnreadableKey(at));
        };
        let key = path.into_iter().next();
        self.cut_before(at, key != self.previous_key, context);
        self.previous_key = key;
        Ok(())
    }

    /// Before a line of code: makes the pending cuts and one at `at` if `allowed`,
    /// else drops them.
    fn cut_before(&mut self, at: usize, allowed: bool, context: Context) {
        if !allowed {
            self.pending.clear();
            self.last_cut = self.cuts.last().map_or(0, |cut| cut.at);
            return;
        }
        self.flush(context.clone());
        // A piece read as items of a table must end where that table's body does.
        let body_ends =
            *self.piece_context() != context && matches!(self.piece_context(), Context::ItemsOf(_));
        if body_ends || self.far_enough(at) {
            self.cuts.push(Cut {
                at,
                context,
                weight_before: self.weight_here,
            });
            self.last_cut = at;
        }
    }

    /// How the piece being gathered is read: as its first cut says.
    fn piece_context(&self) -> &Context {
        self.cuts
            .last()
            .map_or(&Context::Document, |cut| &cut.context)
    }

    fn flush(&mut self, context: Context) {
        for (at, weight_before) in self.pending.drain(..) {
            self.cuts.push(Cut {
                at,
                context: context.clone(),
                weight_before,
            });
        }
    }
}

/// How much of `text` the TOML parser turns into tokens, roughly: its bytes outside
/// strings and comments. A string or comment is one token however long it is, and
/// it is borrowed from the text, so the parser's memory grows with this weight, not
/// with the length.
pub fn weight(text: &str) -> usize {
    scan_lines(text, |_, _, _| {})
}

/// The heaviest entry of `text` (a header or key/value line with the lines that
/// continue it) and its weight: a way to point at what makes a piece too heavy.
pub fn heaviest_entry(text: &str) -> (Range<usize>, usize) {
    let mut starts = Vec::new();
    let total = scan_lines(text, |at, _, weight_before| {
        starts.push((at, weight_before))
    });
    starts.push((text.len(), total));
    starts
        .windows(2)
        .map(|pair| (pair[0].0..pair[1].0, pair[1].1 - pair[0].1))
        .max_by_key(|(_, weight)| *weight)
        .unwrap_or((0..0, 0))
}

/// Calls `found(line_start, first_byte, weight_before)` for each line that starts at
/// the top level (outside strings, arrays and inline tables), with its first byte
/// after blanks (`#` for a comment line, `\n` for a blank line) and the `weight` of
/// the text before the line. Returns the weight of the whole text.
fn scan_lines(text: &str, mut found: impl FnMut(usize, u8, usize)) -> usize {
    #[derive(PartialEq)]
    enum In {
        Code,
        Basic,
        Literal,
        MultiBasic,
        MultiLiteral,
        Comment,
    }
    let bytes = text.as_bytes();
    let mut state = In::Code;
    let mut depth = 0usize;
    let mut line_start = 0;
    let mut only_blanks = true;
    let mut weight = 0;
    let mut line_start_weight = 0;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let rest = &bytes[at..];
        let blank = matches!(byte, b' ' | b'\t' | b'\r' | b'\n');
        if state == In::Code {
            if depth == 0 && only_blanks && !matches!(byte, b' ' | b'\t' | b'\r') {
                found(line_start, byte, line_start_weight);
            }
            weight += 1;
        }
        match state {
            In::Comment if byte == b'\n' => state = In::Code,
            In::Comment => {}
            In::Basic | In::MultiBasic if byte == b'\\' => at += 1,
            In::Basic if byte == b'"' || byte == b'\n' => state = In::Code,
            In::Literal if byte == b'\'' || byte == b'\n' => state = In::Code,
            In::MultiBasic if rest.starts_with(b"\"\"\"") => {
                at += quote_run(rest, b'"') - 1;
                state = In::Code;
            }
            In::MultiLiteral if rest.starts_with(b"'''") => {
                at += quote_run(rest, b'\'') - 1;
                state = In::Code;
            }
            In::Basic | In::Literal | In::MultiBasic | In::MultiLiteral => {}
            In::Code => match byte {
                b'#' => state = In::Comment,
                b'"' if rest.starts_with(b"\"\"\"") => {
                    state = In::MultiBasic;
                    at += 2;
                }
                b'\'' if rest.starts_with(b"'''") => {
                    state = In::MultiLiteral;
                    at += 2;
                }
                b'"' => state = In::Basic,
                b'\'' => state = In::Literal,
                b'[' | b'{' => depth += 1,
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        if byte == b'\n' {
            line_start = at + 1;
            line_start_weight = weight;
            only_blanks = true;
        } else if !blank {
            only_blanks = false;
        }
        at += 1;
    }
    weight
}

/// How many `quote` bytes start `rest` (a closing `"""` may carry up to two more).
fn quote_run(rest: &[u8], quote: u8) -> usize {
    rest.iter().take(5).take_while(|b| **b == quote).count()
}

/// What opens a section.
#[derive(Debug, PartialEq)]
pub enum Header {
    /// The part of the file before the first header.
    None,
    /// `[a.b]`
    Table(Vec<String>),
    /// `[[a.b]]`
    ArrayOfTables(Vec<String>),
    /// A header this module does not read (an escaped key, say).
    Unreadable,
}

impl Header {
    /// Reads the header line that opens `section`.
    pub fn of(section: &str) -> Header {
        let trimmed = section.trim_start();
        let (inside, array) = if let Some(inside) = trimmed.strip_prefix("[[") {
            (inside, true)
        } else if let Some(inside) = trimmed.strip_prefix('[') {
            (inside, false)
        } else {
            return Header::None;
        };
        let close = if array { "]]" } else { "]" };
        match read_key_path(inside) {
            Some((path, rest)) if rest.starts_with(close) && array => Header::ArrayOfTables(path),
            Some((path, rest)) if rest.starts_with(close) => Header::Table(path),
            _ => Header::Unreadable,
        }
    }

    /// The catalogue item the section is part of: `[bundles.x]` and
    /// `[[bundles.x.tiers]]` both belong to `bundles.x`.
    pub fn item(&self) -> Option<&[String]> {
        match self {
            Header::Table(path) | Header::ArrayOfTables(path) => Some(&path[..path.len().min(2)]),
            Header::None | Header::Unreadable => None,
        }
    }
}

/// Reads a dotted key (`a."b c".'d'`) at the start of `text`, returning its parts and
/// the text after it (blanks skipped). `None` for a key with escapes or no key at all.
fn read_key_path(text: &str) -> Option<(Vec<String>, &str)> {
    let mut path = Vec::new();
    let mut rest = text.trim_start_matches([' ', '\t']);
    loop {
        let (key, after) = if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"')?;
            let key = &quoted[..end];
            if key.contains('\\') {
                return None;
            }
            (key, &quoted[end + 1..])
        } else if let Some(quoted) = rest.strip_prefix('\'') {
            let end = quoted.find('\'')?;
            (&quoted[..end], &quoted[end + 1..])
        } else {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(rest.len());
            if end == 0 {
                return None;
            }
            (&rest[..end], &rest[end..])
        };
        path.push(key.to_string());
        let after = after.trim_start_matches([' ', '\t']);
        match after.strip_prefix('.') {
            Some(next) => rest = next.trim_start_matches([' ', '\t']),
            None => return Some((path, after)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml::de::DeTable;

    /// The pieces `plan_cuts` makes, as texts with their contexts.
    fn pieces(text: &str, min_gap: usize) -> Vec<(&str, Context)> {
        let plan = plan_cuts(text, min_gap, &mut Claims::default()).unwrap();
        plan.into_pieces(text.len())
            .into_iter()
            .map(|piece| (&text[piece.range], piece.context))
            .collect()
    }

    fn texts(text: &str, min_gap: usize) -> Vec<&str> {
        pieces(text, min_gap)
            .into_iter()
            .map(|(piece, _)| piece)
            .collect()
    }

    #[test]
    fn cuts_before_headers_outside_strings_arrays_and_comments() {
        let text = "a = 1\n[x]\nb = [\n  [1],\n]\ns = \"\"\"\n[not]\n\"\"\"\nt = '[no]' # [no]\n  [[y]]\nc = 2\n[z.'q']\n";
        assert_eq!(
            texts(text, 1),
            [
                "a = 1\n",
                "[x]\nb = [\n  [1],\n]\ns = \"\"\"\n[not]\n\"\"\"\nt = '[no]' # [no]\n",
                "  [[y]]\nc = 2\n",
                "[z.'q']\n"
            ]
        );
    }

    #[test]
    fn the_sections_of_one_item_stay_together() {
        let text = "[bundles.x]\nprice = 1\n# tiers\n\n[[bundles.x.tiers]]\nprice = 2\n[[bundles.x.tiers]]\nprice = 3\n[bundles.y]\n";
        assert_eq!(
            texts(text, 1),
            [
                "[bundles.x]\nprice = 1\n# tiers\n\n[[bundles.x.tiers]]\nprice = 2\n[[bundles.x.tiers]]\nprice = 3\n",
                "[bundles.y]\n"
            ]
        );
    }

    #[test]
    fn services_and_bundles_tables_are_cut_between_items() {
        let text = "v = 1\n[services]\n# c\na.name = \"x\"\na.price = 1\n b = { price = [\n2] }\n'c'.p = \"\"\"\nd = 1\n\"\"\"\nc.q = 1\n[profile]\nwants = []\n";
        let items = |name: &str| Context::ItemsOf(name.to_string());
        assert_eq!(
            pieces(text, 1),
            [
                ("v = 1\n", Context::Document),
                ("[services]\n", Context::Document),
                ("# c\n", items("services")),
                ("a.name = \"x\"\na.price = 1\n", items("services")),
                (" b = { price = [\n2] }\n", items("services")),
                (
                    "'c'.p = \"\"\"\nd = 1\n\"\"\"\nc.q = 1\n",
                    items("services")
                ),
                ("[profile]\nwants = []\n", Context::Document),
            ]
        );
        // Other tables are not cut inside, and gaps gather lines into larger pieces.
        assert_eq!(
            texts("[profile]\na = 1\nb = 2\n", 1),
            ["[profile]\na = 1\nb = 2\n"]
        );
        assert_eq!(texts(text, 40).len(), 3);
        // However far apart cuts must be, a piece of items ends with its table.
        let text = "[services]\na.price = 1\nb.price = 2\n[bundles]\nc.price = 3\n";
        assert_eq!(
            pieces(text, 12),
            [
                ("[services]\na.price = 1\n", Context::Document),
                ("b.price = 2\n", items("services")),
                ("[bundles]\nc.price = 3\n", Context::Document),
            ]
        );
        let mut claims = Claims::default();
        let text = "[services]\na.price = 1\n[[services]]\n";
        assert_eq!(
            plan_cuts(text, 1, &mut claims),
            Err(Uncuttable::RepeatedHeader(23))
        );
    }

    #[test]
    fn comments_and_blank_lines_are_cut_only_between_items() {
        let text = "[services]\na.x = 1\n# in a\na.y = 2\n\n# between\nb.x = 1\n";
        assert_eq!(
            texts(text, 1),
            [
                "[services]\n",
                "a.x = 1\n# in a\na.y = 2\n",
                "\n",
                "# between\n",
                "b.x = 1\n"
            ]
        );
        let comments = "# one\n#two\n\n";
        assert_eq!(texts(comments, 1), ["# one\n", "#two\n", "\n"]);
        assert_eq!(texts(comments, 7), ["# one\n#two\n", "\n"]);
    }

    #[test]
    fn plans_refuse_unreadable_and_repeated_headers() {
        let plan = |text: &str| plan_cuts(text, 1, &mut Claims::default());
        assert_eq!(
            plan("a = 1\n[\"x\\u0041\"]\n"),
            Err(Uncuttable::UnreadableHeader(6))
        );
        assert_eq!(plan("[x]\n[y]\n[x]\n"), Err(Uncuttable::RepeatedHeader(8)));
        assert_eq!(
            plan("[bundles]\n\"a\\u0041\" = {}\n"),
            Err(Uncuttable::UnreadableKey(10))
        );
        assert!(
            plan("[profile]\n\"a\\u0041\" = {}\n").is_ok(),
            "not cut there"
        );
    }

    #[test]
    fn the_heaviest_entry_includes_its_continuation_lines_but_not_strings() {
        let text = "a = 1\nb = [\n  1,\n  2,\n]\n[c]\nd = \"a long string\" # and a comment\n";
        let (entry, weight_of_entry) = heaviest_entry(text);
        assert_eq!(
            (&text[entry], weight_of_entry),
            ("b = [\n  1,\n  2,\n]\n", 18)
        );
        assert_eq!(heaviest_entry(""), (0..0, 0));
        // Quotes and `#` count once each; what they hold does not.
        assert_eq!(weight("d = \"a long string\" # and a comment\n"), 7);
        assert_eq!(weight("s = '''\nx\n'''\n"), 6);
    }

    #[test]
    fn headers_read_bare_and_quoted_keys() {
        let path = |parts: &[&str]| parts.iter().map(|p| p.to_string()).collect::<Vec<_>>();
        assert_eq!(
            Header::of("[services.qq]\n"),
            Header::Table(path(&["services", "qq"]))
        );
        assert_eq!(
            Header::of("[ bundles . \"88vip\" ] # x\n"),
            Header::Table(path(&["bundles", "88vip"]))
        );
        assert_eq!(
            Header::of("[bundles.'a.b']\n"),
            Header::Table(path(&["bundles", "a.b"]))
        );
        assert_eq!(
            Header::of("  [[bundles.b.tiers]]\n"),
            Header::ArrayOfTables(path(&["bundles", "b", "tiers"]))
        );
        assert_eq!(Header::of("[[x]\n"), Header::Unreadable);
        assert_eq!(Header::of("[\"a\\u0041\"]\n"), Header::Unreadable);
        assert_eq!(Header::of("x = 1\n"), Header::None);
        assert_eq!(
            Header::of("[[bundles.b.tiers]]\n").item(),
            Some(&path(&["bundles", "b"])[..])
        );
    }

    #[test]
    fn claims_refuse_what_two_pieces_both_define() {
        let claim = |claims: &mut Claims, text: &str| {
            claims.claim_header(&Header::of(text))
                && claims
                    .claim_items(text, DeTable::parse(text).unwrap().get_ref())
                    .is_ok()
        };
        let mut claims = Claims::default();
        assert!(claim(&mut claims, "currency = \"CNY\"\n"));
        assert!(claim(&mut claims, "[services.a]\nprice = 1\n"));
        assert!(claim(&mut claims, "[services]\nb.price = 1\n"));
        assert!(!claim(&mut claims, "[services.a]\nname = \"again\"\n"));
        let items = DeTable::parse("c.price = 1\n").unwrap();
        assert!(claims.claim_items_of("services", items.get_ref()).is_ok());
        let conflict = claims
            .claim_items_of("services", items.get_ref())
            .unwrap_err();
        assert_eq!(
            (conflict.name.as_str(), conflict.span),
            ("services.c", 0..1)
        );
        let mut claims = Claims::default();
        assert!(claim(&mut claims, "[services]\n"));
        assert!(!claim(&mut claims, "[services]\n"));
        let mut claims = Claims::default();
        assert!(claim(&mut claims, "profile = { wants = [] }\n"));
        assert!(!claim(&mut claims, "[profile.facts]\nt = 1\n"));
        // Found by fuzzing: an unknown table built from two sections.
        let mut claims = Claims::default();
        assert!(claim(&mut claims, "[a.a]\n"));
        assert!(!claim(&mut claims, "[a]\n"));
        // Dotted keys make a table a later header may not name again.
        let mut claims = Claims::default();
        let text = "services.a.price = 1\n[services]\nb.price = 2\n";
        plan_cuts(text, 1, &mut claims).unwrap();
        let first = DeTable::parse("services.a.price = 1\n").unwrap();
        let conflict = claims.claim_items("services.a.price = 1\n", first.get_ref());
        assert_eq!(conflict.unwrap_err().name, "services");
        let mut claims = Claims::default();
        let text = "services.a.price = 1\n[services.b]\nprice = 2\n";
        plan_cuts(text, 1, &mut claims).unwrap();
        assert!(
            claims
                .claim_items("services.a.price = 1\n", first.get_ref())
                .is_ok()
        );
        // Arrays of tables far apart define their key twice.
        let mut claims = Claims::default();
        assert!(claim(&mut claims, "[[a]]\nx = 1\n"));
        assert!(!claim(&mut claims, "[[a]]\nx = 2\n"));
    }
}
