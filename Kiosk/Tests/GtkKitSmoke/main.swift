// gtkkit-smoke: exercises GtkKit against a real display (run by Tests/e2e/run.sh under Xvfb):
// signal closures and their release, the main-loop bridge, timeouts, dialogs, the file
// chooser, PDF export and RGBA pictures. Prints one line per check; exits 1 on any failure.
import Foundation

exit(MainActor.assumeIsolated { SmokeTest().run() })
