"""Admin plumbing shared by the admin views: menus and permissions."""
