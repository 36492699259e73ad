//! The case's other written forms and what reading a file may take: share links (the payload,
//! base64url and the limits), the candidates CSV, the import size limit.
//! May import: support, case, validate.

pub mod candidates_csv;
pub mod share;

use crate::support::number::Fixed;

/// The largest file an import reads. Browsers keep about 5 MB of storage per site, so a larger
/// workspace could not be kept anyway; a case file is a few KB, 500 typical cases about 1.5 MB.
pub const MAX_IMPORT_BYTES: u64 = 5 * 1024 * 1024;

/// Why a file of `bytes` is not read, if it is too large: checked before reading it.
pub fn import_size_problem(bytes: u64) -> Option<String> {
    (bytes > MAX_IMPORT_BYTES).then(|| {
        format!(
            "the file is {} MB; files up to {} MB are read (a case file is a few KB)",
            Fixed(bytes as f64 / 1e6, 1),
            MAX_IMPORT_BYTES / (1024 * 1024),
        )
    })
}
