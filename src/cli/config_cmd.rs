//! `parallax config`: where the config file is, and its commented default.

use std::io::Write;

use clap::Args;

use crate::config;

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print a commented default config.toml.
    #[arg(long)]
    pub print_default: bool,
    /// Write the commented default config.toml (never overwrites a file).
    #[arg(long, conflicts_with = "print_default")]
    pub init: bool,
}

pub fn run(args: &ConfigArgs, out: &mut dyn Write) -> anyhow::Result<i32> {
    if args.print_default {
        out.write_all(config::default_text(&crate::app::action::key_docs()).as_bytes())?;
        return Ok(super::EXIT_OK);
    }
    if args.init {
        let Some(path) = config::config_path() else {
            anyhow::bail!("no config folder: set HOME or XDG_CONFIG_HOME");
        };
        config::write_default(&path, &crate::app::action::key_docs())
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
        writeln!(out, "wrote {}", crate::escape::line(&path.display().to_string()))?;
        return Ok(super::EXIT_OK);
    }
    match config::config_path() {
        Some(path) => {
            let state = if path.exists() {
                "exists"
            } else {
                "not created yet"
            };
            writeln!(
                out,
                "{} ({state})",
                crate::escape::line(&path.display().to_string())
            )?;
            writeln!(
                out,
                "`parallax config --print-default > {}` writes a commented default.",
                crate::escape::line(&path.display().to_string())
            )?;
        }
        None => writeln!(out, "no config folder: set HOME or XDG_CONFIG_HOME")?,
    }
    Ok(super::EXIT_OK)
}
