//! Requirement packs: data files (TOML) with ids, severities, docs, term lists, recognised
//! references and model clauses. The built-in pack `nato-cthb-2023` is embedded.

use flowdown_core::{Error, ErrorKind, Severity};
use serde::{Deserialize, Serialize};

/// The built-in pack's TOML source.
pub const BUILTIN_TOML: &str = include_str!("../packs/nato-cthb-2023.toml");

/// A requirement pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Pack {
    /// Pack id, e.g. `nato-cthb-2023`.
    pub id: String,
    /// Pack version.
    pub version: String,
    /// Human title.
    pub title: String,
    /// The source document the pack restates.
    pub source: String,
    /// Language the pack reads (ISO 639-1), e.g. `en`.
    pub language: String,
    /// Requirements in report order.
    #[serde(rename = "requirement")]
    pub requirements: Vec<RequirementDef>,
}

/// One requirement of a pack, with its documentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RequirementDef {
    /// Stable public id, e.g. `subcontractor-flowdown`.
    pub id: String,
    /// Severity when not satisfied.
    pub severity: Severity,
    /// Source paragraph, e.g. `para 19`.
    pub source: String,
    /// One-line summary.
    pub summary: String,
    /// What the requirement asks and why.
    pub explanation: String,
    /// What satisfies it.
    pub satisfied_by: String,
    /// Short examples of wording and the status each gets.
    #[serde(default)]
    pub examples: Vec<Example>,
    /// A model clause in the project's own words.
    pub model_clause: String,
}

/// An example wording and the status flowdown gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Example {
    /// The wording.
    pub text: String,
    /// The status it gets.
    pub status: flowdown_core::Status,
}

impl Pack {
    /// The built-in pack `nato-cthb-2023`.
    #[must_use]
    pub fn builtin() -> Self {
        // The embedded pack is tested; failing to parse it is a build defect, reported as an
        // empty pack rather than a panic.
        Self::from_toml_str(BUILTIN_TOML, "<built-in nato-cthb-2023>").unwrap_or_else(|_| Self {
            id: "nato-cthb-2023".into(),
            version: "invalid".into(),
            title: String::new(),
            source: String::new(),
            language: "en".into(),
            requirements: Vec::new(),
        })
    }

    /// Parses a pack; an unknown key or a bad value is an error naming the key and line.
    ///
    /// # Errors
    /// [`ErrorKind::Pack`] with the TOML parser's message (key, line and column).
    pub fn from_toml_str(src: &str, name: &str) -> Result<Self, Error> {
        let pack: Pack = toml::from_str(src)
            .map_err(|e| Error::new(ErrorKind::Pack, name, e.to_string().trim_end().to_owned()))?;
        pack.validate(name)?;
        Ok(pack)
    }

    /// Reads a pack file.
    ///
    /// # Errors
    /// `not-found`/`io` for the file, [`ErrorKind::Pack`] for its content.
    pub fn from_path(path: &std::path::Path) -> Result<Self, Error> {
        let name = path.display().to_string();
        let src = std::fs::read_to_string(path).map_err(|e| Error::io(&name, &e))?;
        Self::from_toml_str(&src, &name)
    }

    fn validate(&self, name: &str) -> Result<(), Error> {
        let mut seen = std::collections::BTreeSet::new();
        for r in &self.requirements {
            if !seen.insert(r.id.as_str()) {
                return Err(Error::new(
                    ErrorKind::Pack,
                    name,
                    format!("requirement id `{}` appears twice", r.id),
                ));
            }
        }
        Ok(())
    }

    /// The requirement with this id.
    #[must_use]
    pub fn requirement(&self, id: &str) -> Option<&RequirementDef> {
        self.requirements.iter().find(|r| r.id == id)
    }

    /// The pack reference written into reports.
    #[must_use]
    pub fn pack_ref(&self) -> flowdown_core::PackRef {
        flowdown_core::PackRef {
            id: self.id.clone(),
            version: self.version.clone(),
        }
    }
}
