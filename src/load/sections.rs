//! Splitting a bundles file at its top-level table headers, so each `[table]` can be
//! parsed and turned into catalogue items on its own. The TOML parser's tree of a
//! whole large file is many times the file's size; one section at a time it is small.
//!
//! Splitting is an optimisation, never a change of meaning: a file that does not split
//! cleanly (a section that fails to parse alone, a table defined in two sections, a
//! header this module does not fully understand) is parsed whole instead.

use std::collections::HashSet;
use std::ops::Range;

use toml::de::DeTable;

/// The byte ranges of the sections: the part before the first header, then each
/// header line with everything up to the next one.
pub fn sections(text: &str) -> Vec<Range<usize>> {
    let mut starts = vec![0];
    starts.extend(header_starts(text).into_iter().filter(|&at| at > 0));
    let mut ends: Vec<usize> = starts[1..].to_vec();
    ends.push(text.len());
    starts
        .into_iter()
        .zip(ends)
        .map(|(start, end)| start..end)
        .collect()
}

/// Where lines holding a top-level header (`[..]` or `[[..]]`) start: a `[` first on
/// its line, outside strings, comments, arrays and inline tables.
fn header_starts(text: &str) -> Vec<usize> {
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
    let mut starts = Vec::new();
    let mut state = In::Code;
    let mut depth = 0usize;
    let mut line_start = 0;
    let mut only_blanks = true;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let rest = &bytes[at..];
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
                b'[' | b'{' => {
                    if byte == b'[' && depth == 0 && only_blanks {
                        starts.push(line_start);
                    }
                    depth += 1;
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        if byte == b'\n' {
            line_start = at + 1;
            only_blanks = true;
        } else if !matches!(byte, b' ' | b'\t' | b'\r') {
            only_blanks = false;
        }
        at += 1;
    }
    starts
}

/// How many `quote` bytes start `rest` (a closing `"""` may carry up to two more).
fn quote_run(rest: &[u8], quote: u8) -> usize {
    rest.iter().take(5).take_while(|b| **b == quote).count()
}

/// What the chunks seen so far define, to refuse a split that would merge two
/// definitions the whole-file parse would reject (or merge differently).
///
/// Items are remembered by hash: a collision can only refuse a split (then the file is
/// parsed whole), never accept a wrong one.
#[derive(Default)]
pub struct Claims {
    /// Tables named by a `[header]`, as hashed key paths.
    headers: HashSet<u64>,
    /// Top-level keys holding a table that chunks add items to.
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

impl Claims {
    /// Records the `[header]` opening a section; false when it cannot be read, or an
    /// earlier section already defined that table.
    pub fn claim_header(&mut self, section: &str) -> bool {
        match header_path(section) {
            Some(Some(path)) => {
                let parts: Vec<&str> = path.iter().map(String::as_str).collect();
                self.headers.insert(hash_of(&parts))
            }
            Some(None) => true,
            None => false,
        }
    }

    /// Records what a parsed chunk defines; false when it overlaps an earlier chunk.
    pub fn claim_items(&mut self, chunk: &str, root: &DeTable<'_>) -> bool {
        for (key, node) in root.iter() {
            let key = key.get_ref().as_ref();
            let inline = chunk.as_bytes().get(node.span().start) == Some(&b'{');
            match node.get_ref().as_table() {
                // Only the known sections collect items from several chunks; any other
                // key may appear once (it is an error anyway, reported once).
                Some(table) if !inline && matches!(key, "services" | "bundles" | "profile") => {
                    if self.leaves.contains(&hash_of(&[key])) {
                        return false;
                    }
                    self.parents.insert(key.to_string());
                    for (item, _) in table.iter() {
                        if !self.leaves.insert(hash_of(&[key, item.get_ref()])) {
                            return false;
                        }
                    }
                }
                _ => {
                    if self.parents.contains(key) || !self.leaves.insert(hash_of(&[key])) {
                        return false;
                    }
                }
            }
        }
        true
    }
}

/// The key path of the `[header]` that opens a section: `Some(None)` for the part
/// before any header, `None` for a header this module does not read (then the file is
/// parsed whole).
fn header_path(section: &str) -> Option<Option<Vec<String>>> {
    let trimmed = section.trim_start();
    if !trimmed.starts_with('[') {
        return Some(None);
    }
    if trimmed.starts_with("[[") {
        return None; // arrays of tables extend each other across sections
    }
    let inside = &trimmed[1..];
    let mut path = Vec::new();
    let mut rest = inside.trim_start();
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
        if let Some(next) = after.strip_prefix('.') {
            rest = next.trim_start_matches([' ', '\t']);
        } else if after.starts_with(']') {
            return Some(Some(path));
        } else {
            return None;
        }
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
    fn header_paths_read_bare_and_quoted_keys() {
        let path = |text: &str| header_path(text).flatten();
        assert_eq!(
            path("[services.qq]\n"),
            Some(vec!["services".into(), "qq".into()])
        );
        assert_eq!(
            path("[ bundles . \"88vip\" ] # x\n"),
            Some(vec!["bundles".into(), "88vip".into()])
        );
        assert_eq!(
            path("[bundles.'a.b']\n"),
            Some(vec!["bundles".into(), "a.b".into()])
        );
        assert_eq!(header_path("[[x]]\n"), None);
        assert_eq!(header_path("[\"a\\u0041\"]\n"), None);
        assert_eq!(header_path("x = 1\n"), Some(None));
    }

    #[test]
    fn claims_refuse_what_two_sections_both_define() {
        let claim = |claims: &mut Claims, text: &str| {
            claims.claim_header(text)
                && claims.claim_items(text, DeTable::parse(text).unwrap().get_ref())
        };
        let mut claims = Claims::default();
        assert!(claim(&mut claims, "currency = \"CNY\"\n"));
        assert!(claim(&mut claims, "[services.a]\nprice = 1\n"));
        assert!(claim(&mut claims, "[services]\nb.price = 1\n"));
        assert!(!claim(&mut claims, "[services.a]\nname = \"again\"\n"));
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
    }
}
