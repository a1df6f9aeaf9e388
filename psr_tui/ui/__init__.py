"""The Textual user interface: screens, dialogs and widgets. Calls domain and store only."""
