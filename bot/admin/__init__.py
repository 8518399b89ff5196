"""Administrator operations: the CLI's commands, doctor, backup, keys and the control socket."""
