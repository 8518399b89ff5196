"""The shipped program data (TOML), read with `bot.config.resources.read_program_file`; no code lives here."""
