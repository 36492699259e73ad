//! What every layer uses and no rule of the process: typed numbers and their writing, dates,
//! money, the small ordered map and the one sort, the JSON reader, the escaper of user text.
//! May import: nothing of this crate.

pub mod date;
pub mod escape;
pub(crate) mod json;
pub mod money;
pub mod number;
pub mod order;
pub(crate) mod pretty;
pub mod sorted_map;
pub(crate) mod text_enum;
pub mod three_point;
pub mod written;
