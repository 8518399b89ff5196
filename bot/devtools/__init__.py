"""Tools for trying and testing the bot: the Bot API emulator and the terminal demo."""
