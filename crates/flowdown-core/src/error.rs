//! Typed errors. Every error names the file and the cause; its [`ErrorKind`] is the stable,
//! public id written into reports (`error.kind`).

use serde::{Deserialize, Serialize};
use std::fmt;

/// The stable kind of an operational error, as written in reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The path does not exist.
    NotFound,
    /// The path exists but could not be read (I/O error, a directory where a file was named, …).
    Io,
    /// The content is of a format flowdown does not read (legacy `.doc`, images, archives…).
    UnsupportedFormat,
    /// The document is not in a language the pack reads.
    UnsupportedLanguage,
    /// The document is encrypted or password-protected.
    Encrypted,
    /// A PDF without a text layer (scanned).
    NoTextLayer,
    /// The bytes are not valid for their format (truncated zip, broken XML, bad PDF…).
    Malformed,
    /// A configured limit was exceeded (size, entries, ratio, depth, objects).
    LimitExceeded,
    /// An XML DTD / entity declaration (billion laughs, XXE) was refused.
    EntityRefused,
    /// The text could not be decoded.
    Encoding,
    /// The document holds no text at all.
    Empty,
    /// A pack file is invalid.
    Pack,
    /// A declaration file is invalid.
    Declaration,
    /// A configuration file is invalid.
    Config,
    /// A list file (screening) is invalid.
    List,
    /// An internal error (a bug): reported, never a crash.
    Internal,
}

impl ErrorKind {
    /// The public id.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotFound => "not-found",
            Self::Io => "io",
            Self::UnsupportedFormat => "unsupported-format",
            Self::UnsupportedLanguage => "unsupported-language",
            Self::Encrypted => "encrypted",
            Self::NoTextLayer => "no-text-layer",
            Self::Malformed => "malformed",
            Self::LimitExceeded => "limit-exceeded",
            Self::EntityRefused => "entity-refused",
            Self::Encoding => "encoding",
            Self::Empty => "empty",
            Self::Pack => "pack",
            Self::Declaration => "declaration",
            Self::Config => "config",
            Self::List => "list",
            Self::Internal => "internal",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error reading or judging one input. Carried in the report beside the other results.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[error("{path}: {message}")]
pub struct Error {
    /// What went wrong, as a stable id.
    pub kind: ErrorKind,
    /// The file concerned.
    pub path: String,
    /// One sentence naming the cause (and the limit or location where there is one).
    pub message: String,
}

impl Error {
    /// A new error.
    #[must_use]
    pub fn new(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            kind,
            path: path.into(),
            message: message.into(),
        }
    }

    /// An I/O error, mapped to `not-found` where it is one.
    #[must_use]
    pub fn io(path: impl Into<String>, err: &std::io::Error) -> Self {
        let kind = if err.kind() == std::io::ErrorKind::NotFound {
            ErrorKind::NotFound
        } else {
            ErrorKind::Io
        };
        Self::new(kind, path, err.to_string())
    }
}

/// Result alias with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
