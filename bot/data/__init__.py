"""The shipped program data (TOML), read with `bot.resources.read_program_file`; no code lives here."""
