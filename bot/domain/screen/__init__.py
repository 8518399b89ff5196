"""The crisis screen: text to concepts to a level and its reasons (``assess``)."""
