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
    /// Term lists used by the judge.
    pub terms: Terms,
    /// Recognised references (incorporation by reference).
    #[serde(rename = "reference", default)]
    pub references: Vec<ReferenceDef>,
    /// Compiled form, built on first use.
    #[serde(skip)]
    pub(crate) compiled: Compiled,
}

/// Term lists (regular expressions, case-insensitive) the judge reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Terms {
    /// Trafficking and the practices treated as equivalent (the link to trafficking).
    pub trafficking: Vec<String>,
    /// Forms of exploitation that count only partly (child labour, convict labour).
    pub partial_exploitation: Vec<String>,
    /// Contexts where "trafficking" means something else (advertising, goods).
    pub trafficking_traps: Vec<String>,
    /// Contexts where "servitude" is a property right.
    pub servitude_traps: Vec<String>,
    /// Binding language.
    pub binding: Vec<String>,
    /// Hedges that make an obligation weak.
    pub hedges: Vec<String>,
    /// Language that waives, disclaims or carves out a duty.
    pub exclusions: Vec<String>,
    /// Names of the supplying party (plain words, not patterns).
    pub supplier_terms: Vec<String>,
    /// Names of the buying party (plain words, not patterns).
    pub buyer_terms: Vec<String>,
}

/// A recognised reference (a standard clause or instrument) and what incorporating it gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ReferenceDef {
    /// Stable id, e.g. `far-52.222-50`.
    pub id: String,
    /// Title used in notes.
    pub title: String,
    /// Regular expression finding the reference in text.
    pub pattern: String,
    /// Requirements satisfied by incorporating it.
    #[serde(default)]
    pub covers: Vec<String>,
    /// Requirements it gives only `weak`.
    #[serde(default)]
    pub weak: Vec<String>,
    /// Requirements given only where a condition holds (noted); see `condition-void`.
    #[serde(default)]
    pub conditional: Vec<String>,
    /// The condition, for the note.
    #[serde(default)]
    pub condition: Option<String>,
    /// Patterns stating that the condition does not hold (then `conditional` gives nothing).
    #[serde(default)]
    pub condition_void: Vec<String>,
    /// Paragraph letters of the reference and the requirements each gives (for carve-outs such
    /// as "except paragraph (h)").
    #[serde(default)]
    pub paragraphs: std::collections::BTreeMap<String, Vec<String>>,
}

/// Lazily compiled judge data; equal for every pack (it is derived state).
#[derive(Clone, Default)]
pub(crate) struct Compiled(pub(crate) std::sync::OnceLock<std::sync::Arc<crate::judge::Lexicon>>);

impl PartialEq for Compiled {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Compiled")
    }
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
    /// Which judge reads it (defaults to the id; one of the built-in detectors).
    #[serde(default)]
    pub detector: Option<String>,
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
            terms: Terms {
                trafficking: Vec::new(),
                partial_exploitation: Vec::new(),
                trafficking_traps: Vec::new(),
                servitude_traps: Vec::new(),
                binding: Vec::new(),
                hedges: Vec::new(),
                exclusions: Vec::new(),
                supplier_terms: Vec::new(),
                buyer_terms: Vec::new(),
            },
            references: Vec::new(),
            compiled: Compiled::default(),
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
            let detector = r.detector.as_deref().unwrap_or(&r.id);
            if !crate::judge::DETECTORS.contains(&detector) {
                return Err(Error::new(
                    ErrorKind::Pack,
                    name,
                    format!(
                        "requirement `{}`: unknown detector `{detector}`. Choose from: {}",
                        r.id,
                        crate::judge::DETECTORS.join(", ")
                    ),
                ));
            }
        }
        for reference in &self.references {
            for id in reference
                .covers
                .iter()
                .chain(&reference.weak)
                .chain(&reference.conditional)
                .chain(reference.paragraphs.values().flatten())
            {
                if !seen.contains(id.as_str()) {
                    return Err(Error::new(
                        ErrorKind::Pack,
                        name,
                        format!(
                            "reference `{}` names unknown requirement `{id}`",
                            reference.id
                        ),
                    ));
                }
            }
        }
        // Compile now so that a bad pattern is a pack error, not a surprise later.
        crate::judge::Lexicon::new(self).map_err(|m| Error::new(ErrorKind::Pack, name, m))?;
        Ok(())
    }

    /// The compiled judge data of this pack.
    pub(crate) fn lexicon(&self) -> std::sync::Arc<crate::judge::Lexicon> {
        self.compiled
            .0
            .get_or_init(|| {
                std::sync::Arc::new(
                    crate::judge::Lexicon::new(self)
                        .unwrap_or_else(|_| crate::judge::Lexicon::empty()),
                )
            })
            .clone()
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
