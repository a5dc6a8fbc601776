//! Splitting a bundles file into pieces that can each be parsed on their own: at its
//! top-level table headers, and inside a large `[services]` or `[bundles]` table at
//! each item's first line. The TOML parser's tree of a text is many times the text's
//! size; a piece at a time it stays small.
//!
//! Splitting is an optimisation, never a change of meaning: what a piece defines is
//! claimed, and a file whose pieces would overlap is not split.

use std::collections::HashSet;
use std::ops::Range;

use toml::de::DeTable;

/// The byte ranges of the sections: the part before the first header, then each
/// header line with everything up to the next one.
pub fn sections(text: &str) -> Vec<Range<usize>> {
    let mut starts = vec![0];
    scan_lines(text, |at, first| {
        if first == b'[' && at > 0 {
            starts.push(at);
        }
    });
    let mut ends: Vec<usize> = starts[1..].to_vec();
    ends.push(text.len());
    starts
        .into_iter()
        .zip(ends)
        .map(|(start, end)| start..end)
        .collect()
}

/// Where the items of a table body start (as offsets in `body`): each line starting a
/// key/value whose first key differs from the line before's, as `a.name` and
/// `a.price` both belong to item `a`. `None` when a key cannot be read.
pub fn item_starts(body: &str) -> Option<Vec<usize>> {
    let mut starts = Vec::new();
    let mut previous: Option<String> = None;
    let mut readable = true;
    scan_lines(body, |at, _| {
        let Some((path, _)) = read_key_path(&body[at..]) else {
            readable = false;
            return;
        };
        let first = path.into_iter().next();
        if first != previous {
            starts.push(at);
            previous = first;
        }
    });
    readable.then_some(starts)
}

/// The longest entry of `text`: a header or key/value line with the lines that
/// continue it. A way to point at what makes a piece too large.
pub fn longest_entry(text: &str) -> Range<usize> {
    let mut starts = Vec::new();
    scan_lines(text, |at, _| starts.push(at));
    starts.push(text.len());
    starts
        .windows(2)
        .max_by_key(|pair| pair[1] - pair[0])
        .map_or(0..0, |pair| pair[0]..pair[1])
}

/// Calls `found(line_start, first_byte)` for each line whose first byte (after blanks)
/// is code at the top level: outside strings, comments, arrays and inline tables.
fn scan_lines(text: &str, mut found: impl FnMut(usize, u8)) {
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
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let rest = &bytes[at..];
        let blank = matches!(byte, b' ' | b'\t' | b'\r' | b'\n');
        if state == In::Code && depth == 0 && only_blanks && !blank && byte != b'#' {
            found(line_start, byte);
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
            only_blanks = true;
        } else if !blank {
            only_blanks = false;
        }
        at += 1;
    }
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

/// What the pieces read so far define, to refuse a split that would merge two
/// definitions the whole-file parse would reject (or merge differently).
///
/// Items are remembered by hash: a collision can only refuse a split, never accept a
/// wrong one.
#[derive(Default)]
pub struct Claims {
    /// Tables named by a `[header]`, as hashed key paths.
    headers: HashSet<u64>,
    /// Top-level keys holding a table that pieces add items to.
    parents: HashSet<String>,
    /// Everything defined outright, hashed: top-level values and the parents' items.
    leaves: HashSet<u64>,
}

/// FNV-1a over the parts, each followed by a 0xFF byte (which UTF-8 never holds).
fn hash_of(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0xFF]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
    hash
}

/// The top-level tables whose items may come from several pieces.
pub fn is_parent(key: &str) -> bool {
    matches!(key, "services" | "bundles" | "profile")
}

impl Claims {
    /// Records a section's `[header]`; false when an earlier piece named that table.
    /// Arrays of tables are claimed by what they define, as their sections of one
    /// item are read together.
    pub fn claim_header(&mut self, header: &Header) -> bool {
        match header {
            Header::Table(path) => {
                let parts: Vec<&str> = path.iter().map(String::as_str).collect();
                self.headers.insert(hash_of(&parts))
            }
            Header::None | Header::ArrayOfTables(_) => true,
            Header::Unreadable => false,
        }
    }

    /// Records what a parsed piece of whole sections defines: the first key that an
    /// earlier piece also defined is an error.
    pub fn claim_items(&mut self, piece: &str, root: &DeTable<'_>) -> Result<(), Conflict> {
        for (key, node) in root.iter() {
            let name = key.get_ref().as_ref();
            let inline = piece.as_bytes().get(node.span().start) == Some(&b'{');
            match node.get_ref().as_table() {
                // Only the known sections collect items from several pieces; any other
                // key may appear once (it is an error anyway, reported once).
                Some(table) if !inline && is_parent(name) => {
                    if self.leaves.contains(&hash_of(&[name])) {
                        return Err(Conflict::at(key.span(), name.to_string()));
                    }
                    self.parents.insert(name.to_string());
                    self.claim_items_of(name, table)?;
                }
                _ => {
                    if self.parents.contains(name) || !self.leaves.insert(hash_of(&[name])) {
                        return Err(Conflict::at(key.span(), name.to_string()));
                    }
                }
            }
        }
        Ok(())
    }

    /// Records the items of a piece of the `parent` table, parsed on its own.
    pub fn claim_items_of(&mut self, parent: &str, items: &DeTable<'_>) -> Result<(), Conflict> {
        for item in items.keys() {
            if !self.leaves.insert(hash_of(&[parent, item.get_ref()])) {
                return Err(Conflict::at(
                    item.span(),
                    format!("{parent}.{}", item.get_ref()),
                ));
            }
        }
        Ok(())
    }
}

/// A key defined by two pieces: its place in the later piece, and its dotted name.
#[derive(Debug)]
pub struct Conflict {
    pub span: Range<usize>,
    pub name: String,
}

impl Conflict {
    fn at(span: Range<usize>, name: String) -> Self {
        Conflict { span, name }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section_texts(text: &str) -> Vec<&str> {
        sections(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_at_headers_only() {
        let text = "a = 1\n[x]\nb = [\n  [1],\n]\ns = \"\"\"\n[not]\n\"\"\"\nt = '[no]' # [no]\n  [[y]]\nc = 2\n[z.'q']\n";
        assert_eq!(
            section_texts(text),
            [
                "a = 1\n",
                "[x]\nb = [\n  [1],\n]\ns = \"\"\"\n[not]\n\"\"\"\nt = '[no]' # [no]\n",
                "  [[y]]\nc = 2\n",
                "[z.'q']\n"
            ]
        );
    }

    #[test]
    fn a_file_starting_with_a_header_has_an_empty_first_section() {
        assert_eq!(section_texts("[a]\nx = 1\n"), ["[a]\nx = 1\n"]);
    }

    #[test]
    fn items_start_where_the_first_key_changes() {
        let body = "# c\na.name = \"x\"\na.price = 1\n b = { price = [\n2] }\n'c'.p = \"\"\"\nd = 1\n\"\"\"\nc.q = 1\n\"e\" = {}\n";
        let starts = item_starts(body).unwrap();
        let firsts: Vec<&str> = starts.iter().map(|&at| &body[at..at + 3]).collect();
        assert_eq!(firsts, ["a.n", " b ", "'c'", "\"e\""]);
        assert_eq!(item_starts("\"a\\u0041\" = 1\n"), None);
    }

    #[test]
    fn the_longest_entry_includes_its_continuation_lines() {
        let text = "a = 1\nb = [\n  1,\n  2,\n]\n[c]\nd = \"string\"\n";
        assert_eq!(&text[longest_entry(text)], "b = [\n  1,\n  2,\n]\n");
        assert_eq!(longest_entry(""), 0..0);
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
        // Arrays of tables far apart define their key twice.
        let mut claims = Claims::default();
        assert!(claim(&mut claims, "[[a]]\nx = 1\n"));
        assert!(!claim(&mut claims, "[[a]]\nx = 2\n"));
    }
}
