//! Path globs for configuration, waivers and `--include`/`--exclude`.
//!
//! A glob matches a document path when it matches the path as given (with `/` separators and
//! no leading `./`), or that path made relative to a base directory (the directory of the
//! configuration or waiver file), or, for a glob without `/`, the file name alone. `*` does not
//! cross `/`; `**` does.

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};

/// A set of globs with the base directory relative paths are also tried against.
#[derive(Debug, Clone)]
pub struct PathMatcher {
    set: GlobSet,
    names: GlobSet,
    base: Option<PathBuf>,
    empty: bool,
}

fn glob(pattern: &str) -> Result<Glob, String> {
    GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .map_err(|e| format!("bad glob `{pattern}`: {e}"))
}

impl PathMatcher {
    /// Compiles globs.
    ///
    /// # Errors
    /// A message naming the bad glob.
    pub fn new(patterns: &[String], base: Option<PathBuf>) -> Result<Self, String> {
        let mut set = GlobSetBuilder::new();
        let mut names = GlobSetBuilder::new();
        for p in patterns {
            let p = p.trim_start_matches("./");
            set.add(glob(p)?);
            if !p.contains('/') {
                names.add(glob(p)?);
            }
        }
        let base = base.map(|b| b.canonicalize().unwrap_or(b));
        Ok(Self {
            set: set.build().map_err(|e| e.to_string())?,
            names: names.build().map_err(|e| e.to_string())?,
            base,
            empty: patterns.is_empty(),
        })
    }

    /// True when there are no globs.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// Whether a path matches one of the globs.
    #[must_use]
    pub fn is_match(&self, path: &str) -> bool {
        if self.empty {
            return false;
        }
        let shown = crate::report::display_path(path);
        if self.set.is_match(&shown) {
            return true;
        }
        if let Some(name) = Path::new(&shown).file_name().and_then(|n| n.to_str()) {
            if self.names.is_match(name) {
                return true;
            }
        }
        if let Some(base) = &self.base {
            let p = Path::new(path);
            let abs = if p.is_absolute() {
                Some(p.to_path_buf())
            } else {
                std::env::current_dir().ok().map(|cwd| cwd.join(p))
            };
            if let Some(abs) = abs {
                let abs = normalise(&abs);
                if let Ok(rel) = abs.strip_prefix(base) {
                    let rel = rel.to_string_lossy().replace('\\', "/");
                    if self.set.is_match(&rel) {
                        return true;
                    }
                }
            }
        }
        false
    }
}

/// Resolves `.` and `..` without touching the file system (the file may not exist), then
/// canonicalises the longest existing prefix so that symlinked temp dirs compare equal.
fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    if let Some(parent) = out.parent() {
        if let (Ok(canon), Some(name)) = (parent.canonicalize(), out.file_name()) {
            return canon.join(name);
        }
    }
    out
}

/// Expands inputs into document paths like [`crate::collect_paths`], applying `include` and
/// `exclude` to files found inside directories (a file named on the command line is always
/// checked). `include` empty means every file.
///
/// # Errors
/// Only for a directory that cannot be listed.
pub fn collect_filtered(
    inputs: &[PathBuf],
    include: &PathMatcher,
    exclude: &PathMatcher,
) -> Result<Vec<PathBuf>, flowdown_core::Error> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            for p in crate::collect_paths(std::slice::from_ref(input))? {
                let s = p.to_string_lossy();
                if exclude.is_match(&s) {
                    continue;
                }
                if !include.is_empty() && !include.is_match(&s) {
                    continue;
                }
                out.push(p);
            }
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_given_paths_names_and_relative_paths() {
        let m = PathMatcher::new(&["contracts/legacy/**".into(), "*.md".into()], None).unwrap();
        assert!(m.is_match("contracts/legacy/a.txt"));
        assert!(m.is_match("./contracts/legacy/sub/a.txt"));
        assert!(m.is_match("docs/readme.md"));
        assert!(!m.is_match("contracts/new/a.txt"));
        let star = PathMatcher::new(&["contracts/*.txt".into()], None).unwrap();
        assert!(!star.is_match("contracts/sub/a.txt"), "* does not cross /");
        let dir = tempfile_dir();
        let based = PathMatcher::new(&["legacy/**".into()], Some(dir.clone())).unwrap();
        let abs = dir.join("legacy/x.txt");
        assert!(based.is_match(&abs.to_string_lossy()));
        assert!(!PathMatcher::new(&[], None).unwrap().is_match("a"));
        assert!(PathMatcher::new(&["[".into()], None).is_err());
    }

    fn tempfile_dir() -> PathBuf {
        let d = std::env::temp_dir().join(format!("flowdown-paths-{}", std::process::id()));
        let _ = std::fs::create_dir_all(d.join("legacy"));
        d
    }
}
