//! Where parallax keeps its own files: the XDG base directories on Unix
//! (`$XDG_CONFIG_HOME`, else `~/.config`; likewise data and cache), the
//! platform's folders on Windows, through the `etcetera` crate. Nothing
//! here is ever inside a corpus.

use std::path::PathBuf;

use etcetera::BaseStrategy;

/// `$XDG_CONFIG_HOME/parallax`, else `~/.config/parallax`.
pub fn config_dir() -> Option<PathBuf> {
    Some(
        etcetera::choose_base_strategy()
            .ok()?
            .config_dir()
            .join("parallax"),
    )
}

/// `$XDG_DATA_HOME/parallax`, else `~/.local/share/parallax`.
pub fn data_dir() -> Option<PathBuf> {
    Some(etcetera::choose_base_strategy().ok()?.data_dir().join("parallax"))
}

/// `$XDG_CACHE_HOME/parallax`, else `~/.cache/parallax`.
pub fn cache_dir() -> Option<PathBuf> {
    Some(
        etcetera::choose_base_strategy()
            .ok()?
            .cache_dir()
            .join("parallax"),
    )
}

#[cfg(all(test, unix))]
mod tests {
    use std::process::Command;

    /// The environment is per process: each case runs this test again in a
    /// child (the test binary itself), which prints what it finds.
    fn probe(env: &[(&str, &str)]) -> String {
        let exe = std::env::current_exe().unwrap();
        let mut cmd = Command::new(exe);
        cmd.args(["--exact", "dirs::tests::xdg_rules_are_followed", "--nocapture"])
            .env_clear()
            .env("PARALLAX_DIRS_PROBE", "1");
        for (k, v) in env {
            cmd.env(k, v);
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    }

    #[test]
    fn xdg_rules_are_followed() {
        if std::env::var_os("PARALLAX_DIRS_PROBE").is_some() {
            println!("config={:?}", super::config_dir());
            println!("data={:?}", super::data_dir());
            println!("cache={:?}", super::cache_dir());
            return;
        }
        let out = probe(&[("HOME", "/home/ana")]);
        assert!(
            out.contains("config=Some(\"/home/ana/.config/parallax\")"),
            "{out}"
        );
        assert!(
            out.contains("data=Some(\"/home/ana/.local/share/parallax\")"),
            "{out}"
        );
        assert!(out.contains("cache=Some(\"/home/ana/.cache/parallax\")"), "{out}");
        let out = probe(&[
            ("HOME", "/home/ana"),
            ("XDG_CONFIG_HOME", "/cfg"),
            ("XDG_DATA_HOME", "relative/ignored"),
        ]);
        assert!(out.contains("config=Some(\"/cfg/parallax\")"), "{out}");
        assert!(
            out.contains("data=Some(\"/home/ana/.local/share/parallax\")"),
            "{out}"
        );
    }
}
