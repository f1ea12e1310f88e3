//! The compact binary form of a validated pack and its texts, which the app embeds at build time (postcard).

use thiserror::Error;

use crate::details::Details;
use crate::model::Pack;
use crate::texts::{Bundle, Texts};

/// Encoding failed, or the bytes are not a pack or texts of this engine version (damaged, or built by another version).
#[derive(Debug, Error)]
#[error("the rule data cannot be encoded or decoded: {0}")]
pub struct BytesError(#[from] postcard::Error);

/// The pack as bytes.
pub fn pack_to_bytes(pack: &Pack) -> Result<Vec<u8>, BytesError> {
    Ok(postcard::to_allocvec(pack)?)
}

/// The pack back from `pack_to_bytes`.
pub fn pack_from_bytes(bytes: &[u8]) -> Result<Pack, BytesError> {
    Ok(postcard::from_bytes(bytes)?)
}

/// The texts as bytes.
pub fn texts_to_bytes(texts: &Texts) -> Result<Vec<u8>, BytesError> {
    Ok(postcard::to_allocvec(texts)?)
}

/// The texts back from `texts_to_bytes`.
pub fn texts_from_bytes(bytes: &[u8]) -> Result<Texts, BytesError> {
    Ok(postcard::from_bytes(bytes)?)
}

/// A text bundle as bytes.
pub fn bundle_to_bytes(bundle: &Bundle) -> Result<Vec<u8>, BytesError> {
    Ok(postcard::to_allocvec(bundle)?)
}

/// A text bundle back from `bundle_to_bytes`.
pub fn bundle_from_bytes(bytes: &[u8]) -> Result<Bundle, BytesError> {
    Ok(postcard::from_bytes(bytes)?)
}

/// A list of keys as bytes.
pub fn keys_to_bytes(keys: &[Vec<String>]) -> Result<Vec<u8>, BytesError> {
    Ok(postcard::to_allocvec(keys)?)
}

/// A list of keys back from `keys_to_bytes`.
pub fn keys_from_bytes(bytes: &[u8]) -> Result<Vec<Vec<String>>, BytesError> {
    Ok(postcard::from_bytes(bytes)?)
}

/// The results-only details of a pack as bytes.
pub fn details_to_bytes(details: &Details) -> Result<Vec<u8>, BytesError> {
    Ok(postcard::to_allocvec(details)?)
}

/// The details back from `details_to_bytes`.
pub fn details_from_bytes(bytes: &[u8]) -> Result<Details, BytesError> {
    Ok(postcard::from_bytes(bytes)?)
}
