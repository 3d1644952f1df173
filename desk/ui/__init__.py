"""The desk window: PySide6 widgets and models over desk.service, desk.session and desk.core."""
