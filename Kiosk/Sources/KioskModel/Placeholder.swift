// Placeholder: built in the kiosk issue.
