//! Where the app meets the browser: drawing trees into the page, the native listeners, fetching text files, the
//! page's address and clipboard, and the quick exit. The DOM code builds only for WebAssembly.

pub mod address;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub(crate) mod events;
#[cfg(target_arch = "wasm32")]
pub mod fetch;
pub mod quick_exit;
