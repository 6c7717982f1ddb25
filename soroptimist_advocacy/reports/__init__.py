"""Action reports: forms, submission, tokens and links, emails, reminders, retention, tasks, permissions and their admin."""
