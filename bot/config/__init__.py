"""Settings, program data files and logging: what an installation is configured with."""
