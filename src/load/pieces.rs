//! Reading a large file a piece at a time (see `sections` for where it is cut), so
//! that the TOML parser's tree, about 35 times the text, never covers more than
//! `WHOLE_FILE_LIMIT` of TOML. Only catalogue items are kept between pieces.

use std::ops::Range;

use toml::Spanned;
use toml::de::DeTable;

use super::claims::{Claims, Conflict};
use super::sections::{Context, PlannedPiece, Uncuttable, heaviest_entry, plan_cuts, weight};
use super::{Loader, WHOLE_FILE_LIMIT, toml_error};
use crate::diagnostic::Diagnostic;
use crate::model::Catalog;

/// Why a file cannot be read a piece at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsplittable {
    /// The part of the file that cannot be read on its own.
    pub span: Range<usize>,
    pub reason: String,
}

impl Unsplittable {
    fn new(span: Range<usize>, reason: impl Into<String>) -> Self {
        Unsplittable {
            span,
            reason: reason.into(),
        }
    }

    /// The refusal of a file of `file_bytes` that had to be read in pieces.
    pub fn diagnostic(&self, file_bytes: usize) -> Diagnostic {
        Diagnostic::new(
            crate::tr!(
                "load.too_large_to_split",
                size = mebibytes(file_bytes),
                reason = self.reason
            ),
            self.span.clone(),
        )
        .with_help(Some(crate::tr!(
            "load.split_help",
            limit = mebibytes(WHOLE_FILE_LIMIT)
        )))
    }
}

fn mebibytes(bytes: usize) -> String {
    let tenths = (bytes as u128 * 10 + 512 * 1024) / (1024 * 1024);
    format!("{}.{} MiB", tenths / 10, tenths % 10)
}

/// Parses the file a piece at a time: whole tables, gathered into pieces of at least
/// `piece_bytes`, and the items of a large `[services]` or `[bundles]` table. Only
/// catalogue items are kept between pieces, so the result is the whole-file result
/// in a fraction of the memory. When a piece is not valid TOML, its first error is
/// reported (the whole-file parse may report another of the file's errors first).
pub fn parse_in_pieces(
    text: &str,
    piece_bytes: usize,
) -> Result<Result<Catalog, Vec<Diagnostic>>, Unsplittable> {
    let mut reader = PieceReader {
        text,
        loader: Loader::new(text),
        claims: Claims::default(),
    };
    match reader.read_all(piece_bytes) {
        Ok(()) => Ok(reader.loader.finish()),
        Err(Stop::Invalid(problem)) => Ok(Err(vec![problem])),
        Err(Stop::Unsplittable(unsplittable)) => Err(unsplittable),
    }
}

/// One piece of a file, as the loader reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub range: Range<usize>,
    /// `Some(table)` when the piece holds items of `[services]` or `[bundles]`
    /// (`ID = { ... }`, `ID.price = 1`); `None` when it is a document of its own.
    pub items_of: Option<String>,
}

/// The pieces `text` is read in, with at least `piece_bytes` each, in order and
/// covering the whole text; `None` when it cannot be cut.
pub fn pieces(text: &str, piece_bytes: usize) -> Option<Vec<Piece>> {
    let plan = plan_cuts(text, piece_bytes, &mut Claims::default()).ok()?;
    let pieces = plan.into_pieces(text.len()).into_iter().map(|piece| Piece {
        range: piece.range,
        items_of: match piece.context {
            Context::Document => None,
            Context::ItemsOf(table) => Some(table),
        },
    });
    Some(pieces.collect())
}

/// Why reading by pieces stopped early.
enum Stop {
    /// A piece is not valid TOML: so neither is the file.
    Invalid(Diagnostic),
    Unsplittable(Unsplittable),
}

/// Reads a file piece by piece into one `Loader`, claiming what each piece defines.
struct PieceReader<'t> {
    text: &'t str,
    loader: Loader<'t>,
    claims: Claims,
}

impl PieceReader<'_> {
    fn read_all(&mut self, piece_bytes: usize) -> Result<(), Stop> {
        let plan = plan_cuts(self.text, piece_bytes, &mut self.claims)
            .map_err(|uncuttable| Stop::Unsplittable(why_uncuttable(uncuttable)))?;
        for piece in plan.into_pieces(self.text.len()) {
            self.read(piece)?;
        }
        Ok(())
    }

    /// Reads one piece and claims what it defines.
    fn read(&mut self, piece: PlannedPiece) -> Result<(), Stop> {
        let PlannedPiece {
            range,
            context,
            weight,
        } = piece;
        let text = &self.text[range.clone()];
        let root = parse_piece(text, range.start, weight)?;
        let claimed = match &context {
            Context::Document => self.claims.claim_items(text, root.get_ref()),
            Context::ItemsOf(parent) => self.claims.claim_items_of(parent, root.get_ref()),
        };
        claimed.map_err(|conflict| overlap(conflict, range.start))?;
        match &context {
            Context::Document => self.loader.visit(root.get_ref(), range.start),
            Context::ItemsOf(parent) => {
                self.loader.visit_items(parent, root.get_ref(), range.start)
            }
        }
        Ok(())
    }
}

fn why_uncuttable(uncuttable: Uncuttable) -> Unsplittable {
    let (at, reason) = match uncuttable {
        Uncuttable::UnreadableHeader(at) => (at, crate::tr!("load.unreadable_header")),
        Uncuttable::RepeatedHeader(at) => (at, crate::tr!("load.repeated_header")),
        Uncuttable::UnreadableKey(at) => (at, crate::tr!("load.unreadable_key")),
    };
    Unsplittable::new(at..at, reason)
}

/// Parses one piece of the file, which starts at `offset`, unless it is too heavy.
fn parse_piece(
    piece: &str,
    offset: usize,
    piece_weight: usize,
) -> Result<Spanned<DeTable<'_>>, Stop> {
    debug_assert_eq!(
        piece_weight,
        weight(piece),
        "the plan weighs pieces exactly"
    );
    if piece_weight > WHOLE_FILE_LIMIT {
        // Point at the entry that makes it too heavy, or else at the whole piece (one
        // item's many tables).
        let (entry, entry_weight) = heaviest_entry(piece);
        let (at, too_much, what) = if entry_weight > WHOLE_FILE_LIMIT {
            (entry.start, entry_weight, crate::tr!("load.this_entry"))
        } else {
            (0, piece_weight, crate::tr!("load.this_table"))
        };
        return Err(Stop::Unsplittable(Unsplittable::new(
            offset + at..offset + at,
            crate::tr!(
                "load.too_heavy",
                what = what,
                size = mebibytes(too_much),
                limit = mebibytes(WHOLE_FILE_LIMIT)
            ),
        )));
    }
    DeTable::parse(piece).map_err(|error| Stop::Invalid(toml_error(&error, offset)))
}

fn overlap(conflict: Conflict, offset: usize) -> Stop {
    Stop::Unsplittable(Unsplittable::new(
        conflict.span.start + offset..conflict.span.end + offset,
        format!(
            "`{}` is defined here and also in another part of the file, apart from this one",
            conflict.name
        ),
    ))
}
