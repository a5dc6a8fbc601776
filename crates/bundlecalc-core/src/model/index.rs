//! The positions in the catalogue's lists: a leaf every part of the model,
//! and everything computed on it, names them by.

/// Index of a service in `Catalog::services`.
pub type ServiceIx = usize;
/// Index of a bundle in `Catalog::bundles`.
pub type BundleIx = usize;
/// Index of a person in `Catalog::people`.
pub type PersonIx = usize;

/// Index of a change in `Catalog::changes`.
pub type ChangeIx = usize;
