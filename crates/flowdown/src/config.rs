//! Configuration: `flowdown.toml`, or `[tool.flowdown]` in `pyproject.toml`, found from the
//! working directory upwards (the first directory holding either wins; `flowdown.toml` before
//! `pyproject.toml`; a `pyproject.toml` without `[tool.flowdown]` is passed over).
//!
//! ```toml
//! pack = "packs/our-pack.toml"        # relative to this file; default: the built-in pack
//! fail-on = "warning"                 # error | warning | never
//! include = ["contracts/**"]          # globs over files found in directories
//! exclude = ["contracts/drafts/**"]
//! waivers = "flowdown-waivers.toml"   # relative to this file
//!
//! [severity]                          # severity overrides per requirement id
//! non-retaliation = "error"
//!
//! [[overrides]]                       # per-path severity overrides (later entries win)
//! paths = ["contracts/legacy/**"]
//! severity = { funds-use = "warning" }
//! ```
//!
//! Unknown keys are errors naming the key (and the line, for `flowdown.toml`). Command-line
//! flags win over the file: `--pack`, `--fail-on`, `--waivers`, and `--include` (replaces);
//! `--exclude` adds to the file's list.

use crate::paths::PathMatcher;
use flowdown_core::{Error, ErrorKind, Report, Severity, Summary};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// When a run fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    /// A requirement of severity error is not satisfied.
    Error,
    /// Errors and warnings.
    Warning,
    /// Never for findings.
    Never,
}

impl FailOn {
    /// The severity threshold, `None` for never.
    #[must_use]
    pub const fn threshold(self) -> Option<Severity> {
        match self {
            Self::Error => Some(Severity::Error),
            Self::Warning => Some(Severity::Warning),
            Self::Never => None,
        }
    }
}

/// Per-path overrides.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Override {
    /// Globs over document paths.
    pub paths: Vec<String>,
    /// Severity per requirement id for matching documents.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
}

/// The configuration file's content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// A pack file instead of the built-in pack (relative to the configuration file).
    #[serde(default)]
    pub pack: Option<PathBuf>,
    /// The failure threshold.
    #[serde(default)]
    pub fail_on: Option<FailOn>,
    /// Globs of files to check inside directories.
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files to skip inside directories.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Severity overrides per requirement id.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Per-path overrides, applied in order after `severity`.
    #[serde(default)]
    pub overrides: Vec<Override>,
    /// A waiver file (relative to the configuration file).
    #[serde(default)]
    pub waivers: Option<PathBuf>,
    /// The file it was read from (`None` for the defaults).
    #[serde(skip)]
    pub source: Option<PathBuf>,
}

/// Names of the configuration files, in the order they are looked for in each directory.
pub const CONFIG_FILES: [&str; 2] = ["flowdown.toml", "pyproject.toml"];

impl Config {
    /// Parses `flowdown.toml` content.
    ///
    /// # Errors
    /// [`ErrorKind::Config`] naming the key and line of an unknown key or bad value.
    pub fn from_toml_str(src: &str, name: &str) -> Result<Self, Error> {
        toml::from_str(src)
            .map_err(|e| Error::new(ErrorKind::Config, name, e.to_string().trim_end().to_owned()))
    }

    /// Parses a `pyproject.toml`; `Ok(None)` when it has no `[tool.flowdown]` table.
    ///
    /// # Errors
    /// [`ErrorKind::Config`] for invalid TOML or an invalid `[tool.flowdown]` table.
    pub fn from_pyproject_str(src: &str, name: &str) -> Result<Option<Self>, Error> {
        let table: toml::Table = toml::from_str(src).map_err(|e| {
            Error::new(ErrorKind::Config, name, e.to_string().trim_end().to_owned())
        })?;
        let Some(section) = table.get("tool").and_then(|t| t.get("flowdown")).cloned() else {
            return Ok(None);
        };
        Config::deserialize(section).map(Some).map_err(|e| {
            Error::new(
                ErrorKind::Config,
                name,
                format!("[tool.flowdown]: {}", e.to_string().trim_end()),
            )
        })
    }

    /// Reads a configuration file (`pyproject.toml` by its name, anything else as
    /// `flowdown.toml`). A `pyproject.toml` without `[tool.flowdown]` gives the defaults.
    ///
    /// # Errors
    /// `not-found`/`io` for the file, [`ErrorKind::Config`] for its content.
    pub fn from_path(path: &Path) -> Result<Self, Error> {
        let name = path.display().to_string();
        let src = std::fs::read_to_string(path).map_err(|e| Error::io(&name, &e))?;
        let mut config = if path.file_name().is_some_and(|n| n == "pyproject.toml") {
            Self::from_pyproject_str(&src, &name)?.unwrap_or_default()
        } else {
            Self::from_toml_str(&src, &name)?
        };
        config.source = Some(path.to_path_buf());
        Ok(config)
    }

    /// Looks for a configuration from `start` upwards.
    ///
    /// # Errors
    /// The error of the first configuration file found, if it is invalid.
    pub fn discover(start: &Path) -> Result<Option<Self>, Error> {
        let start = start.canonicalize().unwrap_or_else(|_| start.to_path_buf());
        for dir in start.ancestors() {
            let flowdown = dir.join(CONFIG_FILES[0]);
            if flowdown.is_file() {
                return Self::from_path(&flowdown).map(Some);
            }
            let pyproject = dir.join(CONFIG_FILES[1]);
            if pyproject.is_file() {
                let name = pyproject.display().to_string();
                let src = std::fs::read_to_string(&pyproject).map_err(|e| Error::io(&name, &e))?;
                if let Some(mut c) = Self::from_pyproject_str(&src, &name)? {
                    c.source = Some(pyproject);
                    return Ok(Some(c));
                }
            }
        }
        Ok(None)
    }

    /// The directory of the configuration file (relative paths in it are resolved from here).
    #[must_use]
    pub fn base_dir(&self) -> Option<PathBuf> {
        self.source
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
    }

    /// A path of the file, resolved from its directory.
    #[must_use]
    pub fn resolve(&self, p: &Path) -> PathBuf {
        match self.base_dir() {
            Some(b) if p.is_relative() => b.join(p),
            _ => p.to_path_buf(),
        }
    }

    fn name(&self) -> String {
        self.source
            .as_deref()
            .map_or_else(|| "<config>".to_owned(), |p| p.display().to_string())
    }

    /// Checks the requirement ids of severity overrides against the pack, and the globs.
    ///
    /// # Errors
    /// [`ErrorKind::Config`] naming the unknown id or bad glob.
    pub fn validate(&self, pack: &crate::Pack) -> Result<(), Error> {
        let ids: Vec<&str> = pack.requirements.iter().map(|r| r.id.as_str()).collect();
        let check = |id: &str, at: &str| {
            if pack.requirement(id).is_none() {
                return Err(Error::new(
                    ErrorKind::Config,
                    self.name(),
                    format!(
                        "{at}: unknown requirement `{id}` (pack {} has: {})",
                        pack.id,
                        ids.join(", ")
                    ),
                ));
            }
            Ok(())
        };
        for id in self.severity.keys() {
            check(id, "severity")?;
        }
        for (i, o) in self.overrides.iter().enumerate() {
            for id in o.severity.keys() {
                check(id, &format!("overrides[{i}].severity"))?;
            }
            PathMatcher::new(&o.paths, None).map_err(|m| {
                Error::new(
                    ErrorKind::Config,
                    self.name(),
                    format!("overrides[{i}]: {m}"),
                )
            })?;
        }
        for (key, globs) in [("include", &self.include), ("exclude", &self.exclude)] {
            PathMatcher::new(globs, None)
                .map_err(|m| Error::new(ErrorKind::Config, self.name(), format!("{key}: {m}")))?;
        }
        Ok(())
    }

    /// Applies severity overrides (global, then per path in order) and recomputes summaries.
    ///
    /// # Errors
    /// [`ErrorKind::Config`] for a bad glob in `overrides`.
    pub fn apply_severities(&self, report: &mut Report) -> Result<(), Error> {
        if self.severity.is_empty() && self.overrides.is_empty() {
            return Ok(());
        }
        let base = self.base_dir();
        let matchers = self
            .overrides
            .iter()
            .enumerate()
            .map(|(i, o)| {
                PathMatcher::new(&o.paths, base.clone()).map_err(|m| {
                    Error::new(
                        ErrorKind::Config,
                        self.name(),
                        format!("overrides[{i}]: {m}"),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        for d in &mut report.documents {
            if d.error.is_some() {
                continue;
            }
            let path = d.path.clone();
            for r in &mut d.requirements {
                if let Some(s) = self.severity.get(&r.id) {
                    r.severity = *s;
                }
                for (o, m) in self.overrides.iter().zip(&matchers) {
                    if let Some(s) = o.severity.get(&r.id) {
                        if m.is_match(&path) {
                            r.severity = *s;
                        }
                    }
                }
            }
            d.summary = Summary::of(&d.requirements);
        }
        Ok(())
    }

    /// The include and exclude matchers (relative to the configuration file's directory).
    ///
    /// # Errors
    /// [`ErrorKind::Config`] for a bad glob.
    pub fn matchers(
        &self,
        extra_include: &[String],
        extra_exclude: &[String],
    ) -> Result<(PathMatcher, PathMatcher), Error> {
        let include = if extra_include.is_empty() {
            self.include.clone()
        } else {
            extra_include.to_vec()
        };
        let mut exclude = self.exclude.clone();
        exclude.extend(extra_exclude.iter().cloned());
        let base = self.base_dir();
        let inc = PathMatcher::new(&include, base.clone())
            .map_err(|m| Error::new(ErrorKind::Config, self.name(), format!("include: {m}")))?;
        let exc = PathMatcher::new(&exclude, base)
            .map_err(|m| Error::new(ErrorKind::Config, self.name(), format!("exclude: {m}")))?;
        Ok((inc, exc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flowdown_core::Status;

    #[test]
    fn unknown_keys_are_named() {
        let e = Config::from_toml_str("pack = \"p.toml\"\nfail_on = \"never\"\n", "flowdown.toml")
            .unwrap_err();
        assert_eq!(e.kind, ErrorKind::Config);
        assert!(e.message.contains("fail_on"), "{}", e.message);
        assert!(e.message.contains("line 2"), "{}", e.message);
        let e = Config::from_toml_str("[[overrides]]\npaths = [\"a\"]\nseverty = {}\n", "f")
            .unwrap_err();
        assert!(e.message.contains("severty"), "{}", e.message);
        let e = Config::from_pyproject_str("[tool.flowdown]\nbogus = 1\n", "pyproject.toml")
            .unwrap_err();
        assert!(
            e.message.contains("bogus") && e.message.contains("[tool.flowdown]"),
            "{}",
            e.message
        );
        let e = Config::from_toml_str("fail-on = \"sometimes\"\n", "f").unwrap_err();
        assert!(e.message.contains("sometimes"), "{}", e.message);
    }

    #[test]
    fn full_config_parses() {
        let c = Config::from_toml_str(
            r#"
pack = "packs/p.toml"
fail-on = "warning"
include = ["contracts/**"]
exclude = ["drafts/**"]
waivers = "waivers.toml"
[severity]
non-retaliation = "error"
[[overrides]]
paths = ["legacy/**"]
severity = { funds-use = "info" }
"#,
            "flowdown.toml",
        )
        .unwrap();
        assert_eq!(c.fail_on, Some(FailOn::Warning));
        assert_eq!(c.severity.get("non-retaliation"), Some(&Severity::Error));
        assert_eq!(
            c.overrides[0].severity.get("funds-use"),
            Some(&Severity::Info)
        );
        assert!(Config::from_pyproject_str("[project]\nname='x'\n", "p")
            .unwrap()
            .is_none());
        let pack = crate::Pack::builtin();
        c.validate(&pack).unwrap();
        let bad = Config::from_toml_str("[severity]\nfunds = \"info\"\n", "f").unwrap();
        let e = bad.validate(&pack).unwrap_err();
        assert!(
            e.message.contains("unknown requirement `funds`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn discovery_walks_upwards_and_prefers_flowdown_toml() {
        let root = std::env::temp_dir().join(format!("flowdown-config-{}", std::process::id()));
        let deep = root.join("a/b/c");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(
            root.join("pyproject.toml"),
            "[tool.flowdown]\nfail-on = \"never\"\n",
        )
        .unwrap();
        std::fs::write(root.join("a/pyproject.toml"), "[project]\nname = \"x\"\n").unwrap();
        let c = Config::discover(&deep).unwrap().unwrap();
        assert_eq!(c.fail_on, Some(FailOn::Never));
        assert!(c.source.unwrap().ends_with("pyproject.toml"));
        std::fs::write(root.join("a/flowdown.toml"), "fail-on = \"warning\"\n").unwrap();
        let c = Config::discover(&deep).unwrap().unwrap();
        assert_eq!(c.fail_on, Some(FailOn::Warning));
        std::fs::write(
            root.join("a/flowdown.toml"),
            "fail-on = \"warning\"\nwat = 1\n",
        )
        .unwrap();
        let e = Config::discover(&deep).unwrap_err();
        assert!(e.message.contains("wat"));
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn severity_overrides_apply_per_path() {
        let mut report = crate::report::tests::sample_report();
        let c = Config::from_toml_str(
            "[severity]\nreporting = \"error\"\n[[overrides]]\npaths = [\"contracts/*.txt\"]\nseverity = { funds-use = \"info\" }\n",
            "f",
        )
        .unwrap();
        c.apply_severities(&mut report).unwrap();
        let d = &report.documents[0];
        let get = |id: &str| d.requirements.iter().find(|r| r.id == id).unwrap();
        assert_eq!(get("reporting").severity, Severity::Error);
        assert_eq!(get("funds-use").severity, Severity::Info);
        assert_eq!(get("funds-use").status, Status::Missing);
    }
}
