//! What the pieces of a file define, remembered so that reading by pieces never
//! merges two definitions the whole-file parse would reject (or merge differently).

use std::collections::HashSet;
use std::ops::Range;

use toml::de::DeTable;

use super::sections::Header;

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
                    // `services.a.price = 1` then `[services]`: TOML's rules forbid a
                    // header for a table that dotted keys made. Every header was
                    // claimed before any piece is read.
                    let by_header = piece.as_bytes().get(node.span().start) == Some(&b'[')
                        || piece[..key.span().start]
                            .trim_end_matches([' ', '\t'])
                            .ends_with('[');
                    if self.leaves.contains(&hash_of(&[name]))
                        || (!by_header && self.headers.contains(&hash_of(&[name])))
                    {
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
