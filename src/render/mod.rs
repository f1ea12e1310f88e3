//! Content as data: the markup tree every screen is built as, the blocks of the results, and the results with their
//! route cards. Nothing here touches the browser.

pub mod document;
pub mod markup;
pub mod results;
pub mod route_card;
