"""brief's terminal side: the command line and the Textual dashboard that renders core's results."""
