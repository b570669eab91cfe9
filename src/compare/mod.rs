mod related;

pub use related::{Options, RelatedIndex};
