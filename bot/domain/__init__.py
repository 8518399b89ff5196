"""The rules of the program as plain logic: no Telegram, store or texts imports."""
